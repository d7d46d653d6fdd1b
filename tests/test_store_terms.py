"""The word index that search reads (parley.store.terms): it finds exactly the documents that
hold every word of the query, newest first, and stays sorted as documents arrive."""

from __future__ import annotations

import re

import duckdb
import pytest
from test_web_fixtures import XSS_ID, web_database

from parley.store import connection
from parley.store.queries import search
from parley.store.terms import SORTED_ROWS, add_terms, query_terms, search_documents


@pytest.fixture(scope="module")
def docs() -> list[dict]:
    with connection(web_database(), read_only=True) as conn:
        return [dict(zip(("id", "published", "words"), (i, p, set(re.findall(r"[^\W_]+", f"{t or ''} {x}".lower())))))
                for i, p, t, x in conn.execute("SELECT id, published, title, text FROM documents").fetchall()]


def _expected(docs: list[dict], query: str, limit: int = 1000) -> list[str]:
    words = {w for w in re.findall(r"[^\W_]+", query.lower()) if len(w) >= 2}
    hits = [d for d in docs if words and words <= d["words"]]
    hits.sort(key=lambda d: d["id"])
    hits.sort(key=lambda d: (d["published"] is None, d["published"] and -d["published"].toordinal()))
    return [d["id"] for d in hits][:limit]


@pytest.mark.parametrize("query", ["Astana", "talks resume", "Turkey, Iran", "round ASTANA talks", "ceasefire",
                                   "zzzunheardofword", "a", "!!", "the talks in Astana", "Astana zzzunheardofword",
                                   "talks Genève", "Genève"])
def test_terms_search_finds_the_documents_holding_every_word(docs, query):
    with connection(web_database(), read_only=True) as conn:
        assert search_documents(conn, query, limit=1000) == _expected(docs, query)


def test_terms_search_is_whole_words_and_newest_first(docs):
    with connection(web_database(), read_only=True) as conn:
        found = search_documents(conn, "astana", limit=1000)
        hostile = conn.execute("SELECT id FROM documents WHERE source_id = ?", [XSS_ID]).fetchone()[0]
        assert hostile in found and len(found) > 3              # the hostile record names Astana twice
        assert search_documents(conn, "astan", limit=1000) == []   # a word's start is not the word
        dates = [next(d["published"] for d in docs if d["id"] == i) for i in found]
        dated = [d for d in dates if d]
        assert dated == sorted(dated, reverse=True)
        assert search_documents(conn, "astana", limit=2) == found[:2]
        assert query_terms(conn, "Astana, ASTANA astana") == query_terms(conn, "astana")


def test_terms_search_page_lists_the_matching_documents(docs):
    with connection(web_database(), read_only=True) as conn:
        result = search(conn, "Astana talks")
    assert [d["id"] for d in result["documents"]] == _expected(docs, "Astana talks", limit=20)
    assert all(set(d) == {"id", "title", "outlet", "published"} for d in result["documents"])


def test_terms_table_sorted_after_appends(tmp_path):
    """Appended documents are found at once; past the unsorted share the table is sorted again."""
    conn = duckdb.connect(str(tmp_path / "t.duckdb"))
    from parley.store.schema import migrate

    migrate(conn)
    texts = {f"d{n}": f"Envoys met in city{n} on day {n}. Common words here." for n in range(30)}
    for n, (doc_id, text) in enumerate(texts.items()):
        conn.execute("INSERT INTO documents (id, content_hash, text, published) VALUES (?, ?, ?, ?)",
                     [doc_id, doc_id, text, f"2020-01-{n % 28 + 1:02d}"])
        add_terms(conn, "SELECT ?", [doc_id])
        assert search_documents(conn, f"city{n}") == [doc_id]
    terms = conn.execute("SELECT term FROM document_terms").fetchall()
    sorted_rows = int(conn.execute("SELECT value FROM summary_state WHERE name = ?", [SORTED_ROWS]).fetchone()[0])
    assert 0 < sorted_rows <= len(terms) and terms[:sorted_rows] == sorted(terms[:sorted_rows])
    assert len(terms) - sorted_rows <= 0.5 * sorted_rows
    assert len(search_documents(conn, "common words", limit=100)) == 30


def test_terms_sorted_one_range_of_hashes_at_a_time(tmp_path, monkeypatch):
    """Sorting a few rows at a time (ranges of hashes, appended in order) leaves the whole table
    sorted, with every row kept and no scratch table left behind."""
    import parley.store.terms as terms_module

    monkeypatch.setattr(terms_module, "ROWS_PER_SORT", 40)
    conn = duckdb.connect(str(tmp_path / "t.duckdb"))
    from parley.store.schema import migrate

    migrate(conn)
    for n in range(25):
        conn.execute("INSERT INTO documents (id, content_hash, text) VALUES (?, ?, ?)",
                     [f"d{n}", f"d{n}", f"Delegates of party{n} and mediator{n * 7} resumed talks in town{n % 4}."])
    terms_module.rebuild_terms(conn)
    rows = conn.execute("SELECT term, doc_id FROM document_terms").fetchall()
    assert len(rows) > 5 * 40        # several ranges were sorted
    assert [t for t, _ in rows] == sorted(t for t, _ in rows)
    assert {d for _, d in rows} == {f"d{n}" for n in range(25)}
    assert search_documents(conn, "mediator21 talks") == ["d3"]
    assert "_terms_unsorted" not in {t for (t,) in conn.execute("SELECT table_name FROM duckdb_tables()").fetchall()}


