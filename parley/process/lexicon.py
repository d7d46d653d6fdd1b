"""Load and compile ``parley/data/processes.yaml``: process names, meeting, role, outcome,
status and decision words.

The lexicon is data; this module only turns its phrase lists into whole-word,
case-insensitive matchers where the longest phrase wins.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterator

from parley.knowledge import KnowledgeError, data_path, read_yaml

DEFAULT_LEXICON_PATH = data_path("processes.yaml")

REQUIRED_KEYS = ("processes", "meeting_words", "role_words", "outcomes", "status_words", "decisions",
                 "ordinal_words", "role_order")
# optional sections that are lists of words (issue 20): each must be a list of strings when present
WORD_LISTS = ("appearance_nouns", "presence_nouns", "appearance_modifiers", "appearance_preps", "beside_preps", "hosting_verbs",
              "conditional_marks", "headline_meeting_verbs", "building_nouns", "headline_not_today", "meeting_verbs", "visit_verbs",
              "journey_nouns", "occasion_preps", "sending_verbs", "signing_verbs", "held_meeting_nouns", "holding_verbs",
              "held_verbs", "report_verbs", "conferring_verbs", "remote_means_words", "meeting_phrasal_verbs", "report_nouns", "caption_cues", "not_meeting_cues",
              "presence_words", "presence_words_dated", "summoning_verbs", "calling_in_verbs", "envoy_nouns",
              "agreement_verbs", "reaching_verbs", "agreement_nouns", "unheld_summons_verbs",
              "non_diplomatic_summoners", "residence_nouns", "repeated_summons_words", "troop_nouns",
              "hosting_light_verbs", "hosting_nouns", "standing_verbs", "bare_appearance_nouns", "lacking_words",
              "visit_light_verbs", "same_time_connectives", "addressing_verbs", "council_vote_verbs",
              "resolution_verbs", "subject_pronouns", "object_pronouns", "possessive_pronouns", "plural_pronouns")
# optional sections that map a preposition to the words it follows: each a mapping of words to lists of words
WORD_MAPS = ("hypothetical_nouns", "inclination_nouns")


# A process lexicon missing a section or with a malformed entry is reported by the one error of
# knowledge files (``file:line: reason``); the name stays for callers.
LexiconError = KnowledgeError


_WORD = re.compile(r"\w+")
# "Astana II", "Geneva IV": upper-case Roman numerals up to XXX after a space or hyphen; a lone
# "I" only when no lower-case word follows ("in Geneva I met him" is a pronoun)
ROMAN = r"[\s-](?-i:(" + "|".join(sorted(
    ("X" * (n // 10) + ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"][n % 10] for n in range(2, 31)),
    key=len, reverse=True)) + r"|I(?!\s+[a-z])))"
ROMAN_VALUES = {"I": 1, "V": 5, "X": 10}
_NON_ASCII_LETTER = re.compile(r"[^\W\x00-\x7f]")


@lru_cache(maxsize=256)
def _words(text: str) -> frozenset[str] | None:
    """The lower-cased words of ``text`` (cached: every matcher reads the same sentences), or
    None when it has a non-ASCII letter (where lower-casing and the regex's case folding may differ)."""
    return None if _NON_ASCII_LETTER.search(text) else frozenset(_WORD.findall(text.lower()))


class PhraseMatcher:
    """Find whole-word, case-insensitive occurrences of labelled phrases; longer phrases win.

    Example::

        m = PhraseMatcher({"observer": ["observers"], "guarantor": ["guarantor states"]})
        list(m.finditer("the guarantor states sent observers"))
    """

    def __init__(self, labelled: dict[str, list[str]]):
        self.labels: dict[str, str] = {}
        for label, phrases in labelled.items():
            for phrase in phrases:
                self.labels.setdefault(phrase.lower(), label)
        ordered = sorted(self.labels, key=len, reverse=True)
        body = "|".join(re.escape(p).replace(r"\ ", r"[\s\-]+") for p in ordered)
        self.regex = re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.IGNORECASE) if ordered else None
        # Each word of a phrase is a whole word of the text it matches: where no phrase has all
        # its words in a text, the big case-insensitive alternation need not run. Checked only
        # on texts whose letters are ASCII, where lower-casing and the regex's case folding agree.
        self.phrase_words: dict[str, list[frozenset[str]]] | None = {}
        for phrase in ordered:
            words = _WORD.findall(phrase)
            if not words or _NON_ASCII_LETTER.search(words[0]):
                self.phrase_words = None
                break
            self.phrase_words.setdefault(words[0], []).append(frozenset(words))
        self.first_words = frozenset(self.phrase_words or ())

    def finditer(self, text: str, offset: int = 0) -> Iterator[tuple[str, str, int, int]]:
        """Yield ``(label, matched text, char_start, char_end)`` for each match in ``text``.

        :param text: the text to search.
        :param offset: added to the offsets, so matches in a sentence index the document.
        """
        if self.regex is None or not self._may_match(text):
            return
        for m in self.regex.finditer(text):
            key = re.sub(r"[\s\-]+", " ", m.group(0).lower())
            label = self.labels.get(key) or self._label_loose(key)
            yield label, m.group(0), m.start() + offset, m.end() + offset

    def _may_match(self, text: str) -> bool:
        words = None if self.phrase_words is None else _words(text)
        if words is None:
            return True
        return any(needed <= words for first in words & self.first_words for needed in self.phrase_words[first])

    def _label_loose(self, key: str) -> str:
        for phrase, label in self.labels.items():
            if re.sub(r"[\s\-]+", " ", phrase) == key:
                return label
        return ""

    def search(self, text: str) -> str | None:
        """Return the label of the first match in ``text``, or None."""
        return next((label for label, *_ in self.finditer(text)), None)


