"""Whole tables: which tables and columns the schema has, a table as one SELECT, a table copied to a file.

The exports (``parley/export.py``), the Python API's ``Database.table`` and the data dictionary
(``parley/dictionary.py``) read the schema and whole tables through these, so that their SQL
lives in the store with the rest.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from parley.store.queries import rows

# Internal columns that mean nothing outside parley (MinHash signatures are binary).
INTERNAL_COLUMNS = {"documents": ("minhash",)}
# DuckDB COPY options of each table export format.
COPY_FORMATS = {"parquet": "(FORMAT parquet)", "csv": "(FORMAT csv, HEADER true)", "jsonl": "(FORMAT json)"}


def schema_columns(conn: duckdb.DuckDBPyConnection) -> dict[str, list[tuple[str, str]]]:
    """Return ``{table: [(column, type), ...]}`` of every table but the migrations' own, by table name."""
    out: dict[str, list[tuple[str, str]]] = {}
    for table, column, kind in conn.execute(
            "SELECT table_name, column_name, data_type FROM information_schema.columns "
            "WHERE table_schema = 'main' AND table_name <> 'schema_migrations' "
            "ORDER BY table_name, ordinal_position").fetchall():
        out.setdefault(table, []).append((column, kind))
    return out


def exportable_tables(conn: duckdb.DuckDBPyConnection) -> list[str]:
    """Return the names of the tables an export writes, in a stable order."""
    return [r[0] for r in conn.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' "
        "AND table_name <> 'schema_migrations' ORDER BY table_name").fetchall()]


def select_sql(conn: duckdb.DuckDBPyConnection, table: str) -> str:
    """Return the SELECT that exports ``table`` (every column but internal ones)."""
    columns = [r[0] for r in conn.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position",
        [table]).fetchall()]
    keep = [f'"{c}"' for c in columns if c not in INTERNAL_COLUMNS.get(table, ())]
    return f'SELECT {", ".join(keep)} FROM "{table}"'


def read_table(conn: duckdb.DuckDBPyConnection, table: str, arrow: bool = False):
    """``table`` (as :func:`select_sql` selects it) as a pandas DataFrame, or a pyarrow Table."""
    relation = conn.sql(select_sql(conn, table))
    return relation.to_arrow_table() if arrow else relation.df()


def copy_table(conn: duckdb.DuckDBPyConnection, table: str, target: Path, fmt: str) -> None:
    """Write ``table`` (as :func:`select_sql` selects it) to the file ``target`` in ``fmt``
    (a key of :data:`COPY_FORMATS`)."""
    path = str(target).replace("'", "''")
    conn.execute(f"COPY ({select_sql(conn, table)}) TO '{path}' {COPY_FORMATS[fmt]}")


def document_sources(conn: duckdb.DuckDBPyConnection) -> dict[str, dict]:
    """Every stored document's ``id, url, source, outlet, title, published, ingested_at``, by id
    (dates as ISO strings, as :func:`parley.store.queries.rows` gives them)."""
    return {d["id"]: d for d in rows(conn, "SELECT id, url, source, outlet, title, published, ingested_at "
                                           "FROM documents")}
