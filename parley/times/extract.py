"""Find temporal expressions in text and read what they mean (a :class:`Spec`) and their tense."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from datetime import date
from typing import Any, Iterable

from parley.document import doc_text
from parley.times.calendar import Spec, month_end, safe_date
from parley.times.lexicon import Lexicon, load_anchors, load_lexicon

# characters around a trigger word that a pattern may span ("from ... to October 2017")
ZONE_MARGIN = 60
_SINCE = re.compile(r"\b(?i:ever\s+)?(?i:since)\s+(?:(?i:early|late|mid)[-\s]+)?$")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’']?\s+(?=[\"“‘'(]?[A-Z0-9])|\n+")


@dataclass
class Mention:
    """A temporal expression found in the text, before resolution."""

    text: str
    char_start: int
    char_end: int
    sentence: int
    spec: Spec
    tense: str | None = None
    pattern: str = ""


def _year(value: str | None) -> int | None:
    return int(value) if value else None


def _month(lex: Lexicon, m: re.Match, name: str) -> int:
    value = m.group(name)
    if value.isdigit():
        return int(value)
    return lex.months[value.rstrip(".").lower()]


def _day_spec(m1: int, d1: int, m2: int, d2: int, y1: int | None, y2: int | None) -> Spec | None:
    """A day-precision spec: absolute when a year is given, else year-less."""
    if not (1 <= d1 <= 31 and 1 <= d2 <= 31):
        return None
    kind = "date" if (m1, d1) == (m2, d2) else "range"
    year_end = y2 or y1
    if year_end:
        year_start = y1 if y1 and y1 != year_end else year_end - (1 if (m1, d1) > (m2, d2) else 0)
        try:
            start, end = date(year_start, m1, d1), date(year_end, m2, d2)
        except ValueError:
            return None
        if start > end:
            return None
        return Spec("abs", "day", kind, start=start, end=end)
    if m1 == m2 and d1 > d2:
        return None
    return Spec("yearless", "day", kind, m1=m1, d1=d1, m2=m2, d2=d2)


def _month_spec(m1: int, m2: int, y1: int | None, y2: int | None, d1: int = 0, d2: int = 0,
                precision: str = "month") -> Spec | None:
    kind = "date" if m1 == m2 and not d1 else "range"
    year_end = y2 or y1
    if year_end:
        year_start = y1 if y1 and y2 else year_end - (1 if m1 > m2 else 0)
        start = safe_date(year_start, m1, d1 or 1)
        end = safe_date(year_end, m2, d2) if d2 else month_end(year_end, m2)
        if start > end:
            return None      # "October 2013 and August 2011" names two months, not a span
        return Spec("abs", precision, kind, start=start, end=end)
    return Spec("yearless", precision, kind, m1=m1, d1=d1, m2=m2, d2=d2)


def _spec(lex: Lexicon, name: str, m: re.Match) -> Spec | None:  # noqa: C901 - one branch a form
    g = m.groupdict()
    if name.startswith("named:"):
        anchor = next(a for a in load_anchors() if a.id == name[6:])
        return Spec("abs", "day", start=anchor.date, end=anchor.date)
    if name in ("md_md", "dm_dm", "md_d", "d_dm", "md", "dm", "iso"):
        m1 = _month(lex, m, "m1")
        m2 = _month(lex, m, "m2") if g.get("m2") else m1
        d1 = int(g["d1"])
        d2 = int(g["d2"]) if g.get("d2") else d1
        spec = _day_spec(m1, d1, m2, d2, _year(g.get("y1")), _year(g.get("y2")))
        if spec is not None and spec.form == "yearless" and g.get("wd"):
            # "Monday, Oct. 26": the weekday tells the year
            spec = replace(spec, weekdays=(lex.weekdays[g["wd"].lower()],))
        return spec
    if name == "m_m":
        return _month_spec(_month(lex, m, "m1"), _month(lex, m, "m2"), _year(g.get("y1")),
                           _year(g.get("y2")))
    if name == "part_m":
        first, last = lex.month_parts[g["part"].lower()]
        mon = _month(lex, m, "m1")
        return _month_spec(mon, mon, _year(g.get("y1")), None, d1=first, d2=last)
    if name == "m_y":
        mon = _month(lex, m, "m1")
        return _month_spec(mon, mon, _year(g["y1"]), None)
    if name in ("the_m", "lead_m"):
        mon = _month(lex, m, "m1")
        lead = (g.get("lead") or "").lower()
        if lead in lex.determiners:          # "last May", "next May", "this May"
            return Spec("yearless", "month", m1=mon, m2=mon, n=lex.determiners[lead])
        return _month_spec(mon, mon, None, None)
    if name == "part_y":
        first, last = lex.year_parts[g["part"].lower()]
        y = int(g["y1"])
        return Spec("abs", "year", start=date(y, first, 1), end=month_end(y, last))
    if name in ("lead_y", "the_y", "y_and"):
        y = int(g["y1"])
        return Spec("abs", "year", start=date(y, 1, 1), end=date(y, 12, 31))
    if name == "y_y":
        y1, y2 = int(g["y1"]), int(g["y2"])
        if " and " in m.group(0) and not m.group(0).lower().startswith("between"):
            return None          # "in 1995 and 1997" lists two years
        if not y1 < y2 <= y1 + 100:
            return None
        return Spec("abs", "year", "range", start=date(y1, 1, 1), end=date(y2, 12, 31))
    if name == "decade":
        start = int(g["dec"])
        lo, hi = start, start + 9
        part = (g.get("part") or "").lower()
        if part == "early":
            hi = start + 3
        elif part == "mid":
            lo, hi = start + 3, start + 6
        elif part == "late":
            lo = start + 7
        return Spec("abs", "decade", start=date(lo, 1, 1), end=date(hi, 12, 31))
    if name == "season_y":
        first, last = lex.seasons[g["season"].lower()]
        y = int(g["y1"])
        end_year = y + 1 if last < first else y
        return Spec("abs", "season", start=date(y, first, 1), end=month_end(end_year, last))
    if name == "det_season":
        first, last = lex.seasons[g["season"].lower()]
        return Spec("yearless", "season", m1=first, m2=last,
                    n=lex.determiners[g["det"].lower()])
    if name == "weekday":
        days = [lex.weekdays[g["w1"].lower()]]
        if g.get("w2"):
            days.append(lex.weekdays[g["w2"].lower()])
        det = (g.get("det") or "").lower().split()
        n = None
        if det:
            n = {"past": -1, "coming": 1}.get(det[-1], lex.determiners.get(det[0]))
        return Spec("weekday", "day", "range" if len(days) > 1 else "date",
                    weekdays=tuple(days), n=n)
    if name == "holiday":
        month, first, last, weekday = lex.holidays[g["name"].lower().replace("’", "'")]
        det = (g.get("det") or "").lower()
        return Spec("yearless", "day", m1=month, d1=first, m2=month, d2=last,
                    weekdays=() if weekday is None else (weekday,),
                    n=lex.determiners.get(det) if det else None)
    if name == "weekend":
        return Spec("weekday", "week", "range", weekdays=(5, 6))
    if name == "deictic":
        unit, n = lex.deictic[g["word"].lower()]
        return Spec("relative", unit, unit=unit, n=n)
    if name == "edge_rel":
        unit = g["unit"].lower()
        return Spec("relative", unit, unit=unit, n=0, edge=g["edge"].lower())
    if name == "det_unit":
        unit = g["unit"].lower()
        precision = "week" if unit == "weekend" else unit
        return Spec("relative", precision, unit=unit, n=lex.determiners[g["det"].lower()])
    if name == "ago":
        raw = g["n"].lower()
        n = int(raw) if raw.isdigit() else lex.numbers[raw]
        unit = g["unit"].lower()
        return Spec("ago", "year" if unit == "decade" else unit, unit=unit, n=n)
    return None


def _backwards(spec: Spec) -> bool:
    """True when a dated spec would end before it starts: its words are then two dates (or a
    slip of the pen), never an interval, and the shorter matches inside it are read instead."""
    return spec.form == "abs" and spec.start is not None and spec.end is not None and spec.start > spec.end


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Split ``text`` into ``(char_start, char_end)`` sentence spans (a fallback splitter).

    :param text: the clean text.
    """
    spans, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        if m.start() > start:
            spans.append((start, m.start()))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def sentence_spans(text: str, sentences: Iterable[Any] | None) -> list[tuple[int, int]]:
    """Return sentence ``(start, end)`` spans from Document sentences, dicts, or the fallback.

    :param text: the clean text.
    :param sentences: :class:`~parley.document.Sentence` objects, span dicts, or None.
    """
    if not sentences:
        return split_sentences(text)
    spans = []
    for s in sentences:
        if isinstance(s, dict):
            spans.append((s["char_start"], s["char_end"]))
        else:
            spans.append((s.char_start, s.char_end))
    return spans


