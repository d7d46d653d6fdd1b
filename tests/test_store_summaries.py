"""Summary tables (parley.store.summaries): moved by each ingest's changes, they equal both a
full rebuild and the same counts taken directly from the events and mentions they summarise."""

from __future__ import annotations

import json
from datetime import date
import shutil
from pathlib import Path

import pytest

from parley.engine import ingest, rebuild
from parley.store import connection
from parley.store.summaries import LISTS, SUMMARY_TABLES, sort_list

SAMPLE = Path(__file__).resolve().parents[1] / "parley" / "data" / "sample"
PARTS = 3


def _tables(path: Path) -> dict[str, list[tuple]]:
    # the lists' rows whatever part they are in: a rebuild writes them all to their heads
    with connection(path, read_only=True) as conn:
        return {t: sorted(conn.execute(f"SELECT * {'EXCLUDE (part) ' if t in LISTS else ''}FROM {t}")
                          .fetchall(), key=repr) for t in SUMMARY_TABLES}


@pytest.fixture(scope="module")
def grown(tmp_path_factory) -> Path:
    """The sample corpus ingested in three runs, so that later runs re-cluster earlier events."""
    folder = tmp_path_factory.mktemp("summaries")
    articles = sorted(p for p in SAMPLE.iterdir() if p.name.startswith("article-"))
    path = folder / "grown.duckdb"
    for part in range(PARTS):
        files = folder / f"part{part}"
        files.mkdir()
        for article in articles[part::PARTS]:
            shutil.copy(article, files / article.name)
        shutil.copy(SAMPLE / "manifest.csv", files / "manifest.csv")
        ingest([str(files)], path, manifest=files / "manifest.csv")
    return path


def test_summaries_incremental_equal_full_rebuild(grown, tmp_path):
    incremental = _tables(grown)
    assert incremental["event_actors"] and incremental["actor_pairs"] and incremental["process_event_counts"]
    copy = tmp_path / "rebuilt.duckdb"
    shutil.copy(grown, copy)
    rebuild(copy)
    assert _tables(copy) == incremental


def test_event_list_head_in_list_order_after_three_ingests(grown):
    """event_list holds every event's list columns once; its head, read in the table's order,
    is in list order (date, undated last, then id), which the events list's pages rely on."""
    with connection(grown, read_only=True) as conn:
        head = conn.execute("SELECT date_start, event_id FROM event_list WHERE part = 0").fetchall()
        assert len(head) > 10
        assert head == sorted(head, key=lambda r: (r[0] is None, r[0] or 0, r[1]))
        listed = conn.execute("SELECT * EXCLUDE (part) FROM event_list ORDER BY event_id").fetchall()
        assert listed == conn.execute("SELECT event_id, event_type, mode, cameo, modality, date_start, date_end, "
                                      "date_precision, geonameid, place, place_country, lat, lon, actor_ids, "
                                      "recipient_ids, n_mentions, n_documents, confidence FROM events "
                                      "ORDER BY event_id").fetchall()


