"""The summit calendar (``parley/data/summits.yaml``, :mod:`parley.process.calendar`): a meeting told
as a body's summit, or as held at it, by the week or the month ("last week", "next week") takes the
days and the city of the one summit of the calendar that its place and dates agree with. Sentences
written for these tests, of summits no dev part holds, read by the whole pipeline.
"""

from __future__ import annotations

from datetime import date

import pytest

from parley.process.calendar import load_calendar


def _meetings(doc) -> list[tuple]:
    return [(sorted(m.get("parties") or []), m.get("venue"), m.get("start"), m.get("end"))
            for m in doc.meetings if m.get("kind") != "process"]


@pytest.mark.parametrize("text, published, found", [
    # held at a summit: the days its report allows within the summit's ("last week" ends on its first day)
    ("Barack Obama met Vladimir Putin at the G20 summit in Antalya last week.", date(2015, 11, 19),
     [(["G20", "RUS", "USA"], "Antalya", "2015-11-15", "2015-11-15")]),
    # a country for the place: the summit's city
    ("Barack Obama met Vladimir Putin at the G20 summit in Turkey last week.", date(2015, 11, 19),
     [(["G20", "RUS", "USA"], "Antalya", "2015-11-15", "2015-11-15")]),
    # two states' meeting at the climate conference stays theirs, on the days of its week
    ("Chinese and American envoys met at the climate summit in Paris last week.", date(2015, 12, 10),
     [(["CHN", "USA"], "Paris", "2015-11-30", "2015-12-06")]),
    # a start told by its week alone
    ("The G7 summit in Japan opens next week.", date(2016, 5, 18), [(["G7"], "Shima", "2016-05-26", "2016-05-27")]),
    # the UN's climate conference, named by what it is about
    ("Delegates at the United Nations climate talks in Bonn reached a compromise last week.", date(2017, 11, 22),
     [(["UN"], "Bonn", "2017-11-06", "2017-11-17")]),
])
def test_process_a_summit_told_by_its_week_takes_the_days_of_the_calendar(read_with_meetings, text, published,
                                                                          found):
    """The week or month a report gives, and the place, agree with one summit: its days and city."""
    assert _meetings(read_with_meetings(text, published)) == found


@pytest.mark.parametrize("text, published, found", [
    # a day the report tells stays the meeting's
    ("Barack Obama met Vladimir Putin on Sunday at the G20 summit in Antalya.", date(2015, 11, 19),
     [(["G20", "RUS", "USA"], "Antalya", "2015-11-15", "2015-11-15")]),
    # no summit of the body was held there
    ("NATO leaders held a summit in Oslo last week.", date(2015, 11, 19),
     [(["NATO"], "Oslo", "2015-11-09", "2015-11-15")]),
    # climate talks of two states, in a sentence that names neither the UN nor its conference, are
    # not the UN's conference held in the same weeks
    ("American and Chinese envoys held climate talks this week.", date(2015, 12, 10),
     [(["CHN", "USA"], None, "2015-12-07", "2015-12-13")]),
    # a summit called off is not in the calendar (nor is the G8's summit of 2012 a G7 summit); the
    # retreat is the place the report gives (``residences`` in the lexicon)
    ("Donald Trump will host the G7 summit at Camp David in June.", date(2020, 3, 1),
     [(["G7"], "Camp David", "2020-06-01", "2020-06-30")]),
])
def test_process_the_calendar_leaves_a_day_told_and_a_place_it_does_not_know(read_with_meetings, text, published,
                                                                             found):
    """A meeting dated to a day, or held where the body held no summit, keeps what the report says."""
    assert _meetings(read_with_meetings(text, published)) == found


def test_process_the_summit_calendar_is_well_formed():
    """Every summit ends on or after its first day, of a body the calendar describes, and no body holds
    two summits at once."""
    bodies, summits = load_calendar()
    assert summits and all(s.start <= s.end and s.body in bodies for s in summits)
    for body in bodies:
        held = sorted((s.start, s.end) for s in summits if s.body == body)
        assert all(a[1] < b[0] for a, b in zip(held, held[1:]))
