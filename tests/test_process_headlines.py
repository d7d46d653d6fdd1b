"""Meetings told by how leaders appear together, by the visit they are said during, by the report's
headline, and eventualities that make no meeting (issue 20, fifth session). Sentences written for
these tests; the real parse with hand-made mentions, times and places (see ``tests/test_process.py``).
"""

from __future__ import annotations

from datetime import date

import pytest

from parley.process import make_meetings
from tests.test_process import build, meetings
from tests.test_process_occasions import DAY, GROUP, RUIZ, SOTO

MONDAY = [("Monday", "2016-09-12", "2016-09-12", DAY)]
COMPONENT = make_meetings()


def _one(spacy_nlp, text, times=MONDAY, extra=(SOTO, RUIZ), published=date(2016, 9, 14), title=None):
    doc = build(spacy_nlp, text, published, times, extra_mentions=[m for m in extra if m[0] in text])
    doc.title = title
    return meetings(COMPONENT(doc))


@pytest.mark.parametrize("text", [
    "President Soto told a joint news conference with Ruiz in Doha on Monday that trade would grow.",
    "President Soto said at a joint press conference with Ruiz in Doha on Monday that trade would grow.",
    "Speaking alongside Ruiz in Doha on Monday, President Soto said that trade would grow.",
    "President Soto spoke beside Ruiz in Doha on Monday about trade.",
    "President Soto hosted Ruiz in Doha on Monday.",
    "President Soto welcomed Ruiz in Doha on Monday.",
])
def test_process_headlines_leaders_seen_together_meet(spacy_nlp, text):
    [meeting] = _one(spacy_nlp, text)
    assert set(meeting["parties"]) == {"CHL", "PER"}
    assert (meeting["venue"], meeting["start"]) == ("Doha", "2016-09-12")


@pytest.mark.parametrize("text", [
    "President Soto told a news conference with reporters in Doha on Monday that trade would grow.",
    "Speaking alongside his wife in Doha on Monday, President Soto said that trade would grow.",
    "President Soto hosted a dinner in Doha on Monday.",
    "President Soto received an award in Doha on Monday.",
    "President Soto told a news conference in Doha on Monday that Ruiz was wrong.",
])
def test_process_headlines_no_partner_no_meeting(spacy_nlp, text):
    assert _one(spacy_nlp, text) == []


def test_process_headlines_partner_without_place_is_dated(spacy_nlp):
    [meeting] = _one(spacy_nlp, "President Soto made the remarks on Monday alongside Ruiz, who agreed.")
    assert set(meeting["parties"]) == {"CHL", "PER"}
    assert (meeting["venue"], meeting["start"]) == (None, "2016-09-12")


def test_process_headlines_visit_dated_by_what_is_said_during_it(spacy_nlp):
    text = "President Soto told reporters on Monday during his visit to Doha that the talks went well."
    [meeting] = _one(spacy_nlp, text, extra=(SOTO,))
    assert meeting["kind"] == "visit"
    assert (meeting["venue"], meeting["start"]) == ("Doha", "2016-09-12")


def test_process_headlines_what_is_said_of_a_visit_elsewhere_does_not_date_it(spacy_nlp):
    # the day is the day of the saying, not of the visit it speaks about
    text = "President Soto said on Monday that his visit to Doha would be short."
    found = _one(spacy_nlp, text, extra=(SOTO,))
    assert all(m["start"] != "2016-09-12" for m in found)


def test_process_headlines_a_hosts_welcome_at_a_summit_is_part_of_it(spacy_nlp):
    text = "President Soto welcomed Ruiz to the Group of 20 summit in Doha on Monday."
    found = _one(spacy_nlp, text, extra=(SOTO, RUIZ, GROUP))
    summit = [m for m in found if m.get("format")]
    assert [m["format"] for m in summit] == ["G20"]


@pytest.mark.parametrize("text,n", [
    ("President Soto will meet Ruiz in Doha on Monday.", 1),
    ("It is unclear whether President Soto will meet Ruiz in Doha on Monday.", 0),
    ("Aides would not say if President Soto would meet Ruiz in Doha on Monday.", 0),
    ("Nobody knew whether Chile and Peru would hold their summit in Doha on Monday.", 0),
    ("Chile and Peru held their summit in Doha on Monday.", 1),
])
def test_process_headlines_whether_or_if_makes_no_meeting(spacy_nlp, text, n):
    assert len(_one(spacy_nlp, text)) == n


BODY = "Chile and Peru began talks on Monday, diplomats in Doha said."


@pytest.mark.parametrize("title,venue", [
    ("Doha talks open as Chile and Peru seek a deal", "Doha"),
    ("Chile and Peru meet in Doha", "Doha"),
    ("Doha braces for a hot summer", None),          # no meeting in the headline
    ("Doha and Geneva talks open", "Doha"),          # the body names Doha only: Geneva is read as no city
    (None, None),
])
def test_process_headlines_headline_city_places_the_meeting(spacy_nlp, title, venue):
    [meeting] = _one(spacy_nlp, BODY, extra=(), title=title)
    assert (meeting["venue"], meeting["start"]) == (venue, "2016-09-12")


def test_process_headlines_body_place_wins_over_headline(spacy_nlp):
    body = "Chile and Peru began talks in Geneva on Monday, diplomats in Doha said."
    [meeting] = _one(spacy_nlp, body, extra=(), title="Doha talks open")
    assert meeting["venue"] == "Geneva"


def test_process_headlines_two_cities_in_headline_place_nothing(spacy_nlp):
    body = "Chile and Peru began talks on Monday, diplomats in Doha and Astana said."
    [meeting] = _one(spacy_nlp, body, extra=(), title="Doha or Astana talks open")
    assert meeting["venue"] is None


@pytest.mark.parametrize("text,venue", [
    ("Chile and Peru said the talks, in the coastal city of Doha, opened on Monday.", "Doha"),
    ("Chile and Peru said the talks, in Doha, opened on Monday.", "Doha"),
    ("Chile and Peru said after the talks on Monday, in Doha officials were calm.", None),
])
def test_process_headlines_place_set_off_after_the_meeting(spacy_nlp, text, venue):
    found = _one(spacy_nlp, text, extra=())
    assert [m["venue"] for m in found] == [venue]


OPEC = ("OPEC", "OPEC", "igo", None, None)


@pytest.mark.parametrize("text,owner_is_party", [
    ("Their meeting at the OPEC headquarters in Doha on Monday went well, Chile and Peru said.", False),
    ("Chile and Peru praised their meeting with OPEC in Doha on Monday.", True),
])
def test_process_headlines_owner_of_the_building_is_no_party(spacy_nlp, text, owner_is_party):
    found = _one(spacy_nlp, text, extra=(OPEC,))
    assert any("OPEC" in m["parties"] for m in found) is owner_is_party
