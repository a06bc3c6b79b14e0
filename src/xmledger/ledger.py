"""The loaded ledger: settings and valid records, immutable, with the indexes reports need."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from types import MappingProxyType

from . import records as r


@dataclass(frozen=True)
class Ledger:
    settings: r.Settings
    projects: tuple[r.Project, ...] = ()  # sorted by id
    responsibilities: tuple[r.Responsibility, ...] = ()  # sorted by id
    issues: tuple[r.Issue, ...] = ()  # sorted by id
    root: str | None = field(default=None, compare=False)

    @classmethod
    def of(cls, settings: r.Settings, projects=(), responsibilities=(), issues=(), root=None) -> Ledger:
        """A ledger from records in any order (ids unique per kind)."""
        key = lambda rec: rec.id  # noqa: E731
        return cls(settings, tuple(sorted(projects, key=key)), tuple(sorted(responsibilities, key=key)),
                   tuple(sorted(issues, key=key)), root)

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
