"""Reads and writes of the tables derived across documents: events, meetings, processes, claim groups.

Only SQL lives here. The derivation itself (clustering event mentions, merging meetings into
processes, comparing claims) is the engine's derive step, :mod:`parley.derive`, which reads the
per-document rows through these functions, runs the stage logic and writes the results back
through them, inside the one transaction of the end of an ingest (or of ``parley rebuild``).

Events are rebuilt block by block (a block: the mentions that may cluster together, see
``parley/events/cluster.py``). The temporary tables the event functions leave behind --
``_gone_events`` (the events removed, as they were) and ``_event_links`` (``event_id, doc_id,
idx`` of the events written) -- are what :mod:`parley.store.summaries` moves the summaries by.
"""

from __future__ import annotations

from typing import Any, Iterable, Sequence

import duckdb

from parley.store import queries
from parley.store.meeting_pages import mark_meetings
from parley.store.writes import insert_rows, to_json

EVENT_COLUMNS = ("event_id", "event_type", "mode", "cameo", "modality", "date_start", "date_end",
                 "date_precision", "geonameid", "place", "place_country", "lat", "lon", "actor_ids",
                 "recipient_ids", "n_mentions", "n_documents", "confidence", "first_doc", "data")


# --- events -----------------------------------------------------------------------------------

def mentions_without_block(conn: duckdb.DuckDBPyConnection) -> list[tuple[str, int, str]]:
    """``(doc_id, idx, data)`` of the stored event mentions whose block is not set yet (rows
    stored before the block columns existed, schema 0005, or by a writer not given blocks)."""
    return conn.execute("SELECT doc_id, idx, data FROM event_mentions WHERE block IS NULL").fetchall()


def set_blocks(conn: duckdb.DuckDBPyConnection, blocks: Sequence[tuple[str, int, str]]) -> None:
    """Store ``(doc_id, idx, block)`` for event mentions, and give each event its mentions' block."""
    conn.execute("CREATE OR REPLACE TEMP TABLE _blocks (doc_id VARCHAR, idx INTEGER, block VARCHAR)")
    insert_rows(conn, "_blocks", ("doc_id", "idx", "block"), blocks)
    conn.execute("UPDATE event_mentions SET block = b.block FROM _blocks b "
                 "WHERE event_mentions.doc_id = b.doc_id AND event_mentions.idx = b.idx")
    conn.execute("UPDATE events SET block = m.block FROM event_mentions m "
                 "WHERE events.block IS NULL AND m.event_id = events.event_id")


def begin_event_refresh(conn: duckdb.DuckDBPyConnection, *, full: bool) -> list[str | None]:
    """Mark the blocks to cluster again and return the event types found in them.

    The blocks are those with a mention not yet in an event (all blocks when ``full``, whose
    events are then deleted). Creates the temporary tables the other event functions and the
    summaries use: ``_touched``, ``_gone_events``, ``_event_links``, ``_kept``.
    """
    conn.execute("CREATE OR REPLACE TEMP TABLE _touched AS SELECT DISTINCT block FROM event_mentions"
                 + ("" if full else " WHERE event_id IS NULL"))
    conn.execute("CREATE OR REPLACE TEMP TABLE _gone_events AS SELECT * FROM events LIMIT 0")
    if full:
        conn.execute("DELETE FROM events")
    conn.execute("CREATE OR REPLACE TEMP TABLE _event_links (event_id VARCHAR, doc_id VARCHAR, idx INTEGER)")
    conn.execute("CREATE OR REPLACE TEMP TABLE _kept (event_id VARCHAR)")
    return [event_type for (event_type,) in conn.execute(
        "SELECT DISTINCT event_type FROM event_mentions WHERE block IN (SELECT block FROM _touched)").fetchall()]


def touched_blocks(conn: duckdb.DuckDBPyConnection, event_type: str | None) -> list[tuple[str, int]]:
    """The marked blocks (:func:`begin_event_refresh`) holding mentions of ``event_type``, in order,
    each with its number of mentions of that type."""
    return conn.execute(
        "SELECT block, count(*) FROM event_mentions WHERE event_type IS NOT DISTINCT FROM ? "
        "AND block IN (SELECT block FROM _touched) GROUP BY block ORDER BY block", [event_type]).fetchall()


def pass_mentions(conn: duckdb.DuckDBPyConnection, event_type: str | None,
                  blocks: Sequence[str]) -> list[tuple[str, int, str, str | None, str]]:
    """``(doc_id, idx, block, event_id, data)`` of the mentions of ``event_type`` in ``blocks``,
    ordered by document and position; the blocks become the current pass (``_pass``)."""
    conn.execute("CREATE OR REPLACE TEMP TABLE _pass AS SELECT unnest(?::VARCHAR[]) AS block", [list(blocks)])
    return conn.execute("SELECT doc_id, idx, block, event_id, data FROM event_mentions "
                        "WHERE event_type IS NOT DISTINCT FROM ? AND block IN (SELECT block FROM _pass) "
                        "ORDER BY doc_id, idx", [event_type]).fetchall()


