"""The faster reads and renderings of the event, process, meeting and document pages give what
the slower ones gave, on the web test database (real text ingested with the real pipeline)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from test_web_fixtures import XSS_ID, client, db, db_path  # noqa: F401 (fixtures)

from parley.api import Database
from parley.store import browse, connection, summaries
from parley.store.queries import rows
from parley.web import fragments
from parley.web.views import TEMPLATES


def _places_from_events(conn, **filters) -> list[dict]:
    # the map's places counted from every matching event (the query the summary replaces)
    where, params = browse._event_filters(**{k: filters.get(k) for k in (
        "event_type", "actor", "since", "until", "modality", "process", "quad", "place", "partner")})
    found = rows(conn, f"""
        SELECT geonameid, min(place) AS place, min(place_country) AS country, min(lat) AS lat, min(lon) AS lon,
               count(*)::BIGINT AS events, list(coalesce(event_type, '?')) AS type_names
        FROM events WHERE geonameid IS NOT NULL AND lat IS NOT NULL AND {' AND '.join(where)}
        GROUP BY geonameid ORDER BY events DESC, geonameid LIMIT 150""", params)
    for record in found:
        types: dict[str, int] = {}
        for name in record.pop("type_names"):
            types[name] = types.get(name, 0) + 1
        record["types"] = dict(sorted(types.items()))
    return found


def _maps_equal_counting_the_events(conn, served: Database, cases: list[dict]) -> int:
    # each case's map, read alone and as the web app reads it, is the events counted; returns
    # how many cases had places
    nonempty = 0
    for filters in cases:
        expected = _places_from_events(conn, **filters)
        assert browse.event_places(conn, **filters) == expected, filters
        with served.reading():
            assert served.event_places(**filters) == expected, filters
        nonempty += bool(expected)
    return nonempty


def test_event_places_by_type_quad_or_place_equal_counting_the_events(db_path):
    served = Database(db_path, shared_reader=True)     # as the web app: the counts kept per state
    with connection(db_path, read_only=True) as conn:
        busiest = conn.execute("SELECT event_type, geonameid FROM events WHERE geonameid IS NOT NULL "
                               "AND lat IS NOT NULL GROUP BY ALL ORDER BY count(*) DESC LIMIT 1").fetchone()
        cases = [{"event_type": busiest[0]}, {"place": busiest[1]}, {"event_type": busiest[0], "place": busiest[1]},
                 *({"quad": quad} for quad in browse.QUADS.values()),
                 {"quad": "verbal-cooperation", "place": busiest[1]}, {"event_type": "FIGHT", "place": -1}]
        assert _maps_equal_counting_the_events(conn, served, cases) >= 4


def test_event_places_by_dates_equal_counting_the_events(db_path):
    """A map filtered by dates (with a type, a quad class or a place, or not) counted from the
    placed events kept per state gives what counting the matching events gives."""
    served = Database(db_path, shared_reader=True)     # as the web app: the placed events kept per state
    with connection(db_path, read_only=True) as conn:
        days = [d for (d,) in conn.execute("SELECT DISTINCT date_start::VARCHAR FROM events WHERE geonameid IS NOT "
                                           "NULL AND lat IS NOT NULL AND date_start IS NOT NULL ORDER BY 1").fetchall()]
        busiest = conn.execute("SELECT event_type, geonameid FROM events WHERE geonameid IS NOT NULL "
                               "AND lat IS NOT NULL GROUP BY ALL ORDER BY count(*) DESC LIMIT 1").fetchone()
        middle = days[len(days) // 2]
        cases = [{"since": days[0]}, {"until": days[-1]}, {"since": middle}, {"until": middle},
                 {"since": middle, "until": middle}, {"since": days[1], "until": days[-2], "event_type": busiest[0]},
                 {"since": days[0], "quad": "verbal-cooperation"}, {"until": middle, "place": busiest[1]},
                 {"since": "1900-01-01", "until": "1900-12-31"}, {"since": middle, "event_type": "FIGHT", "place": -1}]
        assert _maps_equal_counting_the_events(conn, served, cases) >= 6


def test_event_mentions_equal_the_joined_query(db, db_path):
    with connection(db_path, read_only=True) as conn:
        event_ids = [r[0] for r in conn.execute("SELECT event_id FROM events ORDER BY n_documents DESC, event_id "
                                                "LIMIT 5").fetchall()]
        for event_id in event_ids:
            expected = rows(conn, """
                SELECT e.doc_id, e.sentence, e.char_start, e.char_end, e.text, e.modality, e.confidence,
                       d.title, d.outlet, d.published FROM event_mentions e JOIN documents d ON d.id = e.doc_id
                WHERE e.event_id = ? ORDER BY d.published NULLS LAST, e.doc_id, e.idx""", [event_id])
            assert db.event_mentions(event_id) == expected and expected


OLD_ACTOR_MACROS = """{% macro actor(id, names=None) -%}
{%- if id and (names is none or id in names) %}<a class="actor" href="/actors/{{ id }}">{{ (names or {}).get(id, id) }}</a>
{%- elif id %}<span class="actor unknown" title="not in the actors table">{{ id }}</span>{% endif -%}
{%- endmacro %}
{%- for id in ids or [] %}{{ actor(id, names) }}{% if not loop.last %}, {% endif %}{% endfor -%}"""  # noqa: E501


def test_actor_links_give_the_old_macro_markup(db):
    """The actor_links filter (which the templates' actor macros now call) writes the markup of
    the template macros it replaced, escaped, for stored, unknown and empty ids."""
    names = {**db.actor_names(), "X<1>": "Bad & <b>name</b>"}
    ids = [next(iter(db.actor_names())), "NOT-STORED<script>", "", None, "X<1>"]
    old = TEMPLATES.env.from_string(OLD_ACTOR_MACROS)
    now = TEMPLATES.env.from_string('{% from "_macros.html" import actor, actors %}{{ actors(ids, names) }}|'
                                    '{{ actor(ids[0], names) }}{{ actor(None, names) }}')
    for given in (names, None, {}):
        assert str(fragments.actor_links(ids, given)) == old.render(ids=ids, names=given)
        assert now.render(ids=ids, names=given) == (old.render(ids=ids, names=given) + "|"
                                                    + old.render(ids=ids[:1], names=given))
    assert "<script>" not in str(fragments.actor_links(ids, names))


# the loops of actor.html that fragments.actor_event_rows and mention_items replaced
OLD_ACTOR_LOOPS = """{% from "_macros.html" import dates, doc %}<tbody>
{% for e in events %}
<tr><td><a href="/events/{{ e.id }}">{{ dates(e.date_start, e.date_end) }}</a></td><td>{{ e.as }}</td><td>{{ e.event_type }}</td>
    <td>{{ e.cameo or '' }}</td><td>{{ e.modality or '' }}</td><td>{{ e.actor_ids | actor_links(names) }}</td><td>{{ e.recipient_ids | actor_links(names) }}</td></tr>
{% else %}
<tr><td colspan="7" class="muted">No event.</td></tr>
{% endfor %}
</tbody>|<ul class="mentions">
{% for m in mentions %}
<li><span class="date">{{ m.published or '' }}</span> {{ doc(m.doc_id, m.title) }}: <a href="/documents/{{ m.doc_id }}{% if m.sentence_idx is not none %}?sentence={{ m.sentence_idx }}#s-{{ m.sentence_idx }}{% endif %}"><q>{{ m.sentence or m.text }}</q></a></li>
{% endfor %}
</ul>"""


def test_actor_page_rows_give_the_template_loop_markup(client, db):
    """The actor page's events and mentions written in Python are the markup of the template
    loops they replace, for every actor with events and hostile values (escaped the same)."""
    now = TEMPLATES.env.from_string("""<tbody>
{{ events | actor_event_rows(names) }}{% if not events %}
<tr><td colspan="7" class="muted">No event.</td></tr>
{% endif %}
</tbody>|<ul class="mentions">
{{ mentions | mention_items }}
</ul>""")
    old = TEMPLATES.env.from_string(OLD_ACTOR_LOOPS)
    hostile = {"id": "<e>", "date_start": "2020-01-01", "date_end": "2020-<2>", "as": None, "event_type": "A&B",
               "cameo": None, "modality": '"m"', "actor_ids": ["<x>"], "recipient_ids": None,
               "doc_id": "d'1", "title": "", "published": None, "sentence_idx": None, "sentence": None, "text": "<t>"}
    pages = [client.get(f"/actors/{a['id']}.json").json() for a in client.get("/actors.json").json()["actors"][:12]]
    pages.append({"events": [hostile, {**hostile, "date_start": None, "sentence_idx": 3}], "names": {"<x>": "<X>"},
                  "mentions": [hostile, {**hostile, "sentence_idx": 0, "sentence": "<s>", "title": "T&"}]})
    pages.append({"events": [], "names": {}, "mentions": []})
    assert sum(bool(p["events"]) for p in pages) > 5 and sum(bool(p["mentions"]) for p in pages) > 5
    for page in pages:
        values = {k: page[k] for k in ("events", "names", "mentions")}
        assert now.render(**values) == old.render(**values)


def test_map_of_every_event_drawn_once_per_state(client, db_path):
    """The events map of a places list kept per database state is drawn (and its markup
    written) once, and is what drawing it again gives; a filtered page's map is its own."""
    from parley.web.charts import place_map
    from parley.web.events import MAPS

    served = Database(db_path, shared_reader=True)
    with served.reading():
        places = served.event_places()
        assert places and served.event_places() is places
    drawn = MAPS.get(places, (), lambda: place_map(places, {}))
    assert MAPS.get(places, (), lambda: None) is drawn and drawn == place_map(places, {})
    assert fragments.map_marks(drawn) is fragments.map_marks(drawn)
    assert str(fragments.map_rows(drawn)) == str(fragments._map_rows(place_map(places, {})))
    first, again = client.get("/events").text, client.get("/events").text
    assert first == again and str(fragments.map_marks(drawn)) in first
    quad = client.get("/events.json?quad=verbal-cooperation").json()
    assert quad["map"] == place_map(quad["places"], {"quad": "verbal-cooperation"})


def test_filter_options_escape_and_mark_the_chosen_one():
    html = str(fragments.options([{"id": "a\"b", "name": "<i>A</i>"}, {"id": "c", "name": None}], selected="c"))
    assert html == ('<option value="a&#34;b">&lt;i&gt;A&lt;/i&gt;</option>'
                    '<option value="c" selected>c</option>')


def test_events_page_map_rows_match_its_json(client):
    data = client.get("/events.json").json()
    html = client.get("/events").text
    assert data["map"]["marks"]
    for mark in data["map"]["marks"]:
        assert f'data-geonameid="{mark["geonameid"]}" data-events="{mark["events"]}"' in html
        assert f'<td>{90 - mark["y"]:.2f}</td><td>{mark["x"] - 180:.2f}</td>' in html


OLD_TEXT_LOOP = """
{%- for p in segments -%}
{%- for a in p.anchors %}<a class="anchor" id="{{ a }}"></a>{% endfor -%}
{%- if p.kinds -%}
{%- set tag = 'a' if p.href else 'span' -%}
<{{ tag }} class="hl {{ p.kinds | join(' ') }}"{% if p.label %} title="{{ p.label }}"{% endif %}
{%- if p.href %} href="{{ p.href }}"{% endif %}
{%- if p.evidence %} data-ev="{{ p.evidence | join(' ') }}"{% endif %}>{{ p.text }}</{{ tag }}>
{%- else -%}{{ p.text }}{%- endif -%}
{%- endfor -%}"""


def test_document_text_in_one_pass_equals_the_template_loop(client, db_path):
    with connection(db_path, read_only=True) as conn:
        busiest = conn.execute("SELECT doc_id FROM mentions GROUP BY 1 ORDER BY count(*) DESC, doc_id "
                               "LIMIT 3").fetchall()
    loop = TEMPLATES.env.from_string(OLD_TEXT_LOOP)
    for (doc_id,) in [*busiest, (XSS_ID,)]:
        pieces = client.get(f"/documents/{doc_id}.json").json()["segments"]
        assert any(p["kinds"] for p in pieces) and any(p["anchors"] for p in pieces)
        html = str(fragments.text_html(pieces))
        assert html == loop.render(segments=pieces)
        assert html in client.get(f"/documents/{doc_id}").text


def test_process_page_draws_every_meeting_and_describes_the_last(client, db, monkeypatch):
    from parley.web import processes

    process_id = max(db.processes(), key=lambda p: len(db.process(p["id"])["meetings"]))["id"]
    meetings = db.process(process_id)["meetings"]
    assert len(meetings) >= 2
    monkeypatch.setattr(processes, "MEETING_CARDS", len(meetings))
    whole = client.get(f"/processes/{process_id}.json").json()
    assert [m["id"] for m in whole["meetings"]] == [m["id"] for m in meetings]
    assert whole["n_meetings"] == len(meetings)
    # the timeline from the meetings' columns gives what it gave from their whole records
    assert whole["timeline"] == processes.timeline_marks(meetings)
    monkeypatch.setattr(processes, "MEETING_CARDS", 1)
    cut = client.get(f"/processes/{process_id}.json").json()
    assert cut["timeline"] == whole["timeline"] and cut["meetings"] == whole["meetings"][-1:]
    html = client.get(f"/processes/{process_id}").text
    assert f'href="/meetings?process={process_id}">all {len(meetings)} meetings</a>' in html
    assert html.count('<article class="meeting"') == 1


@pytest.mark.parametrize("listed", [True, False])
def test_process_outline_reads_the_records_of_the_described_meetings(db_path, tmp_path, listed):
    """The meetings a process page describes are the last of the process, in process order, with
    their whole records, read with the timeline's columns; whether or not the process's record
    lists them (a meeting it does not list is read by id after)."""
    import shutil

    from parley.store.queries import get_process

    copy = tmp_path / "outline.duckdb"
    shutil.copy(db_path, copy)
    with connection(copy) as conn:
        process_id = conn.execute("SELECT process FROM meetings WHERE process IS NOT NULL GROUP BY 1 "
                                  "ORDER BY count(*) DESC, 1 LIMIT 1").fetchone()[0]
        if not listed:
            conn.execute("""UPDATE processes SET data = json_merge_patch(data, '{"meetings": null}') WHERE id = ?""",
                         [process_id])
        whole = get_process(conn, process_id)["meetings"]
        assert len(whole) >= 2
        for detailed in (0, 1, len(whole) - 1, len(whole), len(whole) + 3):
            outline = browse.process_outline(conn, process_id, detailed)
            assert outline["details"] == (whole[-detailed:] if detailed else [])
            assert [m["id"] for m in outline["meetings"]] == [m["id"] for m in whole]
            assert all("record" not in m and m["n_sources"] == len(w.get("sources") or [])
                       for m, w in zip(outline["meetings"], whole))
        for last in (1, len(whole) - 1, len(whole) + 3):     # a timeline of the last meetings only
            outline = browse.process_outline(conn, process_id, 1, last=last)
            assert [m["id"] for m in outline["meetings"]] == [m["id"] for m in whole][-last:]
            assert outline["n_meetings"] == len(whole) and outline["details"] == whole[-1:]


def test_source_documents_read_from_marks_equal_the_span_tables(db_path):
    from parley.store.marks import MARKED_TABLES, read_marks

    with connection(db_path, read_only=True) as conn:
        doc_ids = [r[0] for r in conn.execute("SELECT id FROM documents ORDER BY id").fetchall()]
        found = browse.source_documents(conn, doc_ids)
        assert set(read_marks(conn, doc_ids)) == set(doc_ids) == set(found)
        for doc_id, source in found.items():
            for table in ("mentions", "times", "sentences"):
                columns = ", ".join(f'"{c}"' for c in ("doc_id", *MARKED_TABLES[table][0]))
                assert source["spans"][table] == rows(
                    conn, f"SELECT {columns} FROM {table} WHERE doc_id = ? ORDER BY char_start, idx", [doc_id])


@pytest.mark.parametrize("kind", ["documents", "meetings"])
def test_pages_read_from_marks_equal_the_pages_read_from_the_span_tables(client, db, kind, monkeypatch):
    """A document page and a meeting page give the same JSON whether their spans come from
    ``document_marks`` or, for a document without marks, from the span tables (and a meeting
    page whether it comes from its row of ``meeting_pages`` or is built from its sources)."""
    from parley.store import marks, meeting_pages, parts

    with connection(db.path, read_only=True) as conn:
        if kind == "documents":
            ids = [r[0] for r in conn.execute("SELECT doc_id FROM mentions GROUP BY 1 ORDER BY count(*) DESC, doc_id "
                                              "LIMIT 4").fetchall()]
        else:
            ids = [r[0] for r in conn.execute("SELECT id FROM meetings ORDER BY n_sources DESC, id LIMIT 4").fetchall()]
    fast = {i: client.get(f"/{kind}/{i}.json").json() for i in ids}
    monkeypatch.setattr(marks, "read_mark_rows", lambda conn, doc_ids, *tables: {})
    monkeypatch.setattr(parts, "stored_parts", lambda conn, doc_id: None)
    monkeypatch.setattr(marks, "read_doc_meetings", lambda conn, doc_ids: {})
    monkeypatch.setattr(meeting_pages, "read_meeting_page", lambda conn, meeting_id: None)
    slow = {i: client.get(f"/{kind}/{i}.json").json() for i in ids}
    assert fast == slow and all(fast.values())
    if kind == "meetings":
        assert any(fact["evidence"] for page in fast.values() for fact in page["facts"])


def _events_by_one_query(conn, after=None, limit=100, **filters):
    # the page as one query over every matching event (what the day bound must not change)
    where, params = browse._event_filters(**{k: filters.get(k) for k in (
        "event_type", "actor", "since", "until", "modality", "process", "quad", "place", "partner")})
    if after:
        clause, values = browse.after_dated_row(after, "date_start", "event_id")
        where, params = [*where, clause], [*params, *values]
    found = rows(conn, f"SELECT {browse.EVENT_COLUMNS} FROM events "
                 + (f"WHERE {' AND '.join(where)} " if where else "")
                 + f"ORDER BY date_start NULLS LAST, event_id LIMIT {limit + 1}", params)
    return browse._page(found, limit)


def _pages_equal_one_query(conn, cases: list[dict], limit: int, days=None) -> int:
    # every page of each case, cursor after cursor, is the page of one query; returns how many
    pages = 0
    for filters in cases:
        after = None
        for _ in range(60):
            found = browse.events_page(conn, after=after, limit=limit, days=days, **filters)
            assert found == _events_by_one_query(conn, after=after, limit=limit, **filters), (filters, after)
            pages += 1
            after = found[1]
            if not after:
                break
    return pages


def test_events_pages_bounded_by_day_counts_equal_one_query(db_path, tmp_path):
    """On a file without event_list (schema 0015, read as it is), pages read from the events
    table within the bound of the day counts are the pages of one query."""
    import shutil

    from parley.store.event_days import day_counts

    bare = tmp_path / "bare.duckdb"
    shutil.copy(db_path, bare)
    with connection(bare) as conn:
        conn.execute("DROP TABLE event_list")
    with connection(bare, read_only=True) as conn:
        days = day_counts(conn)
        typical = conn.execute("SELECT event_type FROM events GROUP BY 1 ORDER BY count(*) DESC LIMIT 1").fetchone()[0]
        second, middle = (date.fromordinal(days.days[i]).isoformat() for i in (1, len(days.days) // 2))
        cases = [{}, {"event_type": typical}, {"quad": "verbal-cooperation"}, {"since": middle},
                 {"until": middle}, {"event_type": typical, "since": second, "until": middle},
                 {"modality": "asserted"}, {"event_type": "FIGHT"}]
        assert _pages_equal_one_query(conn, cases, 3, days) > 40


def test_events_pages_from_the_list_with_a_tail_equal_one_query(db_path, tmp_path):
    """Pages of the events list read from event_list, a third of its rows in the tail (as
    after later ingests), and on a file without it, are the pages of one query over the events."""
    import shutil

    copy = tmp_path / "tail.duckdb"
    shutil.copy(db_path, copy)
    with connection(copy) as conn:
        conn.execute("UPDATE event_list SET part = 1 WHERE hash(event_id) % 3 = 0")
        assert conn.execute("SELECT count(*) FILTER (WHERE part = 1) > 10 FROM event_list").fetchone()[0]
    bare = tmp_path / "bare.duckdb"
    shutil.copy(db_path, bare)
    with connection(bare) as conn:
        conn.execute("DROP TABLE event_list")
    sorted_copy = tmp_path / "sorted.duckdb"
    shutil.copy(db_path, sorted_copy)
    with connection(sorted_copy) as conn:
        summaries.sort_list(conn, "event_list")     # every row in the head: the app reads no tail
    for path in (copy, bare, sorted_copy):
        with connection(path, read_only=True) as conn:
            typical = conn.execute("SELECT event_type FROM events GROUP BY 1 ORDER BY count(*) DESC LIMIT 1"
                                   ).fetchone()[0]
            middle = conn.execute("SELECT median(date_start)::DATE::VARCHAR FROM events").fetchone()[0]
            process = conn.execute("SELECT process FROM event_processes GROUP BY 1 ORDER BY count(*) DESC "
                                   "LIMIT 1").fetchone()[0]
            actor = conn.execute("SELECT actor_id FROM event_actors GROUP BY 1 ORDER BY count(*) DESC LIMIT 1"
                                 ).fetchone()[0]
            cases = [{}, {"event_type": typical}, {"quad": "verbal-conflict"}, {"since": middle},
                     {"until": middle, "modality": "asserted"}, {"process": process}, {"actor": actor, "modality": "asserted"}]
            assert _pages_equal_one_query(conn, cases, 4) > 40
            # as the web app reads them, knowing per state whether the list has a tail
            served = Database(path, shared_reader=True)
            for filters in cases:
                with served.reading():
                    assert served.events_page(limit=4, **filters) == _events_by_one_query(conn, limit=4, **filters)
    for path, tail in ((copy, True), (bare, True), (sorted_copy, False)):    # without the table: nothing known
        with connection(path, read_only=True) as conn:
            assert browse.list_tail(conn) is tail


def test_day_counts_bound_holds_the_page():
    from parley.store.event_days import DayCounts

    days = DayCounts.from_counts([(date.fromisoformat(day).toordinal(), event_type, n) for day, event_type, n in (
        ("2019-01-01", "AID", 2), ("2019-01-01", "FIGHT", 1), ("2019-01-03", "AID", 1), ("2019-01-05", "FIGHT", 4),
        ("2019-02-01", "AID", 3))])
    assert days.bound(None, None, 3) == "2019-01-01"
    assert days.bound(None, None, 4) == "2019-01-03"
    assert days.bound(None, {"AID"}, 4) == "2019-02-01"
    assert days.bound("2019-01-01", {"FIGHT"}, 2) == "2019-01-05"    # the cursor's own day is not counted
    assert days.bound(None, {"AID"}, 3, since="2019-01-02") == "2019-02-01"
    assert days.bound(None, None, 6, until="2019-01-04") is None     # too few start by then
    assert days.bound(None, {"ACCUSE"}, 1) is None
    assert days.bound("2019-02-01", None, 1) is None


OLD_BARS_LOOP = """{% for bar in chart.bars %}{% for s in bar.segments %}
    <a class="bar" href="{{ s.href }}" data-quad="{{ s.quad }}" data-n="{{ s.n }}" data-since="{{ bar.since }}" data-until="{{ bar.until }}"><rect class="q-{{ s.quad }}" x="{{ bar.x }}" y="{{ s.y }}" width="{{ bar.width }}" height="{{ s.height }}"><title>{{ bar.label }}: {{ s.n }} {{ s.quad | replace('-', ' ') }}</title></rect></a>
    {% endfor %}{% endfor %}"""  # noqa: E501 (the template's line)


def test_chart_bars_give_the_template_loop_markup_and_links(db):
    """The events chart's bars written in Python are the markup of the template loop they
    replace, and each segment's (and table row's) link is the filters and its quad and dates, quoted."""
    from urllib.parse import urlencode

    from parley.web.charts import event_chart

    loop = TEMPLATES.env.from_string(OLD_BARS_LOOP)
    with db.reading():
        actor = db.actors_page(limit=1)[0][0]["id"]
        counts = db.actor_quad_counts(actor)
    for link in ({"actor": actor}, {"process": "talks & <b>more</b>", "actor": "A B"}, {}):
        chart = event_chart(counts, link)
        segments = [(bar, s) for bar in chart["bars"] for s in bar["segments"]]
        assert len(segments) > 1
        assert str(fragments.chart_bars(chart)) == loop.render(chart=chart)
        for bar, s in segments:
            assert s["href"] == "/events?" + urlencode({**link, "quad": s["quad"], "since": bar["since"],
                                                        "until": bar["until"]})
        # the table's rows link to the same filters and the bar's dates
        bars = {bar["label"]: bar for bar in chart["bars"]}
        assert chart["rows"] and all(row["href"] == "/events?" + urlencode({
            **link, "since": bars[row["period"]]["since"], "until": bars[row["period"]]["until"]})
            for row in chart["rows"])


def test_parts_cut_a_text_at_sentence_starts():
    from parley.store.parts import parts

    sentences = [{"idx": i, "char_start": start, "char_end": end}
                 for i, (start, end) in enumerate([(0, 40), (41, 90), (91, 300), (301, 330), (331, 350)])]
    assert parts(350, sentences, size=1000) == [(0, 350)]
    # a part ends before the sentence that would take it past 100 characters; the long one alone
    assert parts(350, sentences, size=100) == [(0, 91), (91, 301), (301, 350)]
    assert parts(250, [], size=100) == [(0, 100), (100, 200), (200, 250)]
    # or before the sentence that would take it past 3 highlights
    starts = [1, 2, 45, 50, 60, 95, 120, 302, 340]
    assert parts(350, sentences, 1000, starts, most=3) == [(0, 41), (41, 91), (91, 331), (331, 350)]
    assert parts(350, sentences, 1000, starts, most=9) == [(0, 350)]
    assert parts(0, [], size=100) == [(0, 0)]


def _small_parts(db_path, tmp_path, monkeypatch, stored: bool) -> Path:
    # a copy of the web database whose documents are cut in parts of a few hundred characters,
    # laid out again into document_parts; or (not stored) read as if it had no rows there, laid
    # out by the page from all of a document's marks
    import shutil

    from parley.store import open_db, parts

    copy = tmp_path / "parts.duckdb"
    shutil.copy(db_path, copy)
    monkeypatch.setattr(parts, "PART_CHARS", 400)
    monkeypatch.setattr(parts, "PART_MARKS", 30)
    conn = open_db(copy)
    try:
        conn.execute("DELETE FROM document_parts")
        assert parts.fill_parts(conn, per_pass=3) == conn.execute("SELECT count(*) FROM documents").fetchone()[0]
        assert conn.execute("SELECT count(*) FROM document_parts WHERE len(marks) > 2").fetchone()[0] > 0
    finally:
        conn.close()
    if not stored:
        monkeypatch.setattr(parts, "stored_parts", lambda conn, doc_id: None)
    return copy


@pytest.mark.parametrize("stored", [True, False])
def test_long_document_shown_in_parts_that_cover_it(client, db_path, tmp_path, monkeypatch, stored):
    """With parts of a few hundred characters, the parts of a document give its whole text once,
    every sentence and evidence anchor in exactly one part, the whole document's counts on each,
    and a sentence's link opens the part that holds it: read from its rows of ``document_parts``
    (each part's marks alone) or laid out from all its marks by the page."""
    from fastapi.testclient import TestClient

    from parley.web.app import create_app

    with connection(db_path, read_only=True) as conn:
        doc_id = conn.execute("SELECT doc_id FROM mentions GROUP BY 1 ORDER BY count(*) DESC, doc_id "
                              "LIMIT 1").fetchone()[0]
        last = conn.execute("SELECT max(idx) FROM sentences WHERE doc_id = ?", [doc_id]).fetchone()[0]
    whole = client.get(f"/documents/{doc_id}.json").json()
    assert whole["parts"] == 1 and whole["part"] == 1
    small = TestClient(create_app(_small_parts(db_path, tmp_path, monkeypatch, stored)))
    first = small.get(f"/documents/{doc_id}.json").json()
    assert first["parts"] > 2 and first["counts"] == whole["counts"]
    pages = [small.get(f"/documents/{doc_id}.json?part={n}").json() for n in range(1, first["parts"] + 1)]
    assert pages[0] == first
    assert "".join(p["text"] for page in pages for p in page["segments"]) == whole["document"]["text"]
    anchors = [a for page in pages for p in page["segments"] for a in p["anchors"]]
    assert sorted(anchors) == sorted(a for p in whole["segments"] for a in p["anchors"])
    for number, page in enumerate(pages, start=1):
        assert page["counts"] == whole["counts"] and page["part"] == number
        sentences = [int(a[2:]) for p in page["segments"] for a in p["anchors"] if a.startswith("s-")]
        for sentence in sentences[:2]:
            assert small.get(f"/documents/{doc_id}.json?sentence={sentence}").json()["part"] == number
    assert small.get(f"/documents/{doc_id}.json?sentence={last}").json()["part"] == first["parts"]
    # a sentence the document does not have opens its first part; a part given wins over a sentence
    assert small.get(f"/documents/{doc_id}.json?sentence={last + 1}").json() == first
    assert small.get(f"/documents/{doc_id}.json?part=2&sentence={last}").json() == pages[1]
    html = small.get(f"/documents/{doc_id}?part=2").text
    assert f'href="/documents/{doc_id}?part=1"' in html and f'href="/documents/{doc_id}?part=3"' in html
    if stored:
        # the parts read by key are the parts the page lays out from all the marks
        from parley.store import parts

        monkeypatch.setattr(parts, "stored_parts", lambda conn, doc_id: None)
        assert [small.get(f"/documents/{doc_id}.json?part={n}").json() for n in range(1, len(pages) + 1)] == pages


@pytest.mark.parametrize("query", ["part=99", "part=0", "part=-1", "part=two", "sentence=-3", "sentence=x",
                                   "part=100001"])
def test_document_page_refuses_a_part_it_does_not_have(client, db_path, query):
    """A part past the document's last, or a part or sentence that is not a number in range, is a
    400 answer naming the parameter, never a server error."""
    with connection(db_path, read_only=True) as conn:
        doc_id = conn.execute("SELECT id FROM documents ORDER BY id LIMIT 1").fetchone()[0]
    for suffix in ("", ".json"):
        answer = client.get(f"/documents/{doc_id}{suffix}?{query}")
        assert answer.status_code == 400, (query, answer.status_code)
        assert query.split("=")[0] in answer.text
    if query == "part=99":
        assert "this document has 1 part(s)" in client.get(f"/documents/{doc_id}.json?{query}").text


def test_claims_page_kept_per_state_equals_the_groups(client, db, monkeypatch):
    """The claims page's groups, made once per database state, are the stored groups with their
    counts and first claims; a second request gets the same page (nothing cut twice)."""
    from parley.web import claims

    monkeypatch.setattr(claims, "MAX_CLAIMS", 1)
    monkeypatch.setattr(claims, "PAGE_SIZE", 1000)
    first, second = (client.get("/claims.json").json() for _ in range(2))
    groups = db.claims()
    assert first == second and len(first["groups"]) == len(groups) > 0
    assert any(len(g["claims"]) > 1 for g in groups)
    for shown, stored in zip(first["groups"], groups):
        assert shown["id"] == stored["id"] and shown["n_claims"] == len(stored["claims"])
        assert shown["claims"] == stored["claims"][:1] and shown["axis"] == claims.axis(stored["claims"][:1])


@pytest.mark.parametrize("limit", [1, 2, 5])
def test_documents_pages_bounded_by_days_equal_one_query(db_path, limit):
    """Every page of the documents list read within the days it can reach (the counts of
    documents by day), with or without the lengths kept apart, is the page of the query over
    every document, through the undated tail."""
    from parley.store import listing

    with connection(db_path, read_only=True) as conn:
        days, lengths = listing.document_days(conn), listing.document_lengths(conn)
        assert len(days[0]) > limit + 1
        after, pages = None, 0
        while True:
            expected = browse.documents_page(conn, after, limit)
            assert listing.documents_page(conn, after, limit, days) == expected, after
            assert listing.documents_page(conn, after, limit, days, lengths) == expected, after
            after, pages = expected[1], pages + 1
            if not after:
                break
        assert pages >= conn.execute("SELECT count(*) FROM documents").fetchone()[0] // limit


def test_oldest_day_holds_the_documents_before_a_day():
    from parley.store.listing import oldest_day

    day = [date(2020, 1, d).toordinal() for d in (1, 2, 5, 9)]     # 3, 1, 2 and 4 documents
    days = (day, [10, 7, 6, 4])
    assert oldest_day(days, None, 4) == "2020-01-09" and oldest_day(days, None, 5) == "2020-01-05"
    assert oldest_day(days, "2020-01-09", 2) == "2020-01-05" and oldest_day(days, "2020-01-09", 3) == "2020-01-02"
    assert oldest_day(days, "2020-01-06", 6) == "2020-01-01" and oldest_day(days, "2020-01-06", 7) is None
    assert oldest_day(days, "2020-01-01", 1) is None and oldest_day(days, "2019-12-31", 1) is None
    assert oldest_day(days, None, 11) is None and oldest_day(([], []), None, 1) is None


def test_event_places_by_dates_keep_the_places_with_most_events(db_path):
    """A dated map of a few places (ties broken by id) groups the same places as grouping every
    counted place and keeping the first: the places are chosen before their rows are grouped."""
    from parley.store.place_groups import group_places, placed_events

    with connection(db_path, read_only=True) as conn:
        placed = placed_events(conn)
        first = conn.execute("SELECT min(date_start)::VARCHAR FROM events WHERE lat IS NOT NULL").fetchone()[0]
    every = placed.places(10_000, since=first)
    assert len(every) > 5
    counted = [(*key, n) for place in every for key, n in _rows_of(placed, place["geonameid"], first)]
    for limit in (0, 1, 2, 3, 5, len(every) - 1):
        assert placed.places(limit, since=first) == group_places(counted, limit) == every[:limit], limit


def _rows_of(placed, geonameid: int, since: str):
    # the counted rows (place, name, country, coordinates, type) of one place's events since a day
    from datetime import date

    day = date.fromisoformat(since).toordinal()
    for index, key in enumerate(placed.keys):
        n = int(((placed.row == index) & (placed.last >= day)).sum())
        if key[0] == geonameid and n:
            yield key, n
