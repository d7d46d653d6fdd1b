"""Benchmark: event coding on the PLOVER gold-standard dev set, scored as its README defines.

Codes each dev record with the stages ``parley code`` runs and scores it with
:func:`parley.evaluate.plover_score`: per sentence, predicted types (negated ones left out)
against the gold types as multisets, micro precision/recall/F1 overall and per type, and the
agreement of the predicted actor's country with the gold source for type-matched events.
Also times the coder.

The dev set is not part of parley: pass ``--devset`` or set ``PARLEY_SHARED`` (the folder
holding ``devsets/plover_gsr_dev.jsonl``).

Usage: python bench/plover_dev.py [--devset PATH] [--details PATH]
Writes bench/reports/plover_dev.json (``--details`` also writes the per-sentence gold and
predicted types, by record id, for finding failure classes; keep that file out of the project).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from _common import REPO, SHARED, write_report  # noqa: E402


def main() -> None:
    """Score the dev set and write bench/reports/plover_dev.json."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--devset", type=Path, default=SHARED / "devsets" / "plover_gsr_dev.jsonl")
    parser.add_argument("--details", type=Path, default=None)
    args = parser.parse_args()
    if not args.devset.exists():
        sys.exit(f"error: PLOVER dev set not found at {args.devset}; pass --devset or set PARLEY_SHARED")
    from parley.events import CODE_STAGES
    from parley.evaluate import evaluate_file
    from parley.pipeline import Pipeline

    pipeline = Pipeline.build(CODE_STAGES)
    start = time.perf_counter()
    result = evaluate_file(args.devset, pipeline=pipeline)
    seconds = time.perf_counter() - start
    sentences = result.pop("sentences")
    if args.details:
        args.details.write_text(json.dumps(sentences, indent=1) + "\n", encoding="utf-8")
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True,
                            text=True).stdout.strip()
    write_report("plover_dev", {"devset": args.devset.name, "commit": commit,
                                "seconds": round(seconds, 2), **result})


if __name__ == "__main__":
    main()
