"""`completion`: plan completion (计划完成率) by group, cumulative completed against plan by month, 双过半."""

from __future__ import annotations

from ..metrics import figures as m
from .base import Cell, Column, Report, ReportContext, Table, report
from .page import cumulative_chart
from .status import total_and_groups


def completion(ctx: ReportContext, by: str = "category", chart: bool = False) -> Report:
    """Plan completion by group, the months 1-12 (with `chart`, also drawn: cumulative completed against the
    cumulative plan), and 双过半."""
    scope = m.evaluate(ctx.ledger, ctx.period, ctx.filters)
    columns = [Column("key", "text", by), Column("projects", "int"), Column("annual_plan", "amount"),
               Column("planned_to_date", "amount"), Column("completed_ytd", "amount"),
               Column("plan_completion_rate", "rate"), Column("ahead_of_time_pp", "pp"),
               Column("cumulative", "amount"), Column("on_schedule_rate", "rate")]
    rows = [[key, f.projects, f.annual_plan, f.planned_to_date, f.completed_ytd, f.plan_completion_rate,
             f.ahead_of_time_pp, f.cumulative, f.on_schedule_rate] for key, f in total_and_groups(ctx, scope, by)]
    total = m.figures(scope, with_yoy=False)
    blocks = [Table("groups", ctx.words("table.completion_by", by=ctx.label(by)), columns, rows),
              Table("months", ctx.words("table.months"),
                    [Column("month", "int"), Column("invested", "amount"), Column("cum_completed", "amount"),
                     Column("cum_planned", "amount"), Column("cum_rate", "rate")],
                    [list(row) for row in m.cumulative_by_month(scope)]),
              *([cumulative_chart(ctx, scope)] if chart else []),
              Table("double_half", ctx.words("table.double_half"),
                    [Column("figure", "label"), Column("value", "cell")],
                    [["reached_month", Cell(total.reached_month, "int")],
                     ["months_ahead", Cell(total.months_ahead, "int")],
                     ["time_elapsed", Cell(total.time_elapsed, "rate")],
                     ["plan_completion_rate", Cell(total.plan_completion_rate, "rate")]])]
    return report(ctx, "completion", ctx.words("report.completion"), blocks)
