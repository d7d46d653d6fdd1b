"""Numeric claims: what is counted, how many, as of when, says who; and where sources differ.

The ``parley_claims`` stage finds counts, shares and durations in a document ("nearly
500,000 people", "half of Syria's population", "a 12-year-old war"), reads each as an
interval with its qualifier, names the quantity it is about (``"deaths|syrian war"``: a
measure and its context), and records the as-of date and the source (the speaker when the
sentence reports one, else the outlet). :func:`compare_claims` groups claims about one
quantity across documents and compares their intervals.

How a stated figure becomes an interval (the vocabulary is ``parley/data/claims.yaml``):

- "nearly v" is ``[0.95 v, v)``; "over v" is ``(v, v + step]`` where ``step`` is the precision
  the writer rounded to (over 300,000 -> up to 400,000: a writer with 480,000 in hand would
  have said "nearly half a million"). The literal reading, with no upper bound, is kept as
  ``high_literal`` (``None``) and :func:`compare_claims` uses it with ``literal=True``.
- "about v" and bare round numbers cover what rounds to v: ``[v - step/2, v + step/2)``.
- "hundreds of thousands" is ``[200,000, 999,999]``; shares ("half of") have unit ``share``;
  ages of a war ("a 12-year-old war", "its sixth year") have unit ``year`` and are compared
  through the start date they imply.

Intervals are half-open, so ranges that only touch ("about 60" and "about 70") do not
overlap, while an exact figure on a boundary does.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable

import yaml

from parley.document import Document

DATA_FILE = Path(__file__).resolve().parent / "data" / "claims.yaml"
DEFAULT_MARGIN = 0.05
_FRACTIONS = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3}
_NUMERAL = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d*[½¼¾⅓⅔]|\d+(?:\.\d+)?(?:[eE][+-]?\d+)?"
_MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
_MONTH_RE = re.compile(r"\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
                       r"(?:\s+\d{1,2})?(?:,?\s+((?:19|20)\d{2}))?")
# Contexts too vague to say two documents count the same thing: such claims are compared
# only within their own document.
GENERIC_CONFLICT, GENERIC_COUNTRY, GENERIC_MEETING, GENERIC_MONEY = (
    "conflict", "the country", "meeting", "unspecified purpose")
_SYMBOLS = re.compile(r"[\d½¼¾⅓⅔$€£]")
_CLAUSE_BREAK = re.compile(r"[;:]|,\s|\band\b|\bbut\b|\d")


class ClaimRulesError(ValueError):
    """The claims vocabulary file is missing a section or has a malformed entry."""


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True))


@lru_cache(maxsize=512)
def _words(words: tuple[str, ...], ignore_case: bool = True) -> re.Pattern:
    """A compiled pattern matching any of ``words`` as whole words (cached: data is fixed)."""
    return re.compile(rf"(?<!\w)(?:{_alternation(words) or '(?!)'})(?!\w)", re.IGNORECASE if ignore_case else 0)


@dataclass(frozen=True)
class ClaimRules:
    """The claims vocabulary from ``parley/data/claims.yaml`` with its compiled patterns."""

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
    :raises ClaimRulesError: when a required section is missing.
    """
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    required = ("qualifiers", "numbers", "multipliers", "ordinals", "vague", "shares", "currencies",
                "nouns", "measures", "contexts", "conflicts", "scopes", "speech_verbs", "hypothetical")
    missing = [key for key in required if key not in data]
    if missing:
        raise ClaimRulesError(f"{path}: missing sections {missing}")
    for name, measure in data["measures"].items():
        if "unit" not in measure or "label" not in measure:
            raise ClaimRulesError(f"{path}: measure {name!r} needs a unit and a label")
    measures = set(data["measures"])
    named = [m for m in data["nouns"].values() if m] + [m for s in data["scopes"] for m in s["measures"]]
    named += [r["measure"] for m in data["measures"].values() for r in m.get("refine", [])]
    unknown = sorted(set(named) - measures)
    if unknown:
        raise ClaimRulesError(f"{path}: unknown measures {unknown}")
    qualifier_kind = {w.lower(): kind for kind, spec in data["qualifiers"].items() for w in spec["words"]}
    qual = _alternation(qualifier_kind)
    # "a", "half a" only count before a multiplier ("a million"); "two" also before a noun
    needs_mult = [str(w) for w, v in data["numbers"].items() if float(v) < 1 or str(w).split()[0] in ("a", "an")]
    words = _alternation(str(w) for w in data["numbers"] if str(w) not in needs_mult)
    mults = _alternation(data["multipliers"])
    cur = _alternation(k for k in data["currencies"] if not k.isalpha())
    curword = _alternation(k for k in data["currencies"] if k.isalpha())
    base = (r"them|(?:the\s+)?(?:[\w’'-]+\s+){0,2}?"
            r"(?:population|people|country|residents|inhabitants)")
    number = re.compile(
        rf"(?<![\w$€£.,])(?:(?P<qual>{qual})\s+)?(?:"
        rf"(?P<vague>{_alternation(data['vague'])})(?:\s+of\s+(?P<vcur>{curword}))?"
        rf"|(?P<share>{_alternation(data['shares'])})\s+of\s+(?P<base>{base})"
        rf"|(?P<pct>\d+(?:\.\d+)?)\s*(?:%|percent\b|per\s+cent\b)(?:\s+of\s+(?P<pbase>{base}))?"
        rf"|(?P<cur>{cur})?\s?(?P<num>{_NUMERAL})(?:[\s-]*(?P<mult>{mults})\b)?(?![\w½¼¾⅓⅔])"
        rf"(?:\s+(?P<curword>{curword})\b)?"
        rf"|(?P<word>{words})(?:[\s-]+(?P<wmult>{mults})\b)?(?![\w-])"
        rf"|(?P<aword>{_alternation(needs_mult)})[\s-]+(?P<amult>{mults})\b"
        rf")", re.IGNORECASE)
    war = _alternation(data["contexts"]["war"]["words"])
    ordw = _alternation(data["ordinals"])
    wnum = _alternation(str(w) for w, v in data["numbers"].items()
                        if float(v) >= 1 and not str(w).startswith(("a ", "an")) and str(w) != "a")
    age = re.compile(
        rf"\b(?P<n>\d+|{wnum})[\s-]year(?:[\s-]old)?\s+(?:[\w-]+\s+)?(?:{war})\b"
        rf"|\b(?P<n2>\d+|{wnum})\s+years\s+of\s+(?:{war})\b"
        rf"|\b(?:its|the)\s+(?P<ord>\d+(?:st|nd|rd|th)|{ordw})\s+year\b", re.IGNORECASE)
    triggers = [(re.compile(rf"\b(?:{_alternation(m.get('triggers') or [])})\b", re.IGNORECASE), name)
                for name, m in data["measures"].items() if m.get("triggers")]
    rounds = re.compile(rf"\b(?:(?P<n>\d+)(?:st|nd|rd|th)|(?P<w>{ordw}))\s+(?:round|meeting)\b"
                        rf"|\bAstana-(?P<a>\d+)\b", re.IGNORECASE)
    # a sentence without a digit or one of these words holds no claim: skip it cheaply
    cheap = {w for entry in [*data["numbers"], *data["multipliers"], *data["vague"], *data["shares"],
                             *data["currencies"], *data["ordinals"], "years"]
             for w in re.findall(r"[a-z]+", str(entry).lower())}
    cheap = frozenset(cheap - {"a", "an", "of", "the"})
    return ClaimRules(data, qualifier_kind, number, age, triggers,
                      {k.lower(): v for k, v in data["nouns"].items()}, rounds, cheap,
                      frozenset(w.lower() for w in data.get("stop_nouns", [])))


