"""Read functions: a connection in, plain dicts out. The CLI and the web app use only these."""

from __future__ import annotations

import json

import duckdb


class NotFound(LookupError):
    """No row has the id asked for."""


def _dated(type_name: str) -> bool:
    # the column types DuckDB returns as date or datetime objects (not lists or structs of them)
    return type_name == "DATE" or (type_name.startswith("TIMESTAMP") and not type_name.endswith("]"))


def rows(conn: duckdb.DuckDBPyConnection, sql: str, params: list | None = None,
         json_columns: tuple[str, ...] = ("data", "meta", "aliases", "roles")) -> list[dict]:
    """Run ``sql`` and return its rows as dicts, dates as ISO strings, JSON columns decoded."""
    cursor = conn.execute(sql, params or [])
    names = [d[0] for d in cursor.description]
    # which columns need converting, decided once from their types: a page of a thousand rows
    # spent more time checking each value than DuckDB spent reading them
    dated = [i for i, d in enumerate(cursor.description) if _dated(str(d[1]))]
    decoded = [i for i, name in enumerate(names) if name in json_columns]
    found = cursor.fetchall()
    if not dated and not decoded:
        return [dict(zip(names, values)) for values in found]
    out = []
    for values in found:
        values = list(values)
        for i in dated:
            if values[i] is not None:
                values[i] = values[i].isoformat()
        for i in decoded:
            if isinstance(values[i], str):
                values[i] = json.loads(values[i])
        out.append(dict(zip(names, values)))
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
    columns = ("id, title, outlet, url, published, published_inferred, window_start, window_end, "
               "source, source_id, lang, meta, duplicate_of, text")
    # an exact id first (the links of every page), found through the primary key
    found = rows(conn, f"SELECT {columns} FROM documents WHERE id = ?", [doc_id]) or rows(
        conn, f"SELECT {columns} FROM documents WHERE source_id = ? OR (length(?) >= 6 AND id LIKE ? || '%') "
              "ORDER BY id LIMIT 2", [doc_id, doc_id, doc_id])
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


def stored_among_hashes(conn: duckdb.DuckDBPyConnection, digests: list[str]) -> set[str]:
    """Return those of ``digests`` (content hashes) that a stored document has."""
    if not digests:
        return set()
    return {r[0] for r in conn.execute("SELECT content_hash FROM documents WHERE content_hash IN (SELECT unnest(?))",
                                       [digests]).fetchall()}


def near_duplicate_candidates(conn: duckdb.DuckDBPyConnection,
                              signatures: list[bytes]) -> list[list[tuple[str, bytes, str | None, int]]]:
    """For each signature, the stored documents sharing one of its LSH bands (``near_duplicate_bands``):
    ``(doc_id, signature, original or None, order)``, where order is when the document was stored.

    :param signatures: stored-form signatures (:func:`parley.ingest.dedup.minhash_signature`); ``b""``
        has no candidates.
    """
    from parley.ingest.dedup import signature_bands

    found: list[list[tuple[str, bytes, str | None, int]]] = [[] for _ in signatures]
    wanted: dict[tuple[int, bytes], list[int]] = {}
    for position, signature in enumerate(signatures):
        for band, key in enumerate(signature_bands(signature)):
            wanted.setdefault((band, key), []).append(position)
    if not wanted:
        return found
    # a list of constants, not a join: DuckDB hashes the list once and scans the keys (five times
    # less CPU than a join with a registered table of the keys, at 2 million rows)
    keys = sorted({key for _, key in wanted})
    hits = conn.execute(f"SELECT band, key, doc_id, seq FROM near_duplicate_bands WHERE key IN "
                        f"({', '.join('?' for _ in keys)})", keys).fetchall()
    by_position: dict[int, dict[str, int]] = {}
    for band, key, doc_id, seq in hits:
        for position in wanted.get((band, bytes(key)), ()):
            by_position.setdefault(position, {})[doc_id] = seq
    ids = sorted({doc_id for docs in by_position.values() for doc_id in docs})
    if not ids:
        return found
    stored = {doc_id: (bytes(signature), original) for doc_id, signature, original in conn.execute(
        f"SELECT id, minhash, duplicate_of FROM documents WHERE id IN ({', '.join('?' for _ in ids)})",
        ids).fetchall()}
    for position, docs in by_position.items():
        found[position] = sorted(((doc_id, *stored[doc_id], seq) for doc_id, seq in docs.items() if doc_id in stored),
                                 key=lambda candidate: candidate[3])
    return found


