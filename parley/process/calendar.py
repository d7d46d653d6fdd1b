"""The days of a summit that a body holds on a fixed calendar (``parley/data/summits.yaml``).

News dates a NATO, G7 or G20 summit, or a UN climate conference, by what its reader knows: "the
alliance's summit in Lisbon this week", "the G-20 summit in Seoul earlier this month", "the UN
climate conference in Doha" last week. The report gives the week or the month; the calendar gives
the days. A meeting told as the body's summit, whose dates (if any) and place agree with one summit
of the calendar only, is held on that summit's days, in its city; a meeting held at it ("met the
Korean president at the G-20 summit in Seoul") keeps the days its report allows within the summit's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable

from parley.knowledge import data_path, load_yaml, optional
from parley.process.participants import party_key
from parley.process.venues import known_city

SUMMITS_PATH = data_path("summits.yaml")
SUMMITS_SCHEMA = {
    "version": int, "source": str,
    "bodies": {str: {"parties": [str], "names": [str], "kinds": [str], "format": optional(str),
                     "own_names": optional([str])}},
    "summits": [{"body": str, "start": str, "end": str, "city": str, "country": str, "names": optional([str])}],
}
# how far from its report's day a summit told with no date of its own may be ("the summit",
# "the upcoming summit")
UNDATED_REACH_DAYS = 60
# how far before a meeting phrase the body's name may begin: the parser starts "the G-20 summit"
# or "the Group of 20 summit" at "20"
NAME_BEFORE_CHARS = 12
# "the Paris climate summit", "the U.N. climate talks": the definite article before the body's name
# (with at most three capitalised words between) points to the one meeting its reader knows
DEFINITE_BEFORE_CHARS = 60
DEFINITE_NAME = re.compile(r"\b[Tt]he\s+(?:[A-Z][\w.'’-]*\s+){0,3}$")
NOUN_AFTER_NAME = re.compile(r"(?:\s+(?:change\s+)?\w+)?")
# precisions already as fine as the calendar's
DAY_PRECISIONS = ("day", "publication")


@dataclass(frozen=True)
class Summit:
    """One summit of the calendar."""

    body: str
    start: date
    end: date
    city: str
    country: str
    names: frozenset[str]   # its city's names, lower case

    def place(self) -> dict:
        """The summit's city as a venue dict."""
        return known_city(self.city, self.country, "summit calendar")


@dataclass(frozen=True)
class Body:
    """A body that holds summits: the party keys it is given, how reports name it, and what they
    must call the meeting (no kinds: any meeting word)."""

    parties: frozenset[str]
    names: re.Pattern
    kinds: frozenset[str]
    format: str | None = None   # the party whose own meeting its summit is, where none stands for the body
    # where no party stands for the body: the names that make a meeting its own ("the COP"), not
    # one held at it ("climate talks" between two states)
    own_names: re.Pattern | None = None


def _name_pattern(names: Iterable[str]) -> re.Pattern:
    # a name in lower case ("climate") is a word in any case; one with capitals is written so ("COP")
    parts = [f"(?i:{re.escape(n)})" if n == n.lower() else re.escape(n) for n in names]
    return re.compile(r"(?<![\w-])(?:%s)(?![\w-])" % "|".join(parts))


@lru_cache(maxsize=4)
def load_calendar(path: str | Path = SUMMITS_PATH) -> tuple[dict[str, Body], tuple[Summit, ...]]:
    """The bodies and the summits of the calendar at ``path`` (schema-checked, cached)."""
    data = load_yaml(path, SUMMITS_SCHEMA).data
    bodies = {key: Body(frozenset(b["parties"]), _name_pattern(b["names"]), frozenset(b["kinds"]), b.get("format"),
                        _name_pattern(b["own_names"]) if b.get("own_names") else None)
              for key, b in data["bodies"].items()}
    summits = tuple(Summit(s["body"], date.fromisoformat(s["start"]), date.fromisoformat(s["end"]), s["city"],
                           s["country"], frozenset(n.lower() for n in [s["city"], *s.get("names", [])]))
                    for s in data["summits"] if s["body"] in bodies)
    return bodies, summits


def bodies_named(ctx: Any, phrases: Iterable[Any], own_format: str | None) -> dict[str, bool]:
    """The bodies whose summit a meeting's phrases name, each with whether the meeting is the body's
    own (its format; for a body no party stands for, its own name or a mention of the party whose
    meeting it is in the sentence) rather than one held at its summit."""
    bodies, _ = load_calendar()
    text = ctx.doc.text
    found: dict[str, bool] = {}
    phrases = list(phrases)
    # "Obama and Xi met at the climate summit": a meeting told by a verb is its parties' own
    # (a leader's trip to the summit is its attendance, not a meeting of its own)
    told_by_verb = any(p.verbal and p.kind != "visit" for p in phrases)
    for p in phrases:
        said = text[p.start:p.end].lower()
        igos = [m for m in ctx.mentions.get(p.sentence, []) if m.get("type") == "igo"]
        keys = {party_key(m) for m in igos if m["char_start"] < p.end and p.start < m["char_end"]}
        for key, body in bodies.items():
            if body.kinds and p.kind not in body.kinds and not any(k in said for k in body.kinds):
                continue
            if _named_at(body.names, text, p) or keys & body.parties:
                own = own_format in body.parties or (not body.parties and not told_by_verb
                                                     and _told_as_own(body, text, p, igos))
                found[key] = found.get(key, False) or own
    return found


