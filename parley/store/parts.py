"""A long document's parts, laid out once (``document_parts``), so that its page reads one part's marks.

A document page shows a long document a part at a time: whole sentences, at most about
:data:`PART_CHARS` characters and :data:`PART_MARKS` highlights each (:func:`parts`). To cut the
parts, the page read and decoded every mark of the document (the longest of 10,000 articles
holds some 2,000), a third of its CPU, to draw one part. ``document_parts`` (migration
``0020_document_parts``) keeps, per document, its parts (their ranges and sentences), its
highlight counts and each part's marks (event evidence included) as one JSON text of a list, so
that a page makes one keyed read and decodes only the part it shows.

The parts depend only on the document's text and the offsets of its marks, which never change
once it is stored; the event evidence a part holds names the events its mentions belong to,
which the derive step renames when it re-clusters, so the rows of those documents are dropped
with their ``document_evidence`` rows (:func:`parley.store.marks.forget_evidence`). The derive
step lays out the documents that have no row (:func:`fill_parts`, after the marks:
:func:`fill_marks_and_parts`). A file from before the table, or a document without its row, is
laid out when its page is asked for (:func:`document_part` gives the same either way).
"""

from __future__ import annotations

import json
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

import duckdb

from parley.store.marks import EVIDENCE_COLUMNS, MARKED_TABLES, MarkRows, fill_marks, read_evidence

# characters of text a document page shows at once: a longer document is shown in parts of whole
# sentences (nine documents in ten fit in one). Its highlights, HTML and JSON grew with the
# document: the longest of 10,000 articles (45,000 characters, 2,000 highlights) cost 90 ms
PART_CHARS = 12_000
# and at most about this many highlights: a part's cost is its highlights (a dense text has one
# every twenty characters)
PART_MARKS = 300
# the span tables a document page highlights, with the kind of highlight each makes
SPAN_KINDS = {"mentions": "mention", "times": "time", "places": "place", "claims": "claim",
              "event_mentions": "evidence"}
PARTS_PER_PASS = 2000       # documents laid out at a time (bounds the writer's memory)
# the columns of each table of a part's marks (those of document_marks and document_evidence)
_COLUMNS = {**{table: columns for table, (columns, _) in MARKED_TABLES.items()}, "event_mentions": EVIDENCE_COLUMNS[1:]}


class NoPart(LookupError):
    """A document has fewer parts than the one asked for."""

    def __init__(self, parts: int):
        super().__init__(f"this document has {parts} part(s)")
        self.parts = parts


def parts(length: int, sentences: list[dict], size: int = PART_CHARS, starts: list[int] | None = None,
          most: int = PART_MARKS) -> list[tuple[int, int]]:
    """Cut a text of ``length`` characters into parts of whole sentences of at most about ``size``
    characters and ``most`` highlights: a part ends before the sentence that would take it past
    either (a longer sentence is a part alone); a text without sentences is cut every ``size``
    characters.

    :param sentences: ``[{"idx", "char_start", "char_end"}]`` of the text.
    :param starts: where the highlights start, in order (None: count characters only).
    :returns: ``[(start, end)]`` character ranges covering the whole text in order (one for a text
        of at most ``size`` characters and ``most`` highlights).
    """
    cuts = [0]
    if sentences:
        for sentence in sorted(sentences, key=lambda s: s["char_start"]):
            if not cuts[-1] < sentence["char_start"] < length:
                continue
            marks = bisect_left(starts, sentence["char_end"]) - bisect_left(starts, cuts[-1]) if starts else 0
            if sentence["char_end"] - cuts[-1] > size or marks > most:
                cuts.append(sentence["char_start"])
    else:
        cuts += range(size, length, size)
    return list(zip(cuts, [*cuts[1:], length]))


