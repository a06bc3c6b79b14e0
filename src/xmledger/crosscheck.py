"""Rules across records, and rules that depend on today's date.

These run on every load (they are cheap and not cacheable per file): ids
unique per kind, references that resolve, no progress in a month after today,
and the ledger-wide warnings. Each finding is aimed at (record, path); the
loader places it in the file.
"""

from __future__ import annotations

import datetime
from typing import Iterator, NamedTuple

from . import records as r
from .rules import Flag
from .workdays import covers


class Aimed(NamedTuple):
    """A flag about one record."""

    kind: str
    record: tuple  # the record tuple (its .src says where it is)
    flag: Flag


def crosscheck(settings: r.Settings, by_kind: dict[str, list], bad_ids: dict[str, set],
               today: datetime.date) -> list[Aimed]:
    """All flags across records; `by_kind` holds each kind's records in the order read (file, line)."""
    out: list[Aimed] = []
    out += duplicate_ids(by_kind)
    projects = {p.id for p in by_kind["projects"]}
    known = projects | bad_ids["projects"]
    out += unknown_projects(by_kind, known)
    out += future_months(by_kind["projects"], today)
    out += list(project_warnings(by_kind, today))
    out += calendar_warnings(by_kind["issues"], settings)
    return out


def duplicate_ids(by_kind) -> Iterator[Aimed]:
    """The first record of an id (by file and line, the order records are read in) keeps it."""
    for kind, recs in by_kind.items():
        first: dict[str, tuple] = {}
        for rec in recs:
            if rec.id in first:
                src = first[rec.id].src
                yield Aimed(kind, rec, Flag(("id",), "E301", f"{rec.id} is already the id of the record at "
                                            f"{src.file}:{src.line}", "give each record its own id"))
            else:
                first[rec.id] = rec


def unknown_projects(by_kind, known: set) -> Iterator[Aimed]:
    for q in by_kind["issues"]:
        if q.project not in known:
            yield Aimed("issues", q, Flag(("project",), "E302", f"no project has the id {q.project}",
                                          "check the id against projects/"))
    for c in by_kind["responsibilities"]:
        for i, pid in enumerate(c.projects):
            if pid not in known:
                yield Aimed("responsibilities", c, Flag(("projects", i), "E302", f"no project has the id {pid}",
                                                        "check the id against projects/"))


def future_months(projects, today: datetime.date) -> Iterator[Aimed]:
    this_month = today.replace(day=1)
    for p in projects:
        for i, e in enumerate(p.progress):
            if e.month > this_month:
                yield Aimed("projects", p, Flag(("progress", i, "month"), "E203",
                                                f"{e.month:%Y-%m} is after the current month",
                                                f"today is {today}: progress records what was invested, "
                                                "so a month is entered once it has begun"))


def project_warnings(by_kind, today: datetime.date) -> Iterator[Aimed]:
    carded = {pid for c in by_kind["responsibilities"] for pid in c.projects}
    for p in by_kind["projects"]:
        if p.plans and p.id not in carded:
            years = ", ".join(str(y) for y in p.plans)
            yield Aimed("projects", p, Flag(("id",), "W103", f"{p.id} is on the list of {years} but on no "
                                            "responsibility card", "add it to a card in responsibilities/"))
        planned = p.start.planned
        if planned is not None and planned <= today and p.start.actual is None and p.pool is None:
            yield Aimed("projects", p, Flag(("start", "planned"), "W104",
                                            f"planned start {planned} has passed and start.actual is not set"))


def calendar_warnings(issues, settings: r.Settings) -> Iterator[Aimed]:
    """Once per year whose deadlines are derived without the official calendar (and no overrides)."""
    overridden = {d.year for d in settings.extra_holidays | settings.extra_workdays}
    years = {q.raised.year for q in issues if q.due is None}
    uncovered = {y for y in years if y not in overridden and not covers(y)}
    first_of_year: dict[int, tuple] = {}
    for q in issues:
        year = q.raised.year
        if year in uncovered and q.due is None and (year not in first_of_year
                                                    or (q.raised, q.id) < (first_of_year[year].raised,
                                                                           first_of_year[year].id)):
            first_of_year[year] = q
    for year, q in sorted(first_of_year.items()):
        yield Aimed("issues", q, Flag(("raised",), "W105",
                                      f"the official holiday calendar of {year} is not known to this version: "
                                      f"deadlines of problems raised in {year} count Monday-Friday and are approximate",
                                      "upgrade chinesecalendar, or list the year's holidays under calendar: in ledger.yaml"))
