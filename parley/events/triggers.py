"""Match a token to the predicate entry it satisfies: parley's own entries and the CAMEO
verb dictionary, one decision (:func:`match_token`).

An entry's constraints (particle, preposition and its object, object, subject, modifier) are
checked on the token's parse children (:func:`satisfies`); quantity and collection nouns stand
for their "of" object (:func:`through_partitive`). Which of a sentence's matches are coded is
:mod:`parley.events.nesting`; how a match becomes an event, :mod:`parley.events.coder`.
"""

from __future__ import annotations

from dataclasses import dataclass

from parley.events.arguments import subject_of
from parley.events.hardnews import implicit_objects, through_partitive, voices_demand
from parley.events.lexicon import NO_EVENT, Lexicon, specificity
from parley.events.words import rule_words

MODIFIER_CLAUSES = frozenset({"acl", "amod", "compound", "nmod", "npadvmod", "pcomp", "csubj"})

# the key of a parsed doc's ``user_data`` under which the coder lists the type of the actor each token
# is part of (``parley.events.coder.DocumentCoder``), for the class items "actor:<type>"
ACTOR_TYPES = "parley_actor_types"

# months that are also common nouns: "in a march" is no date, "in March" is
MONTH_HOMOGRAPHS = rule_words("month_homographs")
TIME_WORDS = rule_words("time_words")


