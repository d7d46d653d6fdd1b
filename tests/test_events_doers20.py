"""The doer the actors stage leaves empty (session 20, evdoer20, issue 19): the subject of a support
verb does the act its object names ("he announced tariffs"), a passive of taking part names the
parties of the act after its "in" ("were embroiled in clashes"), a state named by a description is a
party ("the socialist state", "the judiciary"), and a "by" phrase the parser hangs elsewhere names
the doer ("rejected at that point by Quito", "an attempt by riot police to disperse").

The guards come from review20 (fixdoer20): a bare "the state" is no country named before, a "by"
phrase in a phrase of time or occasion names that occasion's doer, and a noun of asking does not do
its infinitive's act. They failed on the code before those fixes.

Every sentence here was written for this file. Texts run through the real pipeline (nlp, times,
places, actors, events), so the parties are the actors stage's mentions.
"""

from __future__ import annotations

import pytest

from tests.conftest import coded_events as coded
from tests.conftest import event_kinds as kinds


def _countries(event: dict) -> set:
    return {a.get("country") for a in event["actor"]}


# ---------------------------------------------------------------- the subject of a support verb
@pytest.mark.parametrize("text,expected", [
    # a pronoun with nothing before it to stand for
    ("He announced new tariffs on imported steel and aluminium.", ("SANCTION", "16")),
    ("She renewed her threats against the rebel commanders.", ("THREATEN", "13")),
    # a branch of a state named by its kind
    ("The executive branch issued fresh threats against the striking miners.", ("THREATEN", "13")),
])
def test_the_subject_of_a_support_verb_does_the_act_its_object_names(code_pipeline, text, expected):
    events = coded(code_pipeline, text)
    assert kinds(events) == [expected]
    assert events[0]["actor"] == []       # no party is invented for the pronoun or the office


@pytest.mark.parametrize("text", [
    "He spoke about the sanctions during the visit.",       # through a preposition: a topic
    "She feared new attacks on the convoy.",                # a verb that does not do its object
    "He watched the protests from his office window.",
])
def test_a_verb_that_does_not_do_its_object_gives_no_doer(code_pipeline, text):
    assert coded(code_pipeline, text) == []


def test_a_passive_of_suffering_names_no_doer(code_pipeline):
    # those killed in a fight are its victims, not its parties
    events = coded(code_pipeline, "Two officers were killed in the fighting.")
    assert [e["event_type"] for e in events] == ["ASSAULT"]
    assert events[0]["actor"] == [] and events[0]["recipient"]


# ---------------------------------------------------------------- a state named by a description
@pytest.mark.parametrize("text,expected", [
    ("The socialist state jailed the blogger for eight years.", ("COERCE", "17")),
    ("The reclusive state sentenced the tourist to eight years of hard labour.", ("COERCE", "17")),
    ("The judiciary has resisted the decrees of the new president.", ("REJECT", "12")),
])
def test_a_state_or_its_branch_named_by_a_description_does_the_act(code_pipeline, text, expected):
    assert kinds(coded(code_pipeline, text)) == [expected]


def test_a_described_state_stands_for_the_state_named_before(code_pipeline):
    events = coded(code_pipeline, "Venezuela hosted the summit in June. The socialist state later jailed "
                                  "two opposition mayors.")
    coerce = [e for e in events if e["event_type"] == "COERCE"]
    assert coerce and _countries(coerce[0]) == {"VEN"}


@pytest.mark.parametrize("text,country", [
    # in US news a bare "the state" is a US state: not the foreign country named before
    ("Honduras protested the new border law signed in Texas. The state dismissed the protest and "
     "detained 30 migrants.", "HND"),
    ("The governor hosted a Japanese trade delegation on Tuesday. The state later imposed sanctions "
     "on two Japanese carmakers.", "JPN"),
])
def test_a_bare_the_state_is_no_foreign_country_named_before(code_pipeline, text, country):
    second = [e for e in coded(code_pipeline, text) if e["trigger"]["sentence"] == 1]
    assert second                           # the acts are still read ...
    assert all(country not in _countries(e) for e in second)     # ... with no foreign doer


def test_a_branch_of_a_state_is_not_the_foreign_country_named_before(code_pipeline):
    events = coded(code_pipeline, "Peru criticised the new voting law in Oregon. The legislature rejected "
                                  "the criticism.")
    reject = [e for e in events if e["event_type"] == "REJECT"]
    assert reject and "PER" not in _countries(reject[0])


# ---------------------------------------------------------------- parties a passive names
@pytest.mark.parametrize("text,expected,countries", [
    # a passive of taking part: its subject takes part in the act named after "in"
    ("Sudan and South Sudan have been engaged in sporadic clashes along the border.", ("ASSAULT", "19"),
     {"SDN", "SSD"}),
    ("Armenia and Azerbaijan have been embroiled in clashes over the enclave.", ("ASSAULT", "19"),
     {"ARM", "AZE"}),
    # a passive's "by" phrase the parser hangs on the object of an adjunct
    ("The ceasefire plan was rejected at that point by Colombia and Ecuador.", ("REJECT", "12"),
     {"COL", "ECU"}),
    ("The accord was denounced in a statement by Iran.", ("ACCUSE", "11"), {"IRN"}),
])
def test_a_passive_names_the_parties_of_the_act(code_pipeline, text, expected, countries):
    events = coded(code_pipeline, text)
    assert kinds(events) == [expected]
    assert _countries(events[0]) == countries


def test_the_by_phrase_of_an_act_after_in_is_the_agent(code_pipeline):
    # the raid is the wounding: its doers did it
    events = coded(code_pipeline, "Villagers said two farmers were wounded in a raid by army troops.")
    assault = [e for e in events if e["event_type"] == "ASSAULT"]
    assert assault and [a["sector"] for a in assault[0]["actor"]] == ["MIL"]


@pytest.mark.parametrize("text,wrong", [
    # a "by" phrase in a phrase of time or occasion names that occasion's doer
    ("The photographer was detained during a tour by the Saudi crown prince.", "SAU"),
    ("Two diplomats were expelled following a raid by insurgents.", "REB"),
    # a gathering is held by those the "by" phrase names, not the harm done at it
    ("Two officers were hurt at a rally by students.", "EDU"),
    ("Two officers were hurt in a rally by students.", "EDU"),
])
def test_the_doer_of_an_occasion_is_not_the_agent(code_pipeline, text, wrong):
    events = coded(code_pipeline, text)
    assert all(wrong not in {a.get("country") or a.get("sector") for a in e["actor"]} for e in events)


def test_a_nouns_by_phrase_is_the_subject_of_its_infinitive(code_pipeline):
    events = coded(code_pipeline, "An attempt by riot police to disperse the crowd failed.")
    assert kinds(events) == [("COERCE", "17")]
    assert [a["sector"] for a in events[0]["actor"]] == ["COP"]


def test_a_noun_of_asking_does_not_do_its_infinitive(code_pipeline):
    # the Red Cross asked; others were to free the hostages
    assert coded(code_pipeline, "An appeal by the Red Cross to free the hostages went unheeded.") == []


def test_an_agent_of_another_verb_is_not_the_doer(code_pipeline):
    # "organised by the opposition" is the rally's organiser, not who arrested the journalist
    events = coded(code_pipeline, "The journalist was arrested at a rally organised by the opposition.")
    assert [e["event_type"] for e in events] == ["COERCE"]
    assert events[0]["actor"] == []
