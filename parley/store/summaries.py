"""Summary tables that the web pages read instead of aggregating the corpus per request.

The derive step (:func:`parley.derive.refresh_derived`) keeps them up to date from what
it changed, never from the whole corpus: :func:`parley.derive.refresh_events` records
the events it removed (``_gone_events``) and wrote (``_event_links``), and each summary is
moved by the difference, the removed events' contributions taken off and the new ones' added.
Mention counts grow by the documents stored since the last summary (``summary_state``).

The tables (schema migration ``0006_summaries``):

- ``event_actors``: one row per actor (or recipient) of an event, with the event's PLOVER type,
  month, dates and place, so that one actor's events are found, paged in date order and
  mapped from its own rows, not by a scan of the events (migration ``0012_event_actor_dates``);
- ``event_processes``: one row per event and process whose meetings a reporting document tells;
- ``actor_summary``: mentions and events per actor (the actors list sorts by it);
- ``actor_event_counts`` and ``process_event_counts``: events by month and PLOVER type;
- ``actor_pairs``: how many events of each type two actors share (the top co-actors);
- ``place_event_counts``: events by place and type (the events map);
- ``event_day_counts``: events by start day and type (the bound of a page of the events list,
  :mod:`parley.store.event_days`);
- ``event_sources``: each event's sentences, found by the event's id (the event page);
- ``document_stats``: each document's length (lists never read the texts);
- ``document_terms``: the words of each document, for search (:mod:`parley.store.terms`);
- ``actor_first_mentions``: each actor's first :data:`~parley.store.schema.FIRST_MENTIONS`
  mentions by date (the actor page lists them without reading all of a frequent actor's);
- ``actor_first_events``: each actor's first :data:`~parley.store.schema.FIRST_EVENTS` events
  by date with their columns (the actor page, and the first page of an actor's events, read
  them without scanning the events table);
- ``actor_place_counts``: each actor's events by place and type (the map of an actor's events).
- ``document_marks``: each document's spans in one row (:mod:`parley.store.marks`; the
  document and meeting pages read it by key instead of scanning the span tables);
- ``document_evidence``: each document's event evidence in one row (the document page), its rows
  written again for the documents whose mentions the derive step pointed at other events;
- ``actor_overview``: each actor's chart counts (events by month and quad class), its top
  :data:`~parley.store.schema.CO_ACTORS` co-actors, its first events, its map's rows, its first
  mentions and its mention count in one row (the actor page, and the list and map of an actor's
  events), written again for the actors whose events moved or that new documents mention.
- ``event_list``: the events list's columns of every event, its head (part 0) in list order so
  that a page is the first matching rows of a scan, new events appended to its tail (part 1)
  and the whole written again in order when the tail passes :data:`LIST_TAIL_SHARE` of the head;
- ``document_list``: the documents list's columns of every document, kept as ``event_list`` is
  (newest first), so that a page of the list reads the row groups of its own days;
- ``meeting_pages``: each meeting's page content in one row (:mod:`parley.store.meeting_pages`; the
  meeting page reads it by key instead of its sources' texts and spans), built again for the
  meetings whose record changed.

A full rebuild (``parley rebuild``, or a database whose summaries were never built) computes
them all from the stored events and mentions; the incremental path gives the same tables
(tests/test_store_summaries.py checks this).
"""

from __future__ import annotations

import duckdb

from parley.store.browse import quad_case
from parley.store.marks import forget_evidence, marks_missing
from parley.store.parts import fill_marks_and_parts
from parley.store.meeting_pages import pages_missing, refresh_meeting_pages
from parley.store.schema import (ACTOR_PLACES_SQL, CO_ACTORS, DOCUMENT_LIST_SQL, DOCUMENT_ORDER, EVENT_DAYS_SQL,
                                 EVENT_LIST_SQL, EVENT_SOURCES_SQL, FIRST_EVENT_COLUMNS, LIST_ORDER,
                                 FIRST_EVENTS_SQL, FIRST_MENTION_KEYS_SQL, FIRST_MENTION_ROWS_SQL,
                                 FIRST_MENTION_SENTENCES_SQL, FIRST_MENTIONS, FIRST_MENTIONS_SQL, MAP_PLACES,
                                 OVERVIEW_EVENTS)
