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
        if pid not in ledger.project_by_id:
            raise UsageError(unknown_message("the id", pid, tuple(ledger.project_by_id)), "--project")
    codes = []
    by_label = {word: code for code in r.ISSUE_CATEGORIES for word in (code, *LABELS[f"cat_{code}"])}
    for c in categories:
        if c not in by_label:
            raise UsageError(unknown_message("category", c, tuple(by_label)).replace("no project has",
                                                                                   "no problem has"), "--category")
        codes.append(by_label[c])
    units = {q.assignee_unit for q in ledger.issues if q.assignee_unit}
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
