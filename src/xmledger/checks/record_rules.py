"""Rules that one valid record must follow (SPEC §3), beyond its schema: one small function a rule.

A rule is a plain function of one record and the ledger settings; it yields
findings aimed at a path inside the record (('plans', 2019, 'monthly')), which
`files.check_file` places at line:col. Because a rule sees one record only, its
findings are cached with the file. Rules that need the whole ledger or today's
date are in `ledger_rules`.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Callable, Iterator, NamedTuple

from ..core import records as r
from ..core.findings import Aim, Finding, field_name
from ..core.words import Say, did_you_mean, msg


def flag(path: tuple, code: str, message: Say, hint: Say | None = None, at: str = "value") -> Finding:
    """A finding at `path` inside the record being checked (its file, index and id are filled in later)."""
    return Finding("", None, None, code, field_name(path) or None, message, None, hint, None, Aim(None, path, at))


class Rule(NamedTuple):
    name: str
    kind: str  # the record kind it checks
    codes: tuple[str, ...]  # what it may report
    check: Callable[..., Iterator[Finding]]


# ------------------------------------------------------------------ projects

def category_allowed(p: r.Project, s: r.Settings) -> Iterator[Finding]:
    if s.categories is not None and p.category not in s.categories:
        yield flag(("category",), "E110", msg("rule.category", category=p.category),
                   did_you_mean(p.category, s.categories) or msg("hint.allowed", values=s.categories))


def location_allowed(p: r.Project, s: r.Settings) -> Iterator[Finding]:
    if s.locations is not None and p.location is not None and p.location not in s.locations:
        yield flag(("location",), "E111", msg("rule.location", location=p.location),
                   did_you_mean(p.location, s.locations) or msg("hint.allowed", values=s.locations))


def monthly_plan_adds_up(p: r.Project, s: r.Settings) -> Iterator[Finding]:
    for year, plan in p.plans.items():
        if plan.monthly is not None:
            total = sum(plan.monthly, Decimal(0))
            if total != plan.annual:
                yield flag(("plans", year, "monthly"), "E201",
                           msg("rule.monthly_sum", year=year, total=total, annual=plan.annual),
                           msg("rule.monthly_sum.hint"))


def annual_within_total(p: r.Project, s: r.Settings) -> Iterator[Finding]:
    for year, plan in p.plans.items():
        if plan.annual > p.total_investment:
            yield flag(("plans", year, "annual"), "W102",
                       msg("rule.annual_above_total", year=year, annual=plan.annual, total=p.total_investment))


def one_entry_per_month(p: r.Project, s: r.Settings) -> Iterator[Finding]:
    seen: dict = {}
    for i, entry in enumerate(p.progress):
        if entry.month in seen:
            yield flag(("progress", i, "month"), "E202", msg("rule.month_twice", month=f"{entry.month:%Y-%m}",
                                                             index=seen[entry.month]), msg("rule.month_twice.hint"))
        else:
            seen[entry.month] = i


def completion_after_start(p: r.Project, s: r.Settings) -> Iterator[Finding]:
    start, end = p.start.actual, p.completion.actual
    if end is not None:
        if start is None:
            yield flag(("completion", "actual"), "E205", msg("rule.completion_without_start"),
                       msg("rule.completion_without_start.hint"))
        elif end < start:
            yield flag(("completion", "actual"), "E204", msg("rule.completion_before_start", end=end, start=start))


def pool_not_started(p: r.Project, s: r.Settings) -> Iterator[Finding]:
    if p.pool is not None and p.start.actual is not None:
        yield flag(("pool",), "E206", msg("rule.pool_started", pool=msg(f"pool_{p.pool}"), start=p.start.actual),
                   msg("rule.pool_started.hint"))


# ------------------------------------------------------------------ responsibilities

def visits_on_card(c: r.Responsibility, s: r.Settings) -> Iterator[Finding]:
    listed = set(c.projects)
    for i, v in enumerate(c.visits):
        if v.project not in listed:
            yield flag(("visits", i, "project"), "E209", msg("rule.visit_not_on_card", project=v.project),
                       msg("rule.visit_not_on_card.hint"))


# ------------------------------------------------------------------ issues

def issue_dates_in_order(q: r.Issue, s: r.Settings) -> Iterator[Finding]:
    order = [("raised", q.raised), ("assigned", q.assigned), ("resolved", q.resolved), ("closed", q.closed)]
    last_name, last = None, None
    for name, day in order:
        if day is None:
            continue
        if last is not None and day < last:
            yield flag((name,), "E204", msg("rule.date_before", name=name, day=day, before_name=last_name, before=last))
        last_name, last = name, day


def closed_after_resolved(q: r.Issue, s: r.Settings) -> Iterator[Finding]:
    if q.closed is not None and q.resolved is None:
        yield flag(("closed",), "E207", msg("rule.closed_unresolved"), msg("rule.closed_unresolved.hint"))


def plan_of_hard_problem(q: r.Issue, s: r.Settings) -> Iterator[Finding]:
    if q.plan_date is None:
        return
    if q.difficulty != "hard":
        yield flag(("plan",), "E210", msg("rule.plan_for_general"), msg("rule.plan_for_general.hint"))
    if q.plan_date < q.raised:
        yield flag(("plan", "date"), "E204", msg("rule.plan_before_raised", day=q.plan_date, raised=q.raised))
    if q.plan_due < q.plan_date:
        yield flag(("plan", "due"), "E204", msg("rule.plan_due_before_date", due=q.plan_due, day=q.plan_date))


def escalation_goes_up(q: r.Issue, s: r.Settings) -> Iterator[Finding]:
    top = 0
    for i, e in sorted(enumerate(q.escalations), key=lambda ie: ie[1].date):
        if e.date < q.raised:
            yield flag(("escalations", i, "date"), "E204", msg("rule.escalation_before_raised", day=e.date,
                                                                raised=q.raised))
        if e.level < top:
            yield flag(("escalations", i, "level"), "E208", msg("rule.level_down", level=e.level, date=e.date, top=top),
                       msg("rule.level_down.hint"))
        top = max(top, e.level)


RECORD_RULES: tuple[Rule, ...] = (
    Rule("category-allowed", "projects", ("E110",), category_allowed),
    Rule("location-allowed", "projects", ("E111",), location_allowed),
    Rule("monthly-plan-adds-up", "projects", ("E201",), monthly_plan_adds_up),
    Rule("annual-within-total", "projects", ("W102",), annual_within_total),
    Rule("one-entry-per-month", "projects", ("E202",), one_entry_per_month),
    Rule("completion-after-start", "projects", ("E204", "E205"), completion_after_start),
    Rule("pool-not-started", "projects", ("E206",), pool_not_started),
    Rule("visits-on-card", "responsibilities", ("E209",), visits_on_card),
    Rule("issue-dates-in-order", "issues", ("E204",), issue_dates_in_order),
    Rule("closed-after-resolved", "issues", ("E207",), closed_after_resolved),
    Rule("plan-of-hard-problem", "issues", ("E204", "E210"), plan_of_hard_problem),
    Rule("escalation-goes-up", "issues", ("E204", "E208"), escalation_goes_up),
)

BY_KIND: dict[str, tuple[Rule, ...]] = {kind: tuple(rule for rule in RECORD_RULES if rule.kind == kind)
                                        for kind in r.KINDS}


def check_record(kind: str, record, settings: r.Settings) -> list[Finding]:
    return [f for rule in BY_KIND[kind] for f in rule.check(record, settings)]
