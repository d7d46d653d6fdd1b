"""What a report says of the meeting it is about: which bare phrase takes up the meeting in focus,
where that meeting is when the report names its place elsewhere (a definite phrase in a named place,
the dateline), whose meeting it is (the parties a phrase names, one group's own gathering, a body's
own summit). Used by :mod:`parley.process.assemble` on the phrases of one document.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Callable, Sequence

from parley.process.appearances import APPEARANCES, JOINT
from parley.process.context import inside
from parley.process.dateline import filed_from
from parley.process.participants import BETWEEN, party_key, side_of
from parley.process.venues import only_city_in

FOCUS_WINDOW = 2


def own_parties(ctx: Any, phrase: Any) -> set[str]:
    """The parties named inside a meeting's own phrase ("Netanyahu's talks with Boehner")."""
    return {side_of(k) for m in ctx.mentions.get(phrase.sentence, []) if inside(m, phrase.start, phrase.end)
            for k in [party_key(m)] if k}


def named_parties(ctx: Any, phrases: list[Any]) -> set[str]:
    """The parties named in the sentences that tell a meeting."""
    return {side_of(k) for p in phrases for m in ctx.mentions.get(p.sentence, []) for k in [party_key(m)] if k}


def tense_agrees(ctx: Any, phrase: Any, cluster: Any) -> bool:
    """A phrase told as planned ("the yet-to-be-scheduled summit") does not take up a meeting that
    is over by the report's day or told as held, nor a phrase told as held a meeting still to come.
    (A bare phrase that names parties of its own, "Netanyahu's talks with Boehner", is another
    meeting than the one in focus unless that one's sentences name them too: see ``assemble``.)"""
    told = {p.status for p in cluster.phrases if p.specific}
    if phrase.status == "planned" and "held" in told and "planned" not in told:
        return False
    start, end, _ = cluster.span()
    today = ctx.published.isoformat() if ctx.published else None
    if today is None or not (start or end):
        return True
    if phrase.status == "planned":
        return (end or start) >= today
    if phrase.status == "held":
        return (start or end) <= today
    return True


def _definite(phrase: Any) -> bool:
    head = phrase.head
    return head is not None and not phrase.verbal and any(
        (c.dep_ == "det" and c.lower_ in ("the", "this", "that")) or c.dep_ == "poss" for c in head.children)


# a report filed where its meeting is held: "LA PAZ (Reuters) - ... met on Monday"
DATELINE_DAYS = 1


def venue_from_dateline(ctx: Any, clusters: dict[str, Any], main: str | None, status: Callable,
                        told: Sequence[Any] = ()) -> None:
    """A report filed from a city on the day of the meeting it is about, which names no place for
    it, was filed where the meeting was held: the dateline is the main meeting's venue.

    :param told: the document's meeting phrases with a time of their own (the lead's city is no
        dateline where one of them places a meeting there).
    """
    c = clusters.get(main) if main else None
    if c is None or c.side or ctx.published is None:
        return
    # a country named for the meeting ("arrived in Germany") leaves room for the dateline's city in it
    if any(p.venue and (p.venue.get("feature") != "country") for p in c.phrases):
        return
    start, end, precision = c.span()
    if precision != "day" or not (start or end):
        return
    day = ctx.published
    near = [abs((date.fromisoformat(d) - day).days) <= DATELINE_DAYS for d in (start, end) if d]
    # a meeting called off or still to come was not where the reporter files from
    place = None
    if all(near) and status(ctx, c, start, end)[0] in ("held", None):
        place = filed_from(ctx) or (None if any(p.venue for p in c.phrases) else _city_of_lead(ctx, clusters, told))
    if place and all(p.venue.get("country") == place.get("country") for p in c.phrases if p.venue):
        c.report_place = place


# days after a journey begins in which the talks it was made for are held at its destination
JOURNEY_DAYS = 2


def venue_from_journey(ctx: Any, clusters: dict[str, Any]) -> None:
    """ "Pompeo, who was dispatched to Pyongyang on Tuesday, ... a meeting with Kim on Wednesday":
    a journey to a city on one day takes its traveller to the talks with that country's side told
    for that day or the next two, which the report places nowhere: they are held at the
    journey's destination."""
    journeys = [c for c in clusters.values() if c.phrases and all("visit" in p.flags for p in c.phrases)]
    for j in journeys:
        place = next((p.venue for p in j.phrases if p.venue and p.venue.get("feature") == "city"), None)
        start = j.span()[0]
        if place is None or not start:
            continue
        first = date.fromisoformat(start)
        for c in clusters.values():
            if c is j or c.side or c.process != j.process or c.report_place is not None \
                    or any(p.venue for p in c.phrases) or not c.span()[0]:
                continue
            if 0 <= (date.fromisoformat(c.span()[0]) - first).days <= JOURNEY_DAYS and \
                    place.get("country") in named_parties(ctx, c.phrases):
                c.report_place = {**place, "via": "journey"}


