"""What every command shares: the shared options, finding and loading the ledger, writing output.

The commands are thin: they parse options, call the library (xmledger.api),
and map the outcome to an exit code. Process-wide settings that a library
must not make (pausing the garbage collector while a large ledger is built)
are made here, at the edge.
"""

from __future__ import annotations

import datetime
import enum
import functools
import inspect
import os
import sys
from pathlib import Path
from typing import Annotated, NamedTuple, Optional

import typer

from ..renderers.registry import FORMATS


def resolve_root(ledger: Optional[Path], rev: Optional[str] = None) -> Path:
    """The ledger folder from -L, $XMLEDGER_LEDGER or the working folder upwards.

    With --rev the folder is read from git: it need not exist in the working tree, and without -L the
    working folder is the ledger's when no folder above it holds ledger.yaml."""
    from ..sources.folder import find_root

    if ledger is None and os.environ.get("XMLEDGER_LEDGER"):
        ledger = Path(os.environ["XMLEDGER_LEDGER"])
    if ledger is not None:
        if ledger.name == "ledger.yaml" and not ledger.is_dir():
            ledger = ledger.parent
        if not ledger.is_dir() and (rev is None or ledger.exists()):
            raise typer.BadParameter(f"{ledger} is not a folder", param_hint="-L/--ledger")
        return ledger
    found = find_root(Path.cwd())
    if found is None:
        if rev is not None:
            return Path.cwd()
        raise typer.BadParameter("no ledger.yaml in this folder or any above it: pass -L PATH or set "
                                 "XMLEDGER_LEDGER", param_hint="-L/--ledger")
    return found


def today() -> datetime.date:
    return datetime.date.today()


def load_ledger(root: Path, no_cache: bool = False, place_warnings: bool = True, rev: Optional[str] = None):
    """The ledger at `root` (as committed at `rev`, if given), read and checked (LoadResult). Reports show no
    warnings: they need not place them."""
    from .. import api

    try:
        return api.load(root, rev=rev, today=today(), cache=not no_cache, place_warnings=place_warnings)
    except api.UsageError as e:
        raise typer.BadParameter(str(e), param_hint=e.option or "-L/--ledger") from None


class OutputError(Exception):
    """stdout cannot be written (a full disk, a closed descriptor): the command failed, not the ledger."""


def out(data: str | bytes) -> None:
    """Write report output to stdout, text as UTF-8 whatever the locale (cron often has none)."""
    if sys.stdout is None:
        raise OutputError("stdout is closed")
    try:
        sys.stdout.flush()
        sys.stdout.buffer.write(data.encode("utf-8", "backslashreplace") if isinstance(data, str) else data)
        sys.stdout.flush()
    except BrokenPipeError:
        raise
    except (OSError, ValueError) as e:  # ValueError: a closed file object
        raise OutputError(getattr(e, "strerror", None) or str(e)) from None


def err(text: str) -> None:
    if sys.stderr is None:
        return
    try:
        sys.stderr.flush()
        sys.stderr.buffer.write((text if text.endswith("\n") else text + "\n").encode("utf-8", "backslashreplace"))
        sys.stderr.flush()
    except (OSError, ValueError):
        pass


# ------------------------------------------------------------------ shared report options

