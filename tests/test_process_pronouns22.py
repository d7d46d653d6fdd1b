"""A pronoun doer of hosting, a visit or presence, and the report's day for a meeting told "meanwhile"
(session 22, prochost22, issue 20). Sentences written for these tests; see also the ``pronoun`` and
``same-time`` classes of ``tests/process_battery20_reports.py``."""

from __future__ import annotations

from datetime import date

import pytest


def _told(read, text: str, published: str) -> list[tuple]:
    return sorted((m.get("venue"), m.get("start"), m.get("precision"), tuple(sorted(m.get("parties") or [])))
                  for m in read(" ".join(text.split()), date.fromisoformat(published)).meetings
                  if m.get("kind") != "process")


@pytest.mark.parametrize("text,published,expected", [
    # the host named in the sentence before, and the place the guest is welcomed to
    ("""Spanish Prime Minister Pedro Sanchez returned from a tour of Latin America on Sunday. He will welcome
        Portugal's prime minister to Madrid on Wednesday.""",
     "2018-11-25", [("Madrid", "2018-11-28", "day", ("ESP", "PRT"))]),
    # the visitor
    ("""Indian Prime Minister Narendra Modi addressed a rally in Varanasi on Monday. He will visit Tokyo on
        Friday.""",
     "2019-10-14", [("Tokyo", "2019-10-18", "day", ("IND", "JPN"))]),
    # the one present abroad
    ("""South African President Cyril Ramaphosa left for Asia on Sunday. He was in Beijing on Monday.""",
     "2018-08-28", [("Beijing", "2018-08-27", "day", ("CHN", "ZAF"))]),
    # the same sentence names the host before the pronoun
    ("""Portuguese Prime Minister Antonio Costa said on Monday that he will welcome Spain's king to Lisbon on
        Friday.""",
     "2019-10-14", [("Lisbon", "2019-10-18", "day", ("ESP", "PRT"))]),
])
def test_process_pronoun_doer_takes_the_leader_before(read_with_meetings, text, published, expected):
    assert _told(read_with_meetings, text, published) == expected


@pytest.mark.parametrize("text,published,expected", [
    # two states' leaders before "he": either may be meant
    ("""Spanish Prime Minister Pedro Sanchez and Portuguese Prime Minister Antonio Costa met in Lisbon on
        Monday. He will visit Tokyo on Friday.""",
     "2019-10-14", [("Lisbon", "2019-10-14", "day", ("ESP", "PRT"))]),
    # a person who acts for no state, unknown to the actors stage, is the subject before "he"
    ("""Businessman Rafael Ortega met Spanish Prime Minister Pedro Sanchez in Madrid on Monday. He will visit
        Tokyo on Friday.""",
     "2019-10-14", []),
    ("""Rafael Ortega, a businessman, praised Spanish Prime Minister Pedro Sanchez on Monday. He will visit
        Tokyo on Friday.""",
     "2019-10-14", []),
    # the pronoun inside a quotation, the leader outside it: not the speaker
    ("""Portuguese Prime Minister Antonio Costa said on Monday: "He will welcome Spain's king to Lisbon on
        Friday." """,
     "2019-10-14", []),
    ("""Portuguese Prime Minister Antonio Costa spoke on Monday. "He will welcome Spain's king to Lisbon on
        Friday," an aide said.""",
     "2019-10-14", []),
])
def test_process_pronoun_doer_not_resolved(read_with_meetings, text, published, expected):
    assert _told(read_with_meetings, text, published) == expected


# a report about something else whose fifth sentence tells a meeting
FLOODS = """Floods cut roads across the south of the country on Thursday, officials said. Rescue teams reached
    several villages by boat. Schools were closed in three provinces. More rain is forecast. """


@pytest.mark.parametrize("text,published,expected", [
    (FLOODS + "Meanwhile, Chinese President Xi Jinping met Italian President Sergio Mattarella in Rome.",
     "2019-03-21", [("Rome", "2019-03-21", "publication", ("CHN", "ITA"))]),
    (FLOODS + "At the same time, Chinese President Xi Jinping met Italian President Sergio Mattarella in Rome.",
     "2019-03-21", [("Rome", "2019-03-21", "publication", ("CHN", "ITA"))]),
    # the connective set off after the subject does not open the clause: no day is given
    (FLOODS + "Chinese President Xi Jinping, meanwhile, met Italian President Sergio Mattarella in Rome.",
     "2019-03-21", [("Rome", None, None, ("CHN", "ITA"))]),
    # "meanwhile" in a story of past years joins a time of those years
    ("""Relations between the two countries warmed in 2012. Trade grew fast. Investment followed. Tourists
        came in large numbers. Meanwhile, Chinese President Xi Jinping met Italian President Sergio Mattarella
        in Rome.""",
     "2019-03-21", [("Rome", None, None, ("CHN", "ITA"))]),
    # a meeting still to come takes no day of the report
    (FLOODS + "Meanwhile, Chinese President Xi Jinping will meet Italian President Sergio Mattarella in Rome.",
     "2019-03-21", [("Rome", None, None, ("CHN", "ITA"))]),
])
def test_process_same_time_connective_report_day(read_with_meetings, text, published, expected):
    assert _told(read_with_meetings, text, published) == expected


def test_process_same_time_connectives_compiled():
    from parley.process.lexicon import load_lexicon

    same_time = load_lexicon().same_time
    assert same_time.match('"Meanwhile, the minister')
    assert same_time.match("And at  the same time the minister")
    assert not same_time.match("Meanwhiles")
    assert not same_time.match("The minister, meanwhile,")
