"""Meeting pages: every meeting, and one meeting with each fact, its sentences and its sources."""

from __future__ import annotations

from typing import Annotated, Optional

from fastapi import APIRouter, Path, Query

from parley.api import Database
from parley.store.queries import NotFound
from parley.web.processes import participants_by_role, source_ids
from parley.web.views import page

router = APIRouter()
FACTS = ("start", "end", "venue", "host", "status", "participants", "outcomes")


@page(router, "/meetings", "meetings.html", tables=("meetings",))
def meetings_page(db: Database,
                  process: Annotated[Optional[str], Query(max_length=200)] = None) -> dict:
    """Meetings merged across documents, in date order."""
    records = db.meetings(process=process)
    for record in records:
        record["source_ids"] = source_ids(record.get("sources"))
    return {"process": process, "meetings": records}


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


def _sentences(document: dict, spans: list) -> list[dict]:
    """The whole sentences around evidence spans, with their offsets into the document."""
    text, out = document.get("text") or "", []
    bounds = document.get("_sentences") or []
    for span in spans or []:
        if not isinstance(span, dict) or span.get("char_start") is None:
            continue
        start, end, index = span["char_start"], span.get("char_end") or span["char_start"], span.get("sentence")
        for sentence in bounds:
            if sentence["char_start"] <= start < sentence["char_end"]:
                start, end, index = sentence["char_start"], max(end, sentence["char_end"]), sentence["idx"]
                break
        item = {"doc_id": document["id"], "sentence": index, "char_start": start, "char_end": end,
                "text": text[start:end]}
        if item not in out:
            out.append(item)
    return out


def _versions(db: Database, meeting: dict) -> list[dict]:
    """What each source document says about this meeting (its own, unmerged record)."""
    versions = []
    for doc_id in source_ids(meeting.get("sources")):
        try:
            document = db.document(doc_id)
        except NotFound:
            continue
        document["_sentences"] = db.document_spans(document["id"])["sentences"]
        own = [m for m in db.document_meetings(document["id"])
               if m.get("process") == meeting.get("process")
               and (m.get("ordinal") == meeting.get("ordinal") or not meeting.get("ordinal"))]
        version = own[0] if own else {}
        versions.append({"doc_id": document["id"], "title": document.get("title"), "outlet": document.get("outlet"),
                         "published": document.get("published"),
                         "facts": {fact: _fact_value(version, fact) for fact in FACTS},
                         "evidence": _sentences(document, version.get("evidence"))})
    return versions


def _supports(sentence: str, value) -> bool:
    values = value if isinstance(value, list) else [value]
    lowered = sentence.lower()
    return any(isinstance(v, str) and v.split(" (")[0].lower() in lowered for v in values if v)


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
                      "evidence": [s for s in evidence if _supports(s["text"], value)]})
    meeting["participants_by_role"] = participants_by_role(meeting.get("participants"))
    return {"meeting": meeting, "facts": facts, "differences": [f for f in facts if f["differs"]],
            "sources": versions}
