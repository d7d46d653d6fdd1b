"""Events real newswire reports that the coder missed (issue 19, session 16 recall round):
constructions of English, not sentence rules.

Every sentence here was written for this file. Texts run through the real pipeline (nlp,
times, places, actors, events).
"""

from __future__ import annotations

import pytest

from tests.conftest import coded_events as coded


def _types(events) -> list[tuple[str, str]]:
    return sorted((e["event_type"], e["cameo"][:2]) for e in events)


# ---------------------------------------------------------------- attacks told by their casualties
@pytest.mark.parametrize("text", [
    # a person named by a relation, acted on in the agentless passive
    "The senator's son was also injured, police said.",
    "His brother was killed in Iraq in 2006.",
    # the act named in the "in" phrase of a death, or of a wounding denied
    "Four people died in the attack on the market.",
    "No one was hurt in the attack on the police station.",
    "Nobody was killed in the bombing, officials said.",
    # a rampage or a spree of killing
    "A shooting rampage at a mall left seven people wounded.",
    "A stabbing spree left four people dead.",
    "The gunman went on a rampage in the town square.",
])
def test_an_attack_told_by_its_casualties_is_reported(code_pipeline, text):
    assert _types(coded(code_pipeline, text)) == [("ASSAULT", "18")]


@pytest.mark.parametrize("text", [
    "The minister was not injured in the car crash.",     # an accident, no act
    "No one died in the fire.",                           # a fire, no act
    "His brother was injured in a road accident.",        # a relation, but an accident
    "The prices went on a rampage last year.",            # no spree of violence
])
def test_deaths_and_injuries_with_no_act_stay_uncoded(code_pipeline, text):
    assert coded(code_pipeline, text) == []


def test_a_denied_injury_leaves_the_attack_asserted(code_pipeline):
    """The negation of "was not injured" is the harm's: the blast is coded, and not as negated."""
    events = coded(code_pipeline, "The ambassador was not injured in the blast.")
    assert [(e["event_type"], e["trigger"]["text"], e["modality"]) for e in events] == \
        [("ASSAULT", "blast", "asserted")]


def test_a_killing_told_with_its_attack_is_one_event(code_pipeline):
    assert _types(coded(code_pipeline, "Two people were killed in the bombing.")) == [("ASSAULT", "18")]


# ---------------------------------------------------------------- forces deployed without a sender
@pytest.mark.parametrize("text,expected", [
    ("About 2,000 troops fanned out across the capital on Sunday.", ("MOBILIZE", "15")),
    ("Police fanned out across the city after the explosion.", ("MOBILIZE", "15")),
])
def test_forces_that_fan_out_are_deployed(code_pipeline, text, expected):
    assert _types(coded(code_pipeline, text)) == [expected]


def test_a_fan_that_spreads_out_is_no_deployment(code_pipeline):
    assert coded(code_pipeline, "The fans fanned out across the stadium after the match.") == []


# ---------------------------------------------------------------- doers named by their camp or their brief
@pytest.mark.parametrize("text,expected", [
    ("Opponents of the law condemned the vote.", ("ACCUSE", "11")),
    ("The bill was criticized by opponents in the senate.", ("ACCUSE", "11")),
    ("Lawyers for the family accused the city of negligence.", ("ACCUSE", "11")),
    ("Negotiators met for a third day in Doha.", ("CONSULT", "04")),
    ("The two delegations held talks in Cairo.", ("CONSULT", "04")),
])
def test_a_doer_named_by_camp_or_brief_does_what_is_reported(code_pipeline, text, expected):
    assert _types(coded(code_pipeline, text)) == [expected]