def _finite(x: float | None) -> float | int | None:
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


def _read_number(m: re.Match, rules: ClaimRules) -> dict | None:
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


def _ordinal_suffix(n: int) -> str:
    return "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def _ordinal_value(token: str, rules: ClaimRules) -> int:
    digits = re.match(r"\d+", token)
    return int(digits.group()) if digits else int(rules.data["ordinals"][token.lower()])


def _word_value(token: str, rules: ClaimRules) -> float:
    return float(token) if token.isdigit() else float(rules.data["numbers"][token.lower()])


class _Context:
    """What a document is about, computed once per document: its conflict, rounds, dates."""

    def __init__(self, text: str, rules: ClaimRules, published: date | None):
        self.rules, self.published, self.text = rules, published, text
        best, hits = None, 0
        for key, spec in rules.data["conflicts"].items():
            n = len(_words(tuple(spec["cues"]), False).findall(text))
            if n > hits:
                best, hits = key, n
        self.conflict = best or GENERIC_CONFLICT
        self.country = rules.data["conflicts"][best]["country"] if best else GENERIC_COUNTRY
        self._rounds: list[tuple[int, str]] | None = None

    @property
    def rounds(self) -> list[tuple[int, str]]:
        """Ordinal rounds named in the text ("20th round", "Astana-4"), found when first needed."""
        if self._rounds is None:
            self._rounds = [(m.start(), m["n"] or m["w"] or m["a"]) for m in self.rules.rounds.finditer(self.text)]
        return self._rounds

    def meeting(self, pos: int) -> str:
        before = [r for r in self.rounds if r[0] <= pos]
        chosen = (before or self.rounds or [(0, None)])[-1 if before else 0][1]
        if chosen is None:
            return GENERIC_MEETING
        n = _ordinal_value(chosen, self.rules)
        return f"{n}{_ordinal_suffix(n)} round"

    def dated(self, name: str, sentence: str) -> str:
        """Name an event like the earthquakes by the month and year the sentence gives."""
        m = _MONTH_RE.search(sentence)
        if not m:
            years = re.findall(r"\b((?:19|20)\d{2})\b", sentence)
            return f"{years[0]} {name}" if years else name
        month = _MONTHS.index(m.group(1)[:3].lower()) + 1
        year = int(m.group(2)) if m.group(2) else None
        if year is None and self.published:
            year = self.published.year if month <= self.published.month else self.published.year - 1
        label = date(2000, month, 1).strftime("%B").lower()
        return f"{label} {year} {name}" if year else f"{label} {name}"


