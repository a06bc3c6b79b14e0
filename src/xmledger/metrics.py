"""The figures of SPEC §5: pure functions of (ledger, period, filters).

First each project on year Y's list gets a `ProjectView` (its starts,
investment, schedule and light as of D) and each problem an `IssueView` (its
due date in working days, whether it is resolved, overdue ...). Figures are
then sums and ratios over views, so a whole ledger, a group (`--by unit`) and
the year before (同比) are all computed the same way.

Rates are exact Decimals (None when the denominator is 0); rounding is left to
display.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Callable, Iterable, NamedTuple

from . import records as r
from .ledger import Ledger
from .period import Period
from .workdays import WorkCalendar

ZERO = Decimal(0)
ONE = Decimal(1)
HUNDRED = Decimal(100)
GROUPINGS = ("level", "category", "location", "unit", "leader")


def rate(num, den) -> Decimal | None:
    return None if not den else Decimal(num) / Decimal(den)


# ------------------------------------------------------------------ filters

class Filters(NamedTuple):
    """Shared filters: a project passes when it matches every filter given (any of its values)."""

    level: tuple[str, ...] = ()
    category: tuple[str, ...] = ()
    location: tuple[str, ...] = ()
    unit: tuple[str, ...] = ()
    leader: tuple[str, ...] = ()
    tag: tuple[str, ...] = ()

    def admits(self, p: r.Project, cards: tuple[r.Responsibility, ...]) -> bool:
        return ((not self.level or p.level in self.level)
                and (not self.category or p.category in self.category)
                and (not self.location or p.location in self.location)
                and (not self.unit or any(c.unit in self.unit for c in cards))
                and (not self.leader or any(c.leader in self.leader for c in cards))
                and (not self.tag or any(t in self.tag for t in p.tags)))


def group_keys(by: str, p: r.Project, cards: tuple[r.Responsibility, ...]) -> list[str | None]:
    """The groups of one project under a grouping (SPEC §5.6); None: the project has no value."""
    if by == "unit":
        return list(dict.fromkeys(c.unit for c in cards)) or [None]
    if by == "leader":
        return list(dict.fromkeys(c.leader for c in cards)) or [None]
    return [getattr(p, by)]


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
    year_start = period.year_start
    ytd = cumulative = this_month = ZERO
    for e in p.progress:
        month = e.month
        if month <= month_start:
            cumulative += e.invested
            if month >= year_start:
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


class IssueFigures(NamedTuple):
    raised: int
    resolved: int
    closed: int
    overdue: int
    resolved_late: int
    resolution_rate: Decimal | None
    avg_working_days: Decimal | None


def issue_figures(views: Iterable[IssueView]) -> IssueFigures:
    raised = resolved = closed = overdue = late = days = 0
    for v in views:
        raised += 1
        if v.resolved:
            resolved += 1
            days += v.working_days
            late += v.resolved_late
        closed += v.closed
        overdue += v.overdue
    return IssueFigures(raised, resolved, closed, overdue, late, rate(resolved, raised), rate(days, resolved))


# ------------------------------------------------------------------ figures

@dataclass(frozen=True)
class Figures:
    """The headline figures of a set of projects (SPEC §5, §6.2)."""

    projects: int
    total_investment: Decimal
    annual_plan: Decimal
    started: int
    start_rate: Decimal | None
    continuing: int
    new_projects: int
    new_started: int
    new_start_rate: Decimal | None
    late_start: int
    completed: int
    completing: int
    completing_done: int
    completion_project_rate: Decimal | None
    completed_ytd: Decimal
    plan_completion_rate: Decimal | None
    cumulative: Decimal
    cumulative_rate: Decimal | None
    planned_to_date: Decimal
    time_elapsed: Decimal
    ahead_of_time_pp: Decimal | None
    on_schedule: int
    on_schedule_rate: Decimal | None
    lights: dict
    reached_month: int | None
    months_ahead: int | None
    four_batches: dict
    issues: IssueFigures
    yoy: dict | None = field(default=None)


class Scope(NamedTuple):
    """What the figures are computed over: projects on Y's list that pass the filters, and more."""

    ledger: Ledger
    period: Period
    filters: Filters
    views: tuple[ProjectView, ...]  # on Y's list, filtered, by id
    issues: tuple[IssueView, ...]  # raised in Y up to D, on those projects, by id
    pool_projects: tuple[r.Project, ...]  # filtered projects of the whole ledger with a pool
    keep: Callable[[r.Project], bool] | None = None  # the group rule of a subset, if any

    def subset(self, keep: Callable[[r.Project], bool]) -> Scope:
        """The part of this scope whose projects pass `keep` (a group)."""
        views = tuple(v for v in self.views if keep(v.project))
        ids = {v.id for v in views}
        return self._replace(views=views, issues=tuple(i for i in self.issues if i.issue.project in ids),
                             pool_projects=tuple(p for p in self.pool_projects if keep(p)), keep=keep)


