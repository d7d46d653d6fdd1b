"""parley's read-only web app: FastAPI over :class:`parley.api.Database`.

Every HTML page has a JSON twin at the same path plus ``.json`` (and under ``/api``); the
OpenAPI document is at ``/openapi.json``; diagnostics live under ``/-/``. The app never
writes: each request opens the database read-only for the time of one query, so an ingest
running in another process only makes a request wait (and, past the store's patience, get a
503 page saying to retry).

Example::

    from parley.web.app import create_app
    app = create_app("parley.duckdb")      # or: parley serve --db parley.duckdb
"""

from __future__ import annotations

import gc
import logging
import os
import platform
from importlib.metadata import version
from urllib.parse import parse_qsl, urlencode
from pathlib import Path

import duckdb
import fastapi
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Receive, Scope, Send

from parley.api import Database
from parley.store import DEFAULT_DB, DatabaseBusy, DatabaseNotFound, DatabaseUnwritable
from parley.store.summaries import bring_up_to_date
from parley.store.queries import NotFound
from parley.store.schema import SCHEMA_VERSION
from parley.web import actors, claims, documents, events, meetings, processes, search
from parley.web.views import HERE, TEMPLATES, ParleyJSON

log = logging.getLogger(__name__)
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8001
PARLEY_VERSION = version("parley")
ROUTERS = (search, processes, meetings, actors, events, documents, claims)


def create_app(db_path: str | Path = DEFAULT_DB) -> FastAPI:
    """Build the web app over the database at ``db_path``.

    :param db_path: a DuckDB file written by ``parley ingest``.
    :returns: a FastAPI application (serve it with uvicorn, or :func:`serve`).
    """
    app = FastAPI(title="parley", version=PARLEY_VERSION,
                  description="Negotiations from the news: processes, meetings, actors, events, claims.",
                  # FastAPI's documentation pages load their scripts from a CDN: none here (no internet).
                  docs_url=None, redoc_url=None, openapi_url="/openapi.json")
    try:
        bring_up_to_date(db_path)
    except (DatabaseBusy, DatabaseUnwritable, duckdb.Error) as error:
        # served as it is: pages that read the summaries answer an error until an ingest builds them
        log.warning("%s: could not bring the database up to date: %s", db_path, error)
    app.state.db = Database(db_path, shared_reader=True)
    app.mount("/-/static", StaticFiles(directory=str(HERE / "static")), name="static")
    app.add_api_route("/-/versions.json", versions, methods=["GET"], include_in_schema=False)
    app.add_api_route("/-/routes.json", routes, methods=["GET"], include_in_schema=False)
    for module in ROUTERS:
        app.include_router(module.router)
    app.add_exception_handler(NotFound, _not_found)
    app.add_exception_handler(DatabaseBusy, _busy)
    app.add_exception_handler(DatabaseNotFound, _no_database)
    app.add_exception_handler(RequestValidationError, _invalid)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_middleware(DropEmptyParameters)
    app.add_middleware(SecurityHeaders)
    return app


# Defence in depth behind autoescaping: the browser runs only this app's own script files.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")


class SecurityHeaders:
    """Add a Content-Security-Policy and ``nosniff`` to every response."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                message.setdefault("headers", [])
                message["headers"] = [*message["headers"], (b"content-security-policy", CSP.encode()),
                                      (b"x-content-type-options", b"nosniff")]
            await send(message)

        await self.app(scope, receive, send_with_headers if scope["type"] == "http" else send)


class DropEmptyParameters:
    """Drop empty query parameters: a filter form sends unset fields as ``x=``, which means "any"."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope.get("query_string"):
            pairs = parse_qsl(scope["query_string"].decode("latin-1"), keep_blank_values=True)
            scope = {**scope, "query_string": urlencode([(k, v) for k, v in pairs if v != ""]).encode("latin-1")}
        await self.app(scope, receive, send)


SERVED_DB = "PARLEY_SERVED_DB"     # the file a worker process serves (serve with workers)


