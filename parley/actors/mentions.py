"""Finding the pieces of actor mentions in a spaCy ``Doc``.

Three scanners produce :class:`Atom` objects, each a token span with what it names:

- :func:`scan_names` - knowledge-base names (countries, capitals, demonyms, IGOs, groups,
  people, and people learned from earlier documents), matched on transliteration keys so that
  spelling variants meet, with case rules so that "us" is not the US;
- :func:`scan_sectors` - sector words and phrases ("foreign ministry", "troops", "deputy foreign
  minister");
- :func:`scan_people` - spaCy PERSON entities that the knowledge base does not know.

:mod:`parley.actors.resolve` composes atoms into mentions.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import islice
from datetime import date

from spacy.attrs import POS
from spacy.symbols import PROPN
from spacy.tokens import Doc, Token

from parley.actors.kb import KnowledgeBase
from parley.actors.keys import name_key, split_name, token_key
from parley.document import token_texts
from parley.name_words import words as name_words



# Lower-case words inside people's names ("Omar Hassan al-Bashir", "Ursula von der Leyen").
_PARTICLES = {"al", "el", "bin", "ibn", "bint", "de", "da", "di", "du", "van", "von", "der", "la", "le",
              "arap", "dos"}


@dataclass
class Atom:
    """A token span ``[start, end)`` and what it names.

    ``kind``: ``actor`` (``ref`` = actor id), ``capital`` / ``demonym`` (``ref`` = ISO3),
    ``sector`` (``word`` = the sectors.yaml entry), ``person`` (a name the KB does not know;
    ``ref`` = None).
    """

    start: int
    end: int
    kind: str
    ref: str | None = None
    word: dict | None = None
    dates: tuple[str | None, str | None] = (None, None)
    used: bool = False
    extra: dict = field(default_factory=dict)


def case_ok(text: str, flag: int, organisation: bool = False) -> bool:
    """Whether ``text`` is written as a name's case rule wants (3: an acronym said as a word, in
    capitals or, where the tagger sees a proper noun, as "Nato"; 2: capitals; 1: initial capital;
    0: any).

    :param text: the word as written.
    :param flag: the name's case rule for the word.
    :param organisation: whether the word is a proper noun (or in an organisation entity):
        "Olive oil", "Youth groups" are not OLIVE or YOUTH.
    """
    if flag == 3:
        return text.isupper() or (organisation and text.istitle())
    if flag == 2:
        bare = text.replace(".", "")
        return bare.isupper() and len(bare) > 1
    if flag == 1:
        return text[:1].isupper()
    return True


_PRIORITY = {"actor": 0, "capital": 1, "demonym": 2, "people": 3, "ethnic": 4, "group_adj": 5}


def _pick(kb: KnowledgeBase, entries: list[tuple], day: str) -> tuple:
    def rank(entry: tuple) -> tuple:
        valid = 0
        if entry[0] == "capital":
            start, end = entry[2], entry[3]
            valid = 0 if (start or "") <= day and (end is None or day <= end) else 1
        person = entry[0] == "actor" and kb.actors.get(entry[1], {}).get("type") == "person"
        return (_PRIORITY[entry[0]], valid, person)
    return min(entries, key=rank)


_LENGTHS: dict[int, tuple[int, dict[str, tuple[int, ...]]]] = {}


def _name_lengths(indexes: list[dict]) -> list[dict[str, tuple[int, ...]]]:
    """Per index, first key of a name -> the lengths (in keys) of the names starting with it,
    longest first.

    Cached per index; names added since (people learned from text as a run goes on) are
    folded in without reading the others again.
    """
    tables = []
    for index in indexes:
        seen, table = _LENGTHS.get(id(index), (0, {}))
        if len(index) < seen:
            seen, table = 0, {}
        if len(index) > seen:       # islice skips by walking: the whole knowledge base each call
            for key in islice(index, seen, None):
                if key and key[0][:1].isalnum() and len(key) not in table.get(key[0], ()):
                    table[key[0]] = tuple(sorted((*table.get(key[0], ()), len(key)), reverse=True))
            _LENGTHS[id(index)] = (len(index), table)
        tables.append(table)
    return tables


def scan_names(sdoc: Doc, kb: KnowledgeBase, extra: dict | None = None,
               day: date | None = None) -> list[Atom]:
    """Find knowledge-base names in ``sdoc``, longest match first, without overlaps.

    :param sdoc: a spaCy doc.
    :param kb: the knowledge base.
    :param extra: more name keys -> [(flags, entry)] (people learned from earlier documents).
    :param day: the document date, to prefer the capital name valid then.
    :returns: atoms of kind ``actor``, ``capital`` or ``demonym``.
    """
    when = (day or date.today()).isoformat()
    texts = token_texts(sdoc)
    seq, keys = _token_keys(sdoc, texts)
    # where an acronym said as a word may be written "Nato": a proper noun (or NER's organisation)
    # standing alone, not inside a longer name ("Ground Zero", "a Honda Civic")
    tags = sdoc.to_array([POS]).tolist()
    proper = {i for e in sdoc.ents if e.label_ == "ORG" for i in range(e.start, e.end)}
    proper.update(i for i, tag in enumerate(tags) if tag == PROPN)
    organisations = {i for i in proper if i - 1 not in proper and i + 1 not in proper}
    indexes = [kb.names] + ([extra] if extra else [])
    atoms: list[Atom] = []
    n = len(seq)
    pos = 0
    max_len = 8
    tables = _name_lengths(indexes)
    first = tables[0]
    others = tables[1:]
    # only a key that begins some name can start a match: the others are passed over at once
    other = others[0] if len(others) == 1 else {k: () for table in others for k in table}
    starts = [p for p, k in enumerate(keys) if k in first or k in other]
    for pos_start in starts:
        if pos_start < pos:
            continue            # inside the name matched last
        pos = pos_start
        found = None
        lengths = first.get(keys[pos], ())
        for table in others:
            if keys[pos] in table:
                lengths = tuple(sorted({*lengths, *table[keys[pos]]}, reverse=True))
        if lengths:
            # only the lengths of names that start with this key can match, longest first
            longest = min(max_len, n - pos)
            for length in lengths:
                if length > longest:
                    continue
                key = tuple(keys[pos:pos + length])
                hits = []
                for index in indexes:
                    for flags, entry in index.get(key, ()):
                        if all(case_ok(texts[seq[pos + k][0]], f, seq[pos + k][0] in organisations)
                               for k, f in enumerate(flags)):
                            hits.append(entry)
                if hits:
                    found = (length, _pick(kb, hits, when))
                    break
        if found is None:
            pos += 1
            continue
        length, entry = found
        start, end = seq[pos][0], seq[pos + length - 1][0] + 1
        if entry[0] == "capital":
            atoms.append(Atom(start, end, "capital", entry[1], dates=(entry[2], entry[3])))
        else:
            atoms.append(Atom(start, end, entry[0], entry[1]))
        pos += length
    return atoms


def _token_keys(sdoc: Doc, texts: list[str]) -> tuple[list[tuple[int, str]], list[str]]:
    """``(token index, key)`` of every token with a name key, and the keys alone, listed once per
    doc (the names of the nlp stage and the actors stage both scan it); kept in
    ``user_data["name_keys"]`` beside the token texts they were made from."""
    found = sdoc.user_data.get("name_keys")
    if found is None or found[0] is not texts:
        seq = [(i, k) for i, k in enumerate(map(token_key, texts)) if k]
        found = sdoc.user_data["name_keys"] = (texts, seq, [k for _, k in seq])
    return found[1], found[2]


def _is_head(sdoc: Doc, last: int, word: dict) -> bool:
    """A sector phrase must end in a noun, and not inside a proper name ("The Media Line")."""
    token = sdoc[last]
    if token.pos_ and token.pos_ not in ("NOUN", "PROPN"):
        return False
    if word["kind"] != "person" and last + 1 < len(sdoc):
        nxt = sdoc[last + 1]
        if nxt.text[:1].isupper() and nxt.pos_ == "PROPN" and token.text[:1].isupper():
            return False
    return True


def scan_sectors(sdoc: Doc, kb: KnowledgeBase, taken: set[int]) -> list[Atom]:
    """Find sector words and phrases, longest first, outside the tokens in ``taken``.

    :param sdoc: a spaCy doc.
    :param kb: the knowledge base.
    :param taken: token indices already inside a name.
    :returns: atoms of kind ``sector``.
    """
    atoms: list[Atom] = []
    # "Gen." is one token in text but "gen" "." in the phrase table
    lower = [t.lower().rstrip(".") if len(t) > 2 and t.endswith(".") else t.lower() for t in token_texts(sdoc)]
    n = len(lower)
    i = 0
    while i < n:
        hit = None
        if i not in taken and lower[i] in kb.first_words:
            for length in range(min(5, n - i), 0, -1):
                word = kb.words.get(tuple(lower[i:i + length]))
                if word and not any(k in taken for k in range(i, i + length)) \
                        and _is_head(sdoc, i + length - 1, word):
                    hit = (length, word)
                    break
        if hit:
            atoms.append(Atom(i, i + hit[0], "sector", word=hit[1]))
            i += hit[0]
        else:
            i += 1
    return atoms


def is_headline(sent) -> bool:
    """Title Case lines (headlines) make spaCy see people everywhere: "Astana Talks Return"."""
    words = [w for w in token_texts(sent.doc)[sent.start:sent.end] if len(w) > 3 and w.isalpha()]
    return len(words) >= 3 and sum(w[:1].isupper() for w in words) >= 0.8 * len(words)


def scan_people(sdoc: Doc, kb: KnowledgeBase, taken: set[int]) -> list[Atom]:
    """Turn spaCy PERSON entities outside known names into ``person`` atoms.

    Leading titles and sector words are trimmed; an entity touching a known name is left to
    the knowledge base.

    :param sdoc: a spaCy doc.
    :param kb: the knowledge base.
    :param taken: token indices already inside a name or sector phrase.
    """
    atoms = []
    for ent in sdoc.ents:
        if ent.label_ != "PERSON" or is_headline(ent.sent):
            continue
        start, end = ent.start, ent.end
        while start < end and (start in taken or sdoc[start].lower_ in name_words("titles")
                               or not sdoc[start].text[:1].isalpha()):
            start += 1
        while end > start and (sdoc[end - 1].is_punct or sdoc[end - 1].lower_ in ("'s", "’s")):
            end -= 1
        if start >= end or any(k in taken for k in range(start, end)):
            continue
        words = [t for t in sdoc[start:end] if t.is_alpha and t.lower_ not in _PARTICLES]
        if not words or not all(t.text[:1].isupper() and (t.pos_ in ("PROPN", "") or _given_name_as_pronoun(t, start))
                                for t in words):
            continue
        if any(t.is_upper and len(t) > 1 for t in words) or any(t.like_num for t in sdoc[start:end]):
            continue
        atoms.append(Atom(start, end, "person"))
    return atoms


def _given_name_as_pronoun(token: Token, start: int) -> bool:
    """True if a capitalised pronoun inside a person's name, after its first word and not at a
    sentence's start, is a name: English writes pronouns other than "I" in lower case mid-sentence,
    so the "He" of "Vice Premier Liu He" is his given name, not "he"."""
    return token.pos_ == "PRON" and token.i > start and not token.is_sent_start and token.text != "I"


def lookup(kb, name: str, day=None) -> list[dict]:
    """What ``name`` resolves to on ``day``: every knowledge-base entry under its key, the
    chosen one first, each with the country, sector and CAMEO code that hold on that date.

    :param kb: a loaded knowledge base.
    :param name: a name as written ("Alexander Lavrentyev", "Kyrgyzstan").
    :param day: a :class:`datetime.date` (None: today).
    :returns: ``[{"id", "name", "kind", "type", "source", "country", "sector", "cameo",
        "role", "start", "end"}]``; empty if the name is unknown.
    """
    key = name_key(name)
    when = (day or date.today()).isoformat()
    tokens = [t for t in split_name(name) if token_key(t)]
    entries = [e for flags, e in kb.names.get(key, [])
               if len(flags) == len(tokens) and all(case_ok(t, f) for t, f in zip(tokens, flags))]
    if not entries:
        return []
    first = _pick(kb, entries, when)
    out = []
    for entry in [first] + [e for e in entries if e != first]:
        if entry[0] == "actor":
            actor = kb.actors[entry[1]]
            role = kb.role_at(actor, day) or {}
            country = role.get("country", actor.get("country"))
            sector = "ELI" if role.get("former") else role.get("sector", actor.get("sector"))
            out.append({"id": actor["id"], "name": actor["name"], "kind": "actor", "type": actor["type"],
                        "source": actor.get("source"), "country": country, "sector": sector,
                        "cameo": role.get("cameo") or kb.cameo(country, sector) if role else actor.get("cameo"),
                        "role": role.get("role"), "start": role.get("start"), "end": role.get("end"),
                        "src": actor.get("src")})
        elif entry[0] in ("ethnic", "group_adj"):
            home = kb.ethnic_home.get(entry[1])
            out.append({"id": entry[1], "name": entry[1], "kind": entry[0], "type": "group",
                        "source": "parley", "country": home, "sector": "CVL", "cameo": home,
                        "role": None, "start": None, "end": None, "src": "ethnic_groups.tsv"})
        else:
            state = kb.actors[entry[1]]
            out.append({"id": state["id"], "name": state["name"], "kind": entry[0], "type": "state",
                        "source": state.get("source"), "country": state["id"], "sector": None,
                        "cameo": kb.cameo_country.get(state["id"], state["id"]), "role": None,
                        "start": entry[2] if entry[0] == "capital" else None,
                        "end": entry[3] if entry[0] == "capital" else None, "src": None})
    return out
