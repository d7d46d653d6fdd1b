"""The claims vocabulary (``parley/data/claims.yaml``) and how a stated figure becomes an interval."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable

from parley.knowledge import KnowledgeError, check, data_path, optional, read_yaml

DATA_FILE = data_path("claims.yaml")
DEFAULT_MARGIN = 0.05
_FRACTIONS = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3}
_NUMERAL = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d*[½¼¾⅓⅔]|\d+(?:\.\d+)?(?:[eE][+-]?\d+)?"
# Month spellings are kept once, in the time lexicon's data file; claims reads that file's
# ``months`` (not the times package: stage packages do not import each other).
MONTHS_FILE = data_path("times.yaml")
# Contexts too vague to say two documents count the same thing: such claims are compared
# only within their own document.
GENERIC_CONFLICT, GENERIC_COUNTRY, GENERIC_MEETING, GENERIC_MONEY = (
    "conflict", "the country", "meeting", "unspecified purpose")
_SYMBOLS = re.compile(r"[\d½¼¾⅓⅔$€£]")
CLAUSE_BREAK = re.compile(r"[;:]|,\s|\band\b|\bbut\b|\d")


# The claims vocabulary file is missing a section or has a malformed entry (the one class of
# knowledge errors, under the name this module has always raised).
ClaimRulesError = KnowledgeError

_WORDS = [str]
_NUMBER = float        # a schema number takes integers too
RULES_SCHEMA = {
    "qualifiers": {str: {"words": _WORDS, "margin": optional(_NUMBER)}},
    "numbers": {(str, int): _NUMBER}, "multipliers": {str: _NUMBER}, "ordinals": {str: int},
    "vague": {str: [_NUMBER]}, "shares": {str: _NUMBER}, "currencies": {str: str},
    "nouns": {str: optional(str)},
    "measures": {str: {"unit": str, "label": str, str: object}},
    "contexts": {str: {"words": _WORDS, str: object}},
    "conflicts": {str: object}, "scopes": [{"measures": _WORDS, str: object}],
    "speech_verbs": _WORDS, "hypothetical": _WORDS, "talk_cues": _WORDS, "incident_words": _WORDS,
    "numbered_round_formats": optional(_WORDS),
    str: object,
}


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of ``words``, longest first, spaces matching any whitespace."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True))


@lru_cache(maxsize=512)
def words_pattern(words: tuple[str, ...], ignore_case: bool = True) -> re.Pattern:
    """A compiled pattern matching any of ``words`` as whole words (cached: data is fixed)."""
    return re.compile(rf"(?<!\w)(?:{alternation(words) or '(?!)'})(?!\w)", re.IGNORECASE if ignore_case else 0)


@lru_cache(maxsize=512)
def _first_words(words: tuple[str, ...]) -> tuple[str, ...]:
    return tuple({word.split()[0] for word in words if word.strip()})


def count_words(words: tuple[str, ...], text: str) -> int:
    """How many times ``words`` (as written: case counts) occur in ``text`` as whole words.

    The same count as ``len(words_pattern(words, False).findall(text))``; a text that holds
    none of their first words is not scanned (a pattern that opens with a look-behind is tried
    at every position of the text).
    """
    if not any(first in text for first in _first_words(words)):
        return 0
    return len(words_pattern(words, False).findall(text))


@dataclass(frozen=True)
class Months:
    """Month names for dating a claim's context ("the February earthquakes")."""

    names: tuple[str, ...]           # lower-case full names, January first
    by_prefix: dict[str, int]        # first three letters, lower case -> month number
    pattern: re.Pattern              # a month word, an optional day, an optional year (group 2)

    def number(self, word: str) -> int:
        """The month number of a word the pattern matched ("Sept." -> 9)."""
        return self.by_prefix[word[:3].lower()]


@lru_cache(maxsize=2)
def load_months(path: str | Path = MONTHS_FILE) -> Months:
    """Load the month names from the time lexicon file (its ``months`` key).

    A month is matched by the first three letters of its full name and any letters after them,
    as "Jan", "Jan." and "January" are.
    """
    months = check(read_yaml(path), {int: [str]}, "months")
    full = [months[number][0] for number in sorted(months)]
    prefixes = [name[:3] for name in full]
    pattern = re.compile(rf"\b({'|'.join(map(re.escape, prefixes))})[a-z]*\.?"
                         r"(?:\s+\d{1,2})?(?:,?\s+((?:19|20)\d{2}))?")
    return Months(tuple(n.lower() for n in full), {p.lower(): i for i, p in enumerate(prefixes, 1)}, pattern)


@dataclass(frozen=True)
class ClaimRules:
    """The claims vocabulary from ``parley/data/claims.yaml`` with its compiled patterns.

    Example::

        rules = load_rules()
        rules.may_hold_claim("The war has killed nearly 500,000 people.")  # True
    """

    data: dict
    qualifier_kind: dict[str, str]
    number: re.Pattern
    age: re.Pattern
    triggers: list[tuple[re.Pattern, str]]
    nouns: dict[str, str | None]
    rounds: re.Pattern
    cheap_words: frozenset[str]
    stop_nouns: frozenset[str]

    def may_hold_claim(self, sentence: str) -> bool:
        """False when ``sentence`` has no digit, symbol or number word, so cannot hold a claim."""
        return bool(_SYMBOLS.search(sentence)) or not self.cheap_words.isdisjoint(
            re.findall(r"[a-z]+", sentence.lower()))