@pytest.mark.parametrize("tail", [False, True])
def test_document_list_pages_equal_the_query_over_documents(grown, tmp_path, tail):
    """Every page of the documents list read from document_list (its head in list order after
    three ingests, two documents undated, or with about half its rows moved to the tail) is the page of the query over
    the documents themselves (a copy without the table), with and without the lengths apart."""
    from parley.store import browse, listing

    listed, bare = tmp_path / "listed.duckdb", tmp_path / "bare.duckdb"
    shutil.copy(grown, listed)
    shutil.copy(grown, bare)
    for path in (listed, bare):
        # two undated documents (as a text without a date gives), listed last
        with connection(path) as conn:
            conn.execute("UPDATE documents SET published = NULL WHERE id IN (SELECT id FROM documents ORDER BY id "
                         "LIMIT 2)")
            sort_list(conn, "document_list")
    with connection(listed) as conn:
        head = conn.execute("SELECT published, id FROM document_list WHERE part = 0").fetchall()
        assert head[-1][0] is None
        assert len(head) == conn.execute("SELECT count(*) FROM documents").fetchone()[0] > 10
        assert head == sorted(sorted(head, key=lambda r: r[1]), key=lambda r: r[0] or date.min, reverse=True)
        if tail:
            conn.execute("UPDATE document_list SET part = 1 WHERE hash(id) % 2 = 0")
            assert conn.execute("SELECT count(*) FILTER (WHERE part = 1) > 2 FROM document_list").fetchone()[0]
    with connection(bare) as conn:
        conn.execute("DROP TABLE document_list")
    with connection(listed, read_only=True) as conn, connection(bare, read_only=True) as old:
        days, lengths = listing.document_days(conn), listing.document_lengths(conn)
        for limit in (1, 3):
            after, pages = None, 0
            while True:
                expected = browse.documents_page(old, after, limit)
                assert browse.documents_page(conn, after, limit) == expected, after
                assert listing.documents_page(conn, after, limit, days, lengths) == expected, after
                # as the web app reads them, knowing per state whether the list has a tail
                assert browse.list_tail(conn, "document_list") is tail
                assert listing.documents_page(conn, after, limit, days, lengths, tail) == expected, after
                after, pages = expected[1], pages + 1
                if not after:
                    break
            assert pages >= len(head) // limit


def test_first_mentions_rebuilt_in_parts_equal_one_pass(grown, tmp_path, monkeypatch):
    """A full rebuild that ranks the actors in several hash parts and reads the texts a few
    documents at a time (as a large corpus does) gives the rows of the incremental path."""
    from parley.store import summaries

    monkeypatch.setattr(summaries, "MENTIONS_PER_RANK", 40)
    monkeypatch.setattr(summaries, "DOCS_PER_PASS", 2)
    copy = tmp_path / "parts.duckdb"
    shutil.copy(grown, copy)
    with connection(copy) as conn:
        assert conn.execute("SELECT count(*) FROM mentions WHERE actor_id IS NOT NULL").fetchone()[0] > 3 * 40
    rebuild(copy)
    assert _tables(copy)["actor_first_mentions"] == _tables(grown)["actor_first_mentions"]


def test_summaries_count_what_they_summarise(grown):
    with connection(grown, read_only=True) as conn:
        summary = dict(((a, (m, e)) for a, m, e in conn.execute("SELECT * FROM actor_summary").fetchall()))
        mentions = dict(conn.execute("SELECT actor_id, count(*) FROM mentions WHERE actor_id IS NOT NULL "
                                     "GROUP BY 1").fetchall())
        events = dict(conn.execute("SELECT a, count(DISTINCT event_id) FROM (SELECT event_id, unnest(actor_ids) a "
                                   "FROM events UNION ALL SELECT event_id, unnest(recipient_ids) FROM events) "
                                   "WHERE a <> '?' GROUP BY 1").fetchall())
        assert {a: m for a, (m, _) in summary.items() if m} == mentions
        assert {a: e for a, (_, e) in summary.items() if e} == events
        by_type = dict(conn.execute("SELECT event_type, sum(n) FROM place_event_counts GROUP BY 1").fetchall())
        assert by_type == dict(conn.execute("SELECT event_type, count(*) FROM events WHERE geonameid IS NOT NULL "
                                            "GROUP BY 1").fetchall())
        # a pair counted from one side is counted from the other
        pairs = conn.execute("SELECT actor_id, other, event_type, n FROM actor_pairs").fetchall()
        assert {(a, b, t, n) for a, b, t, n in pairs} == {(b, a, t, n) for a, b, t, n in pairs}
        assert all(n > 0 for *_, n in pairs)