@dataclass
class Lexicon:
    """The compiled process lexicon (see ``parley/data/processes.yaml``)."""

    data: dict[str, Any]
    processes: dict[str, dict] = field(default_factory=dict)
    aliases: PhraseMatcher | None = None
    venues: PhraseMatcher | None = None
    meeting_words: PhraseMatcher | None = None
    roles: PhraseMatcher | None = None
    outcomes: PhraseMatcher | None = None
    statuses: PhraseMatcher | None = None
    decisions: PhraseMatcher | None = None
    process_cues: PhraseMatcher | None = None
    side_words: PhraseMatcher | None = None
    levels: PhraseMatcher | None = None
    subjects: PhraseMatcher | None = None
    numbered: re.Pattern | None = None
    ordinal_regex: re.Pattern | None = None
    same_time: re.Pattern | None = None
    # word sets already made: the meetings stage asks for them per token (300,000 times in 200 articles)
    _word_sets: dict[str, frozenset[str]] = field(default_factory=dict, repr=False, compare=False)
    _word_pairs: dict[str, frozenset[tuple[str, ...]]] = field(default_factory=dict, repr=False, compare=False)

    @property
    def role_rank(self) -> dict[str, int]:
        return {role: i for i, role in enumerate(self.data["role_order"])}

    def words(self, key: str) -> frozenset[str]:
        """Return the lower-cased word list stored under ``key``."""
        found = self._word_sets.get(key)
        if found is None:
            found = self._word_sets[key] = frozenset(w.lower() for w in self.data.get(key, []))
        return found

    def words_after(self, key: str, word: str) -> frozenset[str]:
        """Return the lower-cased words that ``word`` (a preposition) follows in the mapping under
        ``key`` ("hypothetical_nouns": "of" -> possibility, prospect, ...)."""
        cache_key = f"{key}\x00{word}"
        found = self._word_sets.get(cache_key)
        if found is None:
            found = self._word_sets[cache_key] = frozenset(w.lower() for w in self.data.get(key, {}).get(word, []))
        return found

    def word_pairs(self, key: str) -> frozenset[tuple[str, ...]]:
        """Return the two-word entries stored under ``key`` ("sit down") as tuples of lower-cased words."""
        found = self._word_pairs.get(key)
        if found is None:
            found = self._word_pairs[key] = frozenset(tuple(w.split()) for w in self.words(key))
        return found

    def pair_heads(self, key: str) -> frozenset[str]:
        """Return the first words of the entries stored under ``key`` ("sit" of "sit down")."""
        heads_key = key + " (heads)"
        found = self._word_sets.get(heads_key)
        if found is None:
            found = self._word_sets[heads_key] = frozenset(pair[0] for pair in self.word_pairs(key))
        return found

    def venue_country(self, process_id: str | None, venue: str | None) -> str | None:
        """Return the ISO3 country of a process venue named ``venue``, or None."""
        for proc in ([self.processes[process_id]] if process_id in self.processes else self.processes.values()):
            for v in proc.get("venues", []):
                if venue and v["name"].lower() == venue.lower():
                    return v["country"]
        return None


def _validate(data: dict[str, Any], path: Path) -> None:
    missing = [k for k in REQUIRED_KEYS if k not in data]
    if missing:
        raise KnowledgeError(path, f"missing sections {missing}")
    for proc in data["processes"]:
        for key in ("id", "name", "aliases"):
            if key not in proc:
                raise KnowledgeError(path, f"process {proc.get('id')!r} has no {key!r}")
    unknown = set(data["role_words"]) - set(data["role_order"])
    if unknown:
        raise KnowledgeError(path, f"roles {sorted(unknown)} are not in role_order")
    places = ("name", "city", "country")
    for seat in data.get("seats_of_government", []):
        _validate_seat(seat, "seats_of_government", places, {"body"}, path)
    for seat in data.get("residences", []):
        _validate_seat(seat, "residences", places, None, path)
    for seat in data.get("ministry_seats", []):
        _validate_seat(seat, "ministry_seats", ("country", "city"), None, path)
    for key in WORD_LISTS:
        value = data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(w, str) and w.strip() for w in value):
            raise KnowledgeError(path, f"{key!r} must be a list of words")
    for key in WORD_MAPS:
        value = data.get(key, {})
        if not isinstance(value, dict) or not all(
                isinstance(k, str) and k.strip() and isinstance(ws, list) and all(isinstance(w, str) and w.strip() for w in ws)
                for k, ws in value.items()):
            raise KnowledgeError(path, f"{key!r} must map words to lists of words")


