"""`leaders`: one row per responsibility card (包靠), or per leader or unit: projects, starts, plan completion,
lights, open and overdue problems, site visits against those owed, and the five duties (五包)."""

from __future__ import annotations

from ..core import records as r
from ..metrics import figures as m
from ..metrics.people import LeaderRow, leader_rows
from ..metrics.problems import issue_views
from .base import Column, Report, ReportContext, Table, report

FIGURE_COLUMNS = [Column("projects", "int"), Column("started", "int"), Column("start_rate", "rate"),
                  Column("plan_completion_rate", "rate"), Column("green", "int"), Column("yellow", "int"),
                  Column("red", "int"), Column("open_issues", "int"), Column("overdue_issues", "int"),
                  Column("visits_4w", "int"), Column("visits_required", "int"),
                  Column("visits_status", "code", prefix="visits_"), Column("duties")]
HEAD_COLUMNS = {
    None: [Column("card"), Column("leader"), Column("leader_title"), Column("unit"), Column("person")],
    "leader": [Column("leader"), Column("unit")],
    "unit": [Column("unit"), Column("leader")],
}


def head_cells(by: str | None, row: LeaderRow) -> list:
    if by is None:
        c = row.cards[0]
        return [c.id, c.leader, c.leader_title, c.unit, c.person]
    return [row.key, row.distinct("unit" if by == "leader" else "leader")]


def duty_words(ctx: ReportContext, duties: tuple[str, ...]) -> str:
    if duties == r.DUTIES:
        return ctx.label("duties_all")
    return ("、" if ctx.lang == "zh" else ", ").join(ctx.label(f"duty_{d}") for d in duties)


def leaders(ctx: ReportContext, by: str | None = None, *, scope: m.Scope | None = None,
            views: list | None = None) -> Report:
    """`scope` and `views` (issue_views of the context), when the caller has them already (the workbook)."""
    scope = scope or m.evaluate(ctx.ledger, ctx.period, ctx.filters)
    rows = []
    views = issue_views(ctx.ledger, ctx.period, ctx.filters) if views is None else views
    for row in leader_rows(scope, by, views):
        f = row.figures
        rows.append(head_cells(by, row) + [
            f.projects, f.started, f.start_rate, f.plan_completion_rate, f.lights["green"], f.lights["yellow"],
            f.lights["red"], row.open_issues, row.overdue_issues, row.visits, row.visits_required,
            "ok" if row.visits_ok else "short", duty_words(ctx, row.duties)])
    what = {None: "report.cards", "leader": "report.leaders", "unit": "report.units"}[by]
    return report(ctx, "leaders", ctx.words(what), [Table("leaders", None, HEAD_COLUMNS[by] + FIGURE_COLUMNS, rows)])
