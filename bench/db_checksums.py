"""Compare two parley databases table by table: row counts and a checksum of the rows.

For checking that a change to the writer or the derive step keeps its outputs: ingest the same
input with the code before and after, then compare. Every table both files hold is compared,
but for columns that record when a row was written (``ingested_at``, ``applied_at``) and the
tables only one of them has (a new migration's). A table's checksum is DuckDB's ``hash`` of
each row as text, summed, so that row order does not matter.

Usage: python bench/db_checksums.py BEFORE.duckdb AFTER.duckdb [--report NAME]
Prints (and with --report writes) each table's counts and whether the checksums agree.
"""

from __future__ import annotations

import argparse
import json

SKIPPED_COLUMNS = {"ingested_at", "applied_at"}
SKIPPED_TABLES = {"schema_migrations", "ingested_files", "summary_state"}


def checksums(path: str) -> dict[str, tuple[int, int]]:
    """``{table: (rows, checksum)}`` of every table of the database at ``path``."""
    from parley.store import connection

    found = {}
    with connection(path, read_only=True) as conn:
        tables = [r[0] for r in conn.execute("SELECT table_name FROM duckdb_tables() WHERE NOT temporary "
                                             "ORDER BY 1").fetchall()]
        for table in tables:
            if table in SKIPPED_TABLES:
                continue
            columns = [r[0] for r in conn.execute(f'DESCRIBE "{table}"').fetchall() if r[0] not in SKIPPED_COLUMNS]
            listed = ", ".join(f'"{c}"' for c in columns)
            rows, total = conn.execute(f'SELECT count(*), coalesce(sum(hash(row({listed})::VARCHAR)::HUGEINT), 0) '
                                       f'FROM "{table}"').fetchone()
            found[table] = (rows, int(total))
    return found


def compare(before: str, after: str) -> dict:
    """Each table of both files: rows before and after, and whether the rows are the same."""
    old, new = checksums(before), checksums(after)
    tables = {t: {"rows_before": old[t][0], "rows_after": new[t][0], "same": old[t] == new[t]}
              for t in sorted(old.keys() & new.keys())}
    return {"tables": tables, "only_before": sorted(old.keys() - new.keys()),
            "only_after": sorted(new.keys() - old.keys()),
            "all_same": all(t["same"] for t in tables.values())}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("before")
    parser.add_argument("after")
    parser.add_argument("--report", help="also write the report of that name in bench/reports")
    args = parser.parse_args()
    result = compare(args.before, args.after)
    if args.report:
        from _common import write_report

        write_report(args.report, result)
    else:
        print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
