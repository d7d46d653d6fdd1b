"""Session 18 precision pass (issue 19): events coded where the news reports none.

Every sentence here was written for this file. Texts run through the real pipeline (nlp,
times, places, actors, events), loaded once for the module.
"""

from __future__ import annotations

import pytest

from parley.events.discards import page_furniture
from tests.conftest import coded_events as coded
from tests.conftest import event_kinds

# ---------------------------------------------------------------- page furniture
TEASER = ("Senator Jane Rowe Jane Ellen RoweRebels attack army base in the north Minister threatens to "
          "quit over budget MORE (D-Ore.) met the Chilean ambassador on Tuesday.")
GALLERY = ("Hide Caption 4 of 12 Photos: Photos: Russian airstrikes on Aleppo Russian airstrikes on Aleppo "
           "– Venezuelan police fired tear gas at protesters in Caracas on Sunday.")


def test_linked_headlines_after_a_repeated_name_are_furniture():
    (start, end), = page_furniture(TEASER)
    assert TEASER[start:end].startswith("Rebels attack") and TEASER[start:end].endswith("budget MORE")


def test_a_gallery_title_repeated_after_its_mark_is_furniture():
    (start, end), = page_furniture(GALLERY)
    assert GALLERY[start:end] == "Photos: Photos: Russian airstrikes on Aleppo Russian airstrikes on Aleppo"


@pytest.mark.parametrize("text", [
    "Rebels attacked an army base in the north on Monday, and MORE attacks are feared.",   # no glued name
    "Mitch McConnell said McConnell would vote MORE often.",        # a name's inner capital is no glue
    "Photos: Russian airstrikes on Aleppo – a boy walks through the rubble.",   # a title said once
    "Senator Jane Rowe spoke on Monday. Rowe's plan to cut taxes drew MORE criticism than expected.",  # a possessive
])
def test_ordinary_text_is_no_furniture(text):
    assert page_furniture(text) == []


def test_events_of_linked_headlines_are_not_coded(code_pipeline):
    assert event_kinds(coded(code_pipeline, TEASER)) == [("CONSULT", "04")]


def test_a_gallery_title_is_not_coded_but_its_caption_is(code_pipeline):
    assert event_kinds(coded(code_pipeline, GALLERY)) == [("COERCE", "17")]


# ---------------------------------------------------------------- what an accusation alleges
@pytest.mark.parametrize("text,expected", [
    # the gerund of "accused X of": the grounds of the accusation (CAMEO 112), no act reported
    ("Iraqi state television accused militants of using chemical weapons against army troops near Mosul.",
     [("ACCUSE", "11")]),
    # predicates listed after the "that" clause of "alleges", with no subject of their own, continue it
    ("In a complaint filed on Friday, a Kenyan nurse alleges that officers had stopped her at a checkpoint, "
     "slapped her twice and detained her overnight in Nairobi.", [("ACCUSE", "11")]),
])
def test_what_an_accusation_alleges_is_not_reported(code_pipeline, text, expected):
    assert event_kinds(coded(code_pipeline, text)) == expected


@pytest.mark.parametrize("text,expected", [
    ("The Turkish army shelled villages in the north, and the Kurdish opposition accused it of war crimes.",
     [("ACCUSE", "11"), ("ASSAULT", "19")]),
    ("Russian soldiers beat protesters in Kiev on Monday, rights groups said.", [("ASSAULT", "18")]),
    # a clause with a subject of its own is no part of the allegation
    ("The Venezuelan farmer alleges that he was beaten, and police officers arrested his brother on Monday.",
     [("ACCUSE", "11"), ("COERCE", "17")]),
])
def test_acts_beside_an_accusation_stay_reported(code_pipeline, text, expected):
    assert event_kinds(coded(code_pipeline, text)) == expected


# ---------------------------------------------------------------- attacks of those who act by speech
@pytest.mark.parametrize("text,expected", [
    # aimed at no one: a criticism of no one is no event
    ("Senator Elizabeth Warren's attacks drew loud cheers from the crowd in Iowa.", []),
    # aimed at a politician, or between politicians: criticism (CAMEO 111), not force
    ("President Trump attacked Senator Chuck Schumer as a weak leader on Tuesday.", [("ACCUSE", "11")]),
    ("Senator Ted Cruz and Senator Marco Rubio clashed over immigration at the debate on Thursday.",
     [("ACCUSE", "11")]),
])
def test_attacks_among_those_who_act_by_speech_are_criticism(code_pipeline, text, expected):
    assert event_kinds(coded(code_pipeline, text)) == expected


@pytest.mark.parametrize("text,expected", [
    ("Russian jets attacked the town of Saraqeb on Monday.", [("ASSAULT", "19")]),
    ("President Trump ordered an attack on a Syrian air base on Thursday.", [("ASSAULT", "19")]),
    # the police act by force, whoever they attack
    ("Venezuelan police attacked opposition lawmakers outside the National Assembly on Tuesday.",
     [("ASSAULT", "18")]),
])
def test_attacks_by_forces_stay_force(code_pipeline, text, expected):
    assert event_kinds(coded(code_pipeline, text)) == expected


# ---------------------------------------------------------------- trips of no party
@pytest.mark.parametrize("text", [
    # a "who" clause the parser hangs on the proper noun inside its antecedent's phrase
    "Ms. Ortiz, a student of Arabic who once visited Morocco for a summer, now teaches in Ohio.",
    # the pronoun of a subordinate clause names the main clause's subject
    "Three nurses were robbed while they visited a clinic in southern Chad.",
])
def test_a_trip_of_persons_of_no_party_is_no_visit(code_pipeline, text):
    assert [e for e in coded(code_pipeline, text) if e["trigger"]["text"] == "visited"] == []


def test_a_partys_trip_in_a_subordinate_clause_is_a_visit(code_pipeline):
    events = coded(code_pipeline, "The Chinese foreign minister was greeted by protesters as he visited Tokyo on Monday.")
    assert [e["cameo"] for e in events if e["trigger"]["text"] == "visited"] == ["042"]


# ---------------------------------------------------------------- review fixes (fixdefects18)
def test_an_aimed_attack_by_two_speakers_is_not_criticism(code_pipeline):
    # an unnamed target is aimed at: force may be meant, whoever the attackers are
    events = coded(code_pipeline, "Senator Elizabeth Warren and Senator Bernie Sanders attacked the embassy on Friday.")
    assert "ACCUSE" not in [e["event_type"] for e in events]


def test_a_pronoun_of_a_subordinate_clause_may_name_the_main_object(code_pipeline):
    # "he" is the man cheered, not the crowd: the trip is his, not a private one
    events = coded(code_pipeline, "Crowds cheered Mr. Lopez as he visited the town of Tula on Monday.")
    assert [e["cameo"] for e in events if e["trigger"]["text"] == "visited"] == ["042"]


@pytest.mark.parametrize("text", [
    "The ruling coalition attacked the Labour party's position on pensions on Tuesday.",   # a governing coalition
    "The opposition attacked the government position on taxes.",
])
def test_a_stance_attacked_is_criticism(code_pipeline, text):
    assert event_kinds(coded(code_pipeline, text)) == [("ACCUSE", "11")]


def test_a_union_striking_a_company_is_a_strike(code_pipeline):
    events = coded(code_pipeline, "The union struck Boeing on Thursday.")
    assert [(e["event_type"], e["cameo"]) for e in events] == [("PROTEST", "143")]
