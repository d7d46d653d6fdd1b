"""Acts whose parties news names only by kind or office, and the constructions of real
newswire around them (issue 19, fresh news).

Every sentence here was written for this file. Texts run through the real pipeline (nlp,
times, places, actors, events), so the parties are the actors stage's mentions.
"""

from __future__ import annotations

import pytest

from tests.conftest import coded_events as coded
from tests.conftest import event_kinds as kinds


# ---------------------------------------------------------------- state forces with no state named
@pytest.mark.parametrize("text,expected,sector", [
    ("Police detained eleven students outside the university on Monday.", ("COERCE", "17"), "COP"),
    ("Troops opened fire on the convoy near the bridge.", ("ASSAULT", "19"), "MIL"),
    ("He called the police, who later arrested both of the men.", ("COERCE", "17"), "COP"),
])
def test_a_state_force_without_a_state_is_still_the_doer(code_pipeline, text, expected, sector):
    events = coded(code_pipeline, text)
    assert kinds(events) == [expected]
    actor, = events[0]["actor"]
    assert actor["sector"] == sector and actor.get("country") is None   # no country is guessed


# ---------------------------------------------------------------- offices and bodies by kind
@pytest.mark.parametrize("text,expected", [
    ("The foreign ministry summoned the envoy on Tuesday evening.", ("ACCUSE", "11")),
    ("A spokesman for the ministry condemned the bombing of the hospital.", ("ACCUSE", "11")),
    ("The minister credited Norway with brokering the accord.", ("SUPPORT", "05")),
])
def test_an_office_named_by_its_title_does_the_act(code_pipeline, text, expected):
    assert expected in kinds(coded(code_pipeline, text))


# ---------------------------------------------------------------- aspect verbs
def test_an_infinitive_of_aspect_is_the_subjects_own_act(code_pipeline):
    assert kinds(coded(code_pipeline, "Many fans continued to protest outside the stadium.")) == [("PROTEST", "14")]


def test_an_infinitive_of_aim_still_needs_a_named_doer(code_pipeline):
    assert coded(code_pipeline, "Many fans hoped to protest outside the stadium.") == []


# ---------------------------------------------------------------- blasts and explosions
def test_a_blast_reported_as_happening_is_a_bombing(code_pipeline):
    assert kinds(coded(code_pipeline, "A blast ripped through a crowded market on Friday.")) == [("ASSAULT", "18")]


def test_an_explosion_that_kills_is_the_event_not_the_toll(code_pipeline):
    assert kinds(coded(code_pipeline, "A roadside explosion killed four soldiers near the border.")) == [("ASSAULT", "18")]


def test_an_explosion_with_an_accidental_source_is_no_attack(code_pipeline):
    assert coded(code_pipeline, "A gas explosion destroyed an apartment block in the capital.") == []


# ---------------------------------------------------------------- seeking
def test_seeking_to_do_something_is_no_request(code_pipeline):
    assert coded(code_pipeline, "The two leaders sought to calm tensions between their countries.") == []


def test_seeking_something_from_a_party_is_a_request(code_pipeline):
    assert kinds(coded(code_pipeline, "Ukraine sought weapons from Germany.")) == [("REQUEST", "10")]


# ---------------------------------------------------------------- weapons of mass destruction (CAMEO 2041)
@pytest.mark.parametrize("text", [
    "Government forces attacked the suburb with chlorine gas on Tuesday.",
    "A sarin attack killed dozens of villagers in the valley last spring.",
    "Army helicopters dropped chlorine bombs on the district.",
])
def test_chemical_weapons_make_the_attack_unconventional(code_pipeline, text):
    assert [e["cameo"] for e in coded(code_pipeline, text)] == ["2041"]


def test_a_chemical_target_is_no_chemical_weapon(code_pipeline):
    assert [e["cameo"] for e in coded(code_pipeline, "Rebels attacked a chemical factory near the port on Sunday.")] \
        == ["190"]


def test_killing_dozens_names_persons(code_pipeline):
    assert kinds(coded(code_pipeline, "A car bomb attack on the market killed dozens.")) == [("ASSAULT", "18")]


# ---------------------------------------------------------------- ships are forces
def test_sending_warships_is_a_show_of_force(code_pipeline):
    assert kinds(coded(code_pipeline, "Japan sent two destroyers to the disputed islands.")) == [("MOBILIZE", "15")]


# ---------------------------------------------------------------- weapons and exchanges of fire
@pytest.mark.parametrize("text,cameo", [
    ("Artillery shells landed near the school on Thursday.", "194"),
    ("A firefight broke out at the checkpoint overnight.", "190"),
])
def test_weapons_and_exchanges_of_fire_are_attacks_without_a_named_doer(code_pipeline, text, cameo):
    assert [e["cameo"] for e in coded(code_pipeline, text)] == [cameo]


def test_the_deaths_of_a_clash_are_its_toll_not_a_second_event(code_pipeline):
    events = coded(code_pipeline, "Clashes between rival gangs killed at least nine people in the port.")
    assert kinds(events) == [("ASSAULT", "19")]


def test_a_pronoun_reported_by_an_office_is_that_office(code_pipeline):
    assert kinds(coded(code_pipeline, "The ministry said it had expelled three diplomats.")) == [("SANCTION", "16")]
    # a person pronoun reported by a person pronoun names no party at all
    assert coded(code_pipeline, "He said they had expelled three diplomats.") == []


@pytest.mark.parametrize("text,cameo", [
    ("The army said it had killed twenty insurgents in air strikes overnight.", "19"),
    ("A gunman killed three people at a cafe in the old town.", "18"),
])
def test_who_kills_and_with_what_decides_fight_or_assault(code_pipeline, text, cameo):
    assert [e["cameo"][:2] for e in coded(code_pipeline, text)] == [cameo]


# ---------------------------------------------------------------- investigations
@pytest.mark.parametrize("text", [
    "Detectives searched for two suspects across the county on Thursday.",
    "Police were hunting for the attackers late on Sunday.",
    "Authorities launched a manhunt for the bomber.",
])
def test_hunting_the_perpetrators_is_an_investigation(code_pipeline, text):
    assert ("ACCUSE", "09") in kinds(coded(code_pipeline, text))


def test_searching_for_anything_else_is_no_investigation(code_pipeline):
    assert coded(code_pipeline, "The ministry searched for a new spokesman for months.") == []
