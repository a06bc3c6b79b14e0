"""What every command shares: finding the ledger, loading it, writing output."""

import datetime
import os
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

LedgerOption = Annotated[
    Optional[Path],
    typer.Option("-L", "--ledger", help="Ledger folder (else $XMLEDGER_LEDGER, else the nearest folder "
                 "upwards holding ledger.yaml).", show_default=False),
]
NoCacheOption = Annotated[bool, typer.Option("--no-cache", help="Parse every file; neither read nor write the parse cache.")]


def resolve_root(ledger: Optional[Path]) -> Path:
    """The ledger folder from -L, $XMLEDGER_LEDGER or the working folder upwards."""
    from ..load import find_root

    if ledger is None and os.environ.get("XMLEDGER_LEDGER"):
        ledger = Path(os.environ["XMLEDGER_LEDGER"])
    if ledger is not None:
        if ledger.is_file() and ledger.name == "ledger.yaml":
            ledger = ledger.parent
        if not ledger.is_dir():
            raise typer.BadParameter(f"{ledger} is not a folder", param_hint="-L/--ledger")
        return ledger
    found = find_root(Path.cwd())
    if found is None:
        raise typer.BadParameter("no ledger.yaml in this folder or any above it: pass -L PATH or set "
                                 "XMLEDGER_LEDGER", param_hint="-L/--ledger")
    return found


def today() -> datetime.date:
    return datetime.date.today()


def load_ledger(root: Path, no_cache: bool = False):
    from ..load import load

    return load(root, today(), use_cache=not no_cache)


def out(text: str) -> None:
    """Write report text to stdout as UTF-8 whatever the locale (cron often has none)."""
    sys.stdout.flush()
    sys.stdout.buffer.write(text.encode("utf-8"))
    sys.stdout.flush()


def err(text: str) -> None:
    sys.stderr.flush()
    sys.stderr.buffer.write((text if text.endswith("\n") else text + "\n").encode("utf-8"))
    sys.stderr.flush()
