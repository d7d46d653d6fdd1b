"""What a report says of the meeting it is about (issue 20, second session): the definite meeting in a
named place is the meeting in focus, a date inside one meeting's phrase dates that one only, a
phrase told as planned does not take up a meeting that is over, a party set apart by "but not" is
no party, and a country's own bodies are its side in a track's signature. Sentences written for
these tests; the real parse with hand-made mentions, times and places (see ``tests/test_process.py``).
"""

from __future__ import annotations

from datetime import date

import pytest

from parley.process import build_processes, make_meetings
from parley.process.discover import signature
from tests.test_process import build, meetings

DAY = "day"


@pytest.fixture(scope="module")
def component():
    return make_meetings()


def test_process_definite_meeting_in_a_named_place_is_the_meeting_in_focus(spacy_nlp, component):
    text = "Chile and Peru will hold border talks on Monday. Peru asked that the meeting take place in Doha."
    doc = build(spacy_nlp, text, date(2016, 9, 8), [("Monday", "2016-09-12", "2016-09-12", DAY)])
    [meeting] = meetings(component(doc))
    assert (meeting["start"], meeting["venue"]) == ("2016-09-12", "Doha")


def test_process_meeting_in_focus_keeps_its_own_venue(spacy_nlp, component):
    text = "Chile and Peru will hold border talks in Geneva on Monday. Peru recalled that the meeting in Doha failed."
    doc = build(spacy_nlp, text, date(2016, 9, 8), [("Monday", "2016-09-12", "2016-09-12", DAY)])
    found = meetings(component(doc))
    monday = next(m for m in found if m["start"] == "2016-09-12")
    assert monday["venue"] == "Geneva"
    assert not any("Doha" in e["text"] for e in monday["evidence"])


def test_process_date_inside_one_meetings_phrase_dates_that_one_only(spacy_nlp, component):
    text = "After Monday's talks in Geneva, Chile and Peru announced their summit in Doha."
    doc = build(spacy_nlp, text, date(2016, 9, 13), [("Monday", "2016-09-12", "2016-09-12", DAY)])
    found = meetings(component(doc))
    geneva = next(m for m in found if m["venue"] == "Geneva")
    assert geneva["start"] == "2016-09-12"
    assert not any("Doha" in e["text"] for e in geneva["evidence"])
    assert all(m["start"] is None for m in found if m["venue"] == "Doha")


def test_process_meeting_placed_in_the_sentence_that_dates_another_is_that_one(spacy_nlp, component):
    text = "After Monday's talks between Chile and Peru, the two ministers spoke at their summit in Doha."
    doc = build(spacy_nlp, text, date(2016, 9, 13), [("Monday", "2016-09-12", "2016-09-12", DAY)])
    [meeting] = meetings(component(doc))
    assert (meeting["start"], meeting["end"], meeting["venue"]) == ("2016-09-12", "2016-09-12", "Doha")


@pytest.mark.parametrize("future", ["the upcoming summit", "the yet-to-be-scheduled summit"])
def test_process_planned_phrase_does_not_take_up_a_meeting_that_is_over(spacy_nlp, component, future):
    text = f"Chile and Peru met in Doha on Monday. Critics said {future} would be harder for both."
    doc = build(spacy_nlp, text, date(2016, 9, 14), [("Monday", "2016-09-12", "2016-09-12", DAY)])
    monday = next(m for m in meetings(component(doc)) if m["start"] == "2016-09-12")
    assert monday["venue"] == "Doha"
    assert [e["sentence"] for e in monday["evidence"]] == [0]


@pytest.mark.parametrize("text", [
    "Chile and Peru, but not Egypt, signed a border accord in Doha on Friday.",
    "The deal came after Chile and Peru -- but not Egypt -- signed a border accord in Doha on Friday.",
])
def test_process_party_set_apart_by_but_not_is_no_party(spacy_nlp, component, text):
    doc = build(spacy_nlp, text, date(2016, 9, 12), [("Friday", "2016-09-09", "2016-09-09", DAY)])
    [meeting] = meetings(component(doc))
    assert set(meeting["parties"]) == {"CHL", "PER"}
    assert meeting["venue"] == "Doha"


def test_process_host_that_takes_part_counts_among_the_documents_parties(spacy_nlp, component):
    text = "Qatar held border talks with Egypt in Doha on Monday. Qatar and Egypt said the talks went well."
    doc = build(spacy_nlp, text, date(2016, 9, 13), [("Monday", "2016-09-12", "2016-09-12", DAY)])
    [meeting] = meetings(component(doc))
    assert meeting["host"] == "QAT"
    assert "QAT" in [k for k, _ in meeting["doc_parties"]]
    assert signature(meeting)[0] == frozenset({"QAT", "EGY"})


