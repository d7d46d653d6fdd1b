"""What a meeting page shows: each fact of a merged meeting with the sentences that support it,
what each source document says, and where they differ.

Pure functions of the merged meeting and its sources' documents (text, spans, own told
meetings, as :func:`parley.store.sources.source_documents` reads them), so that the web page
(:mod:`parley.web.meetings`) and the derive step, which keeps each meeting's page in
``meeting_pages`` (:mod:`parley.store.meeting_pages`), build the same thing.
"""

from __future__ import annotations

from bisect import bisect_left

MAX_QUOTED_SOURCES = 10     # sources whose texts are read for quotes; the others give their facts
SOURCES_PER_PAGE = 5        # sources a meeting page sets side by side; the others a page at a time
EVIDENCE_SHOWN = 4          # supporting sentences a page shows per fact
FACTS = ("start", "end", "venue", "host", "status", "participants", "outcomes")
ROLE_ORDER = ("host", "guarantor", "sponsor", "mediator", "party", "delegation", "observer")


def participants_by_role(participants: list) -> list[dict]:
    """Group a meeting's participants by role, the usual roles first.

    :param participants: ``[{"actor", "role"}]`` (an actor may be an id or an actor dict).
    :returns: ``[{"role", "actors": [...]}]``.
    """
    groups: dict[str, list] = {}
    for item in participants or []:
        if not isinstance(item, dict):
            item = {"actor": item, "role": None}
        actor = item.get("actor")
        if isinstance(actor, dict):
            actor = actor.get("id") or actor.get("name")
        groups.setdefault(item.get("role") or "participant", [])
        if actor not in groups[item.get("role") or "participant"]:
            groups[item.get("role") or "participant"].append(actor)
    order = {role: i for i, role in enumerate(ROLE_ORDER)}
    return [{"role": role, "actors": actors}
            for role, actors in sorted(groups.items(), key=lambda kv: (order.get(kv[0], len(order)), kv[0]))]


def source_ids(sources: list) -> list[str]:
    """Return the document ids of a meeting's sources (ids or dicts with ``doc_id``/``id``)."""
    out = []
    for source in sources or []:
        doc_id = source.get("doc_id") or source.get("id") if isinstance(source, dict) else source
        if doc_id and doc_id not in out:
            out.append(str(doc_id))
    return out


def quoted_sources(meeting: dict) -> tuple[list[str], list[str]]:
    """The source documents whose texts a meeting page quotes (the first
    :data:`MAX_QUOTED_SOURCES`) and the others (their facts only)."""
    ids = source_ids(meeting.get("sources"))
    return ids[:MAX_QUOTED_SOURCES], ids[MAX_QUOTED_SOURCES:]


def fact_value(version: dict, fact: str):
    """One fact of a meeting (merged, or as one document tells it), as the page shows it."""
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
    :param found: the document's stored spans (mentions, times, sentences).
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


def versions(meeting: dict, found: dict[str, dict]) -> list[dict]:
    """What each source document says about ``meeting`` (its own, unmerged record), with the
    quoted sentences of the documents read with their text.

    :param found: the sources as :func:`parley.store.sources.source_documents` reads them
        (the quoted ones of :func:`quoted_sources` with text and spans, the others without).
    """
    out = []
    for doc_id in source_ids(meeting.get("sources")):
        if doc_id not in found:
            continue
        document, spans, own = found[doc_id]["document"], found[doc_id]["spans"], found[doc_id]["meetings"]
        version = _own_version(own, meeting, doc_id)
        out.append({"doc_id": document["id"], "title": document.get("title"), "outlet": document.get("outlet"),
                    "published": document.get("published"),
                    "facts": {fact: fact_value(version, fact) for fact in FACTS},
                    "evidence": _sentences(document, version.get("evidence"), spans) if spans else []})
    return out


def _supports(sentence: dict, fact: str, value) -> bool:
    """Whether an evidence sentence states ``value`` for ``fact``: its dates, its actors, or its words."""
    values = [v.split(" (")[0] for v in (value if isinstance(value, list) else [value]) if isinstance(v, str) and v]
    if fact in ("start", "end"):
        return any(v in sentence["dates"] for v in values)
    if fact in ("host", "participants"):
        return bool(set(values) & set(sentence["actors"]))
    return any(v.lower() in sentence["text"].lower() for v in values)


def values_by_source(sources: list[dict], fact: str) -> dict:
    """``{doc id: value}`` of one fact in each of ``sources`` (:func:`versions`) that gives it."""
    return {v["doc_id"]: v["facts"][fact] for v in sources if v["facts"][fact] not in (None, [])}


def first_page(content: dict, per_page: int | None = None) -> dict:
    """A meeting page's first page from its whole content (:func:`meeting_content`): what each
    of the first ``per_page`` sources says (``sources``; how many there are in ``n_sources``),
    the record's first ``per_page`` sources, and each fact with its values in those and its
    first :data:`EVIDENCE_SHOWN` supporting sentences (how many there are in ``n_evidence``).
    The meeting with most sources shows as much as one with five, whatever the corpus.

    :param per_page: :data:`SOURCES_PER_PAGE` unless given.
    """
    per_page = per_page or SOURCES_PER_PAGE
    meeting = {**content["meeting"], "sources": (content["meeting"].get("sources") or [])[:per_page]}
    facts = [{**f, "evidence": f["evidence"][:EVIDENCE_SHOWN], "n_evidence": len(f["evidence"])}
             for f in content["facts"]]
    return with_sources({"meeting": meeting, "facts": facts, "n_sources": len(content["sources"])},
                        content["sources"][:per_page])


def with_sources(page: dict, sources: list[dict]) -> dict:
    """``page`` (:func:`first_page`) showing ``sources`` (what some of its sources say): each
    fact's values are those of ``sources``; whether the sources differ on it stays as all of
    them give it."""
    facts = [{**f, "by_source": values_by_source(sources, f["fact"])} for f in page["facts"]]
    return {**page, "facts": facts, "differences": [f for f in facts if f["differs"]], "sources": sources}


def meeting_content(meeting: dict, found: dict[str, dict]) -> dict:
    """A meeting page without its actors' names: the meeting (with its participants by role),
    each fact with its value, its value in each source and its supporting sentences, the facts
    the sources differ on, and the sources.

    :param meeting: the merged meeting (:func:`parley.store.queries.get_meeting`); changed in place.
    :param found: its sources (see :func:`versions`).
    :returns: ``{"meeting", "facts", "differences", "sources"}``.
    """
    sources = versions(meeting, found)
    evidence = [s for v in sources for s in v["evidence"]]
    facts = []
    for fact in FACTS:
        value = fact_value(meeting, fact)
        by_source = values_by_source(sources, fact)
        distinct = {str(v) for v in by_source.values()}
        facts.append({"fact": fact, "value": value, "by_source": by_source, "differs": len(distinct) > 1,
                      "evidence": [s for s in evidence if _supports(s, fact, value)]})
    meeting["participants_by_role"] = participants_by_role(meeting.get("participants"))
    return {"meeting": meeting, "facts": facts, "differences": [f for f in facts if f["differs"]],
            "sources": sources}
