"""parley.process on documents built by hand: the real parse, hand-made mentions, times and places.

The sentences are written for these tests; each case names what the stage must find.
"""

from __future__ import annotations

from datetime import date

import pytest

from parley.document import Document, Sentence
from parley.process import load_lexicon, make_meetings
from parley.process.lexicon import LexiconError, compile_lexicon

COUNTRIES = {"Egypt": "EGY", "Qatar": "QAT", "Norway": "NOR", "Chile": "CHL", "Peru": "PER", "Iran": "IRN",
             "Russia": "RUS", "Turkey": "TUR", "Kazakhstan": "KAZ", "Syrian": "SYR", "Iraqi": "IRQ"}
PLACES = {"Astana": ("KAZ", "city"), "Geneva": ("CHE", "city"), "Doha": ("QAT", "city")}


@pytest.fixture(scope="module")
def component():
    return make_meetings()


def _span(doc: Document, text: str, nth: int = 0) -> dict:
    start = -1
    for _ in range(nth + 1):
        start = doc.text.index(text, start + 1)
    sentence = doc.sentence_at(start)
    return {"text": text, "char_start": start, "char_end": start + len(text), "sentence": sentence.index}


def build(nlp, text: str, published: date, times: list[tuple] = (), extra_mentions: list[tuple] = ()) -> Document:
    """A document through the parse, with mentions of the known countries, places and ``times``.

    :param times: ``(text, start, end, precision)``.
    :param extra_mentions: ``(text, actor_id, type, country, sector)``.
    """
    doc = Document.from_text(text, published=published)
    doc.spacy_doc = nlp(text)
    doc.sentences = [Sentence(i, s.start_char, s.end_char, s.text) for i, s in enumerate(doc.spacy_doc.sents)]
    for name, code in COUNTRIES.items():
        for nth in range(text.count(name)):
            doc.mentions.append({**_span(doc, name, nth), "actor_id": code, "name": name, "type": "state",
                                 "country": code, "sector": "GOV", "cameo": f"{code}GOV"})
    for mtext, actor_id, kind, country, sector in extra_mentions:
        doc.mentions.append({**_span(doc, mtext), "actor_id": actor_id, "name": mtext, "type": kind,
                             "country": country, "sector": sector})
    doc.mentions.sort(key=lambda m: m["char_start"])
    for name, (country, feature) in PLACES.items():
        for nth in range(text.count(name)):
            doc.places.append({**_span(doc, name, nth), "name": name, "country": country, "feature": feature,
                               "geonameid": None, "lat": None, "lon": None})
    for ttext, start, end, precision in times:
        doc.times.append({**_span(doc, ttext), "start": start, "end": end, "precision": precision,
                          "kind": "date", "anchor": "absolute"})
    return doc


def meetings(doc: Document) -> list[dict]:
    return [m for m in doc.meetings if m["kind"] != "process"]


def processes(doc: Document) -> dict[str, dict]:
    return {m["process"]: m for m in doc.meetings if m["kind"] == "process"}


def roles(meeting: dict) -> dict[str, str]:
    return {p["actor"]: p["role"] for p in meeting["participants"]}


@pytest.mark.parametrize("alias,process", [
    ("Astana process", "astana"), ("Astana format", "astana"), ("Astana talks", "astana"),
    ("Astana peace process", "astana"), ("International Meetings on Syria in the Astana format", "astana"),
    ("Geneva talks", "geneva"), ("UN-brokered talks in Geneva", "geneva"), ("Sochi congress", "sochi"),
])
def test_process_lexicon_aliases(alias, process):
    assert load_lexicon().aliases.search(f"Officials spoke of the {alias} on Monday.") == process


MATCHERS = ["aliases", "venues", "meeting_words", "roles", "outcomes", "statuses", "decisions", "process_cues",
            "side_words", "levels"]


def _every_text_scanned(matcher, text):
    """What the matcher finds when its word check is off and every text goes through the regex."""
    import copy

    unchecked = copy.copy(matcher)
    unchecked.phrase_words = None
    return list(unchecked.finditer(text))


