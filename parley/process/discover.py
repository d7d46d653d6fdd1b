"""Discover tracks of talks that the lexicon does not list: meetings of no known process are
grouped into processes by the parties that meet and what they meet about.

A meeting's signature is the pair of parties its own phrases and participants name ("the
Trump-Kim summit", "talks between Iran and world powers") among those its document names most;
else the one party it names with the party its document names most besides (named at least a
fifth as often as the first); else the two parties its document names most (the second named
at least half as often as the first); else those of its sentences that its document names again
(a party named once in passing is no side), or all of those of its sentences when they are few.

Meetings with the same two or more parties are one track; a meeting whose parties add one to a
known pair joins that pair's track; a meeting that names a single party joins the one track of
that party about the same subject ("Iran nuclear talks"), or starts its own when it says its
subject. A pair of a body and a state that a meeting takes from its report (not from its own
naming) is the body's own meetings when the body holds some ("the UN climate talks") and no meeting
names the two as its sides. A track's id is built from its parties (and subject), so it is the same whichever order
the documents come in; its name reads "Iran–United States nuclear talks".
"""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date
from typing import Any

from parley.process.context import report_day
from parley.process.crossdoc import EVENT, chosen_track, reported_meetings
from parley.process.participants import side_of

MAX_SENTENCE_PARTIES = 3
# a track whose parties meet nothing for longer than this (a year and a half) is another track
TRACK_GAP_DAYS = 540


def _sides(keys: list[str]) -> list[str]:
    out: list[str] = []
    for key in keys:
        if side_of(key) not in out:
            out.append(side_of(key))
    return out


def _ranked_sides(ranked: list[list]) -> list[list]:
    """The document's party counts with a country's own bodies counted as the country."""
    counts: Counter = Counter()
    for key, n in ranked:
        counts[side_of(key)] += n
    return [[k, n] for k, n in counts.most_common()]


def signature(meeting: dict) -> tuple[frozenset[str], bool]:
    """The parties that identify a meeting's track (see the module docstring), and whether the
    meeting names them itself (rather than its document naming them most). Parties are sides: a
    country's own bodies ("the Republican Party", "the US military") are the country."""
    own = _sides(list(meeting.get("parties") or []))
    ranked = _ranked_sides(meeting.get("doc_parties") or [])
    count = {k: n for k, n in ranked}
    central = sorted((k for k in own if k in count), key=lambda k: -count[k])
    if len(central) >= 2:  # the meeting's own parties that its document is about
        return frozenset(central[:2]), True
    if len(own) >= 2:  # it names two parties itself ("an IAEA official met Iranian officials")
        return frozenset((central + [k for k in own if k not in central])[:2]), True
    partner = _partner_in_clause(meeting, own)
    if partner:  # "Trump met Abe in Tokyo" where the actors stage gave Abe no country: Japan
        return frozenset([own[0], partner]), False
    if ranked:
        top = ranked[0][1]
        if len(central) == 1:  # "the June 12 meeting" of a Trump with a Kim the actors stage missed:
            # the one party it names and the party its document names most besides
            partner = next((k for k, n in ranked if k != central[0] and n >= 2 and n * 5 >= top), None)
            if partner:
                return frozenset([central[0], partner]), False
        # the parties the document is about: those named at least half as often as the first
        about = [k for k, n in ranked if n * 2 >= top and n >= 2][:2]
        if len(about) >= 2:
            return frozenset(about), False
    if len(own) >= 2:
        return frozenset(own[:2]), True
    around = set(own) | set(_sides(list(meeting.get("sentence_parties") or [])))
    # of the parties its sentences name, those its report names again: a party named once in
    # passing ("as the Pope did") is no side of the meeting the report is about
    named = {k for k in around if count.get(k, 0) >= 2}
    if 2 <= len(named) < len(around) and len(named) <= MAX_SENTENCE_PARTIES:
        return frozenset(named), False
    if len(around) <= MAX_SENTENCE_PARTIES:
        return frozenset(around), False
    return frozenset(own), False


def _partner_in_clause(meeting: dict, own: list[str]) -> str | None:
    """The other side of a meeting that names one party of its own, from the sentences that tell
    the meeting rather than from its whole report: the one other party they name."""
    if len(own) != 1:
        return None
    around = [k for k in _sides(list(meeting.get("sentence_parties") or [])) if k != own[0]]
    return around[0] if len(around) == 1 else None


def country_name(key: str) -> str:
    """The common name of an ISO 3166 alpha-3 code (pycountry), else ``key`` itself."""
    import pycountry

    record = pycountry.countries.get(alpha_3=key) if len(key) == 3 and key.isupper() else None
    if record is None:
        return key
    return getattr(record, "common_name", None) or record.name


