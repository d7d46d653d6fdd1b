"""``parley kb``: the actor knowledge base - counts by source, look-ups, and conversion of the
Phoenix/PETRARCH-2 dictionaries. Thin wrappers over :mod:`parley.actors.layers` and
:mod:`parley.convert.petrarch_actors`."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path
from typing import Optional

import typer

kb_app = typer.Typer(help="The actor knowledge base: counts by source (phoenix, parley, user), look-ups, "
                          "conversion.\n\nExample: parley kb lookup \"Alexander Lavrentyev\" --date 2023-06-21",
                     invoke_without_command=True, add_completion=False)


def _fail(message: str) -> None:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(1)


KbFile = typer.Option(None, "--kb", help="A user knowledge file (YAML or CSV) loaded above parley's.")


def _use(path: Optional[Path]) -> None:
    from parley.actors.kb import KnowledgeBaseError
    from parley.actors.kb import activate

    try:
        activate(path)
    except KnowledgeBaseError as error:
        _fail(str(error))


@kb_app.callback()
def kb_counts_cli(ctx: typer.Context,
                  as_json: bool = typer.Option(False, "--json", help="Print JSON."),
                  user: Optional[Path] = KbFile) -> None:
    """Print how many actors each knowledge source holds (phoenix, parley, user), by type.

    Example: parley kb --kb my_actors.yaml
    """
    if user is not None:
        _use(user)
    if ctx.invoked_subcommand is not None:
        return
    from parley.actors.kb import load_kb
    from parley.actors.layers import kb_counts

    counts = kb_counts(load_kb())
    if as_json:
        sys.stdout.write(json.dumps(counts, indent=2) + "\n")
        return
    for source, by_type in counts["actors"].items():
        detail = ", ".join(f"{t} {n}" for t, n in by_type.items())
        typer.echo(f"{source:8} {sum(by_type.values()):6} actors ({detail})")
    typer.echo(f"names    {counts['names']:6} indexed")
    typer.echo("words    " + ", ".join(f"{s} {n}" for s, n in counts["words"].items()))


@kb_app.command("lookup")
def kb_lookup_cli(name: str = typer.Argument(..., help="A name as written, e.g. \"Alexander Lavrentyev\"."),
                  on: Optional[str] = typer.Option(None, "--date",
                                                   help="ISO date the role must hold on (default today)."),
                  as_json: bool = typer.Option(False, "--json", help="Print JSON."),
                  user: Optional[Path] = KbFile) -> None:
    """Show what a name resolves to on a date, the chosen entry first.

    Example: parley kb lookup "Alexander Lavrentyev" --date 2023-06-21
    """
    if user is not None:
        _use(user)
    from parley.actors.kb import load_kb
    from parley.actors.mentions import lookup

    try:
        day = date.fromisoformat(on) if on else None
    except ValueError:
        _fail(f"--date {on!r}: not an ISO date (YYYY-MM-DD)")
    found = lookup(load_kb(), name, day)
    if as_json:
        sys.stdout.write(json.dumps(found, indent=2, ensure_ascii=False) + "\n")
        return
    if not found:
        _fail(f"{name!r}: not in the knowledge base")
    for i, item in enumerate(found):
        when = f" {item['start'] or '…'}..{item['end'] or '…'}" if item.get("start") or item.get("end") else ""
        typer.echo(f"{'*' if i == 0 else ' '} {item['id']}  {item['name']}  [{item['source']}] "
                   f"{item['kind']}/{item['type']} country={item['country']} sector={item['sector']} "
                   f"cameo={item['cameo']} role={item['role']}{when}")


@kb_app.command("convert")
def kb_convert_cli(source: Path = typer.Option(..., "--source", help="Folder with the Phoenix dictionaries "
                                              "(Phoenix.*.actors.txt, Phoenix.agents.txt)."),
                   out: Optional[Path] = typer.Option(None, "--out", help="Output folder (default: parley's "
                                                      "data/actors/phoenix).")) -> None:
    """Convert the Phoenix/PETRARCH-2 actor and agent dictionaries into parley's knowledge format.

    Rerunnable: the same source gives the same files. Lines it cannot parse are listed with
    file:line in report.json and skipped.

    Example: parley kb convert --source petrarch2/data/dictionaries
    """
    from parley.convert.petrarch_actors import OUT_DIR, ConversionError, convert

    try:
        report = convert(source, out or OUT_DIR)
    except ConversionError as error:
        _fail(str(error))
    counts = report["counts"]
    typer.echo(", ".join(f"{k} {v}" for k, v in counts.items()))
    for problem in report["unparsed"][:20]:
        typer.echo(f"  skipped {problem['where']}: {problem['why']}")
    if len(report["unparsed"]) > 20:
        typer.echo(f"  ... {len(report['unparsed']) - 20} more in report.json")
