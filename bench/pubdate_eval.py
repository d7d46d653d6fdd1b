"""Publication-date inference on dated benchmark articles with their dates hidden, as the pipeline runs it.

Draws ``--sample`` articles of the benchmark news that have a full date (and under 8,000
characters, as ``bench/times_eval.py``), leaving out every article of the unseen parts (the
held-out tracks of ``bench/devsets/processes.yaml`` and the unseen event sets), hides the date,
runs the pipeline's nlp stage on it (the parse of candidate sentences only, as in production,
so tense is read as the times stage reads it there) and infers the date from the text.

The sample is split in two halves: ``find`` (the first) is the one whose misses may be read
(``--show``), ``confirm`` (the second) is scored only. For each half and both together:

- ``inferred``: articles the text gives any year for;
- ``window_holds``: share of inferred windows that hold the true date;
- ``narrow``: windows no wider than 31 days (a report the meeting stage can date weekdays by,
  ``parley/process/context.py:INFERRED_WINDOW_DAYS``), and ``narrow_holds`` the share of them
  that hold the true date;
- ``width_median`` and ``width_quartiles`` (days, both ends counted);
- ``point_exact`` and ``point_within_1/7/31``: share of inferred points that far from the truth.

Usage: python bench/pubdate_eval.py [--sample 400] [--cache DIR] [--show] [--label NAME]
or python bench/pubdate_eval.py --refresh SOURCE TARGET (see :func:`refresh_cache`)
(``--cache`` keeps the parsed documents, so that reruns only redo the times stage). Writes its
report in bench/reports: ``pubdate_eval.json``, or ``pubdate_eval_NAME.json`` with ``--label`` (main's
figures at the start of session 18: ``bench/reports/pubdate_eval_before.json``).
"""

from __future__ import annotations

import argparse
import json
import pickle
import random
import sys
import time
from datetime import date
from pathlib import Path

import yaml

from _common import REPO, bench_articles, cached_documents, keep_document, record_date, write_report

sys.path.insert(0, str(REPO))

from parley.process.context import INFERRED_WINDOW_DAYS  # noqa: E402
from parley.times.extract import find_mentions  # noqa: E402
from parley.times.infer import infer_from_mentions  # noqa: E402

DEVSETS = REPO / "bench" / "devsets"
MAX_CHARS = 8000
SEED = 18


def unseen_ids() -> set[str]:
    """Ids of the articles of the unseen parts, to leave out of the sample (never read here)."""
    from events_round7 import UNSEEN_SETS
    from process_eval import DEVSET, held_out_parts, load_devset, wanted_ids

    ids: set[str] = set()
    for part in held_out_parts(yaml.safe_load(DEVSET.read_text(encoding="utf-8"))["tracks"]):
        ids.update(wanted_ids(load_devset(only_set=part)))
    for name in UNSEEN_SETS:
        path = DEVSETS / f"events_{name}_dev.jsonl"
        if path.exists():
            for line in path.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    ids.add(json.loads(line)["article_id"])
    return ids


def sample_records(size: int) -> list[dict]:
    """``size`` dated benchmark articles, seen parts only, in a fixed random order."""
    left_out = unseen_ids()
    records = [r for r in bench_articles() if len(r.get("date") or "") >= 10 and record_date(r["date"])
               and len(r["text"]) < MAX_CHARS and r["id"] not in left_out]
    random.Random(SEED).shuffle(records)
    return records[:size]


def parsed_docs(records: list[dict], cache: Path | None) -> list:
    """The nlp stage's documents of ``records``, with no publication date."""
    from parley.document import Document
    from parley.pipeline import Pipeline

    docs = cached_documents(cache, [r["id"] for r in records])
    missing = [r for r in records if r["id"] not in docs]
    if missing:
        nlp = Pipeline.build(["parley_nlp"])
        fresh = [Document.from_text(r["text"], published=None, source_id=r["id"], title=r.get("title"))
                 for r in missing]
        for doc in nlp.components[0].pipe(fresh):
            docs[doc.source_id] = doc
            keep_document(cache, doc)
    return [docs[r["id"]] for r in records]


def infer_rows(records: list[dict], docs: list, latest: date) -> tuple[list[dict], float]:
    """One row per article: the true date, the inferred window and point, the evidence."""
    rows, seconds = [], 0.0
    for record, doc in zip(records, docs):
        started = time.process_time()
        result = infer_from_mentions(find_mentions(doc.text, doc.sentences, doc.spacy_doc), doc.text, latest)
        seconds += time.process_time() - started
        row = {"id": record["id"], "truth": record_date(record["date"])}
        if result is not None:
            row.update(low=result.window[0], high=result.window[1], point=result.point,
                       evidence=result.evidence)
        rows.append(row)
    return rows, seconds


