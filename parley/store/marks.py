"""Each document's spans in one row (``document_marks``), so that a page reads them by key.

A document page and a meeting page show what was found in a few documents: their actor
mentions, dates, places, claims and sentences. Those tables hold the rows of every document
(half a million mentions on 10,000 articles), are not indexed by document (an index costs the
writer memory), and DuckDB cannot look a document up through their ``(doc_id, idx)`` keys, so
each read scanned a whole table: a document page scanned six, and grew with the corpus.

``document_marks`` (migration ``0013_document_marks``) holds one row per document, its primary
key the document's id, with each table's rows of that document as a JSON list of short arrays:
only the columns the pages show (:data:`MARKED_TABLES`), stored uncompressed (DuckDB's ZSTD
blocks would have to be decompressed whole to read one row; the arrays take about 3 KB a
document). Those rows never change once a document is stored, so the derive step only adds the
rows of the documents that have none yet (:func:`fill_marks`), a few thousand at a time. The
whole rows, ``data`` records included, are still read from the span tables by
:func:`parley.store.queries.document_spans`.

Event evidence is kept apart, in ``document_evidence`` (migration ``0015_page_rows``):
one row per document with its rows of ``event_mentions`` (:data:`EVIDENCE_COLUMNS`), which a
document page read by scanning that table (4-6 ms on 10,000 articles, growing with the corpus),
and its rows of ``doc_meetings`` (the meetings it tells, whole), which the document and meeting
pages read by scanning that one.
Those rows change when the derive step re-clusters events and points a mention at a renamed
event, so the derive step drops the rows of the documents whose mentions it pointed elsewhere
(``_event_links``, :func:`forget_evidence`) and fills them again with the missing ones.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Sequence

import duckdb

from parley.store.terms import DOCS_PER_PASS   # documents one statement reads (bounds the writer's memory)

# the tables of document_marks: the columns kept of each (what the document and meeting pages
# read), and the order of its rows
MARKED_TABLES = {
    "mentions": (("char_start", "char_end", "actor_id", "cameo", "role"), "char_start, idx"),
    "times": (("char_start", "char_end", "start", "end", "precision"), "char_start, idx"),
    "places": (("char_start", "char_end", "name", "country", "geonameid"), "char_start, idx"),
    "claims": (("char_start", "char_end", "quantity"), "char_start, idx"),
    "sentences": (("idx", "char_start", "char_end"), "idx"),
}


# the columns of event_mentions kept in document_evidence (what a document page shows), in its rows' order
EVIDENCE_COLUMNS = ("doc_id", "idx", "sentence", "char_start", "char_end", "event_id", "event_type", "cameo",
                    "modality")
EVIDENCE_ORDER = "char_start, idx"
# the columns of doc_meetings kept in document_evidence: all (a page merges each told meeting's record)
MEETING_COLUMNS = ("doc_id", "idx", "process", "ordinal", "start", "end", "venue", "host", "status", "data")


def _evidence_sql(documents: str) -> str:
    # one row per document of the table {documents}: its event mentions as a JSON list of arrays
    # and its told meetings as a JSON list of objects of every column of doc_meetings, by idx
    values = ", ".join(f'"{c}"' for c in EVIDENCE_COLUMNS[1:])
    meeting = ", ".join(f"'{c}', \"{c}\"" for c in MEETING_COLUMNS)
    return f"""SELECT d.id, coalesce(e.kept, '[]'), coalesce(m.kept, '[]') FROM {documents} d
        LEFT JOIN (SELECT doc_id, CAST(list(json_array({values}) ORDER BY {EVIDENCE_ORDER}) AS VARCHAR) AS kept
                   FROM event_mentions WHERE doc_id IN (SELECT id FROM {documents}) GROUP BY doc_id) e
          ON e.doc_id = d.id
        LEFT JOIN (SELECT doc_id, CAST(list(json_object({meeting}) ORDER BY idx) AS VARCHAR) AS kept
                   FROM doc_meetings WHERE doc_id IN (SELECT id FROM {documents}) GROUP BY doc_id) m
          ON m.doc_id = d.id"""


def _marks_sql(documents: str) -> str:
    # one row per document of the table {documents} (a column ``id``): each span table's rows
    # of it as a JSON list of arrays of the kept columns
    parts, selected = [], []
    for table, (columns, order) in MARKED_TABLES.items():
        values = ", ".join(f'"{c}"' for c in columns)
        parts.append(f"""
        LEFT JOIN (SELECT doc_id, CAST(list(json_array({values}) ORDER BY {order}) AS VARCHAR) AS kept
                   FROM "{table}" WHERE doc_id IN (SELECT id FROM {documents}) GROUP BY doc_id) "{table}"
          ON "{table}".doc_id = d.id""")
        selected.append(f'coalesce("{table}".kept, \'[]\')')
    return f"SELECT d.id, {', '.join(selected)} FROM {documents} d" + "".join(parts)


# the tables of one row per document that fill_marks fills, with the query that makes the rows
PER_DOCUMENT = {"document_marks": _marks_sql, "document_evidence": _evidence_sql}


def marks_missing(conn: duckdb.DuckDBPyConnection) -> bool:
    """Whether a stored document has no row in ``document_marks``, ``document_evidence`` or
    ``document_parts``."""
    return any(conn.execute(f"SELECT EXISTS (SELECT 1 FROM documents WHERE id NOT IN "
                            f"(SELECT doc_id FROM {table}))").fetchone()[0]
               for table in (*PER_DOCUMENT, "document_parts"))


def forget_evidence(conn: duckdb.DuckDBPyConnection) -> None:
    """Drop the ``document_evidence`` and ``document_parts`` rows (the parts hold their evidence)
    of the documents whose event mentions the derive step pointed at other events
    (``_event_links``), for :func:`parley.store.parts.fill_marks_and_parts` to write them again."""
    for table in ("document_evidence", "document_parts"):
        conn.execute(f"DELETE FROM {table} WHERE doc_id IN (SELECT DISTINCT doc_id FROM _event_links)")


def fill_marks(conn: duckdb.DuckDBPyConnection, per_pass: int = DOCS_PER_PASS, commit: bool = False) -> int:
    """Add the marks and the event evidence of every stored document that has none (and drop
    those of documents no longer stored); return how many documents' marks were added. Runs in the derive step.

    :param commit: commit each pass of ``per_pass`` documents (outside the derive step's
        transaction: filling a large database from before the table in one transaction would
        hold all of it until the end).
    """
    added = {}
    for table, make in PER_DOCUMENT.items():
        conn.execute(f"DELETE FROM {table} WHERE doc_id NOT IN (SELECT id FROM documents)")
        missing = [r[0] for r in conn.execute(
            f"SELECT id FROM documents WHERE id NOT IN (SELECT doc_id FROM {table}) ORDER BY id").fetchall()]
        for start in range(0, len(missing), per_pass):
            if commit:
                conn.execute("BEGIN TRANSACTION")
            conn.execute("CREATE OR REPLACE TEMP TABLE _mark_docs (id VARCHAR)")
            conn.execute("INSERT INTO _mark_docs SELECT unnest(?::VARCHAR[])", [missing[start:start + per_pass]])
            conn.execute(f"INSERT INTO {table} {make('_mark_docs')}")
            conn.execute("DROP TABLE _mark_docs")
            if commit:
                conn.execute("COMMIT")
        added[table] = len(missing)
    return added["document_marks"]


@dataclass(frozen=True)
class MarkRows:
    """One table's rows of one document as stored in ``document_marks`` or ``document_evidence``:
    arrays of ``columns``, made into dicts only for the rows a page shows (a long document holds
    thousands, and a page shows one part of it).

    Example::

        rows = MarkRows("d1", ("char_start", "char_end", "quantity"), [[4, 9, "troops"], [None, None, "aid"]])
        rows.placed()                   # [[4, 9, "troops"]]
        rows.dicts(rows.overlapping(0, 5))   # [{"doc_id": "d1", "char_start": 4, "char_end": 9, "quantity": "troops"}]
    """

    doc_id: str
    columns: tuple[str, ...]
    rows: list[list]

    @classmethod
    def of_dicts(cls, doc_id: str, records: list[dict], columns: Sequence[str]) -> "MarkRows":
        """The rows of ``records`` (dicts, as the span tables' queries give them) under ``columns``
        (those of the first record but ``doc_id``, or these when there is none)."""
        names = tuple(k for k in records[0] if k != "doc_id") if records else tuple(columns)
        return cls(doc_id, names, [[r.get(k) for k in names] for r in records])

    def placed(self) -> list[list]:
        """The rows with both offsets, the end after the start (those a page highlights)."""
        i, j = self.columns.index("char_start"), self.columns.index("char_end")
        return [r for r in self.rows if r[i] is not None and r[j] is not None and r[j] > r[i]]

    def overlapping(self, start: int, end: int) -> list[list]:
        """The rows of :meth:`placed` that overlap ``[start, end)``."""
        i, j = self.columns.index("char_start"), self.columns.index("char_end")
        return [r for r in self.placed() if r[i] < end and r[j] > start]

    def dicts(self, chosen: list[list] | None = None) -> list[dict]:
        """``chosen`` rows (default: all) as dicts of ``doc_id`` and the columns."""
        chosen = self.rows if chosen is None else chosen
        return [{"doc_id": self.doc_id, **dict(zip(self.columns, r))} for r in chosen]


def read_mark_rows(conn: duckdb.DuckDBPyConnection, doc_ids: Sequence[str],
                   tables: Sequence[str] = tuple(MARKED_TABLES)) -> dict[str, dict[str, MarkRows]]:
    """``{doc_id: {table: MarkRows}}`` for the documents among ``doc_ids`` that have marks, each
    table's rows with the columns :data:`MARKED_TABLES` keeps, in the tables' order (of ``tables``
    only: the others are not read). Looked up through the primary key."""
    wanted = sorted({d for d in doc_ids if isinstance(d, str)})
    if not wanted:
        return {}
    tables = [t for t in MARKED_TABLES if t in tables]
    try:
        found = conn.execute(f"SELECT doc_id, {', '.join(tables)} FROM document_marks "
                             f"WHERE doc_id IN ({', '.join('?' for _ in wanted)})", wanted).fetchall()
    except duckdb.CatalogException:
        return {}       # a database from before schema 0013, served read-only as it is
    return {doc_id: {table: MarkRows(doc_id, MARKED_TABLES[table][0], json.loads(text))
                     for table, text in zip(tables, lists)} for doc_id, *lists in found}


def read_marks(conn: duckdb.DuckDBPyConnection, doc_ids: Sequence[str],
               tables: Sequence[str] = tuple(MARKED_TABLES)) -> dict[str, dict[str, list[dict]]]:
    """:func:`read_mark_rows` with every row a dict of ``doc_id`` and the columns."""
    return {doc_id: {table: rows.dicts() for table, rows in found.items()}
            for doc_id, found in read_mark_rows(conn, doc_ids, tables).items()}


def read_evidence(conn: duckdb.DuckDBPyConnection, doc_id: str) -> MarkRows | None:
    """One document's event mentions (:data:`EVIDENCE_COLUMNS`, by ``char_start, idx``) from
    ``document_evidence``, looked up through its primary key; None when it has no row there (or
    the database is from before schema 0015): read them from ``event_mentions`` then."""
    try:
        found = conn.execute("SELECT evidence FROM document_evidence WHERE doc_id = ?", [doc_id]).fetchone()
    except duckdb.CatalogException:
        return None
    if found is None:
        return None
    return MarkRows(doc_id, EVIDENCE_COLUMNS[1:], json.loads(found[0]))


def read_doc_meetings(conn: duckdb.DuckDBPyConnection, doc_ids: Sequence[str]) -> dict[str, list[dict]]:
    """``{doc_id: rows}``: the ``doc_meetings`` rows (every column, ``data`` decoded, dates as ISO
    strings) of the documents among ``doc_ids`` that have a ``document_evidence`` row, by
    ``idx``; looked up through the primary key. Read the others from ``doc_meetings``."""
    wanted = sorted({d for d in doc_ids if isinstance(d, str)})
    if not wanted:
        return {}
    try:
        found = conn.execute(f"SELECT doc_id, meetings FROM document_evidence "
                             f"WHERE doc_id IN ({', '.join('?' for _ in wanted)})", wanted).fetchall()
    except duckdb.CatalogException:
        return {}
    return {doc_id: json.loads(text) for doc_id, text in found}
