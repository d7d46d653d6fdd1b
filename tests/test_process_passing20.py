"""A meeting named in passing lends no date or place to the report's own (session 20, issue 20), a
guest met at a government's seat is received by that government, side meetings hang on the meetings
of their days, and undated reports of a meeting in one place join the dated one whatever order they
are read in. Sentences and meetings written for these tests; the sentences are read by the whole
pipeline (``read_with_meetings``, the real spaCy model).
"""

from __future__ import annotations

from datetime import date
from itertools import permutations

import pytest

from parley.process import build_processes
from tests.conftest import meetings_told
from tests.test_process_merge import meeting, meta

PUBLISHED = date(2016, 5, 14)  # a Saturday


@pytest.mark.parametrize("text", [
    "Prime Minister Shinzo Abe and Prime Minister Narendra Modi met for an hour on Friday. "
    "The pair also had talks in Osaka in 2014.",
    "Prime Minister Shinzo Abe and Prime Minister Narendra Modi met for an hour on Friday. "
    "They had talks of the same kind in Osaka two years ago.",
])
def test_process_an_earlier_meeting_named_in_passing_lends_no_place(read_with_meetings, text):
    """The city of talks told for 2014 (or "two years ago") is theirs, not the one of the meeting
    told for Friday (on the code before session 20 the Friday meeting was placed there)."""
    [(parties, venue, start)] = meetings_told(read_with_meetings(text, PUBLISHED))
    assert start == "2016-05-13"
    assert venue is None
    assert len(parties) == 2


CONSULTATIONS = "The Indian and Pakistani foreign ministers held consultations on Friday. "


def _by_key(doc) -> dict[str, dict]:
    return {m["key"]: m for m in doc.meetings if m.get("kind") != "process"}


def _side_and_visit(doc) -> tuple[dict, dict]:
    meetings = _by_key(doc)
    [side] = [m for m in meetings.values() if m["start"] == "2016-05-13"]
    [visit] = [m for m in meetings.values() if m is not side]
    assert side["kind"] != "summons" and visit["kind"] == "visit"
    return side, visit


def test_process_a_side_meeting_does_not_hang_on_a_visit_months_before(read_with_meetings):
    """Consultations of two ministers on Friday are no side meeting of a state visit the report
    recalls from March: they are a meeting of their own."""
    doc = read_with_meetings(CONSULTATIONS + "Indian Prime Minister Narendra Modi visited Pakistan in March.",
                             PUBLISHED)
    side, visit = _side_and_visit(doc)
    assert visit["start"] == "2016-03-01"
    assert side.get("parent") is None and visit.get("parent") is None


def test_process_a_side_meeting_still_hangs_on_a_visit_of_its_days(read_with_meetings):
    """The rule cuts by dates only: consultations the day after a visit are held alongside it."""
    doc = read_with_meetings(CONSULTATIONS + "Indian Prime Minister Narendra Modi visited Pakistan on Thursday.",
                             PUBLISHED)
    side, visit = _side_and_visit(doc)
    assert visit["start"] == "2016-05-12"
    assert side.get("parent") == visit["key"] and visit.get("parent") is None


def test_process_a_side_meeting_told_on_the_sidelines_of_a_long_meeting_hangs_on_it(read_with_meetings):
    """A conference told by its opening day has no known last day, and "on the sidelines of the
    conference" names the meeting a side meeting is held at: five days after the opening it is
    still that conference's (before the review fixes of session 20 it stood alone)."""
    doc = read_with_meetings("The UN climate summit in Paris opened on Monday, May 2, and closes next week. On "
                             "Saturday, May 7, the Indian and Pakistani foreign ministers held consultations on the "
                             "sidelines of the conference.", PUBLISHED)
    meetings = _by_key(doc)
    [side] = [m for m in meetings.values() if m["start"] == "2016-05-07"]
    [summit] = [m for m in meetings.values() if m["start"] == "2016-05-02"]
    assert side.get("parent") == summit["key"]


@pytest.mark.parametrize("text, parties, venue", [
    ("President Uhuru Kenyatta was met at the Blue House on Friday.", ["KEN", "KOR"], "Seoul"),
    ("Argentine President Mauricio Macri was met at the Elysee Palace on Friday.", ["ARG", "FRA"], "Paris"),
    # the UN's headquarters is a body's seat: the United States holds no meeting there
    ("UN Secretary-General Ban Ki-moon met at the UN General Assembly on Friday.", ["UN", "UNSG"],
     "New York City"),
])
def test_process_a_guest_met_at_a_seat_of_government_is_received_by_that_government(read_with_meetings, text,
                                                                                      parties, venue):
    """A guest met at a head of state's or government's seat is received by that government."""
    assert meetings_told(read_with_meetings(text, PUBLISHED)) == [(parties, venue, "2016-05-13")]


@pytest.mark.parametrize("text, parties, venue", [
    ("Israeli and Palestinian negotiators resumed talks at the White House on Friday.", ["ISR", "PSE"],
     "Washington"),
    ("Serbian and Kosovar envoys held talks at the Elysee Palace on Friday.", ["SRB", "XKX"], "Paris"),
])
def test_process_two_sides_meeting_at_a_third_governments_seat_do_not_make_it_a_party(read_with_meetings, text,
                                                                                        parties, venue):
    """Two states' envoys meeting at a third state's seat meet with that government as host (or
    mediator), not as a side of their talks (before the review fixes of session 20 it was one)."""
    [(told, place, start)] = meetings_told(read_with_meetings(text, PUBLISHED))
    assert (told, place, start) == (parties, venue, "2016-05-13")


@pytest.mark.parametrize("seat", [
    {"name": "Palais des Nations", "city": "Geneva", "country": "CHE", "boby": "UN"},
    {"name": "Palais des Nations", "city": "Geneva", "country": "CHE", "body": ""},
    {"name": "Palais des Nations", "city": "Geneva", "country": "CHE", "body": 5},
])
def test_process_a_seat_of_government_with_an_unknown_key_or_an_empty_body_is_refused(tmp_path, seat):
    """A misspelt or empty ``body`` would make a body's seat its state's: the lexicon refuses it."""
    from parley.knowledge import KnowledgeError, read_yaml
    from parley.process.lexicon import DEFAULT_LEXICON_PATH, compile_lexicon

    data = read_yaml(DEFAULT_LEXICON_PATH).data
    with pytest.raises(KnowledgeError):
        compile_lexicon({**data, "seats_of_government": [*data["seats_of_government"], seat]},
                        tmp_path / "processes.yaml")
    good = {**seat, "body": "UN"}
    good.pop("boby", None)
    compile_lexicon({**data, "seats_of_government": [*data["seats_of_government"], good]},
                    tmp_path / "processes.yaml")


def test_process_undated_reports_in_one_place_join_the_dated_meeting_whatever_the_order():
    """Report a dates the talks (no place) and places them undated (two of its phrases); reports b and
    c place them undated. All three are one meeting in each of the six orders: a report that dates
    the meeting is merged before the undated ones look for it."""
    dated = meeting("talks@2023-06-21", start="2023-06-21", end="2023-06-21", venue=None, host=None)
    for order in permutations("abc"):
        told = {"a": [dated, meeting("talks@Astana")], "b": [meeting("talks@Astana")],
                "c": [meeting("talks@Astana")]}
        result = build_processes([(meta(doc, "2023-06-21"), told[doc]) for doc in order])
        [m] = result["meetings"]
        assert sorted(s["doc_id"] for s in m["sources"]) == ["a", "b", "c"], order
        assert (m["start"], m["venue"]) == ("2023-06-21", "Astana"), order
