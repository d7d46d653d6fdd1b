"""One meeting told by several reports (issue 20, eighth pass): reports that place a meeting in the
same city on days that overlap, of one format or between the same parties, are one meeting, and its
track is chosen from all of them; a meeting named with one party takes its other side from its own
sentence; a lead that tells a meeting as over or going on dates it by the report's day. Sentences and
meetings written for these tests.
"""

from __future__ import annotations

from datetime import date

import pytest

from parley.process import build_processes, make_meetings
from parley.process.crossdoc import reported_meetings
from parley.process.discover import signature
from tests.test_process import build, meetings
from tests.test_process_merge import meta
from tests.test_process_occasions import RUIZ, SOTO

COMPONENT = make_meetings()
LUSAKA = {"name": "Lusaka", "feature": "city", "country": "ZMB"}
ZAMBIA = {"name": "Zambia", "feature": "country", "country": "ZMB"}


def told(key: str, day: str, venue: dict | None = LUSAKA, parties=(), doc_parties=(), sentence_parties=(),
         body: str | None = None, precision: str = "day") -> dict:
    """A meeting of no known process as one report tells it."""
    return {"key": key, "kind": "summit" if body else "talks", "process": None, "ordinal": None,
            "start": day, "end": day, "precision": precision, "venue": venue["name"] if venue else None,
            "venue_place": venue, "host": venue["country"] if venue else None, "status": "held", "changes": [],
            "participants": [], "outcomes": [], "flags": [], "parent": None, "format": body,
            "parties": list(parties), "sentence_parties": list(sentence_parties or parties),
            "doc_parties": [list(p) for p in doc_parties], "subject": None,
            "evidence": [{"text": key, "char_start": 0, "char_end": len(key), "sentence": 0}]}


def _merged(*reports: tuple[str, str, dict]) -> dict:
    return build_processes([(meta(doc, published), [m]) for doc, published, m in reports])


def _sources(meeting: dict) -> list[str]:
    return sorted(s["doc_id"] for s in meeting["sources"])


def test_process_crossdoc_summit_reports_are_one_meeting_of_the_body():
    # one report names the body's summit, one the two leaders its report is about, one the host
    result = _merged(
        ("a", "2016-08-17", told("a", "2016-08-17", body="SADC", parties=["SADC"])),
        ("b", "2016-08-18", told("b", "2016-08-18", parties=["AGO"], doc_parties=[("AGO", 6), ("ZAF", 4)])),
        ("c", "2016-08-17", told("c", "2016-08-17", parties=[], doc_parties=[("ZMB", 5), ("MOZ", 3)],
                                 precision="publication")),
    )
    [meeting] = result["meetings"]
    assert (_sources(meeting), meeting["process"]) == (["a", "b", "c"], "sadc")
    assert meeting["precision"] == "day"  # a date a report gives beats the report's own day


@pytest.mark.parametrize("second,one", [
    # the same two parties, the next day, the country of the city: one meeting
    (told("b", "2016-08-18", ZAMBIA, parties=["CHL", "PER"]), True),
    # one of the two, with a party its report names most besides: still the same meeting
    (told("b", "2016-08-18", parties=["CHL"], doc_parties=[("CHL", 5), ("BOL", 3)]), True),
    # the same city on the same day, other parties (Geneva hosts several tracks): two meetings
    (told("b", "2016-08-17", parties=["IRN", "USA"]), False),
    # the same parties in the same city two years on: another meeting
    (told("b", "2018-08-17", parties=["CHL", "PER"]), False),
])
def test_process_crossdoc_reports_of_one_meeting(second, one):
    result = _merged(("a", "2016-08-17", told("a", "2016-08-17", parties=["CHL", "PER"])),
                     ("b", second["start"], second))
    assert (len(result["meetings"]) == 1) is one
    if one:
        assert result["meetings"][0]["process"] == "chl-per"
        assert result["meetings"][0]["venue"] == "Lusaka"  # the city one report gives beats the country


