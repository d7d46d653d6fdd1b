"""Events a sentence names but does not report (issue 19, ninth round: precision by mechanism).

Every sentence here was written for this file. Texts run through the real pipeline (nlp,
times, places, actors, events), so the parties are the actors stage's mentions.
"""

from __future__ import annotations

import pytest

from tests.conftest import coded_events as coded


def kinds(events: list[dict]) -> list[tuple[str, str]]:
    return [(e["event_type"], e["cameo"][:2]) for e in events]


# ---------------------------------------------------------------- the aim of an act is not an act
@pytest.mark.parametrize("text,expected", [
    ("Turkey sent two brigades to Kilis on Monday to repel the militants.", ("MOBILIZE", "15")),
    ("Kenyan police fired tear gas in Nairobi to break up the march.", ("COERCE", "17")),
    ("France imposed new sanctions on Mali on Friday to punish the junta.", ("SANCTION", "16")),
])
def test_an_infinitive_of_purpose_is_the_aim_of_the_act_not_an_act(code_pipeline, text, expected):
    assert kinds(coded(code_pipeline, text)) == [expected]


def test_an_infinitive_of_purpose_alone_in_its_sentence_is_still_coded(code_pipeline):
    # no act above it: "to protest" is what the sentence reports (a protest)
    events = coded(code_pipeline, "Thousands of Chileans protested in Santiago on Sunday against the pension law.")
    assert kinds(events) == [("PROTEST", "14")]


# ---------------------------------------------------------------- a party's own "could" is a threat
def test_a_partys_own_could_stays_a_threat(code_pipeline):
    # PLOVER: ASSAULT + hypothetical, said by its doer, is THREATEN
    assert kinds(coded(code_pipeline, "Serbia said it could attack Kosovo.")) == [("THREATEN", "13")]


# ---------------------------------------------------------------- a judgment on a known event
@pytest.mark.parametrize("text,expected", [
    # the raid is not reported; the lawyers' calling it illegal is their criticism (session 15,
    # evaluative speech: tests/test_events_evaluative.py)
    ("The raid on the Mosul prison was illegal, the lawyers of the inmates argued.", [("ACCUSE", "11")]),
    ("Brazil's boycott of the summit is understandable.", []),
])
def test_a_judgment_on_a_named_event_is_no_report_of_it(code_pipeline, text, expected):
    assert kinds(coded(code_pipeline, text)) == expected


@pytest.mark.parametrize("text", [
    "The envoy said the ceasefire had created a good climate for negotiations between the parties.",
    "Ghana's minister presented his case for more foreign aid to the donors.",
])
def test_an_event_noun_that_says_what_a_thing_is_for_is_no_event(code_pipeline, text):
    assert coded(code_pipeline, text) == []


def test_what_a_thing_is_for_under_an_obligation_is_what_is_asked(code_pipeline):
    events = coded(code_pipeline, "Egypt said Israel must set a clear timeline for the withdrawal of its troops from Gaza.")
    assert [(e["event_type"], e["underlying_type"]) for e in events] == [("REQUEST", "RETREAT")]


def test_an_event_noun_as_subject_of_an_event_verb_is_still_coded(code_pipeline):
    events = coded(code_pipeline, "Protests erupted in Caracas on Tuesday after the vote.")
    assert kinds(events) == [("PROTEST", "14")]


# ---------------------------------------------------------------- an act made possible is not done
@pytest.mark.parametrize("text", [
    "The new rules will allow Polish jets to strike targets in Belarus.",
    "The accord permits Greek warships to blockade the port.",
])
def test_the_complement_of_a_permission_verb_is_no_act(code_pipeline, text):
    assert [e for e in coded(code_pipeline, text) if e["event_type"] in ("ASSAULT", "COERCE", "THREATEN")] == []


# ---------------------------------------------------------------- eleventh round: a named event as a topic
@pytest.mark.parametrize("text", [
    "The bombing of the Kabul wedding hall by the Taliban was the worst attack on civilians this year.",
    "The shelling of Aleppo by government forces helped convince European leaders that sanctions were needed.",
    "The Turkish raid on the Kurdish village fits a pattern the monitors describe in their report.",
    "The documentary depicts the siege of Sarajevo by Serb forces through the eyes of a baker.",
])
def test_a_named_event_that_is_the_topic_of_a_comment_is_no_report_of_it(code_pipeline, text):
    # the subject of a judgment or of a verb of significance, the object of a verb of depiction
    assert coded(code_pipeline, text) == []


