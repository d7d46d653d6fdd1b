"""Mechanism tests of the event coder on hand-built documents (real spaCy parse, hand-made mentions)."""

from __future__ import annotations

import re
from datetime import date

import pytest

from parley.document import Document, Sentence
from parley.events.coder import code_document
from parley.events.lexicon import load_lexicon

# name -> (country, sector) of the hand-made mentions used below
ACTORS = {
    "Russia": ("RUS", "GOV"), "Turkey": ("TUR", "GOV"), "Türkiye": ("TUR", "GOV"), "Iran": ("IRN", "GOV"),
    "Syria": ("SYR", "GOV"), "Kazakhstan": ("KAZ", "GOV"), "Israel": ("ISR", "GOV"), "Egypt": ("EGY", "GOV"),
    "Hamas": ("PSE", "REB"), "Ukraine": ("UKR", "GOV"), "Germany": ("DEU", "GOV"), "France": ("FRA", "GOV"),
    "China": ("CHN", "GOV"), "India": ("IND", "GOV"), "Pakistan": ("PAK", "GOV"), "Qatar": ("QAT", "GOV"),
    "United Nations": (None, "IGO"), "United States": ("USA", "GOV"), "Jordan": ("JOR", "GOV"),
    "Lavrentyev": ("RUS", "GOV"), "Turkish troops": ("TUR", "MIL"), "Russian troops": ("RUS", "MIL"),
    "Israeli police": ("ISR", "COP"), "protesters": (None, "CVL"), "the rebels": ("SYR", "REB"),
    "Armenia": ("ARM", "GOV"), "Azerbaijan": ("AZE", "GOV"), "Japan": ("JPN", "GOV"),
}
PLACES = {"Astana": (1526273, "KAZ", "city"), "Geneva": (2660646, "CHE", "city"), "Sochi": (491422, "RUS", "city")}


def _sentence_of(doc: Document, char: int) -> int:
    return next(s.index for s in doc.sentences if s.char_start <= char < s.char_end)


def hand_doc(spacy_nlp, text: str, published: date = date(2024, 1, 19), times: list[dict] | None = None) -> Document:
    """A parsed document with mentions and places found by name from ACTORS and PLACES."""
    doc = Document.from_text(text, published=published)
    doc.spacy_doc = spacy_nlp(text)
    doc.sentences = [Sentence(i, s.start_char, s.end_char, s.text) for i, s in enumerate(doc.spacy_doc.sents)]
    taken: set[int] = set()
    for name, (country, sector) in sorted(ACTORS.items(), key=lambda item: -len(item[0])):
        for found in re.finditer(r"\b" + re.escape(name) + r"\b", text):
            if taken & set(range(found.start(), found.end())):
                continue
            taken.update(range(found.start(), found.end()))
            doc.mentions.append({
                "text": name, "char_start": found.start(), "char_end": found.end(),
                "sentence": _sentence_of(doc, found.start()), "actor_id": country or sector, "name": name,
                "country": country, "sector": sector, "cameo": (country or "") + sector,
                "type": "state", "role": None, "via": "kb", "confidence": 0.9})
    for name, (geonameid, country, feature) in PLACES.items():
        for found in re.finditer(re.escape(name), text):
            doc.places.append({"text": name, "char_start": found.start(), "char_end": found.end(),
                               "sentence": _sentence_of(doc, found.start()), "geonameid": geonameid,
                               "name": name, "country": country, "lat": 0.0, "lon": 0.0, "feature": feature})
    for time in times or []:
        start = text.index(time["text"])
        doc.times.append({**time, "char_start": start, "char_end": start + len(time["text"]),
                          "sentence": _sentence_of(doc, start)})
    return doc


def code(spacy_nlp, text: str, **kwargs) -> list[dict]:
    return code_document(hand_doc(spacy_nlp, text, **kwargs), load_lexicon())


def codes(actors: list[dict]) -> set[str]:
    return {(a["country"] or "") + (a["sector"] or "") for a in actors}


def only(events: list[dict], event_type: str) -> dict:
    found = [e for e in events if e["event_type"] == event_type]
    assert len(found) == 1, [(e["event_type"], e["trigger"]["text"]) for e in events]
    return found[0]