def serve(db: str | Path = DEFAULT_DB, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT, workers: int = 1) -> None:
    """Run the web app with uvicorn until interrupted.

    :param db: the DuckDB file to serve (read-only).
    :param host: interface to listen on; the default serves this machine only.
    :param port: TCP port.
    :param workers: server processes, each with its own read-only connection (DuckDB lets
        several processes read a file). One is the default: the pages' work is Python, which one
        process runs on one core, but on a machine of two cores two workers made the benchmark's
        pages slower (some 45 ms more at p95 from 4 clients), the workers and the clients
        competing for the same cores.
    """
    import uvicorn

    if workers > 1:
        create_app(db)      # migrates and builds the summaries once, before the workers start
        os.environ[SERVED_DB] = str(db)
        uvicorn.run("parley.web.app:worker_app", factory=True, host=host, port=port, workers=workers,
                    log_level="warning")
        return
    uvicorn.run(_frozen(create_app(db)), host=host, port=port, log_level="warning")


def worker_app() -> FastAPI:
    """The app of one worker process of :func:`serve` (the file named by ``PARLEY_SERVED_DB``)."""
    return _frozen(create_app(os.environ[SERVED_DB]))


def _frozen(app: FastAPI) -> FastAPI:
    # Everything loaded so far (the libraries, the pipeline's modules) lives as long as the
    # server: left to the garbage collector, each full collection walked it all, a pause of
    # 100-250 ms for every request in flight every few seconds under load (the p95 of a fast
    # page). Frozen, a full collection walks only what the requests made since.
    gc.collect()
    gc.freeze()
    return app


def versions(request: Request) -> ParleyJSON:
    """Versions of parley, its schema and the libraries under the app."""
    return ParleyJSON({"parley": PARLEY_VERSION, "schema": SCHEMA_VERSION,
                       "python": platform.python_version(), "duckdb": duckdb.__version__,
                       "fastapi": fastapi.__version__, "database": str(request.app.state.db.path)})


def app_routes(app: FastAPI) -> list:
    """Every route object of ``app``, the routes of included routers in their place.

    :param app: the web app.
    """
    out, pending = [], list(app.routes)
    while pending:
        route = pending.pop(0)
        included = getattr(route, "original_router", None)
        if included is not None:
            pending = list(included.routes) + pending
        elif hasattr(route, "path"):
            out.append(route)
    return out


def route_paths(app: FastAPI) -> list[dict]:
    """Every route of ``app`` (routers included), as ``{"path", "name"}``.

    :param app: the web app.
    """
    return [{"path": route.path, "name": getattr(route, "name", None)} for route in app_routes(app)]


def routes(request: Request) -> ParleyJSON:
    """Every route the app answers, with its name."""
    return ParleyJSON(route_paths(request.app))


def _wants_json(request: Request) -> bool:
    path = request.url.path
    return path.endswith(".json") or path.endswith(".csv") or path.startswith("/api")


def error_page(request: Request, status: int, title: str, message: str, details: list | None = None,
               headers: dict | None = None):
    """Answer an error as JSON (for JSON, CSV and API paths) or as an HTML page.

    :param status: the HTTP status code.
    :param title: a short title, e.g. "Not found".
    :param message: what went wrong, for the reader.
    :param details: optional list of specifics (validation errors).
    """
    body = {"ok": False, "status": status, "error": title, "message": message, "details": details or []}
    if _wants_json(request):
        return ParleyJSON(body, status_code=status, headers=headers)
    return TEMPLATES.TemplateResponse(request, "error.html", {**body, "data": body, "links": None},
                                      status_code=status, headers=headers)


def _not_found(request: Request, error: NotFound):
    # the message itself, not str(): a LookupError subclass may quote it as KeyError does
    return error_page(request, 404, "Not found", str(error.args[0]) if error.args else "Not found")


def _busy(request: Request, error: DatabaseBusy):
    return error_page(request, 503, "Database busy, retry",
                      "Another process is writing to the database (an ingest is running). "
                      "Reload this page in a few seconds.", headers={"Retry-After": "5"})


def _no_database(request: Request, error: DatabaseNotFound):
    return error_page(request, 503, "No database", str(error))


def _invalid(request: Request, error: RequestValidationError):
    details = [{"parameter": ".".join(str(p) for p in e.get("loc", ())[1:]), "problem": e.get("msg"),
                "value": str(e.get("input"))[:200] if e.get("input") is not None else None}
               for e in error.errors()]
    return error_page(request, 400, "Invalid parameter", "Some parameters of this request are not valid.",
                      details)


def _http_error(request: Request, error: StarletteHTTPException):
    if error.status_code == 404:
        return error_page(request, 404, "Not found", f"No page at {request.url.path}")
    return error_page(request, error.status_code, "Error", str(error.detail))