def _nearest_trigger(sentence: str, start: int, end: int, rules: ClaimRules) -> tuple[str | None, str | None]:
    """Find the measure whose trigger governs the number between ``start`` and ``end``.

    :returns: ``(right after it, else nearest)``: "215 soldiers were killed" gives deaths first.
    """
    after, before, anywhere = None, None, None
    offset = max(0, start - 60)
    sentence, start, end = sentence[offset:end + 60], start - offset, end - offset
    for pattern, name in rules.triggers:
        for m in pattern.finditer(sentence):
            gap_after = sentence[end:m.start()]
            gap_before = sentence[m.end():start]
            if m.start() >= end and re.fullmatch(r"\s+(?:(?!and\b|or\b|but\b)\w+\s+)?", gap_after):
                if after is None or m.start() < after[0]:
                    after = (m.start(), name)
            elif m.end() <= start and len(gap_before) <= 40 and not _CLAUSE_BREAK.search(gap_before):
                if before is None or m.end() > before[0]:
                    before = (m.end(), name)
            elif m.start() >= end and len(gap_after) <= 25 and not _CLAUSE_BREAK.search(gap_after):
                if anywhere is None or m.start() - end < anywhere[0]:
                    anywhere = (m.start() - end, name)
    nearest = next((found[1] for found in (before, anywhere) if found), None)
    return (after[1] if after else None), nearest


