"""`show ID`: everything about one project: its card, plan against progress by month, responsibility, problems."""

from __future__ import annotations

from ..metrics.views import project_months, project_view, views_of_issues, work_calendar
from .base import Cell, Column, Report, ReportContext, Table, calendar_note, report, with_notes
from .problems import ISSUE_COLUMNS, issue_row

FIELD_COLUMNS = [Column("figure", "label"), Column("value", "cell")]


def show(ctx: ReportContext, pid: str) -> Report:
    ledger, period = ctx.ledger, ctx.period
    p = ledger.project_by_id[pid]
    fields = [["id", Cell(p.id, "text")], ["name", Cell(p.name, "text")], ["level", Cell(p.level, "label")],
              ["category", Cell(p.category, "text")], ["owner", Cell(p.owner, "text")],
              ["location", Cell(p.location, "text")],
              ["nature", Cell(p.nature, "code", "nature_")], ["content", Cell(p.content, "text")],
              ["land_mu", Cell(p.land_mu, "decimal")], ["total_investment", Cell(p.total_investment, "amount")],
              ["prior_investment", Cell(p.prior_investment, "amount")], ["introduced", Cell(p.introduced, "text")],
              ["pool", Cell(p.pool, "code", "pool_")], ["tags", Cell(p.tags, "text")],
              ["start_planned", Cell(p.start.planned, "date")], ["start_actual", Cell(p.start.actual, "date")],
              ["completion_planned", Cell(p.completion.planned, "date")],
              ["completion_actual", Cell(p.completion.actual, "date")],
              ["operation_planned", Cell(p.operation.planned, "date")],
              ["operation_actual", Cell(p.operation.actual, "date")]]
    blocks = [Table("project", None, FIELD_COLUMNS, fields)]
    if period.year in p.plans:
        v = project_view(ledger.facts_by_id[pid], period, ledger.settings)
        fields.extend([
            ["annual", Cell(v.annual, "amount")], ["planned_to_date", Cell(v.planned_to_date, "amount")],
            ["completed_ytd", Cell(v.completed_ytd, "amount")], ["ytd_rate", Cell(v.ytd_rate, "rate")],
            ["cumulative", Cell(v.cumulative, "amount")], ["cumulative_of_total", Cell(v.cumulative_rate, "rate")],
            ["light", Cell(v.light, "light")], ["start_status", Cell(v.start_status, "code", "status_")]])
        blocks.append(Table("months", ctx.words("table.project_months", year=period.year),
                            [Column("month", "int"), Column("planned", "amount"), Column("invested", "amount"),
                             Column("cum_planned", "amount"), Column("cum_completed", "amount"), Column("note")],
                            [list(row) for row in project_months(p, period)]))
    if p.milestones:
        blocks.append(Table("milestones", ctx.words("table.milestones"),
                            [Column("milestone"), Column("planned", "date"), Column("actual", "date")],
                            [[ms.name, ms.planned, ms.actual] for ms in p.milestones]))
    cards = ledger.cards_by_project.get(pid, ())
    blocks.append(Table("responsibilities", ctx.words("table.responsibility"),
                        [Column("id"), Column("leader"), Column("unit"), Column("person"), Column("deputy")],
                        [[c.id, f"{c.leader}（{c.leader_title}）" if c.leader_title else c.leader, c.unit, c.person,
                          c.deputy] for c in cards]))
    cal = work_calendar(ledger.settings)
    views = views_of_issues(ledger.issue_facts, period.day, ledger.settings, cal, {pid})
    blocks.append(Table("issues", ctx.words("table.problems"), ISSUE_COLUMNS, [issue_row(iv) for iv in views]))
    return with_notes(report(ctx, "show", ctx.words("report.show", id=pid), blocks), calendar_note(ctx, views))
