"""The database schema as named, ordered migrations, and the code that applies them.

Every migration runs once, in order, inside a transaction, and is recorded in
``schema_migrations``. A new schema change is a new entry at the end of :data:`MIGRATIONS`;
an applied migration is never edited.
"""

from __future__ import annotations

import duckdb

FIRST_MENTIONS = 50     # mentions kept per actor in actor_first_mentions (an actor page shows them)
# the first FIRST_MENTIONS mentions of each actor, by the document's date, among the mentions
# that {where} keeps (of the table ``m``, joined to the documents ``d``): their keys only.
# The ranking reads only the narrow key columns: a window that carried each mention's text,
# role and title through the sort ran out of the writer's memory cap on 10,000 articles.
FIRST_MENTION_KEYS_SQL = """
        SELECT m.doc_id, m.idx
        FROM mentions m JOIN (SELECT id, published FROM documents) d ON d.id = m.doc_id
        WHERE m.actor_id IS NOT NULL {where}
        QUALIFY row_number() OVER (PARTITION BY m.actor_id
                                   ORDER BY d.published NULLS LAST, m.doc_id, m.char_start, m.idx) <= """ \
    + str(FIRST_MENTIONS)
# the mentions of the keys in {firsts} (``doc_id, idx``) with their sentence's bounds, from
# {mention_rows} and {sentence_rows} (the tables, or a range of documents' rows of them)
FIRST_MENTION_SENTENCES_SQL = """
    SELECT m.actor_id, m.doc_id, m.idx, m.sentence, m.char_start, m.char_end, m.text, m.role, m.via,
           s.char_start AS sentence_start, s.char_end AS sentence_end
    FROM {firsts} f JOIN {mention_rows} m ON m.doc_id = f.doc_id AND m.idx = f.idx
    LEFT JOIN {sentence_rows} s ON s.doc_id = m.doc_id AND s.idx = m.sentence"""
# the rows of actor_first_mentions for those mentions ({mentions}), with the document's title and
# the mention's whole sentence, so that an actor page reads nothing else. The documents are
# joined alone, last: a join built on rows that carried each document's whole text copied it
# once per mention; {documents} may be a subquery of some of them.
FIRST_MENTION_ROWS_SQL = """
    SELECT x.actor_id, d.published, x.doc_id, x.idx, x.sentence, x.char_start, x.char_end, x.text, x.role,
           x.via, d.title, substring(d.text, x.sentence_start + 1, x.sentence_end - x.sentence_start) AS sentence_text
    FROM {mentions} x JOIN {documents} d ON d.id = x.doc_id"""
FIRST_MENTIONS_SQL = ("WITH firsts AS (" + FIRST_MENTION_KEYS_SQL + "), x AS ("
                      + FIRST_MENTION_SENTENCES_SQL.replace("{firsts}", "firsts").replace("{mention_rows}", "mentions")
                      .replace("{sentence_rows}", "sentences") + ")"
                      + FIRST_MENTION_ROWS_SQL.replace("{mentions}", "x").replace("{documents}", "documents"))

# events kept per actor in actor_first_events: an actor's first page of events (100) and
# whether a next page follows
FIRST_EVENTS = 101
# co-actors kept per actor in actor_overview (an actor page shows 15)
CO_ACTORS = 25
# events kept per actor in actor_overview: the first page of its events (100) and whether a next
# page follows, as actor_first_events keeps (an actor page shows the first 50)
OVERVIEW_EVENTS = FIRST_EVENTS
# places a map of events draws at most (the most events first); actor_overview keeps an actor's
# this many places, grouped, so that its map does not grow with the corpus
MAP_PLACES = 150
# the keys of a mention on an actor page, in order: actor_overview keeps its first mentions as
# arrays of these (sentence_idx and sentence are actor_first_mentions' sentence and sentence_text)
OVERVIEW_MENTION_COLUMNS = ("doc_id", "char_start", "char_end", "text", "role", "via", "title", "published",
                            "sentence_idx", "sentence")
