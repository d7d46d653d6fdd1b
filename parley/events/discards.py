"""Sentences and stories that carry no codable event: PETRARCH's discard list.

``petrarch_discards.jsonl`` (converted from Phoenix.discards.txt, see
:mod:`parley.convert.petrarch_verbs`) lists phrases of sport, entertainment, disasters and
historical retrospectives; the bare time references among them are not used
(:data:`TIME_REFERENCE`). A sentence holding one codes no event; a *story* phrase
("+WORLD CUP") in the lead of a document (its first :data:`LEAD_SENTENCES` sentences) codes
none in the whole document, and elsewhere only silences its sentence. As in PETRARCH, a
phrase matches case-insensitively from the start of a word; one marked ``whole_word`` must
also end at a word boundary, the others match as stems ("champion" in "championship").

Example::

    discards = load_discards()
    discards.sentence_hit("He won the bronze medal in Tokyo.")     # "bronze medal"
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from parley.events.words import ordered_rule_words
from parley.knowledge import KnowledgeError, data_path

DISCARDS_PATH = data_path("events", "petrarch_discards.jsonl")
LEAD_SENTENCES = 3
# Discards that are only time references (a year, "months ago", "world war ii"): PETRARCH used
# them to skip historical retrospectives; parley dates every event instead (the times stage),
# so a sentence that mentions an old year or war still codes its own event.
TIME_REFERENCE = re.compile(r"^(\d{4}|(\w+ )?(days|weeks|months|years) (ago|later)|(post )?world war \w+"
                            r"|second world war|napoleonic wars|millennium)$")


WORD = re.compile(r"\w+")

# A capitalised word glued to the next capital, digit or quote ("SmithSenate", "BoehnerA"): where a
# list of linked headlines begins after a repeated name (``teaser_end_marks`` in governors.yaml).
# A possessive ("Rowe's") is no glue.
GLUED_NAME = re.compile(r"\b([A-Z][A-Za-z'’.-]*[a-z])(?=[A-Z0-9\"‘“]|'(?!s\b))")
# How far back the name stands before its glued repetition, how far a headline list runs.
NAME_REPEAT_WINDOW = 80
TEASER_LENGTH = 1000
TEASER_END = re.compile(r"\b(?:" + "|".join(map(re.escape, ordered_rule_words("teaser_end_marks"))) + r")\b")
# A gallery's title, repeated after its mark ("Photos: Floods in Peru Floods in Peru – ...").
GALLERY_TITLE = re.compile(r"(?:(?:" + "|".join(map(re.escape, ordered_rule_words("gallery_title_marks")))
                           + r") )+([^\n]{3,150}?) \1(?!\w)")


def _words(text: str) -> str:
    """Lower-case words joined by single spaces, with a space at each end."""
    return " " + " ".join(WORD.findall(text.lower())) + " "


class _Phrases:
    """Discard phrases as word strings, searched in a sentence's word string (C substring search).

    Only the phrases that can be there are searched: a phrase of several words, or a whole
    word, is in the sentence only if its first word is one of the sentence's words; a one-word
    stem only if it begins one of them. The first phrase in list order that is found wins.
    """

    def __init__(self, entries: list[dict]) -> None:
        self.needles = [(_words(e["phrase"]) if e["whole_word"] else _words(e["phrase"])[:-1], e["phrase"])
                        for e in entries]
        self.by_word: dict[str, list[int]] = {}     # first word -> needles that need it whole
        self.by_stem: dict[str, list[int]] = {}     # one-word stem -> needles
        self.always: list[int] = []                 # needles without a word (never in the data)
        for n, (needle, _) in enumerate(self.needles):
            first = needle.split()
            if not first:
                self.always.append(n)
            elif needle.endswith(" ") or len(first) > 1:
                self.by_word.setdefault(first[0], []).append(n)
            else:
                self.by_stem.setdefault(first[0], []).append(n)
        self.stem_lengths = sorted({len(stem) for stem in self.by_stem})
        # one search tells whether any stem begins a word at all (most sentences: none)
        self.any_stem = re.compile(" (?:" + "|".join(map(re.escape, self.by_stem)) + ")") if self.by_stem else None

    def find(self, text: str) -> str | None:
        words = _words(text)
        present = set(words.split())
        found = set(self.always)
        for word in present & self.by_word.keys():
            found.update(self.by_word[word])
        if self.any_stem is not None and self.any_stem.search(words):
            for word in present:
                for length in self.stem_lengths:
                    if length > len(word):
                        break
                    found.update(self.by_stem.get(word[:length], ()))
        return next((self.needles[n][1] for n in sorted(found) if self.needles[n][0] in words), None)


def page_furniture(text: str) -> list[tuple[int, int]]:
    """Return the character spans of page furniture in an article's text: what a scraped web page
    sets among the article's sentences and no reporter wrote as news. Two kinds are read:

    - a list of linked stories' headlines after a person's name, from the name repeated and glued
      to the first headline to the list's end mark ("John Smith John SmithSenate to vote on tariffs
      Trump threatens Iran MORE (R-Texas) said ..."; marks in ``teaser_end_marks``);
    - a photo gallery's title, repeated after its mark ("Photos: Floods in Peru Floods in
      Peru – A woman wades ..."; marks in ``gallery_title_marks``); the caption after it stays.

    :param text: the document's text.
    """
    spans = []
    for glued in GLUED_NAME.finditer(text):
        name = glued.group(1)
        before = text[max(0, glued.start() - NAME_REPEAT_WINDOW):glued.start()]
        if not re.search(r"\b" + re.escape(name) + r"\b", before):
            continue
        line_end = text.find("\n", glued.end())
        end = TEASER_END.search(text, glued.end(), min(glued.end() + TEASER_LENGTH,
                                                        line_end if line_end >= 0 else len(text)))
        if end is not None:
            spans.append((glued.end(), end.end()))
    spans.extend(title.span() for title in GALLERY_TITLE.finditer(text))
    return spans


class Discards:
    """Compiled discard phrases: all of them for sentences, the story ones for document leads."""

    def __init__(self, entries: list[dict]) -> None:
        self.size = len(entries)
        self.sentence_phrases = _Phrases(entries)
        self.story_phrases = _Phrases([e for e in entries if e["scope"] == "story"])

    def sentence_hit(self, text: str) -> str | None:
        """Return the discard phrase found in a sentence, or None."""
        return self.sentence_phrases.find(text)

    def story_hit(self, lead: str) -> str | None:
        """Return the story-level discard phrase found in a document's lead, or None."""
        return self.story_phrases.find(lead)


@lru_cache(maxsize=2)
def load_discards(path: Path = DISCARDS_PATH) -> Discards:
    """Read and compile the discard list (once per process).

    :param path: ``petrarch_discards.jsonl``.
    :raises ~parley.knowledge.KnowledgeError: naming the file and line of an entry without a phrase.
    """
    entries = []
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            try:
                entry = json.loads(line)
                if not entry["phrase"].strip() or entry["scope"] not in ("sentence", "story"):
                    raise ValueError("empty phrase or unknown scope")
                if TIME_REFERENCE.match(entry["phrase"]):
                    continue
                entries.append({"phrase": entry["phrase"], "scope": entry["scope"],
                                "whole_word": bool(entry.get("whole_word"))})
            except (ValueError, KeyError, TypeError, AttributeError) as error:
                raise KnowledgeError(path, str(error), number) from None
    return Discards(entries)
