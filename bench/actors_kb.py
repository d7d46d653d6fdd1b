"""Benchmark: loading the actor knowledge base (parley + Phoenix layers) and its memory.

Each measurement runs in a fresh Python process (``--one``) so that nothing is shared:

- ``build``: an empty cache folder, so the layers are read from their files, names tokenised
  and indexed, and the compiled form written (what the first worker on a machine pays);
- ``cached``: the same cache folder again, so the compiled form is read back (every later
  worker, keyed by the content hash of the data files and the code that reads them);
- ``parley_only``: the hand-written layer alone, built, for comparison.

Reported: wall and CPU seconds, the process's resident memory after loading minus before,
the compiled file's size, and the counts by source.

Usage: python bench/actors_kb.py
Writes bench/reports/actors_kb.json.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time

from _common import REPO, child_json, current_rss_mb, write_report


def one(layers: str) -> dict:
    """Load the knowledge base once in this process and describe it."""
    import parley.actors.kb as kb_module   # imported before the clock: spaCy's import is not the KB's
    from parley.actors.layers import kb_counts

    kb_module.split_name("warm up the tokenizer")
    before = current_rss_mb()
    wall, cpu = time.perf_counter(), time.process_time()
    kb = kb_module.load_kb(layers=tuple(layers.split(",")), user="")
    result = {"seconds": round(time.perf_counter() - wall, 2), "cpu_seconds": round(time.process_time() - cpu, 2),
              "rss_mb_added": round(current_rss_mb() - before, 1), "rss_mb_total": round(current_rss_mb(), 1)}
    files = list(kb_module.cache_dir().glob("kb-*.pickle"))
    result["compiled_mb"] = round(max((f.stat().st_size for f in files), default=0) / 2**20, 1)
    result["counts"] = kb_counts(kb)
    return result


def run(layers: str, cache: str) -> dict:
    env = dict(os.environ, PARLEY_CACHE_DIR=cache, PYTHONPATH=str(REPO))
    env.pop("PARLEY_USER_KB", None)
    return child_json(__file__, "--one", layers, env=env, cwd=REPO / "bench")


def main() -> None:
    if len(sys.argv) == 3 and sys.argv[1] == "--one":
        print(json.dumps(one(sys.argv[2])))
        return
    with tempfile.TemporaryDirectory() as cache, tempfile.TemporaryDirectory() as other:
        report = {"build": run("parley,phoenix", cache), "cached": run("parley,phoenix", cache),
                  "parley_only": run("parley", other)}
    path = write_report("actors_kb", report)
    print(json.dumps({k: {x: y for x, y in v.items() if x != "counts"} for k, v in report.items()}, indent=1))
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
