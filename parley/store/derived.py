"""Tables derived from everything stored: events across documents, processes, claim groups.

They are brought up to date from the per-document rows at the end of each ingest, inside one
transaction, so they never drift from what is stored and a re-run rebuilds rather than
duplicates them. Events are rebuilt for the clustering blocks that gained mentions; meetings,
processes and claim groups in full.
"""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any

import duckdb

from parley.store import queries
from parley.store.writes import insert_rows, to_json


def refresh_derived(conn: duckdb.DuckDBPyConnection, *, full: bool = False) -> None:
    """Bring events, meetings/processes and claim groups up to date with the per-document rows.

    Run inside a transaction.

    :param full: rebuild every event, not only those of blocks that gained mentions.
    """
    from parley.store.summaries import refresh_summaries

    refresh_events(conn, full=full)
    refresh_processes(conn)
    refresh_claims(conn)
    refresh_summaries(conn, full=full)


def refresh_events(conn: duckdb.DuckDBPyConnection, *, full: bool = False) -> int:
    """Cluster stored event mentions into one event per happening; return the events written.

    Mentions are clustered only within their block (:func:`parley.events.cluster.block_key`),
    so only the blocks that gained mentions since the last rebuild (those with a mention not yet
    in an event) are read and clustered again, in the same order as a full rebuild, which gives
    the same events. Of those, an event with the same mentions as before is the same event and
    is left as stored; the others replace theirs. One event type and a few thousand blocks at a
    time, so that memory stays bounded whatever the corpus.

    :param full: rebuild and rewrite every event (after a change to the clustering rules).
    """
    _fill_blocks(conn)
    conn.execute("CREATE OR REPLACE TEMP TABLE _touched AS SELECT DISTINCT block FROM event_mentions"
                 + ("" if full else " WHERE event_id IS NULL"))
    # the events removed, as they were, and the links of the events written: the summaries
    # (parley.store.summaries) move by these and nothing else
    conn.execute("CREATE OR REPLACE TEMP TABLE _gone_events AS SELECT * FROM events LIMIT 0")
    if full:
        conn.execute("DELETE FROM events")
    conn.execute("CREATE OR REPLACE TEMP TABLE _event_links (event_id VARCHAR, doc_id VARCHAR, idx INTEGER)")
    conn.execute("CREATE OR REPLACE TEMP TABLE _kept (event_id VARCHAR)")
    count = 0
    types = conn.execute("SELECT DISTINCT event_type FROM event_mentions "
                         "WHERE block IN (SELECT block FROM _touched)").fetchall()
    for (event_type,) in types:
        blocks = [b for (b,) in conn.execute(
            "SELECT DISTINCT block FROM event_mentions WHERE event_type IS NOT DISTINCT FROM ? "
            "AND block IN (SELECT block FROM _touched) ORDER BY block", [event_type]).fetchall()]
        # a few thousand blocks at a time: a whole corpus's mentions of one type (a first
        # ingest, a full rebuild) would not fit in the writer's memory budget
        for first in range(0, len(blocks), BLOCKS_PER_PASS):
            conn.execute("CREATE OR REPLACE TEMP TABLE _pass AS SELECT unnest(?::VARCHAR[]) AS block",
                         [blocks[first:first + BLOCKS_PER_PASS]])
            count += _cluster_pass(conn, event_type, full)
    if count:
        conn.execute("UPDATE event_mentions SET event_id = l.event_id FROM _event_links l "
                     "WHERE event_mentions.doc_id = l.doc_id AND event_mentions.idx = l.idx")
    return count


def _cluster_pass(conn: duckdb.DuckDBPyConnection, event_type: str | None, full: bool) -> int:
    """Cluster the mentions of one event type in the blocks of ``_pass``; return the events written."""
    from parley.events.cluster import cluster_events

    stored = conn.execute("SELECT doc_id, idx, block, event_id, data FROM event_mentions "
                          "WHERE event_type IS NOT DISTINCT FROM ? AND block IN (SELECT block FROM _pass) "
                          "ORDER BY doc_id, idx", [event_type]).fetchall()
    where: dict[str, tuple[str, int]] = {}
    before: dict[str, set[tuple[str, int]]] = defaultdict(set)     # event id -> its mentions
    blocks: dict[str, list[dict]] = defaultdict(list)
    for doc_id, idx, block, event_id, data in stored:
        event = json.loads(data)
        where[event["event_id"]] = (doc_id, idx)
        blocks[block].append(event)
        if event_id is not None and not full:
            before[event_id].add((doc_id, idx))
    del stored
    rows, links, kept = [], [], []
    for block, events in blocks.items():
        for cluster in cluster_events(events):
            members = [where[m["event_id"]] for m in cluster["mentions"] if m.get("event_id") in where]
            if before.get(cluster["event_id"]) == set(members):
                kept.append((cluster["event_id"],))
                continue
            rows.append((*_event_row(cluster), block))
            links.extend((cluster["event_id"], *member) for member in members)
    if not full:
        insert_rows(conn, "_kept", ("event_id",), kept)
        gone = ("FROM events WHERE block IN (SELECT block FROM _pass) AND event_type IS NOT DISTINCT FROM ? "
                "AND event_id NOT IN (SELECT event_id FROM _kept)")
        conn.execute(f"INSERT INTO _gone_events SELECT * {gone}", [event_type])
        conn.execute(f"DELETE {gone}", [event_type])
    insert_rows(conn, "events", (*EVENT_COLUMNS, "block"), rows)
    insert_rows(conn, "_event_links", ("event_id", "doc_id", "idx"), links)
    return len(rows)


