"""Review fixes of named forums and councils' votes (session 22, fixforum22, issue 20). Sentences
written for these tests; see also the reports of fixforum22 in ``tests/process_battery20_reports.py``."""

from __future__ import annotations

from datetime import date

import pytest


def _told(read, text: str, published: str) -> list[tuple]:
    return sorted((m.get("venue"), m.get("start"), m.get("end"), tuple(sorted(m.get("parties") or [])),
                   m.get("status"))
                  for m in read(" ".join(text.split()), date.fromisoformat(published)).meetings
                  if m.get("kind") != "process")


@pytest.mark.parametrize("text,published", [
    # a vote another verb threatens or vows is not held
    ("""China threatened on Tuesday to veto a Security Council resolution that would impose an arms embargo
        on Myanmar.""", "2018-10-24"),
    ("""Russia vowed on Friday to veto any Security Council resolution that named its ally as the culprit.""",
     "2018-04-14"),
    # a vote delayed or called for is not held
    ("""The Security Council delayed a vote on a truce in Hodeidah on Monday as the United States raised
        objections.""", "2018-12-18"),
    ("""Britain called on Wednesday for a Security Council vote on a ceasefire in Tripoli.""", "2019-05-02"),
])
def test_process_unheld_council_votes(read_with_meetings, text, published):
    assert _told(read_with_meetings, text, published) == []


def test_process_vote_still_held(read_with_meetings):
    # a vote told as done keeps its meeting
    text = """The UN Security Council voted unanimously on Wednesday to impose new sanctions on Eritrea."""
    assert _told(read_with_meetings, text, "2009-12-24") == [
        ("New York City", "2009-12-23", "2009-12-23", ("UNSC",), "held")]


def test_process_said_day_is_the_sayings(read_with_meetings):
    # "said on Monday he would meet ... on Friday": the Monday is the day of the saying, whatever the parse
    # hangs it on; the meeting is the Friday's (which Friday, the tense of "would" does not tell the stage)
    text = """Chinese Foreign Minister Wang Yi said on Monday he would meet Japanese Foreign Minister Taro Kono
        in Beijing on Friday."""
    found = _told(read_with_meetings, text, "2018-01-22")
    assert [v for v, _, _, _, _ in found] == ["Beijing"]
    assert all(s == e and s != "2018-01-22" for _, s, e, _, _ in found)


def test_process_not_attending_is_no_held_meeting(read_with_meetings):
    # a conference one says one will not attend next month is no meeting held on the report's day
    text = """Turkey's foreign minister said on Thursday he would not attend a conference on Libya in Berlin
        next month."""
    assert not any(s == "2019-12-12" for _, s, _, _, _ in _told(read_with_meetings, text, "2019-12-12"))