def venue_from_news_conference(ctx: Any, clusters: dict[str, Any]) -> None:
    """ "Trump said during a news conference in Tokyo ... The president spoke at a joint news
    conference with Abe": the news conference a report quotes is one, however many times it is
    named, so the one city a press appearance of the report is placed in, with no day of its own,
    places the report's one joint appearance of two leaders when nothing else does."""
    joint = [c for c in clusters.values() if not c.side and c.report_place is None and c.phrases
             and all(JOINT in p.flags for p in c.phrases) and not any(p.venue for p in c.phrases)]
    if len(joint) != 1 or ctx.sdoc is None:
        return
    nouns, modifiers = ctx.lex.words("appearance_nouns"), ctx.lex.words("appearance_modifiers")
    cities: dict[str, dict] = {}
    for sent in ctx.doc.sentences:
        places = [p for p in ctx.places.get(sent.index, []) if p.get("feature") == "city"]
        if not places:
            continue
        for tok in ctx.sentence_tokens(sent, nouns, ("NOUN",)):
            if not any(c.lower_ in modifiers for c in tok.children if c.dep_ in ("amod", "compound")):
                continue
            lo, hi = tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge.text)
            if any(inside(t, lo, hi) for t in ctx.times.get(sent.index, [])):
                continue  # "a news conference in Paris last month" is another day's
            for place in places:
                root = ctx.root(place["char_start"], place["char_end"])
                if root is not None and root.dep_ == "pobj" and root.head.lower_ == "in" and root.head.head.i == tok.i:
                    cities.setdefault(place.get("name") or place["text"], place)
    if len(cities) == 1:
        joint[0].report_place = {**next(iter(cities.values())), "via": "news conference"}


def _city_of_lead(ctx: Any, clusters: dict[str, Any], told: Sequence[Any] = ()) -> dict | None:
    """A report with no dateline whose lead is set in a city ("tension remained high in the streets
    of Kiev Friday") and that places nothing in another city was filed from there, like a dateline;
    not where that city is another meeting's place ("the first meeting since their summit in Doha",
    "their last talks, in Rome in 2014, ended without a deal": ``told``, dated phrases no meeting
    may have taken up; a generic one, "talks in Kiev have failed before", places no meeting)."""
    from parley.process.timing import LEAD_SENTENCES

    place = only_city_in(ctx, None)
    phrases = [p for c in clusters.values() for p in c.phrases] + list(told)
    if place is None or any(p.venue and p.venue.get("name") == place.get("name") for p in phrases) or not any(p.get("feature") == "city" and p.get("name") == place.get("name")
                                for i in range(LEAD_SENTENCES) for p in ctx.places.get(i, [])):
        return None
    return place


def place_of_focus(ctx: Any, facts: list[Any], clusters: dict[str, Any], main: str | None) -> None:
    """ "The Chinese asked that the meeting take place in Shanghai": a definite meeting in a named
    place, with no date or number of its own, is the meeting the document is speaking of (named in
    a main clause of the sentences just before, else its main meeting) when that one is dated and
    placed nowhere else."""
    mains = [(p.sentence, p.key) for f in facts for p in f.meetings if p.key and p.main]
    for c in list(clusters.values()):
        if "@" not in c.key or c.side or c.ordinal is not None or c.span()[1] or \
                not all(_definite(p) and p.main for p in c.phrases):
            continue
        first = c.first_sentence()
        near = [key for idx, key in mains if 0 <= first - idx <= FOCUS_WINDOW and key != c.key and key in clusters]
        target = clusters.get(near[-1] if near else main) if (near or main) else None
        if target is None or target is c or target.process != c.process or target.side \
                or not target.span()[1] or any(p.venue for p in target.phrases) \
                or not all(tense_agrees(ctx, p, target) for p in c.phrases):
            continue
        for p in c.phrases:
            p.key = target.key
        target.phrases.extend(c.phrases)
        del clusters[c.key]



def place_of_same_kind(ctx: Any, clusters: dict[str, Any], main: str | None) -> None:
    """ "As Trump gathered with NATO's leaders for a summit in Brussels", "China is taking every
    precaution to ensure the summit, in the eastern city of Hangzhou, goes smoothly": a meeting of
    the same kind as the report's main meeting (a summit in a report about a summit), told in a
    named place with no date, number, parties or time word of its own, is that meeting when the
    report places it nowhere else. (Such a phrase names no meeting of its own that could be kept;
    one set against another time, "after/since the summit in Hanoi", is not taken.)"""
    from parley.process.dating import placed_by_preposition

    target = clusters.get(main) if main else None
    if target is None or target.side or not any(target.span()[:2]) or target.report_place is not None \
            or any(p.venue for p in target.phrases):
        return
    kinds = {p.kind for p in target.phrases if not p.verbal and p.specific}
    for c in list(clusters.values()):
        if c is target or "@" not in c.key or c.side or c.ordinal is not None or any(c.span()[:2]) \
                or c.process != target.process:
            continue
        if not all(not p.verbal and p.kind in kinds and p.relative is None and p.venue is not None
                   and not placed_by_preposition(p.head) and not own_parties(ctx, p)
                   and tense_agrees(ctx, p, target) for p in c.phrases):
            continue
        for p in c.phrases:
            p.key = target.key
        target.phrases.extend(c.phrases)
        del clusters[c.key]


