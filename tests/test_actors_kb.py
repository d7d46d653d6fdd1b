"""The actor knowledge base: every data file validates; names, codes and roles over time."""

from __future__ import annotations

import shutil
from datetime import date

import pytest

from parley.actors.kb import (DATA_DIR, TYPES, KnowledgeBaseError, kb_actors, load_kb, person_id,
                              token_key)

RECORD_KEYS = {"id", "name", "type", "aliases", "country", "sector", "cameo", "roles", "source"}


@pytest.fixture(scope="module")
def kb():
    return load_kb()


def test_actors_kb_records_follow_the_contract(kb):
    records = kb_actors()
    assert len(records) > 300
    ids = [r["id"] for r in records]
    assert len(ids) == len(set(ids))
    for record in records:
        assert RECORD_KEYS <= set(record), record["id"]
        assert record["type"] in TYPES
        assert record["source"] == "parley"
        assert record["country"] is None or record["country"] in kb.actors
        assert record["sector"] in kb.sectors
        for role in record["roles"]:
            assert {"role", "country", "sector", "start", "end", "source"} <= set(role)
            assert role["end"] is None or role["start"] is None or role["start"] <= role["end"]


def test_actors_kb_sector_ids_do_not_collide_with_countries(kb):
    assert not set(kb.sectors) & {a["id"] for a in kb.actors.values()}


@pytest.mark.parametrize("iso3,cameo,names", [
    ("TUR", "TUR", ["Turkey", "Türkiye"]),
    ("JPN", "JAP", ["Japan"]),
    ("ROU", "ROM", ["Romania"]),
    ("SYR", "SYR", ["Syria", "Syrian Arab Republic"]),
    ("USA", "USA", ["United States", "U.S."]),
])
def test_actors_kb_country_codes_and_names(kb, iso3, cameo, names):
    state = kb.actors[iso3]
    assert state["cameo"] == cameo + "GOV"
    assert kb.cameo(iso3, "MIL") == cameo + "MIL"
    assert set(names) <= set(state["aliases"])


@pytest.mark.parametrize("iso3,demonym", [("TUR", "Turkish"), ("IRN", "Iranian"),
                                          ("KAZ", "Kazakh"), ("SYR", "Syrian")])
def test_actors_kb_demonyms(kb, iso3, demonym):
    assert demonym in kb.actors[iso3]["demonyms"]


@pytest.mark.parametrize("iso3,name,start,end", [
    ("KAZ", "Nur-Sultan", "2019-03-23", "2022-09-17"),
    ("KAZ", "Astana", "2022-09-17", None),
    ("TUR", "Ankara", None, None),
    ("SYR", "Damascus", None, None),
])
def test_actors_kb_capitals_with_dates(kb, iso3, name, start, end):
    capitals = kb.actors[iso3]["capitals"]
    assert {"name": name, "start": start, "end": end} in [
        {k: c[k] for k in ("name", "start", "end")} for c in capitals]


@pytest.mark.parametrize("name,day,role,sector", [
    ("Recep Tayyip Erdogan", date(2010, 1, 1), "prime minister", "GOV"),
    ("Recep Tayyip Erdogan", date(2020, 1, 1), "president", "GOV"),
    ("Mevlut Cavusoglu", date(2020, 1, 1), "foreign minister", "GOV"),
    ("Hakan Fidan", date(2024, 1, 25), "foreign minister", "GOV"),
    ("Hakan Fidan", date(2020, 1, 1), "intelligence chief", "SPY"),
    ("Mohammad Javad Zarif", date(2017, 1, 23), "foreign minister", "GOV"),
    ("Hossein Amir-Abdollahian", date(2023, 6, 21), "foreign minister", "GOV"),
    ("Staffan de Mistura", date(2017, 1, 23), "special envoy for Syria", "IGO"),
    ("Geir Pedersen", date(2024, 1, 25), "special envoy for Syria", "IGO"),
    ("Kassym-Jomart Tokayev", date(2018, 1, 1), "chairman of the senate", "LEG"),
])
def test_actors_kb_roles_hold_between_dates(kb, name, day, role, sector):
    held = kb.role_at(kb.actors[person_id(name)], day)
    assert (held["role"], held["sector"], held.get("former")) == (role, sector, None)


@pytest.mark.parametrize("name,day,role", [("Nursultan Nazarbayev", date(2023, 6, 26), "president"),
                                           ("Staffan de Mistura", date(2024, 1, 25), "special envoy for Syria")])
def test_actors_kb_former_roles(kb, name, day, role):
    held = kb.role_at(kb.actors[person_id(name)], day)
    assert held["role"] == role and held["former"] is True


@pytest.mark.parametrize("a,b", [("Lavrentyev", "Lavrentiev"), ("Nazarbayev", "Nazarbaev"),
                                 ("Türkiye", "Turkiye"), ("Çavuşoğlu", "Cavusoglu"),
                                 ("U.N.", "UN"), ("Muallem", "Moualem")])
def test_actors_token_key_merges_spellings(a, b):
    assert token_key(a) == token_key(b)


@pytest.mark.parametrize("a,b", [("Iran", "Iraq"), ("Austria", "Australia"), ("Niger", "Nigeria")])
def test_actors_token_key_keeps_names_apart(a, b):
    assert token_key(a) != token_key(b)


@pytest.mark.parametrize("file,old,new", [
    ("sectors.yaml", "{phrase: army, sector: MIL", "{phrase: army, sector: XXX"),
    ("groups.yaml", "    country: SYR\n    sector: REB\n    cameo: SYRREB\n    aliases: [YPG",
     "    country: ZZZ\n    sector: REB\n    cameo: SYRREB\n    aliases: [YPG"),
    ("people.yaml", "start: 2004-03-09, end: null", "start: 2004-03-09, end: 2001-01-01"),
    ("capitals.tsv", "SYR\tDamascus", "QQQ\tDamascus"),
    # unquoted commas in a flow mapping split a name into two keys
    ("organs.yaml", "name: Mossad,", "name: Mossad, Israel,"),
    ("igos.yaml", "name: Arab League,", "name: Arab League, Cairo,"),
    # a bloc's region must be a CAMEO region code; a bloc names its nouns
    ("blocs.yaml", "region: WST", "region: XYZ"),
    ("blocs.yaml", "name: Western powers, region: WST, adjectives: [Western],\n     nouns:",
     "name: Western powers, region: WST, adjectives: [Western],\n     names:"),
])
def test_actors_kb_rejects_broken_files(tmp_path, file, old, new):
    data = tmp_path / "actors"
    shutil.copytree(DATA_DIR, data)
    text = (data / file).read_text(encoding="utf-8")
    assert old in text
    (data / file).write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(KnowledgeBaseError):
        load_kb(data)
