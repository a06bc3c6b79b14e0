"""The loaded ledger: settings and valid records, immutable, with the indexes reports need.

It holds values only: no path, no file handle. Everything a report shows is
computed from it (and the as-of date and filters), so the same ledger read from
a folder, from memory or from a git revision gives the same output.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from types import MappingProxyType

from . import records as r


@dataclass(frozen=True)
class Ledger:
    settings: r.Settings
    projects: tuple[r.Project, ...] = ()  # sorted by id; progress reports of progress/ merged in
    responsibilities: tuple[r.Responsibility, ...] = ()  # sorted by id
    issues: tuple[r.Issue, ...] = ()  # sorted by id
    progress_reports: tuple[r.ProgressReport, ...] = ()  # as read from progress/, by project and month

    @classmethod
    def of(cls, settings: r.Settings, projects=(), responsibilities=(), issues=(), progress_reports=()) -> Ledger:
        """A ledger from records in any order (ids unique per kind, (project, month) unique in all)."""
        key = lambda rec: rec.id  # noqa: E731
        reports = tuple(sorted(progress_reports, key=lambda e: (e.project, e.month)))
        if reports:
            extra: dict[str, list] = {}
            for e in reports:
                extra.setdefault(e.project, []).append(r.Progress(e.month, e.invested, e.note))
            projects = [p._replace(progress=p.progress + tuple(extra[p.id])) if p.id in extra else p
                        for p in projects]
        return cls(settings, tuple(sorted(projects, key=key)), tuple(sorted(responsibilities, key=key)),
                   tuple(sorted(issues, key=key)), reports)

    @cached_property
    def project_by_id(self) -> MappingProxyType:
        return MappingProxyType({p.id: p for p in self.projects})

    @cached_property
    def cards_by_project(self) -> MappingProxyType:
        """project id -> the responsibility cards that list it (in id order)."""
        out: dict[str, list] = {}
        for c in self.responsibilities:
            for pid in dict.fromkeys(c.projects):
                out.setdefault(pid, []).append(c)
        return MappingProxyType({k: tuple(v) for k, v in out.items()})

    @cached_property
    def issues_by_project(self) -> MappingProxyType:
        out: dict[str, list] = {}
        for q in self.issues:
            out.setdefault(q.project, []).append(q)
        return MappingProxyType({k: tuple(v) for k, v in out.items()})

    @cached_property
    def years(self) -> tuple[int, ...]:
        """Years that have a key-project list (some project plans for them)."""
        return tuple(sorted({y for p in self.projects for y in p.plans}))

    def leaders_of(self, pid: str) -> tuple[str, ...]:
        """The leaders (包靠领导) of a project: of every card that lists it, in card order."""
        return tuple(dict.fromkeys(c.leader for c in self.cards_by_project.get(pid, ())))

    def units_of(self, pid: str) -> tuple[str, ...]:
        """The responsible units (责任单位) of a project: of every card that lists it, in card order."""
        return tuple(dict.fromkeys(c.unit for c in self.cards_by_project.get(pid, ())))
