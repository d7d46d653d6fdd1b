"""Meeting pages: every meeting, and one meeting with each fact, its sentences and its sources."""

from __future__ import annotations

from bisect import bisect_left
from typing import Annotated, Optional

from fastapi import APIRouter, Path, Query

from parley.api import Database
from parley.web.processes import linked_actors, participants_by_role, source_ids
from parley.store.browse import BadCursor
from parley.web.views import invalid, page

router = APIRouter()
PAGE_SIZE = 100
MAX_QUOTED_SOURCES = 10     # sources whose texts are read for quotes; the others give their facts
FACTS = ("start", "end", "venue", "host", "status", "participants", "outcomes")


@page(router, "/meetings", "meetings.html", tables=("meetings",))
def meetings_page(db: Database,
                  process: Annotated[Optional[str], Query(max_length=200)] = None,
                  after: Annotated[Optional[str], Query(max_length=240, description="page cursor from a 'next' link")]
                  = None) -> dict:
    """Meetings merged across documents, in date order, a page at a time."""
    try:
        records, cursor = db.meetings_page(process=process, after=after, limit=PAGE_SIZE)
    except BadCursor as error:
        raise invalid("after", after, str(error)) from None
    return {"process": process, "after": after, "next": cursor, "meetings": records,
            "names": db.names_for([m["host"] for m in records if m.get("host")])}


def _fact_value(version: dict, fact: str):
    value = version.get(fact)
    if fact == "participants":
        return sorted(f"{a} ({g['role']})" for g in participants_by_role(value) for a in g["actors"])
    if isinstance(value, dict):
        return value.get("name") or value.get("id")
    if isinstance(value, list):
        return sorted(str(v.get("text") or v.get("name") or v.get("type") or v) if isinstance(v, dict) else str(v)
                      for v in value)
    return value


def _sentences(document: dict, spans: list, found: dict[str, list[dict]]) -> list[dict]:
    """The whole sentences around evidence spans, with the actors and dates found in each.

    :param document: the source document (with its text).
    :param spans: the meeting's evidence spans in that document.
    :param found: the document's stored spans (:meth:`parley.api.Database.document_spans`).
    """
    text, out = document.get("text") or "", []
    # each kind's spans by where they start (a span at 0 or without a start counts as -1, as the
    # test every span against every sentence had it), to take those inside a sentence by bisection
    by_start = {}
    for kind in ("mentions", "times"):
        ordered = sorted(found.get(kind, []), key=lambda s: s.get("char_start") or -1)
        by_start[kind] = ([s.get("char_start") or -1 for s in ordered], ordered)
    for span in spans or []:
        if not isinstance(span, dict) or span.get("char_start") is None:
            continue
        start, end, index = span["char_start"], span.get("char_end") or span["char_start"], span.get("sentence")
        for sentence in found.get("sentences", []):
            if sentence["char_start"] <= start < sentence["char_end"]:
                start, end, index = sentence["char_start"], max(end, sentence["char_end"]), sentence["idx"]
                break
        inside = [(kind, s) for kind, (starts, ordered) in by_start.items()
                  for s in ordered[bisect_left(starts, start):bisect_left(starts, end)]]
        item = {"doc_id": document["id"], "sentence": index, "char_start": start, "char_end": end,
                "text": text[start:end],
                "actors": sorted({s["actor_id"] for kind, s in inside if kind == "mentions" and s.get("actor_id")}),
                "dates": sorted({d for kind, s in inside if kind == "times" for d in (s.get("start"), s.get("end"))
                                 if d})}
        if item not in out:
            out.append(item)
    return out


def _own_version(candidates: list[dict], meeting: dict, doc_id: str) -> dict:
    """Pick, among one document's meetings, the one that was merged into ``meeting``.

    The merged record's sources carry the evidence each document gave for it; the document's
    meeting with that evidence is the one. Without evidence, the same process and ordinal.
    """
    cited = {e.get("char_start") for source in meeting.get("sources") or [] if isinstance(source, dict)
             and source.get("doc_id") == doc_id for e in source.get("evidence") or []}
    for candidate in candidates:
        if cited & {e.get("char_start") for e in candidate.get("evidence") or [] if isinstance(e, dict)}:
            return candidate
    same = [c for c in candidates if c.get("process") == meeting.get("process")
            and (c.get("ordinal") == meeting.get("ordinal") or not meeting.get("ordinal"))]
    return same[0] if same else {}


def _versions(db: Database, meeting: dict) -> list[dict]:
    """What each source document says about this meeting (its own, unmerged record); the quotes
    of the first :data:`MAX_QUOTED_SOURCES` sources (reading a text costs a block decompression)."""
    versions = []
    ids = source_ids(meeting.get("sources"))
    found = db.source_documents(ids[:MAX_QUOTED_SOURCES], others=ids[MAX_QUOTED_SOURCES:])
    for doc_id in ids:
        if doc_id not in found:
            continue
        document, spans, own = found[doc_id]["document"], found[doc_id]["spans"], found[doc_id]["meetings"]
        version = _own_version(own, meeting, doc_id)
        versions.append({"doc_id": document["id"], "title": document.get("title"), "outlet": document.get("outlet"),
                         "published": document.get("published"),
                         "facts": {fact: _fact_value(version, fact) for fact in FACTS},
                         "evidence": _sentences(document, version.get("evidence"), spans) if spans else []})
    return versions


def _supports(sentence: dict, fact: str, value) -> bool:
    """Whether an evidence sentence states ``value`` for ``fact``: its dates, its actors, or its words."""
    values = [v.split(" (")[0] for v in (value if isinstance(value, list) else [value]) if isinstance(v, str) and v]
    if fact in ("start", "end"):
        return any(v in sentence["dates"] for v in values)
    if fact in ("host", "participants"):
        return bool(set(values) & set(sentence["actors"]))
    return any(v.lower() in sentence["text"].lower() for v in values)


@page(router, "/meetings/{meeting_id}", "meeting.html", tables=("facts", "sources"))
def meeting_page(db: Database, meeting_id: Annotated[str, Path(max_length=200)]) -> dict:
    """One meeting: each fact with its supporting sentences, and where the sources differ."""
    meeting = db.meeting(meeting_id)
    versions = _versions(db, meeting)
    evidence = [s for v in versions for s in v["evidence"]]
    facts = []
    for fact in FACTS:
        value = _fact_value(meeting, fact)
        by_source = {v["doc_id"]: v["facts"][fact] for v in versions if v["facts"][fact] not in (None, [])}
        distinct = {str(v) for v in by_source.values()}
        facts.append({"fact": fact, "value": value, "by_source": by_source, "differs": len(distinct) > 1,
                      "evidence": [s for s in evidence if _supports(s, fact, value)]})
    meeting["participants_by_role"] = participants_by_role(meeting.get("participants"))
    return {"meeting": meeting, "facts": facts, "differences": [f for f in facts if f["differs"]],
            "sources": versions, "names": db.names_for(linked_actors({}, [meeting]))}
