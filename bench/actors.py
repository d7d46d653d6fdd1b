"""Benchmark: actor mentions against a hand-checked sample, and the cost of resolution.

Two parts, one run:

- ``score``: the articles of the hand-labelled samples in ``tests/data/`` (guidelines in
  ``tests/data/mentions_gold.md``) go through the nlp and actors stages, dated by their record's
  date. ``dev`` (``mentions_gold.tsv``) is the sample the resolver was tuned on; ``heldout``
  (``mentions_heldout.tsv``) was labelled before parley was run on its articles and never used
  for tuning, so its figures are the honest ones. A predicted mention matches the gold mention it
  overlaps most. Precision of country (sector) = predicted mentions whose match has the same
  country (sector) / all predicted mentions; recall = gold mentions matched with the same
  country (sector) / all gold mentions. Figures are given for all mentions and for the "hard"
  ones, i.e. without bare country names ("Syria", "the U.S."), which any gazetteer gets.
- ``speed``: the first ``--limit`` benchmark articles through the spaCy pass (the nlp stage),
  timed; then the actors stage over the same parsed documents, timed. The ratio is the time
  resolution adds to the spaCy pass it rides on.

Usage: python bench/actors.py [--limit N] [--parts score,speed]
Writes bench/reports/actors.json.
"""

from __future__ import annotations

import argparse
import csv
import time
from datetime import date

from _common import REPO, bench_articles, write_report

from parley.pipeline import DEFAULT_CONFIG  # noqa: E402

NLP_CONFIG = dict(DEFAULT_CONFIG["parley_nlp"])
SAMPLES = {"dev": REPO / "tests" / "data" / "mentions_gold.tsv",
           "heldout": REPO / "tests" / "data" / "mentions_heldout.tsv"}


def load_gold(path) -> list[dict]:
    """Read gold mentions from ``path`` (comment lines start with ``#``)."""
    with path.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader((line for line in handle if not line.startswith("#")),
                                   delimiter="\t"))
    for row in rows:
        row["char_start"], row["char_end"] = int(row["char_start"]), int(row["char_end"])
        row["country"] = row["country"] or None
        row["sector"] = row["sector"] or None
    return rows


def _published(record: dict) -> date | None:
    return date.fromisoformat(record["date"]) if record.get("date") else None


def match(gold: list[dict], predicted: list[dict]) -> list[tuple[dict | None, dict | None]]:
    """Pair gold and predicted mentions of one article by largest overlap, one to one.

    :returns: (gold, predicted) pairs; unmatched items are paired with None.
    """
    candidates = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(predicted):
            overlap = min(g["char_end"], p["char_end"]) - max(g["char_start"], p["char_start"])
            if overlap > 0:
                candidates.append((overlap, gi, pi))
    used_g, used_p, pairs = set(), set(), []
    for _, gi, pi in sorted(candidates, reverse=True):
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gold[gi], predicted[pi]))
    pairs += [(g, None) for gi, g in enumerate(gold) if gi not in used_g]
    pairs += [(None, p) for pi, p in enumerate(predicted) if pi not in used_p]
    return pairs


def _figures(pairs: list[tuple[dict | None, dict | None]]) -> dict:
    n_gold = sum(1 for g, _ in pairs if g is not None)
    n_pred = sum(1 for _, p in pairs if p is not None)
    out = {"gold": n_gold, "predicted": n_pred,
           "matched": sum(1 for g, p in pairs if g is not None and p is not None)}
    for key in ("country", "sector"):
        right = sum(1 for g, p in pairs if g is not None and p is not None and g[key] == p[key])
        out[key] = {"precision": round(right / n_pred, 3) if n_pred else None,
                    "recall": round(right / n_gold, 3) if n_gold else None}
    return out


def score(path) -> dict:
    """Score the actors stage against the gold sample in ``path``."""
    from parley.actors import make_actors
    from parley.actors.kb import load_kb, name_key
    from parley.document import Document
    from parley.nlp import make_nlp

    gold = load_gold(path)
    wanted = {g["article"] for g in gold}
    records = {r["id"]: r for r in bench_articles() if r["id"] in wanted}
    nlp, actors, kb = make_nlp(**NLP_CONFIG), make_actors(), load_kb()
    country_names = {key for key, entries in kb.names.items()
                     if any(e[0] == "actor" and kb.actors[e[1]]["type"] == "state" for _, e in entries)}

    def bare_country(mention: dict) -> bool:
        return name_key(mention["text"]) in country_names

    pairs, errors = [], []
    for article in sorted(wanted):
        record = records[article]
        doc = actors(nlp(Document.from_text(record["text"], published=_published(record))))
        found = [dict(m, article=article) for m in doc.mentions]
        for g, p in match([g for g in gold if g["article"] == article], found):
            pairs.append((g, p))
            if g is None or p is None or (g["country"], g["sector"]) != (p["country"], p["sector"]):
                errors.append({"article": article,
                               "gold": g and [g["text"], g["country"], g["sector"]],
                               "predicted": p and [p["text"], p["country"], p["sector"]]})
    hard = [(g, p) for g, p in pairs if not bare_country(g or p)]
    return {"articles": len(wanted), "all": _figures(pairs), "hard": _figures(hard),
            "errors": errors}


def speed(limit: int) -> dict:
    """Time the spaCy pass and the actors stage over the same documents."""
    from parley.actors import make_actors
    from parley.document import Document
    from parley.nlp import make_nlp

    records = list(bench_articles(limit))
    nlp, actors = make_nlp(**NLP_CONFIG), make_actors()
    docs = [Document.from_text(r["text"], published=_published(r)) for r in records]
    nlp(Document.from_text("Warm-up."))
    t0 = time.perf_counter()
    docs = list(nlp.pipe(docs))
    t_spacy = time.perf_counter() - t0
    t0 = time.perf_counter()
    docs = list(actors.pipe(docs))
    t_actors = time.perf_counter() - t0
    words = sum(len(d.spacy_doc) for d in docs)
    return {"documents": len(docs), "tokens": words, "spacy_seconds": round(t_spacy, 2),
            "actors_seconds": round(t_actors, 2),
            "actors_over_spacy": round(t_actors / t_spacy, 3),
            "mentions": sum(len(d.mentions) for d in docs),
            "spacy_tokens_per_second": round(words / t_spacy),
            "actors_tokens_per_second": round(words / t_actors)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=300, help="articles for the speed part")
    parser.add_argument("--parts", default="score,speed")
    parser.add_argument("--ner", default=None,
                        help="the nlp stage's ner mode (rules, all, parsed); default: the pipeline's")
    parser.add_argument("--report", default="actors", help="report name under bench/reports/")
    args = parser.parse_args()
    if args.ner:
        NLP_CONFIG["ner"] = args.ner
    parts = args.parts.split(",")
    report: dict = {}
    errors = []
    if "score" in parts:
        for name, path in SAMPLES.items():
            result = score(path)
            sample_errors = result.pop("errors")
            result["disagreements"] = len(sample_errors)
            errors += [dict(e, sample=name) for e in sample_errors]
            report[name] = result
    if "speed" in parts:
        report["speed"] = speed(args.limit)
    report["nlp_config"] = NLP_CONFIG
    write_report(args.report, report)
    if errors:
        print(f"{len(errors)} disagreements with the gold samples:")
        for e in errors:
            print(f"  {e['sample']}  {e['article']}  gold={e['gold']}  predicted={e['predicted']}")


if __name__ == "__main__":
    main()