@pytest.mark.parametrize("text,event_type,actor,recipient", [
    ("Russia and Turkey agreed to hold talks on the crisis.", "AGREE", {"RUSGOV", "TURGOV"}, set()),
    ("Egypt met with Israel in Cairo on Monday.", "CONSULT", {"EGYGOV"}, {"ISRGOV"}),
    ("Germany praised Qatar for its mediation.", "SUPPORT", {"DEUGOV"}, {"QATGOV"}),
    ("Israel eased restrictions on fishing off the coast.", "CONCEDE", {"ISRGOV"}, set()),
    ("India and Japan conducted joint naval exercises.", "COOPERATE", {"INDGOV", "JPNGOV"}, set()),
    ("Germany provided humanitarian aid to Ukraine.", "AID", {"DEUGOV"}, {"UKRGOV"}),
    ("Turkish troops pulled out of the town.", "RETREAT", {"TURMIL"}, set()),
    ("The United Nations called on Israel to halt the demolitions.", "REQUEST", {"IGO"}, {"ISRGOV"}),
    ("Iran accused Israel of sabotage.", "ACCUSE", {"IRNGOV"}, {"ISRGOV"}),
    ("Hamas rejected the proposal.", "REJECT", {"PSEREB"}, set()),
    ("Azerbaijan threatened Armenia with a military response.", "THREATEN", {"AZEGOV"}, {"ARMGOV"}),
    ("Thousands of protesters demonstrated against the reform.", "PROTEST", {"CVL"}, set()),
    ("The United States imposed sanctions on Iran.", "SANCTION", {"USAGOV"}, {"IRNGOV"}),
    ("Russia deployed more troops near the border.", "MOBILIZE", {"RUSGOV"}, set()),
    ("Israeli police arrested protesters in the old city.", "COERCE", {"ISRCOP"}, {"CVL"}),
    ("Russian troops shelled the rebels overnight.", "ASSAULT", {"RUSMIL"}, {"SYRREB"}),
])
def test_events_coder_codes_every_plover_type(spacy_nlp, text, event_type, actor, recipient):
    event = only(code(spacy_nlp, text), event_type)
    assert codes(event["actor"]) == actor
    assert codes(event["recipient"]) == recipient
    assert event["cameo"] and event["quad_class"] in (1, 2, 3, 4)


@pytest.mark.parametrize("text,event_type,actor,recipient", [
    ("The talks were hosted by Kazakhstan.", "CONSULT", {"KAZGOV"}, set()),
    ("Russia, Türkiye and Iran agreed on a joint statement.", "AGREE", {"RUSGOV", "TURGOV", "IRNGOV"}, set()),
    ("Egypt met with Israel and Jordan in Cairo.", "CONSULT", {"EGYGOV"}, {"ISRGOV", "JORGOV"}),
    ("Syria demanded compensation from Turkey.", "REQUEST", {"SYRGOV"}, {"TURGOV"}),
    ("China called on India and Pakistan to show restraint.", "REQUEST", {"CHNGOV"}, {"INDGOV", "PAKGOV"}),
])
def test_events_coder_reads_passive_coordination_and_prepositional_recipients(
        spacy_nlp, text, event_type, actor, recipient):
    event = only(code(spacy_nlp, text), event_type)
    assert codes(event["actor"]) == actor
    assert codes(event["recipient"]) == recipient


@pytest.mark.parametrize("text,pattern", [
    ("Russia held talks with Turkey in Sochi.", "hold-talks"),
    ("Armenia and Azerbaijan reached an agreement on the border.", "reach-agreement"),
    ("Qatar called for an immediate ceasefire.", "call-for"),
    ("Russia and Turkey made a decision to hold talks in Sochi.", "make-decision"),
    ("Russia pulled out its troops from the region.", "pull-out"),
])
def test_events_coder_matches_light_verbs_and_particles(spacy_nlp, text, pattern):
    events = code(spacy_nlp, text)
    assert [e["trigger"]["pattern"] for e in events] == [pattern]


