"""The database the web tests drive: the five seeds, the demo corpus and a hostile document.

It is built once per session by the real ingest (``Database.ingest``). While the pipeline
cannot run yet (a stage missing, failing or hanging: see :func:`web_database`), the
documents are ingested clean-only and the findings the web pages show are written through
:mod:`parley.store.writes` by the small annotator below, which reads the real stored texts
(no text is copied here); the tests then exercise the same tables and queries. This module
holds fixtures only.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile
import warnings
from collections import Counter, defaultdict
from functools import lru_cache
from pathlib import Path

from conftest import REPO, SEEDS

from parley.api import Database
from parley.store import open_db, transaction, writes

SAMPLE = REPO / "parley" / "data" / "sample"
# Publication dates of the seeds (what a manifest would say).
SEED_DATES = {"000": "2023-06-21", "001": "2024-01-19", "002": "2023-06-26", "003": "2017-02-17", "004": "2023-06-22"}
XSS_ID = "xss-1"
XSS_RECORD = {
    "id": XSS_ID, "date": "2024-02-01", "url": "javascript:window.__xss=3",
    "title": '<img src=x onerror="window.__xss=1">Talks <b>resume</b>',
    "outlet": "<script>window.__xss=2</script>Wire",
    "text": ("Russia and Iran met in Astana on Tuesday. <script>window.__xss = 1; alert('xss')</script> "
             'The envoy said the talks <img src=x onerror="window.__xss=4"> went well.\n'
             "Turkey said it would attend the next round in Astana."),
}

# Fallback annotator knowledge: enough to exercise every page, nothing more.
ACTORS = {"Russia": ("RUS", "state", "RUS", "GOV"), "Russian": ("RUS", "state", "RUS", "GOV"),
          "Iran": ("IRN", "state", "IRN", "GOV"), "Iranian": ("IRN", "state", "IRN", "GOV"),
          "Turkey": ("TUR", "state", "TUR", "GOV"), "Türkiye": ("TUR", "state", "TUR", "GOV"),
          "Turkish": ("TUR", "state", "TUR", "GOV"), "Kazakhstan": ("KAZ", "state", "KAZ", "GOV"),
          "Syria": ("SYR", "state", "SYR", "GOV"), "Syrian government": ("SYR", "state", "SYR", "GOV"),
          "opposition": ("SYROPP", "group", "SYR", "OPP"), "United Nations": ("IGOUNO", "igo", None, "IGO"),
          "UN": ("IGOUNO", "igo", None, "IGO"), "Jordan": ("JOR", "state", "JOR", "GOV")}
PLACES = {"Astana": (1526273, "KAZ", 51.18, 71.45), "Nur-Sultan": (1526273, "KAZ", 51.18, 71.45),
          "Geneva": (2660646, "CHE", 46.2, 6.15), "Tehran": (112931, "IRN", 35.69, 51.42)}
TRIGGERS = [("CONSULT", "040", r"\b(talks|met|meet|meeting|convene|round)\b"), ("AGREE", "030", r"\bagree"),
            ("REQUEST", "100", r"\b(urge|call(ed)? for|ask)"), ("REJECT", "120", r"\b(refuse|reject|not host)")]
MONTHS = {m: i + 1 for i, m in enumerate(["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
                                          "nov", "dec"])}
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4}
ROLES = {"RUS": "guarantor", "TUR": "guarantor", "IRN": "guarantor", "SYR": "party", "SYROPP": "party",
         "KAZ": "host", "IGOUNO": "observer", "JOR": "observer"}


def _sentences(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n.!?]+[.!?]?", text) if m.group().strip()]


def _find(text: str, names) -> list[tuple[int, int, str]]:
    found, taken = [], set()
    for name in sorted(names, key=len, reverse=True):
        for m in re.finditer(rf"\b{re.escape(name)}\b", text):
            if not taken & set(range(m.start(), m.end())):
                found.append((m.start(), m.end(), name))
                taken.update(range(m.start(), m.end()))
    return sorted(found)


def _sentence_of(bounds, start):
    return next((i for i, (a, b) in enumerate(bounds) if a <= start < b), None)


def _annotate(db_path: Path) -> None:
    """Write spans and derived tables for every stored document (used until the pipeline imports)."""
    db = Database(db_path)
    docs = [db.document(d["id"]) for d in db.documents()]
    conn = open_db(db_path)
    tables = defaultdict(list)
    events, meetings = {}, defaultdict(list)
    with transaction(conn):
        for doc in docs:
            text, doc_id, published = doc["text"], doc["id"], doc.get("published") or "2020-01-01"
            bounds = _sentences(text)
            tables["sentences"] += [(doc_id, i, a, b) for i, (a, b) in enumerate(bounds)]
            mentions = _find(text, ACTORS)
            for i, (a, b, name) in enumerate(mentions):
                actor_id, kind, country, sector = ACTORS[name]
                tables["mentions"].append((doc_id, i, _sentence_of(bounds, a), a, b, name, actor_id, country, sector,
                                           (country or "IGO") + sector, None, "kb", 1.0, json.dumps({"name": name})))
            for i, (a, b, name) in enumerate(_find(text, PLACES)):
                gid, country, lat, lon = PLACES[name]
                tables["places"].append((doc_id, i, _sentence_of(bounds, a), a, b, name, gid, name, country, lat, lon,
                                         "city", "{}"))
            for i, m in enumerate(re.finditer(r"\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? (\d{1,2})"
                                              r"(?:-(\d{1,2}))?\b", text)):
                day_start = f"{published[:4]}-{MONTHS[m.group(1).lower()]:02d}-{int(m.group(2)):02d}"
                day_end = day_start[:8] + f"{int(m.group(3) or m.group(2)):02d}"
                tables["times"].append((doc_id, i, _sentence_of(bounds, m.start()), m.start(), m.end(), m.group(),
                                        day_start, day_end, "day", "{}"))
            doc_times = {row[2]: row[6:8] for row in tables["times"] if row[0] == doc_id}
            for idx, (a, b) in enumerate(bounds):
                sentence = text[a:b]
                ids = sorted({ACTORS[n][0] for s, e, n in mentions if a <= s < b})
                kind = next(((t, c) for t, c, pattern in TRIGGERS if re.search(pattern, sentence, re.I)), None)
                if not ids or not kind:
                    continue
                modality = "future" if re.search(r"\b(will|set to|expected|next)\b", sentence) else "asserted"
                start, end = doc_times.get(idx, (published, published))
                event_id = "e" + hashlib.sha1(f"{kind[0]}|{ids}|{start[:7]}".encode()).hexdigest()[:12]
                tables["event_mentions"].append((doc_id, len([r for r in tables["event_mentions"] if r[0] == doc_id]),
                                                 idx, a, b, sentence, event_id, kind[0], kind[1], modality, 0.5, "{}"))
                event = events.setdefault(event_id, {"type": kind, "modality": modality, "start": start, "end": end,
                                                     "actors": ids[:2], "recipients": ids[2:], "docs": set(), "n": 0})
                event["docs"].add(doc_id)
                event["n"] += 1
                ordinal = re.search(r"\b(\d+)(?:st|nd|rd|th) round|\b(first|second|third|fourth) round", sentence)
                if ordinal and "Geneva" not in sentence:
                    number = int(ordinal.group(1)) if ordinal.group(1) else ORDINALS[ordinal.group(2)]
                    venue = "Nur-Sultan" if "Nur-Sultan" in sentence else "Astana"
                    status = "planned" if modality == "future" else "held"
                    meetings[number].append({"doc_id": doc_id, "process": "astana", "ordinal": number, "start": start,
                                             "end": end, "venue": venue, "host": "KAZ", "status": status,
                                             "participants": [{"actor": i, "role": ROLES.get(i, "party")} for i in ids],
                                             "outcomes": ["joint statement"] if "statement" in sentence else [],
                                             "evidence": [{"text": sentence, "char_start": a, "char_end": b,
                                                           "sentence": idx}]})
            for i, m in enumerate(re.finditer(r"\b(nearly|over|more than|about)\s+([\d,]{3,})", text)):
                value = float(m.group(2).replace(",", ""))
                low, high = (value * 0.9, value) if m.group(1) == "nearly" else (value, value * 1.1)
                quantity = "deaths|syrian war" if re.search(r"kill|dead|death", text[m.end():m.end() + 80]) else \
                    "displaced|syria"
                tables["claims"].append((doc_id, i, _sentence_of(bounds, m.start()), m.start(), m.end(), m.group(),
                                         quantity, low, high, "people", m.group(1), None, doc.get("outlet"), "{}"))
        for name, rows in tables.items():
            columns = {"sentences": ("doc_id", "idx", "char_start", "char_end"),
                       "mentions": (*writes.SPAN_BASE, "actor_id", "country", "sector", "cameo", "role", "via",
                                    "confidence", "data"),
                       "places": (*writes.SPAN_BASE, "geonameid", "name", "country", "lat", "lon", "feature", "data"),
                       "times": (*writes.SPAN_BASE, "start", "end", "precision", "data"),
                       "event_mentions": (*writes.SPAN_BASE, "event_id", "event_type", "cameo", "modality",
                                          "confidence", "data"),
                       "claims": (*writes.SPAN_BASE, "quantity", "low", "high", "unit", "qualifier", "as_of", "source",
                                  "data")}[name]
            conn.execute(f'DELETE FROM "{name}" WHERE doc_id IN (SELECT id FROM documents)')
            writes.insert_rows(conn, name, columns, rows)
        writes.upsert_actors(conn, [{"id": v[0], "name": k, "type": v[1],
                                     "country": v[2], "sector": v[3], "cameo": (v[2] or "IGO") + v[3],
                                     "aliases": [k], "source": "kb"} for k, v in ACTORS.items()])
        writes.insert_rows(conn, "events", ("event_id", "event_type", "cameo", "modality", "date_start", "date_end",
                                             "date_precision", "place", "place_country", "actor_ids", "recipient_ids",
                                             "n_mentions", "n_documents", "confidence", "data"),
                           [(eid, e["type"][0], e["type"][1], e["modality"], e["start"], e["end"], "day", "Astana",
                             "KAZ", e["actors"], e["recipients"], e["n"], len(e["docs"]), 0.5, "{}")
                            for eid, e in events.items()])
        doc_rows, meeting_rows, decisions = [], [], []
        for number, versions in sorted(meetings.items()):
            for version in versions:
                doc_rows.append((version["doc_id"], len([r for r in doc_rows if r[0] == version["doc_id"]]), "astana",
                                 number, version["start"], version["end"], version["venue"], "KAZ", version["status"],
                                 json.dumps(version)))
            venue = Counter(v["venue"] for v in versions).most_common(1)[0][0]
            merged = {"sources": sorted({v["doc_id"] for v in versions}),
                      "participants": [dict(t) for t in {tuple(p.items()) for v in versions for p in v["participants"]}],
                      "outcomes": sorted({o for v in versions for o in v["outcomes"]})}
            meeting_rows.append((f"astana-{number}", "astana", number, min(v["start"] for v in versions),
                                 max(v["end"] for v in versions), venue, "KAZ",
                                 "held" if any(v["status"] == "held" for v in versions) else "planned",
                                 len(merged["sources"]), json.dumps(merged)))
        for doc in docs:
            for a, b in _sentences(doc["text"]):
                if re.search(r"not host|stop hosting|last one", doc["text"][a:b]):
                    decisions.append({"date": doc.get("published"), "text": "Kazakhstan stops hosting the talks",
                                      "sources": [doc["id"]]})
                    break
        writes.insert_rows(conn, "doc_meetings", writes.MEETING_COLUMNS, doc_rows)
        writes.insert_rows(conn, "meetings", ("id", "process", "ordinal", "start", "end", "venue", "host", "status",
                                              "n_sources", "data"), meeting_rows)
        writes.insert_rows(conn, "processes", ("id", "name", "data"),
                           [("astana", "Astana process", json.dumps({"aliases": ["Astana talks", "Astana format"],
                                                                       "subject": "Syrian civil war",
                                                                       "decisions": decisions}))])
        groups = defaultdict(list)
        for row in tables["claims"]:
            groups[row[6]].append({"text": row[5], "low": row[7], "high": row[8], "unit": row[9], "as_of": None,
                                   "source": row[12], "doc_id": row[0], "sentence": row[2]})
        writes.insert_rows(conn, "claim_groups", ("id", "quantity", "verdict", "reason", "data"),
                           [(f"q{i}", quantity, "different" if len({(c["low"], c["high"]) for c in claims}) > 1
                             else "consistent", "intervals compared", json.dumps({"claims": claims}))
                            for i, (quantity, claims) in enumerate(sorted(groups.items()))])
    conn.close()


def _seed_manifest(directory: Path) -> Path:
    manifest = directory / "seeds.csv"
    with open(manifest, "w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle)
        out.writerow(["file", "date"])
        for path in sorted(SEEDS.glob("*.txt")):
            out.writerow([str(path), SEED_DATES.get(path.name[:3], "")])
    return manifest


def _real_ingest(path: Path, inputs: list, timeout: float) -> str | None:
    """Ingest ``inputs`` with the whole pipeline in a subprocess; return why it failed, or None."""
    code = ("import json, sys; from parley.api import Database; db = Database(sys.argv[1]); "
            "[db.ingest(paths, manifest=manifest) for paths, manifest in json.loads(sys.argv[2])]")
    try:
        run = subprocess.run([sys.executable, "-c", code, str(path), json.dumps([[p, m and str(m)] for p, m in inputs])],
                             cwd=REPO, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return f"the pipeline took more than {timeout:.0f} s"
    return None if run.returncode == 0 else (run.stderr.strip().splitlines() or ["failed"])[-1]


@lru_cache(maxsize=1)
def web_database() -> Path:
    """Build (once per process) and return the web tests' database file.

    The real ingest runs first (in a subprocess, within ``PARLEY_WEB_INGEST_TIMEOUT`` seconds,
    default 150); if the pipeline fails or hangs, a warning says why and the annotator fills
    the same tables. ``PARLEY_WEB_FIXTURE=annotate`` skips the real ingest.

    :returns: the path of a DuckDB file holding the seeds, the demo corpus and :data:`XSS_RECORD`.
    """
    directory = Path(tempfile.mkdtemp(prefix="parley-web-"))
    path = directory / "web.duckdb"
    hostile = directory / "hostile.jsonl"
    hostile.write_text(json.dumps(XSS_RECORD) + "\n", encoding="utf-8")
    inputs = [([str(SEEDS)], _seed_manifest(directory)), ([str(SAMPLE)], SAMPLE / "manifest.csv"),
              ([str(hostile)], None)]
    problem = "PARLEY_WEB_FIXTURE=annotate"
    if os.environ.get("PARLEY_WEB_FIXTURE") != "annotate":
        problem = _real_ingest(path, inputs, float(os.environ.get("PARLEY_WEB_INGEST_TIMEOUT", 150)))
        if problem is None:
            return path
    warnings.warn(f"web test database: real ingest not used ({problem}); annotating clean-only documents")
    for leftover in directory.glob("web.duckdb*"):
        leftover.unlink()
    db = Database(path)
    for paths, manifest in inputs:
        db.ingest(paths, manifest=manifest, stages=())
    _annotate(path)
    return path