def test_summaries_built_for_a_database_from_before_them(grown, tmp_path):
    """``parley serve`` on a schema-0005 file migrates it and builds the summaries it reads."""
    from parley.store.summaries import bring_up_to_date

    expected = _tables(grown)
    old = tmp_path / "old.duckdb"
    shutil.copy(grown, old)
    with connection(old) as conn:
        for table in (*SUMMARY_TABLES, "summary_state", "meeting_pages_due"):
            conn.execute(f"DROP TABLE {table}")
        conn.execute("DELETE FROM schema_migrations WHERE name IN ('0006_summaries', '0007_document_stats', "
                     "'0008_document_terms', '0011_actor_first_mentions', '0012_event_actor_dates', "
                     "'0013_document_marks', '0014_event_days_and_sources', '0015_page_rows', "
                     "'0016_actor_overview_pages', '0017_meeting_pages', '0018_meeting_page_sources', '0019_document_list', "
                     "'0020_document_parts', '0021_document_parts_evidence', '0024_document_terms_keys')")
    assert bring_up_to_date(old) is True
    assert _tables(old) == expected
    assert bring_up_to_date(old) is False


def _served_as_the_derive_step_keeps(grown: Path, tmp_path: Path, *statements: str) -> None:
    # a copy of grown turned by statements into a file of an older schema: `parley serve` brings
    # it up to date, to the tables the derive step keeps, once
    from parley.store.summaries import bring_up_to_date

    expected = _tables(grown)
    old = tmp_path / "old.duckdb"
    shutil.copy(grown, old)
    with connection(old) as conn:
        for statement in statements:
            conn.execute(statement)
    assert bring_up_to_date(old) is True
    assert _tables(old) == expected
    assert bring_up_to_date(old) is False


def test_document_parts_laid_out_again_after_their_migration(grown, tmp_path):
    """A database of schema 0020 laid out by the first layout (no marks kept for a document of one
    part, no evidence) gets migration 0021 and every document laid out again by ``parley serve``,
    equal to what the derive step keeps."""
    with connection(grown, read_only=True) as conn:
        assert conn.execute("SELECT count(*) FROM document_parts WHERE len(marks) = 0").fetchone()[0] == 0
    _served_as_the_derive_step_keeps(
        grown, tmp_path, "UPDATE document_parts SET marks = []::VARCHAR[]",
        "DELETE FROM schema_migrations WHERE name = '0021_document_parts_evidence'")


def test_actor_overview_pages_filled_after_their_migration(grown, tmp_path):
    """A database of schema 0015 (an actor_overview row without the first page of events and
    the map, no event_list) gets migration 0016 and every actor's row from ``parley serve``,
    equal to what the derive step keeps."""
    _served_as_the_derive_step_keeps(
        grown, tmp_path, "DROP TABLE actor_overview", "DROP TABLE event_list",
        "CREATE TABLE actor_overview (actor_id VARCHAR PRIMARY KEY, quads VARCHAR, partners VARCHAR, "
        "first_events VARCHAR)",
        "INSERT INTO actor_overview SELECT actor_id, '[]', '[]', '[]' FROM actor_summary",    # 0015's
        "DELETE FROM schema_migrations WHERE name = '0016_actor_overview_pages'")


def test_first_mentions_filled_by_their_migration(grown, tmp_path):
    """A database from before ``actor_first_mentions`` gets it filled by migration 0011 alone
    (no rebuild of the other summaries), equal to what the derive step keeps."""
    from parley.store.summaries import bring_up_to_date

    expected = _tables(grown)["actor_first_mentions"]
    old = tmp_path / "old.duckdb"
    shutil.copy(grown, old)
    with connection(old) as conn:
        conn.execute("DROP TABLE actor_first_mentions")
        conn.execute("DELETE FROM schema_migrations WHERE name = '0011_actor_first_mentions'")
        conn.execute("DELETE FROM document_terms")     # a full rebuild would fill it again
    assert bring_up_to_date(old) is True
    tables = _tables(old)
    assert tables["actor_first_mentions"] == expected
    assert tables["document_terms"] == []


