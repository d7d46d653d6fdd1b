"""What a third-person pronoun stands for: the persons named before it (session 22, issue 20).

A pronoun continues the topic of the text before it, and the topic of a sentence is the subject of
its main clause (:mod:`parley.clauses`): in "The president arrived in Lima. He held talks with the
premier. He will fly to Quito" both pronouns stand for the president, never for the premier he met.
:func:`antecedents` gives the persons a pronoun stands for; what they may be is the caller's
(:func:`parley.process.participants.pronoun_leaders` keeps the leaders of one state). The pronouns
are the lexicon's ``subject_pronouns``, ``object_pronouns``, ``possessive_pronouns`` and
``plural_pronouns`` (``parley/data/processes.yaml``), the one list of the meeting stage.
"""

from __future__ import annotations

import re
from typing import Any

from parley import clauses
from parley.process import syntax

CASES = ("subject", "object", "possessive")
# sentences before a pronoun's own that may name what it stands for; pronoun subjects followed back
LOOKBACK = 2
CHAIN = 3


def person_pronouns(lex: Any, *cases: str, plural: bool | None = None) -> frozenset[str]:
    """The third-person personal pronouns of the lexicon in ``cases`` ("subject", "object",
    "possessive"; all three when none is named): the plural ones only (``plural`` True), the singular
    ones only (False) or both (None)."""
    words = frozenset().union(*(lex.words(f"{case}_pronouns") for case in cases or CASES))
    if plural is None:
        return words
    many = lex.words("plural_pronouns")
    return words & many if plural else words - many


def subject_form(lex: Any, word: str) -> str | None:
    """The subject form of a third-person personal pronoun ("him", "his" -> "he"; "her" -> "she";
    "them" -> "they"): the word at its place in ``subject_pronouns`` (the case lists of the lexicon run
    in one order), or None for another word."""
    word = word.lower()
    for case in CASES:
        listed = [w.lower() for w in lex.data.get(f"{case}_pronouns", [])]
        if word in listed:
            subjects = lex.data.get("subject_pronouns", [])
            index = listed.index(word)
            return subjects[index].lower() if index < len(subjects) else None
    return None


def antecedents(ctx: Any, sent: Any, pron: Any, depth: int = 0) -> tuple[list[dict], list[tuple[int, int]]] | None:
    """The persons a third-person pronoun stands for: the subject of a clause above its own in its
    sentence ("Costa said he will ..."), else the main-clause subject of the nearest sentence before it
    (two at most) whose subject names a person; through a pronoun subject there ("He held talks
    with ...") what that pronoun stood for. Objects and names in other clauses are never taken ("X met
    Y. He will ...": X), and a chain follows one pronoun ("he" never stands for what "she" did). A
    sentence before whose subject names no one but which names a person elsewhere ends the search: its
    topic is not known. Where the parser did not read a sentence, the person it names first counts,
    with those coordinated with him (news names the subject first). Nothing across a change of voice:
    a person outside a quotation is no candidate for a pronoun inside one, nor the other way round.

    :param ctx: the :class:`~parley.process.context.DocumentContext`.
    :param sent: the pronoun's :class:`~parley.document.Sentence`.
    :param pron: the pronoun's token.
    :returns: ``(mentions, unknown)``: the actor mentions of persons (or of titles typed as a state:
        "Romania's president") and the spans ``(start, end)`` of persons no mention covers; None when
        the text names no one it may stand for, or more than its rule allows to tell.
    """
    if ctx.sdoc is None or sent is None:
        return None
    voice = inside_quotation(ctx.doc.text, pron.idx)
    found = in_own_sentence(ctx, sent, pron) if pron.dep_ else _first_named(ctx, sent, pron.idx, voice)
    if found != ([], []):
        return found
    same = subject_form(ctx.lex, pron.lower_)
    for index in range(sent.index - 1, max(-1, sent.index - 1 - LOOKBACK), -1):
        window = ctx.doc.sentences[index]
        span = syntax.token_span(ctx.sdoc, window.char_start, window.char_end)
        if span is None or not len(span):
            continue
        if not clauses.parsed(span):
            found = _first_named(ctx, window, pron.idx, voice)
        else:
            subject = clauses.main_subject(span)
            if subject is not None and subject.lower_ == same:
                if depth >= CHAIN or inside_quotation(ctx.doc.text, subject.idx) != voice:
                    return None
                return antecedents(ctx, window, subject, depth + 1)  # "He held talks with ...": who "he" was
            found = _subject_persons(ctx, window, subject, voice) if subject is not None else ([], [])
            if found == ([], []) and any(_persons_named(ctx, window, window.char_end, None)):
                return None  # persons named only as objects or in other clauses: no topic to continue
        if found != ([], []):
            return found
    return None


def in_own_sentence(ctx: Any, sent: Any, pron: Any) -> tuple[list[dict], list[tuple[int, int]]] | None:
    """The persons named by the subject of a clause above a pronoun's own in its sentence ("Costa said
    he will ...", "Costa met Sanchez and he will ...": Costa), as :func:`antecedents` gives them; ``([],
    [])`` when no such subject names a person."""
    subject, same = clauses.subject_above(pron), subject_form(ctx.lex, pron.lower_)
    for _ in range(CHAIN):
        if subject is None or subject.lower_ != same:
            break
        subject = clauses.subject_above(subject)  # "Soto said he thought, when he met him, ...": Soto
    if subject is None:
        return [], []
    return _subject_persons(ctx, sent, subject, inside_quotation(ctx.doc.text, pron.idx))


