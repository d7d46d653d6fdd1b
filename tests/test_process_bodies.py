"""A body's own meeting is international whoever is named as attending (issue 20, session 18):
"a Group of 20 summit in Lakeport" is a meeting of the group's member states even when the sentence
names no state and the place index knows no country for the town. Sentences written for these tests;
the real parse with hand-made mentions, times and places (see ``tests/test_process.py``).
"""

from __future__ import annotations

from datetime import date

from parley.process import make_meetings
from tests.test_process import _span, build, meetings
from tests.test_process_occasions import DAY, GROUP

COMPONENT = make_meetings()
FRIDAY = [("Friday", "2016-09-16", "2016-09-16", DAY)]


def _told(spacy_nlp, text: str) -> list[dict]:
    doc = build(spacy_nlp, text, date(2016, 9, 14), FRIDAY, extra_mentions=[GROUP] if GROUP[0] in text else [])
    # a town the place index holds with no country
    doc.places.append({**_span(doc, "Lakeport"), "name": "Lakeport", "country": None, "feature": "city",
                       "geonameid": None, "lat": None, "lon": None})
    return meetings(COMPONENT(doc))


def test_body_summit_with_no_state_named_is_kept(spacy_nlp):
    [meeting] = _told(spacy_nlp, "On Friday, the minister will attend a Group of 20 summit in Lakeport.")
    assert (meeting["format"], meeting["venue"], meeting["start"]) == ("G20", "Lakeport", "2016-09-16")


def test_meeting_of_no_body_and_no_second_side_is_not_kept(spacy_nlp):
    # the same sentence about a meeting of no body names no side at all: no track's meeting
    assert _told(spacy_nlp, "On Friday, the minister will attend a budget meeting in Lakeport.") == []
