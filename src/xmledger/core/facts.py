"""Facts: what the figures need of each record, in integers — the warm path's representation.

A province-sized ledger is 40,000 records and 100,000 monthly entries; rebuilding
them as records (Decimals, dates, nested tuples) costs more than all the
arithmetic of a report. The figures of SPEC §5 need far less: per project its
dates, its plan of year Y as a running total by month, and its progress as a
running total by month; per problem its dates and its deadlines. Facts hold
exactly that, as plain tuples of ints and strings (which `marshal` reads at C
speed), with:

- amounts as integers of 1/10,000 of the ledger unit (the format allows at most
  4 decimals, so this is exact; SCALE); they become Decimals only where a figure
  is shown (`amount`);
- dates as day ordinals (`date.toordinal()`), 0 for none;
- months as an index y*12 + m - 1.

Records stay the definition of a ledger (and what reports show in detail);
facts are derived from them, once, and cached with them.
"""


import datetime
from bisect import bisect_right
from decimal import Decimal
from typing import NamedTuple

from . import records as r

SCALE = 10_000  # units of an amount in the ledger unit: 1 = 0.0001 万元


def units(value: Decimal) -> int:
    """An amount in the ledger unit -> an exact integer of 1/10,000 of it."""
    return int(value.scaleb(4))


def amount(value) -> Decimal:
    """Units of 1/10,000 of the ledger unit (an int, or a Decimal after a division) -> the Decimal amount."""
    return Decimal(value).scaleb(-4)


def day(d: datetime.date | None) -> int:
    return d.toordinal() if d is not None else 0


_DATES: dict[int, datetime.date | None] = {0: None}


def date_of(n: int) -> datetime.date | None:
    """The date of an ordinal (None for 0), one object per day."""
    d = _DATES.get(n, _DATES)
    if d is _DATES:
        d = _DATES[n] = datetime.date.fromordinal(n)
    return d


def month_index(d: datetime.date) -> int:
    return d.year * 12 + d.month - 1


class ProjectFacts(NamedTuple):
    """A project as the figures see it: amounts in units of 1/10,000, dates as ordinals (0: none)."""

    id: str
    name: str
    level: str
    category: str
    location: str | None
    tags: tuple[str, ...]
    total: int
    prior: int
    start_planned_d: int
    start_actual_d: int
    completion_planned_d: int
    completion_actual_d: int
    pool: str | None
    plan_units: dict  # year -> (annual, running plan by month: 13 ints, [m] = months 1..m; None: no monthly plan)
    months: tuple[int, ...]  # month indexes (y*12 + m - 1) of progress entries, ascending
    cum: tuple[int, ...]  # running total of progress up to and including months[i]
    written: tuple[int, ...]  # the months of the project's own `progress`, in the order written (rules aim at them)
    src: tuple  # records.Origin: file, line, index

    # what reports read beside the figures, under the record's names
    @property
    def start(self) -> r.Span:
        return r.Span(date_of(self.start_planned_d), date_of(self.start_actual_d))

    @property
    def completion(self) -> r.Span:
        return r.Span(date_of(self.completion_planned_d), date_of(self.completion_actual_d))

    @property
    def total_investment(self) -> Decimal:
        return amount(self.total)

    @property
    def prior_investment(self) -> Decimal:
        return amount(self.prior)

    def invested_in(self, month: int) -> int:
        """Units invested in one month (by index)."""
        i = bisect_right(self.months, month)
        if not i or self.months[i - 1] != month:
            return 0
        return self.cum[i - 1] - (self.cum[i - 2] if i > 1 else 0)

    def invested_to(self, month: int) -> int:
        """Units invested in all months up to and including one (by index)."""
        i = bisect_right(self.months, month)
        return self.cum[i - 1] if i else 0


class IssueFacts(NamedTuple):
    """A problem as the figures see it: dates as ordinals (0: none)."""

    id: str
    project: str
    category: str
    title: str
    difficulty: str
    raised_d: int
    assigned_d: int
    due_d: int  # the explicit due date
    plan_date_d: int
    plan_due_d: int
    resolved_d: int
    closed_d: int
    assignee_unit: str | None
    assignee_person: str | None
    escalations_d: tuple[tuple[int, int], ...]  # (date, level) as written
    src: tuple  # records.Origin: file, line, index

    @property
    def raised(self) -> datetime.date:
        return date_of(self.raised_d)

    @property
    def resolved(self) -> datetime.date | None:
        return date_of(self.resolved_d)

    @property
    def closed(self) -> datetime.date | None:
        return date_of(self.closed_d)

    @property
    def assigned(self) -> datetime.date | None:
        return date_of(self.assigned_d)

    @property
    def due(self) -> datetime.date | None:
        return date_of(self.due_d)


def running(values) -> tuple[int, ...]:
    out, total = [0], 0
    for v in values:
        total += v
        out.append(total)
    return tuple(out)


_UNITS: dict[Decimal, int] = {}  # amounts repeat across a ledger: each converted once


def _units(value: Decimal) -> int:
    u = _UNITS.get(value)
    if u is None:
        if len(_UNITS) > 200_000:
            _UNITS.clear()
        u = _UNITS[value] = int(value.scaleb(4))
    return u


def by_month(pairs) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """(months, running totals) of (month index, units) pairs, in month order (a month twice adds up)."""
    totals: dict[int, int] = {}
    for m, u in pairs:
        totals[m] = totals.get(m, 0) + u
    months = tuple(sorted(totals))
    return months, running(totals[m] for m in months)[1:]


def progress_facts(entries) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """(months, running totals) of progress entries, in month order (a month twice adds up)."""
    return by_month((month_index(e.month), _units(e.invested)) for e in entries)


def with_reports(f: ProjectFacts, reports) -> ProjectFacts:
    """A project's facts with the months of its progress reports (progress/ files) added in."""
    previous = zip(f.months, (c - b for c, b in zip(f.cum, (0, *f.cum))))
    months, cum = by_month([*previous, *((month_index(e.month), _units(e.invested)) for e in reports)])
    return f._replace(months=months, cum=cum)


def project_facts(p: r.Project) -> ProjectFacts:
    """The facts of a project record (its progress as it holds it: with progress/ reports when merged)."""
    months, cum = progress_facts(p.progress)
    plans = {y: (_units(plan.annual), running(map(_units, plan.monthly)) if plan.monthly is not None else None)
             for y, plan in p.plans.items()}
    written = tuple(month_index(e.month) for e in p.progress)
    if written == months:
        written = months  # the usual case: one tuple, which marshal and pickle then store once
    return ProjectFacts(p.id, p.name, p.level, p.category, p.location, p.tags, _units(p.total_investment),
                        _units(p.prior_investment), day(p.start.planned), day(p.start.actual),
                        day(p.completion.planned), day(p.completion.actual), p.pool, plans, months, cum,
                        written, tuple(p.src))


def issue_facts(q: r.Issue) -> IssueFacts:
    return IssueFacts(q.id, q.project, q.category, q.title, q.difficulty, day(q.raised), day(q.assigned), day(q.due),
                      day(q.plan_date), day(q.plan_due), day(q.resolved), day(q.closed), q.assignee_unit,
                      q.assignee_person, tuple((day(e.date), e.level) for e in q.escalations), tuple(q.src))
