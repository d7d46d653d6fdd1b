"""Fuzzing the claim parser and comparison: no exception, spans inside, low <= high, finite numbers (issue 10)."""

from __future__ import annotations

import json
import math

import pytest
from hypothesis import given
from hypothesis import strategies as st
from test_fuzz_strategies import FUZZ, anchors, assert_interval, assert_spans_inside, huge_line, texts

from parley.claims import compare_claims, extract_claims
from parley.times.extract import split_sentences

VERDICTS = {"consistent", "different", "not comparable"}


def _check_claims(text: str, claims: list[dict]) -> None:
    assert_spans_inside(text, claims)
    for claim in claims:
        for key in ("value", "low", "high", "high_literal"):
            assert claim[key] is None or math.isfinite(claim[key]), claim
        assert_interval(claim["low"], claim["high"], claim)
        assert claim["quantity"] and "|" in claim["quantity"], claim
    json.dumps(claims)  # stored as JSON: no NaN, no infinity, no objects


@FUZZ
@given(text=texts, published=anchors)
def test_fuzz_claims_extract_never_fails_and_stays_inside(text, published):
    claims = extract_claims(text, [], published=published, outlet="Wire")
    _check_claims(text, claims)


@FUZZ
@given(batches=st.lists(st.tuples(texts, anchors), min_size=1, max_size=4))
def test_fuzz_claims_compare_groups_every_claim(batches):
    claims = []
    for n, (text, published) in enumerate(batches):
        for claim in extract_claims(text, [], published=published):
            claims.append({**claim, "doc_id": f"d{n}"})
    groups = compare_claims(claims)
    for group in groups:
        assert group["verdict"] in VERDICTS, group
    json.dumps(groups, default=str)


@pytest.mark.issue(10)
@pytest.mark.parametrize("text", ["1e309 people were killed", "about 1e308 million people were displaced",
                                  "½ million people fled", "over 1e-400 dead", "nearly 99999999999999999999 people died",
                                  "101% of the population fled", "NaN people died", "¾ of the people fled"])
def test_fuzz_claims_hostile_numbers(text):
    claims = extract_claims(text, [])
    _check_claims(text, claims)
    compare_claims([{**c, "doc_id": "a"} for c in claims] + [{**c, "doc_id": "b"} for c in claims])


def test_fuzz_claims_five_million_character_line():
    # sentences as the pipeline gives them: the parser reads a figure within its sentence, so
    # one sentence of millions of characters is the stage budget's business (engine.py)
    text = huge_line()
    sentences = [{"index": i, "char_start": a, "char_end": b} for i, (a, b) in enumerate(split_sentences(text))]
    claims = extract_claims(text, sentences)
    _check_claims(text, claims)
    assert claims