def evaluate(ledger: Ledger, period: Period, filters: Filters = Filters()) -> Scope:
    s = ledger.settings
    cards = ledger.cards_by_project
    admitted = [p for p in ledger.projects if filters.admits(p, cards.get(p.id, ()))] if any(filters) \
        else ledger.projects
    views = tuple(project_view(p, period, s) for p in admitted if period.year in p.plans)
    ids = {v.id for v in views}
    d, start = period.as_of, period.year_start
    cal = work_calendar(s)
    issues = tuple(issue_view(q, d, s, cal) for q in ledger.issues
                   if start <= q.raised <= d and q.project in ids)
    return Scope(ledger, period, filters, views, issues, tuple(p for p in admitted if p.pool is not None))


def double_half(views: Iterable[ProjectView], period: Period) -> tuple[int | None, int | None]:
    """(reached_month, months_ahead): the first month whose cumulative completed >= half the annual plan."""
    views = list(views)
    annual = sum((v.annual for v in views), ZERO)
    if not annual:
        return None, None
    by_month = monthly_completed(views, period)
    total = ZERO
    for m in range(1, period.month_index + 1):
        total += by_month[m - 1]
        if total * 2 >= annual:
            return m, (6 - m if m <= 6 else None)
    return None, None


def monthly_completed(views: Iterable[ProjectView], period: Period) -> list[Decimal]:
    """Investment completed in each month 1-12 of Y (months after D count nothing)."""
    out = [ZERO] * 12
    last = period.month_start
    for v in views:
        for e in v.project.progress:
            if e.month.year == period.year and e.month <= last:
                out[e.month.month - 1] += e.invested
    return out


def figures(scope: Scope, with_yoy: bool = True) -> Figures:
    views, period = scope.views, scope.period
    n = len(views)
    total = annual = ytd = cumulative = planned = ZERO
    started = continuing = completing = completing_done = completed = late = on_schedule = 0
    lights = {"green": 0, "yellow": 0, "red": 0}
    for v in views:  # one pass: a province has tens of thousands of projects
        total += v.project.total_investment
        annual += v.annual
        ytd += v.completed_ytd
        cumulative += v.cumulative
        planned += v.planned_to_date
        started += v.started
        continuing += v.continuing
        completing += v.completing
        completing_done += v.completing and v.completed
        completed += v.completed
        late += v.late_start_days is not None
        on_schedule += v.on_schedule
        lights[v.light] += 1
    new_started = started - continuing
    plan_rate = rate(ytd, annual)
    elapsed = Decimal(period.month_index) / 12
    reached, ahead = double_half(views, period)
    pools = scope.pool_projects
    return Figures(
        projects=n, total_investment=total, annual_plan=annual,
        started=started, start_rate=rate(started, n),
        continuing=continuing, new_projects=n - continuing, new_started=new_started,
        new_start_rate=rate(new_started, n - continuing),
        late_start=late, completed=completed, completing=completing, completing_done=completing_done,
        completion_project_rate=rate(completing_done, completing),
        completed_ytd=ytd, plan_completion_rate=plan_rate,
        cumulative=cumulative, cumulative_rate=rate(cumulative, total),
        planned_to_date=planned,
        time_elapsed=elapsed,
        ahead_of_time_pp=None if plan_rate is None else (plan_rate - elapsed) * HUNDRED,
        on_schedule=on_schedule, on_schedule_rate=rate(on_schedule, n),
        lights=lights, reached_month=reached, months_ahead=ahead,
        four_batches={"planning": sum(p.pool == "planning" for p in pools),
                      "reserve": sum(p.pool == "reserve" for p in pools),
                      "starting": n - continuing, "completing": completing},
        issues=issue_figures(scope.issues),
        yoy=year_on_year(scope, rate(started, n), ytd) if with_yoy else None,
    )


def year_on_year(scope: Scope, now_rate: Decimal | None, ytd: Decimal) -> dict | None:
    """同比: the same figures for Y-1 as of D minus one year, when the ledger has a list for Y-1."""
    previous = scope.period.previous_year()
    if previous.year not in scope.ledger.years:
        return None
    before_scope = evaluate(scope.ledger, previous, scope.filters)
    if scope.keep is not None:
        before_scope = before_scope.subset(scope.keep)
    before = figures(before_scope, with_yoy=False)
    then_rate = before.start_rate
    return {
        "year": previous.year, "as_of": previous.as_of,
        "start_rate_pp": None if now_rate is None or then_rate is None else (now_rate - then_rate) * HUNDRED,
        "completed_ytd_growth": None if not before.completed_ytd else ytd / before.completed_ytd - ONE,
        "start_rate": then_rate, "completed_ytd": before.completed_ytd,
    }


class Group(NamedTuple):
    key: str | None
    scope: Scope


def groups(scope: Scope, by: str) -> list[Group]:
    """One scope per group of `by` (a project may sit in several unit or leader groups)."""
    if by not in GROUPINGS:
        raise ValueError(f"cannot group by {by}")
    cards = scope.ledger.cards_by_project

    def keys_of(p: r.Project) -> list[str | None]:
        return group_keys(by, p, cards.get(p.id, ()))

    keys = {k for v in scope.views for k in keys_of(v.project)}  # groups of the list; pools count inside them
    order = {"level": r.LEVELS, "category": scope.ledger.settings.categories or ()}.get(by, ())
    rank = {key: i for i, key in enumerate(order)}
    ordered = sorted(keys, key=lambda k: (k is None, rank.get(k, len(rank)), k or ""))
    return [Group(k, scope.subset(lambda p, k=k: k in keys_of(p))) for k in ordered]
