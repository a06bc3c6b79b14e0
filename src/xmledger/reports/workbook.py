"""The 进展情况表 workbook as a value: sheets of titled sections, each a (possibly two-row, merged) header and rows.

`workbook(ctx)` chooses, orders and labels what `metrics` computed, as every
report does; `exports/xlsx.py` only writes it. Cells hold raw values (Decimal
amounts, Decimal rates, dates, codes) and a column's kind says how a cell is
written (a number with a number format, a date, a filled light, text).

Sheet 项目进展 is the table offices send upward: a title row, a 单位 row, a
two-row header (年度投资 and 开工 span their sub-columns), then the total row
(合计) and, per category in the ledger's order, a subtotal row followed by its
projects. The other sheets (问题清单, 包靠责任, 排名, 汇总) are the tables of the
`issues`, `leaders`, `rank` and `status --by category` reports.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from ..core.words import label
from ..metrics import figures as m
from ..metrics.groups import groups
from ..metrics.people import open_issues_of
from ..metrics.problems import IssueFilters
from ..metrics.views import build_years, latest_note
from .base import Column, Report, ReportContext, Table


class HeaderCell(NamedTuple):
    """A header label over rows first_row..last_row (0 or 1) and columns first_col..last_col of its section."""

    text: str
    first_row: int
    first_col: int
    last_row: int
    last_col: int


class Row(NamedTuple):
    style: str  # item | subtotal | total
    cells: list[Any]


class Section(NamedTuple):
    title: str | None
    header: list[HeaderCell]
    header_rows: int  # 1 or 2
    columns: list[Column]  # kinds of the cells; wrap text in `wrap` columns
    rows: list[Row]
    lang: str


class Sheet(NamedTuple):
    name: str  # at most 31 characters, none of []:*?/\
    title: str
    subtitle: str  # 单位：万元, filters
    sections: list[Section]
    freeze_cols: int = 0  # columns kept in view when scrolling right
    wrap: frozenset = frozenset()  # keys of the columns whose text wraps (long text)


class Workbook(NamedTuple):
    title: str
    sheets: list[Sheet]
    lang: str
    meta: dict


ZH_DIGITS = "零一二三四五六七八九"


def chinese_number(n: int) -> str:
    """1 -> 一, 10 -> 十, 12 -> 十二, 21 -> 二十一, 100 and more as digits (group numbers of a table)."""
    if not 0 < n < 100:
        return str(n)
    tens, ones = divmod(n, 10)
    return (("" if tens == 1 else ZH_DIGITS[tens]) + "十" if tens else "") + (ZH_DIGITS[ones] if ones else "")


PROGRESS_COLUMNS = [
    Column("seq", "int"), Column("name"), Column("content"), Column("nature", "code", prefix="nature_"),
    Column("years"), Column("total_investment", "amount"), Column("annual", "amount"),
    Column("completed_ytd", "amount"), Column("ytd_rate", "rate"), Column("cumulative", "amount"),
    Column("start_planned", "date"), Column("start_actual", "date"), Column("light", "light"),
    Column("units"), Column("leaders"), Column("problems"), Column("remark"),
]


def progress_header(ctx: ReportContext) -> list[HeaderCell]:
    """The two-row header: single columns span both rows; 年度投资 and 开工 head their sub-columns."""
    months = ctx.period.month_index
    done = (ctx.words("wb.done_0") if months == 0 else ctx.words("wb.done_1") if months == 1
            else ctx.words("wb.done", m=months, month=_month_name(months)))
    lab = ctx.label
    cells = [HeaderCell(lab(f"wb.{k}"), 0, i, 1, i) for i, k in enumerate(
        ["seq", "name", "content", "nature", "years", "total_investment"])]
    cells += [HeaderCell(lab("wb.annual_head"), 0, 6, 0, 8), HeaderCell(lab("wb.annual"), 1, 6, 1, 6),
              HeaderCell(done, 1, 7, 1, 7), HeaderCell(lab("wb.ytd_rate"), 1, 8, 1, 8),
              HeaderCell(lab("wb.cumulative"), 0, 9, 1, 9),
              HeaderCell(lab("wb.start_head"), 0, 10, 0, 11), HeaderCell(lab("wb.start_planned"), 1, 10, 1, 10),
              HeaderCell(lab("wb.start_actual"), 1, 11, 1, 11)]
    cells += [HeaderCell(lab(f"wb.{k}"), 0, i, 1, i) for i, k in enumerate(
        ["light", "units", "leaders", "problems", "remark"], start=12)]
    return cells


def _month_name(month: int) -> str:
    import calendar

    return calendar.month_abbr[month]


def years_text(p, sep: str = "—") -> str | None:
    start, end = build_years(p)
    if start is None and end is None:
        return None
    if start == end:
        return str(start)
    return f"{start or ''}{sep}{end or ''}"


def progress_sheet(ctx: ReportContext, scope: m.Scope) -> Sheet:
    ledger, period, lang = ctx.ledger, ctx.period, ctx.lang
    open_issues = open_issues_of(scope)
    sep = "；" if lang == "zh" else "; "
    names = "、" if lang == "zh" else ", "

    def subtotal(text: str, f: m.Figures, style: str) -> Row:
        return Row(style, [None, text, None, None, None, f.total_investment, f.annual_plan, f.completed_ytd,
                           f.plan_completion_rate, f.cumulative, None, None, None, None, None, None, None])

    rows = [subtotal(ctx.words("wb.total", count=len(scope.views)), m.figures(scope, with_yoy=False), "total")]
    for n, g in enumerate(groups(scope, "category"), 1):
        f = m.figures(g.scope, with_yoy=False)
        number = chinese_number(n) if lang == "zh" else str(n)
        rows.append(subtotal(ctx.words("wb.group", n=number, key=g.key, count=f.projects), f, "subtotal"))
        for seq, v in enumerate(g.scope.views, 1):
            p = ledger.project_by_id[v.id]  # the record: the sheet shows content, nature, notes
            started = p.start.actual if v.started else None
            problems = sep.join(q.title for q in open_issues.get(p.id, ()))
            rows.append(Row("item", [
                seq, p.name, p.content, p.nature, years_text(p), p.total_investment, v.annual, v.completed_ytd,
                v.ytd_rate, v.cumulative, p.start.planned, started, v.light, names.join(ledger.units_of(p.id)),
                names.join(ledger.leaders_of(p.id)), problems or None, latest_note(p, period)]))
    region = ledger.settings.region or ledger.settings.name
    d = period.as_of
    date = f"{d.year}年{d.month}月{d.day}日" if lang == "zh" else f"{d:%Y-%m-%d}"
    section = Section(None, progress_header(ctx), 2, PROGRESS_COLUMNS, rows, lang)
    return Sheet(ctx.words("wb.sheet.progress"), ctx.words("wb.title", region=region, year=period.year, date=date),
                 subtitle(ctx), [section], freeze_cols=2,
                 wrap=frozenset({"content", "problems", "remark", "units", "leaders"}))


def subtitle(ctx: ReportContext) -> str:
    text = ctx.words("wb.unit", unit=ctx.unit)
    active = [f"{k}={','.join(v)}" for k, v in ctx.filters.active()]
    if active:
        text += ("　" if ctx.lang == "zh" else "; ") + ctx.words("wb.filter", filters=" ".join(active))
    return text


def table_section(table: Table, lang: str) -> Section:
    """A report's table as a section: one header row of its column labels."""
    header = [HeaderCell(label(c.header or c.key, lang), 0, i, 0, i) for i, c in enumerate(table.columns)]
    return Section(table.title, header, 1, list(table.columns), [Row("item", list(r)) for r in table.rows], lang)


