"""Events of session 17's root and precision round (issue 19): history a sentence dates from,
violence on unarmed persons, warnings of what an act would do, a protest's demands, and leaving an
agreement.

Every sentence here was written for this file. Texts run through the real pipeline (nlp, times,
places, actors, events), loaded once for the session (``code_pipeline``).
"""

from __future__ import annotations

import pytest

from tests.conftest import coded_events as coded
from tests.conftest import event_kinds


# ---------------------------------------------------------------- an act dated a year or more before
@pytest.mark.parametrize("text", [
    "The rally came a year after Britain withdrew from the treaty.",
    "Iran resumed enrichment a year after the United States imposed sanctions on its oil exports.",
    "Four years after she was shot in the head, the congresswoman is campaigning again.",
    "Violence has declined since the rebels laid down their arms in 2016.",
    "Attacks have fallen since 2014, when dozens of soldiers were killed by their own comrades.",
])
def test_an_act_dated_a_year_or_more_before_is_history(code_pipeline, text):
    """The clause dates the sentence's report from a past act; it reports nothing new."""
    kinds = event_kinds(coded(code_pipeline, text))
    assert not [k for k in kinds if k[0] in ("RETREAT", "SANCTION", "ASSAULT")]


@pytest.mark.parametrize("text,expected", [
    # days or weeks after: the news that led to the report
    ("The protests began days after police shot a teenager.", ("ASSAULT", "18")),
    # a date inside the clause is no distance
    ("Officials met the lawyer, sometime after the FBI raided his office last year.", ("COERCE", "17")),
    # "since" with no year: an act that opened what the report is about
    ("Since the rebels attacked the capital on Monday, thousands have fled.", ("ASSAULT", "19")),
])
def test_a_recent_act_or_a_date_inside_the_clause_stays_news(code_pipeline, text, expected):
    assert expected in event_kinds(coded(code_pipeline, text))


# ---------------------------------------------------------------- violence on persons who bear no arms
@pytest.mark.parametrize("text", [
    "Jihadists are killing Christians in the north of the country.",
    "Militants attacked a police station in the town on Monday.",
    "Islamist fighters abducted 40 schoolgirls.",
])
def test_an_armed_groups_violence_on_unarmed_persons_or_police_is_assault_18(code_pipeline, text):
    assert [k for k in event_kinds(coded(code_pipeline, text)) if k[0] == "ASSAULT"] == [("ASSAULT", "18")]


@pytest.mark.parametrize("text", [
    "Rebels attacked an army post near the border.",
    "Rebels attacked the town overnight.",
    "Rebels attacked a military convoy on the highway.",
])
def test_an_armed_groups_attack_on_armed_parties_or_places_stays_19(code_pipeline, text):
    assert [k for k in event_kinds(coded(code_pipeline, text)) if k[0] == "ASSAULT"] == [("ASSAULT", "19")]


def test_a_killing_in_a_relative_clause_takes_the_antecedents_weapon(code_pipeline):
    """"an attack with chemical weapons that killed ..." is the use of a chemical weapon (2041)."""
    events = coded(code_pipeline, "The government accused the regime of an attack with chemical weapons "
                                  "that killed 1,400 people.")
    assert [e["cameo"] for e in events if e["event_type"] == "ASSAULT"] == ["2041"]


# ---------------------------------------------------------------- a warning of what an act would do
@pytest.mark.parametrize("text", [
    "Iran warned that the sanctions could push oil prices higher.",
    "The minister warned that new tariffs would hurt farmers.",
])
def test_a_warning_of_what_an_act_would_do_is_no_threat(code_pipeline, text):
    assert [e for e in coded(code_pipeline, text) if e["event_type"] == "THREATEN"] == []


@pytest.mark.parametrize("text", [
    "China warned that sanctions would follow if Taiwan went ahead.",
    "Germany warned that it would expel the diplomats.",
    "The ministry warned that any attack would be answered.",
])
def test_a_warning_that_the_act_will_come_stays_a_threat(code_pipeline, text):
    assert [k for k in event_kinds(coded(code_pipeline, text)) if k[0] == "THREATEN"] == [("THREATEN", "13")]


# ---------------------------------------------------------------- a protest's demand
@pytest.mark.parametrize("text", [
    "Protesters called on the mayor to resign.",
    "Protesters urged the government to release the detainees.",
])
def test_what_a_protest_demands_is_no_act_of_anyone(code_pipeline, text):
    """The demand is the protest (PLOVER: demands via demonstrations are PROTEST); the resignation or
    release it asks for has not happened."""
    assert event_kinds(coded(code_pipeline, text)) == [("PROTEST", "14")]


def test_a_demand_by_others_is_still_a_request(code_pipeline):
    assert event_kinds(coded(code_pipeline, "The opposition called on the mayor to resign.")) == [("REQUEST", "02")]


# ---------------------------------------------------------------- leaving an agreement or a body
@pytest.mark.parametrize("text", [
    "The United States withdrew from the nuclear deal with Iran.",
    "Russia withdrew from the arms control treaty.",
    "The president pulled out of the nuclear deal.",
    "Washington announced its withdrawal from the treaty.",
    "The State Department withdrew most of its diplomatic personnel from the consulate.",
])
def test_leaving_an_agreement_or_withdrawing_diplomats_reduces_relations(code_pipeline, text):
    assert event_kinds(coded(code_pipeline, text)) == [("SANCTION", "16")]


