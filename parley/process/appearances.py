"""Leaders seen together: "told a joint news conference with the prime minister", "speaking alongside
the chancellor in Berlin", "the president hosted the king at the White House". News often tells a
meeting of two leaders only by the appearance they make together or by the one who receives the
other; :func:`appearances` finds them, :mod:`parley.process.meetings` makes each a meeting between
the two (words in ``parley/data/processes.yaml``: ``appearance_nouns``, ``appearance_modifiers``,
``appearance_preps``, ``beside_preps``, ``hosting_verbs``). See docs/processes.md (issue 20).
"""

from __future__ import annotations

from typing import Any

from parley.process import syntax
from parley.process.participants import acts_for_state, pronoun_state

JOINT = "joint appearance"
HOSTED = "hosted"
# "Macron said at a joint White House press conference": a joint appearance abroad whose partner is
# not named is with the host country's leader
JOINT_WITH_HOST = "joint appearance with the host"
APPEARANCES = frozenset({JOINT, HOSTED, JOINT_WITH_HOST})


def appearances(ctx: Any, sent: Any) -> list[tuple[Any, Any, list[Any], str]]:
    """The appearances of two leaders of different countries told in one sentence: ``(trigger token,
    governing verb, tokens naming the partner, flag)``. The one who appears with the partner is the
    verb's subject; both are persons of a government (a leader met "alongside his wife" is no party).

    :param ctx: the :class:`~parley.process.context.DocumentContext`.
    :param sent: a :class:`~parley.document.Sentence`.
    """
    if ctx.sdoc is None or len(_leaders(ctx, sent, sent.char_start, sent.char_end)) < 1:
        return []
    lex, out = ctx.lex, []
    nouns, modifiers = lex.words("appearance_nouns"), lex.words("appearance_modifiers")
    with_preps, beside = lex.words("appearance_preps"), lex.words("beside_preps")
    # only these can be a trigger (read from the doc's columns, not a Token object a word)
    hosting, light, standing = lex.words("hosting_verbs"), lex.words("hosting_light_verbs"), lex.words("standing_verbs")
    bare = lex.words("bare_appearance_nouns")
    for tok in ctx.sentence_tokens(sent, nouns | hosting | light | standing, ("NOUN", "VERB"), beside | {"to"}):
        lemma = tok.lemma_.lower()
        if tok.pos_ == "NOUN" and lemma in nouns and (lemma in bare or any(
                c.lower_ in modifiers for c in tok.children if c.dep_ in ("amod", "compound"))):
            # "a joint news conference with X", "held a press conference with X"
            gov = syntax.governing_verb(tok)
            partners = _objects(tok, with_preps) or (_objects(gov, with_preps) if gov is not None else []) \
                or _joint_subjects(ctx, tok, gov)
            if gov is not None and _two_sides(ctx, sent, gov, partners):
                out.append((tok, gov, partners, JOINT))
            elif gov is not None and not _named_sides(ctx, sent, partners) and _abroad(ctx, sent, tok, gov):
                # "a joint news conference with President X in Poland", X of no known country: the host
                out.append((tok, gov, [], JOINT_WITH_HOST))
        elif tok.dep_ == "prep" and (tok.lower_ in beside and tok.head.pos_ in ("VERB", "AUX") or _next_to(tok)):
            # "speaking alongside X in Berlin, the president said", "standing next to X"
            gov = tok.head if tok.head.pos_ in ("VERB", "AUX") else tok.head.head
            partners = [o for o in tok.children if o.dep_ == "pobj"]
            if _two_sides(ctx, sent, gov, partners):
                out.append((tok, gov, partners, JOINT))
        elif tok.pos_ == "VERB" and lemma in hosting:
            # "the president hosted the king", "Abe welcomed Modi to Tokyo"
            partners = [c for c in tok.children if c.dep_ == "dobj"]
            if _two_sides(ctx, sent, tok, partners):
                out.append((tok, tok, partners, HOSTED))
        elif tok.pos_ == "VERB" and lemma in light:
            # "Merkel played host to Li in Berlin": the guests after "to", on the verb or on "host"
            nouns_of_hosting = [c for c in tok.children if c.dep_ == "dobj" and c.lemma_.lower() in lex.words("hosting_nouns")]
            partners = [x for h in [tok, *nouns_of_hosting] for x in _objects(h, {"to"})] if nouns_of_hosting else []
            partners += [c for p in partners for c in p.conjuncts]
            if _two_sides(ctx, sent, tok, partners):
                out.append((tok, tok, partners, HOSTED))
        elif tok.pos_ == "VERB" and lemma in standing and _standing_in_person(ctx, sent, tok):
            # "Abe stood with Modi on the banks of the Ganges": leaders standing together appear together
            partners = _objects(tok, {"with"})
            if _two_sides(ctx, sent, tok, partners):
                out.append((tok, tok, partners, JOINT))
    return out


