"""The loaded ledger: settings and valid records, immutable, with the indexes reports need.

It holds values only: no path, no file handle. Everything a report shows is
computed from it (and the as-of date and filters), so the same ledger read from
a folder, from memory or from a git revision gives the same output.

It holds each project and problem twice over, in two forms: the records (the
definition of what the files say) and their facts (core/facts.py: what the
figures need, in integers). Figures read the facts; a report that shows a
record in detail reads the record. A ledger taken from the loader's snapshot
has its facts and records as bytes already read, and decodes each form the
first time it is asked for: a warm `status` never builds a record.
"""

from __future__ import annotations

from functools import cached_property
from types import MappingProxyType
from typing import Callable

from . import records as r
from .facts import IssueFacts, ProjectFacts, issue_facts, project_facts


def merge_progress(projects, progress_reports) -> list:
    """Projects with the progress reports of progress/ appended to their own `progress`."""
    if not progress_reports:
        return list(projects)
    extra: dict[str, list] = {}
    for e in progress_reports:
        extra.setdefault(e.project, []).append(r.Progress(e.month, e.invested, e.note))
    return [p._replace(progress=p.progress + tuple(extra[p.id])) if p.id in extra else p for p in projects]


class Ledger:
    """Settings, tracking cards, and the projects and problems as facts and as records (sorted by id)."""

    __slots__ = ("settings", "responsibilities", "_facts", "_records", "reports_read", "__dict__")

    def __init__(self, settings: r.Settings, responsibilities=(), *,
                 facts: Callable[[], tuple] | None = None, records: Callable[[], tuple] | None = None):
        """Use `Ledger.of` (records) or the loader's snapshot (callables that decode on first use)."""
        self.settings = settings
        self.responsibilities = tuple(responsibilities)
        self._facts = facts  # () -> (project facts, issue facts), each sorted by id
        self._records = records  # () -> (projects with progress merged, issues, progress reports), sorted
        self.reports_read = ()  # set by the loader: the progress reports kept, for its snapshot

    @classmethod
    def of(cls, settings: r.Settings, projects=(), responsibilities=(), issues=(), progress_reports=(),
           facts: tuple | None = None) -> Ledger:
        """A ledger from records in any order (ids unique per kind, (project, month) unique in all).

        `facts`, when given, are those of these records already made (by id), and are not made again."""
        key = lambda rec: rec.id  # noqa: E731
        reports = tuple(sorted(progress_reports, key=lambda e: (e.project, e.month)))
        merged = tuple(sorted(merge_progress(projects, reports), key=key))
        issues = tuple(sorted(issues, key=key))
        held = (merged, issues, reports)
        ledger = cls(settings, sorted(responsibilities, key=key), records=lambda: held)
        if facts is not None:
            ledger.__dict__["facts_pair"] = facts
        return ledger

    # -- the two forms

    @cached_property
    def facts_pair(self) -> tuple[tuple[ProjectFacts, ...], tuple[IssueFacts, ...]]:
        if self._facts is not None:
            return self._facts()
        return tuple(map(project_facts, self.projects)), tuple(map(issue_facts, self.issues))

    @cached_property
    def _record_triple(self) -> tuple:
        return self._records() if self._records is not None else ((), (), ())

    @property
    def project_facts(self) -> tuple[ProjectFacts, ...]:
        return self.facts_pair[0]

    @property
    def issue_facts(self) -> tuple[IssueFacts, ...]:
        return self.facts_pair[1]

    @cached_property
    def counts(self) -> tuple[int, int]:
        """(projects, problems), for tallies: known to the loader's snapshot, else counted from the facts."""
        return len(self.project_facts), len(self.issue_facts)

    @property
    def projects(self) -> tuple[r.Project, ...]:
        """The project records, sorted by id, with the progress reports of progress/ merged in."""
        return self._record_triple[0]

    @property
    def issues(self) -> tuple[r.Issue, ...]:
        return self._record_triple[1]

    @property
    def progress_reports(self) -> tuple[r.ProgressReport, ...]:
        """The records of progress/ as read (also merged into their projects' `progress`)."""
        return self._record_triple[2]

    def __eq__(self, other) -> bool:
        return isinstance(other, Ledger) and (self.settings, self.responsibilities, self.projects, self.issues,
                                              self.progress_reports) == (
            other.settings, other.responsibilities, other.projects, other.issues, other.progress_reports)

    __hash__ = None

    def __repr__(self) -> str:
        return (f"Ledger({self.settings.name!r}, {len(self.project_facts)} projects, "
                f"{len(self.responsibilities)} cards, {len(self.issue_facts)} issues)")

    # -- indexes

    @cached_property
    def project_by_id(self) -> MappingProxyType:
        return MappingProxyType({p.id: p for p in self.projects})

    @cached_property
    def facts_by_id(self) -> MappingProxyType:
        """project id -> its facts (no record is built)."""
        return MappingProxyType({f.id: f for f in self.project_facts})

    @cached_property
    def project_ids(self) -> frozenset:
        return frozenset(f.id for f in self.project_facts)

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
        return tuple(sorted({y for f in self.project_facts for y in f.plan_units}))

    def leaders_of(self, pid: str) -> tuple[str, ...]:
        """The leaders (包靠领导) of a project: of every card that lists it, in card order."""
        return tuple(dict.fromkeys(c.leader for c in self.cards_by_project.get(pid, ())))

    def units_of(self, pid: str) -> tuple[str, ...]:
        """The responsible units (责任单位) of a project: of every card that lists it, in card order."""
        return tuple(dict.fromkeys(c.unit for c in self.cards_by_project.get(pid, ())))
