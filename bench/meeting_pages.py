"""Benchmark: what a derive step spends finding the meeting pages to build again (issue 22).

Each derive step ends with :func:`parley.store.meeting_pages.refresh_meeting_pages`. It used to
find the stale pages by hashing every meeting's row; it now looks only at the meetings the
merge marked (``meeting_pages_due``). This runs it on a copy of a database (the file itself is
not written) with no meeting marked, and with the first N meetings marked (their records
unchanged, so nothing is built: the cost of finding), inside a transaction rolled back each
time, and the query that hashed every meeting's row, and reports the median CPU milliseconds
of 7 runs each.

Usage: python bench/meeting_pages.py --db FILE [--marked 10 --marked 100 ...] [--report NAME]
Writes bench/reports/meeting_pages.json.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from _common import write_report

from parley.store import connection
from parley.store.meeting_pages import RECORD_KEY, refresh_meeting_pages

# how the derive step found the stale pages before migration 0018: every meeting's row hashed
EVERY_ROW_HASHED = f"""
    SELECT m.id FROM meetings m LEFT JOIN meeting_pages p ON p.meeting_id = m.id
    WHERE p.meeting_id IS NULL OR p.record_key <> {RECORD_KEY}"""


def finding(conn, marked: int, runs: int = 7) -> dict:
    """Median CPU ms of ``refresh_meeting_pages`` with the first ``marked`` meetings marked."""
    times, built = [], 0
    for _ in range(runs):
        conn.execute("BEGIN TRANSACTION")
        try:
            if marked:
                conn.execute(f"INSERT INTO meeting_pages_due SELECT id FROM meetings ORDER BY id LIMIT {int(marked)}")
            started = time.process_time()
            built = refresh_meeting_pages(conn)
            times.append((time.process_time() - started) * 1000)
        finally:
            conn.execute("ROLLBACK")
    return {"marked": marked, "built": built, "cpu_ms_median": round(statistics.median(times), 1),
            "cpu_ms": [round(t, 1) for t in times]}


def hashing_every_row(conn, runs: int = 7) -> dict:
    """Median CPU ms of the query that found the stale pages before the marks."""
    times = []
    for _ in range(runs):
        started = time.process_time()
        conn.execute(EVERY_ROW_HASHED).fetchall()
        times.append((time.process_time() - started) * 1000)
    return {"cpu_ms_median": round(statistics.median(times), 1), "cpu_ms": [round(t, 1) for t in times]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--marked", type=int, action="append", default=[])
    parser.add_argument("--report", default="meeting_pages")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="parley-bench-pages-") as folder:
        copy = Path(folder) / "copy.duckdb"
        shutil.copy(args.db, copy)
        with connection(copy) as conn:
            meetings = conn.execute("SELECT count(*) FROM meetings").fetchone()[0]
            results = [finding(conn, n) for n in [0, *(args.marked or [10, 100]), meetings]]
            before = hashing_every_row(conn)
    for result in results:
        print(f"{result['marked']:6} marked: {result['cpu_ms_median']:7.1f} ms of CPU, {result['built']} built")
    print(f"every row hashed (before the marks): {before['cpu_ms_median']:.1f} ms of CPU")
    write_report(args.report, {"meetings": meetings, "results": results, "every_row_hashed": before})


if __name__ == "__main__":
    main()