def _standing_in_person(ctx: Any, sent: Any, verb: Any) -> bool:
    """True if "stood with" tells two people standing in one place: the verb has a place or a time of
    its own ("stood with Modi on the banks of the river on Saturday"), and is not what someone says
    ("said that he stood with the Ukrainian president": support, said anywhere)."""
    if verb.dep_ == "ccomp" and verb.head.lemma_.lower() in ctx.lex.words("report_verbs"):
        return False
    for said in (*ctx.places.get(sent.index, []), *ctx.times.get(sent.index, [])):
        if said.get("char_start") is None:
            continue
        root = ctx.root(said["char_start"], said["char_end"])
        if root is not None and root.i != verb.i and syntax.governing_verb(root) is not None \
                and syntax.governing_verb(root).i == verb.i:
            return True
    return False


def _joint_subjects(ctx: Any, noun: Any, verb: Any) -> list[Any]:
    """ "Merkel and Abe held a joint news conference": the others of the subjects, joined by "and", of
    an appearance in person called joint are its partners (a joint statement may be issued apart)."""
    if verb is None or not _joint_in_person(ctx, noun):
        return []
    subj = subject(verb)
    return list(subj.conjuncts) if subj is not None else []


def _abroad(ctx: Any, sent: Any, noun: Any, verb: Any) -> bool:
    """ "Macron said at a joint White House press conference", "told a joint news conference in Tokyo":
    an appearance called joint, by one leader (the verb's subject), placed inside its own phrase in a
    city or country other than the leader's ("in Poland"). A joint appearance has two sides; where only
    one is named (or the partner named is of no known country), the other is the host, whose leader the
    visitor appears with."""
    if not _joint_in_person(ctx, noun):
        return False
    subj = subject(verb)
    if subj is None or subj.pos_ == "PRON":
        return False
    own = {m["country"] for m in _leaders(ctx, sent, *syntax.left_extent(subj))}
    lo, hi = noun.left_edge.idx, noun.right_edge.idx + len(noun.right_edge.text)
    cities = {p.get("country") for p in ctx.places.get(sent.index, [])
              if p.get("feature") in ("city", "country") and lo <= p["char_start"] and p["char_end"] <= hi}
    return len(own) == 1 and len(cities) == 1 and None not in cities and not cities <= own


def _joint_in_person(ctx: Any, noun: Any) -> bool:
    """True if a noun is an appearance in person (``presence_nouns``) called joint ("a joint news
    conference"), not a joint statement, which may be issued apart."""
    return noun.lemma_.lower() in ctx.lex.words("presence_nouns") and \
        any(c.lower_ == "joint" for c in noun.children if c.dep_ in ("amod", "compound"))


def _named_sides(ctx: Any, sent: Any, partners: list[Any]) -> bool:
    """True if a partner names a person of a government of a known country."""
    return any(_leaders(ctx, sent, *syntax.left_extent(p)) for p in partners)


def _next_to(tok: Any) -> bool:
    """ "standing next to X": "to" on "next", which modifies a verb."""
    return tok.lower_ == "to" and tok.head.lower_ == "next" and tok.head.head.pos_ in ("VERB", "AUX")


def _objects(head: Any, preps: set[str]) -> list[Any]:
    """The objects of the prepositions ``preps`` hung on ``head`` ("with visiting Prime Minister X": the
    parser reads "visiting" as a verb whose object is the visitor; it describes the one after it)."""
    return [x for p in head.children if p.dep_ == "prep" and p.lower_ in preps
            for o in p.children if o.dep_ == "pobj" or (o.dep_ == "pcomp" and o.lower_ == "visiting")
            for x in ([o] if o.dep_ == "pobj" else [c for c in o.children if c.dep_ == "dobj"])]


def subject(verb: Any) -> Any:
    """The subject of ``verb``, or of the clause a participle without one modifies ("Speaking
    alongside X, the president said")."""
    subj = syntax.subject_of(verb)
    if subj is None and verb.dep_ in ("advcl", "acl", "xcomp") and verb.head.i != verb.i:
        return syntax.subject_of(verb.head)
    return subj


def _two_sides(ctx: Any, sent: Any, verb: Any, partners: list[Any]) -> bool:
    """True if the verb's subject and the partner are leaders of two different countries."""
    subj = subject(verb)
    if subj is None or not partners:
        return False
    own = {m["country"] for m in _leaders(ctx, sent, *syntax.left_extent(subj))}
    if subj.pos_ == "PRON" and not own:  # "he told a news conference with X": the leader named before
        state = pronoun_state(ctx, sent, subj)
        own = {state} if state else set()
    other = {m["country"] for p in partners for m in _leaders(ctx, sent, *syntax.left_extent(p))}
    return len(own) == 1 and bool(other) and not other <= own


def _leaders(ctx: Any, sent: Any, lo: int, hi: int) -> list[dict]:
    """The persons who act for their state (:func:`acts_for_state`) named between ``lo`` and ``hi``
    in the sentence."""
    return [m for m in ctx.mentions.get(sent.index, []) if lo <= m["char_start"] and m["char_end"] <= hi
            and acts_for_state(m)]
