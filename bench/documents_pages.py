"""Benchmark: the CPU of a documents list page's read, from document_list and from the documents.

On a shared machine the served timings of one page are mostly the queue, and two runs of two
checkouts met different loads. This reads the documents list's pages 2, 3 and 10 as the web app
reads them (:func:`parley.store.listing.documents_page`, the per-state inputs made once) from
two files of the same corpus in turn, in one process: ``--db`` (migrated to 0019: from
``document_list``) and ``--before`` (a copy still at 0018, opened read-only so never migrated:
the query over the documents table that schema 0019 replaced), and reports the median and
lower-quartile CPU of ``--requests`` reads of each.

Usage: python bench/documents_pages.py --db 1k=FILE --before 1k=FILE [--db 10k=... --before 10k=...]
       [--requests 300] [--report documents_pages]
"""

from __future__ import annotations

import argparse
import statistics
import time

PAGES = (2, 3, 10)


def _opened(path: str):
    import duckdb

    from parley.store import browse, listing

    conn = duckdb.connect(path, read_only=True)
    days, lengths = listing.document_days(conn), listing.document_lengths(conn)
    tail = browse.list_tail(conn, "document_list")
    cursors = [browse.documents_page(conn, None, 100)[1]]       # page 2's
    for _ in range(max(PAGES) - 2):
        cursors.append(listing.documents_page(conn, cursors[-1], 100, days, lengths, tail)[1])
    return conn, days, lengths, tail, cursors


def measure(files: dict[str, str], requests: int) -> dict:
    """Per page of :data:`PAGES`: each file's median and lower-quartile CPU ms of a read."""
    from parley.store import listing

    opened = {name: _opened(path) for name, path in files.items()}
    out = {}
    for page in PAGES:
        spent: dict[str, list[float]] = {name: [] for name in files}
        for _ in range(requests):
            for name, (conn, days, lengths, tail, cursors) in opened.items():
                start = time.process_time()
                listing.documents_page(conn, cursors[page - 2], 100, days, lengths, tail)
                spent[name].append(time.process_time() - start)
        out[f"page {page}"] = {name: {"median_ms": round(statistics.median(v) * 1000, 2),
                                      "q1_ms": round(statistics.quantiles(v, n=4)[0] * 1000, 2)}
                               for name, v in spent.items()}
    return out


def main() -> None:
    from _common import write_report

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", action="append", required=True, metavar="NAME=FILE")
    parser.add_argument("--before", action="append", required=True, metavar="NAME=FILE")
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--report", default="documents_pages")
    args = parser.parse_args()
    before = dict(item.split("=", 1) for item in args.before)
    results = {}
    for item in args.db:
        name, path = item.split("=", 1)
        results[name] = measure({"document_list": path, "documents (before)": before[name]}, args.requests)
        print(name, results[name], flush=True)
    write_report(args.report, {"requests": args.requests, "limit": 100, "cpu": results})


if __name__ == "__main__":
    main()
