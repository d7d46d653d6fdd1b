"""The web app through FastAPI's TestClient over a real DuckDB file (see test_web_fixtures.py)."""

from __future__ import annotations

import csv
import hashlib
from urllib.parse import parse_qsl, quote
from html import escape, unescape
from itertools import groupby
import io
import re
import shutil
import subprocess
import sys
import time

import pytest
from fastapi.testclient import TestClient
from test_web_fixtures import XSS_ID, XSS_RECORD, client, db, db_path, served_app  # noqa: F401 (fixtures)

from parley.api import Database
from parley.web.app import app_routes, create_app, route_paths
from parley.web.documents import segments
from parley.web.events import DEFAULT_LIMIT
from parley.web.processes import source_ids

# Every HTML page, with placeholders filled from the database by `_url`.
PAGES = ["/", "/processes", "/processes/{process_id}", "/meetings", "/meetings/{meeting_id}", "/actors",
         "/actors/{actor_id}", "/events", "/events/{event_id}", "/documents", "/documents/{doc_id}", "/claims",
         "/search?q=astana", "/actors?country=RUS", "/events?type=CONSULT&since=2017-01-01"]


@pytest.fixture(scope="module")
def ids(db):
    meetings = db.meetings()
    return {"process_id": db.processes()[0]["id"],
            "meeting_id": max(meetings, key=lambda m: len(source_ids(m.get("sources"))))["id"],
            "actor_id": db.actors()[0]["id"], "event_id": db.events()[0]["id"], "doc_id": XSS_ID}


def _url(page: str, ids: dict) -> str:
    return page.format(**ids)


def _json_url(url: str) -> str:
    path, _, query = url.partition("?")
    return path + ".json" + (f"?{query}" if query else "")


def test_web_every_html_route_is_tested():
    app = create_app("unused.duckdb")
    html = {r["path"] for r in route_paths(app) if (r["name"] or "").endswith("_page_html")}
    assert html == {page.partition("?")[0] for page in PAGES}


@pytest.mark.parametrize("page", PAGES)
def test_web_html_and_json_twin_have_same_keys(client, ids, page):
    url = _url(page, ids)
    html = client.get(url)
    assert html.status_code == 200 and html.headers["content-type"].startswith("text/html")
    twin = client.get(_json_url(url))
    assert twin.status_code == 200 and twin.headers["content-type"].startswith("application/json")
    assert set(html.context["data"]) == set(twin.json())
    assert f'type="application/json" href="{escape(_json_url(url))}"' in html.text
    api = client.get("/api" + url if url != "/" else "/api")
    assert api.json() == twin.json()


@pytest.mark.parametrize("page", PAGES)
def test_web_csv_downloads_match_json(client, ids, page):
    url = _url(page, ids)
    data = client.get(_json_url(url)).json()
    tables = client.get(url).context["links"]["csv"]
    assert tables, f"{page} offers no CSV"
    for name, href in tables.items():
        response = client.get(href)
        assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
        rows = list(csv.DictReader(io.StringIO(response.text)))
        assert len(rows) == len(data[name])


@pytest.mark.parametrize("path", ["/processes/nowhere", "/meetings/astana-999", "/actors/NOPE", "/events/e0",
                                  "/documents/dnothing", "/no/such/page"])
def test_web_unknown_ids_answer_404(client, path):
    html = client.get(path)
    assert html.status_code == 404 and "Not found" in html.text
    assert html.headers["content-type"].startswith("text/html")
    if path != "/no/such/page":
        twin = client.get(path + ".json")
        assert twin.status_code == 404 and twin.json()["error"] == "Not found"


