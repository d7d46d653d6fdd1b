"""Find the place mentions of a document and resolve them together.

Mentions come from the entities of the nlp stage (GPE, LOC, FAC), from entities mislabelled
whose whole text is a known place name ("Aleppo" tagged NORP), from gazetteer matches of
proper nouns outside any entity (a headline the model read as a person), from the dateline
("KALAMAZOO, Mich. (Reuters) -"), and from towns too small for the gazetteer that the text
frames as places ("Friendship, New York"; "near Dannemora" in a story about New York).
A name that starts an organisation's name ("Washington and Lee University"), follows a
title ("Mr. Jordan") or names a person found elsewhere is no place.

Names are resolved in two passes. The first settles what the document says about itself:
qualifiers ("Paris, Texas": Texas first, then the Paris in it), the dateline, and the
countries and states named (with actors and demonyms, they vote). The second resolves every
name again with that evidence: a town in a named state, or near a town already placed, beats
a bigger namesake elsewhere. Each place says why it won (``reason``), and a capital or
country that speaks ("Washington said") is marked ``metonymic`` (it stands for a government,
as the actors stage reads it) but kept as a place mention.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from typing import Any

from spacy.attrs import IDX, POS
from spacy.symbols import PROPN

from parley.document import Document, doc_text, token_columns, token_texts
from parley.model import common_words
from parley.name_words import words
from parley.places.cues import (PERSON_TITLES, after_locative, capitalised_runs, datelines, org_follows,
                                qualifier_after, titled_person)
from parley.places.cache import load_index
from parley.places.index import RANK_CURATED, RANK_PRIMARY, PlaceIndex
from parley.places.resolve import (GAZETTEER_UNVOTED_MIN_POPULATION, REGION_FEATURES, UNVOTED_MIN_POPULATION,
                                   Evidence, choose_with_reason, describe)

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Labels the small model often puts on place names; their whole text may still be a place.
MISLABELLED = frozenset({"NORP", "PERSON", "ORG"})
MAX_GAZETTEER_TOKENS = 4
DATELINE_CHARS = 1000        # a dateline opens the article, after at most a byline
# A town smaller than this, named by the NER or the gazetteer alone, is kept only when the
# document says where it is (its state named, written "Town, State", near a placed town):
# GeoNames has a hamlet for most capitalised words ("West", Texas; "Ballots", France).
SMALL_TOWN = 10_000
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


def _joined(sdoc: Any, left: int) -> bool:
    """Whether token ``left`` is written against the next one, a hyphen between or after it."""
    return left + 1 < len(sdoc) and not sdoc[left].whitespace_ and "-" in (sdoc[left].text, sdoc[left + 1].text)


def _hyphen_compound(sdoc: Any, bounds: tuple[int, int], index: PlaceIndex) -> tuple[int, int] | None:
    """The whole hyphenated name a span is part of, when that name is a town's own name.

    The model often cuts a hyphenated name ("Montana" of "Crans-Montana", "Mimosas" of
    "Bormes-les-Mimosas") or tags it as a person ("La Celle-Saint-Cloud"); the compound,
    with the capitalised word before it ("La"), wins over its parts when GeoNames names a
    place so. Returns None when the span is no part of such a compound.
    """
    start, end = bounds
    while start > 0 and _joined(sdoc, start - 1):
        start -= 1
    while end < len(sdoc) and _joined(sdoc, end - 1):
        end += 1
    while end > start and not sdoc[end - 1].is_alpha:
        end -= 1
    while start < end and not sdoc[start].is_alpha:
        start += 1
    if end - start < 3 or not any(sdoc[i].text == "-" for i in range(start, end)):
        return None
    firsts = [start - 1, start] if start > 0 and sdoc[start - 1].text[:1].isupper() \
        and sdoc[start - 1].is_alpha and sdoc[start - 1].whitespace_ else [start]
    for first in firsts:
        if _names_town(sdoc[first:end].text, index):
            return first, end
    return None


def _names_town(text: str, index: PlaceIndex) -> bool:
    """Whether ``text`` is the GeoNames (or curated) name of a town, not only an alternate name."""
    return any(p["feature"] == "city" and rank >= RANK_PRIMARY for p, rank in index.candidates(text))


def _is_headline_misfire(ent: Any) -> bool:
    """A PERSON entity with a verb in it is a capitalised headline, not a name."""
    return ent.label_ == "PERSON" and any(t.pos_ in ("VERB", "AUX") for t in ent)


def _best_rank(text: str, index: PlaceIndex) -> int:
    return max((rank for _, rank in index.candidates(text)), default=-1)


def _best_place_rank(text: str, index: PlaceIndex) -> int:
    """Best rank among candidates that are not buildings (which double as actors)."""
    return max((r for p, r in index.candidates(text) if p["feature"] != "other"), default=-1)


def _entities(sdoc: Any, index: PlaceIndex) -> list[tuple[Any, tuple[int, int] | None, tuple[int, int] | None]]:
    """The document's entities with their trimmed bounds (:func:`_trimmed`) and the hyphenated town
    name they are part of (:func:`_hyphen_compound`), read once for the person and the place scans."""
    found = []
    for ent in sdoc.ents:
        bounds = _trimmed(ent)
        found.append((ent, bounds, _hyphen_compound(sdoc, bounds, index) if bounds is not None else None))
    return found


def _person_names(entities: list[tuple], index: PlaceIndex) -> set[str]:
    """The words of the document's person names ("Barack Obama" gives "Obama").

    The small model often tags a surname alone as GPE ("Obama", "Kasich"); a word that
    names a person elsewhere in the same document is not taken for a town.

    :param entities: the document's entities, as :func:`_entities` gives them.
    """
    names = set()
    for ent, _, compound in entities:
        if ent.label_ == "PERSON" and not _is_headline_misfire(ent) and _best_rank(ent.text, index) < RANK_CURATED \
                and compound is None:
            names.add(ent.text)
            names.update(t.text for t in ent if t.text[:1].isupper())
    return names


def _entity_spans(sdoc: Any, entities: list[tuple], index: PlaceIndex, votes: Counter,
                  persons: set[str]) -> tuple[list[tuple], set[int]]:
    """Return ``(token_start, token_end, label, via)`` place spans and the tokens entities own.

    :param entities: the document's entities, as :func:`_entities` gives them.
    """
    spans, covered, compounds = [], set(), set()
    for ent, bounds, compound in entities:
        if not _is_headline_misfire(ent):
            covered.update(range(ent.start, ent.end))
        if bounds is None:
            continue
        if compound is not None:
            covered.update(range(*compound))
            if compound not in compounds:
                compounds.add(compound)
                spans.append((*compound, ent.label_ if ent.label_ in PLACE_LABELS else "GPE", "ner"))
            continue
        text = sdoc[bounds[0]:bounds[1]].text
        if not any(c.isupper() for c in text):
            continue  # "metro", "n’t": the model's slips, never a place name in English
        county = _county(sdoc, bounds, index)
        settlement = _preceded_by(sdoc[bounds[0]:bounds[1]], index.town_precues) and _names_town(text, index)
        if text in persons and _best_rank(text, index) < RANK_CURATED and not county and not settlement \
                and not _titled_region(sdoc[bounds[0]:bounds[1]], index):
            continue
        country = index.demonym(text)
        if country:
            votes[country] += 1
            continue
        if bounds[1] < len(sdoc) and sdoc[bounds[1]].lower_ in index.name_heads:
            continue  # "Astana process": the name of something else
        if org_follows(sdoc, bounds[1], index) or titled_person(sdoc, bounds[0]) \
                or _part_of_longer_name(sdoc, bounds, index):
            continue  # "Washington and Lee University", "Mr. Jordan", "Paris Hilton"
        if ent.label_ in PLACE_LABELS:
            spans.append((*bounds, ent.label_, "ner"))
        elif ent.label_ in MISLABELLED and (_best_place_rank(text, index) >= RANK_CURATED
                                            or _qualified_town(sdoc, bounds, index) or county or settlement
                                            or _titled_region(sdoc[bounds[0]:bounds[1]], index)):
            spans.append((*bounds, ent.label_, "ner"))
    return spans, covered


class _Words:
    """A document's token texts, parts of speech, offsets and sentence starts, read once as
    columns: the gazetteer and cue scans test every capitalised word, and a Token or Span object
    for each test cost more than the test.

    :param sdoc: the spaCy doc.
    """

    def __init__(self, sdoc: Any):
        self.texts, self.text = token_texts(sdoc), doc_text(sdoc)
        self.pos, self.idx = token_columns(sdoc, (POS, IDX))
        self.sent_start = [0] * len(sdoc)
        for sent in sdoc.sents:
            self.sent_start[sent.start:sent.end] = [sent.start] * (sent.end - sent.start)

    def span_text(self, start: int, end: int) -> str:
        """The text of tokens ``start`` to ``end`` (``sdoc[start:end].text``)."""
        return self.text[self.idx[start]:self.idx[end - 1] + len(self.texts[end - 1])]

    def is_name(self, start: int, end: int) -> bool:
        """A run that starts and ends with a proper noun, with only name words between."""
        pos, texts = self.pos, self.texts
        return (all(pos[i] == PROPN and texts[i][:1].isalpha() for i in (start, end - 1))
                and all(pos[i] == PROPN or texts[i].lower() in _NAME_JOINERS for i in range(start, end)))


def _is_proper(sdoc: Any, i: int) -> bool:
    return 0 <= i < len(sdoc) and sdoc[i].pos_ == "PROPN" and sdoc[i].text[:1].isupper()


def _starts_line(sdoc: Any, i: int) -> bool:
    return i == 0 or i == sdoc[i].sent.start or "\n" in sdoc[i - 1].text


def _gazetteer_match(sdoc: Any, i: int, index: PlaceIndex, covered: set[int], words: _Words) -> int | None:
    """Return the end of the longest gazetteer name starting at token ``i``, or None."""
    for end in range(min(i + MAX_GAZETTEER_TOKENS, len(sdoc)), i, -1):
        if any(j in covered for j in range(i, end)) or words.sent_start[end - 1] > i:
            continue
        if not words.is_name(i, end) or not index.in_gazetteer(words.span_text(i, end)):
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
    words = _Words(sdoc)
    texts = words.texts
    while i < len(sdoc):
        end = None
        if i not in covered and texts[i][:1].isupper() and words.pos[i] == PROPN:
            end = _gazetteer_match(sdoc, i, index, covered, words)
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


def _qualified_town(sdoc: Any, bounds: tuple[int, int], index: PlaceIndex) -> tuple[int, int] | None:
    """The qualifier of a town written "Town, Region" whose region holds a town of that name."""
    qualifier = qualifier_after(sdoc, bounds[1], index)
    if qualifier is None:
        return None
    towns = [p for p, _ in index.candidates(sdoc[bounds[0]:bounds[1]].text) if p["feature"] in ("city", "county")]
    regions = [p for p, _ in index.candidates(sdoc[qualifier[0]:qualifier[1]].text)
               if p["feature"] in (*REGION_FEATURES, "country")]
    return qualifier if any(_holds(r, t) for r in regions for t in towns) else None


def _holds(region: dict, town: dict) -> bool:
    if region["country"] != town["country"] or region["feature"] not in (*REGION_FEATURES, "country"):
        return False
    return region["feature"] == "country" or (region.get("admin1") is not None
                                              and region.get("admin1") == town.get("admin1"))


def _region_cued(span: Any, index: PlaceIndex) -> bool:
    """Whether the words around a name show a state is meant ("New York Sen.", "state of New
    York", "northern New York")."""
    doc = span.doc
    if span.end < len(doc) and doc[span.end].lower_ in index.region_cues:
        return True
    if span.start > 0 and doc[span.start - 1].text in index.part_prefixes:
        return True  # lower case: "northern New York" is part of the state, "Northern Virginia" an area
    return _preceded_by(span, index.region_precues)


def _preceded_by(span: Any, cues: frozenset[str]) -> bool:
    """Whether the words right before ``span`` end with one of ``cues`` ("state of", "village of")."""
    before = " ".join(t.lower_ for t in span.doc[max(0, span.start - 3):span.start])
    return any(before.endswith(cue) and (len(before) == len(cue) or before[-len(cue) - 1] == " ") for cue in cues)


def _area_of(span: Any, index: PlaceIndex) -> Any:
    """The place an unknown area is named after: "Idlib" in "Idlib province", "Virginia" in
    "Northern Virginia"; None when the name is not built that way.
    """
    if len(span) >= 2 and span[-1].lower_ in index.region_suffixes:
        return span[:-1]
    if len(span) >= 2 and span[0].lower_ in index.part_prefixes:
        return span[1:]
    return None


def _dateline_spans(sdoc: Any, index: PlaceIndex, covered: set[int]) -> list[tuple]:
    """The dateline's place name as a span (its qualifier is found like any "Town, State")."""
    spans = []
    for start, end, _ in datelines(doc_text(sdoc)[:DATELINE_CHARS]):
        span = sdoc.char_span(start, end, alignment_mode="expand")
        if span is None or not index.is_name(span.text):
            continue
        if any(i in covered for i in range(span.start, span.end)):
            spans.append((span.start, span.end, "GPE", "dateline"))  # replaces the entity's span
            continue
        spans.append((span.start, span.end, "GPE", "dateline"))
        covered.update(range(span.start, span.end))
    return spans


def _common_words() -> frozenset[str]:
    """Common English words (the nlp stage's list): a town so named needs a qualifier."""
    return common_words()   # the model is loaded already when a document has a spacy_doc


def _cued_spans(sdoc: Any, index: PlaceIndex, covered: set[int], named: set[int], known: set[str],
                evidence: Evidence, votes: Counter) -> list[tuple]:
    """Towns too small for the gazetteer that the text frames as places.

    Taken when written "Town, Region" with a town of that name in the region; or after a
    locative ("in", "near", "west of") when not a common word and a town of that name lies in
    a state or country the document names; or when the same name was taken before.
    """
    spans = []
    words = _Words(sdoc)
    for run_start, run_end in capitalised_runs(sdoc, covered):
        start = run_start
        while start < run_end:
            bounds = _cued_town(sdoc, start, run_end, index, known, named, evidence, votes, words)
            if bounds is None:
                start += 1
                continue
            spans.append((*bounds, None, "cue"))
            known.add(sdoc[bounds[0]:bounds[1]].text)
            start = bounds[1]
    return spans


def _cued_town(sdoc: Any, start: int, run_end: int, index: PlaceIndex, known: set[str], named: set[int],
               evidence: Evidence, votes: Counter, words: _Words) -> tuple[int, int] | None:
    """The longest town name from ``start`` within the run that the text frames as a place."""
    common = None
    for end in range(run_end, start, -1):
        bounds = (start, end)
        text = words.span_text(start, end)
        if not index.is_name(text) or index.demonym(text) or titled_person(sdoc, start) \
                or org_follows(sdoc, end, index) or (end < len(sdoc) and sdoc[end].lower_ in index.name_heads):
            continue
        if _qualified_town(sdoc, bounds, index) or _county(sdoc, bounds, index):
            return bounds
        if any(i in named for i in range(start, end)):
            continue  # part of a person's or an organisation's name
        if text in known:
            return bounds
        if end != run_end or not after_locative(sdoc, start, index):
            continue  # "from The Mission Continues": part of a longer name
        common = _common_words() if common is None else common
        if end - start == 1 and sdoc[start].lower_ in common:
            continue
        settlement = _preceded_by(sdoc[start:end], index.town_precues)
        if any(p["feature"] == "city" and (settlement or evidence.regions.get((p["country"], p.get("admin1")))
                                           or (votes.get(p["country"]) and p["population"] >= 1000))
               for p, _ in index.candidates(text)):
            return bounds
    return None


def _titled_region(span: Any, index: PlaceIndex) -> bool:
    """A state's name before an office ("Texas Rep.", "Missouri Gov."), whatever the NER said."""
    return _region_cued(span, index) and any(p["feature"] in ("region", "province")
                                             for p, _ in index.candidates(span.text))


def _county(sdoc: Any, bounds: tuple[int, int], index: PlaceIndex) -> bool:
    """A name ending in "County" or "Parish" that names a county: the word says what it is."""
    return bounds[1] - bounds[0] > 1 and sdoc[bounds[1] - 1].lower_ in ("county", "parish") \
        and any(p["feature"] == "county" for p, _ in index.candidates(sdoc[bounds[0]:bounds[1]].text))


def _part_of_longer_name(sdoc: Any, bounds: tuple[int, int], index: PlaceIndex) -> bool:
    """A one-word town name run on into another name word is a person's or a thing's name
    ("Paris Hilton", "George Washington"), unless the next word is a title ("Moscow Mayor")."""
    start, end = bounds
    if end - start != 1 or end >= len(sdoc):
        return False
    following = sdoc[end]
    if not (following.text[:1].isupper() and following.is_alpha) or following.lower_ in PERSON_TITLES \
            or following.lower_ in index.region_suffixes or following.lower_ in index.region_cues \
            or following.lower_ in _common_words():
        return False  # "Mosul This Spring" is a headline's capitals, "Hilton" a name
    found = index.candidates(sdoc[start:end].text)
    return bool(found) and all(p["feature"] == "city" and rank < RANK_CURATED for p, rank in found)


def _spans_and_votes(doc: Document, index: PlaceIndex, gazetteer: bool) -> tuple[list[tuple], Counter]:
    """The document's place spans in text order, and the country votes of the whole text."""
    sdoc = doc.spacy_doc
    votes: Counter = Counter(m["country"] for m in doc.mentions if m.get("country"))
    entities = _entities(sdoc, index)
    persons = _person_names(entities, index)
    spans, covered = _entity_spans(sdoc, entities, index, votes, persons)
    taken = {i for start, end, _, _ in spans for i in range(start, end)}
    for dateline in _dateline_spans(sdoc, index, taken):
        spans = [s for s in spans if not (s[0] < dateline[1] and dateline[0] < s[1])] + [dateline]
    covered |= taken
    if gazetteer:
        for span in _gazetteer_spans(sdoc, index, covered):
            text = sdoc[span[0]:span[1]].text
            if (text not in persons or _best_rank(text, index) >= RANK_CURATED) \
                    and not org_follows(sdoc, span[1], index) and not titled_person(sdoc, span[0]):
                spans.append(span)
    spans = sorted(_with_state_word(sdoc, span, index) for span in spans)
    for start, end, _, _ in spans:
        countries = {p["country"] for p, _ in index.candidates(sdoc[start:end].text)}
        if len(countries) == 1 and None not in countries:
            votes[countries.pop()] += 1
    return spans, votes


def _unresolved() -> dict:
    return dict.fromkeys(("geonameid", "name", "country", "lat", "lon", "feature", "within")) | {
        "aliases": [], "derived": False}


class _Resolver:
    """Resolves a document's spans with the evidence gathered so far (see the module doc)."""

    def __init__(self, sdoc: Any, index: PlaceIndex, spans: list[tuple], votes: Counter, sentences: list[int]):
        self.sdoc, self.index, self.votes = sdoc, index, votes
        self.spans = spans
        self.sentence_starts = sentences
        self.by_start = {span[0]: span for span in spans}
        self.evidence = Evidence()
        self._qualifiers: dict[tuple, tuple | None] = {}

    def sentence_of(self, token: int) -> int | None:
        char = self.sdoc[token].idx
        return bisect_right(self.sentence_starts, char) - 1 if self.sentence_starts else None

    def qualifier_of(self, span: tuple) -> tuple | None:
        """The span written right after this one and a comma, when it holds a town so named."""
        if span not in self._qualifiers:
            self._qualifiers[span] = self._qualifier_of(span)
        return self._qualifiers[span]

    def _qualifier_of(self, span: tuple) -> tuple | None:
        bounds = _qualified_town(self.sdoc, span[:2], self.index)
        if bounds is None and span[3] == "dateline":
            bounds = qualifier_after(self.sdoc, span[1], self.index)  # "FENTON, Iowa": a town we lack
        if bounds is None or any(p["feature"] in ("region", "country")
                                 for p, _ in self.index.candidates(self.sdoc[span[0]:span[1]].text)):
            return None  # a list of states ("Virginia, Kentucky") is no town and its state
        return self.by_start.get(bounds[0]) or (*bounds, None, "qualifier")

    def listed_with_region(self, span: tuple, chosen: dict[tuple, tuple]) -> bool:
        """Whether a neighbour in a list ("Kentucky, California, New York and ...") is a state."""
        for other in (self._neighbour(span[0], -1), self._neighbour(span[1], 1)):
            place = chosen.get(other, (None,))[0] if other else None
            if place is not None and place["feature"] in ("region", "province"):
                return True
        return False

    def _neighbour(self, edge: int, step: int) -> tuple | None:
        i = edge - 1 if step < 0 else edge
        if not (0 <= i < len(self.sdoc)) or self.sdoc[i].text not in (",", "and", "or"):
            return None
        j = i + step
        if 0 <= j < len(self.sdoc) and self.sdoc[j].text in ("and", "or", ","):
            j += step
        if step > 0:
            return self.by_start.get(j)
        return next((s for s in self.spans if s[1] == j + 1), None)

    def resolve(self, span: tuple, chosen: dict[tuple, tuple]) -> tuple[dict | None, str | None, Any]:
        """``(place, reason, area)`` for one span; ``area`` is set for "Idlib province"."""
        start, end, _, via = span
        text = self.sdoc[start:end]
        unvoted = GAZETTEER_UNVOTED_MIN_POPULATION if via == "gazetteer" else UNVOTED_MIN_POPULATION
        options = self.index.candidates(text.text)
        settlement = _preceded_by(text, self.index.town_precues)
        if settlement:  # "the village of X": a town, however small, not a region or a namesake country
            options = [o for o in options if o[0]["feature"] == "city"] or options
            unvoted = 0
        self.evidence.sentence, self.evidence.current = self.sentence_of(start), start
        qualifier = self.qualifier_of(span)
        within = None
        if qualifier is not None:
            container = chosen.get(qualifier) or self._container(qualifier, options)
            within = container[0] if container else None
        if within is not None and not any(_holds(within, p) for p, _ in options if p["feature"] in ("city", "county")):
            return _town_in(text.text, within), f"unknown town in {within['name']}", None
        region = _region_cued(text, self.index) or self.listed_with_region(span, chosen)
        place, reason = choose_with_reason(options, self.votes, self.index, unvoted_min=0 if via in ("dateline", "cue")
                                           else unvoted, region=region, within=within, evidence=self.evidence)
        if via in ("ner", "gazetteer") and place is not None and place["feature"] == "city" \
                and (place["population"] or 0) < SMALL_TOWN and not settlement \
                and not reason.startswith(("qualified", "curated", "near", "in a region")):
            return None, None, None  # "West", "Sater": a tiny namesake, no sign the text means it
        if via == "dateline" and place is not None:
            reason = f"dateline; {reason}"
        area = None if place or options else _area_of(text, self.index)
        if area is not None:
            place, reason = choose_with_reason(self.index.candidates(area.text), self.votes, self.index,
                                               unvoted_min=unvoted, evidence=self.evidence)
            reason = reason and f"area named after a place; {reason}"
        return place, reason, area

    def _container(self, qualifier: tuple, town_options: list) -> tuple | None:
        """Resolve a qualifier as the region that holds a town of the qualified name."""
        towns = [p for p, _ in town_options if p["feature"] in ("city", "county")]
        options = [(p, r) for p, r in self.index.candidates(self.sdoc[qualifier[0]:qualifier[1]].text)
                   if any(_holds(p, t) for t in towns)]
        if options:
            place, reason = choose_with_reason(options, self.votes, self.index)
            return place, f"qualifies a town; {reason}", None
        text = self.sdoc[qualifier[0]:qualifier[1]].text
        place, reason = choose_with_reason(self.index.candidates(text), self.votes, self.index, region=True)
        return (place, reason, None) if place else None

    def run(self) -> dict[tuple, tuple]:
        """Resolve every span: qualifiers first, then the rest in text order."""
        chosen: dict[tuple, tuple] = {}
        qualifiers = {self.qualifier_of(span) for span in self.spans} - {None}
        for span in [s for s in self.spans if s in qualifiers] + [s for s in self.spans if s not in qualifiers]:
            if span in qualifiers:
                town = next(s for s in self.spans if self.qualifier_of(s) == span)
                found = self._container(span, self.index.candidates(self.sdoc[town[0]:town[1]].text))
                chosen[span] = found or self.resolve(span, chosen)
            else:
                chosen[span] = self.resolve(span, chosen)
        return chosen

    def learn(self, chosen: dict[tuple, tuple]) -> None:
        """Take the states, towns and dateline the first pass settled as evidence."""
        for span, (place, reason, _) in chosen.items():
            if place is None or reason is None:
                continue
            settled = reason.startswith(("qualified", "qualifies", "dateline", "only candidate", "region cue"))
            if place.get("admin1") and (place["feature"] in ("region", "province") or settled):
                self.evidence.regions[(place["country"], place["admin1"])] += 1
            if span[3] == "dateline" and place["country"]:
                self.votes[place["country"]] += 2
            if settled and place["feature"] in ("city", "county") and place["lat"] is not None:
                self.evidence.anchors.append((place["lat"], place["lon"], place["name"], self.sentence_of(span[0]),
                                              span[0]))


def _town_in(name: str, region: dict) -> dict:
    """A town the index lacks, written "Town, Region": placed at the region, marked derived."""
    return {"geonameid": None, "name": name, "country": region["country"], "lat": region["lat"],
            "lon": region["lon"], "feature": "city", "population": 0, "admin1": region.get("admin1"),
            "derived": True, "history": [], "aliases": []}


_COMPOUND = re.compile(r"^([A-Z][\w.]*?)[-–]([A-Za-z]{3,})")


def _compound_places(sdoc: Any, index: PlaceIndex, taken: set[int], votes: Counter) -> list[tuple[Any, int, dict]]:
    """Countries that open a hyphenated compound ("U.S.-led", "Russian-backed" excepted):
    ``(token, prefix length, place)``."""
    found = []
    for i, text in enumerate(token_texts(sdoc)):
        match = _COMPOUND.match(text) if "-" in text or "–" in text else None
        if match is None or i in taken:
            continue
        token = sdoc[i]
        countries = [(p, r) for p, r in index.candidates(match.group(1)) if p["feature"] == "country"]
        if countries:
            place, _ = choose_with_reason(countries, votes, index)
            found.append((token, len(match.group(1)), place))
    return found


def _metonymic(sdoc: Any, end: int, place: dict) -> bool:
    """A country or city that speaks ("Washington said", "Moscow warned") stands for its government."""
    if place["feature"] not in ("country", "city") or end >= len(sdoc):
        return False
    return sdoc[end].lower_ in words("speech")


def find_places(doc: Document, index: PlaceIndex | None = None, gazetteer: bool = True) -> list[dict]:
    """Return the place dicts of ``doc`` (see the place contract), in text order.

    :param doc: a document with ``spacy_doc`` (and ``sentences``) set by the nlp stage.
    :param index: the place index; the cached default when None.
    :param gazetteer: also match known place names that the NER missed.
    :returns: one dict per mention with ``text, char_start, char_end, sentence, geonameid,
        name, country, lat, lon, feature, aliases, within, derived, label, via, reason,
        metonymic``; a GPE/LOC mention that names no known place keeps null resolution
        fields; an area named after a place ("Idlib province", "Northern Virginia") has no id
        of its own, the place's country and coordinates, and the place's id as ``within``.
    """
    sdoc = doc.spacy_doc
    if sdoc is None:
        return []
    index = index or load_index()
    spans, votes = _spans_and_votes(doc, index, gazetteer)
    starts = [s.char_start for s in doc.sentences]
    first = _Resolver(sdoc, index, spans, votes, starts)
    first.learn(first.run())
    covered = {i for start, end, _, _ in spans for i in range(start, end)}
    named = {i for ent in sdoc.ents if ent.label_ in ("PERSON", "ORG") for i in range(ent.start, ent.end)}
    known = {sdoc[s:e].text for s, e, _, via in spans if via in ("cue", "dateline")}
    cued = _cued_spans(sdoc, index, covered, named, known, first.evidence, votes)
    spans = sorted(spans + cued)
    final = _Resolver(sdoc, index, spans, votes, starts)
    final.evidence = first.evidence
    chosen = final.run()
    places = []
    taken = {i for start, end, _, _ in spans for i in range(start, end)}
    for token, length, place in _compound_places(sdoc, index, taken, votes):
        sentence = bisect_right(starts, token.idx) - 1 if starts else None
        places.append({"text": token.text[:length], "char_start": token.idx, "char_end": token.idx + length,
                       "sentence": sentence, **describe(place, doc.anchor_date), "label": None, "via": "compound",
                       "reason": "country name", "metonymic": False})
    for span in spans:
        start, end, label, via = span
        place, reason, area = chosen[span]
        text = sdoc[start:end]
        if place is None:
            if label not in ("GPE", "LOC"):
                continue
            resolved = _unresolved()
        elif area is not None:
            resolved = {"geonameid": None, "name": text.text, "country": place["country"],
                        "lat": place["lat"], "lon": place["lon"], "feature": "region",
                        "aliases": [], "within": place["geonameid"], "derived": True}
        else:
            resolved = describe(place, doc.anchor_date)
        sentence = bisect_right(starts, text.start_char) - 1 if starts else None
        places.append({"text": text.text, "char_start": text.start_char, "char_end": text.end_char,
                       "sentence": sentence, **resolved, "label": label, "via": via, "reason": reason,
                       "metonymic": place is not None and _metonymic(sdoc, end, place)})
    return sorted(places, key=lambda p: p["char_start"])


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
