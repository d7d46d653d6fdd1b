"""The web app's shared read-only connection lets a writer in another process have the file."""

from __future__ import annotations

import subprocess
import sys
import time

from parley.store import connection
from parley.store.reader import SharedReader

WRITE = ("import duckdb, sys; c = duckdb.connect(sys.argv[1]); "
         "c.execute('INSERT INTO t VALUES (2)'); c.close()")


def _write(path) -> bool:
    return subprocess.run([sys.executable, "-c", WRITE, str(path)], capture_output=True, timeout=60).returncode == 0


def test_reader_shares_one_connection_and_lets_writers_in_when_idle(tmp_path):
    path = tmp_path / "r.duckdb"
    with connection(path) as conn:
        conn.execute("CREATE TABLE t (x INTEGER)")
        conn.execute("INSERT INTO t VALUES (1)")
    reader = SharedReader(path, idle_seconds=0.3, hold_seconds=5.0)
    with reader.reading() as first:
        assert first.execute("SELECT count(*) FROM t").fetchone()[0] == 1
        assert not _write(path)         # held while a request reads
    with reader.reading() as again:     # the same connection, still open
        assert again.execute("SELECT sum(x) FROM t").fetchone()[0] == 1
    time.sleep(1.0)                      # idle: let go
    assert _write(path)
    time.sleep(0.4)                      # past the writer's turn: a new shared connection
    with reader.reading() as later:
        assert later.execute("SELECT sum(x) FROM t").fetchone()[0] == 3


def test_reader_lets_go_after_holding_even_under_load(tmp_path):
    path = tmp_path / "r.duckdb"
    with connection(path) as conn:
        conn.execute("CREATE TABLE t (x INTEGER)")
    reader = SharedReader(path, idle_seconds=10.0, hold_seconds=0.5, writer_turn_seconds=1.0)
    with reader.reading():
        pass
    time.sleep(0.7)
    with reader.reading() as conn:       # held too long: closed, and this one opens the file itself
        assert conn.execute("SELECT count(*) FROM t").fetchone()[0] == 0
    assert _write(path)                  # nothing holds it in the writer's turn
