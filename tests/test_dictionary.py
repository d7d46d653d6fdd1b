"""The data dictionary is generated from the schema and committed; they must agree."""

from __future__ import annotations

from parley.dictionary import load_descriptions, render, schema_columns
from conftest import REPO


def test_dictionary_committed_file_matches_schema():
    committed = (REPO / "docs" / "data-dictionary.md").read_text(encoding="utf-8")
    assert committed == render(), "run `python -m parley.dictionary > docs/data-dictionary.md`"


def test_dictionary_describes_every_table_and_column():
    descriptions = load_descriptions()
    missing = [f"{table}.{column}" for table, columns in schema_columns().items()
               for column, _ in columns if not descriptions.get(table, {}).get(column)]
    assert missing == []
