"""One event per happening: clustering event mentions within and across documents."""

from __future__ import annotations

import pytest

from parley.events.cluster import cluster_events


def event(event_id, event_type, actors, doc="d1", start="2024-01-24", end=None, precision="day",
          geonameid=None, modality="asserted", recipients=(), confidence=0.7, underlying=None):
    return {
        "event_id": event_id, "event_type": event_type, "underlying_type": underlying, "modality": modality,
        "actor": [{"text": a, "id": a, "country": a, "sector": "GOV"} for a in actors],
        "recipient": [{"text": r, "id": r, "country": r, "sector": "GOV"} for r in recipients],
        "date": {"text": None, "start": start, "end": end or start, "precision": precision},
        "location": {"geonameid": geonameid, "name": str(geonameid)} if geonameid else None,
        "evidence": {"doc_id": doc, "sentence": 0, "start": 0, "end": 1, "text": "x"},
        "trigger": {"text": "met"}, "confidence": confidence, "context": ["diplomatic"],
    }


def test_events_cluster_merges_mentions_across_documents():
    merged = cluster_events([
        event("e1", "CONSULT", ["RUS", "TUR"], doc="a", geonameid=1526273),
        event("e2", "CONSULT", ["TUR", "IRN"], doc="b", start="2024-01-24", end="2024-01-25", geonameid=1526273),
        event("e3", "CONSULT", ["IRN"], doc="c", start="2024-01-26", precision="publication"),
    ])
    assert len(merged) == 1
    cluster = merged[0]
    assert cluster["mention_count"] == 3 and cluster["source_count"] == 3
    assert {m["event_id"] for m in cluster["mentions"]} == {"e1", "e2", "e3"}
    assert {a["country"] for a in cluster["actor"]} == {"RUS", "TUR", "IRN"}
    assert cluster["date"]["precision"] == "day"


@pytest.mark.parametrize("other", [
    event("e2", "ACCUSE", ["RUS"]),                                   # another type
    event("e2", "CONSULT", ["USA"]),                                  # no shared actor
    event("e2", "CONSULT", ["RUS"], start="2024-03-01"),              # another date
    event("e2", "CONSULT", ["RUS"], geonameid=2660646),               # another place
    event("e2", "CONSULT", ["RUS"], modality="negated"),              # did not happen
    event("e2", "CONSULT", ["RUS"], recipients=["SYR"]),              # another recipient
    event("e2", "CONSULT", ["RUS", "IRN"]),                           # its recipient acts here
])
def test_events_cluster_keeps_distinct_happenings_apart(other):
    first = event("e1", "CONSULT", ["RUS"], geonameid=1526273, recipients=["IRN"])
    assert len(cluster_events([first, other])) == 2


def test_events_cluster_is_idempotent_on_clusters():
    once = cluster_events([event("e1", "CONSULT", ["RUS"]), event("e2", "CONSULT", ["RUS"], doc="b")])
    twice = cluster_events(once + [event("e3", "CONSULT", ["RUS"], doc="c")])
    assert len(twice) == 1 and twice[0]["mention_count"] == 3
