"""Composing atoms into noun phrases: who owns a sector phrase, which name a title belongs to.

"the Turkish delegation" (demonym owner), "Kazakhstan's Foreign Ministry" (possessive),
"the Damascus-based regime" (capital + -based), "president of Kazakhstan" (owner after "of"),
"Kazakh Deputy Foreign Minister Kanat Tumysh" (title before a name), "Alexander Lavrentyev,
special envoy of the Russian president" (title in apposition). Also where capitals stand for
their states (metonymy) and where a story happens (its theatre).
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from parley.actors.kb import name_key
from parley.actors.mentions import Atom
from parley.name_words import words

DETERMINERS = {"the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her"}
SKIP_LEFT = {"top", "senior", "chief", "acting", "vice", "deputy", "visiting", "new", "then", "current",
              "outgoing", "incoming", "veteran", "several", "some", "many", "other", "local",
              "two", "three", "four", "both", "all", "own", "special", "elite", "ground",
              "regular", "allied", "armed", "paramilitary", "leading", "prominent", "main", "longtime",
              "influential", "powerful", "most", "best-known", "well-known"}
PRONOUNS = {"its", "their", "his", "her", "our", "my", "your"}
POSSESSIVE = {"'s", "’s", "'", "’"}
LIST_JOINS = {",", "and", "or", "&"}
LOCATIVE = {"in", "at", "into", "inside", "across", "throughout", "near", "from", "to", "around",
             "within", "outside", "toward", "towards", "on", "over", "via"}
AGENTIVE = {"by", "with", "between", "against", "among"}
# Sectors whose members are organs of the state; the others are groups or people.
STATE_SECTORS = {"GOV", "MIL", "COP", "JUD", "LEG", "SPY"}
GROUP_SECTORS = {"REB", "OPP", "PRM", "UAF", "PTY"}
# Sectors whose members "in <place>" are that place's country's ("officials in Baghdad",
# "students in Tehran"); soldiers, aid workers and refugees in a place are often foreign.
OWNED_IN = {"GOV", "COP", "JUD", "LEG", "CVL", "OPP", "LAB", "REB", "EDU", "AGR", "REL", "MED", "BUS"}
# Words for people sent to a place by another state ("diplomats in Beijing").
POSTED_ABROAD = {"diplomats", "delegation", "delegations", "representatives", "negotiators", "side",
                 "sides", "embassy", "embassies", "envoy", "envoys"}
MILITARY_UNITS = {"army", "navy", "brigade", "brigades", "division", "corps", "regiment", "battalion",
                  "fleet", "legion", "squadron", "command", "guard", "guards", "marines", "forces"}
_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)")
COMPASS = {"northern", "southern", "eastern", "western", "central", "north", "south", "east", "west",
           "northeastern", "northwestern", "southeastern", "southwestern"}
# Nouns for a place of a country: "the Iraqi city of Basra" is a place in Iraq.
PLACE_NOUNS = {"city", "town", "village", "province", "region", "republic", "district",
               "port", "state", "enclave", "territory", "island", "border", "countryside", "oblast"}


def is_metonym(token: Token) -> bool:
    """Return True if a capital's head token stands for its state (subject, object, agent)."""
    t = token
    while t.dep_ == "conj" and t.head is not t:
        t = t.head
    if t.dep_ in ("nsubj", "nsubjpass", "poss", "agent", "dobj", "dative"):
        return True     # "accused Moscow of", "blamed Pyongyang": one accuses a state, not a city
    return t.dep_ == "pobj" and t.head.lower_ in AGENTIVE


def is_locative(token: Token) -> bool:
    t = token
    while t.dep_ == "conj" and t.head is not t:
        t = t.head
    return t.dep_ == "pobj" and t.head.lower_ in LOCATIVE