from parley.store.terms import DOCS_PER_PASS, add_terms, rebuild_terms

STATE_KEY = "documents_through"
SUMMARY_TABLES = ("event_actors", "event_processes", "actor_summary", "actor_event_counts", "actor_pairs",
                  "process_event_counts", "place_event_counts", "document_stats", "document_terms",
                  "actor_first_mentions", "actor_first_events", "actor_place_counts", "document_marks",
                  "event_day_counts", "event_sources", "document_evidence", "actor_overview", "event_list",
                  "meeting_pages", "meeting_page_sources", "document_list", "document_parts")
MENTIONS_PER_RANK = 500_000  # actor mentions ranked at a time when first mentions are rebuilt
OVERVIEW_ACTORS_PER_PASS = 5000  # actor_overview rows written by one statement
LIST_TAIL_SHARE = 0.1        # a list is written again in order when its tail passes this share of its head
MONTH = "date_trunc('month', {col})::DATE"

# The rows of each event (of the events in table {events}) that the summaries are made of.
_ACTOR_ROWS = """
    SELECT DISTINCT e.event_id, a.actor_id, a.side, e.event_type, {month} AS period, e.date_start, e.date_end,
                    e.geonameid
    FROM {events} e, LATERAL (SELECT unnest(e.actor_ids) AS actor_id, 'actor' AS side
                              UNION ALL SELECT unnest(e.recipient_ids), 'recipient') a
    WHERE a.actor_id IS NOT NULL AND a.actor_id <> '?'
""".replace("{month}", MONTH.format(col="e.date_start"))

_PROCESS_ROWS = """
    SELECT DISTINCT l.event_id, dm.process, e.event_type, {month} AS period, e.geonameid
    FROM {links} l JOIN doc_meetings dm ON dm.doc_id = l.doc_id JOIN {events} e ON e.event_id = l.event_id
    WHERE dm.process IS NOT NULL
""".replace("{month}", MONTH.format(col="e.date_start"))


