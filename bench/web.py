"""Benchmark: requests per second and 95th-percentile latency of the web app's main pages.

Runs ``parley serve`` (uvicorn, one process) over two databases, the demo corpus and one built
from N benchmark articles, and requests each main page (HTML) from a few client threads. The
baseline, in the same run, is ``/-/versions.json``: a route that never opens the database, so
the gap between it and a page is the page's own cost (queries plus rendering).

Usage: python bench/web.py [--articles 2000] [--requests 60] [--clients 4] [--clean-only]
       [--demo-db FILE] [--news-db FILE] [--db NAME=FILE ...] [--pages WORDS ...] [--report NAME]
       [--workers N] [--baseline DIR] [--baseline-db NAME=FILE ...]
``--clean-only`` builds the databases without the NLP pipeline (documents only) when the
pipeline is unavailable or too slow; the report says which. ``--db 1k=a.duckdb --db 10k=b.duckdb``
measures databases built beforehand (``parley ingest``) instead, and the report compares each
page's p95 on the last with the first (``growth``) against the targets of issue 22 (p95 at most
100 ms on the largest, at most 2 times the smallest's). Writes bench/reports/web.json.

Each page is requested twice per client before the timed requests (not counted), so that the
timed ones see a warm server. ``--workers N`` serves with ``parley serve --workers N``; the
server CPU then counts every worker process. ``--baseline DIR`` serves another checkout of
parley (say ``git worktree add --detach DIR main``) over the same files and measures each page on
it just before this checkout's, so that a before/after comparison sees the same load (a busy
machine moves the figures by half from one run to the next); the targets judge this checkout.
``--baseline-db 10k=old.duckdb`` has the baseline serve another file for the database named
``10k`` (a copy of it from before this checkout's migrations, which the baseline's code reads as
it was), while this checkout serves the ``--db`` one.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from urllib.parse import quote

import httpx
from _common import REPO, bench_articles, write_report

from parley.api import Database
from parley.pipeline import DEFAULT_PIPELINE

SAMPLE = REPO / "parley" / "data" / "sample"


def build(path: Path, inputs: list[tuple[list[str], Path | None]], clean_only: bool) -> float:
    """Ingest ``inputs`` into a fresh database at ``path``; return the seconds it took."""
    started = time.perf_counter()
    db = Database(path)
    for paths, manifest in inputs:
        db.ingest(paths, manifest=manifest, stages=() if clean_only else DEFAULT_PIPELINE)
    return time.perf_counter() - started


def serve(db: Path, workers: int = 1, code: Path | None = None) -> tuple[subprocess.Popen, str]:
    """Start ``parley serve`` (with ``workers`` processes) on a free port; return the process and its base URL.

    :param code: serve the parley of this checkout instead of the one this Python imports.
    """
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    options = ["serve", "--db", str(db), "--port", str(port)] + (["--workers", str(workers)] if workers > 1 else [])
    # another checkout: imported ahead of this one (whose editable install finds it first otherwise)
    start = ["-m", "parley"] if code is None else ["-c", (
        "import sys; sys.meta_path[:] = [f for f in sys.meta_path "
        "if '__editable__' not in getattr(f, '__module__', '')];"
        f" sys.path.insert(0, {str(code)!r}); from parley.cli import app; app(prog_name='parley')")]
    server = subprocess.Popen([sys.executable, *start, *options],
                              cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            httpx.get(f"{base}/-/versions.json", timeout=2)
            return server, base
        except httpx.TransportError:
            time.sleep(0.1)
    server.kill()
    raise RuntimeError("parley serve did not start")


def main_pages(base: str, heavy: dict[str, str] | None = None) -> dict[str, str]:
    """Every page kind of a running app, each with its JSON twin, with ids taken from its own
    JSON twins: the most mentioned actor, the process with most meetings, the second page of
    each keyset list, filtered lists; and the heaviest records of ``heavy`` (``meeting``: the
    meeting with most sources, ``document``: the document with most mentions)."""
    get = lambda path, **params: httpx.get(base + path, params=params, timeout=120).json()  # noqa: E731
    heavy = heavy or {}
    pages = {"home": "/", "processes": "/processes", "meetings": "/meetings", "events": "/events",
             "documents": "/documents", "claims": "/claims", "actors": "/actors", "search": "/search?q=ceasefire",
             "search two words": "/search?q=peace+talks",
             "events filtered": "/events?type=CONSULT&since=2015-01-01&until=2019-12-31",
             "events of a quad": "/events?quad=material-conflict", "actors of a country": "/actors?country=USA"}
    for listing in ("events", "documents", "actors", "meetings", "processes", "claims"):
        cursor = get(f"/{listing}.json").get("next")
        if cursor:
            pages[f"{listing} page 2"] = f"/{listing}?after={quote(cursor)}"
    processes = get("/processes.json")["processes"]
    if processes:
        busiest = max(processes, key=lambda p: p.get("n_meetings") or 0)["id"]
        pages["process"] = f"/processes/{quote(busiest)}"
        pages["events of a process"] = f"/events?process={quote(busiest)}"
        pages["meetings of a process"] = f"/meetings?process={quote(busiest)}"
    if heavy.get("meeting"):
        pages["meeting"] = f"/meetings/{quote(heavy['meeting'])}"
    actors = get("/actors.json")["actors"]
    if actors:
        pages["actor"] = f"/actors/{quote(actors[0]['id'])}"
        pages["actor, 50th most mentioned"] = f"/actors/{quote(actors[min(49, len(actors) - 1)]['id'])}"
        pages["events of an actor"] = f"/events?actor={quote(actors[0]['id'])}"
        place = next((p["geonameid"] for p in get("/events.json")["places"] if p.get("geonameid")), None)
        if place is not None:
            pages["events at a place"] = f"/events?place={place}"
    events = get("/events.json")["events"]
    if events:
        pages["event"] = f"/events/{quote(events[0]['id'])}"
    documents = get("/documents.json")["documents"]
    if documents:
        pages["document"] = f"/documents/{quote(documents[0]['id'])}"
    if heavy.get("document"):
        pages["document, most mentions"] = f"/documents/{quote(heavy['document'])}"
    out = {"baseline /-/versions.json": "/-/versions.json"}
    for name, path in pages.items():
        out[name] = path
        out[f"{name}.json"] = json_twin(path)
    return out


def json_twin(path: str) -> str:
    """The JSON twin of a page's path: ``.json`` before the query string (``/.json`` for home)."""
    route, _, query = path.partition("?")
    return ("/.json" if route == "/" else f"{route}.json") + (f"?{query}" if query else "")


