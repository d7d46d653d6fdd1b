"""The ``parley`` command line: thin Typer wrappers over :mod:`parley.api`.

Every listing command takes ``--db`` and ``--json`` (one JSON array of objects, each with an
``id``). See README.md for a tour.
"""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path
from typing import Any, Optional

import typer
from typer.core import TyperGroup
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from parley import api
from parley.knowledge import data_path
from parley.pipeline import NER_MODES
from parley.store import DEFAULT_DB, DatabaseBusy, DatabaseUnwritable
from parley.store.queries import NotFound


class _Commands(TyperGroup):
    """The command group: a database held by another process ends any command with a clear
    message, not a traceback (issue 10: readers while an ingest writes)."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except DatabaseBusy as error:
            fail(str(error))


app = typer.Typer(help="parley: who met whom, what they agreed, and where the reports disagree.",
                  no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False, cls=_Commands)
# Piped output is not a terminal: give tables room rather than Rich's 80-column default.
console = Console(width=None if sys.stdout.isatty() else 200)
err = Console(stderr=True, width=None if sys.stderr.isatty() else 200)

DbOption = typer.Option(DEFAULT_DB, "--db", help="DuckDB database file.")
JsonOption = typer.Option(False, "--json", help="Print one JSON array instead of a table.")
SAMPLE_DIR = data_path("sample")


def print_json(value: Any) -> None:
    """Print ``value`` as indented JSON on stdout."""
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2, default=str) + "\n")


def print_table(records: list[dict], columns: list[str], title: str | None = None) -> None:
    """Print ``records`` as a Rich table of ``columns``."""
    table = Table(title=title, show_lines=False)
    for column in columns:
        table.add_column(column, overflow="fold")
    for record in records:
        table.add_row(*["" if record.get(c) is None else str(record.get(c)) for c in columns])
    console.print(table)


def fail(message: str, code: int = 1) -> None:
    """Print ``message`` on stderr and exit with ``code``."""
    err.print(f"[red]error:[/red] {message}")
    raise typer.Exit(code)


def use_user_kb(path: Path) -> None:
    """Load a user knowledge file above the built-in actors, or exit with its problems (file:line)."""
    from parley.actors.kb import activate
    from parley.actors.kb import KnowledgeBaseError

    try:
        activate(path)
    except KnowledgeBaseError as error:
        fail(str(error))


def database(path: Path) -> api.Database:
    """Return the database at ``path``; exits with a clear message when it is missing."""
    if not path.exists():
        fail(f"{path}: no such database (run `parley ingest PATH --db {path}` first)")
    return api.Database(path)


@app.command("ingest")
def ingest_cli(
    paths: list[str] = typer.Argument(..., help="Files, folders, globs, or - for standard input."),
    db: Path = DbOption,
    manifest: Optional[Path] = typer.Option(None, "--manifest", help="CSV or JSON Lines metadata keyed by file."),
    clean_only: bool = typer.Option(False, "--clean-only",
                                    help="Store cleaned documents without running the pipeline."),
    as_json: bool = typer.Option(False, "--json", help="Print the summary as JSON."),
    rescan: bool = typer.Option(False, "--rescan", help="Read files again even if unchanged since the last run."),
    workers: int = typer.Option(1, "--workers", help="Processes for the NLP stages (one writer)."),
    engine: str = typer.Option("local", "--engine", help="local, or dask for a Dask cluster."),
    scheduler: Optional[str] = typer.Option(None, "--scheduler",
                                            help="Dask scheduler address (default: a LocalCluster)."),
    shard_dir: Optional[str] = typer.Option(None, "--shard-dir", help="Folder shared by Dask workers and this "
                                                                      "machine for result shards."),
    ner: str = typer.Option("rules", "--ner", help="Where names come from: rules (fast: knowledge base, places, "
                                                   "capitalisation) or all (spaCy's entity recogniser on all text, "
                                                   "about 2.4 times the CPU)."),
    kb: Optional[Path] = typer.Option(
        None, "--kb",
        help="Your own actors (YAML or CSV: name, aliases, country, sector, from, to), loaded above parley's; "
             "see docs/actors.md."),
) -> None:
    """Read articles into the database: clean, deduplicate, run the pipeline, store.

    Exits with status 1 when anything was quarantined.

    Example: parley ingest articles/ --manifest articles/manifest.csv --db talks.duckdb
    """
    stages = () if clean_only else api.DEFAULT_PIPELINE
    if ner not in NER_MODES:
        fail(f"--ner must be one of {', '.join(NER_MODES)}, not {ner!r}")
    if kb is not None:
        use_user_kb(kb)
    with Progress(TextColumn("{task.description}"), BarColumn(), TextColumn("{task.completed} inputs"),
                  TimeElapsedColumn(), console=err, transient=True) as progress:
        task = progress.add_task("ingesting", total=None)
        try:
            summary = api.Database(db).ingest(paths, manifest=manifest, stages=stages, stdin=sys.stdin,
                                              on_progress=lambda n: progress.advance(task, n),
                                              workers=workers, engine=engine, scheduler=scheduler,
                                              rescan=rescan, shard_dir=shard_dir,
                                              config=None if ner == "rules" else {"parley_nlp": {"ner": ner}})
        except (DatabaseBusy, DatabaseUnwritable) as error:
            fail(f"{db}: {error}" if not str(error).startswith(str(db)) else str(error))
    for problem in summary.quarantined:
        err.print(f"[yellow]quarantined[/yellow] {problem.detail} [dim]({problem.reason})[/dim]")
    if as_json:
        print_json(summary.as_dict())
    else:
        typer.echo(str(summary))
    if summary.quarantined:
        raise typer.Exit(1)


@app.command("docs")
def docs_cli(db: Path = DbOption, as_json: bool = JsonOption,
             limit: Optional[int] = typer.Option(None, help="Show at most this many.")) -> None:
    """List stored documents.

    Example: parley docs --json
    """
    records = database(db).documents(limit=limit)
    if as_json:
        print_json(records)
    else:
        print_table(records, ["id", "published", "outlet", "title", "chars", "duplicate_of"], title="documents")


@app.command("show")
def show_cli(doc_id: str = typer.Argument(..., help="Document id, the record's own id, or an id prefix."),
             db: Path = DbOption, as_json: bool = JsonOption) -> None:
    """Show one stored document: metadata and clean text.

    Example: parley show d3f2a91c
    """
    try:
        record = database(db).document(doc_id)
    except NotFound as error:
        fail(str(error))
    if as_json:
        print_json(record)
        return
    for key in ("id", "title", "outlet", "url", "published", "published_inferred", "published_window",
                "source", "duplicate_of", "duplicates"):
        console.print(f"[bold]{key}[/bold]: {record.get(key)}")
    console.print()
    console.print(record["text"], markup=False, highlight=False)


@app.command("quarantine")
def quarantine_cli(db: Path = DbOption, as_json: bool = JsonOption) -> None:
    """List inputs that could not be stored, with the reason.

    Example: parley quarantine --json
    """
    records = database(db).quarantine()
    if as_json:
        print_json(records)
    else:
        print_table(records, ["source", "line", "reason", "detail"], title="quarantine")


@app.command("inspect")
def inspect_cli(path: str = typer.Argument(..., help="A text or HTML file, or - for standard input."),
                published: Optional[str] = typer.Option(None, "--date", help="Publication date (ISO)."),
                title: Optional[str] = typer.Option(None, help="Headline, if not in the file.")) -> None:
    """Print everything parley finds in one document as JSON (nothing is stored).

    Example: parley inspect article.txt --date 2024-01-19
    """
    from parley.ingest import Rejected, iter_records, prepare

    for item in iter_records([path], stdin=sys.stdin):
        doc = prepare(item) if not isinstance(item, Rejected) else item
        if isinstance(doc, Rejected):
            fail(doc.detail)
        if published:
            doc.published = date.fromisoformat(published)
        if title:
            doc.title = title
        print_json(api.document_report(api.get_pipeline()(doc)))


@app.command("code")
def code_cli(path: str = typer.Argument("-", help="JSON Lines file of {id, text, date?}, or - for stdin.")) -> None:
    """Code events statelessly: one JSON line per input record, {"id", "events"}.

    Example: echo '{"id": 1, "text": "Iran and Russia met in Astana."}' | parley code
    """
    stream = sys.stdin if path == "-" else open(path, encoding="utf-8")

    def records():
        for number, line in enumerate(stream, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                err.print(f"[yellow]skipped[/yellow] {path}:{number}: not JSON ({error.msg})")
                continue
            if not isinstance(record, dict) or not isinstance(record.get("text"), str):
                err.print(f"[yellow]skipped[/yellow] {path}:{number}: needs an object with a \"text\" string")
                continue
            yield record

    with stream:
        for result in api.code(records()):
            sys.stdout.write(json.dumps(result, ensure_ascii=False, default=str) + "\n")
            sys.stdout.flush()


@app.command("eval")
def eval_cli(gold: Path = typer.Argument(..., help="Gold JSON Lines: {id, text, date?, events}."),
             news: Optional[Path] = typer.Option(None, help="News JSON Lines that gold records point into "
                                                            "(article_id, char_start, char_end)."),
             as_json: bool = typer.Option(False, "--json", help="Print the scores as JSON.")) -> None:
    """Score `parley code` against gold events: precision, recall, F1 and type confusion.

    Example: parley eval tests/data/events_gold.jsonl
    """
    from parley.evaluate import format_report

    result = api.evaluate(gold, news_path=news)
    if as_json:
        print_json(result)
    else:
        typer.echo(format_report(result))


@app.command("demo")
def demo_cli(db: Path = typer.Option(Path("demo.duckdb"), "--db", help="Database to create.")) -> None:
    """Ingest the bundled sample corpus into a fresh database and print what is there.

    Example: parley demo --db demo.duckdb
    """
    database = api.Database(db)
    summary = database.ingest([str(SAMPLE_DIR)], manifest=SAMPLE_DIR / "manifest.csv")
    typer.echo(str(summary))
    print_table(database.documents(), ["id", "published", "outlet", "title", "duplicate_of"], title="documents")
    for process in database.processes():
        console.print()
        print_timeline(database.process(process["id"]))
    disputed = [c for c in database.claims() if c["verdict"] != "consistent"]
    console.print()
    console.print(f"{len(database.events())} events, {len(database.actors())} actors; "
                  f"{len(disputed)} disputed figures (parley claims --db {db}):")
    for group in disputed:
        console.print(f"  {group['quantity']}: {group['verdict']}", highlight=False)


@app.command("actors")
def actors_cli(db: Path = DbOption, as_json: bool = JsonOption,
               country: Optional[str] = typer.Option(None, help="ISO 3166 alpha-3 code, e.g. TUR."),
               sector: Optional[str] = typer.Option(None, help="Sector code, e.g. GOV, MIL, REB.")) -> None:
    """List actors with their aliases, roles and number of mentions.

    Example: parley actors --country TUR --json
    """
    records = database(db).actors(country=country, sector=sector)
    if as_json:
        print_json(records)
    else:
        for record in records:
            record["aliases"] = ", ".join((record.get("aliases") or [])[:4])
        print_table(records, ["id", "name", "country", "sector", "cameo", "source", "mentions", "aliases"],
                    title="actors")


@app.command("actor")
def actor_cli(actor_id: str = typer.Argument(..., help="Actor id, e.g. TUR."), db: Path = DbOption,
              as_json: bool = JsonOption) -> None:
    """Show one actor with every mention and its sentence.

    Example: parley actor RUS
    """
    try:
        record = database(db).actor(actor_id)
    except NotFound as error:
        fail(str(error))
    if as_json:
        print_json(record)
        return
    console.print(f"[bold]{record['id']}[/bold] {record['name']}  country={record.get('country')} "
                  f"sector={record.get('sector')} cameo={record.get('cameo')} source={record.get('source')}")
    console.print(f"aliases: {', '.join(record.get('aliases') or [])}")
    for role in record.get("roles") or []:
        console.print(f"role: {role}")
    print_table(record["mentions"], ["doc_id", "published", "text", "sentence"], title="mentions")


@app.command("events")
def events_cli(db: Path = DbOption, as_json: bool = JsonOption,
               event_type: Optional[str] = typer.Option(None, "--type", help="PLOVER event type, e.g. CONSULT."),
               actor: Optional[str] = typer.Option(None, help="Actor id as actor or recipient."),
               since: Optional[str] = typer.Option(None, help="ISO date."),
               until: Optional[str] = typer.Option(None, help="ISO date."),
               modality: Optional[str] = typer.Option(None, help="asserted, negated, future, hypothetical, reported.")
               ) -> None:
    """List events, one per happening, with PLOVER and CAMEO codes.

    Example: parley events --type CONSULT --actor RUS --since 2023-01-01
    """
    records = database(db).events(event_type=event_type, actor=actor, since=since, until=until, modality=modality)
    if as_json:
        print_json(records)
    else:
        for record in records:
            record["actors"] = ",".join(record.get("actor_ids") or [])
            record["recipients"] = ",".join(record.get("recipient_ids") or [])
        print_table(records, ["id", "date_start", "event_type", "cameo", "modality", "actors", "recipients",
                              "place", "n_mentions"], title="events")


@app.command("meetings")
def meetings_cli(db: Path = DbOption, as_json: bool = JsonOption,
                 process: Optional[str] = typer.Option(None, help="Process id.")) -> None:
    """List meetings merged across documents, with participants and sources.

    Example: parley meetings --process astana --json
    """
    records = database(db).meetings(process=process)
    if as_json:
        print_json(records)
    else:
        for record in records:
            record["sources"] = len(record.get("sources") or [])
        print_table(records, ["id", "process", "ordinal", "start", "end", "venue", "status", "sources"],
                    title="meetings")


@app.command("processes")
def processes_cli(db: Path = DbOption, as_json: bool = JsonOption) -> None:
    """List processes, those of the lexicon and those discovered from their meetings, with their
    meeting counts, parties and span, the most meetings first.

    Example: parley processes --json
    """
    records = database(db).processes()
    if as_json:  # the whole records (aliases, hosts over time, decisions), most meetings first
        order = {row["id"]: i for i, row in enumerate(process_listing(records))}
        print_json(sorted(records, key=lambda r: order[r["id"]]))
    else:
        print_table(process_listing(records), ["id", "name", "meetings", "parties", "span", "found"],
                    title="processes")


def process_listing(records: list[dict]) -> list[dict]:
    """One summary row per process: id, name, meeting count, parties, span and how it was found."""
    rows = []
    for record in records:
        start, end = record.get("start"), record.get("end")
        rows.append({"id": record["id"], "name": record.get("name"), "meetings": len(record.get("meetings") or []),
                     "parties": ", ".join(record.get("parties") or []),
                     "span": f"{start or '?'} – {end or '?'}" if start or end else "",
                     "found": "discovered" if record.get("discovered") else "lexicon",
                     "aliases": record.get("aliases") or []})
    return sorted(rows, key=lambda r: (-r["meetings"], r["id"]))


@app.command("timeline")
def timeline_cli(process: str = typer.Argument(..., help="Process id, e.g. astana."), db: Path = DbOption,
                 as_json: bool = JsonOption) -> None:
    """Print a process's meetings and decisions in time order.

    Example: parley timeline astana
    """
    try:
        record = database(db).process(process)
    except NotFound as error:
        fail(str(error))
    if as_json:
        print_json(record["meetings"])
        return
    print_timeline(record)


def print_timeline(process: dict) -> None:
    """Print a process's meetings in order, then the decisions about the process itself."""
    console.print(f"[bold]{process['name']}[/bold]")
    for meeting in process["meetings"]:
        dates = meeting.get("start") or "?"
        if meeting.get("end") and meeting.get("end") != meeting.get("start"):
            dates += f"..{meeting['end']}"
        label = f"round {meeting['ordinal']}" if meeting.get("ordinal") else "meeting"
        console.print(f"{dates:24} {label:10} {meeting.get('venue') or '':14} {meeting.get('status') or '':10} "
                      f"{len(meeting.get('sources') or [])} source(s)", highlight=False)
    for decision in process.get("decisions") or []:
        console.print(f"decision: {decision.get('date') or '?'} {decision.get('text') or decision}", highlight=False)


