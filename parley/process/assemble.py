"""Turn the meeting phrases of one document into meeting records.

Phrases that name the same meeting are joined: by process and ordinal, by overlapping dates,
and a lone dated meeting with a lone undated round of the same process when the order of
the other rounds allows it ("the first round" and "the talks on January 23-24"). A phrase
that names no meeting of its own ("the talks") refers to the meeting in focus: the last one
named in a main clause of the two sentences before, else the document's main meeting (the
one nearest to the publication date).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from datetime import date, timedelta
from typing import Any

from parley.process.appearances import JOINT_WITH_HOST
from parley.process.calendar import own_gathering, summit_of
from parley.process.context import PRECISION_RANK, SEAT_OF_GOVERNMENT, inside
from parley.process.headline import day_from_headline, venue_from_headline
from parley.process.focus import (FOCUS_WINDOW, group_format, meeting_format, named_parties, one_sides_own_meeting, own_parties,
                                  place_of_focus, place_of_same_kind, tense_agrees, venue_from_dateline,
                                  venue_from_journey, venue_from_news_conference)
from parley.process.participants import participant_record, party_key, side_of
from parley.process.summonses import SUMMONS
from parley.process.venues import only_city_in
from parley.process.mention import COUNCIL_VOTE, ROUND_IN_CITY
from parley.process.sides import OWN_STATE
from parley.process.trips import date_trips

STATUS_PRIORITY = ("cancelled", "postponed")
ANOTHER_MEETING = "another meeting than the one in focus"


def overlaps(a: tuple[str | None, str | None], b: tuple[str | None, str | None]) -> bool:
    """Return True if two ISO date intervals ``(start, end)`` overlap (open ends match anything).

    :param a: the first interval.
    :param b: the second interval.
    """
    a0, a1 = a[0] or a[1], a[1] or a[0]
    b0, b1 = b[0] or b[1], b[1] or b[0]
    if not (a0 and b0):
        return False
    return a0 <= b1 and b0 <= a1


def interval(dates: list[dict]) -> tuple[str | None, str | None, str | None]:
    """Return ``(start, end, precision)`` covering the time dicts ``dates``.

    Only the finest precision counts ("next week" adds nothing to "from Jan. 24-25"); a time
    with ``bound`` "end" ("concluded on June 21") gives only the end, "start" only the start.

    :param dates: time dicts with ``start``, ``end``, ``precision`` and optionally ``bound``.
    """
    if not dates:
        return None, None, None
    precision = min((t.get("precision") or "day" for t in dates), key=lambda p: PRECISION_RANK.get(p, 9))
    dates = [t for t in dates if (t.get("precision") or "day") == precision]
    starts = [t["start"] for t in dates if t.get("bound") != "end"]
    ends = [t.get("end") or t["start"] for t in dates if t.get("bound") != "start"]
    start, end = (min(starts) if starts else None), (max(ends) if ends else None)
    if start and end and start > end:  # a misread year on one side: keep the side that ends it
        start = None
    return start, end, precision


def widen(span: tuple[str | None, str | None], days: int = 3) -> tuple[str | None, str | None]:
    """Return ``span`` with an open side stretched ``days`` past the known one, for matching:
    a meeting that "concluded on June 21" may have opened two days before."""
    start, end = span
    if start and not end:
        return start, (date.fromisoformat(start) + timedelta(days=days)).isoformat()
    if end and not start:
        return (date.fromisoformat(end) - timedelta(days=days)).isoformat(), end
    return span


class Cluster:
    """The phrases of one document that name one meeting."""

    def __init__(self, key: str, process: str | None):
        self.key, self.process = key, process
        self.phrases: list[Any] = []
        self.parent: str | None = None
        self.standalone = False
        self.report_place: dict | None = None   # the report's dateline or headline city, when it is the venue
        self.report_day: dict | None = None     # the report's day, when its headline tells the meeting as today's
        self.told_later: dict | None = None     # a planned trip's days told in a later sentence (trips.py)

    @property
    def ordinal(self) -> int | None:
        return next((p.ordinal for p in self.phrases if p.ordinal is not None), None)

    @property
    def side(self) -> bool:
        return not self.standalone and bool(self.phrases) and all(p.side for p in self.phrases if p.specific)

    def span(self) -> tuple[str | None, str | None, str | None]:
        return interval(self.dates())

    def dates(self) -> list[dict]:
        if self.told_later:  # (finer than what the trip's own sentence says: it stands for it)
            return [self.told_later]
        return [t for p in self.phrases for t in p.dates] + ([self.report_day] if self.report_day else [])

    def first_sentence(self) -> int:
        return min(p.sentence for p in self.phrases)


def _cluster_phrases(ctx: Any, facts: list[Any]) -> dict[str, Cluster]:
    clusters: dict[str, Cluster] = {}

    def put(key: str, phrase: Any) -> None:
        clusters.setdefault(key, Cluster(key, phrase.process)).phrases.append(phrase)
        phrase.key = key

    specific = [p for f in facts for p in f.meetings if p.specific]
    for p in specific:
        if p.ordinal is not None:
            put(f"{p.process}#{p.ordinal}", p)
        elif p.relative == "next":
            put(f"{p.process}#next", p)
    # dated phrases first, so that an undated one ("their summit in Helsinki") finds its meeting
    for p in sorted(specific, key=lambda p: not p.dates):
        if p.key or p.side:
            continue
        if not p.dates and p.venue is not None and p.ordinal is None and p.relative != "next":
            place = _venue_name(p.venue)
            match = next((c for c in clusters.values() if c.process == p.process and not c.side and _may_join(p, c)
                          and any(_venue_name(o.venue) == place for o in c.phrases if o.venue)), None)
            # "after Monday's talks, the two leaders spoke at their summit in Helsinki": one meeting
            match = match or next((c for c in clusters.values() if p.main and c.process == p.process and not c.side
                                   and c.span()[1] and not any(o.venue for o in c.phrases) and _may_join(p, c)
                                   and any(o.sentence == p.sentence for o in c.phrases)), None)
            key = f"{p.process}@{place}"
            if not match and key in clusters and not _may_join(p, clusters[key]):
                key = f"{key}@{SUMMONS}"
            put(match.key if match else key, p)
            continue
        anaphor = _recent_round(p, specific, clusters)
        if anaphor is not None:  # "The meeting, held on January 23 and 24, ..."
            put(anaphor.key, p)
            continue
        span = interval(p.dates)[:2]
        # "direct talks between Trump and Rouhani this month" are not the IAEA's meeting in Tehran on
        # Sunday: a phrase that names parties of its own joins only a meeting told with them
        own = own_parties(ctx, p)
        match = next((c for c in clusters.values() if c.process == p.process and not c.side
                      and overlaps(widen(c.span()[:2]), widen(span))
                      and (not own or own <= named_parties(ctx, c.phrases)) and _may_join(p, c)), None)
        key = f"{p.process}@{span[0] or span[1]}"
        if key in clusters and not match and (SUMMONS in p.flags or not _may_join(p, clusters[key])):
            # another state's summons that day, or a meeting of another kind that day
            key = f"{key}@{_venue_name(p.venue) if SUMMONS in p.flags else 'meeting'}"
        put(match.key if match else key, p)
    _pair_lone_round(clusters)
    _number_next_round(clusters)
    for p in specific:
        if p.side and not p.key:
            start = interval(p.dates)[0]
            put(f"{p.process}~{start or p.sentence}", p)
    return clusters


def _may_join(phrase: Any, cluster: Cluster) -> bool:
    """Whether a phrase may tell the same meeting as a cluster: not where their places or kinds part them.
    One of the rounds a plural noun names in several cities ("talks in Doha and Islamabad last
    month") is held in its own city: it joins no meeting placed in another.
    A summons is its own meeting: it never joins a meeting told otherwise, nor another meeting
    joins it ("Berlin summoned the envoy on Monday" and "the two leaders met in Ankara on Monday" are
    two meetings, in either order); and a summons is held at the summoning state's ministry, so one
    told in another state than a summons's is another summons ("envoys were called in by Oslo and
    by Copenhagen"), whatever the day."""
    if (SUMMONS in phrase.flags) != any(SUMMONS in o.flags for o in cluster.phrases):
        return False
    if (ROUND_IN_CITY in phrase.flags or any(ROUND_IN_CITY in o.flags for o in cluster.phrases)) \
            and phrase.venue is not None and any(o.venue and o.venue.get("name") != phrase.venue.get("name")
                                                 for o in cluster.phrases):
        return False
    if SUMMONS not in phrase.flags or phrase.venue is None:
        return True
    return all((o.venue or {}).get("country") == phrase.venue.get("country") for o in cluster.phrases if o.venue)


def _venue_name(venue: dict | None) -> str | None:
    return (venue.get("name") or venue.get("text")) if venue else None


def _recent_round(phrase: Any, specific: list[Any], clusters: dict[str, Cluster]) -> Cluster | None:
    """The numbered round that a dated definite phrase ("the meeting", "the two-day round") takes
    up from the sentences just before, when its dates do not contradict that round's."""
    head = phrase.head
    if head is None or not any(c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an") for c in head.children):
        return None
    before = [p for p in specific if p.ordinal is not None and p.key and p.main and p.process == phrase.process
              and 0 <= phrase.sentence - p.sentence <= FOCUS_WINDOW and p is not phrase]
    if not before:
        return None
    cluster = clusters[before[-1].key]
    known = cluster.span()[:2]
    if (known[0] or known[1]) and not overlaps(widen(known), widen(interval(phrase.dates)[:2])):
        return None
    return cluster


def _number_next_round(clusters: dict[str, Cluster]) -> None:
    """ "The next round" of a document about round n is round n + 1."""
    for c in [c for c in clusters.values() if c.key.endswith("#next")]:
        numbered = [o.ordinal for o in clusters.values() if o.process == c.process and o.ordinal is not None]
        if len(set(numbered)) != 1:
            continue
        key = f"{c.process}#{numbered[0] + 1}"
        for p in c.phrases:
            p.ordinal, p.key = numbered[0] + 1, key
            p.flags.add(f"next after round {numbered[0]}")
        del clusters[c.key]
        c.key = key
        clusters[key] = c


def _pair_lone_round(clusters: dict[str, Cluster]) -> None:
    by_process: dict[str | None, list[Cluster]] = defaultdict(list)
    for c in clusters.values():
        by_process[c.process].append(c)
    for group in by_process.values():
        undated = [c for c in group if c.ordinal is not None and not c.span()[1]]
        unnumbered = [c for c in group if c.ordinal is None and c.span()[1] and "#next" not in c.key]
        if len(undated) != 1 or len(unnumbered) != 1:
            continue
        o, d = undated[0], unnumbered[0]
        d_start = d.span()[0] or d.span()[1]
        consistent = all((c.ordinal < o.ordinal) == ((c.span()[0] or c.span()[1]) < d_start)
                         for c in group if c.ordinal is not None and c is not o and c.span()[1])
        if consistent:
            for p in d.phrases:
                p.key = o.key
            o.phrases.extend(d.phrases)
            del clusters[d.key]


def _main_key(ctx: Any, clusters: dict[str, Cluster]) -> str | None:
    candidates = [c for c in clusters.values() if not c.side]
    if not candidates:
        return None
    published = ctx.published.isoformat() if ctx.published else None

    def distance(c: Cluster) -> tuple:
        start, end, _ = c.span()
        if published and (start or end):
            d = abs((date.fromisoformat(end or start) - date.fromisoformat(published)).days)
        else:
            d = 10 ** 6
        return d, -len(c.phrases), c.first_sentence()

    return min(candidates, key=distance).key


def _attach_sides(ctx: Any, clusters: dict[str, Cluster], main: str | None) -> None:
    days = int(ctx.lex.data.get("side_meeting_days", 3))
    for c in clusters.values():
        if not c.side:
            continue
        start = c.span()[0]
        for other in clusters.values():
            if other.side or other.process != c.process:
                continue
            if start and any(other.span()[:2]) and _may_be_alongside(c, other, days):
                c.parent = other.key
                break
        if c.parent is None and main and clusters[main].process == c.process \
                and (_names_its_meeting(c) or _may_be_alongside(c, clusters[main], days, after=days)):
            c.parent = main
        if c.parent is None:  # alongside nothing told: a meeting of its own
            c.standalone = True


def _may_be_alongside(side: Cluster, meeting: Cluster, days: int, after: int = 0) -> bool:
    """A side meeting is held alongside a meeting only within its days (or the ``days`` before, on
    its eve, and ``after`` days after it: the report's main meeting takes those told just after it):
    consultations of two ministers "on Friday" are no side meeting of a visit in March that the
    report recalls. One of the two undated: it may be. A meeting told by its opening day alone
    ("opened on Monday") has no known last day: any day from its eve may be one of its own."""
    start = side.span()[0]
    m_start, m_end, _ = meeting.span()
    if not start or not (m_start or m_end):
        return True
    lo = date.fromisoformat(m_start or m_end) - timedelta(days=days)
    return lo <= date.fromisoformat(start) and (
        not m_end or date.fromisoformat(start) <= date.fromisoformat(m_end) + timedelta(days=after))


# "on the sidelines of the conference", "on the margins of the summit": the side phrase names the
# meeting it is held at, which is the report's own whatever day the side meeting is told on
NAMED_OCCASION = re.compile(r"\b(?:sidelines|margins)\s+of\b", re.IGNORECASE)


def _names_its_meeting(side: Cluster) -> bool:
    """True if a sentence of the side meeting's phrases tells it "on the sidelines of" a meeting."""
    return any(NAMED_OCCASION.search(tok.sent.text) for p in side.phrases
               if (tok := p.head if p.head is not None else p.gov) is not None)


def assemble(ctx: Any, facts: list[Any]) -> list[dict]:
    """Build the meeting and process records of one document.

    :param ctx: the :class:`~parley.process.meetings.DocumentContext`.
    :param facts: the :class:`~parley.process.meetings.SentenceFacts` of every sentence, in order.
    :returns: meeting dicts (in order of first mention) followed by process dicts.
    """
    clusters = _cluster_phrases(ctx, facts)
    date_trips(ctx, clusters)
    _before_known_start(ctx, clusters)
    one_sides_own_meeting(ctx, clusters)
    main = _main_key(ctx, clusters)
    place_of_focus(ctx, facts, clusters, main)
    place_of_same_kind(ctx, clusters, main)
    venue_from_dateline(ctx, clusters, main, _status,
                        [p for f in facts for p in f.meetings if p.dates])
    venue_from_journey(ctx, clusters)
    venue_from_news_conference(ctx, clusters)
    venue_from_headline(ctx, clusters, main)
    day_from_headline(ctx, clusters, main)
    _attach_sides(ctx, clusters, main)
    near_focus: dict[int, bool] = {}
    focus = _focus_by_sentence(facts, clusters, main, near_focus)
    named = {key: named_parties(ctx, c.phrases) for key, c in clusters.items()}
    for f in facts:
        for p in f.meetings:
            if p.key or p.generic or not focus.get(f.index):
                continue
            target = clusters[focus[f.index]]
            # "the first meeting since their summit in Hanoi": not the meeting it is set against
            background = any(o.sentence == f.index and not o.main for o in target.phrases) and not any(
                o.sentence == f.index and o.main for o in target.phrases)
            if background or not tense_agrees(ctx, p, target) or not _dates_agree(p, target) or \
                    not own_parties(ctx, p) <= named.get(focus[f.index], set()):
                p.flags.add(ANOTHER_MEETING)  # what its sentence says of it is said of no meeting kept
                continue
            p.key = focus[f.index]
            clusters[p.key].phrases.append(p)
    roles, outcomes, process_facts = _route(ctx, facts, focus, near_focus)
    ordered = sorted(clusters.values(), key=lambda c: c.first_sentence())
    meetings = [_meeting_record(ctx, c, roles[c.key], outcomes[c.key]) for c in ordered]
    # a meeting of no known process is kept when parties of more than one country or group meet
    # ("budget talks" between lawmakers of one country are no track of negotiations)
    meetings = [m for m in meetings if m["process"] is not None or _international(m)]
    # "the next summit is to be held in Russia": no number, date, venue or participant to keep
    meetings = [m for m in meetings if m["ordinal"] is not None or m["start"] or m["end"] or m["venue"]
                or m["participants"] or m["outcomes"] or m["changes"]]
    for m in meetings:
        m["side_meetings"] = [s["key"] for s in meetings if s.get("parent") == m["key"]]
    processes = [_finish_process(ctx, p) for p in process_facts.values()]
    return meetings + processes


def _dates_agree(phrase: Any, cluster: Cluster) -> bool:
    """A phrase with a time of its own takes up the meeting in focus only where that time can be the
    meeting's: "their previous talks, in Rome in 2014", after a meeting told on Wednesday, tell
    another meeting, whose year and place are not the one in focus's."""
    known, own = cluster.span()[:2], interval(phrase.dates)[:2]
    if not (known[0] or known[1]) or not (own[0] or own[1]):
        return True
    return overlaps(widen(known), widen(own))


def _before_known_start(ctx: Any, clusters: dict[str, Cluster]) -> None:
    """A meeting dated before the first round of a process (``known_start`` in the lexicon), or told
    undated by a document published before it, is not one of its meetings ("Astana II" of 2015)."""
    published = ctx.published.isoformat() if ctx.published else None
    for c in clusters.values():
        known = ctx.lex.processes.get(c.process, {}).get("known_start")
        start, end, _ = c.span()
        when = end or start or published
        if known and when and when < str(known):
            c.process = None
            for p in c.phrases:
                p.process = None
                p.flags.add("before the process's known start")


def _one_side_received(ctx: Any, c: Cluster, parties: list[str]) -> bool:
    """The parties met at a government's seat are one side that government receives: at most one
    state among them (a body's officials count with the state they meet or alone). Two states
    meeting at a third's seat ("Serbian and Kosovar envoys talked at the Elysee") meet there with
    that government as host or mediator, not as a side of their talks."""
    countries = {m.get("country") for p in c.phrases for m in ctx.mentions.get(p.sentence, [])
                 if m.get("type") in ("state", "person") and m.get("country")}
    return len({side_of(k) for k in parties} & countries) <= 1


def _international(meeting: dict) -> bool:
    """True if parties of two sides meet, or a host receives another side, or the meeting is the own
    meeting of an international body ("a G7 summit in Taormina": its member states meet)."""
    if meeting.get("format"):
        return True
    keys = {side_of(k) for k in set(meeting["parties"]) | set(meeting["sentence_parties"])}
    # (officeholders of one state meeting one another abroad are received by no government there)
    host = side_of(meeting["host"]) if meeting["host"] and OWN_STATE not in meeting["flags"] else None
    return len(keys) >= 2 or (len(keys) == 1 and host is not None and host not in keys)


# prepositions that give what a meeting noun is about ("talks on Syria", "a meeting about Ukraine")
TOPIC_PREPOSITIONS = ("on", "about", "over", "regarding", "concerning")
# how many nouns deep a place or actor may lie in what a meeting is about ("on the future of the war in X")
TOPIC_DEPTH = 4
# prepositions that name whom one meets, not what of: the walk up a topic stops at them ("talks on
# trade with Mexico's president": the parser hangs the partner on "trade", and he stays a party)
PARTNER_PREPOSITIONS = ("with", "between", "among")


def _parties(ctx: Any, c: Cluster, participants: list[dict], venue: dict | None) -> tuple[list, list, dict]:
    """The parties a meeting is between: from its participants and the actors named inside its
    phrases ("the Trump-Kim summit", "US-Taliban talks"); and those of its sentences. Places where
    it happens are no party. Returns (parties, sentence parties, names by party)."""
    names: dict[str, str] = {}
    phrase_keys: list[str] = []
    sentence_keys: list[str] = []

    def place_like(m: dict) -> bool:
        if venue and venue.get("char_start") is not None and m["char_start"] < venue["char_end"] \
                and venue["char_start"] < m["char_end"]:
            return True
        root = ctx.root(m["char_start"], m["char_end"])
        if root is not None and root.dep_ in ("appos", "conj") and root.head.dep_ == "pobj":
            root = root.head  # "in Helsinki, Finland": the country of the place is where, not who
        if root is not None and root.dep_ in ("compound", "poss") and \
                root.head.lemma_.lower() in ctx.lex.words("building_nouns"):
            root = root.head  # "at the NATO headquarters", "at the Chilean embassy": a building, not who
        return root is not None and root.dep_ == "pobj" and root.head.lower_ in ("in", "at", "to", "from")

    def note(m: dict, into: list[str]) -> None:
        key = party_key(m)
        if key is None:
            return
        if key not in into:
            into.append(key)
        if m.get("type") in ("state", "group", "igo") and m.get("name"):
            names.setdefault(key, m["name"])

    for p in participants:
        if p["role"] != "host":
            note(p, phrase_keys)
    def topic_of(m: dict, phrase: Any) -> bool:
        # "a meeting on Syria", "talks about Ukraine", "talks with her cabinet on the return of the
        # refugees in Lebanon": what a meeting is about, however deep in it, is no side of it
        root = ctx.root(m["char_start"], m["char_end"])
        if root is None or phrase.head is None:
            return False
        holders = {phrase.head.i} | ({phrase.gov.i} if phrase.gov is not None else set())
        for _ in range(TOPIC_DEPTH):
            while root.dep_ in ("conj", "appos") and root.head is not root:
                root = root.head
            if root.dep_ != "pobj" or root.head.lower_ in PARTNER_PREPOSITIONS:
                return False
            if root.head.lower_ in TOPIC_PREPOSITIONS and root.head.head.i in holders:
                return True
            if root.head.head.pos_ != "NOUN":
                return False
            root = root.head.head  # "the refugees in Lebanon": inside the noun it is said of
        return False

    for phrase in c.phrases:
        between = _between_span(phrase)
        for m in ctx.mentions.get(phrase.sentence, []):
            if place_like(m) or topic_of(m, phrase):
                continue
            if not phrase.verbal and inside(m, phrase.start, phrase.end) and (
                    between is None or inside(m, *between)):
                note(m, phrase_keys)
            note(m, sentence_keys)
    return phrase_keys, sentence_keys, names


def _between_span(phrase: Any) -> tuple[int, int] | None:
    """The characters of "between the US and Russia" in "the negotiations between the US and Russia
    on Syria's weapons": a phrase that says between whom it is names no other party (what it is
    about is no side of it)."""
    head = phrase.head
    if head is None or phrase.verbal:
        return None
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ in ("between", "among"):
            toks = list(child.subtree)
            return toks[0].idx, toks[-1].idx + len(toks[-1].text)
    return None


def _document_parties(ctx: Any, host: str | None, parties: list[str] = ()) -> list[list]:
    """The parties the document names most, with how often: ``[[key, count], ...]`` (at most four,
    the meeting's host left out unless the meeting names it as a party: Singapore hosts the summit
    it is named with, China hosts talks it takes part in)."""
    if host in parties:
        host = None
    counts = ctx.__dict__.get("_party_counts")
    if counts is None:
        counts = Counter(k for m in ctx.doc.mentions if m.get("type") != "other" for k in [party_key(m)] if k)
        ctx.__dict__["_party_counts"] = counts
    return [[k, n] for k, n in counts.most_common(5) if k != host][:4]


def _subject(ctx: Any, c: Cluster) -> str | None:
    matcher = ctx.lex.subjects
    if matcher is None:
        return None
    for phrase in c.phrases:
        label = matcher.search(ctx.doc.text[phrase.start:phrase.end])
        if label:
            return label
    for phrase in c.phrases:
        sent = ctx.doc.sentences[phrase.sentence]
        label = matcher.search(sent.text)
        if label:
            return label
    return None


def _route(ctx: Any, facts: list[Any], focus: dict[int, str], near_focus: dict[int, bool]
           ) -> tuple[dict[str, list[dict]], dict[str, list[dict]], dict[str, dict]]:
    """Send each sentence's roles and outcomes to a meeting (by key) or to its process record,
    and its decisions and process names to the process record."""
    roles: dict[str, list[dict]] = defaultdict(list)
    outcomes: dict[str, list[dict]] = defaultdict(list)
    process_facts: dict[str, dict] = {}
    for f in facts:
        target_default = None if f.process_level else (
            next((p.key for p in f.meetings if p.key and p.main), None) or focus.get(f.index))
        only_aliases = f.process_level and not f.decisions and not f.meetings
        for item, sink in [(r, roles) for r in f.roles] + [(o, outcomes) for o in f.outcomes]:
            target = item["meeting"].key if item.get("meeting") is not None and item["meeting"].key \
                else target_default
            if item.get("meeting") is not None and ANOTHER_MEETING in item["meeting"].flags:
                target = None
            document = item.get("type") in ctx.lex.words("document_outcomes")
            if target is None and only_aliases and document:
                target = focus.get(f.index)  # a joint statement is issued by a meeting
            if target and not f.meetings and "type" in item and not document and not near_focus.get(f.index):
                # "a ceasefire agreed in Moscow": a sentence far from any meeting names its own occasion
                target = None
            if target:
                for key in _same_rounds(f, target):
                    sink[key].append(item)
            elif f.process_level:
                proc = _process_record(ctx, process_facts, _sentence_process(ctx, f))
                if proc is not None:
                    proc["_roles" if sink is roles else "_outcomes"].append(item)
        for label, span in f.aliases:
            proc = _process_record(ctx, process_facts, label)
            proc["aliases"].append(span)
        for d in f.decisions:
            proc = _process_record(ctx, process_facts, _sentence_process(ctx, f))
            if proc is not None:
                proc["decisions"].append(d)
    return roles, outcomes, process_facts


def _same_rounds(fact: Any, key: str) -> list[str]:
    """``key`` and the keys of the other rounds its plural noun names in other cities ("talks in
    Doha and Islamabad"): who takes part in one, as the sentence tells it, takes part in each."""
    phrase = next((p for p in fact.meetings if p.key == key and ROUND_IN_CITY in p.flags), None)
    if phrase is None:
        return [key]
    return [key, *dict.fromkeys(p.key for p in fact.meetings if p.key and p.key != key and ROUND_IN_CITY in p.flags
                                and p.head is not None and p.head.i == phrase.head.i)]


def _focus_by_sentence(facts: list[Any], clusters: dict[str, Cluster], main: str | None,
                       recent_focus: dict[int, bool]) -> dict[int, str]:
    """The meeting each sentence speaks of when it names none; ``recent_focus`` records whether
    that meeting was named in the sentences just before (rather than being the main one)."""
    focus: dict[int, str] = {}
    recent: list[tuple[int, str]] = []
    for f in facts:
        near = [key for idx, key in recent if f.index - idx <= FOCUS_WINDOW]
        focus[f.index] = (main if main in near else near[-1]) if near else main
        recent_focus[f.index] = bool(near)
        for p in f.meetings:
            if p.key and p.main and not clusters[p.key].side:
                recent.append((f.index, p.key))
    return focus


def _sentence_process(ctx: Any, fact: Any) -> str | None:
    labels = [label for label, _ in fact.aliases] + [p.process for p in fact.meetings if p.process]
    return labels[0] if labels else ctx.default_process


def _process_record(ctx: Any, records: dict[str, dict], process: str | None) -> dict | None:
    if process is None:
        return None
    if process not in records:
        info = ctx.lex.processes.get(process, {})
        records[process] = {"kind": "process", "process": process, "process_name": info.get("name"),
                            "subject": info.get("subject"), "aliases": [], "decisions": [],
                            "_roles": [], "_outcomes": [], "doc_id": ctx.doc.id}
    return records[process]


def _participants(ctx: Any, process: str | None, items: list[dict], host: str | None = None) -> list[dict]:
    rank = ctx.lex.role_rank
    conflict = ctx.lex.processes.get(process, {}).get("conflict_country")
    by_actor: dict[str, dict] = {}
    for item in items:
        m, role = _own_country(item["mention"], host, conflict, items), item["role"]
        if role in ("participant", "delegation") and conflict and m.get("country") == conflict \
                and m.get("type") not in ("igo", "person"):
            role = "party"
        rec = participant_record(m, role, item.get("cue"))
        prev = by_actor.get(rec["actor"])
        if prev is None:
            rec["roles"], rec["evidence"] = [role], [rec["evidence"]]
            by_actor[rec["actor"]] = rec
            continue
        if role not in prev["roles"]:
            prev["roles"].append(role)
        prev["evidence"].append(rec["evidence"])
        if rank.get(role, 99) < rank.get(prev["role"], 99):
            prev["role"], prev["cue"] = role, rec["cue"]
    return list(by_actor.values())


def _own_country(mention: dict, host: str | None, conflict: str | None, items: list[dict]) -> dict:
    """A participant's country is the actor's, never the venue's: an armed group or opposition
    whose country was only guessed from the sentence ("armed opposition factions ... in the Kazakh
    capital") and is the host's belongs to the conflict of the process, else to the one state
    party it meets, else to no country."""
    if not (host and mention.get("country") == host and mention.get("country_inferred")
            and mention.get("type") in ("group", "organ")):
        return mention
    states = {i["mention"].get("country") for i in items if i["mention"].get("type") == "state"
              and i["mention"].get("country") not in (None, host)}
    country = conflict or (states.pop() if len(states) == 1 else None)
    sector = mention.get("sector") or "REB"
    text = mention.get("text") or mention.get("name")
    return {**mention, "country": country, "actor_id": f"{country}-{sector}" if country else text,
            "cameo": f"{country}{sector}" if country else None,
            "name": f"{text} ({country})" if country else text, "country_from": "conflict" if conflict else
            ("other party" if country else None)}


def _outcomes(items: list[dict]) -> list[dict]:
    seen: dict[str, dict] = {}
    for item in items:
        rec = {k: v for k, v in item.items() if k != "meeting"}
        if rec["name"] in seen:
            seen[rec["name"]].setdefault("more_evidence", []).append(rec["evidence"])
        else:
            seen[rec["name"]] = rec
    return list(seen.values())


def _status(ctx: Any, c: Cluster, start: str | None, end: str | None) -> tuple[str | None, dict | None]:
    said = [(p.status, p.status_span) for p in c.phrases if p.status]
    for strong in STATUS_PRIORITY:
        hit = next((s for s in said if s[0] == strong), None)
        if hit:
            return hit
    numbered = [s for p, s in zip([p for p in c.phrases if p.status], said) if p.specific]
    today = ctx.published.isoformat() if ctx.published else None
    for pool in (numbered, said):
        if pool:
            if pool[0][0] == "planned" and today and (end or start) and (end or start) < today:
                return "held", pool[0][1]  # "had been expected to open on February 15" and did
            return pool[0]
    if ctx.published and (start or end):
        today = ctx.published.isoformat()
        if (end or start) < today:
            return "held", None
        if (start or end) > today:
            return "planned", None
    return None, None


# the flag of a meeting dated (and placed) by the summit calendar (parley.process.calendar)
SUMMIT_CALENDAR = "summit calendar"


def _meeting_record(ctx: Any, c: Cluster, roles: list[dict], outcomes: list[dict]) -> dict:
    lex = ctx.lex
    start, end, precision = c.span()
    venue = next((p.venue for p in c.phrases if p.venue), None)
    if c.report_place and (venue is None or venue.get("feature") == "country"):
        venue = c.report_place  # the dateline's city in the country named ("arrived in Germany")
    elif venue is not None and venue.get("feature") == "country":
        venue = venue.get("country") and only_city_in(ctx, venue["country"]) or venue
    own_format = meeting_format(ctx, c)
    summit = summit_of(ctx, c.phrases, own_format, start, end, precision, venue)
    if summit is not None:  # "the alliance's summit in Lisbon this week": the calendar knows its days
        start, end, precision = summit[2].isoformat(), summit[3].isoformat(), "day"
        if venue is None or venue.get("feature") != "city":
            venue = summit[0].place()
        own_format = own_format or summit[1]
    # "said at the World Economic Forum in Davos on Monday": a named gathering told with its day
    own_format = own_format or own_gathering(ctx, c.phrases)
    host = venue.get("country") if venue else None
    status, status_span = _status(ctx, c, start, end)
    participants = _participants(ctx, c.process, roles, host)
    if host and not any(p["role"] == "host" for p in participants):
        participants.append({"actor": host, "name": host, "type": "state", "country": host, "sector": None,
                             "role": "host", "roles": ["host"], "cue": None,
                             "evidence": [{k: venue.get(k) for k in ("text", "char_start", "char_end", "sentence")}]})
    parties, sentence_parties, party_names = _parties(ctx, c, participants, venue)
    if host and host not in parties and (any(p.flags & {"visit", SUMMONS, JOINT_WITH_HOST} for p in c.phrases)
                                         or (venue.get("via") == SEAT_OF_GOVERNMENT
                                             and _one_side_received(ctx, c, parties))):
        # the government of the country visited (or summoning) receives the visitor; a guest met at
        # a government's seat ("was met at the Blue House") is received by that government
        parties.append(host)
    # the visitor is a side of the visit, named or not among the sentence's roles ("Pence is in Ankara"),
    # and the envoy's state a side of his summons
    parties[:0] = list(dict.fromkeys(p.lone_party for p in c.phrases if p.flags & {"visit", SUMMONS, COUNCIL_VOTE}
                                     and p.lone_party and p.lone_party not in parties))
    # a council's vote is the council's own meeting
    own_format = own_format or next((p.lone_party for p in c.phrases if COUNCIL_VOTE in p.flags), None)
    info = lex.processes.get(c.process, {})
    between = {party_key(m) for p in c.phrases if (span := _between_span(p))
               for m in ctx.mentions.get(p.sentence, []) if inside(m, *span)} - {None}
    if info.get("venue_needs_conflict_country") and (parties or between) and \
            info.get("conflict_country") not in (between or parties):
        c.process = None  # talks in Geneva between parties of another conflict
    kinds = [p.kind for p in c.phrases if p.specific] or [p.kind for p in c.phrases]
    # a day read off the headline (headline.day_from_headline) has no span in the text: it dates
    # the meeting but is no evidence sentence
    date_evidence = [{k: t.get(k) for k in ("text", "char_start", "char_end", "sentence", "start", "end")}
                     for t in c.dates() if t.get("char_start") is not None]
    return {
        "key": c.key, "doc_id": ctx.doc.id,
        "kind": "side" if c.side else ("round" if c.ordinal is not None or "round" in kinds else kinds[0]),
        "process": c.process, "process_name": lex.processes.get(c.process, {}).get("name"),
        "ordinal": c.ordinal, "relative": next((p.relative for p in c.phrases if p.relative), None),
        "start": start, "end": end, "precision": precision, "date_evidence": date_evidence,
        "venue": (venue.get("name") or venue.get("text")) if venue else None, "venue_place": venue, "host": host,
        "status": status, "status_evidence": status_span,
        "changes": [ch for p in c.phrases for ch in p.changes],
        "participants": participants, "outcomes": _outcomes(outcomes),
        "parties": parties, "sentence_parties": sentence_parties, "party_names": party_names,
        "doc_parties": _document_parties(ctx, host, parties),
        "subject": _subject(ctx, c),
        "format": own_format or group_format(lex, parties, kinds),
        "level": next((p.level for p in c.phrases if p.level), None),
        "parent": c.parent, "flags": sorted({f for p in c.phrases for f in p.flags} | ({SUMMIT_CALENDAR} if summit else set())),
        "flag_evidence": {f: e for p in c.phrases for f, e in p.flag_evidence.items()},
        "evidence": [{"text": ctx.doc.text[p.start:p.end], "char_start": p.start, "char_end": p.end,
                      "sentence": p.sentence} for p in c.phrases],
    }


def _finish_process(ctx: Any, rec: dict) -> dict:
    rec = dict(rec)
    rec["participants"] = _participants(ctx, rec["process"], rec.pop("_roles"))
    rec["outcomes"] = _outcomes(rec.pop("_outcomes"))
    rec["evidence"] = rec["aliases"]
    rec["aliases"] = sorted({" ".join(a["text"].split()) for a in rec["aliases"]})
    for key in ("ordinal", "start", "end", "venue", "host", "status"):
        rec.setdefault(key, None)
    return rec
