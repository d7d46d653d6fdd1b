"""One person, one actor within a document: a bare name ("Kim", "Mr. Xi") after the person's
full name ("Kim Jong Un", "Xi Jinping") is that person.

The actors stage resolves each mention alone, so a bare surname may go to another person of the
same name in the knowledge base, or to nobody. Within one report a writer who has named a
person in full uses the bare name for that same person; the meeting stage reads mentions that way.
Only a name that one full name of the document holds counts (two Kims named in full leave "Kim"
as the actors stage read it).
"""

from __future__ import annotations

import re
from typing import Any

# words before a name that are no part of it ("Mr. Kim", "President Moon", "leader Kim")
TITLE_WORDS = {
    "mr", "mrs", "ms", "dr", "president", "prime", "minister", "chairman", "leader", "secretary", "general",
    "king", "queen", "prince", "supreme", "foreign", "premier", "chancellor", "vice", "sen", "senator", "rep",
    "envoy", "ambassador", "emir", "sheikh", "crown", "state", "of", "the", "gen", "lt", "col", "adm",
}
NAME_WORD = re.compile(r"[A-Z][\w'’-]+")


def _name_words(text: str) -> list[str]:
    return [w for w in NAME_WORD.findall(text) if w.lower().rstrip(".") not in TITLE_WORDS]


def corefer_surnames(doc: Any, mentions: list[dict]) -> list[dict]:
    """Return ``mentions`` with bare names re-attributed to the person the document named in full
    before, plus a mention for each bare name the parser calls a person and no mention covers.

    :param doc: the :class:`~parley.document.Document` (its text and parse).
    :param mentions: its actor mentions, in text order.
    """
    first_full: dict[str, tuple[int, dict]] = {}   # name word -> (where first named in full, mention)
    clashing: set[str] = set()
    for m in mentions:
        if m.get("type") != "person":
            continue
        # "North Korean leader" names no one: only words of the person's own name count
        own = set(re.findall(r"[\w'’]+", (m.get("name") or "").lower()))
        words = [w for w in _name_words(doc.text[m["char_start"]:m["char_end"]]) if set(re.split(r"[-'’]", w.lower())) & own]
        if len(words) < 2:
            continue
        for w in words:
            known = first_full.get(w)
            if known and known[1].get("actor_id") != m.get("actor_id"):
                clashing.add(w)
            elif not known:
                first_full[w] = (m["char_start"], m)
    names = {w: v for w, v in first_full.items() if w not in clashing}
    if not names:
        return mentions
    out = []
    for m in mentions:
        words = _name_words(doc.text[m["char_start"]:m["char_end"]])
        full = names.get(words[0]) if len(words) == 1 else None
        if full and full[0] < m["char_start"] and full[1].get("actor_id") != m.get("actor_id") \
                and m.get("type") in ("person", None):
            m = {**full[1], **{k: m[k] for k in ("text", "char_start", "char_end", "sentence") if k in m},
                 "via": "same name before"}
        out.append(m)
    sdoc = getattr(doc, "spacy_doc", None)
    if sdoc is not None:
        covered = [(m["char_start"], m["char_end"]) for m in out]
        for ent in sdoc.ents:
            if ent.label_ != "PERSON":
                continue
            words = _name_words(ent.text)
            full = names.get(words[0]) if len(words) == 1 else None
            if full is None or full[0] >= ent.start_char or any(s < ent.end_char and ent.start_char < e
                                                                for s, e in covered):
                continue
            sent = doc.sentence_at(ent.start_char)
            out.append({**full[1], "text": ent.text, "char_start": ent.start_char, "char_end": ent.end_char,
                        "sentence": sent.index if sent else None, "via": "same name before"})
        out.sort(key=lambda m: m["char_start"])
    return out
