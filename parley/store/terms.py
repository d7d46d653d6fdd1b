"""A word index of the stored documents, so that a search reads a few rows instead of every text.

``document_terms`` (schema migration ``0008_document_terms``) holds one row per distinct word
of a document's title and text: the word's 64-bit hash, the document's publication date, its id
and a whole number for the id (``doc_key``, migration ``0024_document_terms_keys``), on which a
search of several words intersects their documents. Words are runs of letters and digits,
lower-cased, of at least :data:`MIN_CHARS` characters, split the same way (in DuckDB, by
:data:`WORDS`) for documents and for queries.

The table is kept **sorted by hash**, so that DuckDB's zone maps (each row group's smallest
and largest value) let a lookup read the one or two row groups holding a word, whatever the
size of the corpus: searching "ceasefire" reads a few thousand rows of a table of millions.
New documents' words are appended (sorted among themselves) by the derive step; when the
appended rows reach :data:`UNSORTED_SHARE` of the sorted ones, the whole table is sorted
again, so each row is re-sorted only a few times over the life of a database.

A search finds the documents holding *every* word of the query, newest first
(:func:`search_documents`): whole words, not substrings ("cease" does not find "ceasefire").
"""

from __future__ import annotations

import re

import duckdb

from parley.store.schema import DOC_KEY_SQL

MIN_CHARS = 2
UNSORTED_SHARE = 0.5
# a text's words: lower-cased runs of letters and digits (RE2 classes), as a list
WORDS = r"string_split_regex(lower({text}), '[^\p{{L}}\p{{N}}]+')"
SORTED_ROWS = "terms_sorted_rows"     # summary_state: rows at the head of the table in hash order
DOCS_PER_PASS = 2000                  # a full rebuild splits this many documents' texts at a time
ROWS_PER_SORT = 1_000_000             # rows sorted at a time when the table is sorted again
# WORDS for a text of ASCII characters alone, where letters and digits are [a-z0-9] once lower-cased
_ASCII_SPLIT = re.compile(r"[^a-z0-9]+")


def _insert_terms(conn: duckdb.DuckDBPyConnection, doc_ids_sql: str, params: list) -> None:
    words = WORDS.format(text="coalesce(title, '') || ' ' || text")
    conn.execute(f"""
        INSERT INTO document_terms
        SELECT term, published, id, {DOC_KEY_SQL.format(id="id")} FROM (
            SELECT DISTINCT hash(word) AS term, published, id FROM (
                SELECT id, published, unnest({words}) AS word FROM documents WHERE id IN ({doc_ids_sql}))
            WHERE length(word) >= {MIN_CHARS})
        ORDER BY term""", params)


def add_terms(conn: duckdb.DuckDBPyConnection, doc_ids_sql: str, params: list | None = None) -> None:
    """Index the words of the documents whose ids ``doc_ids_sql`` selects (documents stored since
    the last derive step); sort the whole table again when enough rows sit unsorted at its end.

    :param doc_ids_sql: a query giving document ids, e.g. ``"SELECT id FROM documents WHERE ..."``.
    :param params: its parameters.
    """
    _insert_terms(conn, doc_ids_sql, params or [])
    total = conn.execute("SELECT count(*) FROM document_terms").fetchone()[0]
    found = conn.execute("SELECT value FROM summary_state WHERE name = ?", [SORTED_ROWS]).fetchone()
    sorted_rows = int(found[0]) if found and found[0] else 0
    if total - sorted_rows > UNSORTED_SHARE * sorted_rows:
        _sort(conn, total)


def rebuild_terms(conn: duckdb.DuckDBPyConnection) -> None:
    """Index every stored document's words again, a few thousand documents at a time, then sort."""
    conn.execute("DELETE FROM document_terms")
    ids = [i for (i,) in conn.execute("SELECT id FROM documents ORDER BY id").fetchall()]
    for first in range(0, len(ids), DOCS_PER_PASS):
        _insert_terms(conn, "SELECT unnest(?::VARCHAR[])", [ids[first:first + DOCS_PER_PASS]])
    _sort(conn, conn.execute("SELECT count(*) FROM document_terms").fetchone()[0])


