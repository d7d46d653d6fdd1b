"""The places of the events map, grouped in Python from a few hundred counted rows.

Every map of events (:func:`parley.store.browse.event_places`) is one row per place with its
coordinates and its events by PLOVER type, most events first. DuckDB counts the rows (by place,
name and type); grouping them by place here costs less than a second grouping in SQL that
gathers the types into lists (about a third of the map's query on 10,000 articles). The rows
of ``place_event_counts`` are kept per database state as a :class:`PlaceCounts`, grouped by type
in advance, so that a map of one type, one quad class or one place reads only those types.
"""

from __future__ import annotations

from typing import Collection, Iterable

import duckdb

# a counted row: (geonameid, place name, country, lat, lon, PLOVER type or None, events)
PlaceRow = tuple


def _least(a, b):
    # SQL's min(): the smaller value, NULLs left out
    if a is None:
        return b
    return a if b is None or a <= b else b


def _add(groups: dict[int, list], geonameid: int, place, country, lat, lon, event_type, n: int) -> None:
    group = groups.get(geonameid)
    name = "?" if event_type is None else event_type
    if group is None:
        groups[geonameid] = [place, country, lat, lon, n, {name: n}]
        return
    group[0], group[1] = _least(group[0], place), _least(group[1], country)
    group[2], group[3] = _least(group[2], lat), _least(group[3], lon)
    group[4] += n
    group[5][name] = group[5].get(name, 0) + n


def _ranked(groups: dict[int, list], limit: int) -> list[dict]:
    found = [{"geonameid": geonameid, "place": g[0], "country": g[1], "lat": g[2], "lon": g[3], "events": g[4],
              "types": dict(sorted(g[5].items()))} for geonameid, g in groups.items()]
    found.sort(key=lambda r: (-r["events"], r["geonameid"]))
    return found[:int(limit)]


def group_places(counted: Iterable[PlaceRow], limit: int) -> list[dict]:
    """One row per place of ``counted`` rows: ``{"geonameid", "place", "country", "lat", "lon",
    "events", "types"}``, the smallest name, country and coordinates of its rows (as SQL's
    ``min``), its events summed and by type (``"?"`` for none), most events first, then by id;
    at most ``limit``."""
    groups: dict[int, list] = {}
    for geonameid, place, country, lat, lon, event_type, n in counted:
        _add(groups, geonameid, place, country, lat, lon, event_type, int(n))
    return _ranked(groups, limit)


class PlaceCounts:
    """The rows of ``place_event_counts`` with coordinates, grouped by PLOVER type, then by place."""

    def __init__(self, counted: Iterable[PlaceRow]):
        self.by_type: dict[str | None, dict[int, list]] = {}
        for geonameid, place, country, lat, lon, event_type, n in counted:
            _add(self.by_type.setdefault(event_type, {}), geonameid, place, country, lat, lon, event_type, int(n))

    def places(self, limit: int, types: Collection[str] | None = None, place: int | None = None) -> list[dict]:
        """:func:`group_places` of the rows of ``types`` (None: every type) at ``place`` (None: anywhere)."""
        groups: dict[int, list] = {}
        for event_type, found in self.by_type.items():
            if types is not None and event_type not in types:
                continue
            chosen = found.items() if place is None else ((place, found[place]),) if place in found else ()
            for geonameid, (name, country, lat, lon, n, _) in chosen:
                _add(groups, geonameid, name, country, lat, lon, event_type, n)
        return _ranked(groups, limit)


def place_counts(conn: duckdb.DuckDBPyConnection) -> PlaceCounts:
    """Every row of ``place_event_counts`` with coordinates (a few thousand; the web app keeps
    them per database state)."""
    return PlaceCounts(conn.execute("SELECT geonameid, place, country, lat, lon, event_type, n "
                                    "FROM place_event_counts WHERE lat IS NOT NULL").fetchall())