def write_event_pass(conn: duckdb.DuckDBPyConnection, event_type: str | None,
                     events: Sequence[tuple[dict, str]], links: Sequence[tuple[str, str, int]],
                     kept: Iterable[str], *, full: bool) -> int:
    """Store the events of one pass; return how many were written.

    :param events: ``(event, block)`` for each event new or changed.
    :param links: ``(event_id, doc_id, idx)``: the mentions of the events written.
    :param kept: ids of events whose mentions did not change (left as stored). Unless ``full``,
        the pass's other stored events of ``event_type`` are removed (and kept in ``_gone_events``).
    """
    if not full:
        insert_rows(conn, "_kept", ("event_id",), [(event_id,) for event_id in kept])
        gone = ("FROM events WHERE block IN (SELECT block FROM _pass) AND event_type IS NOT DISTINCT FROM ? "
                "AND event_id NOT IN (SELECT event_id FROM _kept)")
        conn.execute(f"INSERT INTO _gone_events SELECT * {gone}", [event_type])
        conn.execute(f"DELETE {gone}", [event_type])
    insert_rows(conn, "events", (*EVENT_COLUMNS, "block"), [(*event_row(event), block) for event, block in events])
    insert_rows(conn, "_event_links", ("event_id", "doc_id", "idx"), links)
    return len(events)


def link_event_mentions(conn: duckdb.DuckDBPyConnection) -> None:
    """Point every mention of an event written in this refresh (``_event_links``) to its event."""
    conn.execute("UPDATE event_mentions SET event_id = l.event_id FROM _event_links l "
                 "WHERE event_mentions.doc_id = l.doc_id AND event_mentions.idx = l.idx")


def _ids(entities: list[dict] | None) -> list[str]:
    return [e.get("id") or e.get("text") or "?" for e in entities or []]


def event_row(event: dict) -> tuple:
    """The ``events`` row (:data:`EVENT_COLUMNS`) of a clustered event."""
    when: dict[str, Any] = event.get("date") or {}
    place: dict[str, Any] = event.get("location") or {}
    docs = [(m.get("evidence") or {}).get("doc_id") for m in event.get("mentions") or []]
    return (event["event_id"], event.get("event_type"), event.get("mode"), event.get("cameo"), event.get("modality"),
            _day(when.get("start")), _day(when.get("end")), when.get("precision"), place.get("geonameid"),
            place.get("name"), place.get("country"), place.get("lat"), place.get("lon"),
            _ids(event.get("actor")), _ids(event.get("recipient")), event.get("mention_count") or 1,
            event.get("source_count") or len(set(docs)) or 1, event.get("confidence"),
            next((d for d in docs if d), None), to_json(event))


def _day(value: Any) -> str | None:
    return str(value)[:10] if value else None


# --- documents' metadata, meetings and processes ----------------------------------------------

def document_meta(conn: duckdb.DuckDBPyConnection, of: str = "doc_meetings") -> dict[str, dict]:
    """Title, outlet, url and dates of the stored documents that tell a meeting (``of="doc_meetings"``)
    or a claim (``of="claims"``), by id (``doc_id`` repeats the id): not every document's."""
    if of not in ("doc_meetings", "claims"):
        raise ValueError(f"no per-document table {of!r}")
    return {d["id"]: {**d, "doc_id": d["id"]} for d in queries.rows(
        conn, "SELECT id, title, outlet, url, published, published_inferred FROM documents "
              f"WHERE id IN (SELECT doc_id FROM {of})")}


def clear_processes(conn: duckdb.DuckDBPyConnection, parts: Sequence[str] | None = None) -> None:
    """Delete every merged meeting, its participants, and every process; or only those of the
    told meetings that the last merge put in ``parts`` (``process_members``)."""
    if parts is None:
        mark_meetings(conn, "SELECT id FROM meetings")
        for table in ("meeting_participants", "meetings", "processes", "process_members"):
            conn.execute(f"DELETE FROM {table}")
        return
    conn.execute("CREATE OR REPLACE TEMP TABLE _parts AS SELECT unnest(?::VARCHAR[]) AS part", [list(parts)])
    members = "SELECT {column} FROM process_members WHERE part IN (SELECT part FROM _parts)"
    mark_meetings(conn, members.format(column="meeting_id") + " AND meeting_id IS NOT NULL")
    conn.execute(f"DELETE FROM meeting_participants WHERE meeting_id IN ({members.format(column='meeting_id')})")
    conn.execute(f"DELETE FROM meetings WHERE id IN ({members.format(column='meeting_id')})")
    conn.execute(f"DELETE FROM processes WHERE id IN ({members.format(column='process')})")
    conn.execute("DROP TABLE _parts")


def process_members(conn: duckdb.DuckDBPyConnection) -> dict[tuple[str, int], tuple[str, str | None]]:
    """``(doc_id, idx) -> (part, meeting id)`` of every told meeting and process note, as the
    last merge left them (:func:`write_process_members`)."""
    return {(doc_id, idx): (part, meeting_id) for doc_id, idx, part, meeting_id in conn.execute(
        "SELECT doc_id, idx, part, meeting_id FROM process_members").fetchall()}


