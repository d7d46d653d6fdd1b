"""Visits of leaders and ministers abroad: "the president arrives Wednesday in Jerusalem", "her
visit to Tokyo", "Trump's decision to visit Mexico". A leader who goes to another country meets its
government there; :func:`journeys` finds the visitor's country and the place visited, and
:mod:`parley.process.meetings` makes each a meeting (``visit_verbs`` in the lexicon).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from parley.process import syntax
from parley.process.dateline import filed_from
from parley.process.participants import acts_for_state, pronoun_leaders, pronoun_state
from parley.process.pronouns import person_pronouns

# the flags of a visit told by the visitor's presence ("was in Ankara on Monday"), and of one told in
# the report's present ("is in Ankara")
PRESENCE = "presence"
PRESENT = "present"


def journeys(ctx: Any, sent: Any) -> list[tuple[Any, str, dict]]:
    """The visits told in one sentence: ``(token, visitor's country, place visited)``, the place in
    another country than the visitor's.

    :param ctx: the :class:`~parley.process.context.DocumentContext`.
    :param sent: a :class:`~parley.document.Sentence`.
    """
    if ctx.sdoc is None or not ctx.mentions.get(sent.index):
        return []
    lex, out = ctx.lex, []
    sending, journey = lex.words("sending_verbs"), lex.words("journey_nouns")
    verbs = lex.words("visit_verbs") | sending | journey
    places = [p for p in ctx.places.get(sent.index, []) if p.get("feature") in ("city", "country") and p.get("country")]
    # a country the actors stage read as a state and the place index left out ("heads to Israel")
    places += [{**{k: m.get(k) for k in ("text", "char_start", "char_end", "sentence")}, "name": m.get("text"),
                "country": m["country"], "feature": "country", "geonameid": None, "lat": None, "lon": None}
               for m in ctx.mentions.get(sent.index, []) if m.get("type") == "state" and m.get("country")
               and not any(p["char_start"] < m["char_end"] and m["char_start"] < p["char_end"] for p in places)
               and (r := ctx.root(m["char_start"], m["char_end"])) is not None and r.pos_ == "PROPN"]
    for tok in ctx.sentence_tokens(sent, verbs, ("VERB", "NOUN")):
        lemma = tok.lemma_.lower()
        if (lemma in sending and tok.pos_ != "VERB") or (lemma in journey and tok.pos_ != "NOUN"):
            continue  # "a send-off", "trip over": neither sends anyone nor goes anywhere
        visitor = _visitor(ctx, sent, tok, sent_by=lemma in sending)
        where = _destination(ctx, tok, places)
        if where is None and visitor is not None and _bare_visit(tok):
            where = filed_from(ctx)
        if visitor is not None and where is not None and where["country"] != visitor \
                and not _to_own_troops(ctx, sent, tok, visitor):
            out.append((tok, visitor, where))
    return out


def _to_own_troops(ctx: Any, sent: Any, tok: Any, visitor: str) -> bool:
    """True if the visit is made only to the visitor's own troops ("made a surprise visit to the
    country to thank its own soldiers", "flew to the base to visit British troops", "visited American
    soldiers in the desert"): a leader who goes to his country's forces abroad meets them, not the
    host's government. Troops named as another country's ("visited Iraqi troops") are not his own,
    and a visit that has another purpose naming another state's leader or minister ("to visit French
    troops and to meet Niger's president", "before meeting the Afghan president") meets him."""
    troop_nouns = ctx.lex.words("troop_nouns")
    gov = syntax.governing_verb(tok) if tok.pos_ != "VERB" else None
    verbs = [v for v in (tok, gov) if v is not None]
    # the verb itself and its purpose ("to thank", "to visit"), on the visit or on the clause it is told in
    doers = verbs + [c for v in verbs for c in v.children if c.dep_ in ("advcl", "xcomp", "acl") and c.pos_ == "VERB"]
    troops = [o for v in doers for o in v.children if o.dep_ == "dobj" and o.lemma_.lower() in troop_nouns]
    troops += [o for p in tok.children if p.dep_ == "prep" and p.lower_ == "to" for o in p.children
               if o.dep_ == "pobj" and o.lemma_.lower() in troop_nouns]
    mentions = ctx.mentions.get(sent.index, [])
    own = []
    for troop in troops:
        lo, hi = syntax.left_extent(troop)
        if not any(lo <= m["char_start"] and m["char_end"] <= hi and m.get("country") not in (None, visitor)
                   for m in mentions):
            own.append((lo, hi))
    return bool(own) and not _meets_other_state(ctx, verbs, mentions, visitor, own)


# how many clauses deep a visit's other purposes may lie ("flew to X to visit troops and to sign an
# agreement with the president": the signing is the conjunct of the purpose of the flight)
PURPOSE_DEPTH = 3


def _meets_other_state(ctx: Any, verbs: list[Any], mentions: list[dict], visitor: str,
                       troops: list[tuple[int, int]]) -> bool:
    """True if a purpose or conjunct of the visit's verbs, not denied, names a leader or minister of
    another state than the visitor's (outside the troops' own words): the visit meets him too."""
    actions, frontier = {v.i for v in verbs}, list(verbs)
    for _ in range(PURPOSE_DEPTH):
        # purposes, conjuncts, and "before/after meeting X" (a verb under a preposition)
        frontier = [c for v in frontier for c in v.children if c.pos_ in ("VERB", "AUX") and (
            c.dep_ in ("advcl", "xcomp", "acl", "conj", "pcomp"))] + [
            g for v in frontier for p in v.children if p.dep_ == "prep" for g in p.children
            if g.dep_ == "pcomp" and g.pos_ == "VERB"]
        actions |= {v.i for v in frontier}
    for m in mentions:
        if m.get("country") in (None, visitor) or not acts_for_state(m) or any(
                lo <= m["char_start"] and m["char_end"] <= hi for lo, hi in troops):
            continue
        root = ctx.root(m["char_start"], m["char_end"])
        verb = syntax.governing_verb(root) if root is not None else None
        if verb is not None and verb.i in actions and not syntax.denied(verb):
            return True
    return False


def presences(ctx: Any, sent: Any) -> list[tuple[int, int, str, dict, bool]]:
    """The visits a sentence tells by the visitor's presence: "Pence and Pompeo are in Ankara", "the
    minister is due in Seoul", "the premier said in Tokyo on Friday". A leader or minister who is, or speaks, in
    a city or country other than their own is there on a visit. Read on the text (a person, then the
    words of ``presence_words`` or ``presence_words_dated``, then "in" and the place): news tells it
    in sentences without a verb of an event, which the nlp stage leaves unparsed. A pronoun ("he was in
    Ankara on Monday") stands for the leaders named before it
    (:func:`~parley.process.participants.pronoun_leaders`). An ambassador lives where he is posted, so
    is no visitor there.

    :returns: ``(start, end, visitor's country, place, told now)`` for each, ``start`` at the words
        after the person, ``end`` at the end of the place; ``told now`` for words of the report's
        present ("is in", "is due in"), not of another time ("was in", "will be in", "said in").
    """
    people = [m for m in ctx.mentions.get(sent.index, []) if m.get("type") == "person" and acts_for_state(m)]
    places = [p for p in ctx.places.get(sent.index, []) if p.get("feature") in ("city", "country") and p.get("country")]
    if not places:
        return []
    now, dated = _presence_pattern(ctx.lex, "presence_words"), _presence_pattern(ctx.lex, "presence_words_dated")
    text, out = ctx.doc.text, []
    for person in people + _pronouns(ctx, sent):
        place = next((p for p in places if p["char_start"] > person["char_end"]), None)
        if place is None:
            continue
        between = text[person["char_end"]:place["char_start"]]
        told = now.fullmatch(between) or dated.fullmatch(between)
        if not told:
            continue
        doer = person if person.get("type") else _pronoun_doer(ctx, sent, person)
        if doer.get("country") not in (None, place["country"]) and "ambassador" not in (doer.get("role") or ""):
            out.append((person["char_end"] + told.start(1), place["char_end"], doer["country"], place,
                        told.re is now))
    return out


def _pronouns(ctx: Any, sent: Any) -> list[dict]:
    """The third-person subject pronouns of a sentence (``subject_pronouns``: "he is in Seoul", "they
    were in Paris"), as spans (read on the text: a sentence that tells a presence alone is often left
    unparsed)."""
    if ctx.sdoc is None:
        return []
    return [{"char_start": sent.char_start + m.start(), "char_end": sent.char_start + m.end()}
            for m in _word_pattern(person_pronouns(ctx.lex, "subject")).finditer(sent.text)]


@lru_cache(maxsize=8)
def _word_pattern(words: frozenset[str]) -> re.Pattern:
    """A pattern of ``words`` as whole words, in any case."""
    return re.compile(r"\b(?:%s)\b" % "|".join(sorted(map(re.escape, words))), re.IGNORECASE)


def _pronoun_doer(ctx: Any, sent: Any, span: dict) -> dict:
    """ "He was in Ankara on Monday": the leader the pronoun of ``span`` stands for, or {}."""
    toks = ctx.sdoc.char_span(span["char_start"], span["char_end"])
    return next(iter(pronoun_leaders(ctx, sent, toks[0])), {}) if toks else {}


def _presence_pattern(lex: Any, key: str) -> re.Pattern:
    """The words between a person and a place (group 1 the words of ``key``), "in", and "the resort
    town of" where the place is named so."""
    return _words_then_in(lex.words(key))


@lru_cache(maxsize=8)
def _words_then_in(phrases: frozenset[str]) -> re.Pattern:
    words = "|".join(re.escape(w) for w in sorted(phrases, key=len, reverse=True)) or "(?!)"
    nouns = "|".join(syntax.PLACE_NOUNS)
    return re.compile(rf"\s+((?:{words})\s+in)\s+(?:the\s+(?:[\w-]+\s+){{0,3}}(?:{nouns})\s+of\s+)?", re.IGNORECASE)


def _bare_visit(tok: Any) -> bool:
    """ "During his three-day visit", "Obama's visit": a visit noun with its visitor named and no
    place of its own (none after "to" or "in", no place before it)."""
    return tok.pos_ == "NOUN" and any(c.dep_ == "poss" for c in tok.children) and not any(
        c.dep_ == "prep" and c.lower_ in ("to", "in") for c in tok.children) and not any(
        c.dep_ == "compound" and c.pos_ == "PROPN" for c in tok.children)


def _visitor(ctx: Any, sent: Any, tok: Any, sent_by: bool = False) -> str | None:
    """The country of the leader or minister who makes the visit: the verb's subject, or the
    possessor of the noun ("Trump's visit", "his decision to visit" after the leader is named).
    With ``sent_by`` (a verb of sending: "Trump dispatched Pompeo to Pyongyang", "Pompeo, who was
    sent to Riyadh") the one sent: the verb's object, or its passive subject."""
    cands = []
    if sent_by:
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children)
        sent_one = syntax.subject_of(tok) if passive else next((c for c in tok.children if c.dep_ == "dobj"), None)
        cands = [sent_one] if sent_one is not None else []
    elif tok.pos_ == "VERB":
        subj = syntax.subject_of(tok)
        if subj is None and tok.dep_ in ("acl", "xcomp") and tok.head.pos_ == "NOUN":
            subj = next((c for c in tok.head.children if c.dep_ == "poss"), None)  # "Trump's decision to visit"
        cands = [subj] if subj is not None else []
    else:  # "Trump's visit", "the visit to Havana by the secretary of state"
        cands = [c for c in tok.children if c.dep_ == "poss"] + [
            o for p in tok.children if p.dep_ == "prep" and p.lower_ == "by" for o in p.children if o.dep_ == "pobj"]
        light = _light_verb(ctx, tok)
        if not cands and light is not None and (subj := syntax.subject_of(light)) is not None:
            cands = [subj]  # "Xi will pay a state visit to Pyongyang": the light verb's subject visits
    gov = syntax.governing_verb(tok) or next((a for a in tok.ancestors if a.pos_ in ("VERB", "AUX")), None)
    if tok.pos_ == "NOUN" and not cands and gov is not None and _occasion_of_clause(ctx, tok, gov):
        # "on a visit to Doha, Soto praised ...", "she was in Madrid on a state visit": the visit is made
        # by the subject of the clause
        subj = syntax.subject_of(gov)
        cands = [subj] if subj is not None else []
    pron = next((c for c in cands if c.pos_ == "PRON"), None)
    if pron is not None:  # "in his first visit to Israel, Obama ..."
        subj = syntax.subject_of(gov) if gov is not None else None
        if subj is None and pron.dep_ == "poss":  # "his visit": the one leader the sentence names
            leaders = {m["country"] for m in ctx.mentions.get(sent.index, []) if acts_for_state(m)}
            if leaders:
                return leaders.pop() if len(leaders) == 1 else None
        if subj is None or subj.pos_ == "PRON":  # "he will visit Tokyo", "his visit" with no leader named
            return pronoun_state(ctx, sent, subj if subj is not None else pron)
        cands = [subj]
    for cand in cands:
        lo, hi = syntax.left_extent(cand)
        for m in ctx.mentions.get(sent.index, []):
            if m["char_start"] < hi and lo < m["char_end"] and acts_for_state(m):
                return m["country"]
    return None


