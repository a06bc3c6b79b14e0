"""Rules across records, and rules that depend on today's date: one small function a rule.

They run on the whole ledger once its files are read: ids unique per kind,
references that resolve, a project's month reported once, no progress in a
month after today, and the ledger-wide warnings. They see every record whose
id and references could be read, valid or not (`files.Stub`), so that fixing
one field never reveals a duplicate id that was there all along. Each finding
is aimed at (file, record, path); the loader places it.
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Callable, Iterator, NamedTuple

from ..core import records as r
from ..core.facts import IssueFacts, ProjectFacts, amount, date_of, month_index
from ..core.findings import Aim, Finding, field_name
from ..core.words import Say, msg
from ..core.workdays import WorkCalendar, covers
from ..sources.base import printable
from .results import Stub


class Draft(NamedTuple):
    """The ledger as read, before the rules across records decide what is left out. Projects and problems
    are facts (core/facts.py: what these rules need, without building records); cards and progress reports,
    few, are records."""

    settings: r.Settings
    projects: list[ProjectFacts]  # valid projects, in the order read (file, then place in file)
    issues: list[IssueFacts]
    cards: list[r.Responsibility]
    reports: list[r.ProgressReport]
    stubs: list[Stub]  # records with errors, in the order read
    salvaged: dict[str, set]  # ids that unreadable files seem to define, per kind
    today: datetime.date
    label: str = ""  # shown in front of paths named inside messages ("REV:")


class LedgerRule(NamedTuple):
    name: str
    codes: tuple[str, ...]
    check: Callable[[Draft], Iterator[Finding]]


def at(src, path: tuple, code: str, message: Say, hint: Say | None = None, record: str | None = None,
       where: str = "value") -> Finding:
    """A finding about the record written at `src` (file, line, index), aimed at `path` inside it."""
    return Finding(src[0], None, None, code, field_name(path) or None, message, record, hint, None,
                   Aim(src[2], path, where))


def _order(src) -> tuple:
    return (src[0].split("/"), src[2])


def _written(d: Draft, kind: str) -> list[tuple[str, tuple]]:
    """(id, where) of every record of a kind whose id could be read, valid or not."""
    valid = {"projects": d.projects, "responsibilities": d.cards, "issues": d.issues}[kind]
    return [(x.id, tuple(x.src)) for x in valid] + [(s.id, tuple(s.src)) for s in d.stubs
                                                    if s.kind == kind and s.id is not None]


def _duplicates(d: Draft, kind: str) -> dict[str, list[tuple]]:
    """id -> where it is written, in the order files are read, for every id written more than once."""
    items = _written(d, kind)
    seen: set[str] = set()
    twice = {rid for rid, _ in items if rid in seen or seen.add(rid)}
    out: dict[str, list[tuple]] = {}
    for rid, src in items:
        if rid in twice:
            out.setdefault(rid, []).append(src)
    return {rid: sorted(places, key=_order) for rid, places in out.items()}


def duplicate_ids(d: Draft) -> Iterator[Finding]:
    """The first record of an id (in the order files are read) keeps it; later ones are reported and,
    with the first, left out."""
    for kind in ("projects", "responsibilities", "issues"):
        for rid, (first, *others) in sorted(_duplicates(d, kind).items()):
            for src in others:
                yield at(src, ("id",), "E301", msg("rule.duplicate_id", id=rid, file=printable(d.label + first[0]),
                                                   line=first[1]), msg("rule.duplicate_id.hint"), rid)


def first_of_duplicates(d: Draft) -> set[tuple[str, int]]:
    """(file, index) of the first record of every duplicated id: left out with the others."""
    return {(places[0][0], places[0][2]) for kind in ("projects", "responsibilities", "issues")
            for places in _duplicates(d, kind).values()}


def _references(d: Draft) -> Iterator[tuple[str, tuple, str | None, str, tuple]]:
    """(kind, where, record id, project id, path) of every reference to a project."""
    for q in d.issues:
        yield "issues", q.src, q.id, q.project, ("project",)
    for c in d.cards:
        for i, pid in enumerate(c.projects):
            yield "responsibilities", c.src, c.id, pid, ("projects", i)
    for e in d.reports:
        yield "progress", e.src, None, e.project, ("project",)
    for s in d.stubs:
        for pid, path in s.refs:
            yield s.kind, s.src, s.id, pid, path


def unknown_projects(d: Draft) -> Iterator[Finding]:
    known = {p.id for p in d.projects} | d.salvaged["projects"]
    known |= {s.id for s in d.stubs if s.kind == "projects" and s.id is not None}
    for _, src, rid, pid, path in _references(d):
        if pid not in known:
            yield at(src, path, "E302", msg("rule.unknown_project", id=pid), msg("rule.unknown_project.hint"), rid)


def month_reported_once(d: Draft) -> Iterator[Finding]:
    """A (project, month) is reported once in the whole ledger, inline or in progress/ (SPEC §3.5)."""
    if not d.reports:
        return  # twice inside one project's `progress` is E202, a rule of the record
    projects = {p.id: p for p in d.projects}
    first: dict[tuple, tuple] = {}
    for e in sorted(d.reports, key=lambda e: _order(e.src)):
        key = (e.project, e.month)
        p = projects.get(e.project)
        where = p.src if p is not None and month_index(e.month) in p.written else first.get(key)
        if where is not None:
            yield at(e.src, ("month",), "E303", msg("rule.month_reported_twice", project=e.project,
                                                    month=f"{e.month:%Y-%m}", place=printable(f"{d.label}{where[0]}:{where[1]}")),
                     msg("rule.month_reported_twice.hint"))
        else:
            first[key] = e.src


def no_future_months(d: Draft) -> Iterator[Finding]:
    this_month = month_index(d.today)
    hint = msg("rule.future_month.hint", today=d.today)
    for p in d.projects:
        if p.months and p.months[-1] > this_month:
            for i, m in enumerate(p.written):
                if m > this_month:
                    yield at(p.src, ("progress", i, "month"), "E203",
                             msg("rule.future_month", month=f"{m // 12}-{m % 12 + 1:02d}"), hint, p.id)
    for e in d.reports:
        if month_index(e.month) > this_month:
            yield at(e.src, ("month",), "E203", msg("rule.future_month", month=f"{e.month:%Y-%m}"), hint)


def completed_within_total(d: Draft) -> Iterator[Finding]:
    reported: dict[str, Decimal] = {}
    for e in d.reports:
        reported[e.project] = reported.get(e.project, Decimal(0)) + e.invested
    for p in d.projects:
        done = p.prior + (p.cum[-1] if p.cum else 0)
        extra = reported.get(p.id)
        if done > p.total or (extra is not None and amount(done) + extra > amount(p.total)):
            yield at(p.src, ("total_investment",), "W101",
                     msg("rule.completed_above_total", done=amount(done) + (extra or 0), total=amount(p.total)),
                     record=p.id)


def project_on_a_card(d: Draft) -> Iterator[Finding]:
    carded = {pid for c in d.cards for pid in c.projects}
    carded |= {pid for s in d.stubs if s.kind == "responsibilities" for pid, _ in s.refs}
    for p in d.projects:
        if p.plan_units and p.id not in carded:
            years = ", ".join(str(y) for y in p.plan_units)
            yield at(p.src, ("id",), "W103", msg("rule.no_card", id=p.id, years=years), msg("rule.no_card.hint"), p.id)


def started_when_planned(d: Draft) -> Iterator[Finding]:
    today = d.today.toordinal()
    for p in d.projects:
        planned = p.start_planned_d
        if 0 < planned <= today and not p.start_actual_d and p.pool is None:
            yield at(p.src, ("start", "planned"), "W104", msg("rule.late_start", date=date_of(planned)), record=p.id)


def calendar_known(d: Draft) -> Iterator[Finding]:
    """Once per year in which a deadline is counted in working days without the official calendar: the year a
    problem is raised, or a later one its deadline reaches (raised 2026-12-30, due in 2027). A year the ledger
    declares complete (calendar.complete_years, its holidays listed) is known; a few extra holidays are not."""
    s = d.settings
    derived = [q for q in d.issues if not q.due_d]
    if not derived:
        return
    first_year, last_year = date_of(min(q.raised_d for q in derived)).year, date_of(max(q.raised_d for q in derived)).year
    if all(y in s.complete_years or covers(y) for y in range(first_year, last_year + 2)):
        return  # every year a deadline can reach is known: no pass per problem
    cal = WorkCalendar(s.extra_holidays, s.extra_workdays)
    first_of_year: dict[int, IssueFacts] = {}
    for q in sorted(derived, key=lambda q: (q.raised_d, q.id)):
        days = s.general_days if q.difficulty == "general" else s.hard_plan_days
        for year in range(date_of(q.raised_d).year, date_of(cal.add_days(q.raised_d, days)).year + 1):
            if year not in first_of_year and year not in s.complete_years and not covers(year):
                first_of_year[year] = q
    for year, q in sorted(first_of_year.items()):
        yield at(q.src, ("raised",), "W105", msg("rule.calendar", year=year), msg("rule.calendar.hint"), q.id)


LEDGER_RULES: tuple[LedgerRule, ...] = (
    LedgerRule("unique-ids", ("E301",), duplicate_ids),
    LedgerRule("known-projects", ("E302",), unknown_projects),
    LedgerRule("month-reported-once", ("E303",), month_reported_once),
    LedgerRule("no-future-months", ("E203",), no_future_months),
    LedgerRule("completed-within-total", ("W101",), completed_within_total),
    LedgerRule("project-on-a-card", ("W103",), project_on_a_card),
    LedgerRule("started-when-planned", ("W104",), started_when_planned),
    LedgerRule("calendar-known", ("W105",), calendar_known),
)


def check_ledger(draft: Draft) -> tuple[list[Finding], set[tuple[str, int]]]:
    """Every finding across records (aimed, not placed), and the (file, index) of every record they
    leave out: those with an error, and the first record of a duplicated id."""
    findings = [f for rule in LEDGER_RULES for f in rule.check(draft)]
    spoiled = {(f.file, f.aim.index) for f in findings if f.is_error}
    return findings, spoiled | first_of_duplicates(draft)
