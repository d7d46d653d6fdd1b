"""Discovered processes in the CLI and on the web (issue 20, item 6): a small corpus written for this
test, through the whole pipeline into a real DuckDB file."""

from __future__ import annotations

import json
import re

import pytest
from fastapi.testclient import TestClient

from parley.engine import ingest
from parley.web.app import create_app
from tests.conftest import assert_sound

ARTICLES = [
    ("a1", "2016-04-03", "Chile and Peru held border talks in Doha on Saturday. "
     "Chile said the talks with Peru were calm, and Peru agreed."),
    ("a2", "2016-09-10", "Chile and Peru held a new round of border talks in Doha on Friday. "
     "Peru said Chile had moved closer on the maritime line."),
    ("a3", "2016-09-11", "Border talks between Chile and Peru ended in Doha on Friday without a deal, "
     "Chile said."),
]


@pytest.fixture(scope="module")
def browse_db(tmp_path_factory):
    folder = tmp_path_factory.mktemp("browse")
    corpus = folder / "talks.jsonl"
    corpus.write_text("".join(json.dumps({"id": i, "date": d, "title": f"Border talks {i}", "text": t}) + "\n"
                              for i, d, t in ARTICLES), encoding="utf-8")
    path = folder / "browse.duckdb"
    assert ingest([str(corpus)], path).stored == 3
    assert_sound(path)
    return path


def test_process_browse_cli_lists_the_discovered_track(cli, browse_db):
    records = json.loads(cli("processes", "--json", "--db", browse_db).stdout)
    track = next(r for r in records if set(r.get("parties") or []) == {"CHL", "PER"})
    assert track["discovered"] and len(track["meetings"]) == 2
    assert (track["start"], track["end"]) == ("2016-04-02", "2016-09-09")
    table = cli("processes", "--db", browse_db).stdout
    assert track["id"] in table and "discovered" in table


def test_process_browse_web_home_and_timeline(browse_db):
    client = TestClient(create_app(browse_db))
    data = client.get("/.json").json()
    track = next(p for p in data["processes"] if set(p["parties"]) == {"CHL", "PER"})
    assert track["n_meetings"] == 2 and track["discovered"]
    assert (track["first"], track["last"]) == ("2016-04-02", "2016-09-09")
    home = client.get("/").text
    assert f'href="/processes/{track["id"]}"><strong>{track["name"]}</strong>' in home
    assert "2 meetings · 2016-04-02 – 2016-09-09" in home
    timeline = client.get(f"/processes/{track['id']}.json").json()["timeline"]
    assert [m["start"] for m in timeline] == ["2016-04-02", "2016-09-09"]
    assert {m["venue"] for m in timeline} == {"Doha"}
    page = client.get(f"/processes/{track['id']}")
    assert page.status_code == 200 and 'id="timeline" class="chart" data-chart="timeline"' in page.text
    drawn = re.search(r'<script type="application/json" id="timeline-data">(.*?)</script>', page.text, re.S)
    assert [m["id"] for m in json.loads(drawn.group(1))["marks"]] == [m["id"] for m in timeline]
