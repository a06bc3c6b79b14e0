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
from ..core.findings import Aim, Finding, field_name
from ..core.words import Say, msg
from ..core.workdays import WorkCalendar, covers
from ..sources.base import printable
from .results import Stub


class Draft(NamedTuple):
    """The ledger as read, before the rules across records decide what is left out."""

    settings: r.Settings
    by_kind: dict[str, list]  # valid records of each kind, in the order read (file, then place in file)
    stubs: list[Stub]  # records with errors, in the order read
    salvaged: dict[str, set]  # ids that unreadable files seem to define, per kind
    today: datetime.date
    label: str = ""  # shown in front of paths named inside messages ("REV:")


class LedgerRule(NamedTuple):
    name: str
    codes: tuple[str, ...]
    check: Callable[[Draft], Iterator[Finding]]


def at(src: r.Origin, path: tuple, code: str, message: Say, hint: Say | None = None, record: str | None = None,
       where: str = "value") -> Finding:
    """A finding about the record written at `src`, aimed at `path` inside it."""
    return Finding(src.file, None, None, code, field_name(path) or None, message, record, hint, None,
                   Aim(src.index, path, where))


def _order(src: r.Origin) -> tuple:
    return (src.file.split("/"), src.index)


def _duplicates(d: Draft, kind: str) -> dict[str, list[r.Origin]]:
    """id -> where it is written, in the order files are read, for every id written more than once."""
    items = [(rec.id, rec.src) for rec in d.by_kind[kind]] + \
            [(s.id, s.src) for s in d.stubs if s.kind == kind and s.id is not None]
    seen: set[str] = set()
    twice = {rid for rid, _ in items if rid in seen or seen.add(rid)}
    out: dict[str, list[r.Origin]] = {}
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
                yield at(src, ("id",), "E301", msg("rule.duplicate_id", id=rid, file=printable(d.label + first.file),
                                                   line=first.line), msg("rule.duplicate_id.hint"), rid)


def first_of_duplicates(d: Draft) -> set[tuple[str, int]]:
    """(file, index) of the first record of every duplicated id: left out with the others."""
    return {(places[0].file, places[0].index) for kind in ("projects", "responsibilities", "issues")
            for places in _duplicates(d, kind).values()}


def _references(d: Draft) -> Iterator[tuple[str, r.Origin, str | None, str, tuple]]:
    """(kind, where, record id, project id, path) of every reference to a project."""
    for q in d.by_kind["issues"]:
        yield "issues", q.src, q.id, q.project, ("project",)
    for c in d.by_kind["responsibilities"]:
        for i, pid in enumerate(c.projects):
            yield "responsibilities", c.src, c.id, pid, ("projects", i)
    for e in d.by_kind["progress"]:
        yield "progress", e.src, None, e.project, ("project",)
    for s in d.stubs:
        for pid, path in s.refs:
            yield s.kind, s.src, s.id, pid, path


def unknown_projects(d: Draft) -> Iterator[Finding]:
    known = {p.id for p in d.by_kind["projects"]} | d.salvaged["projects"]
    known |= {s.id for s in d.stubs if s.kind == "projects" and s.id is not None}
    for _, src, rid, pid, path in _references(d):
        if pid not in known:
            yield at(src, path, "E302", msg("rule.unknown_project", id=pid), msg("rule.unknown_project.hint"), rid)


def month_reported_once(d: Draft) -> Iterator[Finding]:
    """A (project, month) is reported once in the whole ledger, inline or in progress/ (SPEC §3.5)."""
    reports = d.by_kind["progress"]
    if not reports:
        return  # twice inside one project's `progress` is E202, a rule of the record
    projects = {p.id: p for p in d.by_kind["projects"]}
    first: dict[tuple, r.Origin] = {}
    for e in sorted(reports, key=lambda e: _order(e.src)):
        key = (e.project, e.month)
        p = projects.get(e.project)
        where = p.src if p is not None and any(x.month == e.month for x in p.progress) else first.get(key)
        if where is not None:
            yield at(e.src, ("month",), "E303", msg("rule.month_reported_twice", project=e.project,
                                                    month=f"{e.month:%Y-%m}", place=printable(f"{d.label}{where.file}:{where.line}")),
                     msg("rule.month_reported_twice.hint"))
        else:
            first[key] = e.src


def no_future_months(d: Draft) -> Iterator[Finding]:
    this_month = d.today.replace(day=1)
    hint = msg("rule.future_month.hint", today=d.today)
    for p in d.by_kind["projects"]:
        for i, e in enumerate(p.progress):
            if e.month > this_month:
                yield at(p.src, ("progress", i, "month"), "E203", msg("rule.future_month", month=f"{e.month:%Y-%m}"),
                         hint, p.id)
    for e in d.by_kind["progress"]:
        if e.month > this_month:
            yield at(e.src, ("month",), "E203", msg("rule.future_month", month=f"{e.month:%Y-%m}"), hint)


def completed_within_total(d: Draft) -> Iterator[Finding]:
    reported: dict[str, Decimal] = {}
    for e in d.by_kind["progress"]:
        reported[e.project] = reported.get(e.project, Decimal(0)) + e.invested
    for p in d.by_kind["projects"]:
        done = p.prior_investment + sum((e.invested for e in p.progress), Decimal(0)) + reported.get(p.id, 0)
        if done > p.total_investment:
            yield at(p.src, ("total_investment",), "W101",
                     msg("rule.completed_above_total", done=done, total=p.total_investment), record=p.id)


def project_on_a_card(d: Draft) -> Iterator[Finding]:
    carded = {pid for c in d.by_kind["responsibilities"] for pid in c.projects}
    carded |= {pid for s in d.stubs if s.kind == "responsibilities" for pid, _ in s.refs}
    for p in d.by_kind["projects"]:
        if p.plans and p.id not in carded:
            years = ", ".join(str(y) for y in p.plans)
            yield at(p.src, ("id",), "W103", msg("rule.no_card", id=p.id, years=years), msg("rule.no_card.hint"), p.id)


def started_when_planned(d: Draft) -> Iterator[Finding]:
    for p in d.by_kind["projects"]:
        planned = p.start.planned
        if planned is not None and planned <= d.today and p.start.actual is None and p.pool is None:
            yield at(p.src, ("start", "planned"), "W104", msg("rule.late_start", date=planned), record=p.id)


def calendar_known(d: Draft) -> Iterator[Finding]:
    """Once per year in which a deadline is counted in working days without the official calendar: the year a
    problem is raised, or a later one its deadline reaches (raised 2026-12-30, due in 2027). A year the ledger
    declares complete (calendar.complete_years, its holidays listed) is known; a few extra holidays are not."""
    s = d.settings
    cal = WorkCalendar(s.extra_holidays, s.extra_workdays)
    first_of_year: dict[int, r.Issue] = {}
    for q in sorted(d.by_kind["issues"], key=lambda q: (q.raised, q.id)):
        if q.due is not None:
            continue
        days = s.general_days if q.difficulty == "general" else s.hard_plan_days
        for year in range(q.raised.year, cal.add(q.raised, days).year + 1):
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