# ---------------------------------------------------------------- agreeing with a view endorses it
@pytest.mark.parametrize("text,expected", [
    ("The committee agreed with the panel's findings on Tuesday.", ("SUPPORT", "05")),
    ("The minister agreed with the court's decision.", ("SUPPORT", "05")),
    ("Iran agreed with Russia on a timetable for the talks.", ("AGREE", "03")),   # with a party
])
def test_agreeing_with_a_view_is_endorsement_and_with_a_party_agreement(code_pipeline, text, expected):
    assert _types(coded(code_pipeline, text)) == [expected]


# ---------------------------------------------------------------- protest and coercion told by what was done
@pytest.mark.parametrize("text,expected", [
    ("Nurses walked off the job at three hospitals.", ("PROTEST", "14")),
    ("Protesters camped outside the parliament for a second night.", ("PROTEST", "14")),
    ("Demonstrators sat in the road outside the ministry.", ("PROTEST", "14")),
    ("Police searched the home of the opposition leader.", ("COERCE", "17")),
    ("Troops surrounded the town of Idlib.", ("COERCE", "19")),
    ("Airstrikes pounded rebel positions in the south.", ("ASSAULT", "19")),
])
def test_protest_and_force_told_by_what_was_done(code_pipeline, text, expected):
    assert _types(coded(code_pipeline, text)) == [expected]


@pytest.mark.parametrize("text", [
    "Volunteers searched the house for survivors.",       # no police, no raid
    "Heavy rain pounded the coast on Sunday.",            # weather
])
def test_the_same_verbs_in_other_hands_code_nothing(code_pipeline, text):
    assert coded(code_pipeline, text) == []


# ---------------------------------------------------------------- aid and shows of force the lexicon lacked
@pytest.mark.parametrize("text,expected", [
    ("The EU released 500 million euros in aid to Greece.", ("AID", "07")),
    ("India dispatched relief supplies to Nepal after the earthquake.", ("AID", "07")),
    ("Germany took in 500 migrants from the boat.", ("AID", "07")),
    ("Britain wrote off the debt of Ghana.", ("AID", "07")),
    ("The army placed its troops on high alert.", ("MOBILIZE", "15")),
    ("North Korea moved missiles to its east coast.", ("MOBILIZE", "15")),
    ("Russia moved troops to the border with Ukraine.", ("MOBILIZE", "15")),
])
def test_aid_and_shows_of_force_are_read(code_pipeline, text, expected):
    assert _types(coded(code_pipeline, text)) == [expected]


@pytest.mark.parametrize("text", [
    "The company moved its headquarters to Dublin.",          # no forces
    "The bank wrote off bad loans worth 2 billion dollars.",  # a bank's books, no party helped
])
def test_moves_and_write_offs_of_no_party_code_nothing(code_pipeline, text):
    assert coded(code_pipeline, text) == []


# ---------------------------------------------------------------- "there was": an act said to have taken place
@pytest.mark.parametrize("text,expected", [
    ("There have been protests in Tehran since Friday.", ("PROTEST", "14")),
    ("There was a bombing at the market on Sunday.", ("ASSAULT", "18")),
])
def test_an_act_that_there_was_took_place(code_pipeline, text, expected):
    assert _types(coded(code_pipeline, text)) == [expected]


def test_there_was_none_is_negated(code_pipeline):
    """The "no" of the noun is counted once: no attack took place."""
    assert coded(code_pipeline, "There have been no attacks on the base since May.") == []


def test_a_predicate_noun_still_characterizes(code_pipeline):
    assert coded(code_pipeline, "This was an attack on the free press.") == []


# ---------------------------------------------------------------- violence the lexicon lacked; weapons that hit
@pytest.mark.parametrize("text", [
    "Gunmen stabbed a man in Paris.",
    "A police officer was stabbed outside the station.",
    "Police officers beat a journalist in Cairo.",
    "Soldiers raped women in the village in Darfur.",
    "A man assaulted a police officer in London.",
    "Attackers hacked a villager to death in Nigeria.",
    "The convoy was hit by a roadside bomb near Kandahar.",
    "A missile struck a hospital in Idlib.",
    "Three soldiers were wounded when their vehicle hit a mine.",
])
def test_violence_against_persons_and_places_is_an_attack(code_pipeline, text):
    # CAMEO 18 or 19 by the weapons and the parties (hardnews.unconventional_code)
    assert [e["event_type"] for e in coded(code_pipeline, text)] == ["ASSAULT"]


