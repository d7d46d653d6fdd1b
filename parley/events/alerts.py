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


def announces_act(clause, act, lexicon) -> bool:
    """Whether a warning's "that" clause announces an act to come: one of its verbs (the clause's
    or a conjunct's) has a future, hypothetical or demanding modal ("would respond", "will not stay
    silent", "must leave"), a word of intent with its infinitive, its "for" or the act ("is ready
    to strike", "is going to", "is ready for war", "is preparing an offensive"), or the act warned
    of is the subject or object of a verb of arrival ("strikes are coming", "the fighting has
    begun", "have begun exercises"). A clause in the present or past with none of these tells a
    state of things: an alert.

    :param clause: the clause's verb (the warning's ``ccomp``, or its noun's "that" clause).
    :param act: the token of the event the warning absorbed, or None.
    :param lexicon: the loaded lexicon (its modal and arrival word lists).
    """
    modals = lexicon.word_set("future_aux") | lexicon.word_set("hypothetical_aux") | lexicon.word_set("demand_aux")
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
    return act is not None and act.head == clause and clause.lemma_.lower() in lexicon.word_set("arrival_verbs")


def hazards_named(warning, lexicon) -> list:
    """What a warning with no clause and no act warns "of" or "about", when none of it is a step a
    party takes against another (``@retaliation``, ``threatened_steps``: "warned of consequences",
    "of military action"): the hazards it names ("warned of a storm", "of a caravan of migrants").
    Empty when the warning names nothing so, or names such a step.

    :param warning: the warning's token (the verb or the noun).
    :param lexicon: the loaded lexicon.
    """
    named = [p for c in warning.children if c.dep_ == "prep" and c.lower_ in HAZARD_PREPS
             for p in c.children if p.dep_ == "pobj"]
    if any(lexicon.in_class(p.lemma_.lower(), "@retaliation") or p.lemma_.lower() in THREATENED_STEPS
           for p in named):
        return []
    return named
