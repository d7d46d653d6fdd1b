"""The doer the actors stage leaves empty (session 20, evdoer20, issue 19): the subject of a support
verb does the act its object names ("he announced tariffs"), a passive of taking part names the act's
parties ("were engaged in fighting"), a state named by a description is a party ("the communist
state", "the judiciary"), and a "by" phrase the parser hangs elsewhere names the doer ("criticised at
the time by Israel", "an attempt by the police to arrest").

Every sentence here was written for this file. Texts run through the real pipeline (nlp, times,
places, actors, events), so the parties are the actors stage's mentions. On the session's starting
code none of the sentences of the positive tests coded its event.
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
    ("The executive branch announced sanctions on three shipping firms.", ("SANCTION", "16")),
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
    ("The communist state sentenced the contractor to 12 years in prison.", ("COERCE", "17")),
    ("The judiciary has resisted the decrees of the new president.", ("REJECT", "12")),
])
def test_a_state_or_its_branch_named_by_a_description_does_the_act(code_pipeline, text, expected):
    assert kinds(coded(code_pipeline, text)) == [expected]


def test_a_state_description_stands_for_the_state_named_before(code_pipeline):
    events = coded(code_pipeline, "Cuba hosted the talks in May. The communist state then sentenced "
                                  "the contractor to 15 years in prison.")
    coerce = [e for e in events if e["event_type"] == "COERCE"]
    assert coerce and _countries(coerce[0]) == {"CUB"}


# ---------------------------------------------------------------- parties a passive names
@pytest.mark.parametrize("text,expected,countries", [
    # a passive of taking part: its subject takes part in the act named after "in"
    ("India and Pakistan were engaged in heavy fighting along the border.", ("ASSAULT", "19"), {"IND", "PAK"}),
    ("Armenia and Azerbaijan have been embroiled in clashes over the enclave.", ("ASSAULT", "19"),
     {"ARM", "AZE"}),
    # a passive's "by" phrase the parser hangs on the object of an adjunct
    ("The treaty was sharply criticised at the time by Israel and the United States.", ("ACCUSE", "11"),
     {"ISR", "USA"}),
    ("The accord was denounced in a statement by Iran.", ("ACCUSE", "11"), {"IRN"}),
])
def test_a_passive_names_the_parties_of_the_act(code_pipeline, text, expected, countries):
    events = coded(code_pipeline, text)
    assert kinds(events) == [expected]
    assert _countries(events[0]) == countries


def test_a_nouns_by_phrase_is_the_subject_of_its_infinitive(code_pipeline):
    events = coded(code_pipeline, "It began as an attempt by the police to arrest a wanted smuggler.")
    assert kinds(events) == [("COERCE", "17")]
    assert [a["sector"] for a in events[0]["actor"]] == ["COP"]


def test_an_agent_of_another_verb_is_not_the_doer(code_pipeline):
    # "organised by the opposition" is the rally's organiser, not who arrested the journalist
    events = coded(code_pipeline, "The journalist was arrested at a rally organised by the opposition.")
    assert [e["event_type"] for e in events] == ["COERCE"]
    assert events[0]["actor"] == []