def _context_for(measure: str, sentence: str, pos: int, ctx: _Context, rules: ClaimRules) -> str:
    spec = rules.data["measures"][measure]
    kind = spec.get("context")
    if kind == "meeting":
        return ctx.meeting(pos)
    if kind == "country":
        return ctx.country
    if kind == "money":
        for key, words in rules.data.get("money_contexts", {}).items():
            if _words(tuple(words)).search(sentence):
                return key
        return GENERIC_MONEY
    for name, event in rules.data["contexts"].items():
        if not event.get("conflict") and _words(tuple(event["words"])).search(sentence):
            return ctx.dated(name, sentence) if event.get("dated") else name
    return ctx.conflict


def _scope_for(measure: str, sentence: str, rules: ClaimRules) -> str | None:
    for scope in rules.data["scopes"]:
        if measure in scope["measures"] and (_words(tuple(scope.get("phrases") or [])).search(sentence) or any(
                re.search(p, sentence, re.IGNORECASE) for p in scope.get("patterns", []))):
            return scope["key"]
    return None


def _refine(measure: str, sentence: str, rules: ClaimRules) -> str:
    for rule in rules.data["measures"][measure].get("refine", []):
        if _words(tuple(rule["phrases"])).search(sentence):
            return rule["measure"]
    return measure


def _speaker(spacy_doc: Any, start: int, end: int, sentence: str, rules: ClaimRules) -> str | None:
    """Return who the sentence says gives the figure: "according to X" or the subject of "say"."""
    m = re.search(r"\baccording\s+to\s+(?P<who>[^,.;:]+?)(?=\s*(?:[,.;:]|$|\bthough\b|\bwhich\b))", sentence)
    if m:
        return re.sub(r"^the\s+", "", m["who"].strip())
    if spacy_doc is None:
        return None
    span = spacy_doc.char_span(start, end, alignment_mode="expand")
    if span is None or not spacy_doc.has_annotation("DEP"):
        return None
    verbs = set(rules.data["speech_verbs"])
    root = span.root
    sent = root.sent
    candidates = [t for t in root.ancestors if t.lemma_.lower() in verbs]
    candidates += [t for t in sent.root.children if t.dep_ in ("parataxis", "ccomp", "advcl")
                   and t.lemma_.lower() in verbs]
    if sent.root.lemma_.lower() in verbs:
        candidates.append(sent.root)
    for verb in candidates:
        for child in verb.children:
            if child.dep_ in ("nsubj", "nsubjpass") and not (child.idx <= start < child.idx + len(child)):
                words = [t for t in child.subtree]
                if root in words:
                    continue
                text = spacy_doc.text[words[0].idx:words[-1].idx + len(words[-1])]
                if text.lower() in ("it", "he", "she", "they", "we", "i", "this"):
                    continue
                return re.sub(r"^the\s+", "", text)
    return None


def _counting_noun(sentence: str, end: int, rules: ClaimRules) -> tuple[int | None, str | None]:
    """Find a counting noun among the three words after a number ("3.5 million Syrian refugees")."""
    run = re.match(r"(?:\s+[\w-]+){1,3}", sentence[end:])
    for m in re.finditer(r"\s+([\w-]+)", run.group() if run else ""):
        word = m.group(1).lower()
        if word in ("and", "or", "but"):
            break
        if word in rules.nouns:
            return end + m.end(), rules.nouns[word]
    return None, None


def _sentence_spans(text: str, sentences: Iterable[Any]) -> list[tuple[int, int, int]]:
    spans = [(s.get("index", i), s["char_start"], s["char_end"]) if isinstance(s, dict)
             else (s.index, s.char_start, s.char_end) for i, s in enumerate(sentences or [])]
    return spans or [(0, 0, len(text))]


