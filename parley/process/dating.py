"""Read the dates of a meeting the way a reader of the report does.

The times stage resolves a date without a year ("June 12") or a bare weekday ("Monday") by the
tense of its sentence. A date inside a meeting's own noun phrase ("the June 12 summit", Pence
*said* in May) is not told in that tense: it is the occurrence nearest the report. A meeting the
sentence says is planned ("will meet on Monday", "the upcoming summit") is not in the past of the
report: its year-less date or weekday moves forward to the first occurrence after publication.
"""

from __future__ import annotations

from datetime import date, timedelta

from parley.times import resolve_times

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# prepositions that place a meeting before or after what the verb tells ("played golf on Saturday
# ahead of a summit"): the verb's date is not the meeting's
OTHER_TIME_PREPS = {"ahead", "before", "after", "since", "following", "prior"}


def chosen_by_tense(time: dict) -> bool:
    """True if the times stage picked this date's year or week by its sentence's tense."""
    return time.get("anchor") == "tense"


def nearest_reading(time: dict, published: date | None) -> dict:
    """The occurrence of a year-less date nearest ``published`` (weekdays are left as they are)."""
    if published is None or not chosen_by_tense(time) or _is_weekday(time):
        return time
    found = resolve_times(time["text"], published)
    if len(found) != 1 or found[0]["precision"] != time.get("precision"):
        return time
    return {**time, "start": found[0]["start"], "end": found[0]["end"], "anchor": "nearest"}


def forward(time: dict, published: date | None) -> dict:
    """A planned meeting's year-less date or weekday moved to its first occurrence on or after
    ``published``; other dates unchanged."""
    if published is None or not chosen_by_tense(time) or not time.get("start"):
        return time
    start, end = date.fromisoformat(time["start"]), date.fromisoformat(time.get("end") or time["start"])
    if start >= published:
        return time
    step = timedelta(days=7) if _is_weekday(time) else None
    for _ in range(60):
        if start >= published:
            return {**time, "start": start.isoformat(), "end": end.isoformat(), "anchor": "planned"}
        if step is not None:
            start, end = start + step, end + step
        else:
            try:
                start, end = start.replace(year=start.year + 1), end.replace(year=end.year + 1)
            except ValueError:  # 29 February
                return time
    return time


def _is_weekday(time: dict) -> bool:
    return any(w in (time.get("text") or "").lower() for w in WEEKDAYS)


def placed_by_preposition(head) -> bool:
    """True if a meeting phrase hangs from "ahead of", "before", "after", "since": the verb of its
    clause tells another moment than the meeting's."""
    node = head.head if head is not None else None
    if node is None or node.dep_ != "prep":
        return False
    if node.lower_ in OTHER_TIME_PREPS:
        return True
    # "ahead of", "prior to": the first word carries the meaning
    return node.head.lower_ in OTHER_TIME_PREPS and node.head.dep_ in ("advmod", "prep", "amod")
