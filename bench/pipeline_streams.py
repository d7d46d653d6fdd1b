"""The streaming run of bench/pipeline.py, this code against a baseline checkout, taken in turn.

``bench/pipeline.py`` times parley's whole pipeline streaming over the benchmark articles
(``run_parley``) and bare spaCy in one process; on a shared machine one such run moves by a
second or more of parley's CPU. Here each round runs that streaming run alone in a fresh
process for the baseline (``--baseline DIR``: a checkout of another commit, whose
``bench/pipeline.py`` and ``parley`` are imported in place of these) and for this code, one after
the other, and reports per run the CPU seconds split into user and system time, the minor page
faults, the growth of resident memory and the CPU the garbage collector took during the run,
with the medians per side.

Usage: python bench/pipeline_streams.py --baseline DIR [--articles 200] [--rounds 3]
Writes bench/reports/pipeline_streams.json.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import resource
import statistics
import sys
import time
from pathlib import Path

from _common import REPO, alternate_sides, bench_articles, child_json, current_rss_mb, write_report

FIGURES = ("cpu", "user", "sys", "minor_faults", "rss_growth_mb", "gc_cpu")


def measure(articles: int) -> dict:
    """One streaming run of ``bench/pipeline.py``'s parley over ``articles`` articles, in figures."""
    import pipeline as bench
    from pipeline_stages import _commit

    import parley
    from parley.nlp import load_model

    records = [r for r in bench_articles(articles) if (r.get("text") or "").strip()]
    bench._warm(load_model(), [r["text"] for r in records])
    collector = {"cpu": 0.0, "start": 0.0, "on": False}

    def on_collect(phase: str, info: dict) -> None:
        if phase == "start":
            collector["start"] = time.process_time()
        elif collector["on"]:
            collector["cpu"] += time.process_time() - collector["start"]

    figures: dict = {}
    timed = bench._timed

    def measured(run):
        before, rss = resource.getrusage(resource.RUSAGE_SELF), current_rss_mb()
        collector["on"] = True
        result = timed(run)
        collector["on"] = False
        after = resource.getrusage(resource.RUSAGE_SELF)
        figures.update(user=after.ru_utime - before.ru_utime, sys=after.ru_stime - before.ru_stime,
                       minor_faults=after.ru_minflt - before.ru_minflt, rss_growth_mb=current_rss_mb() - rss)
        return result

    gc.callbacks.append(on_collect)
    bench._timed = measured
    counts, _, cpu = bench.run_parley(records)
    figures.update(cpu=cpu, gc_cpu=collector["cpu"])
    return {"code": _commit(Path(parley.__file__).parents[1]), "parsed": counts["parsed"],
            "events": counts["events"], **{k: round(figures[k], 2) for k in FIGURES}}


def _run(baseline: str | None, args: argparse.Namespace) -> dict:
    env = dict(os.environ)
    top = baseline or str(REPO)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (top, env.get("PYTHONPATH")) if p)
    return child_json(__file__, "--worker", "--top", top, "--articles", str(args.articles), env=env)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--baseline", help="a checkout of the code to compare with (its top directory)")
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--top", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        sys.path.insert(0, str(Path(args.top) / "bench"))     # that checkout's bench/pipeline.py
        print(json.dumps(measure(args.articles)))
        return
    runs = alternate_sides(args.baseline, args.rounds, lambda path: _run(path, args))
    report = {"articles": args.articles, "rounds": args.rounds, "load_average": os.getloadavg(),
              **{side: {"code": found[0]["code"],
                        "median": {k: round(statistics.median(r[k] for r in found), 2) for k in FIGURES},
                        "runs": found} for side, found in runs.items()}}
    write_report("pipeline_streams", report)


if __name__ == "__main__":
    main()
