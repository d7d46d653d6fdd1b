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

import json
from datetime import date, timedelta
from typing import Iterable

import numpy

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


def block_key(event: dict) -> str:
    """Return the block an event mention is clustered in, as a string: its event type, underlying
    type and smallest actor key.

    The store compares mentions only within a block, which keeps clustering near-linear at the
    scale of a news feed (mentions of one happening share all three), and rebuilds only the blocks
    that gained mentions. A mention without actors fits only one at the same known place (see
    :func:`_fits`), so its block also names the place, or the mention itself when it has none:
    the finer blocks give the same clusters and leave less to rebuild.

    :param event: an event (or event mention) in the shape of ``docs/design.md`` ("Event records").
    """
    actors = sorted(actor_key(a) for a in event.get("actor") or [])
    key = [event.get("event_type"), event.get("underlying_type"), actors[0] if actors else ""]
    if not actors:
        place = (event.get("location") or {}).get("geonameid")
        key.append(f"place {place}" if place else f"alone {event.get('event_id')}")
    return json.dumps(key, ensure_ascii=False)


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
    return _fits(_profile(a), _profile(b))


def _profile(event: dict) -> tuple:
    """What :func:`_fits` compares of an event, computed once (clustering compares each event
    with many clusters)."""
    place = event.get("location") or {}
    return (event["event_type"], event.get("underlying_type"), event.get("modality"), _keys(event["actor"]),
            _keys(event["recipient"]), _interval(event), place.get("geonameid"), bool(event.get("location")))


def _fits(a: tuple, b: tuple) -> bool:
    type_a, underlying_a, modality_a, actors_a, recipients_a, span_a, place_a, located_a = a
    type_b, underlying_b, modality_b, actors_b, recipients_b, span_b, place_b, located_b = b
    if type_a != type_b or underlying_a != underlying_b:
        return False
    if modality_a != modality_b and not any({modality_a, modality_b} <= group for group in COMPATIBLE_MODALITIES):
        return False
    shared_actors = actors_a & actors_b
    if actors_a and actors_b and not shared_actors:
        return False
    if not actors_a and not actors_b and not (located_a and located_b):
        return False
    if recipients_a and recipients_b and not recipients_a & recipients_b:
        return False
    if recipients_a & actors_b or recipients_b & actors_a:
        return False      # one's target is the other's actor: two sides of a quarrel, not one event
    if span_a and span_b and (span_a[1] < span_b[0] or span_b[1] < span_a[0]):
        return False
    if place_a and place_b and place_a != place_b:
        return False
    if not shared_actors and not (place_a and place_a == place_b):
        return False
    return True


class _Screen:
    """The modality class and date span of each placed cluster, as arrays.

    Most pairs in a block of a news feed differ in date or modality, and a block can hold
    thousands of events: the screen rules those out for all clusters at once, and only the rest
    are compared in full (:func:`_fits`), still in the order placed, so the first cluster that
    fits is the same one.
    """

    SMALL = 32      # fewer clusters than this are all compared in full

    def __init__(self, size: int) -> None:
        self.count = 0
        self.modality = numpy.zeros(size, dtype=numpy.int64)
        self.dated = numpy.zeros(size, dtype=bool)
        self.start = numpy.zeros(size, dtype=numpy.int64)
        self.end = numpy.zeros(size, dtype=numpy.int64)
        self.classes: dict = {}         # modality (or its group of compatible ones) -> class

    def _class(self, modality) -> int:
        found = self.classes.get(modality)
        if found is None:
            group = next((("group", i) for i, g in enumerate(COMPATIBLE_MODALITIES) if modality in g), modality)
            found = self.classes[modality] = self.classes.setdefault(group, len(self.classes))
        return found

    def set(self, index: int, profile: tuple) -> None:
        """Record the profile of the cluster at ``index`` (a new one at the end, or one that grew)."""
        self.count = max(self.count, index + 1)
        self.modality[index] = self._class(profile[2])
        span = profile[5]
        self.dated[index] = span is not None
        if span is not None:
            self.start[index], self.end[index] = span[0].toordinal(), span[1].toordinal()

    def candidates(self, profile: tuple) -> Iterable[int]:
        """Indices of the placed clusters an event of ``profile`` may fit, in order."""
        n = self.count
        if n < self.SMALL:
            return range(n)
        keep = self.modality[:n] == self._class(profile[2])
        span = profile[5]
        if span is not None:
            keep &= ~self.dated[:n] | ((self.start[:n] <= span[1].toordinal()) & (self.end[:n] >= span[0].toordinal()))
        return numpy.flatnonzero(keep).tolist()


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
    """Lower is more precise: a stated date, then a publication date, then no date at all.

    No date ranks last because an undated cluster fits mentions of any date: had it lent a dated
    cluster its missing date, that cluster would take mentions of any year from then on.
    """
    when = event.get("date") or {}
    span = _interval(event)
    width = (span[1] - span[0]).days if span else 0
    return (span is None, when.get("precision") == "publication", width)


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

    :param events: events in the shape of ``docs/design.md`` (from ``doc.events`` or ``parley code``).
    :returns: one event per happening, each with ``mentions`` (every mention's event id,
      evidence, trigger, modality, confidence, reporters, date), ``mention_count`` and
      ``source_count`` (distinct documents); ordered by first appearance.
    """
    clusters: list[dict] = []
    ordered = sorted(enumerate(events), key=lambda pair: -(pair[1].get("confidence") or 0))
    placed: list[tuple[int, dict]] = []
    profiles: list[tuple] = []          # of each placed cluster, renewed when it grows
    screen = _Screen(len(events))
    for position, event in ordered:
        profile = _profile(event)
        for index in screen.candidates(profile):
            if _fits(profiles[index], profile):
                first, cluster = placed[index]
                merge(cluster, event)
                placed[index] = (min(first, position), cluster)
                profiles[index] = _profile(cluster)
                screen.set(index, profiles[index])
                break
        else:
            fresh = dict(event)
            fresh["mentions"] = _mentions_of(event)
            placed.append((position, fresh))
            profiles.append(profile)
            screen.set(len(placed) - 1, profile)
    for _, cluster in sorted(placed, key=lambda pair: pair[0]):
        cluster["mention_count"] = len(cluster["mentions"])
        cluster["source_count"] = len({(m.get("evidence") or {}).get("doc_id") for m in cluster["mentions"]})
        confidences = [m.get("confidence") or 0 for m in cluster["mentions"]]
        cluster["confidence"] = round(min(0.99, max(confidences) + 0.05 * (len(confidences) - 1)), 2)
        clusters.append(cluster)
    return clusters
