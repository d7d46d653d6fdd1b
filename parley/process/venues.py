"""Where a meeting is held: the place its phrase or its clause names ("talks in Moscow", "the
meeting, held in Singapore", "Astana hosted"), a country where no city is named, "its capital", or
a site the place index lacks (:mod:`parley.process.sites`).
"""

from __future__ import annotations

import re
from typing import Any

from parley.process import syntax
from parley.process.context import DocumentContext, inside, venue_dict
from parley.process.dateline import filed_from
from parley.process.mention import WHERE, MeetingMention, clause_tokens, interval_start
from parley.process.participants import acts_for_state
from parley.process.sites import site_venue

def venue_of(ctx: DocumentContext, sent: Any, mm: MeetingMention, others: list[MeetingMention] = ()) -> dict | None:
    """Where the meeting of ``mm`` is held. A place inside the phrase of another meeting nested in
    this one ("the first meeting since their summit in Hanoi") is that meeting's venue."""
    lex, candidates = ctx.lex, []
    places = [p for p in ctx.places.get(sent.index, []) if p.get("feature") == "city"
              or lex.venues.search(p.get("text") or "")]
    if not places:  # the places stage found none: fall back on the process venues of the lexicon
        places = [{"text": text, "name": text, "char_start": s, "char_end": e, "feature": "city",
                   "country": lex.venue_country(label, text), "geonameid": None, "sentence": sent.index}
                  for label, text, s, e in lex.venues.finditer(sent.text, sent.char_start)]
    chain = syntax.verb_chain(mm.gov) if mm.gov is not None else []
    if mm.head is not None and not mm.verbal:  # "the June 12 meeting, held in Singapore"
        chain = chain + [c for c in mm.head.children if c.dep_ in ("acl", "relcl") and c.pos_ in ("VERB", "AUX")]
    if mm.gov is not None:  # "talks are set to resume Monday in Cairo": where the complement happens
        chain = chain + [c for v in chain for c in v.children if c.dep_ == "xcomp" and c.pos_ == "VERB"
                         and c not in chain]
    if mm.gov is not None:  # "to pull off the meeting, held in Singapore"
        # (a clause with a subject of its own tells another event: "after he was held in North Korea")
        chain = chain + [c for c in mm.gov.children if c.dep_ == "advcl" and c.lemma_.lower() in lex.words("held_verbs")
                         and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)]
    nested = [o for o in others if o is not mm and not o.verbal and mm.start <= o.start and o.end <= mm.end
              and (o.end - o.start) < (mm.end - mm.start)]
    places = [p for p in places if not any(inside(p, o.start, o.end) for o in nested)]
    for place in places:
        if inside(place, mm.start, mm.end):
            if located(ctx, place) and not _of_conjunct(ctx.root(place["char_start"], place["char_end"]), mm.head):
                candidates.append((0, place))
            continue
        root = ctx.root(place["char_start"], place["char_end"])
        if root is not None and chain and (_venue_path(root, chain) or _where_delegates_are(ctx, root, chain)
                                           or _welcomed_to(root, mm)):
            candidates.append((1.5 if _anothers_clause(mm, root, others) else 1, place))
    if not candidates and not mm.verbal:  # "the summit, in the eastern city of Hangzhou, opened"
        candidates = [(1, p) for p in places if _set_off(ctx.doc.text, mm.end, p)]
    if not candidates and mm.gov is not None:  # "returned from Tehran, where he met Rouhani"
        clause = syntax.where_clause(mm.gov)
        place = where_place(ctx, sent, clause) if clause is not None else None
        if place is not None and _where_news(ctx, sent, mm, clause):
            mm.flags.add(WHERE)  # (a meeting the clause places is one meeting: MeetingMention.located)
            return {**venue_dict(place), "via": place.get("via") or WHERE}
    capital = None if candidates else _capital_of(ctx, sent, mm)
    if capital is not None:
        return capital
    if not candidates:  # "negotiations in Qatar", "met in Hawaii": a country or a state of one where no city is named
        for place in ctx.places.get(sent.index, []):
            # (a region of no one country, "Africa", "the Middle East", is no venue: it says whose)
            if place.get("feature") not in ("country", "region") or not place.get("country"):
                continue
            root = ctx.root(place["char_start"], place["char_end"])
            if root is not None and chain and root.dep_ == "pobj" and _venue_path(root, chain) or (
                    inside(place, mm.start, mm.end) and root is not None and root.dep_ == "pobj"
                    and root.head.lower_ in ("in", "at") and syntax.is_ancestor(mm.head, root)):
                candidates.append((2, place))
    if not candidates:
        return _capital_of(ctx, sent, mm) or site_venue(ctx, sent, mm.head, chain, _venue_path) \
            or _here(ctx, chain)
    place = min(candidates, key=lambda c: (c[0], c[1]["char_start"]))[1]
    return {**venue_dict(place), **({"via": place["via"]} if place.get("via") else {})}