@app.command("claims")
def claims_cli(db: Path = DbOption, as_json: bool = JsonOption,
               disputed: bool = typer.Option(False, "--disputed", help="Only groups whose figures differ "
                                                                       "or cannot be compared.")) -> None:
    """List numeric claims grouped by quantity, disputed ones first.

    Example: parley claims --disputed --json
    """
    records = [c for c in database(db).claims() if not disputed or c["verdict"] != "consistent"]
    if as_json:
        print_json(records)
    else:
        for record in records:
            record["values"] = "; ".join(c.get("text", "") for c in record.get("claims") or [])
        print_table(records, ["id", "quantity", "verdict", "values", "reason"], title="claims")


@app.command("export")
def export_cli(
    fmt: str = typer.Option(..., "--format", help="parquet, csv, jsonl, plover or gdelt."),
    out: Path = typer.Option(..., "--out", help="Folder (table formats) or file (plover, gdelt, or with --table)."),
    table: Optional[str] = typer.Option(None, "--table", help="Export only this table."),
    db: Path = DbOption,
    event_type: Optional[str] = typer.Option(None, "--type", help="Events of this PLOVER type (plover, gdelt)."),
    actor: Optional[str] = typer.Option(None, help="Events with this actor (plover, gdelt)."),
    since: Optional[str] = typer.Option(None, help="Events from this ISO date (plover, gdelt)."),
    until: Optional[str] = typer.Option(None, help="Events up to this ISO date (plover, gdelt)."),
) -> None:
    """Export tables (Parquet, CSV, JSON Lines) or events (PLOVER JSON, GDELT 2.0 table).

    Example: parley export --format gdelt --out events.tsv --since 2023-01-01
    """
    from parley.export import UnknownExportFormat, export

    database(db)
    try:
        written = export(db, fmt, out, table=table, event_type=event_type, actor=actor, since=since, until=until)
    except (UnknownExportFormat, NotFound) as error:
        fail(str(error))
    for path in written:
        console.print(str(path))


