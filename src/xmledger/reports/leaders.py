"""`leaders`: one row per responsibility card (包靠), or per leader or unit: projects, starts, plan completion,
lights, open and overdue problems, site visits against those owed, and the five duties (五包)."""

from __future__ import annotations

from ..metrics import figures as m
from ..metrics.people import LeaderRow, leader_rows
from .base import Column, Report, ReportContext, Table, calendar_note, report, with_notes

FIGURE_COLUMNS = [Column("projects", "int"), Column("started", "int"), Column("start_rate", "rate"),
                  Column("plan_completion_rate", "rate"), Column("green", "int"), Column("yellow", "int"),
                  Column("red", "int"), Column("open_issues", "int"), Column("overdue_issues", "int"),
                  Column("visits_4w", "int"), Column("visits_required", "int"),
                  Column("visits_status", "code", prefix="visits_"), Column("duties", "duties")]
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


def leaders(ctx: ReportContext, by: str | None = None, *, scope: m.Scope | None = None) -> Report:
    """`scope`: the context's, when the caller has it already (the workbook)."""
    scope = scope or m.evaluate(ctx.ledger, ctx.period, ctx.filters)
    rows = []
    for row in leader_rows(scope, by):
        f = row.figures
        rows.append(head_cells(by, row) + [
            f.projects, f.started, f.start_rate, f.plan_completion_rate, f.lights["green"], f.lights["yellow"],
            f.lights["red"], row.open_issues, row.overdue_issues, row.visits, row.visits_required,
            "ok" if row.visits_ok else "short", row.duties])
    what = {None: "report.cards", "leader": "report.leaders", "unit": "report.units"}[by]
    out = report(ctx, "leaders", ctx.words(what), [Table("leaders", None, HEAD_COLUMNS[by] + FIGURE_COLUMNS, rows)])
    return with_notes(out, calendar_note(ctx, scope.all_issues))