# the actor_overview rows of the actors {actors} (a query of actor ids): the chart's counts as a
# JSON list of [period, quad, n], the top co-actors as [other, events, [[type, n], ...]], the
# first events as arrays of FIRST_EVENT_COLUMNS (from actor_first_events), the map's rows as
# [geonameid, place, country, lat, lon, events, [[event_type, n], ...]] of its MAP_PLACES places with
# most events (from actor_place_counts, placed ones, grouped as parley.store.place_groups does), the
# first mentions as arrays of OVERVIEW_MENTION_COLUMNS in the actor page's order (from
# actor_first_mentions), and the mention count (of actor_summary)
_OVERVIEW = """
    WITH wanted AS (SELECT DISTINCT actor_id FROM ({actors})),
    q AS (SELECT actor_id, period, {quad} AS quad, sum(n)::BIGINT AS n FROM actor_event_counts
          WHERE actor_id IN (SELECT actor_id FROM wanted) GROUP BY ALL),
    qa AS (SELECT actor_id, CAST(list(json_array(period, quad, n) ORDER BY period NULLS LAST, quad NULLS LAST)
                                 AS VARCHAR) AS quads FROM q GROUP BY actor_id),
    p AS (SELECT actor_id, other, sum(n)::BIGINT AS events,
                 list(json_array(coalesce(event_type, '?'), n) ORDER BY n DESC, coalesce(event_type, '?')) AS types
          FROM actor_pairs WHERE actor_id IN (SELECT actor_id FROM wanted) GROUP BY actor_id, other
          QUALIFY row_number() OVER (PARTITION BY actor_id ORDER BY sum(n) DESC, other) <= {keep}),
    pa AS (SELECT actor_id, CAST(list(json_array(other, events, types) ORDER BY events DESC, other) AS VARCHAR)
                  AS partners FROM p GROUP BY actor_id),
    f AS (SELECT * FROM actor_first_events WHERE actor_id IN (SELECT actor_id FROM wanted)
          QUALIFY row_number() OVER (PARTITION BY actor_id ORDER BY date_start NULLS LAST, event_id) <= {events}),
    fa AS (SELECT actor_id, CAST(list(json_array({columns}) ORDER BY date_start NULLS LAST, event_id) AS VARCHAR)
                  AS firsts FROM f GROUP BY actor_id),
    pt AS (SELECT actor_id, geonameid, coalesce(event_type, '?') AS event_type, min(place) AS place,
                  min(country) AS country, min(lat) AS lat, min(lon) AS lon, sum(n)::BIGINT AS n
           FROM actor_place_counts WHERE actor_id IN (SELECT actor_id FROM wanted) AND lat IS NOT NULL
           GROUP BY ALL),
    pg AS (SELECT actor_id, geonameid, min(place) AS place, min(country) AS country, min(lat) AS lat,
                  min(lon) AS lon, sum(n)::BIGINT AS events,
                  list(json_array(event_type, n) ORDER BY event_type) AS types
           FROM pt GROUP BY actor_id, geonameid
           QUALIFY row_number() OVER (PARTITION BY actor_id ORDER BY sum(n) DESC, geonameid) <= {places}),
    pl AS (SELECT actor_id, CAST(list(json_array(geonameid, place, country, lat, lon, events, types)
                                      ORDER BY events DESC, geonameid) AS VARCHAR) AS places
           FROM pg GROUP BY actor_id),
    mf AS (SELECT actor_id, CAST(list(json_array(doc_id, char_start, char_end, text, role, via, title, published,
                                                 sentence, sentence_text)
                                      ORDER BY published NULLS LAST, doc_id, char_start NULLS LAST, idx) AS VARCHAR)
                  AS mentions
           FROM actor_first_mentions WHERE actor_id IN (SELECT actor_id FROM wanted) GROUP BY actor_id)
    SELECT w.actor_id, coalesce(qa.quads, '[]'), coalesce(pa.partners, '[]'), coalesce(fa.firsts, '[]'),
           coalesce(pl.places, '[]'), coalesce(mf.mentions, '[]'), coalesce(s.mentions, 0)
    FROM wanted w LEFT JOIN qa ON qa.actor_id = w.actor_id LEFT JOIN pa ON pa.actor_id = w.actor_id
    LEFT JOIN fa ON fa.actor_id = w.actor_id LEFT JOIN pl ON pl.actor_id = w.actor_id
    LEFT JOIN mf ON mf.actor_id = w.actor_id LEFT JOIN actor_summary s ON s.actor_id = w.actor_id
""".replace("{quad}", quad_case("event_type")).replace("{keep}", str(CO_ACTORS)) \
    .replace("{events}", str(OVERVIEW_EVENTS)).replace("{places}", str(MAP_PLACES)) \
    .replace("{columns}", ", ".join(FIRST_EVENT_COLUMNS))
# the actors that have no actor_overview row yet (every actor of actor_summary has one)
_OVERVIEW_MISSING = "SELECT actor_id FROM actor_summary WHERE actor_id NOT IN (SELECT actor_id FROM actor_overview)"


def refresh_overview(conn: duckdb.DuckDBPyConnection, actors: str = _OVERVIEW_MISSING) -> None:
    """Write again the ``actor_overview`` rows of ``actors`` (a query of actor ids; by default the
    actors that have none), from their rows of ``actor_event_counts``, ``actor_pairs``,
    ``actor_first_events``, ``actor_place_counts``, ``actor_first_mentions`` and ``actor_summary``.

    :data:`OVERVIEW_ACTORS_PER_PASS` actors a statement: a row holds up to 50 sentences, and
    every actor's at once (a full rebuild) would pass through the writer's memory together.
    """
    conn.execute("CREATE OR REPLACE TEMP TABLE _overview_actors AS SELECT actor_id, "
                 f"row_number() OVER (ORDER BY actor_id) AS n FROM (SELECT DISTINCT actor_id FROM ({actors}))")
    conn.execute("DELETE FROM actor_overview WHERE actor_id IN (SELECT actor_id FROM _overview_actors)")
    total = conn.execute("SELECT count(*) FROM _overview_actors").fetchone()[0]
    for first in range(0, total, OVERVIEW_ACTORS_PER_PASS):
        chosen = f"SELECT actor_id FROM _overview_actors WHERE n > {first} AND n <= {first + OVERVIEW_ACTORS_PER_PASS}"
        conn.execute("INSERT INTO actor_overview " + _OVERVIEW.format(actors=chosen))
    conn.execute("DROP TABLE _overview_actors")


