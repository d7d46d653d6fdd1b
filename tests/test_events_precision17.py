"""Session 17 precision pass (issue 19): acts named only as what a sentence reacts to.

Every sentence here was written for this file. Texts run through the real pipeline (nlp,
times, places, actors, events), loaded once for the module.
"""

from __future__ import annotations

import pytest

from tests.conftest import coded_events as coded
from tests.conftest import event_kinds


# ---------------------------------------------------------------- grief and remembrance
@pytest.mark.parametrize("text", [
    "Thousands of mourners grieved the killing of the young farmer by soldiers last spring.",
    "The village mourned the bombing of its school by rebel forces.",
    "Residents lamented the assassination of the mayor by militants.",
    "Veterans commemorated the massacre of the prisoners by the occupying army.",
])
def test_an_act_grieved_or_commemorated_is_not_reported(code_pipeline, text):
    assert coded(code_pipeline, text) == []


@pytest.mark.parametrize("text,expected", [
    ("Rebels attacked the village on Monday, killing three people.", [("ASSAULT", "19")]),
    ("Soldiers killed the young farmer last spring, and the village mourned him.", [("ASSAULT", "19")]),
])
def test_an_act_reported_beside_grief_is_still_coded(code_pipeline, text, expected):
    assert event_kinds(coded(code_pipeline, text)) == expected


# ---------------------------------------------------------------- trips no party makes
@pytest.mark.parametrize("text", [
    "A retired teacher who had visited Peru twice, Ms. Alvarez spoke fluent Spanish.",
    "Tourists who had visited Egypt were questioned at the airport.",
    "Backpackers visited Laos and Cambodia last summer.",
    "The suspect, Marco Bellini, travelled to Vienna with his cousin before the robbery.",
])
def test_a_trip_no_party_makes_is_no_visit(code_pipeline, text):
    assert [e for e in coded(code_pipeline, text) if e["event_type"] == "CONSULT"] == []


@pytest.mark.parametrize("text", [
    "President Macron visited Algeria on Tuesday.",                  # a name the actors stage may not know
    "The Chinese foreign minister travelled to Moscow on Sunday.",
    "Officials visited Kabul last week.",
    "A Japanese delegation arrived in Seoul on Monday.",
])
def test_a_partys_trip_is_a_visit(code_pipeline, text):
    assert event_kinds(coded(code_pipeline, text)) == [("CONSULT", "04")]
