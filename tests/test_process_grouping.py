"""Same-track meetings under one process (issue 20, session 19, procgroup19): a meeting whose pair of
a body and a state comes from its report joins the body's own meetings, unless a meeting names that
pair as its sides; a track's name does not depend on the order its reports are read in. Meetings and
reports written for these tests."""

from __future__ import annotations

from parley.process import build_processes


def _told(key: str, day: str | None, venue: str, parties: list[str], sentence_parties: list[str],
          doc_parties: list[list], fmt: str | None = None) -> dict:
    return {"key": key, "kind": "summit" if fmt else "talks", "process": None, "parties": parties,
            "sentence_parties": sentence_parties, "doc_parties": doc_parties, "format": fmt,
            "start": day, "end": day, "precision": "day" if day else None, "venue": venue}


def _processes(*reports: tuple[str, str, dict]) -> dict[str, str]:
    result = build_processes([({"doc_id": doc, "published": published}, [m]) for doc, published, m in reports])
    return {s["doc_id"]: m["process"] for m in result["meetings"] for s in m["sources"]}


def test_process_body_conference_told_in_a_members_report_is_the_bodys():
    # "the OAS general assembly opened in Lima on Monday"; a year later a report on Washington's part
    # in "the assembly in Asuncion", naming the OAS three times, names no side of the meeting itself
    assembly = _told("a", "2016-06-13", "Lima", ["OAS"], ["OAS"], [["OAS", 4], ["PER", 2]], fmt="OAS")
    next_one = _told("b", None, "Asuncion", [], ["USA", "OAS"], [["USA", 25], ["OAS", 3], ["PRY", 1]])
    by_its_body = _told("c", None, "Cancun", ["OAS"], ["OAS", "USA"], [["USA", 14], ["OAS", 5]])
    processes = _processes(("a", "2016-06-14", assembly), ("b", "2017-06-20", next_one),
                           ("c", "2018-06-05", by_its_body))
    assert processes == {"a": "oas", "b": "oas", "c": "oas"}


def test_process_pair_a_meeting_names_as_its_sides_keeps_its_track():
    # the agency's board meets on its own; its chief also meets Iranian officials, and a report on
    # Iran and the agency tells "the talks in Vienna" without naming their sides
    board = _told("a", "2019-06-10", "Vienna", ["IAEA"], ["IAEA"], [["IAEA", 5]], fmt="IAEA")
    visit = _told("b", "2019-11-11", "Tehran", ["IAEA", "IRN"], ["IAEA", "IRN"], [["IRN", 6], ["IAEA", 4]])
    talks = _told("c", "2019-12-02", "Vienna", [], ["IRN", "IAEA"], [["IRN", 9], ["IAEA", 6]])
    processes = _processes(("a", "2019-06-11", board), ("b", "2019-11-12", visit), ("c", "2019-12-03", talks))
    assert processes["a"] == "iaea"
    assert processes["b"] == processes["c"] == "iaea-irn"


def _processes_in_order(reports: list[tuple[str, str, dict]]) -> list:
    result = build_processes([({"doc_id": doc, "published": published}, [dict(m)]) for doc, published, m in reports])
    return sorted((p["id"], p["name"]) for p in result["processes"])


def test_process_names_do_not_depend_on_the_order_of_reports():
    # one report calls the meeting in Quito a summit, one calls it talks; a third recalls "the summit
    # in Quito" undated, a fourth "the talks in Lima"
    summit = _told("a", "2016-03-04", "Quito", ["ECU", "PER"], ["ECU", "PER"], [["ECU", 5], ["PER", 4]])
    summit["kind"] = "summit"
    talks = _told("b", "2016-03-05", "Quito", ["ECU", "PER"], ["ECU", "PER"], [["PER", 6], ["ECU", 3]])
    recalled = _told("c", None, "Quito", ["ECU", "PER"], ["ECU", "PER"], [["ECU", 2], ["PER", 2]])
    recalled["kind"] = "summit"
    other = _told("d", None, "Lima", ["ECU", "PER"], ["ECU", "PER"], [["PER", 3], ["ECU", 2]])
    reports = [("a", "2016-03-05", summit), ("b", "2016-03-06", talks), ("c", "2016-04-20", recalled),
               ("d", "2016-05-02", other)]
    first = _processes_in_order(reports)
    assert all(_processes_in_order(order) == first for order in (reports[::-1], reports[1:] + reports[:1],
                                                                [reports[2], reports[0], reports[3], reports[1]]))
    assert first == [("ecu-per", "Ecuador–Peru summits")]  # two and two: the first in sorted order
