"""Anchor-independent time specs and their resolution into intervals.

A :class:`Spec` is what an expression means before we know when it was written ("June 21",
"the Friday before", "last month"); :func:`resolve` turns it into an interval against an
anchor date and a tense. Resolution is pure date arithmetic; :func:`resolve_days` gives it
for every candidate day of a publication-date inference at once.
"""

from __future__ import annotations

import calendar as _cal
from dataclasses import dataclass, replace
from functools import lru_cache
from datetime import date, timedelta

import numpy as np

Interval = tuple[date, date]

# How far a year-less date may lie from its anchor when the tense does not decide: half a year
# either way, the reading a reader makes of "June 21" in a news story.
NEAR_DAYS = 183
# A year-less date this close to its anchor is a candidate even in another year.
CLOSE_DAYS = 300


@dataclass(frozen=True)
class Spec:
    """What an expression means, independent of the anchor.

    ``form`` is one of: ``abs`` (fixed interval ``start``..``end``), ``yearless`` (month/day
    bounds ``m1/d1``..``m2/d2`` in an unknown year; ``d1``/``d2`` 0 mean whole months),
    ``weekday`` (``weekdays`` with optional offset ``n``: -1 last, +1 next, 0 this),
    ``relative`` (``unit`` shifted by ``n``, optionally only its ``edge`` "earlier"/"later"),
    ``ago`` (``n`` units before the anchor). ``since`` makes the interval run to the anchor.
    """

    form: str
    precision: str
    kind: str = "date"
    start: date | None = None
    end: date | None = None
    m1: int = 0
    d1: int = 0
    m2: int = 0
    d2: int = 0
    weekdays: tuple[int, ...] = ()
    unit: str = ""
    n: int | None = None
    edge: str = ""
    since: bool = False

    @property
    def relative(self) -> bool:
        """True when the spec needs an anchor to mean anything."""
        return self.form != "abs"


def month_end(year: int, month: int) -> date:
    """Return the last day of ``month`` in ``year``."""
    return date(year, month, _cal.monthrange(year, month)[1])


def safe_date(year: int, month: int, day: int) -> date:
    """Return ``date(year, month, day)`` with the day clipped to the month's length."""
    return date(year, month, min(day, _cal.monthrange(year, month)[1]))


def add_months(d: date, months: int) -> date:
    """Return the first day of the month ``months`` after the month of ``d``."""
    index = d.year * 12 + d.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def _yearless_interval(spec: Spec, year: int) -> Interval:
    start = safe_date(year, spec.m1, spec.d1 or 1)
    end_year = year + (1 if (spec.m2, spec.d2 or 31) < (spec.m1, spec.d1 or 1) else 0)
    end = safe_date(end_year, spec.m2, spec.d2) if spec.d2 else month_end(end_year, spec.m2)
    return start, end


@lru_cache(maxsize=4096)
def _yearless_candidates(spec: Spec, year: int) -> tuple[Interval, ...]:
    """The occurrences of a year-less spec that an anchor in ``year`` chooses among (memoised:
    publication-date inference asks for every year of decades, article after article)."""
    candidates = tuple(_yearless_interval(spec, y) for y in (year - 1, year, year + 1))
    if spec.weekdays and spec.d1 != spec.d2:
        # "Thanksgiving": the Thursday among November 22-28 of each year
        return tuple((d, d) for d in (c[0] + timedelta(days=(spec.weekdays[0] - c[0].weekday()) % 7)
                                      for c in candidates))
    if spec.weekdays:
        return tuple(c for c in candidates if c[0].weekday() == spec.weekdays[0]) or candidates
    return candidates


def distance(anchor: date, interval: Interval) -> int:
    """Days between ``anchor`` and the nearest day of ``interval`` (0 inside it)."""
    start, end = interval
    if anchor < start:
        return (start - anchor).days
    if anchor > end:
        return (anchor - end).days
    return 0


def _pick(candidates: tuple[Interval, ...], anchor: date, tense: str | None) -> Interval:
    # A year-less date is of the anchor's year or close to it: newsrooms add the year otherwise.
    # The tense still wins when no close candidate agrees with it (January's story of "the
    # Feb. 6 earthquakes").
    close = [c for c in candidates if c[0].year == anchor.year or distance(anchor, c) <= CLOSE_DAYS]
    for pool in (close, candidates):
        if tense == "past":
            past = [c for c in pool if c[0] <= anchor]
            if past:
                return max(past)
        elif tense == "future":
            future = [c for c in pool if c[1] >= anchor]
            if future:
                return min(future)
    return min(close or candidates, key=lambda c: (distance(anchor, c), -c[0].toordinal()))


