"""Meeting pages: every meeting, and one meeting with each fact, its sentences and its sources."""

from __future__ import annotations

from typing import Annotated, Optional

from fastapi import APIRouter, Path, Query

from parley.api import Database
from parley.web.processes import linked_actors
from parley.store.browse import BadCursor
from parley.web.views import invalid, page, require_known

router = APIRouter()
PAGE_SIZE = 100
# a process's meetings a page shows: the busiest process gains meetings with the corpus (7 at
# 1,000 articles, 62 at 10,000), and a page of them should not
PROCESS_PAGE_SIZE = 25


@page(router, "/meetings", "meetings.html", tables=("meetings",))
def meetings_page(db: Database,
                  process: Annotated[Optional[str], Query(max_length=200)] = None,
                  after: Annotated[Optional[str], Query(max_length=240, description="page cursor from a 'next' link")]
                  = None) -> dict:
    """Meetings merged across documents, in date order, a page at a time (of 100, or of 25 of one
    process's)."""
    try:
        records, cursor = db.meetings_page(process=process, after=after,
                                           limit=PROCESS_PAGE_SIZE if process else PAGE_SIZE)
    except BadCursor as error:
        raise invalid("after", after, str(error)) from None
    require_known(db, records, process=process)
    return {"process": process, "after": after, "next": cursor, "meetings": records,
            "names": db.names_for([m["host"] for m in records if m.get("host")])}


@page(router, "/meetings/{meeting_id}", "meeting.html", tables=("facts", "sources"))
def meeting_page(db: Database, meeting_id: Annotated[str, Path(max_length=200)],
                 after: Annotated[Optional[str], Query(max_length=240, description="sources cursor from a 'next' link")]
                 = None) -> dict:
    """One meeting: each fact with its supporting sentences, where the sources differ, and what
    its sources say, five at a time (``after``: the cursor of the page's ``next`` link)."""
    try:
        content = db.meeting_content(meeting_id, after)
    except BadCursor as error:
        raise invalid("after", after, str(error)) from None
    return {**content, "after": after, "names": db.names_for(linked_actors({}, [content["meeting"]]))}
