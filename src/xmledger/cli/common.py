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


def load_ledger(root: Path, no_cache: bool = False, place: bool = True):
    """Load the ledger; place=False leaves findings across records unplaced (reports need only whether
    there are errors)."""
    from ..load import load

    return load(root, today(), use_cache=not no_cache, place=place)


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


_FILTER_HELP = "Only projects with this {} (repeat for several)."
# name, type, default, option names, help
SHARED = [
    ("ledger", Optional[Path], None, ("-L", "--ledger"), "Ledger folder (else $XMLEDGER_LEDGER, else the nearest "
     "folder upwards holding ledger.yaml)."),
    ("as_of", Optional[str], None, ("--as-of",), "Date of the report: YYYY-MM-DD, or YYYY-MM for the month's last "
     "day (default: today)."),
    ("year", Optional[int], None, ("--year",), "Year of the key-project list (default: the as-of year)."),
    ("lang", Optional[Lang], None, ("--lang",), "Language of the output (default: ledger.yaml's)."),
    ("fmt", Format, Format.table, ("--format",), "table (rich on a terminal, plain text when piped), plain, "
     "markdown, csv, tsv or json."),
    ("level", list[str], [], ("--level",), _FILTER_HELP.format("level (province, city, county)")),
    ("category", list[str], [], ("--category",), _FILTER_HELP.format("category")),
    ("location", list[str], [], ("--location",), _FILTER_HELP.format("location")),
    ("unit", list[str], [], ("--unit",), "Only projects on a card of this responsible unit (repeatable)."),
    ("leader", list[str], [], ("--leader",), "Only projects on a card of this leader (repeatable)."),
    ("tag", list[str], [], ("--tag",), _FILTER_HELP.format("tag")),
    ("allow_errors", bool, False, ("--allow-errors",), "Report even if the ledger has errors, leaving out the "
     "records with errors (the output says how many)."),
    ("no_cache", bool, False, ("--no-cache",), "Parse every file; neither read nor write the parse cache."),
]


def shared_option(name: str, flags: tuple[str, ...] | None = None):
    """The Annotated type of one shared option, for a command signature."""
    _, kind, _, decls, help = next(spec for spec in SHARED if spec[0] == name)
    return Annotated[kind, typer.Option(*(flags or decls), help=help, show_default=False)]


def shared_parameters(renamed: dict[str, str]) -> list[inspect.Parameter]:
    return [inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=default,
                              annotation=shared_option(name, (renamed[name],) if name in renamed else None))
            for name, _, default, _, _ in SHARED]


LedgerOption = shared_option("ledger")
NoCacheOption = shared_option("no_cache")


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


def report_options(func=None, *, renamed: dict[str, str] | None = None):
    """Give a command the shared options; it receives them as `opts: ReportOptions`.

    `renamed` gives some shared options other flags, where the command uses theirs for its own."""
    def decorate(func):
        sig = inspect.signature(func)
        own = [p for name, p in sig.parameters.items() if name != "opts"]
        shared = shared_parameters(renamed or {})

        @functools.wraps(func)
        def command(**kwargs):
            values = {p.name: kwargs.pop(p.name) for p in shared}
            return func(opts=ReportOptions(**values), **kwargs)

        command.__signature__ = sig.replace(parameters=own + shared)
        return command

    return decorate(func) if func is not None else decorate


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
    result = load_ledger(root, opts.no_cache, place=False)
    if result.has_errors and not opts.allow_errors:
        from ..checkreport import headline

        errors = result.errors
        shown = errors[:5]
        more = len(errors) - len(shown)
        err("\n".join(headline(f) for f in shown))
        err((f"... and {more} more errors\n" if more else "") +
            f"the ledger has errors: run `xmledger check -L {root}` to see them all, "
            "or pass --allow-errors to report without the records that have them")
        raise typer.Exit(1)
    ledger = result.ledger
    filters = Filters(*(tuple(getattr(opts, k)) for k in Filters._fields))
    lang = opts.lang.value if opts.lang else ledger.settings.language
    left_out, unreadable = (result.left_out, result.unreadable) if result.has_errors else (0, 0)
    return ReportContext(ledger, period, filters, lang, left_out, unreadable)


def emit(report, opts: ReportOptions, lang: str) -> None:
    from ..render import render

    out(render(report, opts.fmt.value, lang))
