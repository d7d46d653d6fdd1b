"""The only code that touches DuckDB.

:func:`open_db` opens (and migrates) a database file; :mod:`parley.store.writes` holds the
inserts, :mod:`parley.store.queries` the reads. DuckDB lets one process write a file at a
time and blocks readers in other processes while it does, so writers hold the file only for
short transactions and readers retry for a while before raising :class:`DatabaseBusy`.
"""

from __future__ import annotations

import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import duckdb

from parley.store.schema import migrate

DEFAULT_DB = "parley.duckdb"
BUSY_WAIT_SECONDS = 10.0
INDEX_SCAN_MAX_ROWS = 64
# A full derive of the 10,000-article benchmark file peaked at 914 MB with 384 and 802 MB with
# 256, in the same time (bench/reports/derive_memory_cap.json): the buffer pool fills to its cap.
WRITER_MEMORY_MB = 256


class DatabaseBusy(RuntimeError):
    """Another process holds the database file for writing."""


class DatabaseUnwritable(RuntimeError):
    """The database cannot be written: a read-only file or file system, a full disk."""


class DatabaseNotFound(FileNotFoundError):
    """A read-only open was asked for a database file that does not exist."""


def _is_lock_error(error: Exception) -> bool:
    message = str(error).lower()
    return "lock" in message or "conflicting" in message or "being used" in message


def open_db(path: str | Path = DEFAULT_DB, read_only: bool = False,
            wait: float = BUSY_WAIT_SECONDS) -> duckdb.DuckDBPyConnection:
    """Open a database file, applying pending migrations when writable.

    :param path: the DuckDB file; ``":memory:"`` for an in-memory database.
    :param read_only: open for reading only (never migrates, never creates the file).
    :param wait: seconds to keep retrying while another process holds the file.
    :raises DatabaseBusy: the file stayed locked for ``wait`` seconds.
    :raises DatabaseNotFound: ``read_only`` and the file does not exist.
    """
    path = str(path)
    if read_only and path != ":memory:" and not Path(path).exists():
        raise DatabaseNotFound(f"{path}: no such database (run `parley ingest` first)")
    deadline = time.monotonic() + wait
    while True:
        try:
            conn = duckdb.connect(path, read_only=read_only)
            break
        except duckdb.IOException as error:
            if not _is_lock_error(error) or time.monotonic() > deadline:
                if _is_lock_error(error):
                    raise DatabaseBusy(f"{path}: the database is busy (another process is writing); "
                                       "try again when it finishes") from error
                if not read_only:
                    raise DatabaseUnwritable(f"{path}: cannot open the database for writing ({_reason(error)})") \
                        from error
                raise
            if not read_only:
                signal_writer_waiting(path)
            time.sleep(0.2)
    if not read_only:
        # a writer's DuckDB buffers and indexes stay within this, spilling sorts to disk, so
        # the writer process stays within its budget whatever the corpus; the rest of the budget
        # is the writer's Python (the derive step's passes) and what DuckDB allocates outside
        # its buffer pool
        conn.execute(f"SET memory_limit = '{WRITER_MEMORY_MB}MB'")
        migrate(conn)
    else:
        # DuckDB follows an index for up to 2,048 matching rows, each fetched alone; a frequent
        # actor's rows of a summary are read faster by scanning the (small) table
        conn.execute(f"SET index_scan_max_count = {INDEX_SCAN_MAX_ROWS}")
        # DuckDB answers a small ORDER BY ... LIMIT by picking row ids, then scanning the table a
        # second time for the other columns of those rows: a whole scan where the first had
        # already read the rows it needed (an actor page's 50 first mentions cost 10 ms, not 1).
        # GLOBAL: a plain SET holds for this connection only, not for the cursors the web app's
        # shared reader hands each request (each has its own session); the newest documents
        # holding a searched word (LIMIT 20) cost 2.8 ms of CPU with it unset, 0.9 with it
        conn.execute("SET GLOBAL late_materialization_max_rows = 0")
    return conn


def writer_waiting_marker(path: str | Path) -> Path:
    """The file a writer kept out of ``path`` touches, so that readers holding it let go
    (:class:`parley.store.reader.SharedReader` watches its modification time)."""
    return Path(f"{path}.writer-waiting")


def signal_writer_waiting(path: str | Path) -> None:
    """Tell the readers of ``path`` that a writer is waiting for it (best effort)."""
    try:
        writer_waiting_marker(path).touch()
    except OSError:
        pass    # a read-only folder: readers still let go when idle or held long


@contextmanager
def connection(path: str | Path = DEFAULT_DB, read_only: bool = False) -> Iterator[duckdb.DuckDBPyConnection]:
    """Open a database for the duration of a ``with`` block, then close it."""
    conn = open_db(path, read_only=read_only)
    try:
        yield conn
    finally:
        conn.close()


def _reason(error: Exception) -> str:
    return str(error).split(": ", 1)[-1].strip()


@contextmanager
def transaction(conn: duckdb.DuckDBPyConnection) -> Iterator[duckdb.DuckDBPyConnection]:
    """Run the block in one transaction: all of it is stored, or none of it.

    :raises DatabaseUnwritable: the commit failed (full disk, read-only file); nothing was stored.
    """
    conn.execute("BEGIN TRANSACTION")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    try:
        conn.execute("COMMIT")
    except duckdb.Error as error:
        raise DatabaseUnwritable(f"could not store the last batch, nothing of it was kept ({_reason(error)})") \
            from error
