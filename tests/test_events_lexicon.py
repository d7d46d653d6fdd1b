"""The predicate lexicon and governors validate, and cover every PLOVER type with every kind of pattern."""

from __future__ import annotations

import pytest
import yaml

from parley.codebooks import PLOVER_TYPES, cameo_code, cameo_codes
from parley.events.cameo import TARGET_PREPS
from parley.events.lexicon import (GOVERNORS_PATH, PREDICATES_PATH, LexiconError, load_lexicon, validate_entry,
                                   validate_governors)
from parley.events.triggers import LABEL_CARRIERS
from parley.events.words import load_rule_words, rule_words


def test_events_lexicon_loads_and_validates():
    lexicon = load_lexicon()
    assert len(lexicon.predicates) >= 300
    assert len({entry["id"] for entry in lexicon.predicates}) == len(lexicon.predicates)


@pytest.mark.parametrize("event_type", PLOVER_TYPES)
def test_events_lexicon_covers_every_type_with_verbs_and_nouns(event_type):
    entries = [e for e in load_lexicon().predicates if e["type"] == event_type]
    assert any(e.get("verb") for e in entries)
    assert any(e.get("noun") for e in entries)
    for entry in entries:
        assert cameo_code(entry["cameo"])["quad_class"] in (1, 2, 3, 4)


@pytest.mark.parametrize("kind", ["prt", "prep", "obj", "mod"])
def test_events_lexicon_has_multiword_patterns(kind):
    assert sum(1 for e in load_lexicon().predicates if e.get(kind)) >= 10


@pytest.mark.parametrize("bad,message", [
    ({"id": "x", "verb": "meet", "type": "MEET", "cameo": "040"}, "PLOVER type"),
    ({"id": "x", "verb": "meet", "type": "CONSULT", "cameo": "999"}, "CAMEO code"),
    ({"id": "x", "verb": "meet", "noun": "meeting", "type": "CONSULT", "cameo": "040"}, "exactly one"),
    ({"id": "x", "verb": "hold", "obj": "@nothing", "type": "CONSULT", "cameo": "040"}, "word class"),
    ({"id": "x", "verb": "meet", "type": "CONSULT", "cameo": "040", "roles": {"subj": "host"}}, "role"),
    ({"id": "x", "verb": "meet", "type": "CONSULT", "cameo": "040", "colour": "red"}, "unknown keys"),
])
def test_events_lexicon_rejects_invalid_entries(bad, message):
    governors = yaml.safe_load(GOVERNORS_PATH.read_text(encoding="utf-8"))
    with pytest.raises(LexiconError, match=message):
        validate_entry(bad, governors["classes"], governors["content"])


def test_events_lexicon_files_name_their_source():
    for path in (PREDICATES_PATH, GOVERNORS_PATH):
        assert yaml.safe_load(path.read_text(encoding="utf-8"))["source"]


def test_events_codebook_has_all_cameo_roots():
    roots = {row["root"] for row in cameo_codes().values()}
    assert roots == {f"{n:02d}" for n in range(1, 21)}
    assert cameo_code("046")["goldstein"] == 7.0


def test_events_lexicon_rejects_yaml_booleans_in_word_lists():
    governors = yaml.safe_load(GOVERNORS_PATH.read_text(encoding="utf-8"))
    governors["negators"] = [*governors["negators"], False]     # what a bare `no` becomes
    with pytest.raises(LexiconError, match="boolean"):
        validate_governors(governors)


def test_rule_words_come_from_governors_and_keep_their_order():
    listed = load_rule_words().data["rule_words"]
    assert LABEL_CARRIERS == frozenset(listed["label_carriers"]) and "evidence" in LABEL_CARRIERS
    assert TARGET_PREPS == tuple(listed["target_preps"]) and TARGET_PREPS[0] == "on"
    assert rule_words("nobody_words") == {"nobody", "none", "no"}     # "no" quoted, not a boolean


@pytest.mark.parametrize("section,message", [
    ("rule_words:\n  party_preps: [between, on]\n", "party_preps.1: expected text, found True"),  # bare on: a boolean
    ("rule_words:\n  party_preps: between\n", "expected a list"),
    ("rule_words: {}\nverb_particles: {occurrence: {go: [on]}}\npair_types: {}\n", "verb_particles"),
])
def test_rule_words_schema_rejects_malformed_sections(tmp_path, section, message):
    path = tmp_path / "governors.yaml"
    complete = section if "pair_types" in section else section + "verb_particles: {}\npair_types: {}\n"
    path.write_text(complete, encoding="utf-8")
    with pytest.raises(LexiconError, match=message):
        load_rule_words(path)
