"""Document pages: the stored documents, and one document's clean text with everything found in it."""

from __future__ import annotations

from typing import Annotated, Container, Optional

from fastapi import APIRouter, Path, Query

from parley.api import Database
from parley.store.browse import BadCursor
from parley.store.parts import NoPart
from parley.web.views import invalid, page

router = APIRouter()
PAGE_SIZE = 100


@page(router, "/documents", "documents.html", tables=("documents",))
def documents_page(db: Database, after: Annotated[Optional[str], Query(
        max_length=240, description="page cursor from a 'next' link")] = None) -> dict:
    """Stored documents, newest first, a page at a time."""
    try:
        records, cursor = db.documents_page(after=after, limit=PAGE_SIZE)
    except BadCursor as error:
        raise invalid("after", after, str(error)) from None
    return {"after": after, "next": cursor, "documents": records}


def _span(kind: str, item: dict, label: str | None, href: str | None = None) -> dict | None:
    start, end = item.get("char_start"), item.get("char_end")
    if start is None or end is None or end <= start:
        return None
    return {"kind": kind, "start": start, "end": end, "label": label, "href": href}


def highlights(spans: dict[str, list[dict]], actors: Container[str]) -> list[dict]:
    """Turn a document's stored spans into highlight spans: kind, offsets, label and link.

    :param spans: what :meth:`parley.api.Database.document_spans` returns.
    :param actors: ids of the stored actors (a mention of any other id is not linked).
    """
    out = []
    for m in spans.get("mentions", []):
        label = " ".join(str(v) for v in (m.get("actor_id"), m.get("cameo"), m.get("role")) if v)
        out.append(_span("mention", m, label, f"/actors/{m['actor_id']}" if m.get("actor_id") in actors else None))
    for t in spans.get("times", []):
        interval = t.get("start") if t.get("start") == t.get("end") else f"{t.get('start')} .. {t.get('end')}"
        href = f"/events?since={t['start']}&until={t['end']}" if t.get("start") and t.get("end") else None
        out.append(_span("time", t, f"{interval} ({t.get('precision')})", href))
    for p in spans.get("places", []):
        label = ", ".join(str(v) for v in (p.get("name"), p.get("country"), p.get("geonameid")) if v)
        out.append(_span("place", p, label))
    for c in spans.get("claims", []):
        out.append(_span("claim", c, c.get("quantity"), "/claims"))
    for e in spans.get("event_mentions", []):
        label = " ".join(str(v) for v in (e.get("event_type"), e.get("cameo"), e.get("modality")) if v)
        out.append(_span("evidence", e, label, f"/events/{e['event_id']}" if e.get("event_id") else None))
    return [s for s in out if s]


def segments(text: str, marks: list[dict], sentences: list[dict], window: tuple[int, int] | None = None) -> list[dict]:
    """Cut ``text`` at every highlight and sentence boundary into pieces to render in order.

    Each piece carries the kinds of the highlights covering it, their labels (innermost
    first), the link of the innermost linked one, and an anchor id where an evidence span (``ev-START``) or a sentence
    (``s-INDEX``) begins, so that other pages can link to the exact place.

    :param text: the document's clean text.
    :param marks: highlight spans from :func:`highlights`.
    :param sentences: ``[{"idx", "char_start", "char_end"}]``.
    :param window: cut only ``text[start:end]`` (a part of a long document; offsets stay the
        whole text's), highlights clipped to it.
    """
    low, high = window or (0, len(text))
    cuts = {low, high}
    for mark in marks:
        cuts.update((max(low, min(mark["start"], high)), max(low, min(mark["end"], high))))
    anchors: dict[int, list[str]] = {}
    for sentence in sentences:
        cuts.add(sentence["char_start"])
        anchors.setdefault(sentence["char_start"], []).append(f"s-{sentence['idx']}")
    for mark in marks:
        if mark["kind"] == "evidence":
            anchors.setdefault(mark["start"], []).append(f"ev-{mark['start']}")
    points = sorted(c for c in cuts if low <= c <= high)
    # a sweep over the cuts with the highlights open at each (every highlight's ends are cuts,
    # so one open at a piece's start covers the whole piece): testing every highlight against
    # every piece cost seconds on a long document with a thousand highlights
    order = sorted(range(len(marks)), key=lambda i: marks[i]["start"])
    ends = [mark["end"] for mark in marks]
    opened: list[int] = []
    next_mark = 0
    pieces = []
    described: tuple = ((), {"kinds": [], "label": None, "href": None, "evidence": []})
    for a, b in zip(points, points[1:]):
        while next_mark < len(order) and marks[order[next_mark]]["start"] <= a:
            opened.append(order[next_mark])
            next_mark += 1
        if opened:
            opened = [i for i in opened if ends[i] > a]
        if tuple(opened) != described[0]:
            # the same highlights cover consecutive pieces more often than not (sentence cuts)
            covering = [marks[i] for i in sorted(opened, key=lambda i: (ends[i] - marks[i]["start"], i))]
            linked = next((m for m in covering if m["href"]), None)
            described = (tuple(opened), {"kinds": sorted({m["kind"] for m in covering}),
                                         "label": " | ".join(m["label"] for m in covering if m["label"]) or None,
                                         "href": linked["href"] if linked else None,
                                         "evidence": [m["start"] for m in covering if m["kind"] == "evidence"]})
        looks = described[1]
        # the lists are shared by the pieces of a run (nothing changes them once made)
        pieces.append({"text": text[a:b], "start": a, "kinds": looks["kinds"], "label": looks["label"],
                       "href": looks["href"], "evidence": looks["evidence"], "anchors": anchors.get(a, [])})
    return pieces


@page(router, "/documents/{doc_id}", "document.html", tables=("segments",))
def document_page(db: Database, doc_id: Annotated[str, Path(max_length=200)],
                  part: Annotated[Optional[int], Query(ge=1, le=100_000, description="part of a long document")]
                  = None,
                  sentence: Annotated[Optional[int], Query(ge=0, le=10_000_000, description=(
                      "show the part that holds this sentence (the links of other pages)"))] = None) -> dict:
    """One document: metadata, duplicates and the clean text with its findings highlighted
    (a long document a part at a time: ``part``, or the part holding ``sentence``)."""
    document = db.document(doc_id)
    text = document.get("text") or ""
    try:
        shown = db.document_part(document["id"], len(text), part, sentence)
    except NoPart as error:
        raise invalid("part", part, str(error)) from None
    spans = {table: found.dicts() for table, found in shown["marks"].items()}
    marks = highlights(spans, db.names_for([m.get("actor_id") for m in spans.get("mentions", [])]))
    return {"document": document, "counts": shown["counts"], "meetings": db.document_meetings(document["id"]),
            "part": shown["part"], "parts": shown["parts"], "part_start": shown["start"], "part_end": shown["end"],
            "segments": segments(text, marks, spans.get("sentences", []), (shown["start"], shown["end"]))}