@dataclass(frozen=True)
class Layout:
    """A document's parts: their ranges, the sentences each holds (those a link to the sentence
    opens it at), and the document's highlights of each kind."""

    ranges: list[tuple[int, int]]
    sentences: list[list[int]]
    counts: dict[str, int]

    @classmethod
    def of(cls, length: int, marks: dict[str, MarkRows]) -> "Layout":
        """Lay out a text of ``length`` characters with its ``marks`` (:func:`parley.store.queries.page_marks`)."""
        placed = {table: marks[table].placed() if table in marks else [] for table in SPAN_KINDS}
        starts = sorted(row[marks[table].columns.index("char_start")] for table, found in placed.items()
                        for row in found)
        sentences = marks["sentences"].dicts() if "sentences" in marks else []
        ranges = parts(length, sentences, PART_CHARS, starts, PART_MARKS)
        held: list[list[int]] = [[] for _ in ranges]
        firsts = [start for start, _ in ranges]
        for sentence in sentences:
            # the part a link to the sentence opens: the last that starts at or before it
            held[max(0, bisect_right(firsts, sentence["char_start"]) - 1)].append(sentence["idx"])
        return cls(ranges, held, {kind: len(placed[table]) for table, kind in SPAN_KINDS.items()})

    def index(self, part: int | None, sentence: int | None) -> int:
        """The index of the part a page shows: ``part`` (from 1), else the one holding ``sentence``,
        else the first.

        :raises NoPart: the document has fewer parts than ``part``.
        """
        if part is not None:
            if part > len(self.ranges):
                raise NoPart(len(self.ranges))
            return part - 1
        if sentence is not None:
            return next((i for i, held in enumerate(self.sentences) if sentence in held), 0)
        return 0


def part_marks(marks: dict[str, MarkRows], start: int, end: int) -> dict[str, MarkRows]:
    """The marks of ``marks`` that a part ``[start, end)`` shows: the highlighted spans that
    overlap it and the sentences that start in it."""
    out = {table: MarkRows(found.doc_id, found.columns, found.overlapping(start, end))
           for table, found in marks.items() if table in SPAN_KINDS}
    if "sentences" in marks:
        found = marks["sentences"]
        i = found.columns.index("char_start")
        out["sentences"] = MarkRows(found.doc_id, found.columns, [r for r in found.rows if start <= r[i] < end])
    return out


def document_part(conn: duckdb.DuckDBPyConnection, doc_id: str, length: int, part: int | None = None,
                  sentence: int | None = None) -> dict:
    """What a document page shows of one document: the part asked for (``part``, from 1; else the
    one holding ``sentence``; else the first), its range, the document's parts and highlight
    counts, and the part's marks, read by key from ``document_parts`` (laid out here from all its
    marks when it has no row there; a document of one part then shows them all, which draws the
    same highlights: a mark outside the text or without both offsets draws none).

    :param length: the document text's length.
    :returns: ``{"part", "parts", "start", "end", "counts", "marks": {table: MarkRows}}``.
    :raises NoPart: the document has fewer parts than ``part``.
    """
    from parley.store.queries import page_marks

    found = stored_parts(conn, doc_id)
    if found is None:
        marks = page_marks(conn, doc_id)
        layout = Layout.of(length, marks)
    else:
        laid = json.loads(found[0])
        layout = Layout([(a, b) for a, b, _ in laid], [held for _, _, held in laid], json.loads(found[1]))
    index = layout.index(part, sentence)
    start, end = layout.ranges[index]
    if found is not None:
        marks = {table: MarkRows(doc_id, _COLUMNS[table], rows) for table, rows in json.loads(found[2][index]).items()}
    elif len(layout.ranges) > 1:
        marks = part_marks(marks, start, end)
    return {"part": index + 1, "parts": len(layout.ranges), "start": start, "end": end, "counts": layout.counts,
            "marks": marks}


