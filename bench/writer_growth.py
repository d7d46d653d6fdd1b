"""Benchmark report: what in the writer grows with the database, from an ingest's probe and a database.

Two parts, filed together in ``bench/reports/writer_growth.json`` (or ``--report NAME``):

- ``--probe FILE`` (repeatable, ``LABEL=FILE``): the lines ``bench/scale.py --probe FILE`` wrote
  during an ingest (:mod:`writer_probe`), cut into slices of ``--slice`` documents. Per slice:
  the writer's resident memory at its end, what DuckDB said it held (by tag), the file and its
  write-ahead log, the documents in the near-duplicate index, and the writer's CPU milliseconds
  per document by part (batch writes, closing and opening the file, the near-duplicate index,
  preparing records, and the rest of the process). The final derive step's CPU and the memory
  after each of its steps come from the probe's last line.
- ``--db LABEL=FILE`` (repeatable): the Python structures an ingest builds from the database
  before its first batch (:func:`parley.engine.ingest`: the content hashes of every stored
  document, the near-duplicate index of every stored signature, the learned actors), measured
  with ``tracemalloc`` in a fresh process each: MB in all and bytes per stored document.

Usage: python bench/writer_growth.py [--probe LABEL=FILE ...] [--db LABEL=FILE ...] [--slice N]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

from _common import write_report

PARTS = ("write_batch", "close_file", "open_file", "near_duplicates", "prepare")


def slices(lines: list[dict], size: int) -> list[dict]:
    """The probe's lines cut at every ``size`` documents: figures at each cut, CPU per document between."""
    cut, previous, rows = size, None, []
    batch_lines = [line for line in lines if not line.get("final")]
    for line in batch_lines:
        if line["documents"] < cut and line is not batch_lines[-1]:
            continue
        while cut <= line["documents"]:
            cut += size
        start = previous or {"documents": 0, "cpu_seconds": {}, "cpu_seconds_process": 0.0}
        documents = line["documents"] - start["documents"]
        per_doc = {part: round((line["cpu_seconds"].get(part, 0.0) - start["cpu_seconds"].get(part, 0.0))
                               * 1000 / max(documents, 1), 2) for part in PARTS}
        process = (line["cpu_seconds_process"] - start["cpu_seconds_process"]) * 1000 / max(documents, 1)
        per_doc["other"] = round(process - sum(per_doc.values()), 2)
        rows.append({"documents": line["documents"], "rss_mb": line["rss_mb"],
                     "duckdb_mb": line.get("duckdb_mb"), "file_mb": line["file_mb"], "wal_mb": line["wal_mb"],
                     "near_duplicate_index_documents": line.get("near_duplicate_index_documents"),
                     "cpu_ms_per_document": round(process, 2), "cpu_ms_per_document_by_part": per_doc,
                     "load_average": line["load_average"]})
        previous = line
    return rows


def probe_report(path: Path, size: int) -> dict:
    """The report of one probe file."""
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    final = next((line for line in lines if line.get("final")), None)
    report = {"slices": slices(lines, size)}
    if final:
        report["final_derive"] = {
            "cpu_seconds": {k: v for k, v in final["cpu_seconds"].items() if k.startswith("derive.")
                            or k == "final_derive"},
            "rss_mb_after_step": final.get("rss_mb_after_derive_step"), "peak_rss_mb": final.get("peak_rss_mb"),
            "rss_mb_at_end": final["rss_mb"], "file_mb": final["file_mb"], "documents": final["documents"]}
    return report


def _traced(build) -> tuple[float, float]:
    import tracemalloc

    tracemalloc.start()
    began = time.process_time()
    kept = build()
    used = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    del kept
    return used / 2**20, time.process_time() - began


def db_structures(db: str) -> dict:
    """The Python structures :func:`parley.engine.ingest` builds from ``db`` before its first batch."""
    from parley.ingest import NearDuplicateIndex
    from parley.store import connection, queries

    with connection(db, read_only=True) as conn:
        documents = queries.count(conn, "documents")

        def index():
            near = NearDuplicateIndex()
            near.load(queries.stored_signatures(conn))
            return near

        figures = {}
        for name, build in (("stored_hashes", lambda: queries.stored_hashes(conn)),
                            ("near_duplicate_index", index),
                            ("learned_actors", lambda: queries.learned_actors(conn))):
            mb, seconds = _traced(build)
            figures[name] = {"mb": round(mb, 1), "bytes_per_document": round(mb * 2**20 / max(documents, 1)),
                             "cpu_seconds": round(seconds, 2)}
    return {"documents": documents, "structures": figures}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--probe", action="append", default=[], metavar="LABEL=FILE")
    parser.add_argument("--db", action="append", default=[], metavar="LABEL=FILE")
    parser.add_argument("--slice", type=int, default=2500)
    parser.add_argument("--report", default="writer_growth")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(db_structures(args.child)))
        return
    from _common import child_json

    report: dict = {"cores": os.cpu_count(), "load_average": list(os.getloadavg()), "probes": {}, "databases": {}}
    for item in args.probe:
        label, path = item.split("=", 1)
        report["probes"][label] = probe_report(Path(path), args.slice)
    for item in args.db:
        label, path = item.split("=", 1)
        report["databases"][label] = child_json(__file__, "--child", path)
    write_report(args.report, report)


if __name__ == "__main__":
    sys.exit(main())
