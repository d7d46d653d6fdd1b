"""Benchmark: event coding on real news sentences (CAMEO root recall, no-event sentences, type P/R).

The sets are stored as article id + character offsets + labels, never the text; the text is
read from the benchmark news at run time (see ``bench/devsets/README.md``):

- ``bench/devsets/events_news_dev.jsonl`` (default): 67 sentences (51 with events, 16 with
  none), labelled with PLOVER type and CAMEO root; scored with
  :func:`parley.evaluate.news_score`.
- ``bench/devsets/events_diplomacy_dev.jsonl``: 84 sentences of diplomacy news (15 with no
  event), labelled with actor and recipient countries as well; scored with
  :func:`parley.evaluate.news_actor_score` (adds actor, recipient and whole-event figures).

The benchmark news is not part of parley: pass ``--news`` or set ``PARLEY_SHARED``.

A third set scored like the first, ``bench/devsets/events_hardnews_dev.jsonl`` (144 sentences
of hard-news articles and 24 others, drawn by ``bench/sample_sentences.py``), is chosen with
``--devset`` as well.

Usage: python bench/events_news_dev.py [--devset PATH] [--news PATH] [--details PATH] [--report NAME]
Writes bench/reports/<devset name>.json, or ``--report`` (``--details`` also writes
per-sentence gold and predicted events by record id; keep that file out of the project).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from _common import BENCH_NEWS, REPO, write_report  # noqa: E402

GOLD = REPO / "bench" / "devsets" / "events_news_dev.jsonl"


def _parties(actors: list[dict]) -> list[str]:
    return [f"{a.get('country') or a.get('cameo') or '?'}:{a.get('text')}" for a in actors or []]


def main() -> None:
    """Code the sentences, score them and write the report."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--news", type=Path, default=BENCH_NEWS)
    parser.add_argument("--gold", "--devset", dest="gold", type=Path, default=GOLD,
                        help="the labelled set (default events_news_dev.jsonl; also events_hardnews_dev.jsonl, "
                             "events_diplomacy_dev.jsonl)")
    parser.add_argument("--details", type=Path, default=None)
    parser.add_argument("--report", default=None, help="report name (default: the dev set's name)")
    args = parser.parse_args()
    if not args.news.exists():
        sys.exit(f"error: benchmark news not found at {args.news}; pass --news or set PARLEY_SHARED")
    from parley.evaluate import format_report, news_actor_score, news_score, read_jsonl, resolve_texts
    from parley.events import CODE_STAGES, code_records
    from parley.pipeline import Pipeline

    gold = resolve_texts(read_jsonl(args.gold), args.news)
    predicted = list(code_records(gold, Pipeline.build(CODE_STAGES)))
    with_parties = any(e.get("actor") or e.get("recipient") for g in gold for e in g["events"])
    result = (news_actor_score if with_parties else news_score)(gold, predicted)
    if args.details:
        rows = [{"id": g["id"],
                 "gold": [(e["event_type"], e["cameo"], _parties(e.get("actor")), _parties(e.get("recipient")))
                          for e in g["events"]],
                 "predicted": [(e["event_type"], e.get("cameo"), e.get("modality"), _parties(e.get("actor")),
                                _parties(e.get("recipient"))) for e in p["events"]]}
                for g, p in zip(gold, predicted)]
        args.details.write_text(json.dumps(rows, indent=1) + "\n", encoding="utf-8")
    print(format_report(result))
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True,
                            text=True).stdout.strip()
    write_report(args.report or args.gold.stem, {"devset": args.gold.name, "commit": commit, **result})


if __name__ == "__main__":
    main()
