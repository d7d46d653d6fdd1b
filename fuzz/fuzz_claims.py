#!/usr/bin/env python3
"""Fuzz the claim parser and comparison: ``python fuzz/fuzz_claims.py fuzz/corpus/claims -runs=100000``.

Invariants: no exception, spans inside the text, low <= high, only finite numbers.
"""

from __future__ import annotations

import json
import math

from _harness import anchor_of, assert_interval, assert_spans_inside, run, split

extract_claims = compare_claims = split_sentences = None


def load() -> None:
    """Import the code under test."""
    global extract_claims, compare_claims, split_sentences
    from parley.claims import compare_claims, extract_claims
    from parley.times.extract import split_sentences


def check(data: bytes) -> None:
    """Extract the claims of one input (split in two documents at a form feed) and compare them."""
    selector, text = split(data)
    claims = []
    for n, part in enumerate(text.split("\f")[:2]):
        sentences = [{"index": i, "char_start": a, "char_end": b} for i, (a, b) in enumerate(split_sentences(part))]
        found = extract_claims(part, sentences, published=anchor_of(selector, part), outlet="Wire")
        assert_spans_inside(part, found)
        for claim in found:
            assert all(claim[k] is None or math.isfinite(claim[k]) for k in ("value", "low", "high")), claim
            assert_interval(claim["low"], claim["high"], claim)
            claims.append({**claim, "doc_id": f"d{n}"})
    json.dumps(compare_claims(claims), default=str, allow_nan=False)


if __name__ == "__main__":
    run(load, check)
