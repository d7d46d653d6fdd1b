"""General classes read from fresh8's errors once it became a dev set (issue 19, session 16):
casualties counted as "others" ("three others were wounded"), force used on counter-protesters
(riot-control force on a crowd, CAMEO 175), a reserve or guard activated (CAMEO 154) and "the ranks
of" a crowd joined.

Every sentence here was written for this file. Texts run through the real pipeline (nlp, times,
places, actors, events).
"""

from __future__ import annotations

import pytest

from tests.conftest import coded_events as coded
from tests.conftest import event_kinds as kinds


@pytest.mark.parametrize("text", [
    "Nine others were wounded in the rampage at the market in Kano.",
    "Two others were injured in the bombing outside the Kabul mosque.",
])
def test_counted_others_are_casualties(code_pipeline, text):
    assert kinds(coded(code_pipeline, text)) == [("ASSAULT", "18")]


def test_others_uncounted_or_in_no_act_stay_as_they_were(code_pipeline):
    assert kinds(coded(code_pipeline, "Three others signed the letter to the governor.")) == []


@pytest.mark.parametrize("text", [
    "Riot police in Lyon fired stun grenades at counterprotesters on Sunday.",
    "Officers in Seattle fired flash grenades at counterdemonstrators outside the courthouse.",
])
def test_force_on_counterprotesters_is_repression(code_pipeline, text):
    assert kinds(coded(code_pipeline, text)) == [("COERCE", "17")]


def test_fire_at_fighters_stays_an_attack(code_pipeline):
    assert kinds(coded(code_pipeline, "Soldiers fired mortars at the rebel positions near Idlib.")) == [("ASSAULT", "19")]


@pytest.mark.parametrize("text", [
    "The governor of Oregon activated the National Guard on Friday night.",
    "Israel activated 20,000 reservists along the northern border.",
])
def test_activating_a_guard_or_reserve_is_mobilisation(code_pipeline, text):
    assert kinds(coded(code_pipeline, text)) == [("MOBILIZE", "15")]


def test_activating_a_thing_is_no_mobilisation(code_pipeline):
    assert kinds(coded(code_pipeline, "The governor of Oregon activated a hotline for flood victims.")) == []


def test_joining_the_ranks_of_protesters_is_protest(code_pipeline):
    assert kinds(coded(code_pipeline, "Hundreds of nurses joined the ranks of the demonstrators in Lima.")) == \
        [("PROTEST", "14")]


def test_the_ranks_of_no_crowd_are_no_protest(code_pipeline):
    assert kinds(coded(code_pipeline, "Hundreds of nurses joined the ranks of the unemployed in Lima.")) == []


@pytest.mark.parametrize("text", [
    "Federal marshals were sent to the town to guard the courthouse.",
    "The interior ministry sent riot police to the harbour in Piraeus.",
])
def test_police_sent_is_police_power_mobilised(code_pipeline, text):
    assert [(e["event_type"], e["cameo"]) for e in coded(code_pipeline, text)] == [("MOBILIZE", "153")]


def test_an_agent_sent_to_a_meeting_is_no_mobilisation(code_pipeline):
    assert kinds(coded(code_pipeline, "The insurer sent an agent to the meeting in Leeds.")) == []


@pytest.mark.parametrize("text", [
    "Riot police threw stun grenades at the students outside the university in Santiago.",
    "Police in Lagos threw tear gas canisters into the crowd on Monday.",
    "The soldiers used flashbang grenades against the marchers in Khartoum.",
])
def test_riot_munitions_used_by_forces_of_order_are_repression(code_pipeline, text):
    assert kinds(coded(code_pipeline, text)) == [("COERCE", "17")]


def test_a_grenade_thrown_by_an_attacker_stays_an_assault(code_pipeline):
    assert kinds(coded(code_pipeline, "A gunman threw a grenade into the crowded market in Kano.")) == [("ASSAULT", "18")]


def test_aid_held_up_is_aid_stopped_not_a_threat(code_pipeline):
    events = coded(code_pipeline, "The Dutch government held up development aid to Suriname for a year.")
    assert [(e["event_type"], e["cameo"]) for e in events] == [("SANCTION", "162")]


def test_signs_held_up_are_no_sanction(code_pipeline):
    assert kinds(coded(code_pipeline, "Students held up signs outside the Dutch embassy in Paramaribo.")) == []


@pytest.mark.parametrize("text", [
    "The young mayor activated a powerful force for change in Lima.",
    "The Indian government activated the strategic oil reserve on Monday.",
])
def test_a_force_or_a_reserve_activated_in_another_sense_is_no_mobilisation(code_pipeline, text):
    assert kinds(coded(code_pipeline, text)) == []


@pytest.mark.parametrize("text", [
    "Chile formally requested that Bolivia return the stolen paintings.",
    "Chile made a formal request to Bolivia for the return of the paintings.",
])
def test_a_request_is_an_appeal(code_pipeline, text):
    assert kinds(coded(code_pipeline, text)) == [("REQUEST", "02")]


def test_a_demand_stays_a_demand(code_pipeline):
    assert kinds(coded(code_pipeline, "Chile demanded that Bolivia return the stolen paintings.")) == [("REQUEST", "10")]
