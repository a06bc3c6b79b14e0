"""The ledger as tidy tables: one row per record or child record, one column per YAML key.

Shared by `export csv` (one file a table) and `export sqlite` (one table each,
with keys). Column names are the YAML keys; a nested key is joined with `_`
(`start.planned` -> `start_planned`, `assignee.unit` -> `assignee_unit`,
`plan.date` -> `plan_date`), a leader's `name` is `leader`. Values are the
record values: codes as written in YAML (`approval`, `hard`), amounts exact in
the ledger unit, dates ISO, months `YYYY-MM`, lists joined with `;`.

Two more tables hold the figures as of the export date, computed by
`metrics` (one definition of each figure): `project_figures` (projects on
year Y's list) and `issue_figures` (problems raised by D).
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from functools import cached_property
from operator import itemgetter
from typing import Callable, Iterable, NamedTuple

from ..core import records as r
from ..reports.base import ReportContext


class Col(NamedTuple):
    name: str
    kind: str = "text"  # text int amount (as written) derived (an amount computed, in units of 1/10,000) rate
    #                     date month bool list
    references: str | None = None  # "table(column)" for a foreign key


class TableSpec(NamedTuple):
    name: str
    columns: tuple[Col, ...]
    key: tuple[str, ...]  # primary key
    rows: Callable[["Selection"], Iterable[tuple]]
    indexes: tuple[tuple[str, ...], ...] = ()


class Selection:
    """What an export holds: the records of the projects passing the filters, and the context's figures.

    Each part is made the first time a table asks for it, so that a process writing only some tables (the
    parallel SQLite export) decodes and computes only what those need."""

    def __init__(self, ctx: ReportContext):
        self.ctx = ctx

    @cached_property
    def projects(self) -> tuple[r.Project, ...]:
        ledger, filters = self.ctx.ledger, self.ctx.filters
        if not any(filters):
            return ledger.projects
        cards_of = ledger.cards_by_project
        return tuple(p for p in ledger.projects if filters.admits(p, cards_of.get(p.id, ())))

    @cached_property
    def ids(self) -> frozenset:
        return frozenset(p.id for p in self.projects)

    @cached_property
    def cards(self) -> tuple[r.Responsibility, ...]:
        ids = self.ids
        return tuple(c for c in self.ctx.ledger.responsibilities if any(pid in ids for pid in c.projects))

    @cached_property
    def issues(self) -> tuple[r.Issue, ...]:
        """Problems of the projects exported (with --allow-errors, a problem of a project left out is not)."""
        ids = self.ids
        return tuple(q for q in self.ctx.ledger.issues if q.project in ids)

    @cached_property
    def scope(self):
        """metrics.figures.Scope of the context: projects on Y's list, problems counted for Y."""
        from ..metrics.figures import evaluate

        return evaluate(self.ctx.ledger, self.ctx.period, self.ctx.filters)

    @cached_property
    def issue_views(self) -> list:
        """metrics.problems.issue_views: every problem raised by D, as of D."""
        from ..metrics.problems import issue_views

        return issue_views(self.ctx.ledger, self.ctx.period, self.ctx.filters)


def select(ctx: ReportContext) -> Selection:
    return Selection(ctx)


_first = itemgetter(0)


def _month(d: datetime.date) -> str:
    return f"{d.year:04d}-{d.month:02d}"


def project_rows(sel: Selection):
    for p in sel.projects:
        yield (p.id, p.name, p.level, p.category, p.owner, p.location, p.nature, p.content, p.land_mu,
               p.total_investment, p.prior_investment, p.introduced, p.pool, p.tags, p.start.planned,
               p.start.actual, p.completion.planned, p.completion.actual, p.operation.planned, p.operation.actual)


def milestone_rows(sel: Selection):
    for p in sel.projects:
        for i, ms in enumerate(p.milestones, 1):
            yield (p.id, i, ms.name, ms.planned, ms.actual)


def plan_rows(sel: Selection):
    for p in sel.projects:
        for year in sorted(p.plans):
            yield (p.id, year, p.plans[year].annual)


def monthly_plan_rows(sel: Selection):
    for p in sel.projects:
        for year in sorted(p.plans):
            monthly = p.plans[year].monthly
            if monthly is not None:
                for month, planned in enumerate(monthly, 1):
                    if planned:
                        yield (p.id, year, month, planned)


def progress_rows(sel: Selection):
    """Inline progress and the reports of progress/ alike (the ledger merged them), by project and month."""
    reports = {(e.project, e.month): e for e in sel.ctx.ledger.progress_reports}
    months: dict[datetime.date, str] = {}  # a month's text made once, not once a row
    for p in sel.projects:
        pid = p.id
        for month, invested, note in sorted(p.progress, key=_first):  # by month
            text = months.get(month) or months.setdefault(month, _month(month))
            rep = reports.get((pid, month)) if reports else None
            if rep is None:
                yield (pid, text, invested, note, None, None, "project")
            else:
                yield (pid, text, invested, note, rep.reported_on, rep.source, "progress")


