"""What one document offers the process recognisers: its parse, its spans grouped by
sentence, and the lexicon; and the span dicts they return."""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date
from typing import Any

from parley.process import syntax
from parley.process.coref import corefer_surnames
from parley.process.lexicon import Lexicon

PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "season": 3, "year": 4, "decade": 5}
SPECIFIC_PRECISIONS = {"day", "week", "month"}


def span_dict(doc: Any, start: int, end: int, sentence: int | None = None) -> dict:
    """Return the contract span dict for characters ``start:end`` of ``doc.text``.

    :param doc: the :class:`~parley.document.Document`.
    :param start: first character.
    :param end: character after the last.
    :param sentence: sentence index, looked up when not given.
    """
    if sentence is None:
        s = doc.sentence_at(start)
        sentence = s.index if s else None
    return {"text": doc.text[start:end], "char_start": start, "char_end": end, "sentence": sentence}


def sentence_index(doc: Any, item: dict) -> int | None:
    """Return the sentence index of a span dict: its own ``sentence`` key or by offset."""
    if item.get("sentence") is not None:
        return item["sentence"]
    s = doc.sentence_at(item.get("char_start", -1))
    return s.index if s else None


def group_by_sentence(doc: Any, items: list[dict]) -> dict[int, list[dict]]:
    """Return span dicts grouped by the index of the sentence they lie in."""
    grouped: dict[int, list[dict]] = defaultdict(list)
    for item in items or []:
        idx = sentence_index(doc, item)
        if idx is not None:
            grouped[idx].append(item)
    return grouped


def inside(item: dict, start: int, end: int) -> bool:
    """Return True if the span dict ``item`` lies within characters ``start:end``."""
    return item["char_start"] >= start and item["char_end"] <= end


class DocumentContext:
    """What one document offers the recognisers: its parse, grouped spans and lexicon."""

    def __init__(self, doc: Any, lex: Lexicon):
        self.doc, self.lex = doc, lex
        self.sdoc = doc.spacy_doc
        self.mentions = group_by_sentence(doc, corefer_surnames(doc, [m for m in doc.mentions
                                                                      if m.get("type") != "other"]))
        self.times = group_by_sentence(doc, doc.times)
        self.places = group_by_sentence(doc, doc.places)
        self.published: date | None = doc.published
        self.named = Counter(m.get("country") for m in doc.mentions if m.get("country"))
        self.default_process = self._dominant_process()

    def venue_process(self, label: str | None) -> str | None:
        """The process a venue name stands for in this document: ``label`` unless the process says
        its venue or a name built on it names it only where the document speaks of its conflict
        country (Geneva hosts talks on Iran, on Syria, on Yemen and on arms control)."""
        info = self.lex.processes.get(label) if label else None
        if info and info.get("venue_needs_conflict_country") and self.named:
            # the conflict country among the three the document names most, or named at least an
            # eighth as often as the first; a document that names no country does not object
            top = self.named.most_common(3)
            n = self.named.get(info.get("conflict_country"), 0)
            if not (n and (any(c == info.get("conflict_country") for c, _ in top) or 8 * n >= top[0][1])):
                return None
        return label

    def _dominant_process(self) -> str | None:
        counts = Counter(label for label, *_ in self.lex.aliases.finditer(self.doc.text) if self.venue_process(label))
        counts.update(label for label, *_ in self.lex.venues.finditer(self.doc.text) if self.venue_process(label))
        return counts.most_common(1)[0][0] if counts else None

    def root(self, start: int, end: int) -> Any:
        return syntax.span_root(self.sdoc, start, end)
