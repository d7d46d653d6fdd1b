"""Processes discovered from their meetings, confusable venues and names, rounds in Roman numerals,
and participants by role (issues 20 and 22). Sentences written for these tests; the real parse
with hand-made mentions, times and places (see ``tests/test_process.py``)."""

from __future__ import annotations

from datetime import date

import pytest

from parley.process import build_processes, make_meetings
from tests.test_process import build, meetings, roles

DAY = "day"


@pytest.fixture(scope="module")
def component():
    return make_meetings()


def person(text: str, actor_id: str, country: str) -> tuple:
    return (text, actor_id, "person", country, "GOV")


def merged(*docs) -> dict:
    return build_processes([({"doc_id": f"d{i}", "published": d.published}, d.meetings) for i, d in enumerate(docs)])


# ---------------------------------------------------------------- roles, each from its own sentence

@pytest.mark.parametrize("text,actor,role", [
    ("Russia and Turkey, the guarantors of the ceasefire, attended the 5th round of talks in Astana.", "RUS",
     "guarantor"),
    ("Iran and Turkey, the sponsors of the truce, attended the 6th round of talks in Astana.", "IRN", "sponsor"),
    ("Qatar sent observers to the 8th round of talks in Astana.", "QAT", "observer"),
    ("An Iraqi delegation attended the 9th round of talks in Astana.", "IRQ", "delegation"),
    ("Syrian delegates attended the 10th round of talks in Astana.", "SYR", "party"),
    ("Norway, the mediator, opened the 11th round of talks in Astana.", "NOR", "mediator"),
    ("Kazakhstan hosted the 12th round of talks in Astana.", "KAZ", "host"),
])
def test_process_role_from_the_sentence_that_says_it(spacy_nlp, component, text, actor, role):
    doc = component(build(spacy_nlp, text, date(2019, 5, 1)))
    [meeting] = meetings(doc)
    assert roles(meeting)[actor] == role


def test_process_participant_country_is_the_actors_not_the_hosts(spacy_nlp, component):
    # the actors stage guessed the rebels' country from the venue in the sentence
    text = "Delegates of the Syrian government and rebel commanders met for the 3rd round of talks in Astana."
    doc = build(spacy_nlp, text, date(2017, 5, 4),
                extra_mentions=[("rebel commanders", "KAZ-REB", "group", "KAZ", "REB")])
    doc.mentions[-1]["country_inferred"] = True
    [meeting] = meetings(component(doc))
    countries = {p["actor"]: p["country"] for p in meeting["participants"]}
    assert "KAZ-REB" not in countries and countries["SYR-REB"] == "SYR"
    assert roles(meeting)["KAZ"] == "host"


def test_process_sponsors_named_before_are_the_sponsoring_states(spacy_nlp, component):
    text = ("The 4th round of talks in Astana closed with Russia, Turkey and Iran signing a memorandum. "
            "The three sponsoring states promised to watch the truce.")
    [meeting] = meetings(component(build(spacy_nlp, text, date(2017, 5, 5))))
    assert {a for a, r in roles(meeting).items() if r == "sponsor"} == {"RUS", "TUR", "IRN"}


def test_process_guarantors_of_the_process_take_part_in_the_rounds_the_article_reports(spacy_nlp, component):
    text = ("Russia, Iran and Turkey are the guarantors of the Astana process. "
            "Its 14th round of talks in Astana ended on December 11.")
    doc = component(build(spacy_nlp, text, date(2019, 12, 12), [("December 11", "2019-12-11", "2019-12-11", DAY)]))
    result = merged(doc)
    [round14] = [m for m in result["meetings"] if m["ordinal"] == 14]
    assert {p["actor"]: p["role"] for p in round14["participants"]}.items() >= {
        "RUS": "guarantor", "IRN": "guarantor", "TUR": "guarantor"}.items()


# ---------------------------------------------------------------- confusables

def test_process_geneva_talks_on_another_conflict_are_not_the_syria_process(spacy_nlp, component):
    text = ("Iran and Norway held nuclear talks in Geneva on March 3. "
            "Iran said the talks in Geneva were useful and Norway agreed.")
    doc = component(build(spacy_nlp, text, date(2014, 3, 4), [("March 3", "2014-03-03", "2014-03-03", DAY)]))
    [meeting] = meetings(doc)
    assert meeting["process"] is None and meeting["venue"] == "Geneva"
    assert set(meeting["parties"]) == {"IRN", "NOR"} and meeting["subject"] == "nuclear"
    [process] = merged(doc)["processes"]
    assert process["id"] == "irn-nor" and process["discovered"] and "Geneva" in process["name"]


