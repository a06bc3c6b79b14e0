"""What changed between two states of a ledger (`diff`, `summary --since`): pure, like every metric.

A state is a ledger and a time frame: two git revisions as of one date, or one
revision as of two dates ("this week against last week"), or both. Both states
count year Y's list (the `after` state's year, unless the caller gives both the
same other year). What changed:

- the headline figures of SPEC §5 side by side, rates changed in percentage points;
- projects added to or removed from Y's list; projects that started or completed
  between the two states (a project that joins the list already started long ago
  has not *newly* started); lights that changed; plans that changed;
- investment reported in between, by project and month: an entry the earlier state
  did not count is new work; one it counted with another amount is a correction
  (`before` → `after`), never new work;
- problems raised (new to the ledger by the later state), resolved, closed,
  escalated and newly overdue, whatever year they were raised in;
- with `records`, every changed record field by field, keyed by record id and the
  field's path as written in YAML (`plans.2019.annual`, `progress.2019-05.invested`),
  never by line.
"""

from __future__ import annotations

import datetime
from collections import Counter
from decimal import Decimal
from typing import Any, NamedTuple

from ..core import records as r
from ..core.facts import ProjectFacts, amount
from ..core.ledger import Ledger
from ..core.period import Period
from .figures import Figures, evaluate, figures
from .filters import Filters
from .views import HUNDRED, ZERO, issue_view, work_calendar


class State(NamedTuple):
    """One side of a comparison: a ledger as of a time frame."""

    ledger: Ledger
    period: Period


#: the headline figures compared, and how each reads (status's kinds)
HEADLINE: tuple[tuple[str, str], ...] = (
    ("projects", "int"), ("total_investment", "amount"), ("annual_plan", "amount"),
    ("started", "int"), ("start_rate", "rate"), ("new_started", "int"), ("new_start_rate", "rate"),
    ("late_start", "int"), ("completed", "int"), ("completing_done", "int"),
    ("completed_ytd", "amount"), ("plan_completion_rate", "rate"), ("ahead_of_time_pp", "pp"),
    ("on_schedule", "int"), ("on_schedule_rate", "rate"),
    ("lights.green", "int"), ("lights.yellow", "int"), ("lights.red", "int"),
    ("issues.raised", "int"), ("issues.resolved", "int"), ("issues.resolution_rate", "rate"),
    ("issues.closed", "int"), ("issues.overdue", "int"), ("issues.resolved_late", "int"),
    ("issues.avg_working_days", "decimal"),
)
#: the kind a figure's change reads in: rates change in percentage points
CHANGE_KIND = {"int": "delta", "amount": "delta", "rate": "pp", "pp": "pp", "decimal": "pp"}
PROJECT_CHANGES = ("added", "removed", "started", "completed", "light", "plan", "monthly_plan")
PROBLEM_CHANGES = ("raised", "resolved", "closed", "escalated", "overdue")
RECORD_KINDS = ("settings", "projects", "responsibilities", "issues")


class FigureChange(NamedTuple):
    name: str  # as in status --format json: start_rate, lights.red, issues.resolution_rate
    kind: str  # how before and after read
    before: Any
    after: Any
    change: Any  # None when either side is None; rates: percentage points
    change_kind: str  # delta (a signed count or amount) or pp


class ProjectChange(NamedTuple):
    change: str  # one of PROJECT_CHANGES
    id: str
    name: str
    before: Any  # added: -, removed: annual plan, light: light, plan: annual, monthly_plan: planned to date
    after: Any  # added: annual plan, started/completed: the date, light, plan ... as before
    kind: str  # how before and after read: amount, date, light


class InvestmentChange(NamedTuple):
    id: str
    name: str
    month: datetime.date  # first day of the month
    kind: str  # new: a month the earlier state did not count; correction: one it counted otherwise
    before: Decimal | None
    after: Decimal | None
    change: Decimal


class ProblemChange(NamedTuple):
    change: str  # one of PROBLEM_CHANGES
    id: str
    project: str
    title: str
    before: Any  # escalated: the level before
    after: Any  # raised/resolved/closed: the date; escalated: the level; overdue: the due date
    kind: str  # date or int


class RecordChange(NamedTuple):
    kind: str  # settings, projects, responsibilities, issues
    id: str
    change: str  # added, removed, changed
    field: str | None  # the path as written in YAML; None for a whole record added or removed
    before: Any
    after: Any


