"""Ranking (排名) of groups by a weighted score (SPEC §5.6): red and black lists.

score = Σ weight × component, with the ledger's weights (default start rate
0.25, plan completion 0.35, on-schedule rate 0.2, resolution rate 0.2). Plan
completion counts at most 1.0, so over-reporting one project cannot buy a
group's place; a group with no problems counts a resolution rate of 1.0.
Ties go to the higher plan completion rate, then to the name.
"""

from __future__ import annotations

from decimal import Decimal
from typing import NamedTuple

from . import figures as m
from .groups import groups

ONE = Decimal(1)


class RankRow(NamedTuple):
    rank: int
    key: str
    score: Decimal
    start_rate: Decimal
    plan_completion_rate: Decimal | None  # uncapped, as reported elsewhere
    on_schedule_rate: Decimal
    resolution_rate: Decimal | None  # None: no problems (counted as 1.0)
    projects: int
    figures: m.Figures


def components(f: m.Figures) -> dict[str, Decimal]:
    """The four scored metrics of a group, as they enter the score."""
    return {
        "start_rate": f.start_rate or m.ZERO,
        "plan_completion_rate": min(f.plan_completion_rate or m.ZERO, ONE),
        "on_schedule_rate": f.on_schedule_rate or m.ZERO,
        "resolution_rate": ONE if f.issues.resolution_rate is None else f.issues.resolution_rate,
    }


def score(f: m.Figures, weights) -> Decimal:
    parts = components(f)
    return sum((w * parts[name] for name, w in weights), m.ZERO)


def rank(scope: m.Scope, by: str) -> tuple[list[RankRow], int]:
    """Groups of `by`, best first; and how many projects sit in no group (no card, no location)."""
    weights = scope.ledger.settings.weights
    scored = []
    ungrouped = 0
    for g in groups(scope, by):
        f = m.figures(g.scope, with_yoy=False)
        if g.key is None:
            ungrouped = f.projects
            continue
        scored.append((score(f, weights), f.plan_completion_rate or m.ZERO, g.key, f))
    scored.sort(key=lambda item: (-item[0], -item[1], item[2]))
    rows = [RankRow(i, key, s, f.start_rate, f.plan_completion_rate, f.on_schedule_rate,
                    f.issues.resolution_rate, f.projects, f)
            for i, (s, _, key, f) in enumerate(scored, 1)]
    return rows, ungrouped
