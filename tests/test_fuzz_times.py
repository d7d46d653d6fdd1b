"""Fuzzing the time resolver: no exception, spans inside the text, every interval start <= end (issue 10)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from test_fuzz_strategies import FUZZ, EDGE_DATES, anchors, assert_spans_inside, huge_line, texts

from parley.times import infer_published, resolve_times

PRECISIONS = {"day", "week", "month", "season", "year", "decade"}
KINDS = {"date", "range", "duration", "set"}
HOW = {"absolute", "publication", "tense"}


def _check_times(text: str, times: list[dict]) -> None:
    assert_spans_inside(text, times)
    for t in times:
        start, end = date.fromisoformat(t["start"]), date.fromisoformat(t["end"])
        assert start <= end, t
        assert t["precision"] in PRECISIONS and t["kind"] in KINDS and t["anchor"] in HOW, t


@FUZZ
@given(text=texts, anchor=anchors)
def test_fuzz_times_resolve_never_fails_and_stays_inside(text, anchor):
    _check_times(text, resolve_times(text, anchor))


@FUZZ
@given(text=texts)
def test_fuzz_times_inference_window_is_ordered(text):
    inference = infer_published(text, latest=date(2026, 1, 1))
    if inference is not None:
        assert inference.window[0] <= inference.point <= inference.window[1], inference
        assert all(a <= b for a, b in inference.windows), inference


# Found by the fuzzer: an anchor at the edge of the calendar pushed "tomorrow" or a yearless
# date past year 9999 (or before year 1) and resolve_times raised instead of dropping it.
@pytest.mark.issue(10)
@pytest.mark.parametrize("text", ["tomorrow", "between March 5 and March 2, 2023", "on January 1, 0001",
                                  "December 31, 9999 and the next day", "next year", "last week"])
@pytest.mark.parametrize("anchor", EDGE_DATES)
def test_fuzz_times_edge_anchor_regressions(text, anchor):
    _check_times(text, resolve_times(text, anchor))


def test_fuzz_times_five_million_character_line():
    text = huge_line()
    times = resolve_times(text, date(2024, 1, 25))
    _check_times(text, times)
    assert times, "a line full of dates resolves some of them"
