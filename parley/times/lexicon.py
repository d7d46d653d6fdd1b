"""The temporal lexicon (``parley/data/times.yaml``) and the regular expressions built from it.

Loaded once per process; every pattern is compiled here so that the resolver, which runs on
every sentence of every document, never compiles a regex on the hot path.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

from parley.knowledge import KnowledgeError, check, data_path, one_of, optional, read_yaml

DEFAULT_LEXICON = data_path("times.yaml")
DEFAULT_ANCHORS = data_path("time_anchors.yaml")
# A time lexicon or anchor file that is missing a key or holds a bad value (the one class of
# knowledge errors, under the name this module has always raised).
LexiconError = KnowledgeError

_WORDS = [str]
_PAIR = [int]
LEXICON_SCHEMA = {
    "source": str,
    "months": {int: [str]}, "weekdays": _WORDS, "numbers": {str: int},
    "holidays": optional({str: [(int, type(None))]}),
    "seasons": {str: _PAIR}, "month_parts": {str: _PAIR}, "year_parts": {str: _PAIR},
    "deictic": {str: [(str, int)]}, "relative_determiners": {str: int},
    "units": optional(_WORDS), "lead_words": _WORDS, "count_nouns": optional(_WORDS),
    "preceders": optional({str: _WORDS}), "target_nouns": optional(_WORDS),
    "future_aux": _WORDS, "future_governors": _WORDS, "target_verbs": _WORDS,
    "retarget_verbs": optional(_WORDS), "retarget_prepositions": optional(_WORDS), "clause_marks": optional(_WORDS),
    "retarget_cues": str, "target_cues": str, "future_cues": str, "past_cues": str,
    "pattern_words": {key: _WORDS for key in (
        "ordinal_suffixes", "range", "pair", "article", "of", "in", "range_openers", "month_of", "the_year", "year",
        "period_parts", "year_range", "year_list_joins", "era_prefixes", "month_determiners", "year_determiners",
        "weekday_determiners", "weekday_joins", "day_parts", "weekend_leads", "weekend", "edges", "edge_anchors",
        "edge_units", "determined_units", "ago_units", "ago", "conflict_nouns", "conflict_began", "years_old",
        "title_function_words")},
}
ANCHORS_SCHEMA = {
    "source": str,
    "anchors": [{"id": str, "name": str, "date": date, "kind": one_of("start", "after", "named"),
                 "pattern": optional(str), "context": optional(str), "nouns": optional(_WORDS)}],
}


@dataclass(frozen=True)
class Lexicon:
    """Word tables and compiled patterns for English temporal expressions."""

    months: dict[str, int]            # lower-case spelling (no dot) -> month number
    weekdays: dict[str, int]          # lower-case name -> 0 (Monday) .. 6
    numbers: dict[str, int]
    seasons: dict[str, tuple[int, int]]
    month_parts: dict[str, tuple[int, int]]
    year_parts: dict[str, tuple[int, int]]
    deictic: dict[str, tuple[str, int]]
    holidays: dict[str, tuple[int, int, int, int | None]]
    determiners: dict[str, int]
    future_aux: frozenset[str]
    future_governors: frozenset[str]
    target_verbs: frozenset[str]
    retarget_verbs: frozenset[str]
    clause_marks: frozenset[str]
    retarget_prepositions: frozenset[str]
    patterns: tuple[tuple[str, re.Pattern, re.Pattern], ...]   # name, pattern, a text it needs
    retarget_cues: re.Pattern
    preceders: re.Pattern
    target_nouns: re.Pattern
    target_cues: re.Pattern
    future_cues: re.Pattern
    past_cues: re.Pattern
    age: re.Pattern
    trigger: re.Pattern
    war_start: re.Pattern


def _alt(words) -> str:
    """A regex alternation of ``words``, longest first so that prefixes never shadow."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _ci(words) -> str:
    """An alternation of ``words`` in lower case or capitalised ("Last month", not "TODAY")."""
    words = list(words)
    return f"(?:{_alt(words + [w[:1].upper() + w[1:] for w in words])})"