# the events list's rows (the columns a list shows) of the events in {events}, as event_list holds
# them: part 0 is the head, written in list order by the statement's own ORDER BY; part 1 the
# rows appended since, in any order (parley.store.summaries)
EVENT_LIST_SQL = """
    SELECT {part}::TINYINT AS part, event_id, event_type, mode, cameo, modality, date_start, date_end, date_precision,
           geonameid, place, place_country, lat, lon, actor_ids, recipient_ids, n_mentions, n_documents, confidence
    FROM {rows} {order}"""
LIST_ORDER = "ORDER BY date_start NULLS LAST, event_id"
# the documents list's rows of the documents in {rows}, as document_list holds them (parts as
# event_list's), and the list's order: newest first, undated last, then id
DOCUMENT_LIST_SQL = """
    SELECT {part}::TINYINT AS part, id, title, outlet, url, published, published_inferred, window_start, window_end,
           source, duplicate_of
    FROM {rows} {order}"""
DOCUMENT_ORDER = "ORDER BY published DESC NULLS LAST, id"
# a document's whole-number key in the word index (document_terms.doc_key), from its id {id}: an
# id parley makes (parley.document.document_id: "d" and 15 hex digits) read as the number its hex
# digits write, so two documents never share a key; any other id hashed, with the top bit set so
# that it never takes a made id's key (two such ids share one only if their 64-bit hashes agree)
DOC_KEY_SQL = ("CASE WHEN regexp_full_match({id}, 'd[0-9a-f]{{15}}') THEN ('0x' || {id}[2:])::UBIGINT "
               "ELSE hash({id}) | (1::UBIGINT << 63) END")
# the columns of an event that actor_first_events and actor_overview keep, in order
FIRST_EVENT_COLUMNS = ("event_id", "event_type", "mode", "cameo", "modality", "date_start", "date_end",
                       "date_precision", "geonameid", "place", "place_country", "lat", "lon", "actor_ids",
                       "recipient_ids", "n_mentions", "n_documents", "confidence", "side")
# the first FIRST_EVENTS events of each actor among those {where} keeps (of event_actors),
# by date (undated last) then id, each with the side it is on and the columns a list shows
FIRST_EVENTS_SQL = """
    WITH firsts AS (
        SELECT actor_id, event_id, min(side) AS side, any_value(date_start) AS day
        FROM event_actors WHERE TRUE {where} GROUP BY actor_id, event_id
        QUALIFY row_number() OVER (PARTITION BY actor_id ORDER BY day NULLS LAST, event_id) <= """ \
    + str(FIRST_EVENTS) + """)
    SELECT f.actor_id, f.side, e.event_id, e.event_type, e.mode, e.cameo, e.modality, e.date_start, e.date_end,
           e.date_precision, e.geonameid, e.place, e.place_country, e.lat, e.lon, e.actor_ids, e.recipient_ids,
           e.n_mentions, e.n_documents, e.confidence
    FROM firsts f JOIN events e ON e.event_id = f.event_id"""

# the events of {events} by start day and PLOVER type, with a {sign} (undated events are not counted)
EVENT_DAYS_SQL = """
        SELECT date_start AS day, event_type, {sign} * count(*) AS n
        FROM {events} WHERE date_start IS NOT NULL GROUP BY ALL"""

# the event mentions that {where} keeps (of event_mentions ``m``), as event_sources holds them
EVENT_SOURCES_SQL = """
        SELECT m.event_id, m.doc_id, m.idx, m.sentence, m.char_start, m.char_end, m.text, m.modality, m.confidence
        FROM event_mentions m WHERE {where}"""

# each actor's events by place and PLOVER type (of the actor rows {rows} and their events {events}),
# grouped as place_event_counts groups all events, with a {sign}
ACTOR_PLACES_SQL = """
    SELECT a.actor_id, e.geonameid, e.place, min(e.place_country) AS country, min(e.lat) AS lat, min(e.lon) AS lon,
           e.event_type, {sign} * count(DISTINCT e.event_id) AS n
    FROM (SELECT DISTINCT event_id, actor_id FROM {rows}) a JOIN {events} e ON e.event_id = a.event_id
    WHERE e.geonameid IS NOT NULL GROUP BY a.actor_id, e.geonameid, e.place, e.event_type"""