def _most_said(counts: Counter) -> Any:
    """The value said most often; of values said as often, the first in sorted order, so that a
    track's name does not depend on the order its reports were read in."""
    return min(counts, key=lambda k: (-counts[k], str(k))) if counts else None


class Track:
    """Meetings of one discovered process."""

    def __init__(self, parties: frozenset[str]):
        self.parties = parties
        self.items: list[tuple[dict, dict]] = []
        self.since: str | None = None   # the year a track starts, when its parties held several
        self.own_format = False         # the meetings of one body ("the G7 summit")

    def subject(self) -> str | None:
        return _most_said(Counter(m.get("subject") for _, m in self.items if m.get("subject")))

    def process_id(self) -> str:
        parts = sorted(p.lower() for p in self.parties)
        if len(self.parties) == 1 and self.subject() and not self.own_format:
            parts.append(self.subject() or "")
        if self.since:
            parts.append(self.since)
        return "-".join(parts)

    def info(self) -> dict:
        names: dict[str, Counter] = defaultdict(Counter)
        kinds, venues = Counter(), Counter()
        for _, m in self.items:
            for key, name in (m.get("party_names") or {}).items():
                names[key][name] += 1
            kinds[m.get("kind") or "talks"] += 1
            if m.get("venue"):
                venues[m["venue"]] += 1
        who = "–".join(sorted(_most_said(names[p]) if names[p] else country_name(p) for p in self.parties))
        kind = {"summit": "summits", "round": "talks", "conference": "conferences"}.get(_most_said(kinds), "talks")
        subject = None if self.own_format else self.subject()
        name = f"{who} {subject + ' ' if subject and subject != 'peace' else ''}{kind}"
        if subject == "peace":
            name = f"{who} peace talks"
        if len(venues) == 1:
            name += f" in {next(iter(venues))}"
        if self.since:
            name += f" from {self.since}"
        return {"id": self.process_id(), "name": name, "subject": subject, "parties": sorted(self.parties),
                "discovered": True, "venues": sorted(venues, key=lambda v: (-venues[v], v))}


def _when(source: dict, meeting: dict) -> str | None:
    """The day a meeting is about: its own date, else its report's."""
    told = meeting.get("start") or meeting.get("end") or report_day(source, meeting)
    return str(told)[:10] if told else None


def _persons(track: Track, indices: list[int]) -> set[str]:
    """The persons who take part in the meetings ``indices`` of a track."""
    return {p["actor"] for i in indices for p in track.items[i][1].get("participants") or []
            if p.get("type") == "person" and p.get("actor")}


def split_in_time(track: Track) -> list[Track]:
    """A track is continuous in time: where its parties met nothing for more than
    ``TRACK_GAP_DAYS`` (a leaders' summit one year, trade rounds two years later), the meeting
    after the gap starts another track, named by the year it starts; unless someone who took part
    in an earlier stretch takes part in it (the same leader receiving the same counterpart's
    country two years on continues their meetings), when it continues that stretch."""
    if track.own_format:  # a body's summits are one series however far apart (the G20 meets yearly)
        return [track]
    # in order of day, then of report and place in it, so that the parts do not depend on the
    # order the documents were read in
    dated = sorted((_when(s, m), s.get("doc_id") or "", m.get("_position", 0), i)
                   for i, (s, m) in enumerate(track.items) if _when(s, m))
    if not dated:
        return [track]
    stretches: list[list[int]] = []
    current: list[int] | None = None
    previous: str | None = None
    for day, _, _, i in dated:
        if current is None or (date.fromisoformat(day) - date.fromisoformat(previous)).days > TRACK_GAP_DAYS:
            met = _persons(track, [i])
            current = next((st for st in stretches if met & _persons(track, st)), None)
            if current is None:
                current = []
                stretches.append(current)
        current.append(i)
        previous = day
    if len(stretches) == 1:
        return [track]
    parts = []
    for stretch in stretches:
        part = Track(track.parties)
        part.own_format = track.own_format
        part.items = [track.items[i] for i in stretch]
        part.since = _when(*track.items[stretch[0]])[:4]
        parts.append(part)
    spans = [(min(_when(*track.items[i]) for i in st), max(_when(*track.items[i]) for i in st)) for st in stretches]
    for item in (item for item in track.items if not _when(*item)):
        parts[_nearest_stretch(spans, item[0].get("published"))].items.append(item)
    return parts