def test_process_countrys_own_bodies_are_its_side_in_a_track():
    talks = {"key": "a#1", "kind": "talks", "process": None, "parties": ["CHL", "PER"], "start": "2016-09-12",
             "end": "2016-09-12", "precision": "day", "venue": "Doha"}
    # the same track told with Chile's legislature and its foreign ministry named as the parties
    later = {"key": "b#1", "kind": "talks", "process": None, "parties": ["CHL-LEG", "PER", "CHL-GOV"],
             "start": "2016-11-02", "end": "2016-11-02", "precision": "day", "venue": "Doha"}
    result = build_processes([({"doc_id": "a", "published": "2016-09-13"}, [talks]),
                              ({"doc_id": "b", "published": "2016-11-03"}, [later])])
    assert {m["process"] for m in result["meetings"]} == {"chl-per"}
    assert signature(later)[0] == frozenset({"CHL", "PER"})


def test_process_phrase_naming_parties_of_its_own_is_another_meeting(spacy_nlp, component):
    text = "Chile and Peru met in Doha on Monday. Egypt said its talks with Norway would wait until spring."
    doc = build(spacy_nlp, text, date(2016, 9, 14), [("Monday", "2016-09-12", "2016-09-12", DAY)])
    monday = next(m for m in meetings(component(doc)) if m["start"] == "2016-09-12")
    assert [e["sentence"] for e in monday["evidence"]] == [0]
    assert "NOR" not in monday["parties"]


def test_process_planned_phrase_does_not_take_up_a_meeting_told_as_held(spacy_nlp, component):
    text = "Chile and Peru held talks in Doha on Monday. Both sides said the summit will take place in the spring."
    doc = build(spacy_nlp, text, date(2016, 9, 12), [("Monday", "2016-09-12", "2016-09-12", DAY)])
    monday = next(m for m in meetings(component(doc)) if m["start"] == "2016-09-12")
    assert [e["sentence"] for e in monday["evidence"]] == [0]


def _told(doc_id: str, day: str, venue: str | None, published: str) -> tuple[dict, list[dict]]:
    meeting = {"key": f"{doc_id}#1", "kind": "talks", "process": None, "parties": ["CHL", "PER"], "start": day,
               "end": day, "precision": "day", "venue": venue}
    return {"doc_id": doc_id, "published": published}, [meeting]


def test_process_reports_of_talks_that_go_on_for_days_are_one_meeting():
    result = build_processes([_told("a", "2015-03-29", None, "2015-03-29"),
                              _told("b", "2015-04-01", "Doha", "2015-04-01"),
                              _told("c", "2015-04-01", "Geneva", "2015-04-01"),
                              _told("d", "2015-04-12", None, "2015-04-12")])
    groups = sorted(sorted(s["doc_id"] for s in m["sources"]) for m in result["meetings"])
    assert groups == [["a", "b"], ["c"], ["d"]]
    assert len({m["process"] for m in result["meetings"]}) == 1


def test_process_place_of_a_meeting_nested_in_another_is_not_the_outer_ones(spacy_nlp, component):
    text = ("Monday's meeting between Chile and Peru was the first face-to-face meeting between the two "
            "since their summit in Doha.")
    doc = build(spacy_nlp, text, date(2016, 9, 13), [("Monday", "2016-09-12", "2016-09-12", DAY)])
    monday = next(m for m in meetings(component(doc)) if m["start"] == "2016-09-12")
    assert monday["venue"] != "Doha"


def test_process_meeting_set_against_an_earlier_one_is_not_that_one(spacy_nlp, component):
    text = ("Chile and Peru met in Doha on May 3. "
            "Critics said the new meeting between the two was the first since their summit in Doha.")
    doc = build(spacy_nlp, text, date(2016, 9, 13), [("May 3", "2016-05-03", "2016-05-03", DAY)])
    may = next(m for m in meetings(component(doc)) if m["start"] == "2016-05-03")
    assert not any("new meeting" in e["text"] for e in may["evidence"])


def test_process_dated_phrase_naming_other_parties_is_another_meeting(spacy_nlp, component):
    text = ("An envoy of Norway will meet Chilean officials in Doha on Sunday. "
            "Talks between Egypt and Peru are due this month.")
    doc = build(spacy_nlp, text, date(2016, 9, 15), [("Sunday", "2016-09-18", "2016-09-18", DAY),
                                                     ("this month", "2016-09-01", "2016-09-30", "month")])
    sunday = next(m for m in meetings(component(doc)) if m["start"] == "2016-09-18")
    assert [e["sentence"] for e in sunday["evidence"]] == [0]
    assert not {"EGY", "PER"} & set(sunday["parties"])


def test_process_signature_of_a_meeting_that_names_its_two_parties():
    meeting = {"parties": ["IRN", "IAEA"], "doc_parties": [["IRN", 50], ["USA", 19], ["FRA", 6]]}
    assert signature(meeting) == (frozenset({"IRN", "IAEA"}), True)


def test_process_country_named_with_the_venue_is_no_party(spacy_nlp, component):
    text = "Chile and Peru held talks in Doha, Qatar on Monday."
    doc = build(spacy_nlp, text, date(2016, 9, 13), [("Monday", "2016-09-12", "2016-09-12", DAY)])
    [meeting] = meetings(component(doc))
    assert meeting["venue"] == "Doha" and set(meeting["parties"]) == {"CHL", "PER"}


