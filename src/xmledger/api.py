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
from .metrics.filters import Filters, unknown_values
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
    "diff": ("xmledger.reports.diff", "diff"),  # two contexts: report("diff", after, before=..., records=...)
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


def source(ledger: str | Path | LedgerSource | Mapping, rev: str | None = None) -> LedgerSource:
    """A source from a folder path, a mapping {path: bytes or text}, or a source as it is; with `rev`, the
    folder as committed at that git revision (close the source when done: it holds a git process)."""
    if rev is not None:
        if isinstance(ledger, (LedgerSource, Mapping)):
            raise UsageError("a revision (rev=) is read from a ledger folder in a git repository", "--rev")
        from .sources.git import GitSource

        try:
            return GitSource(Path(ledger), rev)
        except SourceError as e:
            raise UsageError(str(e), e.option) from None
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


def load(ledger: str | Path | LedgerSource | Mapping, *, rev: str | None = None, today: datetime.date | None = None,
         cache: bool = True, jobs: int | None = None, place_warnings: bool = True) -> LoadResult:
    """Read and check a whole ledger: the Ledger of its valid records, and every finding, placed
    (place_warnings=False: warnings across records may lack their line, which saves a second read).

    With `rev` (a git revision: a commit, branch, tag, HEAD~1 ...), the ledger folder as committed then, read
    from git without touching the working tree; findings name `REV:path:line:col`."""
    src = source(ledger, rev)
    try:
        return load_source(src, today or datetime.date.today(), use_cache=cache, jobs=jobs,
                           place_warnings=place_warnings)
    except SourceError as e:
        raise UsageError(str(e), e.option) from None
    finally:
        if src is not ledger:  # made here: its git process ends here
            src.close()


def one_cache():
    """A `with` block whose loads share the parse cache: load two revisions of one ledger inside it (as `diff`
    does) and the cache is read once, and unchanged files give the same record objects."""
    from .loading.cache import shared

    return shared()


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
    filters = filters or Filters()
    for bad in unknown_values(result.ledger, filters):
        raise UsageError(unknown_message(bad.filter, bad.value, bad.known), f"--{bad.filter}")
    left_out, unreadable = (result.left_out, result.unreadable) if result.has_errors else (0, 0)
    return ReportContext(result.ledger, frame, filters, lang or result.ledger.settings.language,
                         left_out, unreadable, result.described)


def issue_filters(ctx: ReportContext, *, open: bool = False, overdue: bool = False, projects=(), categories=(),
                  assignee_units=(), levels=()):
    """The filters of the problem list, checked against the ledger: a project id or an assignee unit it does
    not have is a usage error (with "did you mean"), and a category may be written as its code (funding) or
    as the label shown in tables (资金, 用地 ...)."""
    from .core import records as r
    from .core.words import LABELS
    from .metrics.problems import IssueFilters

    ledger = ctx.ledger
    for pid in projects:
        if pid not in ledger.facts_by_id:
            raise UsageError(unknown_message("the id", pid, tuple(ledger.facts_by_id)), "--project")
    codes = []
    by_label = {word: code for code in r.ISSUE_CATEGORIES for word in (code, *LABELS[f"cat_{code}"])}
    for c in categories:
        if c not in by_label:
            raise UsageError(unknown_message("category", c, tuple(by_label)).replace("no project has",
                                                                                   "no problem has"), "--category")
        codes.append(by_label[c])
    units = {q.assignee_unit for q in ledger.issue_facts if q.assignee_unit}
    for u in assignee_units:
        if u not in units:
            raise UsageError(unknown_message("assignee unit", u, tuple(sorted(units))).replace(
                "no project has", "no problem has"), "--assignee-unit")
    return IssueFilters(open, overdue, tuple(projects), tuple(codes), tuple(assignee_units), tuple(levels))


def unknown_message(what: str, value: str, known) -> str:
    """"no project has location '北宋' (did you mean '北宋镇'?)" — usage errors are in English, as typer's."""
    from .core.words import did_you_mean, say

    hint = did_you_mean(value, known)
    if hint is not None:
        return f"no project has {what} {value!r}: {say(hint, 'en')}"
    shown = ", ".join(known[:12]) + (" ..." if len(known) > 12 else "")
    return f"no project has {what} {value!r}" + (f" (this ledger has: {shown})" if known else "")


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


# ------------------------------------------------------------------ what the figures mean (explain)

class UnknownFigure(UsageError):
    """No figure has this name; `close` holds the keys of the figures whose names are nearest."""

    def __init__(self, word: str, close: list[str]):
        hint = f"; did you mean {', '.join(close)}?" if close else ""
        super().__init__(f"no figure is called {word!r}{hint}", "FIGURE")
        self.word = word
        self.close = close


def explain(figure: str | None = None, lang: str = "zh") -> Report:
    """What a figure means (by its key, its Chinese or English name, or a column label), or with no figure the
    list of them all: from metrics.definitions, the source docs/metrics.md is made from."""
    from .metrics import definitions
    from .reports.explain import explanation, figure_list

    if lang not in ("zh", "en"):
        raise UsageError(f"unknown language {lang!r}: zh or en", "--lang")
    if figure is None:
        return figure_list(lang)
    fig = definitions.find(figure)
    if fig is None:
        raise UnknownFigure(figure, [f.key for f in definitions.close_to(figure)])
    return explanation(fig, lang)


