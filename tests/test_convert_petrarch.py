"""The Phoenix/PETRARCH-2 converter on small dictionary snippets written for these tests, and
the layered knowledge base it feeds (user > parley > phoenix)."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from parley.actors.cameo import CodeBook
from parley.convert.petrarch_actors import (AGENT_FILE, ACTOR_FILES, SOURCE_COMMIT, convert,
                                            convert_texts, parse_code, parse_date)

COUNTRIES = """\
# a comment line
NORLAND_  [NOR]
+NORLANDIC_
+OSLOVIA_CITY_

KRAKOZHIA_  [KAZ]
+KRAKOZH_TOWN_
\t[USRKAZ <911216]

IVAN_TESTOVICH_  # CountryInfo.txt
+I._TESTOVICH_
\t[KAZELI 500101-940315]
\t[KAZGOV 940315-991231]
\t[KAZGOVMED >20000101]

HANAKO_TESTA_ [JAPGOV]
PRESIDENT_PAULSEN_
PAULSEN_
\t[NORGOV >20120219]
BROKEN_DATE_PERSON_
\t[NORGOV 2004017-20061201]
KRAKOZHIAN_NATIONAL_GUARD_
\t[KAZMIL]
VLADIMIR_PUTIN_  # CountryInfo.txt
\t[NORGOV 990101-001231]
NAMELESS_CODES_

ANNA_EXAMPLEVA_  # CountryInfo.txt
ANNA_B._EXAMPLEVA
EXAMPLEVA
PRESIDENT_ANNA_EXAMPLEVA
\t[NORELI 700101-950101]
\t[NORGOV 950101-991231]
"""

INTERNATIONAL = """\
THE_TEST_ALLIANCE_\t[IGOTST]
+TAL_
ACME_WIDGETS_INC_\t[MNCUSA]\t# a company
MARIA_EXAMPLE_\t[USAGOV 010120-050120] [IGOUNOKID >050501]
WEIRD+NAME_\t[NGO]
"""

MILNONSTATE = """\
FREE_TESTLAND_FRONT_(FTF)_ [KAZREB] #  note
+TESTLAND_LIBERATION_ARMY_

