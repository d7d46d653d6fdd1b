"""The engine: ingest into a real DuckDB file, idempotent re-runs, manifests, near-duplicates."""

from __future__ import annotations

from pathlib import Path

import pytest

from parley.engine import ingest
from parley.store import connection, queries

SAMPLE = Path(__file__).resolve().parents[1] / "parley" / "data" / "sample"


def test_engine_ingest_seeds_twice_stores_once(seeds_dir, db_path):
    first = ingest([str(seeds_dir)], db_path, stages=())
    assert (first.stored, first.duplicates, len(first.quarantined)) == (5, 0, 0)
    second = ingest([str(seeds_dir)], db_path, stages=())
    assert (second.stored, second.unchanged_files, second.duplicates) == (0, 5, 0)
    rescanned = ingest([str(seeds_dir)], db_path, stages=(), rescan=True)
    assert (rescanned.stored, rescanned.unchanged_files, rescanned.duplicates) == (0, 0, 5)
    with connection(db_path, read_only=True) as conn:
        assert queries.count(conn, "documents") == 5


def test_engine_manifest_dates_and_near_duplicates(db_path):
    summary = ingest([str(SAMPLE)], db_path, manifest=SAMPLE / "manifest.csv", stages=())
    assert summary.stored == 15 and not summary.quarantined
    with connection(db_path, read_only=True) as conn:
        docs = {Path(d["source"]).name: d for d in queries.list_documents(conn)}
    assert docs["article-12.txt"]["published"] == "2024-01-19"
    assert docs["article-12.txt"]["outlet"] == "Caspian Courier"
    # article-14 is a syndicated copy of article-13 with small edits: linked, not dropped
    assert docs["article-14.txt"]["duplicate_of"] == docs["article-13.txt"]["id"]
    assert summary.near_duplicates == 1


@pytest.mark.parametrize("bad_name, content, reason", [
    ("empty.txt", b"", "empty"),
    ("broken.jsonl", b'{"id": "a", "text": "Iran and Russia met in Astana on Tuesday to discuss Syria."}\n{oops\n',
     "bad_json"),
])
def test_engine_quarantines_bad_input_and_keeps_the_rest(tmp_path, db_path, seeds_dir, bad_name, content, reason):
    bad = tmp_path / bad_name
    bad.write_bytes(content)
    summary = ingest([str(seeds_dir), str(bad)], db_path, stages=())
    assert summary.stored >= 5
    assert [r.reason for r in summary.quarantined] == [reason]
    with connection(db_path, read_only=True) as conn:
        assert [q["reason"] for q in queries.list_quarantine(conn)] == [reason]
    again = ingest([str(seeds_dir), str(bad)], db_path, stages=())
    assert again.stored == 0
    with connection(db_path, read_only=True) as conn:
        assert len(queries.list_quarantine(conn)) == 1


def test_engine_rerun_on_a_grown_folder_reads_only_the_new_files(tmp_path, db_path, seeds_dir):
    folder = tmp_path / "feed"
    folder.mkdir()
    seeds = sorted(seeds_dir.glob("*.txt"))
    for seed in seeds[:3]:
        (folder / seed.name).write_bytes(seed.read_bytes())
    assert ingest([str(folder)], db_path, stages=()).stored == 3
    for seed in seeds[3:]:
        (folder / seed.name).write_bytes(seed.read_bytes())
    second = ingest([str(folder)], db_path, stages=())
    assert (second.stored, second.unchanged_files, second.duplicates) == (2, 3, 0)
