"""The view machinery shared by every page: one builder, three representations.

A page is a function ``build(db, **params) -> dict`` registered with :func:`page`. The same
dict is rendered with a Jinja template at ``PATH``, served as JSON at ``PATH.json`` and at
``/api/PATH``, and its tables (the list-valued keys named in ``tables``) as CSV at
``PATH.csv?table=NAME``, the way Datasette serves every page in several formats.
"""

from __future__ import annotations

import csv
import inspect
import io
import json
import typing
from datetime import date, datetime
from pathlib import Path
from typing import Any, Callable, Sequence

from fastapi import APIRouter, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader
from markupsafe import Markup

from parley.api import Database
from parley.store.queries import NotFound
from parley.web import fragments

HERE = Path(__file__).parent


class DictFirstEnvironment(Environment):
    """A Jinja environment that reads ``row.field`` of a dict as its key before trying an attribute.

    Pages hand templates plain dicts; Jinja's default tries ``getattr`` first, which raises and
    catches an ``AttributeError`` for every field shown (thousands on a page of a hundred rows,
    a third of the rendering time). A dict's own methods (``items``, ``get``) are still found.
    """

    def getattr(self, obj: Any, attribute: str) -> Any:
        if type(obj) is dict and attribute in obj and not hasattr(dict, attribute):
            return obj[attribute]
        return super().getattr(obj, attribute)


# templates ship with the package and do not change while it runs: no stat() per page
TEMPLATES = Jinja2Templates(env=DictFirstEnvironment(loader=FileSystemLoader(str(HERE / "templates")),
                                                     autoescape=True, auto_reload=False))
# Article text reaches templates as data: autoescape must stay on for every template name.
TEMPLATES.env.autoescape = True
FORMATS = ("json", "csv", "api", "html")


def _json_default(value: Any) -> Any:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, (set, tuple)):
        return list(value)
    return str(value)


def dumps(value: Any, indent: int | None = None) -> str:
    """Serialise ``value`` to JSON the way every JSON twin does (dates as ISO strings).

    :param value: any JSON-ready structure.
    :param indent: pretty-print indentation.
    """
    return json.dumps(value, ensure_ascii=False, default=_json_default, indent=indent)


class ParleyJSON(JSONResponse):
    """A JSON response that understands dates."""

    def render(self, content: Any) -> bytes:
        return dumps(content).encode("utf-8")


def script_json(value: Any) -> Markup:
    """Return ``value`` as JSON safe to place inside a ``<script type="application/json">`` element.

    :param value: any JSON-ready structure.
    """
    text = dumps(value).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(text)


def http_url(value: Any) -> str | None:
    """Return ``value`` if it is an http(s) URL, else None: article metadata must not inject ``javascript:`` links.

    :param value: a URL from a document's metadata.
    """
    text = str(value or "").strip()
    return text if text.lower().startswith(("http://", "https://")) else None


def number(value: Any) -> str:
    """Format a claimed quantity for reading: thousands separated, no float noise.

    :param value: an int, a float or None.
    """
    if not isinstance(value, (int, float)):
        return "" if value is None else str(value)
    return f"{value:,.0f}" if abs(value) >= 100 or float(value).is_integer() else f"{value:,.2f}"


TEMPLATES.env.filters["tojson"] = script_json
TEMPLATES.env.filters["number"] = number
TEMPLATES.env.filters["http_url"] = http_url
for _name in ("actor_links", "event_rows", "actor_event_rows", "mention_items", "options", "map_marks", "map_rows",
              "text_html", "chart_bars"):
    TEMPLATES.env.filters[_name] = getattr(fragments, _name)


def invalid(parameter: str, value: Any, problem: str) -> RequestValidationError:
    """A 400 answer naming ``parameter``, its (echoed, escaped) ``value`` and what is wrong with it.

    Raise it from a page builder for a value that passes the type check but means nothing here
    (an unknown PLOVER type, a page cursor this app did not make, an empty date range).
    """
    return RequestValidationError([{"loc": ("query", parameter), "msg": problem, "input": value}])


def require_known(db: Database, records: Sequence[dict], actors: Sequence[str | None] = (),
                  process: str | None = None) -> None:
    """Raise :class:`NotFound` (a 404 naming it) when a page filtered by an actor or process id
    came out empty because no actor or process has that id: a mistyped id is an error to report,
    not a filter that matches nothing. A page with rows is not checked (no query is added)."""
    if records:
        return
    for actor_id in actors:
        if actor_id and actor_id not in db.names_for([actor_id]):
            raise NotFound(f"no actor {actor_id!r}")
    if process and process not in {p["id"] for p in db.process_names()}:
        raise NotFound(f"no process {process!r}")


def get_db(request: Request) -> Database:
    """Return the :class:`~parley.api.Database` the app serves."""
    return request.app.state.db


