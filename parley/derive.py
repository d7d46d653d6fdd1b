"""The engine's cross-document step: events, processes and claim groups from everything stored.

The stages see one document at a time; what needs them all is derived here, at the end of each
ingest (:func:`parley.engine.ingest`) or on ``parley rebuild``, inside one transaction so the
derived tables never drift from the per-document rows and a re-run rebuilds rather than
duplicates them. This module reads rows through :mod:`parley.store.derived`, runs the stage
logic -- :func:`parley.events.cluster.cluster_events`, :func:`parley.process.merge.build_processes`,
:func:`parley.claims.compare_claims` -- and writes the results back through the same module;
it holds no SQL, and the store imports no stage. Events are rebuilt for the clustering blocks
that gained mentions, claim groups for the quantities that gained claims, meetings and processes
in full (a merge may join any meeting of a process; it reads the documents that tell meetings,
not all); then the summaries
(:mod:`parley.store.summaries`) move by what changed.
"""

from __future__ import annotations

import json
from collections import defaultdict

import duckdb

from parley.claims import compare_claims
from parley.events.cluster import block_key, cluster_events
from parley.process.merge import build_processes, plan_processes
from parley.store import derived as store
from parley.store.summaries import refresh_summaries

# Blocks are clustered a few thousand mentions at a time: a whole corpus's mentions of one type
# (a first ingest, a full rebuild) would not fit in the writer's memory budget, and a count of
# blocks does not bound the memory either, since a block grows with the corpus (every report
# of one happening falls in it). A block larger than this is a pass of its own.
MENTIONS_PER_PASS = 5_000


def refresh_derived(conn: duckdb.DuckDBPyConnection, *, full: bool = False) -> None:
    """Bring events, meetings/processes and claim groups up to date with the per-document rows.

    Run inside a transaction.

    :param full: rebuild every event, not only those of blocks that gained mentions.
    """
    refresh_events(conn, full=full)
    refresh_processes(conn, full=full)
    refresh_claims(conn, full=full)
    refresh_summaries(conn, full=full)


def refresh_events(conn: duckdb.DuckDBPyConnection, *, full: bool = False) -> int:
    """Cluster stored event mentions into one event per happening; return the events written.

    Mentions are clustered only within their block (:func:`parley.events.cluster.block_key`),
    so only the blocks that gained mentions since the last rebuild (those with a mention not yet
    in an event) are read and clustered again, in the same order as a full rebuild, which gives
    the same events. Of those, an event with the same mentions as before is the same event and
    is left as stored; the others replace theirs. One event type and a few thousand mentions at a
    time (:data:`MENTIONS_PER_PASS`), so that memory stays bounded whatever the corpus.

    :param full: rebuild and rewrite every event (after a change to the clustering rules).
    """
    fill_blocks(conn)
    count = 0
    for event_type in store.begin_event_refresh(conn, full=full):
        for pass_blocks in passes(store.touched_blocks(conn, event_type), MENTIONS_PER_PASS):
            count += _cluster_pass(conn, event_type, pass_blocks, full)
    if count:
        store.link_event_mentions(conn)
    return count


def passes(blocks: list[tuple[str, int]], limit: int) -> list[list[str]]:
    """Cut ``(block, mentions)`` into runs of consecutive blocks of at most ``limit`` mentions
    together (a larger block alone), keeping their order."""
    cut: list[list[str]] = []
    size = 0
    for block, mentions in blocks:
        if not cut or size + mentions > limit:
            cut.append([])
            size = 0
        cut[-1].append(block)
        size += mentions
    return cut


def _cluster_pass(conn: duckdb.DuckDBPyConnection, event_type: str | None, pass_blocks: list[str],
                  full: bool) -> int:
    """Cluster the mentions of one event type in ``pass_blocks``; return the events written."""
    stored = store.pass_mentions(conn, event_type, pass_blocks)
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
    written, links, kept = [], [], []
    for block, events in blocks.items():
        for cluster in cluster_events(events):
            members = [where[m["event_id"]] for m in cluster["mentions"] if m.get("event_id") in where]
            if before.get(cluster["event_id"]) == set(members):
                kept.append(cluster["event_id"])
                continue
            written.append((cluster, block))
            links.extend((cluster["event_id"], *member) for member in members)
    return store.write_event_pass(conn, event_type, written, links, kept, full=full)


