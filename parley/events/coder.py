"""Code PLOVER/CAMEO events from a parsed document.

For each sentence: find trigger tokens that match a predicate entry (:func:`match_token`);
drop nominal triggers that sit inside another trigger's phrase ("attend *the talks*"); let
absorbing predicates ("agree to", "call for", "refuse to", "stop") take the nearest embedded
trigger as their content; then read each remaining trigger's actors and recipients
(:mod:`parley.events.arguments`), modality and reporting frame (:mod:`parley.events.modality`),
apply PLOVER's rules for future and refused cooperation, and attach date, place, context,
evidence and confidence (:mod:`parley.events.attach`).

Example::

    events = code_document(doc, load_lexicon())
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from parley.codebooks import cameo_code
from parley.events.arguments import ArgumentReader, subject_of
from parley.events.attach import Attacher, actor_record
from parley.events.discards import LEAD_SENTENCES
from parley.events.hardnews import (abstract_target, anonymous_parties, compelled, generic_when, implicit_objects,
                                    named_not_reported, natural_cause, not_until, press_only, publication, toll_of)
from parley.events.lexicon import Lexicon, specificity
from parley.events.modality import ordered, read_modality

KIND_CONFIDENCE = {"verb": 0.8, "adj": 0.7, "noun": 0.6}
# CAMEO dictionary matches: a verb's own code, and a pattern (plus 0.05 per constraint).
CAMEO_CONFIDENCE = {"default": 0.55, "pattern": 0.6}
MODIFIER_CLAUSES = frozenset({"acl", "amod", "compound", "nmod", "npadvmod", "pcomp", "csubj"})
CAUSE_PREPS = frozenset({"over"})
DEFINITE = frozenset({"the", "this", "that", "these", "those"})
# Prepositions that give an event's setting (time, place, occasion), never its content.
SETTING_PREPS = frozenset({"in", "at", "during", "since", "after", "before", "amid", "following",
                           "throughout", "near", "by", "with", "despite", "as",
                           "over"})    # "over the attack": the cause of the act, not its content


TIME_WORDS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                        "january", "february", "march", "april", "may", "june", "july", "august",
                        "september", "october", "november", "december", "jan.", "feb.", "aug.",
                        "sept.", "sep.", "oct.", "nov.", "dec.", "day", "night", "morning",
                        "evening", "afternoon", "weekend", "eve", "anniversary"})


@dataclass
class Match:
    """One trigger token matched to a predicate entry."""

    token: object
    entry: dict
    kind: str
    matched_prt: str | None = None      # "on" when "called on" was parsed as a particle
    content: "Match | None" = None      # the embedded event an absorbing predicate took
    hidden: bool = False                 # inside another trigger's phrase, or absorbed


def _prep_children(token, name: str) -> list:
    return [c for c in token.children if c.dep_ in ("prep", "prt", "agent", "dative") and c.lower_ == name]


def match_token(token, lexicon: Lexicon) -> Match | None:
    """Return the most specific predicate entry that ``token`` satisfies, as a :class:`Match`.

    :param token: a spaCy token.
    :param lexicon: the loaded lexicon.
    """
    lemma = token.lemma_.lower()
    if token.pos_ == "VERB":
        if lemma not in lexicon.verbs and lemma + "e" in lexicon.verbs and \
                token.lower_ in (lemma + "ed", lemma + "ing"):
            lemma += "e"      # the tagger's "waged" -> "wag": the verb is "wage"
        kind, entries = "verb", lexicon.verbs.get(lemma, ())
    elif token.pos_ in ("NOUN", "PROPN"):
        kind, entries = "noun", lexicon.nouns.get(lemma, ())
    elif token.pos_ == "ADJ":
        kind, entries = "adj", lexicon.adjs.get(lemma, ())
    else:
        return None
    own = None
    for entry in entries:
        matched_prt = _satisfies(token, entry, lexicon)
        if matched_prt is not False:
            own = Match(token, entry, kind, matched_prt or None)
            break
    if kind != "verb" or lexicon.cameo is None or (own is not None and specificity(own.entry) > 0) \
            or lemma in lexicon.word_set("report_verbs"):
        return own
    hit = lexicon.cameo.match(token, subject_of(token)[0])
    if hit is None:
        return own
    entry, cameo_specificity = hit
    if cameo_specificity == 0 and (entries or token.dep_ in MODIFIER_CLAUSES or
                                   (token.tag_ == "VBG" and token.dep_ == "advcl")):
        # a bare CAMEO verb codes only as a clause of its own: not where parley's entries
        # for the verb declined it ("demonstrates the risk"), not as a participle modifying a
        # noun ("the crisis surrounding Syria") or an adjunct ("..., killing 20")
        return own
    if own is not None and (cameo_specificity == 0 or (entry is not None and (
            own.entry.get("absorb") or entry["type"] != own.entry["type"]))):
        # parley's own entry types the verb; a CAMEO pattern only refines its code or says
        # that the phrase is no event ("released a statement")
        return own
    return Match(token, entry, kind) if entry is not None else None


def _time_phrase(prep) -> bool:
    """Whether a preposition heads a date or time ("on Monday", "on December 29"): a setting,
    never the argument an entry's preposition names ("called on X", "agreed on Y")."""
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    return bool(objects) and all(o.ent_type_ in ("DATE", "TIME") or o.lower_ in TIME_WORDS for o in objects)