def file_fingerprints(conn: duckdb.DuckDBPyConnection) -> dict[str, tuple[int, int]]:
    """Return ``{resolved path: (size, mtime_ns)}`` of the files a finished run has ingested."""
    return {path: (size, mtime) for path, size, mtime in
            conn.execute("SELECT path, size, mtime_ns FROM ingested_files").fetchall()}


def learned_actors(conn: duckdb.DuckDBPyConnection) -> list[dict]:
    """Return actors learned from text (not from the knowledge base)."""
    return rows(conn, "SELECT * FROM actors WHERE source = 'text' ORDER BY id")


def list_actors(conn: duckdb.DuckDBPyConnection, country: str | None = None, sector: str | None = None,
                mentioned_only: bool = True) -> list[dict]:
    """Return actors with aliases, roles and their number of mentions, most mentioned first.

    :param country: ISO 3166 alpha-3 filter.
    :param sector: sector code filter (GOV, MIL, REB, …).
    :param mentioned_only: leave out knowledge-base actors never mentioned.
    """
    where, params = actor_filters(country, sector)
    having = "HAVING count(m.actor_id) > 0" if mentioned_only else ""
    sql = ("SELECT a.id, a.name, a.type, a.country, a.sector, a.cameo, a.aliases, a.roles, a.source, "
           "count(m.actor_id) AS mentions FROM actors a LEFT JOIN mentions m ON m.actor_id = a.id "
           + (f"WHERE {' AND '.join(where)} " if where else "")
           + f"GROUP BY ALL {having} ORDER BY mentions DESC, a.id")
    return rows(conn, sql, params)


