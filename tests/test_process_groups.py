"""What news language says of a group of states and of one summit told by many reports (issue 20,
eighth session). Sentences written for these tests; the real parse with hand-made mentions, times
and places (see ``tests/test_process.py``).
"""

from __future__ import annotations

from datetime import date

import pytest

from parley.process import build_processes, make_meetings
from tests.test_process import build, meetings
from tests.test_process_occasions import DAY, GROUP, RUIZ, SOTO

COMPONENT = make_meetings()
MONDAY = [("Monday", "2016-09-12", "2016-09-12", DAY)]


def _told(spacy_nlp, text, times=MONDAY, extra=(SOTO, RUIZ, GROUP), published=date(2016, 9, 14)):
    doc = build(spacy_nlp, text, published, times, extra_mentions=[m for m in extra if m[0] in text])
    return meetings(COMPONENT(doc))


@pytest.mark.parametrize("text", [
    "Russia held talks with the Group of 20 in Doha on Monday.",                   # a member and the group
    "Russia is attending a meeting of the Group of 20 in Doha on Monday.",         # "a meeting of" the group
    "A meeting of the Group of 20 opened in Doha on Monday with leaders of Russia and Turkey.",
])
def test_process_groups_the_group_with_a_member_is_its_own_meeting(spacy_nlp, text):
    [meeting] = _told(spacy_nlp, text)
    assert (meeting["format"], meeting["venue"], meeting["start"]) == ("G20", "Doha", "2016-09-12")


@pytest.mark.parametrize("text", [
    "Egypt held talks with the Group of 20 in Doha on Monday.",      # Egypt is no member: two sides
    "Russia and Turkey met at the Group of 20 summit in Doha on Monday.",  # two members: their meeting
])
def test_process_groups_no_member_or_two_members_stay_sides(spacy_nlp, text):
    [meeting] = _told(spacy_nlp, text)
    assert meeting["format"] is None and len(meeting["parties"]) == 2


def _summit(doc_id: str, start: str, end: str, precision: str, venue: str | None, country: str | None,
            published: str, body: str | None = "G20") -> tuple[dict, list[dict]]:
    meeting = {"key": f"{doc_id}#1", "kind": "summit", "process": None, "parties": [body] if body else ["CHL", "PER"],
               "format": body, "start": start, "end": end, "precision": precision, "venue": venue,
               "venue_place": {"name": venue, "country": country, "feature": "city"} if venue else None}
    return {"doc_id": doc_id, "published": published}, [meeting]


@pytest.mark.parametrize("venue, country, together", [
    ("Al Wakrah", "QAT", True),   # the same country under another name of the place: one summit
    ("Lima", "PER", False),       # another country: another summit
])
def test_process_groups_a_body_holds_one_summit_at_a_time(venue, country, together):
    result = build_processes([
        _summit("a", "2016-09-04", "2016-09-04", "day", "Doha", "QAT", "2016-09-04"),
        # "this week's summit", in a report three days later
        _summit("b", "2016-09-07", "2016-09-13", "week", venue, country, "2016-09-07"),
    ])
    assert len(result["meetings"]) == (1 if together else 2)
    assert {m["process"] for m in result["meetings"]} == {"g20"}


def test_process_groups_two_sides_dated_to_a_week_stay_apart():
    # (the parties' own meetings keep the rule of reports dated to the day)
    result = build_processes([
        _summit("a", "2016-09-04", "2016-09-04", "day", "Doha", "QAT", "2016-09-04", body=None),
        _summit("b", "2016-09-07", "2016-09-13", "week", "Doha", "QAT", "2016-09-07", body=None),
    ])
    assert len(result["meetings"]) == 2


@pytest.mark.parametrize("text", [
    # the participle that tells where it was said has the date of the clause it hangs on
    "On Monday, speaking at the end of the Group of 20 summit in Doha, President Soto said trade would grow.",
    "On Monday, speaking at the close of the Group of 20 summit in Doha, President Soto repeated his words.",
    # an indefinite summit of a named body in a named place is that one summit
    "On Monday, speaking at the end of a Group of 20 summit in Doha, President Soto repeated his words.",
])
def test_process_groups_what_is_done_at_the_end_of_a_summit_dates_it(spacy_nlp, text):
    [meeting] = _told(spacy_nlp, text)
    assert (meeting["format"], meeting["venue"], meeting["start"]) == ("G20", "Doha", "2016-09-12")


@pytest.mark.parametrize("text", [
    "On Monday, speaking in Lima ahead of the Group of 20 summit in Doha, President Soto said trade would grow.",
    "On Monday, speaking on the eve of the Group of 20 summit in Doha, President Soto said trade would grow.",
])
def test_process_groups_what_is_done_before_a_summit_does_not_date_it(spacy_nlp, text):
    assert all(m["start"] is None for m in _told(spacy_nlp, text))


@pytest.mark.parametrize("text", [
    "President Soto and Ruiz argued for weeks. On Monday the two leaders met in Doha.",
    "Ruiz criticised President Soto last month. On Monday the pair met in Doha.",
    "President Soto said he told Ruiz on Monday what he thought when he met him in Doha.",
])
def test_process_groups_the_pair_and_him_stand_for_persons_named_before(spacy_nlp, text):
    [meeting] = _told(spacy_nlp, text)
    assert set(meeting["parties"]) == {"CHL", "PER"} and meeting["venue"] == "Doha"


def test_process_groups_two_persons_of_one_country_are_no_pair_of_sides(spacy_nlp):
    assert _told(spacy_nlp, "President Soto and his wife argued. On Monday the two met in Doha.") == []
