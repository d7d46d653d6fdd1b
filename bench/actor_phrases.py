"""Benchmark: short actor phrases -> country and sector (``bench/devsets/actor_phrases.yaml``).

The phrases are parley's own (written before the resolver was tuned on them): office holders
with titles, security forces, military units, ethnic groups, parties, armed groups, sector
collectives, office holders on a given date, international bodies. Each phrase is resolved
twice through the stateless coding pipeline (``parley code``'s stages), on its date:

- ``alone``: the phrase as the whole text;
- ``in_sentence``: the phrase as the subject of a sentence of our own ("... said on Tuesday
  that the talks would go on.").

The mention covering most of the phrase is its answer. Country right: the mention's country is
the expected one (null for a body with no country; no mention is wrong). Sector right: counted
over phrases with an expected sector.

Usage: python bench/actor_phrases.py [--devset PATH] [--report NAME]
Writes bench/reports/actor_phrases.json (NAME.json). The hold-out set, written after tuning:
python bench/actor_phrases.py --devset bench/devsets/actor_phrases_holdout.yaml --report actor_phrases_holdout
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from datetime import date
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
DEVSET = REPO / "bench" / "devsets" / "actor_phrases.yaml"
DEFAULT_DATE = "2024-06-01"
FRAME = "{} said on Tuesday that the talks would go on."


def load_phrases(path: Path = DEVSET) -> list[dict]:
    """The phrases of the dev set, each with ``phrase``, ``country``, ``sector``, ``kind``, ``date``."""
    items = yaml.safe_load(path.read_text(encoding="utf-8"))["phrases"]
    for n, item in enumerate(items):
        missing = {"phrase", "country", "sector", "kind"} - set(item)
        if missing:
            raise ValueError(f"{path}: phrase {n + 1}: missing {sorted(missing)}")
        item["date"] = str(item.get("date") or DEFAULT_DATE)
    return items


def _best(mentions: list[dict], start: int, end: int) -> dict | None:
    best, overlap = None, 0
    for m in mentions:
        o = min(end, m["char_end"]) - max(start, m["char_start"])
        if o > overlap:
            best, overlap = m, o
    return best


def resolve_phrases(items: list[dict], pipeline) -> list[dict]:
    """Run every phrase alone and in a sentence; return one result per phrase and setting."""
    from parley.document import Document

    results = []
    for setting in ("alone", "in_sentence"):
        docs = []
        for item in items:
            phrase = item["phrase"]
            text = phrase if setting == "alone" else FRAME.format(phrase[:1].upper() + phrase[1:])
            docs.append(Document.from_text(text, published=date.fromisoformat(item["date"])))
        for item, doc in zip(items, pipeline.pipe(docs)):
            m = _best(doc.mentions, 0, len(item["phrase"]))
            got_country = m.get("country") if m else None
            results.append({
                "setting": setting, "phrase": item["phrase"], "kind": item["kind"],
                "want": [item["country"], item["sector"]],
                "got": [got_country, m.get("sector") if m else None] if m else None,
                "country_right": m is not None and got_country == item["country"],
                "sector_right": None if item["sector"] is None else
                m is not None and m.get("sector") == item["sector"],
            })
    return results


def summarise(results: list[dict]) -> dict:
    """Country and sector accuracy per setting, and per kind of phrase."""
    out = {}
    for setting in ("alone", "in_sentence"):
        rows = [r for r in results if r["setting"] == setting]
        sector_rows = [r for r in rows if r["sector_right"] is not None]
        kinds: dict[str, Counter] = {}
        for r in rows:
            kinds.setdefault(r["kind"], Counter())[r["country_right"]] += 1
        out[setting] = {
            "phrases": len(rows),
            "found": sum(r["got"] is not None for r in rows),
            "country_accuracy": round(sum(r["country_right"] for r in rows) / len(rows), 4),
            "sector_accuracy": round(sum(r["sector_right"] for r in sector_rows) / len(sector_rows), 4),
            "country_accuracy_by_kind": {k: round(c[True] / (c[True] + c[False]), 3)
                                         for k, c in sorted(kinds.items())},
            "misses": [f"{r['phrase']}: want {r['want'][0]}, got {(r['got'] or [None])[0]}"
                       for r in rows if not r["country_right"]],
        }
    return out


def main() -> None:
    from _common import write_report

    from parley.api import get_pipeline
    from parley.events import CODE_STAGES

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--devset", type=Path, default=DEVSET, help="the phrases (YAML)")
    parser.add_argument("--report", default="actor_phrases", help="report name under bench/reports/")
    args = parser.parse_args()
    items = load_phrases(args.devset)
    t0 = time.perf_counter()
    pipeline = get_pipeline(tuple(CODE_STAGES))
    results = resolve_phrases(items, pipeline)
    report = {"devset": args.devset.name, "run_s": round(time.perf_counter() - t0, 2),
              **summarise(results)}
    write_report(args.report, report)


if __name__ == "__main__":
    main()