def _zones(text: str, lex: Lexicon) -> list[tuple[int, int]]:
    """Stretches of ``text`` around a word that can start or end a time expression.

    One pass of a cheap trigger pattern, then the full patterns only there: most of a news
    text holds no time at all, and this stage runs on every document.
    """
    zones: list[list[int]] = []
    for m in lex.trigger.finditer(text):
        start, end = max(0, m.start() - ZONE_MARGIN), min(len(text), m.end() + ZONE_MARGIN)
        if zones and start <= zones[-1][1]:
            zones[-1][1] = end
        else:
            zones.append([start, end])
    return [(a, b) for a, b in zones]


def find_mentions(text: str, sentences: Iterable[Any] | None = None, spacy_doc: Any = None,
                  lexicon: Lexicon | None = None) -> list[Mention]:
    """Find the temporal expressions of ``text``, with their specs and tense.

    :param text: the clean text.
    :param sentences: sentence spans (see :func:`sentence_spans`); split here when None.
    :param spacy_doc: a parsed spaCy ``Doc`` of ``text``; its tags and parse decide tense.
    :param lexicon: the lexicon; the packaged one by default.
    :returns: non-overlapping mentions in text order.
    """
    from parley.times.tense import tense_at

    lex = lexicon or load_lexicon()
    if spacy_doc is not None and doc_text(spacy_doc) != text:
        spacy_doc = None      # compared once here: building a spaCy doc's text is slow
    found: list[tuple[int, int, int, str, re.Match]] = []
    for zone_start, zone_end in _zones(text, lex):
        present: dict[re.Pattern, bool] = {}
        for priority, (name, pattern, needle) in enumerate(lex.patterns):
            if needle not in present:
                present[needle] = needle.search(text, zone_start, zone_end) is not None
            if not present[needle]:
                continue
            for m in pattern.finditer(text, zone_start, zone_end):
                start, end = m.span("x") if m.groupdict().get("x") is not None else m.span()
                found.append((start, end, priority, name, m))
    for anchor in load_anchors():
        if anchor.kind == "named" and anchor.pattern is not None:
            for m in anchor.pattern.finditer(text):
                start, end = m.span("x") if m.groupdict().get("x") is not None else m.span()
                found.append((start, end, -1, "named:" + anchor.id, m))
    found.sort(key=lambda f: (-(f[1] - f[0]), f[2], f[0]))
    # taken spans kept sorted; being disjoint their ends are sorted too, so the one taken span
    # starting last before ``end`` is the only one that can overlap (linear scans were quadratic)
    taken_starts: list[int] = []
    taken_ends: list[int] = []
    chosen = []
    for start, end, _, name, m in found:
        k = bisect.bisect_left(taken_starts, end)
        if k and taken_ends[k - 1] > start:
            continue
        spec = _spec(lex, name, m)
        if spec is None or _backwards(spec):
            continue
        at = bisect.bisect_right(taken_starts, start)
        while at and taken_starts[at - 1] == start and taken_ends[at - 1] > end:
            at -= 1  # an empty span sorts before the span that starts where it is
        taken_starts.insert(at, start)
        taken_ends.insert(at, end)
        chosen.append((start, end, name, spec))
    chosen.sort()
    spans = sentence_spans(text, sentences)
    starts = [s for s, _ in spans]
    mentions = []
    for start, end, name, spec in chosen:
        since = _SINCE.search(text, max(0, start - 12), start)
        if since and spec.form in ("abs", "yearless"):
            # "since 2017", "since Sept. 15": from then to the anchor
            start, spec = since.start(), replace(spec, since=True, kind="range")
        index = max(bisect.bisect_right(starts, start) - 1, 0)
        mention = Mention(text[start:end], start, end, index, spec, pattern=name)
        sent = spans[index] if spans else (0, len(text))
        mention.tense = "past" if spec.since else tense_at(text, start, end, sent, spacy_doc, lex)
        mentions.append(mention)
    return mentions