@pytest.mark.parametrize("name", MATCHERS)
def test_process_lexicon_word_check_finds_what_the_regex_finds(seed_texts, name):
    import re

    matcher = getattr(load_lexicon(), name)
    texts = [s for text in seed_texts.values() for s in re.split(r"(?<=[.!?])\s+|\n+", text) if s.strip()]
    texts += ["The JOINT COMMUNIQUÉ was read out.", "A joint communique followed.", "Peace-talks resumed.",
              "The co-guarantors met; the Astana  format held.", "Nur-Sultan hosted the 12th round.",
              "Turkey, a guarantor of the truce, sent observers to the talks."]
    found = [(text, list(matcher.finditer(text))) for text in texts]
    assert found == [(text, _every_text_scanned(matcher, text)) for text in texts]
    assert matcher.phrase_words is not None and any(not matcher._may_match(text) for text in texts)
    if name in ("meeting_words", "aliases", "roles", "venues", "outcomes"):
        assert any(hits for _, hits in found)


@pytest.mark.parametrize("broken", [
    lambda d: d.pop("processes"),
    lambda d: d["processes"][0].pop("aliases"),
    lambda d: d["role_words"].update({"arbiter": ["arbiters"]}),
])
def test_process_lexicon_rejects_malformed_data(broken):
    import copy

    data = copy.deepcopy(load_lexicon().data)
    broken(data)
    with pytest.raises(LexiconError):
        compile_lexicon(data)


@pytest.mark.parametrize("text,ordinal", [
    ("Delegates gathered in Astana for the second round of talks.", 2),
    ("The 20th round of the Astana talks ended on Friday.", 20),
    ("Diplomats prepared the twenty-first round in Astana.", 21),
    ("The first Astana meeting set up a working group.", 1),
    ("Astana-4 opened with a plenary session.", 4),
])
def test_process_ordinal(spacy_nlp, component, text, ordinal):
    doc = component(build(spacy_nlp, text, date(2020, 1, 1)))
    found = meetings(doc)
    assert [m["ordinal"] for m in found] == [ordinal]
    assert found[0]["process"] == "astana"


@pytest.mark.parametrize("text,times,status", [
    ("Iran and Russia will attend the 22nd round of talks in Astana next month.",
     [("next month", "2024-06-01", "2024-06-30", "month")], "planned"),
    ("The 19th round of talks was held in Astana.", [], "held"),
    ("The 23rd round of talks in Astana was cancelled.", [], "cancelled"),
    ("Egypt and Qatar are set to convene in Astana for two-day talks on May 20.",
     [("May 20", "2024-05-20", "2024-05-20", "day")], "planned"),
])
def test_process_status(spacy_nlp, component, text, times, status):
    doc = component(build(spacy_nlp, text, date(2024, 5, 1), times))
    assert [m["status"] for m in meetings(doc)] == [status]


def test_process_postponed_keeps_both_dates(spacy_nlp, component):
    text = "The next round of UN-brokered talks in Geneva, first scheduled for March 3, has been postponed to March 10."
    doc = component(build(spacy_nlp, text, date(2017, 2, 20), [("March 3", "2017-03-03", "2017-03-03", "day"),
                                                               ("March 10", "2017-03-10", "2017-03-10", "day")]))
    [meeting] = meetings(doc)
    assert meeting["process"] == "geneva"
    assert meeting["status"] == "postponed"
    assert meeting["start"] == "2017-03-10"
    assert [(c["from"], c["to"]) for c in meeting["changes"]] == [("2017-03-03", "2017-03-10")]
    assert meeting["venue"] == "Geneva" and meeting["host"] == "CHE"


@pytest.mark.parametrize("text,expected", [
    ("Egypt, Qatar and Norway, the guarantors of the truce, will attend the 22nd round of talks in Astana. "
     "Meanwhile, Chile and Peru are expected to send observers.",
     {"EGY": "guarantor", "QAT": "guarantor", "NOR": "guarantor", "CHL": "observer", "PER": "observer",
      "KAZ": "host"}),
    ("The guarantors Egypt and Qatar, as well as representatives from the armed opposition, "
     "attended the 7th round of talks in Astana.",
     {"EGY": "guarantor", "QAT": "guarantor", "SYR-OPP": "party", "KAZ": "host"}),
    ("Syrian and Iraqi delegations will attend the 9th round of talks in Astana.",
     {"SYR": "party", "IRQ": "delegation", "KAZ": "host"}),
])
def test_process_roles(spacy_nlp, component, text, expected):
    doc = component(build(spacy_nlp, text, date(2020, 1, 1),
                          extra_mentions=[("the armed opposition", "SYR-OPP", "group", "SYR", "OPP")]
                          if "armed opposition" in text else []))
    [meeting] = meetings(doc)
    assert roles(meeting) == expected


