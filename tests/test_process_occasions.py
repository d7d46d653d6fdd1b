"""Meetings told through the occasion they happen at, and tracks that last (issue 20, fourth
session): a relative clause's subject, the place and time of the summit at which two leaders meet,
what is said at a meeting dating it, the number in a body's name, a body's summits as one series
however far apart. Sentences written for these tests; the real parse with hand-made mentions,
times and places (see ``tests/test_process.py``).
"""

from __future__ import annotations

from datetime import date

import pytest

from parley.process import build_processes, make_meetings
from tests.test_process import build, meetings

DAY = "day"
SOTO = ("President Soto", "p-soto", "person", "CHL", "GOV")
RUIZ = ("Ruiz", "p-ruiz", "person", "PER", "GOV")
GROUP = ("Group of 20", "G20", "igo", None, None)


@pytest.fixture(scope="module")
def component():
    return make_meetings()


def merged(*docs) -> dict:
    return build_processes([({"doc_id": f"d{i}", "published": d.published}, d.meetings) for i, d in enumerate(docs)])


def test_process_relative_pronoun_stands_for_the_one_who_meets(spacy_nlp, component):
    text = "President Soto, who met Ruiz in Doha on Monday, flew home the next day."
    doc = build(spacy_nlp, text, date(2016, 9, 14), [("Monday", "2016-09-12", "2016-09-12", DAY)],
                extra_mentions=[SOTO, RUIZ])
    [meeting] = meetings(component(doc))
    assert set(meeting["parties"]) == {"CHL", "PER"}
    assert (meeting["venue"], meeting["start"]) == ("Doha", "2016-09-12")


def test_process_relative_clause_of_no_meeting_gives_no_partner(spacy_nlp, component):
    # the relative clause is said of the ministry, which meets no one
    text = "President Soto praised the ministry that arranged the trip to Doha on Monday."
    doc = build(spacy_nlp, text, date(2016, 9, 14), [("Monday", "2016-09-12", "2016-09-12", DAY)],
                extra_mentions=[SOTO])
    assert meetings(component(doc)) == []


def test_process_leaders_meeting_at_a_summit_take_its_place(spacy_nlp, component):
    text = "President Soto met Ruiz on the sidelines of the Group of 20 summit in Doha on Monday."
    doc = build(spacy_nlp, text, date(2016, 9, 14), [("Monday", "2016-09-12", "2016-09-12", DAY)],
                extra_mentions=[SOTO, RUIZ, GROUP])
    found = [m for m in meetings(component(doc)) if set(m["parties"]) >= {"CHL", "PER"}]
    assert [m["venue"] for m in found] == ["Doha"]


def test_process_leaders_meeting_at_a_summit_take_its_date(spacy_nlp, component):
    text = "President Soto, who met Ruiz at the summit in Doha earlier this month, praised the talks."
    doc = build(spacy_nlp, text, date(2016, 9, 21), [("earlier this month", "2016-09-01", "2016-09-20", "month")],
                extra_mentions=[SOTO, RUIZ])
    found = [m for m in meetings(component(doc)) if set(m["parties"]) >= {"CHL", "PER"}]
    assert [(m["start"], m["venue"]) for m in found] == [("2016-09-01", "Doha")]


def test_process_what_is_said_at_a_summit_dates_it(spacy_nlp, component):
    text = "President Soto told reporters at the Group of 20 summit in Doha on Sunday that trade would grow."
    doc = build(spacy_nlp, text, date(2016, 9, 12), [("Sunday", "2016-09-11", "2016-09-11", DAY)],
                extra_mentions=[SOTO, GROUP])
    [summit] = meetings(component(doc))
    assert (summit["start"], summit["venue"], summit["format"]) == ("2016-09-11", "Doha", "G20")


def test_process_what_is_said_about_a_summit_does_not_date_it(spacy_nlp, component):
    # said *about* the summit, not at it: Sunday is the day of the saying only
    text = "President Soto said on Sunday that the Group of 20 summit in Doha would be hard."
    doc = build(spacy_nlp, text, date(2016, 9, 12), [("Sunday", "2016-09-11", "2016-09-11", DAY)],
                extra_mentions=[SOTO, GROUP])
    assert all(m["start"] != "2016-09-11" for m in meetings(component(doc)))