def test_first_mentions_are_each_actors_earliest(grown):
    """``actor_first_mentions`` holds, per actor, its FIRST_MENTIONS earliest mentions by the
    document's date, each with the title and the sentence that the document's text gives."""
    from parley.store.schema import FIRST_MENTIONS

    with connection(grown, read_only=True) as conn:
        kept = conn.execute("SELECT actor_id, doc_id, idx, published, title, sentence_text, char_start, char_end, "
                            "text FROM actor_first_mentions").fetchall()
        assert kept
        for actor_id, n in conn.execute("SELECT actor_id, count(*) FROM mentions WHERE actor_id IS NOT NULL "
                                        "GROUP BY 1").fetchall():
            mine = [r for r in kept if r[0] == actor_id]
            assert len(mine) == min(n, FIRST_MENTIONS)
            latest_kept = max((r[3] is None, r[3] or 0, r[1]) for r in mine)
            skipped = conn.execute(
                "SELECT d.published, m.doc_id FROM mentions m JOIN documents d ON d.id = m.doc_id "
                "WHERE m.actor_id = ? AND (m.doc_id, m.idx) NOT IN (SELECT (doc_id, idx) FROM actor_first_mentions "
                "WHERE actor_id = ?)", [actor_id, actor_id]).fetchall()
            assert all((p is None, p or 0, d) >= latest_kept for p, d in skipped)
        texts = dict(conn.execute("SELECT id, text FROM documents").fetchall())
        titles = dict(conn.execute("SELECT id, title FROM documents").fetchall())
        for _, doc_id, _, _, title, sentence, start, end, text in kept:
            assert title == titles[doc_id]
            assert texts[doc_id][start:end] == text and text in sentence and sentence in texts[doc_id]


def test_event_actors_carry_their_events_dates_and_place(grown):
    """Each row of ``event_actors`` has its event's dates and place (an actor's events are
    paged and mapped from them), after three ingests that moved the summaries incrementally."""
    with connection(grown, read_only=True) as conn:
        differing = conn.execute("""
            SELECT count(*) FROM event_actors a JOIN events e ON e.event_id = a.event_id
            WHERE a.date_start IS DISTINCT FROM e.date_start OR a.date_end IS DISTINCT FROM e.date_end
               OR a.geonameid IS DISTINCT FROM e.geonameid""").fetchone()[0]
        dated, placed, orphans = conn.execute(
            "SELECT count(date_start), count(geonameid), count(*) FILTER (WHERE event_id NOT IN "
            "(SELECT event_id FROM events)) FROM event_actors").fetchone()
    assert differing == 0 and orphans == 0 and dated > 0 and placed > 0


def test_event_actor_dates_filled_by_their_migration(grown, tmp_path):
    """A database from before migration 0012 (event_actors without dates, no first events or
    places per actor) gets them filled by the migration alone, equal to what the derive step keeps."""
    from parley.store.summaries import bring_up_to_date

    tables = ("event_actors", "actor_first_events", "actor_place_counts")
    expected = {t: _tables(grown)[t] for t in tables}
    assert all(expected.values())
    old = tmp_path / "old.duckdb"
    shutil.copy(grown, old)
    with connection(old) as conn:
        conn.execute("CREATE TABLE ea_old AS SELECT event_id, actor_id, side, event_type, period FROM event_actors")
        conn.execute("DROP INDEX event_actors_actor")
        conn.execute("DROP TABLE event_actors")
        conn.execute("ALTER TABLE ea_old RENAME TO event_actors")
        conn.execute("CREATE INDEX event_actors_actor ON event_actors (actor_id)")
        conn.execute("DROP TABLE actor_first_events")
        conn.execute("DROP TABLE actor_place_counts")
        conn.execute("DELETE FROM schema_migrations WHERE name = '0012_event_actor_dates'")
    # served read-only before it can be migrated, an actor's events come from the events table
    actor = expected["actor_first_events"][0][0]
    with connection(old, read_only=True) as conn:
        before = _actor_reads(conn, actor)
    assert bring_up_to_date(old) is True
    assert {t: _tables(old)[t] for t in tables} == expected
    with connection(old, read_only=True) as conn:
        assert _actor_reads(conn, actor) == before and before[0][0]


