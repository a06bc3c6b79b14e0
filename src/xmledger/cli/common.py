"""What every command shares: finding the ledger, loading it, writing output."""

import datetime
import enum
import functools
import inspect
import os
import sys
from pathlib import Path
from typing import Annotated, NamedTuple, Optional

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


# ------------------------------------------------------------------ shared report options

class Format(str, enum.Enum):
    table = "table"
    plain = "plain"
    markdown = "markdown"
    csv = "csv"
    tsv = "tsv"
    json = "json"


class Lang(str, enum.Enum):
    zh = "zh"
    en = "en"


class GroupBy(str, enum.Enum):
    level = "level"
    category = "category"
    location = "location"
    unit = "unit"
    leader = "leader"


def _option(name: str, annotation, default, *decls: str, help: str):
    return inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=default,
                             annotation=Annotated[annotation, typer.Option(*decls, help=help, show_default=False)])


_FILTER_HELP = "Only projects with this {} (repeat for several)."
SHARED = [
    inspect.Parameter("ledger", inspect.Parameter.KEYWORD_ONLY, default=None, annotation=LedgerOption),
    _option("as_of", Optional[str], None, "--as-of", help="Date of the report: YYYY-MM-DD, or YYYY-MM for the "
            "month's last day (default: today)."),
    _option("year", Optional[int], None, "--year", help="Year of the key-project list (default: the as-of year)."),
    _option("lang", Optional[Lang], None, "--lang", help="Language of the output (default: ledger.yaml's)."),
    _option("fmt", Format, Format.table, "--format", help="table (rich on a terminal, plain text when piped), "
            "plain, markdown, csv, tsv or json."),
    _option("level", list[str], [], "--level", help=_FILTER_HELP.format("level (province, city, county)")),
    _option("category", list[str], [], "--category", help=_FILTER_HELP.format("category")),
    _option("location", list[str], [], "--location", help=_FILTER_HELP.format("location")),
    _option("unit", list[str], [], "--unit", help="Only projects on a card of this responsible unit (repeatable)."),
    _option("leader", list[str], [], "--leader", help="Only projects on a card of this leader (repeatable)."),
    _option("tag", list[str], [], "--tag", help=_FILTER_HELP.format("tag")),
    _option("allow_errors", bool, False, "--allow-errors", help="Report even if the ledger has errors, leaving out "
            "the records with errors (the output says how many)."),
    inspect.Parameter("no_cache", inspect.Parameter.KEYWORD_ONLY, default=False, annotation=NoCacheOption),
]


class ReportOptions(NamedTuple):
    ledger: Optional[Path]
    as_of: Optional[str]
    year: Optional[int]
    lang: Optional[Lang]
    fmt: Format
    level: list
    category: list
    location: list
    unit: list
    leader: list
    tag: list
    allow_errors: bool
    no_cache: bool


def report_options(func):
    """Give a command the shared options; it receives them as `opts: ReportOptions`."""
    sig = inspect.signature(func)
    own = [p for name, p in sig.parameters.items() if name != "opts"]

    @functools.wraps(func)
    def command(**kwargs):
        shared = {p.name: kwargs.pop(p.name) for p in SHARED}
        return func(opts=ReportOptions(**shared), **kwargs)

    command.__signature__ = sig.replace(parameters=own + SHARED)
    return command


def report_context(opts: ReportOptions):
    """Load the ledger, refuse it if it has errors (unless --allow-errors), and set the time frame."""
    from ..metrics import Filters
    from ..period import make_period
    from ..reports import ReportContext

    try:
        period = make_period(opts.as_of, opts.year, today())
    except ValueError as e:
        raise typer.BadParameter(str(e), param_hint="--as-of") from None
    root = resolve_root(opts.ledger)
    result = load_ledger(root, opts.no_cache)
    if result.errors and not opts.allow_errors:
        from ..checkreport import headline

        shown = result.errors[:5]
        more = len(result.errors) - len(shown)
        err("\n".join(headline(f) for f in shown))
        err((f"... and {more} more errors\n" if more else "") +
            f"the ledger has errors: run `xmledger check -L {root}` to see them all, "
            "or pass --allow-errors to report without the records that have them")
        raise typer.Exit(1)
    ledger = result.ledger
    filters = Filters(*(tuple(getattr(opts, k)) for k in Filters._fields))
    lang = opts.lang.value if opts.lang else ledger.settings.language
    left_out, unreadable = (result.left_out, result.unreadable) if result.errors else (0, 0)
    return ReportContext(ledger, period, filters, lang, left_out, unreadable)


def emit(report, opts: ReportOptions, lang: str) -> None:
    from ..render import render

    out(render(report, opts.fmt.value, lang))
