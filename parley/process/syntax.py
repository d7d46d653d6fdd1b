"""Dependency helpers shared by meeting, role and decision recognition.

They work on the spaCy ``Doc`` that ``parley_nlp`` leaves on ``doc.spacy_doc`` and degrade
to "no opinion" (None or empty) when there is no parse.
"""

from __future__ import annotations

from typing import Any, Iterable

# edges that open a clause of its own: what lies below them is not said of the head
CLAUSE_EDGES = {"relcl", "acl", "advcl", "ccomp", "parataxis"}
VERB_POS = {"VERB", "AUX"}
# nouns that name a place by the name after "of" ("the Swiss city of Geneva")
PLACE_NOUNS = ("city", "town", "capital", "resort", "village", "port")


def place_phrase_root(token: Any) -> Any:
    """The head of the phrase a place name stands in: the place noun of "the Saudi capital of
    Riyadh", "the Swiss city of Geneva" (the name itself hangs on "of"), else the name's own token."""
    if token is not None and token.head.lower_ == "of" and token.head.head.lemma_.lower() in PLACE_NOUNS:
        return token.head.head
    return token


def token_span(sdoc: Any, start: int, end: int) -> Any:
    """Return the spaCy span covering characters ``start:end`` (expanded to tokens), or None.

    :param sdoc: a spaCy ``Doc`` or None.
    :param start: first character.
    :param end: character after the last.
    """
    if sdoc is None:
        return None
    return sdoc.char_span(start, end, alignment_mode="expand")


def span_root(sdoc: Any, start: int, end: int) -> Any:
    """Return the syntactic root token of the characters ``start:end``, or None."""
    span = token_span(sdoc, start, end)
    return span.root if span is not None and len(span) else None


def governing_verb(token: Any) -> Any:
    """Return the nearest verb above ``token`` (not the token itself), or None."""
    if token is None:
        return None
    node = token
    while node.head.i != node.i:
        node = node.head
        if node.pos_ in VERB_POS:
            return node
    return None


def verb_chain(verb: Any) -> list[Any]:
    """Return ``verb`` and the verbs it is an open complement or conjunct of ("set to convene")."""
    chain = [verb]
    node = verb
    while node is not None and node.dep_ in ("xcomp", "conj", "auxpass") and node.head.i != node.i:
        node = node.head
        chain.append(node)
    return chain


RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})


def subject_of(verb: Any) -> Any:
    """Return the (passive) subject of ``verb`` or of the verb it complements, or None. The subject
    of a relative clause that is a relative pronoun ("Trump, who met Putin in July") stands for the
    noun the clause is said of."""
    for v in verb_chain(verb):
        for child in v.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                if child.lower_ in RELATIVE_PRONOUNS and v.dep_ == "relcl" and v.head.i != v.i:
                    return v.head
                return child
    return None


def path_crosses(token: Any, top: Any, edges: Iterable[str] = CLAUSE_EDGES) -> bool:
    """Return True if the path from ``token`` up to ``top`` passes a clause edge.

    :param token: a token below ``top``.
    :param top: an ancestor of ``token``.
    :param edges: the dependency labels that count as crossing.
    """
    edges = set(edges)
    node = token
    while node.i != top.i and node.head.i != node.i:
        if node.dep_ in edges:
            return True
        node = node.head
    return False


def is_ancestor(top: Any, token: Any) -> bool:
    """Return True if ``top`` is ``token`` or one of its ancestors."""
    return top.i == token.i or any(a.i == top.i for a in token.ancestors)


def phrase_tokens(head: Any) -> list[Any]:
    """Return the tokens of the noun phrase headed by ``head``, without clauses hung on it.

    :param head: the head noun of a meeting phrase.
    """
    out = []
    for tok in head.subtree:
        if "\n" in tok.doc[min(tok.i, head.i):max(tok.i, head.i)].text_with_ws:
            continue  # a title run into the first sentence: keep to the head's own line
        node, keep = tok, True
        while node.i != head.i:
            if node.dep_ in CLAUSE_EDGES or (node.head.i == head.i and node.dep_ in ("conj", "cc", "punct")):
                keep = False
                break
            node = node.head
        if keep:
            out.append(tok)
    return out


def left_extent(token: Any) -> tuple[int, int]:
    """Return the character range from ``token``'s left edge to its end (its modifiers and itself)."""
    return token.left_edge.idx, token.idx + len(token.text)


def attached_below(inner: Any, outer: Any) -> bool:
    """True if ``inner`` hangs from ``outer`` through "of" or as a compound ("round of talks")."""
    if inner.head.i == outer.i and inner.dep_ in ("compound", "nmod", "amod"):
        return True
    prep = inner.head
    return inner.dep_ == "pobj" and prep.dep_ == "prep" and prep.lower_ == "of" and prep.head.i == outer.i


