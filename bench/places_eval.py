"""End-to-end toponym resolution on the hand-annotated dev set: Acc@161km and precision.

The dev set (bench/devsets/places_dev.jsonl) holds every toponym of 30 benchmark news
articles (15 international, 15 about US states and towns), each as the article id, its
character offsets, the surface, a GeoNames id where one is known and the coordinates of the
place meant (see bench/devsets/README.md for what counts as a toponym). The articles
themselves are read from the benchmark news (``--news`` or env ``PARLEY_SHARED``); no article
text is stored in the project.

Each article runs through parley's own pipeline up to the places stage (the nlp stage as
configured by default, then times, then places), exactly as ingest runs it. Scores:

- ``acc161``: share of gold toponyms for which parley found a place overlapping the span
  with coordinates within 161 km of the gold point (a toponym not found counts as wrong);
- ``recall_found``: share of gold toponyms overlapped by any place parley found;
- ``precision``: share of parley's places with coordinates that overlap a gold toponym and
  lie within 161 km of it (a place found where the gold has none counts as wrong).

Usage: python bench/places_eval.py [--news PATH] [--report NAME] [--errors]
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from _common import bench_articles, record_date  # noqa: E402
from parley.document import Document  # noqa: E402
from parley.pipeline import Pipeline  # noqa: E402

DEVSET = REPO / "bench" / "devsets" / "places_dev.jsonl"
REPORTS = REPO / "bench" / "reports"
KM = 161.0
STAGES = ("parley_nlp", "parley_times", "parley_places")


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(a))


def news_path(argument: str | None) -> Path:
    """The benchmark news file: ``--news``, else ``$PARLEY_SHARED/bench/news-10k.jsonl.gz``."""
    if argument:
        path = Path(argument)
    else:
        shared = Path(os.environ.get("PARLEY_SHARED") or REPO.parent / "shared")
        path = shared / "bench" / "news-10k.jsonl.gz"
    if not path.exists():
        sys.exit(f"places_eval: benchmark news not found at {path}; pass --news or set PARLEY_SHARED")
    return path


def load_articles(path: Path, wanted: set[str]) -> dict[str, dict]:
    """The records of ``wanted`` ids from the benchmark news."""
    found = {r["id"]: r for r in bench_articles(path=path) if r["id"] in wanted}
    missing = wanted - set(found)
    if missing:
        sys.exit(f"places_eval: {len(missing)} dev articles missing from {path}: {sorted(missing)[:3]}")
    return found


def overlapping(places: list[dict], start: int, end: int) -> list[dict]:
    """Places whose span overlaps ``[start, end)``."""
    return [p for p in places if p["char_start"] < end and start < p["char_end"]]


def score(gold: list[dict], found: dict[str, list[dict]]) -> dict:
    """Acc@161, recall of spans and precision per split and overall, with the errors."""
    tallies: dict[str, Counter] = {}
    errors = []
    for item in gold:
        for split in (item["split"], "all"):
            tallies.setdefault(split, Counter())["gold"] += 1
        hits = overlapping(found[item["id"]], item["char_start"], item["char_end"])
        located = [p for p in hits if p.get("lat") is not None]
        best = min((distance_km(item["lat"], item["lon"], p["lat"], p["lon"]) for p in located), default=None)
        right = best is not None and best <= KM
        for split in (item["split"], "all"):
            tallies[split]["found"] += bool(hits)
            tallies[split]["right"] += right
        if not right:
            got = located[0] if located else (hits[0] if hits else None)
            errors.append({"id": item["id"], "split": item["split"], "at": item["char_start"], "text": item["text"],
                           "gold": item["name"], "got": got and got.get("name"), "got_text": got and got["text"],
                           "reason": got and got.get("reason"),
                           "km": None if best is None else round(best)})
    by_id: dict[str, list[dict]] = {}
    for item in gold:
        by_id.setdefault(item["id"], []).append(item)
    split_of = {item["id"]: item["split"] for item in gold}
    false_places = []
    for article_id, places in found.items():
        for place in places:
            if place.get("lat") is None:
                continue
            golds = overlapping(by_id.get(article_id, []), place["char_start"], place["char_end"])
            good = any(distance_km(g["lat"], g["lon"], place["lat"], place["lon"]) <= KM for g in golds)
            for split in (split_of[article_id], "all"):
                tallies[split]["predicted"] += 1
                tallies[split]["predicted_right"] += good
            if not golds:
                false_places.append({"id": article_id, "text": place["text"], "got": place.get("name"),
                                     "reason": place.get("reason")})
    summary = {split: {"toponyms": t["gold"], "acc161": round(t["right"] / t["gold"], 4),
                       "recall_found": round(t["found"] / t["gold"], 4),
                       "precision": round(t["predicted_right"] / max(1, t["predicted"]), 4),
                       "places_found": t["predicted"]}
               for split, t in sorted(tallies.items())}
    return {"scores": summary, "errors": errors, "not_toponyms": false_places}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--news", default=None, help="the benchmark news (JSON Lines, gzipped)")
    parser.add_argument("--report", default="places_eval", help="report name under bench/reports/")
    parser.add_argument("--errors", action="store_true", help="print every error")
    args = parser.parse_args()

    gold = [json.loads(line) for line in DEVSET.read_text(encoding="utf-8").splitlines() if line.strip()]
    articles = load_articles(news_path(args.news), {g["id"] for g in gold})
    started = time.perf_counter()
    pipeline = Pipeline.build(STAGES)
    load_seconds = time.perf_counter() - started
    found = {}
    started = time.perf_counter()
    for article_id, record in articles.items():
        doc = Document.from_text(record["text"], published=record_date(record.get("date")))
        found[article_id] = pipeline(doc).places
    run_seconds = time.perf_counter() - started
    result = score(gold, found)
    report = {"devset": str(DEVSET.relative_to(REPO)), "articles": len(articles), "stages": list(STAGES),
              "scores": result["scores"],
              "pipeline_build_seconds": round(load_seconds, 2), "seconds_for_articles": round(run_seconds, 2),
              "errors": result["errors"], "not_toponyms": result["not_toponyms"]}
    for split, values in result["scores"].items():
        print(f"{split:6s} " + "  ".join(f"{k} {v}" for k, v in values.items()))
    if args.errors:
        for error in result["errors"]:
            print("  miss:", error)
        for extra in result["not_toponyms"]:
            print("  extra:", extra)
    REPORTS.mkdir(parents=True, exist_ok=True)
    path = REPORTS / f"{args.report}.json"
    path.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {path.relative_to(REPO)}")


if __name__ == "__main__":
    main()