class Composer:
    """Composition over the atoms of one document; mixed into the resolver, which sets
    ``kb``, ``known``, ``_sdoc``, ``_day``, ``_state``, ``_at_start`` and ``_at_end``."""

    def _find_theatre(self, atoms: list[Atom], places: list[dict]) -> tuple[str | None, str | None]:
        """The country the story happens in: the one named most, counting its name, its
        demonym, and its places (from the places stage, or capitals used as places); first
        seen wins ties. A talks venue counts once per mention, the war's country usually more.
        Also the country named, if the text names only one (else None)."""
        seen: list[str] = [p["country"] for p in places if p.get("country")]
        for atom in atoms:
            if atom.kind == "demonym" and atom.start > 0 and self._sdoc[atom.start - 1].lower_ == "ethnic":
                continue    # "ethnic Albanians" live elsewhere than Albania
            if atom.kind in ("demonym", "people") or (atom.kind == "actor" and atom.ref in self.kb.cameo_country):
                seen.append(atom.ref)
            elif atom.kind == "capital" and not places and not is_metonym(self._sdoc[atom.end - 1]):
                seen.append(atom.ref)
        if not seen:
            return None, None
        return max(dict.fromkeys(seen), key=seen.count), seen[0] if len(set(seen)) == 1 else None

    def _join_compounds(self, atoms: list[Atom]) -> None:
        """Make "ministry spokesman", "opposition delegation" one phrase headed by the last word."""
        for atom in atoms:
            if atom.kind != "sector":
                continue
            left = self._at_end.get(atom.start - 1)
            if left is not None and left.kind == "sector" and not left.used \
                    and left.word["kind"] != "person":
                atom.extra["mod"] = left
                left.used = True

    def _phrase_start(self, atom: Atom) -> int:
        mod = atom.extra.get("mod")
        return mod.start if mod else atom.start

    def _left_owners(self, pos: int) -> tuple[list[Atom], int]:
        """Owners written before a phrase starting at ``pos``, and where the noun phrase starts."""
        sdoc = self._sdoc
        j = pos - 1
        while j >= 0 and sdoc[j].lower_ in SKIP_LEFT:
            j -= 1
        k = j
        while k > 0 and j - k < 3 and self._plain_modifier(sdoc[k]):
            k -= 1
        owner = self._at_end.get(k) if k < j else None
        if owner is not None and owner.kind != "sector":
            j = k           # "French paper workers", "Russian civilian advisers": the demonym owns
        elif k < j and sdoc[k].lower_ in POSSESSIVE:
            j = k           # "Algeria's leading rights activist": the possessive owns
        if j >= 2 and sdoc[j].lower_ == "led" and sdoc[j - 1].text == "-":
            j -= 2          # "Vietnamese-led forces" are led by Vietnam's
        if j < 0:
            return [], pos
        text = sdoc[j].lower_
        if text in POSSESSIVE:
            owner = self._at_end.get(j - 1)
            if owner is None or owner.kind == "sector":
                return [], pos
            owners, k = [owner], owner.start - 1
            while k > 1 and sdoc[k].lower_ in LIST_JOINS and sdoc[k - 1].lower_ in POSSESSIVE:
                prev = self._at_end.get(k - 2)
                if prev is None or prev.kind == "sector":
                    break
                owners.insert(0, prev)
                k = prev.start - 1
            return owners, owners[0].start
        if text == "based" and j >= 2 and sdoc[j - 1].text == "-":
            owner = self._at_end.get(j - 2)
            if owner is not None and owner.kind in ("capital", "actor", "place"):
                return [owner], owner.start
            return [], pos
        owner = self._at_end.get(j)
        if owner is None or owner.kind == "sector":
            return [], pos
        if owner.kind in ("group_adj", "ethnic"):
            before = self._at_end.get(owner.start - 1)
            if before is not None and before.kind == "demonym":
                owner = before      # "Syrian Kurdish fighters": Syria's
        if owner.kind == "demonym" and owner.start > 0 and self._sdoc[owner.start - 1].lower_ == "ethnic" \
                and self._theatre and self._theatre != owner.ref:
            # "ethnic Albanian guerrillas" in a story set in Macedonia: a minority of that country
            owner = Atom(owner.start - 1, owner.end, "place", self._theatre)
        owners, k = [owner], owner.start - 1
        owner_is_country = owner.kind == "actor" and owner.ref in self.kb.cameo_country
        if owner.kind == "demonym" or owner_is_country:
            while k > 0 and sdoc[k].lower_ in LIST_JOINS:
                k -= 1
                if sdoc[k].lower_ in LIST_JOINS:
                    k -= 1
                prev = self._at_end.get(k)
                # "U.S. and Russian negotiators": a country's name in a list of demonyms; "Canadian
                # and U.S. officials": an adjective cannot stand alone, it shares the list's noun
                # (after a country's name, "Iran and U.S. officials" may be two parties, so only a
                # demonym joins it then)
                if prev is None or not (prev.kind == "demonym" or (
                        owner.kind == "demonym" and prev.kind == "actor" and prev.ref in self.kb.cameo_country)):
                    break
                owners.insert(0, prev)
                k = prev.start - 1
        return owners, owners[0].start

    def _plain_modifier(self, token) -> bool:
        """A lower-case noun or adjective that is no name or sector word ("paper", "civilian")."""
        return (token.pos_ in ("NOUN", "ADJ") and token.is_alpha and token.text.islower()
                and token.i not in self._at_end and token.lower_ not in DETERMINERS)

    def _right_owners(self, end: int, word: dict) -> list[Atom]:
        """Owners after "of" (or "from" for people): "president of Kazakhstan", "envoy of the
        Russian president", "representatives from Russia, Türkiye and Iran"."""
        sdoc = self._sdoc
        if end + 1 < len(sdoc) and sdoc[end].lower_ == "in" and word["kind"] != "person" \
                and word["sector"] in OWNED_IN and word["phrase"] not in POSTED_ABROAD:
            # "officials in Baghdad", "protesters in Cairo": people of a place, its country's
            k = end + 2 if sdoc[end + 1].lower_ == "the" else end + 1
            atom = self._at_start.get(k)
            if atom is not None and (atom.kind in ("capital", "place") or (
                    atom.kind == "actor" and atom.ref in self.kb.cameo_country)):
                return [atom]
            return []
        joins = {"state": ("of", "from"), "person": ("of", "from", "for")}.get(word["kind"], ("of",))
        if end >= len(sdoc) or sdoc[end].lower_ not in joins:
            return []
        k = end + 1
        if k < len(sdoc) and sdoc[k].lower_ in DETERMINERS:
            k += 1
        owners = []
        while k < len(sdoc):
            atom = self._at_start.get(k)
            if atom is not None and atom.kind == "sector" and word["kind"] == "person":
                atom = self._at_start.get(atom.end)  # "spokesman for President Putin"
            if atom is None:
                break
            if atom.kind == "demonym":
                nxt = self._at_start.get(atom.end)
                if nxt is None or nxt.kind != "sector":
                    break
                # "president of the Syrian opposition": the opposition's, not Syria's
                if nxt.word["kind"] in ("collective", "organ") and nxt.word["sector"] != "GOV":
                    atom.extra["nested"] = nxt.word
            elif atom.kind not in ("actor", "capital"):
                break
            owners.append(atom)
            k = atom.end
            if k < len(sdoc) and sdoc[k].lower_ in LIST_JOINS:
                k += 1
                if k < len(sdoc) and sdoc[k].lower_ in LIST_JOINS:
                    k += 1
            else:
                break
        return owners

    def _owner_info(self, owner: Atom) -> dict:
        """Country and (for IGOs and groups) actor of an owner atom."""
        if owner.kind in ("demonym", "capital", "place"):
            return {"country": owner.ref, "actor": None}
        if owner.kind in ("group_adj", "ethnic"):
            # "Karen guerrillas": the group's homeland; "Muslim forces": where the story happens
            return {"country": self.kb.ethnic_home.get(owner.ref) or self._theatre, "actor": None}
        if owner.kind == "person":
            info = self._state.people.get(owner.extra.get("pid", ""), {})
            return {"country": info.get("country"), "actor": None}
        actor = self.kb.actors.get(owner.ref) or self.known.get(owner.ref) or {}
        if actor.get("type") == "person":
            role = self.kb.role_at(actor, self._day) or {}
            return {"country": role.get("country", actor.get("country")), "actor": None,
                    "org": role.get("org")}
        if actor.get("type") in ("state", "other") and actor["id"] == actor.get("country"):
            return {"country": actor["id"], "actor": None}
        return {"country": actor.get("country"), "actor": actor.get("id")}

    def _compose(self, atom: Atom) -> None:
        """Decide what a sector phrase refers to; stores the decision on the atom."""
        start = self._phrase_start(atom)
        owners, np_start = self._left_owners(start)
        if not owners and atom.extra.get("mod") is not None and start >= 2 \
                and self._sdoc[start - 1].lower_ == "and":
            # "the Syrian government and opposition delegations": the demonym covers both
            before = self._at_end.get(start - 2)
            if before is not None and before.kind == "sector" and before.extra.get("owners"):
                owners, np_start = list(before.extra["owners"]), start
        if not owners:
            owners = self._right_owners(atom.end, atom.word)
            right = True
        else:
            right = False
        kind = atom.word["kind"]
        for owner in owners:
            person = owner.kind == "person" or self._is_kb_person(owner)
            if person:
                # "the Assad government" names the government, not Assad; "Assad's forces" both
                owner.used = kind == "state" and owner.end == start
            elif not (right and len(owners) == 1 and kind == "person"):
                # only a title keeps its owner as a phrase of its own ("president of Syria");
                # "Government of North Korea", "jihadists of the Islamic State" are one mention
                owner.used = True
        atom.extra["owners"] = owners
        atom.extra["np_start"] = np_start if not right else start
        if right and len(owners) == 1 and owners[0].used:
            atom.extra["np_end"] = owners[0].end
        word = atom.word
        if word["kind"] == "person":
            named = self._at_start.get(atom.end)
            if named is not None and (named.kind == "person" or self._is_kb_person(named)):
                named.extra["title"] = atom
                atom.used = True
                return
            person = self._apposed_person(atom)
            if person is not None:
                atom.extra["appos"] = person
                if person.kind == "person" or self._is_kb_person(person):
                    person.extra.setdefault("titles", []).append(atom)

    def _is_kb_person(self, atom: Atom) -> bool:
        if atom.kind != "actor":
            return False
        actor = self.kb.actors.get(atom.ref) or self.known.get(atom.ref) or {}
        return actor.get("type") == "person"

    def _apposed_person(self, atom: Atom) -> Atom | None:
        """The named person a title stands in apposition to ("X, the Russian envoy, said")."""
        head = self._sdoc[atom.start:atom.end].root  # "Chief" in "Chief of the General Staff"
        candidates = [head.head] if head.dep_ == "appos" else []
        candidates += [c for c in head.children if c.dep_ == "appos"]
        if head.dep_ == "conj" and head.head.dep_ == "appos":
            candidates.append(head.head.head)
        np_start = atom.extra.get("np_start", atom.start)
        while np_start > 0 and self._sdoc[np_start - 1].lower_ in DETERMINERS:
            np_start -= 1
        if np_start >= 2 and self._sdoc[np_start - 1].text == ",":
            candidates.append(self._sdoc[np_start - 2])
        if atom.end + 1 < len(self._sdoc) and self._sdoc[atom.end].text == ",":
            candidates.append(self._sdoc[atom.end + 1])
        for token in candidates:
            for person in self._atoms_at(token.i):
                if person.kind == "person" or self._is_kb_person(person):
                    return person
        return None

    def _atoms_at(self, i: int) -> list[Atom]:
        atom = self._at_end.get(i) or self._at_start.get(i)
        if atom is None:
            for k in range(max(0, i - 8), i + 1):
                a = self._at_start.get(k)
                if a is not None and a.start <= i < a.end:
                    return [a]
            return []
        return [atom]

    def _emit_place(self, atom: Atom) -> list[dict]:
        """A place nobody took as an owner: its country, as a place ("fighting in Samarra")."""
        return [self._actor_mention(atom.start, atom.end, self.kb.actors[atom.ref],
                                    "kb" if atom.kind == "capital" else "pattern", 0.5, locative=True)]

    # -- peoples, ethnic groups, bare demonyms, people known by part of their name ---------

    def _emit_people(self, atom: Atom) -> list[dict]:
        """A people or ethnic group: "Algerians" (Algeria's civilians), "Iraqi Kurds" (Iraq's,
        tagged Kurds), "ethnic Albanians" (a minority of the country the story happens in)."""
        sdoc = self._sdoc
        start, country = atom.start, atom.ref if atom.kind == "people" else None
        left = self._at_end.get(atom.start - 1)
        before = sdoc[atom.start - 1].lower_ if atom.start > 0 else ""
        if left is not None and left.kind == "demonym" and not left.used:
            country, start = left.ref, left.start   # the first demonym names the state
            left.used = True
        elif before == "ethnic":
            start -= 1
            if self._theatre and self._theatre != country:
                country = self._theatre
        end = atom.end
        k = end + 1 if end + 1 < len(sdoc) and sdoc[end + 1].lower_ in COMPASS else end
        where = self._at_start.get(k + 1) if end < len(sdoc) and sdoc[end].lower_ in ("in", "of") else None
        if where is not None and (where.kind in ("place", "capital") or (
                where.kind == "actor" and where.ref in self.kb.cameo_country)):
            # "Albanians of southern Serbia", "ethnic Russians in Estonia": that country's
            country, end = where.ref, where.end
            where.used = True
        if country is None:
            return []
        nxt = self._at_start.get(atom.end)
        if nxt is not None and nxt.kind == "sector":
            return []   # "Kurdish rebels"-like phrases: the sector phrase owns it
        m = self._actor_mention(start, end, self._derived(country, "CVL"), "pattern", 0.6)
        m["group"] = sdoc[atom.start:atom.end].text
        return [m]

    def _emit_demonym(self, atom: Atom) -> list[dict]:
        """A demonym no sector phrase took, before a noun of acting ("an Indian proposal",
        "Israeli air raids"; ``agentive_nouns.yaml``): the state acts. "The Syrian war" is no
        actor. Low confidence."""
        sdoc = self._sdoc
        head = sdoc[atom.end - 1]
        nxt = sdoc[atom.end] if atom.end < len(sdoc) else None
        group = self._at_start.get(atom.end)
        if group is not None and group.kind == "actor" and self.kb.actors.get(group.ref, {}).get("type") == "group":
            return []   # "the Pakistani Taliban": the group's mention takes the demonym
        after = self._at_start.get(atom.end + 2)
        if nxt is not None and nxt.lower_ in PLACE_NOUNS and atom.end + 2 < len(sdoc) \
                and sdoc[atom.end + 1].lower_ == "of" and after is not None and after.kind not in ("sector", "person"):
            # "the Bosnian town of Gorazde": a place of that country, named as one
            after.used = True
            return [self._actor_mention(atom.start, after.end, self.kb.actors[atom.ref], "pattern", 0.5,
                                        locative=True)]
        named = self._named_organisation(atom)
        if named is not None:
            return [named]
        if nxt is None or head.dep_ in ("nsubj", "pobj", "dobj"):
            return []
        if nxt.pos_ in ("NOUN", "ADJ") and nxt.i + 1 < len(sdoc) and sdoc[nxt.i + 1].pos_ == "NOUN" \
                and nxt.lower_ in ("air", "peace", "military", "naval", "ground", "trade", "aid"):
            nxt = sdoc[nxt.i + 1]       # "Israeli air raids", "a Senegalese peace plan"
        if nxt.pos_ != "NOUN" or nxt.lemma_.lower() not in self.kb.agentive_nouns:
            return []
        return [self._actor_mention(atom.start, atom.end, self.kb.actors[atom.ref], "pattern", 0.5,
                                    adjective=True)]

    def _named_organisation(self, atom: Atom) -> dict | None:
        """An organisation nobody listed whose name opens with a demonym ("the Nigerian Union of
        Teachers", "the Rwandan Patriotic Front"): an actor of that country, learned from text."""
        sdoc, k = self._sdoc, atom.end
        while k < len(sdoc) and (k not in self._at_start or self._at_start[k].kind == "sector") and (
                sdoc[k].text[:1].isupper() and sdoc[k].is_alpha
                or _ORDINAL.fullmatch(sdoc[k].text) and k + 1 < len(sdoc) and sdoc[k + 1].text[:1].isupper()
                or sdoc[k].lower_ in ("of", "for", "the", "and") and k + 1 < len(sdoc)
                and sdoc[k + 1].text[:1].isupper()):
            k += 1
        while k > atom.end and not sdoc[k - 1].text[:1].isupper():
            k -= 1
        if k - atom.end < 1 or not any(t.lower_ in words("org_heads") for t in sdoc[atom.end:k]):
            return None
        # "the Ukrainian 93rd Mechanized Brigade", "the French Foreign Legion": a military unit
        sector = "MIL" if sdoc[k - 1].lower_ in MILITARY_UNITS else None
        for i in range(atom.end, k):
            if i in self._at_start:
                self._at_start[i].used = True   # "Teachers" is part of the name here
        name = sdoc[atom.start:k].text
        aid = "o-" + "-".join(x for x in name_key(name) if x != "-")
        record = self._state.records.setdefault(aid, {
            "id": aid, "name": name, "type": "group", "aliases": [], "country": atom.ref,
            "sector": sector, "cameo": self.kb.cameo(atom.ref, sector), "roles": [], "source": "text"})
        return self._actor_mention(atom.start, k, record, "pattern", 0.6)

    def _kb_person_by_pair(self, key: tuple[str, ...]) -> dict | None:
        """A knowledge-base person whose first and last names these are, middle names and
        particles aside ("Omar Hassan al-Bashir" is "Omar al-Bashir"); None unless all such
        people share a country (one person recorded under two spellings)."""
        from parley.actors.layers import _PARTICLE_KEYS

        key = [k for k in key if k not in _PARTICLE_KEYS]
        if len(key) < 2:
            return None
        ids = self.kb.person_pairs.get((key[0], key[-1]), [])
        people = [self.kb.actors[i] for i in ids]
        if not people or len({p.get("country") for p in people}) != 1:
            return None
        active = [p for p in people if (r := self.kb.role_at(p, self._day)) is not None and not r.get("former")]
        return (active or people)[0]

    def _kb_person_by_surname(self, key: str, title: Atom | None = None) -> dict | None:
        """The one knowledge-base person with this last name who holds an office on the
        document's date ("Bush said" in 2003); with a title before the name ("President
        Suharto"), else the one who ever held an office of the title's sector. None if none
        or several do. A title that names a country ("Chinese Vice Premier Liu") admits only
        people who served that country: a namesake of another is someone else."""
        holders, ever = [], []
        country = self._title_facts(title)["country"] if title is not None else None
        for pid in self.kb.surnames.get(key, []):
            actor = self.kb.actors[pid]
            if country and not _served(actor, country):
                continue
            role = self.kb.role_at(actor, self._day)
            if role is not None and not role.get("former") and role.get("sector") not in (None, "ELI") \
                    and (role.get("start") or role.get("end")):
                holders.append(actor)
            if title is not None and any(r.get("sector") == title.word["sector"] for r in actor.get("roles") or []):
                ever.append(actor)
        if len(holders) == 1:
            return holders[0]
        return ever[0] if not holders and len(ever) == 1 else None


def _served(actor: dict, country: str) -> bool:
    """True if a knowledge-base person belongs to ``country`` or held an office of it."""
    return actor.get("country") == country or any(r.get("country") == country for r in actor.get("roles") or [])
