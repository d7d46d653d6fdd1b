"""Join the meetings that many documents tell into meetings and processes.

The same round told by four outlets is one meeting with four sources. Where the sources
differ on a field (dates, venue, status on the same day, an actor's role), every version is
kept with its sources under ``differences``:
``{"field": "start", "values": [{"value": ..., "sources": [...]}, ...]}``.
Pure Python over the dicts that ``parley_meetings`` leaves on ``doc.meetings``; the store
calls :func:`build_processes` and persists the result.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date, timedelta
from typing import Any, Iterable

from parley.process.assemble import overlaps, widen
from parley.process.context import PRECISION_RANK, report_day
from parley.process.crossdoc import DAY_PRECISIONS, EVENT
from parley.process.discover import discover_processes
from parley.process.lexicon import Lexicon, load_lexicon
from parley.process.mention import ROUND_IN_CITY

# how far from its report an undated meeting in a named place may find its dated meeting
UNDATED_REACH_DAYS = 60
# reports of talks that go on for days date them by the day they write: a discovered track's
# meetings this close, in the same place or where one names none, are one meeting
NEARBY_DAYS = 3
# a body's summit lasts days, not weeks: reports that date it to a week ("this week") may be joined,
# to a month not
ONE_SUMMIT_DAYS = 7

# roles that cannot both be true of one actor at one meeting
EXCLUSIVE_ROLES = {"guarantor", "observer", "party", "mediator"}
SOURCE_KEYS = ("doc_id", "title", "outlet", "url", "published")
POSITION = "_position"   # a told meeting's place in its document's list, set while merging


def _source(meta: dict) -> dict:
    src = {k: meta.get(k) for k in SOURCE_KEYS}
    src["doc_id"] = src["doc_id"] or meta.get("id")
    if isinstance(src["published"], date):
        src["published"] = src["published"].isoformat()
    return src


class Group:
    """The meetings of several documents that are one meeting."""

    def __init__(self, process: str | None, ordinal: int | None = None):
        self.process, self.ordinal = process, ordinal
        self.items: list[tuple[dict, dict]] = []   # (source, meeting)
        self.parent: Group | None = None
        self.id = ""
        self.first: tuple[str, int] | None = None   # (doc_id, position) of the first meeting told

    def add(self, source: dict, meeting: dict) -> None:
        if not self.items:
            self.first = (source["doc_id"], meeting.get(POSITION, 0))
        self.items.append((source, meeting))
        if self.ordinal is None and meeting.get("ordinal") is not None:
            self.ordinal = meeting["ordinal"]

    def span(self) -> tuple[str | None, str | None]:
        best = sorted((m for _, m in self.items if m.get("start") or m.get("end")),
                      key=lambda m: PRECISION_RANK.get(m.get("precision"), 9))
        if not best:
            return None, None
        return best[0].get("start"), best[0].get("end")

    def first_date(self) -> str | None:
        start, end = self.span()
        return start or end


def _group_meetings(entries: list[tuple[dict, dict]], discovered: frozenset[str] = frozenset()) -> list[Group]:
    groups: list[Group] = []
    numbered: dict[tuple, Group] = {}
    by_doc_key: dict[tuple[str, str], Group] = {}
    events: dict[str, Group] = {}
    sides = []
    for source, m in entries:
        if m.get("kind") == "side":
            sides.append((source, m))
        elif m.get("ordinal") is not None and m.get("process") not in discovered:
            # "the second summit" of no process is the second of its own document's track only
            key = (m.get("process"), m["ordinal"]) if m.get("process") else (None, m["ordinal"], source["doc_id"])
            if key not in numbered:
                numbered[key] = Group(*key[:2])
                groups.append(numbered[key])
            numbered[key].add(source, m)
            by_doc_key[(source["doc_id"], m.get("key"))] = numbered[key]
    # the tracks of a body's own meetings (its summits: "g7" for the G7's)
    bodies = {m["format"].lower() for _, m in entries if m.get("format")} & discovered
    # dated meetings first, so that an undated one in a named place finds the dated one it joins
    # a discovered track's ordinals are counted by whoever speaks (an envoy's "third meeting with the
    # president" is not the leaders' third summit): its rounds join by their dates
    # then the undated ones whose own report dates a meeting of their track, so that the place they
    # give that meeting (one phrase dates it, another of the same report places it) is there for the
    # undated reports of the same place: a report that dates the meeting is read before the undated ones
    dated_in = {(s["doc_id"], m.get("process")) for s, m in entries if _dated(m)}
    for source, m in sorted(entries, key=lambda e: (not _dated(e[1]), (e[0]["doc_id"], e[1].get("process")) not in dated_in)):
        if m.get("kind") == "side" or (m.get("ordinal") is not None and m.get("process") not in discovered):
            continue
        span = (m.get("start"), m.get("end"))
        match = None
        if m.get(EVENT) in events:  # the reports of one meeting (parley.process.crossdoc)
            match = events[m[EVENT]]
        elif span[0] or span[1]:
            candidates = [g for g in groups if g.process == m.get("process") and g.parent is None
                          and overlaps(widen(g.span()), widen(span)) and _same_place(g, m)
                          and _ordinals_agree(g, m)]
            if not candidates and m.get("process") in discovered and m.get("precision") in DAY_PRECISIONS:
                candidates = [g for g in groups if g.process == m.get("process") and g.parent is None
                              and overlaps(_padded(g.span(), NEARBY_DAYS), span) and _venues_agree(g, m)
                              and _ordinals_agree(g, m) and _day_precise(g)]
            if not candidates and m.get("process") in bodies and _width_of(span) <= ONE_SUMMIT_DAYS:
                # a body holds one summit at a time: its reports within days of each other, each dated
                # as its writer could ("this weekend's summit", "this week"), in one country are one
                candidates = [g for g in groups if g.process == m.get("process") and g.parent is None
                              and overlaps(_padded(g.span(), NEARBY_DAYS), span) and _countries_agree(g, m)
                              and _ordinals_agree(g, m) and _width(g) <= ONE_SUMMIT_DAYS]
            match = min(candidates, key=_width, default=None)
        elif m.get("ordinal") is not None:  # "their second summit": the one dated second summit
            same = [g for g in groups if g.process == m.get("process") and g.parent is None
                    and g.ordinal == m["ordinal"]]
            match = same[0] if len(same) == 1 and _near_report(same[0], source, m) else None
        elif m.get("venue") and m.get("process"):
            match = _nearest_in_place(groups, m, source) or _dated_in_same_report(groups, m, source)
        if match is None:
            match = Group(m.get("process"))
            groups.append(match)
        match.add(source, m)
        by_doc_key[(source["doc_id"], m.get("key"))] = match
        if m.get(EVENT):
            events.setdefault(m[EVENT], match)
    for source, m in sides:
        parent = by_doc_key.get((source["doc_id"], m.get("parent")))
        span = (m.get("start"), m.get("end"))
        match = next((g for g in groups if g.parent is parent and parent is not None
                      and (overlaps(g.span(), span) or not (span[0] or span[1]))), None)
        if match is None:
            match = Group(m.get("process"))
            match.parent = parent
            groups.append(match)
        match.add(source, m)
    return groups


def _dated(meeting: dict) -> bool:
    """True if the meeting has a first or a last day."""
    return bool(meeting.get("start") or meeting.get("end"))


def _padded(span: tuple[str | None, str | None], days: int) -> tuple[str | None, str | None]:
    """``span`` stretched ``days`` on both sides."""
    start, end = span[0] or span[1], span[1] or span[0]
    if not start:
        return span
    return ((date.fromisoformat(start[:10]) - timedelta(days=days)).isoformat(),
            (date.fromisoformat(end[:10]) + timedelta(days=days)).isoformat())


def _venues_agree(group: Group, meeting: dict) -> bool:
    """No two different places: the group's and the meeting's venues are one, or one is not told."""
    venues = {m.get("venue") for _, m in group.items if m.get("venue")}
    return not venues or not meeting.get("venue") or meeting["venue"] in venues


def _countries_agree(group: Group, meeting: dict) -> bool:
    """No two countries: the group's and the meeting's venues lie in one country, or one is not told
    ("Charlevoix" and "La Malbaie" are two names a summit in Canada is given)."""
    def country(m: dict) -> str | None:
        return (m.get("venue_place") or {}).get("country") if m.get("venue") else None
    theirs = {country(m) or m.get("venue") for _, m in group.items if m.get("venue")}
    ours = country(meeting) or meeting.get("venue")
    return not theirs or not ours or theirs == {ours}


def _width_of(span: tuple[str | None, str | None]) -> int:
    start, end = span[0] or span[1], span[1] or span[0]
    if not start:
        return 10 ** 6
    return (date.fromisoformat(end[:10]) - date.fromisoformat(start[:10])).days


def _day_precise(group: Group) -> bool:
    return any(m.get("precision") in DAY_PRECISIONS for _, m in group.items)


def _near_report(group: Group, source: dict, meeting: dict) -> bool:
    """A report that gives no date speaks of a meeting near its own day (``UNDATED_REACH_DAYS``)."""
    when, published = group.first_date(), report_day(source, meeting)
    if not (when and published):
        return True
    return abs((date.fromisoformat(when[:10]) - date.fromisoformat(str(published)[:10])).days) <= UNDATED_REACH_DAYS


def _ordinals_agree(group: Group, meeting: dict) -> bool:
    return group.ordinal is None or meeting.get("ordinal") is None or group.ordinal == meeting["ordinal"]


def _dated_in_same_report(groups: list[Group], meeting: dict, source: dict) -> Group | None:
    """ "the presidents meet on Thursday ... their summit at the Lakeview estate": a report that dates one meeting of
    a track and places an undated one tells one meeting, when the dated one has no other place."""
    dated = [g for g in groups if g.process == meeting["process"] and g.parent is None and g.first_date()
             and any(s["doc_id"] == source["doc_id"] for s, _ in g.items)]
    if len(dated) != 1:
        return None
    venues = {m.get("venue") for _, m in dated[0].items if m.get("venue")}
    return dated[0] if venues <= {meeting["venue"]} else None


def _nearest_in_place(groups: list[Group], meeting: dict, source: dict) -> Group | None:
    """An undated meeting in a named place ("their summit in Helsinki") is the dated meeting of its
    process in that place nearest to the report's publication."""
    place = meeting.get("venue_place") or {}
    country = place.get("country") if place.get("feature") == "country" else None
    here = [g for g in groups if g.process == meeting["process"] and g.parent is None and g.first_date()
            and any(m.get("venue") == meeting["venue"] or (country and (m.get("venue_place") or {}).get("country")
                                                            == country) for _, m in g.items)]
    if not here:
        return None
    # (a report of unknown day keeps its inferred day here: one dated meeting in the place is not
    # enough to say an undated mention of the place is that meeting)
    published = source.get("published")
    if not published:
        return here[0] if len(here) == 1 else None

    def days_away(group: Group) -> int:
        return abs((date.fromisoformat(group.first_date()[:10]) - date.fromisoformat(str(published)[:10])).days)

    nearest = min(here, key=days_away)
    # a report that gives no date speaks of a meeting near its own day, not of one years before
    return nearest if days_away(nearest) <= UNDATED_REACH_DAYS else None


