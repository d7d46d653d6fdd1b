"""The actor knowledge base: loading, validation, name keys and roles over time.

The knowledge lives in ``parley/data/actors/`` (see the header of each file):

- ``countries.tsv`` - ISO3, CAMEO code, names past and present, demonyms;
- ``capitals.tsv`` - capitals and seats of government with the dates their names held;
- ``igos.yaml`` - international organisations with CAMEO codes;
- ``groups.yaml`` - non-state armed groups and movements with their names;
- ``blocs.yaml`` - groups of states named by a region's adjective ("Arab states", "Western powers");
- ``organs.yaml`` - organs of states known by a name of their own (Pentagon, FBI, Duma);
- ``people.yaml`` - named people and the roles they held between dates;
- ``sectors.yaml`` - sector codes and the words that name them.

Actor ids (stable across runs and documents):

- a state and its government: the ISO3 code (``TUR``; sector GOV, CAMEO ``TURGOV``);
- an organ of a state: ``<ISO3>-<organ>`` (``KAZ-MFA`` foreign ministry, ``IRN-LEG`` parliament);
- the members of a sector of a state: ``<ISO3>-<sector>`` (``SYR-MIL`` Syrian troops,
  ``SYR-OPP`` Syrian opposition); with no country, the sector code alone (``REB``);
- IGOs and armed groups: the id in their data file (``UN``, ``ARL``, ``ISIL``, ``HTS``);
- people: ``p-`` and the transliteration key of their name (``p-alexander-lavrentev``), so
  that every spelling that shares a key shares an id, in the knowledge base or not.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Iterable

from parley.actors.keys import name_key, person_id, split_name, token_key  # noqa: F401 - name_key: callers import it from here
from parley.actors.layers import add_demonym, index_people, load_ethnic
from parley.knowledge import KnowledgeError, read_capitals, read_tsv, read_yaml

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "actors"

TYPES = ("state", "organ", "igo", "group", "person", "other")
ROLE_KINDS = ("state", "organ", "collective", "person")


# A knowledge-base file that does not follow its schema is reported by the one error of
# knowledge files (``file: reason``, or ``file:line: reason``); the name stays for callers.
KnowledgeBaseError = KnowledgeError


def _iso(value: Any) -> str | None:
    if value in (None, ""):
        return None
    if isinstance(value, date):
        return value.isoformat()
    return date.fromisoformat(str(value)).isoformat()


_ALLOWED = {
    "igos.yaml": {"id", "name", "cameo", "aliases", "parent", "sector", "country"},
    "groups.yaml": {"id", "name", "country", "sector", "cameo", "aliases", "names"},
    "blocs.yaml": {"id", "name", "region", "adjectives", "nouns"},
    "organs.yaml": {"country", "organ", "sector", "name", "aliases"},
    "people.yaml": {"id", "name", "aliases", "country", "roles"},
    "roles": {"role", "sector", "country", "org", "start", "end"},
    "sectors.yaml": {"phrase", "sector", "kind", "organ", "name", "role", "plural", "theatre", "unnamed",
                     "opposes", "office_of", "rank"},
    "sectors": {"name", "cameo", "officials"},
}


def _need(record: dict, keys: Iterable[str], file: str, part: str | None = None) -> None:
    """Check a record of ``file`` (or of its ``part``, e.g. a person's ``roles``) has ``keys``
    and no key its kind does not allow."""
    where = f"{part}: " if part else ""
    missing = [k for k in keys if record.get(k) in (None, "")]
    if missing:
        raise KnowledgeError(file, f"{where}missing {missing} in {record!r}")
    # An unquoted comma in a YAML flow mapping silently makes a new key: catch it here.
    unknown = set(record) - _ALLOWED.get(part.split()[0] if part else file, set(record))
    if unknown:
        raise KnowledgeError(file, f"{where}unknown keys {sorted(unknown)} in {record!r}")


@dataclass
class KnowledgeBase:
    """Every actor the project knows, with the names that point to them.

    Example::

        kb = load_kb()
        kb.actors["TUR"]["name"]         # 'Turkey'
        kb.role_at(kb.actors["p-bashar-al-asad"], date(2017, 2, 17))["role"]   # 'president'
    """

    actors: dict[str, dict] = field(default_factory=dict)
    # name key -> [(case flags, entry)]; an entry is ("actor", id) | ("capital", iso3, start, end)
    # | ("demonym", iso3) | ("people", iso3) | ("ethnic", group) | ("group_adj", group)
    names: dict[tuple[str, ...], list[tuple[tuple[int, ...], tuple]]] = field(default_factory=dict)
    sectors: dict[str, dict] = field(default_factory=dict)
    words: dict[tuple[str, ...], dict] = field(default_factory=dict)
    first_words: set[str] = field(default_factory=set)
    role_groups: list[set[str]] = field(default_factory=list)
    cameo_country: dict[str, str] = field(default_factory=dict)
    # (first, last) name keys -> people ids; last name key -> people ids (see index_people)
    person_pairs: dict[tuple[str, str], list[str]] = field(default_factory=dict)
    surnames: dict[str, list[str]] = field(default_factory=dict)
    agentive_nouns: frozenset[str] = frozenset()
    # ethnic or religious group -> the one state holding its homeland (ethnic_groups.tsv)
    ethnic_home: dict[str, str] = field(default_factory=dict)

    def add_name(self, name: str, entry: tuple) -> None:
        """Index ``name`` (and its transliteration variants) as pointing to ``entry``.

        :param name: a name as written.
        :param entry: what the name refers to.
        """
        tokens = [t for t in split_name(name) if token_key(t)]
        key = tuple(token_key(t) for t in tokens)
        if not key:
            return
        # 2: all capitals (UN, PKK: "us" must not be the US); 3: an acronym said as a word (NATO,
        # UNICEF, OXFAM), which much of the press writes "Nato", "Unicef"; 1: initial capital.
        flags = tuple(3 if len(t) > 3 and t.isalpha() and t.isupper() and any(c in "AEIOU" for c in t) else
                      2 if len(t) > 1 and t.replace(".", "").isupper() else
                      1 if t[:1].isupper() else 0 for t in tokens)
        slot = self.names.setdefault(key, [])
        if (flags, entry) not in slot:
            slot.append((flags, entry))

    def cameo(self, country: str | None, sector: str | None) -> str | None:
        """Return the CAMEO actor code for a country and sector (``TUR``, ``GOV`` -> ``TURGOV``).

        :param country: ISO3 or None.
        :param sector: sector code or None.
        """
        sec = self.sectors.get(sector or "", {}).get("cameo", sector) if sector else ""
        if country is None:
            return sec or None
        return self.cameo_country.get(country, country) + (sec or "")

    def role_at(self, actor: dict, day: date | None) -> dict | None:
        """Return the role ``actor`` held on ``day``, or the last one before it marked former.

        :param actor: an actor record with ``roles``.
        :param day: the date (None: today).
        :returns: a role dict (``former``: True if it had ended by ``day``), or None.
        """
        roles = actor.get("roles") or []
        if not roles:
            return None
        when = (day or date.today()).isoformat()
        active = [r for r in roles if (r.get("start") or "") <= when
                  and (r.get("end") is None or when <= r["end"])]
        if active:
            return active[0]  # the first listed is the main office
        if actor.get("default"):
            return None  # a Phoenix record's undated code holds outside its dated ones
        past = [r for r in roles if r.get("end") and r["end"] < when]
        if past:
            return dict(max(past, key=lambda r: r["end"]), former=True)
        return min(roles, key=lambda r: r.get("start") or "")

    def same_role(self, a: str | None, b: str | None) -> bool:
        """Return True if roles ``a`` and ``b`` can name the same office ("envoy", "negotiator").

        :param a: a role.
        :param b: another role.
        """
        if not a or not b:
            return False
        a, b = _office(a), _office(b)
        if a == b or any(a in g and b in g for g in self.role_groups):
            return True
        short, long = sorted((a, b), key=len)
        # "foreign ministry spokesman" is a spokesman; "deputy foreign minister" is no minister
        return long.endswith(" " + short) and not _RANKS & set(long[:-len(short)].split())


_QUALIFIERS = re.compile(r"^(?:(?:former|special|chief|senior|top|presidential|acting)\s+)+")


_RANKS = {"deputy", "assistant", "vice", "under", "prime", "former"}


def _office(role: str) -> str:
    """The office a role names, without its remit or qualifiers: "special envoy for Syria" ->
    "envoy"; ranks stay ("deputy foreign minister" is not "foreign minister")."""
    role = role.lower()
    if not role.startswith("head of"):
        role = re.split(r"\s+(?:for|to|of|in|at|on)\s+", role, maxsplit=1)[0]
    return _QUALIFIERS.sub("", role)


def _load_countries(kb: KnowledgeBase, data_dir: Path) -> None:
    for row in read_tsv(data_dir / "countries.tsv"):
        _need(row, ("iso3", "cameo", "name", "names"), "countries.tsv")
        iso3 = row["iso3"]
        if not re.fullmatch(r"[A-Z]{3}", iso3):
            raise KnowledgeError("countries.tsv", f"bad ISO3 {iso3!r}")
        names = row["names"].split("|")
        demonyms = [d for d in row["demonyms"].split("|") if d]
        kb.cameo_country[iso3] = row["cameo"]
        kb.actors[iso3] = {
            "id": iso3, "name": row["name"], "type": "state" if row["state"] == "yes" else "other",
            "aliases": names, "country": iso3, "sector": "GOV", "cameo": row["cameo"] + "GOV",
            "roles": [], "source": "parley", "demonyms": demonyms, "capitals": [],
        }
        for name in names:
            kb.add_name(name, ("actor", iso3))
        for demonym in demonyms:
            add_demonym(kb, demonym, iso3)
    for row in read_capitals(data_dir / "capitals.tsv"):
        _need(row, ("country", "name", "kind"), "capitals.tsv")
        iso3 = row["country"]
        if iso3 not in kb.actors:
            raise KnowledgeError("capitals.tsv", f"unknown country {iso3!r}")
        start, end = _iso(row["start"]), _iso(row["end"])
        kb.actors[iso3]["capitals"].append({"name": row["name"], "start": start, "end": end,
                                            "kind": row["kind"]})
        kb.add_name(row["name"], ("capital", iso3, start, end))


def _load_orgs(kb: KnowledgeBase, data_dir: Path) -> None:
    for item in read_yaml(data_dir / "igos.yaml").data["igos"]:
        _need(item, ("id", "name", "cameo"), "igos.yaml")
        sector = item.get("sector", "IGO")
        kb.actors[item["id"]] = {
            "id": item["id"], "name": item["name"], "type": "igo" if sector != "NGO" else "other",
            "aliases": list(item.get("aliases", [])), "country": item.get("country"),
            "sector": sector, "cameo": item["cameo"], "roles": [], "source": "parley",
            "parent": item.get("parent"),
        }
    for item in read_yaml(data_dir / "groups.yaml").data["groups"]:
        _need(item, ("id", "name", "sector", "cameo"), "groups.yaml")
        kb.actors[item["id"]] = {
            "id": item["id"], "name": item["name"], "type": "group",
            "aliases": list(item.get("aliases", [])), "country": item.get("country"),
            "sector": item["sector"], "cameo": item["cameo"], "roles": [], "source": "parley",
            "names": [{"name": n["name"], "start": _iso(n.get("start")), "end": _iso(n.get("end"))}
                      for n in item.get("names", [])],
        }
    _load_blocs(kb, data_dir)
    for item in read_yaml(data_dir / "organs.yaml").data["organs"]:
        _need(item, ("country", "organ", "sector", "name"), "organs.yaml")
        aid = f"{item['country']}-{item['organ']}"
        if item["country"] not in kb.actors:
            raise KnowledgeError("organs.yaml", f"unknown country {item['country']!r}")
        kb.actors[aid] = {
            "id": aid, "name": item["name"], "type": "organ", "aliases": list(item["aliases"]),
            "country": item["country"], "sector": item["sector"],
            "cameo": kb.cameo(item["country"], item["sector"]), "roles": [], "source": "parley",
            "organ": item["organ"],
        }
    for actor in list(kb.actors.values()):
        if actor["type"] in ("igo", "group", "other", "organ") and "demonyms" not in actor:
            for name in [actor["name"], *actor["aliases"]]:
                kb.add_name(name, ("actor", actor["id"]))


def _load_blocs(kb: KnowledgeBase, data_dir: Path) -> None:
    """Read ``blocs.yaml``: each bloc is an actor named by each of its adjectives before each of its
    nouns ("Arab states", "Arab countries"), of sector GOV, CAMEO code region + GOV ("MEAGOV")."""
    path = data_dir / "blocs.yaml"
    if not path.is_file():
        return
    regions = {row["cameo"] for row in read_tsv(data_dir / "cameo_countries.tsv") if row["kind"] == "region"}
    for item in read_yaml(path).data["blocs"]:
        _need(item, ("id", "name", "region", "adjectives", "nouns"), "blocs.yaml")
        if item["region"] not in regions:
            raise KnowledgeError("blocs.yaml", f"{item['id']}: {item['region']!r} is no CAMEO region code")
        names = [f"{adjective} {noun}" for adjective in item["adjectives"] for noun in item["nouns"]]
        kb.actors[item["id"]] = {
            "id": item["id"], "name": item["name"], "type": "igo", "aliases": names, "country": None,
            "sector": "GOV", "cameo": item["region"] + "GOV", "roles": [], "source": "parley",
        }


def _load_people(kb: KnowledgeBase, data_dir: Path) -> None:
    for item in read_yaml(data_dir / "people.yaml").data["people"]:
        _need(item, ("name", "roles"), "people.yaml")
        pid = item.get("id") or person_id(item["name"])
        roles = []
        for r in item["roles"]:
            _need(r, ("role", "sector"), "people.yaml", f"roles of {item['name']}")
            country = r.get("country", item.get("country"))
            org = r.get("org")
            start, end = _iso(r.get("start")), _iso(r.get("end"))
            if start and end and end < start:
                raise KnowledgeError("people.yaml", f"{item['name']}: role ends before it starts")
            roles.append({"role": r["role"], "country": country, "sector": r["sector"],
                          "start": start, "end": end, "source": "parley", "org": org})
        current = max(roles, key=lambda r: r["start"] or "")
        cameo = (kb.actors[current["org"]]["cameo"] if current.get("org") in kb.actors
                 and current["sector"] == "IGO" else kb.cameo(current["country"], current["sector"]))
        kb.actors[pid] = {
            "id": pid, "name": item["name"], "type": "person",
            "aliases": list(item.get("aliases", [])), "country": item.get("country"),
            "sector": current["sector"], "cameo": cameo, "roles": roles, "source": "parley",
        }
        for name in [item["name"], *item.get("aliases", [])]:
            kb.add_name(name, ("actor", pid))


def _load_sectors(kb: KnowledgeBase, data_dir: Path) -> None:
    data = read_yaml(data_dir / "sectors.yaml").data
    kb.sectors = data["sectors"]
    for code, sector in kb.sectors.items():
        _need(sector, ("name",), "sectors.yaml", f"sectors {code}")
    for w in data["words"]:
        _need(w, ("phrase", "sector", "kind"), "sectors.yaml")
        if w["sector"] not in kb.sectors:
            raise KnowledgeError("sectors.yaml", f"unknown sector {w['sector']!r} for {w['phrase']!r}")
        if w["kind"] not in ROLE_KINDS:
            raise KnowledgeError("sectors.yaml", f"unknown kind {w['kind']!r}")
        if w["kind"] == "organ":
            _need(w, ("organ", "name"), "sectors.yaml")
        entry = {"phrase": w["phrase"], "sector": w["sector"], "kind": w["kind"],
                 "organ": w.get("organ"), "name": w.get("name"),
                 "role": w.get("role", w["phrase"]), "plural": False,
                 "theatre": bool(w.get("theatre")), "unnamed": bool(w.get("unnamed")),
                 "opposes": bool(w.get("opposes")), "office_of": w.get("office_of")}
        words = [t.lower() for t in split_name(w["phrase"])]
        kb.words[tuple(words)] = entry
        for plural in w.get("plural") or [_plural(words[-1])]:
            key = tuple(words[:-1] + [plural])
            kb.words.setdefault(key, dict(entry, plural=True))
    kb.first_words = {key[0] for key in kb.words}
    kb.role_groups = [set(g) for g in data.get("role_groups", [])]


def _plural(word: str) -> str:
    if word.endswith("s") or word in ("police", "military", "media", "intelligence", "opposition",
                                      "leadership", "parliament", "judiciary", "displaced"):
        return word
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return word[:-1] + "ies"
    if word.endswith(("sh", "ch", "x")):
        return word + "es"
    if word.endswith("man"):
        return word[:-3] + "men"
    return word + "s"


def check_ids(kb: KnowledgeBase, where: Path = DATA_DIR) -> None:
    """Raise :class:`~parley.knowledge.KnowledgeError` if actor records break the id and type rules.

    :param kb: a loaded knowledge base.
    :param where: the folder it was loaded from, for the message.
    """
    for aid, actor in kb.actors.items():
        if actor["id"] != aid:
            raise KnowledgeError(where, f"actor {aid!r} has id {actor['id']!r}")
        if actor["type"] not in TYPES:
            raise KnowledgeError(where, f"actor {aid!r}: bad type {actor['type']!r}")
        if actor["country"] is not None and actor["country"] not in kb.actors:
            raise KnowledgeError(where, f"actor {aid!r}: unknown country {actor['country']!r}")
        if actor["sector"] is not None and actor["sector"] not in kb.sectors:
            raise KnowledgeError(where, f"actor {aid!r}: unknown sector {actor['sector']!r}")
        for role in actor["roles"]:
            if role.get("org") and role["org"] not in kb.actors:
                raise KnowledgeError(where, f"actor {aid!r}: unknown org {role['org']!r}")


_CACHE: dict[tuple, KnowledgeBase] = {}  # (data dir, layers, user file) -> knowledge base


def default_layers() -> tuple[str, ...]:
    """The knowledge layers loaded by default: ``$PARLEY_KB_LAYERS`` (comma-separated, e.g.
    ``parley`` to measure without Phoenix) or ``parley,phoenix``."""
    return tuple(x for x in os.environ.get("PARLEY_KB_LAYERS", "parley,phoenix").split(",") if x)


def country_codes(kb: KnowledgeBase) -> set[str]:
    """The ISO3 codes of the countries (and historic states) ``kb`` knows."""
    return {aid for aid, actor in kb.actors.items() if "demonyms" in actor}


def clear_cache() -> None:
    """Forget the knowledge bases loaded in this process (after the user layer changed)."""
    _CACHE.clear()


def load_kb(data_dir: Path | str | None = None, layers: tuple[str, ...] | None = None,
            user: str | Path | None = None) -> KnowledgeBase:
    """Load and validate the knowledge base (cached per directory and layers).

    :param data_dir: the folder of actor data files; default ``parley/data/actors``.
    :param layers: which knowledge to load, highest precedence first: ``parley`` (the
        hand-written files), ``phoenix`` (the converted Phoenix dictionaries, in ``phoenix/``
        under ``data_dir``); see :mod:`parley.actors.layers`.
    :param user: a user knowledge file loaded above all (:mod:`parley.actors.user_kb`);
        default ``$PARLEY_USER_KB``; "" for none.
    :returns: the :class:`KnowledgeBase`.
    :raises KnowledgeError: if a file breaks its schema.
    """
    path = Path(data_dir) if data_dir else DATA_DIR
    layers = layers or default_layers()
    user_path = Path(user) if user else (Path(os.environ["PARLEY_USER_KB"]) if user is None
                                         and os.environ.get("PARLEY_USER_KB") else None)
    kb = _CACHE.get((path, layers, user_path))
    if kb is None:
        digest = content_hash(path, layers, user_path)
        kb = _read_compiled(digest)
        if kb is None:
            kb = _build(path, layers, user_path)
            _write_compiled(digest, kb)
        _CACHE[(path, layers, user_path)] = kb
    return kb


def content_hash(path: Path, layers: tuple[str, ...], user: Path | None = None) -> str:
    """The hash of everything a knowledge base is built from: the data files of ``path``
    (and ``phoenix/`` if that layer is on) and the code that reads them."""
    h = hashlib.sha256(repr(layers).encode())
    files = sorted(p for p in path.iterdir() if p.suffix in (".tsv", ".yaml"))
    if "phoenix" in layers and (path / "phoenix").is_dir():
        files += sorted(p for p in (path / "phoenix").iterdir() if p.suffix in (".tsv",))
    here = Path(__file__).resolve().parent
    files += [here / "kb.py", here / "keys.py", here / "layers.py", here / "cameo.py", here / "user_kb.py"]
    if user is not None:
        if not user.is_file():
            raise KnowledgeError(user, "no such user knowledge file")
        h.update(str(user).encode())   # its path too: errors name the file
        files.append(user)
    for file in files:
        h.update(file.name.encode())
        h.update(file.read_bytes())
    return h.hexdigest()[:20]


def cache_dir() -> Path:
    """Where compiled knowledge bases are kept: ``$PARLEY_CACHE_DIR`` or ``~/.cache/parley``."""
    return Path(os.environ.get("PARLEY_CACHE_DIR") or Path.home() / ".cache" / "parley")


def _read_compiled(digest: str) -> KnowledgeBase | None:
    file = cache_dir() / f"kb-{digest}.pickle"
    try:
        with file.open("rb") as f:
            kb = pickle.load(f)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        return None
    return kb if isinstance(kb, KnowledgeBase) else None


def _write_compiled(digest: str, kb: KnowledgeBase) -> None:
    folder = cache_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        tmp = folder / f".kb-{digest}.{os.getpid()}.tmp"
        with tmp.open("wb") as f:
            pickle.dump(kb, f, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(folder / f"kb-{digest}.pickle")  # atomic: workers may race
    except OSError:
        pass  # a read-only home: build each time


def _build(path: Path, layers: tuple[str, ...], user: Path | None = None) -> KnowledgeBase:
    """Read and check every layer of the knowledge base."""
    kb = KnowledgeBase()
    _load_countries(kb, path)
    load_ethnic(kb, path)
    _load_sectors(kb, path)
    if (path / "agentive_nouns.yaml").is_file():
        kb.agentive_nouns = frozenset(read_yaml(path / "agentive_nouns.yaml").data["nouns"])
    _load_orgs(kb, path)
    _load_people(kb, path)
    if "phoenix" in layers:
        from parley.actors.layers import load_phoenix

        load_phoenix(kb, path / "phoenix")
    if user is not None:
        from parley.actors.user_kb import apply_user_kb, read_user_kb

        apply_user_kb(kb, read_user_kb(user, country_codes(kb), set(kb.sectors)))
    index_people(kb)
    check_ids(kb, path)
    return kb


def kb_actors(data_dir: Path | str | None = None) -> list[dict]:
    """Return the knowledge-base actor records to seed the store's actors table with: parley's
    own (and a user file's); a Phoenix actor is stored with the first document that names it.

    :param data_dir: the folder of actor data files; default ``parley/data/actors``.
    :returns: records with ``id, name, type, aliases, country, sector, cameo, roles, source``
        (and extra keys: ``demonyms``/``capitals`` for states, ``parent`` for IGOs).
    """
    return [{k: v for k, v in a.items() if k != "src"} for a in load_kb(data_dir).actors.values()
            if a.get("source") != "phoenix"]


def activate(path: str | Path | None) -> None:
    """Make ``path`` the user layer of this process and the workers it starts (None: none).

    The file is checked first, so a bad file fails here with file:line, before any work.

    :raises parley.actors.user_kb.UserKBError: if the file has problems.
    """
    from parley.actors.user_kb import ENV, read_user_kb

    if path is None:
        os.environ.pop(ENV, None)
    else:
        resolved = Path(path).resolve()
        base = load_kb(user="")
        read_user_kb(resolved, country_codes(base), set(base.sectors))
        os.environ[ENV] = str(resolved)
    clear_cache()