def _actor_reads(conn, actor: str) -> tuple:
    from parley.store import browse

    return (browse.events_page(conn, actor=actor), browse.events_page(conn, actor=actor, event_type="CONSULT"),
            browse.event_places(conn, actor=actor), browse.actor_events(conn, actor, 50))


def test_first_events_and_places_per_actor_equal_the_events_table(grown):
    """``actor_first_events`` holds each actor's FIRST_EVENTS earliest events (undated last, then
    by id) as the events table has them, and ``actor_place_counts`` its events by place and type,
    after three ingests that moved them incrementally."""
    from parley.store.schema import FIRST_EVENTS

    columns = ("event_id, event_type, mode, cameo, modality, date_start, date_end, date_precision, geonameid, "
               "place, place_country, lat, lon, actor_ids, recipient_ids, n_mentions, n_documents, confidence")
    with connection(grown, read_only=True) as conn:
        events = conn.execute(f"SELECT {columns} FROM events").fetchall()
        kept = conn.execute(f"SELECT actor_id, side, {columns} FROM actor_first_events").fetchall()
        places = {(a, g, p, t): (c, la, lo, n) for a, g, p, c, la, lo, t, n in
                  conn.execute("SELECT * FROM actor_place_counts").fetchall()}
    by_actor: dict[str, list] = {}
    expected_places: dict[tuple, list] = {}
    for event in events:
        actors, recipients = set(event[13] or []), set(event[14] or [])
        for actor in (actors | recipients) - {"?"}:
            by_actor.setdefault(actor, []).append(("actor" if actor in actors else "recipient", *event))
            if event[8] is not None:
                key = (actor, event[8], event[9], event[1])
                expected_places.setdefault(key, []).append(event)
    expected = []
    for actor, mine in by_actor.items():
        mine.sort(key=lambda e: (e[6] is None, e[6] or 0, e[1]))
        expected += [(actor, *e) for e in mine[:FIRST_EVENTS]]
    assert sorted(kept, key=repr) == sorted(expected, key=repr) and kept
    least = lambda found, i: min((e[i] for e in found if e[i] is not None), default=None)  # noqa: E731 (SQL's min)
    assert places == {key: (least(found, 10), least(found, 11), least(found, 12), len(found))
                      for key, found in expected_places.items()}
def _spans_scanned(conn, doc_id: str) -> dict[str, list[dict]]:
    # each span table's rows of one document, read the slow way (what document_marks replaces)
    from parley.store.marks import MARKED_TABLES
    from parley.store.queries import rows

    return {t: rows(conn, f"SELECT doc_id, {', '.join(repr(c).replace(chr(39), chr(34)) for c in columns)} "
                          f'FROM "{t}" WHERE doc_id = ? ORDER BY {order}', [doc_id])
            for t, (columns, order) in MARKED_TABLES.items()}


def test_document_evidence_equals_the_event_mentions_after_three_ingests(grown, tmp_path):
    """Each document's row of ``document_evidence`` holds its rows of ``doc_meetings`` and of
    ``event_mentions`` with the
    events they point at now: the later ingests re-clustered events of the earlier documents and
    renamed them, so the rows of those documents were written again. Lost rows are filled again."""
    from parley.store.marks import EVIDENCE_COLUMNS, EVIDENCE_ORDER, fill_marks, read_doc_meetings, read_evidence
    from parley.store.queries import rows

    columns = ", ".join(f'"{c}"' for c in EVIDENCE_COLUMNS)
    with connection(grown, read_only=True) as conn:
        doc_ids = [r[0] for r in conn.execute("SELECT id FROM documents ORDER BY id").fetchall()]
        scanned = {d: rows(conn, f"SELECT {columns} FROM event_mentions WHERE doc_id = ? ORDER BY {EVIDENCE_ORDER}",
                           [d]) for d in doc_ids}
        kept = {d: read_evidence(conn, d).dicts() for d in doc_ids}
        assert kept == scanned and sum(map(len, kept.values())) == conn.execute(
            "SELECT count(*) FROM event_mentions").fetchone()[0] > 0
        assert all(e["event_id"] for found in kept.values() for e in found)
        assert read_evidence(conn, "no such document") is None
        told = read_doc_meetings(conn, doc_ids)
        assert sorted(told) == doc_ids and any(told.values())
        assert told == {d: rows(conn, "SELECT * FROM doc_meetings WHERE doc_id = ? ORDER BY idx", [d]) for d in doc_ids}
    copy = tmp_path / "evidence.duckdb"
    shutil.copy(grown, copy)
    with connection(copy) as conn:
        conn.execute("DELETE FROM document_evidence WHERE doc_id IN (SELECT id FROM documents ORDER BY id LIMIT 5)")
        conn.execute("INSERT INTO document_evidence VALUES ('gone', '[]', '[]')")
        fill_marks(conn, per_pass=2)
        assert {d: read_evidence(conn, d).dicts() for d in doc_ids} == scanned and read_evidence(conn, "gone") is None
        assert read_doc_meetings(conn, doc_ids) == told