def _same_place(group: Group, meeting: dict) -> bool:
    """Meetings of no known process are one only where they happened in the same place; and the
    rounds one report names in several cities ("talks in Doha and Islamabad") stay one a city."""
    if ROUND_IN_CITY in (meeting.get("flags") or []) and any(
            ROUND_IN_CITY in (m.get("flags") or []) and m.get("venue") != meeting.get("venue") for _, m in group.items):
        return False
    if meeting.get("process") is not None:
        return True
    return meeting.get("venue") is not None and any(m.get("venue") == meeting["venue"] for _, m in group.items)


def _width(group: Group) -> int:
    start, end = group.span()
    return _width_of((start, end)) if start and end else 10 ** 6


def _versions(items: list[tuple[dict, Any]]) -> list[dict]:
    """Group ``(source, value)`` pairs by value: ``[{"value", "sources"}]``, most sourced first."""
    by_value: dict[str, dict] = {}
    for source, value in items:
        if value is None:
            continue
        key = repr(value)
        by_value.setdefault(key, {"value": value, "sources": []})
        if source["doc_id"] not in by_value[key]["sources"]:
            by_value[key]["sources"].append(source["doc_id"])
    return sorted(by_value.values(), key=lambda v: -len(v["sources"]))


def _pick(field: str, items: list[tuple[dict, Any]], differences: list[dict], tie: Any = None) -> Any:
    """The value most sources give; among as many, the one ``tie`` picks (else the first told)."""
    versions = _versions(items)
    if len(versions) > 1:
        differences.append({"field": field, "values": versions})
    if not versions:
        return None
    most = [v["value"] for v in versions if len(v["sources"]) == len(versions[0]["sources"])]
    return tie(most) if tie else most[0]


