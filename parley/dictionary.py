"""Generate the data dictionary (``docs/data-dictionary.md``) from the live schema.

Descriptions live in ``parley/data/columns.yaml``; the column list and types come from a
freshly migrated database, so the document cannot drift from the schema (a test compares
them). Run ``python -m parley.dictionary > docs/data-dictionary.md`` after a migration.
"""

from __future__ import annotations

from pathlib import Path

from parley.export import gdelt_columns
from parley.knowledge import check, data_path, read_yaml
from parley.store import open_db

COLUMNS_PATH = data_path("columns.yaml")

# GDELT 2.0 event columns that parley fills; the others are left empty in `--format gdelt`.
GDELT_FILLED = {
    "GLOBALEVENTID": "hash of the parley event id (63-bit integer)",
    "SQLDATE": "event date (start of its interval)", "MonthYear": "event date", "Year": "event date",
    "FractionDate": "event date", "Actor1Code": "CAMEO actor code", "Actor1Name": "actor name",
    "Actor1CountryCode": "CAMEO country code", "Actor1KnownGroupCode": "IGO/NGO/rebel group code",
    "Actor1Type1Code": "sector", "Actor2Code": "CAMEO actor code of the recipient",
    "Actor2Name": "recipient name", "Actor2CountryCode": "recipient CAMEO country code",
    "Actor2KnownGroupCode": "recipient group code", "Actor2Type1Code": "recipient sector",
    "IsRootEvent": "1 when a mention is in a document's first sentence", "EventCode": "CAMEO code",
    "EventBaseCode": "CAMEO base code", "EventRootCode": "CAMEO root code",
    "QuadClass": "from the CAMEO codebook", "GoldsteinScale": "from the CAMEO codebook",
    "NumMentions": "sentences reporting the event", "NumSources": "distinct outlets",
    "NumArticles": "documents", "ActionGeo_Type": "1 country, 4 city or place",
    "ActionGeo_FullName": "place name at the event date", "ActionGeo_CountryCode": "FIPS 10-4 code",
    "ActionGeo_Lat": "latitude", "ActionGeo_Long": "longitude", "ActionGeo_FeatureID": "GeoNames id",
    "DATEADDED": "when the first reporting document was stored", "SOURCEURL": "first document's URL or path",
}


def load_descriptions(path: Path = COLUMNS_PATH) -> dict[str, dict[str, str]]:
    """Return ``{table: {column: description}}``; the key ``_`` describes the table.

    :raises parley.knowledge.KnowledgeError: when a description is not text, with its line.
    """
    return check(read_yaml(path), {str: {str: str}})


def schema_columns() -> dict[str, list[tuple[str, str]]]:
    """Return ``{table: [(column, type), ...]}`` of a freshly migrated database."""
    conn = open_db(":memory:")
    try:
        out: dict[str, list[tuple[str, str]]] = {}
        for table, column, kind in conn.execute(
                "SELECT table_name, column_name, data_type FROM information_schema.columns "
                "WHERE table_schema = 'main' AND table_name <> 'schema_migrations' "
                "ORDER BY table_name, ordinal_position").fetchall():
            out.setdefault(table, []).append((column, kind))
        return out
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
    lines += [f"| {c} | {GDELT_FILLED.get(c, 'empty: parley has no value')} |" for c in gdelt_columns()]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(render(), end="")
