"""Process records: a process's meetings, participants and their roles over time, hosts
over time, and decisions about the process itself, each with its sources."""

from __future__ import annotations

from typing import Any

from parley.process.lexicon import Lexicon

PRECISION_ORDER = ["day", "week", "month", "season", "year", "decade"]
DECISION_LABELS = {
    "stop_hosting": "stops hosting",
    "resume_condition": "would resume",
    "rotate_venues": "proposes rotating venues",
    "offer_host": "offers to host",
    "move_venue": "looks for another venue",
}


def _when(meeting: dict) -> str | None:
    return meeting.get("start") or meeting.get("end")


def _label(meeting: dict) -> str:
    return f"round {meeting['ordinal']}" if meeting.get("ordinal") is not None else meeting["id"]


def participants_over_time(meetings: list[dict], notes: list[tuple[dict, dict]], rank: dict[str, int]) -> list[dict]:
    """Return each actor's roles across a process: runs of one role over consecutive meetings.

    :param meetings: the process's merged meetings, in order.
    :param notes: ``(source, process dict)`` pairs: roles said of the process as a whole.
    :param rank: role precedence.
    """
    actors: dict[str, dict] = {}
    for m in meetings:
        if m.get("kind") == "side":
            continue
        for p in m["participants"]:
            rec = actors.setdefault(p["actor"], {"actor": p["actor"], "name": p.get("name"),
                                                 "country": p.get("country"), "roles": [], "process_roles": []})
            runs = rec["roles"]
            if runs and runs[-1]["role"] == p["role"]:
                runs[-1]["meetings"].append(m["id"])
                runs[-1]["last"] = _label(m)
                runs[-1]["to"] = _when(m) or runs[-1]["to"]
                runs[-1]["sources"] = sorted(set(runs[-1]["sources"]) | set(p.get("sources", [])))
            else:
                runs.append({"role": p["role"], "meetings": [m["id"]], "first": _label(m), "last": _label(m),
                             "from": _when(m), "to": _when(m), "sources": sorted(p.get("sources", []))})
    for source, note in notes:
        for p in note.get("participants") or []:
            rec = actors.setdefault(p["actor"], {"actor": p["actor"], "name": p.get("name"),
                                                 "country": p.get("country"), "roles": [], "process_roles": []})
            same = next((r for r in rec["process_roles"] if r["role"] == p["role"]), None)
            if same is None:
                rec["process_roles"].append({"role": p["role"], "sources": [source["doc_id"]],
                                             "evidence": [{**e, "doc_id": source["doc_id"]}
                                                          for e in p.get("evidence") or []]})
            elif source["doc_id"] not in same["sources"]:
                same["sources"].append(source["doc_id"])
    out = []
    for rec in actors.values():
        named = [r["role"] for r in rec["roles"] if r["role"] != "participant"]
        rec["changed"] = len(set(named)) > 1
        best = [r["role"] for r in rec["roles"]] + [r["role"] for r in rec["process_roles"]]
        rec["role"] = min(best, key=lambda r: rank.get(r, 99)) if best else None
        out.append(rec)
    return sorted(out, key=lambda r: (rank.get(r["role"], 99), str(r["actor"])))


def hosts_over_time(meetings: list[dict]) -> list[dict]:
    """Return runs of consecutive meetings with the same host and venue.

    :param meetings: the process's merged meetings, in order.
    """
    runs: list[dict] = []
    for m in meetings:
        if m.get("kind") == "side" or not (m.get("host") or m.get("venue")) \
                or m.get("status") == "cancelled":
            continue
        if runs and runs[-1]["host"] == m.get("host") and runs[-1]["venue"] == m.get("venue"):
            run = runs[-1]
            run["meetings"].append(m["id"])
            run["last"], run["to"] = _label(m), _when(m) or run["to"]
        else:
            runs.append({"host": m.get("host"), "venue": m.get("venue"), "meetings": [m["id"]],
                         "first": _label(m), "last": _label(m), "from": _when(m), "to": _when(m)})
    return runs


def decision_text(d: dict) -> str:
    """Return a one-line reading of a decision about a process."""
    who = d.get("actor_name") or d.get("actor") or "?"
    text = f"{who} {DECISION_LABELS.get(d['kind'], d['kind'])}"
    if d.get("after_ordinal") is not None:
        text += f" after round {d['after_ordinal']}"
    if d.get("members"):
        text += f" ({', '.join(d['members'])})"
    if d.get("condition"):
        text += f" — condition: {d['condition']['text']}"
    if d.get("status") == "proposed":
        text += " [proposal]"
    return text