def test_process_number_in_a_bodys_name_is_no_count_of_meetings(spacy_nlp, component):
    text = "The Group of 20 summit in Doha opened on Monday."
    doc = build(spacy_nlp, text, date(2016, 9, 13), [("Monday", "2016-09-12", "2016-09-12", DAY)],
                extra_mentions=[GROUP])
    [summit] = meetings(component(doc))
    assert (summit["start"], summit["venue"]) == ("2016-09-12", "Doha")


def _summit(nlp, component, city: str, published: date, day: str):
    text = f"The Group of 20 summit in {city} opened on Monday."
    return component(build(nlp, text, published, [("Monday", day, day, DAY)], extra_mentions=[GROUP]))


def test_process_bodys_summits_years_apart_are_one_series(spacy_nlp, component):
    first = _summit(spacy_nlp, component, "Doha", date(2014, 9, 9), "2014-09-08")
    second = _summit(spacy_nlp, component, "Doha", date(2017, 6, 13), "2017-06-12")
    result = merged(first, second)
    assert sorted((m["start"], m["process"]) for m in result["meetings"]) == [
        ("2014-09-08", "g20"), ("2017-06-12", "g20")]


def test_process_pair_of_parties_meeting_years_apart_is_still_split(spacy_nlp, component):
    first = component(build(spacy_nlp, "Chile and Peru met in Doha on Monday.", date(2014, 9, 9),
                            [("Monday", "2014-09-08", "2014-09-08", DAY)]))
    second = component(build(spacy_nlp, "Chile and Peru met in Doha on Monday.", date(2017, 6, 13),
                             [("Monday", "2017-06-12", "2017-06-12", DAY)]))
    result = merged(first, second)
    assert len({m["process"] for m in result["meetings"]}) == 2


def _leaders_meet(nlp, component, published: date, day: str, partner: tuple = RUIZ):
    text = f"President Soto met {partner[0]} in Doha on Monday."
    return component(build(nlp, text, published, [("Monday", day, day, DAY)], extra_mentions=[SOTO, partner]))


def _ministers_meet(nlp, component):
    # the same two countries, other persons, in June 2017
    text = "Minister Vera met Minister Luna in Doha on Monday."
    return component(build(nlp, text, date(2017, 6, 13), [("Monday", "2017-06-12", "2017-06-12", DAY)],
                           extra_mentions=[("Minister Vera", "p-vera", "person", "CHL", "GOV"),
                                           ("Minister Luna", "p-luna", "person", "PER", "GOV")]))


def test_process_same_leader_meeting_years_later_continues_the_track(spacy_nlp, component):
    first = _leaders_meet(spacy_nlp, component, date(2014, 9, 9), "2014-09-08")
    second = _leaders_meet(spacy_nlp, component, date(2017, 6, 13), "2017-06-12")
    result = merged(first, second)
    assert [m["process"] for m in result["meetings"]] == ["chl-per", "chl-per"]


def test_process_other_persons_years_later_are_another_track(spacy_nlp, component):
    first = _leaders_meet(spacy_nlp, component, date(2014, 9, 9), "2014-09-08")
    second = _ministers_meet(spacy_nlp, component)
    result = merged(first, second)
    assert sorted(m["process"] for m in result["meetings"]) == ["chl-per-2014", "chl-per-2017"]


def test_process_tracks_over_a_gap_do_not_depend_on_reading_order(spacy_nlp, component):
    first = _leaders_meet(spacy_nlp, component, date(2014, 9, 9), "2014-09-08")
    second = _ministers_meet(spacy_nlp, component)
    third = _leaders_meet(spacy_nlp, component, date(2017, 7, 4), "2017-07-03")
    forward = merged(first, second, third)
    backward = merged(third, second, first)
    assert sorted((m["start"], m["process"]) for m in forward["meetings"]) == \
        sorted((m["start"], m["process"]) for m in backward["meetings"])
