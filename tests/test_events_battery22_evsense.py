"""The session-22 word-sense battery (evsense22, issue 19): a verb's object must be of the kind its
event needs, and an event noun under a light verb or in a phrase of place carries its event, in
sentences written for ``tests/battery22_evsense_sentences.py``, run through the real pipeline (nlp,
times, places, actors, events). The tests below also pin the codes and parties the rules give.
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
    (cameo, actors, recipients), = _parties(
        code_pipeline, "The Mexican president sent his congratulations to the new prime minister of Canada.", "SUPPORT")
    assert cameo == "051" and actors == ["MEX"] and recipients == ["CAN"]


def test_a_demand_noun_with_its_clause_carries_the_event(code_pipeline):
    """The light verb passes the event to its noun, which knows what is asked and of whom."""
    (cameo, actors, recipients), = _parties(
        code_pipeline, "Seoul issued a demand that Tokyo withdraw the export curbs.", "REQUEST")
    assert cameo.startswith("10") and actors == ["KOR"] and recipients == ["JPN"]


def test_a_renewed_demand_is_addressed_to_the_subject_of_its_clause(code_pipeline):
    (_, actors, recipients), = _parties(
        code_pipeline, "Hungary renewed its demand that Ukraine restore minority language rights.", "REQUEST")
    assert actors == ["HUN"] and recipients == ["UKR"]


def test_a_killed_bill_is_refused_not_attacked(code_pipeline):
    assert [kind for kind, _, _ in coded(code_pipeline, "The Senate killed the bill after a heated debate.")] \
        == ["REJECT"]


@pytest.mark.parametrize("text", [
    "Germany's finance minister warned that the economy was slowing.",
    "The Canadian prime minister warned the audience that the country is falling behind its rivals.",
])
def test_a_warning_of_how_things_are_is_no_threat(code_pipeline, text):
    assert coded(code_pipeline, text) == []
