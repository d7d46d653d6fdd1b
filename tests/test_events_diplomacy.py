"""Diplomatic events and their parties (issue 19, diplomacy): who met, offered, demanded, refused.

Every sentence here was written for this file. Texts run through the real pipeline (nlp,
times, places, actors, events), so the parties are the actors stage's mentions and the
references the events stage resolves to them (parley/events/reference.py).
"""

from __future__ import annotations

import pytest

from parley import api
from parley.events import CODE_STAGES, code_records
from parley.evaluate import news_actor_score, resolve_texts, target_events


@pytest.fixture(scope="module")
def pipeline():
    return api.get_pipeline(tuple(CODE_STAGES))


def coded(pipeline, text: str) -> list[dict]:
    record, = code_records([{"id": "t", "text": text, "date": "2019-05-01"}], pipeline)
    return record["events"]


def parties(event: dict, role: str) -> set[str]:
    return {a.get("country") or a.get("cameo") for a in event[role]}


def only(events: list[dict], event_type: str) -> dict:
    found = [e for e in events if e["event_type"] == event_type]
    assert len(found) == 1, [(e["event_type"], e["cameo"]) for e in events]
    return found[0]


# ---------------------------------------------------------------- references to parties
def test_he_takes_the_person_named_before_not_the_body(pipeline):
    events = coded(pipeline, "The United Nations cautioned Donald Trump against leaving the accord. "
                             "He then threatened that the United States would walk away unless Congress acted.")
    threat = [e for e in events if e["event_type"] == "THREATEN" and e["evidence"]["sentence"] == 1]
    assert threat and parties(threat[0], "actor") == {"USA"}


def test_it_takes_the_state_earlier_in_the_sentence(pipeline):
    events = coded(pipeline, "North Korea denied any part in the hacking, even as it blamed Japan for the leak.")
    accusation = only(events, "ACCUSE")
    assert parties(accusation, "actor") == {"PRK"} and parties(accusation, "recipient") == {"JPN"}
    assert accusation["modality"] == "asserted"      # "denied" does not negate the clause beside it


def test_a_pronoun_chain_leads_back_to_the_named_speaker(pipeline):
    events = coded(pipeline, "The Iraqi Prime Minister Adil Abdul-Mahdi spoke to reporters on Monday. "
                             "He said talks had gone well. He also urged Turkey to reopen the border crossing.")
    appeal = only(events, "REQUEST")
    assert parties(appeal, "actor") == {"IRQ"} and parties(appeal, "recipient") == {"TUR"}


def test_a_pronoun_in_a_fronted_clause_stands_for_the_main_subject(pipeline):
    events = coded(pipeline, "After he met Chinese President Xi Jinping in Beijing, Vladimir Putin praised the talks.")
    meeting = only(events, "CONSULT")
    assert parties(meeting, "actor") == {"RUS"} and parties(meeting, "recipient") == {"CHN"}


def test_the_two_leaders_are_the_two_last_named(pipeline):
    events = coded(pipeline, "Recep Tayyip Erdogan flew to Sochi to see Vladimir Putin. "
                             "The two leaders met for three hours at a seaside residence.")
    meeting = [e for e in events if e["event_type"] == "CONSULT" and e["evidence"]["sentence"] == 1]
    assert meeting and parties(meeting[0], "actor") == {"TUR", "RUS"}


def test_the_regime_and_the_kingdom_stand_for_the_state_named_before(pipeline):
    events = coded(pipeline, "Syria's army shelled the suburbs again on Monday. "
                             "Turkey accused the regime of breaking the truce.")
    accusation = only(events, "ACCUSE")
    assert parties(accusation, "actor") == {"TUR"} and parties(accusation, "recipient") == {"SYR"}


def test_the_administration_continues_the_subject_before(pipeline):
    events = coded(pipeline, "Barack Obama telephoned Benjamin Netanyahu on Monday. "
                             "The administration later criticized the Israeli settlement plans.")
    criticism = only(events, "ACCUSE")
    assert parties(criticism, "actor") == {"USA"}


def test_the_rebels_are_the_group_named_before(pipeline):
    events = coded(pipeline, "Houthi fighters took the port on Sunday. "
                             "The rebels then offered to hand it over to the United Nations.")
    offer = only(events, "AGREE")
    assert parties(offer, "actor") == {"YEM"}


def test_a_description_with_a_name_of_its_own_is_not_a_reference(pipeline):
    events = coded(pipeline, "Iran threatened to cut gas supplies to the Azerbaijani republic of Nakhichevan.")
    threat = only(events, "THREATEN")
    assert "IRN" not in parties(threat, "recipient")


def test_a_capital_as_object_stands_for_its_state(pipeline):
    events = coded(pipeline, "Britain accused Moscow of hacking the ministry's servers.")
    accusation = only(events, "ACCUSE")
    assert parties(accusation, "actor") == {"GBR"} and parties(accusation, "recipient") == {"RUS"}


def test_a_dateline_is_not_the_actor(pipeline):
    events = coded(pipeline, "ANKARA, Turkey (AP) - Greece and Turkey agreed on Sunday to resume their talks.")
    agreement = only(events, "AGREE")
    assert parties(agreement, "actor") == {"GRC", "TUR"}
    assert all(a["text"] != "ANKARA" for a in agreement["actor"])


# ---------------------------------------------------------------- who does a clause's act
def test_a_gerund_adjunct_shares_its_clause_subject(pipeline):
    events = coded(pipeline, "Narendra Modi flew home on Tuesday after meeting Pakistan's prime minister in Lahore.")
    meeting = only(events, "CONSULT")
    assert parties(meeting, "actor") == {"IND"} and parties(meeting, "recipient") == {"PAK"}


