"""The session-20 ACCUSE battery (evaccuse20, issue 19): suits told by other verbs than "sue", and the
label a speaker gives in evaluative speech.

Every sentence of ``tests/battery20_accuse_sentences.py`` was written for it and runs through the
real pipeline (nlp, times, places, actors, events). The tests below also pin who accuses whom and the
line between a label that blames and distress at a happening.
"""

from __future__ import annotations

import pytest

from parley.evaluate import is_negated
from parley.events import code_records
from tests.battery18_sentences import case_passes, coded
from tests.battery20_accuse_sentences import EVENT_CASES, NO_EVENT_TEXTS

CASES_BY_TEXT = {item.text: item for item in EVENT_CASES}


def _accusations(pipeline, text: str) -> list[tuple[str, list[str], list[str]]]:
    """(CAMEO code, actor ids, recipient ids) of the ACCUSE events coded for ``text``."""
    record, = code_records([{"id": "b", "text": text, "date": "2019-05-01"}], pipeline)
    return [(e["cameo"], [a["id"] for a in e["actor"]], [r["id"] for r in e["recipient"]])
            for e in record["events"] if e["event_type"] == "ACCUSE" and not is_negated(e)]


@pytest.mark.parametrize("text", [item.text for item in EVENT_CASES])
def test_battery20_accuse_event_sentence_codes_its_type(code_pipeline, text):
    """The event of the sentence's PLOVER type with one of its CAMEO roots, and no other type."""
    item = CASES_BY_TEXT[text]
    events = coded(code_pipeline, text)
    assert case_passes(events, item), (item.plover, item.roots, events)


@pytest.mark.parametrize("text", NO_EVENT_TEXTS)
def test_battery20_accuse_no_event_sentence_codes_nothing(code_pipeline, text):
    assert coded(code_pipeline, text) == []


@pytest.mark.parametrize("text, actor, recipient", [
    # the one who takes a party to court sues it; the "from" party of a suit faced sues the subject
    ("Ukraine took Russia to the International Court of Justice in 2017.", "UKR", "RUS"),
    ("The Philippines lodged a case against China at the arbitration tribunal in The Hague.", "PHL", "CHN"),
])
def test_a_suit_is_the_plaintiffs_against_the_defendant(code_pipeline, text, actor, recipient):
    (cameo, actors, recipients), = _accusations(code_pipeline, text)
    assert cameo == "115" and actor in actors and recipient in recipients


def test_a_suit_faced_from_another_is_the_others(code_pipeline):
    (cameo, actors, _), = _accusations(
        code_pipeline, "Exxon faces a lawsuit from the state of New York over its climate disclosures.")
    assert cameo == "115" and actors == ["USA"]


@pytest.mark.parametrize("text", [
    # a word of distress blames what a party owns ...
    "Senator Lindsey Graham called the minister's conduct troubling.",
    '"Frankly," Senator Lindsey Graham continued, "the defence minister\'s conduct is deeply troubling."',
])
def test_distress_at_a_partys_conduct_is_criticism(code_pipeline, text):
    (cameo, actors, _), = _accusations(code_pipeline, text)
    assert cameo == "111" and actors == ["p-lindsei-graham"]


def test_distress_at_a_happening_is_no_criticism(code_pipeline):
    """... not a happening: the shooting may be coded, no ACCUSE is."""
    assert _accusations(code_pipeline, "Senator Lindsey Graham called the shooting in Dayton deeply disturbing.") == []
