"""Summonses of foreign envoys: "the Italian foreign ministry summoned the Russian ambassador", "Rome
called in Moscow's envoy", "the Russian ambassadors in Oslo and Copenhagen were called in".
A government that summons another state's ambassador (or envoy, chargé d'affaires) meets that
state through him at its foreign ministry: a meeting of the two states, held in the summoning
state's capital unless the sentence places it in another city of that state, and dated by the
summons. The envoy stands for the state that sent him, not for the one he is posted to.

Words in ``parley/data/processes.yaml``: ``summoning_verbs`` ("summon"), ``calling_in_verbs`` (verbs
that summon with the particle "in": "called in the ambassador") and ``envoy_nouns``.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from typing import Any

from parley.knowledge import read_capitals
from parley.process import syntax
from parley.process.context import venue_dict
from parley.process.venues import known_city

# the flag of a meeting told by a summons
SUMMONS = "summons"
# pronouns that stand for the one who speaks or is spoken of ("I have summoned", "it had summoned"):
# the summoning state is then the subject of the verb of saying above them
SPEAKER_PRONOUNS = frozenset({"i", "we", "it", "he", "she", "they"})


@lru_cache(maxsize=1)
def capitals() -> dict[str, list[tuple[str, str, str]]]:
    """The capitals of ``parley/data/actors/capitals.tsv`` (rows of kind ``capital``, not the seats
    named for their state: "the Kremlin"), by country: ``(name, start, end)`` with ISO dates or "".
    The actors stage checks the file when it loads it."""
    found: dict[str, list[tuple[str, str, str]]] = {}
    for row in read_capitals():
        if row["kind"] == "capital":
            found.setdefault(row["country"], []).append((row["name"], row["start"], row["end"]))
    return found


def capital_of(country: str, when: date | None) -> str | None:
    """The capital of ``country`` on the day ``when`` (today's where no day is known), or None.

    A row bounded by a date is more precise than an open one: Bonn (until 1990-10-02) wins over
    Berlin (open) in 1985. Rows equally precise that are valid together are spellings of one city
    ("Nur-Sultan", "Nursultan"): the first of the file."""
    day = (when or date.today()).isoformat()
    valid = [(name, bool(start or end)) for name, start, end in capitals().get(country, [])
             if (not start or start <= day) and (not end or day <= end)]
    bounded = [name for name, is_bounded in valid if is_bounded]
    names = bounded or [name for name, _ in valid]
    return names[0] if names else None


def ministry_city(lex: Any, country: str, when: date | None) -> str | None:
    """The city where ``country``'s foreign ministry sits: the one ``ministry_seats`` of the lexicon
    names where it is not the capital (The Hague, not Amsterdam), else the capital."""
    seat = next((s["city"] for s in lex.data.get("ministry_seats", []) if s["country"] == country), None)
    return seat or capital_of(country, when)


def summonses(ctx: Any, sent: Any) -> list[tuple[Any, str, str, dict]]:
    """The summonses told in one sentence: ``(verb, envoy's state, summoning state, venue)``, one for
    each city of his post or of the verb a passive summons names ("the envoys in Oslo and Copenhagen were
    called in").

    :param ctx: the :class:`~parley.process.context.DocumentContext`.
    :param sent: a :class:`~parley.document.Sentence`.
    """
    if ctx.sdoc is None or not ctx.mentions.get(sent.index):
        return []
    lex, out = ctx.lex, []
    summoning, calling = lex.words("summoning_verbs"), lex.words("calling_in_verbs")
    mentions = ctx.mentions.get(sent.index, [])
    places = [p for p in ctx.places.get(sent.index, []) if p.get("feature") == "city" and p.get("country")]
    for verb in ctx.sentence_tokens(sent, summoning | calling, ("VERB",)):
        if syntax.denied(verb) or not told_done(lex, verb):
            continue
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
        envoy = _envoy(verb, passive, calling_in=verb.lemma_.lower() not in summoning)
        if envoy is None or not _names_envoy(lex, envoy, mentions) or _former(envoy, mentions):
            continue
        if _summoned_by_other_body(lex, verb, passive):
            continue  # "a Moscow court summoned the ambassador as a witness": no meeting of two states
        sender = _state_in(envoy, mentions)
        where = [p for p in places if _places_verb(ctx, p, verb, envoy)]
        summoner = _summoner(verb, envoy, passive, mentions, places, placed=bool(where))
        states = [summoner] if summoner else list(dict.fromkeys(p["country"] for p in where))
        for state in states:
            if sender is None or state == sender:
                continue  # "summoned its ambassador home": a state's own envoy is no foreign meeting
            cities = [p for p in where if p["country"] == state]
            venues = [venue_dict(p) for p in cities] or [_capital_venue(ctx, state, sent.index)]
            out.extend((verb, sender, state, v) for v in venues if v is not None)
    return out


def told_done(lex: Any, verb: Any) -> bool:
    """False for an act (a summons, a council's vote) that is not told as done: one the verb above
    refuses, threatens or weighs ("refused to summon", "threatened to veto": ``unheld_summons_verbs``),
    or a modal one ("could summon"), or one in a clause of whether or if."""
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in lex.words("unheld_summons_verbs"):
        return False
    if any(c.dep_ == "aux" and c.lower_ in ("could", "might", "may", "should", "would") for c in verb.children):
        return False
    # "has summoned the envoy several times in the past decade", "repeatedly summoned": summonses
    # told together, none of them dated
    if any(t.lower_ in lex.words("repeated_summons_words") for c in verb.children
           if c.dep_ in ("advmod", "npadvmod", "dobj") for t in c.subtree):
        return False
    marks = lex.words("conditional_marks")
    return not any(c.dep_ == "mark" and c.lower_ in marks for v in syntax.verb_chain(verb) for c in v.children)


def _calls_in(verb: Any) -> bool:
    """True if "in" is the particle of a calling verb ("called in the ambassador", "the envoy was called
    in"), not the head of a phrase of its own ("called the envoy in a show of goodwill"): as a
    preposition it counts only where the verb has no object, so that its own object is the one called."""
    has_object = any(c.dep_ == "dobj" for c in verb.children)
    for c in verb.children:
        if c.lower_ != "in":
            continue
        if c.dep_ in ("prt", "advmod") or (c.dep_ == "prep" and not has_object):
            return True
    return False


def _former(envoy: Any, mentions: list[dict]) -> bool:
    """True for a former envoy ("the former U.S. ambassador", "ex-ambassador"): he stands for no state."""
    if any(c.lower_ in ("former", "ex", "ex-") for c in envoy.subtree if c.i < envoy.i):
        return True
    lo, hi = syntax.left_extent(envoy)
    return any(m["char_start"] < hi and lo < m["char_end"] and (m.get("role") or "").lower().startswith("former")
               for m in mentions)


def _summoned_by_other_body(lex: Any, verb: Any, passive: bool) -> bool:
    """True if a court, prosecutor, committee or the like (``non_diplomatic_summoners``) summons: a
    witness or a hearing, not a meeting of the two states."""
    bodies = lex.words("non_diplomatic_summoners")
    heads = [syntax.subject_of(verb)] if not passive else \
        [o for c in verb.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"]
    return any(h is not None and h.lemma_.lower() in bodies for h in heads)


def _envoy(verb: Any, passive: bool, calling_in: bool) -> Any:
    """The one summoned: the verb's object, or its passive subject; with a verb of ``calling_in_verbs``
    only where "in" is its particle ("called in the ambassador", "the envoy was called in")."""
    if calling_in and not _calls_in(verb):
        return None
    if passive:
        return next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None and calling_in:  # "called in the ambassador", parsed as a preposition and its object
        obj = next((o for c in verb.children if c.lower_ == "in" and c.dep_ == "prep"
                    for o in c.children if o.dep_ == "pobj"), None)
    return obj


def _names_envoy(lex: Any, envoy: Any, mentions: list[dict]) -> bool:
    """True if the one summoned is an envoy: a noun of ``envoy_nouns`` ("the ambassador") or a person
    the actors stage gave such a role ("Ambassador John Smith")."""
    nouns = lex.words("envoy_nouns")
    if envoy.lemma_.lower() in nouns or envoy.lower_ in nouns:
        return True
    lo, hi = syntax.left_extent(envoy)
    # "the Polish chargé d'affaires": spaCy heads the phrase with "d'affaires", "chargé" a compound
    if " ".join(t.lower_ for t in envoy.doc[envoy.left_edge.i:envoy.i + 1]).endswith(tuple(n for n in nouns if " " in n)):
        return True
    return any(m["char_start"] < hi and lo < m["char_end"] and any(n in (m.get("role") or "").lower() for n in nouns)
               for m in mentions)


def _state_in(token: Any, mentions: list[dict]) -> str | None:
    """The country of the actor a noun phrase names ("the Russian ambassador", "Spain's government",
    "Foreign Minister Luigi Di Maio"): the mention over the noun itself, else the one mention of a
    country among its modifiers."""
    lo, hi = syntax.left_extent(token)
    over = [m for m in mentions if m["char_start"] <= token.idx < m["char_end"] and m.get("country")]
    if over:
        return over[0]["country"]
    inside = {m["country"] for m in mentions if lo <= m["char_start"] and m["char_end"] <= hi and m.get("country")}
    return inside.pop() if len(inside) == 1 else None


def _summoner(verb: Any, envoy: Any, passive: bool, mentions: list[dict], places: list[dict],
              placed: bool = False) -> str | None:
    """The state that summons: the verb's subject ("the Italian foreign ministry summoned"), or the
    subject of the verb of saying above a pronoun ("'I have summoned the ambassador,' the minister
    said"); else, in either voice, the agent ("by the foreign ministry") or the ministry he is
    summoned to ("summoned to the French foreign ministry", "to the Foreign Office in London"),
    where an active verb is not placed in a city ``placed``, which then says the state."""
    state = None if passive else _subject_state(verb, mentions)
    if state or (placed and not passive):  # "summoned the envoy in Berlin": the city says which state
        return state
    preps = [c for c in verb.children if c.dep_ in ("agent", "prep") and c.lower_ in ("by", "to")]
    preps += [c for c in envoy.children if c.dep_ == "prep" and c.lower_ == "to"]  # "the envoy to the ministry"
    for prep in preps:
        for obj in (o for o in prep.children if o.dep_ == "pobj"):
            lo, hi = syntax.left_extent(obj)[0], obj.right_edge.idx + len(obj.right_edge.text)
            # "to the Foreign Office in Berlin": the city says whose office it is
            state = next((p["country"] for p in places if lo <= p["char_start"] and p["char_end"] <= hi), None) \
                or _state_in(obj, mentions)
            if state:
                return state
    return None


def _subject_state(verb: Any, mentions: list[dict]) -> str | None:
    """The state of the active verb's subject, climbing from a pronoun to the one who says the words."""
    subj, node = syntax.subject_of(verb), verb
    for _ in range(3):  # up to the clause the words are said in
        if subj is None or subj.lower_ not in SPEAKER_PRONOUNS:
            break
        while node.dep_ in ("conj", "xcomp") and node.head.i != node.i:
            node = node.head
        if node.dep_ not in ("ccomp", "parataxis") or node.head.i == node.i:
            return None
        node = node.head
        subj = syntax.subject_of(node)
    return _state_in(subj, mentions) if subj is not None else None


def _places_verb(ctx: Any, place: dict, verb: Any, envoy: Any) -> bool:
    """True if a city says where the summons happens: "in" or "at" it on the verb ("summoned in Paris"),
    or on the envoy, who is posted there ("the Russian ambassador in Oslo")."""
    root = syntax.place_phrase_root(ctx.root(place["char_start"], place["char_end"]))
    while root is not None and root.dep_ == "conj" and root.head.i != root.i:
        root = root.head  # "in Paris and Berlin"
    return root is not None and root.dep_ == "pobj" and root.head.lower_ in ("in", "at") \
        and root.head.head.i in (verb.i, envoy.i)


def _capital_venue(ctx: Any, country: str, sentence: int) -> dict | None:
    """The city of ``country``'s foreign ministry as a venue, where the sentence places the summons nowhere."""
    name = ministry_city(ctx.lex, country, ctx.published)
    return known_city(name, country, "capital of the summoning state", sentence) if name else None
