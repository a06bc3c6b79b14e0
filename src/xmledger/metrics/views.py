"""One project and one problem as of the date D: the facts every figure is summed from.

A `ProjectView` holds a project's starts, investment, schedule and light as of
D for year Y (SPEC §5.1-5.3); an `IssueView` a problem's due date in working
days, whether it is resolved, open, overdue, and its escalation (SPEC §5.5).
Rates are exact Decimals (None when the denominator is 0); rounding is left to
display.
"""


import datetime
from bisect import bisect_right
from decimal import Decimal
from typing import NamedTuple

from ..core import records as r
from ..core.facts import IssueFacts, ProjectFacts, amount, date_of
from ..core.period import Period
from ..core.workdays import WorkCalendar

ZERO = Decimal(0)
ONE = Decimal(1)
HUNDRED = Decimal(100)


def rate(num, den) -> Decimal | None:
    return None if not den else Decimal(num) / Decimal(den)


# ------------------------------------------------------------------ projects

class ProjectView(NamedTuple):
    """One project on Y's list, as of D. Amounts are held in units of 1/10,000 (the `_u` fields, summed by
    figures); the properties give them as Decimals in the ledger unit, for reports."""

    project: ProjectFacts
    annual_u: int
    started: bool
    continuing: bool
    late_start_days: int | None  # planned start passed, not started: days late
    completed: bool  # 竣工 by D
    completing: bool  # completion planned in Y (竣工一批)
    this_month_u: int  # invested in D's month
    ytd_u: int  # invested in the months of Y up to D's
    cumulative_u: int  # prior investment and every month up to D's
    planned_to_date_u: int | Decimal  # Decimal when a plan without months is cut in twelfths
    on_schedule: bool
    light: str  # green | yellow | red

    @property
    def id(self) -> str:
        return self.project.id

    @property
    def annual(self) -> Decimal:
        return amount(self.annual_u)

    @property
    def this_month(self) -> Decimal:
        return amount(self.this_month_u)

    @property
    def completed_ytd(self) -> Decimal:
        return amount(self.ytd_u)

    @property
    def cumulative(self) -> Decimal:
        return amount(self.cumulative_u)

    @property
    def planned_to_date(self) -> Decimal:
        return amount(self.planned_to_date_u)

    @property
    def progress_ratio(self) -> Decimal | None:
        """completed_ytd / planned_to_date; None when nothing is planned yet."""
        return rate(self.ytd_u, self.planned_to_date_u)

    @property
    def ytd_rate(self) -> Decimal | None:
        """Completed this year against the annual plan (占年度计划)."""
        return rate(self.ytd_u, self.annual_u)

    @property
    def cumulative_rate(self) -> Decimal | None:
        """Completed in all against the total investment (占总投资)."""
        return rate(self.cumulative_u, self.project.total)

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


def planned_units(plan: tuple, months: int) -> int | Decimal:
    """Planned investment (units) of the first `months` months of a year, from a plan of ProjectFacts."""
    if months <= 0:
        return 0
    annual, running = plan
    if running is not None:
        return running[min(months, 12)]
    return annual if months >= 12 else Decimal(annual * months) / 12


def planned_to(plan: r.YearPlan, months: int) -> Decimal:
    """Planned investment of the first `months` months of the year, from a record's plan."""
    if months <= 0:
        return ZERO
    if plan.monthly is not None:
        return sum(plan.monthly[:months], ZERO)
    return plan.annual if months >= 12 else plan.annual * months / 12


def project_view(f: ProjectFacts, period: Period, s: r.Settings) -> ProjectView:
    d = period.day
    plan = f.plan_units[period.year]
    start = f.start_actual_d
    started = 0 < start <= d
    late = None
    if not started and 0 < f.start_planned_d <= d:
        late = d - f.start_planned_d
    months, cum = f.months, f.cum
    i = bisect_right(months, period.month)
    upto = cum[i - 1] if i else 0
    this_month = upto - (cum[i - 2] if i > 1 else 0) if i and months[i - 1] == period.month else 0
    ytd = 0  # the months of Y up to D's only (none when D is before Y; not D's when D is in a later year)
    if period.last_month >= period.first_month:
        j = bisect_right(months, period.last_month)
        k = bisect_right(months, period.first_month - 1)
        ytd = (cum[j - 1] if j else 0) - (cum[k - 1] if k else 0)
    ptd = planned_units(plan, period.month_index)
    if (late is not None and late >= s.red_late_start_days) or (ptd and ytd < s.red_below * ptd):
        light = "red"
    elif late is None and (not ptd or ytd >= s.yellow_below * ptd):
        light = "green"
    else:
        light = "yellow"
    done = f.completion_actual_d
    return ProjectView(f, plan[0], started, started and start < period.first_day, late, 0 < done <= d,
                       period.first_day <= f.completion_planned_d <= period.last_day, this_month, ytd,
                       f.prior + upto, ptd, late is None and ytd >= ptd, light)


