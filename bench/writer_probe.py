"""Per-batch figures of the writer during an ingest: where its memory and CPU go as the database grows.

:func:`install` wraps the writer of :mod:`parley.engine` (its batch writes, its opening and
closing of the file, the near-duplicate index it keeps) so that every ``every`` batches one
JSON line is appended to a file: the documents stored so far, the writer's resident memory,
the CPU seconds spent so far in each part of the writer's work, what DuckDB says it holds
(``duckdb_memory()``, by tag), the sizes of the file and its write-ahead log, and the sizes of
the Python structures the engine keeps across batches. ``bench/scale.py --probe FILE`` uses it.
"""

from __future__ import annotations

import json
import os
import time
from collections import defaultdict
from pathlib import Path


def _rss_mb() -> float:
    with open("/proc/self/status") as handle:
        return next(int(line.split()[1]) / 1024 for line in handle if line.startswith("VmRSS"))


def duckdb_memory_mb(conn) -> dict[str, float]:
    """DuckDB's own account of its memory on ``conn``: MB by tag (only tags above 0.1 MB), and
    the temporary storage it spilled to."""
    rows = conn.execute("SELECT tag, memory_usage_bytes, temporary_storage_bytes FROM duckdb_memory()").fetchall()
    held = {tag: round(used / 2**20, 1) for tag, used, _ in rows if used > 100_000}
    held["temporary_storage"] = round(sum(spilled for _, _, spilled in rows) / 2**20, 1)
    return held


class Probe:
    """Accumulates the writer's CPU by part and writes a line every ``every`` batches."""

    def __init__(self, path: str | Path, every: int = 10):
        self.path = Path(path)
        self.every = every
        self.cpu: dict[str, float] = defaultdict(float)
        self.calls: dict[str, int] = defaultdict(int)
        self.batches = 0
        self.stored = 0
        self.near = None
        self.rss_after: dict[str, float] = {}
        self.began = time.perf_counter()
        self.cpu0 = time.process_time()

    def timed(self, name: str, function):
        """``function`` wrapped to add its thread CPU time to part ``name``."""
        def wrapper(*args, **kwargs):
            began = time.thread_time()
            try:
                return function(*args, **kwargs)
            finally:
                self.cpu[name] += time.thread_time() - began
                self.calls[name] += 1
        return wrapper

    def line(self, writer) -> dict:
        """The figures now."""
        db = Path(writer.db_path)
        wal = Path(f"{db}.wal")
        figures = {"batches": self.batches, "documents": self.stored,
                   "seconds": round(time.perf_counter() - self.began, 1),
                   "cpu_seconds_process": round(time.process_time() - self.cpu0, 2),
                   "cpu_seconds": {name: round(value, 2) for name, value in sorted(self.cpu.items())},
                   "calls": dict(sorted(self.calls.items())),
                   "rss_mb": round(_rss_mb(), 1),
                   "file_mb": round(db.stat().st_size / 2**20, 1) if db.exists() else 0.0,
                   "wal_mb": round(wal.stat().st_size / 2**20, 1) if wal.exists() else 0.0,
                   "load_average": round(os.getloadavg()[0], 1)}
        if writer.conn is not None:
            figures["duckdb_mb"] = duckdb_memory_mb(writer.conn)
        if self.rss_after:
            figures["rss_mb_after_derive_step"] = dict(self.rss_after)
        if self.near is not None:
            figures["near_duplicate_index_documents"] = len(self.near)
        return figures


def install(path: str | Path, every: int = 10) -> Probe:
    """Wrap :mod:`parley.engine`'s writer so that it reports to ``path`` every ``every`` batches."""
    import parley.engine as engine

    probe = Probe(path, every)
    writer_class = engine._Writer
    write = probe.timed("write_batch", writer_class.write)

    def write_and_report(self, result, rejected):
        stored = write(self, result, rejected)
        probe.batches += 1
        probe.stored += stored
        if probe.batches % probe.every == 0:
            with open(probe.path, "a", encoding="utf-8") as out:
                out.write(json.dumps(probe.line(self)) + "\n")
        return stored

    writer_class.write = write_and_report
    writer_class.release = probe.timed("close_file", writer_class.release)   # a close checkpoints
    engine.open_db = probe.timed("open_file", engine.open_db)                # an open migrates, loads
    finish = probe.timed("final_derive", writer_class.finish)

    def finish_and_report(self, files):
        finish(self, files)
        figures = probe.line(self)
        figures["final"] = True
        with open("/proc/self/status") as handle:
            figures["peak_rss_mb"] = next(int(line.split()[1]) / 1024 for line in handle
                                          if line.startswith("VmHWM"))
        with open(probe.path, "a", encoding="utf-8") as out:
            out.write(json.dumps(figures) + "\n")

    writer_class.finish = finish_and_report
    import parley.derive as derive

    for step in ("refresh_events", "refresh_processes", "refresh_claims", "refresh_summaries"):
        inner = probe.timed(f"derive.{step}", getattr(derive, step))

        def with_rss(*args, _inner=inner, _step=step, **kwargs):
            result = _inner(*args, **kwargs)
            probe.rss_after[_step] = round(_rss_mb(), 1)
            return result
        setattr(derive, step, with_rss)
    base = engine.NearDuplicateIndex

    class CountedIndex(base):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            probe.near = self

    CountedIndex.add = probe.timed("near_duplicates", base.add)
    engine.NearDuplicateIndex = CountedIndex
    engine.prepare = probe.timed("prepare", engine.prepare)
    return probe
