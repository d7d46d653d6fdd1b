"""Process pages: the list of processes, and one process as a timeline of its meetings."""

from __future__ import annotations

from typing import Annotated, Optional

from fastapi import APIRouter, Path, Query

from parley.api import Database
from parley.meeting_view import participants_by_role, source_ids
from parley.web.charts import event_chart, place_map
from parley.store.browse import BadCursor
from parley.web.views import invalid, page

router = APIRouter()
Id = Annotated[str, Path(max_length=200)]
# meetings a process page describes in full (its last ones); the meetings list of the process
# pages through every one
MEETING_CARDS = 5
# meetings the timeline draws (its last ones in process order); the page links to the meetings
# list of the process for all of them, so that a long-running process's page does not grow
TIMELINE_MEETINGS = 200
PAGE_SIZE = 50      # processes a page of the list shows (a large corpus discovers hundreds)


def timeline_marks(meetings: list[dict]) -> list[dict]:
    """Return one timeline mark per meeting, in date order, with host changes flagged.

    :param meetings: merged meetings of one process (whole records, or their columns with
        ``n_sources`` and ``kind``).
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
                      "sources": len(source_ids(meeting["sources"])) if meeting.get("sources") is not None
                      else meeting.get("n_sources") or 0})
        previous_host = host or previous_host
    return marks


@page(router, "/processes", "processes.html", tables=("processes",))
def processes_page(db: Database, after: Annotated[Optional[str], Query(
        max_length=240, description="page cursor from a 'next' link")] = None) -> dict:
    """Every process, listed or discovered, with its meetings, parties and span, most meetings
    first, a page at a time."""
    try:
        records, cursor = db.processes_page(after=after, limit=PAGE_SIZE)
    except BadCursor as error:
        raise invalid("after", after, str(error)) from None
    return {"after": after, "next": cursor, "total": len(db.process_rows()), "processes": records}


def process_rows(db: Database, limit: int | None = None) -> list[dict]:
    """One row per process (``id``, ``name``, ``discovered``, ``parties``, ``n_meetings``, ``first``,
    ``last``, ``events``, ``aliases``), the most meetings first; at most ``limit``."""
    found = db.process_rows()
    return found[:limit] if limit else list(found)


@page(router, "/processes/{process_id}", "process.html", tables=("meetings", "decisions"))
def process_page(db: Database, process_id: Id) -> dict:
    """One process: a timeline of its last ``TIMELINE_MEETINGS`` meetings, then its last meetings
    with participants by role (all of them, a page at a time, on the meetings list of the process)."""
    process = db.process_outline(process_id, MEETING_CARDS, last=TIMELINE_MEETINGS)
    meetings, shown, n_meetings = process.pop("meetings"), process.pop("details"), process.pop("n_meetings")
    for meeting in shown:
        meeting["participants_by_role"] = participants_by_role(meeting.get("participants"))
        meeting["source_ids"] = source_ids(meeting.get("sources"))
    decisions = [d if isinstance(d, dict) else {"text": str(d)} for d in process.pop("decisions", None) or []]
    counts = db.process_event_counts(process_id)
    places = db.event_places(process=process_id)
    return {"process": process, "timeline": timeline_marks(meetings), "decisions": decisions, "meetings": shown,
            "n_meetings": n_meetings, "timeline_shown": len(meetings), "event_counts": counts,
            "chart": event_chart(counts, {"process": process_id}),
            "places": places, "map": place_map(places, {"process": process_id}, meeting_venues(db, meetings)),
            "names": db.names_for(linked_actors(process, shown))}


def meeting_venues(db: Database, meetings: list[dict]) -> list[dict]:
    """The venues of ``meetings`` that have coordinates, each with its meetings and a link to the first.

    :returns: ``[{"name", "lat", "lon", "meetings": [ids], "href"}]``.
    """
    by_venue: dict[str, list[str]] = {}
    for meeting in meetings:
        venue = meeting.get("venue")
        venue = venue.get("name") if isinstance(venue, dict) else venue
        if isinstance(venue, str) and venue:
            by_venue.setdefault(venue, []).append(meeting["id"])
    found = db.venue_coordinates(list(by_venue))
    return [{"name": name, "lat": found[name][0], "lon": found[name][1], "meetings": ids,
             "href": f"/meetings/{ids[0]}"} for name, ids in by_venue.items() if name in found]


def linked_actors(process: dict, meetings: list[dict]) -> list[str]:
    """Every actor id a process page links to: hosts and each meeting's host and participants."""
    ids = [h.get("host") for h in process.get("hosts") or [] if isinstance(h, dict)]
    for meeting in meetings:
        host = meeting.get("host")
        ids.append(host.get("id") if isinstance(host, dict) else host)
        ids.extend(a for g in meeting.get("participants_by_role") or [] for a in g["actors"])
    return [i for i in ids if isinstance(i, str)]
