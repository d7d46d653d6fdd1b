"""Benchmark: ingest of the benchmark news (reading, cleaning, storage), against a bare-read baseline.

Each phase runs in its own child process, one after the other in the same run, so that each
peak memory figure is that phase's own:

- ``baseline``: gunzip and ``json.loads`` every line, nothing else;
- ``read``: :func:`parley.ingest.iter_records` (streaming reader, encoding detection, metadata);
- ``clean``: ``read`` plus :func:`parley.ingest.prepare` (boilerplate filter, language flag);
- ``dedup``: ``clean`` plus content hashes and the MinHash near-duplicate index;
- ``store``: :func:`parley.engine.ingest` with no NLP stages into a fresh DuckDB file.

The ``clean`` phase also counts the lines each boilerplate rule removed, and how many of those
lines were long (over 30 words, where reporting is likelier than boilerplate), so a rule that
starts eating reporting shows up here.

Usage: python bench/ingest.py [--limit N] [--phases baseline,read,clean,dedup,store]
Writes bench/reports/ingest.json (ingest-<phases>.json for a subset of phases).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from _common import BENCH_NEWS, peak_rss_mb, write_report

PHASES = ("baseline", "read", "clean", "dedup", "store")
LONG_LINE_WORDS = 30


def _limited(items, limit: int | None):
    for n, item in enumerate(items):
        if limit is not None and n >= limit:
            return
        yield item


def phase_baseline(path: Path, limit: int | None) -> dict:
    count = 0
    with gzip.open(path, "rt", encoding="utf-8") as stream:
        for line in _limited(stream, limit):
            json.loads(line)
            count += 1
    return {"documents": count}


def phase_read(path: Path, limit: int | None) -> dict:
    from parley.ingest import Record, iter_records

    kinds = Counter("record" if isinstance(r, Record) else r.reason
                    for r in _limited(iter_records([str(path)]), limit))
    return {"documents": sum(kinds.values()), "outcomes": dict(kinds)}


def phase_clean(path: Path, limit: int | None, dedup: bool = False) -> dict:
    from parley.document import Document, content_hash
    from parley.ingest import NearDuplicateIndex, Record, iter_records, prepare

    outcomes, rules, long_lines = Counter(), Counter(), Counter()
    seen: set[str] = set()
    near = NearDuplicateIndex()
    chars_in = chars_out = 0
    for item in _limited(iter_records([str(path)]), limit):
        doc = prepare(item) if isinstance(item, Record) else item
        if not isinstance(doc, Document):
            outcomes[doc.reason] += 1
            continue
        outcomes["document"] += 1
        chars_in += len(item.raw)
        chars_out += len(doc.text)
        for removed in doc.meta.get("boilerplate", []):
            rules[removed["rule"]] += 1
            long_lines[removed["rule"]] += len(removed["text"].split()) > LONG_LINE_WORDS
        if dedup:
            digest = content_hash(doc.text)
            if digest in seen:
                outcomes["exact_duplicate"] += 1
                continue
            seen.add(digest)
            if near.add(doc.id, doc.text) is not None:
                outcomes["near_duplicate"] += 1
            near.signature(doc.text)
    return {"documents": sum(v for k, v in outcomes.items() if k not in ("exact_duplicate", "near_duplicate")),
            "outcomes": dict(outcomes), "chars_kept": round(chars_out / max(chars_in, 1), 4),
            "removed_lines_by_rule": dict(rules.most_common()),
            "removed_long_lines_by_rule": {k: v for k, v in long_lines.most_common() if v}}


def phase_store(path: Path, limit: int | None) -> dict:
    from parley.engine import ingest

    source = path
    with tempfile.TemporaryDirectory() as tmp:
        if limit is not None:
            source = Path(tmp) / "news.jsonl"
            with gzip.open(path, "rt", encoding="utf-8") as stream, open(source, "w", encoding="utf-8") as out:
                out.writelines(_limited(stream, limit))
        db = Path(tmp) / "bench.duckdb"
        summary = ingest([str(source)], db, stages=())
        size = db.stat().st_size
    return {"documents": summary.stored + summary.duplicates + len(summary.quarantined),
            "stored": summary.stored, "duplicates": summary.duplicates,
            "near_duplicates": summary.near_duplicates, "quarantined": len(summary.quarantined),
            "db_mb": round(size / 2**20, 1)}


def run_phase(name: str, path: Path, limit: int | None) -> dict:
    """Run one phase in this process and return its figures (imports timed apart from the work)."""
    started = time.perf_counter()
    if name != "baseline":
        import parley.ingest  # noqa: F401
    if name in ("dedup", "store"):
        import datasketch  # noqa: F401
    if name == "store":
        import parley.engine  # noqa: F401
    import_seconds = time.perf_counter() - started
    functions = {"baseline": phase_baseline, "read": phase_read, "clean": phase_clean,
                 "dedup": lambda p, n: phase_clean(p, n, dedup=True), "store": phase_store}
    started, cpu_started = time.perf_counter(), time.process_time()
    result = functions[name](path, limit)
    seconds, cpu_seconds = time.perf_counter() - started, time.process_time() - cpu_started
    # on a shared machine wall time depends on the neighbours; CPU time (all threads) much less
    result.update(import_seconds=round(import_seconds, 2), seconds=round(seconds, 2),
                  docs_per_s=round(result["documents"] / seconds, 1), cpu_seconds=round(cpu_seconds, 2),
                  docs_per_cpu_s=round(result["documents"] / cpu_seconds, 1), peak_rss_mb=round(peak_rss_mb(), 1))
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=None, help="Only the first N articles.")
    parser.add_argument("--phases", default=",".join(PHASES))
    parser.add_argument("--path", type=Path, default=BENCH_NEWS)
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(run_phase(args.child, args.path, args.limit)))
        return
    report: dict = {"input": args.path.name, "limit": args.limit, "phases": {}}
    for name in args.phases.split(","):
        command = [sys.executable, __file__, "--child", name, "--path", str(args.path)]
        if args.limit is not None:
            command += ["--limit", str(args.limit)]
        output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
        figures = report["phases"][name] = json.loads(output.strip().splitlines()[-1])
        print(f"{name:>8}: {figures['documents']} docs in {figures['seconds']} s = {figures['docs_per_s']} docs/s "
              f"({figures['docs_per_cpu_s']} per CPU second), peak RSS {figures['peak_rss_mb']} MB", file=sys.stderr)
    phases = report["phases"]
    if "baseline" in phases:
        base = phases["baseline"]["cpu_seconds"]
        report["cpu_slowdown_vs_baseline"] = {k: round(v["cpu_seconds"] / base, 1)
                                              for k, v in phases.items() if k != "baseline"}
    report["load_average"] = [round(x, 2) for x in os.getloadavg()]
    # a run of some phases only gets its own report, so each report compares phases of one run
    chosen = args.phases.split(",")
    write_report("ingest" if chosen == list(PHASES) else "ingest-" + "-".join(chosen), report)


if __name__ == "__main__":
    main()
