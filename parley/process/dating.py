"""Read the dates of a meeting the way a reader of the report does.

The times stage resolves a date without a year ("March 3") or a bare weekday ("Monday") by the
tense of its sentence. A date inside a meeting's own noun phrase ("the March 3 summit", in a
February report whose verb is past) is not told in that tense: it is the occurrence nearest the report. A meeting the
sentence says is planned ("will meet on Monday", "the upcoming summit") is not in the past of the
report: its year-less date or weekday moves forward to the first occurrence after publication.
"""

from __future__ import annotations

from datetime import date, timedelta

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# prepositions that place a meeting before or after what the verb tells ("toured the port on
# Saturday ahead of the summit"): the verb's date is not the meeting's
OTHER_TIME_PREPS = {"ahead", "before", "after", "since", "following", "prior"}


def chosen_by_tense(time: dict) -> bool:
    """True if the times stage picked this date's year or week by its sentence's tense."""
    return time.get("anchor") == "tense"


def nearest_reading(time: dict, published: date | None) -> dict:
    """The occurrence of a year-less date nearest ``published``; of a weekday or weekend named in the
    meeting's own phrase ("Saturday's summit", "this weekend's talks"), the one nearest the report
    too: a Friday report's "Saturday's summit" is the next day, whatever the tense of its verb."""
    if published is not None and time.get("start") and _is_day_of_week(time):
        return _nearest_week(time, published)
    if published is None or not chosen_by_tense(time) or _is_weekday(time) or not time.get("start"):
        return time
    start, end = _bounds(time)
    readings = [r for r in (_shifted(start, end, years) for years in (-1, 0, 1)) if r is not None]
    if not readings:
        return time
    start, end = min(readings, key=lambda r: abs((r[0] - published).days))
    return {**time, "start": start.isoformat(), "end": end.isoformat(), "anchor": "nearest"}


def _is_day_of_week(time: dict) -> bool:
    """A weekday or a weekend the times stage placed by the publication day or the tense."""
    if time.get("anchor") not in ("tense", "publication") or time.get("precision") not in ("day", "week"):
        return False
    start, end = _bounds(time)
    return (end - start).days <= 1 and (_is_weekday(time) or "weekend" in (time.get("text") or "").lower())


def _nearest_week(time: dict, published: date) -> dict:
    start, end = _bounds(time)

    def distance(shift: int) -> int:
        lo, hi = start + timedelta(days=shift), end + timedelta(days=shift)
        return 0 if lo <= published <= hi else min(abs((lo - published).days), abs((hi - published).days))

    shift = min((-7, 0, 7), key=lambda k: (distance(k), k != 0))
    if shift == 0:
        return time
    return {**time, "start": (start + timedelta(days=shift)).isoformat(),
            "end": (end + timedelta(days=shift)).isoformat(), "anchor": "nearest"}


def _bounds(time: dict) -> tuple[date, date]:
    return date.fromisoformat(time["start"]), date.fromisoformat(time.get("end") or time["start"])


def _shifted(start: date, end: date, years: int) -> tuple[date, date] | None:
    try:
        return start.replace(year=start.year + years), end.replace(year=end.year + years)
    except ValueError:  # 29 February
        return None


def forward(time: dict, published: date | None) -> dict:
    """A planned meeting's year-less date or weekday moved to its first occurrence on or after
    ``published``; other dates unchanged."""
    if published is None or not chosen_by_tense(time) or not time.get("start"):
        return time
    start, end = _bounds(time)
    if start >= published:
        return time
    step = timedelta(days=7) if _is_weekday(time) else None
    for _ in range(60):
        if start >= published:
            return {**time, "start": start.isoformat(), "end": end.isoformat(), "anchor": "planned"}
        if step is not None:
            start, end = start + step, end + step
        else:
            shifted = _shifted(start, end, 1)
            if shifted is None:
                return time
            start, end = shifted
    return time


