"""Actors and processes whose names hold a search's text, found in lists read once per database state.

A search matched every actor's name and aliases (and every process's name and record) with
``LIKE '%text%'`` in DuckDB, which lower-cased and cast the aliases of every actor again for
each request: the largest part of a search's cost on a 10,000-article corpus, and growing with
it. :func:`name_index` reads the lower-cased fields once (the web app keeps the result per
database state, ``Database._read_unchanging``) into one string per table, and
:meth:`NameIndex.find` looks the text up in it with ``str.find``: the matches come out in the
order the SQL gave them, so the first ``limit`` end the search.

A text holding one of LIKE's wildcards (``%``, ``_``), a backslash or the separators used here
is matched by the SQL as before (:func:`parley.store.queries.search`).
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

import duckdb

# a record's fields are joined by FIELD, records by RECORD: a match never spans two of them
FIELD, RECORD = "\x01", "\x00"
_SQL_ONLY = ("%", "_", "\\", FIELD, RECORD)


@dataclass(frozen=True)
class NameIndex:
    """The lower-cased searchable fields of a table's rows, in the order a search lists them.

    Example::

        index = NameIndex.of([({"id": "RUS"}, ("russia", '["moscow"]'))])
        index.find("mosc", 20)      # [{"id": "RUS"}]
    """

    records: tuple[dict, ...]
    text: str
    starts: tuple[int, ...]

    @classmethod
    def of(cls, rows: list[tuple[dict, tuple[str | None, ...]]]) -> "NameIndex":
        """Build the index of ``(record, lower-cased fields)`` rows, kept in their order."""
        starts, parts, at = [], [], 0
        for _, fields in rows:
            part = FIELD.join(f or "" for f in fields) + RECORD
            starts.append(at)
            parts.append(part)
            at += len(part)
        return cls(tuple(r for r, _ in rows), "".join(parts), tuple(starts))

    def find(self, term: str, limit: int) -> list[dict]:
        """The first ``limit`` records one of whose fields holds ``term`` (already lower-cased;
        non-empty and without the characters of :func:`searchable`)."""
        found: list[dict] = []
        at = self.text.find(term)
        while at >= 0 and len(found) < limit:
            row = bisect_right(self.starts, at) - 1
            found.append(dict(self.records[row]))     # a copy: the index is shared by requests
            # on to the next record: a record is listed once however often it matches
            at = self.text.find(term, self.starts[row + 1] if row + 1 < len(self.starts) else len(self.text))
        return found


def searchable(term: str) -> bool:
    """Whether :meth:`NameIndex.find` gives what ``LIKE '%term%'`` gives: a non-empty text
    without LIKE's wildcards, a backslash or the index's separators."""
    return bool(term) and not any(c in term for c in _SQL_ONLY)


def name_index(conn: duckdb.DuckDBPyConnection) -> dict[str, NameIndex]:
    """The actors (by length of name then id, as a search lists them) and the processes (in the table's
    order), each with its lower-cased name and aliases (the process's record) for a search."""
    actors = [({"id": i, "name": name, "country": country, "sector": sector}, (lname, laliases))
              for i, name, country, sector, lname, laliases in conn.execute(
                  "SELECT id, name, country, sector, lower(name), lower(CAST(aliases AS VARCHAR)) FROM actors "
                  "ORDER BY length(name), id").fetchall()]
    processes = [({"id": i, "name": name}, (lname, ldata)) for i, name, lname, ldata in conn.execute(
        "SELECT id, name, lower(name), lower(CAST(data AS VARCHAR)) FROM processes").fetchall()]
    return {"actors": NameIndex.of(actors), "processes": NameIndex.of(processes)}