def card_rows(sel: Selection):
    for c in sel.cards:
        yield (c.id, c.leader, c.leader_title, c.unit, c.person, c.deputy, c.duties)


def card_project_rows(sel: Selection):
    for c in sel.cards:
        for pid in dict.fromkeys(c.projects):
            if pid in sel.ids:
                yield (c.id, pid)


def visit_rows(sel: Selection):
    for c in sel.cards:
        for i, v in enumerate(c.visits, 1):
            if v.project in sel.ids:
                yield (c.id, i, v.date, v.project, v.hours, v.note)


_ESC, _SRC = r.Issue._fields.index("escalations"), r.Issue._fields.index("src")


def issue_rows(sel: Selection):
    """The record's fields but escalations (a table of their own) and its place, by slicing (a test checks that the
    columns are these fields): a third of the time of naming nineteen fields for 300,000 problems."""
    for q in sel.issues:
        yield q[:_ESC] + q[_ESC + 1:_SRC]


def escalation_rows(sel: Selection):
    for q in sel.issues:
        for i, e in enumerate(q.escalations, 1):
            yield (q.id, i, e.level, e.date, e.note)


def project_figure_rows(sel: Selection):
    from ..metrics.people import open_issue_counts

    ctx = sel.ctx
    ledger, period = ctx.ledger, ctx.period
    open_counts = open_issue_counts(sel.scope)
    for v in sel.scope.views:
        yield (v.id, period.year, period.as_of, v.started, v.continuing, v.start_status, v.late_start_days,
               v.completed, v.completing, v.annual, v.this_month_u, v.ytd_u, v.ytd_rate, v.cumulative_u,
               v.cumulative_rate, v.planned_to_date_u, v.progress_ratio, v.on_schedule, v.light,
               open_counts.get(v.id, 0), ledger.units_of(v.id), ledger.leaders_of(v.id))


def issue_figure_rows(sel: Selection):
    ctx = sel.ctx
    counted = {v.id for v in sel.scope.issues}
    for v in sel.issue_views:  # in id order, as the ledger's problems are
        yield (v.id, ctx.period.as_of, v.id in counted, v.due, v.status, v.resolved, v.closed, v.overdue,
               v.overdue_days if v.overdue else None, v.plan_overdue, v.resolved_late, v.working_days, v.level)


P, C, Q = "projects(id)", "cards(id)", "issues(id)"
TABLES: tuple[TableSpec, ...] = (
    TableSpec("projects", (
        Col("id"), Col("name"), Col("level"), Col("category"), Col("owner"), Col("location"), Col("nature"),
        Col("content"), Col("land_mu", "amount"), Col("total_investment", "amount"),
        Col("prior_investment", "amount"), Col("introduced", "bool"), Col("pool"), Col("tags", "list"),
        Col("start_planned", "date"), Col("start_actual", "date"), Col("completion_planned", "date"),
        Col("completion_actual", "date"), Col("operation_planned", "date"), Col("operation_actual", "date")),
        ("id",), project_rows, (("category",), ("location",))),
    TableSpec("milestones", (Col("project", references=P), Col("seq", "int"), Col("name"), Col("planned", "date"),
                             Col("actual", "date")), ("project", "seq"), milestone_rows),
    TableSpec("plans", (Col("project", references=P), Col("year", "int"), Col("annual", "amount")),
              ("project", "year"), plan_rows, (("year",),)),
    TableSpec("monthly_plans", (Col("project", references=P), Col("year", "int"), Col("month", "int"),
                                Col("planned", "amount")), ("project", "year", "month"), monthly_plan_rows,
              (("year", "month"),)),
    TableSpec("progress", (Col("project", references=P), Col("month", "month"), Col("invested", "amount"),
                           Col("note"), Col("reported_on", "date"), Col("source"), Col("written_in")),
              ("project", "month"), progress_rows, (("month",),)),
    TableSpec("cards", (Col("id"), Col("leader"), Col("leader_title"), Col("unit"), Col("person"), Col("deputy"),
                        Col("duties", "list")), ("id",), card_rows, (("unit",), ("leader",))),
    TableSpec("card_projects", (Col("card", references=C), Col("project", references=P)), ("card", "project"),
              card_project_rows, (("project",),)),
    TableSpec("visits", (Col("card", references=C), Col("seq", "int"), Col("date", "date"),
                         Col("project", references=P), Col("hours", "amount"), Col("note")), ("card", "seq"),
              visit_rows, (("project",), ("date",))),
    TableSpec("issues", (
        Col("id"), Col("project", references=P), Col("category"), Col("title"), Col("detail"), Col("raised", "date"),
        Col("reporter"), Col("difficulty"), Col("assignee_unit"), Col("assignee_person"), Col("assigned", "date"),
        Col("due", "date"), Col("plan_date", "date"), Col("plan_due", "date"), Col("plan_text"),
        Col("resolved", "date"), Col("resolution"), Col("closed", "date"), Col("feedback")),
        ("id",), issue_rows, (("project",), ("assignee_unit",), ("raised",))),
    TableSpec("escalations", (Col("issue", references=Q), Col("seq", "int"), Col("level", "int"), Col("date", "date"),
                              Col("note")), ("issue", "seq"), escalation_rows),
    TableSpec("project_figures", (
        Col("project", references=P), Col("year", "int"), Col("as_of", "date"), Col("started", "bool"),
        Col("continuing", "bool"), Col("start_status"), Col("late_start_days", "int"), Col("completed", "bool"),
        Col("completing", "bool"), Col("annual", "amount"), Col("this_month", "derived"),
        Col("completed_ytd", "derived"), Col("ytd_rate", "rate"), Col("cumulative", "derived"),
        Col("cumulative_rate", "rate"), Col("planned_to_date", "derived"), Col("progress_ratio", "rate"),
        Col("on_schedule", "bool"), Col("light"), Col("open_issues", "int"), Col("units", "list"),
        Col("leaders", "list")), ("project",), project_figure_rows, (("light",),)),
    TableSpec("issue_figures", (
        Col("issue", references=Q), Col("as_of", "date"), Col("counted", "bool"), Col("due", "date"), Col("status"),
        Col("resolved", "bool"), Col("closed", "bool"), Col("overdue", "bool"), Col("overdue_days", "int"),
        Col("plan_overdue", "bool"), Col("resolved_late", "bool"), Col("working_days", "int"), Col("level", "int")),
        ("issue",), issue_figure_rows, (("overdue",),)),
)
BY_NAME = {t.name: t for t in TABLES}


