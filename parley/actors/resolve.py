"""Composing atoms into actor mentions and resolving them as of the document's date.

A mention is a knowledge-base name, a sector phrase with its owner ("the Turkish delegation",
"Kazakhstan's Foreign Ministry", "the Damascus-based regime"), a title with a name ("Kazakh
Deputy Foreign Minister Kanat Tumysh"), or a person the knowledge base does not know. Short
later mentions ("Lavrentyev said", "the ministry", "the Russian negotiator") bind to an actor
the document already introduced. See :mod:`parley.actors.kb` for actor ids.
"""

from __future__ import annotations

from bisect import bisect_right
from datetime import date, datetime
from typing import Iterable, Iterator

from spacy.attrs import DEP, POS
from spacy.symbols import PROPN, nsubj, nsubjpass
from spacy.tokens import Doc

from parley.actors.compose import (GROUP_SECTORS, POSSESSIVE, PRONOUNS, STATE_SECTORS, Composer,
                                   is_locative, is_metonym)
from parley.actors.kb import KnowledgeBase, load_kb, name_key, person_id, token_key
from parley.actors.mentions import Atom, scan_names, scan_people, scan_sectors
from parley.document import Document, doc_text, token_columns, token_texts
from parley.model import reset_tree_edges


# Words of meeting: a capital after them is a venue ("talks in Astana", "met in Moscow").
VENUE_WORDS = {"talk", "talks", "meet", "met", "meeting", "meetings", "summit", "conference", "negotiation",
               "negotiations", "round", "session", "host", "hosted", "held", "hold", "gather", "gathered",
               "arrive", "arrived", "visit", "visited", "travel", "travelled", "traveled", "fly", "flew",
               "sign", "signed", "forum", "ceremony", "consultations", "process", "based", "live", "lived",
               "born", "office", "embassy", "headquarters", "correspondent", "reporter", "told", "said"}
COMPASS_WORDS = {"central", "northern", "southern", "eastern", "western", "downtown", "east", "west", "north",
                 "south", "suburban", "besieged", "occupied"}

SUBJECTS = {nsubj, nsubjpass}

# States that seceded, with the day they became independent and the state they left: an armed
# group or party of the new state acted, before that day, inside the old one.
STATE_SINCE = {"SSD": ("2011-07-09", "SDN"), "ERI": ("1993-05-24", "ETH"), "TLS": ("2002-05-20", "IDN")}


class _DocState:
    """What one document has introduced so far: people, organs, the last actor per role."""

    def __init__(self) -> None:
        self.people: dict[str, dict] = {}       # actor id -> what the text says of them
        self.surnames: dict[str, str] = {}      # key of a last name -> actor id
        self.first_names: dict[str, str] = {}   # key of a full name's first word -> actor id ("Liu" of "Liu He")
        self.recent: list[dict] = []            # mentions so far, in order
        self.records: dict[str, dict] = {}      # derived and text actor records by id
        self.state_words: dict[str, str] = {}   # "regime" -> the state it last named


