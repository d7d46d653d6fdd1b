"""The events stage: PLOVER/CAMEO events with modality, evidence and one event per happening.

``make_events`` builds the ``parley_events`` component; ``code_records`` is the stateless
coder behind ``parley code`` (JSON Lines ``{"id", "text", "date"?}`` in, ``{"id",
"events"}`` out); ``cluster_events`` merges mentions of the same happening across documents.
See ``docs/design.md`` ("Stages", "Event records") and :mod:`parley.events.coder` for the mechanism.

Example::

    pipeline = Pipeline.build(["parley_nlp", "parley_times", "parley_places",
                               "parley_actors", "parley_events"])
    for line in code_records([{"id": "a", "text": "Russia and Iran met in Astana."}], pipeline):
        print(line["events"][0]["event_type"])      # CONSULT
"""

from __future__ import annotations

from datetime import date
from typing import Iterable, Iterator

from parley.document import Document
from parley.events.cluster import cluster_events
from parley.events.coder import code_document
from parley.events.lexicon import load_lexicon

__all__ = ["make_events", "code_records", "cluster_events", "EventsComponent", "CODE_STAGES"]

CODE_STAGES: tuple[str, ...] = ("parley_nlp", "parley_times", "parley_places", "parley_actors",
                                "parley_events")


class EventsComponent:
    """The ``parley_events`` pipeline component: sets ``doc.events``.

    Example::

        component = make_events()
        doc = component(doc)      # doc has spacy_doc and mentions
    """

    def __init__(self, require_actor: bool = True, cluster: bool = True) -> None:
        self.lexicon = load_lexicon()
        self.require_actor = require_actor
        self.cluster = cluster

    def __call__(self, doc: Document) -> Document:
        try:
            events = code_document(doc, self.lexicon, self.require_actor)
        except Exception as error:          # a stage never fails a batch (docs/design.md)
            doc.meta.setdefault("warnings", []).append(f"W401 events failed: {error!r}")
            events = []
        doc.events = cluster_events(events) if self.cluster else events
        return doc

    def pipe(self, docs: Iterable[Document]) -> Iterator[Document]:
        """Code a stream of documents."""
        for doc in docs:
            yield self(doc)


def make_events(require_actor: bool = True, cluster: bool = True) -> EventsComponent:
    """Build the events component.

    :param require_actor: drop events with neither actor nor recipient, unless the predicate
      allows it (a postponed or cancelled meeting).
    :param cluster: merge mentions of the same happening within a document.
    :returns: an :class:`EventsComponent`.
    """
    return EventsComponent(require_actor=require_actor, cluster=cluster)


def _record_date(value) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def record_document(record: dict) -> Document:
    """Build a :class:`Document` from a ``parley code`` input record.

    :param record: ``{"id", "text", "date"?}``.
    """
    return Document.from_text(record.get("text") or "", published=_record_date(record.get("date")),
                              source_id=str(record.get("id")) if record.get("id") is not None else None)


def code_records(records: Iterable[dict], pipeline) -> Iterator[dict]:
    """Code JSON Lines records statelessly: one output line per input record.

    :param records: dicts ``{"id", "text", "date"?}`` (``date`` ISO, the publication date).
    :param pipeline: a :class:`~parley.pipeline.Pipeline` ending in ``parley_events``
      (build it with ``Pipeline.build(CODE_STAGES)``).
    :returns: an iterator of ``{"id", "events"}`` in input order.
    """
    records = iter(records)
    ids: list = []

    def documents() -> Iterator[Document]:
        """Turn records into documents, remembering their ids in order."""
        for record in records:
            ids.append(record.get("id"))
            yield record_document(record)

    for position, doc in enumerate(pipeline.pipe(documents())):
        yield {"id": ids[position], "events": doc.events}
