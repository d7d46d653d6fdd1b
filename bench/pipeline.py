"""Benchmark: the whole parley pipeline against bare spaCy on the same articles, in one run.

Bare spaCy is the model's full pipeline (``nlp.pipe``) over the article texts; parley is every
stage from sentence splitting to meetings over the same texts as Documents, with its default
configuration (``parse="candidates"``: the dependency parse only for sentences that can carry an
event; ``ner="rules"``: names by rule, not by the model's recogniser) and, unless
``--no-parse-all``, again with ``parse="all"``. All runs are in this process, one after the
other, so their ratios hold on a noisy shared machine; a tokenizer pass over the texts first
meets every word in each model, so no run pays for new vocabulary the others do not (absolute
rates are therefore higher than on a stream of unseen articles); CPU seconds
(``time.process_time``) are given next to wall seconds because other work on the machine
inflates wall time. Bare spaCy runs twice: as shipped (BLIS for matrix products, the baseline of
the ratio) and with numpy's BLAS as parley loads it, and the report counts the tokens whose
annotations differ between the two. ``--stages`` adds a per-stage CPU breakdown of the default
pipeline.

Usage: python bench/pipeline.py [--articles N] [--batch-size B] [--no-parse-all] [--stages]
Writes bench/reports/pipeline.json.
"""

from __future__ import annotations

import argparse
import gc
import time

import spacy
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, TAG
from thinc.api import use_ops

from _common import bench_articles, current_rss_mb, peak_rss_mb, record_date, run_by_stage, write_report

from parley.document import Document
from parley.nlp import DEFAULT_MODEL, load_model
from parley.pipeline import DEFAULT_CONFIG, Pipeline, settle_collector


