"""One event per happening: cluster event mentions within and across documents.

Two event mentions tell the same happening when they have the same event type (and
underlying type), compatible modality, overlapping actors (and recipients, when both have
some), compatible dates and compatible places. A cluster keeps every mention (evidence,
trigger, document) and counts them, like GDELT's mentions table without dropping any.

Example::

    merged = cluster_events(events_from_many_documents)
    merged[0]["mention_count"], merged[0]["mentions"][0]["evidence"]["doc_id"]
"""

from __future__ import annotations

from datetime import date, timedelta

# Mentions dated only by publication may report a happening up to this long before.
PUBLICATION_WINDOW = timedelta(days=7)
COMPATIBLE_MODALITIES = ({"asserted", "reported"},)


def actor_key(actor: dict) -> str:
    """Return the comparison key of an actor: its id, else country+sector, else its text.

    :param actor: an actor object of an event.
    """
    if actor.get("country"):
        return f"{actor['country']}{actor.get('sector') or ''}"
    return actor.get("id") or (actor.get("text") or "").lower()


def _keys(actors: list[dict]) -> set[str]:
    return {actor_key(a) for a in actors}


def _interval(event: dict) -> tuple[date, date] | None:
    when = event.get("date") or {}
    try:
        start = date.fromisoformat(str(when.get("start"))[:10])
        end = date.fromisoformat(str(when.get("end") or when.get("start"))[:10])
    except ValueError:
        return None
    if when.get("precision") == "publication":
        # clamped: a publication date in year 1 would overflow (found by fuzzing, issue 10)
        start = max(start, date.min + PUBLICATION_WINDOW) - PUBLICATION_WINDOW
    return start, end


def compatible(a: dict, b: dict) -> bool:
    """Whether two events (or clusters) can describe the same happening.

    :param a: an event or cluster.
    :param b: another event or cluster.
    """
    if a["event_type"] != b["event_type"] or a.get("underlying_type") != b.get("underlying_type"):
        return False
    modalities = {a.get("modality"), b.get("modality")}
    if len(modalities) > 1 and not any(modalities <= group for group in COMPATIBLE_MODALITIES):
        return False
    actors_a, actors_b = _keys(a["actor"]), _keys(b["actor"])
    if actors_a and actors_b and not actors_a & actors_b:
        return False
    if not actors_a and not actors_b and not (a.get("location") and b.get("location")):
        return False
    recipients_a, recipients_b = _keys(a["recipient"]), _keys(b["recipient"])
    if recipients_a and recipients_b and not recipients_a & recipients_b:
        return False
    if recipients_a & actors_b or recipients_b & actors_a:
        return False      # one's target is the other's actor: two sides of a quarrel, not one event
    span_a, span_b = _interval(a), _interval(b)
    if span_a and span_b and (span_a[1] < span_b[0] or span_b[1] < span_a[0]):
        return False
    place_a, place_b = a.get("location") or {}, b.get("location") or {}
    if place_a.get("geonameid") and place_b.get("geonameid") and place_a["geonameid"] != place_b["geonameid"]:
        return False
    if not (actors_a & actors_b) and not (place_a.get("geonameid") and place_a.get("geonameid") == place_b.get("geonameid")):
        return False
    return True


def _mentions_of(event: dict) -> list[dict]:
    if event.get("mentions"):
        return list(event["mentions"])
    return [{"event_id": event["event_id"], "evidence": event.get("evidence"), "trigger": event.get("trigger"),
             "modality": event.get("modality"), "confidence": event.get("confidence"),
             "reported_by": event.get("reported_by"), "date": event.get("date")}]


def _union(first: list[dict], second: list[dict]) -> list[dict]:
    keys = _keys(first)
    merged = list(first)
    for actor in second:
        if actor_key(actor) not in keys:
            merged.append(actor)
            keys.add(actor_key(actor))
    return merged


def _precision_rank(event: dict) -> tuple:
    when = event.get("date") or {}
    span = _interval(event)
    width = (span[1] - span[0]).days if span else 10_000
    return (when.get("precision") == "publication", width)


def merge(cluster: dict, event: dict) -> dict:
    """Merge ``event`` into ``cluster`` (both in event shape); returns the cluster.

    :param cluster: the cluster so far (its first event is the representative).
    :param event: an event or another cluster.
    """
    cluster["mentions"] = _mentions_of(cluster) + _mentions_of(event)
    cluster["actor"] = _union(cluster["actor"], event["actor"])
    cluster["recipient"] = _union(cluster["recipient"], event["recipient"])
    cluster["context"] = sorted(set(cluster.get("context") or []) | set(event.get("context") or []))
    if _precision_rank(event) < _precision_rank(cluster):
        cluster["date"] = event["date"]
    if not cluster.get("location") and event.get("location"):
        cluster["location"] = event["location"]
    return cluster


def cluster_events(events: list[dict]) -> list[dict]:
    """Group event mentions that tell the same happening into one event each.

    Works on events from one document or many (the store calls it across documents);
    already clustered events are merged with their mentions kept.

    :param events: events in the shape of design.md (from ``doc.events`` or ``parley code``).
    :returns: one event per happening, each with ``mentions`` (every mention's event id,
      evidence, trigger, modality, confidence, reporters, date), ``mention_count`` and
      ``source_count`` (distinct documents); ordered by first appearance.
    """
    clusters: list[dict] = []
    ordered = sorted(enumerate(events), key=lambda pair: -(pair[1].get("confidence") or 0))
    placed: list[tuple[int, dict]] = []
    for position, event in ordered:
        for index, (first, cluster) in enumerate(placed):
            if compatible(cluster, event):
                merge(cluster, event)
                placed[index] = (min(first, position), cluster)
                break
        else:
            fresh = dict(event)
            fresh["mentions"] = _mentions_of(event)
            placed.append((position, fresh))
    for _, cluster in sorted(placed, key=lambda pair: pair[0]):
        cluster["mention_count"] = len(cluster["mentions"])
        cluster["source_count"] = len({(m.get("evidence") or {}).get("doc_id") for m in cluster["mentions"]})
        confidences = [m.get("confidence") or 0 for m in cluster["mentions"]]
        cluster["confidence"] = round(min(0.99, max(confidences) + 0.05 * (len(confidences) - 1)), 2)
        clusters.append(cluster)
    return clusters
