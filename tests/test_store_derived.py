"""Derived tables: events rebuilt only for the clustering blocks that gained mentions give the
same events as a full rebuild, on the seeds and benchmark articles ingested in three runs."""

from __future__ import annotations

import gzip
import json
from itertools import islice
from pathlib import Path

import pytest

from parley.engine import ingest, rebuild
from parley.events.cluster import block_key
from parley.store import connection, transaction
from parley.derive import refresh_claims, refresh_events, refresh_processes
from parley.store.derived import new_claim_quantities

PARTS = 3
ARTICLES_PER_PART = 30


def _events(conn) -> list[tuple]:
    return conn.execute("SELECT * EXCLUDE (data), data::VARCHAR FROM events ORDER BY event_id").fetchall()


def _mentions(conn) -> list[tuple]:
    return conn.execute("SELECT doc_id, idx, event_id, block FROM event_mentions ORDER BY doc_id, idx").fetchall()


def _copy(path: Path, folder: Path) -> Path:
    copy = folder / path.name
    copy.write_bytes(path.read_bytes())
    return copy


@pytest.fixture(scope="module")
def grown_db(tmp_path_factory, seeds_dir, bench_news_path) -> Path:
    """A database built by three ingests: each adds seeds and benchmark articles."""
    folder = tmp_path_factory.mktemp("grown")
    seeds = sorted(seeds_dir.glob("*.txt"))
    with gzip.open(bench_news_path, "rt", encoding="utf-8") as stream:
        articles = list(islice(stream, PARTS * ARTICLES_PER_PART))
    path = folder / "grown.duckdb"
    for part in range(PARTS):
        files = folder / f"part{part}"
        files.mkdir()
        for seed in seeds[part::PARTS]:
            (files / seed.name).write_bytes(seed.read_bytes())
        (files / "news.jsonl").write_text(
            "".join(articles[part * ARTICLES_PER_PART:(part + 1) * ARTICLES_PER_PART]), encoding="utf-8")
        assert ingest([str(files)], path).stored > ARTICLES_PER_PART - 5
    return path


def test_derived_events_span_ingests(grown_db):
    # the comparison below means something only if events join mentions stored by different runs
    with connection(grown_db, read_only=True) as conn:
        across = conn.execute(
            "SELECT count(*) FROM (SELECT m.event_id FROM event_mentions m JOIN documents d ON d.id = m.doc_id "
            "GROUP BY m.event_id HAVING count(DISTINCT regexp_extract(d.source, 'part[0-9]')) > 1)").fetchone()[0]
        unclustered = conn.execute("SELECT count(*) FROM event_mentions WHERE event_id IS NULL").fetchone()[0]
    assert across >= 3
    assert unclustered == 0


def test_derived_incremental_events_equal_a_full_rebuild(grown_db, tmp_path):
    copy = _copy(grown_db, tmp_path)
    with connection(copy) as conn:
        incremental_events, incremental_mentions = _events(conn), _mentions(conn)
        with transaction(conn):
            rebuilt = refresh_events(conn, full=True)
        assert rebuilt == len(incremental_events) > 50
        assert _events(conn) == incremental_events
        assert _mentions(conn) == incremental_mentions


def test_derived_nothing_new_rebuilds_nothing(grown_db, tmp_path):
    copy = _copy(grown_db, tmp_path)
    with connection(copy) as conn:
        before = _events(conn)
        with transaction(conn):
            assert refresh_events(conn) == 0
        assert _events(conn) == before


def test_derived_new_mentions_rewrite_only_the_events_they_join(grown_db, tmp_path):
    copy = _copy(grown_db, tmp_path)
    with connection(copy) as conn:
        before = _events(conn)
        doc_id = conn.execute("SELECT doc_id FROM event_mentions GROUP BY doc_id "
                              "ORDER BY count(DISTINCT block) DESC, doc_id LIMIT 1").fetchone()[0]
        joined = conn.execute("SELECT count(DISTINCT event_id) FROM event_mentions WHERE doc_id = ?",
                              [doc_id]).fetchone()[0]
        in_blocks = conn.execute("SELECT count(*) FROM events WHERE block IN "
                                 "(SELECT block FROM event_mentions WHERE doc_id = ?)", [doc_id]).fetchone()[0]
        # as if that document's mentions had just been stored (a run stopped before its rebuild)
        conn.execute("UPDATE event_mentions SET event_id = NULL WHERE doc_id = ?", [doc_id])
        with transaction(conn):
            assert refresh_events(conn) == joined < in_blocks
        assert _events(conn) == before


def test_derived_blocks_of_older_databases_are_filled(grown_db, tmp_path):
    copy = _copy(grown_db, tmp_path)
    with connection(copy) as conn:
        mentions, events = _mentions(conn), _events(conn)
        stored = conn.execute("SELECT block, data FROM event_mentions").fetchall()
        assert all(block == block_key(json.loads(data)) for block, data in stored)
        conn.execute("UPDATE event_mentions SET block = NULL")
        conn.execute("UPDATE events SET block = NULL")
        with transaction(conn):
            assert refresh_events(conn) == 0
        assert (_mentions(conn), _events(conn)) == (mentions, events)