def _validate_seat(seat: Any, section: str, required: tuple[str, ...], optional: set[str] | None,
                   path: Path) -> None:
    """An entry of a list of places (``section``: seats of government, residences, ministries' seats)
    has each ``required`` key as non-empty text and an ISO3 country; no other key but the ``optional``
    ones, each a non-empty string (a misspelt or empty ``body`` would make a body's seat its state's).
    ``optional`` None: other keys are not checked."""
    if not (isinstance(seat, dict) and all(isinstance(seat.get(k), str) and seat[k].strip() for k in required)
            and len(seat["country"]) == 3 and seat["country"].isupper()):
        raise KnowledgeError(path, f"{section} entry {seat!r} needs {', '.join(required)} (an ISO3 country)")
    if optional is None:
        return
    unknown = set(seat) - set(required) - optional
    if unknown:
        raise KnowledgeError(path, f"{section} entry {seat!r} has unknown keys {sorted(unknown)}")
    if any(not (isinstance(seat[k], str) and seat[k].strip()) for k in optional & set(seat)):
        raise KnowledgeError(path, f"{section} entry {seat!r}: {sorted(optional)} must be non-empty text")


def compile_lexicon(data: dict[str, Any], path: Path = DEFAULT_LEXICON_PATH) -> Lexicon:
    """Validate the parsed YAML ``data`` and compile its matchers.

    :param data: the parsed lexicon.
    :param path: where it came from, for error messages.
    :returns: a :class:`Lexicon`.
    """
    _validate(data, path)
    processes = {p["id"]: p for p in data["processes"]}
    numbered = [re.escape(p["numbered_alias"]) for p in data["processes"] if p.get("numbered_alias")]
    ordinal_words = "|".join(sorted((re.escape(w) for w in data["ordinal_words"]), key=len, reverse=True))
    return Lexicon(
        data=data,
        processes=processes,
        aliases=PhraseMatcher({p["id"]: [p["name"], *p["aliases"]] for p in data["processes"]}),
        venues=PhraseMatcher({p["id"]: [v["name"] for v in p.get("venues", [])] for p in data["processes"]}),
        meeting_words=PhraseMatcher(data["meeting_words"]),
        roles=PhraseMatcher(data["role_words"]),
        outcomes=PhraseMatcher(data["outcomes"]),
        statuses=PhraseMatcher(data["status_words"]),
        decisions=PhraseMatcher(data["decisions"]),
        process_cues=PhraseMatcher({"process": data.get("process_cues", [])}),
        side_words=PhraseMatcher({"side": data.get("side_meeting_words", [])}),
        levels=PhraseMatcher(data.get("level_words", {})),
        subjects=PhraseMatcher(data.get("subjects", {})),
        numbered=re.compile(rf"(?<![\w-])({'|'.join(numbered)})(?:[\s-]?(\d{{1,2}})|{ROMAN})(?![\w-])",
                            re.IGNORECASE) if numbered else None,
        ordinal_regex=re.compile(rf"(?<![\w-])(?:(\d{{1,2}})(?:st|nd|rd|th)|({ordinal_words}))(?![\w-])",
                                 re.IGNORECASE),
        same_time=_opening(data.get("same_time_connectives", [])),
    )


def _opening(phrases: list[str]) -> re.Pattern:
    """A pattern that matches a text opening with one of ``phrases`` (after quotation marks, dashes,
    "and" or "but"), each word of a phrase apart by any space."""
    alts = "|".join(r"\s+".join(map(re.escape, p.split())) for p in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"[\W_]*(?:(?:and|but)\s+)?(?:{alts or '(?!)'})(?![\w-])", re.IGNORECASE)


def round_number(match: re.Match) -> int:
    """The round number of a ``Lexicon.numbered`` match: "Astana-4" -> 4, "Geneva IV" -> 4."""
    if match.group(2):
        return int(match.group(2))
    value, last = 0, 0
    for ch in reversed(match.group(3)):
        digit = ROMAN_VALUES[ch]
        value, last = (value - digit, last) if digit < last else (value + digit, digit)
    return value


@lru_cache(maxsize=4)
def load_lexicon(path: str | Path = DEFAULT_LEXICON_PATH) -> Lexicon:
    """Read, validate and compile the process lexicon at ``path`` (cached).

    :param path: a YAML file shaped like ``parley/data/processes.yaml``.
    :returns: a :class:`Lexicon`.
    :raises KnowledgeError: when the file is missing, not valid YAML, or lacks a section.
    """
    path = Path(path)
    return compile_lexicon(read_yaml(path).data, path)
