"""What news language says of a group of states and of one summit told by many reports (issue 20,
eighth session). Sentences written for these tests; the real parse with hand-made mentions, times
and places (see ``tests/test_process.py``).
"""

from __future__ import annotations

from datetime import date

import pytest

from parley.process import make_meetings
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
