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

Usage: python bench/process.py [--articles N] [--batch B]
Writes bench/reports/process.json.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from types import SimpleNamespace

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from _common import bench_articles, peak_rss_mb, record_date, write_report  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--batch", type=int, default=100, help="articles in the one more batch")
    args = parser.parse_args()

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
        "meetings_merged": len(result["meetings"]),
        "meetings_with_process": sum(1 for m in result["meetings"] if m["process"]),
        "processes": len(processes),
        "processes_discovered": sum(1 for p in processes if p.get("discovered")),
        "processes_with_two_or_more_meetings": sum(1 for p in processes if len(p["meetings"]) >= 2),
        "largest_processes": [{"id": p["id"], "name": p["name"], "meetings": len(p["meetings"])}
                              for p in sorted(processes, key=lambda p: -len(p["meetings"]))[:15]],
        "reversed_intervals": sum(1 for m in result["meetings"] if m.get("start") and m.get("end")
                                  and m["end"] < m["start"]),
        "decisions": sum(len(p["decisions"]) for p in processes),
        "failures": failures,
        "peak_rss_mb": round(peak_rss_mb(), 1),
    }
    write_report("process", report)


if __name__ == "__main__":
    main()