def _sort(conn: duckdb.DuckDBPyConnection, total: int) -> None:
    # Sorting the whole table at once held it all in memory (a 40,000-article corpus's 12 million
    # rows took the writer past its budget). The hashes are spread evenly over 64 bits, so the
    # table is sorted one range of hashes at a time, each range about ROWS_PER_SORT rows, and the
    # ranges are appended in order: the table ends up sorted all the same. The copy it is read
    # from is a table in the database file (a temporary table would be held in memory).
    conn.execute("CREATE OR REPLACE TABLE _terms_unsorted AS SELECT * FROM document_terms")
    conn.execute("DELETE FROM document_terms")
    ranges = max(1, -(-total // ROWS_PER_SORT))
    bounds = [n * (2 ** 64 // ranges) for n in range(ranges)] + [2 ** 64]
    for low, high in zip(bounds, bounds[1:]):
        below = f" AND term < {high}" if high < 2 ** 64 else ""
        conn.execute(f"INSERT INTO document_terms SELECT * FROM _terms_unsorted "
                     f"WHERE term >= {low}{below} ORDER BY term")
    conn.execute("DROP TABLE _terms_unsorted")
    conn.execute("INSERT OR REPLACE INTO summary_state VALUES (?, ?)", [SORTED_ROWS, str(total)])


def query_terms(conn: duckdb.DuckDBPyConnection, text: str) -> list[int]:
    """The hashes of the distinct words of ``text``, split as documents are."""
    return [h for (h,) in conn.execute(
        f"SELECT DISTINCT hash(word) FROM (SELECT unnest({WORDS.format(text='?')}) AS word) "
        f"WHERE length(word) >= {MIN_CHARS} ORDER BY 1", [text]).fetchall()]


def ascii_words(text: str) -> list[str] | None:
    """The distinct words of ``text`` split as :data:`WORDS` splits them, when ``text`` is ASCII
    (Python's and DuckDB's lower-casing and letter classes agree there); None otherwise."""
    if not text.isascii():
        return None
    return sorted({w for w in _ASCII_SPLIT.split(text.lower()) if len(w) >= MIN_CHARS})


def search_documents(conn: duckdb.DuckDBPyConnection, text: str, limit: int = 20) -> list[str]:
    """The ids of the ``limit`` newest documents holding every word of ``text`` (none if it has no word)."""
    words = ascii_words(text)
    # the hashes as constants, not a parameter: DuckDB compares constants with each row
    # group's zone map and skips the row groups that cannot hold them. An ASCII query's words
    # are split here and hashed in the search's own statement (hash of a constant is folded
    # into one; the words are letters and digits, safe between quotes).
    if words is not None:
        hashes = [f"hash('{w}')" for w in words]
    else:
        hashes = [str(int(t)) for t in query_terms(conn, text)]
    if not hashes:
        return []
    # one word's rows, newest first; with more words, only the documents each other word's rows
    # name too (semi-joins: a grouping of every row of every word cost a third more, 2.4 against
    # 2.0 ms for two words on 10,000 articles; 1.4 against 0.9 ms for one), joined on the
    # documents' whole-number keys (on the ids, strings, 2.5 against 1.5 ms on 20,000 articles)
    try:
        return _search(conn, hashes, limit, "doc_key")
    except duckdb.BinderException:
        return _search(conn, hashes, limit, "doc_id")     # a file from before the keys, served read-only


def _search(conn: duckdb.DuckDBPyConnection, hashes: list[str], limit: int, key: str) -> list[str]:
    others = "".join(f" AND {key} IN (SELECT {key} FROM document_terms WHERE term = {h})" for h in hashes[1:])
    return [doc_id for (doc_id,) in conn.execute(
        f"SELECT doc_id FROM document_terms WHERE term = {hashes[0]}{others} "
        f"ORDER BY published DESC NULLS LAST, doc_id LIMIT {int(limit)}").fetchall()]