def _anothers_clause(mm: MeetingMention, root: Any, others: list[MeetingMention]) -> bool:
    """True if a place lies in the clause of another meeting phrase of the sentence, one joined to
    ``mm``'s own ("met X in Paris on Monday and will meet Y in Rome on Wednesday"): a place of the
    phrase's own clause comes first; with none, the other clause's place is the one the sentence gives."""
    verb = syntax.governing_verb(root)
    return verb is not None and not syntax.same_token(verb, mm.gov) and any(
        o is not mm and syntax.same_token(verb, o.gov) for o in others)


# prepositions by which a place is where someone is, goes ("left for Wuhan") or comes from
WHERE_PREPOSITIONS = ("in", "at", "to", "for", "from")


def where_place(ctx: DocumentContext, sent: Any, clause: Any) -> dict | None:
    """The place a relative clause of "where" is said of ("returned from Tehran, where he met
    Rouhani", "spoke at the Kremlin, where he was meeting Modi", "a stop in Lisbon on
    Tuesday, where she met the prime minister"): the last city or country named before "where", as the object of
    "in", "at", "to", "for" or "from" in the clause the relative clause hangs on. A meeting told in such a
    clause is held there.

    :param clause: the verb of the relative clause (:func:`parley.process.syntax.where_clause`).
    :returns: the place dict, or None.
    """
    where = syntax.where_word(clause)
    main = clause.head if clause.head.pos_ in syntax.VERB_POS else syntax.governing_verb(clause.head)
    found = None
    for place in ctx.places.get(sent.index, []):
        if place["char_end"] > where.idx or place.get("feature") not in ("city", "country"):
            continue
        root = syntax.place_phrase_root(ctx.root(place["char_start"], place["char_end"]))
        if root is None or root.dep_ != "pobj" or root.head.lower_ not in WHERE_PREPOSITIONS:
            continue
        verb = syntax.governing_verb(root)
        if main is None or verb is None or verb.i != main.i:
            continue
        if found is None or place["char_start"] > found["char_start"]:
            found = {**place, "preposition": root.head.lower_}
    return found


def _where_news(ctx: DocumentContext, sent: Any, mm: MeetingMention, clause: Any) -> bool:
    """True if a meeting told in the relative clause of "where" ``clause`` is one of the place's news:
    the clause names a side of another state than its doer's (a leader met "his wife" or "the city's
    mayor" there: no meeting of states), or the meeting is one the text names as known ("in the run-up
    to the climate negotiations", "their summit": its sides are told elsewhere); and its own time lies in no year before that of the clause
    it hangs on ("arrived in Helsinki on Sunday, where he had met Trump in 2018", "in Hanoi, where
    the two held a summit a year ago": a meeting recalled of the place, background).

    :param clause: the verb of the relative clause (:func:`parley.process.syntax.where_clause`).
    """
    mentions = ctx.mentions.get(sent.index, [])
    lo, hi = clause.left_edge.idx, clause.right_edge.idx + len(clause.right_edge.text)
    states = {m["country"] for m in mentions if lo <= m["char_start"] and m["char_end"] <= hi and _side_of_state(m)}
    main = clause.head if clause.head.pos_ in syntax.VERB_POS else syntax.governing_verb(clause.head)
    doer = syntax.subject_of(clause)
    if (doer is None or doer.pos_ == "PRON") and main is not None and syntax.subject_of(main) is not None:
        slo, shi = syntax.left_extent(syntax.subject_of(main))  # "he" of the clause is the main subject
        # (a doer of the main clause is of his country whether or not his office is named)
        states |= {m["country"] for m in mentions if slo <= m["char_start"] and m["char_end"] <= shi
                   and m.get("country") and m.get("type") in ("person", "state")}
    definite = not mm.verbal and mm.head is not None and any(
        c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ == "the") for c in mm.head.children)
    if len(states) < 2 and not definite:
        return False
    own = [t for t in mm.dates if t.get("end") or t.get("start")]
    if not own or main is None:
        return True
    told = [t for t in ctx.times.get(sent.index, []) if t.get("start") and t.get("kind") != "duration"
            and (r := ctx.root(t["char_start"], t["char_end"])) is not None
            and (v := syntax.governing_verb(r)) is not None and v.i == main.i]
    year = min(t["start"][:4] for t in told) if told else (ctx.published.isoformat()[:4] if ctx.published else None)
    return year is None or max((t.get("end") or t["start"])[:4] for t in own) >= year


