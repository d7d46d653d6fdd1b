"""The short-phrase actor set (bench/devsets/actor_phrases.yaml): a floor on country accuracy.

The figures themselves are measured by bench/actor_phrases.py; this guards against a change
that loses what the resolver gets right today."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from parley import api
from parley.events import CODE_STAGES

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from actor_phrases import load_phrases, resolve_phrases, summarise  # noqa: E402

FLOOR = 0.95


@pytest.fixture(scope="module")
def summary() -> dict:
    items = load_phrases()
    assert len(items) >= 100
    return summarise(resolve_phrases(items, api.get_pipeline(tuple(CODE_STAGES))))


@pytest.mark.parametrize("setting", ["alone", "in_sentence"])
def test_country_accuracy_floor(summary, setting):
    got = summary[setting]
    assert got["country_accuracy"] >= FLOOR, got["misses"]


def test_every_kind_is_mostly_right(summary):
    worst = min(summary["alone"]["country_accuracy_by_kind"].items(), key=lambda kv: kv[1])
    assert worst[1] >= 0.85, worst
