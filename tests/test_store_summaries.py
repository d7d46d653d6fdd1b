"""Summary tables (parley.store.summaries): moved by each ingest's changes, they equal both a
full rebuild and the same counts taken directly from the events and mentions they summarise."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from parley.engine import ingest, rebuild
from parley.store import connection
from parley.store.summaries import SUMMARY_TABLES

SAMPLE = Path(__file__).resolve().parents[1] / "parley" / "data" / "sample"
PARTS = 3


def _tables(path: Path) -> dict[str, list[tuple]]:
    with connection(path, read_only=True) as conn:
        return {t: sorted(conn.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in SUMMARY_TABLES}


@pytest.fixture(scope="module")
def grown(tmp_path_factory) -> Path:
    """The sample corpus ingested in three runs, so that later runs re-cluster earlier events."""
    folder = tmp_path_factory.mktemp("summaries")
    articles = sorted(p for p in SAMPLE.iterdir() if p.name.startswith("article-"))
    path = folder / "grown.duckdb"
    for part in range(PARTS):
        files = folder / f"part{part}"
        files.mkdir()
        for article in articles[part::PARTS]:
            shutil.copy(article, files / article.name)
        shutil.copy(SAMPLE / "manifest.csv", files / "manifest.csv")
        ingest([str(files)], path, manifest=files / "manifest.csv")
    return path


def test_summaries_incremental_equal_full_rebuild(grown, tmp_path):
    incremental = _tables(grown)
    assert incremental["event_actors"] and incremental["actor_pairs"] and incremental["process_event_counts"]
    copy = tmp_path / "rebuilt.duckdb"
    shutil.copy(grown, copy)
    rebuild(copy)
    assert _tables(copy) == incremental


def test_summaries_count_what_they_summarise(grown):
    with connection(grown, read_only=True) as conn:
        summary = dict(((a, (m, e)) for a, m, e in conn.execute("SELECT * FROM actor_summary").fetchall()))
        mentions = dict(conn.execute("SELECT actor_id, count(*) FROM mentions WHERE actor_id IS NOT NULL "
                                     "GROUP BY 1").fetchall())
        events = dict(conn.execute("SELECT a, count(DISTINCT event_id) FROM (SELECT event_id, unnest(actor_ids) a "
                                   "FROM events UNION ALL SELECT event_id, unnest(recipient_ids) FROM events) "
                                   "WHERE a <> '?' GROUP BY 1").fetchall())
        assert {a: m for a, (m, _) in summary.items() if m} == mentions
        assert {a: e for a, (_, e) in summary.items() if e} == events
        by_type = dict(conn.execute("SELECT event_type, sum(n) FROM place_event_counts GROUP BY 1").fetchall())
        assert by_type == dict(conn.execute("SELECT event_type, count(*) FROM events WHERE geonameid IS NOT NULL "
                                            "GROUP BY 1").fetchall())
        # a pair counted from one side is counted from the other
        pairs = conn.execute("SELECT actor_id, other, event_type, n FROM actor_pairs").fetchall()
        assert {(a, b, t, n) for a, b, t, n in pairs} == {(b, a, t, n) for a, b, t, n in pairs}
        assert all(n > 0 for *_, n in pairs)


def test_summaries_built_for_a_database_from_before_them(grown, tmp_path):
    """``parley serve`` on a schema-0005 file migrates it and builds the summaries it reads."""
    from parley.store.summaries import bring_up_to_date

    expected = _tables(grown)
    old = tmp_path / "old.duckdb"
    shutil.copy(grown, old)
    with connection(old) as conn:
        for table in (*SUMMARY_TABLES, "summary_state"):
            conn.execute(f"DROP TABLE {table}")
        conn.execute("DELETE FROM schema_migrations WHERE name IN ('0006_summaries', '0007_document_stats', "
                     "'0008_document_terms')")
    assert bring_up_to_date(old) is True
    assert _tables(old) == expected
    assert bring_up_to_date(old) is False
