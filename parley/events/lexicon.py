"""Load and validate the event lexicon: predicate patterns and governors (``parley/data/events``).

The lexicon is data: :data:`PREDICATES_PATH` lists the predicates (verbs, verb + particle or
preposition, nominal events, light-verb constructions) with their PLOVER type, mode and CAMEO
code; :data:`GOVERNORS_PATH` lists the words that change how an event is read (reporting,
future, negation, condition), word classes, and content tables. :func:`load_lexicon` reads
both, checks them against the CAMEO codebook, and indexes predicates by trigger lemma.

Example::

    lexicon = load_lexicon()
    [entry["id"] for entry in lexicon.verbs["meet"]]   # ['meet', 'meet-with']
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from parley.codebooks import PLOVER_TYPES, UnknownCameoCode, cameo_code
from parley.events.cameo import load_cameo
from parley.events.discards import load_discards
from parley.events.reference import KIND_TYPES as REFERENCE_KINDS
from parley.knowledge import KnowledgeError, check, data_path, optional, read_yaml

DATA_DIR = data_path("events")
PREDICATES_PATH = DATA_DIR / "predicates.yaml"
GOVERNORS_PATH = DATA_DIR / "governors.yaml"
SENSES_PATH = DATA_DIR / "senses.yaml"

# senses.yaml: semantic classes, named senses, and rules verb x slot class -> sense
_CONSTRAINT = (str, [str])
SENSES_SCHEMA = {
    "source": str,
    "classes": {str: [str]},
    "meanings": {str: {"type": str, "cameo": optional(str), "mode": optional(str), "context": optional([str]),
                       "absorb": optional(str)}},
    "senses": [{"meaning": str, "verbs": optional([str]), "nouns": optional([str]),
                "obj": optional(_CONSTRAINT), "subj": optional(_CONSTRAINT),
                "prep": optional(str), "pobj": optional(_CONSTRAINT), "prt": optional(str),
                "mod": optional(_CONSTRAINT), "comp": optional(_CONSTRAINT), "comp_obj": optional(_CONSTRAINT),
                "label": optional(_CONSTRAINT), "roles": optional({str: str}),
                "meeting_of_parties": optional(bool)}],
}

ENTRY_KEYS = {"id", "verb", "noun", "adj", "prt", "prep", "pobj", "obj", "mod", "type", "mode",
              "cameo", "context", "roles", "absorb", "needs_content", "left_open", "needs_recipient",
              "needs_other_party", "speaker_actor", "allow_no_actor", "confidence", "place_recipient",
              "intransitive", "transitive", "plural", "proposal", "proposal_clause",
              "subj", "appeal", "comp", "comp_obj", "label", "host_prep", "host_subj", "host_verb", "object_voices",
              "party_visitor", "official_actor", "needs_addressee", "reported_wrong", "pobj_party",
              "meeting_of_parties", "object_alone"}
ROLE_VALUES = {"actor", "recipient", "none"}
# an entry's slots whose value names word classes (or words); each one set constrains its trigger
CLASS_SLOTS = ("obj", "pobj", "mod", "subj", "comp", "comp_obj", "label", "host_subj", "host_verb")


# The type of a sense that names no event ("fought the bill", "the move threatened to push
# tensions higher"): a sense of the verb that wins over its event entries and the CAMEO
# dictionary's codes, and codes nothing (parley.events.triggers.match_token).
NO_EVENT = "NONE"


# A predicate or governor entry that does not validate (unknown key, type, code or class) is
# reported by the one error of knowledge files, as ``file:line: reason``; the name stays.
LexiconError = KnowledgeError


@dataclass
class Lexicon:
    """The loaded event lexicon, indexed for the coder."""

    predicates: list[dict]
    governors: dict
    verbs: dict[str, list[dict]] = field(default_factory=dict)
    nouns: dict[str, list[dict]] = field(default_factory=dict)
    adjs: dict[str, list[dict]] = field(default_factory=dict)
    cameo: object = None        # the compiled CAMEO verb dictionary (parley.events.cameo)
    discards: object = None     # PETRARCH's discard phrases (parley.events.discards)
    _word_sets: dict = field(default_factory=dict, repr=False)

    def word_set(self, name: str) -> frozenset[str]:
        """Return a governor word list (e.g. ``"report_verbs"``) as a frozenset of lemmas.

        :param name: the key in governors.yaml.
        """
        cached = self._word_sets.get(name)
        if cached is None:
            cached = self._word_sets[name] = frozenset(self.governors.get(name, ()))
        return cached

    def word_set_with(self, name: str, extra: frozenset[str]) -> frozenset[str]:
        """Return a governor word list joined with a fixed set of words, built once per lexicon.

        :param name: the key in governors.yaml.
        :param extra: the words to add (a module constant, so the pair is a stable cache key).
        """
        key = (name, extra)
        cached = self._word_sets.get(key)
        if cached is None:
            cached = self._word_sets[key] = self.word_set(name) | extra
        return cached

    def word_union(self, *names: str) -> frozenset[str]:
        """Return the union of several governor word lists, built once per lexicon (a check that
        reads the modals or the verbs of saying on every trigger asks for it each time).

        :param names: keys in governors.yaml.
        """
        cached = self._word_sets.get(names)
        if cached is None:
            cached = self._word_sets[names] = frozenset().union(*(self.word_set(name) for name in names))
        return cached

    def in_class(self, lemma: str, spec: str | list[str] | None) -> bool:
        """Whether ``lemma`` satisfies a constraint: a ``@class`` name or a list of lemmas.

        :param lemma: a lower-case lemma.
        :param spec: ``"@meeting"``, ``["ceasefire", "truce"]``, or a list mixing both.
        """
        if spec is None:
            return True
        for item in [spec] if isinstance(spec, str) else spec:
            if item.startswith("@"):
                if lemma in self.governors["classes"][item[1:]]:
                    return True
            elif lemma == item:
                return True
        return False


def specificity(entry: dict) -> int:
    """How many constraints an entry adds to its trigger lemma (more specific entries win).

    :param entry: a predicate entry.
    """
    return sum(1 for key in ("prt", "prep", *CLASS_SLOTS) if entry.get(key))


def validate_entry(entry: dict, classes: dict, content: dict, path: Path = PREDICATES_PATH,
                   line: int | None = None) -> None:
    """Raise :class:`~parley.knowledge.KnowledgeError` if a predicate entry is malformed.

    :param entry: one predicate entry.
    :param classes: the word classes of governors.yaml.
    :param content: the content tables of governors.yaml.
    :param path: the file the entry comes from, and ``line`` where it starts, for the message.
    """
    name = entry.get("id", "?")

    def problem(reason: str) -> KnowledgeError:
        return KnowledgeError(path, f"{name}: {reason}", line)

    unknown = set(entry) - ENTRY_KEYS
    if unknown:
        raise problem(f"unknown keys {sorted(unknown)}")
    if sum(1 for key in ("verb", "noun", "adj") if entry.get(key)) != 1:
        raise problem("needs exactly one of verb, noun, adj")
    if entry.get("type") == NO_EVENT:
        if entry.get("cameo"):
            raise problem("a sense that names no event has no CAMEO code")
    elif entry.get("type") not in PLOVER_TYPES:
        raise problem(f"unknown PLOVER type {entry.get('type')!r}")
    else:
        try:
            cameo_code(str(entry.get("cameo")))
        except UnknownCameoCode:
            raise problem(f"unknown CAMEO code {entry.get('cameo')!r}") from None
    for key in CLASS_SLOTS:
        spec = entry.get(key)
        for item in [spec] if isinstance(spec, str) else (spec or []):
            if not isinstance(item, str):
                raise problem(f"{key} item {item!r} is not a string (quote it in YAML)")
            if item.startswith("@") and item[1:] not in classes:
                raise problem(f"unknown word class {item}")
    for role_key, value in (entry.get("roles") or {}).items():
        if value not in ROLE_VALUES:
            raise problem(f"role {role_key} must be one of {sorted(ROLE_VALUES)}")
    if entry.get("absorb") and entry["absorb"] not in content:
        raise problem(f"no content table {entry['absorb']!r}")


def validate_governors(governors: dict, path: Path = GOVERNORS_PATH) -> None:
    """Raise :class:`~parley.knowledge.KnowledgeError` if governors.yaml lacks a section or names
    unknown codes.

    :param governors: the parsed governors.yaml.
    :param path: the file, for the message.
    """
    needed = ["report_verbs", "future_aux", "plan_words", "hypothetical_aux", "negators",
              "conditional_marks", "group_nouns", "classes", "content", "future_types",
              "refusal_types", "contexts"]
    missing = [key for key in needed if key not in governors]
    if missing:
        raise KnowledgeError(path, f"lacks {missing}")
    _no_booleans(governors, path, "governors")
    unknown = set(governors.get("references") or {}) - set(REFERENCE_KINDS)
    if unknown:
        raise KnowledgeError(path, f"references: unknown kinds {sorted(unknown)} (known: {sorted(REFERENCE_KINDS)})")
    codes = [row[1] for table in governors["content"].values() for row in table.values()]
    codes += [code for _, code in governors["future_types"].values() if code is not None]
    codes += [code for *_, code in governors["refusal_types"].values()]
    for code in codes:
        try:
            cameo_code(code)
        except UnknownCameoCode:
            raise KnowledgeError(path, f"unknown CAMEO code {code!r}") from None


def _no_booleans(value, path: Path, where: str) -> None:
    """YAML reads bare no/on/off as booleans; in a word list that is always a mistake."""
    if isinstance(value, bool):
        raise KnowledgeError(path, f"{where}: boolean {value!r} where a word was expected (quote it in YAML)")
    if isinstance(value, dict):
        for key, item in value.items():
            _no_booleans(item, path, f"{where}.{key}")
    elif isinstance(value, list):
        for item in value:
            _no_booleans(item, path, where)


def load_senses(path: Path, classes: dict) -> list[tuple[dict, int | None]]:
    """Read ``senses.yaml`` and return its rules as predicate entries, each with its line.

    Each rule gives every verb of its ``verbs`` (and noun of its ``nouns``) the sense ``meaning``
    (type, mode, CAMEO code; type NONE for a sense that names no event) where its slot (``obj``,
    ``subj``, ``prep`` + ``pobj``, a word of its complement clause, ``comp``, and that word's object,
    ``comp_obj``, a modifier, ``mod``,
    or the label it gives its object, ``label``) names the rule's class; the entry's id is
    ``sense-<meaning>-<word>``. The file's classes are added to ``classes`` (the word classes of
    governors.yaml), which they may not redefine.

    :param path: the senses YAML file.
    :param classes: the word classes of governors.yaml, extended in place.
    :raises KnowledgeError: on a schema error, an unknown meaning, or a class defined twice.
    """
    doc = read_yaml(path)
    check(doc, SENSES_SCHEMA)
    for name, words in doc.data["classes"].items():
        if name in classes:
            raise doc.error(f"class {name!r} is already a class of governors.yaml", "classes", name)
        classes[name] = words
    entries, seen = [], set()
    for number, rule in enumerate(doc.data["senses"]):
        meaning = doc.data["meanings"].get(rule["meaning"])
        if meaning is None:
            raise doc.error(f"unknown meaning {rule['meaning']!r}", "senses", number, "meaning")
        if meaning["type"] != NO_EVENT and not meaning.get("cameo"):
            raise doc.error(f"meaning {rule['meaning']!r} of an event needs a CAMEO code", "senses", number)
        if not any(rule.get(slot) for slot in ("obj", "subj", "pobj", "comp", "mod", "label")):
            raise doc.error("a sense needs the class of a slot (obj, subj, pobj, comp, mod or label)", "senses",
                            number)
        if not rule.get("verbs") and not rule.get("nouns"):
            raise doc.error("a sense names the verbs or the nouns it is a sense of", "senses", number)
        line = doc.line("senses", number)
        words = [("verb", w) for w in rule.get("verbs") or ()] + [("noun", w) for w in rule.get("nouns") or ()]
        for kind, word in words:
            entry = {"id": f"sense-{rule['meaning']}-{word}", kind: word, **meaning,
                     **{k: v for k, v in rule.items() if k not in ("meaning", "verbs", "nouns")}}
            while entry["id"] in seen:
                entry["id"] += "+"
            seen.add(entry["id"])
            entries.append((entry, line))
    return entries


@lru_cache(maxsize=4)
def load_lexicon(predicates_path: Path = PREDICATES_PATH,
                 governors_path: Path = GOVERNORS_PATH, senses_path: Path = SENSES_PATH) -> Lexicon:
    """Read, validate and index the predicate lexicon, the governors and the word senses.

    :param predicates_path: the predicates YAML file.
    :param governors_path: the governors YAML file.
    :param senses_path: the senses YAML file (:func:`load_senses`): its rules are entries like
      the predicates', after them (on equal specificity a predicate comes first).
    :returns: a :class:`Lexicon`.
    :raises KnowledgeError: on any invalid entry or duplicate id, naming the file and line.
    """
    predicates_file = read_yaml(predicates_path)
    predicates = predicates_file.data["predicates"]
    governors = read_yaml(governors_path).data
    validate_governors(governors, Path(governors_path))
    senses = load_senses(Path(senses_path), governors["classes"])
    seen: set[str] = set()
    index: dict[str, dict[str, list[dict]]] = {"verb": defaultdict(list), "noun": defaultdict(list),
                                                "adj": defaultdict(list)}
    located = [(entry, predicates_file.line("predicates", n), Path(predicates_path))
               for n, entry in enumerate(predicates)]
    located += [(entry, line, Path(senses_path)) for entry, line in senses]
    for entry, line, path in located:
        validate_entry(entry, governors["classes"], governors["content"], path, line)
        if entry["id"] in seen:
            raise KnowledgeError(path, f"duplicate predicate id {entry['id']!r}", line)
        seen.add(entry["id"])
        entry["cameo"] = str(entry.get("cameo") or "")
        for kind in index:
            if entry.get(kind):
                index[kind][entry[kind]].append(entry)
    for table in index.values():
        for entries in table.values():
            entries.sort(key=specificity, reverse=True)
    cameo = load_cameo(frozenset(governors.get("generic_verbs") or ()),
                       referring=frozenset(governors.get("reference_verbs") or ()))
    return Lexicon(predicates + [entry for entry, _ in senses], governors,
                   dict(index["verb"]), dict(index["noun"]), dict(index["adj"]),
                   cameo, load_discards())
