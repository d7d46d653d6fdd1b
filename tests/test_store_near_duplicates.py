"""Near duplicates found through the stored LSH bands (table near_duplicate_bands, migration 0023)
give the links an index of every document in memory gave, however the input is split into runs."""

from __future__ import annotations

from pathlib import Path

from parley.engine import ingest
from parley.ingest.dedup import LSH_BANDS, LSH_ROWS, NearDuplicateIndex
from parley.store import connection
from parley.store.schema import MIGRATIONS

SAMPLE = Path(__file__).resolve().parents[1] / "parley" / "data" / "sample"


def _links(db: Path) -> dict[str, str | None]:
    with connection(db, read_only=True) as conn:
        return {Path(source).name: (Path(original).name if original else None) for source, original in conn.execute(
            "SELECT d.source, o.source FROM documents d LEFT JOIN documents o ON o.id = d.duplicate_of").fetchall()}


def _bands(db: Path) -> list[tuple]:
    with connection(db, read_only=True) as conn:
        return conn.execute("SELECT doc_id, band, key FROM near_duplicate_bands ORDER BY seq, band").fetchall()


def test_near_duplicate_bands_are_the_lsh_bands_datasketch_uses():
    index = NearDuplicateIndex()
    assert (index._lsh.b, index._lsh.r) == (LSH_BANDS, LSH_ROWS)


def test_near_duplicates_link_alike_in_one_run_in_small_batches_and_in_one_run_per_file(tmp_path):
    files = sorted(str(p) for p in SAMPLE.glob("*.txt"))
    one_run = tmp_path / "one.duckdb"
    ingest(files, one_run, stages=())
    small_batches = tmp_path / "small.duckdb"
    ingest(files, small_batches, stages=(), batch_size=1)   # an original is stored before its copy is read
    per_file = tmp_path / "per-file.duckdb"
    for path in files:
        ingest([path], per_file, stages=())
    links = _links(one_run)
    assert links["article-14.txt"] == "article-13.txt"
    assert sum(original is not None for original in links.values()) == 1
    assert _links(small_batches) == links and _links(per_file) == links
    # every stored signature's ten bands, in the order the documents were stored
    bands = _bands(one_run)
    with connection(one_run, read_only=True) as conn:
        signed = [r[0] for r in conn.execute(
            "SELECT id FROM documents WHERE octet_length(minhash) = 256 ORDER BY rowid").fetchall()]
    assert [doc_id for doc_id, band, _ in bands if band == 0] == signed
    assert len(bands) == LSH_BANDS * len(signed) and all(len(key) == LSH_ROWS * 4 for _, _, key in bands)
    assert _bands(small_batches) == bands


def test_migration_gives_stored_documents_the_bands_an_ingest_writes(tmp_path):
    db = tmp_path / "p.duckdb"
    ingest(sorted(str(p) for p in SAMPLE.glob("*.txt")), db, stages=())
    written = _bands(db)
    sql = dict(MIGRATIONS)["0023_near_duplicate_bands"]
    with connection(db) as conn:
        conn.execute("DROP TABLE near_duplicate_bands; DROP SEQUENCE near_duplicate_order")
        conn.execute(sql)
    assert _bands(db) == written
    # a copy ingested now is found through the migrated bands
    copy = tmp_path / "copy.txt"
    copy.write_text((SAMPLE / "article-13.txt").read_text(encoding="utf-8").replace("said", "told reporters"),
                    encoding="utf-8")
    assert ingest([str(copy)], db, stages=()).near_duplicates == 1
    assert _links(db)["copy.txt"] == "article-13.txt"
