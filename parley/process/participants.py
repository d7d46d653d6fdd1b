"""Who took part in a meeting and in what role, and what the meeting produced.

Roles come from role words next to a list of actors ("Türkiye, Russia and Iran, the
guarantors"; "the guarantors Türkiye, Russia and Iran"; "Turkish, Russian and Iranian
delegations"; "representatives of the opposition"), from verbs that take a role as object
("X are expected to send observers"), from "talks between X and Y", and from the subject of
"host". Outcomes are phrases of the lexicon that a verb says came about ("agreed to create a
ceasefire monitoring group") or that are documents by nature (a joint statement).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from parley.knowledge import data_path, read_yaml
from parley.process import syntax
from parley.process.mention import addressed
from parley.process.pronouns import antecedents, in_own_sentence, person_pronouns

BETWEEN = ("between", "among", "amongst", "with")


def actor_key(mention: dict) -> str:
    """Return the key that identifies the actor of a mention: its actor id, else country, else name."""
    return (mention.get("actor_id") or mention.get("cameo") or mention.get("country")
            or (mention.get("name") or mention.get("text") or "").strip())


@lru_cache(maxsize=1)
def state_offices() -> tuple[frozenset[str], frozenset[str], dict[str, str]]:
    """What ``parley/data/actors/sectors.yaml`` says of the persons who act for their state: the
    sectors whose persons hold offices of it (``officials: true``: government, military, police,
    intelligence), the roles that are ranks, not offices (``rank: true``: a soldier, an officer), and
    the titles one person holds at a time as the head of a state (``office_of``: the pope, of the
    Holy See). The actors stage checks the file's schema when it loads it.

    :returns: ``(sectors, rank roles, {title: its state})``.
    """
    data = read_yaml(data_path("actors", "sectors.yaml")).data
    sectors = frozenset(code for code, sector in data["sectors"].items() if sector.get("officials"))
    ranks = frozenset(w.get("role", w["phrase"]) for w in data["words"] if w.get("rank"))
    heads = {w.get("role", w["phrase"]): w["office_of"] for w in data["words"] if w.get("office_of")}
    return sectors, ranks, heads


def acts_for_state(mention: dict) -> bool:
    """True if a mention is a person who acts for a known country when meeting foreign counterparts
    or visiting abroad: one holding an office of its state (a minister of any portfolio, defence
    included, an envoy, a commander or chief of staff, a police or intelligence chief: the sectors
    ``officials: true`` in ``sectors.yaml``), not a rank in the field (a soldier), or the one holder
    of a state's headship whatever his sector (the pope, for the Holy See). A title whose
    holder's name was not read ("Japanese Defence Minister" before a name the parser did not take for
    one) is typed as the state or organ, but keeps the role of the person it names."""
    sectors, ranks, heads = state_offices()
    if not ((mention.get("type") == "person" or bool(mention.get("role"))) and mention.get("country")):
        return False
    role = mention.get("role")
    return (mention.get("sector") in sectors and role not in ranks) or heads.get(role) == mention["country"]


def party_key(mention: dict) -> str | None:
    """Return the party an actor mention stands for in a track of talks: its country for a state, a
    government body or a person; its own id for an armed group or an international organisation,
    and for a person holding one of its offices (a Commission president, a secretary-general)."""
    kind = mention.get("type")
    if kind in ("group", "igo"):
        if (mention.get("confidence") or 1) < 0.5:
            return None  # "rebels" read by a pattern alone
        return mention.get("actor_id") or mention.get("actor") or mention.get("name")
    return mention.get("country") or (mention.get("org") if kind == "person" else None)


# sectors of a country's own armed groups: talks of a government with them are a track of negotiations
ARMED_SECTORS = {"REB", "INS", "SEP"}


def side_of(key: str) -> str:
    """The side a party key stands for: a country's own bodies ("USA-GOP", "USA-MIL") are that
    country; its armed groups ("AFG-REB") and other groups and organisations are sides of their own."""
    country, _, sector = key.partition("-")
    if sector and len(country) == 3 and country.isupper() and sector.upper() not in ARMED_SECTORS:
        return country
    return key


def meeting_partners(ctx: Any, verb: Any, mentions: list[dict]) -> list[tuple[dict, Any]]:
    """The actors that *meet* one another: the subject of the verb, its object and those "with" it
    ("Trump met Putin", "Kim will meet with Moon", "the two leaders met")."""
    subjects, objects = partner_sides(ctx, verb, mentions)
    return subjects + objects


def partner_sides(ctx: Any, verb: Any, mentions: list[dict]) -> tuple[list[tuple[dict, Any]], list[tuple[dict, Any]]]:
    """The two sides of :func:`meeting_partners`: those the subject of the verb names, and those its
    object and "with" name (each a list of (mention, token))."""
    nouns = frozenset(ctx.lex.words("government_nouns"))
    # "Xi and Putin discussed Syria": what is discussed is no partner
    topic = verb.lemma_.lower() in ctx.lex.words("conferring_verbs")
    found: list[tuple[dict, Any]] = []
    subj = syntax.subject_of(verb)
    if subj is None and verb.tag_ == "VBG" and verb.dep_ == "advcl" and verb.head.i != verb.i:
        # "he would visit X, meeting Y in Z": a participle's subject is that of the clause it modifies
        subj = syntax.subject_of(verb.head)
        if subj is not None and subj.pos_ == "PRON":  # ... "he": the one the pronoun stands for
            found = _pronoun_subject(ctx, subj) or _pronoun_before(ctx, subj)
            return found, meeting_partners_objects(verb, mentions, nouns, topic)
    if subj is not None and _set_apart(subj):
        subj = _list_before(subj)  # "the US and the Taliban -- but not the government -- signed"
    if subj is not None:
        found.extend(_members(subj, mentions, nouns=nouns) or _plural_anaphor(ctx, subj, verb, mentions)
                     or _pronoun_subject(ctx, subj) or _pronoun_before(ctx, subj))
    objects = meeting_partners_objects(verb, mentions, nouns, topic)
    if not objects and len({party_key(m) for m, _ in found}) == 1:
        if subj is not None and subj.lower_ in ctx.lex.words("plural_pronouns"):
            return [], []  # "They met in Geneva" after a president and his premier: they met one another
        objects = _pronoun_partner(ctx, verb, mentions, {actor_key(m) for m, _ in found})
    return found, objects


def noun_partners(ctx: Any, head: Any, gov: Any, mentions: list[dict]) -> list[tuple[dict, Any]]:
    """The actors a meeting noun names as its sides: its possessor ("Putin's talks"), those "with" or
    "between" it, and, where a verb of holding holds it ("X held talks with Y", "the UN hosts a
    summit"), that verb's subject and those "with" the verb (each as (mention, token)).

    :param head: the meeting noun.
    :param gov: its governing verb, or None.
    :param mentions: the actor mentions of the sentence.
    """
    nouns = frozenset(ctx.lex.words("government_nouns"))
    held = gov is not None and gov.lemma_.lower() in ctx.lex.words("held_verbs") and _held_object(head, gov)
    found = [x for c in head.children if c.dep_ == "poss" and c.pos_ != "PRON" for x in _members(c, mentions, nouns=nouns)]
    found += [x for tok in [head] + ([gov] if held else []) for prep in tok.children
              if prep.dep_ == "prep" and prep.lower_ in BETWEEN
              for pobj in prep.children if pobj.dep_ == "pobj" for x in _members(pobj, mentions, nouns=nouns)]
    if held and (subj := syntax.subject_of(gov)) is not None:
        found += _members(subj, mentions, nouns=nouns)
    return found


# "the pair met", "the two leaders met", "both men met": two persons named just before
PAIR_NOUNS = ("pair", "duo")
COUNT_WORDS = ("two", "both")


def _plural_anaphor(ctx: Any, subj: Any, verb: Any, mentions: list[dict]) -> list[tuple[dict, Any]]:
    """The two persons a plural subject that names no one stands for ("the pair met", "the two
    leaders met", "both men met"): two persons of two countries named in its sentence, else the
    latest two named in the two sentences before it."""
    words = {c.lower_ for c in subj.children if c.dep_ in ("det", "nummod", "predet")}
    if not (subj.lemma_.lower() in PAIR_NOUNS and "the" in words or words & set(COUNT_WORDS)
            or subj.lower_ in COUNT_WORDS and subj.pos_ in ("NUM", "PRON", "DET")):
        return []
    here = _two_persons([m for m in mentions if m.get("type") == "person"])
    if here:
        return [(m, subj) for m in here]
    sentence = ctx.doc.sentence_at(verb.idx) if ctx.doc is not None else None
    if sentence is None:
        return []
    before = [m for i in (sentence.index - 2, sentence.index - 1) for m in ctx.mentions.get(i, [])
              if m.get("type") == "person"]
    return [(m, subj) for m in _two_persons(before[::-1])]


def _two_persons(persons: list[dict]) -> list[dict]:
    """The first two of ``persons`` that belong to two countries, or none."""
    chosen: list[dict] = []
    for m in persons:
        if m.get("country") and all(m["country"] != c["country"] for c in chosen):
            chosen.append(m)
        if len(chosen) == 2:
            return chosen
    return []


def _pronoun_subject(ctx: Any, subj: Any) -> list[tuple[dict, Any]]:
    """ "Obama said he met Putin": a singular subject pronoun of a verb of meeting stands for the
    person named by the subject of a clause above it in its sentence
    (:func:`~parley.process.pronouns.in_own_sentence`), not one met or named in another clause."""
    if subj.lower_ not in person_pronouns(ctx.lex, "subject", plural=False):
        return []
    sent = ctx.doc.sentence_at(subj.idx)
    found = in_own_sentence(ctx, sent, subj) if sent is not None else None
    named = [m for m in (found or ([], []))[0] if m.get("type") == "person"]
    return [(named[0], subj)] if named else []


def pronoun_leaders(ctx: Any, sent: Any, pron: Any) -> list[dict]:
    """The leaders or ministers (:func:`acts_for_state`) a third-person pronoun stands for ("he'll
    welcome Romania's president" after a sentence about the president's week; "they were in Hanoi on
    a state visit" after one about an emperor and empress): the persons it stands for
    (:func:`~parley.process.pronouns.antecedents`: the subject before it, not one met or named in
    another clause), when they are of one state and a singular pronoun has only that state's leaders
    to stand for. Nothing when they are of two states, when a singular pronoun may stand for someone
    who acts for no state (a person the actors stage does not know, or one it knows with no state:
    "Tesla's chief Elon Musk met the chancellor. He will welcome ..."), and when a plural pronoun has
    one person alone to stand for. Titles typed as a state count as persons ("Romania's president").

    :param ctx: the :class:`~parley.process.context.DocumentContext`.
    :param sent: the pronoun's :class:`~parley.document.Sentence`.
    :param pron: the pronoun's token.
    :returns: their mentions, all of one state; [] for none.
    """
    if pron.lower_ not in person_pronouns(ctx.lex):
        return []
    found = antecedents(ctx, sent, pron)
    if not found:
        return []
    known, unknown = found
    states = {m.get("country") for m in known}
    leaders = [m for m in known if acts_for_state(m)]
    if len(states) != 1 or not leaders:
        return []
    if pron.lower_ not in ctx.lex.words("plural_pronouns"):
        return leaders if len(leaders) == len(known) and not unknown else []
    if _persons(ctx.doc.text, [(m["char_start"], m["char_end"]) for m in known] + unknown) < 2 \
            and not COORDINATED.match(ctx.doc.text, known[0]["char_end"]):
        return []  # "they" after one person: others, not him ("the emperor and empress" are two)
    return leaders


def _persons(text: str, spans: list[tuple[int, int]]) -> int:
    """How many persons the name spans stand for: spans with only spaces between them are one name
    ("German Chancellor" and "Olaf Scholz", read as two mentions, are one person)."""
    count, end = 0, None
    for lo, hi in sorted(spans):
        if end is None or text[end:lo].strip():
            count += 1
        end = max(hi, end or hi)
    return count


# a person coordinated with the one named before ("Emperor Akihito and Empress Michiko")
COORDINATED = re.compile(r",?\s+and\s+\w")


def pronoun_state(ctx: Any, sent: Any, pron: Any) -> str | None:
    """The state of the leaders a pronoun stands for (:func:`pronoun_leaders`), or None."""
    persons = pronoun_leaders(ctx, sent, pron)
    return persons[0]["country"] if persons else None


def _pronoun_before(ctx: Any, pron: Any) -> list[tuple[dict, Any]]:
    """ "He'll welcome Romania's president": a subject pronoun that no subject above it in its sentence
    names a person for stands for the leaders of one state named before it (:func:`pronoun_leaders`)."""
    sent = ctx.doc.sentence_at(pron.idx) if pron.pos_ == "PRON" else None
    return [(m, pron) for m in pronoun_leaders(ctx, sent, pron)] if sent is not None else []


def _pronoun_partner(ctx: Any, verb: Any, mentions: list[dict], subjects: set) -> list[tuple[dict, Any]]:
    """ "he told Putin to stop when he met him": an object pronoun of a verb of meeting stands for
    the person named last before it in its sentence who is not its subject."""
    pronoun = next((c for c in verb.children if c.dep_ == "dobj"
                    and c.lower_ in person_pronouns(ctx.lex, "object", plural=False)), None)
    if pronoun is None:
        return []
    named = [m for m in mentions if m.get("type") == "person" and m["char_end"] <= pronoun.idx
             and actor_key(m) not in subjects]
    return [(named[-1], pronoun)] if named else []


def meeting_partners_objects(verb: Any, mentions: list[dict], nouns: frozenset[str],
                             topic: bool = False) -> list[tuple[dict, Any]]:
    """The actors a verb of meeting meets: its object and those "with" or "between" it.

    :param topic: the verb's object is what is talked over, not a partner ("discussed Syria with X").
    """
    found: list[tuple[dict, Any]] = []
    for child in verb.children:
        if child.dep_ == "dobj" and not topic:
            found.extend(_members(child, mentions, nouns=nouns))
        elif child.dep_ == "prep" and child.lower_ in BETWEEN:
            for pobj in (c for c in child.children if c.dep_ == "pobj"):
                found.extend(_members(pobj, mentions, nouns=nouns))
    return found


def _set_apart(tok: Any) -> bool:
    """True if a noun is set apart by "not" just before it ("but not the Afghan government")."""
    doc, i = tok.doc, tok.i - 1
    while i >= 0 and doc[i].head.i == tok.i and doc[i].dep_ in ("det", "amod", "compound", "poss", "nmod"):
        i -= 1
    return i >= 0 and doc[i].lower_ == "not"


def _list_before(negated: Any) -> Any:
    """The list that a negated subject is set against ("X and Y, but not Z, signed" parsed with Z as
    the subject): the head of the coordination just before "but not"."""
    doc, i = negated.doc, negated.left_edge.i - 1
    while i >= 0 and (doc[i].is_punct or doc[i].lower_ in ("but", "not")):
        i -= 1
    if i < 0 or doc[i].pos_ not in ("NOUN", "PROPN"):
        return None
    tok = doc[i]
    while tok.dep_ == "conj" and tok.head.i < tok.i:
        tok = tok.head
    return tok


def participant_record(mention: dict, role: str, cue: dict | None) -> dict:
    """Return the participant dict kept on a meeting: actor, name, country, sector, role, evidence.

    :param mention: the actor mention (contract dict from ``parley_actors``).
    :param role: the role (one of the lexicon's ``role_order``).
    :param cue: the span of the word that gave the role, if any.
    """
    record = {
        "actor": actor_key(mention), "name": mention.get("name") or mention.get("text"),
        "type": mention.get("type"), "country": mention.get("country"), "sector": mention.get("sector"),
        "role": role, "cue": cue,
        "evidence": {k: mention.get(k) for k in ("text", "char_start", "char_end", "sentence")},
    }
    if mention.get("org"):
        record["org"] = mention["org"]  # the organisation whose office the person holds
    return record


def _mentions_in(mentions: list[dict], lo: int, hi: int) -> list[dict]:
    inside = [m for m in mentions if lo <= m["char_start"] and m["char_end"] <= hi]
    # "the Syrian opposition" rather than the demonym inside it
    return [m for m in inside if not any(o is not m and o["char_start"] <= m["char_start"]
                                         and m["char_end"] <= o["char_end"]
                                         and (o["char_end"] - o["char_start"]) > (m["char_end"] - m["char_start"])
                                         for o in inside)]


def _as_government(token: Any, hits: list[dict], nouns: set[str]) -> list[dict]:
    """ "President Bashar Assad's government" names the government of the person's country."""
    if token.lemma_.lower() not in nouns:
        return hits
    out = []
    for m in hits:
        if m.get("type") == "person" and m.get("country"):
            lo, hi = syntax.left_extent(token)
            m = {"text": token.doc.text[lo:hi], "char_start": lo, "char_end": hi, "sentence": m.get("sentence"),
                 "actor_id": m["country"], "name": m["country"], "type": "state", "country": m["country"],
                 "sector": "GOV", "cameo": f"{m['country']}GOV"}
        out.append(m)
    return out


def _named_by_apposition(token: Any, mentions: list[dict]) -> list[tuple[dict, Any]]:
    """ "One of the president's allies, Benjamin Netanyahu, met ...": a noun that names no one itself
    is the one its appositive names (before the "of" phrase after it, which only describes it)."""
    return [(m, app) for app in token.children if app.dep_ == "appos"
            for m in _mentions_in(mentions, *syntax.left_extent(app))]


def _members(token: Any, mentions: list[dict], depth: int = 0,
             nouns: frozenset[str] = frozenset({"government", "regime"})) -> list[tuple[dict, Any]]:
    """Actor mentions named by a list headed by ``token`` ("Iran, Russia and Türkiye").

    :param token: the head of the list (or of its first item).
    :param mentions: the actor mentions of the sentence.
    :param depth: how many "of"/"from" links were followed to get here.
    :param nouns: nouns that stand for a person's government.
    """
    found: list[tuple[dict, Any]] = []
    items = [token, *token.conjuncts]
    for tok in list(items):
        for app in (c for c in tok.children if c.dep_ == "appos"):
            items.extend(c for c in app.conjuncts if c not in items)
    for tok in items:
        if _set_apart(tok):
            continue  # "the US and the Taliban, but not the Afghan government, signed"
        lo, hi = syntax.left_extent(tok)
        hits = _mentions_in(mentions, lo, hi) or [m for m in mentions
                                                  if m["char_start"] <= tok.idx < m["char_end"]]
        named = [] if hits else _named_by_apposition(tok, mentions)
        if hits:
            found.extend((m, tok) for m in _as_government(tok, hits, nouns))
        elif named:
            found.extend(named)
        elif depth < 2:
            # "the foreign ministers of Iran", "representatives from the opposition"
            for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("of", "from")):
                for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                    found.extend(_members(pobj, mentions, depth + 1, nouns))
    return found


def _role_members(ctx: Any, role: str, role_tok: Any, mentions: list[dict]) -> list[tuple[dict, Any]]:
    lex = ctx.lex
    nouns = frozenset(lex.words("government_nouns"))
    if role_tok.dep_ == "appos":
        return _members(role_tok.head, mentions, nouns=nouns)
    found: list[tuple[dict, Any]] = []
    for child in role_tok.children:
        if child.dep_ == "appos" and lex.roles.search(child.text):
            continue  # "the three sponsoring states, Damascus's negotiators": another group
        if child.dep_ in ("amod", "compound", "nmod", "poss", "appos"):
            lo, hi = syntax.left_extent(child)
            if child.dep_ == "appos" or _mentions_in(mentions, lo, hi):
                found.extend(_members(child, mentions, nouns=nouns))
    if not found and not _mentions_in(mentions, *syntax.left_extent(role_tok)):
        # "the three guarantor states, Russia, Iran and Türkiye" parsed as a list
        conj = next((c for c in role_tok.children if c.dep_ == "conj"), None)
        if conj is not None and not lex.roles.search(conj.text):
            found.extend(_members(conj, mentions, nouns=nouns))
    if found:
        return found
    verb = role_tok.head if role_tok.dep_ == "dobj" else (
        role_tok.head.head if role_tok.dep_ == "pobj" and role_tok.head.lower_ == "as" else None)
    if verb is not None and verb.lemma_.lower() in lex.words("role_verbs"):
        subj = syntax.subject_of(verb)
        if subj is not None:
            return _members(subj, mentions, nouns=nouns)
    if role not in lex.words("role_of"):
        return found
    for prep in (c for c in role_tok.children if c.dep_ == "prep" and c.lower_ in ("of", "from")):
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            found.extend(_members(pobj, mentions, nouns=nouns))
    return found


CARDINALS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "2": 2, "3": 3, "4": 4, "5": 5, "6": 6}
LOOK_BACK = 4


def _named_before(ctx: Any, sent: Any, role_tok: Any, role: str) -> list[dict]:
    """ "the three sponsoring states said ...": a definite plural role word that names no one
    stands for those the document gave that role before, else for the list of states named just
    before (in this sentence or the ones before it, four at most) that hold no role yet, with as
    many members as it says, or the latest list of two or more."""
    if role_tok.tag_ not in ("NNS", "NNPS") or not any(
            c.dep_ == "det" and c.lower_ in ("the", "these", "those") for c in role_tok.children):
        return []
    known = ctx.__dict__.get("_role_lists", {}).get(role)
    if known:
        return known
    roled = ctx.__dict__.get("_roled", set())
    size = next((CARDINALS.get(c.lower_) for c in role_tok.children if c.dep_ == "nummod"), None)
    for idx in range(sent.index, max(sent.index - LOOK_BACK, 0) - 1, -1):
        states = [m for m in ctx.mentions.get(idx, []) if m.get("type") == "state"
                  and (idx != sent.index or m["char_end"] <= role_tok.idx)]
        roots = {id(m): ctx.root(m["char_start"], m["char_end"]) for m in states}
        lists = []
        for m in states:
            tok = roots[id(m)]
            if tok is None or tok.dep_ == "conj":
                continue
            group = {tok.i, *(c.i for c in tok.conjuncts)}
            members = [o for o in states if roots[id(o)] is not None and roots[id(o)].i in group]
            if len({o.get("country") for o in members}) >= 2 and not any(actor_key(o) in roled for o in members):
                lists.append(members)
        for members in reversed(lists):
            if size is None or len({o.get("country") for o in members}) == size:
                return members
    return []


def _negated(token: Any) -> bool:
    """ "there were no representatives of the armed groups", "did not send observers"."""
    if any(c.dep_ == "det" and c.lower_ == "no" for c in token.children):
        return True
    verb = syntax.governing_verb(token)
    return verb is not None and any(c.dep_ == "neg" for c in verb.children)


def _meeting_for(token: Any, meetings: list[Any]) -> Any:
    """The meeting phrase of the sentence that a participant or outcome token belongs to."""
    if token is None:
        return None
    for mm in meetings:
        if mm.start <= token.idx < mm.end:
            return mm
    for mm in meetings:
        if mm.gov is not None and syntax.is_ancestor(mm.gov, token) \
                and not syntax.path_crosses(token, mm.gov):
            return mm
    return None


def roles_in_sentence(ctx: Any, sent: Any, mentions: list[dict], meetings: list[Any]) -> list[dict]:
    """Return the role assignments of one sentence.

    :param ctx: the document context (lexicon, parse).
    :param sent: the sentence.
    :param mentions: the actor mentions in the sentence.
    :param meetings: the meeting phrases of the sentence.
    :returns: dicts with ``mention``, ``role``, ``cue`` (span) and ``meeting`` (a phrase or None).
    """
    out: list[dict] = []
    if ctx.sdoc is None or not (mentions or any(mm.verbal for mm in meetings)
                                or ctx.lex.roles.regex and ctx.lex.roles.regex.search(sent.text)):
        return out  # (a verb of meeting may name its partners before its sentence: "the pair met")
    doc = ctx.doc

    def add(mention: dict, role: str, s: int, e: int, tok: Any, meeting: Any = None) -> None:
        # (who a meeting phrase names takes part in that meeting: "will meet X on Monday and hold talks
        # with Y on Wednesday" names the subject of both; a role word's actors go to the phrase they lie in)
        cue = {"text": doc.text[s:e], "char_start": s, "char_end": e, "sentence": sent.index}
        out.append({"mention": mention, "role": role, "cue": cue, "meeting": meeting or _meeting_for(tok, meetings)})

    government = frozenset(ctx.lex.words("government_nouns"))

    def doers(verb: Any) -> list[tuple[dict, Any]]:
        """The actors the subject of ``verb`` names; for a pronoun ("returned from Tehran, where he held
        talks"; "He held talks with the premier" after the president's arrival) the person it stands
        for: the subject above it in its sentence, else the leaders of one state before it."""
        subj = syntax.subject_of(verb)
        if subj is None:
            return []
        if subj.pos_ != "PRON":
            return _members(subj, mentions, nouns=government)
        return _pronoun_subject(ctx, subj) or _pronoun_before(ctx, subj)

    def subject_takes_part(verb: Any, mm: Any) -> None:
        """The subject of ``verb`` takes part in the meeting of ``mm``."""
        for m, member in doers(verb):
            add(m, "participant", verb.idx, verb.idx + len(verb.text), member, mm)

    def objects_take_part(prep: Any, mm: Any) -> None:
        """The objects of ``prep`` ("between X and Y", "with X") take part in the meeting of ``mm``."""
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            for m, member in _members(pobj, mentions, nouns=government):
                add(m, "participant", prep.idx, prep.idx + len(prep.text), member, mm)

    for role, _, s, e in ctx.lex.roles.finditer(sent.text, sent.char_start):
        for m in _mentions_in(mentions, s, e):  # "UN-brokered"
            add(m, role, s, e, ctx.root(s, e))
        tok = ctx.root(s, e)
        if tok is None or tok.pos_ in ("VERB", "AUX") or _negated(tok):  # "would not host" is no role
            continue
        members = _role_members(ctx, role, tok, mentions) or [(m, None) for m in _named_before(ctx, sent, tok, role)]
        for m, member in members:
            add(m, role, s, e, tok if member is None else member)
        if len(members) >= 2:  # the list this role names, for "the guarantors" later on
            ctx.__dict__.setdefault("_role_lists", {})[role] = [m for m, _ in members]
        for m, _ in members:
            ctx.__dict__.setdefault("_roled", set()).add(actor_key(m))
    for mm in meetings:
        if mm.head is None:
            continue
        for prep in (c for c in mm.head.children if c.dep_ == "prep" and c.lower_ in BETWEEN):
            objects_take_part(prep, mm)
        if not mm.verbal and any(c.dep_ == "prep" and c.lower_ in BETWEEN for c in mm.head.children):
            # "Putin's talks with Xi": the one whose meeting with another it is takes part
            for poss in (c for c in mm.head.children if c.dep_ == "poss" and c.pos_ != "PRON"):
                for m, member in _members(poss, mentions, nouns=government):
                    add(m, "participant", poss.idx, poss.idx + len(poss.text), member, mm)
        if mm.verbal:
            nouns = frozenset(ctx.lex.words("government_nouns"))
            partners = [x for p in mm.partners for x in _members(p, mentions, nouns=nouns)]
            for m, member in meeting_partners(ctx, mm.gov, mentions) + partners:
                add(m, "participant", mm.start, mm.end, member, mm)
        elif mm.gov is not None and mm.gov.lemma_.lower() in ctx.lex.words("held_verbs") \
                and mm.gov.lemma_.lower() not in ("host", "attend", "join", "participate") \
                and _held_object(mm.head, mm.gov):
            # "Iran and Norway held talks": those who hold a meeting take part in it
            subject_takes_part(mm.gov, mm)
            # "held talks in Beijing on Monday with Xi": the parser hangs the partner on the verb
            for prep in (c for c in mm.gov.children if c.dep_ == "prep" and c.lower_ == "with"):
                objects_take_part(prep, mm)
        elif mm.gov is not None and syntax.occasion_of(mm.head, mm.gov):
            # "X told Y at a meeting in Berlin", "at talks in Beijing, X and Y agreed": who does something
            # at a meeting takes part in it, and so does the one told something there; one who tells
            # reporters or a parliament something at a session ("told the House at a session") speaks
            # at an occasion of their own, so the speaker takes part only with a party told; but a
            # summit or forum is a gathering of those who speak at it ("said at the World Economic Forum")
            told = []
            if mm.gov.lemma_.lower() in ctx.lex.words("report_verbs"):
                told = [(m, member) for obj in mm.gov.children if obj.dep_ == "dobj"
                        for m, member in _members(obj, mentions, nouns=government)]
                for m, member in told:
                    add(m, "participant", mm.gov.idx, mm.gov.idx + len(mm.gov.text), member, mm)
            if told or mm.gathering or mm.gov.lemma_.lower() not in ctx.lex.words("report_verbs"):
                subject_takes_part(mm.gov, mm)
        elif addressed(mm, ctx.lex.words("addressing_verbs")):
            # "addressed the World Economic Forum", "told the forum": who speaks to a gathering is at it
            subject_takes_part(mm.gov, mm)
        elif mm.gov is not None and mm.head.dep_ == "pobj" and mm.head.head.lower_ == "for" \
                and mm.head.head.head.i == mm.gov.i:
            # "Bolton was in Jerusalem for talks with ...", "arrived in Seoul for meetings": who is
            # somewhere, or goes there, for a meeting takes part in it
            subject_takes_part(mm.gov, mm)
        elif mm.gov is not None and mm.gov.lemma_.lower() == "follow" and mm.gov.dep_ in ("advcl", "conj") \
                and mm.head.dep_ == "pobj" and mm.head.head.dep_ == "agent" \
                and any(c.dep_ == "prep" and c.lower_ == "with" for c in mm.head.children):
            # "X meets Y today, followed tomorrow by talks with Z": a meeting "with" Z that follows is the
            # next of X's (not where a meeting is the subject: "the Arab League summit opens today,
            # followed by talks with ...")
            subj = syntax.subject_of(mm.gov.head)
            if subj is not None and not any(o.head is not None and o.head.i == subj.i for o in meetings):
                subject_takes_part(mm.gov.head, mm)
        elif mm.gov is not None and mm.gov.lemma_.lower() in ("host", "attend", "join", "participate"):
            role = "host" if mm.gov.lemma_.lower() == "host" else "participant"
            for m, _ in doers(mm.gov):
                out.append({"mention": m, "role": role, "meeting": mm,
                            "cue": {"text": mm.gov.text, "char_start": mm.gov.idx,
                                    "char_end": mm.gov.idx + len(mm.gov.text), "sentence": sent.index}})
    return out


def _held_object(head: Any, verb: Any) -> bool:
    """True if the meeting noun ``head`` is what ``verb`` holds: its object ("held talks"), the
    object of a measure ("held two days of talks"), or one of objects joined by "and" ("holds talks
    with X today and a meeting with Y tomorrow", which the parser may also hang on the verb)."""
    objects = {c.i for c in verb.children if c.dep_ == "dobj"}
    return head.i in objects or _measure_of(head) in objects or syntax.joined_to_clause_of(head, verb)


def _measure_of(head: Any) -> int | None:
    """ "three days of talks", "a new round of talks": the token the meeting is measured by."""
    prep = head.head
    if prep.dep_ == "prep" and prep.lower_ == "of" and prep.head.lemma_.lower() in ("day", "week", "round", "hour"):
        return prep.head.i
    return None


def outcomes_in_sentence(ctx: Any, sent: Any, meetings: list[Any]) -> list[dict]:
    """Return the outcomes that one sentence says a meeting produced.

    :param ctx: the document context.
    :param sent: the sentence.
    :param meetings: the meeting phrases of the sentence.
    :returns: dicts with ``type``, ``name``, ``status``, ``evidence`` and ``meeting``.
    """
    lex, out = ctx.lex, []
    verbs = lex.words("outcome_verbs")
    for kind, text, s, e in lex.outcomes.finditer(sent.text, sent.char_start):
        tok = ctx.root(s, e)
        status = None
        if tok is not None:
            for anc in tok.ancestors:
                lemma = anc.lemma_.lower()
                if lemma in verbs:
                    negated = any(c.dep_ == "neg" for c in anc.children)
                    status = "rejected" if negated else ("created" if lemma in ("create", "creation", "set",
                                                                                "establish", "form") else "agreed")
                    break
                if anc.pos_ in syntax.VERB_POS and anc.dep_ in ("ROOT", "ccomp"):
                    break
        if status is None and kind in ("joint statement", "memorandum"):
            status = "issued"
        if status is None:
            continue
        out.append({"type": kind, "name": " ".join(text.lower().split()), "status": status,
                    "evidence": {"text": text, "char_start": s, "char_end": e, "sentence": sent.index},
                    "meeting": _meeting_for(tok, meetings)})
    return out
