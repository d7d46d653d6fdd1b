"""Knowledge layers above and below parley's hand-written knowledge base.

Precedence, highest first: **user** (a file given with ``--kb``), **parley** (the hand-written
files in ``parley/data/actors/``), **phoenix** (the converted Phoenix/PETRARCH-2 dictionaries in
``parley/data/actors/phoenix/``). A name a higher layer knows is never indexed for a lower one,
and an actor id a higher layer defines keeps that layer's record; so parley's 2017-2024 office
holders win over the 2014 dictionaries, and a user's entry wins over both.

Phoenix records keep their dated CAMEO codes as roles (``start``/``end`` inclusive); a role
holds on the date it is asked about (the event's date), and an undated code is the default
outside every dated one, as in PETRARCH.
"""

from __future__ import annotations

import re
from pathlib import Path

from parley.actors.cameo import CodeBook
from parley.actors.keys import name_key
from parley.knowledge import KnowledgeError, read_tsv

PHOENIX_DIR = Path(__file__).resolve().parent.parent / "data" / "actors" / "phoenix"

# The last word of an agent phrase that names a person (its singular form); other phrases
# name bodies or collectives ("airline", "police").
_PERSON_ENDINGS = ("ist", "ian", "man", "woman", "person", "ee", "eur", "ier", "ator", "or", "er")
_NOT_PEOPLE = {"center", "centre", "paper", "power", "order", "border", "sector", "corridor",
               "chamber", "council", "water", "tower", "quarter", "headquarter", "theater",
               "theatre", "carrier", "cartel", "register", "monitor", "computer", "counter",
               "charter", "letter", "matter", "manner", "member", "corner", "character",
               "reactor", "tractor", "motor", "floor", "door", "labor", "labour", "harbor",
               "harbour", "factor", "error", "honor", "honour", "mirror", "terror", "minor"}
_PEOPLE = {"agent", "student", "president", "resident", "correspondent", "regent", "lieutenant",
           "sergeant", "merchant", "servant", "tenant", "immigrant", "emigrant", "migrant",
           "assistant", "consultant", "attendant", "militant", "combatant", "informant",
           "participant", "commandant", "occupant", "defendant", "claimant", "inhabitant",
           "peasant", "monk", "priest", "imam", "cleric", "pope", "bishop", "rabbi", "mullah",
           "soldier", "chief", "head", "leader", "general", "official", "deputy", "delegate",
           "envoy", "king", "queen", "prince", "princess", "emir", "sheikh", "sheik", "judge",
           "captain", "colonel", "major", "marshal", "admiral", "spy", "aide", "nun", "cardinal",
           "scholar", "expert", "child", "boy", "girl", "youth", "guard", "cadet", "chef",
           "sultan", "shah", "tsar", "czar", "caliph", "monarch", "ayatollah", "candidate",
           "cop", "pilot", "sniper", "thief", "crook", "gangster", "mobster", "hostage",
           "nurse", "surgeon", "physician", "medic", "diplomat", "attache", "consul",
           "secretary", "attorney", "magistrate", "juror", "architect", "bureaucrat",
           "technocrat", "autocrat", "democrat", "aristocrat", "tycoon", "magnate", "guru",
           "refugee", "evacuee", "detainee", "prisoner", "captive", "civilian", "citizen",
           "national", "native", "pupil", "graduate", "undergraduate", "faculty", "veteran",
           "recruit", "conscript", "mercenary", "militiaman", "jihadi", "jihadist", "mujahid",
           "guerrilla", "guerilla", "insurgent", "separatist", "rebel", "dissident", "activist"}


def is_person_word(words: str) -> bool:
    """Whether an agent phrase in the singular names one person (``foreign minister``,
    ``farmer``) rather than a body or a collective (``airline``, ``police``)."""
    last = words.split()[-1]
    if last in _PEOPLE:
        return True
    if last in _NOT_PEOPLE or len(last) < 4:
        return False
    return last.endswith(_PERSON_ENDINGS)


def demonym_plural(demonym: str) -> str | None:
    """The plural noun of a demonym ("Algerian" -> "Algerians", "Iraqi" -> "Iraqis"); None when
    it has none of its own ("French", "Japanese", "Swiss")."""
    if " " in demonym or demonym.endswith(("ese", "ss", "sh", "ch", "x", "z", "s")):
        return None
    return demonym + "s"


def add_demonym(kb, demonym: str, iso3: str) -> None:
    """Index a demonym ("Algerian": an adjective) and its plural ("Algerians": the people)."""
    kb.add_name(demonym, ("demonym", iso3))
    plural = demonym_plural(demonym)
    if plural:
        kb.add_name(plural, ("people", iso3))


