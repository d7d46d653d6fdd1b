"""One meeting told by several reports: the told meetings of no known process that are the same
meeting, found across documents before any of them is given a track.

Each report of a summit names its own set of parties (one the two leaders who spoke to the press,
another the host, a third the body whose summit it is), so a track chosen from each report's
parties sends one summit to several processes, where no merge can join it again. Reports tell one
meeting when they place it in the same city (or one names the country of the other's city), on
days that overlap give or take ``SAME_DAYS``, and it is the same format ("the G7 summit") or
between the same parties (at least half of the fewer's own parties are the other's, or one names
no party of its own). Where a report names no place, the same days and the body's name ("the
summit", "met G7 leaders") or two parties of its own in common are enough. The meeting's track is then chosen once, from all its reports: the body
whose summit most of them name, else the signature most of them give. See docs/processes.md
(issue 20, eighth pass).
"""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta
from typing import Callable

from parley.process.participants import side_of

# reports filed a day apart date the same meeting a day apart
SAME_DAYS = 1
# a told meeting's dates that place it on a day: its own, or its report's day (``dating`` approximate)
DAY_PRECISIONS = ("day", "publication")
EVENT = "_event"  # the key of the reported meeting a told meeting is one report of


def _days(m: dict) -> tuple[date, date] | None:
    if m.get("precision") not in DAY_PRECISIONS or not (m.get("start") or m.get("end")):
        return None
    start, end = m.get("start") or m["end"], m.get("end") or m["start"]
    return date.fromisoformat(start[:10]), date.fromisoformat(end[:10])


def _place(m: dict) -> tuple[str, str | None, bool] | None:
    """(venue, its country, whether the venue is a country)."""
    if not m.get("venue"):
        return None
    place = m.get("venue_place") or {}
    return m["venue"], place.get("country"), place.get("feature") == "country"


def _same_place(a: tuple, b: tuple) -> tuple[bool, bool]:
    """Whether two venues are one place, and whether both are cities (not a city and its country)."""
    if a[0] == b[0]:
        return True, not (a[2] or b[2])
    if a[2] != b[2] and a[1] and a[1] == b[1]:
        return True, False   # "in Russia" and "in Saint Petersburg"
    return False, False


def _body(m: dict) -> set[str]:
    return {m["format"]} if m.get("format") else set()


def _places_agree(ours: list[tuple], theirs: list[tuple]) -> bool:
    return all(_same_place(a, b)[0] for a in ours for b in theirs)


def _kinds_agree(bodies: set[str], own: list[set[str]]) -> bool:
    """No meeting that names its two parties itself among the reports of a body's summit, unless it
    names the body too ("Trudeau met G7 leaders")."""
    return all(bodies <= sides for sides in own) if bodies else True


def _own_sides(m: dict) -> set[str]:
    return {side_of(k) for k in m.get("parties") or []}


def _akin(a: dict, b: dict, cities: bool, strong: Callable[[dict], bool]) -> bool:
    """Whether two told meetings in one place on the same days are one meeting by what they are."""
    fa, fb = a.get("format"), b.get("format")
    if fa and fb:
        return fa == fb
    if fa or fb:
        # a body's summit and a meeting on its days that names the body among its own parties ("Trudeau
        # met G7 leaders") or, in its city, names its parties only through its report is the summit;
        # "Trump and Abe met" there is their own meeting
        body, other = (fa, b) if fa else (fb, a)
        return body in _own_sides(other) or cities and not strong(other)
    pa, pb = _own_sides(a), _own_sides(b)
    if not (pa and pb):
        return cities   # (in one city on its days, a meeting that names no party is that one)
    shared = len(pa & pb)
    return shared >= 2 or 2 * shared >= min(len(pa), len(pb))


def reported_meetings(pending: list[tuple[dict, dict]], strong: Callable[[dict], bool]) -> list[list[int]]:
    """Group the told meetings ``pending`` (``(source, meeting)`` pairs) that several reports tell of
    one meeting; returns the groups of two or more indices, each from two or more documents.

    :param pending: told meetings of no known process (no side meetings).
    :param strong: whether a told meeting names its own two parties (``discover.signature``).
    """
    placed = [(i, _days(m), _place(m)) for i, (_, m) in enumerate(pending)]
    # (in order of day, then of report and place in it: what is joined does not depend on the order
    # the documents were read in)
    placed = sorted((x for x in placed if x[1]), key=lambda x: (x[1][0], pending[x[0]][0]["doc_id"] or "",
                                                                 pending[x[0]][1].get("_position", 0)))
    parent = list(range(len(pending)))
    places = [[p] if p else [] for p in (_place(m) for _, m in pending)]
    bodies = [_body(m) for _, m in pending]
    own = [[_own_sides(m)] if strong(m) else [] for _, m in pending]

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    reach = timedelta(days=SAME_DAYS)
    for n, (i, (s1, e1), p1) in enumerate(placed):
        for j, (s2, e2), p2 in placed[n + 1:]:
            if s2 > e1 + reach:
                break   # sorted by start: no later one reaches back
            if s1 > e2 + reach or pending[i][0]["doc_id"] == pending[j][0]["doc_id"]:
                continue
            a, b = pending[i][1], pending[j][1]
            if p1 and p2:
                same, cities = _same_place(p1, p2)
            else:  # a body's summit on these days, or two parties' meeting, wherever a report forgets to say
                same, cities = bool(_body(a) and _body(a) & (_body(b) | _own_sides(b))
                                    or _body(b) and _body(b) & _own_sides(a)
                                    or len(_own_sides(a) & _own_sides(b)) >= 2), False
            root_i, root_j = find(i), find(j)
            if root_i == root_j:
                continue    # joined already (through a third report): adding its lists to themselves doubles them
            # never through a third report to a meeting in another place, nor from a body's summit to
            # a meeting two parties name as theirs
            if same and _akin(a, b, cities, strong) and _places_agree(places[root_i], places[root_j]) \
                    and _kinds_agree(bodies[root_i], own[root_j]) and _kinds_agree(bodies[root_j], own[root_i]):
                parent[root_i] = root_j
                places[root_j] += places[root_i]
                bodies[root_j] |= bodies[root_i]
                own[root_j] += own[root_i]
    groups: dict[int, list[int]] = {}
    for i, _, _ in placed:
        groups.setdefault(find(i), []).append(i)
    return [sorted(g) for g in groups.values()
            if len({pending[i][0]["doc_id"] for i in g}) > 1]


def chosen_track(members: list[tuple[dict, frozenset, bool]]) -> tuple[str | None, frozenset | None]:
    """The track of one meeting from all its reports: ``(format, None)`` for the body whose summit
    most of them name, else ``(None, signature)`` for the signature of two or more parties most of
    them give (one that the report's meeting names itself counts twice); ``(None, None)`` if none.

    :param members: ``(meeting, signature, named by the meeting itself)`` of each report.
    """
    formats = Counter(m["format"] for m, _, _ in members if m.get("format"))
    if formats:
        return min(formats, key=lambda f: (-formats[f], f)), None
    votes: Counter = Counter()
    for _, sig, own in members:
        if len(sig) >= 2:
            votes[sig] += 2 if own else 1
    if not votes:
        return None, None
    return None, min(votes, key=lambda s: (-votes[s], sorted(s)))
