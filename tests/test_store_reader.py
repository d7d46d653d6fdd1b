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


# waits at most 8 s for the file (then raises DatabaseBusy) and prints how long it waited
OPEN_DB_WRITE = ("import sys, time; from parley.store import open_db; t = time.monotonic(); "
                 "c = open_db(sys.argv[1], wait=8); print(time.monotonic() - t); "
                 "c.execute('INSERT INTO t VALUES (5)'); c.close()")


def test_reader_lets_a_waiting_parley_writer_in_while_busy(tmp_path):
    """A writer kept out by open_db signals it, and a reader busy with requests (never idle, far
    from its hold limit) lets go at once instead of holding the file for seconds."""
    import threading

    path = tmp_path / "r.duckdb"
    with connection(path) as conn:
        conn.execute("CREATE TABLE t (x INTEGER)")
    reader = SharedReader(path, idle_seconds=60.0, hold_seconds=60.0)
    stop = threading.Event()

    def busy() -> None:
        while not stop.is_set():
            with reader.reading() as conn:
                conn.execute("SELECT count(*) FROM t").fetchone()
            time.sleep(0.02)

    thread = threading.Thread(target=busy)
    thread.start()
    try:
        time.sleep(0.3)
        done = subprocess.run([sys.executable, "-c", OPEN_DB_WRITE, str(path)], capture_output=True, timeout=120)
    finally:
        stop.set()
        thread.join()
    assert done.returncode == 0, done.stderr.decode()[-500:]
    assert float(done.stdout.decode().split()[-1]) < 8     # let in long before the reader's 60 s
    with reader.reading() as conn:
        assert conn.execute("SELECT sum(x) FROM t").fetchone()[0] == 5


def test_reader_keeps_one_connection_under_steady_load_without_a_writer(tmp_path):
    """With requests coming and no writer signalling, the reader keeps its connection (each
    reopen stalls the requests in flight and starts a cold cache) until its hold runs out."""
    import threading

    from parley.store.reader import HOLD_SECONDS

    path = tmp_path / "r.duckdb"
    with connection(path) as conn:
        conn.execute("CREATE TABLE t (x INTEGER)")
    reader = SharedReader(path, idle_seconds=0.5)
    assert reader.hold_seconds == HOLD_SECONDS >= 300

    def requests(seconds: float) -> None:
        stop = time.monotonic() + seconds
        while time.monotonic() < stop:
            with reader.reading() as conn:
                assert conn.execute("SELECT count(*) FROM t").fetchone()[0] == 0
            time.sleep(0.01)

    threads = [threading.Thread(target=requests, args=(1.5,)) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert reader.opens == 1             # three idle periods' worth of time, never idle: one open
    time.sleep(1.0)                      # idle: let go, as before
    assert _write(path)
    reader.close()


def test_reader_cursors_keep_the_read_only_settings(tmp_path):
    """Each request's cursor on the shared connection reads with the settings that
    :func:`parley.store.open_db` gives a read-only connection (a plain SET would hold for the
    shared connection's own session only)."""
    from parley.store import INDEX_SCAN_MAX_ROWS

    path = tmp_path / "r.duckdb"
    with connection(path) as conn:
        conn.execute("CREATE TABLE t (x INTEGER)")
    reader = SharedReader(path)
    for _ in range(2):
        with reader.reading() as cursor:
            assert cursor.execute("SELECT current_setting('late_materialization_max_rows'), "
                                  "current_setting('index_scan_max_count')").fetchone() == (0, INDEX_SCAN_MAX_ROWS)
    reader.close()
