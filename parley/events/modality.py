"""Modality of an event from the dependency parse: asserted, negated, future, conditional,
hypothetical, reported; and the reporting clause that frames it.

An event's *clause chain* runs from its trigger (or, for a nominal trigger, the verb that
governs it) up through complement, coordinate and adverbial clauses until a reporting verb
("said", "announced") or the root. Markers on that chain set the modality flags; the
reporting verb, if any, supplies ``reported_by``. The words are data (governors.yaml).

Example::

    flags = read_modality(trigger_token, lexicon)
    flags.modality          # "negated" for "it would not host any further talks"
"""

from __future__ import annotations

from dataclasses import dataclass, field

from parley.document import token_texts
from parley.events.lexicon import Lexicon
from parley.events.words import rule_words

CHAIN_DEPS = frozenset({"xcomp", "ccomp", "conj", "advcl", "acomp", "pcomp", "csubj"})
# Precedence when a clause carries several markers: the strongest one names the modality.
SCANT = rule_words("scant_words")
MODALITY_ORDER = ("negated", "conditional", "hypothetical", "future", "reported", "asserted")


@dataclass
class Modality:
    """The modality flags of one event and the reporting frame around it."""

    flags: set[str] = field(default_factory=set)
    report_verb: object = None          # spaCy Token of the reporting verb, or None
    according_to: object = None         # spaCy Token of the pobj of "according to", or None
    demand_verb: object = None          # the verb carrying "should"/"must" under a report
    chain: list = field(default_factory=list)
    not_ruled_out: object = None        # the "rule (out)" whose negation leaves the event open
    denied_claim: bool = False          # negated by a denial of a clause ("denied that X had decided to")

    @property
    def modality(self) -> str:
        """The single modality label: the strongest flag by :data:`MODALITY_ORDER`."""
        return ordered(self.flags)[0]


def ordered(flags: set[str]) -> list[str]:
    """Return modality flags strongest first by :data:`MODALITY_ORDER` (``["asserted"]`` if none).

    :param flags: a set of modality names.
    """
    return [name for name in MODALITY_ORDER if name in flags] or ["asserted"]


def clause_head(token):
    """Return the verb (or adjective predicate) that governs ``token``'s clause.

    :param token: a spaCy token (a trigger).
    """
    current = token
    for _ in range(12):
        if current.pos_ in ("VERB", "AUX") or current.dep_ in ("ROOT", "acomp", "xcomp", "ccomp", "advcl"):
            return current
        if current.head == current:
            return current
        current = current.head
    return current


def _aux_lemmas(token) -> set[str]:
    return {child.lower_ if child.lower_ in ("'ll", "wo") else child.lemma_.lower()
            for child in token.children if child.dep_ in ("aux", "auxpass")}


def _negations(token, negators: frozenset[str], objects: bool = True) -> int:
    """How many negations ``token`` carries: "not", "never", "no longer", and (unless ``objects`` is
    false) a "no" or a scant amount on its object ("arrested no one", "offered little help")."""
    count = sum(1 for child in token.children if child.dep_ == "neg" or
                (child.dep_ in ("advmod", "det") and child.lower_ in negators))
    for child in token.children:
        # "no longer", "no more": an adverb negated by its own determiner
        if child.dep_ == "advmod" and child.lower_ in ("longer", "more") and \
                any(grand.lower_ in negators for grand in child.children):
            count += 1
        if not objects:
            continue
        if child.dep_ in ("dobj", "nsubjpass", "attr") and any(
                grand.dep_ == "det" and grand.lower_ == "no" for grand in child.children):
            count += 1
        elif child.dep_ == "dobj" and any(g.dep_ == "amod" and g.lower_ in SCANT for g in child.children) \
                and not any(g.dep_ == "det" and g.lower_ == "a" for g in child.children):
            count += 1      # "provided little support", "offered scant help": next to none given
    return count


def _refused(token, lexicon: Lexicon) -> bool:
    """Whether ``token`` is the infinitive of a verb of refusal ("refused to rule out", "declined to
    rule out"): the refusal negates it as "not" would."""
    return token.dep_ == "xcomp" and token.head.lemma_.lower() in lexicon.word_set("refusal_verbs")


