"""The process reference table (bench/devsets/processes.yaml) and how process_eval picks its parts.

Only the table is loaded here: no article is read or processed, so the held-out parts stay unseen.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from process_eval import DEVSET, held_out_part, held_out_parts, load_devset  # noqa: E402

# A small table of my own: one dev track, two held-out parts written one after the other, a
# shared confusable and one confusable for each held-out part.
TWO_HELD_OUT_PARTS = """
version: 1
tracks:
  - id: river-talks
    name: River commission talks
    parties: [AAA, BBB]
    meetings:
      - {id: first, start: 2014-05-02, end: 2014-05-03, venue: Lakeville, articles: [devArticle000001]}
  - id: border-talks
    name: Border talks
    set: holdout7
    holdout: true
    parties: [AAA, CCC]
    meetings:
      - {id: first, start: 2016-03-01, end: 2016-03-01, venue: Hilltown, articles: [oldHeldArticle01]}
      - {id: second, start: 2016-09-12, end: 2016-09-13, venue: Hilltown, articles: [oldHeldArticle02]}
  - id: port-talks
    name: Port talks
    set: holdout8
    holdout: true
    parties: [BBB, CCC]
    meetings:
      - {id: first, start: 2018-01-20, end: 2018-01-21, venue: Seaport, articles: [newHeldArticle01]}
confusables:
  - {id: sharedConfusable, why: a budget negotiation}
  - {id: oldHeldConfusabl, why: a caption in Hilltown, set: holdout7}
  - {id: newHeldConfusabl, why: a ferry timetable in Seaport, set: holdout8}
