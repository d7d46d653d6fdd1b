"""Helpers shared by the benchmark scripts: reading the benchmark news, memory, reports."""

from __future__ import annotations

import gzip
import json
import os
import pickle
import resource
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Iterator

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("PARLEY_SHARED", REPO.parent / "shared"))
BENCH_NEWS = SHARED / "bench" / "news-10k.jsonl.gz"
REPORTS = REPO / "bench" / "reports"


def bench_articles(limit: int | None = None, path: Path = BENCH_NEWS) -> Iterator[dict]:
    """Yield records of the benchmark news (id, title, date, outlet, url, text)."""
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for n, line in enumerate(handle):
            if limit is not None and n >= limit:
                return
            yield json.loads(line)


def write_articles(path: Path, start: int, stop: int) -> Path:
    """Copy lines ``start`` to ``stop`` (not included) of the benchmark news to ``path`` (JSON Lines)."""
    with gzip.open(BENCH_NEWS, "rt", encoding="utf-8") as stream, open(path, "w", encoding="utf-8") as out:
        for n, line in enumerate(stream):
            if n >= stop:
                break
            if n >= start:
                out.write(line)
    return path


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far, in MB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def current_rss_mb() -> float:
    """Current resident memory of this process, in MB."""
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def child_json(script: str | Path, *args: str, **kwargs) -> dict:
    """Run ``script`` with ``args`` in a fresh Python (``kwargs`` go to :func:`subprocess.run`:
    ``env``, ``cwd``) and return the JSON object its last printed line holds."""
    done = subprocess.run([sys.executable, str(script), *args], capture_output=True, text=True, check=True, **kwargs)
    return json.loads(done.stdout.strip().splitlines()[-1])


def write_report(name: str, report: dict) -> Path:
    """Write ``report`` to ``bench/reports/<name>.json``, print it, and return the path."""
    REPORTS.mkdir(parents=True, exist_ok=True)
    path = REPORTS / f"{name}.json"
    path.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(report, indent=2))
    print(f"report written to {path.relative_to(REPO)}")
    return path


def cached_documents(cache: Path | None, ids: list[str]) -> dict:
    """The processed documents of ``ids`` kept in the folder ``cache`` (``<id>.pickle``), by id; the
    folder is made if missing. None for no cache: nothing kept."""
    if cache is None:
        return {}
    cache.mkdir(parents=True, exist_ok=True)
    found = {}
    for doc_id in ids:
        path = cache / f"{doc_id}.pickle"
        if path.exists():
            found[doc_id] = pickle.loads(path.read_bytes())
    return found


def keep_document(cache: Path | None, doc) -> None:
    """Keep a processed document in the folder ``cache`` under its source id (nothing for no cache)."""
    if cache is not None:
        (cache / f"{doc.source_id}.pickle").write_bytes(pickle.dumps(doc))


def record_date(value: str | None) -> date | None:
    """The publication date of a benchmark record (its ``date`` field), or None."""
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def run_by_stage(pipeline, records: list[dict]) -> tuple[dict, list]:
    """Run ``pipeline`` stage by stage over all ``records``; return per-stage CPU seconds and the documents."""
    import time

    from parley.document import Document

    stream = [Document.from_text(r["text"], published=record_date(r.get("date"))) for r in records]
    seconds = {}
    for name, component in zip(pipeline.names, pipeline.components):
        cpu = time.process_time()
        stream = list(component.pipe(stream)) if hasattr(component, "pipe") else [component(d) for d in stream]
        seconds[name] = round(time.process_time() - cpu, 2)
    return seconds, stream


def alternate_sides(baseline: str | None, rounds: int, run) -> dict[str, list[dict]]:
    """Call ``run(path)`` for a baseline checkout (when given) and this code (``path`` None) in turn,
    ``rounds`` times, so that both sides meet the same changes of the machine's load.

    :returns: ``{"baseline": [...], "this": [...]}`` (only ``"this"`` without a baseline), in run order.
    """
    sides = {"baseline": baseline, "this": None} if baseline else {"this": None}
    runs: dict[str, list[dict]] = {side: [] for side in sides}
    for _ in range(rounds):
        for side, path in sides.items():
            runs[side].append(run(path))
    return runs


# the environment variable naming the lead's list of the unseen sets' article ids (one id a line)
UNSEEN_IDS_ENV = "PARLEY_UNSEEN_IDS"
PROCESS_TABLE = REPO / "bench" / "devsets" / "processes.yaml"


def add_unseen_ids_option(parser) -> None:
    """Give a script that reads the benchmark news the required ``--unseen-ids FILE`` option (by
    default the file named by ``PARLEY_UNSEEN_IDS``); :func:`excluded_article_ids` stops without it.

    :param parser: the script's :class:`argparse.ArgumentParser`.
    """
    parser.add_argument("--unseen-ids", type=Path, default=os.environ.get(UNSEEN_IDS_ENV) or None,
                        help=f"the unseen sets' article ids, one a line (required; or {UNSEEN_IDS_ENV}=FILE)")


def unseen_article_ids(path: Path | None) -> set[str]:
    """The article ids of the unseen sets, read from the lead's list; stops the run with an error
    when no list is given or it cannot be read, so that a script reading the benchmark news never
    reads an unseen article by default.

    :param path: the list (``--unseen-ids`` or ``PARLEY_UNSEEN_IDS``).
    :raises SystemExit: no list given, or not a file.
    """
    if path is None or not Path(path).is_file():
        sys.exit(f"error: this script reads the benchmark news and must never read an unseen set's article: "
                 f"give the list of their ids with --unseen-ids FILE or {UNSEEN_IDS_ENV}=FILE"
                 + (f" ({path} is not a file)" if path is not None else ""))
    return {line.strip() for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()}


def process_table_ids() -> set[str]:
    """Every article id the process reference table names: its tracks' (the held-out ones too) and
    its confusables'. Only ids are read from the table, never an article."""
    import yaml

    table = yaml.safe_load(PROCESS_TABLE.read_text(encoding="utf-8"))
    ids: set[str] = set()
    for track in table["tracks"]:
        ids.update(track.get("articles", []))
        for meeting in track["meetings"]:
            ids.update(meeting.get("articles", []) + meeting.get("mentions", []))
    ids.update(c["id"] for c in table.get("confusables", []))
    return ids


def events_dev_ids() -> set[str]:
    """The article ids of the events benchmark's dev sets; the unseen sets' files
    (``events_round7.UNSEEN_SETS``) are never opened (their ids come from the lead's list)."""
    from events_round7 import DEVSETS, NEWS_SETS, UNSEEN_SETS

    ids: set[str] = set()
    for name, stem in NEWS_SETS.items():
        if name in UNSEEN_SETS:
            continue
        for line in (DEVSETS / f"{stem}.jsonl").read_text(encoding="utf-8").splitlines():
            if line.strip():
                ids.add(json.loads(line).get("article_id"))
    return ids


def excluded_article_ids(unseen_ids: Path | None) -> set[str]:
    """The article ids a script mining the benchmark news must skip: the unseen sets' (required
    list, :func:`unseen_article_ids`), every events dev set's and every one of the process table.

    :param unseen_ids: the lead's list of the unseen sets' article ids.
    """
    return unseen_article_ids(unseen_ids) | events_dev_ids() | process_table_ids()