def test_derived_rebuild_command_rebuilds_everything_the_same(grown_db, tmp_path, cli):
    copy = _copy(grown_db, tmp_path)
    with connection(copy, read_only=True) as conn:
        before = _events(conn)
        counts = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                  for t in ("events", "meetings", "processes", "claim_groups")}
    result = cli("rebuild", "--db", str(copy), "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.output) == counts
    assert counts["events"] == len(before) and counts["meetings"] > 0
    with connection(copy, read_only=True) as conn:
        assert _events(conn) == before


def test_derived_rebuild_command_needs_a_database(tmp_path, cli):
    result = cli("rebuild", "--db", str(tmp_path / "missing.duckdb"))
    assert result.exit_code != 0 and "no such database" in result.output


def test_derived_next_ingest_clusters_what_a_stopped_run_left(grown_db, tmp_path):
    from parley.store.check import check

    copy = _copy(grown_db, tmp_path)
    with connection(copy) as conn:
        before = _events(conn)
        conn.execute("UPDATE event_mentions SET event_id = NULL WHERE doc_id IN "
                     "(SELECT id FROM documents WHERE source LIKE '%part2%')")
    assert {p.check for p in check(copy)} == {"unclustered_mention", "orphan_event"}
    again = ingest([str(grown_db.parent / "part2")], copy, stages=())
    assert again.stored == 0
    assert check(copy) == []
    with connection(copy, read_only=True) as conn:
        assert _events(conn) == before


def _claim_groups(conn) -> list[tuple]:
    return sorted(conn.execute("SELECT quantity, verdict, reason, data::VARCHAR FROM claim_groups").fetchall())


def test_derived_claim_groups_of_three_ingests_equal_a_full_rebuild(grown_db, tmp_path):
    """Each ingest compares again only the quantities its documents claim; the groups are those
    of comparing every claim at once."""
    copy = _copy(grown_db, tmp_path)
    with connection(copy, read_only=True) as conn:
        grown = _claim_groups(conn)
    assert grown
    rebuild(copy)
    with connection(copy, read_only=True) as conn:
        assert _claim_groups(conn) == grown


def test_derived_claims_compared_again_only_for_new_quantities(grown_db, tmp_path):
    copy = _copy(grown_db, tmp_path)
    with connection(copy) as conn:
        quantities = [q for (q,) in conn.execute("SELECT DISTINCT quantity FROM claim_groups ORDER BY 1").fetchall()]
        assert new_claim_quantities(conn) == []     # everything stored has been compared
        with transaction(conn):
            assert refresh_claims(conn) == 0
        # a document stored after the last derive step, claiming about one known quantity
        doc_id, idx = conn.execute("SELECT doc_id, idx FROM claims WHERE quantity = ? LIMIT 1",
                                   [quantities[0]]).fetchone()
        conn.execute("UPDATE documents SET ingested_at = now() + INTERVAL 1 DAY WHERE id = ?", [doc_id])
        touched = new_claim_quantities(conn)
        assert quantities[0] in touched and len(touched) < len(quantities)
        before = _claim_groups(conn)
        with transaction(conn):
            written = refresh_claims(conn)
        assert 0 < written <= len(touched)
        assert _claim_groups(conn) == before


def _processes(conn) -> dict[str, list[tuple]]:
    return {table: sorted(conn.execute(f"SELECT * EXCLUDE (data), data::VARCHAR FROM {table}").fetchall(), key=str)
            for table in ("meetings", "processes")} | {
        "meeting_participants": sorted(conn.execute("SELECT * FROM meeting_participants").fetchall()),
        "process_members": sorted(conn.execute("SELECT * FROM process_members").fetchall(), key=str)}


def test_derived_meetings_of_three_ingests_equal_a_full_rebuild(grown_db, tmp_path):
    """Each ingest merges again only the parts its documents' meetings fall in (or moved); the
    meetings and processes are those of merging everything at once."""
    copy = _copy(grown_db, tmp_path)
    with connection(copy, read_only=True) as conn:
        grown = _processes(conn)
        # the comparison means something only if a merged meeting has sources stored by different runs
        across = conn.execute(
            "SELECT count(*) FROM (SELECT p.meeting_id FROM process_members p JOIN documents d ON d.id = p.doc_id "
            "WHERE p.meeting_id IS NOT NULL GROUP BY 1 HAVING count(DISTINCT d.ingested_at) > 1)").fetchone()[0]
    assert grown["meetings"] and grown["processes"] and across > 0
    rebuild(copy)
    with connection(copy, read_only=True) as conn:
        assert _processes(conn) == grown


def test_derived_processes_merged_again_only_for_parts_that_changed(grown_db, tmp_path):
    copy = _copy(grown_db, tmp_path)
    with connection(copy) as conn:
        before = _processes(conn)
        with transaction(conn):
            assert refresh_processes(conn) == 0       # nothing new: every part stands
        assert _processes(conn) == before
        # a document stored after the last derive step: its parts are merged again, the same
        doc_id = conn.execute("SELECT doc_id FROM process_members WHERE meeting_id IS NOT NULL "
                              "ORDER BY doc_id LIMIT 1").fetchone()[0]
        conn.execute("UPDATE documents SET ingested_at = now() + INTERVAL 1 DAY WHERE id = ?", [doc_id])
        with transaction(conn):
            written = refresh_processes(conn)
        assert 0 < written < len(before["meetings"])
        assert _processes(conn) == before


def test_derived_event_passes_bounded_by_mentions():
    """Blocks are clustered in runs of consecutive blocks up to the mention limit; a larger block alone."""
    from parley.derive import passes

    assert passes([("a", 2), ("b", 2), ("c", 1)], 5) == [["a", "b", "c"]]
    assert passes([("a", 3), ("b", 3), ("c", 10), ("d", 1), ("e", 4)], 5) == [["a"], ["b"], ["c"], ["d", "e"]]
    assert passes([], 5) == []
