"""Per-stage CPU of the default pipeline, this code against a baseline checkout, taken in turn.

A stage of one or two CPU seconds moves by a tenth between two runs on a shared machine, more
than most speed changes to it; comparing runs made at different times says little. Here each
round runs the baseline (``--baseline DIR``: a checkout of another commit, imported in place of
this one) and this code, each in a fresh process, one after the other. A process runs the
pipeline stage by stage over the first ``--articles`` benchmark articles (the ``first`` pass, as
``bench/pipeline.py --stages`` does), then runs every stage after the nlp stage ``--reruns``
more times over the documents it made and keeps the least CPU of those (``rerun``, the steadiest
figure: memos are full, as in a long ingest). The report gives each round's figures and, per
stage, the median over the rounds.

Usage: python bench/pipeline_stages.py --baseline DIR [--articles 200] [--rounds 3] [--reruns 3]
Writes bench/reports/pipeline_stages.json.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import time
from pathlib import Path

from _common import alternate_sides, bench_articles, child_json, run_by_stage, write_report


def measure(articles: int, reruns: int) -> dict:
    """Per-stage CPU seconds of this process's parley: the first pass and the least of the reruns."""
    import parley
    from parley.document import Document
    from parley.pipeline import Pipeline

    records = [r for r in bench_articles(articles) if (r.get("text") or "").strip()]
    pipeline = Pipeline.build()
    pipeline(Document.from_text("Russia and Iran met in Astana on Tuesday."))   # warm every stage
    first, docs = run_by_stage(pipeline, records)
    rerun = {}
    for name, component in list(zip(pipeline.names, pipeline.components))[1:]:
        best = None
        for _ in range(reruns):
            cpu = time.process_time()
            docs = list(component.pipe(docs)) if hasattr(component, "pipe") else [component(d) for d in docs]
            spent = time.process_time() - cpu
            best = spent if best is None else min(best, spent)
        rerun[name] = round(best, 3)
    return {"code": _commit(Path(parley.__file__).parents[1]), "first": first, "rerun": rerun}


def _commit(top: Path) -> str:
    """The commit a checkout is at, with "+changes" when its ``parley/`` differs from it."""
    def git(*words: str) -> str:
        return subprocess.run(["git", "-C", str(top), *words], capture_output=True, text=True).stdout.strip()
    changed = git("status", "--porcelain", "-uno", "--", "parley")
    return git("rev-parse", "--short", "HEAD") + ("+changes" if changed else "")


def _run(baseline: str | None, args: argparse.Namespace) -> dict:
    env = dict(os.environ)
    if baseline:
        env["PYTHONPATH"] = os.pathsep.join(p for p in (baseline, env.get("PYTHONPATH")) if p)
    return child_json(__file__, "--worker", "--articles", str(args.articles), "--reruns", str(args.reruns), env=env)


def _medians(runs: list[dict], kind: str) -> dict:
    stages = runs[0][kind]
    return {name: round(statistics.median(r[kind][name] for r in runs), 3) for name in stages}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--baseline", help="a checkout of the code to compare with (its top directory)")
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--reruns", type=int, default=3)
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        print(json.dumps(measure(args.articles, args.reruns)))
        return
    runs = alternate_sides(args.baseline, args.rounds, lambda path: _run(path, args))
    report = {"articles": args.articles, "rounds": args.rounds, "reruns": args.reruns,
              "load_average": os.getloadavg(),
              **{side: {"code": found[0]["code"], "first_median": _medians(found, "first"),
                        "rerun_median": _medians(found, "rerun"), "runs": found} for side, found in runs.items()}}
    write_report("pipeline_stages", report)


if __name__ == "__main__":
    main()
