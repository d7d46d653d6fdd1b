"""One read-only connection shared by a server's requests, let go when a writer asks for the file.

Opening a DuckDB file costs tens of milliseconds of CPU (it reads the catalog), and a fresh
connection starts with a cold cache, so a web app that opened the file for every request, or
even every two seconds, spent much of its time opening it (and the request that reopened it
waited). :class:`SharedReader` keeps one read-only connection and hands each request a cursor
on it. A reader's connection keeps writers in other processes out, so it is closed

- as soon as a writer is waiting: :func:`parley.store.open_db`, kept out of the file, touches
  a marker beside it (``<file>.writer-waiting``) every 0.2 s, which the reader watches;
- when no request has used it for ``idle_seconds``;
- at the latest ``hold_seconds`` (:data:`HOLD_SECONDS`, ten minutes) after it was opened, for
  writers that do not signal (another program opening the file with DuckDB itself);

in each case once no request is in flight. The hold is long because letting go costs the
requests: the request that opens the file again pays the open and every request in flight waits
for it, then the first requests read the file's blocks into a cold cache (some 50-150 ms of
CPU on a 10,000-article file). Held for 30 s, a server under steady load did that every 30 s,
and the four requests it stalled were the p95 of a cheap page in the benchmark. A writer that
does not signal either does not retry (DuckDB's own tools fail at once on a held file) or
gets in within the bound; ``parley``'s writers signal and are let in at once.

Once closed, it stays closed for ``writer_turn_seconds``, in which requests open the file for
themselves, and the waiting writer gets the file; as the ingest's writer gives readers theirs
(``parley.engine.READER_TURN_SECONDS``).
"""

from __future__ import annotations

import atexit
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import duckdb

from parley.store import connection, open_db, writer_waiting_marker


# the longest a reader keeps the file while requests keep coming and no writer signals
HOLD_SECONDS = 600.0


class SharedReader:
    """A read-only connection to one file, shared by threads, released when idle or held too long."""

    def __init__(self, path: str | Path, idle_seconds: float = 5.0, hold_seconds: float = HOLD_SECONDS,
                 writer_turn_seconds: float = 0.3):
        self.path = str(path)
        self.opens = 0            # how many times the shared connection was opened (diagnostics, tests)
        self._marker = writer_waiting_marker(path)
        self._opened_at = 0.0     # wall-clock time of the open, to compare with the marker's
        self.idle_seconds, self.hold_seconds, self.writer_turn_seconds = idle_seconds, hold_seconds, writer_turn_seconds
        self._lock = threading.Lock()
        self._conn: duckdb.DuckDBPyConnection | None = None
        self._opened = self._last_used = 0.0
        self._closed_at = -1e9
        self._users = 0
        self._watcher: threading.Thread | None = None
        atexit.register(self.close)     # before the interpreter tears the connection down

    def _close_locked(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None
            self._closed_at = time.monotonic()

    def _writer_waiting(self) -> bool:
        try:
            return self._marker.stat().st_mtime > self._opened_at
        except OSError:
            return False

    def _expired_locked(self, now: float) -> bool:
        return self._conn is not None and self._users == 0 and (
            now - self._last_used > self.idle_seconds or now - self._opened > self.hold_seconds
            or self._writer_waiting())

    def _watch(self) -> None:
        while True:
            time.sleep(min(self.idle_seconds, 0.2))
            with self._lock:
                if self._expired_locked(time.monotonic()):
                    self._close_locked()

    def _cursor(self) -> duckdb.DuckDBPyConnection | None:
        with self._lock:
            now = time.monotonic()
            if self._conn is not None and self._users == 0 and (now - self._opened > self.hold_seconds
                                                                 or self._writer_waiting()):
                self._close_locked()
            if self._conn is None:
                if now - self._closed_at < self.writer_turn_seconds:
                    return None           # a writer's turn: this request opens the file for itself
                self._opened_at = time.time()
                self._conn = open_db(self.path, read_only=True)
                self._opened = now
                self.opens += 1
                if self._watcher is None:
                    self._watcher = threading.Thread(target=self._watch, name="parley-reader", daemon=True)
                    self._watcher.start()
            self._users += 1
            return self._conn.cursor()

    def _release(self) -> None:
        with self._lock:
            self._users -= 1
            self._last_used = time.monotonic()

    @contextmanager
    def reading(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A read-only connection for the block: a cursor on the shared one, or the file's own."""
        cursor = self._cursor()
        if cursor is None:
            with connection(self.path, read_only=True) as conn:
                yield conn
            return
        try:
            yield cursor
        finally:
            cursor.close()
            self._release()

    def close(self) -> None:
        """Let go of the file now (the next request opens it again)."""
        with self._lock:
            if self._users == 0:
                self._close_locked()
