"""The places of the events map, grouped in Python from a few hundred counted rows.

Every map of events (:func:`parley.store.browse.event_places`) is one row per place with its
coordinates and its events by PLOVER type, most events first. DuckDB counts the rows (by place,
name and type); grouping them by place here costs less than a second grouping in SQL that
gathers the types into lists (about a third of the map's query on 10,000 articles). The rows
of ``place_event_counts`` are kept per database state as a :class:`PlaceCounts`, grouped by type
in advance, so that a map of one type, one quad class or one place reads only those types.
A map filtered by dates (with a type, a quad class or a place, or not) counts the placed events
of :class:`PlacedEvents`, arrays of every event with coordinates kept per database state, where
a query grouped every matching event per request (the events list's costliest map at 10,000
articles, growing with the corpus).
"""

from __future__ import annotations

from datetime import date
from typing import Collection, Iterable

import duckdb
import numpy as np

# a counted row: (geonameid, place name, country, lat, lon, PLOVER type or None, events)
PlaceRow = tuple


def _least(values) -> object:
    # SQL's min(): the smallest value, NULLs left out
    present = [v for v in values if v is not None]
    return min(present) if present else None


def _place(geonameid: int, counted: list[PlaceRow]) -> dict:
    types: dict[str, int] = {}
    for row in counted:
        name = "?" if row[5] is None else row[5]
        types[name] = types.get(name, 0) + int(row[6])
    return {"geonameid": geonameid, "place": _least(r[1] for r in counted), "country": _least(r[2] for r in counted),
            "lat": _least(r[3] for r in counted), "lon": _least(r[4] for r in counted),
            "events": sum(types.values()), "types": dict(sorted(types.items()))}


def _top(totals: dict[int, int], limit: int) -> list[int]:
    return sorted(totals, key=lambda geonameid: (-totals[geonameid], geonameid))[:int(limit)]


def group_places(counted: Iterable[PlaceRow], limit: int) -> list[dict]:
    """One row per place of ``counted`` rows: ``{"geonameid", "place", "country", "lat", "lon",
    "events", "types"}``, the smallest name, country and coordinates of its rows (as SQL's
    ``min``), its events summed and by type (``"?"`` for none), most events first, then by id;
    at most ``limit``. Only the places shown are described: the others are only counted."""
    totals: dict[int, int] = {}
    by_place: dict[int, list[PlaceRow]] = {}
    for row in counted:
        totals[row[0]] = totals.get(row[0], 0) + int(row[6])
        by_place.setdefault(row[0], []).append(row)
    return [_place(geonameid, by_place[geonameid]) for geonameid in _top(totals, limit)]


class PlaceCounts:
    """The rows of ``place_event_counts`` with coordinates, grouped by PLOVER type, then by place."""

    def __init__(self, counted: Iterable[PlaceRow]):
        self.by_type: dict[str | None, dict[int, list[PlaceRow]]] = {}
        for row in counted:
            self.by_type.setdefault(row[5], {}).setdefault(row[0], []).append(row)
        # events per place of each type, so that a map counts one number per place and type
        self.totals = {event_type: {geonameid: sum(int(r[6]) for r in found) for geonameid, found in places.items()}
                       for event_type, places in self.by_type.items()}

    def places(self, limit: int, types: Collection[str] | None = None, place: int | None = None) -> list[dict]:
        """:func:`group_places` of the rows of ``types`` (None: every type) at ``place`` (None: anywhere)."""
        chosen = [t for t in self.by_type if types is None or t in types]
        totals: dict[int, int] = {}
        for event_type in chosen:
            if place is None:
                for geonameid, n in self.totals[event_type].items():
                    totals[geonameid] = totals.get(geonameid, 0) + n
            elif place in self.totals[event_type]:
                totals[place] = totals.get(place, 0) + self.totals[event_type][place]
        return [_place(geonameid, [r for t in chosen for r in self.by_type[t].get(geonameid, ())])
                for geonameid in _top(totals, limit)]


def place_counts(conn: duckdb.DuckDBPyConnection) -> PlaceCounts:
    """Every row of ``place_event_counts`` with coordinates (a few thousand; the web app keeps
    them per database state)."""
    return PlaceCounts(conn.execute("SELECT geonameid, place, country, lat, lon, event_type, n "
                                    "FROM place_event_counts WHERE lat IS NOT NULL").fetchall())


# the day ordinals of a missing date: no bound of a since or an until filter lets them through
_NO_DAY = np.iinfo(np.int64).max


class PlacedEvents:
    """Every event with a place and coordinates, as arrays: the row it counts in (its place,
    name, country, coordinates and PLOVER type: the grouping of the map's query), its first
    day and its last day (its end, or its start when it has none) as ordinals.

    :meth:`places` gives what the map's query gives, ``count(*)`` of the matching events by
    those columns, grouped by :func:`group_places`.
    """

    def __init__(self, events: Iterable[tuple]):
        """:param events: ``(geonameid, place, country, lat, lon, event_type, first day, last day)``,
            the days as ``date.toordinal()`` or None."""
        keys: dict[tuple, int] = {}
        rows, first, last = [], [], []
        for *key, start, end in events:
            rows.append(keys.setdefault(tuple(key), len(keys)))
            first.append(_NO_DAY if start is None else start)
            last.append(-_NO_DAY if end is None else end)
        self.keys = list(keys)
        self.row = np.array(rows, dtype=np.int64)
        self.first = np.array(first, dtype=np.int64)
        self.last = np.array(last, dtype=np.int64)
        self._types = [key[5] for key in self.keys]
        self._place = np.array([key[0] for key in self.keys], dtype=np.int64)

    def places(self, limit: int, types: Collection[str] | None = None, place: int | None = None,
               since: str | None = None, until: str | None = None) -> list[dict]:
        """:func:`group_places` of the events of ``types`` (None: every type) at ``place`` (None:
        anywhere) that end on or after ``since`` and start on or before ``until`` (ISO days)."""
        chosen = np.ones(len(self.row), dtype=bool)
        if since:
            chosen &= self.last >= date.fromisoformat(since).toordinal()
        if until:
            chosen &= self.first <= date.fromisoformat(until).toordinal()
        kept = np.ones(len(self.keys), dtype=bool)
        if types is not None:
            kept &= np.array([t is not None and t in types for t in self._types], dtype=bool)
        if place is not None:
            kept &= self._place == place
        chosen &= kept[self.row]
        counts = np.bincount(self.row[chosen], minlength=len(self.keys))
        present = np.flatnonzero(counts)
        # the places with most events, chosen here: the counted rows of only those are made and
        # grouped (every place of the corpus that had an event in the filter's span, grouped in
        # Python, grew with the corpus: 4 ms of a 7 ms events page on 10,000 articles)
        if len(present) > limit:        # else every place is shown
            place_of = self._place[present]
            found, index = np.unique(place_of, return_inverse=True)
            totals = np.bincount(index, weights=counts[present])
            shown = found[np.lexsort((found, -totals))[:int(limit)]]
            present = present[np.isin(place_of, shown)]
        return group_places([(*self.keys[i], int(counts[i])) for i in present], limit)


def placed_events(conn: duckdb.DuckDBPyConnection) -> PlacedEvents:
    """Every event with a place and coordinates (the web app keeps them per database state)."""
    return PlacedEvents(conn.execute(
        "SELECT geonameid, place, place_country, lat, lon, event_type, (date_start - DATE '0001-01-01') + 1, "
        "(coalesce(date_end, date_start) - DATE '0001-01-01') + 1 FROM events "
        "WHERE geonameid IS NOT NULL AND lat IS NOT NULL").fetchall())