def load_ethnic(kb, data_dir: Path) -> None:
    """Index the peoples of ``ethnic_groups.tsv`` by their plural names."""
    path = data_dir / "ethnic_groups.tsv"
    if not path.is_file():
        return
    for row in read_tsv(path):
        if not row.get("name") or not row.get("plural"):
            raise KnowledgeError(path, f"missing name or plural in {row!r}")
        for plural in row["plural"].split("|"):
            kb.add_name(plural, ("ethnic", row["name"]))
        for adjective in filter(None, (row.get("adjectives") or "").split("|")):
            kb.add_name(adjective, ("group_adj", row["name"]))
        home = (row.get("home") or "").strip()
        if home:
            if home not in kb.actors:
                raise KnowledgeError(path, f"{row['name']}: unknown home country {home!r}")
            kb.ethnic_home[row["name"]] = home


_PARTICLE_KEYS = {"al", "el", "bin", "ibn", "bint", "abu", "de", "da", "di", "du", "van", "von",
                  "der", "la", "le", "-", "ul", "ud", "arap"}


def index_people(kb) -> None:
    """Index people by first and last name, so that a name written with or without a middle
    name or particle ("Omar Hassan al-Bashir", "Omar el-Bashir") finds the person."""
    for actor in kb.actors.values():
        if actor["type"] != "person":
            continue
        for name in [actor["name"], *actor.get("aliases", [])]:
            key = [k for k in name_key(name) if k not in _PARTICLE_KEYS]
            if len(key) < 2:
                continue
            pair = kb.person_pairs.setdefault((key[0], key[-1]), [])
            if actor["id"] not in pair:
                pair.append(actor["id"])
            last = kb.surnames.setdefault(key[-1], [])
            if actor["id"] not in last:
                last.append(actor["id"])


_ROLE = re.compile(r"^([A-Z]+)(?: (?:(\d{8})-(\d{8})|>(\d{8})|<(\d{8})))?$")


def _iso8(text: str | None) -> str | None:
    return f"{text[:4]}-{text[4:6]}-{text[6:]}" if text else None


def parse_roles(text: str, book: CodeBook, where: str) -> list[dict]:
    """Read the ``roles`` cell of ``phoenix/actors.tsv`` (``AZEGOV 19960720-20030804;...``)."""
    roles = []
    for part in filter(None, text.split(";")):
        m = _ROLE.match(part)
        if not m:
            raise ValueError(f"{where}: bad role {part!r}")
        code = m.group(1)
        start = _iso8(m.group(2) or m.group(4))
        end = _iso8(m.group(3) or m.group(5))
        country, sector, _ = book.split(code)
        roles.append({"role": None, "country": country, "sector": sector or "ELI", "start": start,
                      "end": end, "cameo": code, "source": "phoenix"})
    return roles


def load_phoenix(kb, data_dir: Path = PHOENIX_DIR, book: CodeBook | None = None) -> None:
    """Add the converted Phoenix knowledge to ``kb`` below what it already holds.

    :param kb: a :class:`parley.actors.kb.KnowledgeBase` with the higher layers loaded.
    :param data_dir: the folder of the converted files.
    :param book: the CAMEO code book (default: parley's data files).
    :raises KnowledgeError: if a converted file is malformed (naming file and line).
    """
    if not (data_dir / "actors.tsv").is_file():
        return
    book = book or CodeBook.load()
    higher = set(kb.names)
    for number, row in enumerate(read_tsv(data_dir / "actors.tsv"), 3):
        where = f"phoenix/actors.tsv:{number}"
        aid = row["id"]
        if aid in kb.actors:
            continue  # a higher layer's record of the same person
        try:
            roles = parse_roles(row["roles"], book, where)
        except ValueError as exc:
            raise KnowledgeError(data_dir / "actors.tsv", str(exc).removeprefix(f"{where}: "), number) from None
        country = row["country"] or None
        if country is not None and country not in kb.actors:
            country = None
        for r in roles:
            if r["country"] not in kb.actors:
                r["country"] = None
        sector = row["sector"] or (roles[-1]["sector"] if roles else None)
        if sector not in kb.sectors:
            sector = None
        cameo = row["cameo"] or None
        aliases = [a for a in row["aliases"].split("|") if a]
        if country is None and row["type"] in ("group", "other"):
            country = _named_country(kb, row["name"])   # "Palestinian Islamic Jihad" is Palestinian
        kb.actors[aid] = {
            "id": aid, "name": row["name"], "type": row["type"], "aliases": aliases,
            "country": country, "sector": sector,
            "cameo": cameo or kb.cameo(country, sector), "roles": roles, "source": "phoenix",
            "default": cameo is not None, "src": row["src"],
        }
        for name in [row["name"], *aliases]:
            key = name_key(name)
            if len(key) == 1 and row["type"] == "person" and usable_key(key):
                # a lone "Hassan" is part of too many other names to be looked for in text; it
                # resolves a surname with a title or an office on the date ("President Suharto")
                kb.surnames.setdefault(key[0], []).append(aid)
                continue
            if key in higher or not usable_key(key):
                continue
            kb.add_name(name, ("actor", aid))
    for row in read_tsv(data_dir / "countries.tsv"):
        iso3 = row["iso3"]
        name = _strip_article(row["name"]) if row["name"].lower().startswith("the ") else row["name"]
        row["name"] = name
        if iso3 not in kb.actors or name_key(name) in higher or not usable_key(name_key(name)):
            continue
        if not row["start"] and not row["end"] and is_demonym_of(row["name"], kb.actors[iso3]):
            add_demonym(kb, row["name"], iso3)
        else:
            kb.add_name(row["name"], ("capital", iso3, _dash(row["start"]), _dash(row["end"])))
    _load_agents(kb, data_dir / "agents.tsv")