def actor_names(conn: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """Return ``{actor id: name}`` for every stored actor (a cheap lookup for labels and links)."""
    return dict(conn.execute("SELECT id, name FROM actors").fetchall())


def get_actor(conn: duckdb.DuckDBPyConnection, actor_id: str, mentions_limit: int | None = None,
              summaries_ready: bool | None = None) -> dict:
    """Return one actor with every mention and its sentence (``n_mentions`` counts them all).

    :param mentions_limit: return only the first this many mentions, by date.
    :param summaries_ready: what :func:`first_mentions_ready` says, if the caller knows it (a
        fact of the database's state, which a web app keeps); else it is asked here.
    :raises NotFound: no actor has that id.
    """
    from parley.store.schema import FIRST_MENTIONS

    found = rows(conn, "SELECT * FROM actors WHERE id = ?", [actor_id])
    if not found:
        raise NotFound(f"no actor {actor_id!r}")
    actor = found[0]
    if summaries_ready and mentions_limit is not None and mentions_limit <= FIRST_MENTIONS:
        kept = _overview_mentions(conn, actor_id)
        if kept is not None:
            actor["mentions"], actor["n_mentions"] = kept[0][:mentions_limit], kept[1]
            return actor
    n_mentions = _actor_mentions(conn, actor_id, summaries_ready)
    limit = f"LIMIT {int(mentions_limit)}" if mentions_limit is not None else ""
    if n_mentions is not None and mentions_limit is not None and mentions_limit <= FIRST_MENTIONS:
        # the summary holds each actor's first mentions with their titles and sentences; they
        # are sorted here (an ORDER BY made DuckDB scan the table instead of following its index)
        found = rows(conn, "SELECT doc_id, char_start, char_end, text, role, via, title, published, "
                           "sentence AS sentence_idx, sentence_text AS sentence, idx "
                           "FROM actor_first_mentions WHERE actor_id = ?", [actor_id])
        found.sort(key=lambda r: (r["published"] is None, r["published"] or "", r["doc_id"],
                                  r["char_start"] if r["char_start"] is not None else 1 << 62, r.pop("idx")))
        actor["mentions"] = found[:mentions_limit]
    else:
        actor["mentions"] = rows(conn, _MENTIONS_SQL.format(limit=limit), [actor_id])
    actor["n_mentions"] = n_mentions if n_mentions is not None else \
        conn.execute("SELECT count(*) FROM mentions WHERE actor_id = ?", [actor_id]).fetchone()[0]
    return actor


def _overview_mentions(conn: duckdb.DuckDBPyConnection, actor_id: str) -> tuple[list[dict], int] | None:
    """An actor's first mentions (as :func:`get_actor` gives them) and mention count from its
    ``actor_overview`` row, or None when it has none or the file predates schema 0016."""
    from parley.store.schema import OVERVIEW_MENTION_COLUMNS

    try:
        found = conn.execute("SELECT mentions, n_mentions FROM actor_overview WHERE actor_id = ?",
                             [actor_id]).fetchone()
    except (duckdb.CatalogException, duckdb.BinderException):
        return None
    if found is None:
        return None
    return [dict(zip(OVERVIEW_MENTION_COLUMNS, values)) for values in json.loads(found[0])], found[1]


# one actor's mentions (documents by date) with their whole sentences, read from all its mentions
_MENTIONS_SQL = """
    WITH picked AS (
        SELECT m.doc_id, m.idx, m.sentence, m.char_start, m.char_end, m.text, m.role, m.via, d.title, d.published
        FROM mentions m JOIN documents d ON d.id = m.doc_id
        WHERE m.actor_id = ? ORDER BY d.published NULLS LAST, m.doc_id, m.char_start, m.idx {limit})
    SELECT p.doc_id, p.char_start, p.char_end, p.text, p.role, p.via, p.title, p.published, p.sentence AS sentence_idx,
           substring(d.text, s.char_start + 1, s.char_end - s.char_start) AS sentence
    FROM picked p LEFT JOIN sentences s ON s.doc_id = p.doc_id AND s.idx = p.sentence
    LEFT JOIN documents d ON d.id = p.doc_id
    ORDER BY p.published NULLS LAST, p.doc_id, p.char_start, p.idx"""


def first_mentions_ready(conn: duckdb.DuckDBPyConnection) -> bool:
    """Whether the summaries were built and hold ``actor_first_mentions`` (migration 0011), so
    that an actor's mention count and first mentions are read from them."""
    try:
        return conn.execute("SELECT (SELECT count(*) FROM summary_state) > 0 AND (SELECT count(*) FROM "
                            "schema_migrations WHERE name = '0011_actor_first_mentions') > 0").fetchone()[0]
    except duckdb.CatalogException:
        return False


def _actor_mentions(conn: duckdb.DuckDBPyConnection, actor_id: str, ready: bool | None = None) -> int | None:
    """An actor's mention count from the summaries, or None when they were never built (or
    predate ``actor_first_mentions``, migration 0011) and the mentions must be read."""
    if ready is not None:
        # the database's state already known: the count alone, through the primary key
        if not ready:
            return None
        found = conn.execute("SELECT mentions FROM actor_summary WHERE actor_id = ?", [actor_id]).fetchone()
        return found[0] if found else 0
    try:
        found = conn.execute("SELECT (SELECT mentions FROM actor_summary WHERE actor_id = ?), "
                             "(SELECT count(*) FROM summary_state), "
                             "(SELECT count(*) FROM schema_migrations WHERE name = '0011_actor_first_mentions')",
                             [actor_id]).fetchone()
    except duckdb.CatalogException:
        return None
    return (found[0] or 0) if found[1] and found[2] else None


def actor_filters(country: str | None, sector: str | None) -> tuple[list[str], list]:
    """The WHERE clauses and parameters every actors listing shares (the actors table as ``a``).

    :param country: ISO 3166 alpha-3 filter.
    :param sector: sector code filter (GOV, MIL, REB, …).
    """
    where, params = [], []
    if country:
        where.append("a.country = ?")
        params.append(country.upper())
    if sector:
        where.append("a.sector = ?")
        params.append(sector.upper())
    return where, params


def event_filters(event_type: str | None, since: str | None, until: str | None,
                  modality: str | None) -> tuple[list[str], list]:
    """The WHERE clauses and parameters every events listing shares: type, dates and modality.

    :param event_type: PLOVER type, e.g. CONSULT.
    :param since: ISO date; events ending before it are left out.
    :param until: ISO date; events starting after it are left out.
    :param modality: asserted, negated, future, hypothetical or reported.
    """
    where, params = [], []
    if event_type:
        where.append("event_type = ?")
        params.append(event_type.upper())
    if since:
        where.append("coalesce(date_end, date_start) >= ?::DATE")
        params.append(since)
    if until:
        where.append("date_start <= ?::DATE")
        params.append(until)
    if modality:
        where.append("modality = ?")
        params.append(modality)
    return where, params


def list_events(conn: duckdb.DuckDBPyConnection, event_type: str | None = None, actor: str | None = None,
                since: str | None = None, until: str | None = None, modality: str | None = None,
                limit: int | None = None, process: str | None = None) -> list[dict]:
    """Return events (one per happening, across documents) matching the filters, by date.

    :param event_type: PLOVER type, e.g. CONSULT.
    :param actor: actor id appearing as actor or recipient.
    :param since: ISO date; events ending before it are left out.
    :param until: ISO date; events starting after it are left out.
    :param modality: asserted, negated, future, hypothetical or reported.
    :param process: process id; keeps events reported by documents that report a meeting of it.
    """
    where, params = event_filters(event_type, since, until, modality)
    if actor:
        where.append("(list_contains(actor_ids, ?) OR list_contains(recipient_ids, ?))")
        params += [actor, actor]
    if process:
        where.append("event_id IN (SELECT em.event_id FROM event_mentions em JOIN doc_meetings dm "
                     "ON dm.doc_id = em.doc_id WHERE dm.process = ?)")
        params.append(process)
    sql = ("SELECT event_id AS id, event_type, mode, cameo, modality, date_start, date_end, date_precision, "
           "place, place_country, actor_ids, recipient_ids, n_mentions, n_documents, confidence, data FROM events "
           + (f"WHERE {' AND '.join(where)} " if where else "")
           + "ORDER BY date_start NULLS LAST, event_id")
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    return rows(conn, sql, params)


def get_event(conn: duckdb.DuckDBPyConnection, event_id: str) -> dict:
    """Return one event (one happening across documents) with the columns of :func:`list_events`.

    :raises NotFound: no event has that id.
    """
    found = rows(conn, "SELECT event_id AS id, event_type, mode, cameo, modality, date_start, date_end, "
                       "date_precision, place, place_country, actor_ids, recipient_ids, n_mentions, n_documents, "
                       "confidence, data FROM events WHERE event_id = ?", [event_id])
    if not found:
        raise NotFound(f"no event {event_id!r}")
    return found[0]


def document_meetings(conn: duckdb.DuckDBPyConnection, doc_id: str) -> list[dict]:
    """Return the meetings one document reports, as that document tells them (before merging):
    from its row of ``document_evidence`` (by key) when it has one, else from ``doc_meetings``."""
    from parley.store.marks import read_doc_meetings

    found = read_doc_meetings(conn, [doc_id]).get(doc_id)
    if found is None:
        found = rows(conn, "SELECT * FROM doc_meetings WHERE doc_id = ? ORDER BY idx", [doc_id])
    return [_meeting(r) for r in found]


def event_mentions(conn: duckdb.DuckDBPyConnection, event_id: str) -> list[dict]:
    """Return every mention of one event with its document and sentence."""
    columns = "doc_id, idx, sentence, char_start, char_end, text, modality, confidence"
    try:
        # the event's own rows, found through the index on its id (event_mentions would be scanned)
        found = rows(conn, f"SELECT {columns} FROM event_sources WHERE event_id = ?", [event_id])
    except duckdb.CatalogException:     # a file from before migration 0014, opened read-only
        found = rows(conn, f"SELECT {columns} FROM event_mentions WHERE event_id = ?", [event_id])
    # the documents read apart, by their primary key: joined in the query, DuckDB hashed the
    # whole documents table for an event's few sources (the page grew 5x from 1,000 articles)
    documents = document_titles(conn, [m["doc_id"] for m in found])
    out = []
    for mention in found:
        document = documents.get(mention["doc_id"]) or {}
        out.append({**mention, **{k: document.get(k) for k in ("title", "outlet", "published")}})
    out.sort(key=lambda m: (m["published"] is None, m["published"] or "", m["doc_id"], m.pop("idx")))
    return out


def document_titles(conn: duckdb.DuckDBPyConnection, doc_ids: list[str]) -> dict[str, dict]:
    """``{id: {"title", "outlet", "published"}}`` of the documents among ``doc_ids``, found
    through the primary key (an ``IN`` list of parameters, which DuckDB looks up in the index)."""
    wanted = sorted({d for d in doc_ids if isinstance(d, str)})
    if not wanted:
        return {}
    marks = ", ".join("?" for _ in wanted)
    return {r.pop("id"): r for r in rows(conn, f"SELECT id, title, outlet, published FROM documents "
                                               f"WHERE id IN ({marks})", wanted)}


def document_spans(conn: duckdb.DuckDBPyConnection, doc_id: str, with_data: bool = True) -> dict[str, list[dict]]:
    """Return the mentions, times, places, claims and event evidence found in one document.

    :param with_data: include each row's whole record (``data``, JSON); a page that shows the
        columns leaves it out, which halves the reads (the tables are scanned by document id).
    """
    out = {}
    columns = "*" if with_data else "* EXCLUDE (data)"
    for table in ("mentions", "times", "places", "claims", "event_mentions"):
        out[table] = rows(conn, f'SELECT {columns} FROM "{table}" WHERE doc_id = ? ORDER BY char_start, idx', [doc_id])
    out["sentences"] = rows(conn, "SELECT idx, char_start, char_end FROM sentences WHERE doc_id = ? ORDER BY idx",
                            [doc_id])
    return out


def page_marks(conn: duckdb.DuckDBPyConnection, doc_id: str) -> dict:
    """What a document page shows of one document's spans: :func:`document_spans`' tables with
    the columns that :data:`parley.store.marks.MARKED_TABLES` and
    :data:`~parley.store.marks.EVIDENCE_COLUMNS` keep, as :class:`~parley.store.marks.MarkRows`
    (arrays: a page makes dicts of the part it shows), read from the document's rows of
    ``document_marks`` and ``document_evidence`` when it has them (by key, not by a scan)."""
    from parley.store.marks import EVIDENCE_COLUMNS, MARKED_TABLES, MarkRows, read_evidence, read_mark_rows

    marked = read_mark_rows(conn, [doc_id]).get(doc_id)
    if marked is None:
        spans = document_spans(conn, doc_id, with_data=False)
        return {table: MarkRows.of_dicts(doc_id, found, MARKED_TABLES[table][0] if table in MARKED_TABLES
                                         else EVIDENCE_COLUMNS[1:]) for table, found in spans.items()}
    evidence = read_evidence(conn, doc_id)
    marked["event_mentions"] = evidence if evidence is not None else MarkRows.of_dicts(doc_id, rows(
        conn, "SELECT * EXCLUDE (data) FROM event_mentions WHERE doc_id = ? ORDER BY char_start, idx", [doc_id]),
        EVIDENCE_COLUMNS[1:])
    return marked


def list_meetings(conn: duckdb.DuckDBPyConnection, process: str | None = None) -> list[dict]:
    """Return meetings merged across documents, in date order, with participants and sources."""
    sql = "SELECT * FROM meetings" + (" WHERE process = ?" if process else "") + " ORDER BY start NULLS LAST, ordinal, id"
    return [_meeting(r) for r in rows(conn, sql, [process] if process else [])]


def _meeting(record: dict) -> dict:
    data = record.pop("data") or {}
    return {**data, **{k: v for k, v in record.items() if v is not None or k not in data}}


def get_meeting(conn: duckdb.DuckDBPyConnection, meeting_id: str) -> dict:
    """Return one merged meeting.

    :raises NotFound: no meeting has that id.
    """
    found = rows(conn, "SELECT * FROM meetings WHERE id = ?", [meeting_id])
    if not found:
        raise NotFound(f"no meeting {meeting_id!r}")
    return _meeting(found[0])


def list_processes(conn: duckdb.DuckDBPyConnection) -> list[dict]:
    """Return processes with their aliases, meetings and decisions."""
    return [{**(r["data"] or {}), "id": r["id"], "name": r["name"]}
            for r in rows(conn, "SELECT id, name, data FROM processes ORDER BY name")]


def get_process(conn: duckdb.DuckDBPyConnection, process_id: str) -> dict:
    """Return one process with its meetings in order.

    :raises NotFound: no process has that id.
    """
    for record in rows(conn, "SELECT id, name, data FROM processes WHERE id = ?", [process_id]):
        process = {**(record["data"] or {}), "id": record["id"], "name": record["name"]}
        # the process record lists its meeting ids in process order (rounds by ordinal)
        order = {mid: i for i, mid in enumerate(process.get("meetings") or []) if isinstance(mid, str)}
        meetings = list_meetings(conn, process_id)
        process["meetings"] = sorted(meetings, key=lambda m: order.get(m["id"], len(order)))
        return process
    raise NotFound(f"no process {process_id!r}")


# the order of claim groups by verdict, disputed first (any other verdict after these)
CLAIM_VERDICTS = {"different": 0, "not comparable": 1}


def list_claim_groups(conn: duckdb.DuckDBPyConnection) -> list[dict]:
    """Return claims grouped by quantity, disputed ones first."""
    order = ("CASE verdict " + " ".join(f"WHEN '{v}' THEN {n}" for v, n in CLAIM_VERDICTS.items())
             + f" ELSE {len(CLAIM_VERDICTS)} END")
    return [{**(r["data"] or {}), "id": r["id"], "quantity": r["quantity"], "verdict": r["verdict"],
             "reason": r["reason"]}
            for r in rows(conn, f"SELECT * FROM claim_groups ORDER BY {order}, quantity")]


def search(conn: duckdb.DuckDBPyConnection, term: str, limit: int = 20,
           names: dict | None = None) -> dict[str, list[dict]]:
    """Search actors (names and aliases) and processes for ``term`` as a substring, and documents
    (titles and text) for every word of it, newest first (:mod:`parley.store.terms`).

    :param names: :func:`parley.store.name_search.name_index` of this database's state, if the
        caller keeps it (the web app): actors and processes are then found in it, not by SQL.
    """
    from parley.store.name_search import searchable
    from parley.store.terms import search_documents

    lowered = term.lower()
    found = search_documents(conn, term, limit)
    documents = {r["id"]: r for r in rows(conn, "SELECT id, title, outlet, published FROM documents WHERE id IN ("
                                                + ", ".join("?" for _ in found) + ")", found)} if found else {}
    if names is not None and searchable(lowered):
        actors, processes = names["actors"].find(lowered, limit), names["processes"].find(lowered, limit)
    else:
        like = f"%{lowered}%"
        actors = rows(conn, "SELECT id, name, country, sector FROM actors WHERE lower(name) LIKE ? "
                            "OR lower(CAST(aliases AS VARCHAR)) LIKE ? ORDER BY length(name), id LIMIT ?",
                      [like, like, limit])
        processes = rows(conn, "SELECT id, name FROM processes WHERE lower(name) LIKE ? "
                               "OR lower(CAST(data AS VARCHAR)) LIKE ? LIMIT ?", [like, like, limit], json_columns=())
    return {"actors": actors, "processes": processes, "documents": [documents[i] for i in found if i in documents]}
