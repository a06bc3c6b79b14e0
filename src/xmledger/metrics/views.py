"""One project and one problem as of the date D: the facts every figure is summed from.

A `ProjectView` holds a project's starts, investment, schedule and light as of
D for year Y (SPEC §5.1-5.3); an `IssueView` a problem's due date in working
days, whether it is resolved, open, overdue, and its escalation (SPEC §5.5).
Rates are exact Decimals (None when the denominator is 0); rounding is left to
display.
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import NamedTuple

from ..core import records as r
from ..core.period import Period
from ..core.workdays import WorkCalendar

ZERO = Decimal(0)
ONE = Decimal(1)
HUNDRED = Decimal(100)


def rate(num, den) -> Decimal | None:
    return None if not den else Decimal(num) / Decimal(den)


# ------------------------------------------------------------------ projects

class ProjectView(NamedTuple):
    """One project on Y's list, as of D."""

    project: r.Project
    annual: Decimal
    started: bool
    continuing: bool
    late_start_days: int | None  # planned start passed, not started: days late
    completed: bool  # 竣工 by D
    completing: bool  # completion planned in Y (竣工一批)
    this_month: Decimal  # invested in D's month
    completed_ytd: Decimal
    cumulative: Decimal
    planned_to_date: Decimal
    progress_ratio: Decimal | None  # completed_ytd / planned_to_date; None when nothing is planned yet
    on_schedule: bool
    light: str  # green | yellow | red

    @property
    def id(self) -> str:
        return self.project.id

    @property
    def ytd_rate(self) -> Decimal | None:
        """Completed this year against the annual plan (占年度计划)."""
        return rate(self.completed_ytd, self.annual)

    @property
    def cumulative_rate(self) -> Decimal | None:
        """Completed in all against the total investment (占总投资)."""
        return rate(self.cumulative, self.project.total_investment)

    @property
    def start_status(self) -> str:
        """completed, continuing (续建), started (new, 新开工), late (逾期未开工) or not_started."""
        if self.completed:
            return "completed"
        if self.continuing:
            return "continuing"
        if self.started:
            return "started"
        return "late" if self.late_start_days is not None else "not_started"


def planned_to(plan: r.YearPlan, months: int) -> Decimal:
    """Planned investment of the first `months` months of the year."""
    if months <= 0:
        return ZERO
    if plan.monthly is not None:
        return sum(plan.monthly[:months], ZERO)
    return plan.annual if months >= 12 else plan.annual * months / 12


def project_view(p: r.Project, period: Period, s: r.Settings) -> ProjectView:
    d, y, month_start = period.as_of, period.year, period.month_start
    plan = p.plans[y]
    start = p.start.actual
    started = start is not None and start <= d
    late = None
    if not started and p.start.planned is not None and p.start.planned <= d:
        late = (d - p.start.planned).days
    year_start, ytd_end = period.year_start, period.ytd_end
    ytd = cumulative = this_month = ZERO
    for e in p.progress:
        month = e.month
        if month <= month_start:
            cumulative += e.invested
            if year_start <= month <= ytd_end:  # months of Y only, even when D is in a later year
                ytd += e.invested
            if month == month_start:
                this_month = e.invested
    ptd = planned_to(plan, period.month_index)
    ratio = ytd / ptd if ptd else None
    red = (late is not None and late >= s.red_late_start_days) or (ratio is not None and ratio < s.red_below)
    if red:
        light = "red"
    elif late is None and (ratio is None or ratio >= s.yellow_below):
        light = "green"
    else:
        light = "yellow"
    planned_end, done = p.completion
    return ProjectView(p, plan.annual, started, started and start < year_start, late,
                       done is not None and done <= d, planned_end is not None and planned_end.year == y,
                       this_month, ytd, p.prior_investment + cumulative, ptd, ratio,
                       late is None and ytd >= ptd, light)


class MonthRow(NamedTuple):
    """One month of a project's year (show): its plan and, once the month counts, what was invested."""

    month: int
    planned: Decimal
    invested: Decimal | None  # None: after D
    cum_planned: Decimal
    cum_completed: Decimal | None
    note: str | None


