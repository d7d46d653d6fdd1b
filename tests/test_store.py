"""The store: migrations, transactional writes, reads."""

from __future__ import annotations

from datetime import date

import duckdb
import pytest

from parley.document import Document, Sentence
from parley.store import open_db, queries, transaction, writes
from parley.store.schema import MIGRATIONS, applied_migrations


def _doc(text: str, **fields) -> Document:
    doc = Document.from_text(text, **fields)
    doc.sentences = [Sentence(0, 0, len(text), text)]
    doc.mentions = [{"text": "Iran", "char_start": 0, "char_end": 4, "sentence": 0, "actor_id": "IRN",
                     "country": "IRN", "sector": "GOV", "cameo": "IRNGOV", "via": "kb", "confidence": 1.0,
                     "actor": {"id": "IRN", "name": "Iran", "aliases": ["Iran"], "source": "kb"}}]
    doc.times = [{"text": "Tuesday", "char_start": 10, "char_end": 17, "sentence": 0,
                  "start": "2024-01-23", "end": "2024-01-23", "precision": "day"}]
    return doc


def _store(conn, docs) -> int:
    """Store ``(document, duplicate_of, minhash)`` triples as the ingest writer does."""
    writes.upsert_actors(conn, writes.new_actors(doc for doc, _, _ in docs))
    return writes.write_tables(conn, writes.document_tables(docs))


def test_store_migrations_apply_once_in_order(db_path):
    conn = open_db(db_path)
    assert applied_migrations(conn) == sorted(name for name, _ in MIGRATIONS)
    conn.close()
    conn = open_db(db_path)  # re-opening applies nothing new
    assert len(applied_migrations(conn)) == len(MIGRATIONS)


def test_store_writes_document_with_spans_and_reads_it_back(db_path):
    conn = open_db(db_path)
    doc = _doc("Iran met Russia on Tuesday.", title="Talks", published=date(2024, 1, 24), source="a.txt")
    with transaction(conn):
        _store(conn, [(doc, None, None)])
    record = queries.get_document(conn, doc.id)
    assert record["title"] == "Talks" and record["published"] == "2024-01-24"
    assert record["text"] == doc.text
    assert queries.count(conn, "mentions") == 1 and queries.count(conn, "times") == 1
    assert conn.execute("SELECT start FROM times").fetchone()[0] == date(2024, 1, 23)
    assert conn.execute("SELECT name FROM actors WHERE id = 'IRN'").fetchone()[0] == "Iran"


def test_store_failed_transaction_leaves_nothing(db_path):
    conn = open_db(db_path)
    doc = _doc("Iran met Russia on Tuesday.")
    with pytest.raises(duckdb.ConstraintException):
        with transaction(conn):
            _store(conn, [(doc, None, None), (doc, None, None)])
    assert queries.count(conn, "documents") == 0 and queries.count(conn, "mentions") == 0


def test_store_documents_stored_meanwhile_are_left_out(db_path):
    """Another ingest may store a document after this one read the store: writing it again
    stores nothing twice and counts only what is new."""
    conn = open_db(db_path)
    first, second = _doc("Iran met Russia on Tuesday."), _doc("Iran met Jordan on Tuesday.")
    with transaction(conn):
        assert _store(conn, [(first, None, None)]) == 1
    with transaction(conn):
        assert _store(conn, [(first, None, None), (second, None, None)]) == 1
    assert queries.count(conn, "documents") == 2
    assert queries.count(conn, "mentions") == 2 and queries.count(conn, "times") == 2


@pytest.mark.parametrize("ids", [["IRN"], ["IRN", "IRN"]])
def test_store_upsert_actors_merges_aliases(db_path, ids):
    conn = open_db(db_path)
    writes.upsert_actors(conn, [{"id": i, "name": "Iran", "aliases": ["Iran"]} for i in ids])
    writes.upsert_actors(conn, [{"id": "IRN", "name": "Iran", "aliases": ["Tehran"]}])
    stored = queries.rows(conn, "SELECT * FROM actors")
    assert len(stored) == 1 and stored[0]["aliases"] == ["Iran", "Tehran"]


def test_store_quarantine_is_idempotent(db_path):
    conn = open_db(db_path)
    for _ in range(2):
        writes.write_quarantine(conn, "bad.jsonl", 3, "bad_json", "bad.jsonl:3: not JSON")
    assert [r["id"] for r in queries.list_quarantine(conn)] == ["bad.jsonl:3"]


def test_store_read_only_open_of_missing_file_says_so(tmp_path):
    from parley.store import DatabaseNotFound

    with pytest.raises(DatabaseNotFound, match="no such database"):
        open_db(tmp_path / "missing.duckdb", read_only=True)
