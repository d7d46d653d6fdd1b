"""Events of session 17's recall round (issue 19): investigations told by finding out, coercion
told by a reduced passive, resisting demands, and doers of refined CAMEO patterns.

Every sentence here was written for this file. Texts run through the real pipeline (nlp,
times, places, actors, events), loaded once for the session (``code_pipeline``).
"""

from __future__ import annotations

import pytest

from tests.conftest import coded_events as coded
from tests.conftest import event_kinds


def _types(events: list[dict]) -> list[str]:
    return sorted(e["event_type"] for e in events)


# ---------------------------------------------------------------- investigations by finding out
@pytest.mark.parametrize("text", [
    "Investigators found out who sold the rifle to the gunman.",
    "Police are working to determine why the gunman opened fire at the mall.",
    "Detectives hope to figure out how the hackers broke into the network.",
    "Detectives pieced together the motive for the robbery from text messages.",
    "The prosecutor is trying to determine whether the fire was set deliberately.",
])
def test_investigators_finding_out_investigate(code_pipeline, text):
    investigations = [e for e in coded(code_pipeline, text) if e["event_type"] == "ACCUSE"]
    assert [(e["cameo"], e["mode"]) for e in investigations] == [("090", "investigate")]


@pytest.mark.parametrize("text", [
    "Voters want to find out what the candidates think about taxes.",      # no investigator
    "The company is trying to figure out how to cut costs.",
    "Scientists are trying to determine the cause of the outbreak.",
    "Officers found out that the van had been stolen.",                     # a fact learnt, no question
    "The court will determine the fate of the refinery next month.",
])
def test_finding_out_by_others_or_of_a_fact_is_no_investigation(code_pipeline, text):
    assert [e for e in coded(code_pipeline, text) if e["event_type"] == "ACCUSE"] == []


def test_the_act_investigated_keeps_its_own_reading(code_pipeline):
    """The shooting a "why" question presupposes is still coded; the investigation is another event."""
    events = coded(code_pipeline, "Police are working to determine why the gunman opened fire at the mall.")
    assert event_kinds(events) == [("ACCUSE", "09"), ("ASSAULT", "18")]


def test_who_in_an_embedded_question_names_no_one(code_pipeline):
    """'who planted the bomb' asks for the doer: the investigators are not made the bombers (it was
    read as the investigators' threat to plant it)."""
    events = coded(code_pipeline, "Investigators are trying to find out who planted the bomb at the station.")
    assert _types(events) == ["ACCUSE"]


# ---------------------------------------------------------------- coercion told by a reduced passive
@pytest.mark.parametrize("text,expected", [
    ("Dozens of students arrested at the rally were released on Monday.", ["COERCE", "RETREAT"]),
    ("Five journalists detained in Cairo were freed on Sunday.", ["COERCE", "RETREAT"]),
    ("The activists jailed last year went on hunger strike.", ["COERCE", "PROTEST"]),
])
def test_a_participle_of_coercion_on_counted_persons_reports_it(code_pipeline, text, expected):
    assert _types(coded(code_pipeline, text)) == expected


@pytest.mark.parametrize("text", [
    "Lawyers for people detained without charge say the law is unjust.",   # any such people
    "The rules for people detained at the border are strict.",
])
def test_a_participle_on_persons_in_general_reports_no_coercion(code_pipeline, text):
    assert [e for e in coded(code_pipeline, text) if e["event_type"] == "COERCE"] == []


# ---------------------------------------------------------------- resisting demands is refusing them
@pytest.mark.parametrize("text", [
    "The Supreme Court has resisted the president's decrees on land reform.",
    "Ankara resisted pressure from Washington to drop the purchase.",
])
def test_resisting_demands_or_pressure_is_a_refusal(code_pipeline, text):
    assert event_kinds(coded(code_pipeline, text)) == [("REJECT", "12")]


@pytest.mark.parametrize("text", [
    "She resisted the urge to respond on television.",
    "The suspect resisted arrest and was tackled by officers.",
])
def test_resisting_an_urge_or_arrest_refuses_no_party(code_pipeline, text):
    assert [e for e in coded(code_pipeline, text) if e["event_type"] == "REJECT"] == []


