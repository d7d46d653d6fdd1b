"""Read functions: a connection in, plain dicts out. The CLI and the web app use only these."""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

import duckdb


class NotFound(LookupError):
    """No row has the id asked for."""


def _iso(value: Any) -> Any:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return value


def rows(conn: duckdb.DuckDBPyConnection, sql: str, params: list | None = None,
         json_columns: tuple[str, ...] = ("data", "meta", "aliases", "roles")) -> list[dict]:
    """Run ``sql`` and return its rows as dicts, dates as ISO strings, JSON columns decoded."""
    cursor = conn.execute(sql, params or [])
    names = [d[0] for d in cursor.description]
    out = []
    for values in cursor.fetchall():
        record = {}
        for name, value in zip(names, values):
            if name in json_columns and isinstance(value, str):
                value = json.loads(value)
            record[name] = _iso(value)
        out.append(record)
    return out


def _document_summary(record: dict) -> dict:
    window = [record.pop("window_start"), record.pop("window_end")]
    record["published_window"] = window if any(window) else None
    return record


def list_documents(conn: duckdb.DuckDBPyConnection, limit: int | None = None, offset: int = 0) -> list[dict]:
    """Return stored documents, newest publication first, without their text."""
    sql = ("SELECT id, title, outlet, url, published, published_inferred, window_start, window_end, "
           "source, duplicate_of, length(text) AS chars FROM documents "
           "ORDER BY published DESC NULLS LAST, id")
    if limit is not None:
        sql += f" LIMIT {int(limit)} OFFSET {int(offset)}"
    return [_document_summary(r) for r in rows(conn, sql)]


def get_document(conn: duckdb.DuckDBPyConnection, doc_id: str) -> dict:
    """Return one document with its text, metadata and near-duplicates.

    :param doc_id: the document id, or the record's own id (``source_id``), or a unique id prefix.
    :raises NotFound: no document matches.
    """
    found = rows(conn, "SELECT id, title, outlet, url, published, published_inferred, window_start, window_end, "
                       "source, source_id, lang, meta, duplicate_of, text FROM documents "
                       "WHERE id = ? OR source_id = ? OR (length(?) >= 6 AND id LIKE ? || '%') ORDER BY id LIMIT 2",
                 [doc_id, doc_id, doc_id, doc_id])
    if len(found) != 1:
        raise NotFound(f"no document {doc_id!r}" if not found else f"{doc_id!r} is ambiguous")
    record = _document_summary(found[0])
    record["duplicates"] = [r["id"] for r in rows(conn, "SELECT id FROM documents WHERE duplicate_of = ? ORDER BY id",
                                                   [record["id"]])]
    return record


def count(conn: duckdb.DuckDBPyConnection, table: str) -> int:
    """Return the number of rows in ``table``."""
    return conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]


def list_quarantine(conn: duckdb.DuckDBPyConnection) -> list[dict]:
    """Return quarantined inputs with their reasons, newest first."""
    return [{"id": f"{r['source']}:{r['line']}" if r["line"] else r["source"], **r}
            for r in rows(conn, "SELECT source, line, reason, detail, quarantined_at FROM quarantine ORDER BY quarantined_at DESC, source, line")]


def stored_hashes(conn: duckdb.DuckDBPyConnection) -> set[str]:
    """Return the content hashes of every stored document."""
    return {r[0] for r in conn.execute("SELECT content_hash FROM documents").fetchall()}


def stored_signatures(conn: duckdb.DuckDBPyConnection) -> list[tuple[str, bytes]]:
    """Return ``(doc_id, minhash)`` for stored originals (not themselves near-duplicates)."""
    return conn.execute("SELECT id, minhash FROM documents WHERE minhash IS NOT NULL AND duplicate_of IS NULL").fetchall()


def learned_actors(conn: duckdb.DuckDBPyConnection) -> list[dict]:
    """Return actors learned from text (not from the knowledge base)."""
    return rows(conn, "SELECT * FROM actors WHERE source = 'text' ORDER BY id")
