"""Integrity checks of a parley database: references, ids, codes, spans, intervals, and events
that are up to date with their mentions.

Example::

    from parley.store.check import check
    problems = check("parley.duckdb")   # [] when the database is sound
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import duckdb

from parley.codebooks import PLOVER_TYPES, cameo_codes
from parley.store import connection

SPAN_TABLES = ("mentions", "times", "places", "claims", "event_mentions")
# (child table, child column, parent table, parent column)
REFERENCES = [
    *[(t, "doc_id", "documents", "id") for t in ("sentences", *SPAN_TABLES, "doc_meetings", "process_members")],
    ("mentions", "actor_id", "actors", "id"),
    ("documents", "duplicate_of", "documents", "id"),
    ("event_mentions", "event_id", "events", "event_id"),
    ("meeting_participants", "meeting_id", "meetings", "id"),
    ("meetings", "process", "processes", "id"),
]
UNIQUE_KEYS = {"documents": ("id",), "events": ("event_id",), "actors": ("id",), "meetings": ("id",),
               "processes": ("id",),
               **{t: ("doc_id", "idx") for t in (*SPAN_TABLES, "doc_meetings", "sentences", "process_members")}}
INTERVALS = [("times", "start", '"end"'), ("events", "date_start", "date_end"), ("claims", "low", "high"),
             ("meetings", "start", '"end"'), ("documents", "window_start", "window_end")]


@dataclass
class Problem:
    """One failed check: what, where, how many rows, and one example."""

    check: str
    table: str
    count: int
    example: str

    def as_dict(self) -> dict:
        return {"id": f"{self.check}:{self.table}", "check": self.check, "table": self.table,
                "count": self.count, "example": self.example}


def _problem(conn: duckdb.DuckDBPyConnection, check: str, table: str, where_sql: str,
             select: str = "*") -> Problem | None:
    n = conn.execute(f"SELECT count(*) FROM {where_sql}").fetchone()[0]
    if not n:
        return None
    example = conn.execute(f"SELECT {select} FROM {where_sql} LIMIT 1").fetchone()
    return Problem(check, table, n, repr(example)[:200])


def run_checks(conn: duckdb.DuckDBPyConnection) -> list[Problem]:
    """Run every check on an open connection and return the problems found."""
    found: list[Problem | None] = []
    for child, column, parent, key in REFERENCES:
        found.append(_problem(conn, "foreign_key", child,
                              f'"{child}" c WHERE c."{column}" IS NOT NULL AND NOT EXISTS '
                              f'(SELECT 1 FROM "{parent}" p WHERE p."{key}" = c."{column}")', f'c."{column}"'))
    for table, key in UNIQUE_KEYS.items():
        cols = ", ".join(key)
        found.append(_problem(conn, "duplicate_id", table,
                              f'(SELECT {cols}, count(*) AS n FROM "{table}" GROUP BY {cols} HAVING n > 1)'))
    for table in SPAN_TABLES:
        found.append(_problem(conn, "span_outside_text", table,
                              f'"{table}" s JOIN documents d ON d.id = s.doc_id WHERE s.char_start IS NOT NULL AND '
                              f'(s.char_start < 0 OR s.char_end < s.char_start OR s.char_end > length(d.text))',
                              "s.doc_id, s.idx"))
    found.append(_problem(conn, "span_text_mismatch", "mentions",
                          "mentions s JOIN documents d ON d.id = s.doc_id WHERE "
                          "substr(d.text, s.char_start + 1, s.char_end - s.char_start) <> s.text",
                          "s.doc_id, s.idx, s.text"))
    for table, low, high in INTERVALS:
        found.append(_problem(conn, "interval_reversed", table,
                              f'"{table}" WHERE {low} IS NOT NULL AND {high} IS NOT NULL AND {low} > {high}'))
    codes = list(cameo_codes())
    found.append(_problem(conn, "invalid_code", "events",
                          "events WHERE cameo IS NOT NULL AND NOT list_contains(?, cameo)"
                          .replace("?", _sql_list(codes)), "event_id, cameo"))
    found.append(_problem(conn, "invalid_code", "event_mentions",
                          "event_mentions WHERE event_type IS NOT NULL"
                          f" AND NOT list_contains({_sql_list(PLOVER_TYPES)}, event_type)", "doc_id, idx, event_type"))
    found.append(_problem(conn, "orphan_event", "events",
                          "events e WHERE NOT EXISTS (SELECT 1 FROM event_mentions m WHERE m.event_id = e.event_id)",
                          "e.event_id"))
    # left by a run stopped before its rebuild (or read during one); the next ingest or
    # `parley rebuild` clusters them
    found.append(_problem(conn, "unclustered_mention", "event_mentions",
                          "event_mentions WHERE event_id IS NULL", "doc_id, idx"))
    return [p for p in found if p is not None]


def _sql_list(values) -> str:
    return "[" + ", ".join("'" + str(v).replace("'", "''") + "'" for v in values) + "]"


def check(db_path: str | Path) -> list[Problem]:
    """Open ``db_path`` read-only, run every check, and return the problems (empty when sound)."""
    with connection(db_path, read_only=True) as conn:
        return run_checks(conn)