def _one_side(ctx: Any, phrase: Any) -> str | None:
    """The one group a meeting phrase says it is "of" ("the meeting of opposition figures")."""
    head = phrase.head
    if head is None or phrase.verbal:
        return None
    sides = set()
    for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"):
        lo, hi = prep.idx, max(t.idx + len(t.text) for t in prep.subtree)
        for m in ctx.mentions.get(phrase.sentence, []):
            if lo <= m["char_start"] and m["char_end"] <= hi:
                if m.get("type") != "group":
                    return None  # "a meeting of the guarantor states" is between several
                sides.add(side_of(party_key(m) or ""))
    return sides.pop() if len(sides) == 1 else None


def one_sides_own_meeting(ctx: Any, clusters: dict[str, Any]) -> None:
    """ "The Astana II meeting of opposition figures": a meeting of one group is its own gathering,
    not a round of negotiations between sides, whatever name it shares with one."""
    for c in clusters.values():
        if c.process and any(_one_side(ctx, p) for p in c.phrases if p.specific):
            c.process = None
            for p in c.phrases:
                p.process = None
                p.flags.add("a meeting of one side")



# the meetings a body holds of its own ("the G7 summit"); "Taliban talks", "UN talks" are talks with
# or brokered by it
FORMAT_KINDS = ("summit", "conference", "meeting")


def _arrival(phrase: Any) -> bool:
    """ "Trump arrived in Hamburg", "his visit to Osaka": a leader's arrival in a city, which at a body's
    summit there is part of the summit (a journey "to Russia" may be for talks of its own)."""
    return "visit" in phrase.flags and (phrase.venue or {}).get("feature") == "city"


def meeting_format(ctx: Any, c: Any) -> str | None:
    """The organisation or group whose own meeting this is, named as the meeting's modifier ("the G7
    summit", "NATO's summit", "an OPEC meeting"): a track of its own, whoever attends. Not for a
    meeting told by a verb between parties ("Trump and Xi met"), which is theirs."""
    # (a host's welcome, a joint news conference or a leader's arrival in its city at a body's
    # summit is part of the summit)
    if any(p.verbal and not (p.flags & APPEARANCES or _arrival(p)) or (p.head is not None and any(ch.dep_ == "prep" and ch.lower_ in BETWEEN
                                                    for ch in p.head.children)) for p in c.phrases):
        return None  # "a second meeting between the two" at the G-20 summit is theirs
    found = set()
    for p in c.phrases:
        head = p.head
        if head is None or p.kind not in FORMAT_KINDS:
            continue
        for m in ctx.mentions.get(p.sentence, []):
            if m.get("type") != "igo":
                continue
            root = ctx.root(m["char_start"], m["char_end"])
            # "the Group of 20 summit", which the parser reads as "Group of [20 summit]"
            misread = head.dep_ == "pobj" and head.head.lower_ == "of" and root is not None \
                and head.head.head.i == root.i
            if not (misread or inside(m, p.start, p.end)):
                continue
            if root is not None and (misread or _of_meeting(root, head) or root.head.i == head.i
                                     and root.dep_ in ("compound", "nmod", "poss", "amod")):
                key = party_key(m)
                if key:
                    found.add(key)
    return found.pop() if len(found) == 1 else None


def _of_meeting(root: Any, head: Any) -> bool:
    """ "a meeting of the Group of Seven": the body after "of" on the meeting noun holds it."""
    return root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.i == head.i


def group_format(lex: Any, parties: list[str], kinds: list[str]) -> str | None:
    """The group of states whose own meeting this is, from its parties: a group named as a side
    together with at most one of its own members ("Trudeau's talks with the G7", "the G7
    meetings") -- a group is no side of a meeting with its own member (``group_members`` in the
    lexicon). A visit is a leader's to a host, and two members named with the group may be a
    meeting of their own at its summit ("Trump and Xi at the G-20"), so neither counts."""
    members = lex.data.get("group_members") or {}
    if "visit" in kinds:
        return None
    sides = {side_of(k) for k in parties}
    groups = [s for s in sides if s in members]
    if len(groups) != 1:
        return None
    others = sides - {groups[0]}
    if len(others) > 1 or not others <= set(members[groups[0]]):
        return None
    return groups[0]
