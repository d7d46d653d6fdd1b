"""Meeting pages: every meeting, and one meeting with each fact, its sentences and its sources."""

from __future__ import annotations

from typing import Annotated, Optional

from fastapi import APIRouter, Path, Query

from parley.api import Database
from parley.web.processes import linked_actors
from parley.store.browse import BadCursor
from parley.web.views import invalid, page

router = APIRouter()
PAGE_SIZE = 100


@page(router, "/meetings", "meetings.html", tables=("meetings",))
def meetings_page(db: Database,
                  process: Annotated[Optional[str], Query(max_length=200)] = None,
                  after: Annotated[Optional[str], Query(max_length=240, description="page cursor from a 'next' link")]
                  = None) -> dict:
    """Meetings merged across documents, in date order, a page at a time."""
    try:
        records, cursor = db.meetings_page(process=process, after=after, limit=PAGE_SIZE)
    except BadCursor as error:
        raise invalid("after", after, str(error)) from None
    return {"process": process, "after": after, "next": cursor, "meetings": records,
            "names": db.names_for([m["host"] for m in records if m.get("host")])}


@page(router, "/meetings/{meeting_id}", "meeting.html", tables=("facts", "sources"))
def meeting_page(db: Database, meeting_id: Annotated[str, Path(max_length=200)]) -> dict:
    """One meeting: each fact with its supporting sentences, and where the sources differ."""
    content = db.meeting_content(meeting_id)
    return {**content, "names": db.names_for(linked_actors({}, [content["meeting"]]))}
