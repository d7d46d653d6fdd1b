"""One phrase that names a meeting (:class:`MeetingMention`) and what its sentence says of it.

Shared by the recognisers of :mod:`parley.process.meetings` and the readers of a meeting's
kind, dates, venue and status.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from parley.process import syntax
from parley.process.context import SPECIFIC_PRECISIONS, inside
from parley.process.participants import meeting_partners, noun_partners, party_key, side_of

# the flag of a meeting told in a relative clause of "where" on a named place ("returned from
# Tehran, where he met Rouhani"), which the clause places (parley.process.venues.where_place)
WHERE = "where"

# the flag of one of the meetings a plural noun names in several cities ("talks in Doha and Islamabad")
ROUND_IN_CITY = "one of the rounds named in several cities"

# the flag of a meeting of officeholders of one state with one another ("the former president met the
# president in Accra"): the country of its place is no side of it (participants.meet_own_state)
OWN_STATE = "officeholders of one state"


@dataclass
class MeetingMention:
    """One phrase that names a meeting, and what its sentence says about it."""

    sentence: int
    start: int
    end: int
    trigger: str
    kind: str
    head: Any = None
    gov: Any = None
    process: str | None = None
    ordinal: int | None = None
    relative: str | None = None
    generic: bool = False
    main: bool = True
    dates: list[dict] = field(default_factory=list)
    venue: dict | None = None
    status: str | None = None
    status_span: dict | None = None
    changes: list[dict] = field(default_factory=list)
    side: bool = False
    level: str | None = None
    flags: set[str] = field(default_factory=set)
    flag_evidence: dict[str, dict] = field(default_factory=dict)
    key: str | None = None
    hypothetical: bool = False
    verbal: bool = False        # "Trump and Putin met in Helsinki": a meeting told by its verb
    lone_party: str | None = None   # the one party a verbal meeting names, if only one
    destination: dict | None = None  # where a visit goes ("arrived in Tokyo")
    partners: list[Any] = field(default_factory=list)  # "a news conference with X": who X is

    @property
    def dated(self) -> bool:
        return any(t.get("precision") in SPECIFIC_PRECISIONS for t in self.dates)

    @property
    def specific(self) -> bool:
        return not self.generic and (self.ordinal is not None or self.dated or self.relative == "next"
                                     or (self.side and not self.hypothetical) or self.located)

    @property
    def located(self) -> bool:
        """A definite meeting in a named place ("their summit in Helsinki"), dated or not."""
        if self.venue is None or self.hypothetical or self.head is None:
            return False
        return self.verbal or WHERE in self.flags or any(c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an", "any", "no", "every")
                                  for c in self.head.children)


def clause_tokens(mm: MeetingMention) -> list[Any] | None:
    """The governing verb of the phrase with its auxiliaries and the verbs it complements."""
    if mm.gov is None:
        return None
    toks = []
    verbs = syntax.verb_chain(mm.gov)
    if mm.head is not None:  # "the talks he plans to host"
        for clause in (c for c in mm.head.children if c.dep_ in ("relcl", "acl")):
            verbs += [clause, *(c for c in clause.children if c.dep_ == "xcomp")]
    for verb in verbs:
        toks.append(verb)
        toks.extend(c for c in verb.children if c.dep_ in ("aux", "auxpass", "prt", "neg"))
    return toks


def interval_start(dates: list[dict]) -> str | None:
    """The earliest start among time dicts, or None."""
    starts = [t["start"] for t in dates if t.get("start")]
    return min(starts) if starts else None


def same_token(a: Any, b: Any) -> bool:
    """True if two tokens (either may be None) are the same token of the parse."""
    return a is not None and b is not None and a.i == b.i


def own_times(ctx: Any, mm: MeetingMention, others: list[MeetingMention] = ()) -> list[dict]:
    """The times a phrase names of itself: those inside it ("a meeting with X tomorrow", "the March 3
    summit"), else those its own verb governs ("met X on Monday", "held talks today") that lie in no
    other meeting phrase of the sentence."""
    times = [t for t in ctx.times.get(mm.sentence, []) if t.get("start") and t.get("kind") != "duration"]
    inner = [t for t in times if inside(t, mm.start, mm.end)]
    if inner or mm.gov is None:
        return inner
    return [t for t in times if (root := ctx.root(t["char_start"], t["char_end"])) is not None
            and same_token(syntax.governing_verb(root), mm.gov)
            and not any(o is not mm and not o.verbal and inside(t, o.start, o.end) for o in others)]


def apart(ctx: Any, a: MeetingMention, b: MeetingMention, others: list[MeetingMention] = ()) -> bool:
    """True if two meeting phrases of one sentence tell two meetings: each has a day of its own
    (:func:`own_times`), none shared, and each names a side the other does not ("will hold talks with X
    in Paris on Monday and attend a summit with Y in Rome on Wednesday"; "meets X today, followed
    tomorrow by talks with Y"). A phrase that names no side of its own, or only some of the other's,
    may tell the same meeting going on ("met X on Monday and held further talks with him on Tuesday",
    "the two leaders met again on Tuesday")."""
    mine, theirs = own_times(ctx, a, others), own_times(ctx, b, others)
    if not mine or not theirs or any(t is u for t in mine for u in theirs):
        return False
    sides_a, sides_b = _sides(ctx, a), _sides(ctx, b)
    return not (sides_a <= sides_b or sides_b <= sides_a)


def _sides(ctx: Any, mm: MeetingMention) -> set[str]:
    """The sides a meeting phrase names: the partners of its verb ("X met Y"), or those inside its
    noun phrase ("talks with X") and who holds it ("the UN hosts a summit")."""
    mentions = ctx.mentions.get(mm.sentence, [])
    if mm.verbal and mm.gov is not None:
        named = [m for m, _ in meeting_partners(ctx, mm.gov, mentions)]
    else:
        named = [m for m in mentions if inside(m, mm.start, mm.end)]
        named += [m for m, _ in noun_partners(ctx, mm.head, mm.gov, mentions)] if mm.head is not None else []
    return {side_of(k) for m in named for k in [party_key(m)] if k}


def coordinated(a: MeetingMention, b: MeetingMention) -> bool:
    """True if two meeting phrases are joined by a conjunction: their heads, or the head of one and a
    word of the other's clause ("holds talks with X today and a meeting with Y tomorrow", however the
    parser hangs the second)."""
    if a.head is None or b.head is None:
        return False
    return any(x.head.dep_ == "conj" and (x.head.head.i == y.head.i
                                          or y.gov is not None and syntax.joined_to_clause_of(x.head, y.gov))
               for x, y in ((a, b), (b, a)))