@app.command("check")
def check_cli(db: Path = DbOption, as_json: bool = JsonOption) -> None:
    """Verify the database: references, ids, codes, spans inside texts, intervals, clustered events.

    Exits with status 1 when a check fails.

    Example: parley check --db parley.duckdb
    """
    from parley.store.check import check

    database(db)
    problems = [p.as_dict() for p in check(db)]
    if as_json:
        print_json(problems)
    elif problems:
        print_table(problems, ["check", "table", "count", "example"], title="problems")
    else:
        console.print(f"{db}: all checks passed")
    if problems:
        raise typer.Exit(1)


@app.command("rebuild")
def rebuild_cli(db: Path = DbOption, as_json: bool = JsonOption) -> None:
    """Rebuild the tables derived across documents (events, meetings, processes, claim groups).

    An ingest rebuilds only the events that its documents could change; run this after
    upgrading parley to bring every event up to the new rules.

    Example: parley rebuild --db parley.duckdb
    """
    from parley.engine import rebuild

    database(db)
    counts = rebuild(db)
    if as_json:
        print_json(counts)
    else:
        print_table([{"table": table, "rows": rows} for table, rows in counts.items()], ["table", "rows"],
                    title=str(db))


@app.command("serve")
def serve_cli(db: Path = DbOption,
              host: str = typer.Option("127.0.0.1", "--host", help="Interface to listen on."),
              port: int = typer.Option(8001, "--port", min=1, max=65535, help="TCP port."),
              workers: int = typer.Option(1, "--workers", min=1, max=64,
                                          help="Server processes (one per core at most; one on a small machine).")
              ) -> None:
    """Serve the read-only web app: processes, meetings, actors, events, documents, claims.

    Every page has a JSON twin at the same path plus .json; the OpenAPI document is at /openapi.json.

    Example: parley serve --db parley.duckdb --port 8001
    """
    from parley.web.app import serve

    database(db)
    console.print(f"parley serving {db} on http://{host}:{port}/ (Ctrl-C to stop)")
    serve(db, host=host, port=port, workers=workers)


from parley.kb_cli import kb_app  # noqa: E402  (the `parley kb` commands live in their own module)

app.add_typer(kb_app, name="kb")
