"""Each merged meeting's page in one row (``meeting_pages``), so that a meeting page reads it by key.

A meeting page quotes its sources: it read the merged meeting, then up to ten source documents'
texts, their actor mentions, dates and sentences, and every source's own told meetings, and
matched them up (:func:`parley.meeting_view.meeting_content`); for the meeting with most sources
of 10,000 articles that cost some 25 ms of CPU a request, more than a page may spend. What it
shows depends only on the meeting's record and on its sources, whose stored rows never change,
so the derive step builds it once: ``meeting_pages`` (migration ``0017_meeting_pages``) holds,
per meeting, the page's first page as JSON (:func:`parley.meeting_view.first_page`: the first
five sources; without the actors' names, which a request looks up) and the key of the record it
was built from (:data:`RECORD_KEY`: a hash of the meeting's row and :data:`PAGE_VERSION`);
``meeting_page_sources`` (migration ``0018``) holds what the others say, five sources a row, which
the later pages of a meeting's sources read by key after a cursor.

The derive step marks the meetings it deletes and writes (``meeting_pages_due``, by
:func:`parley.store.derived.clear_processes` and ``write_processes``), and
:func:`refresh_meeting_pages` looks only at those: it drops the pages of the marked meetings no
longer stored and builds those of the marked ones whose record changed or that have none, so its
work follows the batch (it used to hash every meeting's row to find them). A re-merge that gives
a meeting the same record leaves its rows as they are.
"""

from __future__ import annotations

import json
from typing import Sequence

import duckdb

from parley import meeting_view
from parley.meeting_view import first_page, meeting_content, quoted_sources, with_sources
from parley.store.browse import BadCursor, make_cursor, parse_cursor
from parley.store.queries import _meeting, get_meeting, rows
from parley.store.sources import source_documents
from parley.store.writes import insert_rows, to_json

# changed when what a page holds changes, so that every stored page is built again (by a
# migration that marks every meeting due)
PAGE_VERSION = "2"
# the key of a meeting's record: its whole row (the record and the columns made of it)
RECORD_KEY = f"md5('{PAGE_VERSION}' || CAST(m AS VARCHAR))"
MEETINGS_PER_PASS = 100     # meetings built per read of their sources (bounds the writer's memory)
MARKS_PER_QUERY = 1000      # marked meetings looked up per query
_DUE = "SELECT DISTINCT meeting_id FROM meeting_pages_due"


def pages_missing(conn: duckdb.DuckDBPyConnection) -> bool:
    """Whether a meeting is marked for its page to be built (or dropped) again."""
    return conn.execute("SELECT EXISTS (SELECT 1 FROM meeting_pages_due)").fetchone()[0]


def mark_meetings(conn: duckdb.DuckDBPyConnection, select_ids: str, params: Sequence = ()) -> None:
    """Mark the meetings whose ids ``select_ids`` (a query) gives: the derive step's next
    :func:`refresh_meeting_pages` builds or drops their pages."""
    conn.execute(f"INSERT INTO meeting_pages_due {select_ids}", list(params))


def refresh_meeting_pages(conn: duckdb.DuckDBPyConnection, per_pass: int = MEETINGS_PER_PASS,
                          every: bool = False) -> int:
    """Build the pages of the marked meetings that have none or whose record changed, drop those
    of marked meetings no longer stored, clear the marks; return how many were built. Runs in
    the derive step.

    :param every: look at every stored meeting and page, marked or not (a full rebuild).
    """
    if every:
        mark_meetings(conn, "SELECT id FROM meetings UNION ALL SELECT meeting_id FROM meeting_pages")
    due = [r[0] for r in conn.execute(_DUE + " ORDER BY 1").fetchall()]
    if not due:
        return 0        # a derive step that merged no meeting again: one read of an empty table
    conn.execute("DELETE FROM meeting_pages_due")
    stale = []
    # the marked ids as lists of parameters, which DuckDB looks up in the primary keys (a join
    # to the marks would scan the meetings, hashing every row)
    for start in range(0, len(due), MARKS_PER_QUERY):
        ids = due[start:start + MARKS_PER_QUERY]
        marks = ", ".join("?" for _ in ids)
        stored = {r[0]: r[1] for r in conn.execute(
            f"SELECT m.id, {RECORD_KEY} FROM meetings m WHERE m.id IN ({marks})", ids).fetchall()}
        built = dict(conn.execute(f"SELECT meeting_id, record_key FROM meeting_pages WHERE meeting_id IN ({marks})",
                                  ids).fetchall())
        gone = [i for i in ids if i not in stored]
        if gone:
            for table in ("meeting_pages", "meeting_page_sources"):
                conn.execute(f"DELETE FROM {table} WHERE meeting_id IN ({', '.join('?' for _ in gone)})", gone)
        stale += [i for i in ids if i in stored and built.get(i) != stored[i]]
    for start in range(0, len(stale), per_pass):
        _build(conn, stale[start:start + per_pass])
    return len(stale)


