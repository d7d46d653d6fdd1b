"""Actor pages: every mentioned actor, and one actor with its roles, events and network."""

from __future__ import annotations

from collections import Counter
from typing import Annotated, Optional

from fastapi import APIRouter, Path, Query

from parley.api import Database
from parley.web.views import actor_names, page

router = APIRouter()
Code = Annotated[Optional[str], Query(max_length=8, pattern=r"^[A-Za-z]{2,8}$")]
MAX_MENTIONS = 300
MAX_EVENTS = 300
PAGE_SIZE = 200
MAX_NEIGHBOURS = 15


@page(router, "/actors", "actors.html", tables=("actors",))
def actors_page(db: Database, country: Code = None, sector: Code = None,
                page: Annotated[int, Query(ge=1, le=1_000_000)] = 1) -> dict:
    """Actors with their aliases, roles and mention counts (most mentioned first), a page at a time."""
    records = db.actors(country=country, sector=sector)
    start = (page - 1) * PAGE_SIZE
    return {"filters": {"country": country, "sector": sector}, "page": page, "total": len(records),
            "has_next": start + PAGE_SIZE < len(records), "actors": records[start:start + PAGE_SIZE]}


def network(actor_id: str, events: list[dict], names: dict[str, str]) -> dict:
    """The actors that ``actor_id`` interacts with in ``events``, as nodes and weighted edges.

    :param actor_id: the actor at the centre.
    :param events: events where it is actor or recipient.
    :param names: actor id → display name.
    :returns: ``{"nodes": [{"id", "name", "center"}], "edges": [{"source", "target", "weight", "types"}]}``.
    """
    weights: Counter = Counter()
    types: dict[str, Counter] = {}
    for event in events:
        others = set(event.get("actor_ids") or []) | set(event.get("recipient_ids") or [])
        for other in others - {actor_id}:
            weights[other] += 1
            types.setdefault(other, Counter())[event.get("event_type") or "?"] += 1
    neighbours = [other for other, _ in weights.most_common(MAX_NEIGHBOURS)]
    nodes = [{"id": actor_id, "name": names.get(actor_id, actor_id), "center": True}]
    nodes += [{"id": other, "name": names.get(other, other), "center": False} for other in neighbours]
    edges = [{"source": actor_id, "target": other, "weight": weights[other],
              "types": dict(types[other].most_common())} for other in neighbours]
    return {"nodes": nodes, "edges": edges}


@page(router, "/actors/{actor_id}", "actor.html", tables=("events", "mentions", "roles"))
def actor_page(db: Database, actor_id: Annotated[str, Path(max_length=200)]) -> dict:
    """One actor: names, country, sector, roles over time, events as actor and recipient, network."""
    actor = db.actor(actor_id, mentions_limit=MAX_MENTIONS)
    mentions, n_mentions = actor.pop("mentions"), actor.pop("n_mentions")
    roles = [r for r in actor.pop("roles", None) or [] if isinstance(r, dict)]
    roles.sort(key=lambda r: str(r.get("start") or ""))
    events = db.events(actor=actor_id)
    for event in events:
        event["as"] = "actor" if actor_id in (event.get("actor_ids") or []) else "recipient"
    names = actor_names(db)
    timeline = [{"id": e["id"], "date_start": e.get("date_start"), "event_type": e.get("event_type"),
                 "cameo": e.get("cameo"), "modality": e.get("modality"), "as": e["as"]} for e in events]
    return {"actor": actor, "roles": roles, "events": events[:MAX_EVENTS], "n_events": len(events),
            "timeline": timeline, "network": network(actor_id, events, names), "names": names,
            "mentions": mentions, "n_mentions": n_mentions}