@pytest.mark.parametrize("path,query,named", [
    ("/meetings", "process=nowhere", "no process 'nowhere'"),
    ("/events", "actor=NOPE", "no actor 'NOPE'"),
    ("/events", "partner=NOPE", "no actor 'NOPE'"),
    ("/events", "process=nowhere", "no process 'nowhere'"),
])
def test_web_filter_by_unknown_id_answers_404(client, path, query, named):
    """A filter by an id nothing has is a 404 that names it, on the page and its JSON twin."""
    html = client.get(f"{path}?{query}")
    assert html.status_code == 404 and named.replace("'", "&#39;") in html.text
    twin = client.get(f"{path}.json?{query}")
    assert twin.status_code == 404 and twin.json()["message"] == named


def test_web_filter_by_known_id_matching_nothing_is_an_empty_page(client, ids, db):
    """A known actor with no event of a type is an empty list, not an error."""
    actor = db.actors()[0]["id"]
    counts = {t: len(client.get("/events.json", params={"actor": actor, "type": t}).json()["events"])
              for t in ("CONSULT", "ASSAULT", "MOBILIZE", "AID", "SANCTION", "PROTEST")}
    empty = [t for t, n in counts.items() if n == 0]
    assert empty, counts
    response = client.get("/events.json", params={"actor": actor, "type": empty[0]})
    assert response.status_code == 200 and response.json()["events"] == []
    meetings = client.get("/meetings.json", params={"process": ids["process_id"]})
    assert meetings.status_code == 200 and meetings.json()["meetings"]


@pytest.mark.parametrize("url,parameter", [
    ("/events?since=2024-13-45", "since"), ("/events?modality=may%20be", "modality"), ("/events?limit=0", "limit"),
    ("/events?type=CON%3Cscript%3E", "type"), ("/documents?after=0", "after"), ("/actors?country=<b>", "country"),
    ("/events.csv?table=../etc", "table"), ("/search?q=" + "x" * 300, "q"),
    # the parameters of issue 22: unknown types and classes, reversed ranges, places, page cursors
    ("/events?type=PEACE", "type"), ("/events?quad=peace", "quad"), ("/events?place=-4", "place"),
    ("/events?place=Astana", "place"), ("/events?since=2020-02-01&until=2019-01-01", "until"),
    ("/events?after=yesterday", "after"), ("/events?after=2017-99-01~e1", "after"),
    ("/events.json?after=%3Cb%3E~x", "after"), ("/documents?after=2017-01-01~%3Cb%3E", "after"),
    ("/actors?after=many~RUS", "after"), ("/actors.json?after=2017-01-01~RUS", "after"),
    ("/events?modality=sometimes", "modality"), ("/events.csv?table=places&after=~", "after"),
    ("/meetings?after=2017-02-30~astana-1", "after"),
    ("/processes?after=many~astana", "after"), ("/processes.json?after=~astana", "after"),
    ("/processes.json?after=2017-01-01~astana", "after"), ("/processes?after=3~%3Cb%3E", "after"),
    ("/claims?after=disputed~deaths", "after"), ("/claims.json?after=~deaths", "after"),
    ("/meetings/astana-1?after=many~d1", "after"), ("/meetings/astana-1.json?after=~d1", "after"),
    ("/meetings/astana-1?after=3~%3Cb%3E", "after"), ("/meetings/astana-1.json?after=2017-01-01~d1", "after"),
])
def test_web_invalid_parameters_answer_400(client, url, parameter):
    """A bad value is a 400 naming the parameter, never a 500, and never echoed unescaped."""
    response = client.get(url)
    assert response.status_code == 400
    if "json" in response.headers["content-type"]:
        assert parameter in {d["parameter"] for d in response.json()["details"]}
    else:
        assert f"<code>{parameter}</code>" in response.text and "<b>" not in response.text


def test_web_escapes_article_markup(client):
    page = client.get(f"/documents/{XSS_ID}").text
    for raw in ("<script>window.__xss", '<img src=x onerror="window.__xss', 'href="javascript:'):
        assert raw not in page
    assert "&lt;script&gt;window." in page and "&lt;img src=x onerror=&#34;window." in page
    assert client.get(f"/documents/{XSS_ID}.json").json()["document"]["title"] == XSS_RECORD["title"]
    assert "script-src 'self'" in client.get(f"/documents/{XSS_ID}").headers["content-security-policy"]
    search = client.get("/search", params={"q": "<script>alert(1)</script>"}).text
    assert "<script>alert(1)" not in search and "&lt;script&gt;alert(1)" in search