def overview_missing(conn: duckdb.DuckDBPyConnection) -> bool:
    """Whether an actor of ``actor_summary`` has no ``actor_overview`` row."""
    return conn.execute(f"SELECT EXISTS ({_OVERVIEW_MISSING})").fetchone()[0]


def summaries_built(conn: duckdb.DuckDBPyConnection) -> bool:
    """True when the summaries have been built at least once (an incremental update is then exact)."""
    return conn.execute("SELECT count(*) FROM summary_state WHERE name = ?", [STATE_KEY]).fetchone()[0] > 0


def refresh_summaries(conn: duckdb.DuckDBPyConnection, *, full: bool = False) -> None:
    """Bring the summary tables up to date; run inside the derive step's transaction.

    Incremental unless ``full`` or never built: it expects the temporary tables
    ``_gone_events`` (the rows of the events removed, as they were) and ``_event_links``
    (``event_id, doc_id, idx`` of the events written) that :func:`parley.derive.refresh_events`
    leaves behind.

    :param full: recompute every summary from the stored events and mentions.
    """
    if full or not summaries_built(conn) or not _has_changes_tables(conn):
        _rebuild_all(conn)
    else:
        _update_from_changes(conn)
    watermark = conn.execute("SELECT CAST(max(ingested_at) AS VARCHAR) FROM documents").fetchone()[0]
    conn.execute("INSERT OR REPLACE INTO summary_state VALUES (?, ?)", [STATE_KEY, watermark or ""])


def _has_changes_tables(conn: duckdb.DuckDBPyConnection) -> bool:
    names = {r[0] for r in conn.execute("SELECT table_name FROM duckdb_tables() WHERE temporary").fetchall()}
    return {"_gone_events", "_event_links"} <= names


def _rebuild_all(conn: duckdb.DuckDBPyConnection) -> None:
    for table in SUMMARY_TABLES:
        conn.execute(f"DELETE FROM {table}")
    conn.execute("INSERT INTO event_actors " + _ACTOR_ROWS.format(events="events"))
    conn.execute("CREATE OR REPLACE TEMP TABLE _all_links AS SELECT DISTINCT event_id, doc_id FROM event_mentions "
                 "WHERE event_id IS NOT NULL")
    conn.execute("INSERT INTO event_processes " + _PROCESS_ROWS.format(links="_all_links", events="events"))
    conn.execute("DROP TABLE _all_links")
    conn.execute("INSERT INTO actor_event_counts SELECT actor_id, period, event_type, count(DISTINCT event_id) "
                 "FROM event_actors GROUP BY ALL")
    conn.execute("INSERT INTO process_event_counts SELECT process, period, event_type, count(*) "
                 "FROM event_processes GROUP BY ALL")
    conn.execute("INSERT INTO actor_pairs " + _PAIRS.format(rows="event_actors", sign="1"))
    conn.execute("INSERT INTO place_event_counts " + _PLACES.format(events="events", sign="1"))
    conn.execute("INSERT INTO event_day_counts " + EVENT_DAYS_SQL.format(events="events", sign="1"))
    conn.execute("INSERT INTO event_sources " + EVENT_SOURCES_SQL.format(where="m.event_id IS NOT NULL"))
    conn.execute("INSERT INTO document_stats SELECT id, length(text) FROM documents")
    _rebuild_first_mentions(conn)
    conn.execute("INSERT INTO actor_first_events " + FIRST_EVENTS_SQL.format(where=""))
    conn.execute("INSERT INTO actor_place_counts "
                 + ACTOR_PLACES_SQL.format(rows="event_actors", events="events", sign="1"))
    fill_marks_and_parts(conn)
    sort_list(conn, "event_list")
    sort_list(conn, "document_list")
    rebuild_terms(conn)
    conn.execute("""
        INSERT INTO actor_summary
        SELECT actor_id, sum(mentions), sum(events) FROM (
            SELECT actor_id, count(*) AS mentions, 0 AS events FROM mentions WHERE actor_id IS NOT NULL GROUP BY 1
            UNION ALL
            SELECT actor_id, 0, count(DISTINCT event_id) FROM event_actors GROUP BY 1) GROUP BY 1""")
    refresh_overview(conn, "SELECT actor_id FROM actor_summary")
    refresh_meeting_pages(conn, every=True)