def write_process_members(conn: duckdb.DuckDBPyConnection,
                          rows: Iterable[tuple[str, int, str | None, str, str | None]]) -> None:
    """Store ``(doc_id, idx, process, part, meeting id)`` of every told meeting, replacing what was there."""
    conn.execute("DELETE FROM process_members")
    insert_rows(conn, "process_members", ("doc_id", "idx", "process", "part", "meeting_id"), sorted(rows))


def documents_since_derive(conn: duckdb.DuckDBPyConnection) -> set[str] | None:
    """Ids of the documents stored since the derive step last ran, or None when that is not
    known (the summaries were never built)."""
    from parley.store.summaries import STATE_KEY

    found = conn.execute("SELECT value FROM summary_state WHERE name = ?", [STATE_KEY]).fetchone()
    if not found or not found[0]:
        return None
    return {i for (i,) in conn.execute("SELECT id FROM documents WHERE ingested_at > CAST(? AS TIMESTAMP)",
                                       [found[0]]).fetchall()}


def stored_doc_meetings(conn: duckdb.DuckDBPyConnection) -> list[tuple[str, str]]:
    """``(doc_id, data)`` of every meeting a document tells, by document and position."""
    return conn.execute("SELECT doc_id, data FROM doc_meetings ORDER BY doc_id, idx").fetchall()


def write_processes(conn: duckdb.DuckDBPyConnection, processes: Sequence[dict], meetings: Sequence[dict]) -> int:
    """Store merged processes and meetings (with their participants); return the meeting count."""
    insert_rows(conn, "processes", ("id", "name", "data"),
                [(p["id"], p.get("name") or p["id"], to_json(p)) for p in processes])
    insert_rows(conn, "meetings", ("id", "process", "ordinal", "start", "end", "venue", "host", "status",
                                   "n_sources", "data"),
                [(m["id"], m.get("process"), m.get("ordinal"), _day(m.get("start")), _day(m.get("end")),
                  _name(m.get("venue")), _name(m.get("host")), m.get("status"), len(m.get("sources") or []),
                  to_json(m)) for m in meetings])
    mark_meetings(conn, "SELECT unnest(?::VARCHAR[])", [[m["id"] for m in meetings]])
    participants = {(m["id"], _name(p.get("actor")), p.get("role") or "participant")
                    for m in meetings for p in m.get("participants") or [] if _name(p.get("actor"))}
    insert_rows(conn, "meeting_participants", ("meeting_id", "actor", "role"), sorted(participants))
    return len(meetings)


def _name(value: Any) -> str | None:
    if isinstance(value, dict):
        return value.get("id") or value.get("name") or value.get("text")
    return value


# --- claims -----------------------------------------------------------------------------------

def clear_claim_groups(conn: duckdb.DuckDBPyConnection, quantities: Sequence[str] | None = None) -> None:
    """Delete every claim group, or those of ``quantities``."""
    if quantities is None:
        conn.execute("DELETE FROM claim_groups")
    else:
        conn.execute("DELETE FROM claim_groups WHERE quantity IN (SELECT unnest(?::VARCHAR[]))", [list(quantities)])


def stored_claims(conn: duckdb.DuckDBPyConnection, quantities: Sequence[str] | None = None) -> list[tuple[str, str]]:
    """``(doc_id, data)`` of every stored claim (or of those about ``quantities``), by document and position."""
    if quantities is None:
        return conn.execute("SELECT doc_id, data FROM claims ORDER BY doc_id, idx").fetchall()
    return conn.execute("SELECT doc_id, data FROM claims WHERE quantity IN (SELECT unnest(?::VARCHAR[])) "
                        "ORDER BY doc_id, idx", [list(quantities)]).fetchall()


def new_claim_quantities(conn: duckdb.DuckDBPyConnection) -> list[str] | None:
    """The quantities of the claims in documents stored since the derive step last ran, or None
    when that is not known (the summaries were never built): then every group is compared again."""
    from parley.store.summaries import STATE_KEY

    found = conn.execute("SELECT value FROM summary_state WHERE name = ?", [STATE_KEY]).fetchone()
    if not found or not found[0]:
        return None
    return [q for (q,) in conn.execute(
        "SELECT DISTINCT quantity FROM claims WHERE quantity IS NOT NULL AND doc_id IN "
        "(SELECT id FROM documents WHERE ingested_at > CAST(? AS TIMESTAMP)) ORDER BY 1", [found[0]]).fetchall()]


def claim_group_ids(conn: duckdb.DuckDBPyConnection) -> set[str]:
    """The ids of the stored claim groups."""
    return {i for (i,) in conn.execute("SELECT id FROM claim_groups").fetchall()}


def write_claim_groups(conn: duckdb.DuckDBPyConnection, groups: Sequence[dict]) -> int:
    """Store compared claim groups; return their count."""
    return insert_rows(conn, "claim_groups", ("id", "quantity", "verdict", "reason", "data"),
                       [(g["id"], g["quantity"], g["verdict"], g["reason"], to_json(g)) for g in groups])