def cpu_seconds(pid: int) -> float:
    """CPU seconds (user + system) a process and its live child processes (a server's workers)
    have used so far, from /proc."""
    with open(f"/proc/{pid}/stat") as handle:
        fields = handle.read().rsplit(")", 1)[1].split()
    total = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as handle:
            children = [int(child) for child in handle.read().split()]
    except OSError:
        children = []
    for child in children:
        try:
            total += cpu_seconds(child)
        except OSError:
            pass        # ended since
    return total


def measure(base: str, path: str, requests: int, clients: int, server_pid: int | None = None) -> dict:
    """Request ``path`` ``requests`` times from ``clients`` threads; return throughput, latencies
    and the server's CPU milliseconds per request (which a busy machine inflates less than time)."""
    def one(_):
        started = time.perf_counter()
        status = client.get(base + path).status_code
        return time.perf_counter() - started, status

    with httpx.Client(timeout=120) as client, ThreadPoolExecutor(clients) as pool:
        # warm-up, not timed: two requests per client (each of several workers gets some, and
        # a page's per-state reads are made)
        list(pool.map(one, range(2 * clients)))
        cpu0 = cpu_seconds(server_pid) if server_pid else 0.0
        started = time.perf_counter()
        results = list(pool.map(one, range(requests)))
        elapsed = time.perf_counter() - started
        cpu = cpu_seconds(server_pid) - cpu0 if server_pid else None
    latencies = sorted(r[0] for r in results)
    return {"path": path, "requests": requests, "errors": sum(1 for r in results if r[1] != 200),
            "requests_per_second": round(requests / elapsed, 1),
            "p50_ms": round(statistics.median(latencies) * 1000, 1),
            "p95_ms": round(latencies[max(0, int(len(latencies) * 0.95) - 1)] * 1000, 1),
            "server_cpu_ms_per_request": round(cpu * 1000 / requests, 1) if cpu is not None else None}


def bench_database(name: str, db: Path, requests: int, clients: int, only: list[str] | None = None,
                   workers: int = 1, baseline: Path | None = None, baseline_db: Path | None = None) -> dict:
    """Serve ``db`` (with ``workers`` server processes) and measure every main page (``only``: the
    page kinds whose name contains one of these words, the baseline always); with ``baseline``
    (another checkout), serve it too (over ``baseline_db`` if given, else ``db``) and measure each
    page on it just before this one's, so that both meet the same load (its figures under each
    page's ``before``)."""
    server, base = serve(db, workers)
    before = serve(baseline_db or db, workers, baseline) if baseline else None
    try:
        from parley.store import connection

        with connection(db, read_only=True) as conn:
            heavy = {"meeting": conn.execute("SELECT id FROM meetings ORDER BY n_sources DESC, id LIMIT 1").fetchone(),
                     "document": conn.execute("SELECT doc_id FROM mentions GROUP BY doc_id "
                                              "ORDER BY count(*) DESC, doc_id LIMIT 1").fetchone()}
        pages = main_pages(base, {k: v[0] for k, v in heavy.items() if v})
        if only:
            pages = {page: path for page, path in pages.items()
                     if page.startswith("baseline") or any(word in page for word in only)}
        counts = Database(db).counts()
        results = {}
        for page, path in pages.items():
            earlier = measure(before[1], path, requests, clients, before[0].pid) if before else None
            results[page] = measure(base, path, requests, clients, server.pid)
            if earlier:
                results[page]["before"] = earlier
    finally:
        for process in (server, *(before[:1] if before else ())):
            process.terminate()
            process.wait(timeout=10)
    for page, result in results.items():
        was = result.get("before")
        print(f"{name:6} {page:28} {result['requests_per_second']:8.1f} req/s  p95 {result['p95_ms']:8.1f} ms  "
              f"cpu {result['server_cpu_ms_per_request']} ms/request"
              + (f"  (before: p95 {was['p95_ms']} ms, cpu {was['server_cpu_ms_per_request']})" if was else ""),
              flush=True)
    return {"database": name, "counts": counts, "load_average": os.getloadavg(), "pages": results}


