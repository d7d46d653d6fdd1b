"""parley's Python API: everything the CLI and the web app do, as plain functions and objects.

Example::

    import parley
    db = parley.Database("parley.duckdb")
    db.ingest(["articles/"])
    for event in db.events(event_type="CONSULT"):
        print(event["event_id"], event["cameo"])
    parley.inspect("Russia and Iran met in Astana on Tuesday.", published="2024-01-25")
"""

from __future__ import annotations

import os
import threading
from contextlib import contextmanager
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Iterator, Sequence

import duckdb

from parley.document import Document
from parley.engine import IngestSummary, ingest as _ingest
from parley.pipeline import DEFAULT_PIPELINE, Pipeline
from parley.store import DEFAULT_DB, browse, connection, listing, queries
from parley.store.event_days import DayCounts, day_counts
from parley.store.meeting_pages import meeting_page_content
from parley.store.name_search import name_index
from parley.store.parts import document_part
from parley.store.place_groups import placed_events


CACHED_READS = 64


def store_state(path: str | Path) -> tuple:
    """The size and modification time of a database file and of its write-ahead log: any commit changes them."""
    out = []
    for name in (str(path), f"{path}.wal"):
        try:
            stat = os.stat(name)
            out.append((stat.st_size, stat.st_mtime_ns))
        except OSError:
            out.append(None)
    return tuple(out)


@lru_cache(maxsize=4)
def get_pipeline(stages: tuple[str, ...] = DEFAULT_PIPELINE) -> Pipeline:
    """Return the pipeline for ``stages``, built once per process."""
    return Pipeline.build(stages)


def _as_date(value: str | date | None) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def process_text(text: str, published: str | date | None = None, title: str | None = None,
                 stages: Sequence[str] = DEFAULT_PIPELINE, **fields: Any) -> Document:
    """Run the pipeline over one clean text and return the :class:`~parley.document.Document`.

    :param text: the article text (already clean).
    :param published: publication date (ISO string or date); inferred from the text if missing.
    :param title: the headline, if known.
    """
    doc = Document.from_text(text, published=_as_date(published), title=title, **fields)
    return get_pipeline(tuple(stages))(doc)


def document_report(doc: Document) -> dict:
    """Return everything found in ``doc`` as the JSON object that ``parley inspect`` prints."""
    window = doc.published_window
    return {
        "document": {"id": doc.id, "title": doc.title, "outlet": doc.outlet, "url": doc.url,
                     "published": doc.published.isoformat() if doc.published else None,
                     "published_inferred": doc.published_inferred,
                     "published_window": [d.isoformat() for d in window] if window else None,
                     "source": doc.source, "chars": len(doc.text)},
        "sentences": [s.as_dict() for s in doc.sentences],
        "mentions": doc.mentions, "times": doc.times, "places": doc.places, "events": doc.events,
        "claims": doc.claims, "meetings": doc.meetings,
    }


def inspect(text: str, published: str | date | None = None, title: str | None = None) -> dict:
    """Process one text and return the ``parley inspect`` report (see :func:`document_report`)."""
    return document_report(process_text(text, published=published, title=title))


def code(records: Iterable[dict]) -> Iterator[dict]:
    """Code events statelessly: ``{"id", "text", "date"?}`` in, ``{"id", "events"}`` out, one per record.

    :param records: dicts with ``id``, ``text`` and optionally ``date`` (ISO publication date).
    """
    from parley.events import CODE_STAGES, code_records

    return code_records(records, get_pipeline(tuple(CODE_STAGES)))


def evaluate(gold_path: str | Path, news_path: str | Path | None = None) -> dict:
    """Code the texts of a gold file and score them; see :func:`parley.evaluate.evaluate_file`."""
    from parley.events import CODE_STAGES
    from parley.evaluate import evaluate_file

    return evaluate_file(gold_path, pipeline=get_pipeline(tuple(CODE_STAGES)), news_path=news_path)