_DEMONYM_ENDINGS = ("an", "ian", "ese", "i", "ish", "ic", "ch", "ot", "ene", "ine", "er", "b", "k")


def is_demonym_of(name: str, state: dict) -> bool:
    """Whether a one-word other name of a country is its demonym: it shares the first four
    letters of one of the country's names and ends like a demonym ("Serb" of Serbia, "Afghan"
    of Afghanistan; not "Tehran" of Iran)."""
    if " " in name or not name[:1].isupper() or "-" in name:
        return False
    low = name.lower()
    if not low.endswith(_DEMONYM_ENDINGS):
        return False
    for other in [state["name"], *state.get("aliases", [])]:
        o = other.lower()
        if o != low and len(low) >= 4 and o[:4] == low[:4] and len(low) <= len(o) + 3:
            return True
    return False


def _named_country(kb, name: str) -> str | None:
    """The country whose demonym or name opens an organisation's name, if any."""
    key = name_key(name)
    for n in (2, 1):
        for _, entry in kb.names.get(key[:n], []) if len(key) > n else []:
            if entry[0] == "demonym" or (entry[0] == "actor" and entry[1] in kb.cameo_country):
                return entry[1]
    return None


def _dash(text: str) -> str | None:
    return text or None


def _strip_article(phrase: str) -> str:
    """Text writes an article before a sector phrase, not in it: "the military" is "military"."""
    for article in ("the ", "a ", "an "):
        if phrase.lower().startswith(article):
            return phrase[len(article):]
    return phrase


def _load_agents(kb, path: Path) -> None:
    """Phoenix agent phrases become sector words below parley's own (sectors.yaml)."""
    if not path.is_file():
        return
    for row in read_tsv(path):
        sector = row["sector"]
        if sector not in kb.sectors or sector in ("IGO",):
            continue
        phrase = _strip_article(row["phrase"])
        if not phrase:
            continue
        person = is_person_word(phrase)
        kind = "person" if person else ("state" if sector == "GOV" else "collective")
        entry = {"phrase": phrase, "sector": sector, "kind": kind, "organ": None, "name": None,
                 "role": phrase, "plural": False, "theatre": False, "owned": True,
                 "source": "phoenix", "agent": row["code"]}
        kb.words.setdefault(tuple(phrase.split()), entry)
        for plural in filter(None, map(_strip_article, row["plurals"].split("|"))):
            kb.words.setdefault(tuple(plural.split()), dict(entry, plural=True, kind="collective"
                                                            if kind == "person" else kind))
    kb.first_words = {key[0] for key in kb.words}


def usable_key(key: tuple[str, ...]) -> bool:
    """Whether a dictionary name can be looked for in text: not made of common function words
    only ("Being", "Some", "AT"), not one or two letters."""
    from spacy.lang.en.stop_words import STOP_WORDS

    if not key or all(k in STOP_WORDS for k in key):
        return False
    return not (len(key) == 1 and len(key[0]) <= 2)


def kb_counts(kb) -> dict[str, dict[str, int]]:
    """Actors by knowledge source and type, names indexed, and sector words by source.

    :param kb: a loaded knowledge base.
    :returns: ``{"actors": {source: {type: n}}, "names": n, "words": {source: n}}``.
    """
    actors: dict[str, dict[str, int]] = {}
    for actor in kb.actors.values():
        by_type = actors.setdefault(actor.get("source") or "parley", {})
        by_type[actor["type"]] = by_type.get(actor["type"], 0) + 1
    words: dict[str, int] = {}
    for word in kb.words.values():
        words[word.get("source", "parley")] = words.get(word.get("source", "parley"), 0) + 1
    return {"actors": {s: dict(sorted(t.items())) for s, t in sorted(actors.items())},
            "names": len(kb.names), "words": dict(sorted(words.items()))}
