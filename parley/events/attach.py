"""Attach date, place and context labels to an event, and shape actor records.

Dates and places come from the time and place stages (``doc.times``, ``doc.places``) in the
event's sentence: the one the parse attaches to the trigger's clause wins, else the nearest
to the trigger. Without one the event is dated by the publication date with precision
``"publication"``. Context labels come from the sentence's and the document's words
(governors.yaml ``contexts``), the predicate entry and the CAMEO code's crosswalk.
"""

from __future__ import annotations

from collections import Counter
from datetime import date as Date

import numpy
from spacy.attrs import LEMMA

from parley.document import doc_text

ACTOR_FIELDS = ("id", "name", "country", "sector", "cameo", "type")
DOCUMENT_CONTEXT_HITS = 3
# The crosswalk's context names that differ from PLOVER's list.
CONTEXT_ALIASES = {"democracy": "pro_democracy"}


def actor_record(mention: dict) -> dict:
    """Return the actor object of an event from a mention dict (``docs/design.md``, "Event records").

    :param mention: a mention from ``doc.mentions``.
    """
    record = {"text": mention.get("text"), "id": mention.get("actor_id") or mention.get("id")}
    for key in ACTOR_FIELDS[1:]:
        record[key] = mention.get(key)
    record["char_start"] = mention.get("char_start")
    record["char_end"] = mention.get("char_end")
    return record


def lemma_counts(spacy_doc) -> Counter:
    """How often each lower-cased lemma occurs in ``spacy_doc``, read from its lemma array
    (a Token object per word would cost more than the counting)."""
    strings = spacy_doc.vocab.strings
    counts: Counter = Counter()
    ids, numbers = numpy.unique(spacy_doc.to_array(LEMMA), return_counts=True)
    for lemma, n in zip(ids.tolist(), numbers.tolist()):
        counts[strings[lemma].lower()] += n
    return counts


