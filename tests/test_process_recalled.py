"""A report that only recalls an earlier meeting is a mention of it, not a source (issue 20,
session 17): the meeting ended more than a month before the report, and the report tells another
meeting as its news. Meetings written for these tests.
"""

from __future__ import annotations

from parley.process import build_processes
from tests.test_process_crossdoc import told
from tests.test_process_merge import meta

OSLO = {"name": "Oslo", "feature": "city", "country": "NOR"}
LIMA = {"name": "Lima", "feature": "city", "country": "PER"}


def _by_venue(result: dict) -> dict[str, dict]:
    return {m["venue"]: m for m in result["meetings"]}


def _ids(records: list[dict]) -> list[str]:
    return [r["doc_id"] for r in records]


def test_recalling_report_is_a_mention_of_the_earlier_meeting():
    result = build_processes([
        (meta("june", "2019-06-13"), [told("oslo talks", "2019-06-12", OSLO)]),
        (meta("sept", "2019-09-20"), [told("lima talks", "2019-09-19", LIMA),
                                      told("oslo talks", "2019-06-12", OSLO)]),
    ])
    oslo, lima = _by_venue(result)["Oslo"], _by_venue(result)["Lima"]
    assert _ids(oslo["sources"]) == ["june"] and _ids(oslo["mentions"]) == ["sept"]
    assert _ids(lima["sources"]) == ["sept"] and lima["mentions"] == []


def test_meeting_only_recalled_keeps_its_reports_as_sources():
    # a timeline needs the earlier meeting even when no report of the set tells it as news
    result = build_processes([
        (meta("sept", "2019-09-20"), [told("lima talks", "2019-09-19", LIMA),
                                      told("oslo talks", "2019-06-12", OSLO)]),
    ])
    oslo = _by_venue(result)["Oslo"]
    assert _ids(oslo["sources"]) == ["sept"] and oslo["mentions"] == []


def test_report_without_news_of_its_own_stays_a_source():
    # a look back at the June talks tells no meeting of its day: it reports the talks it is about
    result = build_processes([
        (meta("june", "2019-06-13"), [told("oslo talks", "2019-06-12", OSLO)]),
        (meta("review", "2019-09-20"), [told("oslo talks", "2019-06-12", OSLO)]),
    ])
    [oslo] = result["meetings"]
    assert _ids(oslo["sources"]) == ["june", "review"] and oslo["mentions"] == []
