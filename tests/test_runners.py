"""The process pool and the Dask engine store exactly what the local engine stores (issue 8)."""

from __future__ import annotations

import pytest

from parley.engine import ingest
from parley.store import connection

COMPARED = {
    "documents": "SELECT id, title, published, published_inferred, text FROM documents ORDER BY id",
    "mentions": "SELECT doc_id, idx, char_start, char_end, actor_id FROM mentions ORDER BY doc_id, idx",
    "times": "SELECT doc_id, idx, start, \"end\", precision FROM times ORDER BY doc_id, idx",
    "places": "SELECT doc_id, idx, geonameid FROM places ORDER BY doc_id, idx",
    "events": "SELECT event_id, event_type, cameo, modality, actor_ids, n_mentions FROM events ORDER BY event_id",
    "meetings": "SELECT id, ordinal, start, \"end\", status, n_sources FROM meetings ORDER BY id",
    "claim_groups": "SELECT id, verdict FROM claim_groups ORDER BY id",
}


def _snapshot(db_path) -> dict[str, list]:
    with connection(db_path, read_only=True) as conn:
        return {table: conn.execute(sql).fetchall() for table, sql in COMPARED.items()}


@pytest.fixture(scope="module")
def local_snapshot(tmp_path_factory, seeds_dir):
    db = tmp_path_factory.mktemp("local") / "local.duckdb"
    summary = ingest([str(seeds_dir)], db)
    assert summary.stored == 5
    return _snapshot(db)


@pytest.mark.slow
@pytest.mark.parametrize("engine, workers", [("local", 2), ("dask", 2)])
def test_runners_same_results_as_local_engine(tmp_path, seeds_dir, local_snapshot, engine, workers):
    db = tmp_path / f"{engine}.duckdb"
    summary = ingest([str(seeds_dir)], db, engine=engine, workers=workers, batch_size=2)
    assert summary.stored == 5 and not summary.quarantined
    snapshot = _snapshot(db)
    assert all(local_snapshot[table] for table in ("documents", "mentions", "events", "meetings"))
    for table in COMPARED:
        assert snapshot[table] == local_snapshot[table], table


def test_worker_pipeline_built_per_config():
    from parley.runners import worker_pipeline

    rules = worker_pipeline(("parley_nlp",))
    model = worker_pipeline(("parley_nlp",), {"parley_nlp": {"ner": "all"}})
    assert rules is worker_pipeline(("parley_nlp",))
    assert (rules.components[0].ner, model.components[0].ner) == ("rules", "all")


def test_ingest_ner_option(cli, tmp_path, seeds_dir):
    """`--ner all` runs the model's recogniser (the same sentences, other names); a bad value is refused."""
    seed = sorted(seeds_dir.glob("000*"))[0]
    for mode in ("rules", "all"):
        db = tmp_path / f"{mode}.duckdb"
        result = cli("ingest", seed, "--db", db, "--ner", mode, "--json")
        assert result.exit_code == 0, result.output
        with connection(db, read_only=True) as conn:
            assert conn.execute("SELECT count(*) FROM sentences").fetchone()[0] > 5
            assert conn.execute("SELECT count(*) FROM mentions").fetchone()[0] > 5
    bad = cli("ingest", seed, "--db", tmp_path / "bad.duckdb", "--ner", "spacy")
    assert bad.exit_code != 0 and "--ner must be one of" in bad.output


@pytest.mark.slow
def test_pool_workers_know_the_people_learned_before_the_run(tmp_path, seeds_dir):
    """The actors learned by an earlier ingest reach each pool worker once, when it starts."""
    db = tmp_path / "known.duckdb"
    ingest([str(next(seeds_dir.glob("001_*.txt")))], db)
    with connection(db, read_only=True) as conn:
        assert conn.execute("SELECT count(*) FROM actors WHERE id = 'p-kanat-tumish' AND source = 'text'"
                            ).fetchone()[0] == 1
    later = tmp_path / "later.txt"
    later.write_text("Briefing\n\nKanat Tumysh answered questions from journalists about the next round "
                     "and about the ceasefire monitors, and he said the guarantors would meet again soon.\n",
                     encoding="utf-8")
    assert ingest([str(later)], db, workers=2).stored == 1
    with connection(db, read_only=True) as conn:
        found = conn.execute("SELECT m.actor_id FROM mentions m JOIN documents d ON d.id = m.doc_id "
                             "WHERE d.source LIKE '%later.txt' AND m.text = 'Kanat Tumysh'").fetchall()
    assert found == [("p-kanat-tumish",)]