@lru_cache(maxsize=4)
def load_rules(path: str | Path = DATA_FILE) -> ClaimRules:
    """Load and validate the claims vocabulary and compile its patterns.

    :param path: the YAML file (default ``parley/data/claims.yaml``).
    :returns: a :class:`ClaimRules`.
    :raises ClaimRulesError: when the file breaks :data:`RULES_SCHEMA` or names a measure it does
      not define (the message names the line).
    """
    doc = read_yaml(path)
    data = check(doc, RULES_SCHEMA)
    measures = set(data["measures"])
    named = [(m, ("nouns", noun)) for noun, m in data["nouns"].items() if m]
    named += [(m, ("scopes", i)) for i, s in enumerate(data["scopes"]) for m in s["measures"]]
    named += [(r["measure"], ("measures", name)) for name, m in data["measures"].items() for r in m.get("refine", [])]
    unknown = [(m, keys) for m, keys in named if m not in measures]
    if unknown:
        raise doc.error(f"unknown measures {sorted({m for m, _ in unknown})}", *unknown[0][1])
    qualifier_kind = {w.lower(): kind for kind, spec in data["qualifiers"].items() for w in spec["words"]}
    qual = alternation(qualifier_kind)
    # "a", "half a" only count before a multiplier ("a million"); "two" also before a noun
    needs_mult = [str(w) for w, v in data["numbers"].items() if float(v) < 1 or str(w).split()[0] in ("a", "an")]
    words = alternation(str(w) for w in data["numbers"] if str(w) not in needs_mult)
    mults = alternation(data["multipliers"])
    cur = alternation(k for k in data["currencies"] if not k.isalpha())
    curword = alternation(k for k in data["currencies"] if k.isalpha())
    base = (r"them|(?:the\s+)?(?:[\w’'-]+\s+){0,2}?"
            r"(?:population|people|country|residents|inhabitants)")
    number = re.compile(
        rf"(?<![\w$€£.,])(?:(?P<qual>{qual})\s+)?(?:"
        rf"(?P<vague>{alternation(data['vague'])})(?:\s+of\s+(?P<vcur>{curword}))?"
        rf"|(?P<share>{alternation(data['shares'])})\s+of\s+(?P<base>{base})"
        rf"|(?P<pct>\d+(?:\.\d+)?)\s*(?:%|percent\b|per\s+cent\b)(?:\s+of\s+(?P<pbase>{base}))?"
        rf"|(?P<cur>{cur})?\s?(?P<num>{_NUMERAL})(?:[\s-]*(?P<mult>{mults})\b)?(?![\w½¼¾⅓⅔])"
        rf"(?:\s+(?P<curword>{curword})\b)?"
        rf"|(?P<word>{words})(?:[\s-]+(?P<wmult>{mults})\b)?(?![\w-])"
        rf"|(?P<aword>{alternation(needs_mult)})[\s-]+(?P<amult>{mults})\b"
        rf")", re.IGNORECASE)
    war = alternation(data["contexts"]["war"]["words"])
    ordw = alternation(data["ordinals"])
    wnum = alternation(str(w) for w, v in data["numbers"].items()
                        if float(v) >= 1 and not str(w).startswith(("a ", "an")) and str(w) != "a")
    # "a 52-year-old Syrian war veteran" is the age of a person
    not_person = rf"(?![\s-]+(?:{alternation(data.get('age_not_before', []))})\b)" if data.get("age_not_before") else ""
    age = re.compile(
        rf"\b(?P<n>\d+|{wnum})[\s-]year(?:[\s-]old)?\s+(?:[\w-]+\s+)?(?:{war})\b{not_person}"
        rf"|\b(?P<n2>\d+|{wnum})\s+years\s+of\s+(?:{war})\b"
        rf"|\b(?:its|the)\s+(?P<ord>\d+(?:st|nd|rd|th)|{ordw})\s+year\b", re.IGNORECASE)
    triggers = [(re.compile(rf"\b(?:{alternation(m.get('triggers') or [])})\b", re.IGNORECASE), name)
                for name, m in data["measures"].items() if m.get("triggers")]
    rounds = re.compile(rf"\b(?:(?P<n>\d+)(?:st|nd|rd|th)|(?P<w>{ordw}))\s+(?:round|meeting)\b"
                        rf"|\b(?:{alternation(data.get('numbered_round_formats', [])) or '(?!)'})-(?P<a>\d+)\b",
                        re.IGNORECASE)
    # a sentence without a digit or one of these words holds no claim: skip it cheaply
    cheap = {w for entry in [*data["numbers"], *data["multipliers"], *data["vague"], *data["shares"],
                             *data["currencies"], *data["ordinals"], "years"]
             for w in re.findall(r"[a-z]+", str(entry).lower())}
    cheap = frozenset(cheap - {"a", "an", "of", "the"})
    return ClaimRules(data, qualifier_kind, number, age, triggers,
                      {k.lower(): v for k, v in data["nouns"].items()}, rounds, cheap,
                      frozenset(w.lower() for w in data.get("stop_nouns", [])))


