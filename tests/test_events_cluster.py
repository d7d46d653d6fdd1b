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


def _every_pair(events):
    """Clustering by comparing each event with every cluster so far: what the screen must equal."""
    from parley.events.cluster import _mentions_of, compatible, merge

    placed = []
    for position, item in sorted(enumerate(events), key=lambda pair: -(pair[1].get("confidence") or 0)):
        for index, (first, cluster) in enumerate(placed):
            if compatible(cluster, item):
                placed[index] = (min(first, position), merge(cluster, item))
                break
        else:
            placed.append((position, {**item, "mentions": _mentions_of(item)}))
    return [cluster for _, cluster in sorted(placed, key=lambda pair: pair[0])]


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_events_cluster_screen_finds_the_same_clusters_as_every_pair(seed):
    """A block of hundreds of events, where the date and modality screen is used."""
    import copy
    import random

    rng = random.Random(seed)
    events = [event(f"e{i}", "CONSULT", rng.sample(["RUS", "TUR", "IRN", "SYR", "USA"], rng.randint(0, 2)),
                    doc=f"d{i % 40}", start=f"2024-01-{rng.randint(1, 28):02d}",
                    precision=rng.choice(["day", "day", "publication"]),
                    modality=rng.choice(["asserted", "reported", "negated", "planned", None]),
                    geonameid=rng.choice([None, None, 1526273, 2660646]), confidence=rng.choice([0.5, 0.6, 0.7, 0.8]),
                    recipients=rng.sample(["SYR", "USA"], rng.randint(0, 1)))
              for i in range(300)]
    found, expected = cluster_events(copy.deepcopy(events)), _every_pair(copy.deepcopy(events))
    assert 30 < len(found) < 300
    assert [[m["event_id"] for m in c["mentions"]] for c in found] == \
        [[m["event_id"] for m in c["mentions"]] for c in expected]


@pytest.mark.parametrize("seed", [1, 2])
def test_events_cluster_blocks_of_mentions_without_actors_lose_no_cluster(seed):
    """Clustering actorless mentions block by block gives what clustering them together gives."""
    import copy
    import random
    from collections import defaultdict

    from parley.events.cluster import block_key

    rng = random.Random(seed)
    events = [event(f"e{i}", rng.choice(["ASSAULT", "ACCUSE"]), [], doc=f"d{i % 30}",
                    start=f"2024-01-{rng.randint(1, 9):02d}", precision=rng.choice(["day", "publication"]),
                    modality=rng.choice(["asserted", "reported", "negated"]),
                    geonameid=rng.choice([None, 1526273, 2660646, 170654]), recipients=rng.sample(["SYR"], rng.randint(0, 1)))
              for i in range(200)]
    blocks = defaultdict(list)
    for item in copy.deepcopy(events):
        blocks[block_key(item)].append(item)
    by_block = [cluster for block in blocks.values() for cluster in cluster_events(block)]
    together = cluster_events(copy.deepcopy(events))
    assert len(blocks) > 10 and 30 < len(together) < 150
    assert sorted(by_block, key=lambda c: c["event_id"]) == sorted(together, key=lambda c: c["event_id"])


def test_events_cluster_keeps_a_dated_cluster_dated_when_an_undated_mention_joins():
    """An undated mention fits any date; it must not lend the cluster its missing date, or the
    cluster would then take mentions of any year (a 2015 meeting and one of 2019 made one)."""
    merged = cluster_events([
        event("e1", "CONSULT", ["RUS"], doc="a", start="2015-03-10", precision="publication", confidence=0.9),
        event("e2", "CONSULT", ["RUS"], doc="b", start=None, confidence=0.8),
        event("e3", "CONSULT", ["RUS"], doc="c", start="2019-06-01", confidence=0.7),
    ])
    assert len(merged) == 2
    by_first = {cluster["mentions"][0]["event_id"]: cluster for cluster in merged}
    assert {m["event_id"] for m in by_first["e1"]["mentions"]} == {"e1", "e2"}
    assert by_first["e1"]["date"]["start"] == "2015-03-10"
    assert {m["event_id"] for m in by_first["e3"]["mentions"]} == {"e3"}
