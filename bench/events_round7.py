"""Benchmark: the event coder on every event dev set at once, one column per round state.

Scores the news-style sets of ``bench/devsets/`` (fresh4, fresh3, fresh2, fresh, hard news, news,
diplomacy; :func:`parley.evaluate.news_score`, and the parties for diplomacy) and the PLOVER dev
half (:func:`parley.evaluate.plover_score`) with one pipeline, and writes their headline figures
under ``--label`` (``before``, ``after``, ...) into ``bench/reports/events_round7.json``, keeping
the other labels already there, so that the report holds the same figures before and after a
round's changes. See ``docs/events.md`` (seventh round).

The benchmark news and the PLOVER dev set are not part of parley: set ``PARLEY_SHARED``.

Usage: python bench/events_round7.py --label before [--sets fresh3,fresh2] [--details DIR]
(``--details`` writes per-sentence gold and predicted events per set into DIR, for finding
failure classes; keep those files out of the project.)
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from _common import BENCH_NEWS, REPO, REPORTS, SHARED  # noqa: E402

DEVSETS = REPO / "bench" / "devsets"
NEWS_SETS = {"fresh6": "events_fresh6_dev", "fresh5": "events_fresh5_dev",
             "fresh4": "events_fresh4_dev", "fresh3": "events_fresh3_dev", "fresh2": "events_fresh2_dev",
             "fresh": "events_fresh_dev", "hardnews": "events_hardnews_dev", "news": "events_news_dev",
             "diplomacy": "events_diplomacy_dev", "fresh7": "events_fresh7_dev", "fresh8": "events_fresh8_dev",
             "fresh9": "events_fresh9_dev", "fresh10": "events_fresh10_dev", "fresh11": "events_fresh11_dev",
             "fresh12": "events_fresh12_dev", "fresh13": "events_fresh13_dev",
             "fresh14": "events_fresh14_dev", "fresh15": "events_fresh15_dev"}
# Sets kept unseen: scored once with ``--sets`` (``bench/devsets/README.md``), never coded by the
# failure-class scripts (``dev_set_names``), whatever their ``--skip``. fresh15 (drawn in session 22)
# is to be scored once, in a later session: ``events_round12.py --label after --sets fresh15``
# (fresh7 was scored once in session 15, fresh8 in session 16, fresh9 in session 17, fresh10 in
# session 18, fresh11 in session 19, fresh12 in session 20, fresh13 in session 21, fresh14 in session
# 22; all are dev sets since).
UNSEEN_SETS: frozenset[str] = frozenset({"fresh15"})
REPORT = REPORTS / "events_round7.json"


def dev_set_names(skip: str) -> list[str]:
    """The sets a failure-class script reads: every news set and the PLOVER dev half, but the
    comma-separated ``skip`` sets and the unseen sets (:data:`UNSEEN_SETS`)."""
    excluded = set(skip.split(",")) | UNSEEN_SETS
    return [name for name in [*NEWS_SETS, "plover"] if name not in excluded]


def _headline(result: dict) -> dict:
    """The figures of a score worth comparing between rounds."""
    keep = {"event_type": result["event_type"]}
    for key in ("cameo_root", "actor_country", "recipient_country", "event"):
        if key in result:
            keep[key] = result[key]
    if "no_event" in result:
        keep["no_event"] = {k: result["no_event"][k] for k in ("sentences", "coded")}
    keep["per_type"] = {t: [v["precision"], v["recall"], v["support"]] for t, v in result["per_type"].items()}
    return keep


def main(report_path: Path = REPORT, default_sets: str = "fresh4,fresh3,fresh2,fresh,hardnews,news,diplomacy,plover"
         ) -> None:
    """Score the chosen sets and merge their figures into the round's report.

    :param report_path: the JSON report of the round, under ``bench/reports``.
    :param default_sets: the sets scored when ``--sets`` is not given.
    """
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--label", required=True)
    parser.add_argument("--sets", default=default_sets)
    parser.add_argument("--details", type=Path, default=None)
    args = parser.parse_args()
    from parley.evaluate import (news_actor_score, news_score, plover_gold, plover_score, read_jsonl,
                                 resolve_texts)
    from parley.events import CODE_STAGES, code_records
    from parley.pipeline import Pipeline

    pipeline = Pipeline.build(CODE_STAGES)
    figures: dict = {}
    for name in args.sets.split(","):
        start = time.perf_counter()
        if name == "plover":
            gold = [plover_gold(r) for r in read_jsonl(SHARED / "devsets" / "plover_gsr_dev.jsonl")]
        else:
            gold = resolve_texts(read_jsonl(DEVSETS / f"{NEWS_SETS[name]}.jsonl"), BENCH_NEWS)
        predicted = list(code_records(gold, pipeline))
        if name == "plover":
            result = plover_score(gold, predicted)
        elif any(e.get("actor") or e.get("recipient") for g in gold for e in g["events"]):
            result = news_actor_score(gold, predicted)
        else:
            result = news_score(gold, predicted)
        figures[name] = _headline(result)
        print(f"{name:10s} F1 {result['event_type']['f1']:.3f} P {result['event_type']['precision']:.3f} "
              f"R {result['event_type']['recall']:.3f}"
              + (f" root {result['cameo_root']['found']}/{result['cameo_root']['gold']}" if "cameo_root" in result
                 else "")
              + (f" no-event {result['no_event']['coded']}/{result['no_event']['sentences']}"
                 if "no_event" in result else "")
              + f" ({time.perf_counter() - start:.1f} s)", flush=True)
        if args.details:
            args.details.mkdir(parents=True, exist_ok=True)
            rows = [{"id": g["id"], "text": g.get("text", ""),
                     "gold": [(e["event_type"], e.get("cameo")) for e in g["events"]],
                     "predicted": [(e["event_type"], e.get("cameo"), e.get("modality"),
                                    (e.get("trigger") or {}).get("text")) for e in p["events"]]}
                    for g, p in zip(gold, predicted)]
            (args.details / f"{name}.json").write_text(json.dumps(rows, indent=1) + "\n", encoding="utf-8")
    report = json.loads(report_path.read_text(encoding="utf-8")) if report_path.exists() else {}
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True,
                            text=True).stdout.strip()
    report[args.label] = {"commit": commit, **{**report.get(args.label, {}).get("sets", {}), **figures}}
    report[args.label] = {"commit": commit, "sets": {k: v for k, v in report[args.label].items() if k != "commit"}}
    REPORTS.mkdir(parents=True, exist_ok=True)
    report_path.write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    print(f"report written to {report_path.relative_to(REPO)}")


if __name__ == "__main__":
    main()
