"""The event dev sets of bench/devsets are registered, kept apart and hold no article text.

An unseen set (``events_round7.UNSEEN_SETS``) must stay out of every default set list and out of
the failure-class scripts until it is scored once, and its articles must be in no other set. These
checks read only the files' field names and article ids, never a sentence or a label, so they can
run on the unseen sets too.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[1] / "bench"
sys.path.insert(0, str(BENCH))
import events_round7  # noqa: E402
import events_round8  # noqa: E402
import events_round12  # noqa: E402, F401  (importing it puts its default sets into events_round8.SETS)

# The fields a row may carry: ids and offsets into the benchmark news, never the sentence itself.
ROW_FIELDS = {"id", "article_id", "char_start", "char_end", "date", "events", "context_start"}


def _rows(name: str) -> list[dict]:
    path = events_round7.DEVSETS / f"{events_round7.NEWS_SETS[name]}.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_every_event_dev_set_file_is_registered_and_every_registered_set_exists():
    on_disk = {path.stem for path in events_round7.DEVSETS.glob("events_*_dev.jsonl")}
    assert on_disk == set(events_round7.NEWS_SETS.values())


def test_unseen_sets_are_in_no_default_list():
    assert events_round7.UNSEEN_SETS <= set(events_round7.NEWS_SETS)
    for name in events_round7.UNSEEN_SETS:
        assert name not in events_round7.dev_set_names(skip="")
        assert name not in events_round8.SETS.split(",")


@pytest.mark.parametrize("name", sorted(events_round7.NEWS_SETS))
def test_rows_hold_offsets_and_no_text(name):
    rows = _rows(name)
    assert rows
    assert len({row["id"] for row in rows}) == len(rows)
    for row in rows:
        assert set(row) <= ROW_FIELDS, row["id"]
        assert 0 <= row["char_start"] < row["char_end"], row["id"]


@pytest.mark.parametrize("name", sorted(events_round7.UNSEEN_SETS))
def test_unseen_set_shares_no_article_with_another_set(name):
    unseen = {row["article_id"] for row in _rows(name)}
    for other in events_round7.NEWS_SETS:
        if other != name:
            assert not unseen & {row["article_id"] for row in _rows(other)}, other