def _satisfies(token, entry: dict, lexicon: Lexicon):
    """Return False if ``token`` fails ``entry``'s constraints, else the particle used as prep (or "")."""
    children = list(token.children)
    if entry.get("intransitive") and any(c.dep_ == "dobj" for c in children):
        return False
    if entry.get("plural") and token.tag_ not in ("NNS", "NNPS"):
        return False
    # the parser often labels a particle as an adverb ("pulled back")
    particles = [c for c in children if c.dep_ in ("prt", "advmod", "prep") and c.lower_ == entry.get("prt")]
    if entry.get("prt") and not particles:
        return False
    matched_prt = ""
    if entry.get("prep"):
        objects = [c for c in children if c.dep_ == "dobj"]
        preps = [p for p in _prep_children(token, entry["prep"]) if not _time_phrase(p)] or \
            [p for o in objects + particles for p in o.children if p.dep_ == "prep" and p.lower_ == entry["prep"]]
        clauses = [c for c in children if c.dep_ in ("advcl", "xcomp", "oprd", "acomp")
                   and any(m.dep_ in ("mark", "prep") and m.lower_ == entry["prep"] for m in c.children)]
        if not preps and not clauses:
            return False
        prep = preps[0] if preps else clauses[0]
        if prep.dep_ == "prt":
            matched_prt = entry["prep"]
        if entry.get("pobj"):
            pool = list(prep.subtree) if prep.dep_ != "prt" else objects
            if not any(lexicon.in_class(t.lemma_.lower(), entry["pobj"]) or
                       lexicon.in_class(t.lower_, entry["pobj"]) for t in pool):
                return False
    if entry.get("obj"):
        objects = [c for c in children if c.dep_ in ("dobj", "nsubjpass", "attr")]
        objects += implicit_objects(token, objects)
        objects += [c for o in objects for c in o.conjuncts]
        objects += through_partitive(objects, lexicon)
        # "ent:person" asks for a named person ("welcomed Obama"), from the named-entity tags
        if not any(any(lexicon.in_class(form, entry["obj"]) for form in _forms(o))
                   or (o.ent_type_ and lexicon.in_class("ent:" + o.ent_type_.lower(), entry["obj"]))
                   for o in objects):
            return False
    if entry.get("subj"):
        subject, _ = subject_of(token)
        heads = [subject] + through_partitive([subject], lexicon) if subject is not None else []
        # "peacekeeping troops", "riot police": the modifier may be what the entry names
        heads += [c for h in heads for c in h.children if c.dep_ in ("compound", "amod")]
        if not any(lexicon.in_class(form, entry["subj"]) for h in heads for form in _forms(h)):
            return False
    if entry.get("mod"):
        mods = [c for c in children if c.dep_ in ("amod", "compound", "nmod", "nummod", "npadvmod")]
        mods += [p for c in children if c.dep_ == "prep" and c.lower_ == "of"
                 for p in c.children if p.dep_ == "pobj"]
        if not any(lexicon.in_class(m.lemma_.lower(), entry["mod"]) for m in mods):
            return False
    return matched_prt


def _forms(token) -> tuple[str, ...]:
    """A noun's lemma and form, and the singular of a capitalised plural the tagger took for a
    name and left unlemmatised ("Rockets were fired", "Protesters gathered")."""
    lemma, lower = token.lemma_.lower(), token.lower_
    if token.pos_ == "PROPN" and lower.endswith("s") and lemma == lower:
        return lemma, lower[:-1]
    return lemma, lower


def through_partitive(nouns: list, lexicon: Lexicon) -> list:
    """The nouns that quantity and collection words stand for: "a new round *of sanctions*",
    "thousands *of protesters*" (the "of" object of a noun in the ``partitive`` class)."""
    found = []
    for noun in nouns:
        lemma = noun.lemma_.lower()
        if lemma in lexicon.word_set("partitive_nouns") or lemma in lexicon.word_set("duration_nouns") \
                or noun.like_num:
            found += [p for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                      for p in c.children if p.dep_ == "pobj"]
    return found


