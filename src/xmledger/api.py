"""The library: load a ledger, compute its figures, build a report, render it.

    import xmledger

    result = xmledger.load("data/lijin")                  # or load_files({...}) from memory
    ctx = xmledger.context(result, as_of="2019-05-31")
    print(xmledger.figures(ctx).start_rate)                # Decimal('0.7890625')
    print(xmledger.render(xmledger.report("summary", ctx), "plain"))

The command line is a client of these functions: whatever it prints, a
program can get from here the same way. Wrong arguments raise `UsageError`
(the command line's exit 2); a ledger with errors is not an exception — the
result carries its findings, and `context` refuses it unless asked not to.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .core.period import Period, PeriodError, make_period
from .loading.loader import LoadResult
from .loading.loader import load as load_source
from .metrics.filters import Filters
from .reports.base import Report, ReportContext
from .sources.base import LedgerSource, SourceError

#: the reports by name, and the options each takes beyond the context
REPORTS = {
    "status": ("xmledger.reports.status", "status"),
    "starts": ("xmledger.reports.starts", "starts"),
    "completion": ("xmledger.reports.completion", "completion"),
    "progress": ("xmledger.reports.progress", "progress"),
    "show": ("xmledger.reports.show", "show"),
    "summary": ("xmledger.reports.circular", "summary"),
    "issues": ("xmledger.reports.problems", "issues"),
    "issue-stats": ("xmledger.reports.problems", "issue_statistics"),
    "leaders": ("xmledger.reports.leaders", "leaders"),
    "rank": ("xmledger.reports.rank", "ranking"),
    "page": ("xmledger.reports.page", "page"),
}


class UsageError(ValueError):
    """Arguments no ledger can answer; `option` names the option to blame (the command line exits 2)."""

    def __init__(self, message: str, option: str | None = None):
        super().__init__(message)
        self.option = option


class LedgerErrors(Exception):
    """The ledger has errors (or its ledger.yaml cannot be used) and figures were asked for anyway."""

    def __init__(self, result: LoadResult):
        super().__init__(f"the ledger has {len(result.errors)} errors")
        self.result = result


def source(ledger: str | Path | LedgerSource | Mapping) -> LedgerSource:
    """A source from a folder path, a mapping {path: bytes or text}, or a source as it is."""
    if isinstance(ledger, LedgerSource):
        return ledger
    if isinstance(ledger, Mapping):
        from .sources.memory import MemorySource

        return MemorySource(ledger)
    from .sources.folder import FolderSource

    try:
        return FolderSource(Path(ledger))
    except SourceError as e:
        raise UsageError(str(e), e.option) from None


def load(ledger: str | Path | LedgerSource | Mapping, *, today: datetime.date | None = None, cache: bool = True,
         jobs: int | None = None, place_warnings: bool = True) -> LoadResult:
    """Read and check a whole ledger: the Ledger of its valid records, and every finding, placed
    (place_warnings=False: warnings across records may lack their line, which saves a second read)."""
    src = source(ledger)
    try:
        return load_source(src, today or datetime.date.today(), use_cache=cache, jobs=jobs,
                           place_warnings=place_warnings)
    except SourceError as e:
        raise UsageError(str(e), e.option) from None


def load_files(files: Mapping[str, bytes | str], *, today: datetime.date | None = None) -> LoadResult:
    """A ledger from memory: {"ledger.yaml": ..., "projects/a.yaml": ...}; nothing touches the disk."""
    return load(files, today=today, cache=False)


def filters(**values: Any) -> Filters:
    """Filters from keyword arguments (level=..., unit=[...]): a string or a list of strings each."""
    unknown = set(values) - set(Filters._fields)
    if unknown:
        raise UsageError(f"unknown filter {', '.join(sorted(unknown))}")
    return Filters(**{k: (v,) if isinstance(v, str) else tuple(v) for k, v in values.items() if v})


def period(as_of: str | datetime.date | None = None, year: int | None = None,
           today: datetime.date | None = None) -> Period:
    """The time frame of SPEC §4: D = as_of (YYYY-MM-DD, or YYYY-MM for the month's last day; default today),
    Y = year (default D's year)."""
    try:
        if isinstance(as_of, datetime.date):
            as_of = as_of.isoformat()
        return make_period(as_of, year, today or datetime.date.today())
    except PeriodError as e:
        raise UsageError(str(e), e.option) from None


time_frame = period  # the name inside `context`, whose parameter `period` hides the function


def context(result: LoadResult, *, as_of: str | datetime.date | None = None, year: int | None = None,
            period: Period | None = None, filters: Filters | None = None, lang: str | None = None,
            allow_errors: bool = False, today: datetime.date | None = None) -> ReportContext:
    """What every report is computed from: the ledger, its time frame (a `period`, or as_of and year),
    filters and language.

    A ledger with errors raises LedgerErrors unless allow_errors (then records with errors are left out and
    reports say how many); a ledger.yaml with errors is refused even then: its settings decide every figure."""
    frame = period or time_frame(as_of, year, today)
    if not result.settings_usable or (result.has_errors and not allow_errors):
        raise LedgerErrors(result)
    if lang is not None and lang not in ("zh", "en"):
        raise UsageError(f"unknown language {lang!r}: zh or en", "--lang")
    left_out, unreadable = (result.left_out, result.unreadable) if result.has_errors else (0, 0)
    return ReportContext(result.ledger, frame, filters or Filters(), lang or result.ledger.settings.language,
                         left_out, unreadable, result.described)


def figures(ctx: ReportContext):
    """The headline figures (metrics.figures.Figures) of the context's scope."""
    from .metrics.figures import evaluate, figures as compute

    return compute(evaluate(ctx.ledger, ctx.period, ctx.filters))


def report(name: str, ctx: ReportContext, **options: Any) -> Report:
    """Build a report by name (see REPORTS) with its own options (by=, pid=, top= ...)."""
    import importlib

    if name not in REPORTS:
        raise UsageError(f"unknown report {name!r}: {', '.join(REPORTS)}")
    module, function = REPORTS[name]
    return getattr(importlib.import_module(module), function)(ctx, **options)


def render(rep: Report, fmt: str = "plain") -> str | bytes:
    """A report in an output format of render.registry.FORMATS (text, or bytes for binary formats)."""
    from .renderers.registry import FormatError, render as run

    try:
        return run(rep, fmt)
    except FormatError as e:
        raise UsageError(str(e), "--format") from None


def check(result: LoadResult, lang: str | None = None) -> Report:
    """The findings of a loaded ledger as a report (`xmledger check`)."""
    from .reports.findings import check_report

    return check_report(result.findings, lang or result.ledger.settings.language)


# ------------------------------------------------------------------ exports (issue 11)

EXPORTS = ("xlsx", "csv", "sqlite", "html")


def workbook(ctx: ReportContext):
    """The 进展情况表 workbook as a value (reports.workbook.Workbook): sheets, headers, rows."""
    from .reports.workbook import workbook as build

    return build(ctx)


def export(ctx: ReportContext, kind: str, target: str | Path) -> None:
    """Write an export of the context to `target`, a new or empty file: xlsx (the 进展情况表 workbook), sqlite
    (the database) or html (the page with charts). csv gives several files: csv_files. A file that cannot be
    written raises OSError."""
    target = Path(target)
    if kind == "xlsx":
        from xlsxwriter.exceptions import FileCreateError

        from .exports.xlsx import write_workbook

        try:
            write_workbook(workbook(ctx), str(target))
        except FileCreateError as e:  # its OSError, wrapped
            raise OSError(*e.args[0].args) if e.args and isinstance(e.args[0], OSError) else OSError(str(e)) from None
    elif kind == "sqlite":
        import sqlite3

        from .exports.sqlite import write_database
        from .exports.tidy import select

        try:
            write_database(select(ctx), str(target))
        except sqlite3.OperationalError as e:
            raise OSError(str(e)) from None
    elif kind == "html":
        target.write_text(render(report("page", ctx), "html"), encoding="utf-8")
    elif kind == "csv":
        raise UsageError("csv writes one file per table: use csv_files", "kind")
    else:
        raise UsageError(f"unknown export {kind!r}: {', '.join(EXPORTS)}", "kind")


def csv_files(ctx: ReportContext, bom: bool = True) -> dict[str, bytes]:
    """The tidy csv tables of the context: {file name: bytes}, one per table (projects.csv, issues.csv ...)."""
    from .exports.csvfiles import csv_files as build
    from .exports.tidy import select

    return build(select(ctx), bom)
