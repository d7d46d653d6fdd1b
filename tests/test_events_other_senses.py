"""Event words in another sense, and acts a sentence speaks of without reporting them (issue 19,
session 15: precision on unseen news).

Every sentence here was written for this file. Each rule is tested beside a sentence of the
same verb or construction that must stay coded, so that a rule firing on every use would fail.
Texts run through the real pipeline (nlp, times, places, actors, events).
"""

from __future__ import annotations

import pytest

from parley.events.lexicon import GOVERNORS_PATH, PREDICATES_PATH, load_lexicon, load_senses
from parley.knowledge import KnowledgeError
from tests.conftest import coded_events as coded


def kinds(events: list[dict]) -> list[tuple[str, str]]:
    return sorted((e["event_type"], e["cameo"][:2]) for e in events)


# ---------------------------------------------------------------- senses that name no event (senses.yaml)
@pytest.mark.parametrize("text", [
    # a step or a state of affairs "threatens" what it puts at risk: no one threatens anyone
    "Beijing's decision threatened to push tensions between China and Japan higher.",
    # a warning to the public is advice, not a threat to a party
    "Kenyan police warned residents of Nairobi to stay indoors after dark.",
    "The Turkish army warned villagers near the Syrian border to stay away from the fence.",
    # fighting a tax in court or a fire is opposition or a struggle with no armed party
    "The Kenyan government fought the new tax in the courts of Nairobi for two years.",
    "Greece is fighting wildfires north of Athens.",
    # a country hosting an installation receives no visitor
    "Bahrain hosts the headquarters of the US Navy's Fifth Fleet.",
    # "demonstrated that ...": something shown, no protest
    "The Iranian president demonstrated to his rivals that he controls the army.",
    # what a dispute hurts it harms; a threat that is a danger is no act of threatening
    "The trade dispute hurt exporters in China and Japan.",
    "Kenya and Somalia spoke of the growing terrorist threat in the region.",
    "Officials in Seoul say Pyongyang's missile threat is rising.",
    # a campaign rally is no demonstration
    "Trump spoke at a campaign rally in Ohio on Monday.",
])
def test_an_event_verb_in_a_sense_that_names_no_event_codes_nothing(code_pipeline, text):
    assert coded(code_pipeline, text) == []


@pytest.mark.parametrize("text,expected", [
    ("North Korea threatened to fire missiles at Japan.", [("THREATEN", "13")]),
    ("Israel warned Hamas against any new rocket fire.", [("THREATEN", "13")]),
    ("Ukrainian troops fought Russian forces near Bakhmut.", [("ASSAULT", "19")]),
    ("Qatar hosted the Iranian foreign minister in Doha on Monday.", [("CONSULT", "04")]),
    ("Thousands of Kenyans demonstrated in Nairobi against the new tax.", [("PROTEST", "14")]),
    ("The bomb hurt twenty people in Kabul.", [("ASSAULT", "18")]),
    ("Iran renewed its threat to close the Strait of Hormuz.", [("THREATEN", "13")]),
])
def test_the_same_verbs_in_their_event_sense_stay_coded(code_pipeline, text, expected):
    assert kinds(coded(code_pipeline, text)) == expected


