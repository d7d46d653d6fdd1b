"""Whether a meeting phrase names one meeting, and of which process: "future talks" and "a meeting"
are generic, "the second round of the presidential elections" is no meeting of a process, "the
possibility of talks" may never happen; "the Astana talks" name their process.
"""

from __future__ import annotations

from typing import Any

from parley.process import syntax
from parley.process.calendar import names_gathering
from parley.process.context import DocumentContext, inside
from parley.process.mention import WHERE, MeetingMention
from parley.process.venues import located

def first_of_kind(head: Any, cues: set[str]) -> bool:
    """ "the first round since June", "the first round to be held in Nur-Sultan"."""
    if head is None:
        return False
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ in cues:
            return True
        if child.dep_ in ("acl", "relcl", "advcl") and any(c.lower_ in cues for c in child.children
                                                          if c.dep_ in ("aux", "mark")):
            return True
    return False


def eventuality(ctx: DocumentContext, mm: MeetingMention) -> bool:
    """ "the possibility of direct talks", "calls for a summit", "no interest in talks": a meeting that
    may or may not come. After a noun of inclination (``inclination_nouns``) only where that is
    denied or the meeting is neither dated nor placed ("keen interest in the summit in Singapore on
    Tuesday" is interest in a held meeting)."""
    head = mm.head
    if mm.verbal or head is None or head.dep_ != "pobj":
        return False
    prep, noun = head.head.lower_, head.head.head
    lemma = noun.lemma_.lower()
    if lemma in ctx.lex.words_after("hypothetical_nouns", prep):
        return True
    if lemma not in ctx.lex.words_after("inclination_nouns", prep):
        return False
    return _lacking(ctx, noun) or not (mm.dated or mm.venue is not None)


def _lacking(ctx: DocumentContext, noun: Any) -> bool:
    """True if a noun is denied: a word of ``lacking_words`` before it ("no interest", "little
    willingness") or a negated verb over it ("did not show any interest")."""
    if any(c.dep_ in ("det", "amod") and c.lower_ in ctx.lex.words("lacking_words") for c in noun.children):
        return True
    verb = syntax.governing_verb(noun)
    return verb is not None and syntax.denied(verb)


def conditional(ctx: DocumentContext, mm: MeetingMention) -> bool:
    """ "It is unclear whether the two will meet in Doha", "asked if the summit would go ahead": a
    meeting in a clause of whether or if (``conditional_marks``) may or may not happen, so it is none."""
    if mm.gov is None:
        return False
    marks = ctx.lex.words("conditional_marks")
    return any(c.dep_ == "mark" and c.lower_ in marks for v in syntax.verb_chain(mm.gov) for c in v.children)


def of_something_else(ctx: DocumentContext, mm: MeetingMention, phrase: str) -> bool:
    """ "the second round of the presidential elections", "Congress": no meeting of a process.

    A round must be a round of talks (or of a named process), or stand alone in a document that
    names a process; a conference or congress must be one of a named process, or a gathering of
    states known by its own name ("the World Economic Forum": ``summits.yaml``).
    """
    lex = ctx.lex
    named = lex.aliases.search(phrase) or lex.venues.search(phrase) or (
        lex.numbered.search(phrase) if lex.numbered else None)
    if named or names_gathering(phrase):
        return False
    if mm.kind == "conference":
        return True
    if mm.kind != "round" or mm.head is None:
        return False
    for prep in (c for c in mm.head.children if c.dep_ == "prep" and c.lower_ == "of"):
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            text = ctx.doc.text[pobj.left_edge.idx:pobj.idx + len(pobj.text)]
            if not lex.meeting_words.search(text):
                return True
            return False
    return ctx.default_process is None and not any(
        kind != "round" for kind, *_ in lex.meeting_words.finditer(ctx.doc.sentence_at(mm.start).text))