def _hypothetical(sentence: str, pos: int, rules: ClaimRules) -> bool:
    window = sentence[max(0, pos - 40):pos]
    tail = _CLAUSE_BREAK.split(window)[-1]
    return bool(_words(tuple(rules.data["hypothetical"])).search(tail))


def _as_of(published: date | None, times: list[dict] | None, s_start: int, s_end: int,
           sentence: str) -> str | None:
    """The date a figure holds at: an "as of"/"by" date in the sentence, else publication."""
    for t in times or []:
        if s_start <= t.get("char_start", -1) < s_end and t.get("end"):
            lead = sentence[:t["char_start"] - s_start][-20:]
            if re.search(r"\b(?:as\s+of|by|until|through|up\s+to|at\s+the\s+end\s+of)\s*$", lead, re.IGNORECASE):
                return str(t["end"])[:10]
    return published.isoformat() if published else None


def extract_claims(text: str, sentences: Iterable[Any], spacy_doc: Any = None,
                   published: date | None = None, *, outlet: str | None = None,
                   times: list[dict] | None = None, rules: ClaimRules | None = None) -> list[dict]:
    """Find the numeric claims of a text.

    :param text: the clean document text.
    :param sentences: :class:`~parley.document.Sentence` objects or dicts with ``char_start``,
        ``char_end`` (and ``index``); the whole text is one sentence when empty.
    :param spacy_doc: the parsed text, used to find who says a figure; optional.
    :param published: the publication date, the default as-of date.
    :param outlet: the source when the sentence names no speaker.
    :param times: the document's time spans (``doc.times``) for "as of" dates.
    :param rules: the vocabulary (default :func:`load_rules`).
    :returns: claim dicts per the claim contract: span keys plus ``quantity``, ``subject``,
        ``value``, ``low``, ``high``, ``high_literal``, ``qualifier``, ``unit``, ``as_of``, ``source``.
    """
    rules = rules or load_rules()
    if spacy_doc is not None and spacy_doc.text != text:
        spacy_doc = None  # offsets would point elsewhere
    doc = _Where(text, rules, _Context(text, rules, published), spacy_doc, published, outlet, times or [])
    claims: list[dict] = []
    for index, s_start, s_end in _sentence_spans(text, sentences):
        if rules.may_hold_claim(text[s_start:s_end]):
            claims += doc.sentence_claims(index, s_start, s_end)
    return claims