def _holiday_alt(raw: dict) -> str:
    """Holiday names, longest first, with either apostrophe ("New Year's", "New Year’s")."""
    names = sorted(raw.get("holidays", {}), key=len, reverse=True)
    return "|".join(re.escape(n).replace("'", "['’]") for n in names) or "(?!)"


def _words(words, space: str = r"\s+") -> str:
    """An alternation of ``words`` in their own order (the data orders them), spaces as ``space``."""
    return "|".join(re.escape(w).replace(r"\ ", space) for w in words)


def _one(words, space: str = r"\s+") -> str:
    """:func:`_words` as one regex item: a single phrase as it is, several as a group."""
    return _words(words, space) if len(words) == 1 else f"(?:{_words(words, space)})"


def _shortest(words) -> list[str]:
    """``words`` without those that contain another of them: enough to test that one occurs."""
    return [x for x in words if not any(y != x and y in x for y in words)]


def _first_ci(phrases) -> str:
    """An alternation of ``phrases`` whose first word matches in any case ("This past", "this past")."""
    return "|".join(rf"(?i:{re.escape(first)})\s+{_words([rest])}"
                    for first, rest in (p.split(" ", 1) for p in phrases))


def _month_group(name: str, full: list[str], short: list[str]) -> str:
    # Abbreviations take an optional dot; nothing may follow as a letter ("Marching", "Decide").
    return rf"(?P<{name}>{_alt(full)}|(?:{_alt(short)})\.?)(?![A-Za-z])"


