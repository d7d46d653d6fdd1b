"""Find the place mentions of a document and resolve them together.

Mentions come from the spaCy entities (GPE, LOC, FAC), from entities the model mislabelled
whose whole text is a known place name ("Aleppo" tagged NORP), and from gazetteer matches of
proper nouns outside any entity (a dateline "ASTANA –", a headline the model read as a
person). Every country the document names, through a place, an actor or a demonym, votes
when a name has namesakes in several countries.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from typing import Any

from parley.document import Document
from parley.places.index import RANK_CURATED, PlaceIndex, load_index
from parley.places.resolve import (GAZETTEER_UNVOTED_MIN_POPULATION, UNVOTED_MIN_POPULATION, choose,
                                   describe)

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Labels the small model often puts on place names; their whole text may still be a place.
MISLABELLED = frozenset({"NORP", "PERSON", "ORG"})
MAX_GAZETTEER_TOKENS = 4
_NAME_JOINERS = frozenset({"of", "the", "-", "al", "el", "de"})
_TRIM_START = frozenset({"the", "The", "THE"})
_TRIM_END = frozenset({"'s", "’s", "'", "’", ",", ".", "-", "–", "—"})


def _trimmed(span: Any) -> tuple[int, int] | None:
    """Token bounds of ``span`` without a leading "the" or trailing possessive/punctuation."""
    start, end = span.start, span.end
    while start < end and span.doc[start].text in _TRIM_START:
        start += 1
    while end > start and (span.doc[end - 1].text in _TRIM_END or span.doc[end - 1].is_punct):
        end -= 1
    return (start, end) if start < end else None


def _is_headline_misfire(ent: Any) -> bool:
    """A PERSON entity with a verb in it is a capitalised headline, not a name."""
    return ent.label_ == "PERSON" and any(t.pos_ in ("VERB", "AUX") for t in ent)


def _best_rank(text: str, index: PlaceIndex) -> int:
    return max((rank for _, rank in index.candidates(text)), default=-1)


def _best_place_rank(text: str, index: PlaceIndex) -> int:
    """Best rank among candidates that are not buildings (which double as actors)."""
    return max((r for p, r in index.candidates(text) if p["feature"] != "other"), default=-1)


def _person_names(sdoc: Any, index: PlaceIndex) -> set[str]:
    """The words of the document's person names ("Barack Obama" gives "Obama").

    The small model often tags a surname alone as GPE ("Obama", "Kasich"); a word that
    names a person elsewhere in the same document is not taken for a town.
    """
    names = set()
    for ent in sdoc.ents:
        if ent.label_ == "PERSON" and not _is_headline_misfire(ent) and _best_rank(ent.text, index) < RANK_CURATED:
            names.add(ent.text)
            names.update(t.text for t in ent if t.text[:1].isupper())
    return names


def _entity_spans(sdoc: Any, index: PlaceIndex, votes: Counter,
                  persons: set[str]) -> tuple[list[tuple], set[int]]:
    """Return ``(token_start, token_end, label, via)`` place spans and the tokens entities own."""
    spans, covered = [], set()
    for ent in sdoc.ents:
        if not _is_headline_misfire(ent):
            covered.update(range(ent.start, ent.end))
        bounds = _trimmed(ent)
        if bounds is None:
            continue
        text = sdoc[bounds[0]:bounds[1]].text
        if not any(c.isupper() for c in text):
            continue  # "metro", "n’t": the model's slips, never a place name in English
        if text in persons and _best_rank(text, index) < RANK_CURATED:
            continue
        country = index.demonym(text)
        if country:
            votes[country] += 1
            continue
        if bounds[1] < len(sdoc) and sdoc[bounds[1]].lower_ in index.name_heads:
            continue  # "Astana process": the name of something else
        if ent.label_ in PLACE_LABELS:
            spans.append((*bounds, ent.label_, "ner"))
        elif ent.label_ in MISLABELLED and _best_place_rank(text, index) >= RANK_CURATED:
            spans.append((*bounds, ent.label_, "ner"))
    return spans, covered


def _is_name(span: Any) -> bool:
    """A run that starts and ends with a proper noun, with only name words between."""
    ends = (span[0], span[-1])
    return (all(t.pos_ == "PROPN" and t.text[:1].isalpha() for t in ends)
            and all(t.pos_ == "PROPN" or t.lower_ in _NAME_JOINERS for t in span))


def _is_proper(sdoc: Any, i: int) -> bool:
    return 0 <= i < len(sdoc) and sdoc[i].pos_ == "PROPN" and sdoc[i].text[:1].isupper()


def _starts_line(sdoc: Any, i: int) -> bool:
    return i == 0 or i == sdoc[i].sent.start or "\n" in sdoc[i - 1].text


def _gazetteer_match(sdoc: Any, i: int, index: PlaceIndex, covered: set[int]) -> int | None:
    """Return the end of the longest gazetteer name starting at token ``i``, or None."""
    for end in range(min(i + MAX_GAZETTEER_TOKENS, len(sdoc)), i, -1):
        if any(j in covered for j in range(i, end)) or sdoc[end - 1].sent.start > i:
            continue
        if not _is_name(sdoc[i:end]) or not index.in_gazetteer(sdoc[i:end].text):
            continue
        if end < len(sdoc) and sdoc[end].lower_ in index.name_heads:
            return None  # "the Astana Process": the name of something else
        text = sdoc[i:end].text
        if text.isupper() and not _starts_line(sdoc, i):
            return None  # a shouted headline word ("SPLIT"), unlike a dateline
        if _best_rank(text, index) < RANK_CURATED and (_is_proper(sdoc, i - 1) or _is_proper(sdoc, end)):
            return None  # part of a longer name ("Van Hollen")
        return end
    return None


def _gazetteer_spans(sdoc: Any, index: PlaceIndex, covered: set[int]) -> list[tuple]:
    """Proper-noun runs outside entities whose text is a gazetteer name, longest first."""
    spans, i = [], 0
    while i < len(sdoc):
        token = sdoc[i]
        end = None
        if i not in covered and token.pos_ == "PROPN" and token.text[:1].isupper():
            end = _gazetteer_match(sdoc, i, index, covered)
        if end is None:
            i += 1
        else:
            spans.append((i, end, None, "gazetteer"))
            i = end
    return spans


def _with_state_word(sdoc: Any, span: tuple, index: PlaceIndex) -> tuple:
    """Extend "Washington" to "Washington state" when the next word makes it a state's name."""
    start, end, label, via = span
    if end < len(sdoc) and sdoc[end].lower_ == "state" and index.candidates(sdoc[start:end + 1].text):
        return (start, end + 1, label, via)
    return span