def on_partner(noun: Any, chain: list[Any]) -> bool:
    """ "met with the Mexican president in Mexico City", "met Putin in Helsinki", "speaking alongside
    the king in Madrid": a place the parse hangs on the one met is where the meeting is (a person is
    not "in" a city in these clauses)."""
    if noun.pos_ not in ("PROPN", "NOUN") or noun.dep_ not in ("dobj", "pobj"):
        return False
    if noun.dep_ == "dobj":
        return noun.head in chain
    prep = noun.head
    if prep.lower_ == "to" and prep.head.lower_ == "next":  # "standing next to the king in Madrid"
        prep = prep.head
    return prep.lower_ in ("with", "between", "alongside", "beside", "next") and prep.head in chain


# nouns of an occasion something is done at ("at the summit", "during a news conference", "on the
# sidelines of the summit"): a place or time of the occasion is one of what is done there
OCCASION_NOUNS = frozenset({"summit", "conference", "meeting", "talks", "forum", "gathering", "session",
                            "ceremony", "negotiations", "sideline", "sidelines", "margins", "dinner", "lunch"})


# nouns of a speech made at an occasion ("promised in a speech at the forum", "said in remarks at the
# summit"): what is said in it is done at the occasion
SPEECH_NOUNS = frozenset({"speech", "address", "remarks", "keynote"})


# parts of a meeting that are at it: "on the sidelines of", "at the end of", "at the close of the summit"
# (not "the eve of", the day before)
OCCASION_PARTS = ("sidelines", "margins", "sideline", "margin", "end", "close", "conclusion", "start", "opening")


def occasion_of(noun: Any, verb: Any) -> bool:
    """True if ``noun`` names the occasion at which ``verb`` happens: "told reporters at the summit",
    "announced during a news conference at the summit", "met Putin on the sidelines of the summit",
    "speaking at the end of the summit", "promised in a speech at the forum" (up to three occasions deep)."""
    node = noun
    for _ in range(3):
        if node.dep_ != "pobj" or node.head.dep_ != "prep":
            return False
        prep = node.head
        if prep.lower_ == "of" and (prep.head.lower_ in OCCASION_PARTS or (
                prep.head.pos_ == "PROPN" and node.lemma_.lower() in OCCASION_NOUNS)):
            node = prep.head  # "the sidelines of the summit"; "the Group of 20 summit" read as "Group of [summit]"
            continue
        if prep.lower_ not in ("at", "during", "on") and not (prep.lower_ == "in" and node.lemma_.lower() in SPEECH_NOUNS):
            return False
        if prep.head.i == verb.i:
            return True
        if prep.head.pos_ != "NOUN" or prep.head.lemma_.lower() not in OCCASION_NOUNS | SPEECH_NOUNS:
            return False
        node = prep.head
    return False



def same_token(a: Any, b: Any) -> bool:
    """True if two tokens (either may be None) are the same token of the parse."""
    return a is not None and b is not None and a.i == b.i


def joined_to_clause_of(noun: Any, verb: Any) -> bool:
    """True if a noun is joined by "and" to a word of ``verb``'s clause as a second object of it ("holds
    talks with X today and a meeting with Y tomorrow": the parser hangs "a meeting" on "talks", on the
    verb itself or on "today").

    :param noun: a noun that may be a conjunct.
    :param verb: the verb whose clause it may belong to.
    """
    node = noun
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head
        if node.i == verb.i or (node.head.i == verb.i and node.dep_ in ("dobj", "npadvmod")):
            return True
    return False


def denied(verb: Any) -> bool:
    """True if ``verb`` is negated, or joined by "or"/"and" to a negated verb before it ("would not
    shake hands or meet": the negation covers both)."""
    node = verb
    for _ in range(4):
        if any(c.dep_ == "neg" for c in node.children):
            return True
        if node.dep_ != "conj" or node.head.pos_ not in ("VERB", "AUX"):
            return False
        node = node.head
    return False


def where_clause(verb: Any) -> Any:
    """The relative clause of "where" that ``verb`` tells, or None: "returned from Tehran, where he met
    Rouhani", "spoke at the Kremlin, where he was meeting Modi" (the clause's verb, whose
    head is the place, or a word after it, that the clause is said of)."""
    for v in verb_chain(verb):
        if v.dep_ in ("relcl", "advcl") and v.head.i != v.i and where_word(v) is not None:
            return v
    return None


def where_word(clause: Any) -> Any:
    """The word "where" that opens the relative clause of verb ``clause``, or None."""
    return next((c for c in clause.children if c.dep_ == "advmod" and c.lower_ == "where" and c.i < clause.i), None)