def _fill_blocks(conn: duckdb.DuckDBPyConnection) -> None:
    # Rows stored before the block columns existed (schema 0005) get theirs once: a mention's
    # from its record, an event's from its mentions (which all share one block).
    from parley.events.cluster import block_key

    missing = conn.execute("SELECT doc_id, idx, data FROM event_mentions WHERE block IS NULL").fetchall()
    if not missing:
        return      # every stored event's block was set with its mentions' (or on an earlier fill)
    conn.execute("CREATE OR REPLACE TEMP TABLE _blocks (doc_id VARCHAR, idx INTEGER, block VARCHAR)")
    insert_rows(conn, "_blocks", ("doc_id", "idx", "block"),
                [(doc_id, idx, block_key(json.loads(data))) for doc_id, idx, data in missing])
    conn.execute("UPDATE event_mentions SET block = b.block FROM _blocks b "
                 "WHERE event_mentions.doc_id = b.doc_id AND event_mentions.idx = b.idx")
    conn.execute("UPDATE events SET block = m.block FROM event_mentions m "
                 "WHERE events.block IS NULL AND m.event_id = events.event_id")


BLOCKS_PER_PASS = 4000
EVENT_COLUMNS = ("event_id", "event_type", "mode", "cameo", "modality", "date_start", "date_end",
                 "date_precision", "geonameid", "place", "place_country", "lat", "lon", "actor_ids",
                 "recipient_ids", "n_mentions", "n_documents", "confidence", "first_doc", "data")


def _ids(entities: list[dict] | None) -> list[str]:
    return [e.get("id") or e.get("text") or "?" for e in entities or []]


def _event_row(event: dict) -> tuple:
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


def _document_meta(conn: duckdb.DuckDBPyConnection) -> dict[str, dict]:
    return {d["id"]: {**d, "doc_id": d["id"]} for d in queries.rows(
        conn, "SELECT id, title, outlet, url, published, published_inferred FROM documents")}


def refresh_processes(conn: duckdb.DuckDBPyConnection) -> int:
    """Merge the meetings every document tells into meetings and processes; return the meeting count."""
    from parley.process.merge import build_processes

    for table in ("meeting_participants", "meetings", "processes"):
        conn.execute(f"DELETE FROM {table}")
    stored = conn.execute("SELECT doc_id, data FROM doc_meetings ORDER BY doc_id, idx").fetchall()
    if not stored:
        return 0
    meta = _document_meta(conn)
    by_doc: dict[str, list[dict]] = defaultdict(list)
    for doc_id, data in stored:
        by_doc[doc_id].append(json.loads(data))
    built = build_processes((meta[doc_id], meetings) for doc_id, meetings in by_doc.items() if doc_id in meta)
    insert_rows(conn, "processes", ("id", "name", "data"),
                [(p["id"], p.get("name") or p["id"], to_json(p)) for p in built["processes"]])
    insert_rows(conn, "meetings", ("id", "process", "ordinal", "start", "end", "venue", "host", "status",
                                   "n_sources", "data"),
                [(m["id"], m.get("process"), m.get("ordinal"), _day(m.get("start")), _day(m.get("end")),
                  _name(m.get("venue")), _name(m.get("host")), m.get("status"), len(m.get("sources") or []),
                  to_json(m)) for m in built["meetings"]])
    participants = {(m["id"], _name(p.get("actor")), p.get("role") or "participant")
                    for m in built["meetings"] for p in m.get("participants") or [] if _name(p.get("actor"))}
    insert_rows(conn, "meeting_participants", ("meeting_id", "actor", "role"), sorted(participants))
    return len(built["meetings"])


def _name(value: Any) -> str | None:
    if isinstance(value, dict):
        return value.get("id") or value.get("name") or value.get("text")
    return value


def refresh_claims(conn: duckdb.DuckDBPyConnection) -> int:
    """Group stored claims by quantity and compare them; return the group count."""
    from parley.claims import compare_claims

    conn.execute("DELETE FROM claim_groups")
    stored = conn.execute("SELECT doc_id, data FROM claims ORDER BY doc_id, idx").fetchall()
    if not stored:
        return 0
    meta = _document_meta(conn)
    claims = []
    for doc_id, data in stored:
        claim = json.loads(data)
        claim.setdefault("doc_id", doc_id)
        if not claim.get("source"):
            claim["source"] = (meta.get(doc_id) or {}).get("outlet")
        claims.append(claim)
    groups = compare_claims(claims)
    insert_rows(conn, "claim_groups", ("id", "quantity", "verdict", "reason", "data"),
                [(g["id"], g["quantity"], g["verdict"], g["reason"], to_json(g)) for g in groups])
    return len(groups)