def _timed(run) -> tuple[object, float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    result = run()
    return result, time.perf_counter() - wall, time.process_time() - cpu


def _rates(count: int, tokens: int, wall: float, cpu: float) -> dict:
    return {"seconds": round(wall, 2), "cpu_seconds": round(cpu, 2),
            "articles_per_s": round(count / wall, 2), "articles_per_cpu_s": round(count / cpu, 2),
            "tokens_per_s": round(tokens / wall), "tokens_per_cpu_s": round(tokens / cpu)}


def run_parley(records: list[dict], config: dict | None = None) -> tuple[dict, float, float]:
    """Run the whole pipeline over ``records`` streaming; return counts, wall and CPU seconds.

    The garbage collector is tuned as the runners tune it (:func:`settle_collector`) and put
    back afterwards, so bare spaCy runs with Python's defaults."""
    pipeline = Pipeline.build(config=config)
    thresholds = settle_collector()           # as a runner does once it has built its pipeline
    pipeline(Document.from_text("Russia and Iran met in Astana on Tuesday."))   # warm every stage
    docs = [Document.from_text(r["text"], published=record_date(r.get("date"))) for r in records]
    counts = {"documents": 0, "sentences": 0, "parsed": 0, "events": 0, "mentions": 0, "places": 0}

    def run() -> None:
        for doc in pipeline.pipe(docs):
            counts["documents"] += 1
            counts["sentences"] += len(doc.sentences)
            counts["parsed"] += len(doc.spacy_doc.user_data.get("parsed_sentences", doc.sentences))
            counts["events"] += len(doc.events)
            counts["mentions"] += len(doc.mentions)
            counts["places"] += len(doc.places)
            doc.spacy_doc = None      # as the engine does once a batch is stored

    _, wall, cpu = _timed(run)
    gc.unfreeze()
    gc.set_threshold(*thresholds)
    return counts, wall, cpu


def stage_breakdown(records: list[dict]) -> dict:
    """CPU seconds of each stage of the default pipeline, run stage by stage over all records."""
    seconds, _ = run_by_stage(Pipeline.build(), records)
    total = sum(seconds.values())
    return {name: {"cpu_seconds": s, "share": round(s / total, 3)} for name, s in seconds.items()}


def _warm(nlp, texts: list[str]) -> int:
    """Meet every word of ``texts`` in ``nlp``'s vocabulary and run it once; return the token count."""
    nlp("Warm up.")
    return sum(len(d) for d in nlp.tokenizer.pipe(texts))


def _differing_tokens(docs: list, others: list) -> int:
    """Tokens whose tag, head, dependency label or entity differ between two runs over the same texts."""
    attrs = [TAG, HEAD, DEP, ENT_IOB, ENT_TYPE]
    return int(sum((a.to_array(attrs) != b.to_array(attrs)).any(axis=1).sum() for a, b in zip(docs, others)))


def _summary(counts: dict, tokens: int, wall: float, cpu: float) -> dict:
    n = counts["documents"]
    return {**_rates(n, tokens, wall, cpu),
            "share_of_sentences_parsed": round(counts["parsed"] / max(counts["sentences"], 1), 3),
            "sentences": counts["sentences"],
            "events_per_article": round(counts["events"] / n, 2),
            "mentions_per_article": round(counts["mentions"] / n, 2),
            "places_per_article": round(counts["places"] / n, 2)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--no-parse-all", action="store_true", help="skip the parse='all' run")
    parser.add_argument("--stages", action="store_true", help="add a per-stage CPU breakdown")
    args = parser.parse_args()

    records = [r for r in bench_articles(args.articles) if (r.get("text") or "").strip()]
    texts = [r["text"] for r in records]
    rss_start = current_rss_mb()
    tokens = _warm(load_model(), texts)

    # parley first, so that the peak memory after it is its own (the model's full pipeline
    # peaks far higher); each model's tokenizer has met every word before its run
    counts, wall, cpu = run_parley(records)
    parley = _summary(counts, tokens, wall, cpu)
    rss_after_parley = peak_rss_mb()

    nlp = spacy.load(DEFAULT_MODEL)          # spaCy as shipped: BLIS for the matrix products
    with use_ops("numpy", use_blis=False):   # the same with parley's matrix library (parley/nlp.py)
        nlp_numpy = spacy.load(DEFAULT_MODEL)
    _warm(nlp, texts), _warm(nlp_numpy, texts)

    spacy_docs, spacy_wall, spacy_cpu = _timed(lambda: list(nlp.pipe(texts, batch_size=args.batch_size)))
    rss_after_spacy = peak_rss_mb()
    numpy_docs, numpy_wall, numpy_cpu = _timed(lambda: list(nlp_numpy.pipe(texts, batch_size=args.batch_size)))
    report = {
        "articles": len(records), "tokens": tokens, "batch_size": args.batch_size,
        "parley_config": DEFAULT_CONFIG["parley_nlp"],
        "spacy": {**_rates(len(records), tokens, spacy_wall, spacy_cpu), "model": nlp.meta["name"],
                  "pipeline": nlp.pipe_names},
        "spacy_numpy_matmul": {**_rates(len(records), tokens, numpy_wall, numpy_cpu),
                               "tokens_with_other_annotations": _differing_tokens(spacy_docs, numpy_docs)},
        "parley": parley,
        "parley_vs_spacy_speed_ratio": round(spacy_wall / wall, 2),
        "parley_vs_spacy_cpu_ratio": round(spacy_cpu / cpu, 2),
        "parley_vs_spacy_numpy_matmul_cpu_ratio": round(numpy_cpu / cpu, 2),
    }
    if not args.no_parse_all:
        counts_all, wall_all, cpu_all = run_parley(records, {"parley_nlp": {"parse": "all"}})
        report["parley_parse_all"] = _summary(counts_all, tokens, wall_all, cpu_all)
        report["parley_parse_all_vs_spacy_cpu_ratio"] = round(spacy_cpu / cpu_all, 2)
        report["candidates_vs_parse_all_cpu_ratio"] = round(cpu_all / cpu, 2)
    if args.stages:
        report["stages"] = stage_breakdown(records)
    report.update({"peak_rss_mb_per_worker": round(rss_after_parley, 1), "rss_mb_at_start": round(rss_start, 1),
                   "peak_rss_mb_after_spacy": round(rss_after_spacy, 1)})
    write_report("pipeline", report)


if __name__ == "__main__":
    main()
