"""Each document's spans in one row (``document_marks``), so that a page reads them by key.

A document page and a meeting page show what was found in a few documents: their actor
mentions, dates, places, claims and sentences. Those tables hold the rows of every document
(half a million mentions on 10,000 articles), are not indexed by document (an index costs the
writer memory), and DuckDB cannot look a document up through their ``(doc_id, idx)`` keys, so
each read scanned a whole table: a document page scanned six, and grew with the corpus.

``document_marks`` (migration ``0013_document_marks``) holds one row per document, its primary
key the document's id, with each table's rows of that document as a JSON list (every column
but ``doc_id`` and the ``data`` record, in the order the pages read them). Those rows never
change once a document is stored, so the derive step only adds the rows of the documents
that have none yet (:func:`fill_marks`), a few thousand documents at a time. Event evidence
is not kept here: the derive step re-clusters events and renames them, so it is read from
``event_mentions`` as before.
"""

from __future__ import annotations

import json
from typing import Sequence

import duckdb

# the tables of document_marks, with the order their rows are kept in
MARKED_TABLES = {"mentions": "char_start, idx", "times": "char_start, idx", "places": "char_start, idx",
                 "claims": "char_start, idx", "sentences": "idx"}
DOCS_PER_PASS = 2000    # documents whose marks one statement builds (bounds the writer's memory)


def _marks_sql(conn: duckdb.DuckDBPyConnection, documents: str) -> str:
    # one row per document of the table {documents} (a column ``id``): each span table's rows
    # as a JSON list of objects, without doc_id (the row's key) and without the data record
    parts, selected = [], []
    for table, order in MARKED_TABLES.items():
        columns = [c for (c,) in conn.execute("SELECT column_name FROM duckdb_columns() WHERE table_name = ? "
                                              "AND NOT internal ORDER BY column_index", [table]).fetchall()
                   if c not in ("doc_id", "data")]
        if table == "sentences":
            columns = ["idx", "char_start", "char_end"]
        fields = ", ".join(f'"{c}" := "{c}"' for c in columns)
        parts.append(f"""
        LEFT JOIN (SELECT doc_id, to_json(list(struct_pack({fields}) ORDER BY {order})) AS rows_json
                   FROM "{table}" WHERE doc_id IN (SELECT id FROM {documents}) GROUP BY doc_id) "{table}"
          ON "{table}".doc_id = d.id""")
        selected.append(f'coalesce("{table}".rows_json, \'[]\')')
    return f"SELECT d.id, {', '.join(selected)} FROM {documents} d" + "".join(parts)


def fill_marks(conn: duckdb.DuckDBPyConnection, per_pass: int = DOCS_PER_PASS) -> int:
    """Add the marks of every stored document that has none (and drop those of documents no
    longer stored); return how many documents were added. Runs in the derive step."""
    conn.execute("DELETE FROM document_marks WHERE doc_id NOT IN (SELECT id FROM documents)")
    missing = [r[0] for r in conn.execute(
        "SELECT id FROM documents WHERE id NOT IN (SELECT doc_id FROM document_marks) ORDER BY id").fetchall()]
    for start in range(0, len(missing), per_pass):
        conn.execute("CREATE OR REPLACE TEMP TABLE _mark_docs (id VARCHAR)")
        conn.executemany("INSERT INTO _mark_docs VALUES (?)", [[i] for i in missing[start:start + per_pass]])
        conn.execute(f"INSERT INTO document_marks {_marks_sql(conn, '_mark_docs')}")
        conn.execute("DROP TABLE _mark_docs")
    return len(missing)


def read_marks(conn: duckdb.DuckDBPyConnection, doc_ids: Sequence[str]) -> dict[str, dict[str, list[dict]]]:
    """``{doc_id: {table: rows}}`` for the documents among ``doc_ids`` that have marks, each row
    as the span table gives it without its ``data`` record (``doc_id`` included); sentences as
    ``doc_id, idx, char_start, char_end``. Looked up through the primary key."""
    wanted = sorted({d for d in doc_ids if isinstance(d, str)})
    if not wanted:
        return {}
    tables = list(MARKED_TABLES)
    try:
        found = conn.execute(f"SELECT doc_id, {', '.join(tables)} FROM document_marks "
                             f"WHERE doc_id IN ({', '.join('?' for _ in wanted)})", wanted).fetchall()
    except duckdb.CatalogException:
        return {}       # a database from before schema 0013, served read-only as it is
    out = {}
    for doc_id, *lists in found:
        out[doc_id] = {table: [{"doc_id": doc_id, **row} for row in json.loads(text)]
                       for table, text in zip(tables, lists)}
    return out