class LedgerDiff(NamedTuple):
    before: State
    after: State
    figures_before: Figures
    figures_after: Figures
    figures: list[FigureChange]
    projects: list[ProjectChange]
    investment: list[InvestmentChange]
    invested_new: Decimal  # new work reported in between
    invested_corrections: Decimal  # net change of months counted before
    problems: list[ProblemChange]
    records: list[RecordChange] | None  # None unless asked for
    counts: dict  # changes of each kind (started, raised ...); red: lights that turned red

    @property
    def invested(self) -> Decimal:
        return self.invested_new + self.invested_corrections


def diff(before: State, after: State, filters: Filters = Filters(), records: bool = False) -> LedgerDiff:
    """Everything that changed from `before` to `after`, over the projects that pass `filters`."""
    scope_a = evaluate(before.ledger, before.period, filters)
    scope_b = evaluate(after.ledger, after.period, filters)
    fig_a, fig_b = figures(scope_a), figures(scope_b)
    views_a = {v.id: v for v in scope_a.views}
    projects = project_changes(before, after, views_a, scope_b.views)
    investment = investment_changes(before, after, scope_b.views)
    problems = problem_changes(before, after, {v.id for v in scope_b.views})
    counts = Counter(c.change for c in projects) + Counter(c.change for c in problems)
    counts["red"] = sum(c.change == "light" and c.after == "red" for c in projects)
    return LedgerDiff(
        before, after, fig_a, fig_b, figure_changes(fig_a, fig_b), projects, investment,
        sum((c.change for c in investment if c.kind == "new"), ZERO),
        sum((c.change for c in investment if c.kind == "correction"), ZERO),
        problems, record_changes(before.ledger, after.ledger, filters) if records else None,
        {k: counts.get(k, 0) for k in (*PROJECT_CHANGES, *PROBLEM_CHANGES, "red")})


# ------------------------------------------------------------------ figures

def figure_value(f: Figures, name: str):
    group, _, key = name.partition(".")
    if group == "lights":
        return f.lights[key]
    if group == "issues":
        return getattr(f.issues, key)
    return getattr(f, name)


def change_of(before, after, kind: str):
    """after - before; a rate's change in percentage points; None when either is None."""
    if before is None or after is None:
        return None
    if kind == "rate":
        return (after - before) * HUNDRED
    return after - before


def figure_changes(a: Figures, b: Figures) -> list[FigureChange]:
    out = []
    for name, kind in HEADLINE:
        x, y = figure_value(a, name), figure_value(b, name)
        out.append(FigureChange(name, kind, x, y, change_of(x, y, kind), CHANGE_KIND[kind]))
    return out


# ------------------------------------------------------------------ projects

def _started(p: ProjectFacts, d: int) -> bool:
    return 0 < p.start_actual_d <= d


def _completed(p: ProjectFacts, d: int) -> bool:
    return 0 < p.completion_actual_d <= d


def project_changes(before: State, after: State, views_a: dict, views_b) -> list[ProjectChange]:
    d_a, year = before.period.day, after.period.year
    records_a = before.ledger.facts_by_id
    ids_b = set()
    out: list[ProjectChange] = []
    for v in views_b:
        p, pid = v.project, v.id
        ids_b.add(pid)
        old = records_a.get(pid)
        was = views_a.get(pid)
        if was is None:
            out.append(ProjectChange("added", pid, p.name, None, v.annual, "amount"))
        # a project the earlier ledger did not hold is judged by its own dates: one that joins the list long
        # after it started has not newly started
        then = old if old is not None else p
        if v.started and not _started(then, d_a):
            out.append(ProjectChange("started", pid, p.name, None, p.start.actual, "date"))
        if v.completed and not _completed(then, d_a):
            out.append(ProjectChange("completed", pid, p.name, None, p.completion.actual, "date"))
        if was is None:
            continue
        if was.light != v.light:
            out.append(ProjectChange("light", pid, p.name, was.light, v.light, "light"))
        plan_a, plan_b = was.project.plan_units.get(year), p.plan_units.get(year)
        if plan_a is not None and plan_b is not None and plan_a != plan_b:
            if plan_a[0] != plan_b[0]:
                out.append(ProjectChange("plan", pid, p.name, amount(plan_a[0]), amount(plan_b[0]), "amount"))
            else:
                out.append(ProjectChange("monthly_plan", pid, p.name, was.planned_to_date, v.planned_to_date,
                                         "amount"))
    for pid, was in views_a.items():
        if pid not in ids_b:
            out.append(ProjectChange("removed", pid, was.project.name, was.annual, None, "amount"))
    order = {c: i for i, c in enumerate(PROJECT_CHANGES)}
    return sorted(out, key=lambda c: (order[c.change], c.id))


