"""Benchmark: the whole parley pipeline against bare spaCy on the same articles, in one run.

Bare spaCy is ``en_core_web_sm`` (full pipeline, ``nlp.pipe``) over the article texts; parley
is every stage from sentence splitting to meetings over the same texts as Documents. Both run
in this process, one after the other, so their ratio is stable on a noisy machine.

Usage: python bench/pipeline.py [--articles N] [--batch-size B]
Writes bench/reports/pipeline.json.
"""

from __future__ import annotations

import argparse
import time
from datetime import date

from _common import bench_articles, current_rss_mb, peak_rss_mb, write_report

from parley.document import Document
from parley.nlp import load_model
from parley.pipeline import Pipeline


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=500)
    parser.add_argument("--batch-size", type=int, default=32)
    args = parser.parse_args()

    records = [r for r in bench_articles(args.articles) if (r.get("text") or "").strip()]
    texts = [r["text"] for r in records]
    rss_start = current_rss_mb()
    nlp = load_model()
    tokens = sum(len(d) for d in nlp.tokenizer.pipe(texts))

    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=args.batch_size):
        pass
    spacy_seconds = time.perf_counter() - started
    rss_after_spacy = peak_rss_mb()

    pipeline = Pipeline.build()
    docs = [Document.from_text(r["text"], published=_date(r.get("date"))) for r in records]
    started = time.perf_counter()
    done = list(pipeline.pipe(docs))
    parley_seconds = time.perf_counter() - started

    sentences = sum(len(d.sentences) for d in done)
    parsed = sum(len(d.spacy_doc.user_data.get("parsed_sentences", d.sentences)) for d in done)
    report = {
        "articles": len(records), "tokens": tokens, "sentences": sentences,
        "spacy": {"seconds": round(spacy_seconds, 2), "articles_per_s": round(len(records) / spacy_seconds, 1),
                  "tokens_per_s": round(tokens / spacy_seconds)},
        "parley": {"seconds": round(parley_seconds, 2), "articles_per_s": round(len(records) / parley_seconds, 1),
                   "tokens_per_s": round(tokens / parley_seconds)},
        "parley_vs_spacy_speed_ratio": round(spacy_seconds / parley_seconds, 2),
        "share_of_sentences_parsed": round(parsed / max(sentences, 1), 3),
        "events_per_article": round(sum(len(d.events) for d in done) / len(done), 2),
        "mentions_per_article": round(sum(len(d.mentions) for d in done) / len(done), 2),
        "peak_rss_mb_per_worker": round(peak_rss_mb(), 1),
        "rss_mb_at_start": round(rss_start, 1), "peak_rss_mb_after_spacy": round(rss_after_spacy, 1),
    }
    write_report("pipeline", report)


def _date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


if __name__ == "__main__":
    main()