def test_actor_overview_equals_the_counts_and_pairs_after_three_ingests(grown, tmp_path, monkeypatch):
    """Each actor's ``actor_overview`` row, moved by the ingests that changed its events, gives
    the chart counts, co-actors and first events read from ``actor_event_counts``,
    ``actor_pairs`` and ``actor_first_events``; every
    actor of ``actor_summary`` has one, and a lost row is filled again."""
    from parley.store import browse
    from parley.store.queries import get_actor
    from parley.store.schema import CO_ACTORS, FIRST_MENTIONS, OVERVIEW_EVENTS
    from parley.store import summaries
    from parley.store.summaries import overview_missing, refresh_overview

    def overviews(conn, actors):
        return {a: {**browse.actor_overview(conn, a, CO_ACTORS), "places": browse.event_places(conn, actor=a),
                    "page": browse.events_page(conn, actor=a),
                    "actor": get_actor(conn, a, FIRST_MENTIONS, summaries_ready=True)} for a in actors}

    def scanned(conn, actors):
        # the reads the row replaces: the summaries' own rows, and the first page of events and
        # the map from actor_first_events and actor_place_counts
        return {a: {"quads": browse.actor_quad_counts(conn, a), "co_actors": browse.co_actors(conn, a, CO_ACTORS),
                    "events": browse.actor_events(conn, a, OVERVIEW_EVENTS),
                    "places": browse._grouped_places(conn, "SELECT * FROM actor_place_counts WHERE actor_id = ? "
                                                           "AND lat IS NOT NULL", [a], 150),
                    "page": browse._page([{k: v for k, v in e.items() if k != "as"}
                                          for e in browse.first_events(conn, a, 101)], 100),
                    "actor": get_actor(conn, a, FIRST_MENTIONS)} for a in actors}

    with connection(grown, read_only=True) as conn:
        actors = [r[0] for r in conn.execute("SELECT actor_id FROM actor_summary ORDER BY actor_id").fetchall()]
        assert not overview_missing(conn)
        assert conn.execute("SELECT count(*) FROM actor_overview").fetchone()[0] == len(actors)
        kept = overviews(conn, actors)
        assert kept == scanned(conn, actors)
        assert any(k["co_actors"] for k in kept.values()) and any(len(k["quads"]) > 1 for k in kept.values())
        assert any(len(k["events"]) > 1 for k in kept.values()) and any(len(k["places"]) > 1 for k in kept.values())
        assert all(browse.overview_column(conn, a, "map_places") is not None for a in actors)
        assert sum(len(k["actor"]["mentions"]) > 1 for k in kept.values()) > 3
        busiest = max(actors, key=lambda a: len(kept[a]["co_actors"]))
        assert browse.actor_overview(conn, busiest, 2, 1) == {
            **{k: v for k, v in kept[busiest].items() if k not in ("places", "page", "actor")},
            "co_actors": kept[busiest]["co_actors"][:2], "events": kept[busiest]["events"][:1]}
    copy = tmp_path / "overview.duckdb"
    shutil.copy(grown, copy)
    with connection(copy) as conn:
        conn.execute("DELETE FROM actor_overview WHERE actor_id IN (SELECT actor_id FROM actor_summary "
                     "ORDER BY actor_id LIMIT 5)")
        assert overview_missing(conn)
        refresh_overview(conn)
        assert not overview_missing(conn) and overviews(conn, actors) == kept
        # every row written again, three actors a statement (as a large corpus's, in passes)
        monkeypatch.setattr(summaries, "OVERVIEW_ACTORS_PER_PASS", 3)
        refresh_overview(conn, "SELECT actor_id FROM actor_summary")
        assert overviews(conn, actors) == kept