"""


def two_part_table(tmp_path: Path) -> Path:
    """Write the two-held-out-part table to a file and return its path."""
    path = tmp_path / "processes.yaml"
    path.write_text(TWO_HELD_OUT_PARTS, encoding="utf-8")
    return path


def test_holdout_scores_the_first_held_out_part_while_a_later_one_waits(tmp_path):
    path = two_part_table(tmp_path)
    tracks = yaml.safe_load(TWO_HELD_OUT_PARTS)["tracks"]
    assert held_out_parts(tracks) == ["holdout7", "holdout8"]
    assert held_out_part(tracks) == "holdout7"

    held = load_devset(path, holdout=True)
    assert held["part"] == "holdout7"
    assert [t["id"] for t in held["tracks"]] == ["border-talks"]
    assert [m["ref_id"] for m in held["meetings"]] == ["border-talks/first", "border-talks/second"]
    assert {c["id"] for c in held["confusables"]} == {"sharedConfusable", "oldHeldConfusabl"}


def test_the_later_held_out_part_is_scored_only_by_its_set(tmp_path):
    path = two_part_table(tmp_path)
    later = load_devset(path, only_set="holdout8")
    assert later["part"] == "holdout8"
    assert [m["ref_id"] for m in later["meetings"]] == ["port-talks/first"]
    assert {c["id"] for c in later["confusables"]} == {"sharedConfusable", "newHeldConfusabl"}

    dev = load_devset(path)
    assert dev["part"] == "dev"
    assert [t["id"] for t in dev["tracks"]] == ["river-talks"]
    assert {c["id"] for c in dev["confusables"]} == {"sharedConfusable"}


def test_when_the_earlier_part_becomes_a_dev_part_holdout_moves_to_the_later_one(tmp_path):
    made_dev = TWO_HELD_OUT_PARTS.replace("set: holdout7\n    holdout: true", "set: dev9")
    made_dev = made_dev.replace("set: holdout7}", "set: dev9}")
    path = tmp_path / "processes.yaml"
    path.write_text(made_dev, encoding="utf-8")
    held = load_devset(path, holdout=True)
    assert held["part"] == "holdout8"
    assert [t["id"] for t in held["tracks"]] == ["port-talks"]
    assert "border-talks" in [t["id"] for t in load_devset(path)["tracks"]]


def test_no_held_out_part_gives_none():
    assert held_out_part([{"id": "a", "set": "dev2"}, {"id": "b"}]) is None
    assert held_out_parts([]) == []


def test_real_table_parts_are_disjoint_and_holdout_takes_the_first_held_out_set():
    data = yaml.safe_load(DEVSET.read_text(encoding="utf-8"))
    parts = held_out_parts(data["tracks"])
    assert parts, "the table holds no held-out part"
    held = load_devset(holdout=True)
    assert held["part"] == parts[0]
    assert held["tracks"] and all(t.get("holdout") and t["set"] == parts[0] for t in held["tracks"])
    # a held-out set written ahead is in neither the dev figures nor --holdout
    dev_ids = {t["id"] for t in load_devset()["tracks"]}
    for later in parts[1:]:
        later_part = load_devset(only_set=later)
        assert later_part["meetings"]
        assert not {t["id"] for t in later_part["tracks"]} & (dev_ids | {t["id"] for t in held["tracks"]})
    # no article (reported, mentioned or confusable) belongs to two parts
    parts_of: dict[str, set[str]] = defaultdict(set)
    for track in data["tracks"]:
        for meeting in track["meetings"]:
            for article in meeting["articles"] + meeting.get("mentions", []):
                parts_of[article].add(track.get("set", "dev1"))
    for confusable in data["confusables"]:
        parts_of[confusable["id"]].add(confusable.get("set") or "shared")
    assert {a: p for a, p in parts_of.items() if len(p) > 1} == {}


def test_real_table_meetings_are_complete():
    data = yaml.safe_load(DEVSET.read_text(encoding="utf-8"))
    for track in data["tracks"]:
        assert track["parties"], track["id"]
        meeting_ids = [m["id"] for m in track["meetings"]]
        assert len(meeting_ids) == len(set(meeting_ids)), track["id"]
        for meeting in track["meetings"]:
            where = f"{track['id']}/{meeting['id']}"
            assert meeting["articles"], where
            assert meeting["venue"], where
            assert meeting["start"] <= meeting["end"], where
            assert meeting.get("status", "held") in {"held", "planned", "cancelled", "postponed"}, where


def test_figures_keep_the_counts_and_no_meeting_or_article():
    # split-half validation scores a confirm part by its counts alone: no row, meeting id or article id
    from process_eval import evaluate, figures
    dev = {"tracks": [{"id": "river-talks", "meetings": [{"id": "first"}, {"id": "second"}]}],
           "meetings": [{"ref_id": "river-talks/first", "track": "river-talks", "start": "2014-05-02",
                         "end": "2014-05-03", "venue": "Lakeville", "articles": ["artRiverOne00001"]},
                        {"ref_id": "river-talks/second", "track": "river-talks", "start": "2014-09-01",
                         "venue": "Hilltown", "articles": ["artRiverTwo00002"]}],
           "confusables": [{"id": "artBudgetTalks01"}]}
    found = [{"id": "aaa-bbb-2014-05-02", "process": "aaa-bbb", "start": "2014-05-02", "end": "2014-05-03",
              "venue": "Lakeville", "sources": [{"doc_id": "artRiverOne00001"}]},
             {"id": "budget-1", "process": None, "start": None, "venue": None,
              "sources": [{"doc_id": "artBudgetTalks01"}]}]
    report = {**evaluate(dev, {"meetings": found, "processes": [{"id": "aaa-bbb"}]}), "part": "dev1", "articles": 3}
    counts = figures(report)
    assert counts == {"part": "dev1", "articles": 3, "reference_meetings": 2, "tracks": 1, "clean_count": 1,
                      "found_with_own_article": 1, "pairs": 1, "pairs_grouped": 0, "cross_track_merges": 0,
                      "unrelated_meetings": 1, "meetings_found": 2, "processes_found": 1}
    assert "artRiverOne00001" not in repr(counts) and "budget-1" not in repr(counts)