def _dates(group: Group, differences: list[dict]) -> tuple[str | None, str | None, str | None]:
    dated = [(s, m) for s, m in group.items if m.get("start") or m.get("end")]
    if not dated:
        return None, None, None
    finest = min(PRECISION_RANK.get(m.get("precision"), 9) for _, m in dated)
    fine = [(s, m) for s, m in dated if PRECISION_RANK.get(m.get("precision"), 9) == finest]
    # (as many sources for two days: the earlier, whichever report came first; a later end from one
    # report would stretch a round that others end on its day)
    start = _pick("start", [(s, m.get("start")) for s, m in fine], differences, min)
    end = _pick("end", [(s, m.get("end")) for s, m in fine], differences, min)
    if start and end and end < start:
        # two sources' sides make no interval: keep one source's whole interval (the latest told)
        whole = [(s, m) for s, m in fine if m.get("start") and m.get("end") and m["start"] <= m["end"]]
        best = max(whole, key=lambda sm: sm[0].get("published") or "", default=None)
        start, end = (best[1]["start"], best[1]["end"]) if best else (None, end)
    coarse = [(s, m) for s, m in dated if (s, m) not in fine
              and not overlaps((m.get("start"), m.get("end")), (start, end))]
    if coarse:
        differences.append({"field": "dates", "values": _versions(
            [(s, f"{m.get('start')}..{m.get('end')}") for s, m in fine + coarse])})
    precision = next(m.get("precision") for _, m in fine)
    return start, end, precision


