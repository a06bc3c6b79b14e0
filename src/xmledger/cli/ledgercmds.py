"""Commands about the ledger itself: check, init, schema."""

import enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from . import app
from .common import LedgerOption, NoCacheOption, err, load_ledger, out, resolve_root


class CheckFormat(str, enum.Enum):
    text = "text"
    json = "json"


@app.command()
def check(
    ledger: LedgerOption = None,
    strict: Annotated[bool, typer.Option("--strict", help="Fail (exit 1) on warnings too.")] = False,
    fmt: Annotated[CheckFormat, typer.Option("--format", help="text: one line per finding with the source "
                                             "line; json: a list of objects.")] = CheckFormat.text,
    no_cache: NoCacheOption = False,
) -> None:
    """Validate every file of the ledger and report ALL findings, sorted by file and line.

    Exit 0 when there are no errors (and, with --strict, no warnings); 1 otherwise.
    """
    from ..checkreport import as_json, as_text, tally

    root = resolve_root(ledger)
    result = load_ledger(root, no_cache)
    findings = result.findings
    if fmt is CheckFormat.json:
        out(as_json(findings))
    else:
        out(as_text(findings, root))
        led = result.ledger
        err(f"{tally(findings)} in {result.files + 1} files ({len(led.projects)} projects, "
            f"{len(led.responsibilities)} responsibility cards, {len(led.issues)} issues)")
    failed = bool(result.errors) or (strict and bool(result.warnings))
    raise typer.Exit(1 if failed else 0)


@app.command()
def init(
    directory: Annotated[Path, typer.Argument(help="Folder to create the ledger in (created if missing).")] = Path("."),
) -> None:
    """Create a new ledger: ledger.yaml, the three record folders and one commented example of each kind.

    Never overwrites: refuses a folder that already holds ledger.yaml.
    """
    from ..scaffold import scaffold
    from .common import today

    if (directory / "ledger.yaml").exists():
        err(f"{directory / 'ledger.yaml'} exists already: nothing written")
        raise typer.Exit(1)
    for path in scaffold(directory, today()):
        out(f"wrote {path}\n")
    err(f"next: xmledger check -L {directory}")


class SchemaKind(str, enum.Enum):
    ledger = "ledger"
    project = "project"
    responsibility = "responsibility"
    issue = "issue"


@app.command()
def schema(
    kind: Annotated[Optional[SchemaKind], typer.Argument(help="Record kind; all kinds when omitted.")] = None,
) -> None:
    """Print the JSON Schema of a record kind, for editors (yaml-language-server) to complete and validate records."""
    import json

    from ..schema import schemas

    all_schemas = schemas()
    doc = all_schemas[kind.value] if kind else all_schemas
    out(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