def _side_of_state(mention: dict) -> bool:
    """True if a mention is a state, or one who acts for it, of a known country."""
    return bool(mention.get("country")) and (mention.get("type") == "state" or acts_for_state(mention))


# "the talks, in the Swiss city of Geneva, ...": a place set off by commas right after the meeting
SET_OFF = re.compile(rf"\s*,\s*(?:in|at)\s+(?:the\s+(?:[\w-]+\s+){{0,3}}(?:{'|'.join(syntax.PLACE_NOUNS)})\s+of\s+)?$",
                     re.IGNORECASE)


def _set_off(text: str, end: int, place: dict) -> bool:
    """True if ``place`` stands between commas right after a meeting phrase ending at ``end``: the
    parser hangs such a phrase anywhere, but it says where the meeting is."""
    if place["char_start"] < end or place["char_start"] - end > 60:
        return False
    return bool(SET_OFF.fullmatch(text, end, place["char_start"])) and \
        text[place["char_end"]:place["char_end"] + 2].lstrip()[:1] in (",", ")", "\u2014", "-")


def _of_conjunct(token: Any, head: Any) -> bool:
    """True if ``token`` hangs from a common noun joined by "and" inside the meeting phrase of ``head``
    ("his meeting with Obama and his appearance at the General Assembly": the place is the
    appearance's, not the meeting's; "talks in Paris and Berlin" join names, and stay)."""
    if token is None or head is None:
        return False
    node = token
    while node.head.i != node.i and node.i != head.i:
        if node.dep_ == "conj" and node.pos_ == "NOUN":
            return True
        node = node.head
    return False


def known_city(name: str, country: str, via: str, sentence: int | None = None) -> dict:
    """A venue the report does not spell out but knowledge gives (a process's capital, a summit's
    city): a city by name and country, with no span and no GeoNames point.

    :param via: how the venue was found, kept with it.
    :param sentence: the sentence it was read for, if any.
    """
    return {**venue_dict({"sentence": sentence, "name": name, "country": country, "feature": "city"}), "via": via}


def _capital_of(ctx: DocumentContext, sent: Any, mm: MeetingMention) -> dict | None:
    """ "held in its capital", "in the Kazakh capital": the process venue of the country named."""
    clause = clause_tokens(mm) or []
    if mm.head is None or not any(t.lower_ == "capital" for t in [*syntax.phrase_tokens(mm.head), *(
            d for v in clause for d in v.subtree)]):
        return None
    countries = {m.get("country") for m in ctx.mentions.get(sent.index, [])}
    when = interval_start(mm.dates)
    for v in ctx.lex.processes.get(mm.process, {}).get("venues", []):
        if v["country"] in countries and (when is None or (v.get("from", "0000") <= when <= v.get("to", "9999"))):
            return known_city(v["name"], v["country"], "capital of the country named", sent.index)
    return None


def _welcomed_to(token: Any, mm: MeetingMention) -> bool:
    """True if a place is where a host welcomes the guest of the meeting his verb tells ("will welcome
    Chile's president to Buenos Aires", "welcomed the king to the White House"): the host receives
    him there. Only for the meeting of the verb itself, not another one named in its clause ("welcomed
    Putin to Paris, days before the summit in Biarritz")."""
    token = syntax.place_phrase_root(token)
    return mm.verbal and mm.head is not None and mm.head.lemma_.lower() == "welcome" and token.dep_ == "pobj" \
        and token.head.lower_ == "to" and token.head.head.i == mm.head.i


