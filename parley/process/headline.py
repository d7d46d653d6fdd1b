"""What a report's headline says of the meeting it is about: "Havana talks to start thaw", "Leaders
meet in Doha". A headline names the place of its story's meeting, which the body then often leaves
out ("the talks, scheduled for Wednesday and Thursday, ..."); the headline's city is the main
meeting's venue when the body places it nowhere (``headline_meeting_verbs`` in
``parley/data/processes.yaml``). A headline tells the news of its day in the present tense
("Premier's visit to Tokyo draws protests"): a meeting it tells so, which the body leaves undated,
is on the report's day. See docs/processes.md (issue 20).
"""

from __future__ import annotations

import re
from typing import Any

from parley.process.context import venue_dict


def _title_words(title: str) -> set[str]:
    """The headline's lower-cased words, hyphenated and elided words whole."""
    return {w.lower() for w in re.findall(r"[\w'-]+", title)}


def tells_meeting(ctx: Any, title: str) -> bool:
    """True if the headline names a meeting (a meeting word, or a verb of meeting or visiting)."""
    if any(True for _ in ctx.lex.meeting_words.finditer(title)):
        return True
    return bool(_title_words(title) & ctx.lex.words("headline_meeting_verbs"))


def headline_city(ctx: Any) -> dict | None:
    """The one city the headline names that the body names too (so the place index has read it), when
    the headline tells a meeting; None when it names none or several."""
    title = ctx.doc.title or ""
    if not title or not tells_meeting(ctx, title):
        return None
    found: dict[str, dict] = {}
    for place in ctx.doc.places or []:
        name = ctx.doc.text[place["char_start"]:place["char_end"]]
        if place.get("feature") == "city" and name[:1].isupper() and \
                re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", title):
            found.setdefault(place.get("name") or name, place)
    if len(found) != 1:
        return None
    place = next(iter(found.values()))
    return {**venue_dict(place), "via": "headline"}


def venue_from_headline(ctx: Any, clusters: dict[str, Any], main: str | None) -> None:
    """The headline's city is the venue of the document's main meeting when no phrase of that
    meeting, nor the dateline, places it."""
    c = clusters.get(main) if main else None
    if c is None or c.side or c.report_place is not None or any(p.venue for p in c.phrases):
        return
    c.report_place = headline_city(ctx)


def told_as_today(ctx: Any, title: str) -> bool:
    """True if the headline tells its meeting as the news of the day: no word that puts it before or
    after the report or calls it off (``headline_not_today``), and no "to" before a verb of meeting
    ("Leaders to meet in Doha" is still to come)."""
    if _title_words(title) & ctx.lex.words("headline_not_today"):
        return False
    verbs = "|".join(sorted(re.escape(v) for v in ctx.lex.words("headline_meeting_verbs")))
    return not re.search(rf"\bto\s+(?:{verbs})\b", title, re.IGNORECASE)


def day_from_headline(ctx: Any, clusters: dict[str, Any], main: str | None) -> None:
    """The report's day dates its main meeting when no phrase of it is dated, the headline tells a
    meeting as today's news and nothing in the body says it is planned or called off."""
    c = clusters.get(main) if main else None
    title = ctx.doc.title or ""
    if c is None or c.side or ctx.published is None or not title or any(p.dates for p in c.phrases):
        return
    if any(p.status not in (None, "held") for p in c.phrases) or not tells_meeting(ctx, title) \
            or not told_as_today(ctx, title):
        return
    day = ctx.published.isoformat()
    c.report_day = {"text": title, "char_start": None, "char_end": None, "sentence": None, "start": day,
                    "end": day, "precision": "day", "bound": None, "via": "headline"}

