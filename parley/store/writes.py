"""Inserts and upserts. Each function takes an open connection; callers own transactions."""

from __future__ import annotations

import json
from datetime import date
from typing import Any, Callable, Iterable, Sequence

import duckdb
import pyarrow as pa
import pyarrow.compute as pc

from parley.document import Document, content_hash

# Table columns filled from a span dict, after (doc_id, idx, sentence, char_start, char_end, text).
SPAN_TABLES: dict[str, tuple[str, tuple[str, ...]]] = {
    "mentions": ("mentions", ("actor_id", "country", "sector", "cameo", "role", "via", "confidence")),
    "times": ("times", ("start", "end", "precision")),
    "places": ("places", ("geonameid", "name", "country", "lat", "lon", "feature")),
    "claims": ("claims", ("quantity", "low", "high", "unit", "qualifier", "as_of", "source")),
}
SPAN_BASE = ("doc_id", "idx", "sentence", "char_start", "char_end", "text")


def to_json(value: Any) -> str:
    """Serialise ``value`` to JSON, dates as ISO strings."""
    return json.dumps(value, ensure_ascii=False, default=_json_default)


def _json_default(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (set, tuple)):
        return list(value)
    if isinstance(value, bytes):
        return value.hex()
    return str(value)


def arrow_table(columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> pa.Table:
    """Return ``rows`` (tuples in ``columns`` order) as an Arrow table."""
    arrays = {}
    for i, name in enumerate(columns):
        values = [row[i] for row in rows]
        arrays[name] = pa.array(values) if any(v is not None for v in values) else pa.nulls(len(values))
    return pa.table(arrays)


def insert_table(conn: duckdb.DuckDBPyConnection, table: str, batch: pa.Table) -> int:
    """Insert an Arrow table into ``table`` (matching columns by name) in one statement."""
    if batch.num_rows == 0:
        return 0
    quoted = ", ".join(f'"{c}"' for c in batch.column_names)
    conn.register("_parley_batch", batch)  # re-registering replaces it, so a failed insert leaves no stale view
    conn.execute(f'INSERT INTO "{table}" ({quoted}) SELECT {quoted} FROM _parley_batch')
    conn.unregister("_parley_batch")
    return batch.num_rows


def insert_rows(conn: duckdb.DuckDBPyConnection, table: str, columns: Sequence[str],
                rows: Sequence[Sequence[Any]]) -> int:
    """Insert ``rows`` into ``table`` in one bulk statement through Arrow; return the count.

    :param columns: column names, in the order of each row's values.
    """
    return insert_table(conn, table, arrow_table(columns, rows)) if rows else 0


def _scalar(value: Any) -> Any:
    if isinstance(value, float) and value != value:  # NaN
        return None
    if isinstance(value, (dict, list)):
        return to_json(value)
    return value


def _to_date(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def document_row(doc: Document, duplicate_of: str | None, minhash: bytes | None) -> tuple:
    """Return the ``documents`` row for ``doc``."""
    window = doc.published_window or (None, None)
    return (doc.id, content_hash(doc.text), doc.source, doc.source_id, doc.title, doc.outlet, doc.url,
            _to_date(doc.published), bool(doc.published_inferred), _to_date(window[0]), _to_date(window[1]),
            doc.lang, doc.raw, doc.text, to_json(doc.meta), duplicate_of, minhash)


DOCUMENT_COLUMNS = ("id", "content_hash", "source", "source_id", "title", "outlet", "url", "published",
                    "published_inferred", "window_start", "window_end", "lang", "raw_text", "text",
                    "meta", "duplicate_of", "minhash")


def span_rows(doc: Document, items: Iterable[dict], extra: Sequence[str]) -> list[tuple]:
    """Rows for a span table: the base span columns, ``extra`` keys, and the whole dict as JSON."""
    rows = []
    for idx, item in enumerate(items):
        values = [item.get(key) for key in extra]
        values = [_to_date(v) if key in ("start", "end", "as_of") else _scalar(v) for key, v in zip(extra, values)]
        rows.append((doc.id, idx, item.get("sentence"), item.get("char_start"), item.get("char_end"),
                     item.get("text"), *values, to_json(item)))
    return rows


def document_tables(docs: Sequence[tuple[Document, str | None, bytes | None]],
                    block_of: Callable[[dict], str] | None = None) -> dict[str, pa.Table]:
    """Return the rows of every per-document table for ``docs`` as Arrow tables keyed by table name.

    :param docs: ``(document, duplicate_of, minhash signature)`` triples.
    :param block_of: the clustering block of an event (the engine passes the events stage's
        ``block_key``); without it the blocks are left empty and filled by the derive step.
    Pure: workers call it and ship the tables (or Parquet shards of them) to the one writer.
    """
    rows: dict[str, list[tuple]] = {"documents": [], "sentences": [], "event_mentions": [], "doc_meetings": []}
    rows.update({table: [] for table, _ in SPAN_TABLES.values()})
    for doc, duplicate_of, signature in docs:
        rows["documents"].append(document_row(doc, duplicate_of, signature))
        rows["sentences"].extend((doc.id, s.index, s.char_start, s.char_end) for s in doc.sentences)
        for attr, (table, extra) in SPAN_TABLES.items():
            rows[table].extend(span_rows(doc, getattr(doc, attr), extra))
        rows["event_mentions"].extend(event_mention_rows(doc, block_of))
        rows["doc_meetings"].extend(
            (doc.id, idx, m.get("process"), m.get("ordinal"), _to_date(m.get("start")), _to_date(m.get("end")),
             _scalar(m.get("venue")), _scalar(m.get("host")), m.get("status"), to_json(m))
            for idx, m in enumerate(doc.meetings))
    columns = {"documents": DOCUMENT_COLUMNS, "sentences": ("doc_id", "idx", "char_start", "char_end"),
               "event_mentions": EVENT_MENTION_COLUMNS, "doc_meetings": MEETING_COLUMNS,
               **{table: (*SPAN_BASE, *extra, "data") for table, extra in SPAN_TABLES.values()}}
    return {table: arrow_table(columns[table], table_rows) for table, table_rows in rows.items() if table_rows}


def new_actors(docs: Iterable[Document]) -> list[dict]:
    """Return the actor records that the mentions of ``docs`` carry (to upsert into ``actors``)."""
    return [m["actor"] for doc in docs for m in doc.mentions if isinstance(m.get("actor"), dict)]


def write_tables(conn: duckdb.DuckDBPyConnection, tables: dict[str, pa.Table]) -> int:
    """Insert the output of :func:`document_tables`; return the number of documents inserted.

    Documents already stored are left out with all their rows: another ingest of the same
    database may have stored them since this one read which were there.
    """
    if "documents" in tables:
        ids = tables["documents"].column("id").to_pylist()
        stored = [row[0] for row in conn.execute("SELECT id FROM documents WHERE id IN (SELECT unnest(?))",
                                                 [ids]).fetchall()]
        if stored:
            known = pa.array(stored)
            tables = {table: rows.filter(pc.invert(pc.is_in(rows.column("id" if table == "documents" else "doc_id"),
                                                            value_set=known)))
                      for table, rows in tables.items()}
    for table in ("documents", *[t for t in tables if t != "documents"]):
        if table in tables:
            insert_table(conn, table, tables[table])
    if "documents" in tables:
        write_near_duplicate_bands(conn, tables["documents"].select(["id", "minhash"]))
    return tables["documents"].num_rows if "documents" in tables else 0


def write_near_duplicate_bands(conn: duckdb.DuckDBPyConnection, signatures: pa.Table) -> None:
    """Store the LSH bands of new documents' signatures (columns ``id``, ``minhash``), in their
    order, each document numbered after every one stored before (``near_duplicate_order``)."""
    if signatures.num_rows == 0:
        return
    from parley.ingest.dedup import BAND_BYTES, DEFAULT_NUM_PERM, LSH_BANDS

    conn.register("_parley_signatures", signatures.append_column("position", pa.array(range(signatures.num_rows))))
    conn.execute(f"""
        INSERT INTO near_duplicate_bands
        SELECT b, CAST(minhash AS BLOB)[b * {BAND_BYTES} + 1:(b + 1) * {BAND_BYTES}], id, seq
        FROM (SELECT id, minhash, nextval('near_duplicate_order') AS seq
              FROM (SELECT id, minhash FROM _parley_signatures
                    WHERE octet_length(CAST(minhash AS BLOB)) = {DEFAULT_NUM_PERM * 4} ORDER BY position)),
             range({LSH_BANDS}) AS bands(b)
        ORDER BY seq, b""")
    conn.unregister("_parley_signatures")


MEETING_COLUMNS = ("doc_id", "idx", "process", "ordinal", "start", "end", "venue", "host", "status", "data")
EVENT_MENTION_COLUMNS = ("doc_id", "idx", "sentence", "char_start", "char_end", "text", "event_type",
                         "cameo", "modality", "confidence", "block", "data")


def event_mention_rows(doc: Document, block_of: Callable[[dict], str] | None = None) -> list[tuple]:
    """Rows of ``event_mentions`` for the events coded in ``doc``.

    :param block_of: gives each event's clustering block (``None``: left empty, see :func:`document_tables`).
    """
    rows = []
    for idx, event in enumerate(doc.events):
        evidence = event.get("evidence") or {}
        rows.append((doc.id, idx, evidence.get("sentence"), evidence.get("start"), evidence.get("end"),
                     evidence.get("text"), event.get("event_type"), event.get("cameo"), event.get("modality"),
                     event.get("confidence"), block_of(event) if block_of else None,
                     to_json(event)))
    return rows


ACTOR_COLUMNS = ("id", "name", "type", "country", "sector", "cameo", "aliases", "roles", "source")


def upsert_actors(conn: duckdb.DuckDBPyConnection, actors: Iterable[dict]) -> int:
    """Insert actor records, merging aliases and roles into those already stored; return the count."""
    merged: dict[str, dict] = {}
    for actor in actors:
        if not actor or not actor.get("id"):
            continue
        current = merged.setdefault(actor["id"], {**actor, "aliases": list(actor.get("aliases") or []),
                                                  "roles": list(actor.get("roles") or [])})
        if current is not actor:
            _merge_actor(current, actor)
    if not merged:
        return 0
    ids = list(merged)
    stored = conn.execute("SELECT id, aliases, roles FROM actors WHERE id IN (SELECT unnest(?))", [ids]).fetchall()
    for actor_id, aliases, roles in stored:
        base = {"aliases": json.loads(aliases or "[]"), "roles": json.loads(roles or "[]")}
        _merge_actor(base, merged[actor_id])
        merged[actor_id].update(base)
    conn.execute("DELETE FROM actors WHERE id IN (SELECT unnest(?))", [ids])
    rows = [(a["id"], a.get("name") or a["id"], a.get("type"), a.get("country"), a.get("sector"), a.get("cameo"),
             to_json(a.get("aliases") or []), to_json(a.get("roles") or []), a.get("source")) for a in merged.values()]
    return insert_rows(conn, "actors", ACTOR_COLUMNS, rows)


def _merge_actor(into: dict, other: dict) -> None:
    for alias in other.get("aliases") or []:
        if alias not in into["aliases"]:
            into["aliases"].append(alias)
    for role in other.get("roles") or []:
        if role not in into["roles"]:
            into["roles"].append(role)


def write_quarantine(conn: duckdb.DuckDBPyConnection, source: str, line: int | None, reason: str, detail: str) -> None:
    """Record (or replace) the quarantine entry for ``source`` and ``line``."""
    conn.execute("INSERT OR REPLACE INTO quarantine (source, line, reason, detail) VALUES (?, ?, ?, ?)",
                 [source, line or 0, reason, detail])


def clear_quarantine(conn: duckdb.DuckDBPyConnection, sources: Sequence[str | None]) -> None:
    """Forget the quarantine entries of whole files (line 0) now stored."""
    conn.execute("DELETE FROM quarantine WHERE line = 0 AND source IN (SELECT unnest(?))",
                 [[s for s in sources if s]])


def record_files(conn: duckdb.DuckDBPyConnection, fingerprints: dict[str, tuple[int, int]]) -> None:
    """Remember files as ingested in their current state (``{path: (size, mtime_ns)}``)."""
    if fingerprints:
        conn.execute("DELETE FROM ingested_files WHERE path IN (SELECT unnest(?))", [list(fingerprints)])
        insert_rows(conn, "ingested_files", ("path", "size", "mtime_ns"),
                    [(path, size, mtime) for path, (size, mtime) in fingerprints.items()])
