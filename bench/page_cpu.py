"""Benchmark: CPU milliseconds of one request of the heaviest pages, served in this process, for this
checkout and (``--baseline DIR``) another, over the same databases.

``bench/web.py`` serves the pages over HTTP from four clients: on a busy machine its p95 and even
its server CPU per request move by half from one run to the next. This asks the app in process
(an ASGI client; the page's sync handler run inline), each page 20 times in 5 rounds after 5
warm-up requests, in 3 fresh processes per code taken in turn, and keeps the best round: the
page's own work, as little of the machine's load as can be had. The pages: the document with
most mentions, the process with most meetings, the most mentioned actor (each with its JSON
twin), a search of one word and of two.

Usage: python bench/page_cpu.py --db 1k=FILE --db 10k=FILE [--baseline DIR --baseline-db 1k=FILE ...]
       [--page PATH ...] [--only PATH ...] [--report page_cpu]
``--page`` adds a path (the same at every size, e.g. ``/events?type=CONSULT&since=2015-01-01``);
``--only`` measures only the paths that contain one of these texts. A "path" of the form
``store:search WORDS`` or ``store:map QUERY`` (``since=2015-01-01&types=CONSULT``) times one store
call instead of a page: the word index's search (:func:`parley.store.terms.search_documents`) or
a dated map (:meth:`parley.store.place_groups.PlacedEvents.places`, 150 places).
``--baseline-db`` gives the file the baseline reads for a database (a copy from before this
checkout's migrations); without it, the ``--db`` one. Writes bench/reports/<report>.json.
"""

from __future__ import annotations

import argparse
import json
import os
import time
from pathlib import Path
from urllib.parse import quote

from _common import REPO, child_json, write_report

ROUNDS, PER_ROUND, WARM = 5, 20, 5
CHILDREN = 3        # fresh processes per code and database, taken in turn
SEARCHES = ("ceasefire", "peace talks")


def pages(db: Path) -> list[str]:
    """The heaviest page of each kind this benchmark watches, each with its JSON twin."""
    from parley.store import connection

    with connection(db, read_only=True) as conn:
        doc = conn.execute("SELECT doc_id FROM mentions GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1").fetchone()
        process = conn.execute("SELECT process FROM meetings WHERE process IS NOT NULL GROUP BY 1 "
                               "ORDER BY count(*) DESC, 1 LIMIT 1").fetchone()
        actor = conn.execute("SELECT actor_id FROM actor_summary ORDER BY mentions DESC, 1 LIMIT 1").fetchone()
    out = [f"/documents/{quote(doc[0])}"] if doc else []
    out += [f"/processes/{quote(process[0])}"] if process else []
    out += [f"/actors/{quote(actor[0])}"] if actor else []
    return [p for page in out for p in (page, f"{page}.json")] + [f"/search?q={quote(q)}" for q in SEARCHES]


def best_round(call) -> float:
    """The best round's CPU milliseconds per call of ``call()``, after the warm-up calls."""
    for _ in range(WARM):
        call()
    best = float("inf")
    for _ in range(ROUNDS):
        started = time.process_time()
        for _ in range(PER_ROUND):
            call()
        best = min(best, (time.process_time() - started) * 1000 / PER_ROUND)
    return round(best, 2)


def store_call(conn, item: str):
    """The store call a ``store:`` item names (see the module's docstring), ready to be timed."""
    from urllib.parse import parse_qs

    from parley.store.place_groups import placed_events
    from parley.store.terms import search_documents

    kind, _, argument = item.removeprefix("store:").partition(" ")
    if kind == "search":
        return lambda: search_documents(conn, argument)
    query = {k: v[0] for k, v in parse_qs(argument).items()}
    placed = placed_events(conn)
    types = set(query.pop("types").split(",")) if "types" in query else None
    return lambda: placed.places(150, types, **query)


def measure(db: Path, paths: list[str]) -> dict[str, float]:
    """The best round's CPU milliseconds per request of each path, asked of the app in this
    process (per call of a ``store:`` item)."""
    import asyncio

    from parley.store import connection

    calls = [p for p in paths if p.startswith("store:")]
    with connection(db, read_only=True) as conn:
        timed = {item: best_round(store_call(conn, item)) for item in calls}
    paths = [p for p in paths if p not in timed]

    import fastapi.routing
    import httpx

    from parley.web.app import create_app

    async def inline(func, *args, **kwargs):
        return func(*args, **kwargs)

    fastapi.routing.run_in_threadpool = inline      # the page's handler in this thread, timed with it
    app = create_app(db)

    async def run() -> dict[str, float]:
        out = dict(timed)
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://parley") as client:
            for path in paths:
                for _ in range(WARM):
                    assert (await client.get(path)).status_code == 200, path
                best = float("inf")
                for _ in range(ROUNDS):
                    started = time.process_time()
                    for _ in range(PER_ROUND):
                        await client.get(path)
                    best = min(best, (time.process_time() - started) * 1000 / PER_ROUND)
                out[path] = round(best, 2)
        return out

    return asyncio.run(run())


def in_child(db: Path, paths: list[str], code: Path | None) -> dict[str, float]:
    """:func:`measure` in a fresh Python importing this checkout's parley, or ``code``'s."""
    env = {**os.environ, **({"PYTHONPATH": str(code)} if code else {})}
    return child_json(Path(__file__).resolve(), "--child", str(db), *paths, env=env, cwd=code or REPO)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", action="append", default=[], metavar="NAME=FILE")
    parser.add_argument("--baseline", type=Path, metavar="DIR", help="another checkout of parley, measured too")
    parser.add_argument("--baseline-db", action="append", default=[], metavar="NAME=FILE")
    parser.add_argument("--page", action="append", default=[], metavar="PATH", help="measure this path too")
    parser.add_argument("--only", action="append", default=[], metavar="TEXT",
                        help="measure only the paths containing TEXT (repeatable)")
    parser.add_argument("--report", default="page_cpu")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(measure(Path(args.child[0]), args.child[1:])))
        return
    theirs = dict(item.split("=", 1) for item in args.baseline_db)
    results = {}
    for name, path in (item.split("=", 1) for item in args.db):
        chosen = [page for page in pages(Path(path)) + args.page
                  if not args.only or any(text in page for text in args.only)]
        after, before = {}, {}
        for _ in range(CHILDREN):
            # the two codes in turn, each's best: a busy machine's load moves between runs
            for found, db, code in ((after, Path(path), None), (before, Path(theirs.get(name, path)), args.baseline)):
                if code is None and found is before:
                    continue
                for page, ms in in_child(db, chosen, code).items():
                    found[page] = min(ms, found.get(page, ms))
        results[name] = {page: {"cpu_ms": after[page], **({"baseline_cpu_ms": before[page]} if before else {})}
                         for page in chosen}
        for page, found in results[name].items():
            print(f"{name:5} {page:48} {found.get('baseline_cpu_ms', '-'):>7} -> {found['cpu_ms']:>7} ms", flush=True)
    write_report(args.report, {"rounds": ROUNDS, "requests_per_round": PER_ROUND, "processes": CHILDREN,
                               "load_average": os.getloadavg(),
                               "databases": results})


if __name__ == "__main__":
    main()