def _rebuild_first_mentions(conn: duckdb.DuckDBPyConnection) -> None:
    # Ranking every mention of the corpus in one window, then joining the winners to every
    # document's text, held too much at once (a 40,000-article corpus ran out of the writer's
    # DuckDB cap). An actor's rank depends on its own mentions only, so the actors are ranked in
    # parts split by a hash of their id, about MENTIONS_PER_RANK mentions each, keeping the keys
    # only; the texts are then read a range of documents at a time. The rows are the same.
    total = conn.execute("SELECT count(*) FROM mentions WHERE actor_id IS NOT NULL").fetchone()[0]
    parts = max(1, -(-total // MENTIONS_PER_RANK))
    conn.execute("CREATE OR REPLACE TEMP TABLE _first_keys (doc_id VARCHAR, idx INTEGER)")
    for part in range(parts):
        conn.execute("INSERT INTO _first_keys "
                     + FIRST_MENTION_KEYS_SQL.format(where=f"AND hash(m.actor_id) % {parts} = {part}"))
    # the keys' mentions and sentence bounds a range of documents at a time too: one join of the
    # corpus's mentions and sentences ran out of the writer's cap at 40,000 articles
    ids = [i for (i,) in conn.execute("SELECT DISTINCT doc_id FROM _first_keys ORDER BY 1").fetchall()]
    ranged = "(SELECT * FROM {} WHERE doc_id BETWEEN ? AND ?)"
    sentences = FIRST_MENTION_SENTENCES_SQL.format(firsts=ranged.format("_first_keys"),
                                                   mention_rows=ranged.format("mentions"),
                                                   sentence_rows=ranged.format("sentences"))
    documents = "(SELECT id, published, title, text FROM documents WHERE id BETWEEN ? AND ?)"
    for first in range(0, len(ids), DOCS_PER_PASS):
        last = ids[min(first + DOCS_PER_PASS, len(ids)) - 1]
        conn.execute(f"CREATE OR REPLACE TEMP TABLE _first_rows AS {sentences}", [ids[first], last] * 3)
        conn.execute("INSERT INTO actor_first_mentions "
                     + FIRST_MENTION_ROWS_SQL.format(mentions="_first_rows", documents=documents), [ids[first], last])
    conn.execute("DROP TABLE _first_keys")
    conn.execute("DROP TABLE IF EXISTS _first_rows")


_PAIRS = """
    SELECT a.actor_id, b.actor_id AS other, a.event_type, {sign} * count(DISTINCT a.event_id) AS n
    FROM (SELECT DISTINCT event_id, actor_id, event_type FROM {rows}) a
    JOIN (SELECT DISTINCT event_id, actor_id FROM {rows}) b ON a.event_id = b.event_id AND a.actor_id <> b.actor_id
    GROUP BY ALL
"""
_PLACES = """
    SELECT geonameid, place, min(place_country) AS country, min(lat) AS lat, min(lon) AS lon, event_type,
           {sign} * count(*) AS n
    FROM {events} WHERE geonameid IS NOT NULL GROUP BY geonameid, place, event_type
"""


def _update_from_changes(conn: duckdb.DuckDBPyConnection) -> None:
    # the rows the removed events contributed, read before they are deleted
    conn.execute("CREATE OR REPLACE TEMP TABLE _old_actor_rows AS SELECT * FROM event_actors "
                 "WHERE event_id IN (SELECT event_id FROM _gone_events)")
    conn.execute("CREATE OR REPLACE TEMP TABLE _old_process_rows AS SELECT * FROM event_processes "
                 "WHERE event_id IN (SELECT event_id FROM _gone_events)")
    conn.execute("DELETE FROM event_actors WHERE event_id IN (SELECT event_id FROM _gone_events)")
    conn.execute("DELETE FROM event_processes WHERE event_id IN (SELECT event_id FROM _gone_events)")
    conn.execute("CREATE OR REPLACE TEMP TABLE _new_events AS SELECT * FROM events "
                 "WHERE event_id IN (SELECT DISTINCT event_id FROM _event_links)")
    conn.execute("CREATE OR REPLACE TEMP TABLE _new_actor_rows AS " + _ACTOR_ROWS.format(events="_new_events"))
    conn.execute("CREATE OR REPLACE TEMP TABLE _new_process_rows AS "
                 + _PROCESS_ROWS.format(links="_event_links", events="_new_events"))
    conn.execute("INSERT INTO event_actors SELECT * FROM _new_actor_rows")
    conn.execute("INSERT INTO event_processes SELECT * FROM _new_process_rows")

    _apply(conn, "actor_event_counts", ("actor_id", "period", "event_type"), """
        SELECT actor_id, period, event_type, count(DISTINCT event_id) AS n FROM _new_actor_rows GROUP BY ALL
        UNION ALL
        SELECT actor_id, period, event_type, -count(DISTINCT event_id) FROM _old_actor_rows GROUP BY ALL""")
    _apply(conn, "process_event_counts", ("process", "period", "event_type"), """
        SELECT process, period, event_type, count(*) AS n FROM _new_process_rows GROUP BY ALL
        UNION ALL
        SELECT process, period, event_type, -count(*) FROM _old_process_rows GROUP BY ALL""")
    _apply(conn, "actor_pairs", ("actor_id", "other", "event_type"),
           _PAIRS.format(rows="_new_actor_rows", sign="1") + " UNION ALL "
           + _PAIRS.format(rows="_old_actor_rows", sign="-1"))
    _apply(conn, "place_event_counts", ("geonameid", "place", "event_type"),
           _PLACES.format(events="_new_events", sign="1") + " UNION ALL "
           + _PLACES.format(events="_gone_events", sign="-1"),
           carry=("country", "lat", "lon"))
    _apply(conn, "event_day_counts", ("day", "event_type"),
           EVENT_DAYS_SQL.format(events="_new_events", sign="1") + " UNION ALL "
           + EVENT_DAYS_SQL.format(events="_gone_events", sign="-1"))
    _update_list(conn, "event_list", "SELECT event_id FROM _gone_events UNION SELECT event_id FROM _new_events",
                 "SELECT * FROM _new_events")
    # the removed events' sentences go, the new events' come from their links
    conn.execute("DELETE FROM event_sources WHERE event_id IN (SELECT event_id FROM _gone_events)")
    conn.execute("INSERT INTO event_sources " + EVENT_SOURCES_SQL.format(
        where="EXISTS (SELECT 1 FROM _event_links l WHERE l.doc_id = m.doc_id AND l.idx = m.idx)"))
    since = conn.execute("SELECT value FROM summary_state WHERE name = ?", [STATE_KEY]).fetchone()
    # the documents stored since the last update (all of them the first time), and its parameter
    new_params = [since[0]] if since and since[0] else []
    new_docs = ("SELECT id FROM documents WHERE ingested_at > CAST(? AS TIMESTAMP)" if new_params
                else "SELECT id FROM documents")
    conn.execute("INSERT OR REPLACE INTO document_stats SELECT id, length(text) FROM documents "
                 f"WHERE id IN ({new_docs})", new_params)
    add_terms(conn, new_docs, new_params)
    # documents are only ever added: the new ones join the list's tail
    _update_list(conn, "document_list", new_docs, f"SELECT * FROM documents WHERE id IN ({new_docs})",
                 new_params)
    _merge_first_mentions(conn, new_docs, new_params)
    # the actors the new documents mention: their first mentions and counts move
    conn.execute("CREATE OR REPLACE TEMP TABLE _mentioned_actors AS SELECT DISTINCT actor_id FROM mentions "
                 f"WHERE actor_id IS NOT NULL AND doc_id IN ({new_docs})", new_params)
    _refresh_first_events(conn)
    _apply(conn, "actor_place_counts", ("actor_id", "geonameid", "place", "event_type"),
           ACTOR_PLACES_SQL.format(rows="_new_actor_rows", events="_new_events", sign="1") + " UNION ALL "
           + ACTOR_PLACES_SQL.format(rows="_old_actor_rows", events="_gone_events", sign="-1"),
           carry=("country", "lat", "lon"))
    forget_evidence(conn)
    fill_marks_and_parts(conn)
    _apply(conn, "actor_summary", ("actor_id",), f"""
        SELECT actor_id, count(*) AS mentions, 0 AS events FROM mentions
        WHERE actor_id IS NOT NULL AND doc_id IN ({new_docs}) GROUP BY 1
        UNION ALL SELECT actor_id, 0, count(DISTINCT event_id) FROM _new_actor_rows GROUP BY 1
        UNION ALL SELECT actor_id, 0, -count(DISTINCT event_id) FROM _old_actor_rows GROUP BY 1""",
           values=("mentions", "events"), params=new_params)
    # the actors whose events moved, those the new documents mention, and those new to actor_summary
    refresh_overview(conn, "SELECT actor_id FROM _new_actor_rows UNION SELECT actor_id FROM _old_actor_rows "
                           f"UNION SELECT actor_id FROM _mentioned_actors UNION {_OVERVIEW_MISSING}")
    refresh_meeting_pages(conn)
    for table in ("_old_actor_rows", "_old_process_rows", "_new_events", "_new_actor_rows", "_new_process_rows",
                  "_mentioned_actors"):
        conn.execute(f"DROP TABLE {table}")


# the lists kept in list order: table -> its rows' SQL, its order, its key and the table it lists
LISTS = {"event_list": (EVENT_LIST_SQL, LIST_ORDER, "event_id", "events"),
         "document_list": (DOCUMENT_LIST_SQL, DOCUMENT_ORDER, "id", "documents")}


def sort_list(conn: duckdb.DuckDBPyConnection, table: str) -> None:
    """Write the list ``table`` (of :data:`LISTS`) again, every row in list order (its head, part 0)."""
    sql, order, _, listed = LISTS[table]
    conn.execute(f"DELETE FROM {table}")
    conn.execute(f"INSERT INTO {table} " + sql.format(part=0, rows=listed, order=order))


def _update_list(conn: duckdb.DuckDBPyConnection, table: str, moved: str, new: str, params: list | None = None) -> None:
    """Take the rows whose key ``moved`` (a query, with ``params``) gives out of the list ``table``
    and append the rows of ``new`` (a query of the listed table's rows, with ``params``) to its
    tail (part 1); past :data:`LIST_TAIL_SHARE` of the head, write it all again in order (each
    row is written again a few times over a database's life, as the word index's)."""
    sql, order, key, _ = LISTS[table]
    conn.execute(f"DELETE FROM {table} WHERE {key} IN ({moved})", params or [])
    conn.execute(f"INSERT INTO {table} " + sql.format(part=1, rows=f"({new})", order=order), params or [])
    head, tail = conn.execute("SELECT count(*) FILTER (WHERE part = 0), count(*) FILTER (WHERE part = 1) "
                              f"FROM {table}").fetchone()
    if tail > LIST_TAIL_SHARE * head:
        sort_list(conn, table)


def _refresh_first_events(conn: duckdb.DuckDBPyConnection) -> None:
    """Recompute the first events of the actors whose events changed, from their rows of
    event_actors (already moved): an actor's list may have lost an event, and only its other
    events can fill the gap."""
    conn.execute("CREATE OR REPLACE TEMP TABLE _moved_actors AS SELECT actor_id FROM _new_actor_rows "
                 "UNION SELECT actor_id FROM _old_actor_rows")
    conn.execute("DELETE FROM actor_first_events WHERE actor_id IN (SELECT actor_id FROM _moved_actors)")
    conn.execute("INSERT INTO actor_first_events "
                 + FIRST_EVENTS_SQL.format(where="AND actor_id IN (SELECT actor_id FROM _moved_actors)"))
    conn.execute("DROP TABLE _moved_actors")


def _merge_first_mentions(conn: duckdb.DuckDBPyConnection, new_docs: str, params: list) -> None:
    """Merge the new documents' mentions into each actor's first mentions (only the actors they
    mention are read and rewritten)."""
    conn.execute("CREATE OR REPLACE TEMP TABLE _new_first AS "
                 + FIRST_MENTIONS_SQL.format(where=f"AND m.doc_id IN ({new_docs})"), params)
    conn.execute("CREATE OR REPLACE TEMP TABLE _merged_first AS SELECT * FROM ("
                 "SELECT * FROM actor_first_mentions WHERE actor_id IN (SELECT actor_id FROM _new_first) "
                 "UNION ALL SELECT * FROM _new_first) m QUALIFY row_number() OVER (PARTITION BY actor_id "
                 "ORDER BY published NULLS LAST, doc_id, char_start, idx) <= ?", [FIRST_MENTIONS])
    conn.execute("DELETE FROM actor_first_mentions WHERE actor_id IN (SELECT actor_id FROM _new_first)")
    conn.execute("INSERT INTO actor_first_mentions SELECT * FROM _merged_first")
    conn.execute("DROP TABLE _new_first")
    conn.execute("DROP TABLE _merged_first")


def _apply(conn: duckdb.DuckDBPyConnection, table: str, keys: tuple[str, ...], delta_sql: str,
           values: tuple[str, ...] = ("n",), carry: tuple[str, ...] = (), params: list | None = None) -> None:
    """Add the signed rows of ``delta_sql`` to ``table`` by ``keys``; rows that reach zero go."""
    sums = ", ".join(f"sum({v}) AS {v}" for v in values)
    carried = "".join(f", min({c}) AS {c}" for c in carry)
    conn.execute(f"CREATE OR REPLACE TEMP TABLE _delta AS SELECT {', '.join(keys)}{carried}, {sums} "
                 f"FROM ({delta_sql}) GROUP BY {', '.join(keys)}", params or [])
    match = " AND ".join(f"t.{k} IS NOT DISTINCT FROM d.{k}" for k in keys)
    totals = ", ".join(f"coalesce(t.{v}, 0) + d.{v} AS {v}" for v in values)
    kept = "".join(f", least(t.{c}, d.{c}) AS {c}" for c in carry)
    conn.execute(f"CREATE OR REPLACE TEMP TABLE _merged AS SELECT {', '.join('d.' + k for k in keys)}{kept}, {totals} "
                 f"FROM _delta d LEFT JOIN {table} t ON {match}")
    conn.execute(f"DELETE FROM {table} t WHERE EXISTS (SELECT 1 FROM _delta d WHERE {match})")
    columns = (*keys, *carry, *values)
    conn.execute(f"INSERT INTO {table} ({', '.join(columns)}) SELECT {', '.join(columns)} FROM _merged "
                 f"WHERE " + " OR ".join(f"{v} <> 0" for v in values))
    conn.execute("DROP TABLE _delta")
    conn.execute("DROP TABLE _merged")



def bring_up_to_date(path) -> bool:
    """Migrate a database written by an older parley and build its summaries; True if anything was done.

    ``parley serve`` calls it before serving: the web app reads the summaries, which a
    database from before schema 0006 lacks. A file it cannot write is left as it is.
    """
    from pathlib import Path

    from parley.store import connection, open_db, transaction
    from parley.store.schema import SCHEMA_VERSION

    if not Path(path).exists():
        return False
    with connection(path, read_only=True) as conn:
        try:
            applied = conn.execute("SELECT count(*) FROM schema_migrations").fetchone()[0]
            built = applied >= SCHEMA_VERSION and summaries_built(conn) and not marks_missing(conn) \
                and not overview_missing(conn) and not pages_missing(conn)
        except duckdb.CatalogException:
            built = False
    if built:
        return False
    conn = open_db(path)      # applies the pending migrations (those that add a summary fill it)
    try:
        if not summaries_built(conn):
            with transaction(conn):
                refresh_summaries(conn, full=True)
        else:
            fill_marks_and_parts(conn, commit=True)     # a database from before document_marks
            with transaction(conn):
                refresh_overview(conn)        # or from before actor_overview
                refresh_meeting_pages(conn)   # or from before meeting_pages
    finally:
        conn.close()
    return True