@pytest.mark.parametrize("text,expected", [
    ("The shelling of Aleppo by government forces killed nine civilians on Monday.", ("ASSAULT", "19")),
    ("The Turkish raid on the Kurdish village began before dawn, residents said.", ("COERCE", "17")),
])
def test_a_named_event_whose_verb_says_it_happened_is_still_coded(code_pipeline, text, expected):
    assert kinds(coded(code_pipeline, text)) == [expected]


@pytest.mark.parametrize("text", [
    "The government's latest package of sanctions against Iran has pushed the Iranian economy into a deep recession.",
    "Commentators mocked the clumsy response to the demonstrations against the French police.",
])
def test_an_event_named_by_its_target_alone_in_a_phrase_is_a_reference(code_pipeline, text):
    # no doer, only whom it was aimed at, inside "a package of", "a response to": what the
    # phrase refers to, not an event the sentence reports
    assert coded(code_pipeline, text) == []


def test_an_event_named_by_its_target_where_a_reported_act_happened_is_its_scene(code_pipeline):
    events = coded(code_pipeline, "Forty students were arrested during a demonstration against the Kenyan government "
                                  "in Nairobi on Friday.")
    assert kinds(events) == [("COERCE", "17")]


# ---------------------------------------------------------------- declining to comment, asking a question
@pytest.mark.parametrize("text", [
    "Iran refused to comment.",
    "Asked whether Iran would retaliate, the Iranian foreign minister declined to comment.",
    "The Egyptian foreign ministry refused to say whether the envoy had met Hamas leaders.",
])
def test_declining_to_comment_is_a_statement_not_a_rejection(code_pipeline, text):
    # CAMEO 011 "decline comment": a public statement, which PLOVER does not code
    assert coded(code_pipeline, text) == []


@pytest.mark.parametrize("text", [
    "The Kenyan senator asked the army chief if troops would stay in Somalia.",
    "Reporters asked the Chinese ambassador whether Beijing would impose tariffs on Australian wine.",
    "Japan asked China what its navy was doing near the islands.",
])
def test_asking_a_question_is_no_request(code_pipeline, text):
    assert coded(code_pipeline, text) == []


@pytest.mark.parametrize("text,expected", [
    ("The Kenyan senator asked the army chief to keep troops in Somalia.", ("REQUEST", "02")),
    ("Iran refused to attend the talks in Geneva.", ("REJECT", "12")),
])
def test_asking_someone_to_act_and_refusing_to_act_stay_events(code_pipeline, text, expected):
    assert kinds(coded(code_pipeline, text)) == [expected]


# ---------------------------------------------------------------- a toll over a period is a statistic
@pytest.mark.parametrize("text", [
    "Al-Shabaab has killed more than 4,000 people since its insurgency began in 2007.",
    "The UN says more than 9,000 civilians have been killed in Ukraine's war.",
])
def test_a_toll_over_a_period_or_a_whole_war_is_a_statistic(code_pipeline, text):
    assert coded(code_pipeline, text) == []


def test_a_killing_on_a_day_is_still_an_event(code_pipeline):
    events = coded(code_pipeline, "Al-Shabaab killed 12 Kenyan soldiers near Lamu on Tuesday.")
    assert [e["event_type"] for e in events] == ["ASSAULT"]


# ---------------------------------------------------------------- a copula is no act of its subject
def test_a_subject_pattern_does_not_read_a_copula(code_pipeline):
    # CAMEO's "&MILITARY *" (REMAIN, 150) is troops staying put, not troops being something
    assert coded(code_pipeline, "Nigerian soldiers remain a target for jihadists in the northeast.") == []


# ---------------------------------------------------------------- a participle clause takes its clause's tense
def test_a_participle_clause_of_a_past_act_is_not_a_future_act(code_pipeline):
    # published on a Saturday; "Monday night" read forward must not make the past arrests a future threat
    text = ("Kenyan police opened fire to disperse opposition demonstrators on Monday night, killing one person "
            "and arresting 12, security sources said.")
    events = coded(code_pipeline, text, date="2000-01-01")
    assert "THREATEN" not in [e["event_type"] for e in events]
    assert "COERCE" in [e["event_type"] for e in events]


# ---------------------------------------------------------------- an event prepared for is expected, not done
@pytest.mark.parametrize("text", [
    "Villagers near Kilis braced for an attack by Syrian government forces.",
    "The Kenyan army is preparing a major offensive against al-Shabaab in Jubaland.",
])
def test_an_event_prepared_for_or_braced_for_has_not_happened(code_pipeline, text):
    assert coded(code_pipeline, text) == []


def test_an_offensive_launched_is_reported(code_pipeline):
    events = coded(code_pipeline, "Kenyan troops launched a major offensive against al-Shabaab in Jubaland on Monday.")
    assert kinds(events) == [("ASSAULT", "19")]
