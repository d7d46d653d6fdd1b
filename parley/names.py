"""Names by rule: the entity recogniser of the fast nlp mode (``ner="rules"``).

spaCy's statistical entity recogniser costs more than the tagger and parser together, and
parley uses its entities for two things only: people the knowledge base does not know, and
place names. Both can be found from the text and parley's own data:

- a capitalised run of words (joined by "of", "al-", "bin"...) is cut into the longest
  known names first: knowledge-base actors (countries and capitals are ``GPE``, people
  ``PERSON``, organisations and groups ``ORG``), demonyms (``NORP``) and names of the place
  index that are safe in running text (``GPE``);
- what is left is cut at titles; a piece is a place when a major place starts it ("*Texas*
  Republicans"), an organisation when its last word is an organisation head ("Free Syrian
  *Army*") or it has an acronym; a person when it is two to four name words ("President *Rami
  Haddad*") not all common words unless a title or a speech verb vouches for them, never with
  "of" inside or an initial last, or one word after a title or that is the surname of a person
  already found in the document;
- a sentence's first word counts only when it is not a common English word, and Title Case
  lines (headlines) get known names and organisations only.

:class:`NameFinder` sets ``sdoc.ents``; the actors and places stages read them as they read
the model's.
"""

from __future__ import annotations

from datetime import date

from spacy.tokens import Doc, Span

from parley.actors.kb import KnowledgeBase, load_kb
from parley.actors.mentions import is_headline, scan_names
from parley.document import token_texts
from parley.name_words import words

_JOINERS = frozenset({"of", "the", "al", "el", "bin", "ibn", "abu", "de", "du", "da", "van", "von", "-"})
_KB_LABELS = {"state": "GPE", "person": "PERSON"}
MAX_PERSON_WORDS = 4
MAX_MEMO = 200_000          # texts kept per memo of place look-ups before it starts again