def _venue_path(token: Any, chain: list[Any]) -> bool:
    """True if a place token says where the verbs of ``chain`` happen: "convene in the Kazakh
    capital of Astana", "in the resort town of Sochi", "Astana hosted"; not a place named deeper ("ties with Ankara"). A place that
    is itself the occasion, named as the whole of a part of it ("met on the sidelines of the UN
    General Assembly"), is where it happens ("on" a place alone is no occasion: "focused on Iran")."""
    if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.lower_ in syntax.OCCASION_PARTS \
            and any(syntax.occasion_of(token, v) for v in chain):
        return True
    node = token
    for _ in range(8):
        if node.dep_ in ("nsubj", "nsubjpass") and node.head in chain and node.head.lemma_.lower() == "host":
            return True
        if node.dep_ == "prep":
            if node.lower_ in ("in", "at"):
                # "met Putin at the G20 summit in Hamburg": the occasion's place is the meeting's
                return node.head in chain or syntax.on_partner(node.head, chain) or (
                    node.head.lemma_.lower() in syntax.OCCASION_NOUNS and any(
                        syntax.occasion_of(node.head, v) for v in chain)) or _site_of(node.head, chain)
            if not (node.lower_ == "of" and node.head.lemma_.lower() in syntax.PLACE_NOUNS):
                return False
        elif node.dep_ not in ("pobj", "appos", "compound", "conj", "poss"):
            return False
        node = node.head
    return False


def _site_of(noun: Any, chain: list[Any]) -> bool:
    """ "hosted Putin at a hot-spring inn in Nagato", "met at a hotel in Geneva": the building or site
    where the verb happens ("at" or "in" it) stands in the place named after it, so that place is
    the meeting's too."""
    return noun.pos_ == "NOUN" and noun.dep_ == "pobj" and noun.head.dep_ == "prep" \
        and noun.head.lower_ in ("at", "in") and noun.head.head in chain


def _where_delegates_are(ctx: DocumentContext, token: Any, chain: list[Any]) -> bool:
    """ "After 18 days of talks, negotiators in Vienna announced ...": the place of the negotiators
    (or delegates) who are the subject of the meeting's clause is where they negotiate."""
    place = syntax.place_phrase_root(token)
    if place.dep_ != "pobj" or place.head.lower_ not in ("in", "at"):
        return False
    holder = place.head.head
    delegates = {w.lower() for w in ctx.lex.data["role_words"].get("delegation", [])}
    return holder.lower_ in delegates and holder.dep_ in ("nsubj", "nsubjpass") and holder.head in chain


def located(ctx: DocumentContext, place: dict) -> bool:
    """True if a place is where something happens ("talks in Moscow", "talks in the Swiss city of
    Geneva"), not a topic ("ties with Ankara")."""
    root = syntax.place_phrase_root(ctx.root(place["char_start"], place["char_end"]))
    return root is None or root.dep_ in ("compound", "poss", "nmod") or (
        root.head.dep_ == "prep" and root.head.lower_ in ("in", "at"))


def only_city_in(ctx: DocumentContext, country: str | None) -> dict | None:
    """The one city of ``country`` where the report places anything ("arrived in Osaka", "protests at
    Osaka"): a meeting the report holds "in Japan" is held there. None where it places things in two
    cities of the country, or names a city only as a government or a topic ("Tokyo said")."""
    found: dict[str, dict] = {}
    for place in (p for sentence in ctx.places.values() for p in sentence):
        if place.get("feature") != "city" or (country and place.get("country") != country) \
                or place.get("char_start") is None:
            continue
        root = ctx.root(place["char_start"], place["char_end"])
        if root is not None and root.dep_ == "pobj" and root.head.lower_ in ("in", "at", "to"):
            found.setdefault(place.get("name") or place["text"], place)
    if len(found) != 1:
        return None
    place = next(iter(found.values()))
    return {**venue_dict(place), "via": "the one city of the country"}


def _here(ctx: DocumentContext, chain: list[Any]) -> dict | None:
    """ "Trump signed a new deal here Friday": in a report with a dateline, "here" on the meeting's
    verb is the dateline's city (the place the reporter files from)."""
    if not any(c.lower_ == "here" and c.dep_ == "advmod" for v in chain for c in v.children):
        return None
    return filed_from(ctx)