def test_web_document_segments_rebuild_text_and_anchor_evidence(client, db):
    stored = {a["id"] for a in db.actors()}
    for record in db.documents()[:8]:
        data = client.get(f"/documents/{record['id']}.json").json()
        text = data["document"]["text"]
        assert "".join(p["text"] for p in data["segments"]) == text
        anchors = {a for p in data["segments"] for a in p["anchors"]}
        spans = db.document_spans(record["id"])
        assert {f"ev-{e['char_start']}" for e in spans["event_mentions"]} <= anchors
        assert {f"s-{s['idx']}" for s in spans["sentences"]} <= anchors
        linked = {p["href"] for p in data["segments"] if p["href"] and p["href"].startswith("/actors/")}
        assert linked == {f"/actors/{m['actor_id']}" for m in spans["mentions"] if m["actor_id"] in stored}


@pytest.mark.parametrize("marks,expected", [
    ([], [("abc", [])]),
    ([{"kind": "mention", "start": 0, "end": 1, "label": "x", "href": "/actors/X"}], [("a", ["mention"]), ("bc", [])]),
    ([{"kind": "evidence", "start": 0, "end": 3, "label": None, "href": "/events/e"},
      {"kind": "time", "start": 1, "end": 2, "label": "t", "href": None}],
     [("a", ["evidence"]), ("b", ["evidence", "time"]), ("c", ["evidence"])]),
])
def test_web_segments_cut_at_every_boundary(marks, expected):
    pieces = segments("abc", marks, [{"idx": 0, "char_start": 0, "char_end": 3}])
    assert [(p["text"], p["kinds"]) for p in pieces] == expected
    assert "s-0" in pieces[0]["anchors"]


@pytest.mark.parametrize("params,check", [
    ({"type": "CONSULT"}, lambda e, p: e["event_type"] == "CONSULT"),
    ({"modality": "future"}, lambda e, p: e["modality"] == "future"),
    ({"actor": "RUS"}, lambda e, p: "RUS" in e["actor_ids"] + e["recipient_ids"]),
    ({"since": "2023-01-01", "until": "2023-12-31"},
     lambda e, p: (e["date_end"] or e["date_start"]) >= p["since"] and e["date_start"] <= p["until"]),
    ({"process": "astana"}, lambda e, p: True),
    ({"type": "consult", "limit": 3}, lambda e, p: e["event_type"] == "CONSULT"),
])
def test_web_events_filters(client, db, params, check):
    data = client.get("/events.json", params=params).json()
    expected = db.events(event_type=(params.get("type") or "").upper() or None, actor=params.get("actor"),
                         since=params.get("since"), until=params.get("until"), modality=params.get("modality"),
                         process=params.get("process"), limit=params.get("limit", DEFAULT_LIMIT))
    assert [e["id"] for e in data["events"]] == [e["id"] for e in expected]
    assert data["events"] and all(check(e, params) for e in data["events"])
    assert len(data["events"]) < len(db.events()) or params == {"process": "astana"}


@pytest.mark.parametrize("size", [1, 3])
def test_web_listings_page_through_everything(client, db, size, monkeypatch):
    from parley.web import actors

    monkeypatch.setattr(actors, "PAGE_SIZE", size)
    pages = [client.get("/actors.json").json()]
    for _ in range(2):
        pages.append(client.get("/actors.json", params={"after": pages[-1]["next"]}).json())
    assert [a["id"] for p in pages for a in p["actors"]] == [a["id"] for a in db.actors()][:3 * size]
    assert pages[0]["total"] == len(db.actors()) and bool(pages[0]["next"]) == (len(db.actors()) > size)
    more = client.get("/events", params={"limit": 2})
    cursor = client.get("/events.json", params={"limit": 2}).json()["next"]
    assert f'id="more-events" rel="next" href="?limit=2&amp;after={quote(cursor)}"' in more.text