def find_matches(sent, lexicon: Lexicon) -> list[Match]:
    """Match every token of a sentence, hide nested nominal triggers, and resolve absorption.

    :param sent: a spaCy sentence span.
    :param lexicon: the loaded lexicon.
    :returns: all matches; the ones to code have ``hidden`` False.
    """
    matches = [m for m in (match_token(t, lexicon) for t in sent)
               if m is not None and not compelled(m.token, lexicon)]
    matches = [m for m in matches if _content_listed(m, matches, lexicon)]
    at = {m.token.i: m for m in matches}
    for token in sent:
        # a bare CAMEO verb ("must ensure security") is weaker evidence than the obligation
        own = at.get(token.i)
        weak = own is not None and own.entry.get("source") == "cameo" and own.entry.get("bare")
        if (own is None or weak) and _reported_obligation(token, lexicon) and \
                not any(t.i in at for t in token.subtree if t.i != token.i):
            if weak:
                matches.remove(own)
            at[token.i] = Match(token, OBLIGATION, "verb")
            matches.append(at[token.i])
    for match in matches:
        # a bare CAMEO verb over a nominal event is its aspect or light verb ("talks resumed",
        # "the release was delayed"): the noun is the event
        governor = _governing_trigger(match.token, at) if match.kind == "noun" else None
        if governor is not None and governor.entry.get("source") == "cameo" and (
                governor.entry.get("bare") or (governor.entry.get("on_subject") and
                                               match.token.dep_ in ("nsubj", "nsubjpass"))):
            governor.hidden = True
    for match in matches:
        if match.kind != "noun":
            continue
        current = match.token
        for _ in range(10):
            if current.head == current:
                break
            current = current.head
            if current.i in at and not at[current.i].hidden:
                match.hidden = True
                break
            if current.pos_ in ("VERB", "AUX"):
                break
    casualty = lexicon.word_set("casualty_verbs")
    for match in matches:
        # "shelled the town, killing 12": the killing is the shelling's toll, the same event
        head = at.get(match.token.head.i)
        if match.entry["type"] == "ASSAULT" and match.token.lemma_.lower() in casualty \
                and match.token.dep_ in ("advcl", "conj", "xcomp") and head is not None \
                and head is not match and head.entry["type"] == "ASSAULT":
            match.hidden = True
        elif toll_of(match, at, lexicon):
            match.hidden = True      # "ten were killed after a gunman opened fire": the shooting codes
    for match in matches:
        # demands voiced by a demonstration are part of the PROTEST (PLOVER REQUEST definition);
        # the aim of an act that is itself of the act's type is the same event ("began a
        # hunger strike to protest ...")
        if match.token.dep_ not in ("xcomp", "advcl") or match.kind != "verb":
            continue
        governor = _purpose_of(match.token, at)
        if governor is None or governor is match:
            continue
        # a participle adjunct that says again what its clause did is the same act too
        # ("lodged a protest with Albania, charging it with ...")
        same_code = match.entry["cameo"] == governor.entry["cameo"]
        if (match.entry["type"] == "REQUEST" and governor.entry["type"] == "PROTEST") or \
                ((match.entry["type"] == governor.entry["type"] or same_code) and
                 (any(c.dep_ == "aux" and c.lower_ == "to" for c in match.token.children)
                  or (match.token.dep_ == "advcl" and match.token.tag_ == "VBG"))):
            # "used tear gas to disperse crowds" (one CAMEO 175 act): parley's own entry types it
            keep_aim = same_code and match.entry["type"] != governor.entry["type"] and \
                governor.entry.get("source") == "cameo" and match.entry.get("source") != "cameo"
            (governor if keep_aim else match).hidden = True
    _hide_unasserted(matches, at, lexicon)
    negating = lexicon.word_set("negating_verbs")
    for match in sorted(matches, key=lambda m: -_depth(m.token)):
        if not match.entry.get("absorb") and match.token.lemma_.lower() not in negating:
            continue
        content = _nearest_content(match, matches)
        if content is None:
            if match.entry.get("needs_content"):
                match.hidden = True
            continue
        if match.token.lemma_.lower() in negating and not match.entry.get("absorb"):
            match.hidden = True      # "denied attending": the embedded event carries the negation
            continue
        match.content = content
        content.hidden = True
    return matches


# "X said Y must/should do Z": X demands it of Y, whatever Z is (CAMEO 100). The speaker is the
# actor, the obliged party the recipient; both must be actors and differ ("said it must" is
# the speaker's own resolve, no demand).
OBLIGATION = {"id": "reported-obligation", "type": "REQUEST", "cameo": "100", "speaker_actor": True,
              "needs_recipient": True, "roles": {"subj": "recipient", "obj": "none", "dative": "none",
                                                 "agent": "none"}}


def _reported_obligation(token, lexicon: Lexicon) -> bool:
    """Whether ``token`` is the verb of an obligation put on another party in reported speech."""
    if token.pos_ not in ("VERB", "AUX") or token.dep_ != "ccomp" or \
            token.head.lemma_.lower() not in lexicon.word_set("report_verbs"):
        return False
    if not any(c.dep_ == "aux" and c.lower_ in lexicon.word_set("demand_aux") for c in token.children):
        return False
    subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject is not None and subject.pos_ != "PRON"


def _content_listed(match: Match, matches: list[Match], lexicon: Lexicon) -> bool:
    """Whether a predicate that codes only the content its table lists has such content in its
    clause ("prepared to attack" is a show of force; "prepared the ground for talks" is none)."""
    table = match.entry.get("absorb")
    if table not in lexicon.word_set("strict_content"):
        return True
    rows = lexicon.governors["content"][table]
    inside = {t.i for c in match.token.children if c.dep_ in ("xcomp", "ccomp") for t in c.subtree}
    return any(m.token.i in inside and m.entry["type"] in rows for m in matches)


