"""Decisions about a process itself: a host that stops hosting, the condition to resume, a
proposal to rotate or move the venue, an offer to host."""

from __future__ import annotations

import re
from typing import Any

from parley.process import syntax
from parley.process.context import PRECISION_RANK, SPECIFIC_PRECISIONS, DocumentContext, span_dict
from parley.process.participants import actor_key

def decisions_in_sentence(ctx: DocumentContext, sent: Any, meetings: list[Any]) -> list[dict]:
    """Return the decisions about a process that one sentence reports.

    :param ctx: the document context.
    :param sent: the sentence.
    :param meetings: the meeting phrases found in it (to tie "the last one" to a round).
    """
    lex, doc, out = ctx.lex, ctx.doc, []
    seen = set()
    for kind, _text, s, e in lex.decisions.finditer(sent.text, sent.char_start):
        if kind in seen:
            continue
        seen.add(kind)
        actors = [m for m in ctx.mentions.get(sent.index, [])
                  if m.get("type") in ("state", "organ", "person", "igo") and m.get("country") or m.get("type") == "igo"]
        actor = _decision_actor(ctx, s, actors)
        if kind in ("stop_hosting", "resume_condition", "offer_host") and (
                actor is None or actor.get("country") not in _venue_countries(ctx)):
            actor = _host_actor(ctx, sent, actors) or actor
        lowered = sent.text.lower()
        proposal = any(re.search(rf"\b{re.escape(c)}\b", lowered) for c in lex.words("proposal_cues"))
        condition = _condition(ctx, sent, kind)
        times = [t for t in ctx.times.get(sent.index, []) if t.get("start") and t.get("kind") != "duration"
                 and t.get("precision") in SPECIFIC_PRECISIONS]
        when = min(times, key=lambda t: (PRECISION_RANK.get(t.get("precision"), 9), abs(t["char_start"] - s)),
                   default=None)
        precision = when.get("precision") if when else None
        ordinals = [m.ordinal for m in meetings if m.ordinal is not None]
        decision = {
            "kind": kind,
            "status": "proposed" if proposal and kind in ("rotate_venues", "offer_host") else "announced",
            "actor": actor_key(actor) if actor else None,
            "actor_name": (actor.get("name") or actor.get("text")) if actor else None,
            "country": actor.get("country") if actor else None,
            "date": when["start"] if when else None, "precision": precision,
            "reported": ctx.published.isoformat() if ctx.published else None,
            "date_from": "text" if when else None,
            "after_ordinal": ordinals[0] if ordinals and kind == "stop_hosting" else None,
            "condition": condition,
            "members": sorted({actor_key(m) for m in actors if m.get("type") == "state"})
            if kind == "rotate_venues" else [],
            "cue": span_dict(doc, s, e, sent.index),
            "evidence": span_dict(doc, sent.char_start, sent.char_end, sent.index),
        }
        out.append(decision)
    return out


def _decision_actor(ctx: DocumentContext, cue_start: int, actors: list[dict]) -> dict | None:
    if not actors:
        return None
    cue = ctx.root(cue_start, cue_start + 1)
    verb = syntax.governing_verb(cue) if cue is not None else None
    while verb is not None:
        subj = syntax.subject_of(verb)
        if subj is not None and subj.pos_ != "PRON":
            lo, hi = syntax.left_extent(subj)
            hit = [m for m in actors if lo <= m["char_start"] and m["char_end"] <= hi + 1]
            if hit:
                return hit[0]
        verb = syntax.governing_verb(verb)
    states = [m for m in actors if m.get("type") in ("state", "organ")]
    return (states or actors)[0]


def _venue_countries(ctx: DocumentContext) -> set[str]:
    return {v["country"] for p in ctx.lex.processes.values() for v in p.get("venues", [])}


def _host_actor(ctx: DocumentContext, sent: Any, actors: list[dict]) -> dict | None:
    """The state whose venue a host decision is about: "Astana Ready to Resume Syria Talks"."""
    for label, text, s, e in ctx.lex.venues.finditer(sent.text, sent.char_start):
        country = ctx.lex.venue_country(label, text)
        named = [m for m in actors if m.get("country") == country]
        if named:
            return named[0]
        return {"text": text, "char_start": s, "char_end": e, "actor_id": country, "name": country,
                "type": "state", "country": country}
    return None


def _condition(ctx: DocumentContext, sent: Any, kind: str) -> dict | None:
    if kind != "resume_condition":
        return None
    for cue in ctx.lex.words("condition_cues"):
        m = re.search(rf"\b{re.escape(cue)}\b", sent.text, re.IGNORECASE)
        if not m:
            continue
        start = sent.char_start + m.start()
        tok = ctx.root(start, start + len(cue))
        if tok is not None and tok.head.i != tok.i:
            clause = list(tok.head.subtree)
            lo, hi = clause[0].idx, clause[-1].idx + len(clause[-1].text)
            return span_dict(ctx.doc, lo, hi, sent.index)
        end = sent.text.find(",", m.start())
        return span_dict(ctx.doc, start, sent.char_start + (end if end > 0 else len(sent.text)), sent.index)
    return None
