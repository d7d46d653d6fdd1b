"""Temporal expressions resolved into dated intervals, and publication dates inferred.

The stage ``parley_times`` (:func:`make_times`) sets ``doc.times``: one span dict per
expression with ``start``, ``end`` (ISO dates), ``precision``, ``kind`` and ``anchor`` (see
the data contracts in ``docs/``). When a document has no publication date it infers one from
the text (:func:`infer_published`) and marks it as inferred, with the window it supports.

Example::

    >>> from datetime import date
    >>> [t["start"] for t in resolve_times("They met on Wednesday.", date(2023, 6, 22))]
    ['2023-06-21']
"""

from __future__ import annotations

from datetime import date
from typing import Any, Iterable

from parley.times.calendar import Spec, resolve
from parley.times.extract import Mention, find_mentions
from parley.times.infer import Inference, infer_from_mentions

__all__ = ["resolve_times", "infer_published", "make_times", "Inference", "Spec", "resolve"]


def _as_dict(mention: Mention, anchor: date | None) -> dict | None:
    try:
        interval = resolve(mention.spec, anchor, mention.tense)
    except (ValueError, OverflowError):
        return None  # an anchor near year 1 or 9999 pushes the interval off the calendar (issue 10 fuzzing)
    if interval is None:
        return None
    start, end = interval
    if mention.spec.form == "abs" and not mention.spec.since:
        how = "absolute"
    elif mention.spec.form in ("weekday", "yearless") and mention.spec.n is None and mention.tense:
        how = "tense"
    else:
        how = "publication"
    return {"text": mention.text, "char_start": mention.char_start, "char_end": mention.char_end,
            "sentence": mention.sentence, "start": start.isoformat(), "end": end.isoformat(),
            "precision": mention.spec.precision, "kind": mention.spec.kind, "anchor": how,
            "tense": mention.tense}


def resolve_times(text: str, anchor: date | None, sentences: Iterable[Any] | None = None,
                  spacy_doc: Any = None) -> list[dict]:
    """Find the temporal expressions of ``text`` and resolve them against ``anchor``.

    :param text: the clean text.
    :param anchor: the publication date; without it only absolute expressions resolve.
    :param sentences: sentence spans (Document sentences or dicts); split here when None.
    :param spacy_doc: a parsed spaCy ``Doc`` of ``text``; its parse decides tense.
    :returns: time span dicts in text order (``text``, ``char_start``, ``char_end``,
        ``sentence``, ``start``, ``end``, ``precision``, ``kind``, ``anchor``, ``tense``).
    """
    mentions = find_mentions(text, sentences, spacy_doc)
    return [d for d in (_as_dict(m, anchor) for m in mentions) if d is not None]


def infer_published(text: str, sentences: Iterable[Any] | None = None, spacy_doc: Any = None,
                    latest: date | None = None) -> Inference | None:
    """Infer when ``text`` was written from its dated and relative expressions and tense.

    :param text: the clean text.
    :param sentences: sentence spans; split here when None.
    :param spacy_doc: a parsed spaCy ``Doc`` of ``text``.
    :param latest: the latest possible date (default today).
    :returns: an :class:`Inference` (point estimate, window, evidence) or None when the text
        holds no year at all.
    """
    return infer_from_mentions(find_mentions(text, sentences, spacy_doc), text, latest)


def make_times(latest: str | date | None = None, infer: bool = True):
    """Build the ``parley_times`` component.

    :param latest: the latest date a publication may be inferred at (ISO string or date;
        default today).
    :param infer: infer a missing publication date.
    :returns: a component ``component(doc) -> doc`` that sets ``doc.times`` and, for a
        document without a date, ``published``, ``published_inferred`` and
        ``published_window``. A date from the metadata is never changed.
    """
    limit = date.fromisoformat(latest) if isinstance(latest, str) else latest

    def parley_times(doc):
        """Set ``doc.times`` (and an inferred publication date when there is none)."""
        mentions = find_mentions(doc.text, doc.sentences, doc.spacy_doc)
        if doc.published is None and infer:
            inference = infer_from_mentions(mentions, doc.text, limit)
            if inference is not None:
                doc.published = inference.point
                doc.published_inferred = True
                doc.published_window = inference.window
                doc.meta["published_evidence"] = inference.evidence
                doc.meta["published_windows"] = [(a.isoformat(), b.isoformat())
                                                 for a, b in inference.windows]
        doc.times = [d for d in (_as_dict(m, doc.published) for m in mentions) if d is not None]
        return doc

    return parley_times