def _purpose_of(token, at: dict) -> "Match | None":
    """The trigger a purpose or manner clause belongs to: its head verb, or the event noun that
    verb takes as object ("continued their hunger strike *to demand* ...")."""
    head = token.head
    if head.i in at:
        return at[head.i]
    objects = [at[c.i] for c in head.children if c.dep_ == "dobj" and c.i in at]
    return objects[0] if objects else None


def _background_noun(token, lexicon: Lexicon) -> bool:
    """Whether a nominal event is named as the setting of the sentence's report, not reported:
    the measure of a duration in a setting phrase ("after five days *of fighting*") or an
    event dated by a possessive ("last month's *invasion*")."""
    measure = token.head.head
    if token.dep_ == "pobj" and token.head.lower_ == "of" and \
            measure.lemma_.lower() in lexicon.word_set("duration_nouns") and \
            measure.dep_ == "pobj" and measure.head.lower_ in SETTING_PREPS | {"for", "within", "over"}:
        return True
    # dated by a possessive or a date before it ("last month's invasion", "the March 15 shootings"):
    # an event the reader knows, named again
    return any(c.dep_ in ("poss", "compound", "nmod") and c.i < token.i and
               (c.ent_type_ in ("DATE", "TIME") or (c.dep_ != "poss" and c.lower_ in TIME_WORDS))
               for c in token.children)


def _in_document_clause(token, lexicon: Lexicon) -> bool:
    """Whether ``token`` sits in a clause that states the content of a text ("a resolution that
    aims to tighten sanctions", "a plan to withdraw troops"): a provision, not an event."""
    documents = lexicon.word_set("document_nouns")
    current = token
    for _ in range(12):
        if current.head == current:
            return False
        if current.dep_ in ("relcl", "acl"):
            # "the right to defend itself", "the capacity to strike": a possibility, not an act
            return current.head.lemma_.lower() in documents or (
                current.dep_ == "acl" and current.head.lemma_.lower() in lexicon.word_set("possibility_nouns"))
        if current.dep_ in ("advcl", "ccomp", "parataxis"):
            return False      # another clause: the text's provisions end here
        current = current.head
    return False


def _clause_top(token):
    """The first of a run of coordinated verbs ("for arming X and collaborating with Y")."""
    while token.dep_ == "conj" and token.head != token:
        token = token.head
    return token


def _hide_unasserted(matches: list[Match], at: dict, lexicon: Lexicon) -> None:
    """Hide triggers whose event the sentence does not assert its subject performed.

    - the complement of a persuasion verb or a reluctance word ("to convince X to support
      Y", "reluctant to attack Y"): the aim of an effort or an act held back, not an act
      (the persuading itself may still be an event);
    - the grounds of an accusation ("denounced X for arming Y"): the alleged act belongs to
      the accusation, which PLOVER codes as the event;
    - a participle used as an attributive modifier ("X-backed projects"): it describes the
      noun, it reports no event;
    - a definite nominal event named as the cause of another act ("over the attack"):
      an event the reader already knows, not a new report;
    - a clause marked as habitual ("when fighting typically peaks"): a generic statement
      about what tends to happen, not a report that it happened;
    - a "for X to do" clause ("a deadline for Canada to sign"): what is required or wanted,
      never what was done;
    - support as a participle on its noun ("Maduro, backed by Russia, ..."): a standing
      alliance that describes the party, not a new act;
    - a nominal event whose end is asked or offered ("an end to the killings"): the content
      of the demand or offer, not a report of its own.
    """
    embedding = lexicon.word_set("persuasion_verbs") | lexicon.word_set("reluctance_words")
    habitual = lexicon.word_set("habitual_adverbs")
    for match in matches:
        token = match.token
        clause = token.head if token.dep_ in ("nsubj", "nsubjpass", "csubj") else token
        if any(c.dep_ == "advmod" and c.lower_ in habitual for c in (*token.children, *clause.children)):
            match.hidden = True
            continue
        if match.kind != "noun" and (token.dep_ == "amod" or (
                token.tag_ == "VBN" and token.dep_ in ("dobj", "pobj", "nsubj", "nsubjpass"))):
            match.hidden = True      # a participle as a noun's modifier, or as a noun ("the wounded")
            continue
        if match.kind != "noun" and any(c.dep_ == "mark" and c.lower_ == "for" for c in token.children) \
                and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
            match.hidden = True
            continue
        if match.kind == "verb" and match.entry["type"] == "SUPPORT" and token.dep_ == "acl" and token.tag_ == "VBN":
            match.hidden = True
            continue
        if match.kind == "noun" and token.dep_ == "pobj" and token.head.lower_ in ("to", "of") \
                and token.head.head.lemma_.lower() in lexicon.word_set("end_nouns") and token.head.head.i not in at:
            match.hidden = True
            continue
        if (match.kind == "noun" and _background_noun(token, lexicon)) or _in_document_clause(token, lexicon):
            match.hidden = True
            continue
        if match.kind == "noun" and token.head.dep_ == "prep" and token.head.lower_ in CAUSE_PREPS \
                and any(c.dep_ == "det" and c.lower_ in DEFINITE for c in token.children):
            match.hidden = True      # "expelled them over the attack": a known event, the cause
            continue
        top = _clause_top(token)
        head = top.head
        if top.dep_ in ("xcomp", "ccomp") and head.lemma_.lower() in embedding \
                and not (head.i in at and at[head.i].entry.get("absorb")):
            match.hidden = True
        elif top.dep_ == "pcomp" and head.lower_ in ("for", "of") and head.head.i in at \
                and at[head.head.i] is not match and at[head.head.i].entry["type"] == "ACCUSE":
            match.hidden = True


