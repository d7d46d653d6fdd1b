"""How many events start on each day, by PLOVER type: the bound that lets one page of the events
list read the days it shows instead of sorting every event.

The events list is ordered by start date (undated last), then id. Its first 101 rows after a
cursor all start on or before the day by which at least 101 matching events have started after
the cursor's day; with that day as an upper bound, DuckDB reads and sorts only the rows up to it
(a page of a 60,000-event table read a few hundred rows instead of all of them). The counts
come from the summary table ``event_day_counts`` (migration ``0014_event_day_counts``, kept by
the derive step); the web app keeps them in memory per database state (:class:`DayCounts`, a
few thousand days: the calendar the corpus covers, not its size).

The bound is exact for the filters the counts know (type, quad class, a start no later than
``until``) and a guess otherwise; the caller reads again without it when the bounded read came
back short, so a page is always the unbounded query's page.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import Collection

import duckdb


class DayCounts:
    """Events by start day and PLOVER type, as cumulative counts that answer :meth:`bound` in
    a few dictionary lookups and a binary search."""

    def __init__(self, counts: list[tuple[str, str | None, int]]):
        """:param counts: ``(ISO day, PLOVER type or None, events)`` rows, days in order."""
        self.days: list[str] = []
        per_day: list[dict] = []
        for day, event_type, n in counts:
            if not self.days or self.days[-1] != day:
                self.days.append(day)
                per_day.append({})
            per_day[-1][event_type] = per_day[-1].get(event_type, 0) + int(n)
        types = {t for found in per_day for t in found}
        # cumulative[t][i]: events of type t that start before days[i]; "*" for every type
        self.cumulative: dict[str | None, list[int]] = {}
        for event_type in (*types, "*"):
            running, line = 0, [0]
            for found in per_day:
                running += sum(found.values()) if event_type == "*" else found.get(event_type, 0)
                line.append(running)
            self.cumulative[event_type] = line

    def _between(self, lines: list[list[int]], first: int, last: int) -> int:
        return sum(line[last] - line[first] for line in lines)

    def bound(self, after_day: str | None, types: Collection[str] | None, need: int,
              since: str | None = None, until: str | None = None) -> str | None:
        """The earliest day by which at least ``need`` events of ``types`` (None: any) have started
        after ``after_day`` and on or after ``since``, or None when fewer start by ``until`` (or
        at all): the caller then reads without a bound.

        :param after_day: ISO day; the events starting on it are not counted.
        """
        first = bisect_right(self.days, after_day) if after_day else 0
        if since:
            first = max(first, bisect_left(self.days, since))
        stop = bisect_right(self.days, until) if until else len(self.days)
        lines = [self.cumulative["*"]] if types is None else [self.cumulative[t] for t in types
                                                                  if t in self.cumulative]
        if stop <= first or self._between(lines, first, stop) < need:
            return None
        low, high = first + 1, stop     # the smallest index i with need events in days[first:i]
        while low < high:
            middle = (low + high) // 2
            if self._between(lines, first, middle) >= need:
                high = middle
            else:
                low = middle + 1
        return self.days[low - 1]


def day_counts(conn: duckdb.DuckDBPyConnection) -> DayCounts:
    """The events by start day and type of ``event_day_counts`` (undated events are not counted).

    :raises duckdb.CatalogException: a file from before migration 0014.
    """
    return DayCounts([(day.isoformat(), event_type, n) for day, event_type, n in conn.execute(
        "SELECT day, event_type, n FROM event_day_counts WHERE day IS NOT NULL ORDER BY day").fetchall()])
