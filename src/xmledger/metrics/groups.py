"""Groups of a scope (SPEC §5.6): by level, category, location, responsible unit or leader.

A project belongs to the unit and leader groups of every card that lists it,
and to the location, category and level groups of its own fields. Groups are
ordered as the ledger orders them (levels; `categories` and `locations` of
ledger.yaml), else by name; projects without a value form a last group (None).
"""

from __future__ import annotations

from typing import NamedTuple

from ..core import records as r
from .figures import Scope
from .filters import GROUPINGS, group_keys


class Group(NamedTuple):
    key: str | None
    scope: Scope


def group_order(scope: Scope, by: str) -> tuple[str, ...]:
    s = scope.ledger.settings
    return {"level": r.LEVELS, "category": s.categories or (), "location": s.locations or ()}.get(by, ())


def groups(scope: Scope, by: str) -> list[Group]:
    """One scope per group of `by` (a project may sit in several unit or leader groups)."""
    if by not in GROUPINGS:
        raise ValueError(f"cannot group by {by}")
    cards = scope.ledger.cards_by_project

    def keys_of(p: r.Project) -> list[str | None]:
        return group_keys(by, p, cards.get(p.id, ()))

    # One pass over the views, the problems and the pools, each put into its groups: the same scopes as
    # scope.subset(k in keys_of(p)) for each group, in the same order, without a pass over all per group (a
    # province has hundreds of units and tens of thousands of projects).
    views: dict = {}
    keys_by_id: dict = {}
    for v in scope.views:  # groups of the list; pools count inside them
        keys_by_id[v.id] = ks = keys_of(v.project)
        for k in ks:
            views.setdefault(k, []).append(v)
    issues: dict = {}
    for iv in scope.issues:
        for k in keys_by_id.get(iv.issue.project, ()):
            issues.setdefault(k, []).append(iv)
    all_issues: dict = {}
    for iv in scope.all_issues:
        for k in keys_by_id.get(iv.issue.project, ()):
            all_issues.setdefault(k, []).append(iv)
    pools: dict = {}
    for p in scope.pool_projects:
        for k in keys_of(p):
            pools.setdefault(k, []).append(p)
    rank = {key: i for i, key in enumerate(group_order(scope, by))}
    ordered = sorted(views, key=lambda k: (k is None, rank.get(k, len(rank)), k or ""))
    return [Group(k, scope._replace(views=tuple(views[k]), issues=tuple(issues.get(k, ())),
                                    all_issues=tuple(all_issues.get(k, ())), pool_projects=tuple(pools.get(k, ())),
                                    keep=lambda p, k=k: k in keys_of(p)))
            for k in ordered]


def category_counts(scope: Scope) -> list[tuple[str, int]]:
    """Projects per category, in the ledger's category order (else by count, then name)."""
    counts: dict[str, int] = {}
    for v in scope.views:
        counts[v.project.category] = counts.get(v.project.category, 0) + 1
    order = group_order(scope, "category")
    keys = sorted(counts, key=lambda c: (order.index(c) if c in order else len(order), -counts[c], c))
    return [(k, counts[k]) for k in keys]
