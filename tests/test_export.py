"""Exports round-trip: every format written from the seeds' database and read back (issue 9)."""

from __future__ import annotations

import csv
import json

import duckdb
import jsonschema
import pyarrow.csv as pacsv
import pyarrow.parquet as pq
import pytest

from parley.export import export, gdelt_columns
from parley.store.tables import exportable_tables
from parley.store import connection

SCHEMA = json.loads((__import__("conftest").REPO / "parley" / "data" / "plover_record.schema.json").read_text())
KEYS = {"documents": "id", "events": "event_id", "actors": "id", "mentions": "doc_id", "meetings": "id",
        "claims": "doc_id", "processes": "id"}


@pytest.fixture(scope="module")
def stored(seeds_db):
    with connection(seeds_db, read_only=True) as conn:
        tables = exportable_tables(conn)
        counts = {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}
        keys = {t: sorted(map(str, (r[0] for r in conn.execute(f'SELECT "{k}" FROM "{t}"').fetchall())))
                for t, k in KEYS.items()}
    return tables, counts, keys


@pytest.mark.parametrize("fmt", ["parquet", "csv", "jsonl"])
def test_export_tables_round_trip(tmp_path, seeds_db, stored, fmt):
    tables, counts, keys = stored
    written = export(seeds_db, fmt, tmp_path)
    assert sorted(p.stem for p in written) == sorted(tables)
    for path in written:
        table = path.stem
        if fmt == "parquet":
            data = pq.read_table(path)
            rows, names = data.num_rows, data.column_names
            column = data.column(KEYS[table]).to_pylist() if table in KEYS else None
        elif fmt == "csv":
            if counts[table] == 0:
                continue
            data = pacsv.read_csv(path)
            rows, names = data.num_rows, data.column_names
            column = data.column(KEYS[table]).to_pylist() if table in KEYS else None
        else:
            records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
            rows, names = len(records), list(records[0]) if records else []
            column = [r[KEYS[table]] for r in records] if table in KEYS else None
        assert rows == counts[table], table
        assert "minhash" not in names
        if column is not None:
            assert sorted(map(str, column)) == keys[table], table
    # DuckDB reads the Parquet export as it reads the database
    if fmt == "parquet":
        n = duckdb.sql(f"SELECT count(*) FROM read_parquet('{tmp_path / 'events.parquet'}')").fetchall()[0][0]
        assert n == counts["events"] > 0


def test_export_plover_validates_against_schema(tmp_path, seeds_db, stored):
    _, counts, keys = stored
    (path,) = export(seeds_db, "plover", tmp_path / "events.jsonl")
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert len(records) == counts["events"] > 0
    assert sorted(r["id"] for r in records) == keys["events"]
    for record in records:
        jsonschema.validate(record, SCHEMA)
        assert record["event"] == [record["event_type"]]
        assert record["text"] and record["text_info"]["text_story"]


def test_export_plover_rejects_a_broken_record():
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"id": "x", "date": "2024-01-25", "actor": [], "event": ["CHAT"]}, SCHEMA)


def test_export_gdelt_has_the_61_columns_in_order(tmp_path, seeds_db, stored):
    _, counts, _ = stored
    reference = [row["tableId"] for row in csv.DictReader(
        open(__import__("conftest").SHARED / "reference" / "gdelt2_events_columns.csv", encoding="utf-8"))]
    assert list(gdelt_columns()) == reference and len(reference) == 61
    (path,) = export(seeds_db, "gdelt", tmp_path / "events.tsv")
    rows = list(csv.reader(path.open(encoding="utf-8"), delimiter="\t"))
    assert len(rows) == counts["events"] and all(len(r) == 61 for r in rows)
    # read the way GDELT scripts do: header-less TSV with the published column names
    frame = duckdb.sql(f"SELECT * FROM read_csv('{path}', delim='\\t', header=false, "
                       f"names={reference!r}, all_varchar=true)").df()
    assert list(frame.columns) == reference
    assert frame["GLOBALEVENTID"].str.isdigit().all()
    assert frame["EventRootCode"].str.len().eq(2).all()
    assert frame["QuadClass"].isin(["1", "2", "3", "4"]).all()
    assert (frame["SQLDATE"].dropna().str.len() == 8).all()


def test_export_unknown_format_is_a_clear_error(cli, seeds_db, tmp_path):
    result = cli("export", "--format", "xml", "--out", tmp_path / "x", "--db", seeds_db)
    assert result.exit_code == 1 and "unknown format 'xml'" in result.output


def test_export_api_tables_as_pandas_and_arrow(seeds_db, stored):
    from parley import Database

    _, counts, _ = stored
    db = Database(seeds_db)
    assert len(db.table("events")) == counts["events"]
    assert db.table("actors", arrow=True).num_rows == counts["actors"]