@pytest.mark.parametrize("text", [
    "The army withdrew its troops from the town.",
    "Rebels withdrew from the city on Monday.",
])
def test_forces_leaving_ground_still_retreat(code_pipeline, text):
    assert event_kinds(coded(code_pipeline, text)) == [("RETREAT", "08")]


# ---------------------------------------------------------------- a decision announces the act
@pytest.mark.parametrize("text,expected", [
    # an announced retreat is CONCEDE (PLOVER), an intent to yield (CAMEO 035), as "will withdraw" is
    ("The United States decided to withdraw its troops from Syria.", [("CONCEDE", "03")]),
    # a sanction decided is the sanction, no threat
    ("Washington decided to impose sanctions on Moscow.", [("SANCTION", "16")]),
    ("The government decided to hold talks with the rebels.", [("AGREE", "03")]),
])
def test_a_decision_to_act_announces_the_act(code_pipeline, text, expected):
    assert event_kinds(coded(code_pipeline, text)) == expected


def test_denying_that_a_decision_was_made_is_no_refusal(code_pipeline):
    """"denied that X had decided to withdraw" says the withdrawal is not on the way; it is no
    refusal by X, which "X said it would not withdraw" is."""
    from parley.evaluate import is_negated
    from parley.events import code_records

    def reported(text: str) -> list[tuple[str, str]]:
        record, = code_records([{"id": "t", "text": text, "date": "2019-05-01"}], code_pipeline)
        return event_kinds([e for e in record["events"] if not is_negated(e)])

    assert reported("The minister denied that the government had decided to withdraw its troops.") == []
    assert reported("Iran said it would not attend the talks.") == [("REJECT", "12")]


# ---------------------------------------------------------------- stepping back is no military retreat
@pytest.mark.parametrize("text", [
    "The nominee withdrew from consideration for the post.",
    "The senator withdrew from the presidential race on Sunday.",
    "Three prosecutors withdrew from the case.",
    "The insurer is withdrawing from the state's market.",
    "Several news organizations have pulled out of the dinner.",
    "The ambassador withdrew her name from consideration.",
])
def test_stepping_back_from_a_race_a_case_or_a_market_is_no_retreat(code_pipeline, text):
    assert coded(code_pipeline, text) == []


@pytest.mark.parametrize("text,expected", [
    ("Rebels withdrew from the city on Monday.", [("RETREAT", "08")]),
    ("Russia pulled out of the talks.", [("SANCTION", "16")]),
])
def test_leaving_ground_or_talks_still_codes(code_pipeline, text, expected):
    assert event_kinds(coded(code_pipeline, text)) == expected


@pytest.mark.parametrize("text,retreats", [
    ("Ms. Rice withdrew after weeks of criticism.", 0),           # a person stepping back
    ("Trump withdrew from Syria last year.", 1),                  # from a place
    ("The rebels withdrew overnight.", 1),                        # an armed group
])
def test_a_person_withdrawing_nothing_from_nowhere_is_no_retreat(code_pipeline, text, retreats):
    assert len([e for e in coded(code_pipeline, text) if e["event_type"] == "RETREAT"]) == retreats


# ---------------------------------------------------------------- verbs of reference
@pytest.mark.parametrize("text", [
    "The minister cited last week's attack on the embassy as evidence of the threat.",
    "The spokesman did not detail any plans to send aid.",
])
def test_a_verb_of_reference_does_not_do_the_act_it_names(code_pipeline, text):
    """CAMEO's patterns for "reported an attack" or "announced aid" are not those of "cite" or "detail"."""
    assert [e for e in coded(code_pipeline, text) if e["trigger"]["text"].lower() in ("cited", "detail")] == []


@pytest.mark.parametrize("text,expected", [
    ("The European Union expressed opposition to the plan.", [("ACCUSE", "11")]),   # the pattern's own verb
    ("The government announced sanctions on Belarus.", [("SANCTION", "16")]),
])
def test_the_patterns_own_verbs_keep_their_codes(code_pipeline, text, expected):
    assert event_kinds(coded(code_pipeline, text)) == expected


# ---------------------------------------------------------------- a party's past, told in a relative clause
@pytest.mark.parametrize("text", [
    "The mayor, whose son was killed by a police officer in 1999, told reporters she would attend.",
    "The general, who led the invasion of Iraq in 2003, met the president on Monday.",
    "Police arrested a man who attacked a mosque in 2015.",
])
def test_a_relative_clause_dated_years_before_tells_who_a_party_is(code_pipeline, text):
    kinds = event_kinds(coded(code_pipeline, text))
    assert not [k for k in kinds if k[0] == "ASSAULT"]


@pytest.mark.parametrize("text,expected", [
    # a recent act in the clause is news
    ("The activist, who was arrested by police on Saturday, spoke to reporters.", ("COERCE", "17")),
    # a clause on an event, not a party, tells the event itself
    ("Consider a 2014 raid in which police threw a stun grenade into a bedroom.", ("COERCE", "17")),
])
def test_a_recent_act_or_a_clause_on_an_event_stays(code_pipeline, text, expected):
    assert expected in event_kinds(coded(code_pipeline, text))
