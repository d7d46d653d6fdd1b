"""Benchmark: actor countries on the PLOVER gold-standard dev set, and the dev set's fair score.

The dev set (``plover_gsr_dev.jsonl``, 180 short newswire-style sentences, PLOVER GSR, CC BY-SA
4.0) is for measuring only: nothing of it goes into parley's knowledge or rules.

Two figures, one run, through parley's stateless coding pipeline (``parley code``):

- ``actors``: for each gold actor text (``source_actor_detail`` / ``target_actor_detail``), the
  parley mention that overlaps its span most; right when the mention's country is the gold
  code's country (CAMEO country read through parley's CAMEO table; a gold code without a
  country - IGO, NGO, ... - is right when the mention has no country either). Reported over
  all gold actors (a missing mention counts as wrong) and over those parley found.
- ``fair``: the dev set README's score: per sentence, predicted event types (negated ones left
  out) against the gold types as multisets, micro precision/recall/F1; and for each gold event
  matched by type, whether a predicted actor's country agrees with a gold source's.

Usage: python bench/actors_plover.py [--devset PATH]   (default: $PARLEY_SHARED/devsets/...)
Writes bench/reports/actors_plover.json.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

from _common import SHARED, write_report

from parley.actors.cameo import CodeBook
from parley.api import get_pipeline
from parley.events import CODE_STAGES, record_document


def gold_country(code: str, book: CodeBook) -> str | None:
    """The ISO3 country of a gold CAMEO actor code (None for IGO, NGO, ...)."""
    return book.split(code)[0] if code else None


def find_span(text: str, phrase: str) -> tuple[int, int] | None:
    """Where a gold actor text stands in the sentence (first occurrence, any case; runs of
    spaces in the gold text as one; "A ... B", the gold's gapped actor, from A to B)."""
    phrase = " ".join(phrase.split())
    if "..." in phrase:
        first, last = (p.strip() for p in (phrase.split("...")[0], phrase.split("...")[-1]))
        a = find_span(text, first) if first else None
        b = find_span(text[a[1]:], last) if a and last else None
        return (a[0], a[1] + b[1]) if a and b else a
    at = text.find(phrase)
    if at < 0:
        at = text.lower().find(phrase.lower())
    return (at, at + len(phrase)) if at >= 0 else None


def best_mention(mentions: list[dict], span: tuple[int, int]) -> dict | None:
    """The mention overlapping ``span`` most."""
    best, overlap = None, 0
    for m in mentions:
        o = min(span[1], m["char_end"]) - max(span[0], m["char_start"])
        if o > overlap:
            best, overlap = m, o
    return best


def miss_category(phrase: str, span: tuple[int, int] | None, mention: dict | None, doc) -> str:
    """A rough shape of a missed gold actor text, for the error table (heuristic, by its words)."""
    words = phrase.replace("...", " ").split()
    if span and any(p["char_start"] < span[1] and span[0] < p["char_end"] for p in doc.places) \
            and (mention is None or mention.get("locative")):
        return "place as actor"
    if "..." in phrase or " and " in phrase:
        return "coordination"
    if "'s" in phrase or "’s" in phrase:
        return "possessive"
    if "," in phrase or " of " in phrase or " in " in phrase or " based " in phrase:
        return "apposition or of/in phrase"
    if words and all(w[:1].isupper() for w in words if w.isalpha() and w.lower() not in ("of", "the", "for")):
        return "name (person or organisation)"
    return "group noun or sector phrase"


def matched_events(records: list[dict], docs: list) -> set[tuple[str, int]]:
    """(record id, gold event index) of the gold events whose type parley predicted (as the fair
    score pairs them: per sentence, types as multisets, negated predictions left out)."""
    matched = set()
    for record, doc in zip(records, docs):
        pool = Counter(e["event_type"] for e in doc.events if e.get("modality") != "negated")
        for n, event in enumerate(record.get("events") or []):
            if pool[event["event_type"]] > 0:
                pool[event["event_type"]] -= 1
                matched.add((record["id"], n))
    return matched


def score_actors(records: list[dict], docs: list, book: CodeBook) -> dict:
    """Actor-country accuracy over every gold actor text, and over the actors of the gold
    events whose type parley found (``on_matched_events``); misses counted by outcome and shape."""
    total = found = right = right_found = 0
    on_matched: Counter = Counter()
    by_kind: Counter = Counter()
    categories: Counter = Counter()
    misses = []
    matched = matched_events(records, docs)
    for record, doc in zip(records, docs):
        seen = set()
        for n, event in enumerate(record.get("events") or []):
            for detail in (event.get("source_actor_detail") or []) + (event.get("target_actor_detail") or []):
                phrase, code = detail.get("actorText") or "", detail.get("code") or ""
                if phrase and (record["id"], n) in matched:
                    span = find_span(record["text"], phrase)
                    m = best_mention(doc.mentions, span) if span else None
                    on_matched[m is not None and (m.get("country") or None) == gold_country(code, book)] += 1
            for detail in (event.get("source_actor_detail") or []) + (event.get("target_actor_detail") or []):
                phrase, code = detail.get("actorText") or "", detail.get("code") or ""
                if not phrase or (phrase, code) in seen:
                    continue
                seen.add((phrase, code))
                span = find_span(record["text"], phrase)
                total += 1
                want = gold_country(code, book)
                m = best_mention(doc.mentions, span) if span else None
                ok = m is not None and (m.get("country") or None) == want
                found += m is not None
                right += ok
                right_found += ok and m is not None
                by_kind[("with_country" if want else "no_country", ok)] += 1
                if not ok:
                    misses.append({"id": record["id"], "gold": code,
                                   "got": (m or {}).get("country"), "found": m is not None})
                    outcome = "no mention" if m is None else ("a country where none" if want is None
                                                              else "wrong country" if m.get("country")
                                                              else "no country")
                    categories[f"{outcome}: {miss_category(phrase, span, m, doc)}"] += 1
    return {
        "gold_actors": total, "found": found, "country_right": right,
        "accuracy": round(right / total, 4) if total else None,
        "accuracy_when_found": round(right / found, 4) if found else None,
        "gold_with_country": by_kind[("with_country", True)] + by_kind[("with_country", False)],
        "accuracy_gold_with_country": round(by_kind[("with_country", True)] / max(1, by_kind[("with_country", True)]
                                                                               + by_kind[("with_country", False)]), 4),
        "on_matched_events": {"gold_actors": sum(on_matched.values()), "country_right": on_matched[True],
                              "accuracy": round(on_matched[True] / max(1, sum(on_matched.values())), 4)},
        "misses_by_category": dict(sorted(categories.items(), key=lambda kv: (-kv[1], kv[0]))),
        "misses_by_id": [f"{m['id']}:{m['gold']}->{m['got']}" for m in misses],
    }


def fair_score(records: list[dict], docs: list, book: CodeBook) -> dict:
    """The devsets README's fair score (event types as multisets, actor country of matched events)."""
    tp = fp = fn = 0
    matched = agree = 0
    for record, doc in zip(records, docs):
        gold = [e for e in record.get("events") or []]
        pred = [e for e in doc.events if e.get("modality") != "negated"]
        pool = Counter(e["event_type"] for e in pred)
        for event in gold:
            if pool[event["event_type"]] > 0:
                pool[event["event_type"]] -= 1
                tp += 1
                matched += 1
                gold_countries = {gold_country(d.get("code") or "", book)
                                  for d in event.get("source_actor_detail") or []} or {
                    gold_country(c, book) for c in event.get("source_actor") or []}
                pred_countries = {a.get("country") for e in pred if e["event_type"] == event["event_type"]
                                  for a in e.get("actor") or []}
                agree += bool(gold_countries & pred_countries)
            else:
                fn += 1
        fp += sum(pool.values())
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4),
            "tp": tp, "fp": fp, "fn": fn, "matched_events": matched,
            "actor_country_agrees": round(agree / matched, 4) if matched else None}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--devset", type=Path, default=SHARED / "devsets" / "plover_gsr_dev.jsonl",
                        help="PLOVER gold JSON Lines (default: $PARLEY_SHARED/devsets/plover_gsr_dev.jsonl)")
    args = parser.parse_args()
    if not args.devset.is_file():
        sys.exit(f"error: {args.devset}: no such dev set (set PARLEY_SHARED or pass --devset)")
    records = [json.loads(line) for line in args.devset.read_text(encoding="utf-8").splitlines() if line.strip()]
    book = CodeBook.load()
    t0 = time.perf_counter()
    pipeline = get_pipeline(tuple(CODE_STAGES))
    load_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    docs = list(pipeline.pipe(record_document(r) for r in records))
    run_s = time.perf_counter() - t0
    report = {"devset": args.devset.name, "records": len(records), "pipeline_load_s": round(load_s, 2),
              "run_s": round(run_s, 2), "actors": score_actors(records, docs, book),
              "fair": fair_score(records, docs, book)}
    path = write_report("actors_plover", report)
    summary = {k: v for k, v in report["actors"].items() if k != "misses_by_id"}
    print(json.dumps({"actors": summary, "fair": report["fair"]}, indent=1))
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