def _container_of(sdoc: Any, start: int, resolved_by_end: dict[int, dict]) -> dict | None:
    """The place written just before a name and a comma ("Hempstead, New York"), or None."""
    if start >= 2 and sdoc[start - 1].text == ",":
        return resolved_by_end.get(start - 1)
    return None


def _region_cued(span: Any, index: PlaceIndex) -> bool:
    """Whether the words around a name show a state is meant ("New York Sen.", "state of New York")."""
    doc = span.doc
    if span.end < len(doc) and doc[span.end].lower_ in index.region_cues:
        return True
    before = " ".join(t.lower_ for t in doc[max(0, span.start - 3):span.start])
    return any(before.endswith(cue) for cue in index.region_precues)


def _area_of(span: Any, index: PlaceIndex) -> Any:
    """The place an unknown area is named after: "Idlib" in "Idlib province", "Virginia" in
    "Northern Virginia"; None when the name is not built that way.
    """
    if len(span) >= 2 and span[-1].lower_ in index.region_suffixes:
        return span[:-1]
    if len(span) >= 2 and span[0].lower_ in index.part_prefixes:
        return span[1:]
    return None


def _spans_and_votes(doc: Document, index: PlaceIndex, gazetteer: bool) -> tuple[list[tuple], Counter]:
    """The document's place spans in text order, and the country votes of the whole text."""
    sdoc = doc.spacy_doc
    votes: Counter = Counter(m["country"] for m in doc.mentions if m.get("country"))
    persons = _person_names(sdoc, index)
    spans, covered = _entity_spans(sdoc, index, votes, persons)
    if gazetteer:
        for span in _gazetteer_spans(sdoc, index, covered):
            text = sdoc[span[0]:span[1]].text
            if text not in persons or _best_rank(text, index) >= RANK_CURATED:
                spans.append(span)
    spans = sorted(_with_state_word(sdoc, span, index) for span in spans)
    for start, end, _, _ in spans:
        countries = {p["country"] for p, _ in index.candidates(sdoc[start:end].text)}
        if len(countries) == 1 and None not in countries:
            votes[countries.pop()] += 1
    return spans, votes