def test_process_side_meeting(spacy_nlp, component):
    text = ("The 12th round of talks in Astana ended on May 5. "
            "The consultations between the foreign ministers of Egypt and Qatar on May 4 were constructive.")
    doc = component(build(spacy_nlp, text, date(2021, 5, 6), [("May 5", "2021-05-05", "2021-05-05", "day"),
                                                              ("May 4", "2021-05-04", "2021-05-04", "day")]))
    found = {m["key"]: m for m in meetings(doc)}
    side = next(m for m in found.values() if m["kind"] == "side")
    parent = found[side["parent"]]
    assert parent["ordinal"] == 12 and parent["end"] == "2021-05-05" and parent["start"] is None
    assert side["start"] == "2021-05-04" and side["level"] == "ministerial"
    assert set(roles(side)) == {"EGY", "QAT"}
    assert parent["side_meetings"] == [side["key"]]


def test_process_decisions(spacy_nlp, component):
    text = ("Kazakhstan announced on June 2 that it would not host any further Astana talks. "
            "Kazakhstan is ready to resume the Astana process if all participants request it. "
            "Russia suggested that Russia, Iran and Turkey could take turns hosting the meetings.")
    doc = component(build(spacy_nlp, text, date(2023, 6, 3), [("June 2", "2023-06-02", "2023-06-02", "day")]))
    decisions = {d["kind"]: d for d in processes(doc)["astana"]["decisions"]}
    assert decisions["stop_hosting"]["country"] == "KAZ"
    assert decisions["stop_hosting"]["date"] == "2023-06-02"
    assert decisions["resume_condition"]["condition"]["text"] == "if all participants request it"
    assert decisions["rotate_venues"]["status"] == "proposed"
    assert decisions["rotate_venues"]["members"] == ["IRN", "RUS", "TUR"]
    assert meetings(doc) == []


def test_process_outcomes_by_clause(spacy_nlp, component):
    text = ("On Thursday, Astana hosted the second round. Russia and Iran, which had agreed in the first round "
            "to create a monitoring group, decided to set up a joint commission. "
            "In a joint statement, the sides condemned the attacks.")
    doc = component(build(spacy_nlp, text, date(2017, 2, 17), [("Thursday", "2017-02-16", "2017-02-16", "day")]))
    outcomes = {m["ordinal"]: {o["name"] for o in m["outcomes"]} for m in meetings(doc)}
    assert outcomes == {2: {"joint commission", "joint statement"}, 1: {"monitoring group"}}


def test_process_dated_talks_join_lone_round(spacy_nlp, component):
    text = ("Since the first round, the guarantors met often. The talks in Astana on January 23-24 were tense. "
            "The second round was held on February 15-16.")
    doc = component(build(spacy_nlp, text, date(2017, 2, 20), [
        ("January 23-24", "2017-01-23", "2017-01-24", "day"), ("February 15-16", "2017-02-15", "2017-02-16", "day")]))
    spans = {m["ordinal"]: (m["start"], m["end"]) for m in meetings(doc)}
    assert spans == {1: ("2017-01-23", "2017-01-24"), 2: ("2017-02-15", "2017-02-16")}


def test_process_report_date_is_not_meeting_date(spacy_nlp, component):
    text = "On June 21, Kazakhstan announced that the 20th round of talks in Astana was the last one."
    doc = component(build(spacy_nlp, text, date(2023, 6, 23), [("June 21", "2023-06-21", "2023-06-21", "day")]))
    [meeting] = meetings(doc)
    assert (meeting["start"], meeting["end"]) == (None, None)
    assert meeting["flags"] == ["last_hosted"]
    [decision] = processes(doc)["astana"]["decisions"]
    assert (decision["kind"], decision["date"], decision["after_ordinal"]) == ("stop_hosting", "2023-06-21", 20)


def test_process_without_parse_degrades(component):
    text = "Envoys will attend the 21st round of talks in Astana. The talks were calm."
    doc = Document.from_text(text, published=date(2024, 1, 19))
    doc.sentences = [Sentence(0, 0, 53, text[:53]), Sentence(1, 54, len(text), text[54:])]
    doc = component(doc)
    [meeting] = meetings(doc)
    assert (meeting["process"], meeting["ordinal"], meeting["venue"], meeting["host"]) == ("astana", 21, "Astana", "KAZ")