@pytest.mark.parametrize("text", [
    "The visit raised the possibility of talks between Chile and Peru in Doha on Monday.",
    "Egypt renewed its call for talks between Chile and Peru in Doha on Monday.",
])
def test_process_eventual_meeting_is_no_meeting(spacy_nlp, component, text):
    doc = build(spacy_nlp, text, date(2016, 9, 8), [("Monday", "2016-09-12", "2016-09-12", DAY)])
    assert meetings(component(doc)) == []


def test_process_clause_with_a_subject_of_its_own_gives_no_venue(spacy_nlp, component):
    # "held" here is the sailor's detention, not Norway's talks: Norway met no one abroad
    text = "Norway negotiated the release of a sailor after he was held in Doha on Friday."
    doc = build(spacy_nlp, text, date(2016, 9, 12), [("Friday", "2016-09-09", "2016-09-09", DAY)])
    assert meetings(component(doc)) == []


def _with_g7(nlp, text: str, published: date, when: tuple) -> object:
    return build(nlp, text, published, [when], [("G7", "G7", "igo", None, None)])


def test_process_meetings_of_one_body_are_its_own_track_whoever_attends(spacy_nlp, component):
    first = component(_with_g7(spacy_nlp, "The G7 summit in Doha opened on Monday, and Chile and Peru spoke first.",
                               date(2016, 9, 13), ("Monday", "2016-09-12", "2016-09-12", DAY)))
    second = component(_with_g7(spacy_nlp, "Norway and Egypt clashed on Friday at the G7 summit in Geneva.",
                                date(2017, 6, 10), ("Friday", "2017-06-09", "2017-06-09", DAY)))
    result = merged(first, second)
    summits = [m for m in result["meetings"] if m["venue"] in ("Doha", "Geneva")]
    assert {m["venue"] for m in summits} == {"Doha", "Geneva"}
    assert {m["process"] for m in summits} == {"g7"}
    [g7] = [p for p in result["processes"] if p["id"] == "g7"]
    assert g7["name"].startswith("G7 summits")


def test_process_two_leaders_meeting_at_a_bodys_summit_is_their_own(spacy_nlp, component):
    doc = component(_with_g7(spacy_nlp, "Chile and Peru met at the G7 summit in Doha on Monday.",
                             date(2016, 9, 13), ("Monday", "2016-09-12", "2016-09-12", DAY)))
    [meeting] = merged(doc)["meetings"]
    assert meeting["process"] == "chl-per"


def merged(*docs) -> dict:
    return build_processes([({"doc_id": f"d{i}", "published": d.published}, d.meetings) for i, d in enumerate(docs)])


def _filed_from_geneva(nlp, text: str, published: date) -> object:
    doc = build(nlp, text, published, [("Monday", "2016-09-12", "2016-09-12", DAY)])
    doc.places.append({"text": "GENEVA", "char_start": 0, "char_end": 6, "sentence": 0, "name": "Geneva",
                       "country": "CHE", "feature": "city", "geonameid": None, "lat": None, "lon": None})
    doc.places.sort(key=lambda p: p["char_start"])
    return doc


@pytest.mark.parametrize("text,published,venue", [
    ("GENEVA (AP) -- Chile and Peru held border talks on Monday, their first in a year.", date(2016, 9, 12), "Geneva"),
    # a week after the talks, the dateline is where the reporter is, not where the talks were
    ("GENEVA (AP) -- Chile and Peru held border talks on Monday, their first in a year.", date(2016, 9, 19), None),
    ("GENEVA (AP) -- Chile called off its border talks with Peru on Monday.", date(2016, 9, 12), None),
])
def test_process_report_filed_on_the_day_of_its_meeting_gives_its_venue(spacy_nlp, component, text, published,
                                                                        venue):
    [meeting] = meetings(component(_filed_from_geneva(spacy_nlp, text, published)))
    assert meeting["start"] == "2016-09-12" and meeting["venue"] == venue


OPPOSITION = [("opposition figures", "SYR-OPP", "group", "SYR", "OPP")]


def test_process_meeting_of_one_side_is_no_round_of_the_process_it_is_named_after(spacy_nlp, component):
    text = "Kassis, who chaired the Astana II meeting of opposition figures, said the opposition was divided."
    doc = component(build(spacy_nlp, text, date(2018, 2, 3), extra_mentions=OPPOSITION))
    assert not [m for m in meetings(doc) if m["process"] == "astana"]


def test_process_meeting_of_several_sides_named_after_a_process_is_its_round(spacy_nlp, component):
    text = "Russia and Turkey attended the Astana II meeting of government and opposition delegations on Monday."
    doc = component(build(spacy_nlp, text, date(2017, 2, 17), [("Monday", "2017-02-16", "2017-02-16", DAY)],
                          [("government and opposition delegations", "SYR", "state", "SYR", "GOV")]))
    assert [m["ordinal"] for m in meetings(doc) if m["process"] == "astana"] == [2]