def figures(rows: list[dict]) -> dict:
    """The scores of ``rows`` (see the module docstring)."""
    done = [r for r in rows if "point" in r]
    n = max(len(done), 1)
    widths = sorted((r["high"] - r["low"]).days + 1 for r in done)
    holds = [r["low"] <= r["truth"] <= r["high"] for r in done]
    narrow = [h for r, h in zip(done, holds) if (r["high"] - r["low"]).days <= INFERRED_WINDOW_DAYS]
    off = [abs((r["point"] - r["truth"]).days) for r in done]

    def share(values) -> float:
        return round(sum(values) / n, 4)

    return {"articles": len(rows), "inferred": len(done), "window_holds": share(holds),
            "narrow": len(narrow), "narrow_holds": round(sum(narrow) / max(len(narrow), 1), 4),
            "width_median": widths[len(widths) // 2] if widths else None,
            "width_quartiles": [widths[len(widths) // 4], widths[3 * len(widths) // 4]] if widths else None,
            "point_exact": share(d == 0 for d in off), "point_within_1": share(d <= 1 for d in off),
            "point_within_7": share(d <= 7 for d in off), "point_within_31": share(d <= 31 for d in off)}


def show(rows: list[dict]) -> None:
    """Print the rows whose window misses the truth or whose point is over a week off."""
    for r in rows:
        if "point" not in r:
            print(r["id"], r["truth"], "no inference")
            continue
        if r["low"] <= r["truth"] <= r["high"] and abs((r["point"] - r["truth"]).days) <= 7:
            continue
        print(r["id"], "truth", r["truth"], "window", r["low"], r["high"], "point", r["point"])
        for e in r["evidence"]:
            if e["rule"] != "relative":
                print("   ", e["rule"], e.get("date"), repr(e["text"]))


def refresh_cache(source: Path, target: Path) -> int:
    """Copy the documents of a ``bench/process_eval.py`` cache to ``target`` with the times, places
    and actors stages run again on this code (an inferred publication date inferred again), so that
    the process parts score this code's dates without parsing again; returns the documents copied."""
    from parley.pipeline import DEFAULT_CONFIG, STAGES, Pipeline, _load_factory

    names = ("parley_times", "parley_places", "parley_actors")
    stages = Pipeline(names, [_load_factory(STAGES[n].factory)(**DEFAULT_CONFIG.get(n, {})) for n in names])
    target.mkdir(parents=True, exist_ok=True)
    count = 0
    for path in sorted(source.glob("*.pickle")):
        doc = pickle.loads(path.read_bytes())
        if doc.published_inferred:
            doc.published, doc.published_inferred, doc.published_window = None, False, None
        (target / path.name).write_bytes(pickle.dumps(stages(doc)))
        count += 1
    return count


def main() -> None:
    """Infer, score both halves and write the report."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sample", type=int, default=400, help="dated articles (half to find, half to confirm)")
    parser.add_argument("--cache", type=Path, help="a directory to keep the parsed documents in")
    parser.add_argument("--latest", default=None, help="latest possible date (ISO; default today)")
    parser.add_argument("--show", action="store_true", help="print the misses of the find half")
    parser.add_argument("--label", help="suffix of the report's name")
    parser.add_argument("--refresh", nargs=2, type=Path, metavar=("SOURCE", "TARGET"),
                        help="only copy a process_eval cache with the times, places and actors stages rerun")
    args = parser.parse_args()
    if args.refresh:
        print(f"{refresh_cache(*args.refresh)} documents refreshed")
        return
    latest = date.fromisoformat(args.latest) if args.latest else date.today()
    records = sample_records(args.sample)
    docs = parsed_docs(records, args.cache)
    rows, seconds = infer_rows(records, docs, latest)
    half = len(rows) // 2
    if args.show:
        show(rows[:half])
    report = {"sample": len(rows), "seed": SEED, "latest": latest.isoformat(),
              "find": figures(rows[:half]), "confirm": figures(rows[half:]), "all": figures(rows),
              "times_cpu_seconds": round(seconds, 2)}
    write_report("pubdate_eval" + (f"_{args.label}" if args.label else ""), report)


if __name__ == "__main__":
    main()
