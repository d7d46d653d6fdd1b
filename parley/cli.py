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
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from parley import api
from parley.store import DEFAULT_DB, DatabaseBusy, DatabaseNotFound
from parley.store.queries import NotFound

app = typer.Typer(help="parley: who met whom, what they agreed, and where the reports disagree.",
                  no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False)
console = Console()
err = Console(stderr=True)

DbOption = typer.Option(DEFAULT_DB, "--db", help="DuckDB database file.")
JsonOption = typer.Option(False, "--json", help="Print one JSON array instead of a table.")
SAMPLE_DIR = Path(__file__).parent / "data" / "sample"


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
    clean_only: bool = typer.Option(False, "--clean-only", help="Store cleaned documents without running the pipeline."),
    as_json: bool = typer.Option(False, "--json", help="Print the summary as JSON."),
) -> None:
    """Read articles into the database: clean, deduplicate, run the pipeline, store.

    Exits with status 1 when anything was quarantined.

    Example: parley ingest articles/ --manifest articles/manifest.csv --db talks.duckdb
    """
    stages = () if clean_only else api.DEFAULT_PIPELINE
    with Progress(TextColumn("{task.description}"), BarColumn(), TextColumn("{task.completed} inputs"),
                  TimeElapsedColumn(), console=err, transient=True) as progress:
        task = progress.add_task("ingesting", total=None)
        try:
            summary = api.Database(db).ingest(paths, manifest=manifest, stages=stages, stdin=sys.stdin,
                                              on_progress=lambda n: progress.advance(task, n))
        except DatabaseBusy as error:
            fail(str(error))
    for problem in summary.quarantined:
        err.print(f"[yellow]quarantined[/yellow] {problem.detail} [dim]({problem.reason})[/dim]")
    if as_json:
        print_json(summary.as_dict())
    else:
        console.print(f"stored {summary.stored} documents, skipped {summary.duplicates} duplicates, "
                      f"linked {summary.near_duplicates} near-duplicates, quarantined {len(summary.quarantined)}")
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
    with stream:
        for number, line in enumerate(stream, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                err.print(f"[yellow]skipped[/yellow] {path}:{number}: not JSON ({error.msg})")
                continue
            for result in api.code([record]):
                sys.stdout.write(json.dumps(result, ensure_ascii=False, default=str) + "\n")


@app.command("demo")
def demo_cli(db: Path = typer.Option(Path("demo.duckdb"), "--db", help="Database to create.")) -> None:
    """Ingest the bundled sample corpus into a fresh database and print what is there.

    Example: parley demo --db demo.duckdb
    """
    summary = api.Database(db).ingest([str(SAMPLE_DIR)], manifest=SAMPLE_DIR / "manifest.csv")
    console.print(f"stored {summary.stored} documents, skipped {summary.duplicates} duplicates, "
                  f"linked {summary.near_duplicates} near-duplicates, quarantined {len(summary.quarantined)}")
    print_table(api.Database(db).documents(), ["id", "published", "outlet", "title", "duplicate_of"],
                title="documents")
