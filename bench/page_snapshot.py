"""Same answers: save what some hundred URLs of the web app answer, and compare two such saves.

A change that makes a page faster must not change what it shows. ``--db FILE --out DIR`` asks
the app (FastAPI's test client, in this process, over the code this Python imports: run it with
``PYTHONPATH`` set to another checkout for that checkout's answers) for the pages named below and
writes each body to ``DIR``; ``--compare BEFORE AFTER`` reports which bodies are byte for byte
the same and which differ, and writes ``bench/reports/<--report>.json``.

The URLs, each page and its JSON twin: the meetings with most sources, the processes list, the
documents list and its next pages (following ``next``), the claims page, the actors of the most
frequent countries; the documents with most mentions, every part of each and a sentence link
into its last part; the processes with most meetings; the most mentioned actors; a few searches.
Lists that a change pages (the processes list, the claim groups) are saved as the rows of every
page followed through ``next`` (JSON: the list; HTML: each row of its table, each claim group's
section), so that a paged list compares with the unpaged one it
replaces; the keys a page gains (``after``, ``next``, ``total``, ``start``) are left out of the
JSON compared, and the pager out of the HTML.

Usage: python bench/page_snapshot.py --db FILE --out DIR [--meetings 30] [--documents 10] [--heavy 5]
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


SEARCHES = ("ceasefire", "peace talks", "united nations", "foreign minister said")


def urls(conn, meetings: int, documents: int, client, heavy: int = 5) -> list[str]:
    """The pages to save, each with its JSON twin (``heavy``: how many of the documents with most
    mentions, the processes with most meetings and the most mentioned actors)."""
    busiest = [r[0] for r in conn.execute("SELECT id FROM meetings ORDER BY n_sources DESC, id LIMIT ?",
                                          [meetings]).fetchall()]
    countries = [r[0] for r in conn.execute(
        "SELECT a.country FROM actor_summary s JOIN actors a ON a.id = s.actor_id WHERE s.mentions > 0 "
        "AND a.country IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 5").fetchall()]
    pages = ["/processes", "/claims", "/documents", *(f"/meetings/{quote(m)}" for m in busiest),
             *(f"/actors?country={quote(c)}" for c in countries)]
    for (doc_id,) in conn.execute("SELECT doc_id FROM mentions GROUP BY doc_id ORDER BY count(*) DESC, doc_id "
                                  "LIMIT ?", [heavy]).fetchall():
        shown = client.get(f"/documents/{quote(doc_id)}.json").json()
        pages += [f"/documents/{quote(doc_id)}?part={n}" for n in range(1, shown["parts"] + 1)]
        # the page as other pages link it: its first part, and the part holding its last sentence
        last = conn.execute("SELECT max(idx) FROM sentences WHERE doc_id = ?", [doc_id]).fetchone()[0]
        pages += [f"/documents/{quote(doc_id)}", f"/documents/{quote(doc_id)}?sentence={last}"]
    pages += [f"/processes/{quote(p)}" for (p,) in conn.execute(
        "SELECT process FROM meetings WHERE process IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT ?",
        [heavy]).fetchall()]
    pages += [f"/actors/{quote(a)}" for (a,) in conn.execute(
        "SELECT actor_id FROM actor_summary ORDER BY mentions DESC, actor_id LIMIT ?", [heavy]).fetchall()]
    pages += [f"/search?q={quote(q)}" for q in SEARCHES]
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


def snapshot(db: Path, out: Path, meetings: int, documents: int, heavy: int = 5) -> int:
    """Save the bodies of :func:`urls` in ``out`` (one file each, an index of URLs); return how many."""
    from fastapi.testclient import TestClient

    from parley.store import connection
    from parley.web.app import create_app

    client = TestClient(create_app(db))
    with connection(db, read_only=True) as conn:
        chosen = urls(conn, meetings, documents, client, heavy)
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
    parser.add_argument("--heavy", type=int, default=5)
    parser.add_argument("--compare", nargs=2, type=Path, metavar=("BEFORE", "AFTER"))
    parser.add_argument("--report", default="page_snapshot")
    args = parser.parse_args()
    if args.compare:
        write_report(args.report, compare(*args.compare))
        return
    print(f"{snapshot(args.db, args.out, args.meetings, args.documents, args.heavy)} URLs saved in {args.out}")


if __name__ == "__main__":
    main()