def _governing_trigger(token, at: dict) -> "Match | None":
    """The trigger a nominal trigger hangs under (through its heads, up to the first verb)."""
    current = token
    for _ in range(10):
        if current.head == current:
            return None
        current = current.head
        if current.i in at:
            return at[current.i]
        if current.pos_ in ("VERB", "AUX"):
            return None
    return None


def _depth(token) -> int:
    depth = 0
    while token.head != token and depth < 50:
        token = token.head
        depth += 1
    return depth


def _nearest_content(governor: Match, matches: list[Match]) -> Match | None:
    token = governor.token
    excluded: set[int] = set()
    for child in token.children:
        if child.dep_ in ("nsubj", "nsubjpass", "csubj"):
            excluded.update(t.i for t in child.subtree)
    for child in token.children:
        if child.dep_ == "conj" and child.pos_ in ("VERB", "AUX"):
            excluded.update(t.i for t in child.subtree)     # a coordinated clause is an act of its own
    for t in token.subtree:
        if t != token and (t.dep_ == "relcl" or (t.dep_ == "acl" and t.tag_ == "VBN")):
            # a relative clause or participle describes its noun ("the plane that was shot
            # down", "the plane shot down"): never what is agreed, demanded or rejected
            excluded.update(d.i for d in t.subtree)
    inside = {t.i for t in token.subtree} - excluded - {token.i}
    if governor.kind == "noun" and token.dep_ == "dobj":
        # "reiterated its demand that X ...": the parser hangs the noun's clause on the verb
        inside |= {t.i for c in token.head.children if c.dep_ == "ccomp" for t in c.subtree}
    candidates = [m for m in matches if m.token.i in inside and m.content is not governor
                  and not (m.hidden and m.content is None and m.entry.get("needs_content"))
                  and not _in_setting(m.token, token)]
    if not candidates:
        return None
    base = _depth(token)
    return min(candidates, key=lambda m: (_depth(m.token) - base, abs(m.token.i - token.i)))


def _in_setting(token, governor) -> bool:
    """Whether ``token`` hangs off ``governor`` through a setting preposition ("in the first round")."""
    current = token
    while current != governor and current.head != current:
        if current.dep_ == "prep" and (current.lower_ in SETTING_PREPS or _time_phrase(current)):
            return True
        current = current.head
    return False


# "should China retaliate", "were Iran to attack", "had they agreed": a condition by inversion
INVERTED_CONDITION_AUX = frozenset({"should", "were", "had"})


def event_id(doc_id: str, sentence: int, char_start: int, event_type: str) -> str:
    """Return a stable event id from its document, sentence, trigger offset and type."""
    key = f"{doc_id}|{sentence}|{char_start}|{event_type}"
    return "e" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:15]


