"""The tense a time expression is used in: read from the spaCy parse, or from cue words.

"will open on Friday" is a future Friday, "opened on Friday" a past one; the tense picks
which occurrence of a weekday or year-less date is meant.
"""

from __future__ import annotations

from typing import Any

from parley.times.lexicon import Lexicon

_PAST_TAGS = {"VBD"}
_HAVE = {"have", "has", "had", "'ve", "'d"}
_BE_PAST = {"was", "were"}


def _governing_verb(token: Any) -> Any:
    """Walk up the parse from ``token`` to the first verb (or the root)."""
    seen = 0
    while token.pos_ not in ("VERB", "AUX") and token.head is not token and seen < 12:
        token = token.head
        seen += 1
    return token


def _verb_tense(verb: Any, lex: Lexicon, depth: int = 0) -> str | None:
    """The tense of ``verb``'s clause; a present-tense clause opened by "if"/"when"/"once"...
    (``clause_marks``) on a verb in the future speaks of that future ("will open the stadium
    when he arrives on Monday", "they'll find out if they can agree on Friday")."""
    tense = _own_tense(verb, lex, depth)
    if (tense == "present" and verb.tag_ in ("VBZ", "VBP", "VB") and verb.dep_ in ("advcl", "ccomp")
            and verb.head is not verb and verb.lemma_.lower() not in lex.target_verbs
            and any(c.dep_ in ("mark", "advmod") and c.text.lower() in lex.clause_marks for c in verb.children)
            and _verb_tense(verb.head, lex, depth + 1) == "future"):
        return "future"
    return tense


def _own_tense(verb: Any, lex: Lexicon, depth: int = 0) -> str | None:  # noqa: C901 - a decision list
    # depth bounds the walk up the parse: a parse can chain conjuncts and infinitives
    # into a loop (benchmark article 4oPf86fpFe6AGutN hit the recursion limit)
    if verb.pos_ not in ("VERB", "AUX") or depth > 25:
        return None
    if verb.lemma_.lower() in lex.target_verbs and verb.tag_ in ("VBN", "VBD", "VBZ", "VBP", "JJ"):
        # "scheduled for Feb. 8", "postponed to Feb. 23": a target date, no tense of its own
        return "present"
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {c.text.lower() for c in aux}
    if words & lex.future_aux:
        return "future"
    if verb.tag_ in ("VB", "VBN") and any(c.tag_ == "TO" for c in aux):
        if verb.dep_ in ("acl", "relcl"):    # "the budget to be presented on Wednesday"
            return "future"
        head = verb.head
        if head is not verb and head.lemma_.lower() in lex.future_governors:
            return "future"
        if head is not verb:
            upper = _verb_tense(head, lex, depth + 1)
            return "future" if upper == "future" else "present"
        return None
    if verb.tag_ == "VB" and words & {"would", "could", "might", "may", "should", "must", "can"}:
        return "present"
    if verb.tag_ in _PAST_TAGS:
        return "past"
    if verb.tag_ == "VBN":
        if words & (_HAVE | _BE_PAST) or not aux:
            return "past"
        return "present"
    if verb.tag_ == "VBG" and words & ({"was", "were"} | _HAVE):
        return "past"
    if verb.tag_ in ("VBZ", "VBP", "VBG"):
        return "present"
    if verb.tag_ == "VB" and verb.dep_ == "conj":
        return _verb_tense(verb.head, lex, depth + 1)
    return None


def _spacy_tense(spacy_doc: Any, start: int, end: int, lex: Lexicon) -> tuple[bool, str | None]:
    try:
        if not spacy_doc.has_annotation("DEP"):
            return False, None
    except AttributeError:
        return False, None
    span = spacy_doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0 or not any(t.tag_ for t in span):
        return False, None          # a sentence the nlp stage left unparsed
    root = span.root
    prep = root.head
    if (prep.dep_ == "prep" and prep.text.lower() in lex.retarget_prepositions
            and prep.head.lemma_.lower() in lex.retarget_verbs):
        return True, "future"
    return True, _verb_tense(_governing_verb(root), lex)


def _cue_tense(text: str, start: int, end: int, sentence: tuple[int, int], lex: Lexicon) -> str | None:
    lo, hi = sentence
    before = text[max(lo, start - 80):start]
    after = text[end:min(hi, end + 40)]
    if lex.retarget_cues.search(before):
        return "future"
    if lex.target_cues.search(before):
        return "present"
    # the cue nearest to the expression wins; words before it count a little more
    best: tuple[int, str] | None = None
    for tense, cues in (("future", lex.future_cues), ("past", lex.past_cues)):
        for m in cues.finditer(before):
            gap = len(before) - m.end()
            best = min(best or (gap, tense), (gap, tense))
        m = cues.search(after)
        if m:
            best = min(best or (m.start() + 10, tense), (m.start() + 10, tense))
    return best[1] if best else None


def tense_at(text: str, start: int, end: int, sentence: tuple[int, int], spacy_doc: Any,
             lex: Lexicon) -> str | None:
    """Return the tense ("past", "future", "present" or None) of the expression at a span.

    The spaCy parse decides when ``spacy_doc`` is a parsed ``Doc`` of ``text``; otherwise
    cue words near the expression in its sentence do.

    :param text: the clean text.
    :param start: the expression's first character.
    :param end: the character after its last.
    :param sentence: the ``(start, end)`` span of its sentence.
    :param spacy_doc: a parsed spaCy ``Doc`` of ``text``, or None.
    :param lex: the time lexicon.
    """
    if lex.retarget_cues.search(text, max(sentence[0], start - 40), start):
        return "future"              # "postponed until Tuesday": before "until" reads neutral
    lead = lex.preceders.search(text, max(sentence[0], start - 30), start)
    if lead:
        return lead.lastgroup
    if lex.target_nouns.match(text, end):
        return "present"
    if spacy_doc is not None and len(spacy_doc) and spacy_doc[-1].idx + len(spacy_doc[-1].text_with_ws) == len(text):
        parsed, tense = _spacy_tense(spacy_doc, start, end, lex)
        if parsed:
            return tense
    return _cue_tense(text, start, end, sentence, lex)
