"""The days of a planned trip told in a later sentence of its report: "Abe will travel to Beijing
next week ... Abe will be in the Chinese capital from Thursday to Saturday", "the president will
visit Mexico next month ... 'I'm going to be there in early May'", "Lavrov cancelled a visit to
Turkey ... he had been due to be in Istanbul on Wednesday". News announces a trip with a loose time
(next week, next month, none at all) and gives its days where it tells where the traveller will be;
those days are the visit's. Parts of a month ("at the end of the month", "in the middle of the
month") are a window of about ten days of the month the trip is told for. Used by
:mod:`parley.process.assemble` on the visits of one document; a trip that no later sentence dates
keeps what its own sentence gives (an undated called-off trip stays undated).
"""

from __future__ import annotations

import calendar
import re
from datetime import date
from typing import Any

from parley.process.coref import name_words
from parley.process.context import PRECISION_RANK, span_dict, venue_dict
from parley.process.dating import forward
from parley.process.pronouns import person_pronouns
from parley.process.timing import report_time
from parley.process.visits import PRESENCE

# the words by which a later sentence puts the traveller at a place at a time still to come (or
# that was to come before the trip was called off), and the words that stand for the place visited
# when the sentence does not name it
TO_BE = re.compile(
    r"\b(?:will|would|['’]ll|is|are|am|['’]s|['’]m|['’]re|was|were|had been|has been)\s+(?:(?:due|expected|scheduled|set|going)\s+to\s+"
    r"|to\s+)?be\s+(there|in\s+(?:the\s+(?:[A-Z][\w-]+\s+)?(?:capital|city))|in)\b")
# the traveller in his own quoted words ("I will be in Lima"); a third-person one is the lexicon's
FIRST_PERSON = frozenset({"i", "we"})
# words on a trip noun that put it after the report
AHEAD = frozenset({"upcoming", "forthcoming", "coming", "planned", "scheduled", "proposed"})
# parts of a month, with their first and last day (the last as None: to the month's end)
MONTH_PARTS = re.compile(r"\b(?:(?:at|by|in|towards?|around)\s+the\s+(end|beginning|start|middle)\s+of\s+the\s+month"
                         r"|(early|late|mid)[- ](?:in\s+)?(?:the\s+)?month)\b", re.IGNORECASE)
PART_DAYS = {"end": (21, None), "late": (21, None), "beginning": (1, 10), "start": (1, 10), "early": (1, 10),
             "middle": (11, 20), "mid": (11, 20)}
# the flag of a visit dated by a later sentence of its report
DATED_LATER = "dated by a later sentence"


def date_trips(ctx: Any, clusters: dict[str, Any]) -> None:
    """Give each planned or called-off visit that its own sentence dates loosely or not at all the
    days a later sentence of the report tells the same traveller will be there (see the module
    docstring); the cluster keeps them as ``told_later``."""
    if ctx.published is None:
        return
    for c in clusters.values():
        visits = [p for p in c.phrases if "visit" in p.flags and PRESENCE not in p.flags and p.lone_party]
        if not visits or c.side:
            continue
        start, end, precision = c.span()
        if precision is not None and PRECISION_RANK.get(precision, 9) <= PRECISION_RANK["publication"]:
            continue
        if not _still_to_come(ctx, c, start, end):
            continue
        visit = visits[0]
        told, place = _later_days(ctx, visit, (start, end) if start or end else None)
        if told is not None:
            c.told_later = told
            if place is not None and c.report_place is None and all(
                    (p.venue or {}).get("feature") in (None, "country") for p in c.phrases):
                c.report_place = {**venue_dict(place), "via": DATED_LATER}  # "will be in Berlin": the city
            for p in visits:
                p.flags.add(DATED_LATER)


def _still_to_come(ctx: Any, c: Any, start: str | None, end: str | None) -> bool:
    """A trip told as planned or called off, or dated after the report."""
    said = {p.status for p in c.phrases if p.status}
    if said & {"planned", "cancelled", "postponed"}:
        return True
    if any(p.head is not None and any(ch.dep_ == "amod" and ch.lower_ in AHEAD for ch in p.head.children)
           for p in c.phrases if "visit" in p.flags):
        return True  # "his upcoming trip to Mexico"
    return bool(start) and start > ctx.published.isoformat()


def _later_days(ctx: Any, visit: Any, window: tuple[str | None, str | None] | None
                ) -> tuple[dict | None, dict | None]:
    """The time of the first later sentence that puts ``visit``'s traveller in its country, within
    ``window`` (the trip's loose dates), and the city it names there; (None, None) if none."""
    country = (visit.destination or visit.venue or {}).get("country")
    if country is None:
        return None, None
    for sent in ctx.doc.sentences[visit.sentence + 1:]:
        for match in TO_BE.finditer(sent.text):
            at = sent.char_start + match.start()
            if not _same_traveller(ctx, sent, at, visit):
                continue
            legs = _places_told(ctx, sent, match, visit)
            for i, (where, place_end, place) in enumerate(legs):
                if where != country:
                    continue
                until = legs[i + 1][2]["char_start"] if i + 1 < len(legs) else sent.char_end
                told = _time_after(ctx, sent, place_end, until, window)
                if told is None and window is not None:
                    told = _part_of_month(ctx, sent, place_end, until, window)
                if told is not None:
                    return told, place if place and place.get("feature") == "city" else None
    return None, None


