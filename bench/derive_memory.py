"""Benchmark: the writer's memory in the derive step, step by step, on a copy of an ingested database.

The derive step (:func:`parley.derive.refresh_derived`) runs at the end of every ingest; on a
first ingest (or ``parley rebuild``) it clusters every event mention, merges every told meeting,
compares every claim and builds every summary and the word index. This script copies ``--db``,
runs the full derive step over the copy in a fresh child process for each setting, samples the
child's resident memory every 20 ms, and reports the peak of each sub-step (and its growth over
the memory at the sub-step's start).

Settings compared (each one child process):

- ``bounded``: the defaults (event passes of at most ``MENTIONS_PER_PASS`` mentions, the word
  index sorted ``ROWS_PER_SORT`` rows at a time, DuckDB capped at ``WRITER_MEMORY_MB``);
- ``unbounded``: one pass per event type and the whole word index sorted at once (from a
  scratch table in the file; before this session it was a temporary table, held in memory),
  DuckDB capped at 768 MB: close to how the derive step ran before.

Usage: python bench/derive_memory.py --db FILE [--settings bounded,unbounded] [--report NAME]
Writes bench/reports/derive_memory.json (or NAME.json).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from _common import write_report

SETTINGS = {
    "bounded": {},
    "unbounded": {"MENTIONS_PER_PASS": 10 ** 9, "ROWS_PER_SORT": 10 ** 12, "WRITER_MEMORY_MB": 768},
    # the bounded defaults with DuckDB's cap lowered: what the cap holds of the peak
    "cap256": {"WRITER_MEMORY_MB": 256},
}
STEPS = [("parley.derive", ["refresh_events", "refresh_processes", "refresh_claims", "refresh_summaries",
                            "_cluster_pass", "build_processes", "compare_claims"]),
         ("parley.store.summaries", ["rebuild_terms", "fill_marks_and_parts"]), ("parley.store.terms", ["_sort"])]


def _rss_mb() -> float:
    with open("/proc/self/status") as handle:
        return next(int(line.split()[1]) / 1024 for line in handle if line.startswith("VmRSS"))


def child(db: str, setting: str) -> dict:
    """Run the full derive step over ``db`` (a copy) with ``setting``; return the figures."""
    import importlib

    import parley.derive as derive
    import parley.store as store
    import parley.store.terms as terms
    from parley.store import open_db, transaction

    for name, value in SETTINGS[setting].items():
        for module in (derive, store, terms):
            if hasattr(module, name):
                setattr(module, name, value)
    open_frames: list[dict] = []
    done: list[dict] = []

    def sample() -> None:
        while True:
            now = _rss_mb()
            for frame in list(open_frames):
                frame["peak"] = max(frame["peak"], now)
            time.sleep(0.02)

    def timed(module, name):
        inner = getattr(module, name)

        def step(*args, **kwargs):
            frame = {"step": name, "depth": len(open_frames), "start": _rss_mb()}
            frame["peak"] = frame["start"]
            open_frames.append(frame)
            began = time.perf_counter()
            try:
                return inner(*args, **kwargs)
            finally:
                open_frames.remove(frame)
                frame["seconds"] = time.perf_counter() - began
                done.append(frame)
        setattr(module, name, step)

    for module_name, names in STEPS:
        module = importlib.import_module(module_name)
        for name in names:
            timed(module, name)
    threading.Thread(target=sample, daemon=True).start()
    base = _rss_mb()
    began = time.perf_counter()
    conn = open_db(db)
    with transaction(conn):
        derive.refresh_derived(conn, full=True)
    conn.close()
    steps: dict[str, dict] = {}
    for frame in done:
        row = steps.setdefault(frame["step"], {"step": frame["step"], "depth": frame["depth"], "calls": 0,
                                               "seconds": 0.0, "peak_rss_mb": 0.0, "growth_mb": 0.0})
        row["calls"] += 1
        row["seconds"] = round(row["seconds"] + frame["seconds"], 1)
        row["peak_rss_mb"] = round(max(row["peak_rss_mb"], frame["peak"]), 1)
        row["growth_mb"] = round(max(row["growth_mb"], frame["peak"] - frame["start"]), 1)
    with open("/proc/self/status") as handle:
        hwm = next(int(line.split()[1]) / 1024 for line in handle if line.startswith("VmHWM"))
    return {"setting": setting, "overrides": SETTINGS[setting], "rss_mb_before": round(base, 1),
            "peak_rss_mb": round(hwm, 1), "seconds": round(time.perf_counter() - began, 1),
            "steps": sorted(steps.values(), key=lambda r: -r["peak_rss_mb"])}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True, help="an ingested parley database (it is copied, not changed)")
    parser.add_argument("--settings", default="bounded,unbounded")
    parser.add_argument("--report", default="derive_memory", help="name of the report in bench/reports")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.db, args.child)))
        return
    from parley.store import connection

    with connection(args.db, read_only=True) as conn:
        sizes = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                 for t in ("documents", "event_mentions", "doc_meetings", "claims")}
    runs = []
    for setting in args.settings.split(","):
        with tempfile.TemporaryDirectory() as tmp:
            copy = Path(tmp) / "copy.duckdb"
            shutil.copy(args.db, copy)
            if os.path.exists(f"{args.db}.wal"):
                shutil.copy(f"{args.db}.wal", f"{copy}.wal")
            out = subprocess.run([sys.executable, __file__, "--db", str(copy), "--child", setting],
                                 check=True, capture_output=True, text=True)
            runs.append(json.loads(out.stdout.strip().splitlines()[-1]))
    first = runs[0]["peak_rss_mb"]
    for run in runs:
        run["peak_vs_first"] = round(run["peak_rss_mb"] / first, 2)
    write_report(args.report, {"database_rows": sizes, "cores": os.cpu_count(),
                                   "load_average_at_end": list(os.getloadavg()), "runs": runs})


if __name__ == "__main__":
    main()
