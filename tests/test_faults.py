"""Fault injection: ingest killed with SIGKILL at random points, then re-run (issue 10).

At the end every document is stored exactly once, every event has its mentions, and the
integrity checks pass. The kill points come from a seeded RNG so a failure can be replayed.
"""

from __future__ import annotations

import gzip
import os
import random
import signal
import subprocess
import sys
import time

import pytest

from parley.store.check import check
from parley.store import connection, queries

KILLS = 20
ARTICLES = 150


@pytest.fixture(scope="module")
def bench_corpus(tmp_path_factory, bench_news_path):
    path = tmp_path_factory.mktemp("faults") / "news.jsonl"
    with gzip.open(bench_news_path, "rt", encoding="utf-8") as source, path.open("w", encoding="utf-8") as out:
        for line, _ in zip(source, range(ARTICLES)):
            out.write(line)
    return path


def _ingest_command(corpus, db):
    return [sys.executable, "-m", "parley", "ingest", str(corpus), "--db", str(db)]


@pytest.mark.slow
def test_faults_sigkill_twenty_times_then_finish(tmp_path, bench_corpus):
    reference_db = tmp_path / "reference.duckdb"
    subprocess.run(_ingest_command(bench_corpus, reference_db), check=False, capture_output=True)
    with connection(reference_db, read_only=True) as conn:
        expected_ids = {d["id"] for d in queries.list_documents(conn)}
    assert len(expected_ids) > ARTICLES * 0.9

    db = tmp_path / "killed.duckdb"
    rng = random.Random(42)
    for _ in range(KILLS):
        process = subprocess.Popen(_ingest_command(bench_corpus, db), stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.5, 5.0))
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
    finished = subprocess.run(_ingest_command(bench_corpus, db), capture_output=True, text=True)
    assert "Traceback" not in finished.stderr

    with connection(db, read_only=True) as conn:
        stored = [d["id"] for d in queries.list_documents(conn)]
        orphans = conn.execute("SELECT count(*) FROM event_mentions WHERE event_id IS NULL").fetchone()[0]
        events_without_mentions = conn.execute(
            "SELECT count(*) FROM events e WHERE NOT EXISTS "
            "(SELECT 1 FROM event_mentions m WHERE m.event_id = e.event_id)").fetchone()[0]
        n_events = queries.count(conn, "events")
    assert len(stored) == len(set(stored)) == len(expected_ids)
    assert set(stored) == expected_ids
    assert n_events > 0 and orphans == 0 and events_without_mentions == 0
    assert [p.as_dict() for p in check(db)] == []
