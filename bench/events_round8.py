"""Benchmark: the event coder on every event dev set, eighth round (``bench/reports/events_round8.json``).

The same scoring as ``bench/events_round7.py`` (one pipeline, headline figures of each set under
``--label``), with the round's unseen set ``events_fresh5_dev.jsonl`` among the sets. With
``--heldout`` it scores only the held-out hand-labelled news (``tests/data/events_gold_bench.jsonl``,
:func:`parley.evaluate.evaluate_file`) and stores it under ``--label`` as ``heldout``: run that
once, at the end of a round. See ``docs/events.md`` (eighth round).

Usage: python bench/events_round8.py --label before [--sets fresh5,plover] [--details DIR]
       python bench/events_round8.py --label after --heldout
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from _common import BENCH_NEWS, REPO, REPORTS  # noqa: E402
from events_round7 import main  # noqa: E402

REPORT = REPORTS / "events_round8.json"
SETS = "fresh5,fresh4,fresh3,fresh2,fresh,hardnews,news,diplomacy,plover"


def heldout(label: str) -> None:
    """Score the held-out news once and store its figures under ``label``."""
    from parley.evaluate import evaluate_file

    result = evaluate_file(REPO / "tests" / "data" / "events_gold_bench.jsonl", news_path=BENCH_NEWS)
    figures = {k: result[k] for k in ("event_type", "actor_country", "recipient_country", "event") if k in result}
    print(f"heldout    F1 {result['event_type']['f1']:.3f} P {result['event_type']['precision']:.3f} "
          f"R {result['event_type']['recall']:.3f}")
    report = json.loads(REPORT.read_text(encoding="utf-8")) if REPORT.exists() else {}
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True,
                            text=True).stdout.strip()
    entry = report.setdefault(label, {"commit": commit, "sets": {}})
    entry["sets"]["heldout"] = {"commit": commit, "command": "parley.evaluate.evaluate_file("
                                "'tests/data/events_gold_bench.jsonl', news_path=<benchmark news>)", **figures}
    REPORT.write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")


def run(report: Path = REPORT) -> None:
    """A round script's command line: score the sets (or, with ``--heldout``, the held-out news) into ``report``."""
    global REPORT
    REPORT = report
    if "--heldout" in sys.argv:
        heldout(sys.argv[sys.argv.index("--label") + 1])
    else:
        main(report, SETS)


if __name__ == "__main__":
    run()