def according_to(sent) -> object:
    """Return the head token of the phrase after "according to" in ``sent``, or None.

    :param sent: a spaCy sentence span.
    """
    texts = token_texts(sent.doc)       # the doc's token texts, listed once: no Token per word
    for i in range(sent.start, sent.end - 1):
        if texts[i].lower() == "according":
            following = sent.doc[i + 1]
            objects = [c for c in following.children if c.dep_ == "pobj"]
            if following.lower_ == "to" and objects:
                return objects[0]
    return None


def read_modality(trigger, lexicon: Lexicon) -> Modality:
    """Read the modality flags and reporting frame of the event triggered by ``trigger``.

    :param trigger: the spaCy token of the event's trigger.
    :param lexicon: the loaded lexicon (for the governor word lists).
    :returns: a :class:`Modality`.
    """
    report_verbs = lexicon.word_set("report_verbs")
    future_aux = lexicon.word_set("future_aux")
    plan_words = lexicon.word_set("plan_words")
    hypothetical_aux = lexicon.word_set("hypothetical_aux")
    demand_aux = lexicon.word_set("demand_aux")
    negating_verbs = lexicon.word_set("negating_verbs")
    double_negation = lexicon.word_set("double_negation_verbs")
    marks = lexicon.word_set("conditional_marks")
    negators = lexicon.word_set("negators")
    result = Modality()
    negations = 0
    if trigger.pos_ in ("NOUN", "PROPN"):
        if trigger.dep_ not in ("dobj", "nsubjpass", "attr"):     # those its clause head counts
            negations += sum(1 for c in trigger.children if c.dep_ == "det" and c.lower_ == "no")
        if any(c.dep_ == "amod" and c.lemma_.lower() in plan_words for c in trigger.children):
            result.flags.add("future")
    current = clause_head(trigger)
    chain = []
    for _ in range(12):
        chain.append(current)
        if current.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in marks for c in current.children):
            break      # inside an if-clause: the main clause's tense and modals are not this event's
        if current.dep_ == "ccomp" and embedded_question(current, lexicon):
            break      # "tried to find out why he shot them": what the question is about took place
        if current.dep_ in CHAIN_DEPS and current.head != current:
            if current.head.lemma_.lower() in report_verbs and current.dep_ in ("ccomp", "conj", "advcl", "xcomp") \
                    and current.head != trigger:
                result.report_verb = current.head
                break
            current = current.head
            continue
        if current.dep_ == "ROOT":
            break
        # a clause hanging off a noun (relative clause, "readiness to resume") ends the chain
        break
    result.chain = chain
    # "no one was hurt in the attack", "he was not injured in the blast": the casualty clause's
    # negation denies the harm, not the act its "in" phrase names
    casualty_scene = trigger.pos_ in ("NOUN", "PROPN") and trigger.dep_ == "pobj" and trigger.head.lower_ == "in" \
        and trigger.head.head.lemma_.lower() in lexicon.word_set("casualty_verbs") | lexicon.word_set("death_verbs")
    # "the attack caused no casualties", "the raid killed no one": a "no" on the object of the verb
    # an event noun is the subject of denies the act's outcome, not the act
    outcome_subject = trigger.pos_ in ("NOUN", "PROPN") and trigger.dep_ == "nsubj"
    for position, token in enumerate(chain):
        lemma = token.lemma_.lower()
        auxes = _aux_lemmas(token)
        if _unless_clause(token) is not None and _negations(token, negators, objects=False):
            result.flags.add("conditional")     # "will not deploy missiles unless NATO does": X if Y
        elif position > 0 and chain[position - 1].dep_ == "conj" and _not_only_but(token):
            pass      # "not only has it not paid X, but it also Y": X's negation is not Y's
        elif not (casualty_scene and token == trigger.head.head):
            negations += _negations(token, negators, objects=not (outcome_subject and token == trigger.head))
        if auxes & future_aux or (lemma == "go" and token.tag_ == "VBG" and
                                  any(c.dep_ == "xcomp" for c in token.children)):
            result.flags.add("future")
        # a plan word governs the event's infinitive ("set to convene") or is a passive
        # participle over a nominal event ("talks were scheduled"), not any verb on the chain
        if token != trigger and lemma in plan_words and not any(c.dep_ == "prt" for c in token.children) \
                and ((position > 0 and chain[position - 1].dep_ == "xcomp") or
                     (position == 0 and token.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in token.children))):
            result.flags.add("future")
        if token != trigger and any(c.dep_ == "acomp" and c.lemma_.lower() in plan_words
                                        for c in token.children):
            result.flags.add("future")
        for aux in auxes & hypothetical_aux:
            if aux == "would" and result.report_verb is not None:
                # reported "would" is the speaker's future ("says it would not endorse")
                result.flags.add("future")
            else:
                result.flags.add("hypothetical")
        if auxes & demand_aux and result.demand_verb is None:
            result.demand_verb = token
        elif result.demand_verb is None and result.report_verb is not None and position > 0 \
                and lemma in ("have", "need") and chain[position - 1].dep_ == "xcomp" and not any(
                    c.dep_ == "advmod" and c.lower_ == "yet" for c in token.children):
            result.demand_verb = token      # reported "X has to / will have to / needed to do": an obligation
        if position > 0 and lemma in negating_verbs and chain[position - 1].dep_ not in ("advcl", "conj"):
            negations += 1      # "denied X" negates X, not a clause beside it ("even as it blamed")
            result.denied_claim = result.denied_claim or chain[position - 1].dep_ == "ccomp"
        if position > 0 and lemma in ("have", "be") and chain[position - 1].dep_ == "xcomp" and any(
                c.dep_ == "advmod" and c.lower_ == "yet" for c in (*token.children, *chain[position - 1].children)) \
                and not _negations(token, negators):
            negations += 1      # "has yet to ask", "is yet to be signed": not done (so far)
        if lemma in double_negation and (_negations(token, negators) or _refused(token, lexicon)):
            negations -= 1 if _negations(token, negators) else 0
            result.flags.add("hypothetical")
            result.not_ruled_out = token
        if token.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in marks for c in token.children):
            result.flags.add("conditional")
        if _has_condition(token, marks, chain):
            result.flags.add("conditional")
    if result.report_verb is not None:
        if _has_condition(result.report_verb, marks, chain):
            result.flags.add("conditional")
        result.flags.add("reported")
    result.according_to = according_to(trigger.sent)
    if result.according_to is not None:
        result.flags.add("reported")
    if negations % 2 == 1:
        result.flags.add("negated")
    return result