def _unresolved() -> dict:
    return dict.fromkeys(("geonameid", "name", "country", "lat", "lon", "feature", "within")) | {"aliases": []}


def find_places(doc: Document, index: PlaceIndex | None = None, gazetteer: bool = True) -> list[dict]:
    """Return the place dicts of ``doc`` (see the place contract), in text order.

    :param doc: a document with ``spacy_doc`` (and ``sentences``) set by the nlp stage.
    :param index: the place index; the cached default when None.
    :param gazetteer: also match known place names that the NER missed.
    :returns: one dict per mention with ``text, char_start, char_end, sentence, geonameid,
        name, country, lat, lon, feature, aliases, within, label, via``; a GPE/LOC mention
        that names no known place keeps null resolution fields; an area named after a place
        ("Idlib province", "Northern Virginia") has no id of its own, the place's country and
        coordinates, and the place's id as ``within``.
    """
    sdoc = doc.spacy_doc
    if sdoc is None:
        return []
    index = index or load_index()
    spans, votes = _spans_and_votes(doc, index, gazetteer)
    starts = [s.char_start for s in doc.sentences]
    places, resolved_by_end = [], {}
    for start, end, label, via in spans:
        span = sdoc[start:end]
        unvoted_min = GAZETTEER_UNVOTED_MIN_POPULATION if via == "gazetteer" else UNVOTED_MIN_POPULATION
        options = index.candidates(span.text)
        place = choose(options, votes, index, unvoted_min=unvoted_min, region=_region_cued(span, index),
                       within=_container_of(sdoc, start, resolved_by_end))
        area = None if place or options else _area_of(span, index)
        if area is not None:
            place = choose(index.candidates(area.text), votes, index, unvoted_min=unvoted_min)
        if place is None:
            if label not in ("GPE", "LOC"):
                continue
            resolved = _unresolved()
        elif area is not None:
            resolved = {"geonameid": None, "name": span.text, "country": place["country"],
                        "lat": place["lat"], "lon": place["lon"], "feature": "region",
                        "aliases": [], "within": place["geonameid"]}
        else:
            resolved = describe(place, doc.anchor_date)
        if place is not None:
            resolved_by_end[end] = place
        sentence = bisect_right(starts, span.start_char) - 1 if starts else None
        places.append({"text": span.text, "char_start": span.start_char, "char_end": span.end_char,
                       "sentence": sentence, **resolved, "label": label, "via": via})
    return places


def make_places(gazetteer: bool = True, index: PlaceIndex | None = None):
    """Build the ``parley_places`` component, which sets ``doc.places``.

    :param gazetteer: also match known place names that the NER missed.
    :param index: a place index; the cached default when None.
    :returns: a callable ``component(doc) -> doc``.
    """
    index = index or load_index()

    def parley_places(doc: Document) -> Document:
        doc.places = find_places(doc, index, gazetteer=gazetteer)
        return doc

    return parley_places