@dataclass
class Match:
    """One trigger token matched to a predicate entry."""

    token: object
    entry: dict
    kind: str
    matched_prt: str | None = None      # "on" when "called on" was parsed as a particle
    content: "Match | None" = None      # the embedded event an absorbing predicate took
    hidden: bool = False                 # inside another trigger's phrase, or absorbed
    refines: dict | None = None          # parley's own entry a CAMEO pattern refines the code of
    reacted_to: bool = False             # a definite act kept as news though a reaction takes it as topic
    scene: bool = False                  # a meeting kept as the scene of another act ("at a summit, X agreed")


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
        matched_prt = satisfies(token, entry, lexicon)
        if matched_prt is not False:
            own = Match(token, entry, kind, matched_prt or None)
            break
    if own is not None and own.entry["type"] == NO_EVENT:
        return None           # the verb in a sense that names no event ("fought the bill")
    if kind != "verb" or lexicon.cameo is None or (own is not None and specificity(own.entry) > 0) \
            or lemma in lexicon.word_set("report_verbs"):
        return own
    cameo = lexicon.cameo
    hit = cameo.match(token, subject_of(token)[0] if cameo.has_patterns(token) else None)
    if hit is None:
        return own
    entry, cameo_specificity = hit
    # a sense that names no event, unmet, leaves the verb to the dictionary ("battled the rebels")
    if cameo_specificity == 0 and (any(e["type"] != NO_EVENT and not e.get("reported_wrong") for e in entries)
                                   or token.dep_ in MODIFIER_CLAUSES or
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
    if entry is None:
        return None
    # a pattern of the type parley's bare entry gives ("condemned the bombing") refines its code:
    # the verb is read as parley reads it, the dictionary only names the act more precisely
    refined = own.entry if own is not None and entry["type"] == own.entry["type"] else None
    return Match(token, entry, kind, refines=refined)


def time_phrase(prep) -> bool:
    """Whether a preposition heads a date or time ("on Monday", "on December 29"): a setting,
    never the argument an entry's preposition names ("called on X", "agreed on Y")."""
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    return bool(objects) and all(o.ent_type_ in ("DATE", "TIME") or o.lower_ in TIME_WORDS and not (
        o.lower_ in MONTH_HOMOGRAPHS and o.text.islower()) for o in objects)


def proposal_heads(verb, entry: dict) -> list:
    """The children of a verb of proposing that may name what it proposes: its direct object ("suggested
    a meeting"), its passive subject ("a summit was proposed by Egypt") or its open clause ("proposed
    to meet", "suggested holding talks"), and for an entry with ``proposal_clause`` its "that" clause
    too ("proposed that both sides resume talks": a mandative clause, what is asked for and not yet
    done, where "suggested that" reports).

    :param verb: the trigger token.
    :param entry: its predicate entry.
    """
    deps = ("dobj", "nsubjpass", "xcomp") + (("ccomp",) if entry.get("proposal_clause") else ())
    return [c for c in verb.children if c.dep_ in deps]


def satisfies(token, entry: dict, lexicon: Lexicon):
    """Return False if ``token`` fails ``entry``'s constraints, else the particle used as prep (or "")."""
    children = list(token.children)
    if entry.get("intransitive") and any(c.dep_ == "dobj" for c in children):
        return False
    if entry.get("transitive") and not any(c.dep_ in ("dobj", "nsubjpass") for c in children) \
            and not implicit_objects(token, []):
        return False      # "sought help" asks; "sought to calm tensions" only tries
    if entry.get("object_alone") and _more_than_object(token, children):
        return False      # "called Putin" is a call; "called him a liar", "called Xi to discuss trade",
                          # "called out the minister" name, ask or criticise
    if entry.get("object_voices") and not any(c.dep_ == "dobj" and voices_demand(c, lexicon) for c in children):
        return False      # "held placards demanding safer staffing"; placards at a campaign stop voice no demand
    if entry.get("proposal") and not proposal_heads(token, entry):
        return False      # "suggested holding talks", "suggested a meeting", "proposed to meet" propose;
                          # "suggested that" reports
    if entry.get("plural") and token.tag_ not in ("NNS", "NNPS"):
        return False
    # the parser often labels a particle as an adverb ("pulled back")
    particles = [c for c in children if c.dep_ in ("prt", "advmod", "prep") and c.lower_ == entry.get("prt")]
    # or as a number's modifier when a count follows ("handed over ten prisoners": "over" read as "more than")
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    if entry.get("prt") and not particles and following is not None and following.dep_ == "quantmod" \
            and following.lower_ == entry["prt"] and token in (following.head.head, following.head.head.head):
        particles = [following]
    if entry.get("prt") and not particles:
        return False
    matched_prt = ""
    if entry.get("prep"):
        objects = [c for c in children if c.dep_ == "dobj"]
        if (len(objects) > 1 or any(c.dep_ == "oprd" for c in children)) and \
                token.lemma_.lower() in lexicon.word_set("labelling_verbs"):
            return False      # "call the camp X for its conditions": a verb naming its object calls for nothing
        preps = [p for p in _prep_children(token, entry["prep"]) if not time_phrase(p)] or \
            [p for o in objects + particles for p in o.children if p.dep_ == "prep" and p.lower_ == entry["prep"]]
        # (a noun as object predicative is a label and its preposition the label's: "called the
        # law an attack on the press" calls on no one)
        clauses = [c for c in children if c.dep_ in ("advcl", "xcomp", "oprd", "acomp")
                   and not (c.dep_ == "oprd" and c.pos_ == "NOUN")
                   and any(m.dep_ in ("mark", "prep") and m.lower_ == entry["prep"] for m in c.children)]
        if not preps and not clauses:
            return False
        prep = preps[0] if preps else clauses[0]
        if prep.dep_ == "prt":
            matched_prt = entry["prep"]
        if entry.get("pobj_party") and not any(
                p.dep_ == "pobj" and (_party(p, lexicon) or _people(p, lexicon)) for p in prep.children):
            return False      # "lied to parliament", "to voters"; "lies to the south of the lake" tells a place
        if entry.get("pobj"):
            pool = list(prep.subtree) if prep.dep_ != "prt" else objects
            # the object itself (and its conjuncts) may be named by the actor it is ("from NATO")
            heads = [g for g in prep.children if g.dep_ == "pobj"] if prep.dep_ != "prt" else list(objects)
            heads += [c for h in heads for c in h.conjuncts]
            if not any(lexicon.in_class(t.lemma_.lower(), entry["pobj"]) or
                       lexicon.in_class(t.lower_, entry["pobj"]) or _named_in_class(t, entry["pobj"], lexicon)
                       for t in pool) and not any(_party_in_class(h, entry["pobj"], lexicon) for h in heads):
                return False
    if entry.get("obj"):
        objects = [c for c in children if c.dep_ in ("dobj", "nsubjpass", "attr", "oprd")]
        if token.tag_ == "VBN" and any(c.dep_ == "agent" for c in children):
            # a passive participle the parser gave an active subject ("a demand first made by Brazil"):
            # the subject is what the "by" agent acted on
            objects += [c for c in children if c.dep_ == "nsubj"]
        objects += implicit_objects(token, objects)
        objects += [c for o in objects for c in o.conjuncts]
        objects += through_partitive(objects, lexicon)
        if not any(any(lexicon.in_class(form, entry["obj"]) for form in _forms(o) + _modified_forms(o))
                   or _named_in_class(o, entry["obj"], lexicon) or _party_in_class(o, entry["obj"], lexicon)
                   for o in objects):
            return False
    if entry.get("subj"):
        subject, _ = subject_of(token)
        if any(c.dep_ == "auxpass" for c in children) or \
                (token.tag_ == "VBN" and any(c.dep_ == "agent" for c in children)):
            # the passive's doer is its agent ("was met by protesters", "was struck by a bullet",
            # "numbers hurt by his comments")
            # the last of its objects: a hyphenated noun the tagger splits ("by counter - protesters")
            # leaves its head last
            agents = [p for c in children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
            subject = agents[-1] if agents else None
        heads = [subject] + through_partitive([subject], lexicon) if subject is not None else []
        # "peacekeeping troops", "riot police": the modifier may be what the entry names
        heads += [c for h in heads for c in h.children if c.dep_ in ("compound", "amod")]
        if not any(any(lexicon.in_class(form, entry["subj"]) for form in _forms(h))
                   or _named_in_class(h, entry["subj"], lexicon) or _party_in_class(h, entry["subj"], lexicon)
                   for h in heads):
            return False
    if entry.get("host_subj") or entry.get("host_verb"):
        # a noun in a predicate phrase names what its clause's subject is ("military action is on
        # the table", "the suspect remains in custody"): the clause the noun's preposition hangs on
        prep = token.head if token.dep_ == "pobj" and token.head.lower_ == entry.get("host_prep") else None
        host = prep.head if prep is not None and prep.dep_ == "prep" else None
        if entry.get("host_verb") and (host is None or host.lemma_.lower() not in entry["host_verb"]):
            return False
    if entry.get("host_subj"):
        subject = subject_of(host)[0] if host is not None else None
        if subject is None or not any(lexicon.in_class(form, entry["host_subj"])
                                      for form in _forms(subject) + _modified_forms(subject)):
            return False
    if entry.get("comp"):
        # a word of the complement clause ("pledged the US would develop military response options")
        words = [t for c in children if c.dep_ in ("ccomp", "xcomp") for t in c.subtree]
        # and the verb of a purpose clause ("gathered to protest", "sent troops to help Mali")
        words += [c for c in children if c.dep_ == "advcl" and c.pos_ == "VERB"
                  and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)]
        hits = [t for t in words if lexicon.in_class(t.lemma_.lower(), entry["comp"])]
        if not hits:
            return False
        # the complement's verb may need an object of a class ("sent troops to protect Mali", not
        # "to protect the embassy")
        if entry.get("comp_obj") and not any(
                lexicon.in_class(o.lemma_.lower(), entry["comp_obj"]) or _named_in_class(o, entry["comp_obj"], lexicon)
                for t in hits for o in t.children if o.dep_ == "dobj"):
            return False
    if entry.get("label"):
        # what the verb calls its object, or a modifier of it ("called him a liar", "branded the
        # vote a sham", "described the plan as reckless", 'called him "a deranged person"')
        named = labels_given(token)
        named += [c for n in named for c in n.conjuncts]
        named += [c for n in named for c in n.children if c.dep_ in ("amod", "compound")]
        # (a hyphenated modifier the tokenizer splits counts whole; a word of distress blames only
        # a party's conduct, not a happening or a state of things)
        if not any(any(lexicon.in_class(form, entry["label"]) for form in _forms(n))
                   and (n.lower_ not in OWNED_FAULT_WORDS or _labels_partys_conduct(token, n, lexicon))
                   for n in named):
            return False
    if entry.get("reported_wrong") and charge_reporter(token, lexicon) is None:
        return False      # "said Moscow meddled" charges Moscow; "Moscow meddled", "said it did not" do not
    if entry.get("mod"):
        mods = [c for c in children if c.dep_ in ("amod", "compound", "nmod", "nummod", "npadvmod")]
        mods += [p for c in children if c.dep_ == "prep" and c.lower_ == "of"
                 for p in c.children if p.dep_ == "pobj"]
        if not any(lexicon.in_class(m.lemma_.lower(), entry["mod"]) or _named_in_class(m, entry["mod"], lexicon)
                   for m in mods):
            return False
    return matched_prt


def _more_than_object(verb, children: list) -> bool:
    """Whether a verb has something beside its one direct object: a particle, a second object, a
    label it gives the object, or a clause ("to discuss trade", "that he would come"). A lone object
    predicative is the object the parser misread ("called Prime Minister Shinzo Abe": "Abe" as what
    the call names)."""
    objects = [c for c in children if c.dep_ == "dobj"] or [c for c in children if c.dep_ == "oprd"]
    if len(objects) != 1:
        return True
    return any(c != objects[0] and (c.dep_ in ("prt", "dative", "oprd", "acomp", "xcomp", "ccomp") or (
        c.dep_ == "advcl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children))) for c in children) \
        or any(label != objects[0] for label in labels_given(verb))


CONDITIONAL_MODALS = rule_words("conditional_modals")


# Nouns that say what kind of thing their "of" object shows or belongs to ("evidence of bias",
# "part of a witch hunt"): a label they carry is their object's.
LABEL_CARRIERS = rule_words("label_carriers")
# Verbs of showing through which a speaker asserts a copular clause ("argued the audit proves the
# spending was reckless").
SHOWING_VERBS = rule_words("showing_verbs")
# Words of distress that blame only a party's conduct, and the nouns of conduct they can blame.
OWNED_FAULT_WORDS = rule_words("owned_fault_words")
CONDUCT_NOUNS = rule_words("conduct_nouns")


def labels_given(verb) -> list:
    """The label a verb gives its object: its object predicative ("called the move *an attack*",
    "called the result *illegitimate*"), the second of two objects ("branded the vote *a sham*"),
    the object or an adjective of its "as" phrase ("described the plan *as a failure*", "*as
    reckless*"), in quotes, an apposition of its object ('called him "*a liar*"'), or the
    predicate of a copular clause it takes ("said the vote *was a sham*"); through a noun of
    evidence or kind, its "of" object ("said it was evidence of *bias*")."""
    children = list(verb.children)
    objects = [c for c in children if c.dep_ == "dobj"]
    named = [c for c in children if c.dep_ == "oprd"] + objects[1:]
    named += [p for c in children if c.dep_ == "prep" and c.lower_ == "as"
              for p in c.children if p.dep_ in ("pobj", "amod", "acomp")]
    named += [a for o in objects[:1] for a in o.children if a.dep_ == "appos"]
    # a verb of saying labels the subject of its copular clause ("said the vote *was a sham*"); a
    # conditional judges an act not done ("said invoking the law would be a mistake"): advice
    # (or of the clause a verb of showing takes: "argued the audit *proves* the spending was reckless")
    clauses = [c for c in children if c.dep_ == "ccomp"]
    clauses += [g for c in clauses if c.lemma_.lower() in SHOWING_VERBS for g in c.children if g.dep_ == "ccomp"]
    named += [p for c in clauses if c.lemma_ == "be"
              and not any(a.dep_ == "aux" and a.lower_ in CONDITIONAL_MODALS for a in c.children)
              for p in c.children if p.dep_ in ("attr", "acomp")]
    # "was evidence of bias", "is part of a witch hunt", "an act of cowardice": the "of" object of
    # a noun of evidence or kind is the label
    named += [p for n in named if n.lemma_.lower() in LABEL_CARRIERS
              for c in n.children if c.dep_ == "prep" and c.lower_ == "of"
              for p in c.children if p.dep_ == "pobj"]
    return named


# Verbs of trying, going on or striving whose infinitive is the act its subject tries or keeps at
# ("tried to mislead", "continues to meddle", "is working to undermine").
STRIVING_VERBS = rule_words("attempt_verbs") | rule_words("striving_verbs")
# Verbs of saying that own a fact ("acknowledged that", "admitted that"): an admission, no charge.
ADMISSION_VERBS = rule_words("admission_verbs")
ENEMY_WORDS = rule_words("enemy_words")
FIRST_PERSON_POSSESSIVES = rule_words("first_person_possessives")
AUDIENCE_NOUNS = rule_words("audience_nouns")      # "lied to the world"


def charge_reporter(verb, lexicon: Lexicon):
    """The verb of saying by which a speaker charges a named party with the wrong ``verb`` names
    (an entry with ``reported_wrong``: "said Moscow *meddled* in the vote", "warned that the mayor
    was working *to undermine* the audit", "argued the minister had *lied* to parliament"), or None.

    A verb of wrongdoing says what its subject did wrong; said by someone of a party it is that
    speaker's charge (CAMEO 112), whether or not the party did it. So the verb, or the attempt or
    the conjunct it hangs on ("sought to mislead", "won the vote and cheated"), must be the clause of
    a verb of saying or warning, in the active voice, with a subject that is no pronoun (a pronoun is
    mostly the speaker's own side: "said they were misled"; the one named must be an actor, which
    the entry's ``needs_recipient`` asks). Nothing on the way may deny it or make it a forecast or a
    possibility ("said Moscow did not meddle", "warned that Moscow would meddle", "said the vote
    could be rigged"): a denial, a prediction or a fear charges no one. Nor does an admission
    ("acknowledged that X had misled ...": ``admission_verbs``), or a wrong done to the enemy of the
    speaker's side ("said Kyiv was working to undermine the enemy's supply lines").

    :param verb: the trigger token, a verb of wrongdoing.
    :param lexicon: the loaded lexicon.
    """
    blocked = lexicon.word_union("negators", "future_aux", "hypothetical_aux", "demand_aux")
    clause, chain = verb, [verb]
    for _ in range(6):
        if clause.dep_ == "conj":
            clause = clause.head
        elif clause.dep_ in ("xcomp", "advcl") and clause.head.lemma_.lower() in STRIVING_VERBS and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in clause.children):
            clause = clause.head
        else:
            break
        chain.append(clause)
    reporter = clause.head
    if clause.dep_ != "ccomp" or reporter.lemma_.lower() not in lexicon.word_union("report_verbs", "warning_words") \
            or any(c.dep_ in ("auxpass", "nsubjpass") for c in reporter.children):
        return None       # "it was revealed that X lied": no one charges
    if reporter.lemma_.lower() in ADMISSION_VERBS:
        return None       # "Minsk acknowledged that its guards had misled ...": an admission, no charge
    subject, passive = subject_of(verb)
    if passive or subject is None or subject.pos_ == "PRON" or not _party(subject, lexicon):
        return None       # "was misled by X" names the wronged; "said they lied" is mostly the speaker's
                          # own side; "said the rules violate the law" charges a thing, not a party
    if any(c.dep_ in ("neg", "aux", "auxpass", "advmod") and c.lower_ in blocked
           for t in (*chain, reporter) for c in t.children):
        return None
    if _enemy_named(verb):
        return None       # "said the army was working to undermine the enemy's supply lines": war on a foe
                          # the speaker shares, no wrong
    return reporter


def _enemy_named(verb) -> bool:
    """Whether what a verb of wrongdoing acts on is the enemy, unqualified or the speaker's ("the
    enemy's supplies", "our adversaries"): a foe the speaker's side fights, whom wronging is no wrong
    in the speaker's eyes (not "its enemies", the charged party's own)."""
    targets = [c for c in verb.children if c.dep_ in ("dobj", "prep")]
    return any(t.lemma_.lower() in ENEMY_WORDS and not any(
        c.dep_ == "poss" and c.lower_ not in FIRST_PERSON_POSSESSIVES for c in t.children)
        for target in targets for t in target.subtree)


def _party(noun, lexicon: Lexicon) -> bool:
    """Whether a noun names a party: a name (a person, a body, a state or a people) or a noun of a
    party or an office ("the government", "officials"), not a thing ("the rules", "the decision")."""
    lemma = noun.lemma_.lower()
    return noun.pos_ == "PROPN" or _named_in_class(noun, "@party", lexicon) or \
        lexicon.in_class(lemma, "@party") or lemma in lexicon.word_set("unnamed_party_nouns")


def _people(noun, lexicon: Lexicon) -> bool:
    """Whether a noun names people or a body of them ("voters", "the public", "inspectors",
    "investors", "the world"), who may be told, lied to or wronged as a party is."""
    lemma = noun.lemma_.lower()
    return lemma in lexicon.word_set("participant_nouns") or lemma in AUDIENCE_NOUNS or \
        lexicon.in_class(lemma, ["@public", "@body"])


def _labels_partys_conduct(verb, label, lexicon: Lexicon) -> bool:
    """Whether the thing ``label`` is said of is a party's conduct: the subject of the copular
    clause the label is the predicate of, else the verb's object, is a noun of conduct
    (``conduct_nouns``: "handling", "remarks", "role") whose possessor is a party (a possessive
    pronoun, a person, body or office: "the governor's remarks", "her handling of the strike")."""
    clause = label.head if label.head.lemma_ == "be" else verb
    things = [c for c in clause.children if c.dep_ in (("nsubj",) if clause is not verb else ("dobj",))]
    return any(thing.lemma_.lower() in CONDUCT_NOUNS and any(
        c.dep_ == "poss" and (c.tag_ == "PRP$" or lexicon.in_class(c.lemma_.lower(), "@party")
                              or c.lemma_.lower() in lexicon.word_set("unnamed_party_nouns")
                              or _named_in_class(c, "@party", lexicon)) for c in thing.children)
        for thing in things)


def _named_in_class(token, spec, lexicon: Lexicon) -> bool:
    """Whether a named entity's label puts ``token`` in a class: "ent:person" asks for a named
    person ("welcomed Obama"), "ent:gpe" for a state or place named ("pressed Pakistan")."""
    return bool(token.ent_type_) and lexicon.in_class("ent:" + token.ent_type_.lower(), spec)


def _party_in_class(token, spec, lexicon: Lexicon) -> bool:
    """Whether the actor the actors stage found at ``token`` puts it in a class: "actor:igo" asks for an
    international body ("quit UNESCO", "withdrew from the Organization of American States"),
    "actor:person" for a person. Only an object's head is read this way, not every word of its phrase:
    troops withdrawn from a town near a NATO base leave no international body."""
    kind = token.doc.user_data.get(ACTOR_TYPES, {}).get(token.i)
    return kind is not None and lexicon.in_class("actor:" + kind, spec)


def _modified_forms(token) -> tuple[str, ...]:
    """A noun's lemma after each adjective or noun that modifies it ("military action", "stun
    grenade"), for the entries that name an object by two words: a kind of a thing that differs
    from the thing at large (a stun grenade is for crowds, a grenade is a weapon)."""
    return tuple(f"{c.lower_} {token.lemma_.lower()}" for c in token.children if c.dep_ in ("amod", "compound"))


def _forms(token) -> tuple[str, ...]:
    """A noun's lemma and form, and the singular of a capitalised plural the tagger took for a
    name and left unlemmatised ("Rockets were fired", "Protesters gathered")."""
    lemma, lower = token.lemma_.lower(), token.lower_
    if token.pos_ == "PROPN" and lower.endswith("s") and lemma == lower:
        return lemma, lower[:-1]
    doc, i = token.doc, token.i
    if i >= 2 and doc[i - 1].text == "-" and not doc[i - 1].whitespace_ and not doc[i - 2].whitespace_:
        return lemma, lower, f"{doc[i - 2].lower_}-{lower}"   # "sit-in", split by the tokenizer: its head is "in"
    return lemma, lower