def ledger_language(ledger: str | Path) -> str:
    """The `language` of a ledger folder's ledger.yaml, read alone with the safe YAML reader (no record, no
    validation: explain must stay quick); zh when the file cannot be read or names no language we speak."""
    from .read.yamlread import read_yaml
    from .sources.base import LEDGER_FILE
    from .sources.folder import read_regular

    data = read_regular(str(Path(ledger) / LEDGER_FILE))
    value = read_yaml(data).value if data is not None else None
    language = value.get("language") if isinstance(value, dict) else None
    return language if language in ("zh", "en") else "zh"
# ------------------------------------------------------------------ Excel in (issue 12)

def import_workbook(path: str | Path, *, unit: str = "万元", prefix: str = "XM", as_of: str | None = None,
                    year: int | None = None, level: str | None = None, category: str | None = None,
                    name: str | None = None, region: str | None = None, sheets: tuple[str, ...] = (),
                    mapping: tuple[tuple[str, str], ...] = (), today: datetime.date | None = None,
                    lang: str = "zh", shown: str | None = None, layout: str | None = None):
    """An existing 台账 workbook (.xlsx, .xls, .ods) as the files of a new ledger (ingest.importer.Imported:
    files as text, findings by cell, what was recognised). Nothing is written: see `write_new_ledger`.

    as_of is YYYY-MM (the month the sheet runs to) or YYYY-MM-DD."""
    from .core.amounts import LEDGER_UNITS
    from .core.period import parse_as_of
    from .ingest.importer import ID, ImportOptions, import_workbook as run

    if unit not in LEDGER_UNITS:
        raise UsageError(f"unknown unit {unit!r}: {', '.join(LEDGER_UNITS)}", "--unit")
    if not ID.match(f"{prefix}-2019-001"):
        raise UsageError(f"{prefix!r} cannot start a project id (letters, digits, - _ . only)", "--prefix")
    if layout not in (None, "files", "lists"):
        raise UsageError(f"unknown layout {layout!r}: files or lists", "--layout")
    if level not in (None, "province", "city", "county"):
        raise UsageError(f"unknown level {level!r}: province, city or county", "--level")
    day = None
    if as_of:
        try:
            day = parse_as_of(as_of)
        except ValueError as e:
            raise UsageError(str(e), "--as-of") from None
    if year is not None and not 1900 <= year <= 2200:
        raise UsageError(f"{year} is not a year a ledger can mean (1900-2200)", "--year")
    opts = ImportOptions(unit, prefix, year, day, bool(as_of) and len(as_of) == 7, level, category, name, region,
                         tuple(sheets), tuple(mapping), today or datetime.date.today(), layout)
    return run(Path(path), opts, shown, lang)


def write_new_ledger(files: Mapping[str, str], dest: str | Path, *, today: datetime.date | None = None):
    """Write the files of a new ledger into the folder `dest`, which must not exist (or be empty): all or
    nothing, and only if the ledger passes `check` (ingest.output.Written: ok, and check's findings)."""
    from .ingest.output import exists, write_folder

    if exists(Path(dest)):
        raise FileExistsError(str(dest))
    return write_folder(dict(files), Path(dest), today or datetime.date.today())


def progress_template(result: LoadResult, month: datetime.date, *, units: tuple[str, ...] = (),
                      lang: str | None = None) -> tuple[bytes, int]:
    """The fill-in workbook of `month`'s progress (xlsx bytes) and how many projects it lists."""
    from .ingest.template import lines, workbook

    language = lang or result.ledger.settings.language
    month = month.replace(day=1)
    return workbook(result.ledger, month, tuple(units), language), len(lines(result.ledger, month, tuple(units)))


def intake(result: LoadResult, files, *, root: str | Path, replace: bool = False, by_unit: bool = False,
           reported_on: datetime.date | None = None, month: datetime.date | None = None,
           today: datetime.date | None = None):
    """Filled progress sheets checked against the ledger at `root` (loaded as `result`): the files to write,
    or the findings that stop it (ingest.intake.Plan). Nothing is written here."""
    from .ingest.intake import plan, read_sheets

    root = Path(root)
    day = today or datetime.date.today()
    rows, findings = read_sheets([(Path(f), str(f)) for f in files], month)

    def existing(path: str) -> str | None:
        full = root / path
        return full.read_text(encoding="utf-8-sig") if full.is_file() else None

    return plan(result, rows, findings, replace=replace, by_unit=by_unit, reported_on=reported_on or day,
                today=day, existing_text=existing)


def verify_intake(root: str | Path, files: Mapping[str, str], *, today: datetime.date | None = None):
    """The errors the ledger at `root` would have once `files` are written (an empty list: it passes check)."""
    from .ingest.intake import verify

    return verify(source(root), dict(files), today or datetime.date.today())


# ------------------------------------------------------------------ exports (issue 11)

EXPORTS = ("xlsx", "csv", "sqlite", "html")


def workbook(ctx: ReportContext):
    """The 进展情况表 workbook as a value (reports.workbook.Workbook): sheets, headers, rows."""
    from .reports.workbook import workbook as build

    return build(ctx)


def export(ctx: ReportContext, kind: str, target: str | Path, *, with_data: bool = False) -> None:
    """Write an export of the context to `target`, a new or empty file: xlsx (the 进展情况表 workbook; with_data:
    and the records as data sheets, which `import xlsx` reads back into the same ledger), sqlite (the database) or
    html (the page with charts). csv gives several files: csv_files. A file that cannot be written raises OSError."""
    target = Path(target)
    if kind == "xlsx":
        from xlsxwriter.exceptions import FileCreateError

        from .exports.tidy import select
        from .exports.xlsx import write_workbook

        try:
            write_workbook(workbook(ctx), str(target), select(ctx) if with_data else None)
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