def test_a_sense_that_names_no_event_is_an_entry_that_wins_over_the_verb(tmp_path):
    lexicon = load_lexicon()
    ids = [entry["id"] for entry in lexicon.verbs["host"]]
    assert ids.index("sense-no_event-host") < ids.index("host")
    none = next(e for e in lexicon.verbs["host"] if e["id"] == "sense-no_event-host")
    assert none["type"] == "NONE" and none["cameo"] == "" and lexicon.in_class("headquarters", "@hosted")
    # a sense of an event needs its CAMEO code; one that names no event may not have one
    path = tmp_path / "senses.yaml"
    path.write_text("source: t\nclasses:\n  mine: [a]\nmeanings:\n  cut: {type: SANCTION}\nsenses:\n"
                    "- {meaning: cut, verbs: [cut], obj: '@mine'}\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match=r"meaning 'cut' of an event needs a CAMEO code"):
        load_senses(path, {})
    path.write_text("source: t\nclasses:\n  mine: [a]\nmeanings:\n  none: {type: NONE, cameo: '161'}\nsenses:\n"
                    "- {meaning: none, verbs: [cut], obj: '@mine'}\n", encoding="utf-8")
    load_lexicon.cache_clear()
    try:
        with pytest.raises(KnowledgeError, match=r"names no event has no CAMEO code"):
            load_lexicon(PREDICATES_PATH, GOVERNORS_PATH, path)
    finally:
        load_lexicon.cache_clear()


# ---------------------------------------------------------------- an act spoken of, an act to come
def test_a_gerund_clause_a_depiction_verb_takes_is_spoken_of_not_reported(code_pipeline):
    text = ("The Kenyan president described arresting the opposition leader and negotiating with him "
            "at once as madness.")
    assert coded(code_pipeline, text) == []


@pytest.mark.parametrize("text", [
    "US forces will leave Iraq after Baghdad signs the agreement with Iran.",
])
def test_a_present_time_clause_under_a_future_clause_is_a_condition_not_an_event(code_pipeline, text):
    # the signing is the condition, no agreement signed; the forces' future leaving is coded since
    # session 19 (forces that leave a country withdraw; an announced retreat is an intent to yield,
    # CONCEDE 035): that is the one event
    assert [(e["event_type"], e["cameo"], e["modality"]) for e in coded(code_pipeline, text)] == \
        [("CONCEDE", "035", "future")]


def test_a_past_time_clause_still_reports_its_act(code_pipeline):
    events = coded(code_pipeline, "US forces left Iraq after Baghdad signed the agreement with Iran.")
    assert "SUPPORT" in {e["event_type"] for e in events}


def test_documents_released_are_published_and_prisoners_released_are_freed(code_pipeline):
    assert coded(code_pipeline, "Thousands of diplomatic cables were released by the website in 2010.") == []
    assert kinds(coded(code_pipeline, "Iran released three British sailors on Friday.")) == [("RETREAT", "08")]


# ---------------------------------------------------------------- an act avoided, a participle of aim
def test_an_act_avoided_is_not_done(code_pipeline):
    assert coded(code_pipeline, "The army avoided targeting civilians in the operation.") == []
    assert kinds(coded(code_pipeline, "The army targeted civilians in the operation.")) == [("ASSAULT", "19")]


@pytest.mark.parametrize("text,expected", [
    ("Daily protests targeting President Kenyatta have shaken Kenya for months.", [("PROTEST", "14")]),
    ("The European Union adopted new sanctions targeting Iranian oil exports.", [("SANCTION", "16")]),
])
def test_a_participle_of_aim_on_a_noun_says_what_it_is_aimed_at(code_pipeline, text, expected):
    assert kinds(coded(code_pipeline, text)) == expected


def test_what_a_warning_or_advice_counsels_is_not_done(code_pipeline):
    # advice to the public codes nothing, nor the act it counsels
    assert coded(code_pipeline, "The mayor of Mombasa warned residents to take shelter from the storm.") == []
    # advice to a party stays an appeal (the dictionary's code), its content is not an act done
    events = coded(code_pipeline, "The Egyptian minister advised Jordan to reopen the border.")
    assert kinds(events) == [("REQUEST", "02")]


# ---------------------------------------------------------------- an event noun as a label
@pytest.mark.parametrize("text", [
    'Rights groups called the minister\'s move "a direct attack on Kenyan journalists".',
])
def test_an_event_noun_that_labels_something_names_no_act(code_pipeline, text):
    assert "ASSAULT" not in {e["event_type"] for e in coded(code_pipeline, text)}


def test_a_label_with_a_preposition_calls_on_no_one(code_pipeline):
    # "called the law an attack on the press" is criticism (CAMEO 111), not an appeal to the press
    events = coded(code_pipeline, "Kenyan journalists called the new law a direct attack on the press.")
    assert kinds(events) == [("ACCUSE", "11")]
    assert kinds(coded(code_pipeline, "Hamas called for a general strike in Gaza.")) == [("REQUEST", "02")]


# ---------------------------------------------------------------- money raised, a backer described
def test_raising_money_is_collecting_it_and_a_backer_described_is_no_new_act(code_pipeline):
    assert coded(code_pipeline, "A committee backing the Iranian president raised money for his campaign in Tehran.") == []
    assert kinds(coded(code_pipeline, "Israel raised the alert level on the border with Lebanon.")) == [("MOBILIZE", "15")]
    assert kinds(coded(code_pipeline, "Germany backed the French plan for a new border force.")) == [("SUPPORT", "05")]


# ---------------------------------------------------------------- a question asked requests nothing
@pytest.mark.parametrize("text", [
    "When asked about the fighting in Gaza, the Egyptian minister said talks would resume.",
    "The Egyptian minister was asked about the new law by reporters in Cairo.",
    "Asked his reaction to the Israeli raid, the Egyptian minister said the talks would go on.",
    "The Kenyan president asked Uganda about the troops on the border.",
])
def test_asking_about_something_is_a_question_not_a_request(code_pipeline, text):
    assert "REQUEST" not in {e["event_type"] for e in coded(code_pipeline, text)}


@pytest.mark.parametrize("text,expected", [
    ("Egypt asked Israel to stop the raids on Gaza.", [("REQUEST", "02")]),
    ("Jordan asked for help from the United Nations.", [("REQUEST", "02")]),
])
def test_asking_someone_to_act_or_for_help_stays_a_request(code_pipeline, text, expected):
    assert kinds(coded(code_pipeline, text)) == expected


# ---------------------------------------------------------------- a named investigation is referred to
def test_an_investigation_known_by_a_name_is_a_standing_process_referred_to(code_pipeline):
    assert coded(code_pipeline, "The Kenyan president tried to slow the Interpol investigation into his son.") == []
    opened = coded(code_pipeline, "Kenya opened an investigation into the killing of the journalist.")
    assert kinds(opened) == [("ACCUSE", "09")]