def _subject_persons(ctx: Any, sent: Any, subject: Any, voice: int) -> tuple[list[dict], list] | None:
    """The persons a subject names, itself and the ones coordinated with it ("the emperor and the
    empress"), leaving out clauses on it ("Rutte, who met the king,"); None when one of them is in
    another voice than the pronoun's."""
    tokens = [t for head in (subject, *subject.conjuncts) for t in syntax.phrase_tokens(head)]
    spans = [(t.idx, t.idx + len(t.text)) for t in tokens]

    def named(lo: int, hi: int) -> bool:
        return any(lo < e and s < hi for s, e in spans)

    known = [m for m in ctx.mentions.get(sent.index, []) if (m.get("type") == "person" or m.get("role"))
             and named(m["char_start"], m["char_end"])]
    heads = [syntax.left_extent(t) for t in (subject, *subject.conjuncts) if t.pos_ == "PROPN"]
    unknown = [s for s in _unknown_persons(ctx, sent, heads) if named(*s)]
    if any(inside_quotation(ctx.doc.text, m["char_start"]) != voice for m in known) or any(
            inside_quotation(ctx.doc.text, s[0]) != voice for s in unknown):
        return None
    return known, unknown


def _persons_named(ctx: Any, sent: Any, before: int, voice: int | None) -> tuple[list[dict], list]:
    """The persons a sentence names before the character ``before`` (in the pronoun's ``voice``; any
    voice for None)."""
    text = ctx.doc.text

    def kept(start: int, end: int) -> bool:
        return end <= before and (voice is None or inside_quotation(text, start) == voice)

    known = [m for m in ctx.mentions.get(sent.index, []) if (m.get("type") == "person" or m.get("role"))
             and kept(m["char_start"], m["char_end"])]
    return known, [s for s in _unknown_persons(ctx, sent) if kept(*s)]


def _first_named(ctx: Any, sent: Any, before: int, voice: int) -> tuple[list[dict], list] | None:
    """The person an unparsed sentence names first before the character ``before``, with those
    coordinated with him ("Emperor Akihito and Empress Michiko laid ..."): news names a sentence's
    subject first. None when that person is in another voice than the pronoun's."""
    known, unknown = _persons_named(ctx, sent, before, None)
    persons = sorted([(m["char_start"], m["char_end"], m) for m in known] + [(lo, hi, None) for lo, hi in unknown],
                     key=lambda p: p[:2])
    chosen = persons[:1]
    for person in persons[1:]:
        if not COORDINATED_ONLY.fullmatch(ctx.doc.text, chosen[-1][1], person[0]):
            break
        chosen.append(person)
    if chosen and inside_quotation(ctx.doc.text, chosen[0][0]) != voice:
        return None
    return [m for _, _, m in chosen if m is not None], [(lo, hi) for lo, hi, m in chosen if m is None]


# what stands between two persons coordinated in a subject ("Moon and Kim", "Moon, Kim and Xi")
COORDINATED_ONLY = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)")


def _unknown_persons(ctx: Any, sent: Any, names: list[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    """The persons of a sentence that no actor mention covers, as ``(start, end)``: the names the name
    finder calls persons, and ``names`` (proper-noun subjects: "Tesla's chief Elon Musk met ...": who
    a pronoun after it most likely stands for, and one who acts for no state)."""
    covered = [(m["char_start"], m["char_end"]) for m in ctx.mentions.get(sent.index, [])]
    spans = [(e.start_char, e.end_char) for e in ctx.sdoc.ents if e.label_ == "PERSON"
             and sent.char_start <= e.start_char < sent.char_end]
    return [(lo, hi) for lo, hi in [*spans, *names] if not any(s < hi and lo < e for s, e in covered)]


# quotation marks; the places a straight one opens at (after a space, a bracket, a dash or another mark)
QUOTE_MARK = re.compile("[\"“”«»„‘’']")
OPENS_AFTER = frozenset("([{—–-\"“‘")


def inside_quotation(text: str, pos: int) -> int:
    """1 if ``pos`` is inside a quotation, else 0, read from the start of its paragraph by the marks that
    open one ("“", "‘", a straight mark after a space and before a word) and close it ("”", a straight
    mark after a word or a stop), so that a stray mark does not turn the rest of the paragraph inside
    out. Double and single quotations are followed apart. A single mark between two letters is an
    apostrophe ("Lima's"), and one after a word closes only a single quotation that is open (it is
    more often a plural's apostrophe: "the leaders' talks").

    :param text: the document's text.
    :param pos: a character offset into it.
    """
    start = text.rfind("\n", 0, pos) + 1
    double = single = False
    for match in QUOTE_MARK.finditer(text, start, pos):
        mark, i = match.group(), match.start()
        before = text[i - 1] if i > start else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        opening = before.isspace() or before in OPENS_AFTER
        if mark in "“„«":
            double = True
        elif mark in "”»":
            double = False
        elif mark == '"':
            if opening and not after.isspace():
                double = True
            elif not before.isspace() and not after.isalnum():
                double = False
            else:
                double = not double
        elif mark == "‘" or (opening and after.isalnum()):
            single = True
        elif single and not after.isalnum() and not before.isspace():
            single = False
    return int(double or single)