def fill_blocks(conn: duckdb.DuckDBPyConnection) -> None:
    """Give every stored event mention without a block (rows stored before the block columns
    existed, schema 0005) its block, and each event its mentions' block, once."""
    missing = store.mentions_without_block(conn)
    if not missing:
        return      # every stored event's block was set with its mentions' (or on an earlier fill)
    store.set_blocks(conn, [(doc_id, idx, block_key(json.loads(data))) for doc_id, idx, data in missing])


def refresh_processes(conn: duckdb.DuckDBPyConnection, *, full: bool = False) -> int:
    """Merge the meetings every document tells into meetings and processes; return the meetings written.

    Every told meeting is given its process and its part first (:func:`parley.process.merge.plan_processes`:
    discovery counts across all documents); then only the parts holding a meeting that is new
    (its document stored since the last derive step) or that moved to another part are merged
    again, the others stand as stored: a part's meetings and processes depend on nothing outside
    it, so this gives what merging everything gives. ``full`` (or a database whose parts were never
    stored) merges everything.
    """
    stored = store.stored_doc_meetings(conn)
    meta = store.document_meta(conn) if stored else {}
    by_doc: dict[str, list[dict]] = defaultdict(list)
    for doc_id, data in stored:
        by_doc[doc_id].append(json.loads(data))
    del stored
    plan = plan_processes((meta[doc_id], meetings) for doc_id, meetings in by_doc.items() if doc_id in meta)
    del by_doc
    before = {} if full else store.process_members(conn)
    new_docs = None if full or not before else store.documents_since_derive(conn)
    if new_docs is None:
        store.clear_processes(conn)
        parts = None
    else:
        now = {key: part for key, (_, part) in plan.members.items()}
        moved = [key for key in now.keys() | before.keys()
                 if key[0] in new_docs or now.get(key) != (before.get(key) or (None,))[0]]
        parts = {now[key] for key in moved if key in now} | {before[key][0] for key in moved if key in before}
        store.clear_processes(conn, sorted(parts))
    built = build_processes(plan=plan, parts=parts)
    placed = {(doc_id, idx): meeting_id for doc_id, idx, meeting_id in built["placed"]}
    store.write_process_members(conn, [
        (*key, process, part, placed[key] if key in placed else (before.get(key) or (None, None))[1])
        for key, (process, part) in plan.members.items()])
    return store.write_processes(conn, built["processes"], built["meetings"])


def refresh_claims(conn: duckdb.DuckDBPyConnection, *, full: bool = False) -> int:
    """Group stored claims by quantity and compare them; return the groups written.

    Claims are compared only within their quantity, so only the groups of quantities that new
    documents (stored since the last derive step) make claims about are compared again; the
    others stand as stored. ``full`` (or a database whose summaries were never built) compares all.
    """
    quantities = None if full else store.new_claim_quantities(conn)
    if quantities is not None and not quantities:
        return 0            # no new claim: every group stands
    store.clear_claim_groups(conn, quantities)
    stored = store.stored_claims(conn, quantities)
    if not stored:
        return 0
    meta = store.document_meta(conn, of="claims")
    claims = []
    for doc_id, data in stored:
        claim = json.loads(data)
        claim.setdefault("doc_id", doc_id)
        if not claim.get("source"):
            claim["source"] = (meta.get(doc_id) or {}).get("outlet")
        claims.append(claim)
    groups = compare_claims(claims)
    taken = store.claim_group_ids(conn)
    for group in groups:
        while group["id"] in taken:     # a quantity that slugs like one compared before
            group["id"] += "-"
        taken.add(group["id"])
    return store.write_claim_groups(conn, groups)