def test_document_marks_equal_the_span_tables_after_three_ingests(grown, tmp_path):
    """Each document's row of ``document_marks``, added by the ingest that stored it, holds the
    rows of the span tables; filled a few documents at a time, or again after a loss, the same."""
    from parley.store.marks import fill_marks, read_marks

    with connection(grown, read_only=True) as conn:
        doc_ids = [r[0] for r in conn.execute("SELECT id FROM documents ORDER BY id").fetchall()]
        marks = read_marks(conn, doc_ids)
        assert sorted(marks) == doc_ids
        for doc_id in doc_ids:
            assert marks[doc_id] == _spans_scanned(conn, doc_id), doc_id
        assert sum(len(m["mentions"]) for m in marks.values()) == conn.execute(
            "SELECT count(*) FROM mentions").fetchone()[0] > 0
    copy = tmp_path / "marks.duckdb"
    shutil.copy(grown, copy)
    with connection(copy) as conn:
        conn.execute("DELETE FROM document_marks WHERE doc_id IN (SELECT id FROM documents ORDER BY id LIMIT 5)")
        conn.execute("INSERT INTO document_marks VALUES ('gone', '[]', '[]', '[]', '[]', '[]')")
        assert fill_marks(conn, per_pass=2) == 5
        assert read_marks(conn, doc_ids) == marks and read_marks(conn, ["gone"]) == {}



def _built_pages(conn) -> dict[str, dict]:
    # every meeting's page built from the meeting and its sources, as the web page did before
    # meeting_pages (through JSON, as the table keeps it)
    from parley.meeting_view import meeting_content, quoted_sources
    from parley.store.queries import get_meeting
    from parley.store.sources import source_documents
    from parley.store.writes import to_json

    out = {}
    for (meeting_id,) in conn.execute("SELECT id FROM meetings ORDER BY id").fetchall():
        meeting = get_meeting(conn, meeting_id)
        quoted, others = quoted_sources(meeting)
        out[meeting_id] = json.loads(to_json(meeting_content(meeting, source_documents(conn, quoted, others=others))))
    return out


def _stored_pages(conn, meeting_ids) -> dict[str, dict]:
    # each meeting's stored first page, and every source its pages show, walked by their cursors
    from parley.store.meeting_pages import meeting_page_content, read_meeting_page

    out = {}
    for meeting_id in meeting_ids:
        page, sources, after = read_meeting_page(conn, meeting_id), [], None
        while True:
            shown = meeting_page_content(conn, meeting_id, after)
            sources += shown["sources"]
            if not shown["next"]:
                break
            after = shown["next"]
        out[meeting_id] = {"page": page, "sources": sources}
    return out


def _expected_pages(built: dict[str, dict]) -> dict[str, dict]:
    from parley.meeting_view import first_page

    return {m: {"page": json.loads(json.dumps(first_page(content))), "sources": content["sources"]}
            for m, content in built.items()}


