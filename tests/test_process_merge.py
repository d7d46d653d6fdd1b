"""parley.process.build_processes over meeting dicts: one meeting per round, its sources, differences."""

from __future__ import annotations

import pytest

from parley.process import build_processes


def meeting(key: str, ordinal: int | None = None, start=None, end=None, precision="day", **extra) -> dict:
    record = {"key": key, "kind": "round" if ordinal else "talks", "process": "astana",
              "process_name": "Astana process", "ordinal": ordinal, "start": start, "end": end,
              "precision": precision if (start or end) else None, "venue": "Astana", "host": "KAZ",
              "status": "held", "changes": [], "participants": [], "outcomes": [], "flags": [], "parent": None,
              "evidence": [{"text": key, "char_start": 0, "char_end": len(key), "sentence": 0}]}
    record.update(extra)
    return record


def participant(actor: str, role: str) -> dict:
    return {"actor": actor, "name": actor, "country": actor, "type": "state", "role": role,
            "evidence": [{"text": actor, "char_start": 0, "char_end": 3, "sentence": 0}]}


def meta(doc_id: str, published: str) -> dict:
    return {"doc_id": doc_id, "published": published, "outlet": f"outlet {doc_id}"}


def by_id(result: dict) -> dict[str, dict]:
    return {m["id"]: m for m in result["meetings"]}


def test_process_merge_same_round_is_one_meeting():
    result = build_processes([
        (meta("a", "2023-06-21"), [meeting("astana#20", 20, None, "2023-06-21")]),
        (meta("b", "2023-06-22"), [meeting("astana#20", 20)]),
        (meta("c", "2023-06-23"), [meeting("astana#20", 20, flags=["last_hosted"])]),
    ])
    [m] = result["meetings"]
    assert m["id"] == "astana-20"
    assert [s["doc_id"] for s in m["sources"]] == ["a", "b", "c"]
    assert m["end"] == "2023-06-21" and m["flags"] == ["last_hosted"] and m["differences"] == []
    assert result["processes"][0]["meetings"] == ["astana-20"]


def test_process_merge_keeps_both_versions_where_sources_differ():
    result = build_processes([
        (meta("a", "2017-01-25"), [meeting("astana#1", 1, "2017-01-23", "2017-01-24")]),
        (meta("b", "2017-01-25"), [meeting("astana#1", 1, "2017-01-23", "2017-01-24")]),
        (meta("c", "2017-01-26"), [meeting("astana#1", 1, "2017-01-24", "2017-01-24", venue="Almaty")]),
    ])
    [m] = result["meetings"]
    diffs = {d["field"]: d["values"] for d in m["differences"]}
    assert m["start"] == "2017-01-23"
    assert diffs["start"] == [{"value": "2017-01-23", "sources": ["a", "b"]},
                              {"value": "2017-01-24", "sources": ["c"]}]
    assert diffs["venue"] == [{"value": "Astana", "sources": ["a", "b"]}, {"value": "Almaty", "sources": ["c"]}]


@pytest.mark.parametrize("coarse,joins", [(("2017-01-01", "2017-01-31", "month"), True),
                                          (("2017-03-01", "2017-03-31", "month"), False)])
def test_process_merge_dated_talks_join_round_by_overlap(coarse, joins):
    start, end, precision = coarse
    result = build_processes([
        (meta("a", "2017-02-17"), [meeting("astana#1", 1, "2017-01-23", "2017-01-24")]),
        (meta("b", "2023-06-23"), [meeting("astana@x", None, start, end, precision)]),
    ])
    assert (len(result["meetings"]) == 1) is joins


def test_process_merge_status_follows_the_latest_report():
    result = build_processes([
        (meta("a", "2024-01-19"), [meeting("astana#21", 21, "2024-01-24", "2024-01-25", status="planned")]),
        (meta("b", "2024-01-26"), [meeting("astana#21", 21, "2024-01-24", "2024-01-25", status="held")]),
    ])
    [m] = result["meetings"]
    assert m["status"] == "held"
    assert [(h["status"], h["published"]) for h in m["status_history"]] == [("planned", "2024-01-19"),
                                                                           ("held", "2024-01-26")]


def test_process_merge_side_meeting_starts_its_round():
    side = meeting("astana~2023-06-20", None, "2023-06-20", "2023-06-20", kind="side", parent="astana#20",
                   level="ministerial")
    result = build_processes([(meta("a", "2023-06-21"), [meeting("astana#20", 20, None, "2023-06-21"), side])])
    found = by_id(result)
    assert found["astana-20"]["start"] == "2023-06-20"
    assert found["astana-20"]["side_meetings"] == ["astana-20-side-2023-06-20"]
    assert found["astana-20-side-2023-06-20"]["parent"] == "astana-20"


def test_process_merge_roles_over_time_and_role_conflicts():
    result = build_processes([
        (meta("a", "2017-01-25"), [meeting("astana#1", 1, "2017-01-23", "2017-01-24",
                                           participants=[participant("JOR", "observer")])]),
        (meta("b", "2017-02-17"), [meeting("astana#2", 2, "2017-02-15", "2017-02-16",
                                           participants=[participant("JOR", "party")])]),
        (meta("c", "2017-02-18"), [meeting("astana#2", 2, participants=[participant("JOR", "observer")])]),
    ])
    [process] = result["processes"]
    jordan = next(p for p in process["participants"] if p["actor"] == "JOR")
    assert [(r["role"], r["first"], r["last"]) for r in jordan["roles"]] == [("observer", "round 1", "round 1"),
                                                                            ("party", "round 2", "round 2")]
    assert jordan["changed"] is True
    round2 = by_id(result)["astana-2"]
    assert {d["field"] for d in round2["differences"]} == {"role:JOR"}


def test_process_merge_decisions_join_across_documents():
    def note(doc_id, **decision):
        base = {"kind": "resume_condition", "status": "announced", "actor": "KAZ", "actor_name": "Kazakhstan",
                "country": "KAZ", "date": None, "date_from": None, "reported": "2023-06-23", "precision": None,
                "after_ordinal": None, "condition": None, "members": [],
                "evidence": {"text": doc_id, "char_start": 0, "char_end": 1, "sentence": 0}}
        base.update(decision)
        return {"kind": "process", "process": "astana", "aliases": ["Astana Process"], "decisions": [base],
                "participants": [], "outcomes": []}

    condition = {"text": "if all participants request", "char_start": 0, "char_end": 5, "sentence": 0}
    result = build_processes([
        (meta("a", "2023-06-23"), [note("a", condition=condition)]),
        (meta("b", "2023-06-21"), [note("b", reported="2023-06-21", date="2023-06-21", date_from="text",
                                        precision="day")]),
    ])
    [process] = result["processes"]
    [decision] = process["decisions"]
    assert decision["sources"] == ["a", "b"]
    assert decision["date"] == "2023-06-21"
    assert decision["condition"]["text"] == "if all participants request"
    assert "Kazakhstan would resume" in decision["text"]


@pytest.mark.parametrize("venues,merged", [(("Tehran", "Tehran"), 1), (("Tehran", "Washington"), 2), ((None, None), 2)])
def test_process_merge_meetings_of_no_process_join_only_in_one_place(venues, merged):
    result = build_processes([
        (meta(str(n), "2018-09-08"), [meeting("None@2018-09-07", None, "2018-09-07", "2018-09-07", process=None,
                                              venue=venue)])
        for n, venue in enumerate(venues)])
    assert len(result["meetings"]) == merged