# ------------------------------------------------------------------ investment

def counted(p: ProjectFacts | None, last_month: int) -> dict[datetime.date, Decimal]:
    """The progress of a project that counts as of a month (index): first day of the month -> invested."""
    if p is None:
        return {}
    out, before = {}, 0
    for m, total in zip(p.months, p.cum):
        if m > last_month:
            break
        out[datetime.date(m // 12, m % 12 + 1, 1)] = amount(total - before)
        before = total
    return out


def investment_changes(before: State, after: State, views_b) -> list[InvestmentChange]:
    """Progress entries reported between the states, for the projects of the later state's list."""
    m_a, m_b = before.period.month, after.period.month
    records_a = before.ledger.facts_by_id
    out = []
    for v in views_b:
        p = v.project
        old = records_a.get(p.id)
        if m_a == m_b and old is not None and old.months == p.months and old.cum == p.cum:
            continue  # nothing reported: the common case, cheaply
        a, b = counted(old, m_a), counted(p, m_b)
        for month in sorted(a.keys() | b.keys()):
            x, y = a.get(month), b.get(month)
            if x == y:
                continue
            kind = "new" if x is None else "correction"
            out.append(InvestmentChange(p.id, p.name, month, kind, x, y, (y or ZERO) - (x or ZERO)))
    return out


# ------------------------------------------------------------------ problems

def problem_changes(before: State, after: State, project_ids: set[str]) -> list[ProblemChange]:
    """Problems of the later state's projects raised by its date, against the same problems earlier."""
    d_a, d_b = before.period.day, after.period.day
    s_a, s_b = before.ledger.settings, after.ledger.settings
    cal_a, cal_b = work_calendar(s_a), work_calendar(s_b)
    same_frame = d_a == d_b and s_a == s_b
    issues_a = {q.id: q for q in before.ledger.issue_facts}
    out = []
    for q in after.ledger.issue_facts:
        if q.project not in project_ids or q.raised_d > d_b:
            continue
        old = issues_a.get(q.id)
        if same_frame and old is not None and old == q:
            continue  # the same problem on the same day: nothing can differ
        now = issue_view(q, d_b, s_b, cal_b)
        then = issue_view(old, d_a, s_a, cal_a) if old is not None and old.raised_d <= d_a else None
        if then is None:
            out.append(ProblemChange("raised", q.id, q.project, q.title, None, q.raised, "date"))
        if now.resolved and not (then and then.resolved):
            out.append(ProblemChange("resolved", q.id, q.project, q.title, None, q.resolved, "date"))
        if now.closed and not (then and then.closed):
            out.append(ProblemChange("closed", q.id, q.project, q.title, None, q.closed, "date"))
        level = then.level if then else 0
        if now.level > level:
            out.append(ProblemChange("escalated", q.id, q.project, q.title, level, now.level, "int"))
        if now.overdue and not (then and then.overdue):
            out.append(ProblemChange("overdue", q.id, q.project, q.title, None, now.due, "date"))
    order = {c: i for i, c in enumerate(PROBLEM_CHANGES)}
    return sorted(out, key=lambda c: (order[c.change], c.id))


# ------------------------------------------------------------------ records, field by field

def _month(d: datetime.date) -> str:
    return f"{d:%Y-%m}"


def project_fields(p: r.Project, reports: dict) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name in ("name", "level", "category", "owner", "location", "nature", "content", "land_mu",
                 "total_investment", "prior_investment", "introduced", "pool", "tags"):
        out[name] = getattr(p, name)
    for span in ("start", "completion", "operation"):
        value = getattr(p, span)
        out[f"{span}.planned"], out[f"{span}.actual"] = value.planned, value.actual
    for i, m in enumerate(p.milestones):
        key = m.name if sum(x.name == m.name for x in p.milestones) == 1 else f"{m.name}[{i}]"
        out[f"milestones.{key}.planned"], out[f"milestones.{key}.actual"] = m.planned, m.actual
    for year in sorted(p.plans):
        plan = p.plans[year]
        out[f"plans.{year}.annual"] = plan.annual
        for month, planned in enumerate(plan.monthly or (), 1):
            if planned:
                out[f"plans.{year}.monthly.{month}"] = planned
    for e in sorted(p.progress, key=lambda e: e.month):
        key = f"progress.{_month(e.month)}"
        out[f"{key}.invested"], out[f"{key}.note"] = e.invested, e.note
        report = reports.get((p.id, e.month))
        if report is not None:
            out[f"{key}.reported_on"], out[f"{key}.source"] = report.reported_on, report.source
    return out


def card_fields(c: r.Responsibility) -> dict[str, Any]:
    out = {"leader.name": c.leader, "leader.title": c.leader_title, "unit": c.unit, "person": c.person,
           "deputy": c.deputy, "projects": c.projects, "duties": c.duties}
    for v in c.visits:
        key = f"visits.{v.date.isoformat()}.{v.project}"
        out[f"{key}.hours"], out[f"{key}.note"] = v.hours, v.note
    return out


ISSUE_KEYS = {"assignee_unit": "assignee.unit", "assignee_person": "assignee.person", "plan_date": "plan.date",
              "plan_due": "plan.due", "plan_text": "plan.text"}


def issue_fields(q: r.Issue) -> dict[str, Any]:
    out = {ISSUE_KEYS.get(name, name): getattr(q, name) for name in r.Issue._fields
           if name not in ("id", "src", "escalations")}
    for i, e in enumerate(q.escalations):
        out[f"escalations[{i}].level"], out[f"escalations[{i}].date"] = e.level, e.date
        out[f"escalations[{i}].note"] = e.note
    return out


SETTINGS_KEYS = {"general_days": "sla.general_days", "hard_plan_days": "sla.hard_plan_days",
                 "yellow_below": "warnings.yellow_below", "red_below": "warnings.red_below",
                 "red_late_start_days": "warnings.red_late_start_days",
                 "extra_holidays": "calendar.extra_holidays", "extra_workdays": "calendar.extra_workdays",
                 "weights": "ranking.weights", "visits_per_week": "visits.per_week"}


def settings_fields(s: r.Settings) -> dict[str, Any]:
    out = {}
    for name in r.Settings._fields:
        value = getattr(s, name)
        if isinstance(value, frozenset):
            value = tuple(sorted(value))
        elif name == "weights":
            value = tuple(f"{k}: {w}" for k, w in value)
        out[SETTINGS_KEYS.get(name, name)] = value
    return out


def field_changes(kind: str, rid: str, a: dict, b: dict) -> list[RecordChange]:
    out = []
    for key in [*b, *(k for k in a if k not in b)]:
        x, y = a.get(key), b.get(key)
        if x != y:
            out.append(RecordChange(kind, rid, "changed", key, x, y))
    return out


def _by_project(reports) -> dict[str, list]:
    """progress/ reports of each project, without where they were written."""
    out: dict[str, list] = {}
    for e in reports:
        out.setdefault(e.project, []).append(e[:-1])
    return out


def record_changes(a: Ledger, b: Ledger, filters: Filters = Filters()) -> list[RecordChange]:
    """Every record added, removed or changed, field by field, in kind and id order."""
    out = field_changes("settings", "ledger.yaml", settings_fields(a.settings), settings_fields(b.settings)) \
        if a.settings != b.settings else []
    admitted = None
    if any(filters):
        admitted = {p.id for ledger in (a, b) for p in ledger.projects
                    if filters.admits(p, ledger.cards_by_project.get(p.id, ()))}
    reports_a = {(e.project, e.month): e for e in a.progress_reports}
    reports_b = {(e.project, e.month): e for e in b.progress_reports}
    by_project_a, by_project_b = _by_project(a.progress_reports), _by_project(b.progress_reports)

    kinds = [("projects", a.projects, b.projects,
              lambda p: admitted is None or p.id in admitted,
              lambda x, y: x[:-1] == y[:-1] and by_project_a.get(x.id) == by_project_b.get(y.id),
              lambda p, reports: project_fields(p, reports)),
             ("responsibilities", a.responsibilities, b.responsibilities,
              lambda c: admitted is None or any(pid in admitted for pid in c.projects),
              lambda x, y: x[:-1] == y[:-1], lambda c, _: card_fields(c)),
             ("issues", a.issues, b.issues, lambda q: admitted is None or q.project in admitted,
              lambda x, y: x[:-1] == y[:-1], lambda q, _: issue_fields(q))]
    for kind, old, new, keep, same, fields in kinds:
        olds = {x.id: x for x in old if keep(x)}
        news = {x.id: x for x in new if keep(x)}
        for rid in sorted(olds.keys() | news.keys()):
            x, y = olds.get(rid), news.get(rid)
            if x is None:
                out.append(RecordChange(kind, rid, "added", None, None, None))
            elif y is None:
                out.append(RecordChange(kind, rid, "removed", None, None, None))
            elif not same(x, y):
                out += field_changes(kind, rid, fields(x, reports_a), fields(y, reports_b))
    return out