def _weekday(spec: Spec, anchor: date, tense: str | None) -> Interval:
    first, last = spec.weekdays[0], spec.weekdays[-1]
    span = (last - first) % 7
    if spec.n == -1:            # "last Friday": the most recent one strictly before the anchor
        end = anchor - timedelta(days=(anchor.weekday() - last - 1) % 7 + 1)
        return end - timedelta(days=span), end
    if spec.n == 1:             # "next Friday": strictly after the anchor
        start = anchor + timedelta(days=(first - anchor.weekday() - 1) % 7 + 1)
        return start, start + timedelta(days=span)
    if spec.n == 0:             # "this Friday": in the anchor's Monday-to-Sunday week
        start = anchor + timedelta(days=first - anchor.weekday())
        return start, start + timedelta(days=span)
    back_end = anchor - timedelta(days=(anchor.weekday() - last) % 7)
    ahead_start = anchor + timedelta(days=(first - anchor.weekday()) % 7)
    back = (back_end - timedelta(days=span), back_end)
    ahead = (ahead_start, ahead_start + timedelta(days=span))
    if tense == "future":
        return ahead
    if tense == "present":
        return min((back, ahead), key=lambda c: (distance(anchor, c), c is back))
    return back                  # news reports weekdays of the past week unless told otherwise


def _unit_interval(unit: str, anchor: date, n: int) -> Interval:
    if unit == "day":
        d = anchor + timedelta(days=n)
        return d, d
    if unit == "week":
        monday = anchor - timedelta(days=anchor.weekday()) + timedelta(weeks=n)
        return monday, monday + timedelta(days=6)
    if unit == "weekend":
        saturday = anchor - timedelta(days=anchor.weekday()) + timedelta(weeks=n, days=5)
        return saturday, saturday + timedelta(days=1)
    if unit == "month":
        first = add_months(anchor, n)
        return first, month_end(first.year, first.month)
    if unit == "year":
        return date(anchor.year + n, 1, 1), date(anchor.year + n, 12, 31)
    if unit == "decade":
        start = anchor.year // 10 * 10 + 10 * n
        return date(start, 1, 1), date(start + 9, 12, 31)
    raise ValueError(f"unknown unit {unit!r}")


def _relative(spec: Spec, anchor: date, tense: str | None) -> Interval:
    start, end = _unit_interval(spec.unit, anchor, spec.n or 0)
    if spec.unit == "week" and spec.n == -1 and anchor.weekday() == 6:
        # a Sunday story's "last week" is the week just ending, not the one before it
        return _unit_interval("week", anchor, 0)
    if spec.unit == "weekend" and spec.n == 0 and tense == "past" and start > anchor:
        # "boiled over this weekend" in a Monday story: the weekend just gone
        start, end = _unit_interval("weekend", anchor, -1)
    if spec.edge == "earlier" and start < anchor:
        return start, min(end, anchor - timedelta(days=1))
    if spec.edge == "later" and end > anchor:
        return max(start, anchor + timedelta(days=1)), end
    return start, end


def _ago(spec: Spec, anchor: date) -> Interval:
    n = spec.n or 1
    if spec.unit == "day":
        return _unit_interval("day", anchor, -n)
    if spec.unit == "week":
        return _unit_interval("week", anchor, -n)
    if spec.unit == "month":
        return _unit_interval("month", anchor, -n)
    if spec.unit == "decade":
        return _unit_interval("year", anchor, -10 * n)
    return _unit_interval("year", anchor, -n)


def resolve(spec: Spec, anchor: date | None, tense: str | None = None) -> Interval | None:
    """Resolve ``spec`` into a ``(start, end)`` interval of dates.

    :param spec: the expression's meaning.
    :param anchor: the date it was written (publication date); None resolves only absolutes.
    :param tense: "past", "future", "present" or None, from the governing verb.
    :returns: the interval, or None when the spec needs an anchor and has none.
    """
    if spec.form == "abs":
        interval = (spec.start, spec.end)
    elif anchor is None:
        return None
    elif spec.form == "yearless":
        candidates = _yearless_candidates(spec, anchor.year)
        if spec.n == 0:          # "this May", "this summer"
            interval = candidates[1]
        elif spec.n == -1:       # "last May": the latest one over before the anchor
            interval = max((c for c in candidates if c[1] < anchor), default=candidates[0])
        elif spec.n == 1:        # "next May": the first one to begin after the anchor
            interval = min((c for c in candidates if c[0] > anchor), default=candidates[2])
        else:
            interval = _pick(candidates, anchor, tense)
    elif spec.form == "weekday":
        interval = _weekday(spec, anchor, tense)
    elif spec.form == "relative":
        interval = _relative(spec, anchor, tense)
    elif spec.form == "ago":
        interval = _ago(spec, anchor)
    else:
        raise ValueError(f"unknown spec form {spec.form!r}")
    if spec.since and anchor is not None and anchor > interval[0]:
        return interval[0], anchor
    return interval


