"""Problems (问题) as lists and statistics: the problem loop of seed 004.

Collected, assigned, resolved within a deadline in working days, escalated,
closed. The list shows every problem raised by D, whatever its year, so old
open problems stay in sight; the statistics count the problems of year Y
(SPEC §5.5), by the unit they are assigned to, their category and the highest
escalation level reached.
"""


from typing import NamedTuple

from ..core import records as r
from ..core.ledger import Ledger
from ..core.period import Period
from .figures import IssueFigures, Scope, issue_figures
from .filters import Filters
from .views import IssueView, views_of_issues, work_calendar


class IssueFilters(NamedTuple):
    open: bool = False
    overdue: bool = False
    projects: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    assignee_units: tuple[str, ...] = ()
    levels: tuple[int, ...] = ()  # escalation levels reached by D

    def admits(self, v: IssueView) -> bool:
        q = v.issue
        return ((not self.open or v.open) and (not self.overdue or v.overdue)
                and (not self.projects or q.project in self.projects)
                and (not self.categories or q.category in self.categories)
                and (not self.assignee_units or q.assignee_unit in self.assignee_units)
                and (not self.levels or v.level in self.levels))


def urgency(v: IssueView) -> tuple:
    """Most urgent first: overdue longest, then open by nearest due date, then resolved, then closed."""
    return (not v.overdue, -v.overdue_days, v.resolved, v.closed, v.due_d, v.id)


def issue_views(ledger: Ledger, period: Period, filters: Filters) -> list[IssueView]:
    """Every problem raised by D, whatever its year, on a project passing the shared filters."""
    cards = ledger.cards_by_project
    admitted = {p.id for p in ledger.project_facts if filters.admits(p, cards.get(p.id, ()))}
    cal = work_calendar(ledger.settings)
    day = period.day
    return views_of_issues(ledger.issue_facts, day, ledger.settings, cal, admitted)


def issue_list(ledger: Ledger, period: Period, filters: Filters, chosen: IssueFilters,
               views: list[IssueView] | None = None) -> list[IssueView]:
    """The problem list (问题清单), most urgent first (`views`: issue_views(ledger, period, filters), if made)."""
    views = issue_views(ledger, period, filters) if views is None else views
    return sorted((v for v in views if chosen.admits(v)), key=urgency)


class IssueStats(NamedTuple):
    total: IssueFigures
    by_unit: list[tuple[str | None, IssueFigures]]  # None: not assigned
    by_category: list[tuple[str, IssueFigures]]  # in the order of the categories of the format
    by_level: list[tuple[int, IssueFigures]]  # 0: not escalated


def issue_stats(scope: Scope, chosen: IssueFilters) -> IssueStats:
    """Counts and rates of the problems counted for Y (SPEC §5.5), in total and by assignee unit, category and
    escalation level; overdue counts every year's problems, as everywhere."""
    views = [v for v in scope.issues if chosen.admits(v)]
    every = [v for v in scope.all_issues if chosen.admits(v)]

    def by(group, order) -> list:
        parts: dict = {}
        for v in views:
            parts.setdefault(group(v), []).append(v)
        overdue: dict = {}
        for v in every:
            overdue.setdefault(group(v), []).append(v)
        keys = set(parts) | {k for k, vs in overdue.items() if any(v.overdue for v in vs)}
        return [(k, issue_figures(parts.get(k, ()), overdue.get(k, ()))) for k in sorted(keys, key=order)]

    return IssueStats(issue_figures(views, every),
                      by(lambda v: v.issue.assignee_unit, lambda k: (k is None, k or "")),
                      by(lambda v: v.issue.category, r.ISSUE_CATEGORIES.index),
                      by(lambda v: v.level, int))


class ProblemMonth(NamedTuple):
    """One month of Y (charts): problems counted for Y raised in it, and of those, resolved in it."""

    month: int
    raised: int
    resolved: int


def problems_by_month(scope: Scope) -> list[ProblemMonth]:
    """Months 1 to D's month of Y: the problems of `scope.issues` (raised in Y up to D) raised and resolved in
    each month. The columns add up to the year's `raised` and `resolved` figures."""
    months = scope.period.month_index
    raised, resolved = [0] * 13, [0] * 13
    year = scope.period.year
    for v in scope.issues:
        q = v.issue
        if q.raised.year == year:
            raised[q.raised.month] += 1
            if v.resolved and q.resolved.year == year:
                resolved[q.resolved.month] += 1
    return [ProblemMonth(m, raised[m], resolved[m]) for m in range(1, months + 1)]