@dataclass
class _Where:
    """One document being read, and the claims of one of its sentences."""

    text: str
    rules: ClaimRules
    ctx: _Context
    spacy_doc: Any
    published: date | None
    outlet: str | None
    times: list[dict]

    def sentence_claims(self, index: int, s_start: int, s_end: int) -> list[dict]:
        rules, sentence = self.rules, self.text[s_start:s_end]
        out, taken = [], []
        for m in rules.age.finditer(sentence):
            if m["ord"]:
                if not _words(tuple(rules.data["contexts"]["war"]["words"])).search(sentence):
                    continue
                high = float(_ordinal_value(m["ord"], rules))
                value, low = high, high - 1
            else:
                value = _word_value(m["n"] or m["n2"], rules)
                low, high = value, value + 1
            if 0 < value < 1000:
                taken.append(m.span())
                found = {"value": value, "low": low, "high": high, "high_literal": high, "unit": "year"}
                out.append(self.claim(index, s_start, sentence, m.start(), m.end(), "age", self.ctx.conflict,
                                      None, found, None))
        for m in rules.number.finditer(sentence):
            found = None if any(a < m.end() and m.start() < b for a, b in taken) else _read_number(m, rules)
            if found is None:
                continue
            noun_end, noun_measure = (None, None) if found["form"] == "share" else \
                _counting_noun(sentence, m.end(), rules)
            end = noun_end or m.end()
            if found["unit"] in set(rules.data["currencies"].values()):
                measure = "money"
            elif (found["form"] in ("numeral", "word") and noun_end is None and not found.get("scaled")
                  and not m["qual"]) or (found["form"] == "share" and not found.get("base")) \
                    or (noun_end is None and self.counts_something_else(s_start + m.end())):
                continue  # "2017", "50% support", "30,000 emails": not a count of people
            else:
                after, nearest = _nearest_trigger(sentence, m.start(), end, rules)
                measure = (after if noun_measure != "deaths" and after else None) or noun_measure or nearest
            if measure is None or _hypothetical(sentence, m.start(), rules):
                continue
            measure = _refine(measure, sentence[max(0, m.start() - 20):end + 40], rules)
            if measure == "population" and found["unit"] == "share":
                continue  # "half of the population" with no verb saying what happened to it
            found["unit"] = found["unit"] or rules.data["measures"][measure]["unit"]
            context = _context_for(measure, sentence, s_start + m.start(), self.ctx, rules)
            scope = _scope_for(measure, sentence[max(0, m.start() - 60):end + 60], rules)
            qualifier = re.sub(r"\s+", " ", m["qual"].lower()) if m["qual"] else None
            out.append(self.claim(index, s_start, sentence, m.start(), end, measure, context, scope, found,
                                  qualifier))
        return out

    def counts_something_else(self, pos: int) -> bool:
        """True when the noun after a number (past "of") is one it cannot count: "30,000 emails"."""
        words = re.match(r"\s+(?:of\s+)?([A-Za-z-]+)", self.text[pos:pos + 40])
        if not words:
            return False
        word = words.group(1).lower()
        if word in self.rules.stop_nouns:
            return True
        if self.spacy_doc is None or word in self.rules.nouns or words.group(1)[0].isupper():
            return False  # "10,000 Yemenis": peoples are capitalised
        token = self.spacy_doc.char_span(pos + words.start(1), pos + words.end(1), alignment_mode="expand")
        return token is not None and token[0].pos_ == "NOUN" and not any(
            p.search(word) for p, _ in self.rules.triggers)

    def claim(self, index: int, s_start: int, sentence: str, start: int, end: int, measure: str,
              context: str, scope: str | None, found: dict, qualifier: str | None) -> dict:
        a, b = s_start + start, s_start + end
        speaker = _speaker(self.spacy_doc, a, b, sentence, self.rules)
        subject = self.rules.data["measures"][measure]["label"].format(context=context)
        claim = {"text": self.text[a:b], "char_start": a, "char_end": b, "sentence": index,
                 "quantity": f"{measure}|{context}" + (f"|{scope}" if scope else ""),
                 "subject": subject + (f" ({scope})" if scope else ""),
                 "measure": measure, "context": context, "scope": scope, "value": _finite(found["value"]),
                 "low": _finite(found["low"]), "high": _finite(found["high"]),
                 "high_literal": _finite(found["high_literal"]), "qualifier": qualifier, "unit": found["unit"],
                 "as_of": _as_of(self.published, self.times, s_start, s_start + len(sentence), sentence),
                 "source": speaker or self.outlet,
                 "source_kind": "reported" if speaker else ("outlet" if self.outlet else None),
                 "specific": measure != "money"
                 and context not in (GENERIC_CONFLICT, GENERIC_COUNTRY, GENERIC_MEETING)}
        if found.get("base"):
            claim["base"] = found["base"]
        return claim


def make_claims(rules_path: str | None = None) -> Any:
    """Build the ``parley_claims`` component, which sets ``doc.claims``.

    :param rules_path: another vocabulary file (default ``parley/data/claims.yaml``).
    :returns: a callable ``component(doc) -> doc``.
    """
    rules = load_rules(rules_path or DATA_FILE)

    def parley_claims(doc: Document) -> Document:
        doc.claims = extract_claims(doc.text, doc.sentences, doc.spacy_doc, doc.published,
                                    outlet=doc.outlet, times=doc.times, rules=rules)
        for claim in doc.claims:
            claim["doc_id"] = doc.id
        return doc

    return parley_claims


