"""The English words the event coder's rules name, read once from ``governors.yaml``.

Which prepositions set a scene, which pronouns name a person, which nouns carry their object's
label: these are knowledge of the language, kept as data with the other governor word lists in
``parley/data/events/governors.yaml`` (sections ``rule_words``, ``verb_particles`` and
``pair_types``, checked by :data:`RULE_WORDS_SCHEMA`). Each module binds the lists it reads to its
own names at import (``LABEL_CARRIERS = rule_words("label_carriers")``), so the file is read and
checked once per process.

Example::

    "evidence" in rule_words("label_carriers")          # True
    verb_particles("occurrence")["break"]               # 'out'
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from parley.knowledge import YamlFile, check, data_path, read_yaml

GOVERNORS_PATH = data_path("events", "governors.yaml")

# The three sections read here; the rest of governors.yaml is the lexicon's (parley.events.lexicon).
RULE_WORDS_SCHEMA = {
    "rule_words": {str: [str]},
    "verb_particles": {str: {str: str}},
    "pair_types": {str: [str]},
}


@lru_cache(maxsize=2)
def load_rule_words(path: Path = GOVERNORS_PATH) -> YamlFile:
    """Read governors.yaml and check the sections of :data:`RULE_WORDS_SCHEMA` (once per path).

    :param path: the governors file.
    :raises ~parley.knowledge.KnowledgeError: naming the file, line and key of a section missing or
      a value that does not fit (a bare ``on`` read as a boolean, a number where a word belongs).
    """
    doc = read_yaml(path)
    for section, schema in RULE_WORDS_SCHEMA.items():
        if section not in doc.data:
            raise doc.error(f"lacks the section {section!r}")
        check(doc, schema, section)
    return doc


def rule_words(name: str) -> frozenset[str]:
    """Return the word list ``name`` of the ``rule_words`` section as a frozenset.

    :param name: the list's key ("label_carriers", "setting_preps", ...).
    :raises KeyError: when the section has no such list.
    """
    return frozenset(load_rule_words().data["rule_words"][name])


def ordered_rule_words(name: str) -> tuple[str, ...]:
    """Return the word list ``name`` of the ``rule_words`` section in its order in the file.

    :param name: the list's key ("target_preps").
    """
    return tuple(load_rule_words().data["rule_words"][name])


def verb_particles(name: str) -> dict[str, str | None]:
    """Return the verb-to-particle table ``name`` of ``verb_particles``; ``None`` where the verb
    needs no particle (written ``""`` in the file).

    :param name: ``"occurrence"`` or ``"causation"``.
    """
    return {verb: particle or None for verb, particle in load_rule_words().data["verb_particles"][name].items()}


def pair_types() -> dict[str, frozenset[str]]:
    """Return the ``pair_types`` table: a noun of "the two ..." and the kinds of party it takes."""
    return {noun: frozenset(kinds) for noun, kinds in load_rule_words().data["pair_types"].items()}
