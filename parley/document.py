"""The document object that flows through the pipeline.

Every stage takes a :class:`Document`, adds what it found, and returns it. Spans found in
text are plain dicts (JSON-ready) carrying ``text``, ``char_start`` and ``char_end`` into
``Document.text`` (the clean text); see ``docs/design-notes.md``.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from typing import Any


def content_hash(text: str) -> str:
    """Return the SHA-256 hex digest of ``text`` with whitespace runs collapsed.

    :param text: clean document text.
    """
    normalized = " ".join(text.split())
    return hashlib.sha256(normalized.encode("utf-8")).hexdigest()


def document_id(text: str) -> str:
    """Return the stable document id for ``text``: ``d`` plus 15 hex digits of its hash."""
    return "d" + content_hash(text)[:15]


@dataclass
class Sentence:
    """One sentence of the clean text: its index and character span."""

    index: int
    char_start: int
    char_end: int
    text: str

    def as_dict(self) -> dict:
        return {"index": self.index, "text": self.text,
                "char_start": self.char_start, "char_end": self.char_end}


@dataclass
class Document:
    """A news document and everything the pipeline found in it.

    Example::

        doc = Document.from_text("Russia and Iran met in Astana.", published=date(2024, 1, 25))
    """

    id: str
    text: str
    raw: str = ""
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: date | None = None
    published_inferred: bool = False
    published_window: tuple[date, date] | None = None
    source: str | None = None          # file path or "<stdin>", with ":line" for JSON Lines
    source_id: str | None = None       # the record's own id, if it had one
    meta: dict[str, Any] = field(default_factory=dict)
    lang: str | None = None
    # filled by stages
    sentences: list[Sentence] = field(default_factory=list)
    spacy_doc: Any = None
    mentions: list[dict] = field(default_factory=list)
    times: list[dict] = field(default_factory=list)
    places: list[dict] = field(default_factory=list)
    events: list[dict] = field(default_factory=list)
    claims: list[dict] = field(default_factory=list)
    meetings: list[dict] = field(default_factory=list)

    @classmethod
    def from_text(cls, text: str, **fields: Any) -> "Document":
        """Build a document whose id is derived from ``text``.

        :param text: the clean text.
        :param fields: any other :class:`Document` field.
        """
        return cls(id=document_id(text), text=text, **fields)

    @property
    def anchor_date(self) -> date | None:
        """The date that relative expressions are resolved against: published or inferred."""
        return self.published

    def sentence_at(self, char: int) -> Sentence | None:
        """Return the sentence containing character offset ``char``, or None."""
        for sentence in self.sentences:
            if sentence.char_start <= char < sentence.char_end:
                return sentence
        return None


def token_texts(sdoc) -> list[str]:
    """The texts of ``sdoc``'s tokens, listed once per doc (kept in ``user_data["texts"]``)."""
    texts = sdoc.user_data.get("texts")
    if texts is None or len(texts) != len(sdoc):
        strings = sdoc.vocab.strings
        texts = sdoc.user_data["texts"] = [strings[orth] for orth in sdoc.to_array("ORTH").tolist()]
    return texts


def token_columns(sdoc, attrs) -> list[list[int]]:
    """One list per attribute of ``sdoc``'s tokens, for loops over words that would
    otherwise make a Token object per word; a two-dimensional ``to_array(...).tolist()`` costs
    some ten times as much as one-dimensional ones.

    :param sdoc: a spaCy doc, or a span (its tokens only).
    :param attrs: attribute ids (``spacy.attrs``).
    """
    if getattr(sdoc, "doc", sdoc) is not sdoc:      # a span: its to_array takes a list only
        return sdoc.to_array(list(attrs)).T.tolist() if len(sdoc) else [[] for _ in attrs]
    return [sdoc.to_array(attr).tolist() for attr in attrs]


def doc_text(sdoc) -> str:
    """The text of a spaCy doc: the one the nlp stage tokenised when it kept it, else ``sdoc.text``
    (which joins every token anew, a few milliseconds an article)."""
    text = sdoc.user_data.get("text")
    if text is not None and (len(text) == sdoc[-1].idx + len(sdoc[-1].text_with_ws) if len(sdoc) else not text):
        return text
    return sdoc.text
