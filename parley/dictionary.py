"""Generate the data dictionary (``docs/data-dictionary.md``) from the live schema.

Descriptions live in ``parley/data/columns.yaml``; the column list and types come from a
freshly migrated database, so the document cannot drift from the schema (a test compares
them). Run ``python -m parley.dictionary > docs/data-dictionary.md`` after a migration.
"""

from __future__ import annotations

from pathlib import Path

from parley.export import GDELT_COLUMNS_PATH
from parley.knowledge import check, data_path, read_tsv, read_yaml
from parley.store import open_db, tables

COLUMNS_PATH = data_path("columns.yaml")

def load_descriptions(path: Path = COLUMNS_PATH) -> dict[str, dict[str, str]]:
    """Return ``{table: {column: description}}``; the key ``_`` describes the table.

    :raises parley.knowledge.KnowledgeError: when a description is not text, with its line.
    """
    return check(read_yaml(path), {str: {str: str}})


def gdelt_values(path: Path = GDELT_COLUMNS_PATH) -> list[tuple[str, str]]:
    """Return ``[(GDELT column, what parley writes in it), ...]`` in GDELT's column order."""
    return [(row["column"], row["parley_value"] or "empty: parley has no value")
            for row in read_tsv(path, ("column", "parley_value"))]


def schema_columns() -> dict[str, list[tuple[str, str]]]:
    """Return ``{table: [(column, type), ...]}`` of a freshly migrated database."""
    conn = open_db(":memory:")
    try:
        return tables.schema_columns(conn)
    finally:
        conn.close()


def render() -> str:
    """Return the data dictionary as Markdown."""
    descriptions = load_descriptions()
    lines = ["# parley data dictionary", "",
             "Generated from the schema by `python -m parley.dictionary`; do not edit by hand.",
             "Every export format (`parley export --format parquet|csv|jsonl`) writes these tables",
             "with these columns (the internal `documents.minhash` is left out).", ""]
    for table, columns in schema_columns().items():
        described = descriptions.get(table, {})
        lines += [f"## {table}", "", described.get("_", ""), "", "| column | type | description |",
                  "| --- | --- | --- |"]
        lines += [f"| {column} | {kind} | {described.get(column, '')} |" for column, kind in columns]
        lines.append("")
    lines += ["## GDELT 2.0 event table (`--format gdelt`)", "",
              "Tab-separated, no header, the 61 columns of GDELT 2.0's event table in order.",
              "Columns parley has no value for are left empty.", "",
              "| column | parley value |", "| --- | --- |"]
    lines += [f"| {column} | {value} |" for column, value in gdelt_values()]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(render(), end="")
