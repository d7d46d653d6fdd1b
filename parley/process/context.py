"""What one document offers the process recognisers: its parse, its spans grouped by
sentence, and the lexicon; and the span dicts they return."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from datetime import date
from typing import Any

from spacy.attrs import LEMMA, LOWER, POS
from spacy.strings import get_string_id

from parley.document import token_columns
from parley.process import syntax
from parley.process.coref import corefer_surnames
from parley.process.lexicon import Lexicon

# "publication": a meeting dated by its report's day only (parley.process.timing.lead_day)
PRECISION_RANK = {"day": 0, "publication": 0.5, "week": 1, "month": 2, "season": 3, "year": 4, "decade": 5}
SPECIFIC_PRECISIONS = {"day", "publication", "week", "month"}


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


# anchors of times read from the publication day ("Friday", "next week", "this month") and
# from the tense of their sentence about it
RELATIVE_ANCHORS = {"tense", "publication", "nearest", "planned"}
# the flag on the meetings of a report whose publication day is not known (see loosely_dated)
REPORT_UNDATED = "report undated"
# an inferred publication day known to within this many days still anchors weekdays
INFERRED_WINDOW_DAYS = 31


def loosely_dated(doc: Any) -> bool:
    """True if the report's publication day was inferred (none in its metadata) and the text
    bounds it only loosely (a window over a month wide)."""
    if not getattr(doc, "published_inferred", False):
        return False
    window = getattr(doc, "published_window", None)
    if not window or not all(window):
        return True
    return (window[1] - window[0]).days > INFERRED_WINDOW_DAYS


def report_day(source: dict, meeting: dict) -> str | None:
    """The publication day of the report that tells ``meeting``, unless the report's day is not
    known (the meeting carries the ``REPORT_UNDATED`` flag)."""
    if REPORT_UNDATED in (meeting.get("flags") or []):
        return None
    published = source.get("published")
    return str(published)[:10] if published else None


# how a residence or retreat of the lexicon's ``residences`` was found, kept on its place
RESIDENCE = "residence"


# the fields of a place that a meeting's venue keeps
PLACE_KEYS = ("text", "char_start", "char_end", "sentence", "name", "geonameid", "country", "lat", "lon", "feature")


def venue_dict(place: dict) -> dict:
    """The venue a place gives a meeting: its fields of ``PLACE_KEYS``."""
    return {k: place.get(k) for k in PLACE_KEYS}


# how a place read as a state's seat of government is found (a body's seat, the UN's, is not one)
SEAT_OF_GOVERNMENT = "seat of government"


def seat_places(doc: Any, lex: Lexicon) -> list[dict]:
    """Seats of government named for their city ("at the White House", "in the Kremlin") and residences
    or retreats ("at Camp David", "at Mar-a-Lago") as city places of their city (``seats_of_government``
    and ``residences`` in the lexicon), where no place was found there."""
    seats = {s["name"]: {**s, "via": f"seat of {s['body']}" if s.get("body") else SEAT_OF_GOVERNMENT}
             for s in lex.data.get("seats_of_government", [])}
    seats.update({s["name"]: {**s, "via": RESIDENCE} for s in lex.data.get("residences", [])})
    if not seats:
        return []
    pattern = re.compile(r"\b(?:%s)\b" % "|".join(re.escape(n) for n in sorted(seats, key=len, reverse=True)))
    # (a building the places stage knows with no city of its own, "Camp David", takes the seat's)
    taken = [(p["char_start"], p["char_end"]) for p in doc.places or [] if p.get("feature") != "other"]
    out = []
    for m in pattern.finditer(doc.text):
        if any(a < m.end() and m.start() < b for a, b in taken):
            continue
        seat = seats[m.group(0)]
        out.append({"text": m.group(0), "name": seat["city"], "char_start": m.start(), "char_end": m.end(),
                    "feature": "city", "country": seat["country"], "geonameid": None, "lat": None, "lon": None,
                    "via": seat["via"]})
    return out


class DocumentContext:
    """What one document offers the recognisers: its parse, grouped spans and lexicon."""

    def __init__(self, doc: Any, lex: Lexicon):
        self.doc, self.lex = doc, lex
        self.sdoc = doc.spacy_doc
        self.mentions = group_by_sentence(doc, corefer_surnames(doc, [m for m in doc.mentions
                                                                      if m.get("type") != "other"]))
        self.published: date | None = doc.published
        times = doc.times
        if loosely_dated(doc):
            # a weekday or "next week" counts from a day the report does not give: no date
            self.published = None
            times = [t for t in times or [] if t.get("anchor") not in RELATIVE_ANCHORS]
        self.times = group_by_sentence(doc, times)
        self.places = group_by_sentence(doc, list(doc.places or []) + seat_places(doc, lex))
        self.named = Counter(m.get("country") for m in doc.mentions if m.get("country"))
        self.default_process = self._dominant_process()
        self._columns: list[list[int]] | None = None      # POS, LEMMA and LOWER ids (sentence_tokens)
        self._lemmas: dict[int, str] = {}

    def sentence_tokens(self, sent: Any, lemmas: frozenset[str], parts: tuple[str, ...],
                        forms: frozenset[str] = frozenset()) -> list[Any]:
        """The tokens of a sentence whose lower-case lemma is one of ``lemmas`` and whose part of
        speech one of ``parts``, or whose lower-case form is one of ``forms``, in text order. Read
        from the doc's columns (made once a document): a Token object for every word cost more
        than the recognisers' work on the few that qualify.

        :param sent: a :class:`~parley.document.Sentence`.
        :param lemmas: lower-case lemmas ("meet", "visit").
        :param parts: coarse parts of speech ("VERB", "NOUN").
        :param forms: lower-case word forms taken whatever their part of speech ("alongside").
        """
        span = self.sdoc.char_span(sent.char_start, sent.char_end, alignment_mode="expand")
        if span is None:
            return []
        if self._columns is None:
            self._columns = token_columns(self.sdoc, (POS, LEMMA, LOWER))
        pos, lemma_ids, lower_ids = self._columns
        form_ids = {get_string_id(f) for f in forms}
        wanted, lower, strings = {get_string_id(p) for p in parts}, self._lemmas, self.sdoc.vocab.strings
        found = []
        for i in range(span.start, span.end):
            if pos[i] in wanted:
                lemma = lower.get(lemma_ids[i])
                if lemma is None:
                    lemma = lower[lemma_ids[i]] = strings[lemma_ids[i]].lower()
                if lemma in lemmas:
                    found.append(self.sdoc[i])
                    continue
            if lower_ids[i] in form_ids:
                found.append(self.sdoc[i])
        return found

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