def is_generic(ctx: DocumentContext, mm: MeetingMention, words: set[str]) -> bool:
    if mm.ordinal is not None:
        return False
    if mm.verbal:  # a meeting told by its verb is one meeting when it is dated or placed
        return not (mm.dated or mm.venue is not None)
    if words & ctx.lex.words("generic_cues"):  # "future talks", "any further round"
        return True
    if WHERE in mm.flags and _names_partner(ctx, mm):  # "Tehran, where he will hold talks with Rouhani"
        return False
    if (mm.side and mm.level) or any(t.get("precision") == "day" for t in mm.dates) or _held(ctx, mm):
        return False
    if words & {"a", "an"} and not (mm.dated and _names_partner(ctx, mm)) and not \
            (mm.venue is not None and _names_body(ctx, mm)):
        # ("cancelled a meeting with the president set for next week", "at the end of a G-7 summit in
        # Germany" are one meeting each: a body's summit in a named place is that one)
        return True
    head = mm.head
    if head is None:
        return not mm.dated
    # "two summits" are several; the number of a body's name is not ("the Group of 20 summit")
    if any(c.dep_ == "nummod" and not (c.i > 0 and c.doc[c.i - 1].lower_ == "of") for c in head.children):
        return True
    if head.tag_ == "NNS" and head.lemma_.lower() != head.lower_ and mm.kind in ("round", "summit", "conference"):
        return True
    if head.lower_ in ("meetings", "sessions", "rounds", "summits"):
        return True
    determined = any(c.dep_ in ("det", "poss", "amod", "nummod", "compound") for c in head.children)
    # "talks among representatives of the government and the opposition"
    determined = determined or any(c.dep_ == "prep" and c.lower_ in ("between", "among") for c in head.children)
    return not (determined or mm.dated or mm.relative)


def _held(ctx: DocumentContext, mm: MeetingMention) -> bool:
    """True if the meeting is the object of a verb of holding in the simple past ("Kerry held
    discussions in Beijing with ...", "the two sides held talks"): a past act, one meeting, where
    "they hold talks every year" or "talks are useful" speak of meetings in general."""
    head, gov = mm.head, mm.gov
    return head is not None and gov is not None and head.dep_ == "dobj" and head.head.i == gov.i \
        and gov.tag_ == "VBD" and gov.lemma_.lower() in ctx.lex.words("holding_verbs")


def _names_body(ctx: DocumentContext, mm: MeetingMention) -> bool:
    """True if the phrase names the international body whose meeting it is ("a G-7 summit")."""
    return any(m.get("type") == "igo" and inside(m, mm.start, mm.end) for m in ctx.mentions.get(mm.sentence, []))


def _names_partner(ctx: DocumentContext, mm: MeetingMention) -> bool:
    """True if the phrase names whom the meeting is with ("a meeting with the US president")."""
    if mm.head is None:
        return False
    for prep in (c for c in mm.head.children if c.dep_ == "prep" and c.lower_ in ("with", "between")):
        toks = list(prep.subtree)
        start, end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
        if any(inside(m, start, end) for m in ctx.mentions.get(mm.sentence, [])):
            return True
    return False


def process_of(ctx: DocumentContext, sent: Any, mm: MeetingMention, phrase: str) -> str | None:
    lex = ctx.lex
    label = ctx.venue_process(lex.aliases.search(phrase)) or ctx.venue_process(lex.venues.search(phrase))
    if label:
        return label
    if lex.numbered:
        n = lex.numbered.search(phrase)
        if n:
            return lex.venues.search(n.group(1))
    # a named place in the phrase that is no process venue: a meeting of no known process
    for place in ctx.places.get(sent.index, []):
        if inside(place, mm.start, mm.end) and place.get("feature") == "city" \
                and not lex.venues.search(place["text"]) and located(ctx, place):
            return None
    in_sentence = {ctx.venue_process(label) for label, *_ in lex.aliases.finditer(sent.text)} - {None}
    in_sentence |= {ctx.venue_process(label) for label, *_ in lex.venues.finditer(sent.text)} - {None}
    if len(in_sentence) == 1:
        return in_sentence.pop()
    return ctx.default_process
