"""An actor's pages read from its own summary rows (issue 22): the events of an actor, paged
and mapped from ``event_actors``, and the actor page's first events and chart, equal what
reading the events table gives, on the web tests' database (three ingests, so the summaries
were moved incrementally)."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from test_web_fixtures import client, db, db_path  # noqa: F401 (fixtures)

from parley.codebooks import PLOVER_QUAD
from parley.store import browse, connection


@pytest.fixture(scope="module")
def busiest(db):
    """The actor with the most events, and the actor it shares most events with."""
    counted: dict[str, int] = {}
    for event in db.events():
        for actor in {*(event["actor_ids"] or []), *(event["recipient_ids"] or [])} - {"?"}:
            counted[actor] = counted.get(actor, 0) + 1
    actor = max(sorted(counted), key=counted.get)
    partner = db.co_actors(actor, limit=1)[0]["id"]
    return actor, partner


def _from_events_table(conn, **filters):
    """``events_page`` and ``event_places`` the way they read without the actor's rows: the events table."""
    original = browse._actor_rows
    browse._actor_rows = lambda *args, **kwargs: None
    try:
        pages, after = [], None
        while True:
            found, after = browse.events_page(conn, after=after, limit=3, **filters)
            pages.append([e["id"] for e in found])
            if not after:
                break
        return pages, browse.event_places(conn, **filters)
    finally:
        browse._actor_rows = original


@pytest.mark.parametrize("extra", [{}, {"event_type": "CONSULT"}, {"quad": "verbal-cooperation"},
                                   {"since": "2017-01-01", "until": "2023-12-31"}, {"partner": True},
                                   {"place": True}])
def test_actor_events_paged_and_mapped_from_its_rows_equal_the_events_table(db_path, busiest, extra):
    actor, partner = busiest
    with connection(db_path, read_only=True) as conn:
        if extra.get("partner"):
            extra = {"partner": partner}
        if extra.get("place"):
            extra = {"place": browse.event_places(conn, actor=actor)[0]["geonameid"]}
        filters = {"actor": actor, **extra}
        assert browse._actor_rows(**{k: filters.get(k) for k in (
            "actor", "event_type", "since", "until", "modality", "process", "quad", "place", "partner")})
        expected_pages, expected_places = _from_events_table(conn, **filters)
        pages, after = [], None
        while True:
            found, after = browse.events_page(conn, after=after, limit=3, **filters)
            pages.append([e["id"] for e in found])
            if not after:
                break
        assert pages == expected_pages and pages[0]
        places = browse.event_places(conn, **filters)
        assert places == expected_places
        if not extra:
            assert places and sum(p["events"] for p in places) == conn.execute(
                "SELECT count(*) FROM events WHERE geonameid IS NOT NULL AND (list_contains(actor_ids, ?) "
                "OR list_contains(recipient_ids, ?))", [actor, actor]).fetchone()[0]


def test_events_of_an_actor_page_lists_its_events_in_date_order(client, db, busiest):
    actor, _ = busiest
    data = client.get("/events.json", params={"actor": actor, "limit": 5}).json()
    expected = db.events(actor=actor, limit=5)
    assert [e["id"] for e in data["events"]] == [e["id"] for e in expected] and data["next"]
    assert client.get("/events", params={"actor": actor}).status_code == 200


def test_actor_page_first_events_and_chart_count_its_events(client, db, busiest):
    """The actor page's events are its earliest by date, each on the side the event gives it;
    its chart and numbers add up to all its dated events by quad class."""
    from parley.web.actors import MAX_EVENTS

    actor, _ = busiest
    page = client.get(f"/actors/{quote(actor)}.json").json()
    mine = db.events(actor=actor)
    assert [e["id"] for e in page["events"]] == [e["id"] for e in mine][:MAX_EVENTS]
    for event in page["events"]:
        assert event["as"] == ("actor" if actor in (event["actor_ids"] or []) else "recipient")
    assert page["n_events"] == len(mine)
    by_quad: dict[str, int] = {}
    for event in mine:
        if event["date_start"]:
            quad = browse.QUADS[PLOVER_QUAD[event["event_type"]]]
            by_quad[quad] = by_quad.get(quad, 0) + 1
    rows = page["event_counts"]
    assert {q: sum(r[q] for r in rows) for q in by_quad} == by_quad
    assert sum(r["total"] for r in rows) + page["chart"]["undated"] == len(mine)
    html = client.get(f"/actors/{quote(actor)}").text
    assert html.count('<a class="bar"') == sum(len(b["segments"]) for b in page["chart"]["bars"]) > 0


def test_actors_list_counts_roles_without_listing_them(client, db):
    listed = client.get("/actors.json").json()["actors"]
    assert listed and all("roles" not in a for a in listed)
    for record in listed[:10]:
        assert record["n_roles"] == len(db.actor(record["id"], mentions_limit=1).get("roles") or [])


@pytest.mark.parametrize("path", ["/events?actor=RUS&after=2017-01-01", "/events?actor=RUS&after=x~~y",
                                  "/events.json?actor=RUS&place=abc", "/events?actor=RUS&quad=peace",
                                  "/events.json?actor=RUS&since=2020-01-01&until=2019-01-01",
                                  "/actors?after=2017-01-01~RUS"])
def test_bad_parameters_of_an_actors_pages_are_a_400(client, path):
    response = client.get(path)
    assert response.status_code == 400, response.text[:200]


def test_actors_list_pages_from_the_kept_order_equal_the_query(db_path, client):
    """A later page of the unfiltered actors list, its ids found by bisection in the order kept per
    state, is the page the sorted query gives: after every listed actor, after cursors whose actor
    is not listed (a later id, more or fewer mentions than any), one and several rows a page; the
    web list walked through its next links holds every mentioned actor once, in that order."""
    with connection(db_path, read_only=True) as conn:
        order = browse.actor_order(conn)
        listed = conn.execute("SELECT actor_id FROM actor_summary WHERE mentions > 0 "
                              "ORDER BY mentions DESC, actor_id").fetchall()
        assert [r[0] for r in order.ranked] == [r[0] for r in listed] and len(listed) > 20
        cursors = [browse.make_cursor(mentions, actor_id) for actor_id, mentions, _ in order.ranked]
        most = order.ranked[0][1]
        cursors += [browse.make_cursor(mentions, actor_id + "0") for actor_id, mentions, _ in order.ranked[::7]]
        cursors += [browse.make_cursor(most + 1, "A"), browse.make_cursor(0, "A"), browse.make_cursor(1, "zzzz")]
        for after in cursors:
            for limit in (1, 6):
                kept = browse.actors_page(conn, after=after, limit=limit, order=order)
                assert kept == browse.actors_page(conn, after=after, limit=limit), (after, limit)
    seen, after = [], None
    while True:
        page = client.get("/actors.json", params={"after": after} if after else {}).json()
        seen += [a["id"] for a in page["actors"]]
        after = page["next"]
        if not after:
            break
    assert seen == [r[0] for r in listed]
