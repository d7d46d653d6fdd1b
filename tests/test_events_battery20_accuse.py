"""The session-20 ACCUSE battery (evaccuse20, issue 19): suits told by other verbs than "sue", and the
label a speaker gives in evaluative speech.

Every sentence of ``tests/battery20_accuse_sentences.py`` was written for it and runs through the
real pipeline (nlp, times, places, actors, events). The tests below also pin who accuses whom, the
line between a label that blames and distress at a happening, and (review fixes, fixaccuse20) that a
suit needs a party on the other side, that distress blames only a party's conduct, and that a
sentence whose only label is a hyphenated rank is parsed at all.
"""

from __future__ import annotations

import pytest

from parley.evaluate import is_negated
from tests import battery20_accuse_sentences
from tests.battery18_sentences import battery_tests, coded, coded_events

test_battery20_accuse_event_sentence_codes_its_type, test_battery20_accuse_no_event_sentence_codes_nothing = \
    battery_tests(battery20_accuse_sentences)


def _accusations(pipeline, text: str) -> list[tuple[str, list[str], list[str]]]:
    """(CAMEO code, actor ids, recipient ids) of the ACCUSE events coded for ``text``."""
    return [(e["cameo"], [a["id"] for a in e["actor"]], [r["id"] for r in e["recipient"]])
            for e in coded_events(pipeline, text) if e["event_type"] == "ACCUSE" and not is_negated(e)]


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
    # a motion or a petition against a text, a ruling or a project sues no one
    "The opposition in Lagos filed a motion against the new electoral law.",
    "Farmers in Punjab filed a petition against the new water tariffs.",
    # a question or a person taken to a court is no party sued
    "The mayor took the zoning question to the state's highest court.",
    "Guards took the former president to the court on Monday.",
])
def test_a_suit_needs_a_party_on_the_other_side(code_pipeline, text):
    """``needs_other_party`` on ``file-motion-against`` and ``take-to-court``: no recipient, no suit."""
    assert _accusations(code_pipeline, text) == []


def test_a_motion_against_a_party_is_still_a_suit(code_pipeline):
    (cameo, _, recipients), = _accusations(
        code_pipeline, "Environmental groups filed a petition against the Environmental Protection Agency.")
    assert cameo == "115" and recipients


@pytest.mark.parametrize("text, actor", [
    # a word of distress blames a party's conduct ...
    ("Pope Francis said the government's treatment of migrants is disturbing.", "p-pope-francis"),
    ('"The ministry\'s handling of the floods has been troubling," Angela Merkel continued.', "p-angela-merkel"),
    ("The Kremlin said the opposition's tactics were troubling.", "RUS"),
])
def test_distress_at_a_partys_conduct_is_criticism(code_pipeline, text, actor):
    (cameo, actors, _), = _accusations(code_pipeline, text)
    assert cameo == "111" and actors == [actor]


@pytest.mark.parametrize("text", [
    # ... not a happening, nor a state of things a party has (an economy, figures, health)
    "Senator Bernie Sanders called the shooting in El Paso deeply disturbing.",
    "The central bank governor said Turkey's inflation figures were troubling.",
    "The president's doctors said his breathing was troubling.",
    "Russia's energy minister said Europe's gas reserves are disturbing.",
])
def test_distress_at_what_is_no_conduct_is_no_criticism(code_pipeline, text):
    assert _accusations(code_pipeline, text) == []


@pytest.mark.parametrize("text", [
    "Beijing described the Taiwanese leader as a second-rate politician.",
    "Zimbabwe's ruling party called the opposition leader a second-rate lawyer.",
])
def test_a_hyphenated_rank_alone_makes_the_sentence_a_candidate(code_pipeline, text):
    """The nlp stage's candidate filter reads the split hyphenated word whole ("second-rate"), so a
    sentence whose only label is such a rank is parsed and coded."""
    assert [(kind, code) for kind, code, _ in coded(code_pipeline, text)] == [("ACCUSE", "111")]


def test_hyphenated_praise_is_no_label(code_pipeline):
    assert _accusations(code_pipeline, "Macron called the Indian prime minister a first-rate statesman.") == []
