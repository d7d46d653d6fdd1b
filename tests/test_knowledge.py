"""The knowledge loader (parley/knowledge.py): reading, schemas, file:line errors, content hashes."""

from __future__ import annotations

import re

import pytest
import yaml

from parley.codebooks import cameo_codes
from parley.ingest.clean import BoilerplateFilter
from parley.knowledge import (DATA_DIR, KnowledgeError, check, content_hash, data_path, load_yaml, one_of, optional,
                              read_jsonl, read_tsv, read_yaml)
from parley.times.lexicon import load_anchors

MEETING_SCHEMA = {"source": str, "venues": [{"name": str, "kind": one_of("city", "country"),
                                             "seats": optional(int), "share": optional(float)}]}


def write(tmp_path, name, text, encoding="utf-8"):
    path = tmp_path / name
    path.write_text(text, encoding=encoding)
    return path


def test_knowledge_every_packaged_yaml_reads_as_plain_yaml_does():
    files = sorted(DATA_DIR.rglob("*.yaml"))
    assert len(files) >= 15
    for path in files:
        assert read_yaml(path).data == yaml.safe_load(path.read_text(encoding="utf-8")), path


def test_knowledge_schema_error_names_file_line_and_keys(tmp_path):
    path = write(tmp_path, "venues.yaml", "source: test\nvenues:\n  - name: Geneva\n    kind: city\n"
                                          "  - name: Oman\n    kind: sultanate\n")
    with pytest.raises(KnowledgeError) as raised:
        load_yaml(path, MEETING_SCHEMA)
    error = raised.value
    assert str(error) == f"{path}:6: venues.1.kind: 'sultanate' is not one of ['city', 'country']"
    assert (error.path, error.line) == (path, 6)


@pytest.mark.parametrize("venue, message", [
    ("  - name: Doha\n    kind: city\n    seats: many\n", ":5: venues.0.seats: expected an integer, found 'many'"),
    ("  - name: Doha\n    kind: city\n    seats: true\n", ":5: venues.0.seats: expected an integer, found True"),
    ("  - name: Doha\n    kind: city\n    sits: 4\n", ":5: venues.0.sits: unknown key 'sits'"),
    ("  - kind: city\n", ":3: venues.0: missing keys ['name']"),
    ("  Doha: city\n", ":2: venues: expected a list, found dict"),
])
def test_knowledge_schema_catches_wrong_types_typos_and_gaps(tmp_path, venue, message):
    path = write(tmp_path, "venues.yaml", "source: test\nvenues:\n" + venue)
    with pytest.raises(KnowledgeError, match=re.escape(message)):
        load_yaml(path, MEETING_SCHEMA)


def test_knowledge_schema_accepts_integers_as_numbers_and_optional_nulls(tmp_path):
    path = write(tmp_path, "venues.yaml", "source: test\nvenues:\n  - {name: Doha, kind: city, share: 1}\n"
                                          "  - {name: Qatar, kind: country, seats: null}\n")
    assert [v["name"] for v in load_yaml(path, MEETING_SCHEMA).data["venues"]] == ["Doha", "Qatar"]
    assert check(read_yaml(path), [dict], "venues")[1]["kind"] == "country"


def test_knowledge_type_keys_cover_every_other_key(tmp_path):
    path = write(tmp_path, "months.yaml", "source: test\n1: [January, Jan]\n2: [February, 3]\n")
    with pytest.raises(KnowledgeError, match=r"months.yaml:3: 2.1: expected text, found 3"):
        load_yaml(path, {"source": str, int: [str]})


def test_knowledge_bad_yaml_missing_file_and_bad_encoding_name_the_line(tmp_path):
    with pytest.raises(KnowledgeError, match=r"broken.yaml:3: not valid YAML"):
        read_yaml(write(tmp_path, "broken.yaml", "a: 1\nb: [2, 3\nc: 4\n"))
    with pytest.raises(KnowledgeError, match=r"absent.yaml: no such knowledge file"):
        read_yaml(tmp_path / "absent.yaml")
    with pytest.raises(KnowledgeError, match=r"latin1.yaml:2: not UTF-8"):
        read_yaml(write(tmp_path, "latin1.yaml", "a: 1\nb: Zürich\n", encoding="latin-1"))


def test_knowledge_line_of_nested_keys(tmp_path):
    doc = read_yaml(write(tmp_path, "n.yaml", "# comment\ntop:\n  inner:\n    - x\n    - y\n  other: 2\n"))
    assert [doc.line("top"), doc.line("top", "inner"), doc.line("top", "inner", 1), doc.line("top", "other")] \
        == [2, 3, 5, 6]
    assert doc.line("top", "absent") == 2        # the nearest enclosing value that exists


def test_knowledge_tsv_rows_know_their_lines(tmp_path):
    path = write(tmp_path, "t.tsv", "# a comment\ncode\tname\n\n01\tfirst\n02\n")
    rows = read_tsv(path, ("code", "name"))
    assert rows == [{"code": "01", "name": "first"}, {"code": "02", "name": ""}]
    assert [r.line for r in rows] == [4, 5]
    with pytest.raises(KnowledgeError, match=r"t.tsv:2: missing columns \['kind'\]"):
        read_tsv(path, ("code", "kind"))
    with pytest.raises(KnowledgeError, match=r"u.tsv:3: 3 cells for 2 columns"):
        read_tsv(write(tmp_path, "u.tsv", "code\tname\n01\tfirst\n02\tsecond\textra\n"))
    headless = read_tsv(write(tmp_path, "h.tsv", "# demonym\tiso3\nSyrian\tSYR\n"), ("demonym", "iso3"), header=False)
    assert headless == [{"demonym": "Syrian", "iso3": "SYR"}]


