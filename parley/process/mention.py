"""One phrase that names a meeting (:class:`MeetingMention`) and what its sentence says of it.

Shared by the recognisers of :mod:`parley.process.meetings` and the readers of a meeting's
kind, dates, venue and status.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from parley.process import syntax
from parley.process.context import SPECIFIC_PRECISIONS

# the flag of a meeting told in a relative clause of "where" on a named place ("returned from
# Tehran, where he met Rouhani"), which the clause places (parley.process.venues.where_place)
WHERE = "where"

# the flag of one of the meetings a plural noun names in several cities ("talks in Doha and Islamabad")
ROUND_IN_CITY = "one of the rounds named in several cities"


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
