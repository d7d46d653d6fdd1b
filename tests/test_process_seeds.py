"""The process picture of the five seed articles through the whole pipeline (issue 6).

Publication dates are those of the seeds' manifest (facts about the articles, kept here because
their files carry no metadata).
"""

from __future__ import annotations

from datetime import date

import pytest

from parley.document import Document
from parley.pipeline import Pipeline
from parley.process import build_processes
from tests.conftest import seed_path

PUBLISHED = {"000": date(2023, 6, 21), "001": date(2024, 1, 19), "002": date(2023, 6, 23),
             "003": date(2017, 2, 17), "004": date(2023, 6, 21)}


@pytest.fixture(scope="module")
def seed_docs() -> dict[str, Document]:
    pipeline = Pipeline.build()
    docs = {}
    for prefix, published in PUBLISHED.items():
        text = seed_path(prefix).read_text(encoding="utf-8")
        docs[prefix] = pipeline(Document.from_text(text, published=published, source_id=prefix))
    return docs


@pytest.fixture(scope="module")
def result(seed_docs) -> dict:
    return build_processes([({"doc_id": prefix, "published": doc.published}, doc.meetings)
                            for prefix, doc in seed_docs.items()])


@pytest.fixture(scope="module")
def astana(result) -> dict:
    return next(p for p in result["processes"] if p["id"] == "astana")


def meeting(result: dict, process: str, ordinal: int | None = None, start: str | None = None) -> dict:
    found = [m for m in result["meetings"] if m["process"] == process and m["kind"] != "side"
             and (ordinal is None or m["ordinal"] == ordinal) and (start is None or m["start"] == start)]
    assert len(found) == 1, [m["id"] for m in result["meetings"]]
    return found[0]


def roles(m: dict) -> dict[str, str]:
    return {(p.get("country") or p["actor"]) if p.get("type") != "igo" else p["name"]: p["role"]
            for p in m["participants"]}


def sources(m: dict) -> set[str]:
    return {s["doc_id"] for s in m["sources"]}


def test_process_seeds_20th_round_is_one_meeting(result):
    m = meeting(result, "astana", 20)
    assert {"000", "002", "004"} <= sources(m)
    assert (m["start"], m["end"]) == ("2023-06-20", "2023-06-21")
    assert (m["venue"], m["host"], m["status"]) == ("Astana", "KAZ", "held")
    assert "last_hosted" in m["flags"] and {"002", "004"} <= set(m["flag_sources"]["last_hosted"])
    assert any(o["type"] == "joint statement" for o in m["outcomes"])


def test_process_seeds_foreign_ministers_consultations_are_a_side_meeting(result):
    parent = meeting(result, "astana", 20)
    [side] = [m for m in result["meetings"] if m["id"] in parent["side_meetings"]]
    assert side["start"] == "2023-06-20" and side["parent"] == parent["id"]
    assert {"IRN", "RUS", "SYR", "TUR"} <= set(roles(side))
    assert sources(side) == {"004"}


def test_process_seeds_21st_round_planned_with_roles(result):
    m = meeting(result, "astana", 21)
    assert (m["start"], m["end"], m["status"], m["venue"]) == ("2024-01-24", "2024-01-25", "planned", "Astana")
    r = roles(m)
    assert {r[c] for c in ("TUR", "RUS", "IRN")} == {"guarantor"}
    assert {r[c] for c in ("JOR", "IRQ", "LBN", "United Nations")} == {"observer"}
    assert r["SYR"] == "party"
    assert sum(1 for p in m["participants"] if p["role"] == "party") >= 2   # government and opposition
    assert sources(m) == {"001"}


@pytest.mark.parametrize("ordinal,start,end,outcome", [
    (1, "2017-01-23", "2017-01-24", "ceasefire monitoring group"),
    (2, "2017-02-15", "2017-02-16", "joint commission"),
])
def test_process_seeds_first_rounds(result, ordinal, start, end, outcome):
    m = meeting(result, "astana", ordinal)
    assert (m["start"], m["end"], m["venue"], m["status"]) == (start, end, "Astana", "held")
    assert outcome in {o["name"] for o in m["outcomes"]}
    assert "003" in sources(m)


def test_process_seeds_geneva_postponed_is_another_process(result):
    m = meeting(result, "geneva")
    assert (m["status"], m["start"], m["venue"]) == ("postponed", "2017-02-23", "Geneva")
    assert [(c["from"], c["to"]) for c in m["changes"]] == [("2017-02-08", "2017-02-23")]
    assert "geneva" in {p["id"] for p in result["processes"]}


def test_process_seeds_rounds_in_order(astana):
    assert astana["rounds"] == [1, 2, 20, 21]
    assert astana["hosts"][0]["host"] == "KAZ" and astana["hosts"][0]["first"] == "round 1"


def test_process_seeds_kazakhstan_stops_hosting_with_resume_condition(astana):
    decisions = {d["kind"]: d for d in astana["decisions"]}
    stop = decisions["stop_hosting"]
    assert (stop["country"], stop["date"], stop["after_ordinal"]) == ("KAZ", "2023-06-21", 20)
    assert {"000", "002", "004"} <= set(stop["sources"])
    resume = decisions["resume_condition"]
    assert resume["country"] == "KAZ" and "request" in resume["condition"]["text"]
    assert {"002", "004"} <= set(resume["sources"])


def test_process_seeds_rotation_is_a_russian_proposal(astana):
    rotate = next(d for d in astana["decisions"] if d["kind"] == "rotate_venues")
    assert (rotate["country"], rotate["status"]) == ("RUS", "proposed")
    assert {"RUS", "TUR", "IRN"} <= set(rotate["members"])
    assert "001" in rotate["sources"]


def test_process_seeds_guarantors_hold_their_role_at_the_20th_round(result):
    m = meeting(result, "astana", 20)
    r = roles(m)
    assert {r[c] for c in ("TUR", "RUS", "IRN")} == {"guarantor"}
    assert all(p["role_via"]["process"] for p in m["participants"] if p["actor"] in ("TUR", "RUS", "IRN"))


def test_process_seeds_process_roles_and_outcomes(astana):
    guarantors = {p["actor"] for p in astana["participants"]
                  if any(r["role"] == "guarantor" for r in p["process_roles"] + p["roles"])}
    assert {"TUR", "RUS", "IRN"} <= guarantors
    zones = next(o for o in astana["outcomes"] if o["type"] == "de-escalation zones")
    assert {"002", "004"} <= set(zones["sources"])
    assert {"Astana Process", "Astana peace process", "Astana format"} <= set(astana["aliases_seen"])
