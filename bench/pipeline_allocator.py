"""The streaming run of bench/pipeline.py with glibc's malloc as it ships and with fixed thresholds,
taken in turn.

A streaming run of parley's pipeline spends 0.6 to 2 CPU seconds in the kernel, in two modes that
differ by some 30,000-50,000 minor page faults (docs/scale.md, sessions 15 and 16): large arrays
of the model are mapped and unmapped, and the heap's top is handed back and faulted in again,
as glibc's moving thresholds decide. ``GLIBC_TUNABLES`` fixes them for a process from its start
(``--tunables``, default: arrays up to 32 MB from the heap, no trimming below 256 MB of free top).
Each round runs ``bench/pipeline_streams.py``'s streaming run of this code in a fresh process
without the tunables, then with them, and reports user and system CPU, minor faults and resident
growth per run, with the medians per side.

Usage: python bench/pipeline_allocator.py [--articles 200] [--rounds 3] [--tunables STR] [--out NAME]
Writes bench/reports/<NAME>.json (default pipeline_allocator).
"""

from __future__ import annotations

import argparse
import os
import statistics
from pathlib import Path

from _common import REPO, child_json, write_report
from pipeline_streams import FIGURES

TUNABLES = "glibc.malloc.mmap_threshold=33554432:glibc.malloc.trim_threshold=268435456"


def streaming_run(articles: int, tunables: str | None) -> dict:
    """One streaming run of this code in a fresh process, with ``GLIBC_TUNABLES`` set to
    ``tunables`` (or unset)."""
    env = {k: v for k, v in os.environ.items() if k != "GLIBC_TUNABLES"}
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(REPO), env.get("PYTHONPATH")) if p)
    if tunables:
        env["GLIBC_TUNABLES"] = tunables
    script = Path(__file__).with_name("pipeline_streams.py")
    return {**child_json(script, "--worker", "--top", str(REPO), "--articles", str(articles), env=env),
            "load": round(os.getloadavg()[0], 2)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--tunables", default=TUNABLES, help="the GLIBC_TUNABLES value of the second side")
    parser.add_argument("--out", default="pipeline_allocator", help="report name under bench/reports")
    args = parser.parse_args()
    runs: dict[str, list[dict]] = {"shipped": [], "tuned": []}
    for _ in range(args.rounds):
        for side, tunables in (("shipped", None), ("tuned", args.tunables)):
            runs[side].append(streaming_run(args.articles, tunables))
    write_report(args.out, {
        "articles": args.articles, "rounds": args.rounds, "tunables": args.tunables,
        **{side: {"median": {k: round(statistics.median(r[k] for r in found), 2) for k in FIGURES}, "runs": found}
           for side, found in runs.items()}})


if __name__ == "__main__":
    main()
