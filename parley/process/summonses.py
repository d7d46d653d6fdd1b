"""Summonses of foreign envoys: "the Italian foreign ministry summoned the Russian ambassador", "Rome
called in Moscow's envoy", "the Turkish ambassador in Vienna was summoned to the foreign ministry".
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

from parley.knowledge import data_path, read_tsv
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
    for row in read_tsv(data_path("actors", "capitals.tsv"), ("country", "name", "start", "end", "kind")):
        if row["kind"] == "capital":
            found.setdefault(row["country"], []).append((row["name"], row["start"], row["end"]))
    return found


def capital_of(country: str, when: date | None) -> str | None:
    """The capital of ``country`` on the day ``when`` (today's where no day is known), or None."""
    day = (when or date.today()).isoformat()
    names = [name for name, start, end in capitals().get(country, [])
             if (not start or start <= day) and (not end or day <= end)]
    return names[0] if len(names) == 1 else None


def summonses(ctx: Any, sent: Any) -> list[tuple[Any, str, str, dict]]:
    """The summonses told in one sentence: ``(verb, envoy's state, summoning state, venue)``, one for
    each place a passive summons names ("Chinese ambassadors were summoned in Rome and Madrid").

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
        if syntax.denied(verb):
            continue
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
        envoy = _envoy(verb, passive, calling_in=verb.lemma_.lower() not in summoning)
        if envoy is None or not _names_envoy(lex, envoy, mentions):
            continue
        sender = _state_in(envoy, mentions)
        where = [p for p in places if _places_verb(ctx, p, verb, envoy)]
        summoner = _summoner(ctx, verb, passive, mentions)
        states = [summoner] if summoner else list(dict.fromkeys(p["country"] for p in where))
        for state in states:
            if sender is None or state == sender:
                continue  # "summoned its ambassador home": a state's own envoy is no foreign meeting
            cities = [p for p in where if p["country"] == state]
            venues = [venue_dict(p) for p in cities] or [_capital_venue(ctx, state, sent.index)]
            out.extend((verb, sender, state, v) for v in venues if v is not None)
    return out


def _envoy(verb: Any, passive: bool, calling_in: bool) -> Any:
    """The one summoned: the verb's object, or its passive subject; with a verb of ``calling_in_verbs``
    only where "in" goes with it ("called in the ambassador", "the envoy was called in")."""
    if calling_in and not any(c.lower_ == "in" and c.dep_ in ("prt", "prep", "advmod") for c in verb.children):
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


def _summoner(ctx: Any, verb: Any, passive: bool, mentions: list[dict]) -> str | None:
    """The state that summons: the verb's subject ("the Italian foreign ministry summoned"), or the
    subject of the verb of saying above a pronoun ("'I have summoned the ambassador,' the minister
    said"); in the passive the agent ("by the foreign ministry") or the ministry he is summoned to
    ("summoned to the French foreign ministry")."""
    if not passive:
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
    for prep in (c for c in verb.children if c.dep_ in ("agent", "prep") and c.lower_ in ("by", "to")):
        for obj in (o for o in prep.children if o.dep_ == "pobj"):
            state = _state_in(obj, mentions)
            if state:
                return state
    return None


def _places_verb(ctx: Any, place: dict, verb: Any, envoy: Any) -> bool:
    """True if a city says where the summons happens: "in" or "at" it on the verb ("summoned in Paris"),
    or on the envoy, who is posted there ("the Turkish ambassador in Vienna")."""
    root = syntax.place_phrase_root(ctx.root(place["char_start"], place["char_end"]))
    while root is not None and root.dep_ == "conj" and root.head.i != root.i:
        root = root.head  # "in Paris and Berlin"
    return root is not None and root.dep_ == "pobj" and root.head.lower_ in ("in", "at") \
        and root.head.head.i in (verb.i, envoy.i)


def _capital_venue(ctx: Any, country: str, sentence: int) -> dict | None:
    name = capital_of(country, ctx.published)
    return known_city(name, country, "capital of the summoning state", sentence) if name else None
