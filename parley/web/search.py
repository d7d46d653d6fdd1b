"""The home page and search over actors, processes and documents."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from parley.api import Database
from parley.web.views import page

router = APIRouter()
HOME_PROCESSES = 30     # the processes with the most meetings; /processes lists them all
HOME_DOCUMENTS = 20     # the newest; /documents lists them all


@page(router, "/", "index.html", tables=("processes", "documents"))
def index_page(db: Database) -> dict:
    """The home page: processes, the latest documents and what the database holds."""
    from parley.web.processes import process_rows

    processes = process_rows(db, limit=HOME_PROCESSES)
    documents = db.latest_documents(HOME_DOCUMENTS)
    return {"processes": processes, "documents": documents, "counts": db.counts()}


@page(router, "/search", "search.html", tables=("actors", "processes", "documents"))
def search_page(db: Database, q: Annotated[str, Query(max_length=200)] = "") -> dict:
    """Actors, processes and documents whose names, aliases, titles or text contain ``q``."""
    found = db.search(q.strip()) if q.strip() else {"actors": [], "processes": [], "documents": []}
    return {"q": q, **found}
