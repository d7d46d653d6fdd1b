"""The session-21 doer battery (evdoer21, issue 19): attacks in words read as criticism, and people
named by number or part as the doers of their acts.

Every sentence of ``tests/battery21_evdoer_sentences.py`` was written for it and runs through the
real pipeline (nlp, times, places, actors, events). The tests below also pin who criticises whom.
"""

from __future__ import annotations

import pytest

from parley.evaluate import is_negated
from tests import battery21_evdoer_sentences
from tests.battery18_sentences import battery_tests, coded_events

test_battery21_evdoer_event_sentence_codes_its_type, test_battery21_evdoer_no_event_sentence_codes_nothing = \
    battery_tests(battery21_evdoer_sentences)


def _criticisms(pipeline, text: str) -> list[tuple[str, list[str], list[str]]]:
    """(CAMEO code, actor ids, recipient ids) of the ACCUSE events coded for ``text``."""
    return [(e["cameo"], [a["id"] for a in e["actor"]], [r["id"] for r in e["recipient"]])
            for e in coded_events(pipeline, text) if e["event_type"] == "ACCUSE" and not is_negated(e)]


@pytest.mark.parametrize("text", [
    "Senator Elena Varga attacked Governor Tom Reilly over the state budget.",
    "Nikki Haley targeted Vivek Ramaswamy for his comments about Ukraine.",
])
def test_an_attack_in_words_is_the_speakers_criticism_of_its_target(code_pipeline, text):
    (cameo, actors, recipients), = _criticisms(code_pipeline, text)
    assert cameo == "111" and len(actors) == 1 and len(recipients) == 1 and actors != recipients


def test_fire_drawn_for_words_is_criticism_of_the_subject(code_pipeline):
    (cameo, actors, recipients), = _criticisms(
        code_pipeline, "Boris Johnson came under fire from opposition leaders for his remarks about Brussels.")
    assert cameo == "111" and recipients and not actors


@pytest.mark.parametrize("text", [
    # a state's attack "over" a cause may be its forces'; a span of time is no reason
    "Turkey attacked Kurdish militias in northern Syria over the border attacks.",
    "The rebels attacked the town for three days.",
])
def test_force_with_a_cause_stays_force(code_pipeline, text):
    kinds = {e["event_type"] for e in coded_events(code_pipeline, text) if not is_negated(e)}
    assert "ASSAULT" in kinds and "ACCUSE" not in kinds


@pytest.mark.parametrize("text", [
    "Some have accused the Chinese government of hiding the outbreak.",
    "Many have criticised the Kenyan president's handling of the drought.",
])
def test_people_named_by_part_accuse_with_no_party_invented(code_pipeline, text):
    (cameo, actors, _), = _criticisms(code_pipeline, text)
    assert cameo.startswith("11") and actors == []


@pytest.mark.parametrize("text, people", [
    # a number or part of the people the sentence named before it ...
    ("Palestinian protesters gathered near the fence, and thousands defied an Israeli order to disperse.", "PSE"),
    # ... not the police or forces named nearer
    ("Protesters clashed with riot police in Minsk, and thousands defied a ban on rallies.", "BLR"),
])
def test_people_by_number_are_the_people_named_before(code_pipeline, text, people):
    defiance = [e for e in coded_events(code_pipeline, text) if e["event_type"] == "REJECT"]
    assert defiance and all(a.get("country") == people and a.get("sector") == "CVL" for a in defiance[0]["actor"]) \
        and defiance[0]["actor"]


@pytest.mark.parametrize("text", [
    # the reporters are not the hundreds they report on
    "Nigerian nurses said hundreds had accused the clinic of negligence.",
    # nor officials of an international body, in a clause joined by "and" ...
    "Lebanese bankers met World Bank officials, and many rejected the reform plan.",
    # ... or by "while"
    "Greek shipowners met IMF officials in Athens, while many rejected the new tax.",
])
def test_people_by_number_take_no_reporter_and_no_international_body(code_pipeline, text):
    acts = [e for e in coded_events(code_pipeline, text) if e["event_type"] in ("ACCUSE", "REJECT")]
    assert acts and all(a.get("type") not in ("igo", "organ") and a.get("sector") != "MED"
                        for e in acts for a in e["actor"])