def _not_only_but(clause) -> bool:
    """Whether ``clause`` is the first half of "not only X but (also) Y": the construction adds Y
    to X, so a conjunct after its "but" is asserted whatever negation X carries ("not only has
    the council not paid the contractors, but it has also cancelled their permits")."""
    children = list(clause.children)
    # "not only" hangs on the verb or, inverted, on its auxiliary ("not only has it ...")
    words = children + [g for c in children if c.dep_ == "aux" for g in c.children]
    return any(c.dep_ == "cc" and c.lower_ == "but" for c in children) and any(
        (c.lower_ == "not" and any(g.lower_ == "only" for g in c.children)) or
        (c.lower_ == "only" and any(g.lower_ == "not" for g in c.children)) for c in words)


def _unless_clause(token):
    """The "unless" clause of ``token``'s clause, or None: "not X unless Y" says X on the condition Y."""
    return next((c for c in token.children if c.dep_ == "advcl" and any(
        m.dep_ == "mark" and m.lower_ == "unless" for m in c.children)), None)


def _has_subject(clause) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in clause.children)


def embedded_question(clause, lexicon: Lexicon) -> bool:
    """Whether ``clause`` is an embedded question whose content is taken as true: a finite complement
    opened by who, why, how, where or when ("find out who attacked the bank", "asked why troops
    fired"). Asking why something happened, or not knowing who did it, takes for granted that it
    happened, whatever the asking verb's tense, modal or negation."""
    words = lexicon.word_set("presupposing_question_words")
    opener = clause.left_edge       # the parser may hang "why" on a conjunct ("why he shot and killed")
    return _has_subject(clause) and opener.lower_ in words and opener.tag_ in ("WP", "WRB")


def _has_condition(token, marks: frozenset[str], chain: list) -> bool:
    for child in token.children:
        if child.dep_ == "advcl" and child not in chain:
            if any(grand.dep_ == "mark" and grand.lower_ in marks for grand in child.children):
                return True
    return False
