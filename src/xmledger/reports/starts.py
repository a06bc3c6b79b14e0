"""`starts`: start rates (开工率) by group, the late-start projects and those whose start is not yet due."""

from __future__ import annotations

from ..metrics import figures as m
from .base import Column, Report, ReportContext, Table, report
from .status import total_and_groups


def starts(ctx: ReportContext, by: str = "category") -> Report:
    scope = m.evaluate(ctx.ledger, ctx.period, ctx.filters)
    ledger = ctx.ledger
    columns = [Column("key", "text", by), Column("projects", "int"), Column("started", "int"),
               Column("start_rate", "rate"), Column("continuing", "int"), Column("new_projects", "int"),
               Column("new_started", "int"), Column("new_start_rate", "rate"), Column("late_start", "int")]
    rows = [[key, f.projects, f.started, f.start_rate, f.continuing, f.new_projects, f.new_started,
             f.new_start_rate, f.late_start] for key, f in total_and_groups(ctx, scope, by)]
    late = sorted((v for v in scope.views if v.late_start_days is not None), key=lambda v: (-v.late_start_days, v.id))
    waiting = [v for v in scope.views if not v.started and v.late_start_days is None]
    person = [Column("id"), Column("name"), Column("location"), Column("start_planned", "date")]
    who = [Column("leader", "text"), Column("unit", "text")]
    blocks = [
        Table("groups", ctx.words("table.starts_by", by=ctx.label(by)), columns, rows),
        Table("late_start", ctx.words("table.late_starts"), person + [Column("days_late", "int")] + who,
              [[v.id, v.project.name, v.project.location, v.project.start.planned, v.late_start_days,
                ledger.leaders_of(v.id), ledger.units_of(v.id)] for v in late]),
        Table("not_started", ctx.words("table.not_started"), person + who,
              [[v.id, v.project.name, v.project.location, v.project.start.planned,
                ledger.leaders_of(v.id), ledger.units_of(v.id)] for v in waiting]),
    ]
    return report(ctx, "starts", ctx.words("report.starts"), blocks)