def test_knowledge_jsonl_names_the_bad_line(tmp_path):
    path = write(tmp_path, "r.jsonl", '{"a": 1}\n\n{"a": 2}\n{"a": \n')
    reader = read_jsonl(path)
    assert [next(reader), next(reader)] == [(1, {"a": 1}), (3, {"a": 2})]
    with pytest.raises(KnowledgeError, match=r"r.jsonl:4: not valid JSON"):
        next(reader)


def test_knowledge_content_hash_follows_the_bytes(tmp_path):
    a, b = write(tmp_path, "a.yaml", "x: 1\n"), write(tmp_path, "b.yaml", "y: 2\n")
    first = content_hash([a, b])
    assert content_hash([a, b]) == first and len(first) == 64
    assert content_hash([a, b], "code v2") != first
    assert content_hash([b, a]) != first
    a.write_text("x: 2\n", encoding="utf-8")
    assert content_hash([a, b]) != first


def test_knowledge_packaged_loaders_report_file_and_line(tmp_path):
    rules = data_path("boilerplate.yaml").read_text(encoding="utf-8")
    bad = write(tmp_path, "boilerplate.yaml", rules.replace("max_words:", "max_word:", 1))
    line = next(i for i, text in enumerate(bad.read_text(encoding="utf-8").splitlines(), 1) if "max_word:" in text)
    with pytest.raises(KnowledgeError, match=r"boilerplate.yaml:\d+: rules.0: missing keys \['max_words'\]"):
        BoilerplateFilter.from_data(bad)
    with pytest.raises(KnowledgeError, match=rf"b2.yaml:{line}: rules.0.max_word: unknown key"):
        typo = rules.replace("max_words:", "max_word: 3\n    max_words:", 1)
        BoilerplateFilter.from_data(write(tmp_path, "b2.yaml", typo))
    anchors = write(tmp_path, "anchors.yaml", "source: t\nanchors:\n"
                                              "  - {id: a, name: A, date: 2011-03-15, kind: start}\n"
                                              "  - {id: b, name: B, date: someday, kind: start}\n")
    with pytest.raises(KnowledgeError, match=r"anchors.yaml:4: anchors.1.date: expected date, found 'someday'"):
        load_anchors(anchors)
    assert load_anchors(write(tmp_path, "ok.yaml", "source: t\nanchors: []\n")) == ()


def test_knowledge_cameo_table_reads_every_code():
    codes = cameo_codes()
    assert len(codes) == 316
    assert codes["046"]["quad_class"] == 1 and codes["1053"]["root"] == "10"


def test_knowledge_modalities_are_the_labels_the_events_stage_sets():
    from parley.codebooks import MODALITIES, PLOVER_QUAD, PLOVER_TYPES
    from parley.events.modality import MODALITY_ORDER
    assert sorted(MODALITIES) == sorted(MODALITY_ORDER)
    assert len(PLOVER_TYPES) == 16 and set(PLOVER_QUAD) == set(PLOVER_TYPES)
    material_conflict = {t for t, quad in PLOVER_QUAD.items() if quad == 4}
    assert material_conflict == {"PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}


def test_knowledge_claims_read_month_names_from_the_time_lexicon():
    from parley.claims.rules import load_months
    months = load_months()
    assert months.names[8] == "september" and months.number("Sept.") == 9 and months.number("May") == 5
    found = months.pattern.search("the quake of Feb. 6, 2023 killed thousands")
    assert (found.group(1), found.group(2)) == ("Feb", "2023")


def test_knowledge_stage_loaders_raise_the_one_error_with_file_and_line(tmp_path):
    from parley.actors.kb import KnowledgeBaseError
    from parley.events.discards import load_discards
    from parley.events.lexicon import GOVERNORS_PATH, load_lexicon
    from parley.places.index import PlaceDataError
    from parley.process.lexicon import LexiconError as ProcessLexiconError
    from parley.process.lexicon import load_lexicon as load_process_lexicon

    assert KnowledgeBaseError is PlaceDataError is ProcessLexiconError is KnowledgeError
    predicates = write(tmp_path, "predicates.yaml", "source: t\npredicates:\n"
                                                     "- {id: talk, verb: talk, type: CONSULT, cameo: '040'}\n"
                                                     "- {id: chat, verb: chat, type: CHAT, cameo: '040'}\n")
    with pytest.raises(KnowledgeError, match=r"predicates.yaml:4: chat: unknown PLOVER type 'CHAT'"):
        load_lexicon(predicates, GOVERNORS_PATH)
    discards = write(tmp_path, "discards.jsonl", '{"phrase": "a fine day", "scope": "story"}\n'
                                                 '{"phrase": "", "scope": "story"}\n')
    with pytest.raises(KnowledgeError, match=r"discards.jsonl:2: empty phrase"):
        load_discards(discards)
    with pytest.raises(KnowledgeError, match=r"processes.yaml:3: not valid YAML"):
        load_process_lexicon(write(tmp_path, "processes.yaml", "source: t\nprocesses: [\n"))
