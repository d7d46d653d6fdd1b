"""Meetings told the way news tells them on tracks parley has no knowledge of (issue 20, third
session): seats of government as venues, the place of the one met, the place of a complement verb,
"the third day of talks", the day a meeting was called off, indefinite meetings that name their
partner, visits of leaders abroad, and reports whose publication day is not known. Sentences
written for these tests; the real parse with hand-made mentions, times and places (see
``tests/test_process.py``).
"""

from __future__ import annotations

from datetime import date

import pytest

from parley.process import build_processes, make_meetings
from tests.test_process import build, meetings

DAY = "day"
SOTO = ("President Soto", "p-soto", "person", "CHL", "GOV")
RUIZ = ("Prime Minister Ruiz", "p-ruiz", "person", "PER", "GOV")


@pytest.fixture(scope="module")
def component():
    return make_meetings()


def test_process_meeting_at_a_seat_of_government_is_held_in_its_city(spacy_nlp, component):
    text = "President Soto met Prime Minister Ruiz at the White House on Monday."
    doc = build(spacy_nlp, text, date(2016, 9, 13), [("Monday", "2016-09-12", "2016-09-12", DAY)],
                extra_mentions=[SOTO, RUIZ])
    [meeting] = meetings(component(doc))
    assert (meeting["venue"], meeting["host"], meeting["start"]) == ("Washington", "USA", "2016-09-12")


def test_process_seat_of_government_that_speaks_is_no_venue(spacy_nlp, component):
    text = "The White House said on Monday that Chile and Peru had met in Doha on Sunday."
    doc = build(spacy_nlp, text, date(2016, 9, 12), [("Monday", "2016-09-12", "2016-09-12", DAY),
                                                     ("Sunday", "2016-09-11", "2016-09-11", DAY)])
    [meeting] = meetings(component(doc))
    assert meeting["venue"] == "Doha"


def test_process_place_after_the_one_met_is_where_they_meet(spacy_nlp, component):
    text = "President Soto met with Prime Minister Ruiz in Doha, and both men left the meeting smiling."
    doc = build(spacy_nlp, text, date(2016, 9, 13), extra_mentions=[SOTO, RUIZ])
    found = meetings(component(doc))
    assert [m["venue"] for m in found] == ["Doha"]
    assert set(found[0]["parties"]) == {"CHL", "PER"}


def test_process_place_of_the_complement_verb_is_the_venue(spacy_nlp, component):
    text = "Talks between Chile and Peru are set to resume on Monday in Doha, officials said."
    doc = build(spacy_nlp, text, date(2016, 9, 9), [("Monday", "2016-09-12", "2016-09-12", DAY)])
    [meeting] = meetings(component(doc))
    assert (meeting["start"], meeting["venue"], meeting["status"]) == ("2016-09-12", "Doha", "planned")


def test_process_third_day_of_talks_dates_them_back_from_the_report(spacy_nlp, component):
    text = "Chile and Peru have reached a border accord on the third day of intense talks in Doha."
    doc = build(spacy_nlp, text, date(2016, 9, 14))
    [meeting] = meetings(component(doc))
    assert (meeting["start"], meeting["end"], meeting["venue"]) == ("2016-09-12", "2016-09-14", "Doha")


def test_process_phrase_that_says_between_whom_names_no_other_party(spacy_nlp, component):
    text = "The negotiations between Chile and Peru on Syrian refugees ended in Geneva on Monday."
    doc = build(spacy_nlp, text, date(2016, 9, 13), [("Monday", "2016-09-12", "2016-09-12", DAY)])
    [meeting] = meetings(component(doc))
    assert set(meeting["parties"]) == {"CHL", "PER"}
    assert meeting["process"] is None  # not the Geneva talks on Syria


def test_process_day_a_meeting_was_called_off_is_not_its_day(spacy_nlp, component):
    text = "On Thursday, Chile cancelled a meeting with Peru that had been set for Tuesday."
    doc = build(spacy_nlp, text, date(2016, 9, 9), [("Thursday", "2016-09-08", "2016-09-08", DAY),
                                                    ("Tuesday", "2016-09-13", "2016-09-13", DAY)])
    [meeting] = meetings(component(doc))
    assert (meeting["start"], meeting["status"]) == ("2016-09-13", "cancelled")


def test_process_indefinite_meeting_without_partner_or_date_stays_generic(spacy_nlp, component):
    text = "Chile said a meeting would be useful one day."
    doc = build(spacy_nlp, text, date(2016, 9, 9))
    assert meetings(component(doc)) == []