def test_process_meetings_before_the_known_start_are_not_its_rounds(spacy_nlp, component):
    text = "Syrian opposition figures gathered for Astana II in the Kazakh capital on May 27."
    doc = component(build(spacy_nlp, text, date(2015, 5, 28), [("May 27", "2015-05-27", "2015-05-27", DAY)]))
    assert all(m["process"] != "astana" for m in meetings(doc))
    later = component(build(spacy_nlp, "Russia and Turkey attended Astana II on February 16.", date(2017, 2, 17),
                            [("February 16", "2017-02-16", "2017-02-16", DAY)]))
    [meeting] = meetings(later)
    assert (meeting["process"], meeting["ordinal"]) == ("astana", 2)


@pytest.mark.parametrize("name,ordinal", [("Geneva IV", 4), ("Astana-7", 7), ("Astana XII", 12)])
def test_process_rounds_numbered_after_the_venue(spacy_nlp, component, name, ordinal):
    text = f"Syrian negotiators arrived for {name} on March 1."
    doc = component(build(spacy_nlp, text, date(2018, 3, 2), [("March 1", "2018-03-01", "2018-03-01", DAY)]))
    assert [m["ordinal"] for m in meetings(doc)] == [ordinal]


def test_process_budget_talks_and_captions_are_no_meetings(spacy_nlp, component):
    text = ("Budget talks between House leaders resumed in Washington on Monday. "
            "Photos: the governors' summit in Chicago on June 3.")
    doc = component(build(spacy_nlp, text, date(2013, 10, 8), [("Monday", "2013-10-07", "2013-10-07", DAY),
                                                                ("June 3", "2013-06-03", "2013-06-03", DAY)]))
    assert meetings(doc) == []


# ---------------------------------------------------------------- one track across documents

def test_process_discovered_track_groups_its_meetings_and_keeps_others_apart(spacy_nlp, component):
    people = [person("Lopez", "p-lopez", "CHL"), person("Silva", "p-silva", "PER")]
    first = component(build(spacy_nlp, "Chile and Peru held border talks in Doha on April 2.", date(2016, 4, 3),
                            [("April 2", "2016-04-02", "2016-04-02", DAY)]))
    second = component(build(spacy_nlp, "Lopez and Silva met in Doha on September 9 for a second round.",
                             date(2016, 9, 10), [("September 9", "2016-09-09", "2016-09-09", DAY)], people))
    same = component(build(spacy_nlp, "The talks between Chile and Peru in Doha on September 9 were calm.",
                           date(2016, 9, 11), [("September 9", "2016-09-09", "2016-09-09", DAY)]))
    other = component(build(spacy_nlp, "Egypt and Norway held talks in Doha on September 9.", date(2016, 9, 10),
                            [("September 9", "2016-09-09", "2016-09-09", DAY)]))
    result = merged(first, second, same, other)
    by_process = {}
    for m in result["meetings"]:
        by_process.setdefault(m["process"], []).append(m)
    assert sorted(len(v) for v in by_process.values()) == [1, 2]
    track = by_process["chl-per"]
    assert [m["start"] for m in track] == ["2016-04-02", "2016-09-09"]
    september = track[1]
    assert {s["doc_id"] for s in september["sources"]} == {"d1", "d2"} and september["venue"] == "Doha"
    assert by_process["egy-nor"][0]["sources"][0]["doc_id"] == "d3"
    assert all(m["start"] <= m["end"] for m in result["meetings"] if m["start"] and m["end"])


def test_process_meeting_told_by_meet(spacy_nlp, component):
    text = "Russia and Turkey met in Doha on Monday to discuss the truce."
    doc = component(build(spacy_nlp, text, date(2020, 2, 5), [("Monday", "2020-02-03", "2020-02-03", DAY)]))
    [meeting] = meetings(doc)
    assert (meeting["start"], meeting["venue"], meeting["status"]) == ("2020-02-03", "Doha", "held")
    assert set(roles(meeting)) >= {"RUS", "TUR"}