@pytest.mark.parametrize("text", [
    "The Lakers beat the Celtics on Sunday.",            # a game won
    "The stock beat expectations.",
    "The storm hit the coast.",                           # weather
    "The strike hit the car industry hard.",              # a labour strike
    "Lightning struck the tower.",
])
def test_beating_and_hitting_in_other_senses_code_nothing(code_pipeline, text):
    assert coded(code_pipeline, text) == []


# ---------------------------------------------------------------- a cause told by what it set off
@pytest.mark.parametrize("text,expected", [
    ("The killing of the journalist sparked outrage in Turkey.", [("ASSAULT", "18")]),
    ("The shooting of the teenager sparked riots in the suburb.", [("ASSAULT", "18"), ("PROTEST", "14")]),
])
def test_an_act_that_set_something_off_took_place(code_pipeline, text, expected):
    assert _types(coded(code_pipeline, text)) == expected


@pytest.mark.parametrize("text", [
    "An attack on the embassy could trigger a wider war.",     # a possible cause
    "Any arrest of the leader would spark protests.",
])
def test_a_cause_that_might_set_something_off_is_no_report(code_pipeline, text):
    assert coded(code_pipeline, text) == []


# ---------------------------------------------------------------- requests by lobbying, scorn in words, towns taken
@pytest.mark.parametrize("text,expected", [
    ("Germany lobbied Brussels to ease the rules.", [("REQUEST", "10")]),
    ("The president berated the press over its coverage.", [("ACCUSE", "11")]),
    ("The minister derided the opposition leader in parliament.", [("ACCUSE", "11")]),
    ("The rebels took the town of Kidal on Sunday.", [("ASSAULT", "19")]),
])
def test_requests_scorn_and_towns_taken_are_read(code_pipeline, text, expected):
    assert _types(coded(code_pipeline, text)) == expected


@pytest.mark.parametrize("text", [
    "The company took the city by surprise with its new product.",   # no armed party
    "Our readers lobbied hard.",                                      # no act asked for
    "The comedians mocked the president on their show.",              # mockery is no verb of criticism here
])
def test_taking_and_lobbying_without_their_parts_code_nothing(code_pipeline, text):
    assert coded(code_pipeline, text) == []


# ---------------------------------------------------------------- criticism through a noun of evidence or kind
@pytest.mark.parametrize("text", [
    "Opposition leaders said the ruling was evidence of bias against the minority.",
    "The mayor said the attack was an act of cowardice.",
])
def test_a_condemning_word_carried_by_evidence_or_kind_is_criticism(code_pipeline, text):
    assert _types(coded(code_pipeline, text)) == [("ACCUSE", "11")]


@pytest.mark.parametrize("text", [
    "The minister said the results were a sign of progress.",     # praise
    "Police said the fire was an act of arson.",                  # a classification
])
def test_evidence_of_no_wrong_or_a_classification_is_no_criticism(code_pipeline, text):
    assert coded(code_pipeline, text) == []


def test_an_act_in_the_that_clause_of_an_allegation_is_its_grounds(code_pipeline):
    """The assault is what the allegation states, not an act the sentence reports."""
    text = "The video supports her allegation that the senator assaulted a staffer in 2015."
    assert "ASSAULT" not in [e["event_type"] for e in coded(code_pipeline, text)]


def test_an_act_in_the_that_clause_of_a_report_is_still_read(code_pipeline):
    text = "The report that soldiers shot protesters was confirmed by the army."
    assert [e["event_type"] for e in coded(code_pipeline, text)] == ["ASSAULT"]