def _build_patterns(raw: dict, weekdays: dict[str, int],
                    numbers: dict[str, int], seasons: dict, month_parts: dict,
                    year_parts: dict, determiners: dict) -> tuple[tuple[str, re.Pattern, re.Pattern], ...]:
    full = [names[0] for names in raw["months"].values()]
    short = [a for names in raw["months"].values() for a in names[1:]]
    w = {key: _words(words) for key, words in raw["pattern_words"].items()}
    one = {key: _one(words) for key, words in raw["pattern_words"].items()}
    mon = lambda g: _month_group(g, full, short)  # noqa: E731
    day = lambda g: rf"(?P<{g}>[0-3]?\d){one['ordinal_suffixes']}?(?![\d])"  # noqa: E731
    year = lambda g: rf"(?<![\d,.])(?P<{g}>(?:1[89]|20)\d\d)(?![\d])"  # noqa: E731
    dash = rf"\s*(?:-|–|—|{w['range']})\s*"
    the, of = w["article"], w["of"]
    opener = rf"(?:{one['range_openers']}\s+)?"
    year_joins = "|".join(rf"(?<=(?:19|20)\d\d{re.escape(j).replace(chr(92) + ' ', ' ')})"
                          for j in raw["pattern_words"]["year_list_joins"])
    wd_alt = _alt([w.capitalize() for w in weekdays])
    weekday = rf"(?:{wd_alt})(?![A-Za-z])"
    num = rf"(?:\d{{1,3}}|{_ci(numbers)})"
    seas = _ci(seasons)
    lead = _ci(raw["lead_words"])
    det = _ci(determiners)
    mparts = _ci(month_parts)
    yparts = _ci(year_parts)
    # after a month and day any four-digit number is a year ("Sept. 25, 1789")
    comma_year = lambda g: rf"(?:,?\s+(?<![\d,.])(?P<{g}>1\d\d\d|20\d\d)(?!\d))"  # noqa: E731
    wd_prefix = rf"(?:(?P<wd>{weekday}),?\s+(?:{the}\s+)?)?"
    # a weekday before a capitalised day part and another capitalised word names a show or an event
    # ("Saturday Night Live"): running text writes the time "Saturday night", a title-case headline
    # "Saturday Night In Paris" (a function word next)
    named_part = _alt([p.capitalize() for p in raw["pattern_words"]["day_parts"]])
    title_function = _alt([p.capitalize() for p in raw["pattern_words"]["title_function_words"]])
    counts = _alt(raw.get("count_nouns", []))
    table = [
        # Jan. 30 to Feb. 2, 2017 / Jan. 30-Feb. 2
        ("md_md", rf"\b{mon('m1')}\s+{day('d1')}{comma_year('y1')}?{dash}{mon('m2')}\s+{day('d2')}{comma_year('y2')}?"),
        # 30 January to 2 February 2017
        ("dm_dm", rf"\b{day('d1')}\s+(?:{of}\s+)?{mon('m1')}{dash}{day('d2')}\s+(?:{of}\s+)?{mon('m2')}"
                  rf"{comma_year('y2')}?"),
        # Jan. 24-25, 2024 / June 20 and 21
        ("md_d", rf"\b{wd_prefix}{mon('m1')}\s+{day('d1')}(?:{dash}|\s+{one['pair']}\s+){day('d2')}{comma_year('y1')}?"),
        # 23-24 January 2017
        ("d_dm", rf"\b{day('d1')}(?:{dash}|\s+{one['pair']}\s+){day('d2')}\s+{mon('m1')}{comma_year('y1')}?"),
        # June 21, 2023 / June 21
        ("md", rf"\b{wd_prefix}{mon('m1')}\s+{day('d1')}(?!\d|:\d|\s*(?:-|–)\s*\d){comma_year('y1')}?"),
        # 21 June 2023 / the 21st of June
        ("dm", rf"\b{wd_prefix}(?:{the}\s+)?{day('d1')}\s+(?:{of}\s+)?{mon('m1')}{comma_year('y1')}?"),
        # 2023-06-21
        ("iso", rf"(?<![\d-]){year('y1')}-(?P<m1>[01]\d)-(?P<d1>[0-3]\d)(?![\d-])"),
        # from January to October 2017 / between March and May
        ("m_m", rf"\b{opener}{mon('m1')}(?:\s+{year('y1')})?(?:{dash}|\s+{one['pair']}\s+){mon('m2')}"
                rf"(?:,?\s+{year('y2')})?"),
        # mid-December / early June 2017 / the end of June
        ("part_m", rf"\b(?:{the}\s+)?(?P<part>{mparts})(?:-|\s+|\s+{one['of']}\s+)(?:{one['month_of']}\s+)?{mon('m1')}"
                   rf"(?:,?\s+(?:{of}\s+)?{year('y1')})?"),
        # early 2011 / the end of 2017
        ("part_y", rf"\b(?:{the}\s+)?(?P<part>{yparts})(?:-|\s+|\s+{one['of']}\s+)(?:{one['the_year']}\s+)?{year('y1')}"),
        # June 2023 / June of 2023
        ("m_y", rf"\b{mon('m1')},?\s+(?:{of}\s+)?{year('y1')}"),
        # summer 2017 / the summer of 2017
        ("season_y", rf"\b(?:{the}\s+)?(?P<season>{seas})\s+(?:{of}\s+)?{year('y1')}"),
        # this summer / last winter
        ("det_season", rf"\b(?P<det>{det})\s+(?P<season>{seas})\b"),
        # in May / since May / last May
        ("lead_m", rf"\b(?P<lead>{lead})\s+(?P<x>{mon('m1')})(?!\s*\d)"),
        # the 1990s / the early 2000s / the '90s (period words in any case)
        ("decade", rf"\b(?:{the}\s+)?(?:(?P<part>(?i:{w['period_parts']}))[-\s]+)?(?P<dec>(?:1[89]|20)\d0)['’]?s\b"),
        # from 2011 to 2015 / 2011-2015 / between 2011 and 2015
        ("y_y", rf"\b{opener}{year('y1')}(?:\s*(?:-|–|—)\s*|\s+{one['year_range']}\s+){year('y2')}"),
        # in 2017 / since 2017 / the year 2017 ("The" in any case)
        ("lead_y", rf"\b(?P<lead>{lead}|(?i:{the})\s+{one['year']}|{one['year']})\s+(?P<x>{year('y1')})"),
        # the second year of "in 2005 and 2006"
        ("y_and", rf"(?:{year_joins})(?P<x>{year('y1')})(?!\s*(?:-|–))"),
        # post-1959 politics
        ("lead_y", rf"\b(?P<lead>(?i:{w['era_prefixes']}))-(?P<x>{year('y1')})"),
        # the October slaying
        ("the_m", rf"\b(?i:{w['month_determiners']})\s+(?P<x>{mon('m1')})(?=\s+[a-z])"),
        # the 2016 election
        ("the_y", rf"(?:\b(?i:{w['year_determiners']})|[’']s)\s+(?P<x>{year('y1')})(?=\s+[A-Za-z])"
                  rf"(?!\s+(?:{counts})\b)"),
        # On Wednesday and Thursday / last Friday / Monday to Wednesday
        ("weekday", rf"\b(?:(?P<det>{det}|{_first_ci(raw['pattern_words']['weekday_determiners'])})\s+)?"
                    rf"(?P<w1>{weekday})(?!\s+(?:{named_part})\s+(?!(?:{title_function})\b)[A-Z])"
                    rf"(?:(?:\s*(?:-|–|{w['weekday_joins']})\s*|,\s+)(?P<w2>{weekday}))?"
                    rf"(?:\s+{one['day_parts']})?"),
        # over the weekend / this past weekend
        ("weekend", rf"\b{one['weekend_leads']}\s+(?P<x>(?:{the}\s+)?{one['weekend']})\b"),
        # Thanksgiving, last Christmas
        ("holiday", rf"\b(?:(?P<det>{det})\s+)?(?P<name>{_holiday_alt(raw)})(?![A-Za-z])"),
        # yesterday / today / tomorrow
        ("deictic", rf"\b(?P<word>{_ci(raw['deictic'])})\b"),
        # later this year / earlier this month (edge words in any case)
        ("edge_rel", rf"\b(?P<edge>(?i:{w['edges']}))\s+{one['edge_anchors']}\s+(?P<unit>{w['edge_units']})\b"),
        # last month / next week / this weekend / the coming year
        ("det_unit", rf"\b(?:(?i:{the})\s+)?(?P<det>{det})\s+(?P<unit>{w['determined_units']})\b"),
        # three years ago
        ("ago", rf"\b(?P<n>{num})\s+(?P<unit>{w['ago_units']})s?\s+{one['ago']}\b"),
    ]
    # Text that every match of a pattern holds: a zone without it cannot match the pattern.
    needles = {key: re.compile(rx) for key, rx in [
        ("month", _alt(full + short)), ("year", r"\d{4}"), ("weekday", wd_alt), ("season", seas),
        ("holiday", _holiday_alt(raw)), ("deictic", _ci(raw["deictic"])),
        ("unit", _words(_shortest(raw["pattern_words"]["determined_units"]))), ("ago", w["ago"])]}
    needs = {name: "month" for name in ("md_md", "dm_dm", "md_d", "d_dm", "md", "dm", "m_m", "part_m",
                                        "m_y", "lead_m", "the_m")}
    needs |= {"the_y": "year", "y_and": "year", "iso": "year", "decade": "year", "y_y": "year",
             "lead_y": "year", "part_y": "year", "season_y": "year", "det_season": "season",
             "weekday": "weekday", "weekend": "unit", "holiday": "holiday", "deictic": "deictic",
             "edge_rel": "unit", "det_unit": "unit", "ago": "ago"}
    return tuple((name, re.compile(rx), needles[needs[name]]) for name, rx in table)


