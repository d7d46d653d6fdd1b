"""`parley ingest` on a hostile corpus: non-zero exit, summary counts, a second run stores nothing new."""

from __future__ import annotations

import json
from collections import Counter

import pytest
from typer.testing import CliRunner

from parley.cli import app
from test_ingest_bad_input import HOSTILE

# Inputs that are bad whatever the size limit (the CLI runs with the default limit).
BAD = ["empty.txt", "blank.html", "empty.jsonl.gz", "photo.txt", "nul.txt", "corrupt.txt.gz", "french.txt",
       "french.jsonl", "promo.txt", "broken.jsonl"]
GOOD = [name for name, (_, expected) in HOSTILE.items() if expected == "ok"]


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name in GOOD + BAD:
        (folder / name).write_bytes(HOSTILE[name][0])
    (folder / "manifest.csv").write_text("file,date,outlet\ncp1251.txt,2024-01-25,Manifest Wire\n")
    return folder


def expected_reasons() -> Counter:
    reasons: Counter = Counter()
    for name in BAD:
        expected = HOSTILE[name][1]
        for reason in expected if isinstance(expected, list) else [expected]:
            reasons[reason] += reason != "ok"
    reasons["missing_path"] += 1
    # under the default size limit the over-long line of broken.jsonl is read: one word repeated,
    # it is flagged as not English instead
    reasons["non_english"] += reasons.pop("too_large")
    return +reasons


def run_ingest(corpus, db):
    result = CliRunner().invoke(app, ["ingest", str(corpus), str(corpus / "missing.txt"), "--db", str(db),
                                      "--manifest", str(corpus / "manifest.csv"), "--clean-only", "--json"])
    return result, json.loads(result.stdout)


def test_ingest_cli_hostile_corpus(corpus, db_path):
    result, summary = run_ingest(corpus, db_path)
    assert result.exit_code == 1
    # the six good.* files and the two good lines of broken.jsonl clean to the same text: one is
    # stored and seven are exact duplicates; the three encoding samples are stored
    assert (summary["stored"], summary["duplicates"]) == (4, 7)
    assert Counter(p["reason"] for p in summary["problems"]) == expected_reasons()
    assert summary["quarantined"] == sum(expected_reasons().values())
    assert "photo.txt" in result.stderr and "binary" in result.stderr

    listed = CliRunner().invoke(app, ["quarantine", "--db", str(db_path), "--json"])
    assert Counter(q["reason"] for q in json.loads(listed.stdout)) == expected_reasons()
    docs = json.loads(CliRunner().invoke(app, ["docs", "--db", str(db_path), "--json"]).stdout)
    assert len(docs) == 4
    (cp1251,) = [d for d in docs if d["source"].endswith("cp1251.txt")]
    assert (cp1251["outlet"], cp1251["published"]) == ("Manifest Wire", "2024-01-25")


def test_ingest_cli_second_run_stores_nothing_new(corpus, db_path):
    _, first = run_ingest(corpus, db_path)
    result, second = run_ingest(corpus, db_path)
    assert result.exit_code == 1  # the bad files are still bad
    assert second["stored"] == 0
    # files stored whole are skipped unread; files with problems are read again and reported again
    assert second["unchanged_files"] > 0 and second["quarantined"] == first["quarantined"]
    listed = CliRunner().invoke(app, ["quarantine", "--db", str(db_path), "--json"])
    assert len(json.loads(listed.stdout)) == first["quarantined"]


def test_ingest_cli_clean_corpus_exits_zero(seeds_dir, db_path):
    result = CliRunner().invoke(app, ["ingest", str(seeds_dir), "--db", str(db_path), "--clean-only", "--json"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["stored"] == 5