def _nearest_stretch(spans: list[tuple[str, str]], published: Any) -> int:
    """The stretch (first and last day, ISO) nearest a report's publication day, inferred or
    not: a meeting told with no day of its own is told near the day its report was written.
    The last stretch when the report has no day at all; the later one on a tie."""
    if not published:
        return len(spans) - 1
    day = date.fromisoformat(str(published)[:10])

    def distance(k: int) -> tuple[int, int]:
        first, last = (date.fromisoformat(d) for d in spans[k])
        return max((first - day).days, (day - last).days, 0), -k

    return min(range(len(spans)), key=distance)


def _body_of_pair(tracks: dict[frozenset, Track], sig: frozenset[str]) -> Track | None:
    """The track of a body's own meetings ("the UN climate summit") for a meeting whose pair of a
    body and a state comes from its report, not from the meeting itself ("the climate talks in
    Paris" in a report on Washington's part in them): a body that holds meetings of its own is
    named in reports on them together with the members that attend, and a member is no side facing
    the body unless some meeting names the two as its sides (the caller checks that)."""
    bodies = [tracks[frozenset([k])] for k in sig if frozenset([k]) in tracks and tracks[frozenset([k])].own_format]
    return bodies[0] if len(bodies) == 1 else None


def discover_processes(entries: list[tuple[dict, dict]]) -> dict[str, dict]:
    """Give each meeting of no known process the discovered process it belongs to.

    :param entries: ``(source, meeting)`` pairs; meetings with ``process`` None get one set when
        their parties allow it (side meetings follow their round later).
    :returns: the discovered processes' info (``id``, ``name``, ``subject``, ``parties``) by id.
    """
    tracks: dict[frozenset, Track] = {}

    def format_track(body: str) -> Track:
        track = tracks.setdefault(frozenset([body]), Track(frozenset([body])))
        track.own_format = True
        return track

    told = [(s, m) for s, m in entries if m.get("process") is None and m.get("kind") != "side"]
    signed = {id(m): signature(m) for _, m in told}
    # the reports of one meeting get one track, chosen from all of them (see parley.process.crossdoc)
    placed: set[int] = set()
    for group in reported_meetings(told, lambda m: signed[id(m)][1] and len(signed[id(m)][0]) >= 2):
        members = [told[i] for i in group]
        body, sig = chosen_track([(m, *signed[id(m)]) for _, m in members])
        if body is None and sig is None:
            continue
        track = format_track(body) if body else tracks.setdefault(sig, Track(sig))
        event = min(f"{s['doc_id']}:{m.get('_position', 0)}" for s, m in members)
        for s, m in members:
            m[EVENT] = event
            track.items.append((s, m))
            placed.add(id(m))
    # "the G7 summit": the meetings of one body are its own track, whichever members a report names
    for s, m in told:
        if m.get("format") and id(m) not in placed:
            format_track(m["format"]).items.append((s, m))
    pending = [(s, m, *signed[id(m)]) for s, m in told if not m.get("format") and id(m) not in placed]
    for s, m, sig, strong in pending:
        if strong and len(sig) >= 2:
            tracks.setdefault(sig, Track(sig)).items.append((s, m))
    # a pair its document names most joins a pair the meetings themselves name and that shares a
    # party and the subject, or the body of a pair no meeting names itself; else it is a track of
    # its own
    named = {k for k in tracks if len(k) >= 2}
    for s, m, sig, strong in pending:
        if strong or len(sig) < 2:
            continue
        own = set(m.get("parties") or []) & sig
        body = None if sig in named else _body_of_pair(tracks, sig)
        if body is not None:
            body.items.append((s, m))
            continue
        fits = [t for t in tracks.values() if len(t.parties) > 1 and t.parties != sig and (own & t.parties)
                and m.get("subject") and t.subject() == m.get("subject")]
        target = tracks.get(sig) or (fits[0] if len(fits) == 1 else None)
        if target is None:
            target = tracks.setdefault(sig, Track(sig))
        target.items.append((s, m))
    for s, m, sig, _ in pending:
        if len(sig) != 1:
            continue
        (party,) = sig
        subject = m.get("subject")
        fits = [t for t in tracks.values() if party in t.parties and len(t.parties) > 1
                and (subject is None or t.subject() in (None, subject))]
        if len(fits) == 1:
            fits[0].items.append((s, m))
        elif subject is not None:
            tracks.setdefault(frozenset([party, f"~{subject}"]), Track(sig)).items.append((s, m))
    out: dict[str, dict] = {}
    for track in (part for whole in tracks.values() for part in split_in_time(whole)):
        info = track.info()
        out[info["id"]] = info
        for _, m in track.items:
            m["process"], m["process_name"] = info["id"], info["name"]
    return out
