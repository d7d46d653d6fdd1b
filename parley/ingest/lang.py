"""Flag text that is not English: parley's pipeline is English-first.

A small mechanism over data: the share of words that are English function words
(``parley/data/lang_en.yaml``) and the share of letters in Latin script.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from parley.knowledge import check, data_path, read_yaml

PROFILE_SCHEMA = {"version": int, "min_ratio": float, "min_words": int, "min_latin": float, "function_words": str}
SAMPLE_CHARS = 5000
_NON_LATIN = re.compile(r"[^\W\d_a-z\u00aa\u00b5\u00ba\u00c0-\u024f'’]")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


@dataclass(frozen=True)
class LanguageProfile:
    """Function words and thresholds for one language, loaded from ``parley/data``."""

    function_words: frozenset[str]
    min_ratio: float
    min_words: int
    min_latin: float


@lru_cache(maxsize=None)
def load_profile(name: str = "lang_en.yaml") -> LanguageProfile:
    """Load a language profile from ``parley/data``.

    :param name: the data file name.
    :raises parley.knowledge.KnowledgeError: when the file breaks :data:`PROFILE_SCHEMA`.
    """
    data = check(read_yaml(data_path(name)), PROFILE_SCHEMA)
    return LanguageProfile(frozenset(data["function_words"].lower().split()),
                           float(data["min_ratio"]), int(data["min_words"]), float(data["min_latin"]))


def english_ratio(text: str, profile: LanguageProfile | None = None) -> tuple[float, int, float]:
    """Measure how English ``text`` reads.

    :param text: the text (the first :data:`SAMPLE_CHARS` characters are read).
    :param profile: the profile (default: English).
    :returns: ``(share of words that are function words, number of words, share of Latin letters)``.
    """
    profile = profile or load_profile()
    sample = text[:SAMPLE_CHARS].lower()
    words = _WORD.findall(sample)
    if not words:
        return 0.0, 0, 1.0
    letters = sum(map(len, words))
    latin = 1.0 - len(_NON_LATIN.findall(sample)) / letters
    hits = sum(map(profile.function_words.__contains__, words))
    return hits / len(words), len(words), latin


def is_english(text: str, profile: LanguageProfile | None = None) -> bool:
    """Return False when ``text`` is clearly not English; short texts get the benefit of the doubt.

    :param text: the clean text.
    :param profile: the profile (default: English).
    """
    profile = profile or load_profile()
    ratio, words, latin = english_ratio(text, profile)
    if latin < profile.min_latin:
        return False
    return words < profile.min_words or ratio >= profile.min_ratio
