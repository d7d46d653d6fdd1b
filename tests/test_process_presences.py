"""Visits told by the visitor's presence ("the prime minister is in Canberra", "was in Paris on Monday",
"said in Berlin on Sunday") and a venue named as "the resort town of Sochi" (issue 20, session 19:
meetings not found). Sentences written for these tests; the real spaCy model and the shipped
knowledge base.
"""

from __future__ import annotations

from datetime import date

import pytest

MONDAY = date(2019, 6, 24)


def _meetings(doc) -> list[tuple]:
    """(kind, sorted parties, venue, start, end) of each meeting read from a document."""
    return [(m["kind"], sorted(m.get("parties") or []), m.get("venue"), m.get("start"), m.get("end"))
            for m in doc.meetings if m.get("kind") != "process"]


@pytest.mark.parametrize("text, parties, venue", [
    ("Japanese Prime Minister Shinzo Abe is in Canberra to talk about trade and defence.", ["AUS", "JPN"], "Canberra"),
    ("German Chancellor Angela Merkel is due in Beijing at the start of a three-day tour of Asia.",
     ["CHN", "DEU"], "Beijing"),
    ("U.S. Secretary of State Mike Pompeo is in Moscow to meet business leaders.", ["RUS", "USA"], "Moscow"),
])
def test_process_presences_a_minister_who_is_abroad_visits(read_with_meetings, text, parties, venue):
    """A leader or minister who is (or is due) in another country's city is there on a visit, on the
    report's day when the sentence names no other."""
    assert _meetings(read_with_meetings(text, MONDAY)) == [("visit", parties, venue, "2019-06-24", "2019-06-24")]


@pytest.mark.parametrize("text, day", [
    ("German Chancellor Angela Merkel was in Paris on Saturday to open an exhibition.", "2019-06-22"),
    ("German Chancellor Angela Merkel said in Paris on Sunday that Europe must defend its trade.", "2019-06-23"),
])
def test_process_presences_of_another_time_take_their_own_day(read_with_meetings, text, day):
    """ "was in Paris on Saturday", "said in Paris on Sunday": the day named is the visit's."""
    assert _meetings(read_with_meetings(text, MONDAY)) == [("visit", ["DEU", "FRA"], "Paris", day, day)]


@pytest.mark.parametrize("text", [
    "German Chancellor Angela Merkel was in Paris.",  # when, the sentence does not say
    "German Chancellor Angela Merkel said in Paris that Europe must defend its trade.",
    "French President Emmanuel Macron is in Lyon to open a museum.",  # at home
    "U.S. Ambassador to Russia Jon Huntsman is in Moscow to meet business leaders.",  # where he is posted
    "German Chancellor Angela Merkel is not in Paris this week.",
])
def test_process_presences_that_tell_no_visit(read_with_meetings, text):
    assert _meetings(read_with_meetings(text, MONDAY)) == []


def test_process_presences_a_place_named_the_resort_town_of(read_with_meetings):
    """ "In the Adriatic resort town of Rimini": the town is where the meeting is."""
    text = ("Italian Prime Minister Giuseppe Conte will host Greek Prime Minister Kyriakos Mitsotakis in the "
            "Adriatic resort town of Rimini on Tuesday.")
    assert _meetings(read_with_meetings(text, MONDAY)) == [("talks", ["GRC", "ITA"], "Rimini", "2019-06-25",
                                                            "2019-06-25")]
