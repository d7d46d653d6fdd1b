"""Benchmark: event coding on real news sentences (CAMEO root recall, no-event sentences, type P/R).

The set is ``bench/devsets/events_news_dev.jsonl``: 67 sentences of the benchmark news (51
with events, 16 with none: business, sports, opinion, background), stored as article id +
character offsets + labels (PLOVER type and CAMEO root per event), never the text; the text
is read from the benchmark news at run time (see ``bench/devsets/README.md``). Scored with
:func:`parley.evaluate.news_score`.

The benchmark news is not part of parley: pass ``--news`` or set ``PARLEY_SHARED``.

A second set scored the same way, ``bench/devsets/events_hardnews_dev.jsonl`` (144 sentences
of hard-news articles and 24 others, drawn by ``bench/sample_sentences.py``), is chosen with
``--devset``.

Usage: python bench/events_news_dev.py [--news PATH] [--devset PATH] [--details PATH]
Writes bench/reports/<set name>.json, e.g. events_news_dev.json (``--details`` also writes per-sentence gold and
predicted types and roots by record id; keep that file out of the project).
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


def main() -> None:
    """Code the sentences, score them and write bench/reports/events_news_dev.json."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--news", type=Path, default=BENCH_NEWS)
    parser.add_argument("--gold", "--devset", dest="gold", type=Path, default=GOLD,
                        help="the labelled set (default events_news_dev.jsonl; also events_hardnews_dev.jsonl)")
    parser.add_argument("--details", type=Path, default=None)
    args = parser.parse_args()
    if not args.news.exists():
        sys.exit(f"error: benchmark news not found at {args.news}; pass --news or set PARLEY_SHARED")
    from parley.evaluate import format_report, news_score, read_jsonl, resolve_texts
    from parley.events import CODE_STAGES, code_records
    from parley.pipeline import Pipeline

    gold = resolve_texts(read_jsonl(args.gold), args.news)
    predicted = list(code_records(gold, Pipeline.build(CODE_STAGES)))
    result = news_score(gold, predicted)
    if args.details:
        rows = [{"id": g["id"], "gold": [(e["event_type"], e["cameo"]) for e in g["events"]],
                 "predicted": [(e["event_type"], e.get("cameo"), e.get("modality")) for e in p["events"]]}
                for g, p in zip(gold, predicted)]
        args.details.write_text(json.dumps(rows, indent=1) + "\n", encoding="utf-8")
    print(format_report(result))
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True,
                            text=True).stdout.strip()
    write_report(args.gold.stem, {"devset": args.gold.name, "commit": commit, **result})


if __name__ == "__main__":
    main()
