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
    "Standing next to Ruiz in Doha on Monday, President Soto said that trade would grow.",
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
    "Standing next to his wife in Doha on Monday, President Soto said that trade would grow.",
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


@pytest.mark.parametrize("text,ordinal", [
    ("Chile and Peru held the second round of talks in Doha on Monday.", 2),
    ("On the second day summit talks between Chile and Peru in Doha went well on Monday.", None),
    ("It was the third year talks between Chile and Peru were held in Doha on Monday.", None),
    ("For the first time talks between Chile and Peru were held in Doha on Monday.", None),
])
def test_process_headlines_ordinal_of_a_day_or_time_is_no_round(spacy_nlp, text, ordinal):
    found = _one(spacy_nlp, text, extra=())
    assert found and all(m["ordinal"] == ordinal for m in found)


@pytest.mark.parametrize("key,value", [
    ("hosting_verbs", "host"),              # a string, not a list
    ("appearance_nouns", ["conference", 3]),
    ("conditional_marks", ["whether", " "]),
])
def test_process_headlines_word_lists_are_checked(key, value):
    import copy

    from parley.process.lexicon import LexiconError, compile_lexicon, load_lexicon

    data = copy.deepcopy(load_lexicon().data)
    compile_lexicon(data)  # the packaged lists pass
    data[key] = value
    with pytest.raises(LexiconError, match=key):
        compile_lexicon(data)


@pytest.mark.parametrize("text,venue", [
    ("The visit to Doha by President Soto on Monday was brief.", "Doha"),
    ("The visit to Doha by the orchestra on Monday was brief.", None),
])
def test_process_headlines_visit_by_a_leader(spacy_nlp, text, venue):
    found = _one(spacy_nlp, text, extra=(SOTO,))
    assert [(m["kind"], m["venue"], m["start"]) for m in found] == ([("visit", venue, "2016-09-12")] if venue else [])


UNDATED_BODY = "Chile and Peru held their talks in Doha, diplomats said."


@pytest.mark.parametrize("title,day", [
    ("Chile and Peru sign trade pact in Doha", "2016-09-14"),
    ("Doha talks draw crowds", "2016-09-14"),
    ("Chile and Peru to meet in Doha", None),          # still to come
    ("Doha talks called off", None),
    ("Chile and Peru talks last year ended badly", None),
    ("Markets rise in Doha", None),                   # the headline tells no meeting
    (None, None),
])
def test_process_headlines_headline_of_the_day_dates_the_meeting(spacy_nlp, title, day):
    [meeting] = _one(spacy_nlp, UNDATED_BODY, times=[], extra=(), title=title)
    assert (meeting["venue"], meeting["start"]) == ("Doha", day)


def test_process_headlines_body_date_wins_over_headline_day(spacy_nlp):
    body = "Chile and Peru held talks in Doha on Monday, diplomats said."
    [meeting] = _one(spacy_nlp, body, extra=(), title="Doha talks draw crowds")
    assert meeting["start"] == "2016-09-12"


def test_process_headlines_arrival_at_a_bodys_summit_is_part_of_it(spacy_nlp):
    text = "President Soto arrived in Doha on Monday for the Group of 20 summit there."
    found = _one(spacy_nlp, text, extra=(SOTO, GROUP))
    assert [m.get("format") for m in found if m["venue"] == "Doha"] == ["G20"]


@pytest.mark.parametrize("text", [
    "On Monday Chile cancelled its talks with Peru ahead of the summit in Doha.",
    "On Monday Chile cancelled its talks with Peru, and Ruiz said he would attend the summit in Doha.",
])
def test_process_headlines_what_is_called_off_is_the_object_of_calling_off(spacy_nlp, text):
    from parley.process.context import DocumentContext
    from parley.process.lexicon import load_lexicon
    from parley.process.meetings import find_meeting_mentions

    doc = build(spacy_nlp, text, date(2016, 9, 14), MONDAY, extra_mentions=[RUIZ] if "Ruiz" in text else [])
    ctx = DocumentContext(doc, load_lexicon())
    status = {mm.trigger: mm.status for mm in find_meeting_mentions(ctx, doc.sentences[0])}
    assert (status["talks"], status["summit"]) == ("cancelled", None)
