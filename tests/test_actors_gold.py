"""The hand-labelled mention sample points at real text in the benchmark news."""

from __future__ import annotations

import csv
import gzip
import json

import pytest

from conftest import BENCH_NEWS, TEST_DATA
from parley.actors import load_kb

SAMPLES = [TEST_DATA / "mentions_gold.tsv", TEST_DATA / "mentions_heldout.tsv"]


def _gold(path) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return list(csv.DictReader((line for line in handle if not line.startswith("#")),
                                   delimiter="\t"))


@pytest.fixture(scope="module")
def articles():
    wanted = {row["article"] for path in SAMPLES for row in _gold(path)}
    with gzip.open(BENCH_NEWS, "rt", encoding="utf-8") as handle:
        records = (json.loads(line) for line in handle)
        return {r["id"]: r["text"] for r in records if r["id"] in wanted}


@pytest.mark.skipif(not BENCH_NEWS.exists(), reason="benchmark news not available")
@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_actors_gold_offsets_point_at_the_mention_text(articles, path):
    rows = _gold(path)
    assert len(rows) >= 100
    kb = load_kb()
    for row in rows:
        text = articles[row["article"]]
        assert text[int(row["char_start"]):int(row["char_end"])] == row["text"]
        assert row["country"] == "" or row["country"] in kb.actors
        assert row["sector"] in kb.sectors
