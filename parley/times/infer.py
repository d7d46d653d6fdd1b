"""Publication-date inference: the window of days a text can have been written on.

Every candidate day is checked against what the text says:

* bounds: a dated expression in the past tense was over by then (A >= its start), one in the
  future was still ahead (A <= its end), "since 2017" started before; a dated fact from
  ``parley/data/time_anchors.yaml`` reported as done lies before; "the 12-year-old war" with
  a known start fixes the year (calendar years, the newsroom count);
* year-less dates ("June 21") lie within half a year of the day they are written;
* a relative expression that lands on a dated one at that anchor ("next week" on "Jan.
  24-25", "last month" on "in May") is taken to name the same time.

The window is the span of the best-scoring days (``windows`` lists its runs when they are
apart, e.g. the same week in two Januaries); the point estimate is the best-scoring day that
news writing makes likeliest: shortly after the latest day it dates, within a year of the
dated past it recalls, soon after the past weekdays it names, the earliest on a tie.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

import numpy as np

from parley.times.calendar import NEAR_DAYS, distance_days, resolve_days
from parley.times.extract import Mention
from parley.times.lexicon import load_anchors, load_lexicon

_COINCIDENT_UNITS = {"day", "week", "weekend", "month"}
# how far before the earliest year it names a text with no lower bound may have been written
OPEN_YEARS = 10
# a story is written within this many days of the latest day it dates, if that day is recent
RECENT_DAYS = 60
# a report is written within this many days after the latest day it stamps (see _stamps), or
# the day before it (a post's day is told in its writer's time zone, a report's in its own)
STAMP_DAYS = 14
STAMP_ZONE_DAYS = 1
# a stamp closes its line
_STAMP_TAIL = re.compile(r"[ \t]*(?:\n|$)")


@dataclass
class Inference:
    """An inferred publication date: ``point`` inside ``window``, with the evidence used."""

    point: date
    window: tuple[date, date]
    evidence: list[dict] = field(default_factory=list)
    windows: list[tuple[date, date]] = field(default_factory=list)   # the runs inside window


def _age_years(text: str) -> list[tuple[int, str]]:
    """Years fixed by "N-year-old <conflict>" against a start stated in the text or known."""
    lex = load_lexicon()
    starts = {m.group("noun").lower(): int(m.group("y")) for m in lex.war_start.finditer(text)}
    years = []
    for m in lex.age.finditer(text):
        raw = m.group("n").lower()
        n = int(raw) if raw.isdigit() else lex.numbers.get(raw)
        noun = m.group("noun").lower()
        if n is None:
            continue
        if noun in starts:
            years.append((starts[noun] + n, m.group(0)))
            continue
        sentence_start = text.rfind(".", 0, m.start()) + 1
        sentence_end = text.find(".", m.end())
        sentence = text[sentence_start:sentence_end if sentence_end > 0 else len(text)]
        for anchor in load_anchors():
            if anchor.kind == "start" and noun in anchor.nouns and (
                    anchor.context is None or anchor.context.search(sentence)):
                years.append((anchor.date.year + n, m.group(0)))
                break
    return years


def _stamps(mentions: list[Mention], text: str) -> list[Mention]:
    """Full dates (day, month and year) that close their line, not told as ahead: the stamps a
    report carries (the time of a post it embeds, "May 20, 2017" alone on a line). A report
    stamps the days it is written in: it is written within :data:`STAMP_DAYS` after the latest
    of them. A photo caption's date followed by its credit ("(AP Photo)") is no stamp: file
    photos are of any day."""
    return [m for m in mentions if m.spec.form == "abs" and m.spec.precision == "day" and not m.spec.since
            and m.tense != "future" and re.search(r"\d{4}$", m.text) and _STAMP_TAIL.match(text, m.char_end)]


def _bounds(mentions: list[Mention], text: str) -> tuple[list, list, list[dict]]:
    lower, upper, evidence = [], [], []
    stamps = _stamps(mentions, text)
    if stamps:
        latest = max(stamps, key=lambda m: m.spec.end)
        lower.append(date.fromordinal(latest.spec.end.toordinal() - STAMP_ZONE_DAYS))
        upper.append(date.fromordinal(latest.spec.end.toordinal() + STAMP_DAYS))
        evidence.append({"text": latest.text, "char_start": latest.char_start, "rule": "stamp",
                         "date": latest.spec.end.isoformat()})
    for m in mentions:
        # "the 2020 election" names a thing: the verb's tense says nothing about the year
        if m.spec.form != "abs" or m.pattern == "the_y":
            continue
        if m.spec.since or m.tense == "past":
            lower.append(m.spec.start)
            evidence.append({"text": m.text, "char_start": m.char_start, "rule": "after",
                             "date": m.spec.start.isoformat()})
        elif m.tense == "future":
            upper.append(m.spec.end)
            evidence.append({"text": m.text, "char_start": m.char_start, "rule": "before",
                             "date": m.spec.end.isoformat()})
    for anchor in load_anchors():
        if anchor.kind == "after" and anchor.pattern is not None:
            hit = anchor.pattern.search(text)
            if hit and (anchor.context is None or anchor.context.search(text)):
                lower.append(anchor.date)
                evidence.append({"text": hit.group(0), "char_start": hit.start(),
                                 "rule": "after", "date": anchor.date.isoformat(),
                                 "fact": anchor.id})
    for year, phrase in _age_years(text):
        lower.append(date(year, 1, 1))
        upper.append(date(year, 12, 31))
        evidence.append({"text": phrase, "rule": "year", "date": str(year)})
    return lower, upper, evidence


def implied_tense(m: Mention) -> str | None:
    """The tense a mention speaks in: its own for "last month"/"next week", else its verb's."""
    if m.spec.form == "ago" or (m.spec.n or 0) < 0:
        return "past"
    if (m.spec.n or 0) > 0:
        return "future"
    return m.tense


