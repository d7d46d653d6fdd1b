"""Trips dated in a later sentence and rounds named in two cities (session 21, proctrip21, issue 20).
Sentences written for these tests; see also the ``trip-later``, ``two-countries`` and ``two-cities``
classes of ``tests/process_battery20_reports.py``."""

from __future__ import annotations

from datetime import date

import pytest


def _told(read, text: str, published: str) -> list[tuple]:
    return sorted((m.get("venue"), m.get("start"), m.get("end"), tuple(sorted(m.get("parties") or [])))
                  for m in read(" ".join(text.split()), date.fromisoformat(published)).meetings
                  if m.get("kind") != "process")


@pytest.mark.parametrize("text,published,expected", [
    # "there", in the traveller's quoted words, is the country visited
    ("""Brazilian President Jair Bolsonaro will visit Chile next month, his office said on Monday. "I
        hope to see Chile's new leaders. I will be there in early March," Bolsonaro said.""",
     "2019-02-11",
     [("Chile", "2019-03-01", "2019-03-10", ("BRA", "CHL"))]),
    # the middle of the month of the trip's window, and the city the later sentence names
    ("""Chinese Premier Li Keqiang will travel to Germany later this month for talks with Chancellor
        Angela Merkel, officials said on Sunday. Li will be in Berlin in the middle of the month.""",
     "2018-07-01",
     [("Berlin", "2018-07-11", "2018-07-20", ("CHN", "DEU"))]),
])
def test_process_trips_later_sentence(read_with_meetings, text, published, expected):
    assert _told(read_with_meetings, text, published) == expected


@pytest.mark.parametrize("text,published", [
    # a called-off trip no later sentence dates stays undated: no day is guessed for it
    ("""Turkish Foreign Minister Mevlut Cavusoglu cancelled his upcoming trip to Austria, the ministry
        said, after Vienna barred campaign rallies. The two countries have quarrelled for months.""",
     "2017-03-09"),
])
def test_process_trips_undated_cancelled_stays_undated(read_with_meetings, text, published):
    told = read_with_meetings(" ".join(text.split()), date.fromisoformat(published)).meetings
    assert [(m.get("venue"), m.get("start"), m.get("status")) for m in told if m.get("kind") != "process"] == [
        ("Austria", None, "cancelled")]


@pytest.mark.parametrize("text,published,expected", [
    ("""Iran held meetings with Britain, France and Germany in Geneva and Vienna last week on the nuclear deal,
        officials said on Monday.""",
     "2019-06-24", ["Geneva", "Vienna"]),
    # undated, the plural names rounds in general: none
    ("""Meetings in Geneva and Vienna have achieved little, the minister said on Monday.""", "2019-06-24", []),
])
def test_process_rounds_one_a_city(read_with_meetings, text, published, expected):
    told = read_with_meetings(" ".join(text.split()), date.fromisoformat(published)).meetings
    assert sorted(m.get("venue") for m in told if m.get("kind") != "process") == expected


def test_process_rounds_one_a_city_across_reports(read_with_meetings):
    from parley.process import build_processes

    text = """The U.S. envoy told reporters last month after returning from meetings with Iranian officials
        in Geneva and Vienna that a deal was close. Iran's foreign minister said on Monday that his
        country would not renegotiate."""
    doc = read_with_meetings(" ".join(text.split()), date(2019, 7, 2))
    merged = build_processes([({"doc_id": "report-1", "published": "2019-07-02"}, doc.meetings)])["meetings"]
    assert sorted((m["venue"], m["start"], m["end"]) for m in merged) == [
        ("Geneva", "2019-06-01", "2019-06-30"), ("Vienna", "2019-06-01", "2019-06-30")]
