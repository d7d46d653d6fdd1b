"""Reports parley read no meeting from (issue 20, session 17): a leader who greets another. Sentences written for these tests."""

from datetime import date

import pytest

# a lead with news of its own, so that the meeting is read from a later sentence
LEAD = "Heavy rain closed schools across the region on Monday. Prices of rice rose for a second week. "


def _meetings_of(doc, parties: list[str]) -> list[dict]:
    return [m for m in doc.meetings if m.get("kind") != "process" and sorted(m.get("parties") or []) == parties]


@pytest.mark.parametrize("sentence", [
    "Chancellor Angela Merkel greeted Japanese Prime Minister Shinzo Abe in Berlin on Tuesday.",
    "When Chancellor Angela Merkel greeted Japanese Prime Minister Shinzo Abe in Berlin on Tuesday, the two shook hands.",
])
def test_process_a_leader_who_greets_another_meets_them(read_with_meetings, sentence):
    """Greeting a guest is receiving one, as "welcomed" or "hosted": the two leaders meet, where the
    greeting is placed."""
    doc = read_with_meetings(LEAD + sentence, date(2019, 2, 6))
    [meeting] = _meetings_of(doc, ["DEU", "JPN"])
    assert meeting["venue"] == "Berlin"


def test_process_greeting_a_crowd_is_no_meeting(read_with_meetings):
    """A leader who greets supporters meets no other party."""
    doc = read_with_meetings(LEAD + "Chancellor Angela Merkel greeted supporters in Berlin on Tuesday.", date(2019, 2, 6))
    assert not [m for m in doc.meetings if m.get("kind") != "process"]
