"""Concurrency: readers keep answering while an ingest writes, and two ingests do not corrupt a database (issue 10).

DuckDB lets one process hold a file for writing; readers in other processes retry for a
while (``parley.store.open_db``) and then give up with :class:`~parley.store.DatabaseBusy`.
Every answer must be data or a clear "busy" message (CLI exit 1, HTTP 503): never a traceback.
"""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
import threading
import time
from itertools import islice

import pytest
from fastapi.testclient import TestClient

from parley.store.check import check
from parley.ingest import Rejected, iter_records, prepare
from parley.store import connection, queries
from parley.web.app import create_app

ARTICLES = 500  # the ingest must outlast several of the writer's hold windows (engine.HOLD_SECONDS, 5 s)
BUSY = "database is busy"
PAUSE = {"cli": 0.0, "web": 0.5}  # the in-process web reader must not starve the writer and the CLI of CPU

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def bench_lines(bench_news_path) -> list[str]:
    with gzip.open(bench_news_path, "rt", encoding="utf-8") as source:
        return list(islice(source, ARTICLES))


def _corpus(folder, name: str, lines: list[str]):
    path = folder / name
    path.write_text("".join(lines), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def bench_corpus(tmp_path_factory, bench_lines):
    return _corpus(tmp_path_factory.mktemp("concurrency"), "news.jsonl", bench_lines)


def _parley(*args) -> list[str]:
    return [sys.executable, "-m", "parley", *map(str, args)]


def _stored_ids(db) -> list[str]:
    with connection(db, read_only=True) as conn:
        return [d["id"] for d in queries.list_documents(conn)]


def _cli_answer(db) -> str:
    """Run ``parley docs --json``: "data" or "busy"; anything else fails the test."""
    done = subprocess.run(_parley("docs", "--json", "--db", db), capture_output=True, text=True, timeout=120)
    assert "Traceback" not in done.stderr, done.stderr
    if done.returncode == 0:
        assert isinstance(json.loads(done.stdout), list)
        return "data"
    assert done.returncode == 1 and BUSY in done.stderr, (done.returncode, done.stderr)
    return "busy"


def _web_answer(client: TestClient, path: str) -> str:
    """Ask the web app (in this process): "data" or "busy"; a server error raises here."""
    response = client.get(path)
    if response.status_code == 200:
        assert isinstance(response.json(), (list, dict))
        return "data"
    assert response.status_code == 503 and "busy" in response.text.lower(), (response.status_code, response.text)
    return "busy"


@pytest.fixture(scope="module")
def ingest_with_readers(tmp_path_factory, bench_corpus):
    """Ingest the corpus in a subprocess while the CLI and the web app read the same file."""
    db = tmp_path_factory.mktemp("readers") / "talks.duckdb"
    writer = subprocess.Popen(_parley("ingest", bench_corpus, "--db", db), stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True)
    answers: dict[str, list[str]] = {"cli": [], "web": []}
    while not db.exists() and writer.poll() is None:
        time.sleep(0.1)
    client = TestClient(create_app(db))
    readers = {"cli": lambda: _cli_answer(db),
               "web": lambda: [_web_answer(client, "/documents.json"), _web_answer(client, "/events.json")]}
    failures: list[BaseException] = []

    def keep_reading(kind: str) -> None:
        # each reader kind polls on its own thread, so a reader waiting out a busy file
        # (up to BUSY_WAIT_SECONDS) does not hold back the other kind
        try:
            while writer.poll() is None:
                answer = readers[kind]()
                if writer.poll() is None:  # count only answers given while the ingest still wrote
                    answers[kind].extend(answer if isinstance(answer, list) else [answer])
                time.sleep(PAUSE[kind])
        except BaseException as error:  # an assertion in a thread must fail the test
            failures.append(error)

    threads = [threading.Thread(target=keep_reading, args=(kind,)) for kind in readers]
    for thread in threads:
        thread.start()
    out, errors = writer.communicate()
    for thread in threads:
        thread.join()
    if failures:
        raise failures[0]
    print("answers during ingest:", {k: {a: v.count(a) for a in set(v)} for k, v in answers.items()})
    return db, writer.returncode, errors, answers


def test_concurrency_readers_answer_during_ingest(ingest_with_readers):
    db, returncode, errors, answers = ingest_with_readers
    assert returncode == 0 and "Traceback" not in errors, errors
    # the readers did run while the ingest wrote
    assert len(answers["cli"]) >= 3 and len(answers["web"]) >= 3, answers
    assert "data" in answers["cli"] + answers["web"], answers
    assert len(_stored_ids(db)) > ARTICLES * 0.9
    assert [p.as_dict() for p in check(db)] == []


def _document_ids(path) -> set[str]:
    """The ids the documents of ``path`` get (cleaning only, no NLP)."""
    return {doc.id for doc in map(prepare, iter_records([str(path)])) if not isinstance(doc, Rejected)}


def test_concurrency_two_ingests_one_database(tmp_path, bench_lines):
    db = tmp_path / "twice.duckdb"
    # overlapping parts: the articles in both must still be stored once
    halves = [_corpus(tmp_path, "first.jsonl", bench_lines[:40]), _corpus(tmp_path, "second.jsonl", bench_lines[25:60])]
    both = _corpus(tmp_path, "both.jsonl", bench_lines[:60])
    expected = _document_ids(both)
    runs = [subprocess.Popen(_parley("ingest", half, "--db", db), stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True) for half in halves]
    results = [(run.wait(timeout=900), run.stderr.read()) for run in runs]
    print("two ingests:", [(code, errors.strip()[-200:]) for code, errors in results])
    for code, errors in results:
        assert "Traceback" not in errors, errors
        assert code == 0 or (code == 1 and BUSY in errors), (code, errors)
    if any(code for code, _ in results):  # the one that gave up finishes the job when run again
        again = subprocess.run(_parley("ingest", both, "--db", db), capture_output=True, text=True)
        assert again.returncode == 0 and "Traceback" not in again.stderr, again.stderr
    stored = _stored_ids(db)
    assert len(stored) == len(set(stored)), "a document stored twice"
    assert set(stored) == expected
    checked = subprocess.run(_parley("check", "--db", db), capture_output=True, text=True)
    assert checked.returncode == 0, checked.stdout + checked.stderr