def actor_names(db: Database) -> dict[str, str]:
    """Return actor id → display name for every stored actor (the ids that have a page).

    :param db: the database served.
    """
    return db.actor_names()


def to_csv(records: Sequence[dict]) -> str:
    """Return ``records`` as CSV text: one column per key seen, nested values as JSON.

    :param records: a list of flat or nested dicts.
    """
    columns: list[str] = []
    for record in records:
        columns.extend(k for k in record if k not in columns)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    for record in records:
        row = []
        for column in columns:
            value = record.get(column)
            row.append(dumps(value) if isinstance(value, (dict, list)) else "" if value is None else value)
        writer.writerow(row)
    return out.getvalue()


def _links(request: Request, path: str, tables: Sequence[str]) -> dict:
    query = f"?{request.url.query}" if request.url.query else ""
    sep = "&" if query else "?"
    return {"json": f"{path}.json{query}", "api": f"/api{path}{query}",
            "csv": {t: f"{path}.csv{query}{sep}table={t}" for t in tables}}


def render(request: Request, fmt: str, data: dict, template: str, path: str,
           tables: Sequence[str] = (), table: str | None = None) -> Response:
    """Serve one page's dict as HTML, JSON or CSV.

    :param fmt: ``"html"``, ``"json"``, ``"api"`` or ``"csv"``.
    :param data: the page's dict (exactly the JSON twin).
    :param template: the Jinja template for HTML.
    :param path: the concrete HTML path of this page (for the alternate links).
    :param tables: the list-valued keys offered as CSV.
    :param table: the table asked for, for CSV.
    """
    if fmt in ("json", "api"):
        return ParleyJSON(data)
    if fmt == "csv":
        name = table or tables[0]
        if name not in tables:
            return ParleyJSON({"error": f"no table {name!r}; choose one of {list(tables)}"}, status_code=400)
        filename = f"{path.strip('/').replace('/', '-') or 'index'}-{name}.csv"
        return Response(to_csv(data.get(name) or []), media_type="text/csv; charset=utf-8",
                        headers={"Content-Disposition": f'attachment; filename="{filename}"'})
    return TEMPLATES.TemplateResponse(request, template, {"data": data, **data,
                                                          "links": _links(request, path, tables)})


def page(router: APIRouter, path: str, template: str, tables: Sequence[str] = (),
         summary: str | None = None) -> Callable:
    """Register ``build(db, **params)`` as a page at ``path`` and its JSON, API and CSV twins.

    :param router: the router of the page type.
    :param path: the HTML path, e.g. ``/actors/{actor_id}``.
    :param template: the Jinja template name.
    :param tables: list-valued keys of the page's dict offered as CSV downloads.
    :param summary: the OpenAPI summary of the JSON endpoint.
    """
    def decorator(build: Callable[..., dict]) -> Callable[..., dict]:
        hints = typing.get_type_hints(build, include_extras=True)
        params = [p.replace(annotation=hints.get(p.name, p.annotation))
                  for p in list(inspect.signature(build).parameters.values())[1:]]
        request_param = inspect.Parameter("request", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=Request)
        # Suffixed routes first: "/actors/{id}" would otherwise swallow "/actors/RUS.json".
        for fmt in FORMATS:
            if fmt == "csv" and not tables:
                continue
            route_path = {"json": f"{path.rstrip('/') or '/'}.json" if path != "/" else "/.json",
                          "csv": f"{path}.csv" if path != "/" else "/.csv",
                          "api": f"/api{path}".rstrip("/") or "/api", "html": path}[fmt]
            endpoint = _endpoint(build, fmt, template, path, tables)
            extra = [inspect.Parameter("table", inspect.Parameter.KEYWORD_ONLY, annotation=str | None,
                                       default=Query(None, max_length=64, pattern=r"^\w+$"))] if fmt == "csv" else []
            endpoint.__signature__ = inspect.Signature([request_param, *params, *extra])
            router.add_api_route(route_path, endpoint, methods=["GET"], include_in_schema=fmt == "api",
                                 response_class=HTMLResponse if fmt == "html" else ParleyJSON,
                                 summary=summary or (build.__doc__ or "").strip().splitlines()[0],
                                 name=f"{build.__name__}_{fmt}")
        return build

    return decorator


def _endpoint(build: Callable[..., dict], fmt: str, template: str, path: str, tables: Sequence[str]) -> Callable:
    def endpoint(request: Request, **params: Any) -> Response:
        table = params.pop("table", None)
        db = get_db(request)
        with db.reading():
            data = build(db, **params)
        concrete = path.format(**request.path_params) if request.path_params else path
        return render(request, fmt, data, template, concrete, tables, table)

    endpoint.__name__ = f"{build.__name__}_{fmt}"
    return endpoint
