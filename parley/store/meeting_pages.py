"""Each merged meeting's page in one row (``meeting_pages``), so that a meeting page reads it by key.

A meeting page quotes its sources: it read the merged meeting, then up to ten source documents'
texts, their actor mentions, dates and sentences, and every source's own told meetings, and
matched them up (:func:`parley.meeting_view.meeting_content`); for the meeting with most sources
of 10,000 articles that cost some 25 ms of CPU a request, more than a page may spend. What it
shows depends only on the meeting's record and on its sources, whose stored rows never change,
so the derive step builds it once: ``meeting_pages`` (migration ``0017_meeting_pages``) holds,
per meeting, the page's content as JSON (without the actors' names, which a request looks up)
and the key of the record it was built from (:data:`RECORD_KEY`: a hash of the meeting's row and
:data:`PAGE_VERSION`). :func:`refresh_meeting_pages` builds the rows of the meetings whose record
changed or that have none, and drops those of meetings no longer stored; a re-merge that gives a
meeting the same record leaves its row as it is.
"""

from __future__ import annotations

import json
from typing import Sequence

import duckdb

from parley.meeting_view import meeting_content, quoted_sources
from parley.store.queries import _meeting, get_meeting, rows
from parley.store.sources import source_documents
from parley.store.writes import insert_rows, to_json

# changed when what a page holds changes, so that every stored page is built again
PAGE_VERSION = "1"
# the key of a meeting's record: its whole row (the record and the columns made of it)
RECORD_KEY = f"md5('{PAGE_VERSION}' || CAST(m AS VARCHAR))"
MEETINGS_PER_PASS = 100     # meetings built per read of their sources (bounds the writer's memory)
_STALE = f"""
    SELECT m.id FROM meetings m LEFT JOIN meeting_pages p ON p.meeting_id = m.id
    WHERE p.meeting_id IS NULL OR p.record_key <> {RECORD_KEY}"""


def pages_missing(conn: duckdb.DuckDBPyConnection) -> bool:
    """Whether a stored meeting has no page, or one built from another record."""
    return conn.execute(f"SELECT EXISTS ({_STALE})").fetchone()[0]


def refresh_meeting_pages(conn: duckdb.DuckDBPyConnection, per_pass: int = MEETINGS_PER_PASS) -> int:
    """Build the pages of the meetings that have none or whose record changed, drop those of
    meetings no longer stored; return how many were built. Runs in the derive step."""
    conn.execute("DELETE FROM meeting_pages WHERE meeting_id NOT IN (SELECT id FROM meetings)")
    stale = [r[0] for r in conn.execute(_STALE + " ORDER BY m.id").fetchall()]
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
    out = []
    for meeting in meetings:
        mine, others = chosen[meeting["id"]]
        # a document quoted for another meeting of the pass is, for this one, one of the others
        view = {d: sources[d] for d in mine if d in sources}
        view.update({d: {**sources[d], "spans": None} for d in others if d in sources})
        out.append((meeting["id"], keys[meeting["id"]], to_json(meeting_content(meeting, view))))
    conn.execute(f"DELETE FROM meeting_pages WHERE meeting_id IN ({marks})", list(meeting_ids))
    insert_rows(conn, "meeting_pages", ("meeting_id", "record_key", "content"), out)


def meeting_page_content(conn: duckdb.DuckDBPyConnection, meeting_id: str) -> dict:
    """What one meeting's page shows (:func:`parley.meeting_view.meeting_content`): its stored row,
    or built from the meeting and its sources when it has none.

    :raises parley.store.queries.NotFound: no meeting has that id.
    """
    stored = read_meeting_page(conn, meeting_id)
    if stored is not None:
        return stored
    meeting = get_meeting(conn, meeting_id)
    quoted, others = quoted_sources(meeting)
    return meeting_content(meeting, source_documents(conn, quoted, others=others))


def read_meeting_page(conn: duckdb.DuckDBPyConnection, meeting_id: str) -> dict | None:
    """One meeting's stored page content (see :func:`parley.meeting_view.meeting_content`), read
    through the primary key; None when it has none (or the database is from before schema 0017):
    build it from the meeting and its sources then."""
    try:
        found = conn.execute("SELECT content FROM meeting_pages WHERE meeting_id = ?", [meeting_id]).fetchone()
    except duckdb.CatalogException:
        return None
    return json.loads(found[0]) if found else None
