"""Reads of a few documents at once for the pages that quote them (a meeting's sources): their
texts, their own told meetings and their spans, a query per table for all of them, each row
looked up by key (``document_marks``, ``document_evidence``) where the table has it."""

from __future__ import annotations

from typing import Sequence

import duckdb

from parley.store.queries import rows


def source_documents(conn: duckdb.DuckDBPyConnection, doc_ids: Sequence[str],
                     span_tables: Sequence[str] = ("mentions", "times"), others: Sequence[str] = ()) -> dict[str, dict]:
    """Several documents at once, each with its text, its own meetings and the spans asked for
    (the columns that :data:`parley.store.marks.MARKED_TABLES` keeps, from ``document_marks``);
    and the ``others`` with their titles and own meetings only (no text, ``spans`` None).

    One query per table for all of them, where reading them one by one cost a query per
    document and table (a meeting page with a hundred sources made hundreds).

    :returns: ``{doc_id: {"document": {...}, "meetings": [...], "spans": {table: [...], "sentences": [...]}}}``
        for the ids that exist.
    """
    from parley.store.marks import MARKED_TABLES, read_doc_meetings, read_marks
    from parley.store.queries import _meeting

    wanted = sorted({d for d in doc_ids if isinstance(d, str)})
    rest = sorted({d for d in others if isinstance(d, str)} - set(wanted))
    if not wanted and not rest:
        return {}
    # lists of parameters, which DuckDB looks up in the primary keys (a joined unnested list is scanned)
    ids = f"({', '.join('?' for _ in wanted)})"
    out = {r["id"]: {"document": r, "meetings": [], "spans": {t: [] for t in (*span_tables, "sentences")}}
           for r in (rows(conn, "SELECT id, title, outlet, url, published, text FROM documents "
                                f"WHERE id IN {ids}", wanted) if wanted else [])}
    if rest:
        out.update({r["id"]: {"document": r, "meetings": [], "spans": None} for r in rows(
            conn, f"SELECT id, title, outlet, published FROM documents WHERE id IN ({', '.join('?' for _ in rest)})",
            rest)})
    every = [d for d in (*wanted, *rest) if d in out]
    # the documents' own meetings: from their rows of document_evidence (by key), else in one
    # query of doc_meetings for both kinds
    told = read_doc_meetings(conn, every)
    unread = [d for d in every if d not in told]
    for record in [r for d in every if d in told for r in told[d]] + (rows(
            conn, f"SELECT * FROM doc_meetings WHERE doc_id IN ({', '.join('?' for _ in unread)}) "
                  "ORDER BY doc_id, idx", unread) if unread else []):
        out[record["doc_id"]]["meetings"].append(_meeting(record))
    quoted = [d for d in wanted if d in out]
    marked = read_marks(conn, quoted, (*span_tables, "sentences")) if set(span_tables) <= set(MARKED_TABLES) else {}
    for doc_id, found in marked.items():
        out[doc_id]["spans"] = {t: found[t] for t in (*span_tables, "sentences")}
    unmarked = [d for d in quoted if d not in marked]
    for table in (*span_tables, "sentences") if unmarked else ():
        # the columns document_marks keeps (without each row's JSON record, which doubled the reads)
        columns = ", ".join(f'"{c}"' for c in ("doc_id", *MARKED_TABLES[table][0])) if table in MARKED_TABLES \
            else "* EXCLUDE (data)"
        for record in rows(conn, f'SELECT {columns} FROM "{table}" WHERE doc_id IN '
                                 f"({', '.join('?' for _ in unmarked)}) ORDER BY doc_id, char_start, idx", unmarked):
            out[record["doc_id"]]["spans"][table].append(record)
    return out


def document_summaries(conn: duckdb.DuckDBPyConnection, doc_ids: Sequence[str]) -> list[dict]:
    """Several documents' ids, titles, outlets and dates (no text), each with its own meetings."""
    from parley.store.queries import _meeting

    wanted = sorted({d for d in doc_ids if isinstance(d, str)})
    if not wanted:
        return []
    ids = f"({', '.join('?' for _ in wanted)})"
    out = {r["id"]: {**r, "doc_id": r["id"], "meetings": []} for r in rows(
        conn, f"SELECT id, title, outlet, published FROM documents WHERE id IN {ids}", wanted)}
    for record in rows(conn, f"SELECT * FROM doc_meetings WHERE doc_id IN {ids} ORDER BY doc_id, idx", wanted):
        if record["doc_id"] in out:
            out[record["doc_id"]]["meetings"].append(_meeting(record))
    return list(out.values())
