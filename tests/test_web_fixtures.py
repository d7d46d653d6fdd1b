"""The database the web tests drive: the five seeds, the demo corpus and a hostile document.

It is built once per test process by the real ingest (``Database.ingest``, the whole
pipeline) and shared by tests/test_web.py and tests/test_web_browser.py. This module holds
fixtures only.
"""

from __future__ import annotations

import atexit
import csv
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Iterator

import httpx
import pytest
from conftest import REPO, SEEDS, assert_sound
from fastapi.testclient import TestClient

from parley.api import Database
from parley.web.app import create_app

SAMPLE = REPO / "parley" / "data" / "sample"
# Publication dates of the seeds (what a manifest would say).
SEED_DATES = {"000": "2023-06-21", "001": "2024-01-19", "002": "2023-06-26", "003": "2017-02-17", "004": "2023-06-22"}
XSS_ID = "xss-1"
XSS_RECORD = {
    "id": XSS_ID, "date": "2024-02-01", "url": "javascript:window.__xss=3",
    "title": '<img src=x onerror="window.__xss=1">Talks <b>resume</b>',
    "outlet": "<script>window.__xss=2</script>Wire",
    "text": ("Russia and Iran met in Astana on Tuesday. <script>window.__xss = 1; alert('xss')</script> "
             'The envoy said the talks <img src=x onerror="window.__xss=4"> went well.\n'
             "Turkey said it would attend the next round in Astana."),
}


def _seed_manifest(directory: Path) -> Path:
    manifest = directory / "seeds.csv"
    with open(manifest, "w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle)
        out.writerow(["file", "date"])
        for path in sorted(SEEDS.glob("*.txt")):
            out.writerow([str(path), SEED_DATES.get(path.name[:3], "")])
    return manifest


@lru_cache(maxsize=1)
def web_database() -> Path:
    """Build (once per process) and return the web tests' database file.

    :returns: the path of a DuckDB file holding the seeds, the demo corpus and :data:`XSS_RECORD`.
    """
    directory = Path(tempfile.mkdtemp(prefix="parley-web-"))
    atexit.register(shutil.rmtree, directory, True)
    path = directory / "web.duckdb"
    hostile = directory / "hostile.jsonl"
    hostile.write_text(json.dumps(XSS_RECORD) + "\n", encoding="utf-8")
    db = Database(path)
    for paths, manifest in [([str(SEEDS)], _seed_manifest(directory)), ([str(SAMPLE)], SAMPLE / "manifest.csv"),
                            ([str(hostile)], None)]:
        db.ingest(paths, manifest=manifest)
        assert_sound(path)
    return path


@pytest.fixture(scope="module")
def db_path():
    return web_database()


@pytest.fixture(scope="module")
def db(db_path):
    return Database(db_path)


@pytest.fixture(scope="module")
def client(db_path):
    return TestClient(create_app(db_path))


@contextmanager
def served_app(db_path: Path, *options: str) -> Iterator[tuple[subprocess.Popen, str]]:
    """``parley serve`` (with ``options``) over ``db_path`` in a subprocess on a free port, until
    the block ends; yields the process and its base URL once it answers."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "parley", "serve", "--db", str(db_path), "--port", str(port),
                               *options], cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                              start_new_session=True)
    base, deadline = f"http://127.0.0.1:{port}", time.monotonic() + 90
    try:
        while True:
            try:
                if httpx.get(f"{base}/-/versions.json", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if server.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"parley serve did not start: {server.stdout.read() if server.poll() is not None else ''}")
            time.sleep(0.2)
        yield server, base
    finally:
        # the whole process group: a server with workers has child processes
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