def _status(group: Group, differences: list[dict]) -> tuple[str | None, list[dict]]:
    said = [(s, m["status"]) for s, m in group.items if m.get("status")]
    if not said:
        return None, []
    by_day: dict[str, list[tuple[dict, str]]] = defaultdict(list)
    for s, status in said:
        by_day[s.get("published") or ""].append((s, status))
    history = []
    for day in sorted(by_day):
        versions = _versions(by_day[day])
        if len(versions) > 1:
            differences.append({"field": "status", "published": day or None, "values": versions})
        history.append({"status": versions[0]["value"], "published": day or None,
                        "sources": versions[0]["sources"]})
    strong = [h for h in history if h["status"] in ("cancelled", "postponed")]
    if history[-1]["status"] == "planned" and strong:
        return strong[-1]["status"], history
    return history[-1]["status"], history


def _participants(group: Group, differences: list[dict], rank: dict[str, int]) -> list[dict]:
    by_actor: dict[str, dict] = {}
    for source, m in group.items:
        for p in m.get("participants") or []:
            rec = by_actor.setdefault(p["actor"], {
                "actor": p["actor"], "name": p.get("name"), "country": p.get("country"), "type": p.get("type"),
                "sector": p.get("sector"), "role": p["role"], "roles": {}, "sources": [], "evidence": []})
            rec["roles"].setdefault(p["role"], [])
            if source["doc_id"] not in rec["roles"][p["role"]]:
                rec["roles"][p["role"]].append(source["doc_id"])
            if source["doc_id"] not in rec["sources"]:
                rec["sources"].append(source["doc_id"])
            rec["evidence"].extend({**e, "doc_id": source["doc_id"]} for e in p.get("evidence") or [])
            if rank.get(p["role"], 99) < rank.get(rec["role"], 99):
                rec["role"] = p["role"]
    out = []
    for rec in by_actor.values():
        exclusive = [r for r in rec["roles"] if r in EXCLUSIVE_ROLES]
        if len(exclusive) > 1:
            differences.append({"field": f"role:{rec['actor']}",
                                "values": [{"value": r, "sources": rec["roles"][r]} for r in exclusive]})
        rec["roles"] = [{"role": r, "sources": s} for r, s in rec["roles"].items()]
        out.append(rec)
    return sorted(out, key=lambda r: (rank.get(r["role"], 99), str(r["actor"])))


def _merge_named(items: Iterable[tuple[dict, dict]], key: str = "name") -> list[dict]:
    merged: dict[str, dict] = {}
    for source, item in items:
        rec = merged.setdefault(str(item.get(key)), {**{k: v for k, v in item.items() if k != "evidence"},
                                                     "sources": [], "evidence": []})
        if source["doc_id"] not in rec["sources"]:
            rec["sources"].append(source["doc_id"])
        if item.get("evidence"):
            rec["evidence"].append({**item["evidence"], "doc_id": source["doc_id"]})
    return list(merged.values())


