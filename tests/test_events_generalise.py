"""Rules that generalise across news (issue 19, fourth round): CAMEO 18 against 19, warnings
that are forecasts, "insist" with a fact, "has yet to", habitual acts, taking part in protests.

Every sentence here was written for this file. Documents are parsed by the real model and
given hand-made actor mentions (tests/test_events_coder.py ``hand_doc``).
"""

from __future__ import annotations

import pytest

from parley.events.hardnews import named_not_reported
from parley.events.lexicon import load_lexicon
from parley.events.triggers import Match
from tests.test_events_coder import code, codes


def asserted(events: list[dict]) -> list[dict]:
    return [e for e in events if e["modality"] != "negated"]


@pytest.mark.parametrize("text,root,cameo", [
    # violence by persons, or by no one named, is unconventional (CAMEO 18)
    ("A man with a rifle killed three shoppers at a mall on Saturday.", "18", "1823"),
    ("Four people were wounded in the shooting outside a nightclub.", "18", "180"),
    # a state's forces, combat and military weapons are conventional force (CAMEO 19)
    ("Turkish troops attacked a village near the border.", "19", None),
    ("Clashes between the army and rebels killed twelve fighters.", "19", None),
    ("Mortars were fired at the base before dawn.", "19", None),
])
def test_violence_root_follows_who_acts(spacy_nlp, text, root, cameo):
    event, = code(spacy_nlp, text)
    assert event["event_type"] == "ASSAULT" and event["cameo"].startswith(root)
    if cameo is not None:
        assert event["cameo"] == cameo


def test_an_armed_group_fighting_armed_parties_is_conventional_force(spacy_nlp):
    event, = code(spacy_nlp, "On Sunday the rebels attacked Turkish troops near the border.")
    assert event["event_type"] == "ASSAULT" and event["cameo"].startswith("19")
    assert codes(event["actor"]) == {"SYRREB"}


def test_a_warning_of_what_others_may_do_is_a_forecast(spacy_nlp):
    assert code(spacy_nlp, "The central bank warned that inflation could rise further next year.") == []
    assert code(spacy_nlp, "Germany warned that the dispute would hurt investment in the region.") == []
    # warning of one's own act, or warning a party against an act, stays a threat
    event, = code(spacy_nlp, "Russia warned that it would respond to any new sanctions.")
    assert event["event_type"] == "THREATEN" and codes(event["actor"]) == {"RUSGOV"}
    event, = code(spacy_nlp, "Iran warned Israel against sending warships into the Gulf.")
    assert event["event_type"] == "THREATEN" and codes(event["recipient"]) == {"ISRGOV"}


def test_insisting_on_a_fact_is_no_demand(spacy_nlp):
    events = code(spacy_nlp, "Turkey insisted that it had never supplied weapons to the rebels.")
    assert "REQUEST" not in [e["event_type"] for e in events]
    assert asserted(events) == []
    # with a subjunctive clause, insisting is a demand on the party that must act
    event, = code(spacy_nlp, "Egypt insisted that Israel withdraw its troops from the crossing.")
    assert event["event_type"] == "REQUEST" and codes(event["actor"]) == {"EGYGOV"}
    assert codes(event["recipient"]) == {"ISRGOV"}


def test_has_yet_to_is_not_done(spacy_nlp):
    events = code(spacy_nlp, "Ukraine has yet to receive the promised aid from Germany.")
    assert events and all(e["modality"] == "negated" for e in events)
    events = code(spacy_nlp, "Ukraine received the promised aid from Germany on Monday.")
    assert [e["event_type"] for e in asserted(events)] == ["AID"]


def test_habitual_acts_are_no_report(spacy_nlp):
    assert code(spacy_nlp, "Israeli police often detain protesters at the gate.") == []
    assert code(spacy_nlp, "The rebels regularly attack convoys on the highway.") == []
    event, = code(spacy_nlp, "Israeli police detained protesters at the gate on Friday.")
    assert event["event_type"] == "COERCE"


@pytest.mark.parametrize("text", [
    "Hundreds of students attended a rally against the new fees.",
    "Residents organised a march against the closure of the hospital.",
    "Thousands of workers joined the protests in the capital on Monday.",
    "The demonstrations began outside parliament and spread to other cities.",
])
def test_taking_part_in_a_protest_reports_it(spacy_nlp, text):
    event, = code(spacy_nlp, text)
    assert (event["event_type"], event["cameo"][:2]) == ("PROTEST", "14")


def test_a_protest_named_as_a_plan_or_topic_is_not_reported(spacy_nlp):
    assert code(spacy_nlp, "The union wants to organise a march next spring.") == []


def test_blocking_a_road_needs_named_protesters(spacy_nlp):
    # the object of "attend a rally" names the protest; the object of "block a road" does not
    assert code(spacy_nlp, "Two armoured vehicles blocked a road near the ministry.") == []


def test_soldiers_shooting_unnamed_is_conventional_force(spacy_nlp):
    event, = code(spacy_nlp, "On Monday soldiers opened fire on a car at a checkpoint.")
    assert event["event_type"] == "ASSAULT" and event["cameo"].startswith("19")


def test_who_calls_an_attack_disturbing_did_not_do_it(spacy_nlp):
    events = code(spacy_nlp, "Germany called the bombing of the market a crime against civilians.")
    assert all(codes(e["actor"]) != {"DEUGOV"} for e in events if e["event_type"] == "ASSAULT")
    events = code(spacy_nlp, "France investigated the shooting at the consulate.")
    assert all(codes(e["actor"]) != {"FRAGOV"} for e in events if e["event_type"] == "ASSAULT")


def test_an_option_weighed_is_no_act(spacy_nlp):
    assert code(spacy_nlp, "Japan is considering raising tariffs on steel from China.") == []
    assert code(spacy_nlp, "France is weighing new sanctions on Iran.") == []
    event, = code(spacy_nlp, "France imposed new sanctions on Iran.")
    assert event["event_type"] == "SANCTION"


def test_constituting_a_threat_is_a_characterization(spacy_nlp):
    doc = spacy_nlp("The cheap imports constitute a threat to the industry of Germany.")
    threat = next(t for t in doc if t.lower_ == "threat")
    match = Match(threat, {"id": "n-threat", "type": "THREATEN", "cameo": "130"}, "noun")
    assert named_not_reported(match, load_lexicon())
    assert code(spacy_nlp, "Germany said the cheap imports constitute a threat to its industry.") == []