def _occasion_of_clause(ctx: Any, noun: Any, verb: Any) -> bool:
    """True if a visit noun is the occasion of ``verb``'s clause: the object of a preposition of
    ``occasion_preps`` hanging on the verb ("on a visit to Doha, Soto met ...", "Soto met Ruiz during
    a visit to Lima", "Soto spoke in a visit to Lima")."""
    if noun.dep_ != "pobj" or noun.head.head.i != verb.i:
        return False
    return noun.head.lower_ in ctx.lex.words("occasion_preps") or _there_for(noun, verb)


def _there_for(noun: Any, verb: Any) -> bool:
    """True if a visit noun is what one is somewhere for ("was in Rome for a state visit"): the
    object of "for" on the verb "be", which says the visitor's presence, not another's purpose."""
    return noun.head.lower_ == "for" and verb.lemma_.lower() == "be"


def _place_of_stay(ctx: Any, tok: Any) -> Any:
    """The verb "be" a visit noun is the occasion of ("was in Paris on a state visit", "was in Rome
    for a state visit"): a place "in" on it is where the visit is made. None otherwise."""
    gov = tok.head.head if tok.pos_ == "NOUN" and tok.dep_ == "pobj" else None
    if gov is None or gov.lemma_.lower() != "be" or not _occasion_of_clause(ctx, tok, gov):
        return None
    return gov