def _meeting_id(group: Group, start: str | None, n: int) -> str:
    """A meeting's id, from what is true of it whichever other meetings are merged with it:
    ``n`` counts the undated meetings of its process (the side meetings of its round)."""
    if group.parent is not None:
        return f"{group.parent.id}-side-{start or n}"
    if group.process is None:   # a meeting of no process: named after the first report of it
        doc_id, position = group.first or ("", 0)
        return f"meeting-{start}-{doc_id}-{position}" if start else f"meeting-{doc_id}-{position}"
    if group.ordinal is not None:
        return f"{group.process}-{group.ordinal}"
    return f"{group.process}-{start}" if start else f"{group.process}-meeting-{n}"


RECALL_DAYS = 30   # a meeting that ended this long before a report is, for that report, a recalled one


def _days_before_reports(group: Group) -> list[tuple[str, int]]:
    """For each dated report of ``group``, its ``doc_id`` and how many days before the report's
    publication the group's meeting ended (reports or meetings without a date are left out)."""
    start, end = group.span()
    ended = end or start
    if not ended:
        return []
    first = group.items[0][1]
    out = []
    for source, _ in group.items:
        published = report_day(source, first)
        if published:
            out.append((source["doc_id"], (date.fromisoformat(published) - date.fromisoformat(str(ended)[:10])).days))
    return out


def recalling_reports(groups: list[Group]) -> dict[int, set[str]]:
    """For each group (by ``id``), the reports that only recall it: it ended more than
    ``RECALL_DAYS`` before the report's day, and the report tells another meeting as its news (one
    that ends no more than ``RECALL_DAYS`` before the report, or is still to come).

    Such a report is a mention of the recalled meeting, not a source: a wire story on today's
    talks that recalls "their summit in June" does not report the June summit.
    """
    days_by_group = [(g, _days_before_reports(g)) for g in groups]
    current: dict[str, set[int]] = defaultdict(set)
    for g, reports in days_by_group:
        for doc_id, days in reports:
            if days <= RECALL_DAYS:
                current[doc_id].add(id(g))
    recalled: dict[int, set[str]] = defaultdict(set)
    for g, reports in days_by_group:
        for doc_id, days in reports:
            if days > RECALL_DAYS and current[doc_id] - {id(g)}:
                recalled[id(g)].add(doc_id)
    return recalled


def _meeting_record(group: Group, n: int, lex: Lexicon, recalled_by: set[str] = frozenset()) -> dict:
    differences: list[dict] = []
    start, end, precision = _dates(group, differences)
    first = group.items[0][1]
    status, history = _status(group, differences)
    # a city told by one source is where a meeting "in Kazakhstan" took place
    cities = [(s, m) for s, m in group.items if m.get("venue") and (m.get("venue_place") or {}).get("feature") != "country"]
    venue = _pick("venue", [(s, m.get("venue")) for s, m in cities or group.items], differences)
    host = _pick("host", [(s, m.get("host")) for s, m in group.items], differences)
    by_doc: dict[str, dict] = {}
    for source, m in group.items:
        rec = by_doc.setdefault(source["doc_id"], {**source, "evidence": []})
        rec["evidence"].extend({**e, "doc_id": source["doc_id"]} for e in m.get("evidence") or [])
    # reports that only recall the meeting are its mentions, unless no report tells it as news
    news = [rec for doc_id, rec in by_doc.items() if doc_id not in recalled_by]
    sources = news or list(by_doc.values())
    mentions = [rec for doc_id, rec in by_doc.items() if news and doc_id in recalled_by]
    record = {
        "id": "", "process": group.process, "process_name": first.get("process_name"),
        "kind": "side" if group.parent is not None else (
            "round" if group.ordinal is not None else Counter(m.get("kind") for _, m in group.items).most_common(1)[0][0]),
        "ordinal": group.ordinal, "start": start, "end": end, "precision": precision,
        "venue": venue, "host": host, "status": status, "status_history": history,
        "changes": [{**c, "sources": [s["doc_id"]]} for s, m in group.items for c in m.get("changes") or []],
        "participants": _participants(group, differences, lex.role_rank),
        "outcomes": _merge_named((s, o) for s, m in group.items for o in m.get("outcomes") or []),
        "level": next((m.get("level") for _, m in group.items if m.get("level")), None),
        "parties": sorted({k for _, m in group.items for k in m.get("parties") or []}),
        "subject": next((m.get("subject") for _, m in group.items if m.get("subject")), None),
        "flags": sorted({f for _, m in group.items for f in m.get("flags") or []}),
        "flag_sources": {f: sorted({s["doc_id"] for s, m in group.items if f in (m.get("flags") or [])})
                         for f in sorted({f for _, m in group.items for f in m.get("flags") or []})},
        "parent": group.parent.id if group.parent is not None else None,
        "side_meetings": [], "sources": sources, "n_sources": len(sources), "mentions": mentions,
        "differences": differences,
    }
    record["id"] = group.id = _meeting_id(group, start, n)
    return record