def test_object_control_makes_the_object_the_actor(pipeline):
    events = coded(pipeline, "The shelling prompted Lebanon to accuse Israel of violating the truce.")
    accusation = only(events, "ACCUSE")
    assert parties(accusation, "actor") == {"LBN"} and parties(accusation, "recipient") == {"ISR"}


def test_an_order_signed_carries_out_the_signers_act(pipeline):
    events = coded(pipeline, "Joe Biden signed an executive order imposing sanctions on Myanmar's generals.")
    assert [e["event_type"] for e in events] == ["SANCTION"]      # signing an order is no agreement
    assert parties(events[0], "actor") == {"USA"}


# ---------------------------------------------------------------- kinds of diplomatic act
def test_welcoming_a_visitor_is_hosting(pipeline):
    hosted = only(coded(pipeline, "Japan's prime minister was welcomed by Indian Prime Minister Narendra Modi."),
                  "CONSULT")
    assert hosted["cameo"] == "043" and parties(hosted, "actor") == {"IND"} and parties(hosted, "recipient") == {"JPN"}
    praise = only(coded(pipeline, "Canada welcomed the decision of the Sudanese army."), "SUPPORT")
    assert praise["cameo"].startswith("05") and praise["cameo"] != "043"


def test_offering_a_welcome_is_hosting(pipeline):
    hosted = only(coded(pipeline, "Vietnam gave Kim Jong Un a lavish welcome in Hanoi."), "CONSULT")
    assert hosted["cameo"] == "043" and parties(hosted, "recipient") == {"PRK"}


def test_an_offer_needs_something_offered(pipeline):
    offer = only(coded(pipeline, "Norway offered its help to Colombia."), "AGREE")
    assert parties(offer, "actor") == {"NOR"} and parties(offer, "recipient") == {"COL"}
    assert coded(pipeline, "Sweden offered a detailed explanation for the delay.") == []


def test_a_refusal_in_reported_would_not(pipeline):
    refusal = only(coded(pipeline, "Trump says the United States would not endorse the final statement."), "REJECT")
    assert parties(refusal, "actor") == {"USA"} and refusal["underlying_type"] == "SUPPORT"


def test_voicing_objection_is_disapproval(pipeline):
    objection = only(coded(pipeline, "Egypt expressed its strong objection to the Ethiopian dam plan."), "ACCUSE")
    assert objection["cameo"] == "110" and parties(objection, "actor") == {"EGY"}


def test_promising_a_response_is_a_threat(pipeline):
    threat = only(coded(pipeline, "Iran promised a harsh response if Israel struck its reactors."), "THREATEN")
    assert parties(threat, "actor") == {"IRN"} and parties(threat, "recipient") == {"ISR"}


def test_a_threat_is_made_against_the_party_it_is_conditional_on(pipeline):
    threat = only(coded(pipeline, "Washington warned that it would raise tariffs should Mexico fail to act."),
                  "THREATEN")
    assert parties(threat, "recipient") == {"MEX"}


def test_a_deadline_for_someone_to_sign_is_no_signing(pipeline):
    events = coded(pipeline, "Britain set a deadline for Brussels to sign the new treaty.")
    assert "SUPPORT" not in [e["event_type"] for e in events]


def test_breaching_an_agreement_defies_it(pipeline):
    breach = only(coded(pipeline, "Syria breached the ceasefire agreement on Tuesday, Turkey said."), "REJECT")
    assert breach["cameo"] == "128" and parties(breach, "actor") == {"SYR"}


def test_met_and_agreed_are_two_events(pipeline):
    events = coded(pipeline, "Germany and France met in Paris and agreed to send observers to Ukraine.")
    assert {"CONSULT", "AGREE"} <= {e["event_type"] for e in events}


def test_the_end_of_an_event_asked_for_is_no_report_of_it(pipeline):
    events = coded(pipeline, "Qatar called for an end to the bombing of Gaza.")
    assert [e["event_type"] for e in events] == ["REQUEST"]


def test_a_relative_clause_is_no_content_of_an_agreement(pipeline):
    events = coded(pipeline, "Canada agreed with Iran on the return of the flight recorders of the plane "
                             "that was shot down near Tehran.")
    agreement = only(events, "AGREE")
    assert agreement["cameo"].startswith("03") and "THREATEN" not in [e["event_type"] for e in events]


def test_a_standing_backer_is_no_new_act(pipeline):
    events = coded(pipeline, "Bashar al-Assad, backed by Iran, rejected the peace plan.")
    assert [e["event_type"] for e in events] == ["REJECT"]


# ---------------------------------------------------------------- the scorer's context sentences
def test_context_sentences_are_read_but_not_scored(pipeline, tmp_path):
    news = tmp_path / "news.jsonl"
    news.write_text('{"id": "a1", "text": "Germany met France in Paris. It then accused Russia of spying."}\n',
                    encoding="utf-8")
    gold = [{"id": "r1", "article_id": "a1", "char_start": 29, "char_end": 62, "context_start": 0,
             "events": [{"event_type": "ACCUSE", "cameo": "11", "actor": [{"country": "DEU", "text": "It"}],
                         "recipient": [{"country": "RUS", "text": "Russia"}]}]}]
    resolved = resolve_texts(gold, news)
    assert resolved[0]["text"].startswith("Germany met") and resolved[0]["target_offset"] == 29
    predicted = list(code_records(resolved, pipeline))
    kept = target_events(resolved[0], predicted[0]["events"])
    assert [e["event_type"] for e in kept] == ["ACCUSE"]            # the meeting is context only
    result = news_actor_score(resolved, predicted)
    assert result["event_type"]["precision"] == 1.0 and result["actor_country"]["recall"] == 1.0