def test_process_merge_never_reverses_an_interval():
    told = [({"doc_id": "a", "published": "2019-03-01"},
             [{"key": "x#3", "kind": "round", "process": "astana", "ordinal": 3, "start": "2019-02-20",
               "end": "2019-02-21", "precision": "day"}]),
            ({"doc_id": "b", "published": "2019-03-02"},
             [{"key": "x#3", "kind": "round", "process": "astana", "ordinal": 3, "start": "2019-02-23",
               "end": "2019-02-24", "precision": "day"}]),
            ({"doc_id": "c", "published": "2019-03-03"},
             [{"key": "x#3", "kind": "round", "process": "astana", "ordinal": 3, "start": "2019-02-23",
               "end": "2019-02-21", "precision": "day"}])]
    [meeting] = build_processes(told)["meetings"]
    assert meeting["start"] <= meeting["end"]
    assert {d["field"] for d in meeting["differences"]} >= {"start", "end"}


def _told(doc_id: str, published: str, **meeting) -> tuple[dict, list[dict]]:
    base = {"key": f"{doc_id}#1", "kind": "summit", "process": None, "parties": ["CHL", "PER"],
            "doc_parties": [["CHL", 5], ["PER", 4]], "precision": "day"}
    return {"doc_id": doc_id, "published": published}, [{**base, **meeting}]


def test_process_discovered_rounds_join_by_date_not_by_ordinal():
    # whoever speaks counts: "his second meeting with Lopez" (a minister's) is not the leaders' second summit
    told = [_told("a", "2018-06-01", ordinal=2, start="2018-06-12", end="2018-06-12", venue="Lima"),
            _told("b", "2019-02-28", ordinal=2, start="2019-02-27", end="2019-02-28", venue="Santiago"),
            _told("c", "2019-03-01", ordinal=2, start=None, end="2019-02-28", venue="Santiago"),
            _told("d", "2019-03-02", start="2019-02-27", end="2019-02-28", venue="Santiago"),
            _told("e", "2019-03-05", ordinal=2, start=None, end=None, venue=None)]
    result = build_processes(told)
    by_sources = {frozenset(s["doc_id"] for s in m["sources"]): m for m in result["meetings"]}
    assert set(by_sources) == {frozenset("a"), frozenset("bcd"), frozenset("e")}
    santiago = by_sources[frozenset("bcd")]
    assert (santiago["start"], santiago["end"], santiago["venue"], santiago["ordinal"]) == \
        ("2019-02-27", "2019-02-28", "Santiago", 2)
    assert {m["process"] for m in result["meetings"]} == {"chl-per"}


def test_process_undated_round_joins_the_one_dated_round_of_its_number():
    told = [_told("a", "2019-02-28", ordinal=3, start="2019-02-27", end="2019-02-28", venue="Santiago"),
            _told("b", "2019-03-09", ordinal=3, start=None, end=None, venue=None)]
    [meeting] = build_processes(told)["meetings"]
    assert {s["doc_id"] for s in meeting["sources"]} == {"a", "b"} and meeting["ordinal"] == 3
    # a report months later that gives no date speaks of another "third" (its own track's, or its own count)
    told[1] = _told("b", "2019-11-20", ordinal=3, start=None, end=None, venue=None)
    assert len(build_processes(told)["meetings"]) == 2


# ---------------------------------------------------------------- dates as a reader of the report reads them

def _by_tense(doc, text: str) -> None:
    """Mark a time as the times stage leaves a year-less date or weekday it chose by the tense."""
    next(t for t in doc.times if t["text"] == text)["anchor"] = "tense"


def test_process_year_less_date_inside_the_meeting_phrase_is_the_nearest(spacy_nlp, component):
    # the times stage read "June 12" in the past tense of "said" (last June); the summit is next month's
    text = "Officials said nothing was promised before the June 12 summit in Doha between Chile and Peru."
    doc = build(spacy_nlp, text, date(2018, 5, 22), [("June 12", "2017-06-12", "2017-06-12", DAY)])
    _by_tense(doc, "June 12")
    [meeting] = meetings(component(doc))
    assert (meeting["start"], meeting["venue"]) == ("2018-06-12", "Doha")


def test_process_planned_meeting_on_a_weekday_is_after_the_report(spacy_nlp, component):
    text = "Chile and Peru will meet in Doha on Monday to discuss the border."
    doc = build(spacy_nlp, text, date(2018, 5, 23), [("Monday", "2018-05-21", "2018-05-21", DAY)])
    _by_tense(doc, "Monday")
    [meeting] = meetings(component(doc))
    assert (meeting["start"], meeting["status"]) == ("2018-05-28", "planned")


