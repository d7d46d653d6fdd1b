"""Venues the place index does not hold: a proper noun where a meeting happens ("the meeting at
Tacora", "talks at Camp Verde") or the name of a site ("the hill village of Tacora", "her
Lakeview estate").

Read from the parse alone: the noun must be the object of "at" or "in" that hangs from the meeting's
phrase or from the verbs that tell it, and no actor, place or time the earlier stages found.
"""

from __future__ import annotations

from typing import Any, Callable

from parley.process.context import RESIDENCE, venue_dict

# what the parser names these is no site: people, bodies, peoples, dates, events
NOT_SITES = {"PERSON", "ORG", "NORP", "DATE", "TIME", "EVENT", "CARDINAL", "ORDINAL"}


def _taken(ctx: Any, sent: Any, start: int, end: int) -> bool:
    spans = [*ctx.mentions.get(sent.index, []), *ctx.places.get(sent.index, []), *ctx.times.get(sent.index, [])]
    return any(s["char_start"] < end and start < s["char_end"] for s in spans)


def _proper_name(token: Any, named_site: bool = False) -> tuple[int, int] | None:
    """Characters of the proper name a token heads, with its proper-noun compounds ("Camp David").

    :param named_site: the name follows a site noun ("the village of Tacora"), which says what
        it names whatever the parser's entity label.
    """
    if token.pos_ != "PROPN" or not token.text[:1].isupper():
        return None
    if not named_site and (token.ent_type_ in NOT_SITES or any(c.dep_ == "prep" for c in token.children)):
        return None  # "the Group of 20": a body, not a site
    left = min([token, *(c.left_edge for c in token.children if c.dep_ == "compound" and c.i < token.i)],
               key=lambda t: t.i)
    return left.idx, token.idx + len(token.text)


def _site_name(token: Any) -> tuple[int, int] | None:
    """ "the village of Tacora" -> Tacora; "her Lakeview estate" -> Lakeview."""
    for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"):
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            name = _proper_name(pobj, named_site=True)
            if name:
                return name
    names = [c for c in token.children if c.dep_ in ("compound", "nmod") and c.i < token.i and c.pos_ == "PROPN"]
    if names:
        first = min((c.left_edge for c in names), key=lambda t: t.i)
        last = max((c.right_edge for c in names), key=lambda t: t.i)
        if first.text[:1].isupper():
            return first.idx, last.idx + len(last.text)
    return None


# determiners of a residence noun that takes up a residence named before ("his Texas ranch", "the retreat")
TAKING_UP = frozenset({"the", "his", "her", "their", "its"})


def _named_residence(ctx: Any, sent: Any, noun: Any) -> dict | None:
    """ "At his Texas ranch", "at the retreat", the name of the place left out: the one residence or
    retreat of the lexicon (``residences``) the report names, where the noun is one of a residence
    (``residence_nouns``: a hotel, a base or a hall is not taken for one), the place named before it,
    if any, lies in the residence's country ("Florida": the United States), the sentence names no
    city of another country (the meeting is held there) and names an actor of the residence's
    country (its leader receives guests there)."""
    if noun.lemma_.lower() not in ctx.lex.words("residence_nouns") or not any(
            c.dep_ in ("det", "poss") and c.lower_ in TAKING_UP for c in noun.children):
        return None
    named = {p["name"]: p for places in ctx.places.values() for p in places if p.get("via") == RESIDENCE}
    if len(named) != 1:
        return None
    residence = next(iter(named.values()))
    country = residence.get("country")
    # a city of another country in the sentence is where the meeting is held ("flew to Hanoi ... met at
    # the hotel"); a country named there need not be ("Brazil announced that ... at his resort")
    if any(p.get("feature") == "city" and p.get("country") not in (None, country)
           for p in ctx.places.get(sent.index, [])):
        return None
    # (a leader's residence receives his guests: one of its country takes part)
    if not any(m.get("country") == country for m in ctx.mentions.get(sent.index, [])):
        return None
    return venue_dict(residence)


def site_venue(ctx: Any, sent: Any, head: Any, chain: list[Any],
               venue_path: Callable[[Any, list[Any]], bool]) -> dict | None:
    """The site where a meeting happens, as a venue dict (``feature`` "site"), or None.

    :param head: the head token of the meeting phrase (or its verb).
    :param chain: the verbs that tell the meeting.
    :param venue_path: the test that a token says where the verbs of ``chain`` happen.
    """
    if ctx.sdoc is None or head is None:
        return None
    site_nouns = ctx.lex.words("site_nouns")
    span = ctx.sdoc.char_span(sent.char_start, sent.char_end, alignment_mode="expand") or []
    for tok in span:
        if tok.dep_ != "pobj" or tok.head.lower_ not in ("at", "in"):
            continue
        if not (tok.head.head == head or (chain and venue_path(tok, chain))):
            continue
        site = tok.lemma_.lower() in site_nouns
        where = _site_name(tok) if site else _proper_name(tok)
        if where is None or _taken(ctx, sent, *where):
            residence = _named_residence(ctx, sent, tok) if site else None
            if residence is not None:
                return residence
            continue
        text = ctx.doc.text[where[0]:where[1]]
        return {"text": text, "char_start": where[0], "char_end": where[1], "sentence": sent.index, "name": text,
                "geonameid": None, "country": None, "lat": None, "lon": None, "feature": "site"}
    return None