def _fill_from_sides(meetings: list[dict]) -> None:
    """A round whose start no source gives starts with its side meetings on its eve.

    Only when the side meeting falls within the few days before the round's known end.
    """
    by_id = {m["id"]: m for m in meetings}
    for side in meetings:
        parent = by_id.get(side.get("parent"))
        if parent is None:
            continue
        parent["side_meetings"].append(side["id"])
        if parent["start"] is None and parent["end"] and side["start"] and side["start"] <= parent["end"]:
            if date.fromisoformat(parent["end"]) - date.fromisoformat(side["start"]) <= timedelta(days=3):
                parent["start"], parent["start_via"] = side["start"], f"side meeting {side['id']}"


def order_meetings(meetings: list[dict]) -> list[dict]:
    """Return meetings in process order: rounds by ordinal, others placed by date among them.

    :param meetings: merged meeting records of one process.
    """
    numbered = sorted((m for m in meetings if m.get("ordinal") is not None), key=lambda m: m["ordinal"])
    rest = sorted((m for m in meetings if m.get("ordinal") is None),
                  key=lambda m: (m.get("start") or m.get("end") or "9999", m["id"]))
    ordered = list(numbered)
    for m in rest:
        when = m.get("start") or m.get("end")
        pos = len(ordered)
        if when:  # before the first meeting known to come later; undated rounds keep their place
            pos = next((i for i, o in enumerate(ordered) if (o.get("start") or o.get("end"))
                        and (o.get("start") or o.get("end")) > when), len(ordered))
        ordered.insert(pos, m)
    return ordered


class ProcessPlan:
    """The meetings every document tells, each given its process (a discovered one, for a meeting
    of no known process whose parties make a track) and its **part**: the meetings a merge may
    join with it. Meetings of one process are one part; a meeting of no process shares a part
    with those in the same place (a dated one may join them) and with its document's meetings of
    the same number; a side meeting shares its round's part. The merged meetings and process
    records of a part depend on nothing outside it, so a part can be merged alone and give what
    merging everything gives."""

    def __init__(self, entries: list[tuple[dict, dict]], keys: list[tuple[str, int]],
                 notes: dict[str | None, list[tuple[dict, dict]]], note_keys: list[tuple[tuple[str, int], str | None]],
                 discovered: dict[str, dict]):
        self.entries, self.keys, self.notes, self.discovered = entries, keys, notes, discovered
        parent = {}

        def find(key: str) -> str:
            while parent.setdefault(key, key) != key:
                parent[key] = parent[parent[key]]
                key = parent[key]
            return key

        def join(a: str, b: str) -> None:
            parent[find(a)] = find(b)

        own = [_own_parts(source, m, key) for (source, m), key in zip(entries, keys)]
        for parts in own:
            for other in parts[1:]:
                join(parts[0], other)
        by_key = defaultdict(list)
        for (source, m), parts in zip(entries, own):
            if m.get("kind") != "side":
                by_key[(source["doc_id"], m.get("key"))].append(parts[0])
        for (source, m), parts in zip(entries, own):
            if m.get("kind") == "side":
                for round_part in by_key.get((source["doc_id"], m.get("parent")), []):
                    join(parts[0], round_part)
        if notes.get(None):     # notes of no process stand for every meeting of no process
            for (_, m), parts in zip(entries, own):
                if m.get("process") is None:
                    join(parts[0], _PROCESS_PART.format(None))
        # a part is named by the least of its keys, so that its name does not depend on the
        # order the meetings were read in
        names: dict[str, str] = {}
        for key in parent:
            root = find(key)
            names[root] = min(names.get(root, key), key)
        self._find = lambda key: names.get(find(key), key)
        self.entry_parts = [self._find(parts[0]) for parts in own]
        self.members = {key: (m.get("process"), part) for key, (_, m), part in zip(keys, entries, self.entry_parts)}
        self.members.update({key: (process, self.process_part(process)) for key, process in note_keys})

    def process_part(self, process: str | None) -> str:
        """The part of a process's meetings (of a process told only in notes: its own)."""
        return self._find(_PROCESS_PART.format(process))

    def parts_of(self, processes: Iterable[str | None]) -> set[str]:
        """The parts holding the meetings of ``processes``."""
        return {self.process_part(p) for p in processes}