def report_sheet(ctx: ReportContext, name: str, rep: Report, freeze_cols: int = 0,
                 wrap: frozenset = frozenset()) -> Sheet:
    return Sheet(ctx.words(name), rep.title, subtitle(ctx), [table_section(t, ctx.lang) for t in rep.tables],
                 freeze_cols, wrap)


def workbook(ctx: ReportContext) -> Workbook:
    """The 进展情况表 workbook: 项目进展, 问题清单, 包靠责任, 排名 (by unit), 汇总 (status by category)."""
    from .leaders import leaders
    from .problems import issues
    from .rank import ranking
    from .status import status

    from ..metrics.problems import issue_views

    scope = m.evaluate(ctx.ledger, ctx.period, ctx.filters)  # computed once, shared by the sheets
    views = issue_views(ctx.ledger, ctx.period, ctx.filters)
    first = progress_sheet(ctx, scope)
    sheets = [
        first,
        report_sheet(ctx, "wb.sheet.issues", issues(ctx, IssueFilters(), views=views), 1, frozenset({"title"})),
        report_sheet(ctx, "wb.sheet.leaders", leaders(ctx, scope=scope), 2, frozenset({"duties"})),
        report_sheet(ctx, "wb.sheet.rank", ranking(ctx, "unit", scope=scope), 2),
        report_sheet(ctx, "wb.sheet.summary", status(ctx, "category", scope=scope), 1),
    ]
    meta = {"year": ctx.period.year, "as_of": ctx.period.as_of, "unit": ctx.unit, "name": ctx.ledger.settings.name}
    return Workbook(first.title, sheets, ctx.lang, meta)
