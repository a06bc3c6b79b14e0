"""The figures of SPEC §5: pure functions of (ledger, period, filters).

`evaluate` gives the scope of a report: a view of each project on year Y's
list that passes the filters, and of each of their problems counted for Y.
Figures are sums and ratios over views, so a whole ledger, a group (`--by
unit`) and the year before (同比) are all computed the same way.
"""


from bisect import bisect_right
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Callable, Iterable, NamedTuple

from ..core.facts import ProjectFacts, amount
from ..core.ledger import Ledger
from ..core.period import Period
from .filters import Filters
from .views import (HUNDRED, ONE, ZERO, IssueView, ProjectView, planned_units, project_view, rate, views_of_issues,
                    work_calendar)


class IssueFigures(NamedTuple):
    raised: int
    resolved: int
    closed: int
    overdue: int
    resolved_late: int
    resolution_rate: Decimal | None
    avg_working_days: Decimal | None


def issue_figures(year_views: Iterable[IssueView], all_views: Iterable[IssueView] | None = None) -> IssueFigures:
    """SPEC §5.5: raised, resolved, closed, resolved late and the rates count the problems raised in year Y
    (`year_views`); overdue counts every problem raised by D, whatever its year (`all_views`; the year's
    when not given)."""
    raised = resolved = closed = overdue = late = days = 0
    for v in year_views:
        raised += 1
        if v.resolved:
            resolved += 1
            days += v.working_days
            late += v.resolved_late
        closed += v.closed
        if all_views is None:
            overdue += v.overdue
    if all_views is not None:
        overdue = sum(v.overdue for v in all_views)
    return IssueFigures(raised, resolved, closed, overdue, late, rate(resolved, raised), rate(days, resolved))


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
    issues: tuple[IssueView, ...]  # raised in Y up to D, on those projects, by id: the year's figures
    pool_projects: tuple[ProjectFacts, ...]  # filtered projects of the whole ledger with a pool
    keep: Callable[[ProjectFacts], bool] | None = None  # the group rule of a subset, if any
    all_issues: tuple[IssueView, ...] = ()  # raised by D in any year, on those projects: overdue and open

    def subset(self, keep: Callable[[ProjectFacts], bool]) -> "Scope":
        """The part of this scope whose projects pass `keep` (a group)."""
        views = tuple(v for v in self.views if keep(v.project))
        ids = {v.id for v in views}
        return self._replace(views=views, issues=tuple(i for i in self.issues if i.issue.project in ids),
                             all_issues=tuple(i for i in self.all_issues if i.issue.project in ids),
                             pool_projects=tuple(p for p in self.pool_projects if keep(p)), keep=keep)

    @property
    def open_issues(self) -> tuple[IssueView, ...]:
        """Problems open at D, of any year (SPEC §5.5), on the scope's projects."""
        return tuple(v for v in self.all_issues if v.open)


def evaluate(ledger: Ledger, period: Period, filters: Filters = Filters()) -> Scope:
    """The scope of a report: a view of each project on Y's list that passes the filters, and of each of their
    problems raised by D (all years; those of Y apart). It reads facts only: no record is built."""
    s = ledger.settings
    cards = ledger.cards_by_project
    facts = ledger.project_facts
    admitted = [p for p in facts if filters.admits(p, cards.get(p.id, ()))] if any(filters) else facts
    year = period.year
    views = tuple(project_view(p, period, s) for p in admitted if year in p.plan_units)
    ids = {v.id for v in views}
    d, start = period.day, period.first_day
    cal = work_calendar(s)
    every = tuple(views_of_issues(ledger.issue_facts, d, s, cal, ids))
    this_year = tuple(v for v in every if v.issue.raised_d >= start)
    return Scope(ledger, period, filters, views, this_year, tuple(p for p in admitted if p.pool is not None),
                 None, every)


def double_half(views: Iterable[ProjectView], period: Period) -> tuple[int | None, int | None]:
    """(reached_month, months_ahead): the first month whose cumulative completed >= half the annual plan."""
    views = list(views)
    annual = sum(v.annual_u for v in views)
    if not annual:
        return None, None
    by_month = monthly_units(views, period)
    total = 0
    for m in range(1, period.month_index + 1):
        total += by_month[m - 1]
        if total * 2 >= annual:
            return m, (6 - m if m <= 6 else None)
    return None, None


def monthly_units(views: Iterable[ProjectView], period: Period) -> list[int]:
    """Units invested in each month 1-12 of Y (months after D count nothing)."""
    out = [0] * 12
    first, last = period.first_month, period.last_month
    for v in views:
        months, cum = v.project.months, v.project.cum
        lo = bisect_right(months, first - 1)
        hi = bisect_right(months, last)
        for i in range(lo, hi):
            out[months[i] - first] += cum[i] - (cum[i - 1] if i else 0)
    return out


def monthly_completed(views: Iterable[ProjectView], period: Period) -> list[Decimal]:
    """Investment completed in each month 1-12 of Y (months after D count nothing)."""
    return [amount(x) for x in monthly_units(views, period)]


def figures(scope: Scope, with_yoy: bool = True) -> Figures:
    views, period = scope.views, scope.period
    n = len(views)
    total = annual = ytd = cumulative = planned = 0  # units of 1/10,000: exact integers (planned may be Decimal)
    started = continuing = completing = completing_done = completed = late = on_schedule = 0
    lights = {"green": 0, "yellow": 0, "red": 0}
    for v in views:  # one pass: a province has tens of thousands of projects
        total += v.project.total
        annual += v.annual_u
        ytd += v.ytd_u
        cumulative += v.cumulative_u
        planned += v.planned_to_date_u
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
    total, annual, ytd, cumulative, planned = map(amount, (total, annual, ytd, cumulative, planned))
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
        issues=issue_figures(scope.issues, scope.all_issues),
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


class CumulativeMonth(NamedTuple):
    """One month of Y for the whole scope (completion): invested in it and cumulatively against the plan."""

    month: int
    invested: Decimal | None  # None: after D
    cum_completed: Decimal | None
    cum_planned: Decimal
    cum_rate: Decimal | None  # cumulative completed against the annual plan


def cumulative_by_month(scope: Scope) -> list[CumulativeMonth]:
    """Months 1-12 of Y: completed in the month and cumulatively (blank after D) against the cumulative plan."""
    views, period = scope.views, scope.period
    annual = sum(v.annual_u for v in views)
    by_month = monthly_units(views, period)
    plans = [v.project.plan_units[period.year] for v in views]
    rows, running = [], 0
    for month in range(1, 13):
        counted = month <= period.month_index
        running += by_month[month - 1]
        planned = sum(planned_units(plan, month) for plan in plans)
        rows.append(CumulativeMonth(month, amount(by_month[month - 1]) if counted else None,
                                    amount(running) if counted else None, amount(planned),
                                    rate(running, annual) if counted else None))
    return rows


def time_schedule(scope: Scope) -> list[Decimal]:
    """序时进度 as an amount for months 1-12 of Y: the annual plan × m / 12 (the straight line of a chart)."""
    annual = sum((v.annual for v in scope.views), ZERO)
    return [annual * m / 12 for m in range(1, 13)]