def project_months(p: r.Project, period: Period) -> list[MonthRow]:
    """Months 1-12 of Y for one project: plan against progress (SPEC §5.2)."""
    plan = p.plans[period.year]
    invested = {e.month.month: e for e in p.progress if e.month.year == period.year and e.month <= period.month_start}
    rows, cum = [], ZERO
    for month in range(1, 13):
        entry = invested.get(month)
        cum += entry.invested if entry else ZERO
        counted = month <= period.month_index
        rows.append(MonthRow(month, planned_to(plan, month) - planned_to(plan, month - 1),
                             (entry.invested if entry else ZERO) if counted else None, planned_to(plan, month),
                             cum if counted else None, entry.note if entry else None))
    return rows


# ------------------------------------------------------------------ issues

class IssueView(NamedTuple):
    """One problem as of D."""

    issue: r.Issue
    due: datetime.date  # explicit, the plan's, or derived in working days (SPEC §5.5)
    has_plan: bool  # a hard problem whose plan exists by D
    resolved: bool
    closed: bool
    overdue: bool
    overdue_days: int  # working days past due, when overdue
    plan_overdue: bool  # hard problem, no plan, past its plan deadline
    resolved_late: bool
    working_days: int | None  # raised -> resolved, for resolved ones
    level: int  # highest escalation level reached by D (0: none)
    status: str  # pending 待交办, in_progress 办理中, resolved 已办结, closed 已销号

    @property
    def id(self) -> str:
        return self.issue.id

    @property
    def open(self) -> bool:
        """Not resolved by D (a view exists only for a problem raised by D)."""
        return not self.resolved


def is_open(q: r.Issue, d: datetime.date) -> bool:
    """The one definition of an open problem: raised by D and not resolved by D (SPEC §5.5)."""
    return q.raised <= d and (q.resolved is None or q.resolved > d)


def approximate_years(views, s: r.Settings, d: datetime.date) -> tuple[int, ...]:
    """The years in which these problems count working days without the official calendar: a derived deadline
    (raised -> due), days overdue (due -> D) and days to resolve (raised -> resolved) each span some years."""
    from ..core.workdays import covers

    years: set[int] = set()
    for v in views:
        q = v.issue
        if q.due is None:
            years.update(range(q.raised.year, v.due.year + 1))
        if v.overdue:
            years.update(range(v.due.year, d.year + 1))
        if v.resolved:
            years.update(range(q.raised.year, q.resolved.year + 1))
    return tuple(sorted(y for y in years if y not in s.complete_years and not covers(y)))


_CALENDARS: dict[tuple, WorkCalendar] = {}


def work_calendar(s: r.Settings) -> WorkCalendar:
    key = (s.extra_holidays, s.extra_workdays)
    if key not in _CALENDARS:
        _CALENDARS[key] = WorkCalendar(s.extra_holidays, s.extra_workdays)
    return _CALENDARS[key]


def issue_view(q: r.Issue, d: datetime.date, s: r.Settings, cal: WorkCalendar) -> IssueView:
    has_plan = q.difficulty == "hard" and q.plan_date is not None and q.plan_date <= d
    plan_overdue = False
    if q.due is not None:
        due = q.due
    elif q.difficulty == "general":
        due = cal.add(q.raised, s.general_days)
    elif has_plan:
        due = q.plan_due
    else:
        due = cal.add(q.raised, s.hard_plan_days)
        plan_overdue = d > due
    resolved = q.resolved is not None and q.resolved <= d
    closed = q.closed is not None and q.closed <= d
    overdue = not resolved and d > due
    if closed:
        status = "closed"
    elif resolved:
        status = "resolved"
    elif (q.assigned is not None and q.assigned <= d) or (q.assigned is None and q.assignee_unit is not None):
        status = "in_progress"
    else:
        status = "pending"
    level = max((e.level for e in q.escalations if e.date <= d), default=0) if q.escalations else 0
    return IssueView(q, due, has_plan, resolved, closed, overdue, cal.count(due, d) if overdue else 0,
                     plan_overdue and not resolved, resolved and q.resolved > due,
                     cal.count(q.raised, q.resolved) if resolved else None, level, status)


def latest_note(p: r.Project, period: Period) -> str | None:
    """The 形象进度 of the latest progress month up to D's month that has a note."""
    best = None
    for e in p.progress:
        if e.note and e.month <= period.month_start and (best is None or e.month > best.month):
            best = e
    return best.note if best else None


def build_years(p: r.Project) -> tuple[int | None, int | None]:
    """建设起止年限: the year of the start and of the completion, actual where known, else planned."""
    start = p.start.actual or p.start.planned
    end = p.completion.actual or p.completion.planned
    return (start.year if start else None, end.year if end else None)
