"""Event pages: a filterable table of events with PLOVER and CAMEO codes and a map of where they
took place, and one event's evidence."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal, Optional

from fastapi import APIRouter, Path, Query

from parley.api import Database
from parley.codebooks import MODALITIES, PLOVER_TYPES, cameo_codes
from parley.store.browse import QUADS, BadCursor
from parley.web.charts import place_map
from parley.web.fragments import ByIdentity
from parley.web.views import invalid, page, require_known

router = APIRouter()
DEFAULT_LIMIT = 100
ACTOR_CHOICES = 200
# the map of a places list kept per database state (every event's), drawn once per state
MAPS = ByIdentity()
Quad = Literal["verbal-cooperation", "material-cooperation", "verbal-conflict", "material-conflict"]


def cameo_name(code: str | None) -> str | None:
    """Return the CAMEO codebook name of ``code``, or None when unknown.

    :param code: a CAMEO event code such as ``"046"``.
    """
    row = cameo_codes().get(code or "")
    return row["name"] if row else None


def _label(event: dict) -> dict:
    event["cameo_name"] = cameo_name(event.get("cameo"))
    return event


def event_ids(events: list[dict]) -> list[str]:
    """Every actor and recipient id of ``events`` (the names a page needs)."""
    return [i for e in events for i in (*(e.get("actor_ids") or []), *(e.get("recipient_ids") or []))]


@page(router, "/events", "events.html", tables=("events", "places"))
def events_page(
    db: Database,
    type: Annotated[Optional[str], Query(max_length=20, pattern=r"^[A-Za-z]+$",
                                         description="PLOVER event type, e.g. CONSULT")] = None,
    actor: Annotated[Optional[str], Query(max_length=200, description="actor id as actor or recipient")] = None,
    since: Annotated[Optional[date], Query(description="ISO date; events ending before it are left out")] = None,
    until: Annotated[Optional[date], Query(description="ISO date; events starting after it are left out")] = None,
    modality: Annotated[Optional[str], Query(max_length=20, pattern=r"^[a-z_]+$",
                                             description="asserted, negated, future, hypothetical, ...")] = None,
    process: Annotated[Optional[str], Query(max_length=200, description="process id")] = None,
    quad: Annotated[
        Optional[Quad],
        Query(description="PLOVER quad class: verbal-cooperation, material-cooperation, "
              "verbal-conflict, material-conflict"),
    ] = None,
    place: Annotated[Optional[int], Query(ge=0, le=2**53, description="GeoNames id of the place")] = None,
    partner: Annotated[Optional[str], Query(max_length=200, description="a second actor the events also have")]
    = None,
    after: Annotated[Optional[str], Query(max_length=240, description="page cursor from a 'next' link")] = None,
    limit: Annotated[int, Query(ge=1, le=100_000)] = DEFAULT_LIMIT,
) -> dict:
    """Events, one per happening, filtered by type, actor, dates, modality, process, quad class and
    place, a page at a time, with a map of where they took place."""
    if type and type.upper() not in PLOVER_TYPES:
        raise invalid("type", type, f"not a PLOVER event type; one of {', '.join(PLOVER_TYPES)}")
    if modality and modality not in MODALITIES:
        raise invalid("modality", modality, f"one of {', '.join(MODALITIES)}")
    if since and until and since > until:
        raise invalid("until", until.isoformat(), f"before 'since' ({since.isoformat()}): no event can match")
    filters = {"type": type.upper() if type else None, "actor": actor or None,
               "since": since.isoformat() if since else None, "until": until.isoformat() if until else None,
               "modality": modality, "process": process or None, "quad": quad, "place": place,
               "partner": partner or None}
    query = {"event_type": filters["type"], **{k: v for k, v in filters.items() if k != "type"}}
    try:
        records, cursor = db.events_page(after=after, limit=limit, **query)
    except BadCursor as error:
        raise invalid("after", after, str(error)) from None
    require_known(db, records, actors=(actor, partner), process=process)
    places = db.event_places(**query)
    link = {k: v for k, v in filters.items() if v is not None and k != "place"}
    choices = db.top_actor_names(ACTOR_CHOICES)
    return {"filters": {**filters, "limit": limit, "after": after}, "next": cursor,
            "options": {"type": list(PLOVER_TYPES), "modality": list(MODALITIES), "quad": list(QUADS.values()),
                        "process": db.process_names(),
                        "actor": choices},
            "events": [_label(e) for e in records], "places": places,
            "map": MAPS.get(places, tuple(link.items()), lambda: place_map(places, link)),
            "names": db.names_for(event_ids(records))}


@page(router, "/events/{event_id}", "event.html", tables=("mentions",))
def event_page(db: Database, event_id: Annotated[str, Path(max_length=200)]) -> dict:
    """One event with every sentence that reports it."""
    event = _label(db.event(event_id))
    return {"event": event, "mentions": db.event_mentions(event_id), "names": db.names_for(event_ids([event]))}
