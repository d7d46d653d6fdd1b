"""Tables derived from everything stored: events across documents, processes, claim groups.

They are rebuilt from the per-document rows at the end of each ingest, so they never drift
from what is stored and a re-run rebuilds rather than duplicates them.
"""

from __future__ import annotations

import duckdb

from parley.store import queries


def refresh_derived(conn: duckdb.DuckDBPyConnection) -> None:
    """Rebuild the derived tables whose source rows exist. Run inside a transaction."""
    if queries.count(conn, "event_mentions"):
        from parley.store.derived_events import refresh_events

        refresh_events(conn)
    if queries.count(conn, "doc_meetings"):
        from parley.store.derived_process import refresh_processes

        refresh_processes(conn)
    if queries.count(conn, "claims"):
        from parley.store.derived_claims import refresh_claims

        refresh_claims(conn)