def test_process_verb_date_does_not_date_the_meeting_it_comes_ahead_of(spacy_nlp, component):
    ahead = "Chile's president toured Doha on Saturday ahead of the summit with Peru in Doha."
    doc = build(spacy_nlp, ahead, date(2018, 7, 14), [("Saturday", "2018-07-14", "2018-07-14", DAY)])
    [summit] = meetings(component(doc))
    assert (summit["venue"], summit["start"]) == ("Doha", None)
    held = "Chile's president opened the summit with Peru in Doha on Saturday."
    doc = build(spacy_nlp, held, date(2018, 7, 14), [("Saturday", "2018-07-14", "2018-07-14", DAY)])
    assert [m["start"] for m in meetings(component(doc))] == ["2018-07-14"]


def test_process_track_is_continuous_in_time():
    # the same two parties two years apart with nothing between: two tracks, each named by its first year
    told = [_told("a", "2016-04-03", start="2016-04-02", end="2016-04-02", venue="Doha"),
            _told("b", "2018-06-20", start="2018-06-19", end="2018-06-19", venue="Lima"),
            _told("c", "2019-02-01", start="2019-01-30", end="2019-01-31", venue="Santiago"),
            _told("d", "2019-02-03", start=None, end=None, venue=None, kind="talks")]
    result = build_processes(told)
    process_of = {m["sources"][0]["doc_id"]: m["process"] for m in result["meetings"]}
    assert process_of == {"a": "chl-per-2016", "b": "chl-per-2018", "c": "chl-per-2018", "d": "chl-per-2018"}
    # eight months apart: one track
    assert {m["process"] for m in build_processes(told[1:])["meetings"]} == {"chl-per"}


def test_process_meeting_of_an_undated_report_joins_the_stretch_nearest_its_inferred_day():
    # a report whose day is only inferred (loosely) dates none of its meetings: its meeting goes to
    # the stretch of its track nearest that day, the last one when the report has no day at all
    told = [_told("a", "2016-04-03", start="2016-04-02", end="2016-04-02", venue="Doha"),
            _told("b", "2018-06-20", start="2018-06-19", end="2018-06-19", venue="Lima"),
            _told("c", "2019-02-01", start="2019-01-30", end="2019-01-31", venue="Santiago"),
            _told("d", "2016-05-01", start=None, end=None, venue="Doha", kind="talks", flags=["report undated"])]
    def process_of_d() -> str:
        return next(m["process"] for m in build_processes(told)["meetings"]
                    if "d" in {s["doc_id"] for s in m["sources"]})

    assert process_of_d() == "chl-per-2016"
    told[3][0]["published"] = None
    assert process_of_d() == "chl-per-2018"


# ---------------------------------------------------------------- one person, one actor in a document

def test_process_bare_surname_is_the_person_named_in_full_before(spacy_nlp, component):
    text = ("Chile's president Lopez Ramos arrived in Doha on Sunday. "
            "Silva and Lopez met in Doha on Monday to settle the border.")
    people = [("Lopez Ramos", "p-lopez-ramos", "person", "CHL", "GOV"), ("Silva", "p-silva", "person", "PER", "GOV")]
    doc = build(spacy_nlp, text, date(2016, 9, 13), [("Monday", "2016-09-12", "2016-09-12", DAY)], people)
    # the actors stage gave the bare "Lopez" to another Lopez of its knowledge base
    doc.mentions.append({**_span_of(doc, "Lopez", 1), "actor_id": "p-lopez-other", "name": "Lopez", "type": "person",
                         "country": "ESP", "sector": "GOV"})
    doc.mentions.sort(key=lambda m: m["char_start"])
    [meeting] = meetings(component(doc))
    assert set(meeting["parties"]) == {"CHL", "PER"} and "ESP" not in meeting["parties"]
    assert meeting["start"] == "2016-09-12"


def _span_of(doc, text: str, nth: int) -> dict:
    start = -1
    for _ in range(nth + 1):
        start = doc.text.index(text, start + 1)
    return {"text": text, "char_start": start, "char_end": start + len(text), "sentence": doc.sentence_at(start).index}


def test_process_upcoming_meeting_takes_no_date_before_the_report(spacy_nlp, component):
    text = "Talks in Doha on Friday between Chile and Peru prepared Chile's upcoming summit with Egypt."
    doc = build(spacy_nlp, text, date(2016, 9, 13), [("Friday", "2016-09-09", "2016-09-09", DAY)])
    upcoming = [m for m in meetings(component(doc)) if m["kind"] == "summit"]
    assert [(m["start"], m["status"]) for m in upcoming] == [(None, "planned")]


