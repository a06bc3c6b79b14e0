"""The responsibility system (包靠, seeds 000 and 002): each tracking card answers for its projects,
carries the five duties (五包) and owes weekly site visits."""

from __future__ import annotations

import datetime
from typing import Iterable, NamedTuple

from ..core import records as r
from .figures import Figures, Scope, figures


def recent_visits(cards: Iterable[r.Responsibility], d: datetime.date) -> int:
    """Distinct site visits in the 4 weeks up to D: d-27 .. d (a visit written twice counts once)."""
    since = d - datetime.timedelta(days=27)
    return len({(c.leader, v.date, v.project) for c in cards for v in c.visits if since <= v.date <= d})


class LeaderRow(NamedTuple):
    """The figures of the projects of some cards (one card, one leader's or one unit's)."""

    key: str  # card id, leader or unit
    cards: tuple[r.Responsibility, ...]
    figures: Figures
    open_issues: int
    overdue_issues: int
    visits: int  # in the last 4 weeks
    visits_required: int  # visits.per_week x 4 per distinct leader
    duties: tuple[str, ...]  # the duties (五包) any of the cards carries, in their fixed order

    @property
    def visits_ok(self) -> bool:
        return self.visits >= self.visits_required

    def distinct(self, attr: str) -> tuple:
        return tuple(dict.fromkeys(getattr(c, attr) for c in self.cards))


def by_projects(scope: Scope):
    """A function ids -> scope.subset(p.id in ids), through indexes of the scope made once (a province has
    thousands of cards: a pass over every project and problem per card took most of a minute)."""
    def index(views) -> dict[str, list]:
        out: dict[str, list] = {}
        for iv in views:
            out.setdefault(iv.issue.project, []).append(iv)
        return out

    issues_of, all_of = index(scope.issues), index(scope.all_issues)
    views = {v.id: v for v in scope.views}
    pools = {p.id: p for p in scope.pool_projects}

    def part(ids: set[str]) -> Scope:
        chosen = [i for i in sorted(ids) if i in views]  # views, problems and pools are in id order
        by_id = lambda iv: iv.id  # noqa: E731
        return scope._replace(
            views=tuple(views[i] for i in chosen),
            issues=tuple(sorted((iv for i in chosen for iv in issues_of.get(i, ())), key=by_id)),
            all_issues=tuple(sorted((iv for i in chosen for iv in all_of.get(i, ())), key=by_id)),
            pool_projects=tuple(pools[i] for i in sorted(ids) if i in pools), keep=lambda p: p.id in ids)

    return part


def leader_rows(scope: Scope, by: str | None) -> list[LeaderRow]:
    """One row per card that lists a project of the scope, or per leader or unit (`by`). Open and overdue
    problems are those of the scope's projects (on Y's list), raised by D in any year (SPEC §5.5)."""
    ledger, d = scope.ledger, scope.period.as_of
    listed = {v.id for v in scope.views}
    grouped: dict[str, list] = {}
    for c in ledger.responsibilities:
        if any(pid in listed for pid in c.projects):
            grouped.setdefault(c.id if by is None else getattr(c, by), []).append(c)
    open_of: dict[str, list] = {}
    for v in scope.open_issues:
        open_of.setdefault(v.issue.project, []).append(v)
    per_week = ledger.settings.visits_per_week
    part = by_projects(scope)
    rows = []
    for key, cards in sorted(grouped.items()):
        ids = {pid for c in cards for pid in c.projects}
        mine = [v for pid in ids for v in open_of.get(pid, ())]
        rows.append(LeaderRow(key, tuple(cards), figures(part(ids), with_yoy=False),
                              len(mine), sum(v.overdue for v in mine), recent_visits(cards, d),
                              per_week * 4 * len({c.leader for c in cards}),
                              tuple(x for x in r.DUTIES if any(x in c.duties for c in cards))))
    return rows


def open_issue_counts(scope: Scope) -> dict[str, int]:
    """Problems open at D (of any year), per project of the scope."""
    out: dict[str, int] = {}
    for v in scope.open_issues:
        out[v.issue.project] = out.get(v.issue.project, 0) + 1
    return out


def open_issues_of(scope: Scope) -> dict[str, tuple[r.Issue, ...]]:
    """Problems open at D (of any year), per project of the scope, in id order (存在问题 of the progress sheet)."""
    out: dict[str, list] = {}
    for v in scope.open_issues:
        out.setdefault(v.issue.project, []).append(v.issue)
    return {k: tuple(v) for k, v in out.items()}