def plain_amount(value: Decimal) -> str:
    """An amount as written in the ledger: exact, its digits kept, no exponent (7000, 12.30, 0.0001)."""
    return f"{value:f}"


def derived_amount(units: int | Decimal) -> str:
    """A computed amount (a sum, a plan to date), given in units of 1/10,000: in the ledger unit, rounded half up
    to 4 decimals, trailing zeros dropped."""
    from ..core.amounts import plain
    from ..core.facts import amount

    return plain(amount(units), 4)


def rate_text(value: Decimal) -> str:
    from ..core.amounts import round_half_up

    return plain_amount(round_half_up(value, 8))


# ------------------------------------------------------------------ the data sheets of `export xlsx --with-data`

DATA_PREFIX = "data."  # sheet names: data.projects, data.issues ... and data.ledger (the settings)
DATA_TABLES = tuple(t for t in TABLES if t.name not in ("project_figures", "issue_figures"))  # the records only


def cell_text(value, kind: str, clean=str, sep: str = ";") -> str:
    """A value of a column of `kind` as text: what a csv file and a data sheet hold. `clean` makes a text safe
    for where it goes (csv: spreadsheet formulas neutralised); `sep` joins a list."""
    if kind == "text":
        return clean(value)
    if kind == "amount":
        return plain_amount(value)
    if kind == "derived":
        return derived_amount(value)
    if kind == "rate":
        return rate_text(value)
    if kind == "bool":
        return "true" if value else "false"
    if kind == "list":
        return sep.join(clean(str(v)) for v in value)
    if kind == "date":
        return value.isoformat()
    return str(value)


def data_text(value, kind: str) -> str:
    """A value as a data sheet holds it: the text YAML reads back as the same value (no text changed; lists one
    item a line, since an item may hold the `;` that csv uses)."""
    return cell_text(value, kind, sep="\n")


def settings_rows(s: r.Settings) -> list[tuple[str, str]]:
    """ledger.yaml as (key, text) rows for the data.ledger sheet: nested keys joined with `.`, lists one item a line,
    every setting written out (defaults too), so that the imported ledger computes the same figures."""
    values = [("name", s.name), ("region", s.region), ("scope", s.scope), ("unit", s.unit), ("language", s.language),
              ("categories", s.categories), ("locations", s.locations),
              ("sla.general_days", s.general_days), ("sla.hard_plan_days", s.hard_plan_days),
              ("warnings.yellow_below", s.yellow_below), ("warnings.red_below", s.red_below),
              ("warnings.red_late_start_days", s.red_late_start_days),
              ("calendar.extra_holidays", sorted(s.extra_holidays)),
              ("calendar.extra_workdays", sorted(s.extra_workdays)),
              ("calendar.complete_years", sorted(s.complete_years)),
              *((f"ranking.weights.{k}", v) for k, v in s.weights),
              ("visits.per_week", s.visits_per_week), ("escalation_levels", s.escalation_levels)]
    rows = []
    for key, value in values:
        if value is None or value == [] or value == ():  # absent: the import leaves the key out, as ledger.yaml did
            continue
        if isinstance(value, (tuple, list)):
            text = "\n".join(v.isoformat() if isinstance(v, datetime.date) else str(v) for v in value)
        elif isinstance(value, Decimal):
            text = plain_amount(value)
        else:
            text = str(value)
        rows.append((key, text))
    return rows
