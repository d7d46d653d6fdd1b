"""Events of session 17 (issue 19): classes left from earlier rounds.

Casualties told by nouns: an act whose harm alone is told ("the death toll from the bombing rose",
"the attack left five dead") took place. Every sentence here was written for this file; texts run
through the real pipeline (nlp, times, places, actors, events), loaded once for the session.
"""

from __future__ import annotations

import pytest

from tests.conftest import coded_events as coded
from tests.conftest import event_kinds


# ---------------------------------------------------------------- casualties told by nouns
@pytest.mark.parametrize("text", [
    "The death toll from the car bombing near the stadium rose to 14 on Tuesday.",
    "The toll from last week's suicide attack on the barracks has climbed to 22.",
    "The shelling left seven dead, the provincial governor said.",
    "The ambush left three soldiers dead and four wounded.",
])
def test_the_harm_of_an_act_says_it_took_place(code_pipeline, text):
    assert [kind for kind, root in event_kinds(coded(code_pipeline, text))] == ["ASSAULT"]


@pytest.mark.parametrize("text", [
    "The death toll from the flooding in the valley rose to 40.",      # no act of anyone
    "The storm left six people dead on the coast.",
    "The toll of the pandemic keeps rising.",
])
def test_a_toll_of_no_act_is_no_event(code_pipeline, text):
    assert coded(code_pipeline, text) == []


# ---------------------------------------------------------------- criticism in quoted speech
@pytest.mark.parametrize("text,country", [
    ('"This pipeline deal is a betrayal of Europe," the Polish prime minister said.', "POL"),
    ("The Polish prime minister said the pipeline deal was a betrayal of Europe.", "POL"),
    ('"The new tariffs are reckless and irresponsible," the Canadian prime minister told reporters.', "CAN"),
])
def test_a_speaker_who_condemns_in_quoted_or_reported_speech_accuses(code_pipeline, text, country):
    """PLOVER ACCUSE: disapprove, criticize; the speaker is its actor."""
    accusations = [e for e in coded(code_pipeline, text) if e["event_type"] == "ACCUSE"]
    assert [(e["cameo"], [a.get("country") for a in e["actor"]]) for e in accusations] == [("111", [country])]


@pytest.mark.parametrize("text", [
    '"The talks were useful and frank," the Canadian prime minister told reporters.',
    "The police chief said the shooting was a terrorist attack.",      # classifies an act: no charge
])
def test_speech_that_condemns_nothing_is_no_accusation(code_pipeline, text):
    assert [e for e in coded(code_pipeline, text) if e["event_type"] == "ACCUSE"] == []


# ---------------------------------------------------------------- "they" as the doer (reference.plural)
@pytest.mark.parametrize("text,actors", [
    ("Chile and Peru signed a fishing accord in Lima on Monday.\nThey also agreed to hold annual talks.",
     ["CHL", "PER"]),
    ("Norway and Sweden condemned the test on Friday.\nThey urged Moscow to halt further launches.",
     ["NOR", "SWE"]),
])
def test_they_continues_the_coordinated_subject_of_the_sentence_before(code_pipeline, text, actors):
    later = [e for e in coded(code_pipeline, text) if e["trigger"]["sentence"] == 1]
    assert later and all(sorted(a.get("country") for a in e["actor"]) == actors for e in later)


def test_they_after_a_single_party_is_left_to_the_coder(code_pipeline):
    """One party in the singular is no antecedent of "they": the rule names none."""
    later = [e for e in coded(code_pipeline, "Chile signed a fishing accord in Lima on Monday.\n"
                                             "They also agreed to hold annual talks with Peru.")
             if e["trigger"]["sentence"] == 1]
    assert later and all(sorted(a.get("country") for a in e["actor"]) != ["CHL", "PER"] for e in later)