@lru_cache(maxsize=4)
def load_lexicon(path: Path = DEFAULT_LEXICON) -> Lexicon:
    """Load the time lexicon and compile its patterns (cached per path).

    :param path: a YAML file with the keys of ``parley/data/times.yaml``.
    :returns: a :class:`Lexicon`.
    :raises LexiconError: when the file breaks :data:`LEXICON_SCHEMA` (the message names the line).
    """
    raw = check(read_yaml(path), LEXICON_SCHEMA)
    months = {}
    for number, spellings in raw["months"].items():
        for spelling in spellings:
            months[spelling.lower()] = int(number)
    weekdays = {w.lower(): i for i, w in enumerate(raw["weekdays"])}
    numbers = {str(k): int(v) for k, v in raw["numbers"].items()}
    seasons = {k: tuple(v) for k, v in raw["seasons"].items()}
    month_parts = {k: tuple(v) for k, v in raw["month_parts"].items()}
    year_parts = {k: tuple(v) for k, v in raw["year_parts"].items()}
    deictic = {k: (v[0], int(v[1])) for k, v in raw["deictic"].items()}
    holidays = {k.lower().replace("’", "'"): tuple(v) for k, v in raw.get("holidays", {}).items()}
    determiners = {k: int(v) for k, v in raw["relative_determiners"].items()}
    pattern_words = raw["pattern_words"]
    nouns = _words(pattern_words["conflict_nouns"])
    # determiners ("this", "last") always come with a unit, month, season or weekday: not here
    words = list(deictic) + list(seasons) + pattern_words["ago"] + pattern_words["determined_units"]
    trigger = re.compile(
        rf"\b(?:{_alt([n for names in raw['months'].values() for n in names])}"
        rf"|{_alt([w.capitalize() for w in weekdays])}|{_ci(words)}|{_holiday_alt(raw)})s?(?![a-z])"
        rf"|(?<!\d)(?:1\d\d\d|20\d\d)(?!\d)|\b\d{{1,2}}/\d\d?\b")
    return Lexicon(
        trigger=trigger,
        holidays=holidays,
        months=months, weekdays=weekdays, numbers=numbers, seasons=seasons,
        month_parts=month_parts, year_parts=year_parts, deictic=deictic,
        determiners=determiners,
        future_aux=frozenset(raw["future_aux"]),
        future_governors=frozenset(raw["future_governors"]),
        target_verbs=frozenset(raw["target_verbs"]),
        retarget_verbs=frozenset(raw.get("retarget_verbs", [])),
        clause_marks=frozenset(raw.get("clause_marks", [])),
        retarget_prepositions=frozenset(raw.get("retarget_prepositions", [])),
        patterns=_build_patterns(raw, weekdays, numbers, seasons, month_parts,
                                 year_parts, determiners),
        retarget_cues=re.compile(raw["retarget_cues"], re.I),
        target_nouns=re.compile(rf"\s+(?:{_alt(raw.get('target_nouns', []))})\b", re.I),
        preceders=re.compile("|".join(
            rf"(?P<{tense}>\b(?:{_alt(words)})\s+(?:the\s+)?$)"
            for tense, words in raw.get("preceders", {}).items()), re.I),
        target_cues=re.compile(raw["target_cues"], re.I),
        future_cues=re.compile(raw["future_cues"], re.I),
        past_cues=re.compile(raw["past_cues"], re.I),
        age=re.compile(rf"\b(?P<n>\d{{1,3}}|{_alt(numbers)})[- ]{_one(pattern_words['years_old'], '[- ]')}\s+"
                       rf"(?:[\w’']+\s+){{0,3}}?(?P<noun>{nouns})\b", re.I),
        war_start=re.compile(rf"\b(?P<noun>{nouns})\s+{_one(pattern_words['conflict_began'])}"
                             rf"\s+{_one(pattern_words['in'])}\s+(?:{_one(pattern_words['period_parts'])}[-\s]+)?"
                             rf"(?P<y>(?:19|20)\d\d)\b", re.I),
    )


@dataclass(frozen=True)
class Anchor:
    """A dated public fact (see ``parley/data/time_anchors.yaml``)."""

    id: str
    name: str
    date: date
    kind: str                      # "start" | "after" | "named"
    pattern: re.Pattern | None
    context: re.Pattern | None
    nouns: frozenset[str]


@lru_cache(maxsize=4)
def load_anchors(path: Path = DEFAULT_ANCHORS) -> tuple[Anchor, ...]:
    """Load the dated anchors used by publication-date inference (cached per path).

    :param path: a YAML file shaped like ``parley/data/time_anchors.yaml``.
    :returns: the anchors, in file order.
    :raises LexiconError: on an unknown kind or a missing date (the message names the line).
    """
    raw = check(read_yaml(path), ANCHORS_SCHEMA)
    anchors = []
    for entry in raw["anchors"]:
        anchors.append(Anchor(
            id=entry["id"], name=entry["name"], date=entry["date"], kind=entry["kind"],
            pattern=re.compile(entry["pattern"]) if entry.get("pattern") else None,
            context=re.compile(entry["context"]) if entry.get("context") else None,
            nouns=frozenset(entry.get("nouns", [])),
        ))
    return tuple(anchors)
