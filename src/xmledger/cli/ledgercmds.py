"""Commands about the ledger itself: check, init, schema."""

import enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from . import app
from .options import (FORMAT_HELP, Format, LangOption, LedgerOption, NoCacheOption, RevOption, err, load_ledger, out,
                      resolve_root)


@app.command()
def check(
    ledger: LedgerOption = None,
    strict: Annotated[bool, typer.Option("--strict", help="Fail (exit 1) on warnings too.")] = False,
    fmt: Annotated[Format, typer.Option("--format", help="table/plain/text: one line per finding with the source "
                                        f"line and a hint; json: a list of objects; csv/tsv: one row each. "
                                        f"{FORMAT_HELP}.")] = Format.table,
    select: Annotated[list[str], typer.Option("--select", help="Only findings with this code, or codes starting "
                                              "with it (E1, W); repeatable.", show_default=False)] = [],
    ignore: Annotated[list[str], typer.Option("--ignore", help="Leave out findings with this code, or codes "
                                              "starting with it; repeatable.", show_default=False)] = [],
    lang: LangOption = None,
    no_cache: NoCacheOption = False,
    rev: RevOption = None,
) -> None:
    """Validate every file of the ledger and report ALL findings, sorted by file and line.

    Exit 0 when there are no errors (and, with --strict, no warnings); 1 otherwise. Findings left out by
    --select/--ignore do not count. With --rev, the ledger as committed at that revision (findings name
    REV:path:line:col).
    """
    from .. import api
    from ..core.findings import CODES, select as choose
    from ..core.words import counted, words

    for code in (*select, *ignore):
        if not any(c.startswith(code.upper()) for c in CODES):
            raise typer.BadParameter(f"no finding code starts with {code!r} (see docs/errors.md)",
                                     param_hint="--select/--ignore")
    root = resolve_root(ledger, rev)
    result = load_ledger(root, no_cache, rev=rev)
    language = lang.value if lang else result.ledger.settings.language  # the people who fix the files read it
    findings = choose(result.findings, tuple(c.upper() for c in select), tuple(c.upper() for c in ignore))
    report = api.check(result._replace(findings=findings), language)
    try:
        out(api.render(report, fmt.value))
    except api.UsageError as e:
        raise typer.BadParameter(str(e), param_hint="--format") from None
    errors = sum(f.is_error for f in findings)
    if fmt.value not in ("json", "csv", "tsv"):
        led = result.ledger
        err(words("cli.tally", language, errors=counted("count.error", errors, language),
                  warnings=counted("count.warning", len(findings) - errors, language), files=result.files + 1,
                  projects=counted("count.project", led.counts[0], language),
                  cards=counted("count.card", len(led.responsibilities), language),
                  issues=counted("count.issue", led.counts[1], language)))
    failed = bool(errors) or (strict and len(findings) > errors)
    raise typer.Exit(1 if failed else 0)


@app.command()
def init(
    directory: Annotated[Path, typer.Argument(help="Folder to create the ledger in (created if missing).")] = Path("."),
) -> None:
    """Create a new ledger: ledger.yaml, the three record folders and one commented example of each kind.

    Never overwrites: refuses a folder that already holds ledger.yaml.
    """
    from ..sources.base import printable
    from ..sources.scaffold import ScaffoldError, scaffold
    from .options import today

    shown = printable(str(directory))
    try:
        written = scaffold(directory, today())
    except ScaffoldError as e:
        err(f"xmledger init: {e}: nothing written")
        raise typer.Exit(1) from None
    for path in written:
        out(f"wrote {printable(str(path))}\n")
    err(f"next: xmledger check -L {shown}")


class SchemaKind(str, enum.Enum):
    ledger = "ledger"
    project = "project"
    responsibility = "responsibility"
    issue = "issue"
    progress = "progress"


@app.command()
def schema(
    kind: Annotated[Optional[SchemaKind], typer.Argument(help="Record kind; all kinds when omitted.")] = None,
) -> None:
    """Print the JSON Schema of a record kind, for editors (yaml-language-server) to complete and validate records."""
    import json

    from ..read.schema import schemas

    all_schemas = schemas()
    doc = all_schemas[kind.value] if kind else all_schemas
    out(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