class Database:
    """A parley database file, opened per call so that it is never held between calls.

    Example::

        db = Database("parley.duckdb")
        db.ingest(["../articles"])
        db.documents()[0]["title"]
    """

    def __init__(self, path: str | Path = DEFAULT_DB, shared_reader: bool = False):
        """:param shared_reader: serve reads from one read-only connection kept open while in use
        (:class:`parley.store.reader.SharedReader`; the web app), instead of opening the file per call."""
        self.path = Path(path)
        self._held = threading.local()
        self._reader = None
        self._cache: dict[tuple, Any] = {}
        self._cache_lock = threading.Lock()
        if shared_reader:
            from parley.store.reader import SharedReader

            self._reader = SharedReader(self.path)

    def ingest(self, paths: Sequence[str], manifest: str | Path | None = None,
               stages: Sequence[str] = DEFAULT_PIPELINE, **options: Any) -> IngestSummary:
        """Ingest files, folders or globs; see :func:`parley.engine.ingest`."""
        local = options.get("engine", "local") == "local" and options.get("workers", 1) <= 1
        pipeline = get_pipeline(tuple(stages)) if local and not options.get("config") else None
        return _ingest(paths, self.path, manifest=manifest, stages=stages, pipeline=pipeline, **options)

    def _read(self, query, *args, **kwargs):
        held = getattr(self._held, "conn", None)
        if held is not None:
            return query(held, *args, **kwargs)
        with connection(self.path, read_only=True) as conn:
            return query(conn, *args, **kwargs)

    def _read_unchanging(self, query, *args):
        """``_read(query, *args)`` for a read that every page asks alike (filter choices, counts,
        the processes): computed once per state of the database file and kept while it stays.

        The state is the size and modification time of the file and of its write-ahead log, which
        every commit changes. A web request holds its read-only connection while it reads the
        state, and no writer can commit while a reader holds the file, so a result is never
        filed under a state newer than the one it was read from. Callers must not modify it.
        """
        held = getattr(self._held, "conn", None)
        if held is None:
            return self._read(query, *args)
        key = (query.__name__, args, store_state(self.path))
        with self._cache_lock:
            if key in self._cache:
                return self._cache[key]
        found = query(held, *args)
        with self._cache_lock:
            if len(self._cache) >= CACHED_READS:
                self._cache.clear()
            self._cache[key] = found
        return found

    @contextmanager
    def reading(self) -> Iterator["Database"]:
        """Serve every read in the block (in this thread) from one read-only connection.

        Opening the file is most of the cost of a small read; a web request that makes several
        reads holds one connection for its duration and releases the file right after.
        """
        if getattr(self._held, "conn", None) is not None:
            yield self
            return
        with (self._reader.reading() if self._reader else connection(self.path, read_only=True)) as conn:
            self._held.conn = conn
            try:
                yield self
            finally:
                self._held.conn = None

    def documents(self, limit: int | None = None, offset: int = 0) -> list[dict]:
        """Stored documents without their text."""
        return self._read(queries.list_documents, limit=limit, offset=offset)

    def document(self, doc_id: str) -> dict:
        """One document with text and metadata; raises :class:`parley.store.queries.NotFound`."""
        return self._read(queries.get_document, doc_id)

    def quarantine(self) -> list[dict]:
        """Inputs that could not be stored, with their reasons."""
        return self._read(queries.list_quarantine)

    def actors(self, country: str | None = None, sector: str | None = None) -> list[dict]:
        """Mentioned actors with aliases, roles and mention counts."""
        return self._read(queries.list_actors, country=country, sector=sector)

    def actor_names(self) -> dict[str, str]:
        """Actor id → name for every stored actor."""
        return self._read(queries.actor_names)

    def actor(self, actor_id: str, mentions_limit: int | None = None) -> dict:
        """One actor with its mentions (all, or the first ``mentions_limit``) and their sentences."""
        if getattr(self._held, "conn", None) is None:
            return self._read(queries.get_actor, actor_id, mentions_limit=mentions_limit)
        # within a request: whether the summaries are ready is read once per database state
        ready = self._read_unchanging(queries.first_mentions_ready)
        return self._read(queries.get_actor, actor_id, mentions_limit=mentions_limit, summaries_ready=ready)

    def events(self, event_type: str | None = None, actor: str | None = None, since: str | None = None,
               until: str | None = None, modality: str | None = None, limit: int | None = None,
               process: str | None = None) -> list[dict]:
        """Events across documents, one per happening, filtered (``process``: reported with its meetings)."""
        return self._read(queries.list_events, event_type=event_type, actor=actor, since=since, until=until,
                          modality=modality, limit=limit, process=process)

    def event(self, event_id: str) -> dict:
        """One event; raises :class:`parley.store.queries.NotFound`."""
        return self._read(queries.get_event, event_id)

    def event_mentions(self, event_id: str) -> list[dict]:
        """Every sentence that reports one event."""
        return self._read(queries.event_mentions, event_id)

    def document_spans(self, doc_id: str, with_data: bool = True) -> dict[str, list[dict]]:
        """Mentions, times, places, claims and event evidence of one document (``with_data``:
        with each row's whole record as JSON)."""
        return self._read(queries.document_spans, doc_id, with_data)

    def document_part(self, doc_id: str, length: int, part: int | None = None, sentence: int | None = None) -> dict:
        """The part of a document its page shows, with that part's spans, read by key; see
        :func:`parley.store.parts.document_part`.

        :raises parley.store.parts.NoPart: the document has fewer parts than ``part``.
        """
        return self._read(document_part, doc_id, length, part, sentence)

    def document_meetings(self, doc_id: str) -> list[dict]:
        """The meetings one document reports, as it tells them."""
        return self._read(queries.document_meetings, doc_id)

    def meetings(self, process: str | None = None) -> list[dict]:
        """Meetings merged across documents, in date order."""
        return self._read(queries.list_meetings, process=process)

    def meeting(self, meeting_id: str) -> dict:
        """One merged meeting with its sources and differences."""
        return self._read(queries.get_meeting, meeting_id)

    def meeting_content(self, meeting_id: str, after: str | None = None) -> dict:
        """What a page of a meeting shows (without actor names; see
        :func:`parley.store.meeting_pages.meeting_page_content`): its first five sources, or
        those after the cursor ``after``, read from its stored rows (or built from the meeting and
        its sources when it has none).

        :raises parley.store.queries.NotFound: no meeting has that id.
        :raises parley.store.browse.BadCursor: ``after`` is malformed.
        """
        return self._read(meeting_page_content, meeting_id, after)

    def processes(self) -> list[dict]:
        """Processes with aliases, hosts and decisions."""
        return self._read_unchanging(queries.list_processes)

    def process_rows(self) -> list[dict]:
        """One row per process with its summary, the most meetings first (see
        :func:`parley.store.listing.process_rows`), read once per state of the database."""
        return self._read_unchanging(listing.process_rows)

    def processes_page(self, after: str | None = None, limit: int = 50) -> tuple[list[dict], str | None]:
        """One page of :meth:`process_rows` after the cursor ``after`` and the next page's cursor."""
        return listing.processes_page(self.process_rows(), after, limit)

    def process(self, process_id: str) -> dict:
        """One process with its meetings in order."""
        return self._read(queries.get_process, process_id)

    def process_outline(self, process_id: str, detailed: int = 20, last: int | None = None) -> dict:
        """One process with its (last ``last``) meetings' columns in order and the whole records of
        the last ``detailed`` (``"details"``); see :func:`parley.store.browse.process_outline`."""
        return self._read(browse.process_outline, process_id, detailed, last)

    def claims(self) -> list[dict]:
        """Numeric claims grouped by quantity, disputed first."""
        return self._read(queries.list_claim_groups)

    def claim_groups(self, claims: int = 25) -> list[dict]:
        """The claim groups, disputed first, each with ``n_claims`` and its first ``claims`` claims,
        read once per state of the database (callers must not modify them)."""
        return self._read_unchanging(listing.claim_groups, claims)

    def claims_page(self, after: str | None = None, limit: int = 10,
                    claims: int = 25) -> tuple[list[dict], str | None, int]:
        """One page of :meth:`claim_groups` after the cursor ``after``, the next page's cursor and
        where the page starts in the list (see :func:`parley.store.listing.claims_page`)."""
        return listing.claims_page(self.claim_groups(claims), after, limit)

    def table(self, name: str, arrow: bool = False):
        """A whole table as a pandas DataFrame (or a pyarrow Table with ``arrow=True``).

        :param name: a table of the data dictionary, e.g. ``"events"`` or ``"mentions"``.
        :raises parley.store.queries.NotFound: no such table.
        """
        from parley.store.tables import exportable_tables, read_table

        with connection(self.path, read_only=True) as conn:
            if name not in exportable_tables(conn):
                raise queries.NotFound(f"no table {name!r}")
            return read_table(conn, name, arrow)

    def counts(self) -> dict[str, int]:
        """How many processes, meetings, mentioned actors, claim groups, documents and events are stored."""
        return self._read_unchanging(browse.corpus_counts)

    def names_for(self, ids: Sequence[str]) -> dict[str, str]:
        """Actor id → name for the stored actors among ``ids``."""
        if getattr(self._held, "conn", None) is None:
            return self._read(browse.names_for, ids)
        # within a request: every actor's name, read once per state of the database, so that a
        # page's names cost dictionary lookups instead of a query (~3 ms on 10,000 articles)
        names = self._read_unchanging(queries.actor_names)
        return {i: names[i] for i in ids if isinstance(i, str) and i in names}

    def events_page(self, after: str | None = None, limit: int = 100, **filters: Any) -> tuple[list[dict], str | None]:
        """One page of events after the cursor ``after`` and the next page's cursor; see
        :func:`parley.store.browse.events_page`."""
        held = getattr(self._held, "conn", None) is not None
        # within a request: whether event_list has a tail is a fact of the database's state
        tail = self._read_unchanging(browse.list_tail) if held else True
        return self._read(browse.events_page, after=after, limit=limit, days=self._day_counts(), list_tail=tail,
                          **filters)

    def _day_counts(self) -> DayCounts | None:
        """The events by start day, kept per database state within a request (None outside one,
        or on a file from before migration 0014)."""
        if getattr(self._held, "conn", None) is None:
            return None
        try:
            return self._read_unchanging(day_counts)
        except duckdb.CatalogException:
            return None

    def event_places(self, limit: int = 150, **filters: Any) -> list[dict]:
        """Where the events matching ``filters`` took place, one row per place (the ``limit`` with most events)."""
        if not any(v is not None for v in filters.values()):
            return self._read_unchanging(browse.event_places, limit)
        if getattr(self._held, "conn", None) is not None and browse.summary_places(filters):
            # a type, a quad class or a place: counted from the places' counts, kept per state
            return browse.places_from_counts(self._read_unchanging(browse.place_counts), limit, **filters)
        if getattr(self._held, "conn", None) is not None and browse.placed_places(filters):
            # dates (with a type, a quad class or a place): the placed events, kept per state
            return browse.places_from_placed(self._read_unchanging(placed_events), limit, **filters)
        return self._read(browse.event_places, limit=limit, **filters)

    def actors_page(self, country: str | None = None, sector: str | None = None, after: str | None = None,
                    limit: int = 200) -> tuple[list[dict], str | None]:
        """One page of mentioned actors, most mentioned first, and the next page's cursor (a first
        page, filtered or not, is read once per database state: the list's entry points; a later
        page of the unfiltered list finds its ids in the list's order, also kept per state)."""
        if after is None:
            return self._read_unchanging(browse.actors_page, country, sector, None, limit)
        # a later page of the unfiltered list: its ids from the list's order kept per state
        order = (self._read_unchanging(browse.actor_order)
                 if getattr(self._held, "conn", None) is not None and not (country or sector) else None)
        return self._read(browse.actors_page, country=country, sector=sector, after=after, limit=limit, order=order)

    def count_actors(self, country: str | None = None, sector: str | None = None) -> int:
        """How many mentioned actors match the filters."""
        return self._read_unchanging(browse.count_actors, country, sector)

    def documents_page(self, after: str | None = None, limit: int = 100) -> tuple[list[dict], str | None]:
        """One page of documents, newest first, and the next page's cursor (the first page is read
        once per database state; the others read the days they can reach, see
        :func:`parley.store.listing.documents_page`)."""
        if getattr(self._held, "conn", None) is None:
            return self._read(browse.documents_page, after=after, limit=limit)
        if after is None:
            return self._read_unchanging(browse.documents_page, None, limit)
        # whether document_list has a tail is a fact of the database's state
        return self._read(listing.documents_page, after, limit, self._read_unchanging(listing.document_days),
                          self._read_unchanging(listing.document_lengths),
                          self._read_unchanging(browse.list_tail, "document_list"))

    def latest_documents(self, limit: int = 20) -> list[dict]:
        """The ``limit`` newest documents (no text), read once per state of the database (the home page)."""
        return self._read_unchanging(browse.documents_page, None, limit)[0]

    def actor_event_counts(self, actor_id: str) -> list[dict]:
        """One actor's events by month and PLOVER type."""
        return self._read(browse.actor_event_counts, actor_id)

    def actor_quad_counts(self, actor_id: str) -> list[dict]:
        """One actor's events by month and PLOVER quad class (dates as ``date`` objects)."""
        return self._read(browse.actor_quad_counts, actor_id)

    def actor_events(self, actor_id: str, limit: int = 100) -> list[dict]:
        """The first ``limit`` events of one actor in date order, with the side it was on."""
        return self._read(browse.actor_events, actor_id, limit)

    def actor_overview(self, actor_id: str, limit: int = 15, events: int = 50) -> dict:
        """One actor's events by month and quad class, its top ``limit`` co-actors and first
        ``events`` events, in one read; see :func:`parley.store.browse.actor_overview`."""
        return self._read(browse.actor_overview, actor_id, limit, events)

    def co_actors(self, actor_id: str, limit: int = 15) -> list[dict]:
        """The actors sharing most events with ``actor_id`` (ids, shared events by type; no names)."""
        return self._read(browse.co_actors, actor_id, limit)

    def process_event_counts(self, process_id: str) -> list[dict]:
        """A process's events by month and PLOVER type."""
        return self._read(browse.process_event_counts, process_id)

    def venue_coordinates(self, venues: Sequence[str]) -> dict[str, tuple[float, float]]:
        """Coordinates of the meeting venues that name a place where events were found."""
        if getattr(self._held, "conn", None) is None:
            return self._read(browse.venue_coordinates, venues)
        # within a request: every place's coordinates, read once per state of the database
        known = self._read_unchanging(browse.venue_coordinates)
        return {v: known[v] for v in venues if isinstance(v, str) and v in known}

    def source_documents(self, doc_ids: Sequence[str], others: Sequence[str] = ()) -> dict[str, dict]:
        """Several documents with text, own meetings, mentions, times and sentences, and ``others``
        with their titles and own meetings, in a few queries."""
        return self._read(browse.source_documents, doc_ids, ("mentions", "times"), others)

    def meetings_page(self, process: str | None = None, after: str | None = None,
                      limit: int = 100) -> tuple[list[dict], str | None]:
        """One page of merged meetings in date order and the next page's cursor."""
        return self._read(browse.meetings_page, process=process, after=after, limit=limit)

    def document_summaries(self, doc_ids: Sequence[str]) -> list[dict]:
        """Several documents' titles, outlets and dates (no text), each with its own meetings."""
        return self._read(browse.document_summaries, doc_ids)

    def top_actor_names(self, limit: int = 200) -> list[dict]:
        """The most mentioned actors' ids and names."""
        return self._read_unchanging(browse.top_actor_names, limit)

    def process_names(self) -> list[dict]:
        """Every process's id and name."""
        return self._read_unchanging(browse.process_names)

    def process_summaries(self) -> dict[str, dict]:
        """Per process: meetings, first and last dates, and events reported with it."""
        return self._read_unchanging(browse.process_summaries)

    def search(self, term: str) -> dict[str, list[dict]]:
        """Actors, processes and documents matching ``term``."""
        if getattr(self._held, "conn", None) is None:
            return self._read(queries.search, term)
        # within a request: the actors' and processes' names are searched in lists read once per
        # state of the database (parley.store.name_search)
        return self._read(queries.search, term, names=self._read_unchanging(name_index))