def own_gathering(ctx: Any, phrases: Iterable[Any]) -> str | None:
    """The party whose own gathering a meeting is, where the calendar names a body no party stands for
    (``format``: the UN for its climate conference, a named forum for itself) and the phrases name that
    body's meeting as its own ("said at the World Economic Forum in Davos on Monday"), whatever its
    days: the gathering is then a side of its own, met by whoever speaks there. None where no such body
    or several are named."""
    bodies, _ = load_calendar()
    formats = {bodies[key].format for key, own in bodies_named(ctx, phrases, None).items()
               if own and bodies[key].format and not bodies[key].parties}
    return formats.pop() if len(formats) == 1 else None


def names_gathering(text: str) -> bool:
    """True if ``text`` names a gathering the calendar knows by a name of its own, no party standing
    for its body ("the World Economic Forum", "the Boao Forum for Asia")."""
    bodies, _ = load_calendar()
    return any(body.own_names is not None and not body.parties and body.own_names.search(text)
               for body in bodies.values())


def _named_at(names: re.Pattern, text: str, phrase: Any) -> bool:
    """True if one of ``names`` stands in a meeting phrase or just before it (``NAME_BEFORE_CHARS``)."""
    return names.search(text, phrase.start, phrase.end) is not None or \
        names.search(text[max(phrase.start - NAME_BEFORE_CHARS, 0):phrase.start]) is not None


def _told_as_own(body: Body, text: str, phrase: Any, igos: list[dict]) -> bool:
    # "the COP", "the UN climate conference", "the Paris climate talks": the body's own meeting,
    # named, or the one the definite article points to; "A and B held climate talks" are theirs
    if body.own_names is not None and _named_at(body.own_names, text, phrase):
        return True
    if body.format is not None and any(party_key(m) == body.format for m in igos):
        return True
    # the phrase may begin at its article ("the Paris climate summit") or at its noun ("summit")
    told = text[max(phrase.start - DEFINITE_BEFORE_CHARS, 0):phrase.end]
    named = list(body.names.finditer(told))
    return bool(named) and DEFINITE_NAME.search(told[:named[-1].start()]) is not None \
        and NOUN_AFTER_NAME.fullmatch(told[named[-1].end():]) is not None


def _place_agrees(summit: Summit, venue: dict | None) -> bool:
    name = (venue.get("name") or venue.get("text") or "").lower()
    if venue.get("feature") == "city" or venue.get("feature") == "site":
        return name in summit.names
    return name in summit.names or venue.get("country") == summit.country


def _extent(start: str | None, end: str | None, precision: str | None) -> tuple[date, date]:
    """The days a meeting's dates allow: a start or an end told alone by a week or a month ("opens
    next week") lies somewhere in it."""
    lo, hi = date.fromisoformat((start or end)[:10]), date.fromisoformat((end or start)[:10])
    if start and end:
        return lo, hi
    if precision == "week":
        return (lo, lo + timedelta(days=6)) if start else (hi - timedelta(days=6), hi)
    if precision == "month":
        first = lo.replace(day=1)
        return first, (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
    return lo, hi


def summit_of(ctx: Any, phrases: list[Any], own_format: str | None, start: str | None, end: str | None,
              precision: str | None, venue: dict | None) -> tuple[Summit, str | None, date, date] | None:
    """The one summit of the calendar that the meeting told by ``phrases`` is, or is held at; None
    where its dates are already a day's, where no body's summit is named, or where its place or
    dates agree with no summit or with several. With the summit come the party whose own meeting
    the meeting is, where the calendar names one (``format``: the UN's climate conference), and the
    meeting's first and last days: the summit's for the body's own meeting or one told with no
    date, else the days its report allows that fall within the summit's.

    :param own_format: the body whose own meeting this is (``meeting_format``), if any.
    :param start: the meeting's first day as read from the report (ISO), or None.
    :param end: its last day, or None.
    :param precision: the precision of those dates.
    :param venue: the venue read from the report, or None.
    """
    if precision in DAY_PRECISIONS and (start or end):
        return None
    named = bodies_named(ctx, phrases, own_format)
    if not named:
        return None
    bodies, summits = load_calendar()
    # a meeting held at a summit is placed by the report; the body's own summit may be told without a place
    found = [s for s in summits if s.body in named and (_place_agrees(s, venue) if venue else named[s.body])]
    if start or end:
        lo, hi = _extent(start, end, precision)
        found = [s for s in found if s.start <= hi and lo <= s.end]
    elif ctx.published is not None:
        found = [s for s in found if min(abs((s.start - ctx.published).days),
                                         abs((s.end - ctx.published).days)) <= UNDATED_REACH_DAYS]
    elif venue is None:
        return None  # no date, no report day, no place: any summit of the body
    else:  # a report of unknown day: the body's summit in that place, within the years its text allows
        window = getattr(ctx.doc, "published_window", None)
        if window and all(window):
            found = [s for s in found if s.start <= window[1] and window[0] <= s.end]
    if len(found) != 1:
        return None
    summit = found[0]
    if named[summit.body]:
        return summit, bodies[summit.body].format, summit.start, summit.end
    if not (start or end):
        return None  # a meeting at a summit told with no day of its own: nothing says which of its days
    lo, hi = _extent(start, end, precision)
    return summit, None, max(lo, summit.start), min(hi, summit.end)