# ---------------------------------------------------------------- doers of refined CAMEO patterns
@pytest.mark.parametrize("text", [
    "Alvarez condemned the bombing of the clinic.",
    "Maria Lopez condemned the attacks on the embassy.",
])
def test_a_name_the_actors_stage_does_not_know_condemns_an_attack(code_pipeline, text):
    """The CAMEO pattern "condemn + attack" only refines the code of parley's "condemn": the act
    is reported by a named person as the bare verb is ("Smith condemned Russia")."""
    assert [(e["event_type"], e["cameo"]) for e in coded(code_pipeline, text)] == [("ACCUSE", "111")]


# ---------------------------------------------------------------- protests told by their policing or their target
@pytest.mark.parametrize("text", [
    "Security forces detained dozens of students during a protest in Tbilisi.",
    "Police arrested dozens of people at a rally against the new law.",
])
def test_a_protest_that_is_the_scene_of_police_action_took_place(code_pipeline, text):
    events = coded(code_pipeline, text)
    assert _types(events) == ["COERCE", "PROTEST"]
    protest, = [e for e in events if e["event_type"] == "PROTEST"]
    assert protest["actor"] == []          # the police did not demonstrate


@pytest.mark.parametrize("text", [
    "Trump spoke at a rally in Ohio on Monday.",
    "Police will be on duty at the march on Saturday.",
    "Police arrested a man after a rally in the town.",
])
def test_a_rally_spoken_at_policed_in_future_or_before_is_no_protest(code_pipeline, text):
    assert [e for e in coded(code_pipeline, text) if e["event_type"] == "PROTEST"] == []


@pytest.mark.parametrize("text", [
    "The governor faced angry protests from teachers over the pension bill.",
    "The port faced a strike by dockworkers last week.",
    "The plan drew protests from farmers across the region.",
])
def test_protest_faced_or_drawn_is_reported(code_pipeline, text):
    assert event_kinds(coded(code_pipeline, text)) == [("PROTEST", "14")]


def test_a_match_faced_is_no_protest(code_pipeline):
    assert coded(code_pipeline, "The team faced a tough match against Chelsea.") == []


# ---------------------------------------------------------------- demands voiced by a demonstration
@pytest.mark.parametrize("text", [
    "Nurses outside the hospital held placards demanding safer staffing levels.",
    "Thousands of farmers carried banners demanding lower fuel prices.",
    "The rally demanded the release of the jailed activists.",
    "Saturday's demonstration called on the government to release the prisoners.",
])
def test_a_demand_voiced_by_a_demonstration_is_the_protest(code_pipeline, text):
    """PLOVER: demands via demonstrations are PROTEST, not REQUEST."""
    assert _types(coded(code_pipeline, text)) == ["PROTEST"]


def test_a_demand_made_in_a_demonstration_is_part_of_it(code_pipeline):
    events = coded(code_pipeline, "Police detained dozens at a rally in Yerevan, "
                                  "where students were demanding the release of their teachers.")
    assert _types(events) == ["COERCE", "PROTEST"]


@pytest.mark.parametrize("text,expected", [
    ("The company carried posters in its stores.", []),
    ("Supporters held up blue placards with the words of the slogan.", []),   # voice no demand
    ("The union called on members to vote in the election.", ["REQUEST"]),
    ("The rally that was called for Sunday was cancelled.", []),
])
def test_signs_and_calls_outside_a_demonstration_stay_as_they_were(code_pipeline, text, expected):
    assert _types(coded(code_pipeline, text)) == expected


# ---------------------------------------------------------------- seizing on a chance is no seizure
@pytest.mark.parametrize("text,expected", [
    ("Trump seized on the opportunity at a rally in Arizona.", []),
    ("The senator pounced on the remarks in a television interview.", []),
    ("Police seized two tons of cocaine on Tuesday.", ["COERCE"]),
])
def test_seizing_on_a_chance_or_words_is_no_seizure(code_pipeline, text, expected):
    assert _types(coded(code_pipeline, text)) == expected


# ---------------------------------------------------------------- a passive gerund of time reports the act
@pytest.mark.parametrize("text,expected", [
    ("The reporter returned to work a year after being shot in the head.", ["ASSAULT"]),
    ("He has been silent since being detained in March.", ["COERCE"]),
    ("He left the country without being arrested.", []),      # not done
    ("The app will be tested before being released to the public.", []),   # a product, not a prisoner
])
def test_a_passive_gerund_after_a_preposition_of_time_reports_the_act(code_pipeline, text, expected):
    assert _types(coded(code_pipeline, text)) == expected
