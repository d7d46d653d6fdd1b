"""A warning is a threat or an alert, and what it warns of says which (session 22, issue 19).

A threat announces an act to come: "warned that it would retaliate", "warned Iran not to test
the missile", "warned of severe consequences", "warned that strikes are coming". A warning that
tells how things are or were ("warned that the country is falling behind", "warned that the
levee was failing") or names a hazard ("warned of a storm", "warned about the dangers of
vaping") alerts its hearers to something no party threatens to do: CAMEO's pessimistic comment
(012), which PLOVER does not code. :class:`parley.events.coder.DocumentCoder` asks these two
questions of every warning it would code as a threat.
"""

from __future__ import annotations

from parley.events.words import rule_words

# Words of an act intended ("is going to strike", "is ready to respond", "is prepared to act").
INTENT_WORDS = rule_words("intent_words")
# Steps a warner may threaten to take, besides the retaliation class ("warned of action").
THREATENED_STEPS = rule_words("threatened_steps")
HAZARD_PREPS = rule_words("hazard_preps")
TARGET_PREPS = rule_words("attack_target_preps")      # "strikes against X", "action on X"
# Verbs whose subject draws on itself what their object names ("faces retaliation", "risks a response").
INCURRING_VERBS = rule_words("incurring_verbs")


def announces_act(clause, act, lexicon) -> bool:
    """Whether a warning's "that" clause announces an act to come: one of its verbs (the clause's
    or a conjunct's) has a future, hypothetical or demanding modal ("would respond", "will not stay
    silent", "must leave"), a word of intent with its infinitive, its "for" or the act ("is ready
    to strike", "is going to", "is ready for war", "is preparing an offensive"), the act warned
    of is the subject or object of a verb of arrival ("strikes are coming", "the fighting has
    begun", "have begun exercises"), or a step against another arrives or is incurred ("a crushing
    response awaits Israel", "Seoul faces a merciless answer"). A clause in the present or past with
    none of these tells a state of things: an alert.

    :param clause: the clause's verb (the warning's ``ccomp``, or its noun's "that" clause).
    :param act: the token of the event the warning absorbed, or None.
    :param lexicon: the loaded lexicon (its modal and arrival word lists).
    """
    modals = lexicon.word_union("future_aux", "hypothetical_aux", "demand_aux")
    for _ in range(3):
        # a warning quoted as the content of another ("'We warn you that ...,' the unions warned")
        inner = [c for c in clause.children if c.dep_ == "ccomp"]
        if clause.lemma_.lower() not in lexicon.word_set("warning_words") or not inner:
            break
        clause = inner[0]
    for verb in (clause, *clause.conjuncts):
        if any(c.dep_ == "aux" and c.lower_ in modals for c in verb.children):
            return True
        intents = [verb] + [c for c in verb.children if c.dep_ in ("acomp", "xcomp")]
        if any(word.lemma_.lower() in INTENT_WORDS and (
                any(c.dep_ == "xcomp" or c.dep_ == "prep" and c.lower_ == "for" for c in word.children)
                or (act is not None and (act == word or word in act.ancestors)))
               for word in intents):
            return True       # "is ready to strike", "is ready for war", "is planning attacks"
        if step_incurred(verb, lexicon):
            return True       # "Seoul faces a merciless answer", "a crushing response awaits Israel"
    return act is not None and act.head == clause and clause.lemma_.lower() in lexicon.word_set("arrival_verbs")


def step_incurred(verb, lexicon) -> bool:
    """Whether a clause says a step against another comes or is incurred: the step is the object of
    a verb of incurring ("Seoul faces a merciless answer", "any attack invites retaliation") or the
    subject of a verb of arrival ("a crushing response awaits Israel"), not of a copula ("the
    consequences are severe"). Told in a warning, it is the warner's threat, whoever the subject is.

    :param verb: a verb of the warning's clause.
    :param lexicon: the loaded lexicon.
    """
    lemma = verb.lemma_.lower()
    return any(_step(c, lexicon) and (c.dep_ == "dobj" and lemma in INCURRING_VERBS or c.dep_ == "nsubj"
                                      and lemma != "be" and lemma in lexicon.word_set("arrival_verbs"))
               for c in verb.children)


def hazards_named(warning, lexicon, names_party) -> list:
    """What a warning with no clause and no act warns "of" or "about", when it warns of no step a
    party takes against another: the hazards it names ("warned of a storm", "of a caravan of
    migrants"). Empty when the warning names nothing so, or threatens: it names a step
    (``@retaliation``, ``threatened_steps``: "warned of consequences", "of a swift reaction", "of a
    storm of retaliation"), a target of what it warns of ("of a heavy blow against the militants",
    "of strong action on Taiwan"), or force that a party's act would bring ("warned of war if Taipei
    declared independence").

    :param warning: the warning's token (the verb or the noun).
    :param lexicon: the loaded lexicon.
    :param names_party: whether a token names a party (the coder's reading of the sentence's actors).
    """
    named = _of_objects(warning, HAZARD_PREPS)
    conditions = [c for c in warning.children if c.dep_ == "advcl" and any(
        m.dep_ == "mark" and m.lower_ in lexicon.word_set("conditional_marks") for m in c.children)]
    # a party's act as the condition: what would follow it is the warner's answer when it is force
    # ("warned of war if Taipei declared independence"); a surge or a flood would be a hazard still
    provoked = any(names_party(s) for c in conditions for s in c.children if s.dep_ in ("nsubj", "nsubjpass"))
    if any(_step(p, lexicon) or any(_step(q, lexicon) for q in _of_objects(p)) or any(
            names_party(t) for t in _of_objects(p, TARGET_PREPS)) or
            provoked and p.lemma_.lower() in lexicon.word_set("combat_words") for p in named):
        return []
    return named


def _step(noun, lexicon) -> bool:
    """Whether a noun names a step a party takes against another (a response, retaliation,
    consequences, measures, strikes)."""
    lemma = noun.lemma_.lower()
    return lexicon.in_class(lemma, "@retaliation") or lemma in THREATENED_STEPS


def _of_objects(noun, preps=frozenset({"of"})) -> list:
    """The objects of a noun's prepositions among ``preps``: what "a storm *of* retaliation" is of,
    whom "strikes *against* X" hit."""
    return [p for c in noun.children if c.dep_ == "prep" and c.lower_ in preps for p in c.children if p.dep_ == "pobj"]
