"""Ingest: read inputs, clean them into documents, find near-duplicates.

This package never touches the database; ``parley.engine`` drives it into the store.

Example::

    from parley.ingest import iter_records, prepare, Rejected

    for item in iter_records(["corpus/"], manifest="corpus/manifest.csv"):
        doc = prepare(item) if not isinstance(item, Rejected) else item
"""

from parley.ingest.clean import BoilerplateFilter, clean_text, load_boilerplate, prepare
from parley.ingest.dedup import NearDuplicateIndex
from parley.ingest.lang import is_english
from parley.ingest.readers import DEFAULT_MAX_BYTES, Manifest, expand_paths, iter_records
from parley.ingest.records import REJECT_REASONS, Record, Rejected, parse_date

__all__ = [
    "DEFAULT_MAX_BYTES", "REJECT_REASONS", "BoilerplateFilter", "Manifest", "NearDuplicateIndex",
    "Record", "Rejected", "clean_text", "expand_paths", "is_english", "iter_records",
    "load_boilerplate", "parse_date", "prepare",
]
