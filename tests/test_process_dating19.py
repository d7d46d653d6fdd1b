"""Which time dates a meeting (session 19, issue 20): a meeting told of by a report noun ("denied
reports of a secret meeting") is not dated by the day of the verb that governs the reports.
Sentences written for these tests, read by the whole pipeline (``read_with_meetings``).
"""

from __future__ import annotations

from datetime import date

import pytest

PUBLISHED = date(2016, 5, 14)  # a Saturday


def _meetings(doc) -> list[tuple]:
    return [(sorted(m.get("parties") or []), m.get("start")) for m in doc.meetings if m.get("kind") != "process"]


@pytest.mark.parametrize("text, start", [
    ("The Kremlin on Friday dismissed reports of a secret meeting between Vladimir Putin and Barack Obama "
     "at the summit in Oslo.", None),
    ("The White House on Friday denied an account of the summit between Barack Obama and Vladimir Putin "
     "in Oslo.", None),
    # the meeting's own time dates it
    ("The Kremlin on Friday dismissed reports of a meeting between Putin and Obama in Oslo last month.",
     "2016-04-01"),
])
def test_process_the_day_of_a_denial_does_not_date_the_meeting_it_tells_of(read_with_meetings, text, start):
    """The day a report of a meeting is denied is the denial's, not the meeting's."""
    assert _meetings(read_with_meetings(text, PUBLISHED)) == [(["RUS", "USA"], start)]


def test_process_a_meeting_told_directly_is_still_dated_by_its_verb(read_with_meetings):
    """The rule is about report nouns: a meeting the verb takes itself keeps the verb's day."""
    text = "Vladimir Putin and Barack Obama held a secret meeting at the summit in Oslo on Friday."
    assert _meetings(read_with_meetings(text, PUBLISHED)) == [(["RUS", "USA"], "2016-05-13")]
