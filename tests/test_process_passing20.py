"""A meeting named in passing lends no date or place to the report's own (session 20, issue 20), a
meeting at a government's seat is held by that government, and undated reports of a meeting in one
place join the dated one whatever order they are read in. Sentences and meetings written for these
tests; the sentences are read by the whole pipeline (``read_with_meetings``, the real spaCy model).
"""

from __future__ import annotations

from datetime import date

import pytest

from parley.process import build_processes
from tests.conftest import meetings_told
from tests.test_process_merge import meeting, meta

PUBLISHED = date(2016, 5, 14)  # a Saturday


@pytest.mark.parametrize("text", [
    "Chancellor Angela Merkel and Prime Minister Narendra Modi held a two-hour meeting on Friday. "
    "The two leaders held a similar meeting in New Delhi last year.",
    "President Barack Obama and Prime Minister Shinzo Abe held a private meeting on Friday morning. "
    "Obama and Abe held a similar meeting in Tokyo in 2014.",
])
def test_process_an_earlier_meeting_named_in_passing_lends_no_place(read_with_meetings, text):
    """The city of "a similar meeting ... last year" is that meeting's, not the one told for Friday
    (on the code before this session the Friday meeting was placed there)."""
    [(parties, venue, start)] = meetings_told(read_with_meetings(text, PUBLISHED))
    assert start == "2016-05-13"
    assert venue is None
    assert len(parties) == 2


SUMMONS = ("On Friday, the French foreign ministry summoned the Chinese ambassador for a meeting with Foreign "
           "Minister Jean-Marc Ayrault. ")


def _parents(doc) -> dict[str, str | None]:
    return {m["start"]: m.get("parent") for m in doc.meetings if m.get("kind") != "process"}


def test_process_a_side_meeting_does_not_hang_on_a_visit_months_before(read_with_meetings):
    """A ministerial meeting on Friday is no side meeting of a state visit the report recalls from
    March: it is a meeting of its own."""
    doc = read_with_meetings(SUMMONS + "Ayrault had raised the matter when President Xi Jinping visited France in "
                             "March.", PUBLISHED)
    parents = _parents(doc)
    assert set(parents) == {"2016-05-13", "2016-03-01"}
    assert parents["2016-03-01"] is None
    # since the summons is read as a meeting (procmeet20) the Friday meeting may hang on that summons
    # of the same day, never on the March visit
    assert parents["2016-05-13"] in (None, "None@2016-05-13")


def test_process_a_side_meeting_still_hangs_on_a_visit_of_its_days(read_with_meetings):
    """The rule cuts by dates only: a visit the day before keeps its side meeting."""
    doc = read_with_meetings(SUMMONS + "President Xi Jinping visited France on Thursday.", PUBLISHED)
    parents = _parents(doc)
    assert parents["2016-05-13"] is not None and parents["2016-05-12"] is None


@pytest.mark.parametrize("text, parties, venue", [
    ("Pope Francis was met at the White House on Friday with a brass band.", ["USA", "VAT"], "Washington"),
    ("Pope Francis was met at the Kremlin on Friday with a brass band.", ["RUS", "VAT"], "Moscow"),
    # the UN's headquarters is a body's seat: the United States holds no meeting there
    ("Pope Francis met at the UN General Assembly on Friday with a brass band.", ["VAT"], "New York City"),
])
def test_process_a_meeting_at_a_seat_of_government_is_held_by_that_government(read_with_meetings, text,
                                                                                parties, venue):
    """A guest met at a head of state's residence is received by that state's government."""
    assert meetings_told(read_with_meetings(text, PUBLISHED)) == [(parties, venue, "2016-05-13")]


def test_process_undated_reports_in_one_place_join_the_dated_meeting_whatever_the_order():
    """Report a dates the talks (no place) and places them undated (two of its phrases); reports b and
    c, read first, place them undated. All three are one meeting: a's place reaches the dated
    meeting before b's and c's undated ones look for it."""
    dated = meeting("talks@2023-06-21", start="2023-06-21", end="2023-06-21", venue=None, host=None)
    for order in (["b", "c", "a"], ["a", "b", "c"], ["c", "a", "b"]):
        told = {"a": [dated, meeting("talks@Astana")], "b": [meeting("talks@Astana")],
                "c": [meeting("talks@Astana")]}
        result = build_processes([(meta(doc, "2023-06-21"), told[doc]) for doc in order])
        [m] = result["meetings"]
        assert sorted(s["doc_id"] for s in m["sources"]) == ["a", "b", "c"]
        assert (m["start"], m["venue"]) == ("2023-06-21", "Astana")