def stored_parts(conn: duckdb.DuckDBPyConnection, doc_id: str) -> tuple | None:
    """A document's row of ``document_parts`` (``ranges``, ``counts``, ``marks``), found by key; None
    when it has none (or the file is from before schema 0020, served read-only as it is)."""
    try:
        return conn.execute("SELECT ranges, counts, marks FROM document_parts WHERE doc_id = ?", [doc_id]).fetchone()
    except duckdb.CatalogException:
        return None


def _evidence(conn: duckdb.DuckDBPyConnection, doc_id: str) -> MarkRows:
    from parley.store.queries import rows

    found = read_evidence(conn, doc_id)
    return found if found is not None else MarkRows.of_dicts(doc_id, rows(
        conn, "SELECT * EXCLUDE (data) FROM event_mentions WHERE doc_id = ? ORDER BY char_start, idx", [doc_id]),
        EVIDENCE_COLUMNS[1:])


def _row(doc_id: str, length: int, marks: dict[str, MarkRows]) -> tuple:
    # one document's row of document_parts
    layout = Layout.of(length, marks)
    laid = [[a, b, held] for (a, b), held in zip(layout.ranges, layout.sentences)]
    shown = [json.dumps({table: found.rows for table, found in part_marks(marks, start, end).items()},
                        ensure_ascii=False) for start, end in layout.ranges]
    return doc_id, json.dumps(laid), json.dumps(layout.counts), shown


def fill_marks_and_parts(conn: duckdb.DuckDBPyConnection, per_pass: int = PARTS_PER_PASS,
                         commit: bool = False) -> int:
    """Add the marks and evidence (:func:`parley.store.marks.fill_marks`), then the parts laid out
    from them, of every stored document that has none; return how many documents' marks were added."""
    added = fill_marks(conn, per_pass, commit)
    fill_parts(conn, per_pass, commit)
    return added


def fill_parts(conn: duckdb.DuckDBPyConnection, per_pass: int = PARTS_PER_PASS, commit: bool = False) -> int:
    """Lay out every stored document that has marks and no ``document_parts`` row (and drop the
    rows of documents no longer stored); return how many were laid out. Runs in the derive step,
    after :func:`parley.store.marks.fill_marks` has written the marks it reads.

    :param commit: commit each pass of ``per_pass`` documents (as :func:`~parley.store.marks.fill_marks`).
    """
    conn.execute("DELETE FROM document_parts WHERE doc_id NOT IN (SELECT id FROM documents)")
    missing = [r[0] for r in conn.execute(
        "SELECT doc_id FROM document_marks WHERE doc_id NOT IN (SELECT doc_id FROM document_parts) "
        "ORDER BY doc_id").fetchall()]
    tables = list(MARKED_TABLES)
    for first in range(0, len(missing), per_pass):
        chosen = missing[first:first + per_pass]
        found = conn.execute(f"""
            SELECT m.doc_id, coalesce(length(d.text), 0), e.evidence, {', '.join(f'm.{t}' for t in tables)}
            FROM document_marks m JOIN documents d ON d.id = m.doc_id
            LEFT JOIN document_evidence e ON e.doc_id = m.doc_id
            WHERE m.doc_id IN (SELECT unnest(?::VARCHAR[]))""", [chosen]).fetchall()
        made = []
        for doc_id, length, evidence, *lists in found:
            marks = {table: MarkRows(doc_id, MARKED_TABLES[table][0], json.loads(text))
                     for table, text in zip(tables, lists)}
            marks["event_mentions"] = (MarkRows(doc_id, EVIDENCE_COLUMNS[1:], json.loads(evidence))
                                       if evidence is not None else _evidence(conn, doc_id))
            made.append(_row(doc_id, length, marks))
        if commit:
            conn.execute("BEGIN TRANSACTION")
        if made:
            conn.execute("INSERT INTO document_parts SELECT unnest(?::VARCHAR[]), unnest(?::VARCHAR[]), "
                         "unnest(?::VARCHAR[]), unnest(?::VARCHAR[][])", [list(c) for c in zip(*made)])
        if commit:
            conn.execute("COMMIT")
    return len(missing)
