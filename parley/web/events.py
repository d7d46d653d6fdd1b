"""Event pages: a filterable table of events with PLOVER and CAMEO codes, and one event's evidence."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Optional

from fastapi import APIRouter, Path, Query

from parley.api import Database
from parley.codebooks import MODALITIES, PLOVER_TYPES, cameo_codes
from parley.web.views import actor_names, page

router = APIRouter()
DEFAULT_LIMIT = 200


def cameo_name(code: str | None) -> str | None:
    """Return the CAMEO codebook name of ``code``, or None when unknown.

    :param code: a CAMEO event code such as ``"046"``.
    """
    row = cameo_codes().get(code or "")
    return row["name"] if row else None


def _label(event: dict) -> dict:
    event["cameo_name"] = cameo_name(event.get("cameo"))
    return event


@page(router, "/events", "events.html", tables=("events",))
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
    limit: Annotated[int, Query(ge=1, le=100_000)] = DEFAULT_LIMIT,
) -> dict:
    """Events, one per happening, filtered by type, actor, dates, modality and process."""
    filters = {"type": type.upper() if type else None, "actor": actor or None,
               "since": since.isoformat() if since else None, "until": until.isoformat() if until else None,
               "modality": modality, "process": process or None, "limit": limit}
    records = db.events(event_type=filters["type"], actor=filters["actor"], since=filters["since"],
                        until=filters["until"], modality=modality, limit=limit, process=filters["process"])
    return {"filters": filters,
            "options": {"type": list(PLOVER_TYPES), "modality": list(MODALITIES),
                        "process": [{"id": p["id"], "name": p["name"]} for p in db.processes()]},
            "events": [_label(e) for e in records], "names": actor_names(db)}


@page(router, "/events/{event_id}", "event.html", tables=("mentions",))
def event_page(db: Database, event_id: Annotated[str, Path(max_length=200)]) -> dict:
    """One event with every sentence that reports it."""
    return {"event": _label(db.event(event_id)), "mentions": db.event_mentions(event_id), "names": actor_names(db)}