class NameFinder:
    """Sets ``sdoc.ents`` from the knowledge base, the place index and capitalisation rules.

    Built by :func:`parley.nlp.name_finder`, which gives it the model's common words and the
    candidate filter's lemma forms.

    Example::

        finder = name_finder()
        finder(sdoc, day=date(2017, 1, 23))
        [(e.text, e.label_) for e in sdoc.ents]
    """

    def __init__(self, common: frozenset[str], lemmas=None, kb: KnowledgeBase | None = None, places=None) -> None:
        from parley.places.cache import load_index
        from parley.places.index import RANK_CURATED

        self.kb = kb or load_kb()
        self.places = places or load_index()
        self.rank_curated = RANK_CURATED
        self.common = common
        self.lemmas = lemmas or (lambda lower: (lower,))
        self.titles = words("titles") | words("more_titles")
        self.org_heads, self.calendar = words("org_heads"), words("calendar")
        self.speech = words("speech")
        # what the place index says of a text, kept: the same names come back in every document,
        # and each look-up makes a record per candidate town
        self._labels: dict[str, str | None] = {}
        self._major: dict[str, bool] = {}

    def _place_label(self, text: str) -> str | None:
        """For a gazetteer or curated place name: ``GPE``, or ``ORG`` for a building that acts
        ("the White House"); None for anything else."""
        if text in self._labels:
            return self._labels[text]
        if len(self._labels) > MAX_MEMO:
            self._labels.clear()
        label = self._labels[text] = self._look_up_label(text)
        return label

    def _look_up_label(self, text: str) -> str | None:
        found = self.places.candidates(text)
        curated = [(p, rank) for p, rank in found if rank >= self.rank_curated]
        if not (curated or self.places.in_gazetteer(text)):
            return None
        # parley's own data decides over a namesake town ("White House", Tennessee)
        return "GPE" if any(p["feature"] != "other" for p, _ in curated or found) else "ORG"

    def _capitalised(self, text: str, first: bool = False) -> bool:
        """Whether a token's ``text`` can be part of a name (``first``: it starts its sentence)."""
        if not text[:1].isupper() or not any(c.isalpha() for c in text):
            return False
        lower = text.lower()
        if lower in self.calendar:
            return False
        return not first or not self._is_common(lower) or self._place_label(text) is not None

    def _is_common(self, lower: str) -> bool:
        """Whether a lower-case word, or a lemma it may have, is a common English word."""
        return lower in self.common or not self.common.isdisjoint(self.lemmas(lower))

    def _major_place(self, text: str) -> bool:
        """A country, a region or a city of a million: a name that prefixes others ("Texas Republicans")."""
        major = self._major.get(text)
        if major is None:
            if len(self._major) > MAX_MEMO:
                self._major.clear()
            major = self._major[text] = any(
                rank >= self.rank_curated or p["feature"] in ("country", "region")
                or (p["feature"] == "city" and (p.get("population") or 0) >= 1_000_000)
                for p, rank in self.places.candidates(text))
        return major

    def _runs(self, sdoc: Doc, atoms: dict) -> list[tuple[int, int, bool]]:
        """Capitalised runs ``(start, end, in_headline)``, joiners inside only."""
        texts = token_texts(sdoc)
        runs = []
        for sent in sdoc.sents:
            i, end = sent.start, sent.end
            if not any(t[:1].isupper() for t in texts[i:end]):
                continue
            headline = is_headline(sent)
            while i < end:
                if not (i in atoms and texts[i][:1].isupper() or self._capitalised(texts[i], i == sent.start)):
                    i += 1
                    continue
                j = i + 1
                while j < end:
                    k = j
                    while k < end and texts[k].lower() in _JOINERS and not (texts[k] == "-" and len(texts[k - 1]) == 1):
                        k += 1          # "Bashar al-Assad", not the "R-" of "R-Texas"
                    if k < end and self._capitalised(texts[k]):
                        j = k + 1
                    else:
                        break
                runs.append((i, j, headline))
                i = j
        return runs

    def __call__(self, sdoc: Doc, day: date | None = None) -> Doc:
        """Set the entities of ``sdoc`` (replacing any) and return it.

        :param sdoc: a tokenised doc with sentence boundaries.
        :param day: the document date, for names valid at a time (Nur-Sultan).
        """
        atoms = {a.start: a for a in scan_names(sdoc, self.kb, day=day)}
        spans: list[Span] = []
        people: list[tuple[int, int]] = []
        single: list[tuple[int, int]] = []
        for start, end, headline in self._runs(sdoc, atoms):
            gap = i = start
            while i < end:
                atom = atoms.get(i)
                stop = atom.end if atom is not None and atom.end <= end else i
                place = self._longest_place(sdoc, i, end, stop)
                if stop == i and place is None:
                    i += 1
                    continue
                for a, b, titled in self._segments(sdoc, gap, i):
                    self._unknown(sdoc, a, b, titled, headline, spans, people, single)
                if place is not None:           # "New Jersey" over the knowledge base's "Jersey"
                    spans.append(Span(sdoc, i, place[0], label=place[1]))
                    stop = place[0]
                else:
                    spans.append(Span(sdoc, i, stop, label=self._known_label(sdoc[i:stop], atom)))
                i = gap = stop
            for a, b, titled in self._segments(sdoc, gap, end):
                self._unknown(sdoc, a, b, titled, headline, spans, people, single)
        surnames = {sdoc[k].lower_ for a, b in people for k in range(a, b)
                    if sdoc[k].text[:1].isupper() and len(sdoc[k]) > 1 and not self._is_common(sdoc[k].lower_)}
        for a, b in single:
            label = "PERSON" if sdoc[a].lower_ in surnames else self._place_label(sdoc[a:b].text)
            if label:
                spans.append(Span(sdoc, a, b, label=label))
        sdoc.set_ents(sorted(spans, key=lambda s: s.start), default="outside")
        return sdoc

    def _longest_place(self, sdoc: Doc, i: int, end: int, beyond: int) -> tuple[int, str] | None:
        """``(end, label)`` of the longest place name of two or more words from ``i`` ending past ``beyond``."""
        for stop in range(min(end, i + 4), max(beyond, i + 1), -1):
            if sdoc[stop - 1].lower_ not in _JOINERS:
                label = self._place_label(sdoc[i:stop].text)
                if label:
                    return stop, label
        return None

    def _known_label(self, span: Span, atom) -> str:
        """The entity label of a knowledge-base name."""
        if atom.kind in ("demonym", "people", "ethnic"):
            return "NORP"
        if atom.kind == "capital":
            return self._place_label(span.text) or "GPE"
        return _KB_LABELS.get(self.kb.actors.get(atom.ref, {}).get("type"), "ORG")

    def _segments(self, sdoc: Doc, start: int, end: int) -> list[tuple[int, int, bool]]:
        """Cut ``[start, end)`` at titles: ``(start, end, after_a_title)`` pieces, joiners trimmed."""
        pieces, titled, i = [], start > 0 and sdoc[start - 1].lower_ in self.titles, start
        while i < end:
            if sdoc[i].lower_ in self.titles or sdoc[i].lower_ in _JOINERS:
                titled = titled or sdoc[i].lower_ in self.titles
                i += 1
                continue
            j = i
            while j < end and sdoc[j].lower_ not in self.titles:
                j += 1
            stop = j
            while stop > i and sdoc[stop - 1].lower_ in _JOINERS:
                stop -= 1
            pieces.append((i, stop, titled))
            titled, i = False, j
        return pieces

    def _unknown(self, sdoc: Doc, start: int, end: int, titled: bool, headline: bool, spans: list,
                 people: list, single: list) -> None:
        """Label a capitalised stretch no knowledge-base name covers."""
        if start >= end:
            return
        text = sdoc[start:end].text
        if self.places.demonym(text):
            spans.append(Span(sdoc, start, end, label="NORP"))
            return
        label = self._place_label(text) if end - start > 1 else None
        if label:
            spans.append(Span(sdoc, start, end, label=label))
            return
        last = sdoc[end - 1].lower_
        if end - start > 1 and (last in self.places.region_suffixes or sdoc[start].lower_ in self.places.part_prefixes):
            inner = (start, end - 1) if last in self.places.region_suffixes else (start + 1, end)
            label = self._place_label(sdoc[inner[0]:inner[1]].text)
            if label:                       # "Idlib Province", "Northern Aleppo": the place inside
                spans.append(Span(sdoc, *inner, label=label))
                return
        if last in self.org_heads:
            spans.append(Span(sdoc, start, end, label="ORG"))
            return
        of = next((k for k in range(start + 1, end) if sdoc[k].lower_ == "of"), None)
        if of is not None:                  # "Kevin Brady of Texas": no person's name has an "of"
            self._unknown(sdoc, start, of, titled, headline, spans, people, single)
            self._unknown(sdoc, of + 1, end, False, headline, spans, people, single)
            return
        prefix = next((k for k in range(min(end - 1, start + 3), start, -1)
                       if self._major_place(sdoc[start:k].text)), None)
        if prefix is not None:              # "Texas Republicans", "Moscow Mayor"
            spans.append(Span(sdoc, start, prefix, label=self._place_label(sdoc[start:prefix].text) or "GPE"))
            self._unknown(sdoc, prefix, end, titled, headline, spans, people, single)
            return
        if any(t.is_upper and len(t) > 1 and not t.text.endswith(".") for t in sdoc[start:end]):
            spans.append(Span(sdoc, start, end, label="ORG"))      # "AFP", "SANA"
        elif headline:
            return
        elif end - start == 1 and not titled:
            single.append((start, end))
        elif sum(t.lower_ not in _JOINERS for t in sdoc[start:end]) <= MAX_PERSON_WORDS \
                and self._person_like(sdoc, start, end, titled):  # "Omar Hassan al-Bashir": 4 words
            spans.append(Span(sdoc, start, end, label="PERSON"))
            people.append((start, end))

    def _person_like(self, sdoc: Doc, start: int, end: int, titled: bool) -> bool:
        """Names of common words only ("Capitol Hill", "Planned Parenthood") need a title or a
        speech verb to be a person's."""
        last = sdoc[end - 1].text
        if len(last.rstrip(".")) == 1:
            return False                    # "Hepatitis C.": no one's name ends in an initial
        if titled or (end < len(sdoc) and sdoc[end].lower_ in self.speech):
            return True
        return not all(self._is_common(t.lower_) for t in sdoc[start:end] if t.lower_ not in _JOINERS)
