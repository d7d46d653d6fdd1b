"""A council's vote as its meeting: "the Security Council voted on Friday to ...", "Friday's vote in
the Security Council", "the resolution adopted on Friday". A council of states (``council_seats`` in
``parley/data/processes.yaml``: the UN Security Council, the UN General Assembly, the UN Human Rights
Council) votes in session, so its vote tells a meeting of the council on that day, at its seat (a
place named in the sentence is mostly what the vote is about: "to extend the mission in South
Sudan"). A parliament's vote is a state's own business, not a meeting of states, and no rule here
reads it.

A vote or an adopted resolution names its council itself (the council as the verb's subject or
agent, the noun's possessor, compound or object of "in"/"of"/"at"), or, where it does not ("Friday's
vote", "the resolution adopted on Friday"), takes the one council the document names as voting or
as the author of a resolution ("a Security Council resolution"). Either is kept only when dated (by
its own words or the report's lead: :func:`parley.process.meetings.find_meeting_mentions`): a vote
told with no time ("the council has voted to extend the mission") is background.
"""

from __future__ import annotations

from typing import Any, Iterator

from parley.process import syntax
from parley.process.context import DocumentContext
from parley.process.participants import party_key
from parley.process.summonses import told_done
from parley.process.venues import known_city


def _seats(ctx: DocumentContext) -> dict[str, dict]:
    """The councils of the lexicon by party key, with their seat as a venue dict (built once a
    document: every sentence and token that may name a council asks)."""
    if "_council_seats" not in ctx.__dict__:
        ctx.__dict__["_council_seats"] = {s["council"]: known_city(s["city"], s["country"], "council seat")
                                          for s in ctx.lex.data.get("council_seats") or []}
    return ctx.__dict__["_council_seats"]


def _councils_in(ctx: DocumentContext, sentence: int, tokens: list[Any]) -> list[str]:
    """The councils whose mentions lie in the subtrees of ``tokens`` of one sentence."""
    seats = _seats(ctx)
    spans = [(t.left_edge.idx, t.right_edge.idx + len(t.right_edge.text)) for t in tokens]
    return [key for m in ctx.mentions.get(sentence, []) if (key := party_key(m)) in seats
            and any(lo <= m["char_start"] and m["char_end"] <= hi for lo, hi in spans)]


def _own_council(ctx: DocumentContext, sentence: int, tok: Any) -> str | None:
    """The council a vote or resolution token names itself: the verb's subject or agent ("the council
    voted", "adopted by the Assembly"), the noun's possessor, compound or object of in/of/at/by/during
    ("the council's vote", "a Security Council resolution", "the vote in the council", "adopted during
    the General Assembly")."""
    near = [c for c in tok.children if c.dep_ in ("nsubj", "poss", "compound", "nmod")]
    near += [p for c in tok.children if c.dep_ in ("prep", "agent") and c.lower_ in ("in", "of", "at", "by", "during")
             for p in c.children if p.dep_ == "pobj"]
    if tok.dep_ in ("dobj", "nsubjpass") and tok.head.pos_ == "VERB":  # "the council adopted a resolution"
        verb = tok.head
        near += [c for c in verb.children if c.dep_ == "nsubj"]
        near += [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
    found = _councils_in(ctx, sentence, near)
    return found[0] if found else None


def document_council(ctx: DocumentContext) -> str | None:
    """The one council the document names as voting or as the author of a resolution, else None."""
    if "_document_council" not in ctx.__dict__:
        named = set()
        for sent in ctx.doc.sentences:
            if ctx.sdoc is None:
                break
            for tok in ctx.sentence_tokens(sent, _vote_words(ctx) | frozenset({"resolution"}), ("VERB", "NOUN")):
                council = _own_council(ctx, sent.index, tok)
                if council:
                    named.add(council)
        ctx.__dict__["_document_council"] = named.pop() if len(named) == 1 else None
    return ctx.__dict__["_document_council"]


def _vote_words(ctx: DocumentContext) -> frozenset[str]:
    return ctx.lex.words("council_vote_verbs")


def _vote_unheld(lex: Any, noun: Any) -> bool:
    """True if the noun "vote" is what a verb of not doing has as its object, or asks for ("delayed a
    vote", "blocked a vote", "called for a vote", "sought a vote": ``unheld_summons_verbs``): no vote
    is held by it."""
    verb = noun.head
    if noun.dep_ == "pobj" and verb.lower_ == "for":
        verb = verb.head
    elif noun.dep_ != "dobj":
        return False
    return verb.pos_ == "VERB" and verb.lemma_.lower() in lex.words("unheld_summons_verbs")


def _names_council(ctx: DocumentContext) -> bool:
    """True if the document names one of the councils at all (most do not: then no sentence is read)."""
    if "_names_council" not in ctx.__dict__:
        seats = _seats(ctx)
        ctx.__dict__["_names_council"] = any(party_key(m) in seats for ms in ctx.mentions.values() for m in ms)
    return ctx.__dict__["_names_council"]


def council_votes(ctx: DocumentContext, sent: Any) -> Iterator[tuple[Any, str, dict, bool]]:
    """The votes of a sentence that tell a council's meeting: ``(token, council, seat, own)``, the token
    the verb of voting or adopting, or the noun "vote", and ``own`` whether it names its council itself.
    A vote said not to happen ("did not vote") tells none."""
    if ctx.sdoc is None or not _names_council(ctx):
        return
    lex = ctx.lex
    seats = _seats(ctx)
    voting, adopting = _vote_words(ctx), lex.words("resolution_verbs")
    for tok in ctx.sentence_tokens(sent, voting | adopting | frozenset({"vote"}), ("VERB", "NOUN")):
        lemma = tok.lemma_.lower()
        if tok.pos_ == "VERB" and (syntax.denied(tok) or not told_done(lex, tok)):
            # "did not vote"; "threatened to veto", "could vote" (no vote held); "has voted several times":
            # votes told together, none of them one meeting
            continue
        if tok.pos_ == "NOUN" and (lemma != "vote" or _vote_unheld(lex, tok)):
            continue
        if tok.pos_ == "VERB" and lemma in adopting and lemma not in voting:
            # a resolution adopted: its object, passive subject or the noun it describes
            resolution = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() == "resolution"]
            if tok.dep_ in ("acl", "relcl") and tok.head.lemma_.lower() == "resolution":
                resolution.append(tok.head)
            if not resolution or any(r.tag_ == "NNS" for r in resolution):
                continue  # ("18 resolutions adopted this year": many votes, none of them told)
            council = _own_council(ctx, sent.index, tok) or next(
                (c for r in resolution if (c := _own_council(ctx, sent.index, r))), None)
        else:
            council = _own_council(ctx, sent.index, tok)
        own = council is not None
        if not own and tok.pos_ == "VERB" and (lemma in voting or any(c.dep_ in ("nsubj", "agent") for c in tok.children)):
            continue  # "lawmakers voted", "Congress passed a resolution": another body's vote
        council = council or document_council(ctx)
        if council is not None:
            yield tok, council, dict(seats[council]), own  # a venue of its own for each meeting