def test_web_processes_list_pages_through_every_process(client, db, monkeypatch):
    """The processes list, a page at a time, gives every process once in the order of one long
    list (most meetings first); a cursor whose process is gone goes on with fewer meetings."""
    from parley.web import processes

    monkeypatch.setattr(processes, "PAGE_SIZE", 2)
    every = [p["id"] for p in db.process_rows()]
    assert len(every) > 2 and every == [p["id"] for p in sorted(
        db.process_rows(), key=lambda p: (-p["n_meetings"], p["name"] or p["id"]))]
    seen, after, pages = [], None, 0
    while True:
        data = client.get("/processes.json", params={"after": after} if after else {}).json()
        assert data["total"] == len(every) == client.get("/.json").json()["counts"]["processes"]
        seen += [p["id"] for p in data["processes"]]
        pages, after = pages + 1, data["next"]
        if not after:
            break
    assert seen == every and pages == -(-len(every) // 2)
    first = client.get("/processes.json").json()
    html = client.get("/processes").text
    assert f'rel="next" href="/processes?after={quote(first["next"])}"' in html
    fewer = min(p["n_meetings"] for p in db.process_rows()) + 1
    rest = client.get("/processes.json", params={"after": f"{fewer}~no-such-process"}).json()["processes"]
    assert rest and all(p["n_meetings"] < fewer for p in rest)


def test_web_claims_page_through_every_group(client, db, monkeypatch):
    """The claim groups, a page at a time, are every group once in the order of the one long
    page; each keeps its number in the whole list (its section's id), and the totals are the
    list's; a cursor whose group is gone goes on with the next verdict."""
    from parley.store.listing import verdict_rank
    from parley.web import claims

    monkeypatch.setattr(claims, "PAGE_SIZE", 2)
    every = [g["id"] for g in db.claims()]
    assert len(every) > 2
    seen, after = [], None
    while True:
        data = client.get("/claims.json", params={"after": after} if after else {}).json()
        assert data["total"] == len(every) and data["start"] == len(seen)
        assert data["disputed"] == sum(1 for g in db.claims() if g["verdict"] not in (None, "consistent"))
        html = client.get("/claims", params={"after": after} if after else {}).text
        assert f'id="q-{len(seen) + 1}"' in html and f'id="claims-{len(seen) + len(data["groups"])}"' in html
        seen += [g["id"] for g in data["groups"]]
        after = data["next"]
        if not after:
            break
        assert f'rel="next" href="/claims?after={quote(after)}"' in html
    assert seen == every
    rank = verdict_rank(db.claims()[0])
    rest = client.get("/claims.json", params={"after": f"{rank}~no-such-group"}).json()["groups"]
    assert all(verdict_rank(g) > rank for g in rest) and len(rest) <= 2


def test_web_process_timeline_marks_every_meeting(client, db, ids):
    data = client.get(f"/processes/{ids['process_id']}.json").json()
    meetings = db.process(ids["process_id"])["meetings"]
    assert [m["id"] for m in data["timeline"]] == [m["id"] for m in meetings]
    known = [m["host"] for m in meetings if m.get("host")]
    runs = [host for host, _ in groupby(known)]
    assert sum(m["host_changed"] for m in data["timeline"]) == max(0, len(runs) - 1)
    assert all(m["host"] for m in data["timeline"] if m["host_changed"])
    html = client.get(f"/processes/{ids['process_id']}").text
    # the last meetings described, each linked; all of them a page at a time on the meetings list
    shown = [m["id"] for m in data["meetings"]]
    assert shown == [m["id"] for m in meetings][-len(shown):] and data["n_meetings"] == len(meetings)
    assert all(f'href="/meetings/{m}"' in html for m in shown)
    assert (f'href="/meetings?process={ids["process_id"]}"' in html) == (len(shown) < len(meetings))


def test_web_process_timeline_draws_the_last_meetings_and_links_to_all(client, db, ids, monkeypatch):
    import parley.web.processes as processes

    meetings = [m["id"] for m in db.process(ids["process_id"])["meetings"]]
    assert len(meetings) > 2
    monkeypatch.setattr(processes, "TIMELINE_MEETINGS", 2)
    data = client.get(f"/processes/{ids['process_id']}.json").json()
    assert [m["id"] for m in data["timeline"]] == meetings[-2:]
    assert (data["n_meetings"], data["timeline_shown"]) == (len(meetings), 2)
    html = client.get(f"/processes/{ids['process_id']}").text
    assert 'id="timeline-shown"' in html and f'href="/meetings?process={ids["process_id"]}"' in html
    monkeypatch.setattr(processes, "TIMELINE_MEETINGS", len(meetings))
    assert 'id="timeline-shown"' not in client.get(f"/processes/{ids['process_id']}").text


def test_web_meeting_shows_sources_side_by_side_with_sentences(client, db, ids):
    from parley.meeting_view import SOURCES_PER_PAGE

    data = client.get(f"/meetings/{ids['meeting_id']}.json").json()
    meeting = db.meeting(ids["meeting_id"])
    every = source_ids(meeting.get("sources"))
    assert [s["doc_id"] for s in data["sources"]] == every[:SOURCES_PER_PAGE] and data["n_sources"] == len(every)
    assert [f["fact"] for f in data["differences"]] == [f["fact"] for f in data["facts"] if f["differs"]]
    # whether the sources differ on a fact is said of all of them, through every page
    _, pages = _walk(client, f"/meetings/{ids['meeting_id']}.json", "sources")
    for fact in data["facts"]:
        values = {str(v) for page in pages for f in page["facts"] if f["fact"] == fact["fact"]
                  for v in f["by_source"].values()}
        assert fact["differs"] == (len(values) > 1)
        for sentence in fact["evidence"]:
            text = db.document(sentence["doc_id"])["text"]
            assert text[sentence["char_start"]:sentence["char_end"]] == sentence["text"]


def _walk(client, url: str, key: str) -> tuple[list[dict], list[dict]]:
    """Every row under ``key`` of a paged page and its later pages, by their ``next`` cursors;
    and each page's JSON."""
    found, pages, after = [], [], None
    path, _, query = url.partition("?")
    params = dict(parse_qsl(query))
    while True:
        page = client.get(path, params={**params, **({"after": after} if after else {})}).json()
        pages.append(page)
        found += page[key]
        if not page["next"]:
            return found, pages
        after = page["next"]


def test_web_meeting_sources_paged_by_cursor(db_path, tmp_path, monkeypatch):
    """A meeting page shows its first sources and the rest a page at a time after a cursor: the
    pages, read by key from the rows the derive step built, hold every source once in the
    meeting's order with what each says, each page's facts take their values from its sources,
    and the HTML links the next page (here two sources a page, on a copy of the web database)."""
    from parley import meeting_view
    from parley.store import connection
    from parley.store.meeting_pages import refresh_meeting_pages

    copy = tmp_path / "pages.duckdb"
    shutil.copy(db_path, copy)
    monkeypatch.setattr(meeting_view, "SOURCES_PER_PAGE", 2)
    with connection(copy) as conn:
        conn.execute("DELETE FROM meeting_pages")       # built again, two sources a page
        assert refresh_meeting_pages(conn, every=True) > 0
    client = TestClient(create_app(copy))
    served = Database(copy)
    busiest = max(served.meetings(), key=lambda m: len(source_ids(m.get("sources"))))
    every = source_ids(busiest.get("sources"))
    assert len(every) >= 3
    url = f"/meetings/{busiest['id']}"
    sources, pages = _walk(client, url + ".json", "sources")
    assert [s["doc_id"] for s in sources] == every and len(pages) == -(-len(every) // 2)
    assert [p["start"] for p in pages] == list(range(0, len(every), 2))
    for page in pages:
        assert page["n_sources"] == len(every) and len(page["sources"]) <= 2
        assert [s["doc_id"] for s in page["meeting"]["sources"]] == every[:2]
        for fact in page["facts"]:
            assert set(fact["by_source"]) <= {s["doc_id"] for s in page["sources"]}
            assert len(fact["evidence"]) == min(fact["n_evidence"], meeting_view.EVIDENCE_SHOWN)
    html = client.get(url).text
    assert f'href="{url}?after={pages[0]["next"]}#sources-pager"' in html
    assert f"Sources 1–2 of {len(every)}." in html
    last = client.get(url, params={"after": pages[-2]["next"]}).text
    assert 'rel="next"' not in last and f'href="{url}#sources-pager">first sources' in last
    # a cursor past the last source: the page says so (a 200), the sources list is empty
    beyond = client.get(url + ".json", params={"after": f"{len(every) // 2 * 2 + 1}~x"}).json()
    assert beyond["sources"] == [] and beyond["next"] is None


def test_web_process_meetings_paged_by_cursor(client, db, monkeypatch):
    """A process's meetings come a page at a time (of PROCESS_PAGE_SIZE) after a cursor: the pages
    hold each of its meetings once, in date order, and only its meetings."""
    from parley.web import meetings

    process = max(db.process_rows(), key=lambda p: p["n_meetings"])["id"]
    expected = [m["id"] for m in db.meetings_page(process=process, limit=1000)[0]]
    assert len(expected) >= 3
    monkeypatch.setattr(meetings, "PROCESS_PAGE_SIZE", 2)
    found, pages = _walk(client, f"/meetings.json?process={quote(process)}", "meetings")
    assert [m["id"] for m in found] == expected and all(len(p["meetings"]) <= 2 for p in pages)
    assert {m["process"] for m in found} == {process}
    html = client.get("/meetings", params={"process": process}).text
    assert 'rel="next"' in html and f"process={process}&amp;after=" in html


def test_web_internal_links_resolve(client):
    seen, queue, broken = set(), ["/", "/meetings", "/events", "/claims", "/actors"], []
    while queue and len(seen) < 100:
        url = queue.pop(0)
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url)
        if response.status_code != 200:
            broken.append((url, response.status_code))
            continue
        for href in re.findall(r'href="(/(?:processes|meetings|actors|events|documents)/[^"#?]+)', response.text):
            queue.append(unescape(href))
    assert not broken and len(seen) > 20


def test_web_openapi_documents_every_api_endpoint(client):
    spec = client.get("/openapi.json").json()
    api = {r["path"] for r in route_paths(client.app) if (r["name"] or "").endswith("_page_api")}
    assert api == {p for p in spec["paths"] if p.startswith("/api")}
    assert "since" in {p["name"] for p in spec["paths"]["/api/events"]["get"]["parameters"]}
    versions = client.get("/-/versions.json").json()
    assert versions["schema"] >= 3 and versions["duckdb"]


def test_web_never_writes_the_database(db_path, client, ids):
    before = hashlib.sha256(db_path.read_bytes()).hexdigest()
    for page in PAGES:
        client.get(_url(page, ids))
    assert hashlib.sha256(db_path.read_bytes()).hexdigest() == before


def _hold_write_lock(path, seconds: float) -> subprocess.Popen:
    code = ("import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); print('locked', flush=True); "
            "time.sleep(float(sys.argv[2])); c.close()")
    writer = subprocess.Popen([sys.executable, "-c", code, str(path), str(seconds)], stdout=subprocess.PIPE, text=True)
    assert writer.stdout.readline().strip() == "locked"
    return writer


def test_web_reads_wait_for_a_short_write(db_path, tmp_path):
    copy = tmp_path / "copy.duckdb"
    shutil.copy(db_path, copy)
    client = TestClient(create_app(copy))
    writer = _hold_write_lock(copy, 1.5)
    started = time.monotonic()
    response = client.get("/events")
    writer.wait(timeout=30)
    assert response.status_code == 200 and time.monotonic() - started >= 0.5


@pytest.mark.slow
def test_web_busy_database_answers_503_retry(db_path, tmp_path):
    copy = tmp_path / "copy.duckdb"
    shutil.copy(db_path, copy)
    client = TestClient(create_app(copy))
    writer = _hold_write_lock(copy, 30)
    try:
        html = client.get("/events")
    finally:
        writer.kill()
    assert html.status_code == 503 and re.search(r"Database busy, retry", html.text)
    assert html.headers["retry-after"] == "5"


# values no link of the app makes: markup, an impossible date, bare and markup-carrying cursors,
# numbers out of every range, an over-long word
HOSTILE_VALUES = ["<script>x</script>", "2017-02-30", "~", "2017-01-01~<b>x", "9" * 40, "-1", "x" * 250]


def test_web_no_parameter_of_any_route_is_a_server_error(client, ids):
    """Every query and path parameter of every route (HTML, JSON, CSV and API), given each hostile
    value, answers below 500; an HTML answer never holds the value's markup unescaped."""
    checked = 0
    for route in app_routes(client.app):
        dependant = getattr(route, "dependant", None)
        if dependant is None or "GET" not in route.methods:
            continue
        names = [p.name for p in dependant.path_params]
        own = route.path.format(**{name: quote(ids.get(name, "x"), safe="") for name in names})
        asked = [(own, {name: value}) for name in (p.name for p in dependant.query_params) for value in HOSTILE_VALUES]
        asked += [(route.path.format(**{other: quote(value if other == name else ids.get(other, "x"), safe="")
                                        for other in names}), {})
                  for name in names for value in HOSTILE_VALUES]
        for url, params in asked:
            response = client.get(url, params=params)
            checked += 1
            assert response.status_code < 500, (url, params, response.status_code)
            if response.headers["content-type"].startswith("text/html"):
                assert "<script>x" not in response.text and "<b>x" not in response.text, (url, params)
    assert checked > 500


def test_web_bad_cursor_is_escaped_in_the_error_page(client):
    response = client.get("/events", params={"after": "<script>alert(1)</script>"})
    assert response.status_code == 400 and "<code>after</code>" in response.text
    assert "<script>alert(1)" not in response.text and "&lt;script&gt;alert(1)" in response.text


@pytest.mark.parametrize("listing,key,size", [("events", "events", 3), ("documents", "documents", None),
                                               ("actors", "actors", None), ("meetings", "meetings", None)])
def test_web_keyset_pages_walk_the_whole_list_once(client, listing, key, size):
    """Following 'next' cursors visits every row once, in the order of one long page."""
    params = {"limit": size} if size else {}
    seen, after = [], None
    for _ in range(1000):
        data = client.get(f"/{listing}.json", params={**params, **({"after": after} if after else {})}).json()
        seen += [r["id"] for r in data[key]]
        after = data["next"]
        if not after:
            break
    assert len(seen) == len(set(seen)) and seen
    if listing == "events":
        everything = client.get("/events.json", params={"limit": 100_000}).json()["events"]
        assert seen == [e["id"] for e in everything] and len(seen) > size
    else:
        assert len(seen) == client.get("/.json").json()["counts"][listing]


def test_web_actor_page_first_mentions_from_their_summary(client, db, db_path):
    """The actor page lists the most mentioned actor's earliest mentions (by the document's
    date), read from ``actor_first_mentions``: the same as reading all its mentions, each with
    the whole sentence its document's text holds; its count is every mention."""
    from parley.store import connection
    from parley.web.actors import MAX_MENTIONS

    actor_id = db.actors()[0]["id"]
    page = client.get(f"/actors/{quote(actor_id)}.json").json()
    with connection(db_path, read_only=True) as conn:
        total = conn.execute("SELECT count(*) FROM mentions WHERE actor_id = ?", [actor_id]).fetchone()[0]
    everything = db.actor(actor_id)      # no limit: read from all its mentions, not the summary
    assert page["n_mentions"] == total == everything["n_mentions"] == len(everything["mentions"])
    assert page["mentions"] == everything["mentions"][:MAX_MENTIONS]
    assert page["mentions"]
    dates = [m["published"] or "9999" for m in page["mentions"]]
    assert dates == sorted(dates)
    for mention in page["mentions"]:
        text = db.document(mention["doc_id"])["text"]
        assert text[mention["char_start"]:mention["char_end"]] == mention["text"]
        assert mention["text"] in mention["sentence"] and mention["sentence"] in text


def test_web_actor_page_co_actors_count_shared_events(client, db):
    """The co-actors of the most mentioned actor share as many events with it as the events
    table says, most first, named as the actors table names them."""
    actor_id = db.actors()[0]["id"]
    shared: dict[str, int] = {}
    for event in db.events():
        ids = set(event["actor_ids"] or []) | set(event["recipient_ids"] or [])
        if actor_id in ids:
            for other in ids - {actor_id, "?", None}:
                shared[other] = shared.get(other, 0) + 1
    top = client.get(f"/actors/{quote(actor_id)}.json").json()["co_actors"]
    assert top
    assert [(n["id"], n["events"]) for n in top] == sorted(shared.items(), key=lambda kv: (-kv[1], kv[0]))[:len(top)]
    assert all(sum(n["types"].values()) == n["events"] for n in top)
    names = db.actor_names()
    assert all(n["name"] == names.get(n["id"], n["id"]) for n in top)


def test_web_segments_sweep_equals_testing_every_highlight():
    """For random overlapping highlights, each piece carries exactly the highlights that cover it
    (innermost first), as testing every highlight against every piece gives."""
    import random

    rng = random.Random(7)
    text = "".join(rng.choice("ab c.") for _ in range(300))
    for _ in range(40):
        marks = []
        for n in range(rng.randint(0, 40)):
            start = rng.randint(-5, 320)
            marks.append({"kind": rng.choice(["mention", "time", "evidence"]), "start": start,
                          "end": start + rng.randint(1, 60), "label": f"m{n}", "href": rng.choice([None, f"/x{n}"])})
        sentences = [{"idx": i, "char_start": c, "char_end": c + 10}
                     for i, c in enumerate(sorted(rng.sample(range(300), 10)))]
        pieces = segments(text, marks, sentences)
        assert "".join(p["text"] for p in pieces) == text
        ends = [p["start"] for p in pieces[1:]] + [len(text)]
        for piece, end in zip(pieces, ends):
            covering = sorted((m for m in marks if m["start"] <= piece["start"] and end <= m["end"]),
                              key=lambda m: m["end"] - m["start"])
            linked = next((m["href"] for m in covering if m["href"]), None)
            assert piece["kinds"] == sorted({m["kind"] for m in covering})
            assert piece["label"] == (" | ".join(m["label"] for m in covering) or None)
            assert piece["href"] == linked
            assert piece["evidence"] == [m["start"] for m in covering if m["kind"] == "evidence"]


def test_web_serve_with_two_workers_answers_as_one(client, db_path):
    """``parley serve --workers 2`` starts two server processes over the same file (each reads it
    read-only) and they answer what the app answers in this process."""
    import httpx

    with served_app(db_path, "--workers", "2") as (server, base):
        children = open(f"/proc/{server.pid}/task/{server.pid}/children").read().split()
        serving = [c for c in children if "parley" in open(f"/proc/{c}/cmdline").read() or "multiprocessing" in
                   open(f"/proc/{c}/cmdline").read()]
        assert len(serving) >= 2, children
        for path in ("/processes.json", "/claims.json", "/documents.json", "/.json"):
            answers = [httpx.get(base + path, timeout=30) for _ in range(4)]
            assert all(a.status_code == 200 and a.json() == client.get(path).json() for a in answers), path
