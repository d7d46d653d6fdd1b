"""Long lists made once per database state and read a page at a time: the processes list, the
documents list and the claim groups.

The processes list is one row per process with its summary (meetings, span, events reported),
the most meetings first: made once per database state (:func:`process_rows`, kept by the web
app) and shown 50 at a time after a cursor, the last row's meeting count and id, so that a page
renders 50 rows and not the hundreds a large corpus discovers.
"""

from __future__ import annotations

import duckdb

from parley.store.browse import BadCursor, make_cursor, parse_cursor, process_summaries
from parley.store.queries import list_claim_groups, list_processes


def process_rows(conn: duckdb.DuckDBPyConnection) -> list[dict]:
    """One row per process (``id``, ``name``, ``subject``, ``discovered``, ``parties``, ``aliases``
    (the first five), ``n_meetings``, ``first``, ``last``, ``events``), the most meetings first,
    then by name (or id)."""
    summaries = process_summaries(conn)
    out = []
    for record in list_processes(conn):
        summary = summaries.get(record["id"]) or {}
        out.append({"id": record["id"], "name": record.get("name"), "subject": record.get("subject"),
                    "discovered": bool(record.get("discovered")), "parties": record.get("parties") or [],
                    "aliases": (record.get("aliases") or [])[:5], "n_meetings": summary.get("meetings", 0),
                    **{k: summary.get(k) for k in ("first", "last", "events")}})
    out.sort(key=lambda r: (-r["n_meetings"], r["name"] or r["id"]))
    return out


def processes_page(processes: list[dict], after: str | None = None,
                   limit: int = 50) -> tuple[list[dict], str | None]:
    """One page of :func:`process_rows` after the cursor ``after`` (``"MEETINGS~ID"``, made by
    the previous page) and the next page's cursor (None on the last page).

    A cursor whose process is no longer listed (the derive step merged processes since)
    continues with the processes of fewer meetings than it names.

    :raises BadCursor: ``after`` is malformed.
    """
    start = 0
    if after:
        meetings, last_id = parse_cursor(after, "count")
        if meetings is None:
            raise BadCursor("a processes cursor starts with the last process's number of meetings")
        start = next((i + 1 for i, r in enumerate(processes) if r["id"] == last_id and r["n_meetings"] == meetings),
                     None)
        if start is None:
            start = next((i for i, r in enumerate(processes) if r["n_meetings"] < meetings), len(processes))
    found = processes[start:start + limit]
    more = start + limit < len(processes)
    return found, make_cursor(found[-1]["n_meetings"], found[-1]["id"]) if more and found else None


def claim_groups(conn: duckdb.DuckDBPyConnection, claims: int) -> list[dict]:
    """The claim groups, disputed first (:func:`parley.store.queries.list_claim_groups`), each with
    its number of claims (``n_claims``) and its first ``claims`` claims: the claims page, made once
    per database state (a large corpus repeats a quantity's claims in many articles)."""
    groups = list_claim_groups(conn)
    for group in groups:
        found = group.get("claims") or []
        group["n_claims"] = len(found)
        group["claims"] = found[:claims]
    return groups