@pytest.mark.parametrize("text,event_type,pattern", [
    ("Talks between Russia and Ukraine resumed on Monday.", "CONSULT", "n-talks"),
    ("A ceasefire between Armenia and Azerbaijan took effect at midnight.", "RETREAT", "n-ceasefire"),
    ("The joint statement of Russia and Iran was published.", "SUPPORT", "n-joint-statement"),
    ("The withdrawal of Turkish troops began on Monday.", "RETREAT", "n-withdrawal"),
    ("Israel's release of detainees was delayed.", "RETREAT", "n-release"),
])
def test_events_coder_codes_nominal_events(spacy_nlp, text, event_type, pattern):
    event = only(code(spacy_nlp, text), event_type)
    assert event["trigger"]["pattern"] == pattern
    assert event["actor"] or event["recipient"]


def test_events_coder_reported_speech_codes_the_reported_event(spacy_nlp):
    events = code(spacy_nlp, "Lavrentyev said that Turkish troops will withdraw from the area.")
    assert len(events) == 1
    event = events[0]
    assert codes(event["actor"]) == {"TURMIL"}
    assert codes(event["reported_by"]) == {"RUSGOV"}
    # PLOVER: an announced future retreat is a verbal concession
    assert event["event_type"] == "CONCEDE" and event["underlying_type"] == "RETREAT"
    assert "reported" in event["modalities"] and "future" in event["modalities"]


def test_events_coder_reported_demand_becomes_request(spacy_nlp):
    event = only(code(spacy_nlp, "Syria said Turkey should agree to a timeline for the withdrawal of its troops."),
                 "REQUEST")
    assert codes(event["actor"]) == {"SYRGOV"}
    assert codes(event["recipient"]) == {"TURGOV"}


@pytest.mark.parametrize("text,modality,event_type", [
    ("Egypt did not attend the meeting in Cairo.", "negated", "CONSULT"),
    ("Russia denied attacking the rebels.", "negated", "ASSAULT"),
    ("Kazakhstan said it would not host the talks.", "negated", "REJECT"),
    ("Russia and Iran will convene in Astana next week.", "future", "AGREE"),
    ("Russia and Turkey are set to meet in Sochi.", "future", "AGREE"),
    ("Kazakhstan will host the talks if all participants request it.", "conditional", "AGREE"),
    ("Russia and Turkey could meet in Sochi.", "hypothetical", "CONSULT"),
    ("Iran said Russia and Turkey met in Sochi.", "reported", "CONSULT"),
    ("Russia and Turkey met in Sochi.", "asserted", "CONSULT"),
])
def test_events_coder_sets_modality(spacy_nlp, text, modality, event_type):
    events = code(spacy_nlp, text)
    assert [(e["event_type"], e["modality"]) for e in events] == [(event_type, modality)]


def test_events_coder_planned_meeting_keeps_underlying_consult(spacy_nlp):
    event = only(code(spacy_nlp, "Russia and Iran will meet in Astana next week."), "AGREE")
    assert event["planned"] is True
    assert event["underlying_type"] == "CONSULT"
    assert event["cameo"] == "036"


def test_events_coder_takes_date_and_place_from_the_sentence(spacy_nlp):
    text = "Russia and Iran met in Astana on Jan. 24. Turkey praised the meeting."
    times = [{"text": "Jan. 24", "start": "2024-01-24", "end": "2024-01-24", "precision": "day",
              "kind": "date", "anchor": "absolute"}]
    events = code(spacy_nlp, text, published=date(2024, 1, 26), times=times)
    meeting = only(events, "CONSULT")
    assert meeting["date"]["start"] == "2024-01-24" and meeting["date"]["precision"] == "day"
    assert meeting["location"]["geonameid"] == 1526273
    praise = only(events, "SUPPORT")
    assert praise["date"] == {"text": None, "start": "2024-01-26", "end": "2024-01-26", "precision": "publication"}
    assert praise["location"] is None


def test_events_coder_keeps_evidence_and_confidence(spacy_nlp):
    text = "Oil prices rose. Russia met with Turkey in Sochi."
    doc = hand_doc(spacy_nlp, text)
    event = only(code_document(doc, load_lexicon()), "CONSULT")
    evidence = event["evidence"]
    assert evidence["doc_id"] == doc.id and evidence["sentence"] == 1
    assert text[evidence["start"]:evidence["end"]] == evidence["text"] == "Russia met with Turkey in Sochi."
    trigger = event["trigger"]
    assert text[trigger["char_start"]:trigger["char_end"]] == "met"
    assert 0.0 < event["confidence"] < 1.0