def _year_fraction(day: Any) -> float | None:
    if not day:
        return None
    d = day if isinstance(day, date) else date.fromisoformat(str(day)[:10])
    return d.year + (d.timetuple().tm_yday - 1) / 365.25


def _comparison_interval(claim: dict, literal: bool) -> tuple[float, float | None, str]:
    """The interval a claim is compared on, and its unit; an age becomes the start it implies."""
    low, high = claim.get("low"), claim.get("high")
    if literal and "high_literal" in claim:
        high = claim["high_literal"]
    unit = claim.get("unit") or "?"
    as_of = _year_fraction(claim.get("as_of"))
    if unit == "year" and claim.get("quantity", "").startswith("age|") and as_of is not None:
        return as_of - (high if high is not None else math.inf), as_of - low, "start"
    return low, high, unit


def _overlap(a: tuple[float, float | None], b: tuple[float, float | None]) -> bool:
    """Half-open overlap; ranges that only touch overlap when one of them is a single point."""
    ha = math.inf if a[1] is None else a[1]
    hb = math.inf if b[1] is None else b[1]
    lo, hi = max(a[0], b[0]), min(ha, hb)
    return lo < hi or (lo == hi and (a[0] == ha or b[0] == hb))


def _fmt(x: float | None, unit: str) -> str:
    if x is None or not math.isfinite(x):
        return "no upper bound"
    if unit == "share":
        return f"{x:.0%}"
    if unit == "start":
        return f"{math.floor(x)}-{min(12, int((x - math.floor(x)) * 12) + 1):02d}"
    return f"{x:,.0f}" if abs(x) >= 10 else f"{x:g}"


def _describe(claim: dict, interval: tuple[float, float | None, str]) -> str:
    where = ", ".join(str(x) for x in (claim.get("source"), claim.get("as_of")) if x)
    lo, hi, unit = interval
    span = _fmt(lo, unit) if hi == lo else f"{_fmt(lo, unit)}–{_fmt(hi, unit)}"
    return f"“{claim.get('text')}” [{span}]" + (f" ({where})" if where else "")


def _verdict(claims: list[dict], intervals: list[tuple[float, float | None, str]]) -> tuple[str, str]:
    """Compare a group: the claims in its most common unit as intervals, then the units."""
    by_unit: dict[str, list[int]] = {}
    for k, interval in enumerate(intervals):
        by_unit.setdefault(interval[2], []).append(k)
    main = max(sorted(by_unit), key=lambda u: len(by_unit[u]))
    # intervals on a line all overlap iff the highest low is below the lowest high
    lo = max(by_unit[main], key=lambda k: intervals[k][0])
    hi = min(by_unit[main], key=lambda k: math.inf if intervals[k][1] is None else intervals[k][1])
    a, b = intervals[hi], intervals[lo]
    if not _overlap(a[:2], b[:2]):
        gap = b[0] - a[1]
        apart = f"at least {_fmt(gap, main)} apart" if gap > 0 and main != "start" else "the ranges do not overlap"
        mid_a, mid_b = (a[0] + a[1]) / 2, (b[0] + (b[1] if b[1] is not None else b[0])) / 2
        if mid_a > 0 and main not in ("start", "share"):
            apart += f", the larger about {mid_b / mid_a:.1f} times the smaller"
        if "high_literal" in claims[hi] and claims[hi]["high_literal"] is None:
            apart += (f" (read literally, “{claims[hi].get('text')}” has no upper bound and"
                      " would not contradict the other)")
        return "different", f"{_describe(claims[hi], a)} and {_describe(claims[lo], b)}: {apart}."
    if len(by_unit) > 1:
        narrowest = {u: min(ks, key=lambda k: (intervals[k][1] or math.inf) - intervals[k][0]) for u, ks in by_unit.items()}
        kinds = " and ".join(f"{_describe(claims[narrowest[u]], intervals[narrowest[u]])} is "
                             + ("a share of a whole" if u == "share" else f"a count in {u}")
                             for u, ks in sorted(by_unit.items()))
        why = "a share cannot be set against a count without the size of the whole" \
            if "share" in by_unit else "the units differ"
        agree = f" The {len(by_unit[main])} figures in {main} agree with each other." if len(by_unit[main]) > 1 else ""
        return "not comparable", f"{kinds}: {why}.{agree}"
    if len(claims) == 1:
        return "consistent", "A single claim; nothing to compare it with."
    common = f"{_fmt(b[0], main)}–{_fmt(a[1], main)}"
    return "consistent", f"The {len(claims)} figures overlap: all " + (
        f"imply a start within {common}." if main == "start" else f"fit within {common}.")


