#!/usr/bin/env python3
"""Fuzz the ingest readers and cleaning: ``python fuzz/fuzz_readers.py fuzz/corpus/readers -runs=20000``.

The first byte picks a file name suffix (and gzip), or (bit 0x40) says the rest is a manifest
for a fixed article; the rest is the file. Invariants: no exception; only records and
quarantine entries with a known reason; every record prepares into a document or a rejection.
"""

from __future__ import annotations

import gzip
import tempfile
from pathlib import Path

from _harness import SUFFIXES, run

iter_records = prepare = Record = Rejected = Document = REJECT_REASONS = None
FOLDER = Path(tempfile.mkdtemp(prefix="parley-fuzz-"))


def load() -> None:
    """Import the code under test."""
    global iter_records, prepare, Record, Rejected, Document, REJECT_REASONS
    from parley.document import Document
    from parley.ingest import REJECT_REASONS, Record, Rejected, iter_records, prepare


def check(data: bytes) -> None:
    """Write one input as a file and read it the way ``parley ingest`` does."""
    selector, body = (data[0], data[1:]) if data else (0, b"")
    suffix = SUFFIXES[selector % len(SUFFIXES)]
    if suffix.endswith(".gz") and selector & 0x80:
        body = gzip.compress(body)
    manifest = None
    if selector & 0x40:
        path = FOLDER / "article.txt"
        path.write_text("Talks in Astana\n\nRussia and Iran met in Astana on Tuesday.\n", encoding="utf-8")
        manifest = FOLDER / ("manifest.jsonl" if selector & 1 else "manifest.csv")
        manifest.write_bytes(body)
    else:
        path = FOLDER / f"input{suffix}"
        path.write_bytes(body)
    for item in iter_records([str(path)], manifest=manifest, max_bytes=64 * 1024):
        assert isinstance(item, (Record, Rejected)), item
        if isinstance(item, Rejected):
            assert item.reason in REJECT_REASONS, item
            continue
        doc = prepare(item)
        assert isinstance(doc, (Document, Rejected)), doc


if __name__ == "__main__":
    run(load, check)
