"""Reads for the web pages that must not grow with the corpus: keyset pages, counts and the
summary tables of :mod:`parley.store.summaries`.

A long list is read a page at a time after a *cursor*, the sort key of the last row shown
(``"2017-01-24~e92716d2c41c2b13"``), so that page 500 costs what page 1 does; see
:func:`parse_cursor` for its form and :class:`BadCursor` for what a malformed one raises.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from datetime import date
from typing import Mapping, Sequence

import duckdb

from parley.codebooks import PLOVER_QUAD
from parley.store.event_days import DayCounts
from parley.store.place_groups import PlaceCounts, PlacedEvents, group_places, place_counts
from parley.store.queries import actor_filters, event_filters, rows
from parley.store.schema import (CO_ACTORS, DOCUMENT_ORDER, FIRST_EVENT_COLUMNS, FIRST_EVENTS, LIST_ORDER,
                                 MAP_PLACES, OVERVIEW_EVENTS)
from parley.store.sources import document_summaries, source_documents  # noqa: F401 (read from here too)

# a cursor: the sort value (a date, a number or nothing) and the row id, joined by "~"
_CURSOR = re.compile(r"^(?P<key>[0-9-]{0,12})~(?P<id>[A-Za-z0-9_.:\-]{1,200})$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
QUADS = {1: "verbal-cooperation", 2: "material-cooperation", 3: "verbal-conflict", 4: "material-conflict"}
QUAD_TYPES = {name: tuple(t for t, q in PLOVER_QUAD.items() if q == n) for n, name in QUADS.items()}


class BadCursor(ValueError):
    """A page cursor that this app did not make (or that names a value of the wrong kind)."""


def parse_cursor(cursor: str, kind: str) -> tuple[str | int | None, str]:
    """Split a page cursor into its sort value and row id.

    :param cursor: ``"KEY~ID"``; KEY is an ISO date (``kind="date"``) or a whole number
        (``kind="count"``), or empty for a row without one (sorted last).
    :param kind: ``"date"`` or ``"count"``.
    :raises BadCursor: with what is wrong, for a 400 answer.
    """
    m = _CURSOR.match(cursor or "")
    if not m:
        raise BadCursor("a cursor is a sort value and an id joined by '~', as in the page's 'next' link")
    key, row_id = m.group("key"), m.group("id")
    if not key:
        return None, row_id
    if kind == "date":
        try:
            return date.fromisoformat(key).isoformat() if _DATE.match(key) else _not_a_date(key), row_id
        except ValueError:
            _not_a_date(key)
    if not key.isdigit():
        raise BadCursor(f"the cursor's sort value {key!r} is not a whole number")
    return int(key), row_id


def _not_a_date(key: str):
    raise BadCursor(f"the cursor's sort value {key!r} is not an ISO date")


def make_cursor(key, row_id: str) -> str:
    """The cursor of a row: its sort value (or nothing) and its id."""
    return f"{'' if key is None else key}~{row_id}"


def corpus_counts(conn: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """How many processes, meetings, mentioned actors, claim groups, documents and events are stored."""
    return dict(zip(("processes", "meetings", "actors", "claim_groups", "documents", "events"), conn.execute(
        "SELECT (SELECT count(*) FROM processes), (SELECT count(*) FROM meetings), "
        "(SELECT count(*) FROM actor_summary WHERE mentions > 0), (SELECT count(*) FROM claim_groups), "
        "(SELECT count(*) FROM documents), (SELECT count(*) FROM events)").fetchone()))


def names_for(conn: duckdb.DuckDBPyConnection, ids: Sequence[str]) -> dict[str, str]:
    """``{actor id: name}`` for the stored actors among ``ids`` (the ones a page links to)."""
    wanted = sorted({i for i in ids if isinstance(i, str)})
    if not wanted:
        return {}
    return dict(conn.execute("SELECT id, name FROM actors WHERE id IN (SELECT unnest(?::VARCHAR[]))",
                             [wanted]).fetchall())


EVENT_COLUMNS = ("event_id AS id, event_type, mode, cameo, modality, date_start, date_end, date_precision, "
                 "geonameid, place, place_country, lat, lon, actor_ids, recipient_ids, n_mentions, n_documents, "
                 "confidence")


def _event_filters(event_type: str | None, actor: str | None, since: str | None, until: str | None,
                   modality: str | None, process: str | None, quad: str | None, place: int | None,
                   partner: str | None = None) -> tuple[list[str], list]:
    where, params = event_filters(event_type, since, until, modality)
    if quad:
        # the class's types as constants: DuckDB tests them while scanning (a list parameter
        # made it call list_contains on every row)
        where.append(f"event_type IN ({', '.join(repr(t) for t in QUAD_TYPES[quad])})")
    for who in (actor, partner):
        if who:
            where.append("event_id IN (SELECT event_id FROM event_actors WHERE actor_id = ?)")
            params.append(who)
    if process:
        where.append("event_id IN (SELECT event_id FROM event_processes WHERE process = ?)")
        params.append(process)
    if place is not None:
        where.append("geonameid = ?")
        params.append(place)
    return where, params


def _actor_rows(actor: str | None, event_type: str | None, since: str | None, until: str | None,
                modality: str | None, process: str | None, quad: str | None, place: int | None,
                partner: str | None) -> tuple[list[str], list] | None:
    """The WHERE clauses over ``event_actors`` that select one actor's events with the other
    filters, or None when a filter needs the events table (modality, process) or no actor is given.

    An actor's rows carry its events' type, dates and place (migration 0012), so that its events
    are paged and mapped from them: the events table's columns are read for the page's rows only.
    """
    if not actor or modality or process:
        return None
    where, params = _event_filters(event_type, None, since, until, None, None, quad, place, partner)
    return ["actor_id = ?", *where], [actor, *params]


def after_dated_row(after: str, day_column: str, id_column: str, newest_first: bool = False) -> tuple[str, list]:
    """The keyset clause of a list ordered by a date (undated rows last), then by id.

    :param after: the cursor of the last row shown (a date and an id, or an id alone for an undated row).
    :param day_column: the date column the list is ordered by.
    :param id_column: the id column that breaks ties.
    :param newest_first: the dates run from newest to oldest.
    :returns: ``(clause, parameters)`` for the rows after the cursor.
    :raises BadCursor: ``after`` is malformed.
    """
    day, last_id = parse_cursor(after, "date")
    if day is None:
        return f"{day_column} IS NULL AND {id_column} > ?", [last_id]
    later = "<" if newest_first else ">"
    return (f"({day_column} {later} ?::DATE OR ({day_column} = ?::DATE AND {id_column} > ?) OR {day_column} IS NULL)",
            [day, day, last_id])


def events_page(conn: duckdb.DuckDBPyConnection, *, event_type: str | None = None, actor: str | None = None,
                since: str | None = None, until: str | None = None, modality: str | None = None,
                process: str | None = None, quad: str | None = None, place: int | None = None,
                partner: str | None = None, after: str | None = None,
                limit: int = 100, days: DayCounts | None = None,
                list_tail: bool = True) -> tuple[list[dict], str | None]:
    """One page of events in date order (undated last) and the cursor of the next page (or None).

    The filters are those of :func:`parley.store.queries.list_events`, plus ``quad`` (one of
    :data:`QUADS`' names), ``place`` (a GeoNames id) and ``partner`` (a second actor of the events).
    ``days``: the events by start day (:func:`parley.store.event_days.day_counts`), which bound
    the rows read when only type, quad class and dates filter. ``list_tail``: whether event_list
    may have rows in its tail (False when the caller knows it has none: one query fewer).

    :raises BadCursor: ``after`` is malformed.
    """
    filters = (event_type, actor, since, until, modality, process, quad, place, partner)
    actor_rows = _actor_rows(actor, event_type, since, until, modality, process, quad, place, partner)
    if actor_rows:
        try:
            return _actor_events_page(conn, actor, actor_rows, after, limit)
        except (duckdb.CatalogException, duckdb.BinderException):
            pass    # a file from before migration 0012, opened read-only: the events table serves
    where, params = _event_filters(*filters)
    day, last_id = parse_cursor(after, "date") if after else (None, None)
    if after and day is None:
        # after an undated row: only undated rows follow
        return _page(_read_events(conn, [*where, "date_start IS NULL", "event_id > ?"], [*params, last_id],
                                  limit + 1, list_tail), limit)
    # the dated rows first, each clause one DuckDB applies while scanning (an OR with the undated
    # rows made it test every row), bounded by the day that holds the page when the counts know it
    dated = [*where, "date_start >= ?::DATE", "(date_start > ?::DATE OR event_id > ?)"] if after \
        else [*where, "date_start IS NOT NULL"]
    dated_params = [*params, day, day, last_id] if after else list(params)
    try:
        # event_list, in list order: its scan stops at the page's last row, no bound needed
        found = _read_listed(conn, dated, dated_params, limit + 1, list_tail)
    except duckdb.CatalogException:
        found = None    # a file from before schema 0016: the events table, bounded by the day counts
    if found is None:
        last_day = _page_bound(days, day, limit + 1, event_type, since, until, quad,
                               others=(actor, modality, process, place, partner))
        if last_day is not None:
            found = _read_events(conn, [*dated, "date_start <= ?::DATE"], [*dated_params, last_day], limit + 1)
            if len(found) > limit:
                return _page(found, limit)
        found = _read_events(conn, dated, dated_params, limit + 1)
    if len(found) <= limit:
        found += _read_events(conn, [*where, "date_start IS NULL"], params, limit + 1 - len(found), list_tail)
    return _page(found, limit)


def _read_events(conn: duckdb.DuckDBPyConnection, where: list[str], params: list, limit: int,
                 list_tail: bool = True) -> list[dict]:
    # the first ``limit`` events in list order that ``where`` keeps, from event_list, or from the
    # events table itself on a file from before schema 0016
    try:
        return _read_listed(conn, where, params, limit, list_tail)
    except duckdb.CatalogException:
        return rows(conn, f"SELECT {EVENT_COLUMNS} FROM events " + (f"WHERE {' AND '.join(where)} " if where else "")
                    + f"{LIST_ORDER} LIMIT {int(limit)}", params)


def _read_listed(conn: duckdb.DuckDBPyConnection, where: list[str], params: list, limit: int,
                 list_tail: bool = True) -> list[dict]:
    """The first ``limit`` rows in list order of ``event_list``'s head (written in that order:
    DuckDB's scan, order-preserving, stops at the LIMIT, no sort) merged with those of its tail
    (appended since).

    :raises duckdb.CatalogException: a file from before schema 0016.
    """
    chosen = "".join(f" AND {clause}" for clause in where)
    # a filter by a subquery (an actor's or a process's events) is a join, whose rows DuckDB
    # does not promise in the scan's order: those are sorted
    order = f" {LIST_ORDER}" if "SELECT" in chosen else ""
    found = rows(conn, f"SELECT {EVENT_COLUMNS} FROM event_list WHERE part = 0{chosen}{order} LIMIT {int(limit)}",
                 params)
    tail = rows(conn, f"SELECT {EVENT_COLUMNS} FROM event_list WHERE part = 1{chosen} {LIST_ORDER} "
                      f"LIMIT {int(limit)}", params) if list_tail else []
    if tail:
        found = sorted(found + tail, key=lambda e: (e["date_start"] is None, e["date_start"] or "", e["id"]))
    return found[:int(limit)]


def list_tail(conn: duckdb.DuckDBPyConnection, table: str = "event_list") -> bool:
    """Whether the list ``table`` (``event_list`` or ``document_list``) has rows in its tail (True
    on a file without it: nothing known)."""
    try:
        return conn.execute(f"SELECT EXISTS (SELECT 1 FROM {table} WHERE part = 1)").fetchone()[0]
    except duckdb.CatalogException:
        return True


def _page_bound(days: DayCounts | None, after_day: str | None, need: int, event_type: str | None,
                since: str | None, until: str | None, quad: str | None, others: tuple) -> str | None:
    """The last day a page of events can start on (see :mod:`parley.store.event_days`), or None
    when the day counts are not at hand or another filter makes them say nothing."""
    if days is None or any(v is not None for v in others):
        return None
    return days.bound(after_day, _chosen_types(event_type, quad), need, since=since, until=until)


def _chosen_types(event_type: str | None, quad: str | None) -> set[str] | None:
    # the PLOVER types a type and a quad class filter leave (None: every type)
    types = set(QUAD_TYPES[quad]) if quad else None
    if event_type:
        types = {event_type.upper()} & types if types is not None else {event_type.upper()}
    return types


def _page(found: list[dict], limit: int) -> tuple[list[dict], str | None]:
    more = len(found) > limit
    found = found[:limit]
    return found, make_cursor(found[-1]["date_start"], found[-1]["id"]) if more and found else None


def _actor_events_page(conn: duckdb.DuckDBPyConnection, actor: str, actor_rows: tuple[list[str], list],
                       after: str | None, limit: int) -> tuple[list[dict], str | None]:
    """:func:`events_page` of one actor's events, from its summary rows (see :func:`_actor_rows`)."""
    where, params = actor_rows
    if len(where) == 1 and not after and limit < FIRST_EVENTS:
        found = overview_column(conn, actor, "first_events")
        found = _first_events(found, limit + 1) if found is not None else first_events(conn, actor, limit + 1)
        for event in found:
            del event["as"]
        return _page(found, limit)
    if after:
        clause, values = after_dated_row(after, "date_start", "event_id", newest_first=False)
        where, params = [*where, clause], [*params, *values]
    order = f"ORDER BY date_start NULLS LAST, event_id LIMIT {int(limit) + 1}"
    # the page's ids from the actor's own rows, then only those events' rows
    return _page(rows(conn, f"WITH page AS (SELECT DISTINCT event_id, date_start FROM event_actors "
                            f"WHERE {' AND '.join(where)} {order}) "
                            f"SELECT {EVENT_COLUMNS} FROM events WHERE event_id IN (SELECT event_id FROM page) "
                            f"{order}", params), limit)


def event_places(conn: duckdb.DuckDBPyConnection, limit: int = MAP_PLACES, **filters) -> list[dict]:
    """Where the events matching ``filters`` (those of :func:`events_page`) took place: one row
    per place with its coordinates and its events by PLOVER type, most events first, at most
    ``limit`` places (a map of every village a large corpus names would grow with it)."""
    chosen = {k: filters.get(k) for k in ("event_type", "actor", "since", "until", "modality", "process", "quad",
                                           "place", "partner")}
    actor_rows = _actor_rows(**chosen)
    if actor_rows and len(actor_rows[0]) == 1:
        # one actor's events alone: its summary rows, grouped as the events table's are below
        # (with more filters, the events table: each place named as the chosen events name it),
        # from its actor_overview row (its MAP_PLACES places with most events) when it has one
        placed = overview_column(conn, chosen["actor"], "map_places") if limit <= MAP_PLACES else None
        if placed is not None:
            return [{"geonameid": geonameid, "place": place, "country": country, "lat": lat, "lon": lon,
                     "events": events, "types": dict(types)}
                    for geonameid, place, country, lat, lon, events, types in placed[:limit]]
        try:
            return _grouped_places(conn, "SELECT * FROM actor_place_counts WHERE actor_id = ? AND lat IS NOT NULL",
                                   actor_rows[1], limit)
        except duckdb.CatalogException:
            pass    # a file from before migration 0012, opened read-only
    where, params = _event_filters(**chosen)
    if where and summary_places(filters):
        # a type, a quad class or a place alone: the places' counts by type say it (thousands of
        # rows, not every event)
        return places_from_counts(place_counts(conn), limit, **filters)
    if where:
        source = ("SELECT geonameid, place, place_country AS country, lat, lon, event_type, count(*) AS n FROM events "
                  f"WHERE geonameid IS NOT NULL AND lat IS NOT NULL AND {' AND '.join(where)} GROUP BY ALL")
    else:
        source = "SELECT * FROM place_event_counts WHERE lat IS NOT NULL"
    return _grouped_places(conn, source, params, limit)


def _grouped_places(conn: duckdb.DuckDBPyConnection, source: str, params: list, limit: int) -> list[dict]:
    # the rows counted by DuckDB, grouped by place in Python (see parley.store.place_groups)
    return group_places(conn.execute(f"SELECT geonameid, place, country, lat, lon, event_type, n FROM ({source})",
                                     params).fetchall(), limit)


SUMMARY_PLACE_FILTERS = ("event_type", "quad", "place")


def summary_places(filters: dict) -> bool:
    """Whether the places of the events matching ``filters`` can be counted from
    ``place_event_counts``: a type, a quad class or a place, and no other filter."""
    return not any(v is not None for k, v in filters.items() if k not in SUMMARY_PLACE_FILTERS)


def places_from_counts(counts: PlaceCounts, limit: int = 150, **filters) -> list[dict]:
    """:func:`event_places` for the filters of :data:`SUMMARY_PLACE_FILTERS`, counted from
    :func:`~parley.store.place_groups.place_counts` (the same rows, grouped by place as the
    query groups them)."""
    return counts.places(limit, _chosen_types(filters.get("event_type"), filters.get("quad")), filters.get("place"))


PLACED_FILTERS = (*SUMMARY_PLACE_FILTERS, "since", "until")


def placed_places(filters: dict) -> bool:
    """Whether the places of the events matching ``filters`` can be counted from
    :class:`~parley.store.place_groups.PlacedEvents`: no filter but those of
    :data:`PLACED_FILTERS` (the dates, with or without a type, quad class or place)."""
    return not any(v is not None for k, v in filters.items() if k not in PLACED_FILTERS)


def places_from_placed(placed: PlacedEvents, limit: int = 150, **filters) -> list[dict]:
    """:func:`event_places` for the filters of :data:`PLACED_FILTERS`, counted from the placed
    events (:func:`~parley.store.place_groups.placed_events`)."""
    return placed.places(limit, _chosen_types(filters.get("event_type"), filters.get("quad")), filters.get("place"),
                         filters.get("since"), filters.get("until"))


class ActorOrder:
    """Every mentioned actor in the actors list's order (most mentions first, then by id), with
    its mentions and events, kept per database state so that a later page of the unfiltered list
    is found by bisection instead of sorting ``actor_summary`` again (a scan that grew with the
    corpus)."""

    def __init__(self, ranked: Sequence[tuple[str, int, int]]):
        """:param ranked: ``(actor_id, mentions, events)`` in the list's order."""
        self.keys = [(-mentions, actor_id) for actor_id, mentions, _ in ranked]
        self.ranked = list(ranked)

    def after(self, mentions: int, last_id: str, limit: int) -> list[tuple[str, int, int]]:
        """The first ``limit`` actors after the one with ``mentions`` and ``last_id`` in the list's
        order (those with fewer mentions, or as many and a later id), whether or not it is listed."""
        start = bisect_right(self.keys, (-mentions, last_id))
        return self.ranked[start:start + int(limit)]


def actor_order(conn: duckdb.DuckDBPyConnection) -> ActorOrder:
    """The mentioned actors in the actors list's order (see :class:`ActorOrder`)."""
    return ActorOrder(conn.execute("SELECT actor_id, mentions, events FROM actor_summary WHERE mentions > 0 "
                                   "ORDER BY mentions DESC, actor_id").fetchall())


def actors_page(conn: duckdb.DuckDBPyConnection, country: str | None = None, sector: str | None = None,
                after: str | None = None, limit: int = 200,
                order: ActorOrder | None = None) -> tuple[list[dict], str | None]:
    """One page of mentioned actors, most mentioned first, and the next page's cursor (or None):
    each with its aliases and its number of roles (``n_roles``; the roles are on its own page).

    :param order: the list's order kept per database state (:func:`actor_order`): a page of the
        unfiltered list after a cursor takes its ids from it.
    :raises BadCursor: ``after`` is malformed.
    """
    where, params = actor_filters(country, sector)
    where.insert(0, "s.mentions > 0")
    mentions = last_id = None
    if after:
        mentions, last_id = parse_cursor(after, "count")
        where.append("(s.mentions < ? OR (s.mentions = ? AND s.actor_id > ?))")
        params += [mentions or 0, mentions or 0, last_id]
    if order is not None and after and not (country or sector):
        top = order.after(mentions or 0, last_id, int(limit) + 1)
    else:
        # the page's ids first (from the summary alone, unless filtered by the actors' own columns),
        # then their rows: joining every actor to the summary read the whole actors table
        top = conn.execute(f"""
            SELECT s.actor_id, s.mentions, s.events FROM actor_summary s
            {'JOIN actors a ON a.id = s.actor_id' if country or sector else ''}
            WHERE {' AND '.join(where)} ORDER BY s.mentions DESC, s.actor_id LIMIT {int(limit) + 1}""",
                           params).fetchall()
    counts = {actor_id: (mentions, events) for actor_id, mentions, events in top}
    # the roles' count, not the roles: a frequent person's list holds one dated role per article
    # that names it (tens of kilobytes), which the list never shows; its own page does
    found = rows(conn, "SELECT id, name, type, country, sector, cameo, aliases, "
                       "coalesce(json_array_length(roles), 0)::INTEGER AS n_roles, source FROM actors "
                       "WHERE id IN (SELECT unnest(?::VARCHAR[]))", [list(counts)])
    for record in found:
        record["mentions"], record["events"] = counts[record["id"]]
    found.sort(key=lambda r: (-r["mentions"], r["id"]))
    more = len(found) > limit
    found = found[:limit]
    return found, make_cursor(found[-1]["mentions"], found[-1]["id"]) if more and found else None


def count_actors(conn: duckdb.DuckDBPyConnection, country: str | None = None, sector: str | None = None) -> int:
    """How many mentioned actors match the filters of :func:`actors_page`."""
    where, params = ["s.mentions > 0"], []
    for column, value in (("country", country), ("sector", sector)):
        if value:
            where.append(f"a.{column} = ?")
            params.append(value.upper())
    return conn.execute("SELECT count(*) FROM actor_summary s JOIN actors a ON a.id = s.actor_id WHERE "
                        + " AND ".join(where), params).fetchone()[0]


DOCUMENT_COLUMNS = ("d.id, d.title, d.outlet, d.url, d.published, d.published_inferred, d.window_start, "
                    "d.window_end, d.source, d.duplicate_of")


def documents_page(conn: duckdb.DuckDBPyConnection, after: str | None = None, limit: int = 100,
                   oldest: str | None = None, lengths: Mapping[str, int] | None = None,
                   list_tail: bool = True) -> tuple[list[dict], str | None]:
    """One page of documents, newest first (undated last), without text, and the next cursor.

    Read from ``document_list`` (kept in that order, so that a bounded page reads its own days'
    row groups), or from the documents on a file from before schema 0019.

    :param oldest: read only the documents published on or after this ISO day (a bound that
        holds the page: :func:`parley.store.listing.documents_page`).
    :param lengths: every document's length (``document_stats``, kept per database state), so
        that the page is not joined to that table (a hash of every row of it, a third of the read).
    :param list_tail: whether ``document_list`` may have rows in its tail (False when the caller
        knows it has none: one query fewer, a third of the page's read).
    :raises BadCursor: ``after`` is malformed.
    """
    where, params = [], []
    if after:
        clause, values = after_dated_row(after, "d.published", "d.id", newest_first=True)
        where.append(clause)
        params += values
    if oldest:
        where.append("d.published >= ?::DATE")
        params.append(oldest)
        day = parse_cursor(after, "date")[0] if after else None
        if day:
            # redundant with the cursor's clause, but a plain bound: the row groups of later days are skipped
            where.append("d.published <= ?::DATE")
            params.append(day)
    try:
        found = _read_documents(conn, "document_list", where, params, int(limit) + 1, lengths is None, list_tail)
    except duckdb.CatalogException:
        found = _read_documents(conn, "documents", where, params, int(limit) + 1, lengths is None, False)
    for record in found:
        if lengths is not None:
            record["chars"] = lengths.get(record["id"])
        window = [record.pop("window_start"), record.pop("window_end")]
        record["published_window"] = window if any(window) else None
    more = len(found) > limit
    found = found[:limit]
    return found, make_cursor(found[-1]["published"], found[-1]["id"]) if more and found else None


def _read_documents(conn: duckdb.DuckDBPyConnection, table: str, where: list[str], params: list, limit: int,
                    joined: bool, tail: bool) -> list[dict]:
    """The first ``limit`` documents in list order that ``where`` keeps, of ``table``: the
    documents, sorted, or ``document_list``, whose head is in list order (its scan, order-preserving,
    stops at the LIMIT; a join to ``document_stats`` is sorted) and whose tail, if ``tail``, is merged in.

    :raises duckdb.CatalogException: ``table`` is ``document_list`` on a file from before schema 0019.
    """
    # lengths from document_stats: reading a text decompresses a whole block of them
    columns = DOCUMENT_COLUMNS + (", s.chars" if joined else "")
    source = f"{table} d" + (" LEFT JOIN document_stats s ON s.doc_id = d.id" if joined else "")
    listed = table == "document_list"
    parts = [("d.part = 0", "" if listed and not joined else DOCUMENT_ORDER)] + ([("d.part = 1", DOCUMENT_ORDER)]
                                                                               if tail else [])
    found = []
    for part, order in parts if listed else [("TRUE", DOCUMENT_ORDER)]:
        chosen = " AND ".join([part, *where])
        found += rows(conn, f"SELECT {columns} FROM {source} WHERE {chosen} {order} LIMIT {limit}", params)
    if listed:
        found.sort(key=lambda r: r["id"])
        # ISO days, newest first, undated (empty) last; stable: ids ascend within a day
        found.sort(key=lambda r: r["published"] or "", reverse=True)
    return found[:limit]


def _stack(records: list[dict]) -> list[dict]:
    return [{"period": r["period"], "event_type": r["event_type"], "n": r["n"]} for r in records]


def actor_event_counts(conn: duckdb.DuckDBPyConnection, actor_id: str) -> list[dict]:
    """One actor's events by month and PLOVER type: ``[{"period", "event_type", "n"}]``."""
    return _stack(rows(conn, "SELECT period, event_type, n FROM actor_event_counts WHERE actor_id = ? "
                             "ORDER BY period NULLS LAST, event_type", [actor_id]))


def quad_case(column: str) -> str:
    """A SQL ``CASE`` giving the PLOVER quad class of the event type in ``column`` (NULL for none)."""
    return "CASE " + " ".join(f"WHEN {column} IN ({', '.join(repr(t) for t in types)}) THEN '{quad}'"
                              for quad, types in QUAD_TYPES.items() if types) + " END"


def actor_quad_counts(conn: duckdb.DuckDBPyConnection, actor_id: str) -> list[dict]:
    """One actor's events by month and PLOVER quad class: ``[{"period": date or None, "quad", "n"}]``
    (``quad`` None for a type of no quad), the months in order.

    Summed by the database: a frequent actor has a row per month and type (some 1,800 on
    10,000 articles), which cost more to turn into Python than to add up.
    """
    return [{"period": period, "quad": quad, "n": n} for period, quad, n in conn.execute(
        f"SELECT period, {quad_case('event_type')} AS quad, sum(n)::BIGINT FROM actor_event_counts "
        "WHERE actor_id = ? GROUP BY ALL ORDER BY period NULLS LAST, quad", [actor_id]).fetchall()]


def process_event_counts(conn: duckdb.DuckDBPyConnection, process: str) -> list[dict]:
    """A process's events (reported with its meetings) by month and PLOVER type."""
    return _stack(rows(conn, "SELECT period, event_type, n FROM process_event_counts WHERE process = ? "
                             "ORDER BY period NULLS LAST, event_type", [process]))


def co_actors(conn: duckdb.DuckDBPyConnection, actor_id: str, limit: int = 15) -> list[dict]:
    """The actors sharing most events with ``actor_id``: ``[{"id", "events", "types"}]`` (their
    names are the caller's to ask for, with the other actors a page links to)."""
    totals: dict[str, int] = {}
    types: dict[str, dict[str, int]] = {}
    # one actor's rows of the pairs (hundreds for a frequent actor), ranked here: a ranking
    # query joined back to the pairs cost several times this
    for other, event_type, n in conn.execute("SELECT other, event_type, n FROM actor_pairs WHERE actor_id = ?",
                                             [actor_id]).fetchall():
        totals[other] = totals.get(other, 0) + int(n)
        types.setdefault(other, {})[event_type or "?"] = int(n)
    top = sorted(totals, key=lambda other: (-totals[other], other))[:int(limit)]
    return [{"id": other, "events": totals[other],
             "types": dict(sorted(types[other].items(), key=lambda kv: (-kv[1], kv[0])))} for other in top]


def actor_overview(conn: duckdb.DuckDBPyConnection, actor_id: str, limit: int = 15,
                   events: int = OVERVIEW_EVENTS) -> dict:
    """One actor's chart counts (:func:`actor_quad_counts`), its top ``limit`` co-actors
    (:func:`co_actors`) and its first ``events`` events (:func:`actor_events`), from its row of
    ``actor_overview`` (one lookup by key); from the summaries they are made of when it has none
    (or a limit passes what the row keeps).

    :returns: ``{"quads": [...], "co_actors": [...], "events": [...]}``.
    """
    try:
        found = conn.execute("SELECT quads, partners, first_events FROM actor_overview WHERE actor_id = ?",
                             [actor_id]).fetchone()
    except duckdb.CatalogException:
        found = None    # a database from before schema 0015, served read-only as it is
    if found is None or limit > CO_ACTORS or events > OVERVIEW_EVENTS:
        return {"quads": actor_quad_counts(conn, actor_id), "co_actors": co_actors(conn, actor_id, limit),
                "events": actor_events(conn, actor_id, events)}
    quads = [{"period": date.fromisoformat(period) if period else None, "quad": quad, "n": n}
             for period, quad, n in json.loads(found[0])]
    partners = [{"id": other, "events": shared, "types": {t: n for t, n in types}}
                for other, shared, types in json.loads(found[1])[:int(limit)]]
    return {"quads": quads, "co_actors": partners, "events": _first_events(json.loads(found[2]), events)}


def _first_events(arrays: list[list], limit: int) -> list[dict]:
    # the first events of an actor_overview row as first_events() gives them
    names = ("id", *FIRST_EVENT_COLUMNS[1:-1], "as")
    return [dict(zip(names, values)) for values in arrays[:int(limit)]]


def overview_column(conn: duckdb.DuckDBPyConnection, actor_id: str, column: str) -> list | None:
    """One JSON column of an actor's ``actor_overview`` row (``first_events``: its first
    :data:`~parley.store.schema.FIRST_EVENTS` events, ``map_places``: its map's places, grouped),
    or None when it has no row or the file predates schema 0022."""
    if column not in ("first_events", "map_places"):
        raise ValueError(f"no list column {column!r} of actor_overview")
    try:
        # the map_places column is new in 0022 (0016 made the first events a whole page's)
        found = conn.execute(f"SELECT {column}, map_places IS NULL FROM actor_overview WHERE actor_id = ?",
                             [actor_id]).fetchone()
    except (duckdb.CatalogException, duckdb.BinderException):
        return None
    return json.loads(found[0]) if found else None


def first_events(conn: duckdb.DuckDBPyConnection, actor_id: str, limit: int) -> list[dict]:
    """The first ``limit`` (at most :data:`~parley.store.schema.FIRST_EVENTS`) events of one actor
    in date order, undated last, each with the side it was on (``as``), from ``actor_first_events``.
    """
    found = rows(conn, f"SELECT {EVENT_COLUMNS}, side AS \"as\" FROM actor_first_events WHERE actor_id = ?",
                 [actor_id])
    # sorted here: an ORDER BY made DuckDB scan the table instead of following its index
    found.sort(key=lambda e: (e["date_start"] is None, e["date_start"] or "", e["id"]))
    return found[:int(limit)]


def actor_events(conn: duckdb.DuckDBPyConnection, actor_id: str, limit: int) -> list[dict]:
    """The first ``limit`` events of one actor in date order, each with the side it was on.

    Up to :data:`~parley.store.schema.FIRST_EVENTS` come from the actor's summary rows; more (or
    on a database from before migration 0012) from all its events joined to the events table.
    """
    if limit <= FIRST_EVENTS:
        try:
            return first_events(conn, actor_id, limit)
        except duckdb.CatalogException:
            pass
    columns = ", ".join(f"e.{c}" for c in EVENT_COLUMNS.split(", "))
    return rows(conn, f"""
        WITH mine AS (SELECT event_id, min(side) AS side FROM event_actors WHERE actor_id = ? GROUP BY 1)
        SELECT {columns}, m.side AS "as" FROM events e JOIN mine m ON m.event_id = e.event_id
        ORDER BY e.date_start NULLS LAST, e.event_id LIMIT {int(limit)}""", [actor_id])


def top_actor_names(conn: duckdb.DuckDBPyConnection, limit: int = 200) -> list[dict]:
    """The ``limit`` most mentioned actors' ids and names (the choices of a filter)."""
    return rows(conn, f"""
        WITH top AS (SELECT actor_id, mentions FROM actor_summary WHERE mentions > 0
                     ORDER BY mentions DESC, actor_id LIMIT {int(limit)})
        SELECT a.id, a.name FROM top t JOIN actors a ON a.id = t.actor_id ORDER BY t.mentions DESC, a.id""")


def process_places(conn: duckdb.DuckDBPyConnection, process: str) -> list[dict]:
    """Where the events reported with a process's meetings took place, as :func:`event_places` rows."""
    return event_places(conn, process=process)


def venue_coordinates(conn: duckdb.DuckDBPyConnection, venues: Sequence[str] | None = None
                      ) -> dict[str, tuple[float, float]]:
    """``{venue: (lat, lon)}`` for the meeting venues that name a place where events were found
    (``venues=None``: for every such place, which the web app keeps per database state, a few
    thousand names, so that a page's venues are dictionary lookups)."""
    wanted = None if venues is None else sorted({v for v in venues if isinstance(v, str) and v})
    if wanted == []:
        return {}
    chosen = "" if wanted is None else f"AND place IN ({', '.join('?' for _ in wanted)}) "
    return {name: (lat, lon) for name, lat, lon in conn.execute(
        f"SELECT place, min(lat), min(lon) FROM place_event_counts WHERE lat IS NOT NULL {chosen}GROUP BY place",
        wanted or []).fetchall()}


def process_outline(conn: duckdb.DuckDBPyConnection, process_id: str, detailed: int,
                    last: int | None = None) -> dict:
    """One process with its meetings' columns (no record), in process order, and the whole
    records of its last ``detailed`` meetings under ``"details"``.

    A process page draws its meetings on a timeline from the columns and describes only a
    few in full: reading and decoding every meeting's record (sources, participants, status
    history) made a long-running process's page grow with its meetings.

    :param last: read only the last ``last`` meetings in process order (``"meetings"``), and
        count them all (``"n_meetings"``); ``None`` reads every one.

    :raises parley.store.queries.NotFound: no process has that id.
    """
    from parley.store.queries import NotFound, _meeting

    found = rows(conn, "SELECT id, name, data FROM processes WHERE id = ?", [process_id])
    if not found:
        raise NotFound(f"no process {process_id!r}")
    process = {**(found[0]["data"] or {}), "id": found[0]["id"], "name": found[0]["name"]}
    # the process record lists its meeting ids in process order (rounds by ordinal)
    order = {mid: i for i, mid in enumerate(process.get("meetings") or []) if isinstance(mid, str)}
    # the whole records of the meetings described only (a long process's records were most of the
    # read): those the record lists last, read with the columns; any other described one after
    listed = [mid for mid in process.get("meetings") or [] if isinstance(mid, str)]
    # (max: a slice from a negative start would keep the last few of a process shorter than that)
    likely = set(listed[max(0, len(listed) - int(detailed)):] if detailed > 0 else [])
    # the last ones in process order: the record's last ids, and any meeting it does not list
    # (those sort after every listed one)
    bounded = "" if last is None else "AND (list_contains(?, id) OR NOT list_contains(?, id)) "
    bound = [] if last is None else [listed[max(0, len(listed) - int(last)):], listed]
    meetings = rows(conn, 'SELECT id, process, ordinal, start, "end", venue, host, status, n_sources, '
                          "data->>'$.kind' AS kind, CASE WHEN list_contains(?, id) THEN data END AS record "
                          f"FROM meetings WHERE process = ? {bounded}ORDER BY start NULLS LAST, ordinal, id",
                    [sorted(likely), process_id, *bound])
    meetings.sort(key=lambda m: order.get(m["id"], len(order)))
    if last is not None:
        meetings = meetings[max(0, len(meetings) - int(last)):]
        process["n_meetings"] = conn.execute("SELECT count(*) FROM meetings WHERE process = ?",
                                             [process_id]).fetchone()[0]
    else:
        process["n_meetings"] = len(meetings)
    chosen = meetings[max(0, len(meetings) - int(detailed)):] if detailed > 0 else []
    records = {m["id"]: m["record"] for m in meetings if m["id"] in likely}
    other = [m["id"] for m in chosen if m["id"] not in likely]
    if other:
        records.update(conn.execute(f"SELECT id, data FROM meetings WHERE id IN ({', '.join('?' for _ in other)})",
                                    other).fetchall())
    details = [_meeting({**{k: v for k, v in meeting.items() if k not in ("kind", "record")},
                         "data": json.loads(records[meeting["id"]]) if records.get(meeting["id"]) else {}})
               for meeting in chosen]
    for meeting in meetings:
        del meeting["record"]
    process["meetings"] = meetings
    process["details"] = details
    return process


def process_summaries(conn: duckdb.DuckDBPyConnection) -> dict[str, dict]:
    """Per process: its meetings, first and last meeting dates, and the events reported with it."""
    found = rows(conn, """
        SELECT p.id, coalesce(m.meetings, 0) AS meetings, m.first, m.last, coalesce(e.events, 0) AS events
        FROM processes p
        LEFT JOIN (SELECT process, count(*) AS meetings, min(start) AS first, max(coalesce("end", start)) AS last
                   FROM meetings GROUP BY process) m ON m.process = p.id
        LEFT JOIN (SELECT process, sum(n)::BIGINT AS events FROM process_event_counts GROUP BY process) e
          ON e.process = p.id""")
    return {r.pop("id"): r for r in found}


def process_names(conn: duckdb.DuckDBPyConnection) -> list[dict]:
    """Every process's id and name, by name (the choices of a filter)."""
    return rows(conn, "SELECT id, name FROM processes ORDER BY name, id")


def meetings_page(conn: duckdb.DuckDBPyConnection, process: str | None = None, after: str | None = None,
                  limit: int = 100) -> tuple[list[dict], str | None]:
    """One page of merged meetings in date order (undated last), from their columns only (no
    record JSON), and the next page's cursor.

    :raises BadCursor: ``after`` is malformed.
    """
    where, params = [], []
    if process:
        where.append("process = ?")
        params.append(process)
    if after:
        clause, values = after_dated_row(after, "start", "id", newest_first=False)
        where.append(clause)
        params += values
    found = rows(conn, 'SELECT id, process, ordinal, start, "end", venue, host, status, n_sources FROM meetings '
                 + (f"WHERE {' AND '.join(where)} " if where else "")
                 + f"ORDER BY start NULLS LAST, id LIMIT {int(limit) + 1}", params)
    more = len(found) > limit
    found = found[:limit]
    return found, make_cursor(found[-1]["start"], found[-1]["id"]) if more and found else None
