"""Meetings kept apart and states kept apart (session 22, procapart22, issue 20).

Two meetings named in one sentence, each with a day and sides of its own, are two meetings; one
meeting told over two days is one; officeholders of one state meeting one another abroad make no
meeting of states. Sentences written for these tests; see also the ``apart`` and ``own-state``
classes of ``tests/process_battery20_reports.py``.
"""

from __future__ import annotations

from datetime import date

import pytest


def _told(read, text: str, published: str) -> list[tuple]:
    return sorted(((m.get("venue") or ""), m.get("start"), m.get("end"), tuple(sorted(m.get("parties") or [])))
                  for m in read(" ".join(text.split()), date.fromisoformat(published)).meetings
                  if m.get("kind") != "process")


@pytest.mark.parametrize("text,published,expected", [
    # two verbs joined by "and", each with its day, place and partner
    ("""German Chancellor Angela Merkel will hold talks with French President Emmanuel Macron in Paris on
        Monday and attend a summit with Italian Prime Minister Giuseppe Conte in Rome on Wednesday.""",
     "2019-03-04",
     [("Paris", "2019-03-04", "2019-03-04", ("DEU", "FRA")), ("Rome", "2019-03-06", "2019-03-06", ("DEU", "ITA"))]),
    # two verbs of meeting joined by "and"
    ("""German Chancellor Angela Merkel met French President Emmanuel Macron in Paris on Monday and will
        meet Italian Prime Minister Giuseppe Conte in Rome on Wednesday.""",
     "2019-03-04",
     [("Paris", "2019-03-04", "2019-03-04", ("DEU", "FRA")), ("Rome", "2019-03-06", "2019-03-06", ("DEU", "ITA"))]),
    # a summit the UN hosts today, followed tomorrow by a meeting of others (its place is the sentence's)
    ("""The United Nations is hosting a summit on migration in Geneva today, followed tomorrow by a meeting of
        British Prime Minister Theresa May and German Chancellor Angela Merkel.""",
     "2018-02-09",
     [("Geneva", "2018-02-09", "2018-02-09", ()), ("Geneva", "2018-02-10", "2018-02-10", ("DEU", "GBR"))]),
    # "followed by talks with Z": the talks are the subject's next meeting
    ("""Indian Prime Minister Narendra Modi meets German Chancellor Angela Merkel in Berlin today, followed
        tomorrow by talks with Russian President Vladimir Putin in Moscow.""",
     "2017-05-22",
     [("Berlin", "2017-05-22", "2017-05-22", ("DEU", "IND")), ("Moscow", "2017-05-23", "2017-05-23", ("IND", "RUS"))]),
    # two meeting nouns held by one verb ("holds talks with X today and a meeting with Y tomorrow")
    ("""Indian Prime Minister Narendra Modi holds talks with Japanese Prime Minister Shinzo Abe today and a
        meeting with Australian Prime Minister Malcolm Turnbull tomorrow.""",
     "2017-05-22",
     [("", "2017-05-22", "2017-05-22", ("IND", "JPN")), ("", "2017-05-23", "2017-05-23", ("AUS", "IND"))]),
])
def test_process_apart_two_meetings_of_one_sentence(read_with_meetings, text, published, expected):
    assert _told(read_with_meetings, text, published) == expected


@pytest.mark.parametrize("text,published,expected", [
    # one phrase, two days
    ("""Turkish President Recep Tayyip Erdogan held talks with Russian President Vladimir Putin in Sochi on
        Tuesday and Wednesday.""",
     "2019-03-08",
     [("Sochi", "2019-03-05", "2019-03-06", ("RUS", "TUR"))]),
    # the second phrase names no new side: the same meeting going on
    ("""Turkish President Recep Tayyip Erdogan met Russian President Vladimir Putin in Sochi on Monday and
        held talks with him again on Tuesday.""",
     "2019-03-06",
     [("Sochi", "2019-03-04", "2019-03-05", ("RUS", "TUR"))]),
    # a second phrase with a new side but no day of its own takes the clause's
    ("""Turkish President Recep Tayyip Erdogan flew to Sochi on Monday and held talks with Russian President
        Vladimir Putin.""",
     "2019-03-06",
     [("Sochi", "2019-03-04", "2019-03-04", ("RUS", "TUR"))]),
])
def test_process_apart_one_meeting_over_two_days(read_with_meetings, text, published, expected):
    assert _told(read_with_meetings, text, published) == expected


@pytest.mark.parametrize("text,published", [
    # a former president meeting the sitting one abroad: no government there receives them
    ("Former U.S. President Barack Obama met President Donald Trump in Accra on Tuesday.", "2019-07-02"),
    ("Former U.S. President Barack Obama held talks with President Donald Trump in Accra on Tuesday.", "2019-07-02"),
])
def test_process_apart_officeholders_of_one_state_abroad(read_with_meetings, text, published):
    assert _told(read_with_meetings, text, published) == []


@pytest.mark.parametrize("text,published,expected", [
    # the host's leader named: a meeting of two states
    ("Chinese President Xi Jinping met Ghanaian President Nana Akufo-Addo in Accra on Tuesday.", "2019-07-02",
     [("Accra", "2019-07-02", "2019-07-02", ("CHN", "GHA"))]),
    # one officeholder abroad with no partner named: the government there is the one met
    ("U.S. Secretary of State Mike Pompeo held talks in Pyongyang on Saturday.", "2019-07-02",
     [("Pyongyang", "2019-06-29", "2019-06-29", ("USA",))]),
])
def test_process_apart_one_state_abroad_still_meets_its_host(read_with_meetings, text, published, expected):
    assert _told(read_with_meetings, text, published) == expected
