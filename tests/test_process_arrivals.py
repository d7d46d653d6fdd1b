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


def _with_place(doc, name, country, feature="city"):
    start = doc.text.index(name)
    doc.places.append({"text": name, "char_start": start, "char_end": start + len(name),
                       "sentence": doc.sentence_at(start).index, "name": name, "country": country,
                       "feature": feature, "geonameid": None, "lat": None, "lon": None})
    doc.places.sort(key=lambda p: p["char_start"])
    return doc


def _filed_from(spacy_nlp, city, country):
    text = (f"{city}, Qatar -- The new port opened to ships.\n\n"
            "During his two-day visit, President Soto spoke to ministers about gas before leaving on Monday.")
    return _with_place(build(spacy_nlp, text, date(2016, 9, 12), MONDAY, extra_mentions=[SOTO]), city, country)


def test_process_arrivals_a_visit_with_no_place_is_to_the_dateline(spacy_nlp):
    """A reporter travelling with a leader files from the place visited: "during his visit" in a
    report datelined abroad is a visit there."""
    [meeting] = [m for m in meetings(COMPONENT(_filed_from(spacy_nlp, "DOHA", "QAT"))) if m["kind"] == "visit"]
    assert (meeting["venue"], meeting["host"]) == ("DOHA", "QAT")


def test_process_arrivals_a_visit_filed_from_home_is_no_visit(spacy_nlp):
    """The same words in a report filed from the leader's own country tell no visit there."""
    assert [m for m in meetings(COMPONENT(_filed_from(spacy_nlp, "SANTIAGO", "CHL"))) if m["kind"] == "visit"] == []


LEAD_IN_DOHA = "Crowds gathered in Doha as the talks went on. The foreign ministers of Chile and Peru met on Monday."


@pytest.mark.parametrize("text, venue", [
    (LEAD_IN_DOHA, "Doha"),                                          # the lead is set in one city
    (LEAD_IN_DOHA + " Ruiz later flew to Lima.", None),              # the report places things in two
    ("The foreign ministers of Chile and Peru met on Monday. Ruiz praised it. Soto praised it. "
     "Crowds gathered in Doha.", None),                              # the one city is not the lead's
])
def test_process_arrivals_a_report_without_dateline_set_in_one_city(spacy_nlp, text, venue):
    """A report with no dateline whose lead is set in one city, and that places nothing in another,
    was filed from there: the meeting of the day it tells with no place of its own is held there."""
    doc = build(spacy_nlp, text, date(2016, 9, 12), MONDAY)
    if "Lima" in text:
        _with_place(doc, "Lima", "PER")
    [meeting] = meetings(COMPONENT(doc))
    assert (meeting["start"], meeting["venue"]) == ("2016-09-12", venue)


@pytest.mark.parametrize("text, visit", [
    ("On a visit to Doha, President Soto praised the new port on Monday.", True),
    ("President Soto praised the new port on Monday during a visit to Doha.", True),
    ("On a visit to Doha, a tourist praised the new port on Monday.", False),        # no leader
    ("President Soto praised the new port on Monday after a visit to Doha by tourists.", False),
])
def test_process_arrivals_a_visit_as_the_occasion_is_the_subjects(spacy_nlp, text, visit):
    """ "On a visit to X" / "during a visit to X" set the visit as the occasion of the clause: its
    subject makes it."""
    doc = build(spacy_nlp, text, date(2016, 9, 12), MONDAY, extra_mentions=[SOTO] if "Soto" in text else [])
    found = [(m["venue"], m["host"]) for m in meetings(COMPONENT(doc)) if m["kind"] == "visit"]
    assert found == ([("Doha", "QAT")] if visit else [])