def merge_decisions(notes: list[tuple[dict, dict]]) -> list[dict]:
    """Join decisions told by several documents: one per kind and actor, with all sources.

    :param notes: ``(source, process dict)`` pairs.
    """
    merged: dict[tuple, dict] = {}
    for source, note in notes:
        for d in note.get("decisions") or []:
            key = (d["kind"], d.get("country") or d.get("actor"))
            if key[1] is None:  # "once such a request is received": the decision already named
                key = next((k for k in merged if k[0] == d["kind"]), key)
            rec = merged.get(key)
            evidence = {**d["evidence"], "doc_id": source["doc_id"]}
            if rec is None:
                rec = merged[key] = {k: v for k, v in d.items() if k not in ("evidence", "cue")}
                rec.update({"sources": [], "evidence": [], "dates": []})
            if source["doc_id"] not in rec["sources"]:
                rec["sources"].append(source["doc_id"])
            rec["evidence"].append(evidence)
            if d.get("date") and d.get("date_from") == "text" and d["date"] not in [x[1] for x in rec["dates"]]:
                rec["dates"].append((PRECISION_ORDER.index(d.get("precision") or "day"), d["date"]))
            for field in ("condition", "after_ordinal", "actor", "actor_name", "country"):
                if rec.get(field) is None and d.get(field) is not None:
                    rec[field] = d[field]
            if d.get("condition") and d["condition"]["text"] not in [c["text"] for c in rec.setdefault("conditions", [])]:
                rec["conditions"].append({**d["condition"], "doc_id": source["doc_id"]})
            if d.get("reported") and (rec.get("reported") is None or d["reported"] < rec["reported"]):
                rec["reported"] = d["reported"]
            rec["members"] = sorted(set(rec.get("members") or []) | set(d.get("members") or []))
    out = []
    for rec in merged.values():
        # the most precise date any source gives; the earliest among equals
        rec["date"] = min(rec["dates"])[1] if rec["dates"] else rec.get("reported")
        rec["dates"] = sorted(d for _, d in rec["dates"])
        rec["date_from"] = "text" if rec["dates"] else "reported"
        rec["text"] = decision_text(rec)
        out.append(rec)
    return sorted(out, key=lambda d: (d.get("date") or "9999", d["kind"]))


def process_record(process: str, meetings: list[dict], notes: list[tuple[dict, dict]], lex: Lexicon,
                   merge_named: Any, discovered: dict | None = None) -> dict:
    """Return the record of one process.

    :param process: the process id.
    :param meetings: its merged meetings, in order.
    :param notes: ``(source, process dict)`` pairs from the documents.
    :param lex: the lexicon (names, subject, role precedence).
    :param merge_named: the function that joins named items with their sources.
    :param discovered: the info of a process found from its meetings (not in the lexicon).
    """
    info = discovered or lex.processes.get(process, {})
    seen_aliases = sorted({a for _, n in notes for a in n.get("aliases") or []})
    sources = sorted({s["doc_id"] for m in meetings for s in m["sources"]} | {s["doc_id"] for s, _ in notes})
    return {
        "id": process, "name": info.get("name") or process, "subject": info.get("subject"),
        "conflict_country": info.get("conflict_country"),
        "discovered": bool(discovered), "parties": info.get("parties") or sorted(
            {k for m in meetings for k in m.get("parties") or []}),
        "start": min((_when(m) for m in meetings if _when(m)), default=None),
        "end": max((m.get("end") or m.get("start") for m in meetings if _when(m)), default=None),
        "aliases": sorted(set(info.get("aliases", [])) | set(seen_aliases)), "aliases_seen": seen_aliases,
        "meetings": [m["id"] for m in meetings],
        "rounds": [m["ordinal"] for m in meetings if m.get("ordinal") is not None],
        "participants": participants_over_time(meetings, notes, lex.role_rank),
        "hosts": hosts_over_time(meetings),
        "decisions": merge_decisions(notes),
        "outcomes": merge_named((s, o) for s, n in notes for o in n.get("outcomes") or []),
        "sources": sources,
    }