class ActorResolver(Composer):
    """The actors stage: sets ``doc.mentions``.

    Example::

        actors = make_actors()
        doc = actors(nlp(Document.from_text("Ankara and Tehran sent delegations.")))
        [(m["text"], m["actor_id"]) for m in doc.mentions]
    """

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self.known: dict[str, dict] = {}
        self.known_names: dict[tuple[str, ...], list] = {}
        self.people_by_country: dict[str | None, list[dict]] = {}
        for actor in kb.actors.values():
            if actor["type"] == "person":
                self.people_by_country.setdefault(actor["country"], []).append(actor)

    # -- public API -----------------------------------------------------------------------

    def add_known(self, actors: list[dict]) -> None:
        """Make actors learned from earlier documents findable by name in later ones.

        :param actors: actor records (as stored); people with ``source`` "text" are indexed by
            their name and aliases; other records are ignored (the knowledge base has them).
        """
        for actor in actors:
            if actor.get("type") != "person" or actor["id"] in self.kb.actors:
                continue
            if actor["id"] not in self.known:
                self.people_by_country.setdefault(actor.get("country"), []).append(actor)
            self.known[actor["id"]] = actor
            for name in [actor["name"], *(actor.get("aliases") or [])]:
                key = name_key(name)
                if len(key) > 1:
                    slot = self.known_names.setdefault(key, [])
                    entry = (tuple(1 for _ in key), ("actor", actor["id"]))
                    if entry not in slot:
                        slot.append(entry)

    def __call__(self, doc: Document) -> Document:
        """Find and resolve the actor mentions of ``doc``.

        :param doc: a document with ``spacy_doc`` and ``sentences`` set.
        :returns: the same document with ``mentions`` set (see the data contracts).
        """
        sdoc = doc.spacy_doc
        if sdoc is None:
            doc.mentions = []
            return doc
        day = doc.published
        if isinstance(day, datetime):
            day = day.date()
        doc.mentions = self.resolve(sdoc, day, [s.char_start for s in doc.sentences],
                                    doc.id, doc.places)
        return doc

    def pipe(self, docs: Iterable[Document]) -> Iterator[Document]:
        """Run :meth:`__call__` over ``docs``.

        :param docs: documents.
        """
        for doc in docs:
            yield self(doc)

    # -- resolution -----------------------------------------------------------------------

    def resolve(self, sdoc: Doc, day: date | None, sentence_starts: list[int],
                doc_id: str | None = None, places: list[dict] | None = None) -> list[dict]:
        """Return the mentions of actors in ``sdoc`` resolved as of ``day``.

        :param sdoc: the spaCy doc of the document.
        :param day: the document's date; None resolves roles as of today.
        :param sentence_starts: character offsets where sentences start.
        :param doc_id: the document id, recorded as the source of roles learned from it.
        :param places: the places stage's output, if it ran: where the story happens.
        """
        reset_tree_edges(sdoc)   # composition walks the tree; a doc straight from the tokenizer may have stale edges
        self._when = (day or date.today()).isoformat()
        names = scan_names(sdoc, self.kb, self.known_names, day)
        taken = {i for a in names for i in range(a.start, a.end)}
        names += self._place_atoms(sdoc, places or [], taken)
        taken = {i for a in names for i in range(a.start, a.end)}
        sectors = scan_sectors(sdoc, self.kb, taken)
        # a group's adjective counts only before a sector word ("Karen guerrillas"), so that it
        # does not hide a person's first name ("Karen Bass")
        sector_starts = {a.start for a in sectors}
        texts = token_texts(sdoc)

        def before_sector(a: Atom) -> bool:     # "Karen guerrillas", "Muslim fundamentalist protesters"
            for k in range(a.end, min(a.end + 3, len(texts))):
                if k in sector_starts:
                    return True
                if not (texts[k].isalpha() and texts[k].islower()):
                    return False
            return False
        names = [a for a in names if a.kind != "group_adj" or before_sector(a)]
        taken = {i for a in names + sectors for i in range(a.start, a.end)}
        people = scan_people(sdoc, self.kb, taken)
        people += self._surname_atoms(sdoc, names + people, taken)
        atoms = sorted(names + sectors + people, key=lambda a: a.start)
        self._at_end = {a.end - 1: a for a in atoms}
        self._at_start = {a.start: a for a in atoms}
        self._sdoc, self._day = sdoc, day
        self._text = doc_text(sdoc)
        state = _DocState()
        self._state = state
        self._theatre, self._sole_country = self._find_theatre(atoms, places or [])
        self._join_compounds(atoms)
        for atom in atoms:
            if atom.kind == "sector" and not atom.used:
                self._compose(atom)
        mentions: list[dict] = []
        # Titles in apposition go last: "A ministry spokesman, Aibek Smadiyarov" names the
        # person after the title.
        ordered = ([a for a in atoms if "appos" not in a.extra]
                   + [a for a in atoms if "appos" in a.extra])
        for atom in ordered:
            if atom.used:
                continue
            for m in self._emit(atom):
                m["sentence"] = max(0, bisect_right(sentence_starts, m["char_start"]) - 1)
                mentions.append(m)
                state.recent.append(m)
        mentions.sort(key=lambda m: (m["char_start"], m["char_end"]))
        self._attach_records(mentions, doc_id)
        return mentions

    def _place_atoms(self, sdoc: Doc, places: list[dict], taken: set[int]) -> list[Atom]:
        """Places the places stage found that no name covers ("Samarra", "the West Bank"):
        atoms standing for their country, as owners ("officials in Basra", "Kandahar
        police") and, left alone, as locative mentions of their state."""
        atoms = []
        for place in places:
            country = place.get("country")
            if not country or country not in self.kb.actors or place.get("via") == "dateline":
                continue
            span = sdoc.char_span(place["char_start"], place["char_end"], alignment_mode="expand")
            if span is None or any(i in taken for i in range(span.start, span.end)):
                continue
            atoms.append(Atom(span.start, span.end, "place", country))
        return atoms

    def _surname_atoms(self, sdoc: Doc, atoms: list[Atom], taken: set[int]) -> list[Atom]:
        """Last names that NER missed on their own: of people named earlier in full ("Ayoub
        said" after "Samir Ayoub"), and a clause's subject that is the last name of someone the
        knowledge base knows ("Peres said"; resolved only if one such person holds an office)."""
        first_seen: dict[str, int] = {}
        for atom in atoms:
            full = atom.end - atom.start > 1 and (atom.kind == "person" or self._is_kb_person(atom))
            key = token_key(sdoc[atom.end - 1].text) if full else ""
            if key:                 # an initial ("Harry S.") is no surname
                first_seen.setdefault(key, atom.end)
                # a family name may come first ("Liu He", "Kim Jong Un"): "Liu" alone after it is him
                first = token_key(sdoc[atom.start].text)
                if first:
                    first_seen.setdefault(first, atom.end)
        covered = taken | {i for a in atoms for i in range(a.start, a.end)}
        # over token texts and tag arrays: making a Token object per word cost more than the rest
        texts = token_texts(sdoc)
        tags, deps = token_columns(sdoc, (POS, DEP))
        return [Atom(i, i + 1, "person") for i, (text, tag, dep) in enumerate(zip(texts, tags, deps))
                if tag == PROPN and i not in covered and text[:1].isupper()
                and (first_seen.get(token_key(text), len(sdoc)) <= i
                     or dep in SUBJECTS and self._sole_holder(token_key(text)))]

    def _sole_holder(self, key: str) -> bool:
        """Whether the one person of the knowledge base with last name ``key`` held an office
        with a known start on the document's date. Many namesakes, or a Phoenix office with no
        end (its lists stop in 2014-2016: "still in office" is unknown), make "Evans said" nobody."""
        ids = self.kb.surnames.get(key) or []
        if len(ids) != 1:
            return False
        when = self._when
        return any(r.get("start") and r["start"] <= when and r.get("sector") not in (None, "ELI")
                   and (when <= r["end"] if r.get("end") else r.get("source") != "phoenix")
                   for r in self.kb.actors[ids[0]].get("roles") or [])

    # -- emission -------------------------------------------------------------------------

    def _span(self, start: int, end: int) -> dict:
        sdoc = self._sdoc
        char_start = sdoc[start].idx
        last = sdoc[end - 1]
        return {"text": self._text[char_start:last.idx + len(last.text)],
                "char_start": char_start, "char_end": last.idx + len(last.text)}

    def _actor_mention(self, start: int, end: int, actor: dict, via: str, confidence: float,
                       **extra) -> dict:
        m = self._span(start, end)
        m.update({"actor_id": actor["id"], "name": actor["name"], "type": actor["type"],
                  "country": actor.get("country"), "sector": actor.get("sector"),
                  "cameo": actor.get("cameo"), "role": None, "via": via,
                  "confidence": confidence})
        since = STATE_SINCE.get(m["country"] or "")
        if since and actor["type"] in ("group", "state") and self._when < since[0]:
            # a movement or a place of a state born later was its predecessor's ("the SPLA" or Juba
            # in 2004: Sudan's)
            m.update(country=since[1], cameo=self.kb.cameo(since[1], m["sector"]))
        m.update(extra)
        return m

    def _emit(self, atom: Atom) -> list[dict]:
        if atom.kind == "actor":
            return self._emit_actor(atom)
        if atom.kind == "capital":
            head = self._sdoc[atom.end - 1]
            nxt = self._sdoc[atom.end].lower_ if atom.end < len(self._sdoc) else ""
            if nxt in POSSESSIVE or is_metonym(head):
                return [self._actor_mention(atom.start, atom.end, self.kb.actors[atom.ref], "kb",
                                            0.75, metonym=True)]
            key = name_key(self._sdoc[atom.start:atom.end].text)
            if any(name_key(c["name"]) == key for c in self.kb.actors[atom.ref].get("capitals") or []) \
                    and not self._struck_capital(atom):
                return []   # a capital as a place: a venue ("talks in Astana"), not a party
            # another town or region ("fighting near Samarra", "the West Bank"): its country, as a place
            return self._emit_place(atom)
        if atom.kind == "place":
            return self._emit_place(atom)
        if atom.kind == "person":
            return self._emit_text_person(atom)
        if atom.kind == "sector":
            return self._emit_sector(atom)
        if atom.kind in ("people", "ethnic"):
            return self._emit_people(atom)
        if atom.kind == "demonym":
            return self._emit_demonym(atom)
        return []

    def _struck_capital(self, atom: Atom) -> bool:
        """Whether a capital is where something is done to its country ("a curfew in Abidjan",
        "clashes in central Baghdad"), not a venue ("talks in Moscow", "the envoys met in Astana"):
        after a locative preposition, with no meeting word in the few words before it."""
        sdoc = self._sdoc
        i = atom.start - 1
        while i >= 0 and (sdoc[i].lower_ in ("the", "capital", "city") or sdoc[i].lower_ in COMPASS_WORDS):
            i -= 1
        if i < 0 or sdoc[i].lower_ not in ("in", "at", "near", "inside", "outside", "around", "across"):
            return False
        before = {t.lemma_.lower() for t in sdoc[max(0, i - 5):i]} | {t.lower_ for t in sdoc[max(0, i - 5):i]}
        return not before & VENUE_WORDS

    def _emit_actor(self, atom: Atom) -> list[dict]:
        actor = self.kb.actors.get(atom.ref) or self.known.get(atom.ref)
        if actor["type"] == "person":
            return [self._person_mention(atom, actor)]
        extra = {}
        confidence = 0.9
        if actor["type"] in ("state", "other") and actor["id"] == actor.get("country"):
            if is_locative(self._sdoc[atom.end - 1]):
                extra["locative"] = True
                confidence = 0.6
        if actor["type"] == "organ":
            extra.update(organ=actor.get("organ"), organ_name=actor["name"])
        before = self._at_end.get(atom.start - 1)
        if actor["type"] == "group" and before is not None and before.kind == "demonym" and not before.used \
                and before.ref != actor.get("country"):
            # "the Pakistani Taliban", "Syrian Muslim Brotherhood": that country's branch
            before.used = True
            m = self._actor_mention(before.start, atom.end, actor, "pattern", 0.75, **extra)
            m.update(country=before.ref, cameo=self.kb.cameo(before.ref, actor.get("sector")))
            return [m]
        return [self._actor_mention(atom.start, atom.end, actor, "kb", confidence, **extra)]

    def _person_mention(self, atom: Atom, actor: dict) -> dict:
        """A mention of a knowledge-base person (or one learned from an earlier document)."""
        role = self.kb.role_at(actor, self._day) or {}
        title = atom.extra.get("title")
        start = title.extra.get("np_start", title.start) if title else atom.start
        m = self._actor_mention(start, atom.end, actor, "kb", 0.9)
        if role:
            former = role.get("former")
            m["country"] = role.get("country", actor.get("country"))
            m["sector"] = "ELI" if former else role["sector"]
            m["role"] = (("former " if former else "") + role["role"]) if role.get("role") else None
            org = self.kb.actors.get(role.get("org") or "")
            m["cameo"] = (org["cameo"] if org and role["sector"] == "IGO"
                          else self.kb.cameo(m["country"], m["sector"]))
            if org and role["sector"] == "IGO" and not former:
                m["org"] = org["id"]  # an organisation's officer speaks for it, not for a country
        if title is not None and title.word["kind"] == "person" and m.get("sector") in (None, "ELI") \
                and not title.word["phrase"].startswith("former"):
            # "Prime Minister X" while the knowledge base has X out of office on that date: the
            # text is the fresher source (dates are missing or off in the dictionaries)
            m["sector"], m["role"] = title.word["sector"], title.word["role"]
            m["cameo"] = self.kb.cameo(m["country"], m["sector"])
        self._remember_person(actor["id"], actor["name"], m)
        return m

    def _remember_person(self, pid: str, name: str, m: dict) -> None:
        state = self._state
        state.people.setdefault(pid, {"name": name, "forms": [], "country": m["country"],
                                      "sector": m["sector"], "role": m["role"]})
        key = name_key(name)
        if key:
            state.surnames.setdefault(key[-1], pid)
        if len(key) > 1:
            state.first_names.setdefault(key[0], pid)

    def _emit_text_person(self, atom: Atom) -> list[dict]:
        sdoc, state = self._sdoc, self._state
        name = sdoc[atom.start:atom.end].text
        key = name_key(name)
        if not key:  # quotes or dots the tagger took for a name
            return []
        if len(key) == 1:
            # a bare name is the person named in full before with it last, else with it first
            # (the family name of "Liu He"), before any namesake the knowledge base knows
            pid = state.surnames.get(key[0]) or state.first_names.get(key[0])
            if pid is None:
                known = self._kb_person_by_surname(key[0], atom.extra.get("title"))
                return [self._person_mention(atom, known)] if known else []
            via, confidence = "coref", 0.75
        else:
            pid = person_id(name)
            if pid not in state.people and key[-1] in state.surnames:
                pid = state.surnames[key[-1]]
            elif pid not in state.people and pid not in self.kb.actors and pid not in self.known:
                known = self._kb_person_by_pair(key)
                if known is not None:
                    return [self._person_mention(atom, known)]
            via, confidence = "ner", 0.7
        actor = self.kb.actors.get(pid) or self.known.get(pid)
        if actor is not None:
            return [self._person_mention(atom, actor)]
        atom.extra["pid"] = pid
        info = state.people.setdefault(pid, {"name": name, "forms": [], "country": None,
                                             "sector": None, "role": None, "org": None})
        if name not in info["forms"]:
            info["forms"].append(name)
        if len(name) > len(info["name"]):
            info["name"] = name
        state.surnames.setdefault(key[-1], pid)
        if len(key) > 1:
            state.first_names.setdefault(key[0], pid)
        start = atom.start
        for title in [atom.extra.get("title"), *atom.extra.get("titles", [])]:
            if title is None:
                continue
            fact = self._title_facts(title)
            for k, v in fact.items():
                if v and not info.get(k):
                    info[k] = v
            if title is atom.extra.get("title"):
                start = title.extra.get("np_start", title.start)
        group = self._led_group(start)
        if group is not None:
            info["country"] = info["country"] or group["country"]
            info["sector"] = info["sector"] or group["sector"]
            info["role"] = info["role"] or "head of delegation"
        inferred = False
        if not info["country"] and atom.extra.get("title") is not None and info["sector"] in STATE_SECTORS \
                and not (start > 0 and sdoc[start - 1].lower_ in PRONOUNS):
            # "President X", "Judge Y" named without a country: an office of the state that the
            # sentence or the one before has acting ("Kazakhstan said ... Deputy Foreign Minister
            # X told"), else of the one country the text names; where the story happens is no
            # evidence when the text names others (issue 22: a party's country is the actor's)
            info["country"] = self._organ_before(start) or self._acting_state(start) or self._sole_country
            inferred = info["country"] is not None
        m = self._span(start, atom.end)
        m.update({"actor_id": pid, "name": info["name"], "type": "person",
                  "country": info["country"], "sector": info["sector"] or None,
                  "cameo": self.kb.cameo(info["country"], info["sector"]), "role": info["role"],
                  "via": via if not atom.extra.get("title") else "pattern",
                  "confidence": 0.5 if inferred else confidence})
        if inferred:
            m["country_inferred"] = True
        return [m]

    def _organ_before(self, start: int) -> str | None:
        """The country of an organ named right before a title, with at most two capitalised words
        between ("Senate Majority Leader X", "Bundestag President Y"): the organ's office holder."""
        sdoc = self._sdoc
        k = start - 1
        while k >= 0 and start - k <= 2 and sdoc[k].text[:1].isupper() and sdoc[k].pos_ == "PROPN" \
                and not any(m["char_start"] <= sdoc[k].idx < m["char_end"] for m in self._state.recent[-3:]):
            k -= 1
        if k < 0:
            return None
        for m in reversed(self._state.recent[-3:]):
            if m["type"] == "organ" and m.get("country") and m["char_start"] <= sdoc[k].idx < m["char_end"]:
                return m["country"]
        return None

    def _acting_state(self, start: int, back: int = 1) -> str | None:
        """The country of the last state or organ before token ``start``, in its sentence or the
        ``back`` ones before, that is the subject of its clause ("Kazakhstan said", "the White
        House offered"): the government an office holder named without a country speaks for."""
        sdoc = self._sdoc
        first = sdoc[start].sent.start
        for _ in range(back):
            first = sdoc[first - 1].sent.start if first > 0 else first
        for m in reversed(self._state.recent):
            if m["char_start"] < sdoc[first].idx:
                break
            if m["type"] not in ("state", "organ") or not m.get("country") or m.get("locative"):
                continue
            span = sdoc.char_span(m["char_start"], m["char_end"], alignment_mode="expand")
            if span is not None and span.root.dep_ in ("nsubj", "nsubjpass"):
                return m["country"]
        return None

    def _opposed_government(self, start: int) -> str | None:
        """The country whose government an opposition named without one opposes: of the one
        government person the sentence names before it ("met President X and the opposition"),
        else of the one government it names ("talks between the Syrian government and armed
        opposition factions"), else of the state acting in it ("Greece refused, citing
        opposition"), else of the last opposition or rebels the text named with a country."""
        sdoc = self._sdoc
        first = sdoc[sdoc[start].sent.start].idx
        recent = [m for m in self._state.recent if m["char_start"] >= first and m.get("country")]
        for kind, via in (("person", None), ("state", "pattern")):
            found = {m["country"] for m in recent if m["type"] == kind and m.get("sector") == "GOV"
                     and via in (None, m["via"]) and not m.get("locative")}
            if len(found) == 1:
                return found.pop()
        return self._acting_state(start, back=0) or next(
            (m["country"] for m in reversed(self._state.recent) if m.get("country")
             and m.get("sector") in ("OPP", "REB") and m["type"] != "person"), None)

    def _led_group(self, start: int) -> dict | None:
        """The mention of the group a person heads: "the opposition delegation, led by X"."""
        sdoc = self._sdoc
        if start < 2 or sdoc[start - 1].lower_ != "by" \
                or sdoc[start - 2].lower_ not in ("led", "headed", "chaired"):
            return None
        idx = sdoc[start - 2].head.idx
        for m in reversed(self._state.recent):
            if m["char_start"] <= idx < m["char_end"] and m["type"] != "person":
                return m
        return None

    def _title_facts(self, title: Atom) -> dict:
        """Country, sector, role and organisation that a title phrase gives a person."""
        word = title.word
        facts = {"sector": word["sector"], "role": word["role"], "country": None, "org": None}
        mod = title.extra.get("mod")
        owners = title.extra.get("owners") or []
        if mod is not None:
            bound = self._bind_organ(mod, owners)
            if bound is not None:
                facts["country"] = bound.get("country")
                organ = bound.get("organ_name")
                if organ:
                    facts["role"] = f"{organ} {word['role']}"
        for owner in owners[:1]:
            info = self._owner_info(owner)
            facts["country"] = facts["country"] or info["country"]
            if info.get("actor") and self.kb.actors.get(info["actor"], {}).get("type") == "igo":
                facts["org"] = info["actor"]
                facts["sector"] = "IGO"
        return facts

    def _bind_organ(self, mod: Atom, owners: list[Atom]) -> dict | None:
        """The organ a modifier like "ministry" in "a ministry spokesman" refers to."""
        if owners:
            info = self._owner_info(owners[0])
            return {"country": info["country"], "organ_name": mod.word.get("name")}
        for m in reversed(self._state.recent):
            if m["type"] == "organ" and (mod.word.get("organ") in (None, "MIN")
                                         or m.get("organ") == mod.word.get("organ")):
                return {"country": m["country"], "organ_name": m.get("organ_name")}
        return None

    def _record(self, aid: str) -> dict:
        """The record of actor ``aid``: knowledge base, earlier documents, or this one."""
        return self.kb.actors.get(aid) or self.known.get(aid) or self._state.records[aid]

    def _derived(self, country: str | None, sector: str, organ: str | None = None,
                 organ_name: str | None = None) -> dict:
        """The record of an organ or sector collective of ``country`` (see kb ids)."""
        if country is None:
            aid, name, kind = sector, self.kb.sectors[sector]["name"], "other"
        else:
            state = self.kb.actors[country]
            adjective = (state.get("demonyms") or [state["name"]])[0]
            if organ:
                aid, name, kind = f"{country}-{organ}", f"{adjective} {organ_name}", "organ"
            else:
                aid = f"{country}-{sector}"
                name = f"{adjective} {self.kb.sectors[sector]['name']}"
                kind = ("organ" if sector in STATE_SECTORS else
                        "group" if sector in GROUP_SECTORS else "other")
        record = self.kb.actors.get(aid) or self._state.records.get(aid)
        if record is None:
            record = {"id": aid, "name": name, "type": kind, "aliases": [], "country": country,
                      "sector": sector, "cameo": self.kb.cameo(country, sector), "roles": [],
                      "source": "parley"}
            self._state.records[aid] = record
        return record

    def _emit_sector(self, atom: Atom) -> list[dict]:
        word = atom.word
        owners = atom.extra.get("owners") or []
        start = atom.extra.get("np_start", atom.start)
        mod = atom.extra.get("mod")
        if mod is not None and word["kind"] == "state":
            # "the opposition delegation": the delegation of whoever the modifier names
            word, owners = mod.word, owners
        if atom.extra.get("appos") is not None and word["kind"] == "person":
            return self._emit_appos(atom, start)
        if not owners:
            return self._emit_bare(atom, word, start)
        mentions = []
        single = len(owners) == 1
        for owner in owners:
            info = self._owner_info(owner)
            span = (start, atom.extra.get("np_end", atom.end)) if single else (owner.start, owner.end)
            country = info["country"]
            if info["actor"] is not None:
                actor = self.kb.actors.get(info["actor"])
                mentions.append(self._actor_mention(*span, actor, "pattern", 0.8,
                                                    role=word["role"] if word["kind"] == "person" else None))
                continue
            if country is None:
                if owner.kind == "group_adj" and word["kind"] == "collective" and word["sector"] not in STATE_SECTORS:
                    # "Kurdish rebels" in a story set nowhere in particular: rebels of no known country
                    mentions.append(self._actor_mention(*span, self._derived(None, word["sector"]), "pattern", 0.5))
                continue
            mentions.append(self._sector_mention(span, country, word, "pattern", 0.8,
                                                 owner.extra.get("nested")))
        return mentions

    def _sector_mention(self, span: tuple[int, int], country: str, word: dict, via: str,
                        confidence: float, nested: dict | None = None) -> dict:
        kind = word["kind"]
        if nested is not None:
            m = self._actor_mention(*span, self._derived(country, nested["sector"]), via, confidence)
            if kind == "person":
                m.update(type="person", role=word["role"])
            return m
        if kind == "person" and not word.get("plural"):
            found = self._find_person(country, word["role"])
            if found is not None:
                actor, via2 = found
                m = self._actor_mention(*span, actor, via2, 0.6 if via2 == "kb" else 0.7)
                m.update({k: actor.get(k) for k in ("country", "sector", "role") if actor.get(k)})
                return m
        if kind == "organ" and word.get("organ") == "MIN":
            for m in reversed(self._state.recent):
                if m["type"] == "organ" and m["country"] == country and m.get("organ"):
                    return dict(self._actor_mention(*span, self._record(m["actor_id"]),
                                                    "coref", 0.75), organ=m["organ"],
                                organ_name=m["organ_name"])
        if kind == "organ" and word.get("organ") != "MIN":
            actor = self._derived(country, word["sector"], word["organ"], word["name"])
            return self._actor_mention(*span, actor, via, confidence, organ=word["organ"],
                                       organ_name=word["name"])
        if kind == "collective" or (kind == "organ" and word["sector"] != "GOV"):
            actor = self._derived(country, word["sector"])
            return self._actor_mention(*span, actor, via, confidence)
        if word["sector"] != "GOV":
            m = self._actor_mention(*span, self._derived(country, word["sector"]), via, confidence)
        else:
            m = self._actor_mention(*span, self.kb.actors[country], via, confidence)
            if kind == "state":
                self._state.state_words[word["phrase"]] = country
        if kind == "person":
            m["role"] = word["role"]
        return m

    def _find_person(self, country: str, role: str) -> tuple[dict, str] | None:
        """A person holding ``role`` for ``country``: one named earlier, else one in the KB."""
        state = self._state
        for pid, info in reversed(list(state.people.items())):
            if info.get("country") == country and self.kb.same_role(info.get("role"), role):
                actor = self.kb.actors.get(pid) or self.known.get(pid) or self._text_record(pid)
                return dict(actor, role=info.get("role")), "coref"
        matches = []
        for actor in self.people_by_country.get(country, []):
            r = self.kb.role_at(actor, self._day)
            if r and not r.get("former") and r.get("country") == country \
                    and (r.get("start") or "") <= self._when and self.kb.same_role(r["role"], role):
                matches.append(dict(actor, role=r["role"], sector=r["sector"]))
        if len(matches) == 1:
            return matches[0], "kb"
        return None

    def _emit_appos(self, atom: Atom, start: int) -> list[dict]:
        """A title in apposition to a named person is another mention of that person."""
        person = atom.extra["appos"]
        pid = person.ref if person.kind == "actor" else person_id(
            self._sdoc[person.start:person.end].text)
        if person.kind == "person":
            pid = self._state.surnames.get(name_key(self._sdoc[person.start:person.end].text)[-1], pid)
        actor = self.kb.actors.get(pid) or self.known.get(pid) or self._text_record(pid)
        if actor is None:
            return []
        owners = atom.extra.get("owners") or []
        if any(o.kind == "person" or self._is_kb_person(o) for o in owners):
            start = self._phrase_start(atom)  # "Putin's envoy": Putin has his own mention
        m = self._actor_mention(start, atom.end, actor, "coref", 0.75)
        m["role"] = atom.word["role"]
        return [m]

    def _emit_bare(self, atom: Atom, word: dict, start: int) -> list[dict]:
        """A sector phrase with no owner: bind to what the document introduced, or keep
        sectors that mean something without a country (rebels, refugees)."""
        state = self._state
        kind = word["kind"]
        before = self._sdoc[start - 1].lower_ if start > 0 else ""
        if before in PRONOUNS:
            return []  # "their opposition", "its forces": whose is for a coreference resolver
        named = self._at_start.get(atom.end)
        if named is not None and named.kind == "actor" and kind == "collective" \
                and (self.kb.actors.get(named.ref) or {}).get("type") in ("group", "igo", "other"):
            return []  # "the militant group Hamas": a description of the group named next
        definite = before == "the" or (kind == "organ" and self._sdoc[start].text[:1].isupper())
        for m in reversed(state.recent if definite else []):
            if kind == "organ" and m["type"] == "organ" and m.get("organ") and (
                    word.get("organ") in ("MIN", m.get("organ"))):
                return [dict(self._actor_mention(start, atom.end, self._record(m["actor_id"]),
                                                 "coref", 0.7), organ=m["organ"],
                             organ_name=m["organ_name"])]
            if kind == "person" and m["type"] == "person" and not word.get("plural") \
                    and self.kb.same_role(m.get("role"), word["role"]):
                actor = (self.kb.actors.get(m["actor_id"]) or self.known.get(m["actor_id"])
                         or self._text_record(m["actor_id"]) or state.records.get(m["actor_id"]))
                if actor is None:
                    continue  # a person of this text whose record is not kept: no antecedent
                return [dict(self._actor_mention(start, atom.end, actor, "coref", 0.65),
                             country=m["country"], sector=m["sector"], role=m["role"],
                             cameo=m["cameo"])]
            if kind == "collective" and m.get("sector") == word["sector"] and m["type"] != "person" \
                    and m["actor_id"] in state.records:
                return [self._actor_mention(start, atom.end, self._record(m["actor_id"]),
                                            "coref", 0.6)]
        if kind == "state" and definite and word["phrase"] in state.state_words:
            actor = self.kb.actors[state.state_words[word["phrase"]]]
            return [self._actor_mention(start, atom.end, actor, "coref", 0.6)]
        if word.get("owned"):
            # "unidentified gunmen", "security officials", "the rebel delegation": a Phoenix phrase
            # headed by a word of parley's names a party even bare (its sector, the head's rule for
            # the country); Phoenix's other words ("airline") count only with an owner
            head = next((w for k in range(atom.start + 1, atom.end)
                         if (w := self.kb.words.get(tuple(t.lower_ for t in self._sdoc[k:atom.end])))
                         and not w.get("owned")), None)
            if head is None:
                return []
            word = dict(word, owned=False, theatre=head["theatre"], unnamed=head.get("unnamed"))
        if word.get("office_of") and not word.get("plural"):
            # "the Pope": the one holder of the office on the date
            return [self._sector_mention((start, atom.end), word["office_of"], word, "pattern", 0.6)]
        if word.get("unnamed"):
            # "the gunman opened fire", "authorities arrested him": a party the text does not name
            m = self._actor_mention(start, atom.end, self._derived(None, word["sector"]), "pattern",
                                    0.4 if kind == "person" else 0.3)
            m["role"] = word["role"] if kind == "person" else None
            return [m]
        if kind != "collective" or word.get("owned"):
            return []  # Phoenix's sector words ("airline", "farmers") count only with an owner
        if word.get("opposes") and (country := self._opposed_government(start)):
            return [self._actor_mention(start, atom.end, self._derived(country, word["sector"]),
                                        "pattern", 0.5, country_inferred=True)]
        if word["theatre"] and self._theatre and before != "foreign":
            return [self._actor_mention(start, atom.end, self._derived(self._theatre, word["sector"]),
                                        "pattern", 0.4, country_inferred=True)]
        # "police arrested ...", "troops opened fire": a party of the act whose state the text
        # does not say; kept as the sector alone (no country is guessed), with low confidence
        return [self._actor_mention(start, atom.end, self._derived(None, word["sector"]),
                                    "pattern", 0.3 if word["sector"] in STATE_SECTORS else 0.5)]

    def _text_record(self, pid: str) -> dict | None:
        info = self._state.people.get(pid)
        if info is None:
            return None
        return {"id": pid, "name": info["name"], "type": "person",
                "aliases": [f for f in info["forms"] if f != info["name"]],
                "country": info.get("country"), "sector": info.get("sector"),
                "cameo": self.kb.cameo(info.get("country"), info.get("sector")),
                "roles": [], "source": "text"}

    def _attach_records(self, mentions: list[dict], doc_id: str | None) -> None:
        """Give the first mention of each actor not in the knowledge base its full record."""
        seen: set[str] = set()
        when = self._day.isoformat() if self._day else None
        for m in mentions:
            aid = m["actor_id"]
            if aid in seen:
                continue
            if aid in self.kb.actors:
                if self.kb.actors[aid].get("source") == "phoenix":
                    seen.add(aid)
                    m["actor"] = dict(self.kb.actors[aid])
                continue
            seen.add(aid)
            if aid in self._state.people and aid not in self.known:
                record = self._text_record(aid)
                info = self._state.people[aid]
                if info.get("role"):
                    record["roles"] = [{"role": info["role"], "country": info.get("country"),
                                        "sector": info.get("sector"), "start": when, "end": None,
                                        "source": doc_id}]  # seen from this date; end unknown
                for other in mentions:
                    if other["actor_id"] == aid:
                        other.update(country=record["country"], sector=record["sector"],
                                     cameo=record["cameo"], name=record["name"],
                                     role=other.get("role") or info.get("role"))
                m["actor"] = record
            elif aid in self._state.records:
                m["actor"] = dict(self._state.records[aid])


def make_actors(data_dir: str | None = None) -> ActorResolver:
    """Build the actors stage.

    :param data_dir: a folder of actor data files instead of ``parley/data/actors``.
    :returns: an :class:`ActorResolver`; feed it actors from earlier documents with
        :meth:`ActorResolver.add_known`.
    """
    return ActorResolver(load_kb(data_dir))


def new_actors(doc: Document) -> list[dict]:
    """Return the actor records that ``doc`` introduced (people learned from its text, organs
    and sector collectives), one per actor, as carried by their first mention.

    :param doc: a document after the actors stage.
    """
    return [m["actor"] for m in doc.mentions if "actor" in m]
