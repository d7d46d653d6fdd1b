"""Benchmark: the writer's cost of one batch as the database grows, without the NLP work.

From an ingested database (``--db``), builds databases of the first N stored documents for each
``--sizes`` N (their rows of every per-document table, and the actors), then in a fresh process
per size stores ``--batches`` batches of ``--batch-size`` documents the way an ingest's writer
does (:meth:`parley.engine._Writer.write`: documents already stored left out, actors merged,
every table appended; the duplicate lookups of the next batch, and a close of the file, which
checkpoints, every ``--close-every`` batches). The documents replayed are stored ones under new
ids (``<id>~replay<n>``), so each batch is the size of a real one.

Reported per size: CPU milliseconds per batch for each statement kind (the duplicate lookups,
the inserts of each table, the actors, the close), the process's peak and final resident
memory, and DuckDB's own account of its memory. The machine being shared, CPU is the figure.

Usage: python bench/writer_replay.py --db FILE [--sizes 2500,10000,20000] [--batches 40]
Writes bench/reports/writer_replay.json (or --report NAME).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from _common import child_json, write_report

PER_DOCUMENT = ("sentences", "mentions", "times", "places", "claims", "event_mentions", "doc_meetings")


def build(source: str, target: Path, documents: int) -> None:
    """A database holding the first ``documents`` documents of ``source`` (by storage order) and
    their per-document rows, with the near-duplicate bands and every actor."""
    from parley.store import open_db
    from parley.store.writes import write_near_duplicate_bands

    conn = open_db(target)
    conn.execute(f"ATTACH '{source}' AS src (READ_ONLY)")
    conn.execute("BEGIN")
    conn.execute(f"CREATE TEMP TABLE chosen AS SELECT id FROM src.documents ORDER BY rowid LIMIT {int(documents)}")
    conn.execute("INSERT INTO documents SELECT * FROM src.documents WHERE id IN (SELECT id FROM chosen)")
    for table in PER_DOCUMENT:
        conn.execute(f"INSERT INTO {table} SELECT * FROM src.{table} WHERE doc_id IN (SELECT id FROM chosen)")
    conn.execute("DELETE FROM actors")
    conn.execute("INSERT INTO actors SELECT * FROM src.actors")
    tables = {r[0] for r in conn.execute("SELECT table_name FROM duckdb_tables() WHERE database_name = 'src'")
              .fetchall()}
    if "near_duplicate_bands" in tables:
        conn.execute("INSERT INTO near_duplicate_bands SELECT * FROM src.near_duplicate_bands "
                     "WHERE doc_id IN (SELECT id FROM chosen)")
    else:   # a database from before migration 0023: the bands as an ingest writes them, in storage order
        conn.execute("DELETE FROM near_duplicate_bands")
        write_near_duplicate_bands(conn, conn.sql("SELECT id, minhash FROM documents ORDER BY rowid").to_arrow_table())
    conn.execute("COMMIT")
    conn.execute("DETACH src")
    conn.close()


def _rss(field: str = "VmRSS") -> float:
    with open("/proc/self/status") as handle:
        return next(int(line.split()[1]) / 1024 for line in handle if line.startswith(field))


def replay(db: str, batches: int, batch_size: int, close_every: int) -> dict:
    """Store ``batches`` batches of stored documents under new ids; the CPU of each part."""
    import warnings

    import pyarrow as pa
    import pyarrow.compute as pc

    from parley.ingest.dedup import NearDuplicateIndex, minhash_signature
    from parley.store import open_db, queries, transaction, writes

    warnings.filterwarnings("ignore", message="Arrow output")
    cpu: dict[str, float] = defaultdict(float)
    insert = writes.insert_table

    def timed_insert(conn, table, batch):
        began = time.thread_time()
        try:
            return insert(conn, table, batch)
        finally:
            cpu[f"insert {table}"] += time.thread_time() - began

    writes.insert_table = timed_insert
    began_rss = _rss()
    conn = open_db(db)
    sources = [r[0] for r in conn.execute("SELECT id FROM documents ORDER BY rowid").fetchall()]
    near = NearDuplicateIndex()
    for n in range(batches):
        ids = sources[(n * batch_size) % len(sources):][:batch_size]
        tables = {"documents": conn.execute("SELECT * EXCLUDE (ingested_at) FROM documents WHERE id IN "
                                            "(SELECT unnest(?))", [ids]).to_arrow_table()}
        for table in PER_DOCUMENT:
            tables[table] = conn.execute(f"SELECT * FROM {table} WHERE doc_id IN (SELECT unnest(?))",
                                         [ids]).to_arrow_table()
        actors = [{"id": a, "aliases": [], "roles": []} for (a,) in conn.execute(
            "SELECT DISTINCT actor_id FROM mentions WHERE doc_id IN (SELECT unnest(?)) AND actor_id IS NOT NULL",
            [ids]).fetchall()]
        suffix = f"~replay{n}"
        for table, rows in tables.items():
            key = "id" if table == "documents" else "doc_id"
            renamed = pc.binary_join_element_wise(rows.column(key), pa.scalar(suffix), "")
            rows = rows.set_column(rows.schema.get_field_index(key), key, renamed)
            if table == "documents":
                hashes = pc.binary_join_element_wise(rows.column("content_hash"), pa.scalar(suffix), "")
                rows = rows.set_column(rows.schema.get_field_index("content_hash"), "content_hash", hashes)
            tables[table] = rows.filter(pc.is_valid(rows.column(key)))
        texts = tables["documents"].column("text").to_pylist()
        began = time.thread_time()
        digests = tables["documents"].column("content_hash").to_pylist()
        queries.stored_among_hashes(conn, digests)
        queries.near_duplicate_candidates(conn, [minhash_signature(near.minhash(t)) for t in texts])
        cpu["duplicate lookups"] += time.thread_time() - began
        began = time.thread_time()
        with transaction(conn):
            writes.upsert_actors(conn, actors)
            cpu["actors"] += time.thread_time() - began
            writes.write_tables(conn, tables)
        cpu["batch write"] += time.thread_time() - began
        if (n + 1) % close_every == 0:
            memory = {tag: round(used / 2**20, 1) for tag, used in conn.execute(
                "SELECT tag, memory_usage_bytes FROM duckdb_memory() WHERE memory_usage_bytes > 100000").fetchall()}
            began = time.process_time()
            conn.close()
            cpu["close (checkpoint)"] += time.process_time() - began
            conn = open_db(db)
    conn.close()
    return {"batches": batches, "batch_size": batch_size, "rss_mb_before": round(began_rss, 1),
            "rss_mb_after": round(_rss(), 1), "peak_rss_mb": round(_rss("VmHWM"), 1), "duckdb_mb_last": memory,
            "cpu_ms_per_batch": {part: round(seconds * 1000 / batches, 1) for part, seconds in sorted(cpu.items())}}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--sizes", default="2500,10000,20000")
    parser.add_argument("--batches", type=int, default=40)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--close-every", type=int, default=4, help="batches between closes (a writer lets go "
                                                                     "every 5 s, about 4 batches)")
    parser.add_argument("--report", default="writer_replay")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(replay(args.child, args.batches, args.batch_size, args.close_every)))
        return
    runs = {}
    with tempfile.TemporaryDirectory() as tmp:
        for size in [int(s) for s in args.sizes.split(",")]:
            target = Path(tmp) / f"first-{size}.duckdb"
            build(args.db, target, size)
            runs[str(size)] = child_json(__file__, "--db", args.db, "--child", str(target), "--batches",
                                         str(args.batches), "--batch-size", str(args.batch_size),
                                         "--close-every", str(args.close_every))
            runs[str(size)]["file_mb"] = round(target.stat().st_size / 2**20, 1)
            shutil.rmtree(target, ignore_errors=True) if target.is_dir() else target.unlink()
    write_report(args.report, {"source_db": Path(args.db).name, "cores": os.cpu_count(),
                               "load_average": list(os.getloadavg()), "sizes": runs})


if __name__ == "__main__":
    sys.exit(main())
