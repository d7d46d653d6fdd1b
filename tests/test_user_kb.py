"""A user's knowledge file: checked line by line, loaded above parley's and Phoenix's, used by
``parley ingest --kb`` and shown with its source in ``parley actors``."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from parley.actors.kb import load_kb
from parley.actors.mentions import lookup
from parley.actors.user_kb import UserKBError, read_user_kb

REPO = Path(__file__).resolve().parents[1]

GOOD_YAML = """\
actors:
  - name: Zarina Testbekova
    aliases: [Testbekova]
    country: KAZ
    sector: GOV
    role: deputy foreign minister
    from: 2021-03-01
  - name: Zarina Testbekova
    country: KAZ
    sector: ELI
    from: 2015-01-01
    to: 2021-02-28
  - name: Vladimir Putin
    country: BLR
    sector: GOV
    role: president
    from: 2030-01-01
"""


@pytest.fixture
def good_file(tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text(GOOD_YAML, encoding="utf-8")
    return path


def test_user_kb_reads_yaml_with_dated_roles(good_file):
    actors = read_user_kb(good_file, {"KAZ", "RUS", "BLR"}, {"GOV", "ELI"})
    zarina = next(a for a in actors if a["name"] == "Zarina Testbekova")
    assert zarina["aliases"] == ["Testbekova"] and zarina["source"] == "user"
    assert [(r["sector"], r["start"], r["end"]) for r in zarina["roles"]] == [
        ("GOV", "2021-03-01", None), ("ELI", "2015-01-01", "2021-02-28")]


def test_user_kb_reports_every_bad_line_and_loads_nothing(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("actors:\n  - name: A Person\n    country: XXX\n  - name: B Person\n    sector: GOV\n"
                   "    from: 2020-13-01\n  - country: RUS\n  - name: C Person\n    colour: blue\n",
                   encoding="utf-8")
    with pytest.raises(UserKBError) as caught:
        read_user_kb(bad, {"RUS"}, {"GOV"})
    assert caught.value.problems == [
        f"{bad}:2: country 'XXX' is not an ISO 3166 alpha-3 code parley knows",
        f"{bad}:4: from '2020-13-01' is not an ISO date (YYYY-MM-DD)",
        f"{bad}:7: name is missing",
        f"{bad}:8: unknown field(s) colour"]
    with pytest.raises(UserKBError):
        load_kb(user=bad)
    assert "p-a-person" not in load_kb(user="").actors          # nothing half-loaded


def test_user_kb_csv_names_the_line(tmp_path):
    path = tmp_path / "mine.csv"
    path.write_text("name,aliases,country,sector,from,to\nKanat Testov,Testov|K. Testov,KAZ,GOV,2020-01-01,\n"
                    "Ardak Testov,,KAZ,XYZ,,\n", encoding="utf-8")
    with pytest.raises(UserKBError, match=r"mine.csv:3: sector 'XYZ'"):
        read_user_kb(path, {"KAZ"}, {"GOV"})
    path.write_text("name,aliases,country,sector,from,to\nKanat Testov,Testov|K. Testov,KAZ,GOV,2020-01-01,\n",
                    encoding="utf-8")
    (actor,) = read_user_kb(path, {"KAZ"}, {"GOV"})
    assert actor["aliases"] == ["Testov", "K. Testov"] and actor["roles"][0]["start"] == "2020-01-01"


def test_user_kb_wins_over_parley_and_holds_by_date(good_file):
    kb = load_kb(user=good_file)
    assert lookup(kb, "Zarina Testbekova", date(2022, 5, 1))[0]["sector"] == "GOV"
    assert lookup(kb, "Zarina Testbekova", date(2016, 5, 1))[0]["sector"] == "ELI"
    putin = lookup(kb, "Vladimir Putin", date(2031, 1, 1))[0]
    assert (putin["source"], putin["country"]) == ("user", "BLR")
    assert lookup(load_kb(user=""), "Vladimir Putin", date(2031, 1, 1))[0]["source"] == "parley"


@pytest.mark.slow
def test_ingest_with_kb_shows_the_knowledge_source(tmp_path, good_file):
    text = tmp_path / "news.txt"
    text.write_text("Kazakh Deputy Foreign Minister Zarina Testbekova met Artur Rasizade in Baku on "
                    "Tuesday, the ministry said.\n", encoding="utf-8")
    db = tmp_path / "t.duckdb"
    env = dict(os.environ, PYTHONPATH=str(REPO))
    env.pop("PARLEY_USER_KB", None)
    run = subprocess.run([sys.executable, "-m", "parley", "ingest", str(text), "--db", str(db),
                          "--kb", str(good_file)], capture_output=True, text=True, env=env, cwd=REPO)
    assert run.returncode == 0, run.stderr
    listing = subprocess.run([sys.executable, "-m", "parley", "actors", "--json", "--db", str(db)],
                             capture_output=True, text=True, env=env, cwd=REPO)
    sources = {a["name"]: a["source"] for a in json.loads(listing.stdout)}
    assert sources["Zarina Testbekova"] == "user"
    assert sources["Artur Rasizade"] == "phoenix"
    bad = tmp_path / "bad.yaml"
    bad.write_text("actors:\n  - name: X Y\n    country: QQQ\n", encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "parley", "ingest", str(text), "--db", str(tmp_path / "u.duckdb"),
                          "--kb", str(bad)], capture_output=True, text=True, env=env, cwd=REPO)
    assert run.returncode == 1 and f"{bad}:2: country 'QQQ'" in run.stderr
    assert not (tmp_path / "u.duckdb").exists()