@pytest.mark.parametrize("query", ["Astana, ASTANA astana", "talks resume", "round 2 of the Talks-in-Astana",
                                   "a", "!!", "x1 y_2", "Élysée talks", "naïve café", "İstanbul"])
def test_terms_ascii_words_hash_as_the_database_splits_them(query):
    """A query's words split in Python are those the database splits (an ASCII query), with
    the same hashes; any other query is left to the database."""
    from parley.store.terms import ascii_words

    words = ascii_words(query)
    with connection(web_database(), read_only=True) as conn:
        if words is None:
            assert not query.isascii()
        else:
            hashed = sorted(conn.execute("SELECT hash(w) FROM unnest(?::VARCHAR[]) t(w)", [words]).fetchall())
            assert [h for (h,) in hashed] == query_terms(conn, query)


def _name_queries(conn) -> list[str]:
    # pieces of the stored names and aliases, their case changed, and texts that match nothing
    names = [n for (n,) in conn.execute("SELECT name FROM actors ORDER BY id").fetchall()]
    pieces = {n[:k] for n in names[::3] for k in (1, 3)} | {n[-4:].upper() for n in names[::5]}
    return sorted(pieces) + ["talks", "astana", "n", "zzq", "\"", "ru%ia", "a_", "50%"]


def test_name_search_from_the_kept_lists_equals_the_sql():
    """Actors and processes found in the lists read once per state (parley.store.name_search)
    are those the LIKE queries find, in the same order, for pieces of every kind of name."""
    from parley.store.name_search import name_index

    with connection(web_database(), read_only=True) as conn:
        names = name_index(conn)
        queries = _name_queries(conn)
        assert len(queries) > 30
        matched = 0
        for query in queries:
            expected = search(conn, query)
            assert search(conn, query, names=names) == expected, query
            assert search(conn, query, limit=3, names=names) == search(conn, query, limit=3), query
            matched += bool(expected["actors"]) + bool(expected["processes"])
        assert matched > 30


def test_terms_keys_are_the_made_ids_numbers_and_never_shared():
    """Each row's ``doc_key`` is the number the hex digits of a made id write (an id of another
    form: a hash with the top bit set), one key per document."""
    with connection(web_database(), read_only=True) as conn:
        keys = dict(conn.execute("SELECT DISTINCT doc_id, doc_key FROM document_terms").fetchall())
    assert len(keys) > 10 and len(set(keys.values())) == len(keys)
    made = {i: k for i, k in keys.items() if re.fullmatch(r"d[0-9a-f]{15}", i)}
    assert made and all(k == int(i[1:], 16) for i, k in made.items())
    conn = duckdb.connect()
    from parley.store.schema import DOC_KEY_SQL

    for other in ("d0", "doc-1", "D0123456789ABCDE", "d0123456789abcdef"):     # not "d" and 15 lower-case hex digits
        (key,) = conn.execute(f"SELECT {DOC_KEY_SQL.format(id='i')} FROM (SELECT ? AS i)", [other]).fetchone()
        assert key >= 2 ** 63


def _without_keys(tmp_path):
    # a copy of the web tests' database as a file from before migration 0024: no doc_key
    import shutil

    old = tmp_path / "old.duckdb"
    shutil.copy(web_database(), old)
    with connection(old) as conn:       # opening to write applies every migration: undone below
        conn.execute("ALTER TABLE document_terms DROP COLUMN doc_key")
        conn.execute("DELETE FROM schema_migrations WHERE name = '0024_document_terms_keys'")
    return old


QUERIES = ["Astana", "talks resume", "Turkey, Iran", "round ASTANA talks", "the talks in Astana", "Genève talks",
           "Russia Turkey Iran", "zzzunheardofword talks"]


def test_terms_search_of_a_file_from_before_the_keys(docs, tmp_path):
    """A file from before the keys, served as it is (read-only), is searched on the ids, with the
    same answers."""
    old = _without_keys(tmp_path)
    with connection(old, read_only=True) as conn:
        for query in QUERIES:
            assert search_documents(conn, query, limit=1000) == _expected(docs, query), query


def test_terms_keys_migration_keeps_the_rows_in_their_order(tmp_path):
    """Migration 0024 (applied when the file is opened to write) gives every row its key and keeps
    the rows, in their order (sorted by word)."""
    with connection(web_database(), read_only=True) as conn:
        expected = conn.execute("SELECT term, published, doc_id, doc_key FROM document_terms").fetchall()
    old = _without_keys(tmp_path)
    with connection(old, read_only=True) as conn:
        assert "doc_key" not in {c for (c,) in conn.execute(
            "SELECT column_name FROM duckdb_columns() WHERE table_name = 'document_terms'").fetchall()}
    with connection(old) as conn:
        assert conn.execute("SELECT term, published, doc_id, doc_key FROM document_terms").fetchall() == expected
