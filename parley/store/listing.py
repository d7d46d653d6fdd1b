"""Long lists made once per database state and read a page at a time: the processes list, the
documents list and the claim groups (ten groups a page, each with its first claims).

The processes list is one row per process with its summary (meetings, span, events reported),
the most meetings first: made once per database state (:func:`process_rows`, kept by the web
app) and shown 50 at a time after a cursor, the last row's meeting count and id, so that a page
renders 50 rows and not the hundreds a large corpus discovers.

The documents list, newest first, is read a page at a time after a cursor (the last row's date
and id); ordering every document for a page of a hundred grew with the corpus. How many
documents were published on each day (:func:`document_days`, a few thousand days, kept by the
web app per database state) gives the oldest day a page can reach, and the page reads only the
documents published from then on (:func:`documents_page`), from ``document_list``, kept in list
order (migration 0019), so that those days are a page's own rows and not spread over the row
groups of documents stored in ingest order.
"""

from __future__ import annotations

from bisect import bisect_left
from datetime import date
from typing import Callable

import duckdb

from parley.store import browse
from parley.store.browse import BadCursor, make_cursor, parse_cursor, process_summaries
from parley.store.queries import CLAIM_VERDICTS, list_claim_groups, list_processes


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


def page_after(rows: list[dict], after: str | None, limit: int, number: Callable[[dict], int],
               past: Callable[[dict, int], bool]) -> tuple[list[dict], str | None, int]:
    """One page of a list kept per database state, after the cursor ``after`` (``"NUMBER~ID"``:
    the last row's ``number`` and id, made by the previous page), the next page's cursor (None on
    the last page) and where the page starts in the list.

    A cursor whose row is no longer listed (the derive step merged or compared again since)
    continues with the first row ``past`` its number.

    :raises BadCursor: ``after`` is malformed.
    """
    start = 0
    if after:
        value, last_id = parse_cursor(after, "count")
        if value is None:
            raise BadCursor("this list's cursor starts with a whole number, as in the page's 'next' link")
        start = next((i + 1 for i, r in enumerate(rows) if r["id"] == last_id and number(r) == value), None)
        if start is None:
            start = next((i for i, r in enumerate(rows) if past(r, value)), len(rows))
    found = rows[start:start + limit]
    more = start + limit < len(rows)
    return found, make_cursor(number(found[-1]), found[-1]["id"]) if more and found else None, start


def processes_page(processes: list[dict], after: str | None = None,
                   limit: int = 50) -> tuple[list[dict], str | None]:
    """One page of :func:`process_rows` after the cursor ``after`` (``"MEETINGS~ID"``) and the
    next page's cursor; a cursor whose process is gone continues with fewer meetings.

    :raises BadCursor: ``after`` is malformed.
    """
    found, cursor, _ = page_after(processes, after, limit, lambda r: r["n_meetings"],
                                  lambda r, meetings: r["n_meetings"] < meetings)
    return found, cursor


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


def verdict_rank(group: dict) -> int:
    """Where a claim group's verdict puts it in the list (disputed first), as a whole number."""
    return CLAIM_VERDICTS.get(group.get("verdict"), len(CLAIM_VERDICTS))


def claims_page(groups: list[dict], after: str | None = None, limit: int = 10) -> tuple[list[dict], str | None, int]:
    """One page of :func:`claim_groups` after the cursor ``after`` (``"RANK~ID"``: the last
    group's :func:`verdict_rank` and id), the next page's cursor and where the page starts; a
    cursor whose group is gone continues with the next verdict.

    :raises BadCursor: ``after`` is malformed.
    """
    return page_after(groups, after, limit, verdict_rank, lambda g, rank: verdict_rank(g) > rank)


def document_days(conn: duckdb.DuckDBPyConnection) -> tuple[list[int], list[int]]:
    """The days documents were published on (as ``date.toordinal()``, in order) and how many
    documents were published on or after each (undated documents are not counted)."""
    found = conn.execute("SELECT (published - DATE '0001-01-01') + 1, count(*) FROM documents "
                         "WHERE published IS NOT NULL GROUP BY 1 ORDER BY 1").fetchall()
    days, since = [day for day, _ in found], []
    total = 0
    for _, n in reversed(found):
        total += n
        since.append(total)
    return days, since[::-1]


def oldest_day(days: tuple[list[int], list[int]], before: str | None, need: int) -> str | None:
    """The latest day by which at least ``need`` documents were published before the day
    ``before`` (ISO; None: at all), counting back from it; None when fewer were.

    :param days: :func:`document_days`.
    """
    ordinals, since = days
    stop = bisect_left(ordinals, date.fromisoformat(before).toordinal()) if before else len(ordinals)
    newer = since[stop] if stop < len(ordinals) else 0      # published on or after ``before``
    low, high = 0, stop - 1          # the last of ordinals[:stop] from which need documents run to ``before``
    if high < 0 or since[0] - newer < need:
        return None
    while low < high:
        middle = (low + high + 1) // 2
        if since[middle] - newer >= need:
            low = middle
        else:
            high = middle - 1
    # a day before year 1 (DuckDB dates reach back further than Python's): no bound
    return date.fromordinal(ordinals[low]).isoformat() if ordinals[low] >= 1 else None


def document_lengths(conn: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Every document's length in characters (``document_stats``), for :func:`documents_page`."""
    return dict(conn.execute("SELECT doc_id, chars FROM document_stats").fetchall())


def documents_page(conn: duckdb.DuckDBPyConnection, after: str | None = None, limit: int = 100,
                   days: tuple[list[int], list[int]] | None = None,
                   lengths: dict[str, int] | None = None, list_tail: bool = True) -> tuple[list[dict], str | None]:
    """:func:`parley.store.browse.documents_page`, reading only the days the page can reach when
    ``days`` (:func:`document_days`) are given: the page's rows and the next all lie between the
    cursor's day and the latest day before it from which ``limit + 1`` documents were published
    (the documents of the cursor's own day are not counted, so the bound holds whatever the
    cursor's id). Without such a day, or if the bounded read comes back short, the list is read
    whole. ``lengths``: :func:`document_lengths` (else each page is joined to ``document_stats``);
    ``list_tail``: whether ``document_list`` may have a tail (:func:`parley.store.browse.list_tail`).

    :raises BadCursor: ``after`` is malformed.
    """
    day = parse_cursor(after, "date")[0] if after else None
    bound = oldest_day(days, day, limit + 1) if days is not None and (day or not after) else None
    if bound is not None:
        found, cursor = browse.documents_page(conn, after, limit, oldest=bound, lengths=lengths,
                                               list_tail=list_tail)
        if cursor is not None:
            return found, cursor
    return browse.documents_page(conn, after, limit, lengths=lengths, list_tail=list_tail)
