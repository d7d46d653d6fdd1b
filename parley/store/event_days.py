"""How many events start on each day, by PLOVER type: the bound that lets one page of the events
list read the days it shows instead of sorting every event.

The events list is ordered by start date (undated last), then id. Its first 101 rows after a
cursor all start on or before the day by which at least 101 matching events have started after
the cursor's day; with that day as an upper bound, DuckDB reads and sorts only the rows up to it
(a page of a 60,000-event table read a few hundred rows instead of all of them). The counts
come from the summary table ``event_day_counts`` (migration ``0014_event_days_and_sources``,
kept by the derive step); the web app keeps them in memory per database state
(:class:`DayCounts`, a few thousand days: the calendar the corpus covers, not its size).

The bound is exact for the filters the counts know (type, quad class, a start no later than
``until``) and a guess otherwise; the caller reads again without it when the bounded read came
back short, so a page is always the unbounded query's page.
"""

from __future__ import annotations

from bisect import bisect_right
from datetime import date
from typing import Collection, Iterable

import duckdb

_NEVER = -1     # before every day's ordinal (date.toordinal() starts at 1)


class DayCounts:
    """Events by start day and PLOVER type, as running counts per type that answer :meth:`bound`
    with a binary search over the days."""

    def __init__(self, running: dict[str | None, tuple[list[int], list[int]]]):
        """:param running: per PLOVER type (or None), the days its events start on (as
            ``date.toordinal()``, in order) and how many of its events start on or before each."""
        self._days = {t: days for t, (days, _) in running.items()}
        self._running = {t: counts for t, (_, counts) in running.items()}
        # every day some event starts on
        self.days: list[int] = sorted({day for days in self._days.values() for day in days})

    @classmethod
    def from_counts(cls, counts: Iterable[tuple[int, str | None, int]]) -> "DayCounts":
        """From ``(day as date.toordinal(), PLOVER type or None, events)`` rows, days in order."""
        running: dict = {}
        for day, event_type, n in counts:
            days, totals = running.setdefault(event_type, ([], []))
            if days and days[-1] == day:
                totals[-1] += int(n)
            else:
                days.append(day)
                totals.append((totals[-1] if totals else 0) + int(n))
        return cls(running)

    def _up_to(self, event_type, day: int) -> int:
        # events of the type that start on or before the day
        position = bisect_right(self._days[event_type], day)
        return self._running[event_type][position - 1] if position else 0

    def _between(self, types: list, after: int, last: int) -> int:
        return sum(self._up_to(t, last) - self._up_to(t, after) for t in types)

    def bound(self, after_day: str | None, types: Collection[str] | None, need: int,
              since: str | None = None, until: str | None = None) -> str | None:
        """The earliest day (ISO) by which at least ``need`` events of ``types`` (None: any) have
        started after ``after_day`` and on or after ``since``, or None when fewer start by
        ``until`` (or at all): the caller then reads without a bound.

        :param after_day: ISO day; the events starting on it are not counted.
        """
        after = date.fromisoformat(after_day).toordinal() if after_day else _NEVER
        if since:
            after = max(after, date.fromisoformat(since).toordinal() - 1)
        chosen = [t for t in self._days if types is None or t in types]
        first = bisect_right(self.days, after)
        stop = bisect_right(self.days, date.fromisoformat(until).toordinal()) if until else len(self.days)
        if stop <= first or self._between(chosen, after, self.days[stop - 1]) < need:
            return None
        low, high = first, stop - 1     # the first of days[first:stop] by which need events have started
        while low < high:
            middle = (low + high) // 2
            if self._between(chosen, after, self.days[middle]) >= need:
                high = middle
            else:
                low = middle + 1
        # a day before year 1 (DuckDB dates reach back further than Python's): no bound
        return date.fromordinal(self.days[low]).isoformat() if self.days[low] >= 1 else None


def day_counts(conn: duckdb.DuckDBPyConnection) -> DayCounts:
    """The events by start day and type of ``event_day_counts`` (undated events are not counted).

    :raises duckdb.CatalogException: a file from before migration 0014.
    """
    # days as ordinals made by DuckDB: converting some 24,000 dates in Python doubled the time
    return DayCounts.from_counts(conn.execute("SELECT (day - DATE '0001-01-01') + 1, event_type, n "
                                              "FROM event_day_counts ORDER BY day").fetchall())
