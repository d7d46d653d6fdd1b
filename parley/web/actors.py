"""Actor pages: every mentioned actor, and one actor with its roles, events over time and network."""

from __future__ import annotations

from typing import Annotated, Optional

from fastapi import APIRouter, Path, Query

from parley.api import Database
from parley.store.browse import BadCursor
from parley.web.charts import event_chart
from parley.web.events import event_ids
from parley.web.views import invalid, page

router = APIRouter()
Code = Annotated[Optional[str], Query(max_length=8, pattern=r"^[A-Za-z]{2,8}$")]
MAX_MENTIONS = 50
MAX_EVENTS = 50
PAGE_SIZE = 100
MAX_NEIGHBOURS = 15


@page(router, "/actors", "actors.html", tables=("actors",))
def actors_page(db: Database, country: Code = None, sector: Code = None,
                after: Annotated[Optional[str], Query(max_length=240, description="page cursor from a 'next' link")]
                = None) -> dict:
    """Actors with their aliases, roles and mention counts (most mentioned first), a page at a time."""
    try:
        records, cursor = db.actors_page(country=country, sector=sector, after=after, limit=PAGE_SIZE)
    except BadCursor as error:
        raise invalid("after", after, str(error)) from None
    return {"filters": {"country": country, "sector": sector}, "after": after, "next": cursor,
            "total": db.count_actors(country=country, sector=sector), "actors": records}


def network(actor_id: str, name: str, neighbours: list[dict]) -> dict:
    """The actors that ``actor_id`` shares most events with, as nodes and weighted edges.

    :param actor_id: the actor at the centre.
    :param name: its display name.
    :param neighbours: :meth:`parley.api.Database.co_actors` rows.
    :returns: ``{"nodes": [{"id", "name", "center"}], "edges": [{"source", "target", "weight", "types"}]}``.
    """
    nodes = [{"id": actor_id, "name": name, "center": True}]
    nodes += [{"id": n["id"], "name": n["name"], "center": False} for n in neighbours]
    edges = [{"source": actor_id, "target": n["id"], "weight": n["events"], "types": n["types"]} for n in neighbours]
    return {"nodes": nodes, "edges": edges}


@page(router, "/actors/{actor_id}", "actor.html", tables=("events", "event_counts", "co_actors", "mentions", "roles"))
def actor_page(db: Database, actor_id: Annotated[str, Path(max_length=200)]) -> dict:
    """One actor: names, country, sector, roles over time, events over time by PLOVER class,
    its first events, the actors it shares most events with, and where it is mentioned."""
    actor = db.actor(actor_id, mentions_limit=MAX_MENTIONS)
    mentions, n_mentions = actor.pop("mentions"), actor.pop("n_mentions")
    roles = [r for r in actor.pop("roles", None) or [] if isinstance(r, dict)]
    roles.sort(key=lambda r: str(r.get("start") or ""))
    overview = db.actor_overview(actor_id, limit=MAX_NEIGHBOURS, events=MAX_EVENTS)
    counts, neighbours, events = overview["quads"], overview["co_actors"], overview["events"]
    chart = event_chart(counts, {"actor": actor_id})
    names = db.names_for([*event_ids(events), *(n["id"] for n in neighbours)])    # one lookup for both
    neighbours = [{"id": n["id"], "name": names.get(n["id"], n["id"]), "events": n["events"], "types": n["types"]}
                  for n in neighbours]
    return {"actor": actor, "roles": roles, "events": events, "n_events": sum(c["n"] for c in counts),
            "event_counts": [r for r in (chart["earlier"], *chart["rows"], chart["later"]) if r], "chart": chart,
            "co_actors": neighbours, "network": network(actor_id, actor["name"], neighbours),
            "names": names, "mentions": mentions, "n_mentions": n_mentions}
