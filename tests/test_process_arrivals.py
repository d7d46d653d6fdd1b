"""Visits told by an arrival and meetings told during a visit (issue 20, fifteenth session).
Sentences written for these tests; the real parse with hand-made mentions, times and places (see
``tests/test_process.py``).
"""

from __future__ import annotations

from datetime import date

import pytest

from parley.process import make_meetings
from tests.test_process import build, meetings
from tests.test_process_occasions import DAY, SOTO

COMPONENT = make_meetings()
MONDAY = [("Monday", "2016-09-12", "2016-09-12", DAY)]


@pytest.mark.parametrize("text", [
    "President Soto arrived in Doha Monday for a two-day show of support for the emir.",
    "President Soto flew to Doha Monday to reassure the emir.",
])
def test_process_arrivals_place_before_a_bare_day_is_the_destination(spacy_nlp, text):
    """News style drops "on" before a day; the place is still where the leader goes."""
    doc = build(spacy_nlp, text, date(2016, 9, 12), MONDAY, extra_mentions=[SOTO])
    [meeting] = meetings(COMPONENT(doc))
    assert (meeting["kind"], meeting["venue"], meeting["start"], meeting["host"]) == ("visit", "Doha", "2016-09-12", "QAT")