def test_meeting_pages_equal_pages_built_from_the_sources_after_three_ingests(grown, tmp_path, monkeypatch):
    """Each meeting's rows of ``meeting_pages`` and ``meeting_page_sources``, kept by the derive
    step while later ingests merged meetings again, hold the page built from the meeting and its
    sources (its first page, and all its sources through the cursors); a marked meeting whose
    record changed gets its page built again, a marked one no longer stored loses it, an
    unmarked one is not looked at."""
    from parley import meeting_view
    from parley.store import meeting_pages
    from parley.store.meeting_pages import mark_meetings, pages_missing, read_meeting_page, refresh_meeting_pages

    with connection(grown, read_only=True) as conn:
        built = _built_pages(conn)
        assert len(built) >= 3 and any(f["evidence"] for p in built.values() for f in p["facts"])
        assert _stored_pages(conn, built) == _expected_pages(built) and not pages_missing(conn)
        assert any(len(p["sources"]) > 1 for p in built.values())
    copy = tmp_path / "pages.duckdb"
    shutil.copy(grown, copy)
    changed, gone, unmarked, *_ = sorted(built)
    monkeypatch.setattr(meeting_pages, "MEETINGS_PER_PASS", 2)
    with connection(copy) as conn:
        conn.execute("UPDATE meetings SET status = 'cancelled' WHERE id IN (?, ?)", [changed, unmarked])
        conn.execute("DELETE FROM meetings WHERE id = ?", [gone])
        assert not pages_missing(conn)
        mark_meetings(conn, "SELECT unnest(?::VARCHAR[])", [[changed, gone]])
        assert pages_missing(conn)
        assert refresh_meeting_pages(conn) == 1
        assert read_meeting_page(conn, changed)["meeting"]["status"] == "cancelled"
        assert read_meeting_page(conn, unmarked)["meeting"]["status"] != "cancelled"
        assert read_meeting_page(conn, gone) is None and not pages_missing(conn)
        # a full look (a rebuild): every page, in pages of two sources
        monkeypatch.setattr(meeting_view, "SOURCES_PER_PAGE", 2)
        conn.execute("DELETE FROM meeting_pages")
        assert refresh_meeting_pages(conn, every=True) == len(built) - 1
        again = _built_pages(conn)
        assert _stored_pages(conn, again) == _expected_pages(again)
        assert conn.execute("SELECT max(start) FROM meeting_page_sources").fetchone()[0] >= 2


def test_derive_step_builds_the_pages_of_the_meetings_it_merged_again(grown, tmp_path, monkeypatch):
    """An ingest of one more report of a meeting: its derive step builds the pages of the meetings
    whose record changed and of no other (it marks those it deletes and writes, and builds the
    marked ones whose record changed), and every page then equals one built from its sources."""
    from parley.store import meeting_pages

    copy = tmp_path / "more.duckdb"
    shutil.copy(grown, copy)
    with connection(copy, read_only=True) as conn:
        before = dict(conn.execute("SELECT id, CAST(m AS VARCHAR) FROM meetings m").fetchall())
    built = []
    build = meeting_pages._build
    monkeypatch.setattr(meeting_pages, "_build", lambda conn, ids: (built.extend(ids), build(conn, ids)))
    folder = tmp_path / "more"
    folder.mkdir()
    (folder / "report.txt").write_text(
        "Envoys of Russia, Turkey and Iran met the Syrian "
        "government delegation and the armed opposition in Astana on Monday for a new round of talks on "
        "the ceasefire in Syria. Kazakhstan's foreign minister opened the meeting.\n", encoding="utf-8")
    (folder / "manifest.csv").write_text("file,title,date,outlet,url\nreport.txt,Astana talks resume as envoys "
                                         "gather,2017-05-04,Test Wire,https://wire.example/astana\n", encoding="utf-8")
    ingest([str(folder)], copy, manifest=folder / "manifest.csv")
    with connection(copy, read_only=True) as conn:
        after = dict(conn.execute("SELECT id, CAST(m AS VARCHAR) FROM meetings m").fetchall())
        changed = {m for m, row in after.items() if before.get(m) != row}
        assert changed and len(changed) < len(after)
        assert set(built) == changed
        assert conn.execute("SELECT count(*) FROM meeting_pages_due").fetchone()[0] == 0
        assert {m for (m,) in conn.execute("SELECT meeting_id FROM meeting_pages").fetchall()} == set(after)
        everything = _built_pages(conn)
        assert _stored_pages(conn, everything) == _expected_pages(everything)