def _build(conn: duckdb.DuckDBPyConnection, meeting_ids: Sequence[str]) -> None:
    marks = ", ".join("?" for _ in meeting_ids)
    found = rows(conn, f"SELECT *, {RECORD_KEY} AS record_key FROM meetings m WHERE id IN ({marks})",
                 list(meeting_ids))
    keys = {r["id"]: r.pop("record_key") for r in found}
    meetings = [_meeting(r) for r in found]
    chosen = {m["id"]: quoted_sources(m) for m in meetings}
    # every source of the pass in one read: the quoted ones with their texts and spans
    quoted = {d for q, _ in chosen.values() for d in q}
    sources = source_documents(conn, sorted(quoted), others=sorted({d for _, o in chosen.values() for d in o}))
    pages, versions = [], []
    for meeting in meetings:
        mine, others = chosen[meeting["id"]]
        # a document quoted for another meeting of the pass is, for this one, one of the others
        view = {d: sources[d] for d in mine if d in sources}
        view.update({d: {**sources[d], "spans": None} for d in others if d in sources})
        content = meeting_content(meeting, view)
        pages.append((meeting["id"], keys[meeting["id"]], to_json(first_page(content))))
        every, size = content["sources"], meeting_view.SOURCES_PER_PAGE
        # the later pages of its sources (the first is in its meeting_pages row)
        versions.extend((page_key(meeting["id"], start), meeting["id"], start, to_json(every[start:start + size]))
                        for start in range(size, len(every), size))
    for table in ("meeting_pages", "meeting_page_sources"):
        conn.execute(f"DELETE FROM {table} WHERE meeting_id IN ({marks})", list(meeting_ids))
    insert_rows(conn, "meeting_pages", ("meeting_id", "record_key", "content"), pages)
    insert_rows(conn, "meeting_page_sources", ("page_key", "meeting_id", "start", "content"), versions)


def page_key(meeting_id: str, start: int) -> str:
    """The key of the row of ``meeting_page_sources`` holding a meeting's sources from ``start``."""
    return f"{start}~{meeting_id}"


def meeting_page_content(conn: duckdb.DuckDBPyConnection, meeting_id: str, after: str | None = None) -> dict:
    """What one page of a meeting shows (:func:`parley.meeting_view.first_page`), with ``start``
    (where its sources start among the meeting's) and ``next`` (the cursor of the next page of
    sources, or None): its stored rows, or built from the meeting and its sources when it has none.

    :param after: the cursor of the last source shown (``"POSITION~DOC_ID"``, the previous
        page's ``next``): the page shows the :data:`~parley.meeting_view.SOURCES_PER_PAGE`
        sources after it.
    :raises parley.store.queries.NotFound: no meeting has that id.
    :raises BadCursor: ``after`` is malformed or does not end a page.
    """
    start = _start(after)
    page = read_meeting_page(conn, meeting_id)
    if page is None:
        meeting = get_meeting(conn, meeting_id)
        quoted, others = quoted_sources(meeting)
        content = meeting_content(meeting, source_documents(conn, quoted, others=others))
        page = first_page(content)
        if start:
            page = with_sources(page, content["sources"][start:start + meeting_view.SOURCES_PER_PAGE])
    elif start:
        found = conn.execute("SELECT content FROM meeting_page_sources WHERE page_key = ?",
                             [page_key(meeting_id, start)]).fetchone()
        page = with_sources(page, json.loads(found[0]) if found else [])
    shown = page["sources"]
    more = start + len(shown) < page["n_sources"]
    return {**page, "start": start,
            "next": make_cursor(start + len(shown) - 1, shown[-1]["doc_id"]) if more and shown else None}


def _start(after: str | None) -> int:
    """Where the page of a meeting's sources after the cursor ``after`` starts (0 without one)."""
    if not after:
        return 0
    position, _ = parse_cursor(after, "count")
    size = meeting_view.SOURCES_PER_PAGE
    if position is None or (position + 1) % size:
        raise BadCursor(f"a meeting's sources cursor is the position of a page's last source (a multiple of "
                        f"{size}, less one) and its id, as in the page's 'next' link")
    return position + 1


def read_meeting_page(conn: duckdb.DuckDBPyConnection, meeting_id: str) -> dict | None:
    """One meeting's stored first page (see :func:`parley.meeting_view.first_page`), read
    through the primary key; None when it has none (or the database is from before schema 0018):
    build it from the meeting and its sources then."""
    try:
        found = conn.execute("SELECT content FROM meeting_pages WHERE meeting_id = ?", [meeting_id]).fetchone()
    except duckdb.CatalogException:
        return None
    page = json.loads(found[0]) if found else None
    # a whole page of schema 0017, in a file opened read-only before its migration
    return page if page is not None and "n_sources" in page else None