def test_process_crossdoc_majority_of_reports_chooses_the_track():
    # two reports read the meeting as Chile and Peru's, a third (by its document's parties) as Chile
    # and Bolivia's: the meeting and its three sources go to the track most of them give
    result = _merged(
        ("a", "2016-08-17", told("a", "2016-08-17", parties=["CHL", "PER"])),
        ("b", "2016-08-17", told("b", "2016-08-17", parties=["PER", "CHL"])),
        ("c", "2016-08-17", told("c", "2016-08-17", parties=["CHL"], doc_parties=[("CHL", 9), ("BOL", 4)])),
    )
    assert [(m["process"], _sources(m)) for m in result["meetings"]] == [("chl-per", ["a", "b", "c"])]


def test_process_crossdoc_leaders_own_meeting_at_a_summit_stays_theirs():
    # "Soto and Ruiz met" on the summit's day in its city is their meeting, not the body's summit
    result = _merged(
        ("a", "2016-08-17", told("a", "2016-08-17", body="SADC", parties=["SADC"])),
        ("b", "2016-08-17", told("b", "2016-08-17", body="SADC", parties=["SADC"])),
        ("c", "2016-08-17", told("c", "2016-08-17", parties=["CHL", "PER"])),
    )
    assert sorted((m["process"], tuple(_sources(m))) for m in result["meetings"]) == [
        ("chl-per", ("c",)), ("sadc", ("a", "b"))]


@pytest.mark.parametrize("sentence_parties,doc_parties,pair", [
    # the one other party the meeting's sentences name, not the one its report names most
    (["USA", "JPN"], [("USA", 10), ("KOR", 6), ("JPN", 1)], {"USA", "JPN"}),
    # its sentences name two others: the report decides, as before
    (["USA", "JPN", "CHN"], [("USA", 10), ("KOR", 6)], {"USA", "KOR"}),
])
def test_process_crossdoc_partner_from_the_meetings_own_sentence(sentence_parties, doc_parties, pair):
    m = told("a", "2019-05-27", parties=["USA"], sentence_parties=sentence_parties, doc_parties=doc_parties)
    assert set(signature(m)[0]) == pair


PUBLISHED = date(2016, 9, 12)


@pytest.mark.parametrize("text,dated", [
    ("President Soto met Ruiz in Geneva to discuss the copper trade.", True),
    ("President Soto is meeting Ruiz in Geneva to discuss the copper trade.", True),
    ("President Soto has met Ruiz in Geneva to discuss the copper trade.", True),
    # an arrival, often for talks on another day, or a visit another verb tells
    ("President Soto arrived in Geneva to discuss the copper trade with Ruiz.", False),
    ("President Soto's visit to Geneva for talks with Ruiz drew protests over the copper trade.", False),
    # still to come, or only wished for: no date from the report's day
    ("President Soto will meet Ruiz in Geneva to discuss the copper trade.", False),
    ("President Soto is to meet Ruiz in Geneva to discuss the copper trade.", False),
    # the lead is about something else; the meeting is told in the background further down
    ("Copper prices fell sharply. Miners went on strike. The port was closed. Exports halted. "
     "President Soto met Ruiz in Geneva to discuss the copper trade.", False),
])
def test_process_crossdoc_lead_dates_by_the_reports_day(spacy_nlp, text, dated):
    doc = build(spacy_nlp, text, PUBLISHED, extra_mentions=[SOTO, RUIZ])
    found = meetings(COMPONENT(doc))
    days = [(m["start"], m["precision"]) for m in found if m["venue"] == "Geneva"]
    if dated:
        assert days == [("2016-09-12", "publication")]
    else:
        assert all(day != ("2016-09-12", "publication") for day in days)


@pytest.mark.parametrize("second,one", [
    # a report that names no place but the body among the meeting's own parties ("met G7 leaders")
    (told("b", "2016-08-18", None, parties=["CHL", "SADC"]), True),
    # one that names neither the place nor the body: nothing says it is the summit
    (told("b", "2016-08-18", None, parties=["CHL", "PER"]), False),
])
def test_process_crossdoc_body_named_without_place(second, one):
    result = _merged(("a", "2016-08-17", told("a", "2016-08-17", body="SADC", parties=["SADC"])),
                     ("b", "2016-08-18", second))
    assert (len(result["meetings"]) == 1) is one