# "in Addis Ababa on Tuesday and in Nairobi on Wednesday": the next place of the same words
NEXT_PLACE = re.compile(r"[^.;]*?\b(?:and|then|before|after)\s+(?:going\s+)?(?:on\s+)?(?:to|in)\s+$")


def _same_traveller(ctx: Any, sent: Any, at: int, visit: Any) -> bool:
    """The words before ``at`` end with the traveller: a person of the visitor's state, a word of
    the name of one named in the visit's sentence ("Abe" after "Prime Minister Shinzo Abe", "Xi"
    after "President Xi Jinping"), or a pronoun ("he", "I" in his quoted words) in a sentence that names no person of
    another state."""
    visitor = visit.lone_party
    people = [m for m in ctx.mentions.get(sent.index, []) if m.get("type") == "person"]
    if any(m.get("country") == visitor and 0 <= at - m["char_end"] <= 2 for m in people):
        return True
    before = ctx.doc.text[max(sent.char_start, at - 40):at].split()
    if not before:
        return False
    word = before[-1].strip("\"“'‘")
    names = {w for m in ctx.mentions.get(visit.sentence, []) if m.get("type") == "person" and m.get("country") == visitor
             for w in name_words(ctx.doc.text[m["char_start"]:m["char_end"]])}
    if word in names:
        return True
    if word.lower() not in person_pronouns(ctx.lex, "subject", plural=False) | FIRST_PERSON:
        return False
    return not any(m.get("country") not in (None, visitor) for m in people)


def _places_told(ctx: Any, sent: Any, match: re.Match, visit: Any) -> list[tuple[str | None, int, dict | None]]:
    """The countries the words of ``match`` put the traveller in, in order, with where each place
    ends: a place named after "in" and those joined to it ("in Addis Ababa on Tuesday and in Nairobi
    on Wednesday"); "there", "the capital", "the city": the country visited."""
    end = sent.char_start + match.end()
    if match.group(1) != "in":
        return [((visit.destination or visit.venue or {}).get("country"), end, None)]
    places = sorted(ctx.places.get(sent.index, []), key=lambda p: p["char_start"])
    told = []
    for place in places:
        if place["char_start"] < end:
            continue
        gap = ctx.doc.text[end:place["char_start"]]
        if not told and len(gap) > 5:
            break
        if told and not NEXT_PLACE.fullmatch(gap):
            continue
        told.append((place.get("country"), place["char_end"], place))
        end = place["char_end"]
    return told


def _time_after(ctx: Any, sent: Any, after: int, until: int,
                window: tuple[str | None, str | None] | None) -> dict | None:
    """The first time of the sentence between the place and ``until`` (not the day the report is
    told on), moved to the trip's future and within its window."""
    for time in ctx.times.get(sent.index, []):
        if time["char_start"] < after or time["char_start"] >= until or not time.get("start") or time.get("kind") == "duration" \
                or report_time(ctx, time):
            continue
        time = forward(time, ctx.published)
        if window is None or _within(time, window):
            return {**time, "bound": None}
        return None
    return None


def _bounds(window: tuple[str | None, str | None]) -> tuple[str, str]:
    """The first and last day of a trip's window, one standing for the other where it is open."""
    return window[0] or window[1], window[1] or window[0]


def _within(time: dict, window: tuple[str | None, str | None]) -> bool:
    lo, hi = _bounds(window)
    return lo <= time["start"] and (time.get("end") or time["start"]) <= hi


def _part_of_month(ctx: Any, sent: Any, after: int, until: int,
                   window: tuple[str | None, str | None]) -> dict | None:
    """ "will be there at the end of the month": a part of the one month of the trip's window."""
    lo, hi = _bounds(window)
    if lo[:7] != hi[:7]:
        return None
    m = MONTH_PARTS.search(ctx.doc.text, after, until)
    if m is None:
        return None
    first, last = PART_DAYS[(m.group(1) or m.group(2)).lower()]
    year, month = int(lo[:4]), int(lo[5:7])
    last = last or calendar.monthrange(year, month)[1]
    start, end = date(year, month, first).isoformat(), date(year, month, last).isoformat()
    start, end = max(start, lo), min(end, hi)
    if start > end:
        return None
    return {**span_dict(ctx.doc, m.start(), m.end(), sent.index), "start": start, "end": end, "precision": "month",
            "kind": "part of month", "bound": None}
