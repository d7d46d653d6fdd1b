"""Drive documents from input files through the pipeline into the store.

The engine reads records, cleans them, skips exact duplicates before any NLP work, links
near-duplicates to their original, hands batches to a runner (this process, a local pool, or
Dask; see :mod:`parley.runners`), and writes each finished batch in one short transaction, so
a crash loses at most the batches in flight and readers in other processes get the file
between batches. Anything that cannot be read or processed goes to the quarantine with its
reason; the batch goes on.
"""

from __future__ import annotations

import logging
import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator, Sequence, TextIO

from parley.derive import refresh_derived
from parley.document import content_hash
from parley.ingest import NearDuplicateIndex, Record, Rejected, iter_records, prepare
from parley.ingest.dedup import minhash_signature
from parley.pipeline import DEFAULT_PIPELINE, Pipeline
from parley.runners import make_runner
from parley.store import connection, open_db, queries, transaction, writes

log = logging.getLogger("parley")

DEFAULT_BATCH_SIZE = 32
HOLD_SECONDS = 5.0          # after a write, the writer lets go of a file held this long ...
READER_TURN_SECONDS = 0.3   # ... and stays away at least this long (readers poll every 0.2 s)
DEFAULT_MAX_CHARS = 1_000_000  # spaCy's own default max_length
_LINE_SUFFIX = re.compile(r":\d+$")  # "path:LINE" names a JSON Lines record


@dataclass
class IngestSummary:
    """What an ingest run did."""

    stored: int = 0
    unchanged_files: int = 0
    duplicates: int = 0
    near_duplicates: int = 0
    quarantined: list[Rejected] = field(default_factory=list)

    def __str__(self) -> str:
        unchanged = f"skipped {self.unchanged_files} unchanged files, " if self.unchanged_files else ""
        return (f"stored {self.stored} documents, {unchanged}skipped {self.duplicates} duplicates, "
                f"linked {self.near_duplicates} near-duplicates, quarantined {len(self.quarantined)}")

    def as_dict(self) -> dict:
        return {"stored": self.stored, "unchanged_files": self.unchanged_files, "duplicates": self.duplicates,
                "near_duplicates": self.near_duplicates,
                "quarantined": len(self.quarantined),
                "problems": [{"source": r.source, "line": r.line, "reason": r.reason, "detail": r.detail}
                             for r in self.quarantined]}


def _batches(items: Iterable, size: int) -> Iterator[list]:
    batch: list = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def ingest(paths: Sequence[str], db_path: str | Path, manifest: str | Path | None = None,
           stages: Sequence[str] = DEFAULT_PIPELINE, batch_size: int = DEFAULT_BATCH_SIZE,
           stdin: TextIO | None = None, pipeline: Pipeline | None = None,
           on_progress: Callable[[int], None] | None = None, workers: int = 1, engine: str = "local",
           scheduler: str | None = None, rescan: bool = False,
           max_chars: int = DEFAULT_MAX_CHARS, shard_dir: str | None = None,
           config: dict[str, dict] | None = None) -> IngestSummary:
    """Read ``paths`` into the database at ``db_path`` and return what happened.

    :param paths: files, folders, globs, or ``"-"`` for ``stdin``.
    :param db_path: the DuckDB file (created and migrated if needed).
    :param manifest: CSV or JSON Lines metadata keyed by file name.
    :param stages: pipeline stages to run; ``()`` stores cleaned documents only.
    :param batch_size: documents per pipeline batch and per write transaction.
    :param pipeline: a pipeline already built (saves reloading models between calls; local engine).
    :param on_progress: called with the number of inputs handled after each batch.
    :param workers: processes for the NLP stages (local engine) or Dask workers of a LocalCluster.
    :param engine: ``local`` or ``dask``.
    :param scheduler: address of a running Dask scheduler (``dask`` engine).
    :param shard_dir: a folder the Dask workers and this process share, for the workers' shards.
    :param max_chars: a longer clean text is quarantined as ``too_large`` before any NLP work.
    :param rescan: read every file, even those a finished run ingested and that have not changed since.
    :param config: per-stage settings over the defaults, e.g. ``{"parley_nlp": {"ner": "all"}}``
        for the model's entity recogniser instead of names by rule.
    """

    summary = IngestSummary()
    writer = _Writer(db_path)
    try:
        if "parley_actors" in stages:
            from parley.actors.kb import kb_actors

            writer.seed_actors(kb_actors())
        duplicates = _Duplicates(writer)
        known_files = {} if rescan else writer.read(queries.file_fingerprints)
        read_files: dict[str, tuple[int, int]] = {}

        def unchanged(path: Path) -> bool:
            stat = path.stat()
            key, fingerprint = str(path.resolve()), (stat.st_size, stat.st_mtime_ns)
            if known_files.get(key) == fingerprint:
                summary.unchanged_files += 1
                return True
            read_files[key] = fingerprint
            return False

        runner = make_runner(engine, stages, workers=workers, scheduler=scheduler, pipeline=pipeline,
                             shard_dir=shard_dir, config=config,
                             known_actors=writer.read(queries.learned_actors))

        def store(results) -> None:
            for result, (rejected, handled, keys) in results:
                rejected = rejected + result.rejected
                for item in rejected:  # a file with problems is read again next time, and reported again
                    read_files.pop(str(Path(_LINE_SUFFIX.sub("", item.source)).resolve()), None)
                summary.stored += writer.write(result, rejected)
                duplicates.stored(keys)
                summary.quarantined.extend(rejected)
                if on_progress:
                    on_progress(handled)

        with runner:
            for batch in _batches(iter_records(list(paths), manifest=manifest, stdin=stdin,
                                                   unchanged=unchanged), batch_size):
                docs, rejected = [], []
                for item in batch:
                    doc = prepare(item) if isinstance(item, Record) else item
                    if isinstance(doc, Rejected):
                        rejected.append(doc)
                        continue
                    if len(doc.text) > max_chars:
                        rejected.append(Rejected(doc.source or doc.id, None, "too_large",
                                                 f"{doc.source or doc.id}: {len(doc.text):,} characters of text, "
                                                 f"more than the {max_chars:,} a document may have"))
                        continue
                    docs.append(doc)
                triples, keys = duplicates.sort(docs, summary)
                store(runner.submit(triples, (rejected, len(batch), keys)))
            store(runner.drain())
        writer.finish(read_files)
    finally:
        writer.release()
    return summary


