"""Rules that a single valid record must follow (SPEC §3), beyond its schema.

Each rule is a function of one record and the ledger settings only, so its
findings can be cached with the file. A finding is aimed at a path inside the
record ('plans', 2019, 'monthly'); the loader turns paths into line:col.
Rules that need the whole ledger or today's date live in `crosscheck`.
"""

from __future__ import annotations

import difflib
from decimal import Decimal
from typing import Iterator, NamedTuple

from . import records as r


class Flag(NamedTuple):
    """A finding aimed at a path inside a record, not yet placed in the file."""

    path: tuple
    code: str
    message: str
    hint: str | None = None
    at: str = "value"  # value | key
    text: str | None = None  # our guess at the source text; fills "{text}" in message and hint


def did_you_mean(word: str, choices) -> str | None:
    close = difflib.get_close_matches(str(word), [str(c) for c in choices], n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'?" if close else None


def field_name(path: tuple) -> str:
    """('progress', 2, 'month') -> 'progress[2].month'."""
    out = ""
    for part in path:
        if isinstance(part, int) and out and not out.endswith(("plans", "monthly")):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def check_project(p: r.Project, s: r.Settings) -> Iterator[Flag]:
    if s.categories is not None and p.category not in s.categories:
        yield Flag(("category",), "E110", f"'{p.category}' is not a category of this ledger",
                   did_you_mean(p.category, s.categories) or "allowed: " + ", ".join(s.categories))
    for year, plan in p.plans.items():
        if plan.monthly is not None:
            total = sum(plan.monthly, Decimal(0))
            if total != plan.annual:
                yield Flag(("plans", year, "monthly"), "E201",
                           f"monthly plan of {year} adds up to {total}, annual is {plan.annual}",
                           "make the months add up to the annual plan exactly, or drop monthly")
        if plan.annual > p.total_investment:
            yield Flag(("plans", year, "annual"), "W102",
                       f"annual plan of {year} ({plan.annual}) is above the total investment ({p.total_investment})")
    seen: dict = {}
    for i, entry in enumerate(p.progress):
        if entry.month in seen:
            yield Flag(("progress", i, "month"), "E202",
                       f"{entry.month:%Y-%m} is already given at progress[{seen[entry.month]}]",
                       "one entry per month: add the amounts into one entry")
        else:
            seen[entry.month] = i
    done = p.prior_investment + sum((e.invested for e in p.progress), Decimal(0))
    if done > p.total_investment:
        yield Flag(("total_investment",), "W101",
                   f"completed investment {done} is above the total investment {p.total_investment}")
    start, end = p.start.actual, p.completion.actual
    if end is not None:
        if start is None:
            yield Flag(("completion", "actual"), "E205", "a completed project needs start.actual",
                       "add the actual start date")
        elif end < start:
            yield Flag(("completion", "actual"), "E204", f"completion {end} is before the start {start}")
    if p.pool is not None and start is not None:
        yield Flag(("pool",), "E206", f"a project in the {p.pool} pool has started ({start})",
                   "remove pool once a project starts")


def check_responsibility(c: r.Responsibility, s: r.Settings) -> Iterator[Flag]:
    listed = set(c.projects)
    for i, v in enumerate(c.visits):
        if v.project not in listed:
            yield Flag(("visits", i, "project"), "E209", f"{v.project} is not one of this card's projects",
                       "add it to projects, or record the visit on the card that holds it")


def check_issue(q: r.Issue, s: r.Settings) -> Iterator[Flag]:
    order = [("raised", q.raised), ("assigned", q.assigned), ("resolved", q.resolved), ("closed", q.closed)]
    last_name, last = None, None
    for name, day in order:
        if day is None:
            continue
        if last is not None and day < last:
            yield Flag((name,), "E204", f"{name} {day} is before {last_name} {last}")
        last_name, last = name, day
    if q.closed is not None and q.resolved is None:
        yield Flag(("closed",), "E207", "a problem is closed (销号) only after it is resolved",
                   "add resolved: with the date it was resolved")
    if q.plan_date is not None:
        if q.difficulty != "hard":
            yield Flag(("plan",), "E210", "a plan (办理方案) is for hard problems",
                       "set difficulty: hard, or give the deadline as due:")
        if q.plan_date < q.raised:
            yield Flag(("plan", "date"), "E204", f"plan date {q.plan_date} is before raised {q.raised}")
        if q.plan_due < q.plan_date:
            yield Flag(("plan", "due"), "E204", f"plan due {q.plan_due} is before the plan date {q.plan_date}")
    top = 0
    for i, e in sorted(enumerate(q.escalations), key=lambda ie: ie[1].date):
        if e.date < q.raised:
            yield Flag(("escalations", i, "date"), "E204", f"escalation date {e.date} is before raised {q.raised}")
        if e.level < top:
            yield Flag(("escalations", i, "level"), "E208",
                       f"level {e.level} on {e.date} is below the level {top} reached before",
                       "escalation (五级化解) only goes up: fix the level or the date")
        top = max(top, e.level)


RULES = {"projects": check_project, "responsibilities": check_responsibility, "issues": check_issue}