class DocumentCoder:
    """Codes the events of one document; see :func:`code_document`."""

    def __init__(self, doc, lexicon: Lexicon, require_actor: bool = True) -> None:
        self.doc = doc
        self.lexicon = lexicon
        self.require_actor = require_actor
        self.reader = ArgumentReader(doc.spacy_doc, doc.mentions, lexicon)
        self.reader.set_places(doc.spacy_doc, doc.places)
        self.attacher = Attacher(doc, lexicon)
        self.governors = lexicon.governors
        self.threat_types = frozenset(lexicon.governors.get("threat_types") or ())
        self.conditional_threats = frozenset(lexicon.governors.get("conditional_threat_types") or ())
        self.ultimatum_marks = lexicon.word_set("ultimatum_marks")
        self.opinion_openers = lexicon.word_set("opinion_openers")
        self.condition_marks = lexicon.word_set("conditional_marks") | lexicon.word_set("limit_marks")
        self.protests: set[int] = set()      # PROTEST triggers of the sentence being coded

    def _not_a_report(self, sent) -> bool:
        """Whether a sentence is a question or an opinion headline ("Why X must ..."): no events."""
        if sent.text.rstrip().endswith("?"):
            return True
        first = next((t for t in sent if not t.is_punct and not t.is_space), None)
        return first is None or (first.lower_ in self.opinion_openers and first.tag_ in ("WRB", "WP", "WDT"))

    def _threat_code(self, cameo: str) -> str:
        """The CAMEO 13x code for threatening the act ``cameo`` (longest prefix in threat_codes)."""
        table = self.governors.get("threat_codes") or {}
        for length in range(len(cameo), 1, -1):
            if cameo[:length] in table:
                return str(table[cameo[:length]])
        return "130"

    def _ultimatum(self, modality) -> bool:
        """Whether the event's clause carries an "unless" condition ("will withdraw unless ...")."""
        for token in modality.chain:
            for child in token.children:
                if child.dep_ == "advcl" and child not in modality.chain and any(
                        m.dep_ == "mark" and m.lower_ in self.ultimatum_marks for m in child.children):
                    return True
        return False

    def code(self) -> list[dict]:
        """Return the events of the document, one per coded trigger (not yet clustered)."""
        events = []
        starts = {s.char_start: s.index for s in self.doc.sentences}
        sentences = list(self.doc.spacy_doc.sents)
        discards = self.lexicon.discards
        if discards is not None and discards.story_hit(" ".join(s.text for s in sentences[:LEAD_SENTENCES])):
            return []         # a sports or entertainment story (PETRARCH's story-level discards)
        for position, sent in enumerate(sentences):
            if not any(t.dep_ for t in sent):
                continue      # the nlp stage left this sentence unparsed: it carries no event
            if discards is not None and discards.sentence_hit(sent.text):
                continue
            if self._not_a_report(sent):
                continue
            index = starts.get(sent.start_char, position)
            matches = find_matches(sent, self.lexicon)
            self.protests = {m.token.i for m in matches if m.entry["type"] == "PROTEST"}
            for match in matches:
                if match.hidden:
                    continue
                event = self.build(match, sent, index)
                if event is not None:
                    events.append(event)
        return events

    def _addressee(self, token) -> list[dict]:
        """Who a content-less demand is addressed to: the subject of its clausal complement,
        or of a "for X to do" clause ("set a deadline for Canada to sign")."""
        for child in token.children:
            if child.dep_ in ("ccomp", "xcomp") or (child.dep_ == "advcl" and any(
                    m.dep_ == "mark" and m.lower_ == "for" for m in child.children)):
                subject, _ = subject_of(child)
                if subject is not None and subject.head == child:
                    return self.reader.phrase(subject)[0]
        for child in token.children:
            if child.dep_ == "dobj":
                return self._addressee(child)      # "a deadline for X to ...", "an ultimatum for X"
        return []

    def _condition_parties(self, token, modality) -> list[dict]:
        """Whose act a threat is conditional on: the subject of an "if"/"unless" clause or of
        an inverted condition ("should China retaliate") on the threat's clauses. A threat
        is made against the party it is conditional on."""
        complements = [c for c in token.children if c.dep_ in ("xcomp", "ccomp")]
        for clause in [token, *complements, *modality.chain]:
            for child in clause.children:
                if child.dep_ not in ("advcl", "ccomp"):
                    continue
                marked = any(m.dep_ == "mark" and m.lower_ in self.condition_marks for m in child.children)
                subject = next((c for c in child.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                inverted = subject is not None and any(
                    a.dep_ == "aux" and a.lower_ in INVERTED_CONDITION_AUX and a.i < subject.i
                    for a in child.children)
                if (marked or inverted) and subject is not None:
                    return self.reader.phrase(subject)[0]
        return []

    def build(self, match: Match, sent, sentence_index: int) -> dict | None:
        """Code one trigger into an event dict, or None when it has no actor and needs one.

        :param match: the trigger match (with its absorbed content, if any).
        :param sent: the spaCy sentence.
        :param sentence_index: the sentence's index in ``doc.sentences``.
        """
        entry, token = match.entry, match.token
        modality = read_modality(token, self.lexicon)
        head = clause = _clause_top(modality.chain[0] if modality.chain else token)
        if head.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in self.condition_marks
                                        for c in head.children):
            return None       # the condition of another event ("if Israel attacked"), not an event
        if head.dep_ == "relcl" and _present_description(head):
            return None       # a present-tense relative clause describes, it reports nothing
                              # ("Hamas, which advocates ...")
        reporters: list[dict] = []
        heads = [subject_of(modality.report_verb)[0] if modality.report_verb is not None else None,
                 modality.according_to]
        for head in heads:
            if head is not None:
                reporters.extend(m for m in self.reader.phrase(head)[0] if m not in reporters)
        self.reader.frame_reporters = reporters
        actors, recipients, referred = self.reader.arguments(token, match.kind, entry, match.matched_prt)
        content = match.content
        if entry["type"] == "REQUEST" and content is None and not recipients:
            recipients = self._addressee(token)
        if content is not None:
            c_actors, c_recipients, c_ref = self.reader.arguments(
                content.token, content.kind, content.entry, content.matched_prt)
            if not actors:
                actors, referred = c_actors, referred or c_ref
            if not recipients:
                # a request is addressed to whoever must act; a rejection to whoever proposed
                proposer = entry["type"] == "REJECT" and content.entry["type"] in ("REQUEST", "AGREE", "THREATEN")
                row = self.governors["content"][entry["absorb"]].get(content.entry["type"]) or ()
                # an order carried out by the orderer's own forces is their act, done to its target
                own_act = len(row) > 2 and row[2] == content.entry["type"]
                take = c_actors if (entry["type"] == "REQUEST" and not own_act) or proposer else c_recipients
                recipients = [m for m in take if m not in actors]
        event_type, mode, cameo = entry["type"], entry.get("mode"), entry["cameo"]
        underlying_type = underlying_mode = None
        if content is not None:
            underlying_type, underlying_mode = content.entry["type"], content.entry.get("mode")
            row = self.governors["content"][entry["absorb"]].get(underlying_type)
            if row is not None:
                mode, cameo = row[0] if row[0] is not None else mode, row[1]
                event_type = row[2] if len(row) > 2 else event_type
        if entry.get("appeal") and event_type == "REQUEST" and cameo.startswith("10"):
            cameo = appeal_code(cameo)
        flags = set(modality.flags)
        if "negated" in flags and not_until(token, modality.chain):
            flags.discard("negated")      # "did not launch an inquiry until May": it did, in May
        if entry.get("speaker_actor") and reporters and not actors:
            actors, reporters = reporters, []
            flags.discard("reported")
        if modality.demand_verb is not None and not reporters and event_type != "REQUEST" \
                and modality.demand_verb in modality.chain[-1:]:
            return None       # the writer's prescription ("the West must act"), not a reported event
        if modality.demand_verb is not None and reporters and event_type != "REQUEST":
            if modality.report_verb is not None and modality.report_verb.dep_ == "advcl" \
                    and modality.report_verb.head.i in self.protests:
                return None   # "staged rallies, saying he must resign": the protest's own demand
            subject, _ = subject_of(modality.demand_verb)
            targets = self.reader.phrase(subject)[0] if subject is not None else actors
            if targets and all(m in reporters for m in targets):
                return None   # "Iran said it must defend its borders": resolve, not a demand or an act
            row = self.governors["content"]["REQUEST"].get(event_type, [None, "100"])
            underlying_type, underlying_mode = event_type, mode
            event_type, mode, cameo = "REQUEST", row[0], row[1]
            actors, recipients, reporters = reporters, [m for m in targets if m not in reporters], []
            flags.discard("reported")
        slots = self.reader.slots(token, match.kind, match.matched_prt) if entry["type"] == "ASSAULT" \
            or (not actors and not recipients) else []
        if natural_cause(match, slots, self.lexicon) or publication(match, self.lexicon) or \
                named_not_reported(match, self.lexicon) or generic_when(clause) or \
                abstract_target(match, slots, self.lexicon):
            return None       # "the storm killed 30", "released a video", "is a threat", "when X kills"
        if not actors and not recipients and self.require_actor and not entry.get("allow_no_actor") \
                and not (content is None and anonymous_parties(match, slots, self.lexicon)):
            return None
        if event_type == "CONSULT" and press_only(recipients):
            return None       # "spoke to reporters": a statement, no consultation
        if cameo.startswith("057") and any(
                c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in self.lexicon.word_set("unilateral_documents")
                for c in token.children):
            return None       # signing an order or a law is no agreement with anyone
        if entry.get("needs_recipient") and not (actors and recipients):
            return None
        if self.require_actor and entry.get("source") == "cameo" and (
                (entry.get("bare") and not (actors and recipients)) or
                (entry.get("needs_target") and not recipients)):
            # CAMEO events are dyadic: a verb coded by its own code alone, or by a bare
            # preposition ("head to"), needs a target as well as a source
            return None
        date = self.attacher.date(token, modality, sentence_index)
        if self.attacher.is_future(date, modality, token):
            flags.add("future")
        planned = False
        if "negated" in flags and ("future" in flags or event_type == "AGREE"):
            base = underlying_type if event_type == "AGREE" and underlying_type else event_type
            row = self.governors["refusal_types"].get(base)
            if row is not None:
                underlying_type, underlying_mode = base, underlying_mode if base != event_type else mode
                event_type, mode, cameo = row
        elif event_type not in ("REQUEST", "THREATEN", "REJECT") and self._ultimatum(modality):
            underlying_type, underlying_mode = event_type, mode
            event_type, cameo, mode = "THREATEN", "139", cameo_code("139").get("plover_mode")
        elif actors and _own_announcement(actors, reporters) and (
                (flags & {"future", "conditional", "hypothetical"} and event_type in self.threat_types)
                or (flags & {"conditional", "hypothetical"} and event_type in self.conditional_threats)):
            underlying_type, underlying_mode = event_type, mode
            cameo = self._threat_code(cameo)
            event_type, mode = "THREATEN", cameo_code(cameo).get("plover_mode")
        elif "future" in flags and event_type in self.governors["future_types"]:
            row = self.governors["future_types"][event_type]
            underlying_type, underlying_mode = event_type, mode
            event_type, cameo, mode, planned = row[0], row[1], "planned", True
        elif event_type == "AGREE" and underlying_type in self.governors["future_types"]:
            planned = True
        if event_type in ("THREATEN", "REQUEST") and not recipients:
            recipients = self._addressee(token) if event_type == "REQUEST" or cameo == "139" else []
            recipients = recipients or self._condition_parties(token, modality)
        actors, recipients = _dedupe(actors), [m for m in _dedupe(recipients) if m not in actors]
        codebook = cameo_code(cameo)
        mentioned = actors + recipients + reporters
        trigger_tokens = [token] + [c for c in token.children if c.dep_ == "prt"]
        start = min(t.idx for t in trigger_tokens)
        end = max(t.idx + len(t) for t in trigger_tokens)
        if entry.get("source") != "cameo":
            self.reader.remember(actors)     # antecedents of "they", "the sides": the curated layer's
        if entry.get("source") == "cameo":
            confidence = CAMEO_CONFIDENCE["default" if entry.get("bare") else "pattern"] \
                + 0.05 * entry.get("constraints", 0)
        else:
            confidence = entry.get("confidence") or KIND_CONFIDENCE[match.kind] + 0.05 * specificity(entry)
        confidence -= 0.15 if referred else 0.0
        confidence -= 0.25 if not actors else 0.0
        event = {
            "event_id": event_id(self.doc.id, sentence_index, start, event_type),
            "event_type": event_type,
            "mode": mode,
            "context": self.attacher.contexts(sent, entry, codebook, actors + recipients),
            "cameo": cameo,
            "quad_class": codebook["quad_class"],
            "goldstein": codebook["goldstein"],
            "modality": ordered(flags)[0],
            "modalities": ordered(flags),
            "planned": planned,
            "underlying_type": underlying_type,
            "underlying_mode": underlying_mode,
            "actor": [actor_record(m) for m in actors],
            "recipient": [actor_record(m) for m in recipients],
            "reported_by": [actor_record(m) for m in reporters] or None,
            "date": date,
            "location": self.attacher.place(token, modality, sentence_index, mentioned),
            "evidence": {"doc_id": self.doc.id, "sentence": sentence_index, "start": sent.start_char,
                         "end": sent.end_char, "text": sent.text},
            "trigger": {"text": self.doc.text[start:end], "char_start": start, "char_end": end,
                        "sentence": sentence_index, "pattern": entry["id"],
                        "content": content.entry["id"] if content is not None else None},
            "confidence": round(max(0.05, min(0.99, confidence)), 2),
        }
        return event


def appeal_code(demand: str) -> str:
    """The CAMEO appeal (02x) parallel to a demand code (10x): "urged X to withdraw" is an
    appeal to yield (0256), "demanded that X withdraw" a demand (1056). CAMEO 1.1b3 numbers
    the two branches alike; a demand code without an appeal twin falls back to its parent."""
    code = "02" + demand[2:]
    while len(code) > 2:
        try:
            cameo_code(code)
            return code
        except KeyError:
            code = code[:-1]
    return "020"


def _present_description(verb) -> bool:
    """Whether a relative clause is in the simple present, active or passive ("which advocates",
    "who are deployed there"): it says what a party is or does, it reports no new act."""
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if verb.tag_ in ("VBZ", "VBP"):
        return not auxiliaries
    return verb.tag_ == "VBN" and len(auxiliaries) == 1 and auxiliaries[0].dep_ == "auxpass" \
        and auxiliaries[0].tag_ in ("VBZ", "VBP")


def _own_announcement(actors: list[dict], reporters: list[dict]) -> bool:
    """Whether an event is announced by its own actor (or not reported by anyone else)."""
    if not reporters:
        return True
    keys = {m.get("actor_id") or m.get("cameo") or m.get("text") for m in actors}
    codes = {m.get("cameo") for m in actors if m.get("cameo")}
    # a state's ministry announcing what the state will do announces its own act
    return any((m.get("actor_id") or m.get("cameo") or m.get("text")) in keys or m.get("cameo") in codes
               for m in reporters)


def _dedupe(mentions: list[dict]) -> list[dict]:
    """Drop repeated mentions of one actor (same id, or same country and sector)."""
    seen: set = set()
    kept = []
    for mention in mentions:
        key = mention.get("actor_id") or (mention.get("country"), mention.get("sector"), mention.get("text"))
        if mention.get("country") and not mention.get("actor_id"):
            key = (mention.get("country"), mention.get("sector"))
        if key not in seen:
            seen.add(key)
            kept.append(mention)
    return kept


def code_document(doc, lexicon: Lexicon, require_actor: bool = True) -> list[dict]:
    """Return the events coded from one parsed document (one per trigger; not clustered).

    :param doc: a :class:`~parley.document.Document` with ``spacy_doc`` and ``mentions``.
    :param lexicon: the loaded lexicon.
    :param require_actor: drop events with neither actor nor recipient (unless the
      predicate allows it, e.g. a postponed meeting).
    """
    if doc.spacy_doc is None:
        return []
    return DocumentCoder(doc, lexicon, require_actor).code()
