"""The demo corpus (parley/data/sample) read as `parley ingest` reads it: its whole process, and
each meeting told by several articles as one meeting with all its sources (issue 6)."""

from __future__ import annotations

from pathlib import Path

import pytest

from parley.ingest import iter_records, prepare
from parley.pipeline import Pipeline
from parley.process import build_processes
from tests.conftest import REPO

SAMPLE = REPO / "parley" / "data" / "sample"


@pytest.fixture(scope="module")
def sample() -> dict:
    pipeline = Pipeline.build()
    told = []
    for record in iter_records([str(SAMPLE)], manifest=SAMPLE / "manifest.csv"):
        doc = pipeline(prepare(record))
        told.append(({"doc_id": Path(doc.source).stem, "published": doc.published, "outlet": doc.outlet},
                     doc.meetings))
    return build_processes(told)


def rounds(result: dict) -> dict[int, dict]:
    return {m["ordinal"]: m for m in result["meetings"] if m["process"] == "astana" and m["ordinal"]}


def sources(meeting: dict) -> set[str]:
    return {s["doc_id"] for s in meeting["sources"]}


def versions(meeting: dict, field: str) -> set:
    return {v["value"] for d in meeting["differences"] if d["field"] == field for v in d["values"]}


@pytest.mark.parametrize("ordinal,articles", [
    (1, {"article-01", "article-02"}),
    (4, {"article-04", "article-05"}),
    (20, {"article-09", "article-10"}),
    (21, {"article-12", "article-13", "article-14", "article-15"}),
])
def test_process_sample_round_told_by_several_articles_is_one_meeting(sample, ordinal, articles):
    meeting = rounds(sample)[ordinal]
    assert articles <= sources(meeting)
    assert meeting["venue"] == "Astana" and meeting["host"] == "KAZ"


@pytest.mark.parametrize("ordinal,field,values", [
    (20, "end", {"2023-06-21", "2023-06-22"}),
    (21, "start", {"2024-01-24", "2024-01-25"}),
])
def test_process_sample_keeps_both_dates_where_articles_differ(sample, ordinal, field, values):
    assert versions(rounds(sample)[ordinal], field) == values


def test_process_sample_whole_process(sample):
    astana = next(p for p in sample["processes"] if p["id"] == "astana")
    assert {1, 2, 4, 12, 20, 21, 22} <= set(astana["rounds"])
    assert astana["rounds"] == sorted(astana["rounds"])
    assert [h["venue"] for h in astana["hosts"]][:3] == ["Astana", "Nur-Sultan", "Astana"]
    r = rounds(sample)
    assert {o["type"] for o in r[4]["outcomes"]} >= {"memorandum", "de-escalation zones"}
    assert (r[21]["status"], r[22]["status"]) == ("held", "planned")
    assert {p["actor"] for p in r[21]["participants"] if p["role"] == "guarantor"} == {"IRN", "RUS", "TUR"}
    assert {"IRQ", "JOR", "LBN"} <= {p["actor"] for p in r[21]["participants"] if p["role"] == "observer"}
    stop = next(d for d in astana["decisions"] if d["kind"] == "stop_hosting")
    assert (stop["country"], stop["after_ordinal"], stop["date"]) == ("KAZ", 20, "2023-06-21")
    assert any(d["kind"] == "resume_condition" and d["country"] == "KAZ" for d in astana["decisions"])


@pytest.mark.parametrize("process,venue", [("geneva", "Geneva"), ("sochi", "Sochi")])
def test_process_sample_other_processes(sample, process, venue):
    found = [m for m in sample["meetings"] if m["process"] == process]
    assert found and {m["venue"] for m in found} == {venue}


def test_process_sample_undated_meeting_joins_only_a_meeting_near_its_report(sample):
    # article-07 (April 2019) speaks of "the first round" in Nur-Sultan without a date: it must
    # not join round 4 of May 2017, the nearest dated meeting in Kazakhstan two years before
    round4 = rounds(sample)[4]
    assert sources(round4) == {"article-04", "article-05"}
    assert round4["status"] == "held"


def test_process_sample_round_1_participants_by_role(sample):
    """Issue 22: round 1 lists the three sponsoring states, the two Syrian sides, and Kazakhstan
    only as host (no Kazakh armed group guessed from the venue)."""
    first = rounds(sample)[1]
    by_role: dict[str, set[str]] = {}
    for participant in first["participants"]:
        by_role.setdefault(participant["role"], set()).add(participant["actor"])
    assert by_role.get("host") == {"KAZ"}
    assert {"RUS", "TUR", "IRN"} <= by_role.get("sponsor", set()) | by_role.get("guarantor", set())
    assert {"SYR", "SYR-REB"} <= by_role.get("party", set())
    assert not [p for p in first["participants"] if p["country"] == "KAZ" and p["actor"] != "KAZ"]