def present_weekday(time: dict, published: date | None) -> dict:
    """ "The summit opens Saturday", "the two leaders meet Tuesday": a bare weekday told in the
    present tense is the coming one (news tells what is over in the past tense); a weekday the
    times stage put before ``published`` moves to its first occurrence on or after it."""
    if published is None or not _is_weekday(time) or time.get("anchor") not in ("tense", "publication") \
            or not time.get("start") or time.get("precision") != "day":
        return time
    start, end = _bounds(time)
    while start < published:
        start, end = start + timedelta(days=7), end + timedelta(days=7)
    return {**time, "start": start.isoformat(), "end": end.isoformat(), "anchor": "present"}


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


NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
                "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
                "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20}
UNIT_DAYS = {"day": 1, "week": 7}


ORDINAL_DAY_WORDS = {"second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
                     "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
                     "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18}


def duration_days(head) -> int | None:
    """ "after twelve days of talks", "two weeks of negotiations": how many days the meeting lasted;
    "on the third day of talks": how many days it had lasted by the day the clause tells."""
    unit = measure_unit(head)
    if unit is None:
        return None
    for child in unit.children:
        if child.dep_ == "nummod":
            word = child.lower_
            n = int(word) if word.isdigit() else NUMBER_WORDS.get(word)
            if n and n <= 60:
                return n * UNIT_DAYS[unit.lemma_.lower()]
    if unit.lemma_.lower() == "day" and unit.lower_ == "day" and any(c.lower_ == "the" for c in unit.children):
        for child in unit.children:
            word = child.lower_
            n = ORDINAL_DAY_WORDS.get(word) or (int(word[:-2]) if word[:-2].isdigit() and word[-2:] in (
                "nd", "rd", "th") else None)
            if child.dep_ == "amod" and n and n <= 60:
                return n
    return None


def measure_unit(head):
    """The "days" of "twelve days of talks", or None."""
    prep = head.head if head is not None else None
    if prep is None or prep.dep_ != "prep" or prep.lower_ != "of":
        return None
    return prep.head if prep.head.lemma_.lower() in UNIT_DAYS else None


def lasting(days: int, times: list[dict], clause_verb, published: date | None,
            concluding: set[str] = frozenset(), said: dict | None = None,
            opening: set[str] = frozenset()) -> dict | None:
    """The dates of a meeting that lasted ``days``: up to the day its clause tells ("talks ended on
    Friday", "after two days of talks, ... said on Friday"), else up to the report's day when its
    clause tells in the past that they concluded ("after twelve days of talks, the two sides
    announced an accord": ``concluding`` verbs). A clause whose verb begins them (``opening`` verbs:
    "opened two days of talks on Tuesday") tells their first day instead. ``said``: the span that
    tells how long, the evidence of dates read from the report's day."""
    told = [t for t in times if t.get("precision") == "day" and t.get("start")]
    if told and clause_verb is not None and clause_verb.lemma_.lower() in opening:
        start, evidence = date.fromisoformat(told[0]["start"]), told[0]
        return {**{k: evidence.get(k) for k in ("text", "char_start", "char_end", "sentence")},
                "start": start.isoformat(), "end": (start + timedelta(days=days - 1)).isoformat(),
                "precision": "day", "kind": "range", "anchor": "duration", "bound": None}
    if told:
        end, evidence = date.fromisoformat(told[0].get("end") or told[0]["start"]), told[0]
    elif published is not None and clause_verb is not None and "Tense=Past" in str(clause_verb.morph) \
            and clause_verb.lemma_.lower() in concluding and said is not None:
        end, evidence = published, said
    else:
        return None
    start = end - timedelta(days=days - 1)
    return {**{k: evidence.get(k) for k in ("text", "char_start", "char_end", "sentence")},
            "start": start.isoformat(), "end": end.isoformat(), "precision": "day", "kind": "range",
            "anchor": "duration", "bound": None}
