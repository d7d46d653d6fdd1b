"""The session-22 word-sense battery (evsense22, issue 19): a verb's object must be of the kind its
event needs, and an event noun under a light verb or in a phrase of place carries its event, in
sentences written for ``tests/battery22_evsense_sentences.py``, run through the real pipeline (nlp,
times, places, actors, events). The tests below also pin the codes and parties the rules give, and
the review fixes (fixev22): threats told as a party's answer, a kind of weapon deployed, the meetings
that are a consultation, deaths counted per week, a general's tour, and word sets built once.
"""

from __future__ import annotations

import pytest

from tests import battery22_evsense_sentences
from tests.battery18_sentences import battery_tests, coded, coded_events

test_battery22_evsense_event_sentence_codes_its_type, test_battery22_evsense_no_event_sentence_codes_nothing = \
    battery_tests(battery22_evsense_sentences)


def _parties(pipeline, text: str, event_type: str) -> list[tuple[str, list[str], list[str]]]:
    """(CAMEO code, actor ids, recipient ids) of the events of ``event_type`` coded for ``text``."""
    return [(e["cameo"], [a["id"] for a in e["actor"]], [r["id"] for r in e["recipient"]])
            for e in coded_events(pipeline, text) if e["event_type"] == event_type]


def test_organizing_a_meeting_convenes_it_with_its_participants(code_pipeline):
    """Not PETRARCH's appeal to meet (026): the organiser convenes, the ministers named are met."""
    (cameo, actors, recipients), = _parties(
        code_pipeline, "Qatar organized a meeting of Afghan and American envoys in Doha.", "CONSULT")
    assert cameo == "040" and actors == ["QAT"] and set(recipients) == {"AFG", "USA"}


def test_congratulations_sent_praise_the_one_congratulated(code_pipeline):
    """The sender praises (CAMEO 051) the party of the "to" phrase."""
    (cameo, actors, recipients), = _parties(
        code_pipeline, "The Mexican president sent his congratulations to the new prime minister of Canada.", "SUPPORT")
    assert cameo == "051" and actors == ["MEX"] and recipients == ["CAN"]


def test_a_demand_noun_with_its_clause_carries_the_event(code_pipeline):
    """The light verb passes the event to its noun, which knows what is asked and of whom."""
    (cameo, actors, recipients), = _parties(
        code_pipeline, "Seoul issued a demand that Tokyo withdraw the export curbs.", "REQUEST")
    assert cameo.startswith("10") and actors == ["KOR"] and recipients == ["JPN"]


def test_a_renewed_demand_is_addressed_to_the_subject_of_its_clause(code_pipeline):
    """The one the demand noun's "that" clause asks to act is its recipient."""
    (_, actors, recipients), = _parties(
        code_pipeline, "Hungary renewed its demand that Ukraine restore minority language rights.", "REQUEST")
    assert actors == ["HUN"] and recipients == ["UKR"]


def test_the_body_that_kills_a_bill_refuses_it(code_pipeline):
    """The refusal (CAMEO 120) is the killing body's, and the bill is no party."""
    (cameo, actors, recipients), = _parties(
        code_pipeline, "The Brazilian senate killed the pension bill in a late vote.", "REJECT")
    assert cameo == "120" and actors == ["BRA-LEG"] and recipients == []


@pytest.mark.parametrize("text", [
    "Germany's finance minister warned that the economy was slowing.",
    "The Canadian prime minister warned the audience that the country is falling behind its rivals.",
])
def test_a_warning_of_how_things_are_is_no_threat(code_pipeline, text):
    """A warning that tells how things are, with no act to come, is an alert (CAMEO 012): no event."""
    assert coded(code_pipeline, text) == []


def test_a_conditional_warning_of_force_threatens_the_party_of_the_condition(code_pipeline):
    """"warned of war if Taipei declared independence": force a party's act would bring is the warner's
    threat, made to that party."""
    event, = coded_events(code_pipeline, "Beijing warned of war if Taipei declared independence.")
    assert (event["event_type"], event["modality"]) == ("THREATEN", "conditional")
    assert [a["id"] for a in event["actor"]] == ["CHN"] and [r["id"] for r in event["recipient"]] == ["TWN"]


@pytest.mark.parametrize("text", [
    "Pyongyang warned of a merciless answer to any drills near its waters.",
    "Azerbaijan warned of a heavy blow against separatist forces in the mountains.",
    "Tehran warned that Israel faces a crushing response.",
])
def test_a_warning_of_a_partys_answer_is_a_threat(code_pipeline, text):
    """An answer, a blow at a target, a response a party faces: the warner's step, a threat (CAMEO 13)."""
    assert [(kind, code[:2]) for kind, code, _ in coded(code_pipeline, text)] == [("THREATEN", "13")]


def test_a_kind_of_weapon_deployed_is_the_weapon(code_pipeline):
    """"a new type of missile" is a missile ("type" reads through to its "of" object): a mobilisation."""
    (cameo, actors, _), = _parties(code_pipeline, "Russia deployed a new type of hypersonic missile in Kaliningrad.",
                                   "MOBILIZE")
    assert cameo.startswith("15") and actors == ["RUS"]


@pytest.mark.parametrize("text, consult", [
    ("At a meeting of his party in Izmir, Erdogan criticised the opposition leader.", []),
    ("At an academic conference in Bergen, the Norwegian foreign minister praised Sweden.", []),
    ("At a meeting in Ankara, the foreign ministers of Turkey and Iraq agreed to reopen the border crossing.",
     [["TUR", "IRQ"]]),
    ("During a meeting with the Chinese president, the Brazilian president praised the trade deal.", [["BRA"]]),
])
def test_a_meeting_as_the_scene_of_an_act_needs_two_parties(code_pipeline, text, consult):
    """A meeting in an "at"/"during" phrase is a consultation when two parties hold it (or it names the
    one met): not a party's own meeting or a conference of scholars."""
    assert [actors for _, actors, _ in _parties(code_pipeline, text, "CONSULT")] == consult


@pytest.mark.parametrize("text", [
    "The Chilean embassy organised a talk by a Peruvian novelist in Santiago.",
    "The Greek ruling party organised a conference on soil science in Athens.",
    "Around 20 civilians were killed per week in the fighting around the town.",
    "The American general was deployed to Kabul in 2011.",
])
def test_no_event_in_a_lecture_a_rate_or_a_tour(code_pipeline, text):
    """A lecture or one party's conference organised, deaths counted "per week" (a preposition, read as
    a rate), a general's tour of duty: no event."""
    assert coded(code_pipeline, text) == []


def test_word_unions_are_built_once():
    """The union of several word lists is one cached frozenset per lexicon."""
    from parley.events.lexicon import load_lexicon

    lexicon = load_lexicon()
    modals = lexicon.word_union("future_aux", "hypothetical_aux", "demand_aux")
    assert modals is lexicon.word_union("future_aux", "hypothetical_aux", "demand_aux")
    assert modals == lexicon.word_set("future_aux") | lexicon.word_set("hypothetical_aux") | \
        lexicon.word_set("demand_aux")
