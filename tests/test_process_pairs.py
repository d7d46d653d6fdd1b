"""Same-track meetings grouped under one process (issue 20, session 16, pairs): a meeting that
names no parties of its own is signed by the parties of its sentences that its report names
again, not by one named there in passing. Meetings and reports written for these tests."""

from __future__ import annotations

from parley.process import build_processes
from parley.process.discover import signature


def _told(key: str, sentence_parties: list[str], doc_parties: list[list], **fields) -> dict:
    return {"key": key, "kind": "talks", "process": None, "parties": [], "sentence_parties": sentence_parties,
            "doc_parties": doc_parties, **fields}


def test_process_party_named_once_in_the_sentence_is_no_side_of_the_track():
    # "Chile and Peru met again, as the Holy See had urged": the Vatican, named once, is no side
    meeting = _told("a#1", ["CHL", "PER", "VAT"], [["CHL", 20], ["PER", 6], ["QAT", 1]])
    assert signature(meeting) == (frozenset({"CHL", "PER"}), False)


def test_process_three_parties_the_report_is_about_stay_the_signature():
    meeting = _told("a#1", ["CHL", "PER", "BOL"], [["CHL", 20], ["PER", 6], ["BOL", 5]])
    assert signature(meeting) == (frozenset({"CHL", "PER", "BOL"}), False)


def test_process_meeting_with_a_passing_party_joins_the_pairs_track():
    first = {"key": "a#1", "kind": "talks", "process": None, "parties": ["CHL", "PER"], "start": "2016-09-12",
             "end": "2016-09-12", "precision": "day", "venue": "Doha",
             "doc_parties": [["CHL", 9], ["PER", 8]]}
    later = _told("b#1", ["CHL", "PER", "VAT"], [["CHL", 20], ["PER", 6]], start="2016-11-02",
                  end="2016-11-02", precision="day", venue="Lima")
    result = build_processes([({"doc_id": "a", "published": "2016-09-13"}, [first]),
                              ({"doc_id": "b", "published": "2016-11-03"}, [later])])
    assert [m["process"] for m in result["meetings"]] == ["chl-per", "chl-per"]