class MonthRow(NamedTuple):
    """One month of a project's year (show): its plan and, once the month counts, what was invested."""

    month: int
    planned: Decimal
    invested: Decimal | None  # None: after D
    cum_planned: Decimal
    cum_completed: Decimal | None
    note: str | None


def project_months(p: r.Project, period: Period) -> list[MonthRow]:
    """Months 1-12 of Y for one project record: plan against progress (SPEC §5.2)."""
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

    issue: IssueFacts
    due_d: int  # explicit, the plan's, or derived in working days (SPEC §5.5), as an ordinal
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
    def due(self) -> datetime.date:
        return date_of(self.due_d)

    @property
    def open(self) -> bool:
        """Not resolved by D (a view exists only for a problem raised by D)."""
        return not self.resolved


def is_open(q, d: datetime.date) -> bool:
    """The one definition of an open problem: raised by D and not resolved by D (SPEC §5.5)."""
    return q.raised <= d and (q.resolved is None or q.resolved > d)


def approximate_years(views, s: r.Settings, d: datetime.date) -> tuple[int, ...]:
    """The years in which these problems count working days without the official calendar: a derived deadline
    (raised -> due), days overdue (due -> D) and days to resolve (raised -> resolved) each span some years."""
    from ..core.workdays import covers

    views = list(views)
    if not views:
        return ()
    first = min(v.issue.raised_d for v in views)
    last = max(d.toordinal(), max(v.due_d for v in views), max(v.issue.resolved_d for v in views))
    span = range(date_of(first).year, date_of(last).year + 1)
    if all(y in s.complete_years or covers(y) for y in span):
        return ()  # the common case, without a pass per problem
    years: set[int] = set()
    for v in views:
        q = v.issue
        if not q.due_d:
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


def issue_view(q: IssueFacts, d: int, s: r.Settings, cal: WorkCalendar) -> IssueView:
    """The view as of the day ordinal d of one problem raised by then."""
    return views_of_issues((q,), d, s, cal)[0]


def views_of_issues(facts, d: int, s: r.Settings, cal: WorkCalendar, projects=None) -> list[IssueView]:
    """The views as of the day ordinal d of the problems raised by d (on one of `projects`, when given).

    A province has 30,000 problems: one loop with the settings and the calendar bound to locals."""
    general, hard_days = s.general_days, s.hard_plan_days
    add, count = cal.add_days, cal.count_days
    new = tuple.__new__
    out = []
    for q in facts:
        raised = q.raised_d
        if raised > d or (projects is not None and q.project not in projects):
            continue
        hard = q.difficulty == "hard"
        has_plan = hard and 0 < q.plan_date_d <= d
        plan_overdue = False
        due = q.due_d
        if not due:
            if not hard:
                due = add(raised, general)
            elif has_plan:
                due = q.plan_due_d
            else:
                due = add(raised, hard_days)
                plan_overdue = d > due
        level = _level(q, d) if q.escalations_d else 0
        resolved_d = q.resolved_d
        if 0 < resolved_d <= d:
            closed = 0 < q.closed_d <= d
            out.append(new(IssueView, (q, due, has_plan, True, closed, False, 0, False, resolved_d > due,
                                       count(raised, resolved_d), level, "closed" if closed else "resolved")))
            continue
        overdue = d > due
        status = "in_progress" if 0 < q.assigned_d <= d or (not q.assigned_d and q.assignee_unit is not None) \
            else "pending"
        out.append(new(IssueView, (q, due, has_plan, False, False, overdue, count(due, d) if overdue else 0,
                                   plan_overdue, False, None, level, status)))
    return out


def _level(q: IssueFacts, d: int) -> int:
    """The highest escalation level reached by D (0: none)."""
    top = 0
    for when, level in q.escalations_d:  # one or two entries: a loop beats max() over a generator
        if when <= d and level > top:
            top = level
    return top


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