@pytest.mark.parametrize("text,venue", [
    # the one city of the country where the report places anything
    ("President Soto arrived in Lusaka on Sunday. He held talks with Ruiz in Zambia on Monday.", "Lusaka"),
    # two cities of the country: the report does not say which
    ("President Soto arrived in Lusaka on Sunday and flew on to Ndola. He held talks with Ruiz in Zambia on "
     "Monday.", "Zambia"),
    # a city named as its government ("Lusaka said") places nothing there
    ("Lusaka said the visit was welcome. President Soto held talks with Ruiz in Zambia on Monday.", "Zambia"),
])
def test_process_crossdoc_city_of_the_country(spacy_nlp, text, venue):
    from tests.test_process_reports import _report

    places = [("Lusaka", "ZMB", "city"), ("Ndola", "ZMB", "city"), ("Zambia", "ZMB", "country")]
    found = _report(spacy_nlp, text, [p for p in places if p[0] in text],
                    times=[t for t in [("Sunday", "2016-09-11", "2016-09-11", "day"),
                                       ("Monday", "2016-09-12", "2016-09-12", "day")] if t[0] in text])
    assert [m["venue"] for m in found if m["start"] == "2016-09-12"] == [venue]


@pytest.mark.parametrize("parties,one", [
    # a report that names no place, on the same days, between the same two parties: the same meeting
    (["PER", "CHL"], True),
    # one party in common is not enough without a place
    (["PER", "BOL"], False),
])
def test_process_crossdoc_two_parties_without_place(parties, one):
    result = _merged(("a", "2016-08-17", told("a", "2016-08-17", parties=["CHL", "PER"])),
                     ("b", "2016-08-18", told("b", "2016-08-18", None, parties=parties)))
    assert (len([m for m in result["meetings"] if "a" in _sources(m) and "b" in _sources(m)]) == 1) is one


def test_process_crossdoc_no_bridge_between_two_places():
    # a report that names no place, on the days of a meeting in Lusaka and of one in Lima, joins one at most
    lima = {"name": "Lima", "feature": "city", "country": "PER"}
    reports = [(meta("a", "2016-08-17"), told("a", "2016-08-17", parties=["CHL", "PER"])),
               (meta("b", "2016-08-17"), told("b", "2016-08-17", None, parties=["CHL", "PER"])),
               (meta("c", "2016-08-18"), told("c", "2016-08-18", lima, parties=["CHL", "PER"]))]
    assert reported_meetings(reports, lambda m: True) == [[0, 1]]


def test_process_crossdoc_same_result_in_any_order():
    # the same reports read in another order give the same meetings, ids and processes
    reports = [
        ("a", "2016-08-17", told("a", "2016-08-17", body="SADC", parties=["SADC"])),
        ("b", "2016-08-18", told("b", "2016-08-18", parties=["AGO"], doc_parties=[("AGO", 6), ("ZAF", 4)])),
        ("c", "2016-08-17", told("c", "2016-08-17", parties=["CHL", "PER"])),
        ("d", "2016-08-18", told("d", "2016-08-18", None, parties=["PER", "CHL"])),
        ("e", "2016-08-17", told("e", "2016-08-17", parties=["CHL"], doc_parties=[("CHL", 9), ("BOL", 4)])),
    ]

    def outcome(order):
        result = _merged(*order)
        return sorted((m["id"], m["process"], tuple(_sources(m))) for m in result["meetings"])

    assert outcome(reports) == outcome(list(reversed(reports))) == outcome(reports[2:] + reports[:2])
    # the report that names Chile alone in the city on the summit's day joins the summit, and does not
    # carry the two leaders' own meeting into it
    assert outcome(reports) == [("chl-per-2016-08-17", "chl-per", ("c", "d")),
                                ("sadc-2016-08-17", "sadc", ("a", "b", "e"))]


def test_process_crossdoc_many_reports_of_one_summit_are_one_group():
    # forty outlets report one summit: every pair of reports is compared, and reports already joined
    # through a third must not add their places again (the lists doubled at each such pair, so a
    # real feed's busiest summit never finished)
    reports = [({"doc_id": f"d{n:02d}"}, told(f"d{n:02d}", "2016-08-17", body="SADC", parties=["SADC"]))
               for n in range(40)]
    [group] = reported_meetings(reports, strong=lambda m: False)
    assert group == list(range(40))
