"""`progress`: one row per project on the list: this month, year to date, cumulative, plan to date, light,
start status, leader and open problems."""

from __future__ import annotations

from ..metrics import figures as m
from ..metrics.people import open_issue_counts
from .base import Column, Report, ReportContext, Table, report

PROGRESS_COLUMNS = [
    Column("id"), Column("name"), Column("this_month", "amount"), Column("completed_ytd", "amount"),
    Column("ytd_rate", "rate"), Column("annual", "amount"), Column("cumulative", "amount"),
    Column("cumulative_of_total", "rate"), Column("planned_to_date", "amount"), Column("light", "light"),
    Column("start_status", "code", prefix="status_"), Column("leader"), Column("open_issues", "int"),
]


def progress(ctx: ReportContext) -> Report:
    scope = m.evaluate(ctx.ledger, ctx.period, ctx.filters)
    open_counts = open_issue_counts(scope)
    rows = [[v.id, v.project.name, v.this_month, v.completed_ytd, v.ytd_rate, v.annual, v.cumulative,
             v.cumulative_rate, v.planned_to_date, v.light, v.start_status, ctx.ledger.leaders_of(v.id),
             open_counts.get(v.id, 0)] for v in scope.views]
    return report(ctx, "progress", ctx.words("report.progress"), [Table("projects", None, PROGRESS_COLUMNS, rows)])
