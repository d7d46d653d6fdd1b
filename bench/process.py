"""Benchmark: the ``parley_meetings`` stage and ``build_processes`` on the benchmark news.

Runs the stages before it (nlp to claims) over the first N articles (default 300) and the
``--batch`` articles after them, then in the same run times

- ``baseline``: those earlier stages, per article;
- ``parley_meetings``: :func:`parley.process.make_meetings` over the same processed articles;
- ``build_processes``: the cross-document merge (discovery of processes included) of everything;
- ``from_scratch``: meetings of all N + batch articles and their merge;
- ``after_one_more_batch``: what one more batch costs once the first N are stored: the meetings
  of the batch only (each document's meetings are stored with it) and the merge of all.

Also reports how many meetings, rounds, processes (listed in the lexicon or discovered) and
decisions were found, the processes with the most meetings, and any article on which the stage
raised (it must raise on none).

With ``--store DB`` (a database that ``parley ingest`` filled, e.g. with the whole benchmark), it
instead times the cross-document step on what that database stores: the merge of every stored
document's meetings (what an ingest does after its batch, discovery included) and the same merge
without the last ``--batch`` documents, and counts the processes and meetings; the per-document
meetings are those the database's ingest stored (read-only; the database is not changed).

Usage: python bench/process.py [--articles N] [--batch B] [--store DB]
Writes bench/reports/process.json (``process_store.json`` with ``--store``).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from types import SimpleNamespace

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from _common import bench_articles, peak_rss_mb, record_date, write_report  # noqa: E402



def merge_summary(meetings: list[dict], processes: list[dict]) -> dict:
    """Counts of a merge's result, the same in both reports: meetings, processes, the largest
    processes and any meeting whose end comes before its start."""
    return {
        "meetings_merged": len(meetings),
        "processes": len(processes),
        "processes_discovered": sum(1 for p in processes if p.get("discovered")),
        "processes_with_two_or_more_meetings": sum(1 for p in processes if len(p["meetings"]) >= 2),
        "largest_processes": [{"id": p["id"], "name": p["name"], "meetings": len(p["meetings"])}
                              for p in sorted(processes, key=lambda p: -len(p["meetings"]))[:15]],
        "reversed_intervals": sum(1 for m in meetings if m.get("start") and m.get("end")
                                  and m["end"] < m["start"]),
    }

def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--batch", type=int, default=100, help="articles in the one more batch")
    parser.add_argument("--store", type=Path, help="time the merge over this database's stored meetings")
    args = parser.parse_args()
    if args.store:
        store_merge(args.store, args.batch)
        return

    from parley.document import Document
    from parley.pipeline import DEFAULT_PIPELINE, Pipeline
    from parley.process import build_processes, make_meetings

    before = Pipeline.build([n for n in DEFAULT_PIPELINE if n != "parley_meetings"])
    component = make_meetings()
    records = list(bench_articles(args.articles + args.batch))
    chars = sum(len(r["text"]) for r in records)
    stream = (Document.from_text(r["text"], published=record_date(r.get("date")), source_id=r["id"])
              for r in records)

    # documents are kept only as their meetings: the parse of 2,000 articles would not fit in memory
    docs, failures = [], []
    baseline = meetings_time = batch_meetings = 0.0
    start = time.perf_counter()
    for n, doc in enumerate(before.pipe(stream)):
        baseline += time.perf_counter() - start
        begin = time.perf_counter()
        try:
            component(doc)
        except Exception as error:  # the report must name every article the stage fails on
            failures.append({"id": doc.source_id, "error": repr(error)})
            doc.meetings = []
        spent = time.perf_counter() - begin
        meetings_time += spent
        if n >= args.articles:
            batch_meetings += spent
        docs.append(SimpleNamespace(source_id=doc.source_id, published=doc.published, meetings=doc.meetings))
        start = time.perf_counter()

    def merge(some: list) -> tuple[dict, float]:
        begin = time.perf_counter()
        built = build_processes([({"doc_id": d.source_id, "published": d.published}, d.meetings) for d in some])
        return built, time.perf_counter() - begin

    first = docs[:args.articles]
    _, merge_first = merge(first)
    result, merge_time = merge(docs)

    told = [m for d in docs for m in d.meetings if m["kind"] != "process"]
    processes = result["processes"]
    report = {
        "articles": len(docs), "first_articles": len(first), "batch_articles": len(docs) - len(first),
        "characters": chars,
        "baseline_stages_seconds": round(baseline, 2),
        "baseline_articles_per_second": round(len(docs) / baseline, 1),
        "parley_meetings_seconds": round(meetings_time, 3),
        "parley_meetings_articles_per_second": round(len(docs) / meetings_time, 1),
        "parley_meetings_share_of_pipeline": round(meetings_time / (baseline + meetings_time), 4),
        "build_processes_seconds": round(merge_time, 3),
        "build_processes_seconds_first_articles": round(merge_first, 3),
        "from_scratch_seconds": round(meetings_time + merge_time, 3),
        "after_one_more_batch_seconds": round(batch_meetings + merge_time, 3),
        "after_one_more_batch_note": "the batch's own meetings, then the merge of every stored document's",
        "articles_with_meetings": sum(1 for d in docs if any(m["kind"] != "process" for m in d.meetings)),
        "meetings_told": len(told),
        "rounds_told": sum(1 for m in told if m.get("ordinal") is not None),
        "meetings_with_process": sum(1 for m in result["meetings"] if m["process"]),
        **merge_summary(result["meetings"], processes),
        "decisions": sum(len(p["decisions"]) for p in processes),
        "failures": failures,
        "peak_rss_mb": round(peak_rss_mb(), 1),
    }
    write_report("process", report)


def store_merge(path: Path, batch: int) -> None:
    """Time :func:`build_processes` over the meetings stored in the database at ``path``."""
    import json
    from collections import defaultdict

    from parley.process import build_processes
    from parley.store import connection
    from parley.store.derived import document_meta, stored_doc_meetings
    from parley.store.queries import count

    if not path.exists():
        sys.exit(f"{path}: no such database")
    begin = time.perf_counter()
    with connection(path, read_only=True) as conn:
        stored, meta = stored_doc_meetings(conn), document_meta(conn)
        documents = count(conn, "documents")
    read = time.perf_counter() - begin
    by_doc: dict[str, list[dict]] = defaultdict(list)
    for doc_id, data in stored:
        by_doc[doc_id].append(json.loads(data))
    order = sorted((d for d in by_doc if d in meta), key=lambda d: (str(meta[d].get("published") or ""), d))

    def merge(ids: list[str]) -> tuple[dict, float]:
        start = time.perf_counter()
        built = build_processes((meta[d], by_doc[d]) for d in ids)
        return built, time.perf_counter() - start

    merge([])  # load the lexicon once, outside the timings
    _, before_batch = merge(order[:-batch] if batch else order)
    result, whole = merge(order)
    processes = result["processes"]
    report = {
        "database": path.name, "documents": documents, "documents_with_meetings": len(order),
        "meetings_told": sum(len(v) for v in by_doc.values()),
        "read_seconds": round(read, 3),
        "merge_all_seconds": round(whole, 3),
        "merge_before_last_batch_seconds": round(before_batch, 3),
        "last_batch_documents_with_meetings": min(batch, len(order)),
        **merge_summary(result["meetings"], processes),
        "note": "per-document meetings as the database's ingest stored them; after one more batch an ingest "
                "runs the meeting stage on the batch only (see process.json for its rate) and this merge",
        "peak_rss_mb": round(peak_rss_mb(), 1),
    }
    write_report("process_store", report)


if __name__ == "__main__":
    main()