# ---------------------------------------------------------------- venues the place index does not hold

@pytest.mark.parametrize("text,venue", [
    ("Chile and Peru held a summit at the border village of Tacora on Monday.", "Tacora"),
    ("The talks between Chile and Peru at Camp Verde ended on Monday.", "Camp Verde"),
    ("Chile and Peru met at the Group of Eight summit on Monday.", None),
])
def test_process_venue_the_place_index_lacks(spacy_nlp, component, text, venue):
    doc = build(spacy_nlp, text, date(2016, 9, 13), [("Monday", "2016-09-12", "2016-09-12", DAY)])
    found = meetings(component(doc))
    assert found and found[0]["end"] == "2016-09-12"
    assert found[0]["venue"] == venue


def test_process_report_that_dates_one_meeting_and_places_it_elsewhere_tells_one():
    dated = {"key": "a#1", "kind": "talks", "process": None, "parties": ["CHL", "PER"], "start": "2016-09-12",
             "end": "2016-09-12", "precision": "day", "venue": None}
    placed = {"key": "a#2", "kind": "summit", "process": None, "parties": ["CHL", "PER"], "venue": "Tacora"}
    [meeting] = build_processes([({"doc_id": "a", "published": "2016-09-10"}, [dated, placed])])["meetings"]
    assert (meeting["start"], meeting["venue"]) == ("2016-09-12", "Tacora")


# ---------------------------------------------------------------- talks told by how long they lasted

def test_process_days_of_talks_end_on_the_day_the_clause_tells(spacy_nlp, component):
    text = "Chile raised its demands on Friday after two days of border talks with Peru in Doha ended without a deal."
    doc = build(spacy_nlp, text, date(2016, 9, 13), [("Friday", "2016-09-09", "2016-09-09", DAY)])
    [meeting] = meetings(component(doc))
    assert (meeting["start"], meeting["end"], meeting["venue"]) == ("2016-09-08", "2016-09-09", "Doha")


def test_process_days_of_talks_concluded_with_the_report(spacy_nlp, component):
    # concluded with the news: up to the report's day
    text = "After twelve days of talks in Doha, Chile and Peru announced a border accord."
    [meeting] = meetings(component(build(spacy_nlp, text, date(2016, 9, 13))))
    assert (meeting["start"], meeting["end"], meeting["venue"]) == ("2016-09-02", "2016-09-13", "Doha")
    # nothing says when they ended: no dates
    text = "After twelve days of talks in Doha, Chile and Peru were still far apart."
    assert all(m["start"] is None for m in meetings(component(build(spacy_nlp, text, date(2016, 9, 13)))))


@pytest.mark.parametrize("text,start,end", [
    ("Chile and Peru wrapped up three days of talks in Doha on Monday.", "2016-09-10", "2016-09-12"),
    ("Chile and Peru resumed talks in Doha on Monday.", "2016-09-12", "2016-09-12"),
    ("Talks between Chile and Peru resumed in Doha on Monday.", "2016-09-12", "2016-09-12"),
])
def test_process_talks_held_resumed_or_wrapped_up_by_their_parties(spacy_nlp, component, text, start, end):
    doc = build(spacy_nlp, text, date(2016, 9, 13), [("Monday", "2016-09-12", "2016-09-12", DAY)])
    [meeting] = meetings(component(doc))
    assert (meeting["start"], meeting["end"], meeting["venue"], meeting["status"]) == (start, end, "Doha", "held")
    assert set(meeting["parties"]) == {"CHL", "PER"}


@pytest.mark.parametrize("who,code,kept", [
    ("opposition lawmakers", "CHL-OPP", False),   # a country's own bodies: domestic politics, no track
    ("rebel commanders", "CHL-REB", True),        # a government and its armed opposition: a track
])
def test_process_talks_within_one_country_are_kept_only_with_its_armed_groups(spacy_nlp, component, who, code, kept):
    text = f"Chile's government and {who} met on Monday to discuss the reform."
    doc = build(spacy_nlp, text, date(2016, 9, 13), [("Monday", "2016-09-12", "2016-09-12", DAY)],
                [(who, code, "group", "CHL", code[4:])])
    assert bool(meetings(component(doc))) is kept
