"""Time the claims stage on the benchmark news, against a bare regex baseline, in one run.

Both read the same articles split into sentences by one regex (spaCy excluded: the stage
runs on the sentences and parse that parley_nlp already made; without a parse it only loses
the speaker of "X said"). The baseline finds "<digits> people|killed|dead" and nothing else:
no qualifier, interval, subject, as-of or source; it shows what the stage's extra work costs.
Also timed: compare_claims over every claim found. Writes bench/reports/claims.json.

Usage: python bench/claims.py [--limit N]
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench._common import bench_articles, peak_rss_mb, write_report  # noqa: E402
from parley.claims import compare_claims, extract_claims, load_rules  # noqa: E402

SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
BASELINE = re.compile(r"\b\d[\d,]*\s+(?:people|killed|dead)\b")


def sentences(text: str) -> list[dict]:
    """Sentence spans of ``text`` split after ., ! or ? and whitespace."""
    bounds = [0, *(m.end() for m in SENTENCE_END.finditer(text)), len(text)]
    return [{"index": i, "char_start": a, "char_end": b} for i, (a, b) in enumerate(zip(bounds, bounds[1:]))]


def main() -> None:
    """Run both extractors over the articles and write the report."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="articles to read (default: all)")
    args = parser.parse_args()
    load_rules()
    articles = [(r.get("id"), r.get("text") or "", r.get("outlet")) for r in bench_articles(args.limit)]
    split = [sentences(text) for _, text, _ in articles]
    chars = sum(len(text) for _, text, _ in articles)

    start, cpu = time.perf_counter(), time.process_time()
    claims = []
    for (doc_id, text, outlet), spans in zip(articles, split):
        for claim in extract_claims(text, spans, None, None, outlet=outlet):
            claim["doc_id"] = doc_id
            claims.append(claim)
    wall, cpu = time.perf_counter() - start, time.process_time() - cpu

    base_start, base_cpu = time.perf_counter(), time.process_time()
    baseline_hits = sum(len(BASELINE.findall(text[s["char_start"]:s["char_end"]]))
                        for (_, text, _), spans in zip(articles, split) for s in spans)
    base_wall, base_cpu = time.perf_counter() - base_start, time.process_time() - base_cpu

    compare_start = time.perf_counter()
    groups = compare_claims(claims)
    compare_wall = time.perf_counter() - compare_start

    measures = Counter(c["measure"] for c in claims)
    write_report("claims", {
        "articles": len(articles), "megabytes": round(chars / 1e6, 2),
        "parley": {"claims": len(claims), "wall_s": round(wall, 2), "cpu_s": round(cpu, 2),
                   "docs_per_cpu_s": round(len(articles) / cpu, 1) if cpu else None,
                   "specific_share": round(sum(c["specific"] for c in claims) / len(claims), 3) if claims else None,
                   "by_measure": dict(measures.most_common())},
        "baseline_regex": {"matches": baseline_hits, "wall_s": round(base_wall, 2), "cpu_s": round(base_cpu, 2)},
        "compare_claims": {"groups": len(groups), "wall_s": round(compare_wall, 3),
                           "verdicts": dict(Counter(g["verdict"] for g in groups))},
        "peak_rss_mb": round(peak_rss_mb(), 1),
        "note": "wall times on a shared 2-core machine; cpu_s is this process's CPU time",
    })


if __name__ == "__main__":
    main()