_PROCESS_PART = "process:{}"


def _own_parts(source: dict, m: dict, key: tuple[str, int]) -> list[str]:
    """The parts a told meeting must share (see :class:`ProcessPlan`), its own first."""
    if m.get("process") is not None:
        return [_PROCESS_PART.format(m["process"])]
    if m.get("kind") == "side":
        return [f"alone:{key[0]}:{key[1]}"]
    parts = []
    if m.get("ordinal") is not None:   # "the second summit" of no process: its document's second
        parts.append(f"number:{source['doc_id']}:{m['ordinal']}")
    if m.get("venue") is not None:      # joins a dated meeting of no process in the same place
        parts.append(f"venue:{m['venue']}")
    return parts or [f"alone:{key[0]}:{key[1]}"]


def plan_processes(meetings_by_doc: Iterable[tuple[dict, list[dict]]]) -> ProcessPlan:
    """Give every told meeting its process (discovering tracks of talks for meetings of no known
    process) and its part; :func:`build_processes` merges the parts asked for.

    :param meetings_by_doc: ``(document metadata, doc.meetings)`` pairs, as for :func:`build_processes`.
    """
    entries, keys, notes, note_keys = [], [], defaultdict(list), []
    for meta, meetings in meetings_by_doc:
        source = _source(meta)
        for position, m in enumerate(meetings or []):
            if m.get("kind") == "process":
                notes[m.get("process")].append((source, m))
                note_keys.append(((source["doc_id"], position), m.get("process")))
            else:
                entries.append((source, {**m, POSITION: position}))
                keys.append((source["doc_id"], position))
    discovered = discover_processes(entries)
    _sides_follow_rounds(entries)
    return ProcessPlan(entries, keys, notes, note_keys, discovered)


def build_processes(meetings_by_doc: Iterable[tuple[dict, list[dict]]] | None = None, lexicon: Lexicon | None = None,
                    *, plan: ProcessPlan | None = None, parts: set[str] | None = None) -> dict:
    """Join the meetings of many documents into merged meetings and process records.

    :param meetings_by_doc: ``(document metadata, doc.meetings)`` pairs; the metadata needs
        ``doc_id`` (or ``id``) and may carry ``title``, ``outlet``, ``url``, ``published``.
    :param lexicon: the process lexicon; the packaged one by default.
    :param plan: the meetings already planned (:func:`plan_processes`) instead of ``meetings_by_doc``.
    :param parts: merge only the meetings of these parts of the plan (all by default): the
        meetings and processes returned are then exactly those of merging everything that
        belong to these parts.
    :returns: ``{"processes": [...], "meetings": [...], "placed": [...]}``: every merged meeting
        (each with ``id``, ``sources``, ``differences``), one record per process (its meeting ids
        in order, participants and their roles over time, hosts over time, decisions, outcomes),
        and ``(doc_id, position, meeting id)`` of each told meeting.

    Example::

        result = build_processes([({"doc_id": d.id, "published": d.published}, d.meetings) for d in docs])
        [m["id"] for m in result["meetings"]]
    """
    from parley.process.records import process_record

    plan = plan if plan is not None else plan_processes(meetings_by_doc or [])
    lex = lexicon or load_lexicon()
    entries, notes = plan.entries, plan.notes
    if parts is not None:
        entries = [e for e, part in zip(plan.entries, plan.entry_parts) if part in parts]
        notes = {p: told for p, told in plan.notes.items() if plan.process_part(p) in parts}
    discovered = plan.discovered
    groups = _group_meetings(entries, frozenset(discovered))
    # parents first, so a side meeting's id can name its round
    groups.sort(key=lambda g: g.parent is not None)
    counts: Counter = Counter()
    meetings = []
    recalled = recalling_reports(groups)
    for g in groups:
        key = ("side", id(g.parent)) if g.parent is not None else ("process", g.process)
        counts[key] += 1
        meetings.append(_meeting_record(g, counts[key], lex, recalled.get(id(g), set())))
    _dedupe_ids(meetings)
    placed = [(source["doc_id"], m[POSITION], record["id"]) for g, record in zip(groups, meetings)
              for source, m in g.items]
    _fill_from_sides(meetings)
    by_process: dict[str | None, list[dict]] = defaultdict(list)
    for m in meetings:
        by_process[m["process"]].append(m)
    for process, told in notes.items():
        _apply_standing_roles(by_process.get(process, []), told, lex)
    processes = []
    for process in sorted({p for p in by_process if p} | {p for p in notes if p}):
        ordered = order_meetings(by_process.get(process, []))
        processes.append(process_record(process, ordered, notes.get(process, []), lex, _merge_named,
                                        discovered.get(process)))
    ordered_all = [m for p in processes for m in order_meetings(by_process.get(p["id"], []))]
    ordered_all += order_meetings(by_process.get(None, []))
    return {"processes": processes, "meetings": ordered_all, "placed": placed}


