"""Fuzzing the coder (spaCy, times, places, actors, events): valid codes, spans inside the text (issue 10).

The events stage turns its own failures into a ``W401`` warning rather than failing the
batch, so these tests also assert that no such warning was needed.
"""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st
from test_fuzz_strategies import (EDGE_DATES, FUZZ_SLOW, anchors, assert_interval, assert_spans_inside,
                                  event_sentences, iso3_codes, mutated, texts)

from parley import api
from parley.codebooks import PLOVER_TYPES, cameo_codes
from parley.document import Document
from parley.events import CODE_STAGES


def _coded(text: str, published: date | None) -> Document:
    return api.get_pipeline(tuple(CODE_STAGES))(Document.from_text(text, published=published))


def _check_document(doc: Document) -> None:
    text, countries, codes = doc.text, iso3_codes(), cameo_codes()
    assert not [w for w in doc.meta.get("warnings", []) if w.startswith("W401")], doc.meta["warnings"]
    assert_spans_inside(text, doc.mentions)
    assert_spans_inside(text, doc.times)
    assert_spans_inside(text, doc.places)
    for span in [*doc.mentions, *doc.places]:
        assert span.get("country") is None or span["country"] in countries, span
    for t in doc.times:
        assert_interval(t["start"], t["end"], t)
    for event in doc.events:
        assert event["event_type"] in PLOVER_TYPES, event
        assert event["cameo"] is None or event["cameo"] in codes, event
        assert_spans_inside(text, [event["trigger"]])
        evidence = event["evidence"]
        assert 0 <= evidence["start"] <= evidence["end"] <= len(text), evidence
        assert text[evidence["start"]:evidence["end"]] == evidence["text"], evidence
        assert_spans_inside(text, [a for a in event["actor"] + event["recipient"] if "char_start" in a])
        for actor in event["actor"] + event["recipient"]:
            assert actor.get("country") is None or actor["country"] in countries, actor
        if event.get("date"):
            assert_interval(event["date"].get("start"), event["date"].get("end"), event)
        if event.get("location") and event["location"].get("country"):
            assert event["location"]["country"] in countries, event


@FUZZ_SLOW
@given(text=st.one_of(mutated(event_sentences), event_sentences, texts), published=anchors)
def test_fuzz_coder_codes_are_valid_and_spans_inside(text, published):
    _check_document(_coded(text, published))


# Found by the fuzzer: two events dated by a publication date in year 1 made clustering
# subtract past date.min (OverflowError escaped the events stage).
@pytest.mark.issue(10)
@pytest.mark.parametrize("text", ["RUSYA met 0000 met",
                                  "Russia and Iran met in Astana tomorrow and agreed to meet again next week. "
                                  "Turkey rejected the proposal on December 31, 9999, its foreign minister said."])
@pytest.mark.parametrize("published", EDGE_DATES)
def test_fuzz_coder_edge_publication_dates(text, published):
    _check_document(_coded(text, published))


def test_fuzz_coder_code_api_one_line_per_record():
    records = [{"id": n, "text": text, "date": day} for n, (text, day) in enumerate([
        ("", None), ("\x00\x1b\u202e", "1e309"), ("½ million people fled as Russia and Iran met.", "9999-12-31"),
        ("Россия и Иран. Turkey met Iran in Astana.", "not a date")])]
    out = list(api.code(records))
    assert [o["id"] for o in out] == [r["id"] for r in records]
    for line in out:
        for event in line["events"]:
            assert event["event_type"] in PLOVER_TYPES and event["cameo"] in cameo_codes(), event