@pytest.mark.parametrize("text", [
    "The weather was discussed at length and the war killed thousands.",     # no actor
    "Russia's report demonstrates the risk of escalation.",                   # transitive: not a protest
    "Talk of a reshuffle in Turkey grew louder.",                             # singular: not a meeting
])
def test_events_coder_codes_nothing_without_an_event(spacy_nlp, text):
    assert code(spacy_nlp, text) == []


@pytest.mark.parametrize("text,expected", [
    ("Russia and Turkey discussed humanitarian aid and trade in Sochi.", {"diplomatic", "humanitarian", "economic"}),
    ("Russian troops shelled the rebels with artillery.", {"military"}),
    ("Iran accused Israel of torture and human rights abuses.", {"human_rights"}),
])
def test_events_coder_labels_contexts_from_sentence_words(spacy_nlp, text, expected):
    events = code(spacy_nlp, text)
    assert events and expected <= set(events[0]["context"])


def test_events_component_never_fails_a_document(spacy_nlp):
    from parley.events import make_events

    component = make_events()
    unparsed = component(Document.from_text("Russia met Turkey."))            # no spaCy doc at all
    assert unparsed.events == []
    broken = hand_doc(spacy_nlp, "Russia met with Turkey in Sochi.")
    broken.mentions.append({"text": "?", "char_start": None, "char_end": None, "sentence": 0})
    assert component(broken).events == []
    assert any(w.startswith("W401") for w in broken.meta["warnings"])


def types_of(events: list[dict]) -> list[str]:
    return sorted(e["event_type"] for e in events)


@pytest.mark.parametrize("unasserted,asserted,event_type", [
    # the aim of a persuasion is not an act of anyone yet
    ("Turkey worked hard to convince Iran to back the ceasefire in Syria.", "Iran backed the ceasefire in Syria.",
     "SUPPORT"),
    ("Iran wants to persuade the rebels to attack Turkey.", "The rebels attacked Turkey.", "ASSAULT"),
    # an act someone is reluctant to do is an act held back
    ("Russia has been reluctant to attack Turkey.", "Russia attacked Turkey.", "ASSAULT"),
    # the grounds of an accusation belong to the accusation, not to the accused as a new event
    ("Iran denounced Israel for attacking Syria.", "Israel attacked Syria.", "ASSAULT"),
    # an attributive participle describes the noun ("X-backed plan"), it reports no backing
    ("Germany questioned the Russia-backed plan.", "Russia backed the plan of Germany.", "SUPPORT"),
    # a habitual clause is a generic statement, not a report that something happened
    ("Russia and Turkey typically meet in Sochi.", "Russia and Turkey met in Sochi.", "CONSULT"),
])
def test_events_coder_skips_events_the_sentence_does_not_assert(spacy_nlp, unasserted, asserted, event_type):
    assert event_type not in types_of(code(spacy_nlp, unasserted))
    assert event_type in types_of(code(spacy_nlp, asserted))


def test_events_coder_keeps_the_accusation_whose_grounds_it_hides(spacy_nlp):
    assert types_of(code(spacy_nlp, "Iran denounced Israel for attacking Syria.")) == ["ACCUSE"]


@pytest.mark.parametrize("text,event_type,actor,recipient", [
    # an ordered use of force is the commander's own act against its target
    ("Russia ordered air strikes on the rebels.", "ASSAULT", {"RUSGOV"}, {"SYRREB"}),
    ("Israel ordered an attack on Hamas.", "ASSAULT", {"ISRGOV"}, {"PSEREB"}),
    # urging is a plea to others, not a command: it stays a demand
    ("Israel urged an attack on Hamas.", "REQUEST", {"ISRGOV"}, set()),
])
def test_events_coder_codes_an_ordered_strike_as_the_strike(spacy_nlp, text, event_type, actor, recipient):
    event = only(code(spacy_nlp, text), event_type)
    assert codes(event["actor"]) == actor and codes(event["recipient"]) == recipient


def test_events_coder_reads_a_known_attack_named_as_cause_as_no_new_event(spacy_nlp):
    # "over the attack" is why the diplomats were sent home, not an attack reported here
    assert "ASSAULT" not in types_of(code(spacy_nlp, "Germany ordered four diplomats to leave over the attack on Ukraine."))
