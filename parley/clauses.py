"""Subjects of clauses in a parsed sentence: what a personal pronoun most likely stands for.

A third-person pronoun continues the topic of the text before it, and the topic of a sentence is
the subject of its main clause: in "The president met the premier in Oslo. He will fly to Rome" the
one who flies is the president, not the one he met. Inside its own sentence a pronoun stands for the
subject of a clause above its own ("The president said he will fly to Rome"), never for an object or
a name in a clause below. Both stages that resolve pronouns read these helpers: the events stage's
:class:`parley.events.reference.Antecedents` and the meeting stage's
:func:`parley.process.participants.pronoun_leaders`.

They take spaCy tokens and spans and give no opinion (None, False) where a sentence is unparsed: the
nlp stage parses only the sentences that may tell an event.
"""

from __future__ import annotations

from typing import Any

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
VERB_POS = frozenset({"VERB", "AUX"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
# how many heads up from a pronoun its antecedent's clause may be
_DEPTH = 12


def parsed(sent: Any) -> bool:
    """True if the parser read the sentence (a spaCy ``Span``): its root carries a dependency label."""
    return bool(sent.root.dep_)


def main_subject(sent: Any) -> Any:
    """The subject token of the main clause of a sentence (a spaCy ``Span``), or None (also for an
    unparsed sentence)."""
    return next((c for c in sent.root.children if c.dep_ in SUBJECT_DEPS), None)


def in_main_subject(token: Any) -> bool:
    """Whether a token is (in) the subject of its sentence's main clause."""
    current = token
    for _ in range(6):
        if current.dep_ in SUBJECT_DEPS:
            return current.head.dep_ == "ROOT"
        if current.head == current:
            return False
        current = current.head
    return False


def subject_above(pron: Any) -> Any:
    """The subject, named before it, of the nearest clause above a pronoun's own that has one ("Sanchez
    said he will visit Lima", "Sanchez met Costa and he will visit Lima": Sanchez), or None. For a
    possessive the subject of its own clause counts too ("Sanchez ended his visit"); for a subject
    or object pronoun it does not ("Costa said Sanchez would meet him": not Sanchez)."""
    own_clause = pron.dep_ != "poss"
    node = pron
    for _ in range(_DEPTH):
        if node.head.i == node.i:
            return None
        node = node.head
        if node.pos_ not in VERB_POS:
            continue
        if not own_clause:
            subject = next((c for c in node.children if c.dep_ in SUBJECT_DEPS), None)
            if subject is not None and subject.lower_ in RELATIVE_PRONOUNS and node.dep_ == "relcl":
                return node.head  # "Sanchez, who said he ...": the one the clause is said of
            if subject is not None and subject.i < pron.i and not (
                    subject.left_edge.i <= pron.i <= subject.right_edge.i):
                return subject
        own_clause = False
    return None