def _compare_group(quantity: str, claims: list[dict], literal: bool) -> dict:
    claims = sorted(claims, key=lambda c: (str(c.get("as_of") or ""), str(c.get("source") or "")))
    intervals = [_comparison_interval(c, literal) for c in claims]
    verdict, reason = _verdict(claims, intervals)
    dates = sorted({str(c.get("as_of"))[:10] for c in claims if c.get("as_of")})
    if len(dates) > 1 and int(dates[-1][:4]) > int(dates[0][:4]) and not quantity.startswith("age|"):
        grows = load_rules().data["measures"].get(quantity.split("|")[0], {}).get("cumulative", False)
        reason += (f" The figures date from {dates[0]} to {dates[-1]}; "
                   + ("a running total grows over time." if grows else "the number may have changed in between."))
    keys = ("text", "low", "high", "unit", "as_of", "source", "qualifier", "value", "doc_id", "sentence",
            "char_start", "char_end")
    return {"id": re.sub(r"[^a-z0-9]+", "-", quantity.lower()).strip("-"), "quantity": quantity,
            "subject": claims[0].get("subject"), "claims": [{k: c.get(k) for k in keys} for c in claims],
            "verdict": verdict, "reason": reason}


def compare_claims(claims: list[dict], literal: bool = False) -> list[dict]:
    """Group claims about the same quantity and compare their intervals.

    :param claims: claim dicts (from :func:`extract_claims`, across documents); each needs
        ``quantity``, ``low``, ``high`` and ``unit``; ``as_of``, ``source``, ``text`` are reported.
    :param literal: read "over v" as having no upper bound (``high_literal``) instead of the
        rounding convention (see the module docstring).
    :returns: one group per quantity: ``{"id", "quantity", "subject", "claims": [{text, low,
        high, unit, as_of, source, ...}], "verdict", "reason"}`` with verdict ``"consistent"``
        (the intervals overlap), ``"different"`` (two of them are disjoint; the reason says by
        how much) or ``"not comparable"`` (a share against a count, or other units; says why).
        Disputed groups come first. Claims marked ``"specific": False`` (money, or a count with
        no named conflict, event or round) are only compared within their document, and
        their group id ends with the document id.
    """
    groups: dict[tuple[str, str | None], list[dict]] = {}
    for claim in claims:
        if claim.get("quantity") and claim.get("low") is not None:
            local = None if claim.get("specific", True) else str(claim.get("doc_id"))
            groups.setdefault((claim["quantity"], local), []).append(claim)
    order = {"different": 0, "not comparable": 1, "consistent": 2}
    result, seen = [], set()
    for (quantity, local), members in groups.items():
        group = _compare_group(quantity, members, literal)
        if local is not None:
            group["id"], group["doc_id"] = f"{group['id']}-{local}", local
        while group["id"] in seen:  # two quantities that slug alike
            group["id"] += "-"
        seen.add(group["id"])
        result.append(group)
    return sorted(result, key=lambda g: (order[g["verdict"]], -len(g["claims"]), g["quantity"]))