class Attacher:
    """Finds the date, place and contexts of events in one document."""

    def __init__(self, doc, lexicon) -> None:
        self.doc = doc
        self.lexicon = lexicon
        self.contexts_table: dict[str, list[str]] = lexicon.governors["contexts"]
        lemmas = lemma_counts(doc.spacy_doc) if doc.spacy_doc is not None else Counter()
        self._sentence_words: dict[tuple[int, int], tuple[set[str], str]] = {}
        self._lemma_column: tuple[object, list[int]] | None = None     # (spaCy doc, its LEMMA ids)
        lower = doc.text.lower()
        self.document_contexts = []
        for label, words in self.contexts_table.items():
            hits = sum(lower.count(w) if " " in w else lemmas.get(w, 0) for w in words)
            if hits >= DOCUMENT_CONTEXT_HITS:
                self.document_contexts.append(label)

    def _spans_in(self, items: list[dict], sentence: int) -> list[tuple[dict, object]]:
        found = []
        for item in items:
            if item.get("sentence") != sentence:
                continue
            span = self.doc.spacy_doc.char_span(item["char_start"], item["char_end"], alignment_mode="expand")
            if span is not None and len(span):
                found.append((item, span.root))
        return found

    @staticmethod
    def _attachment(root, trigger, chain: list) -> int | None:
        """Steps from a span's root up to the trigger or its clause chain, or None if it hangs elsewhere."""
        targets = {trigger.i} | {t.i for t in chain}
        current, steps = root, 0
        while steps < 12:
            if current.i in targets:
                return steps
            if current.head == current:
                return None
            current, steps = current.head, steps + 1
        return None

    def _choose(self, candidates: list[tuple[dict, object]], trigger, chain: list, attached_only=False):
        if not candidates:
            return None
        attached = [(self._attachment(root, trigger, chain), item) for item, root in candidates]
        scored = [(steps, item.get("feature") == "country", item) for steps, item in attached if steps is not None]
        if scored:
            return min(scored, key=lambda triple: triple[:2])[2]
        if attached_only:
            # a place the parse does not tie to the event is a venue only if it is below country level
            candidates = [(item, root) for item, root in candidates if item.get("feature") != "country"]
            if not candidates:
                return None
        return min(candidates, key=lambda pair: abs(pair[1].idx - trigger.idx))[0]

    def date(self, trigger, modality, sentence: int) -> dict:
        """Return the event's date: a time of the sentence, else the publication date.

        :param trigger: the trigger token.
        :param modality: the event's :class:`~parley.events.modality.Modality` (its clause chain).
        :param sentence: the sentence index.
        """
        chosen = self._choose(self._spans_in(self.doc.times, sentence), trigger, modality.chain)
        if chosen is not None:
            return {"text": chosen.get("text"), "start": chosen.get("start"), "end": chosen.get("end"),
                    "precision": chosen.get("precision")}
        published = self.doc.published.isoformat() if self.doc.published else None
        return {"text": None, "start": published, "end": published, "precision": "publication"}

    def years_before(self, date: dict) -> bool:
        """Whether the event's own date ends a year or more before publication ("in 1999" in a
        report of 2019).

        :param date: the event's date dict.
        """
        if date["precision"] == "publication" or not date.get("end") or self.doc.published is None:
            return False
        try:
            return (self.doc.published - Date.fromisoformat(date["end"][:10])).days >= 365
        except ValueError:
            return False

    def is_future(self, date: dict, modality, trigger) -> bool:
        """Whether the event's own date lies after publication in a clause not in the past tense.

        :param date: the event's date dict.
        :param modality: the event's modality (its clause chain gives the tense).
        :param trigger: the trigger token.
        """
        if date["precision"] == "publication" or not date.get("start") or self.doc.published is None:
            return False
        head = modality.chain[0] if modality.chain else trigger
        for verb in modality.chain[1:]:
            if head.tag_ != "VBG" or head.dep_ not in ("advcl", "conj") or any(
                    c.dep_ in ("aux", "mark") for c in head.children):
                break
            head = verb       # "opened fire, killing one and arresting 12": a participle clause takes
                              # the tense of the clause it hangs on
        if head.tag_ in ("VBD", "VBN") or any(c.tag_ in ("VBD",) for c in head.children if c.dep_ == "aux"):
            return False
        try:
            return Date.fromisoformat(date["start"][:10]) > self.doc.published
        except ValueError:
            return False

    def place(self, trigger, modality, sentence: int, mentioned: list[dict]) -> dict | None:
        """Return the event's place from ``doc.places`` in its sentence, or None.

        Places that are themselves an actor, recipient or reporter mention are skipped
        ("Astana hosted" names a host, not a venue).

        :param trigger: the trigger token.
        :param modality: the event's modality (its clause chain).
        :param sentence: the sentence index.
        :param mentioned: the event's actor, recipient and reporter mentions.
        """
        taken = [(m.get("char_start"), m.get("char_end")) for m in mentioned]
        candidates = [(item, root) for item, root in self._spans_in(self.doc.places, sentence)
                      if not any(s is not None and s < item["char_end"] and item["char_start"] < e
                                 for s, e in taken)]
        chosen = self._choose(candidates, trigger, modality.chain, attached_only=True)
        if chosen is None:
            return None
        return {key: chosen.get(key) for key in ("text", "geonameid", "name", "country", "lat", "lon", "feature")}

    def _sentence_lemmas(self, sent) -> set[str]:
        """The lower-cased lemmas of a sentence, read from its doc's lemma column (made once)."""
        if self._lemma_column is None or self._lemma_column[0] is not sent.doc:
            self._lemma_column = (sent.doc, sent.doc.to_array(LEMMA).tolist())
        strings = sent.doc.vocab.strings
        return {strings[lemma].lower() for lemma in set(self._lemma_column[1][sent.start:sent.end])}

    def contexts(self, sent, entry: dict, codebook: dict, parties: list[dict] = ()) -> list[str]:
        """Return the context labels of an event in ``sent``.

        :param sent: the spaCy sentence.
        :param entry: the predicate entry (its own ``context``).
        :param codebook: the CAMEO codebook row of the event's code.
        :param parties: the event's actor and recipient mentions; verbal cooperation or
          conflict between two or more states is diplomacy whatever the words.
        """
        words = self._sentence_words.get((sent.start, sent.end))
        if words is None:       # a sentence's events share its words: read once
            words = self._sentence_words[(sent.start, sent.end)] = (
                self._sentence_lemmas(sent), doc_text(sent.doc)[sent.start_char:sent.end_char].lower())
        lemmas, lower = words
        labels = list(entry.get("context") or [])
        labels += [CONTEXT_ALIASES.get(c, c) for c in codebook.get("plover_context") or []]
        for label, words in self.contexts_table.items():
            if any((w in lower) if " " in w else (w in lemmas) for w in words):
                labels.append(label)
        labels += self.document_contexts
        states = {p.get("country") for p in parties if p.get("country")}
        if len(states) >= 2 and codebook.get("quad_class") in (1, 3):
            labels.append("diplomatic")
        return sorted(set(labels))