NORTHERN_ARMY_(NORLAND)_ [NORREB]
"""

AGENTS = """\
!PERSON! = MAN, MEN, WOMAN, WOMEN
POLICE {} [~COP]
PAPER_WORKER [~LAB]
FERRY {} [~BUS]
ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOVATG]
TEST!PERSON! [~AGR]
HUMAN_RIGHTS_BODY  [NGO~]
BROKEN_AGENT [GOV
"""


def _texts() -> dict[str, list[str]]:
    return {"Countries": COUNTRIES.splitlines(), "International": INTERNATIONAL.splitlines(),
            "MilNonState": MILNONSTATE.splitlines()}


@pytest.fixture(scope="module")
def result():
    return convert_texts(_texts(), AGENTS.splitlines())


def by_name(result, name):
    return next(a for a in result["actors"] if a["name"] == name)


def test_convert_dates_follow_petrarch_rules():
    assert parse_date("940315") == "1994-03-15"
    assert parse_date("250101") == "2025-01-01"   # 00-30 are 20YY
    assert parse_date("20120219") == "2012-02-19"
    with pytest.raises(ValueError):
        parse_date("2004017")
    assert parse_code("KAZGOV 940315-991231") == ("KAZGOV", "1994-03-15", "1999-12-31")
    assert parse_code("NORGOV >20120219") == ("NORGOV", "2012-02-19", None)
    assert parse_code("USRKAZ <911216") == ("USRKAZ", None, "1991-12-16")
    assert parse_code("---") is None


def test_convert_person_with_dated_roles(result):
    ivan = by_name(result, "Ivan Testovich")
    assert ivan["name"] == "Ivan Testovich" and ivan["aliases"] == ["I. Testovich"]
    assert ivan["type"] == "person" and ivan["country"] == "KAZ"
    assert [(r["cameo"], r["start"], r["end"]) for r in ivan["roles"]] == [
        ("KAZELI", "1950-01-01", "1994-03-15"), ("KAZGOV", "1994-03-15", "1999-12-31"),
        ("KAZGOVMED", "2000-01-01", None)]
    assert ivan["src"] == "Countries:10"


def test_convert_every_name_above_one_code_block_is_one_actor(result):
    # CountryInfo lists a person's names one per line above their shared code block
    anna = by_name(result, "Anna Exampleva")
    assert anna["aliases"] == ["Anna B. Exampleva", "Exampleva", "President Anna Exampleva"]
    assert [r["start"] for r in anna["roles"]] == ["1970-01-01", "1995-01-01"]
    assert [a["name"] for a in result["actors"] if "Exampleva" in a["name"]] == ["Anna Exampleva"]


def test_convert_maps_cameo_countries_to_iso_and_keeps_the_code(result):
    hanako = by_name(result, "Hanako Testa")
    assert hanako["country"] == "JPN" and hanako["cameo"] == "JAPGOV" and hanako["sector"] == "GOV"
    book = CodeBook.load()
    assert book.split("USRKAZ")[0] == "SUN"
    assert book.split("MUSGOV")[0] == "MUS"         # Mauritius, though MUS is also "Muslim"
    assert book.split("KAZGOVMED")[:2] == ("KAZ", "GOV")
    assert book.split("IGOUNOKID")[:2] == (None, "IGO")


def test_convert_country_records_become_dated_country_names(result):
    places = {(p["name"], p["iso3"], p["end"]) for p in result["places"]}
    assert ("Oslovia City", "NOR", None) in places
    assert ("Krakozh Town", "SUN", "1991-12-16") in places      # part of the USSR until then
    assert ("Krakozh Town", "KAZ", None) in places


def test_convert_names_codes_and_groups(result):
    # a name line right above another, codes after both: one record with two names
    assert by_name(result, "President Paulsen")["aliases"] == ["Paulsen"]
    front = by_name(result, "Free Testland Front")
    assert front["type"] == "group" and front["country"] == "KAZ" and front["sector"] == "REB"
    assert "FTF" in front["aliases"] and "Testland Liberation Army" in front["aliases"]
    northern = by_name(result, "Northern Army")
    assert northern["aliases"] == []          # "(NORLAND)" is a place, not an acronym
    alliance = by_name(result, "Test Alliance")   # "THE_" dropped: text writes "the" in lower case
    assert alliance["type"] == "igo" and alliance["id"].startswith("ph-") and alliance["aliases"] == ["TAL"]
    guard = by_name(result, "Krakozhian National Guard")
    assert (guard["type"], guard["country"], guard["sector"]) == ("organ", "KAZ", "MIL")
    assert by_name(result, "Acme Widgets Inc")["sector"] == "BUS"
    maria = by_name(result, "Maria Example")
    assert maria["type"] == "person" and maria["id"].startswith("p-")
    assert [r["cameo"] for r in maria["roles"]] == ["USAGOV", "IGOUNOKID"]


def test_convert_reports_what_it_cannot_parse_with_file_and_line(result):
    problems = {p["where"]: p["why"] for p in result["problems"]}
    assert "not a date" in problems["Countries:21"]
    assert problems["Countries:26"] == "no code"
    assert "bad phrase" in problems["International:5"]
    assert "agents:8" in problems
    assert len(result["problems"]) == 5          # the rest of each file was read


def test_convert_agents_plurals_and_substitutions(result):
    agents = {a["phrase"]: a for a in result["agents"]}
    assert agents["police"]["plurals"] == [] and agents["police"]["sector"] == "COP"
    assert agents["paper worker"]["plurals"] == ["paper workers"] and agents["paper worker"]["sector"] == "LAB"
    assert agents["attorney general"]["plurals"] == ["attorneys general"]
    assert {"testman", "testwomen"} <= set(agents)
    assert agents["human rights body"]["position"] == "before"
    assert agents["human rights body"]["plurals"] == ["human rights bodies"]


def _write_source(folder: Path) -> None:
    folder.mkdir()
    for label, text in (("Countries", COUNTRIES), ("International", INTERNATIONAL),
                        ("MilNonState", MILNONSTATE)):
        (folder / ACTOR_FILES[label]).write_text(text, encoding="utf-8")
    (folder / AGENT_FILE).write_text(AGENTS, encoding="utf-8")


def test_convert_is_deterministic_and_carries_the_notice(tmp_path):
    _write_source(tmp_path / "src")
    report = convert(tmp_path / "src", tmp_path / "a")
    convert(tmp_path / "src", tmp_path / "b")
    for name in ("actors.tsv", "countries.tsv", "agents.tsv", "report.json", "NOTICE"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name
    notice = (tmp_path / "a" / "NOTICE").read_text()
    assert SOURCE_COMMIT in notice and "MIT License" in notice
    # Phoenix says Vladimir Putin governed Norland: parley's own record disagrees and wins
    conflict = next(c for c in report["conflicts"] if c["name"] == "Vladimir Putin")
    assert conflict["parley_country"] == ["RUS"] and conflict["kept"] == "parley"


def test_convert_missing_file_is_a_clear_error(tmp_path):
    from parley.convert.petrarch_actors import ConversionError

    (tmp_path / "empty").mkdir()
    with pytest.raises(ConversionError, match="Phoenix.Countries.actors.txt"):
        convert(tmp_path / "empty", tmp_path / "out")


@pytest.fixture(scope="module")
def layered_kb(tmp_path_factory):
    """parley's hand-written files with the snippet's conversion as the Phoenix layer."""
    from parley.actors.kb import DATA_DIR, load_kb

    root = tmp_path_factory.mktemp("kb")
    data = root / "actors"
    data.mkdir()
    for f in DATA_DIR.iterdir():
        if f.is_file():
            shutil.copy(f, data / f.name)
    _write_source(root / "src")
    convert(root / "src", data / "phoenix")
    return load_kb(data)


def test_layers_parley_wins_and_phoenix_roles_hold_on_the_date(layered_kb):
    from parley.actors.mentions import lookup

    putin = lookup(layered_kb, "Vladimir Putin", date(2000, 6, 1))[0]
    assert putin["source"] == "parley" and putin["country"] == "RUS"
    ivan_1996 = lookup(layered_kb, "Ivan Testovich", date(1996, 1, 1))[0]
    assert (ivan_1996["source"], ivan_1996["country"], ivan_1996["sector"]) == ("phoenix", "KAZ", "GOV")
    ivan_1980 = lookup(layered_kb, "Ivan Testovich", date(1980, 1, 1))[0]
    assert ivan_1980["sector"] == "ELI"
    assert lookup(layered_kb, "Oslovia City")[0]["id"] == "NOR"
    assert layered_kb.words[("paper", "workers")]["sector"] == "LAB"
    assert layered_kb.words[("police",)].get("source") is None      # parley's own word kept