def finite(x: float | None) -> float | int | None:
    """``x`` as a JSON-ready number: None when missing or not finite, int when whole."""
    if x is None or not math.isfinite(x):
        return None
    return int(x) if float(x).is_integer() and abs(x) < 2**53 else round(x, 6)


def _parse_numeral(text: str) -> tuple[float, float]:
    """Return ``(value, step)`` of a numeral like "300,000", "3.5", "½" or "1e309"."""
    text = text.replace(",", "")
    if text and text[-1] in _FRACTIONS:
        whole = float(text[:-1]) if text[:-1] else 0.0
        return whole + _FRACTIONS[text[-1]], 0.1
    value = float(text)
    if "e" in text.lower():
        return value, abs(value) / 10 or 1.0
    if "." in text:
        return value, 10.0 ** -len(text.split(".")[1])
    digits = text.lstrip("0") or "0"
    zeros = len(digits) - len(digits.rstrip("0")) if digits != "0" else 0
    return value, 10.0 ** zeros


def _interval(value: float, step: float, kind: str | None, rules: ClaimRules,
              round_bare: bool) -> tuple[float, float, float | None]:
    """Return ``(low, high, high_literal)`` for ``value`` stated with a qualifier of ``kind``."""
    spec = rules.data["qualifiers"].get(kind or "", {})
    margin = float(spec.get("margin", DEFAULT_MARGIN))
    if kind == "below":
        return value * (1 - margin), value, value
    if kind == "above":
        return value, value + step, None
    if kind == "under":
        return max(0.0, value - step), value, value
    if kind == "approx" or (kind is None and round_bare):
        half = max(step / 2, margin * value) if kind == "approx" else step / 2
        return value - half, value + half, value + half
    return value, value, value


def read_number(m: re.Match, rules: ClaimRules) -> dict | None:
    """Read one match of the number pattern into value, interval, unit; None if not a quantity."""
    kind = rules.qualifier_kind.get(re.sub(r"\s+", " ", (m["qual"] or "").lower()))
    curmap = {k.lower(): v for k, v in rules.data["currencies"].items()}
    if m["vague"]:
        low, high = (float(x) for x in rules.data["vague"][re.sub(r"\s+", " ", m["vague"].lower())])
        unit = curmap.get((m["vcur"] or "").lower())
        return {"value": None, "low": low, "high": high, "high_literal": high, "unit": unit, "form": "vague"}
    if m["share"] or m["pct"]:
        if m["share"]:
            value, step = float(rules.data["shares"][re.sub(r"\s+", " ", m["share"].lower())]), 0.0
        else:
            value, step = _parse_numeral(m["pct"])
            value, step = value / 100, step / 100
            if value > 1:
                return None
        step = max(step, float(rules.data.get("share_step", 0.1)))
        low, high, literal = _interval(value, step, kind or "approx", rules, True)
        return {"value": value, "low": max(0.0, low), "high": min(1.0, high),
                "high_literal": 1.0 if literal is None else min(1.0, literal), "unit": "share",
                "form": "share", "base": m["base"] or m["pbase"]}
    if m["num"]:
        value, step = _parse_numeral(m["num"])
        mult = float(rules.data["multipliers"][m["mult"].lower()]) if m["mult"] else 1.0
        unit, form = curmap.get((m["cur"] or m["curword"] or "").lower()), "numeral"
    else:
        word, wmult = m["word"] or m["aword"], m["wmult"] or m["amult"]
        value = float(rules.data["numbers"][re.sub(r"[\s-]+", " ", word.lower())])
        mult = float(rules.data["multipliers"][wmult.lower()]) if wmult else 1.0
        # "half a million" is precise to a tenth of the multiplier, "two million" to one
        step, unit, form = (0.1 if value < 1 else 1.0), None, "word"
    value, step = value * mult, step * mult
    if not math.isfinite(value) or not math.isfinite(step) or value < 0:
        return None
    low, high, literal = _interval(value, step, kind, rules, round_bare=step >= 100 or mult > 1)
    return {"value": value, "low": low, "high": high, "high_literal": literal, "unit": unit,
            "form": form, "scaled": mult > 1 or (m["num"] or "").count(",") > 0}


def ordinal_suffix(n: int) -> str:
    """The English ordinal suffix of ``n``: 1 -> "st", 12 -> "th"."""
    return "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def ordinal_value(token: str, rules: ClaimRules) -> int:
    """The number of an ordinal token: "20th" -> 20, "second" -> 2."""
    digits = re.match(r"\d+", token)
    return int(digits.group()) if digits else int(rules.data["ordinals"][token.lower()])


def word_value(token: str, rules: ClaimRules) -> float:
    """The value of a number token written in digits or words: "12", "six"."""
    return float(token) if token.isdigit() else float(rules.data["numbers"][token.lower()])