#: --format's choices come from the output registry (and its aliases: check's old `text`)
Format = enum.Enum("Format", {name: name for f in FORMATS for name in (f.name, *f.aliases)}, type=str)
FORMAT_HELP = "; ".join(f"{f.name}: {f.help}" for f in FORMATS)


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
    ("fmt", Format, Format.table, ("--format",), f"Output format. {FORMAT_HELP}."),
    ("level", list[str], [], ("--level",), _FILTER_HELP.format("level (province, city, county)")),
    ("category", list[str], [], ("--category",), _FILTER_HELP.format("category")),
    ("location", list[str], [], ("--location",), _FILTER_HELP.format("location")),
    ("unit", list[str], [], ("--unit",), "Only projects on a card of this responsible unit (repeatable)."),
    ("leader", list[str], [], ("--leader",), "Only projects on a card of this leader (repeatable)."),
    ("tag", list[str], [], ("--tag",), _FILTER_HELP.format("tag")),
    ("allow_errors", bool, False, ("--allow-errors",), "Report even if the ledger has errors, leaving out the "
     "records with errors (the output says how many)."),
    ("no_cache", bool, False, ("--no-cache",), "Check every file; neither read nor write the parse cache."),
    ("rev", Optional[str], None, ("--rev",), "Read the ledger as committed at this git revision (a commit, branch, "
     "tag, HEAD~1, main@{2019-05-31} ...), straight from git: no checkout, the working tree untouched."),
    ("excel", bool, False, ("--excel",), "csv/tsv for Excel and WPS: start with a UTF-8 byte order mark, so that "
     "Chinese reads right on Chinese Windows."),
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
LangOption = shared_option("lang")
RevOption = shared_option("rev")


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
    rev: Optional[str] = None
    excel: bool = False
    renamed: dict = {}  # shared options this command spells otherwise (issues: --project-category)

    def flag(self, option: str | None) -> str | None:
        """A shared option's flag as this command spells it."""
        name = (option or "").lstrip("-")
        return self.renamed.get(name, option)


def report_options(func=None, *, renamed: dict[str, str] | None = None, omit: tuple[str, ...] = ()):
    """Give a command the shared options; it receives them as `opts: ReportOptions`.

    `renamed` gives some shared options other flags, where the command uses theirs for its own; `omit` leaves
    some out (export has no --format), and the command gets their defaults."""
    def decorate(func):
        sig = inspect.signature(func)
        own = [p for name, p in sig.parameters.items() if name != "opts"]
        shared = [p for p in shared_parameters(renamed or {}) if p.name not in omit]
        defaults = {name: default for name, _, default, _, _ in SHARED if name in omit}

        @functools.wraps(func)
        def command(**kwargs):
            values = {**defaults, **{p.name: kwargs.pop(p.name) for p in shared}}
            return func(opts=ReportOptions(**values, renamed=renamed or {}), **kwargs)

        command.__signature__ = sig.replace(parameters=own + shared)
        return command

    return decorate(func) if func is not None else decorate


def report_context(opts: ReportOptions):
    """Set the time frame, load the ledger, refuse it if it has errors (unless --allow-errors)."""
    from .. import api
    from ..metrics.filters import Filters

    try:  # the time frame first: a wrong --as-of is wrong usage whatever the ledger holds
        period = api.period(opts.as_of, opts.year, today())
    except api.UsageError as e:
        raise typer.BadParameter(str(e), param_hint=e.option) from None
    root = resolve_root(opts.ledger, opts.rev)
    result = load_ledger(root, opts.no_cache, place_warnings=False, rev=opts.rev)
    filters = Filters(*(tuple(getattr(opts, k)) for k in Filters._fields))
    try:
        return api.context(result, period=period, filters=filters, lang=opts.lang.value if opts.lang else None,
                           allow_errors=opts.allow_errors)
    except api.LedgerErrors:
        refuse(result, root, opts.lang.value if opts.lang else result.ledger.settings.language, opts.rev)
    except api.UsageError as e:
        raise typer.BadParameter(str(e), param_hint=opts.flag(e.option)) from None


def refuse(result, root: Path, lang: str, rev: Optional[str] = None) -> None:
    """A ledger with errors: the first errors, and where to see them all (exit 1)."""
    import shlex

    from ..core.words import words
    from ..renderers.text import headline

    if rev is not None:  # the command that shows them all reads the same revision
        root = f"{shlex.quote(str(root))} --rev {shlex.quote(rev)}"
    errors = result.errors
    shown = errors[:5]
    more = len(errors) - len(shown)
    err("\n".join(headline(f, lang) for f in shown))
    if more:
        err(words("cli.more_errors", lang, count=more))
    if not result.settings_usable:
        err(words("cli.refuse_settings", lang, root=root))
    else:
        err(words("cli.refuse", lang, root=root))
    raise typer.Exit(1)


def emit(report, opts: ReportOptions) -> None:
    from .. import api

    try:
        data = api.render(report, opts.fmt.value)
    except api.UsageError as e:
        raise typer.BadParameter(str(e), param_hint="--format") from None
    if opts.excel and opts.fmt.value in ("csv", "tsv"):
        from ..renderers.delimited import for_excel

        data = for_excel(data)
    out(data)
