"""The session-20 battery (evpair20, issue 19): protests told through their participants and the
polarity of "not only X but Y".

Every sentence of ``tests/battery20_protest_sentences.py`` was written for it and runs through the real
pipeline (nlp, times, places, actors, events). On the session's starting code 2 of its 11 event
sentences passed (the arrest and the rebels' attack); the tests below also pin what each rule leaves
alone.
"""

from __future__ import annotations

import pytest

from tests import battery20_protest_sentences
from tests.battery18_sentences import battery_tests

test_battery20_protest_event_sentence_codes_its_type, test_battery20_protest_no_event_sentence_codes_nothing = \
    battery_tests(battery20_protest_sentences)


def _events(pipeline, text):
    """(type, CAMEO code, modality, trigger text, actor texts) of every event ``pipeline`` codes for ``text``."""
    from parley.events import code_records

    record, = code_records([{"id": "b", "text": text, "date": "2019-05-01"}], pipeline)
    return sorted((e["event_type"], e["cameo"], e["modality"], e["trigger"]["text"], tuple(a["text"] for a in e["actor"]))
                  for e in record["events"])


# ---------------------------------------------------------------- (a) protest told through participants
def test_participants_protest_is_the_protesters_own(code_pipeline):
    assert _events(code_pipeline, "Protesters in Lima waved flags and sang the national anthem.") == [
        ("PROTEST", "141", "asserted", "waved", ("Protesters in Lima",))]


@pytest.mark.parametrize("text", [
    "Demonstrators in Dakar gathered outside the court and then walked to the parliament.",
    "Protesters marched through Belgrade in a rally against the government.",
])
def test_one_protest_a_sentence(code_pipeline, text):
    """A sentence that names the protest, or tells two things its participants did, is one protest."""
    assert [kind for kind, *_ in _events(code_pipeline, text)] == ["PROTEST"]


def test_protesters_acted_on_make_no_protest(code_pipeline):
    kinds = [kind for kind, *_ in _events(code_pipeline, "Police in Nairobi arrested 30 protesters on Tuesday.")]
    assert kinds == ["COERCE"]


def test_protesters_saying_something_is_no_protest_act(code_pipeline):
    """A verb of saying frames what is said; the protesters' words are not the protest."""
    assert [kind for kind, *_ in _events(code_pipeline, "Protesters in Quito said the price of bread had doubled since March.")
            ] == []


# ---------------------------------------------------------------- (b) "not only X but Y"
def test_not_only_but_keeps_the_second_clause_asserted(code_pipeline):
    events = _events(code_pipeline, "Not only did the army never withdraw from the border, but Azerbaijan also "
                                    "shelled two villages in Tavush.")
    assert [(kind, modality, trigger) for kind, _, modality, trigger, _ in events] == [
        ("ASSAULT", "asserted", "shelled"), ("RETREAT", "negated", "withdraw")]