def _scores(first: date, last: date, yearless: list[Mention], relatives: list[Mention],
            dated: list[Mention]) -> np.ndarray:
    """How well each day from ``first`` to ``last`` fits the text (see the module docstring)."""
    days = np.arange(first.toordinal(), last.toordinal() + 1)
    spans = {id(m): resolve_days(m.spec, first, last, m.tense) for m in yearless}
    score = np.zeros(len(days), dtype=np.int64)
    for m in yearless:
        score += distance_days(days, *spans[id(m)]) <= NEAR_DAYS
    if not dated:
        return score
    for r in relatives:
        tense = implied_tense(r)
        if tense not in ("past", "future"):
            continue
        r_start, r_end = resolve_days(r.spec, first, last, r.tense)
        # a weekday is too easily hit by chance: only a date told next to it can be its day
        near = r.spec.form != "weekday"
        hit = np.zeros(len(days), dtype=bool)
        for m in dated:
            if implied_tense(m) == tense and (near or abs(m.sentence - r.sentence) <= 1):
                start, end = spans[id(m)]
                hit |= (r_start <= start) & (end <= r_end)
        score += 2 * hit
    return score


def _likeliest(days: np.ndarray, last_day: date | None, recent_dated: list[Mention],
               weekdays: list[Mention]) -> date:
    """The most news-like of ``days`` (ordinals, ascending), the earliest on a tie: shortly
    after the latest day the text dates, within a year of the dated past it recalls, soon after
    the past weekdays it names."""
    gap = days - last_day.toordinal() if last_day else np.full(len(days), -1)
    soon = np.where((gap >= 0) & (gap <= RECENT_DAYS), gap, RECENT_DAYS + 1)
    far = np.zeros(len(days), dtype=np.int64)
    for m in recent_dated:
        far += distance_days(days, m.spec.start.toordinal(), m.spec.end.toordinal()) > 366
    fresh = np.zeros(len(days), dtype=np.int64)
    first, last = date.fromordinal(int(days[0])), date.fromordinal(int(days[-1]))
    for m in weekdays:
        fresh += days - resolve_days(m.spec, first, last, m.tense)[1][days - days[0]]
    return date.fromordinal(int(days[np.lexsort((days, fresh, far, soon))[0]]))


def infer_from_mentions(mentions: list[Mention], text: str,
                        latest: date | None = None) -> Inference | None:
    """Infer a publication date from already-found mentions (see :func:`parley.times.infer_published`).

    :param mentions: the text's mentions, from :func:`parley.times.extract.find_mentions`.
    :param text: the clean text (for dated facts and ages).
    :param latest: the latest possible day (default today).
    :returns: the inference, or None when nothing in the text gives a year.
    """
    latest = latest or date.today()
    lower, upper, evidence = _bounds(mentions, text)
    years = [m.spec.start for m in mentions if m.spec.form == "abs"]
    if not lower and not upper and not years:
        return None
    hi = min(upper + [latest])
    # with nothing over, a text may predate every year it names ("the 2020 Olympics")
    lo = max(lower) if lower else date(min(y.year for y in years + upper) - OPEN_YEARS, 1, 1)
    if lo > hi:                      # contradictory cues: keep the text's own dates only
        lo, hi = min(lower + [hi]), max(upper + [latest]) if upper else latest
        lo = min(lo, hi)
    yearless = [m for m in mentions if m.spec.form == "yearless"]
    relatives = [m for m in mentions
                 if (m.spec.form == "weekday" or
                     (m.spec.form in ("relative", "ago") and m.spec.unit in _COINCIDENT_UNITS
                      and not m.spec.edge))]
    # only a year-less date can be the same time as "next week": a dated one is fixed already,
    # and matching it would pull the window to any old date the story recalls
    dated = [m for m in mentions if m.spec.form == "yearless" and m.spec.precision in
             ("day", "month")]
    scores = _scores(lo, hi, yearless, relatives, dated)
    chosen = np.flatnonzero(scores == scores.max()) + lo.toordinal()
    # The window is what the text supports; the point adds the priors of news writing: a
    # dated past month or day is usually of the past year ("last assembled in June 2023"),
    # and weekdays told in the past are of the last few days.
    recent_dated = [m for m in mentions if m.spec.form == "abs" and m.tense == "past"
                    and m.spec.precision in ("day", "month") and m.pattern != "the_y"]
    weekdays = [m for m in mentions if m.tense == "past" and m.spec.form == "weekday"]
    days_told = [m.spec.end for m in mentions if m.spec.form == "abs" and m.tense != "future"
                 and m.spec.precision == "day"]
    last_day = max(days_told) if days_told else None
    point = _likeliest(chosen, last_day, recent_dated, weekdays)
    for m in yearless + relatives:
        evidence.append({"text": m.text, "char_start": m.char_start, "rule": "relative",
                         "tense": m.tense})
    breaks = np.flatnonzero(np.diff(chosen) > 1)
    runs = [(date.fromordinal(int(a)), date.fromordinal(int(b)))
            for a, b in zip(np.r_[chosen[0], chosen[breaks + 1]], np.r_[chosen[breaks], chosen[-1]])]
    return Inference(point, (runs[0][0], runs[-1][1]), evidence, runs)
