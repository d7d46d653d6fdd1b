"""Same answers: save what some hundred URLs of the web app answer, and compare two such saves.

A change that makes a page faster must not change what it shows. ``--db FILE --out DIR`` asks
the app (FastAPI's test client, in this process, over the code this Python imports: run it with
``PYTHONPATH`` set to another checkout for that checkout's answers) for the pages named below and
writes each body to ``DIR``; ``--compare BEFORE AFTER`` reports which bodies are byte for byte
the same and which differ, and writes ``bench/reports/<--report>.json``.

The URLs, each page and its JSON twin: the meetings with most sources, the processes list, the
documents list and its next pages (following ``next``), the claims page, the actors of the most
frequent countries. Lists that a change pages (the processes list, the claim groups) are saved
as the rows of every page followed through ``next`` (JSON: the list; HTML: each row of its
table, each claim group's section), so that a paged list compares with the unpaged one it
replaces; the keys a page gains (``after``, ``next``, ``total``, ``start``) are left out of the
JSON compared, and the pager out of the HTML.

Usage: python bench/page_snapshot.py --db FILE --out DIR [--meetings 30] [--documents 10]
       python bench/page_snapshot.py --compare BEFORE AFTER [--report NAME]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
from pathlib import Path
from urllib.parse import quote

from _common import write_report

# keys a paged list gained: not compared
ADDED_KEYS = ("after", "next", "total", "start")
# lists followed through their "next" links and saved whole (JSON: this key's list; HTML: the
# rows of the first table, or each claim group's section)
FOLLOWED = {"/processes": "processes", "/claims": "groups"}
_BODY = re.compile(r"<tbody>(.*?)</tbody>", re.S)
_ROW = re.compile(r"<tr>.*?</tr>", re.S)
WHOLE = "#page"     # a URL saved as it answers, not followed
_SECTION = re.compile(r'<section class="claim-group.*?</section>', re.S)


def urls(conn, meetings: int, documents: int, client) -> list[str]:
    """The pages to save, each with its JSON twin."""
    busiest = [r[0] for r in conn.execute("SELECT id FROM meetings ORDER BY n_sources DESC, id LIMIT ?",
                                          [meetings]).fetchall()]
    countries = [r[0] for r in conn.execute(
        "SELECT a.country FROM actor_summary s JOIN actors a ON a.id = s.actor_id WHERE s.mentions > 0 "
        "AND a.country IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 5").fetchall()]
    pages = ["/processes", "/claims", "/documents", *(f"/meetings/{quote(m)}" for m in busiest),
             *(f"/actors?country={quote(c)}" for c in countries)]
    after = None
    for _ in range(documents):
        found = client.get("/documents.json" + (f"?after={quote(after)}" if after else "")).json()
        after = found.get("next")
        if not after:
            break
        pages.append(f"/documents?after={quote(after)}")
    # the first page of each followed list as it is too (the same as the whole list when it fits)
    return [u for page in pages for u in (page, _twin(page))] + [f"{route}{WHOLE}" for route in FOLLOWED]


def _twin(path: str) -> str:
    route, _, query = path.partition("?")
    return f"{route}.json" + (f"?{query}" if query else "")


def _body(client, url: str) -> bytes:
    """What ``url`` answers, made comparable: a followed list whole, the added keys left out."""
    if url.endswith(WHOLE):
        response = client.get(url.removesuffix(WHOLE))
        return f"{response.status_code}\n".encode() + response.content
    route, _, _ = url.partition("?")
    base = route.removesuffix(".json")
    if base in FOLLOWED:
        return _followed(client, route, FOLLOWED[base])
    response = client.get(url)
    if route.endswith(".json") and response.status_code == 200:
        data = response.json()
        if isinstance(data, dict):
            for key in ADDED_KEYS:
                data.pop(key, None)
        return json.dumps(data, ensure_ascii=False).encode()
    return f"{response.status_code}\n".encode() + response.content


def _followed(client, route: str, key: str) -> bytes:
    # every page of a list, through its "next" cursors (one page for an unpaged list)
    out, after = [], None
    while True:
        page = client.get(f"{route.removesuffix('.json')}.json" + (f"?after={quote(after)}" if after else "")).json()
        if route.endswith(".json"):
            out.extend(page[key])
        else:
            html = client.get(route + (f"?after={quote(after)}" if after else "")).text
            sections = _SECTION.findall(html)
            out.extend(sections or _ROW.findall(_BODY.search(html).group(1)))
        after = page.get("next")
        if not after:
            break
    return (json.dumps(out, ensure_ascii=False) if route.endswith(".json") else "\n".join(out)).encode()


def snapshot(db: Path, out: Path, meetings: int, documents: int) -> int:
    """Save the bodies of :func:`urls` in ``out`` (one file each, an index of URLs); return how many."""
    from fastapi.testclient import TestClient

    from parley.store import connection
    from parley.web.app import create_app

    client = TestClient(create_app(db))
    with connection(db, read_only=True) as conn:
        chosen = urls(conn, meetings, documents, client)
    out.mkdir(parents=True, exist_ok=True)
    index = {}
    for url in chosen:
        name = hashlib.sha1(url.encode()).hexdigest()[:16]
        (out / name).write_bytes(_body(client, url))
        index[url] = name
    (out / "index.json").write_text(json.dumps(index, indent=1), encoding="utf-8")
    return len(index)


def compare(before: Path, after: Path) -> dict:
    """Which URLs saved in both folders answer the same bytes."""
    old, new = (json.loads((d / "index.json").read_text()) for d in (before, after))
    same, differ = [], []
    for url in old:
        if url in new:
            (same if (before / old[url]).read_bytes() == (after / new[url]).read_bytes() else differ).append(url)
    return {"urls": len(same) + len(differ), "same": len(same), "differ": differ,
            "only_before": sorted(set(old) - set(new)), "only_after": sorted(set(new) - set(old))}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", type=Path)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--meetings", type=int, default=30)
    parser.add_argument("--documents", type=int, default=10)
    parser.add_argument("--compare", nargs=2, type=Path, metavar=("BEFORE", "AFTER"))
    parser.add_argument("--report", default="page_snapshot")
    args = parser.parse_args()
    if args.compare:
        write_report(args.report, compare(*args.compare))
        return
    print(f"{snapshot(args.db, args.out, args.meetings, args.documents)} URLs saved in {args.out}")


if __name__ == "__main__":
    main()