def targets(results: list[dict], p95_ms: float = 100.0, growth: float = 2.0) -> dict:
    """Each page's p95 on the largest database and its growth over the smallest, against the targets."""
    first, last = results[0], results[-1]
    pages = {}
    for page, result in last["pages"].items():
        before = first["pages"].get(page)
        ratio = round(result["p95_ms"] / before["p95_ms"], 2) if before and before["p95_ms"] else None
        cpu, cpu_before = result.get("server_cpu_ms_per_request"), (before or {}).get("server_cpu_ms_per_request")
        was = result.get("before") or {}
        pages[page] = {"p95_ms": result["p95_ms"], "p95_ms_smallest": before["p95_ms"] if before else None,
                       "growth": ratio, "errors": result["errors"], "cpu_ms": cpu, "cpu_ms_smallest": cpu_before,
                       "cpu_growth": round(cpu / cpu_before, 2) if cpu and cpu_before else None,
                       **({"baseline_p95_ms": was.get("p95_ms"),
                           "baseline_cpu_ms": was.get("server_cpu_ms_per_request")} if was else {}),
                       "meets": result["p95_ms"] <= p95_ms and (ratio is None or ratio <= growth)
                       and not result["errors"]}
    return {"p95_ms_at_most": p95_ms, "growth_at_most": growth, "smallest": first["database"],
            "largest": last["database"], "pages": pages, "all_met": all(p["meets"] for p in pages.values())}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--requests", type=int, default=60)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--clean-only", action="store_true", help="build the databases without the NLP pipeline")
    parser.add_argument("--demo-db", type=Path, help="use this demo database instead of building one")
    parser.add_argument("--news-db", type=Path, help="use this benchmark-news database instead of building one")
    parser.add_argument("--db", action="append", default=[], metavar="NAME=FILE",
                        help="measure these databases (smallest first) instead of demo and news")
    parser.add_argument("--pages", action="append", default=[], metavar="WORDS",
                        help="measure only the page kinds whose name contains WORDS (repeatable), e.g. "
                             "'events' or 'document, most'; the report then holds only those")
    parser.add_argument("--report", default="web", help="name of the report in bench/reports (default web)")
    parser.add_argument("--workers", type=int, default=1, help="server processes (parley serve --workers)")
    parser.add_argument("--baseline", type=Path, metavar="DIR",
                        help="another checkout of parley (e.g. main's) measured page by page beside this one")
    parser.add_argument("--baseline-db", action="append", default=[], metavar="NAME=FILE",
                        help="the file the baseline serves for the database NAME (default: the same as --db)")
    args = parser.parse_args()
    if args.db:
        named = [tuple(item.split("=", 1)) for item in args.db]
        theirs = dict(tuple(item.split("=", 1)) for item in args.baseline_db)
        results = [bench_database(name, Path(path), args.requests, args.clients, args.pages, args.workers,
                                  args.baseline, Path(theirs[name]) if name in theirs else None)
                   for name, path in named]
        write_report(args.report, {"clients": args.clients, "requests_per_page": args.requests,
                                   "workers": args.workers, "baseline": bool(args.baseline),
                                   "results": results, "targets": targets(results)})
        return

    work = Path(tempfile.mkdtemp(prefix="parley-bench-web-"))
    build_seconds = {}
    demo = args.demo_db or work / "demo.duckdb"
    if not args.demo_db:
        build_seconds["demo"] = round(build(demo, [([str(SAMPLE)], SAMPLE / "manifest.csv")], args.clean_only), 1)
    news = args.news_db or work / "news.duckdb"
    if not args.news_db:
        source = work / "news.jsonl"
        with open(source, "w", encoding="utf-8") as handle:
            for record in bench_articles(args.articles):
                handle.write(json.dumps(record) + "\n")
        build_seconds["news"] = round(build(news, [([str(source)], None)], args.clean_only), 1)
    report = {"clients": args.clients, "requests_per_page": args.requests, "clean_only": args.clean_only,
              "articles": args.articles, "build_seconds": build_seconds,
              "results": [bench_database("demo", demo, args.requests, args.clients),
                          bench_database("news", news, args.requests, args.clients)]}
    write_report("web", report)
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
