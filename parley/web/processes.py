"""Process pages: the list of processes, and one process as a timeline of its meetings."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path

from parley.api import Database
from parley.web.views import actor_names, page

router = APIRouter()
Id = Annotated[str, Path(max_length=200)]
ROLE_ORDER = ("host", "guarantor", "mediator", "party", "delegation", "observer")


def participants_by_role(participants: list) -> list[dict]:
    """Group a meeting's participants by role, the usual roles first.

    :param participants: ``[{"actor", "role"}]`` (an actor may be an id or an actor dict).
    :returns: ``[{"role", "actors": [...]}]``.
    """
    groups: dict[str, list] = {}
    for item in participants or []:
        if not isinstance(item, dict):
            item = {"actor": item, "role": None}
        actor = item.get("actor")
        if isinstance(actor, dict):
            actor = actor.get("id") or actor.get("name")
        groups.setdefault(item.get("role") or "participant", [])
        if actor not in groups[item.get("role") or "participant"]:
            groups[item.get("role") or "participant"].append(actor)
    order = {role: i for i, role in enumerate(ROLE_ORDER)}
    return [{"role": role, "actors": actors}
            for role, actors in sorted(groups.items(), key=lambda kv: (order.get(kv[0], len(order)), kv[0]))]


def source_ids(sources: list) -> list[str]:
    """Return the document ids of a meeting's sources (ids or dicts with ``doc_id``/``id``)."""
    out = []
    for source in sources or []:
        doc_id = source.get("doc_id") or source.get("id") if isinstance(source, dict) else source
        if doc_id and doc_id not in out:
            out.append(str(doc_id))
    return out


def timeline_marks(meetings: list[dict]) -> list[dict]:
    """Return one timeline mark per meeting, in date order, with host changes flagged.

    :param meetings: merged meetings of one process.
    """
    marks, previous_host = [], None
    for meeting in meetings:
        host = meeting.get("host")
        if isinstance(host, dict):
            host = host.get("id") or host.get("name")
        ordinal = meeting.get("ordinal")
        label = f"round {ordinal}" if ordinal else (meeting.get("kind") or "meeting")
        marks.append({"id": meeting.get("id"), "label": label,
                      "start": meeting.get("start"), "end": meeting.get("end") or meeting.get("start"),
                      "status": meeting.get("status") or "unknown", "venue": meeting.get("venue"), "host": host,
                      "host_changed": bool(previous_host and host and host != previous_host),
                      "sources": len(source_ids(meeting.get("sources")))})
        previous_host = host or previous_host
    return marks


@page(router, "/processes", "processes.html", tables=("processes",))
def processes_page(db: Database) -> dict:
    """Every process with its number of meetings."""
    records = db.processes()
    for record in records:
        record["n_meetings"] = len(db.meetings(process=record["id"]))
    return {"processes": records}


@page(router, "/processes/{process_id}", "process.html", tables=("meetings", "decisions"))
def process_page(db: Database, process_id: Id) -> dict:
    """One process: a timeline of its meetings, then each meeting with participants by role."""
    process = db.process(process_id)
    meetings = process.pop("meetings")
    for meeting in meetings:
        meeting["participants_by_role"] = participants_by_role(meeting.get("participants"))
        meeting["source_ids"] = source_ids(meeting.get("sources"))
    decisions = [d if isinstance(d, dict) else {"text": str(d)} for d in process.pop("decisions", None) or []]
    return {"process": process, "timeline": timeline_marks(meetings), "decisions": decisions, "meetings": meetings,
            "names": actor_names(db)}
