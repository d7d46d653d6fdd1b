"""The CLI: help on every command, --json listings with their core fields, inspect, code, check."""

from __future__ import annotations

import json

import pytest
import typer.main

from parley.cli import app

COMMANDS = sorted(c.name for c in typer.main.get_command(app).commands.values())
LISTINGS = {
    "docs": {"id", "title", "outlet", "url", "published", "published_inferred", "published_window"},
    "actors": {"id", "name", "aliases", "country", "sector", "cameo", "roles"},
    "events": {"id", "event_type", "cameo", "modality"},
    "meetings": {"id", "process", "ordinal", "start", "end", "venue", "host", "status", "participants",
                 "outcomes", "sources"},
    "processes": {"id", "name"},
    "claims": {"id", "quantity", "claims", "verdict", "reason"},
    "quarantine": {"id", "source", "reason"},
}


@pytest.mark.parametrize("command", COMMANDS)
def test_cli_every_command_has_help_with_example(cli, command):
    result = cli(command, "--help")
    assert result.exit_code == 0, result.output
    assert "Example" in result.output


@pytest.mark.parametrize("command", sorted(LISTINGS))
def test_cli_listing_json_has_core_fields(cli, seeds_db, command):
    result = cli(command, "--json", "--db", seeds_db)
    assert result.exit_code == 0, result.output
    records = json.loads(result.stdout)
    assert isinstance(records, list)
    if command != "quarantine":
        assert records, f"{command} listed nothing for the seeds"
    for record in records:
        assert LISTINGS[command] <= set(record), LISTINGS[command] - set(record)


def test_cli_show_and_timeline(cli, seeds_db):
    docs = json.loads(cli("docs", "--json", "--db", seeds_db).stdout)
    shown = json.loads(cli("show", docs[0]["id"][:8], "--json", "--db", seeds_db).stdout)
    assert shown["id"] == docs[0]["id"] and shown["text"]
    timeline = cli("timeline", "astana", "--db", seeds_db)
    assert timeline.exit_code == 0 and "round 20" in timeline.stdout and "round 21" in timeline.stdout


@pytest.mark.parametrize("args, message", [
    (("show", "nope", "--db", "{db}"), "no document"),
    (("actor", "NOPE", "--db", "{db}"), "no actor"),
    (("docs", "--db", "missing.duckdb"), "no such database"),
])
def test_cli_errors_are_messages_not_tracebacks(cli, seeds_db, args, message):
    result = cli(*[a.format(db=seeds_db) for a in args])
    assert result.exit_code == 1
    assert message in result.output and "Traceback" not in result.output


def test_cli_inspect_reports_every_section(cli, seeds_dir):
    seed = next(seeds_dir.glob("001_*.txt"))
    result = cli("inspect", seed)
    report = json.loads(result.stdout)
    assert set(report) == {"document", "sentences", "mentions", "times", "places", "events", "claims", "meetings"}
    text_len = report["document"]["chars"]
    for section in ("mentions", "times", "places", "events", "claims"):
        assert report[section], section
    for item in report["mentions"] + report["times"] + report["places"]:
        assert 0 <= item["char_start"] < item["char_end"] <= text_len
    assert all({"start", "end", "precision"} <= set(t) for t in report["times"])
    assert all({"geonameid", "name", "country", "lat", "lon"} <= set(p) for p in report["places"])


def test_cli_code_one_line_per_record(cli):
    lines = [{"id": "a", "text": "Russia and Iran met in Astana on Tuesday.", "date": "2024-01-25"},
             {"id": "b", "text": "Turkey demanded that Syria release the detainees.", "date": "2024-01-25"}]
    stdin = "\n".join(json.dumps(r) for r in lines) + "\n{broken\n"
    result = cli("code", "-", input=stdin)
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o["id"] for o in out] == ["a", "b"]
    assert out[0]["events"][0]["event_type"] == "CONSULT"
    assert out[1]["events"][0]["event_type"] == "REQUEST"
    assert "3: not JSON" in result.stderr


def test_cli_check_passes_on_seeds(cli, seeds_db):
    result = cli("check", "--db", seeds_db)
    assert result.exit_code == 0 and "all checks passed" in result.stdout