@pytest.mark.parametrize("text", [
    "President Soto arrived in Doha on Monday for talks with the emir.",
    "President Soto will visit Qatar on Monday.",
    "On Monday, President Soto began his first visit to Doha.",
])
def test_process_leader_visiting_another_country_meets_its_government(spacy_nlp, component, text):
    doc = build(spacy_nlp, text, date(2016, 9, 10), [("Monday", "2016-09-12", "2016-09-12", DAY)],
                extra_mentions=[SOTO])
    [meeting] = meetings(component(doc))
    assert meeting["start"] == "2016-09-12" and meeting["host"] == "QAT"
    assert meeting["venue"] in ("Doha", "Qatar")
    [result] = build_processes([({"doc_id": "d", "published": doc.published}, doc.meetings)])["processes"]
    assert set(result["parties"]) >= {"CHL", "QAT"}


@pytest.mark.parametrize("text,extra", [
    ("President Soto arrived in Santiago on Monday.", [("Santiago", "CHL", "city")]),   # at home
    ("A tourist from Chile arrived in Doha on Monday.", []),                              # no leader
])
def test_process_journey_at_home_or_by_no_leader_is_no_visit(spacy_nlp, component, text, extra):
    doc = build(spacy_nlp, text, date(2016, 9, 13), [("Monday", "2016-09-12", "2016-09-12", DAY)],
                extra_mentions=[SOTO] if "Soto" in text else [])
    for name, country, feature in extra:
        start = text.index(name)
        doc.places.append({"text": name, "char_start": start, "char_end": start + len(name), "sentence": 0,
                           "name": name, "country": country, "feature": feature, "geonameid": None,
                           "lat": None, "lon": None})
    assert meetings(component(doc)) == []


@pytest.mark.parametrize("window,start", [
    ((date(2006, 1, 1), date(2020, 12, 31)), None),            # inferred loosely: "Friday" of which week?
    ((date(2016, 9, 10), date(2016, 9, 10)), "2016-09-09"),    # inferred to the day: Friday is known
])
def test_process_weekday_needs_a_known_publication_day(spacy_nlp, component, window, start):
    text = "Chile and Peru met in Doha on Friday."
    doc = build(spacy_nlp, text, window[0], [("Friday", "2016-09-09", "2016-09-09", DAY)])
    doc.times[0]["anchor"] = "tense"
    doc.published, doc.published_inferred, doc.published_window = window[1], True, window
    [meeting] = meetings(component(doc))
    assert (meeting["start"], meeting["venue"]) == (start, "Doha")


@pytest.mark.parametrize("text,start", [
    ("Chile and Peru open their border talks in Doha on Saturday.", "2017-05-27"),   # present: the coming one
    ("Chile and Peru opened their border talks in Doha on Saturday.", "2017-05-20"),  # past: the last one
])
def test_process_weekday_told_in_the_present_is_the_coming_one(spacy_nlp, component, text, start):
    doc = build(spacy_nlp, text, date(2017, 5, 26), [("Saturday", "2017-05-20", "2017-05-20", DAY)])
    doc.times[0]["anchor"] = "publication"
    [meeting] = meetings(component(doc))
    assert (meeting["start"], meeting["venue"]) == (start, "Doha")


def test_process_report_of_unknown_day_does_not_date_its_track(spacy_nlp, component):
    dated = component(build(spacy_nlp, "Chile and Peru met in Doha on May 3.", date(2018, 5, 4),
                            [("May 3", "2018-05-03", "2018-05-03", DAY)]))
    undated = build(spacy_nlp, "Chile and Peru met in Lima on Friday.", date(2006, 1, 6),
                    [("Friday", "2006-01-06", "2006-01-06", DAY)])
    undated.times[0]["anchor"] = "tense"
    undated.published_inferred, undated.published_window = True, (date(2006, 1, 1), date(2020, 12, 31))
    component(undated)
    result = build_processes([({"doc_id": "a", "published": dated.published}, dated.meetings),
                              ({"doc_id": "b", "published": undated.published}, undated.meetings)])
    # one track: the inferred 2006 is no day of the Lima meeting, so no gap of twelve years splits it
    assert {m["process"] for m in result["meetings"]} == {"chl-per"}
    lima = next(m for m in result["meetings"] if m["venue"] == "Lima")
    assert lima["start"] is None