def _dependence(spec: Spec) -> str | None:
    """What of the anchor :func:`resolve` reads for ``spec``.

    "shift": the interval moves with the anchor, by offsets that depend on its weekday only;
    "month" or "year": it is fixed within a calendar month or year; "yearless": see
    :func:`_run_starts`; None: anything else (resolved day by day).
    """
    if spec.form == "yearless":
        return "yearless"
    if spec.form == "weekday":
        return "shift"
    if spec.form == "ago":
        unit = spec.unit if spec.unit in ("day", "week", "month") else "year"
    elif spec.form == "relative":
        unit = spec.unit
    else:
        return None
    if unit in ("day", "week", "weekend"):
        return "shift"
    if spec.edge:
        return None
    return {"month": "month", "year": "year", "decade": "year"}.get(unit)


def _run_starts(spec: Spec, how: str, lo: int, hi: int) -> list[int]:
    """The first days (ordinals) of the runs of anchors from ``lo`` to ``hi`` for which
    :func:`resolve` gives one interval: every test it makes of the anchor flips only on these."""
    knots = set()
    for year in range(date.fromordinal(lo).year, date.fromordinal(hi).year + 1):
        first, last = date(year, 1, 1).toordinal(), date(year, 12, 31).toordinal()
        knots.add(first)
        if how == "month":
            knots.update(date(year, month, 1).toordinal() for month in range(2, 13))
        elif how == "yearless":
            bounds = [(a.toordinal(), b.toordinal()) for a, b in _yearless_candidates(spec, year)]
            flips = set()
            for a, b in bounds:
                # "starts by", "over by" and "within CLOSE_DAYS of" the anchor
                flips.update((a, b + 1, a - CLOSE_DAYS, b + CLOSE_DAYS + 1))
                # the nearer of two candidates changes halfway between them
                flips.update(k for a2, _ in bounds for k in ((b + a2 + 1) // 2, (b + a2) // 2 + 1))
            knots.update(k for k in flips if first < k <= last)
    return [lo] + sorted(k for k in knots if lo < k <= hi)


def resolve_days(spec: Spec, first: date, last: date,
                 tense: str | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Resolve ``spec`` against every anchor day from ``first`` to ``last``.

    The same as :func:`resolve` called day by day, but it is called once a run of days over
    which its result cannot change (or, for a spec that moves with the anchor, once a
    weekday): publication-date inference tries every day of decades.

    :param spec: the expression's meaning.
    :param first: the first anchor.
    :param last: the last anchor (inclusive).
    :param tense: as for :func:`resolve`.
    :returns: the start and the end ordinals (``date.toordinal``) of the interval, one a day.
    """
    lo, hi = first.toordinal(), last.toordinal()
    days = np.arange(lo, hi + 1)
    core = replace(spec, since=False) if spec.since else spec
    how = _dependence(core)
    if core.form == "abs":
        starts, ends = np.full(len(days), core.start.toordinal()), np.full(len(days), core.end.toordinal())
    elif how is None or first.year <= 1 or last.year >= 9999:
        # day by day near the ends of the calendar too, where resolve can overflow: it then
        # fails just as it does for a single day
        pairs = [resolve(core, date.fromordinal(d), tense) for d in range(lo, hi + 1)]
        starts = np.array([a.toordinal() for a, _ in pairs], dtype=np.int64)
        ends = np.array([b.toordinal() for _, b in pairs], dtype=np.int64)
    elif how == "shift":
        offsets = np.zeros((7, 2), dtype=np.int64)
        for d in range(lo, min(hi, lo + 6) + 1):
            a, b = resolve(core, date.fromordinal(d), tense)
            offsets[d % 7] = a.toordinal() - d, b.toordinal() - d
        starts, ends = days + offsets[days % 7, 0], days + offsets[days % 7, 1]
    else:
        runs = _run_starts(core, how, lo, hi)
        pairs = [resolve(core, date.fromordinal(d), tense) for d in runs]
        lengths = np.diff(runs + [hi + 1])
        starts = np.repeat([a.toordinal() for a, _ in pairs], lengths)
        ends = np.repeat([b.toordinal() for _, b in pairs], lengths)
    if spec.since:
        ends = np.where(days > starts, days, ends)
    return starts, ends


def distance_days(days: np.ndarray, starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
    """:func:`distance` for arrays of day, start and end ordinals."""
    return np.where(days < starts, starts - days, np.where(days > ends, days - ends, 0))
