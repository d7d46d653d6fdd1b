"""Which meeting phrases of one sentence tell one meeting and which two, by the days and sides each
names (issue 20, session 22).

Two meetings named in one sentence, each with a day and sides of its own ("will hold talks with X in
Paris on Monday and attend a summit with Y in Rome on Wednesday"; "meets X today, followed tomorrow by
talks with Y"), are two meetings: :func:`apart` says so, and :mod:`parley.process.timing` then gives
each only its own day. Officeholders of one state who meet one another abroad ("the former president
met the president in Accra") make no meeting of states: :func:`meet_own_state` flags the phrase
``OWN_STATE``, and :mod:`parley.process.assemble` counts no host country as a side of it.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from parley.knowledge import data_path, read_yaml
from parley.process import syntax
from parley.process.context import inside
from parley.process.mention import MeetingMention
from parley.process.participants import meeting_partners, noun_partners, partner_sides, party_key, side_of

# the flag of a meeting of officeholders of one state with one another ("the former president met the
# president in Accra"): the country of its place is no side of it (meet_own_state)
OWN_STATE = "officeholders of one state"


def own_times(ctx: Any, mm: MeetingMention, others: list[MeetingMention] = ()) -> list[dict]:
    """The times a phrase names of itself: those inside it ("a meeting with X tomorrow", "the March 3
    summit"), else those its own verb governs ("met X on Monday", "held talks today") that lie in no
    other meeting phrase of the sentence."""
    times = [t for t in ctx.times.get(mm.sentence, []) if t.get("start") and t.get("kind") != "duration"]
    inner = [t for t in times if inside(t, mm.start, mm.end)]
    if inner or mm.gov is None:
        return inner
    return [t for t in times if (root := ctx.root(t["char_start"], t["char_end"])) is not None
            and syntax.same_token(syntax.governing_verb(root), mm.gov)
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


def meet_own_state(ctx: Any, head: Any, gov: Any, verbal: bool, mentions: list[dict]) -> bool:
    """True if the persons a meeting phrase names as meeting one another all act for one state ("the
    former president met the president in Accra", "X held talks with Y", "X and Y met"): officeholders
    of one state who meet each other meet no other state, wherever they meet, so the country of the
    place is no side of their meeting. Two persons are two items of the phrase's lists of partners
    (its subject and object, the conjuncts of one, the holder of a meeting noun and those "with" it),
    not a title and a name of one person ("U.S. President Donald Trump").

    :param head: the meeting phrase's head (a verb of meeting or a meeting noun).
    :param gov: its governing verb.
    :param verbal: the phrase is a verb of meeting.
    :param mentions: the actor mentions of the sentence.
    """
    if verbal:
        subjects, objects = partner_sides(ctx, head, mentions)
        subj = syntax.subject_of(head)
        if not subjects and subj is not None:  # "the former president met X": the one introduced so
            subjects = [(m, subj) for m in title_anaphor(ctx, subj)]
        partners = subjects + objects
    else:
        partners = noun_partners(ctx, head, gov, mentions)
    # (a title whose holder's name was not read, "Brazilian President", is typed as the state with a role)
    persons = {tok.i for m, tok in partners if m.get("type") == "person" or m.get("role")}
    return len(persons) >= 2 and len({party_key(m) for m, _ in partners}) == 1 \
        and all(m.get("country") and m.get("type") not in ("group", "igo") for m, _ in partners)


def title_anaphor(ctx: Any, noun: Any) -> list[dict]:
    """The person a definite title with no name stands for ("the former president", "the prime
    minister"): the one person the report named before with that title ("former President X" or a
    mention of that role), or none where it named no one or more than one so.

    :param noun: the title's head noun (its modifiers, "former", are part of the title).
    """
    if noun.pos_ != "NOUN" or not any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children):
        return []
    words = [c for c in noun.children if c.dep_ in ("amod", "compound") and c.i < noun.i]
    title = " ".join(t.lower_ for t in [*words, noun])
    role = _person_titles().get(title)
    if role is None:
        return []
    text = ctx.doc.text.lower()
    named = {m.get("actor_id"): m for m in ctx.doc.mentions if m.get("type") == "person" and m.get("actor_id")
             and m["char_end"] <= noun.idx and (m.get("role") == role or re.search(
                 rf"\b{re.escape(title)}\b", text[max(m["char_start"] - len(title) - 2, 0):m["char_end"]]))}
    return list(named.values()) if len(named) == 1 else []


@lru_cache(maxsize=1)
def _person_titles() -> dict[str, str]:
    """The titles of persons in ``parley/data/actors/sectors.yaml`` with the role each names ("premier":
    "prime minister", "former president": itself)."""
    data = read_yaml(data_path("actors", "sectors.yaml")).data
    return {w["phrase"]: w.get("role", w["phrase"]) for w in data["words"] if w.get("kind") == "person"}