def _sides_follow_rounds(entries: list[tuple[dict, dict]]) -> None:
    """A side meeting of no known process belongs to the process its round was given."""
    rounds = {(s["doc_id"], m.get("key")): m for s, m in entries if m.get("kind") != "side"}
    for s, m in entries:
        if m.get("kind") == "side" and m.get("process") is None:
            parent = rounds.get((s["doc_id"], m.get("parent")))
            if parent is not None and parent.get("process"):
                m["process"], m["process_name"] = parent["process"], parent.get("process_name")


def _apply_standing_roles(meetings: list[dict], notes: list[tuple[dict, dict]], lex: Lexicon) -> None:
    """An actor said to be a guarantor (sponsor, mediator) of the process as a whole holds that role
    at each of its meetings where a source names it only as a delegation or participant, and is a
    participant of the meetings reported by the articles that say so."""
    standing = set(lex.data.get("standing_roles", []))
    rank = lex.role_rank
    roles: dict[str, tuple[str, list[str]]] = {}
    for source, note in notes:
        for p in note.get("participants") or []:
            if p["role"] in standing and rank.get(p["role"], 99) < rank.get(roles.get(p["actor"], ("", []))[0], 99):
                roles[p["actor"]] = (p["role"], roles.get(p["actor"], ("", []))[1] + [source["doc_id"]])
    told: dict[str, dict[str, tuple[str, dict]]] = defaultdict(dict)   # doc -> actor -> (role, participant)
    for source, note in notes:
        for p in note.get("participants") or []:
            if p["role"] in standing:
                told[source["doc_id"]].setdefault(p["actor"], (p["role"], p))
    for m in meetings:
        if m.get("kind") == "side":
            continue
        for p in m["participants"]:
            if p["actor"] in roles and p["role"] in ("participant", "delegation"):
                p["role"], p["role_via"] = roles[p["actor"]][0], {"process": roles[p["actor"]][1]}
        # "Russia, Turkey and Iran, the guarantors": a participant of the rounds that article reports
        present = {p["actor"] for p in m["participants"]}
        for source in m["sources"]:
            for actor, (role, p) in told.get(source["doc_id"], {}).items():
                if actor in present:
                    continue
                present.add(actor)
                m["participants"].append({
                    "actor": actor, "name": p.get("name"), "country": p.get("country"), "type": p.get("type"),
                    "sector": p.get("sector"), "role": role, "roles": [{"role": role, "sources": [source["doc_id"]]}],
                    "sources": [source["doc_id"]], "role_via": {"process": [source["doc_id"]]},
                    "evidence": [{**e, "doc_id": source["doc_id"]} for e in p.get("evidence") or []]})
        m["participants"].sort(key=lambda r: (rank.get(r["role"], 99), str(r["actor"])))


def _dedupe_ids(meetings: list[dict]) -> None:
    seen: Counter = Counter()
    for m in meetings:
        seen[m["id"]] += 1
        if seen[m["id"]] > 1:
            m["id"] = f"{m['id']}-{seen[m['id']]}"
