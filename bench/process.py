"""Benchmark: the ``parley_meetings`` stage and ``build_processes`` on the benchmark news.

Runs the stages before it (nlp to claims) over the first N articles (default 300), then in
the same run times

- ``baseline``: those earlier stages, per article;
- ``parley_meetings``: :func:`parley.process.make_meetings` over the same processed articles;
- ``build_processes``: the cross-document merge of everything found.

Also reports how many meetings, rounds, process records and decisions were found, by process,
and any article on which the stage raised (it must raise on none).

Usage: python bench/process.py [--articles N]
Writes bench/reports/process.json.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from _common import bench_articles, peak_rss_mb, write_report  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    args = parser.parse_args()

    from parley.document import Document
    from parley.pipeline import DEFAULT_PIPELINE, Pipeline
    from parley.process import build_processes, make_meetings

    before = Pipeline.build([n for n in DEFAULT_PIPELINE if n != "parley_meetings"])
    component = make_meetings()
    docs = []
    for record in bench_articles(args.articles):
        published = date.fromisoformat(record["date"][:10]) if record.get("date") else None
        docs.append(Document.from_text(record["text"], published=published, source_id=record["id"]))
    chars = sum(len(d.text) for d in docs)

    start = time.perf_counter()
    docs = list(before.pipe(docs))
    baseline = time.perf_counter() - start

    failures = []
    start = time.perf_counter()
    for doc in docs:
        try:
            component(doc)
        except Exception as error:  # the report must name every article the stage fails on
            failures.append({"id": doc.source_id, "error": repr(error)})
    meetings_time = time.perf_counter() - start

    start = time.perf_counter()
    result = build_processes([({"doc_id": d.source_id, "published": d.published}, d.meetings) for d in docs])
    merge_time = time.perf_counter() - start

    told = [m for d in docs for m in d.meetings if m["kind"] != "process"]
    report = {
        "articles": len(docs), "characters": chars,
        "baseline_stages_seconds": round(baseline, 2),
        "baseline_articles_per_second": round(len(docs) / baseline, 1),
        "parley_meetings_seconds": round(meetings_time, 3),
        "parley_meetings_articles_per_second": round(len(docs) / meetings_time, 1),
        "parley_meetings_share_of_pipeline": round(meetings_time / (baseline + meetings_time), 4),
        "build_processes_seconds": round(merge_time, 3),
        "articles_with_meetings": sum(1 for d in docs if any(m["kind"] != "process" for m in d.meetings)),
        "meetings_told": len(told),
        "rounds_told": sum(1 for m in told if m.get("ordinal") is not None),
        "meetings_merged": len(result["meetings"]),
        "meetings_by_process": dict(Counter(str(m["process"]) for m in result["meetings"]).most_common()),
        "decisions": sum(len(p["decisions"]) for p in result["processes"]),
        "failures": failures,
        "peak_rss_mb": round(peak_rss_mb(), 1),
    }
    write_report("process", report)


if __name__ == "__main__":
    main()