def _destination(ctx: Any, tok: Any, places: list[dict]) -> dict | None:
    """The place a visit goes to: the verb's object ("visit Mexico"), or "to"/"in" a place on the
    verb or noun ("arrives in Jerusalem", "heads to Israel", "her visit to Tokyo", "arrived in the
    Saudi capital of Riyadh"), or on the light verb of a visit noun ("paid a visit to Seoul"), or
    on the verb of being a visit noun is the occasion of ("was in Paris on a state visit")."""
    holder = _light_verb(ctx, tok) or _place_of_stay(ctx, tok)
    holders = {tok.i} if holder is None else {tok.i, holder.i}
    for place in places:
        root = _through_bare_date(ctx, syntax.place_phrase_root(ctx.root(place["char_start"], place["char_end"])))
        if root is None:
            continue
        if root.dep_ == "dobj" and root.head.i == tok.i and tok.pos_ == "VERB":
            return place
        if root.dep_ == "pobj" and root.head.lower_ in ("to", "in") and root.head.head.i in holders:
            return place
    return None


def _light_verb(ctx: Any, tok: Any) -> Any:
    """The light verb a visit or trip noun is the object of ("paid a visit", "made a two-day trip":
    ``visit_light_verbs``), or None."""
    if tok.pos_ == "NOUN" and tok.dep_ == "dobj" and tok.head.lemma_.lower() in ctx.lex.words("visit_light_verbs"):
        return tok.head
    return None


def _through_bare_date(ctx: Any, root: Any) -> Any:
    """The token that stands for a place in the clause. News style drops "on" before a day ("arrived
    in Kiev Monday"), and the parser then reads the place as a modifier of the day, which takes the
    place's role (object of "in"): there the day, a time the times stage read, stands for the place."""
    if root is None or root.dep_ != "compound" or root.head.i <= root.i:
        return root
    day = root.head
    sent = ctx.doc.sentence_at(day.idx)
    times = ctx.times.get(sent.index, []) if sent is not None else []
    if any(t.get("char_start") is not None and t["char_start"] <= day.idx < t["char_end"] for t in times):
        return day
    return root