DERIVED_TABLES = ("events", "meetings", "processes", "claim_groups")


def rebuild(db_path: str | Path) -> dict[str, int]:
    """Rebuild every table derived across documents from the stored rows, in one transaction.

    An ingest rebuilds events only for the clustering blocks that gained mentions; after an
    upgrade that changes how events cluster, this brings every event up to the new rules.

    :param db_path: an existing database file.
    :returns: the rows now in each derived table, by table name.
    """
    with connection(db_path) as conn, transaction(conn):
        refresh_derived(conn, full=True)
        return {table: queries.count(conn, table) for table in DERIVED_TABLES}


class _Duplicates:
    """Exact and near duplicates, among the stored documents (looked up in the database a batch
    at a time: their content hashes and LSH bands) and among this run's documents not yet stored
    (held in memory until their batch is written, a few batches). What this process holds no
    longer grows with the database; a document whose batch was rejected is forgotten with it,
    so a later copy of it is stored rather than linked to a document that was not."""

    def __init__(self, writer: "_Writer"):
        self.writer = writer
        self.near = NearDuplicateIndex()    # this run's documents in flight
        self.hashes: set[str] = set()

    def sort(self, docs: list, summary: IngestSummary) -> tuple[list[tuple], tuple[list[str], list[str]]]:
        """Drop exact duplicates of ``docs`` (counted in ``summary``), link near duplicates to their
        original; return ``(document, original, signature)`` for the rest, and the keys to
        forget once their batch is stored (:meth:`stored`)."""
        digests = [content_hash(doc.text) for doc in docs]
        stored = self.writer.read(lambda conn: queries.stored_among_hashes(conn, digests)) if docs else set()
        fresh = [(doc, digest) for doc, digest in zip(docs, digests) if digest not in stored]
        minhashes = [self.near.minhash(doc.text) for doc, _ in fresh]
        signatures = [minhash_signature(minhash) for minhash in minhashes]
        candidates = self.writer.read(lambda conn: queries.near_duplicate_candidates(conn, signatures)) \
            if fresh else []
        summary.duplicates += len(docs) - len(fresh)
        triples, digests, ids = [], [], []
        for (doc, digest), minhash, signature, found in zip(fresh, minhashes, signatures, candidates):
            if digest in self.hashes:
                summary.duplicates += 1
                continue
            self.hashes.add(digest)
            original = self.near.add_minhash(doc.id, minhash, found)
            summary.near_duplicates += original is not None
            triples.append((doc, original, signature))
            digests.append(digest)
            ids.append(doc.id)
        return triples, (digests, ids)

    def stored(self, keys: tuple[list[str], list[str]]) -> None:
        """Forget a written batch's documents: the database answers for them now."""
        digests, ids = keys
        self.hashes.difference_update(digests)
        self.near.forget(ids)


class _Writer:
    """The one writer. It keeps the database open for a few seconds at a time, then lets go
    briefly so that readers in other processes (which retry while it is held) get their turn:
    reopening the file for every batch cost more than the inserts themselves."""

    def __init__(self, db_path: str | Path, hold_seconds: float = HOLD_SECONDS):
        self.db_path = db_path
        self.hold_seconds = hold_seconds
        self.conn = None
        self.opened = 0.0
        self.released = 0.0
        open_db(db_path).close()  # create and migrate up front

    def _connection(self):
        if self.conn is None:
            wait = READER_TURN_SECONDS - (time.monotonic() - self.released)
            if wait > 0:
                time.sleep(wait)
            self.conn = open_db(self.db_path)
            self.opened = time.monotonic()
        return self.conn

    def _maybe_release(self) -> None:
        # let go right after a write once held long enough: readers then get the file
        # while this process works on its next batch
        if self.conn is not None and time.monotonic() - self.opened > self.hold_seconds:
            self.release()

    def release(self) -> None:
        """Close the database (the end of a run, or a reader's turn)."""
        if self.conn is not None:
            self.conn.close()
            self.conn = None
            self.released = time.monotonic()

    def read(self, query: Callable):
        try:
            return query(self._connection())
        finally:
            self._maybe_release()

    def seed_actors(self, actors: list[dict]) -> None:
        """Store the knowledge-base actors, so every resolved mention points to a stored actor."""
        with transaction(self._connection()) as conn:
            writes.upsert_actors(conn, actors)

    def write(self, result, rejected: list[Rejected]) -> int:
        """Store one batch's results and rejects in one transaction; return the documents stored."""
        with transaction(self._connection()) as conn:
            writes.upsert_actors(conn, result.actors)
            stored = writes.write_tables(conn, result.tables)
            for item in rejected:
                writes.write_quarantine(conn, item.source, item.line, item.reason, item.detail)
            if "documents" in result.tables:
                writes.clear_quarantine(conn, result.tables["documents"].column("source").to_pylist())
        self._maybe_release()
        return stored

    def finish(self, files: dict[str, tuple[int, int]]) -> None:
        """Rebuild the derived tables and remember the files read, once every batch is stored."""
        with transaction(self._connection()) as conn:
            refresh_derived(conn)
            writes.record_files(conn, files)