MIGRATIONS: list[tuple[str, str]] = [
    ("0001_documents", """
        CREATE TABLE documents (
            id VARCHAR PRIMARY KEY,
            content_hash VARCHAR NOT NULL UNIQUE,
            source VARCHAR,
            source_id VARCHAR,
            title VARCHAR,
            outlet VARCHAR,
            url VARCHAR,
            published DATE,
            published_inferred BOOLEAN DEFAULT FALSE,
            window_start DATE,
            window_end DATE,
            lang VARCHAR,
            raw_text VARCHAR,
            text VARCHAR NOT NULL,
            meta JSON,
            duplicate_of VARCHAR,
            minhash BLOB,
            ingested_at TIMESTAMP DEFAULT current_timestamp
        );
        CREATE TABLE sentences (
            doc_id VARCHAR NOT NULL, idx INTEGER NOT NULL,
            char_start INTEGER NOT NULL, char_end INTEGER NOT NULL,
            PRIMARY KEY (doc_id, idx)
        );
        CREATE TABLE quarantine (
            source VARCHAR NOT NULL,
            line INTEGER NOT NULL DEFAULT 0,
            reason VARCHAR NOT NULL,
            detail VARCHAR,
            quarantined_at TIMESTAMP DEFAULT current_timestamp,
            PRIMARY KEY (source, line)
        );
    """),
    ("0002_actors_and_spans", """
        CREATE TABLE actors (
            id VARCHAR PRIMARY KEY,
            name VARCHAR NOT NULL,
            type VARCHAR,
            country VARCHAR,
            sector VARCHAR,
            cameo VARCHAR,
            aliases JSON,
            roles JSON,
            source VARCHAR
        );
        CREATE TABLE mentions (
            doc_id VARCHAR NOT NULL, idx INTEGER NOT NULL, sentence INTEGER,
            char_start INTEGER NOT NULL, char_end INTEGER NOT NULL, text VARCHAR,
            actor_id VARCHAR, country VARCHAR, sector VARCHAR, cameo VARCHAR, role VARCHAR,
            via VARCHAR, confidence DOUBLE, data JSON,
            PRIMARY KEY (doc_id, idx)
        );
        CREATE TABLE times (
            doc_id VARCHAR NOT NULL, idx INTEGER NOT NULL, sentence INTEGER,
            char_start INTEGER NOT NULL, char_end INTEGER NOT NULL, text VARCHAR,
            start DATE, "end" DATE, precision VARCHAR, data JSON,
            PRIMARY KEY (doc_id, idx)
        );
        CREATE TABLE places (
            doc_id VARCHAR NOT NULL, idx INTEGER NOT NULL, sentence INTEGER,
            char_start INTEGER NOT NULL, char_end INTEGER NOT NULL, text VARCHAR,
            geonameid BIGINT, name VARCHAR, country VARCHAR, lat DOUBLE, lon DOUBLE,
            feature VARCHAR, data JSON,
            PRIMARY KEY (doc_id, idx)
        );
    """),
    ("0003_events_claims_meetings", """
        CREATE TABLE event_mentions (
            doc_id VARCHAR NOT NULL, idx INTEGER NOT NULL, sentence INTEGER,
            char_start INTEGER, char_end INTEGER, text VARCHAR,
            event_id VARCHAR, event_type VARCHAR, cameo VARCHAR, modality VARCHAR,
            confidence DOUBLE, data JSON,
            PRIMARY KEY (doc_id, idx)
        );
        CREATE TABLE events (
            event_id VARCHAR PRIMARY KEY,
            event_type VARCHAR, mode VARCHAR, cameo VARCHAR, modality VARCHAR,
            date_start DATE, date_end DATE, date_precision VARCHAR,
            geonameid BIGINT, place VARCHAR, place_country VARCHAR, lat DOUBLE, lon DOUBLE,
            actor_ids VARCHAR[], recipient_ids VARCHAR[],
            n_mentions INTEGER, n_documents INTEGER, confidence DOUBLE,
            first_doc VARCHAR, data JSON
        );
        CREATE TABLE claims (
            doc_id VARCHAR NOT NULL, idx INTEGER NOT NULL, sentence INTEGER,
            char_start INTEGER, char_end INTEGER, text VARCHAR,
            quantity VARCHAR, low DOUBLE, high DOUBLE, unit VARCHAR, qualifier VARCHAR,
            as_of DATE, source VARCHAR, data JSON,
            PRIMARY KEY (doc_id, idx)
        );
        CREATE TABLE doc_meetings (
            doc_id VARCHAR NOT NULL, idx INTEGER NOT NULL,
            process VARCHAR, ordinal INTEGER, start DATE, "end" DATE,
            venue VARCHAR, host VARCHAR, status VARCHAR, data JSON,
            PRIMARY KEY (doc_id, idx)
        );
        CREATE TABLE processes (id VARCHAR PRIMARY KEY, name VARCHAR, data JSON);
        CREATE TABLE meetings (
            id VARCHAR PRIMARY KEY, process VARCHAR, ordinal INTEGER,
            start DATE, "end" DATE, venue VARCHAR, host VARCHAR, status VARCHAR,
            n_sources INTEGER, data JSON
        );
        CREATE TABLE meeting_participants (
            meeting_id VARCHAR NOT NULL, actor VARCHAR NOT NULL, role VARCHAR NOT NULL,
            PRIMARY KEY (meeting_id, actor, role)
        );
        CREATE TABLE claim_groups (
            id VARCHAR PRIMARY KEY, quantity VARCHAR, verdict VARCHAR, reason VARCHAR, data JSON
        );
    """),
    ("0004_ingested_files", """
        CREATE TABLE ingested_files (
            path VARCHAR PRIMARY KEY,
            size BIGINT NOT NULL,
            mtime_ns BIGINT NOT NULL,
            ingested_at TIMESTAMP DEFAULT current_timestamp
        );
    """),
    # The clustering block of each mention and event (parley.events.cluster.block_key), so that
    # a rebuild reads and replaces only the blocks that gained mentions; rows stored before it
    # are filled by the next rebuild.
    ("0005_event_blocks", """
        ALTER TABLE event_mentions ADD COLUMN block VARCHAR;
        ALTER TABLE events ADD COLUMN block VARCHAR;
    """),
    # Summaries the web pages read instead of aggregating the whole corpus per request
    # (parley.store.summaries): kept up to date by the derive step from the events it changed.
    ("0006_summaries", """
        CREATE TABLE event_actors (
            event_id VARCHAR NOT NULL, actor_id VARCHAR NOT NULL, side VARCHAR NOT NULL,
            event_type VARCHAR, period DATE
        );
        CREATE TABLE event_processes (
            event_id VARCHAR NOT NULL, process VARCHAR NOT NULL, event_type VARCHAR, period DATE,
            geonameid BIGINT
        );
        CREATE TABLE actor_summary (
            actor_id VARCHAR PRIMARY KEY, mentions BIGINT NOT NULL DEFAULT 0, events BIGINT NOT NULL DEFAULT 0
        );
        CREATE TABLE actor_event_counts (
            actor_id VARCHAR NOT NULL, period DATE, event_type VARCHAR, n BIGINT NOT NULL
        );
        CREATE TABLE actor_pairs (
            actor_id VARCHAR NOT NULL, other VARCHAR NOT NULL, event_type VARCHAR, n BIGINT NOT NULL
        );
        CREATE TABLE process_event_counts (
            process VARCHAR NOT NULL, period DATE, event_type VARCHAR, n BIGINT NOT NULL
        );
        CREATE TABLE place_event_counts (
            geonameid BIGINT NOT NULL, place VARCHAR, country VARCHAR, lat DOUBLE, lon DOUBLE,
            event_type VARCHAR, n BIGINT NOT NULL
        );
        CREATE TABLE summary_state (name VARCHAR PRIMARY KEY, value VARCHAR);
        CREATE INDEX event_actors_actor ON event_actors (actor_id);
        CREATE INDEX event_processes_process ON event_processes (process);
        CREATE INDEX actor_event_counts_actor ON actor_event_counts (actor_id);
        CREATE INDEX actor_pairs_actor ON actor_pairs (actor_id);
    """),
    # A document's length, so that lists never read the (ZSTD-compressed) texts: fetching one
    # text decompresses a whole block, some 17 ms on a 10,000-article file.
    ("0007_document_stats", """
        CREATE TABLE document_stats (doc_id VARCHAR PRIMARY KEY, chars BIGINT);
        DELETE FROM summary_state;
    """),
    # A word index of the documents for search (parley.store.terms), kept sorted by hash so
    # that a lookup reads one row group; emptying summary_state makes the next derive step
    # (or `parley serve`) build it.
    ("0008_document_terms", """
        CREATE TABLE document_terms (term UBIGINT NOT NULL, published DATE, doc_id VARCHAR NOT NULL);
        DELETE FROM summary_state;
    """),
    # Document texts stored uncompressed: DuckDB compresses long strings with ZSTD in blocks of
    # many texts, so reading one text (a document page, a meeting's quotes) decompressed a
    # whole block, some 30 ms on a 10,000-article file, against about 2 ms now. The table is
    # copied once; the text takes some 6 KB a document more on disk.
    ("0009_plain_texts", """
        CREATE TABLE documents_plain (
            id VARCHAR PRIMARY KEY,
            content_hash VARCHAR NOT NULL UNIQUE,
            source VARCHAR,
            source_id VARCHAR,
            title VARCHAR,
            outlet VARCHAR,
            url VARCHAR,
            published DATE,
            published_inferred BOOLEAN DEFAULT FALSE,
            window_start DATE,
            window_end DATE,
            lang VARCHAR,
            raw_text VARCHAR,
            text VARCHAR NOT NULL USING COMPRESSION uncompressed,
            meta JSON,
            duplicate_of VARCHAR,
            minhash BLOB,
            ingested_at TIMESTAMP DEFAULT current_timestamp
        );
        INSERT INTO documents_plain SELECT * FROM documents;
        DROP TABLE documents;
        ALTER TABLE documents_plain RENAME TO documents;
    """),
    # Where the last merge put each told meeting (parley.derive.refresh_processes): the next
    # derive step merges again only the parts whose meetings moved or are new.
    ("0010_process_members", """
        CREATE TABLE process_members (
            doc_id VARCHAR NOT NULL, idx INTEGER NOT NULL, process VARCHAR, part VARCHAR NOT NULL,
            meeting_id VARCHAR
        );
    """),
    # Each actor's first mentions by date (parley.store.summaries), so that an actor page reads
    # at most FIRST_MENTIONS rows instead of joining all of a frequent actor's mentions to the
    # documents' dates. Filled here for a database written before it; the derive step keeps it.
    ("0011_actor_first_mentions", """
        CREATE TABLE actor_first_mentions (
            actor_id VARCHAR NOT NULL, published DATE, doc_id VARCHAR NOT NULL, idx INTEGER NOT NULL,
            sentence INTEGER, char_start INTEGER, char_end INTEGER, text VARCHAR, role VARCHAR, via VARCHAR,
            title VARCHAR, sentence_text VARCHAR
        );
        INSERT INTO actor_first_mentions """ + FIRST_MENTIONS_SQL.format(where="") + """;
        CREATE INDEX actor_first_mentions_actor ON actor_first_mentions (actor_id);
    """),
    # Each event's dates and place beside its actors (parley.store.summaries), so that one
    # actor's events are paged in date order, and placed on a map, from its own rows of
    # event_actors: the events table is read only for the rows of the page shown. And each
    # actor's first FIRST_EVENTS events with their columns (an actor page, the first page of an
    # actor's events) and its events by place (the map of an actor's events), filled here for an
    # existing database.
    ("0012_event_actor_dates", """
        CREATE TABLE event_actors_dated (
            event_id VARCHAR NOT NULL, actor_id VARCHAR NOT NULL, side VARCHAR NOT NULL,
            event_type VARCHAR, period DATE, date_start DATE, date_end DATE, geonameid BIGINT
        );
        INSERT INTO event_actors_dated
        SELECT a.event_id, a.actor_id, a.side, a.event_type, a.period, e.date_start, e.date_end, e.geonameid
        FROM event_actors a LEFT JOIN events e ON e.event_id = a.event_id;
        DROP INDEX event_actors_actor;
        DROP TABLE event_actors;
        ALTER TABLE event_actors_dated RENAME TO event_actors;
        CREATE INDEX event_actors_actor ON event_actors (actor_id);
        CREATE TABLE actor_first_events (
            actor_id VARCHAR NOT NULL, side VARCHAR NOT NULL, event_id VARCHAR NOT NULL,
            event_type VARCHAR, mode VARCHAR, cameo VARCHAR, modality VARCHAR,
            date_start DATE, date_end DATE, date_precision VARCHAR,
            geonameid BIGINT, place VARCHAR, place_country VARCHAR, lat DOUBLE, lon DOUBLE,
            actor_ids VARCHAR[], recipient_ids VARCHAR[],
            n_mentions INTEGER, n_documents INTEGER, confidence DOUBLE
        );
        INSERT INTO actor_first_events """ + FIRST_EVENTS_SQL.format(where="") + """;
        CREATE INDEX actor_first_events_actor ON actor_first_events (actor_id);
        CREATE TABLE actor_place_counts (
            actor_id VARCHAR NOT NULL, geonameid BIGINT NOT NULL, place VARCHAR, country VARCHAR, lat DOUBLE,
            lon DOUBLE, event_type VARCHAR, n BIGINT NOT NULL
        );
        INSERT INTO actor_place_counts """ + ACTOR_PLACES_SQL.format(rows="event_actors", events="events", sign="1")
        + """;
        CREATE INDEX actor_place_counts_actor ON actor_place_counts (actor_id);
    """),
    # Each document's spans in one row found by its key (parley.store.marks), so that a document
    # or meeting page does not scan the span tables. The derive step (and `parley serve`) fills
    # the rows of documents that have none, a few thousand at a time; the other summaries stand
    # (a full rebuild of them all does not fit the writer's memory cap on a large corpus).
    ("0013_document_marks", """
        CREATE TABLE document_marks (
            doc_id VARCHAR PRIMARY KEY,
            mentions VARCHAR USING COMPRESSION uncompressed, times VARCHAR USING COMPRESSION uncompressed,
            places VARCHAR USING COMPRESSION uncompressed, claims VARCHAR USING COMPRESSION uncompressed,
            sentences VARCHAR USING COMPRESSION uncompressed
        );
    """),
    # How many events start on each day, by PLOVER type (parley.store.event_days): a page of the
    # events list reads the days it shows, bounded by these counts, instead of sorting every
    # event. And each event's sentences found by the event's id (an event page read every
    # mention of the corpus to find its few). Filled here for an existing database; the derive
    # step keeps them.
    ("0014_event_days_and_sources", """
        CREATE TABLE event_day_counts (day DATE NOT NULL, event_type VARCHAR, n BIGINT NOT NULL);
        INSERT INTO event_day_counts """ + EVENT_DAYS_SQL.format(events="events", sign="1") + """;
        CREATE TABLE event_sources (
            event_id VARCHAR NOT NULL, doc_id VARCHAR NOT NULL, idx INTEGER NOT NULL, sentence INTEGER,
            char_start INTEGER, char_end INTEGER, text VARCHAR, modality VARCHAR, confidence DOUBLE
        );
        INSERT INTO event_sources """ + EVENT_SOURCES_SQL.format(where="m.event_id IS NOT NULL") + """;
        CREATE INDEX event_sources_event ON event_sources (event_id);
    """),
    # Each document's event evidence and told meetings in one row found by its key
    # (parley.store.marks), so that a document or meeting page does not scan event_mentions and
    # doc_meetings. The derive step rewrites the rows of the
    # documents whose mentions it points at other events, and fills those that have none (as
    # `parley serve` does once for a database from before the table).
    # And each actor's chart counts, top co-actors and first events in one row found by its key
    # (parley.store.summaries), so that an actor page does not scan actor_event_counts and
    # actor_pairs for a frequent actor's thousands of rows; the derive step rewrites the rows
    # of the actors whose events it moved and fills those that have none.
    ("0015_page_rows", """
        CREATE TABLE document_evidence (
            doc_id VARCHAR PRIMARY KEY, evidence VARCHAR USING COMPRESSION uncompressed,
            meetings VARCHAR USING COMPRESSION uncompressed
        );
        CREATE TABLE actor_overview (
            actor_id VARCHAR PRIMARY KEY, quads VARCHAR USING COMPRESSION uncompressed,
            partners VARCHAR USING COMPRESSION uncompressed, first_events VARCHAR USING COMPRESSION uncompressed
        );
    """),
    # An actor's row of actor_overview also holds the first page of its events (101, not 50),
    # its map's rows (of actor_place_counts), its first mentions (of actor_first_mentions) and
    # its mention count, so that the events list of an actor and its map read one row by key
    # instead of scanning actor_first_events and actor_place_counts for a frequent actor's
    # hundreds of rows, and the actor page reads one row besides the actor's. The table is made
    # again empty: `parley serve` and the next derive step fill the rows of every actor that has
    # none (parley.store.summaries).
    # And event_list: the events list's columns of every event, written in list order (date,
    # then id), so that a page of the events list is the first rows a scan in that order finds
    # (DuckDB stops at the LIMIT) instead of a sort of every matching event.
    ("0016_actor_overview_pages", """
        DROP TABLE actor_overview;
        CREATE TABLE actor_overview (
            actor_id VARCHAR PRIMARY KEY, quads VARCHAR USING COMPRESSION uncompressed,
            partners VARCHAR USING COMPRESSION uncompressed, first_events VARCHAR USING COMPRESSION uncompressed,
            places VARCHAR USING COMPRESSION uncompressed, mentions VARCHAR USING COMPRESSION uncompressed,
            n_mentions BIGINT
        );
        CREATE TABLE event_list AS """ + EVENT_LIST_SQL.format(part=0, rows="events", order=LIST_ORDER) + """;
    """),
    # Each merged meeting's page content in one row found by its key (parley.store.meeting_pages),
    # with the key of the record it was built from: the derive step builds the pages of the
    # meetings whose record changed (Python: the page matches sentences to facts), and `parley
    # serve` fills them for a database from before the table.
    ("0017_meeting_pages", """
        CREATE TABLE meeting_pages (
            meeting_id VARCHAR PRIMARY KEY, record_key VARCHAR NOT NULL,
            content VARCHAR USING COMPRESSION uncompressed
        );
    """),
    # A meeting page shows its first five sources side by side (meeting_pages holds that first
    # page now) and the others five at a time, a row of meeting_page_sources read by its key:
    # the busiest meeting's page grew with its sources (2 at 1,000 articles, 19 at 10,000).
    # meeting_pages_due: the meetings the derive step deleted or wrote, whose pages it
    # builds again (or drops), instead of hashing every meeting's row to find them. Every
    # meeting is marked here, so that its page is built again in the new form.
    ("0018_meeting_page_sources", """
        CREATE TABLE meeting_page_sources (
            page_key VARCHAR PRIMARY KEY, meeting_id VARCHAR NOT NULL, start INTEGER NOT NULL,
            content VARCHAR USING COMPRESSION uncompressed
        );
        CREATE TABLE meeting_pages_due (meeting_id VARCHAR NOT NULL);
        INSERT INTO meeting_pages_due SELECT id FROM meetings UNION ALL SELECT meeting_id FROM meeting_pages;
        DELETE FROM meeting_pages;
    """),
    # document_list: the documents list's columns of every document, written in list order
    # (newest first), so that a page of the list reads the row groups of its own days (their
    # dates' bounds rule the others out) instead of the documents, stored in ingest order, where
    # a page's days lay in more row groups as the corpus grew (1 at 1,000 articles, 2 at 10,000).
    ("0019_document_list", """
        CREATE TABLE document_list AS """ + DOCUMENT_LIST_SQL.format(part=0, rows="documents", order=DOCUMENT_ORDER)
     + """;
    """),
    # Each document's parts as its page shows them (parley.store.parts): their ranges and
    # sentences, its highlight counts and each part's marks, so that a page of a long document
    # decodes one part's marks, not all of them. Laid out in Python by the derive step (and by
    # `parley serve` for a database from before the table).
    ("0020_document_parts", """
        CREATE TABLE document_parts (
            doc_id VARCHAR PRIMARY KEY, ranges VARCHAR USING COMPRESSION uncompressed,
            counts VARCHAR USING COMPRESSION uncompressed, marks VARCHAR[] USING COMPRESSION uncompressed
        );
    """),
    # The parts hold every document's marks with their event evidence (a page is one read); the
    # first layout held only long documents' marks, without evidence: laid out again by `parley
    # serve` or the next derive step (every document without a row).
    ("0021_document_parts_evidence", """
        DELETE FROM document_parts;
    """),
    # An actor's map as the page draws it: its MAP_PLACES places with most events, each grouped
    # with its events by type (map_places), where the row held every counted row of every place
    # (2,400 rows for the most mentioned actor at 10,000 articles, grouped in Python per request).
    # Made again empty, like 0016: `parley serve` and the next derive step fill every actor's row.
    ("0022_actor_overview_map", """
        DELETE FROM actor_overview;
        ALTER TABLE actor_overview RENAME COLUMN places TO map_places;
    """),
    # The LSH bands of every stored signature (parley.ingest.dedup: 10 bands of 6 values, 24
    # bytes each), in the order the documents were stored: an ingest looks up a batch's bands
    # here instead of loading every stored signature into an index in memory, which grew with
    # the corpus (3.8 KB a document). Every stored document with a signature has its bands, near
    # duplicates too (an ingest's own index held those as well: a copy of a copy links to the
    # first copy's original).
    ("0023_near_duplicate_bands", """
        CREATE SEQUENCE near_duplicate_order;
        CREATE TABLE near_duplicate_bands (band UTINYINT NOT NULL, key BLOB NOT NULL, doc_id VARCHAR NOT NULL,
                                           seq BIGINT NOT NULL);
        INSERT INTO near_duplicate_bands
            SELECT b, minhash[b * 24 + 1:b * 24 + 24], id, seq
            FROM (SELECT id, minhash, nextval('near_duplicate_order') AS seq
                  FROM (SELECT id, minhash FROM documents WHERE octet_length(minhash) = 256 ORDER BY rowid)),
                 range(10) AS bands(b)
            ORDER BY seq, b;
    """),
    # Each word-index row with its document's whole-number key (DOC_KEY_SQL): a search of two
    # words intersects their documents on the keys, where joining the ids (strings) cost two
    # thirds more on 20,000 articles. The rows are copied in their order (sorted by word).
    ("0024_document_terms_keys", """
        CREATE TABLE document_terms_keyed (term UBIGINT NOT NULL, published DATE, doc_id VARCHAR NOT NULL,
                                           doc_key UBIGINT NOT NULL);
        INSERT INTO document_terms_keyed SELECT term, published, doc_id, """ + DOC_KEY_SQL.format(id="doc_id") + """
            FROM document_terms;
        DROP TABLE document_terms;
        ALTER TABLE document_terms_keyed RENAME TO document_terms;
    """),
]

SCHEMA_VERSION = len(MIGRATIONS)


def applied_migrations(conn: duckdb.DuckDBPyConnection) -> list[str]:
    """Return the names of the migrations already applied, in order."""
    conn.execute("CREATE TABLE IF NOT EXISTS schema_migrations "
                 "(name VARCHAR PRIMARY KEY, applied_at TIMESTAMP DEFAULT current_timestamp)")
    return [row[0] for row in conn.execute("SELECT name FROM schema_migrations ORDER BY name").fetchall()]


def migrate(conn: duckdb.DuckDBPyConnection) -> list[str]:
    """Apply every migration not yet applied; return the names applied now.

    :param conn: a writable connection.
    """
    done = set(applied_migrations(conn))
    applied = []
    for name, sql in MIGRATIONS:
        if name in done:
            continue
        conn.execute("BEGIN TRANSACTION")
        try:
            conn.execute(sql)
            conn.execute("INSERT INTO schema_migrations (name) VALUES (?)", [name])
            conn.execute("COMMIT")
        except Exception:
            conn.execute("ROLLBACK")
            raise
        applied.append(name)
    return applied
