"""Benchmark: the end-of-ingest work when a grown database takes in another day's articles.

Stores ``--base`` articles of the benchmark news, then ingests the next ``--added`` ones and
measures the seconds after their last stored batch (events re-clustered only in the blocks
that gained mentions; meetings, processes and claim groups rebuilt whole). Then a full rebuild
(``parley rebuild``) of a copy of the same database is timed, and the two are checked to
hold the same events. Each step runs in its own process so that each peak memory is its own.

    python bench/incremental.py --base 9000 --added 1000
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import tempfile
import time
from pathlib import Path

from _common import child_json, peak_rss_mb, write_articles, write_report


def _events_digest(db: Path) -> tuple[int, str]:
    from parley.store import connection

    with connection(db, read_only=True) as conn:
        rows = conn.execute("SELECT * EXCLUDE (data), data::VARCHAR FROM events ORDER BY event_id").fetchall()
        linked = conn.execute("SELECT doc_id, idx, event_id FROM event_mentions ORDER BY doc_id, idx").fetchall()
    return len(rows), hashlib.sha256(repr((rows, linked)).encode()).hexdigest()


def step_ingest(source: str, db: str, workers: int) -> dict:
    """Ingest ``source`` into ``db``; return the seconds in all and after the last stored batch."""
    from parley.engine import ingest

    start = time.perf_counter()
    last_batch = [start]
    summary = ingest([source], db, workers=workers,
                     on_progress=lambda _: last_batch.__setitem__(0, time.perf_counter()))
    end = time.perf_counter()
    return {"stored": summary.stored, "seconds": round(end - start, 2),
            "seconds_after_last_batch": round(end - last_batch[0], 2), "peak_rss_mb_main": round(peak_rss_mb(), 1)}


def step_rebuild(db: str) -> dict:
    """Rebuild every derived table of ``db``; return the seconds and the row counts."""
    from parley.engine import rebuild

    start = time.perf_counter()
    counts = rebuild(db)
    return {"seconds": round(time.perf_counter() - start, 2), "rows": counts, "peak_rss_mb": round(peak_rss_mb(), 1)}


def _run(*args: str) -> dict:
    return child_json(__file__, *args)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--base", type=int, default=9000)
    parser.add_argument("--added", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--step", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.step:
        kind, *rest = args.step
        print(json.dumps(step_ingest(rest[0], rest[1], args.workers) if kind == "ingest" else step_rebuild(rest[0])))
        return
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        base, added, db = folder / "base.jsonl", folder / "added.jsonl", folder / "feed.duckdb"
        write_articles(base, 0, args.base)
        write_articles(added, args.base, args.base + args.added)
        first = _run("--workers", str(args.workers), "--step", "ingest", str(base), str(db))
        print("base", json.dumps(first), flush=True)
        second = _run("--workers", str(args.workers), "--step", "ingest", str(added), str(db))
        print("added", json.dumps(second), flush=True)
        copy = folder / "copy.duckdb"
        shutil.copyfile(db, copy)
        full = _run("--step", "rebuild", str(copy))
        print("full rebuild", json.dumps(full), flush=True)
        (events, incremental), (_, rebuilt) = _events_digest(db), _events_digest(copy)
    write_report("incremental", {
        "base_articles": args.base, "added_articles": args.added, "workers": args.workers,
        "base_ingest": first, "added_ingest": second, "full_rebuild": full, "events": events,
        "same_events_as_full_rebuild": incremental == rebuilt,
        "after_last_batch_over_full_rebuild": round(second["seconds_after_last_batch"] / max(full["seconds"], 1e-9), 3),
    })


if __name__ == "__main__":
    main()
