"""Classes of false events read in fresh9 (issue 19): an act named as the topic of telling,
learning or examining is no report of it.

Every sentence here was written for this file. Texts run through the real pipeline (nlp,
times, places, actors, events).
"""

from __future__ import annotations

import pytest

from tests.conftest import coded_events as coded
from tests.conftest import event_kinds as kinds


# ---------------------------------------------------------------- an act as the topic of talk or inquiry
@pytest.mark.parametrize("text", [
    "The Senate opened a hearing on the Kabul bombing on Tuesday.",
    "The White House knew of the attack on the embassy weeks in advance.",
    "Senators questioned the general about the Gaza airstrike.",
])
def test_an_act_named_as_a_topic_is_not_coded(code_pipeline, text):
    assert coded(code_pipeline, text) == []


@pytest.mark.parametrize("text,expected", [
    ("The army launched an attack on the rebel town on Monday.", ("ASSAULT", "19")),
    ("Police arrested two men after the attack on the embassy.", ("COERCE", "17")),
    ("Britain launched an inquiry into the killing of the journalist.", ("ACCUSE", "09")),
    ("Lavrov told reporters about the talks with Kerry in Geneva.", ("CONSULT", "04")),
])
def test_an_act_reported_is_still_coded(code_pipeline, text, expected):
    assert expected in kinds(coded(code_pipeline, text))


# ---------------------------------------------------------------- "gather" with an object collects
def test_gathering_things_is_no_meeting(code_pipeline):
    assert coded(code_pipeline, "Investigators gathered evidence from the site for three days.") == []


def test_people_who_gather_still_meet(code_pipeline):
    assert ("CONSULT", "04") in kinds(coded(code_pipeline, "European leaders gathered in Brussels on Friday."))


# ---------------------------------------------------------------- headings name topics; dated captions report
@pytest.mark.parametrize("text", ["EMBASSY BOMBING ATTACKS TIMELINE",
                                  "Live Coverage: Harbour Attack Under Scrutiny"])
def test_a_heading_with_no_verb_and_no_date_codes_nothing(code_pipeline, text):
    assert coded(code_pipeline, text) == []


def test_a_dated_caption_still_reports_its_act(code_pipeline):
    events = coded(code_pipeline, "Taliban attack on a police post in Kandahar on Tuesday.")
    assert ("ASSAULT", "18") in kinds(events)


# ---------------------------------------------------------------- an effort names its aim, not its result
@pytest.mark.parametrize("text", [
    "Her visit was part of a push to win support from Turkey for the pipeline.",
    "The envoy made a fresh effort to win support from Egypt for the truce.",
])
def test_the_aim_of_an_effort_is_not_coded(code_pipeline, text):
    assert coded(code_pipeline, text) == []


def test_support_won_is_still_coded(code_pipeline):
    assert ("SUPPORT", "05") in kinds(coded(code_pipeline, "The envoy won support from Egypt for the truce on Monday."))


# ---------------------------------------------------------------- a kind of people named by what they underwent
@pytest.mark.parametrize("text", [
    "Activists keep a long list of protesters killed by police.",
    "He spoke of the farmers that the army had killed in the north.",
    "The memorial names the reporters that the regime had jailed.",
])
def test_people_sorted_by_what_they_underwent_report_no_act(code_pipeline, text):
    assert coded(code_pipeline, text) == []


@pytest.mark.parametrize("text,expected", [
    ("The bodies of 22 people killed by the gunmen were buried.", ("ASSAULT", "19")),
    ("The gunmen killed 22 villagers who had fled the fighting.", ("ASSAULT", "19")),
])
def test_counted_victims_and_main_clauses_still_report(code_pipeline, text, expected):
    assert expected in kinds(coded(code_pipeline, text))


# ---------------------------------------------------------------- a warning noun of another's act is no threat
@pytest.mark.parametrize("text", [
    "There were warnings from Kabul that the Taliban would attack the base.",
    "The newspaper published warnings of the minister that Hamas would fire rockets at the city.",
])
def test_a_warning_of_what_another_party_will_do_is_no_threat(code_pipeline, text):
    assert "THREATEN" not in {event_type for event_type, _ in kinds(coded(code_pipeline, text))}


@pytest.mark.parametrize("text", [
    "There were warnings from Turkey that Turkish jets would strike the militia.",
    "Turkey's warning that it would strike the militia came on Monday.",
])
def test_a_warning_of_the_warners_own_act_is_a_threat(code_pipeline, text):
    assert ("THREATEN", "13") in kinds(coded(code_pipeline, text))
