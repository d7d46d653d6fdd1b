"""One person, one actor within a document: a bare name ("Lopez", "Mr. Silva") after the person's
full name ("Ana Lopez Ramos", "Jorge Silva") is that person.

The actors stage resolves each mention alone, so a bare surname may go to another person of the
same name in the knowledge base, or to nobody. Within one report a writer who has named a
person in full uses the bare name for that same person; the meeting stage reads mentions that way.
Only a name that one full name of the document holds counts (two Lopezes named in full leave "Lopez"
as the actors stage read it).
"""

from __future__ import annotations

import re
from typing import Any

from spacy.attrs import ENT_IOB, IDX, POS, TAG
from spacy.strings import get_string_id
from spacy.symbols import PROPN

from parley.document import token_columns, token_texts

# words before a name that are no part of it ("Mr. Lopez", "President Silva", "leader Lopez")
TITLE_WORDS = {
    "mr", "mrs", "ms", "dr", "president", "prime", "minister", "chairman", "leader", "secretary", "general",
    "king", "queen", "prince", "supreme", "foreign", "premier", "chancellor", "vice", "sen", "senator", "rep",
    "envoy", "ambassador", "emir", "sheikh", "crown", "state", "of", "the", "gen", "lt", "col", "adm",
}
NNP = get_string_id("NNP")
OUTSIDE = 2                  # ENT_IOB of a token outside every entity ("O")
NAME_WORD = re.compile(r"[A-Z][\w'’-]+")


def name_words(text: str) -> list[str]:
    """The words of a person's name in ``text``, titles left out ("President Xi Jinping": Xi, Jinping)."""
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
        words = [w for w in name_words(doc.text[m["char_start"]:m["char_end"]]) if set(re.split(r"[-'’]", w.lower())) & own]
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
        words = name_words(doc.text[m["char_start"]:m["char_end"]])
        full = names.get(words[0]) if len(words) == 1 else None
        if full and full[0] < m["char_start"] and full[1].get("actor_id") != m.get("actor_id") \
                and m.get("type") in ("person", None):
            m = {**full[1], **{k: m[k] for k in ("text", "char_start", "char_end", "sentence") if k in m},
                 "via": "same name before"}
        out.append(m)
    sdoc = getattr(doc, "spacy_doc", None)
    if sdoc is not None:
        covered = [(m["char_start"], m["char_end"]) for m in out]
        for start, end in _bare_names(sdoc):
            words = name_words(doc.text[start:end])
            full = names.get(words[0]) if len(words) == 1 else None
            if full is None or full[0] >= start or any(s < end and start < e for s, e in covered):
                continue
            sent = doc.sentence_at(start)
            covered.append((start, end))
            out.append({**full[1], "text": doc.text[start:end], "char_start": start, "char_end": end,
                        "sentence": sent.index if sent else None, "via": "same name before"})
        out.sort(key=lambda m: m["char_start"])
    return out


def _bare_names(sdoc: Any) -> list[tuple[int, int]]:
    """Where a name may stand alone: the parser's persons, and a proper noun that is a name by
    itself, outside every entity and apart from other proper nouns ("a news conference with Xi",
    where the entity recogniser takes a short surname for no name at all)."""
    spans = [(e.start_char, e.end_char) for e in sdoc.ents if e.label_ == "PERSON"]
    # over columns of the doc's tokens: a Token object per word cost most of this stage's time
    texts = token_texts(sdoc)
    tags, iobs, parts, starts = token_columns(sdoc, (TAG, ENT_IOB, POS, IDX))
    last = len(tags) - 1
    for i in [i for i, tag in enumerate(tags) if tag == NNP]:
        if iobs[i] != OUTSIDE or not texts[i][:1].isupper():
            continue
        if (i and parts[i - 1] == PROPN) or (i < last and parts[i + 1] == PROPN):
            continue
        spans.append((starts[i], starts[i] + len(texts[i])))
    return sorted(spans)
