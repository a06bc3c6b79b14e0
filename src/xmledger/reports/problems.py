"""`issues`: the problem list (问题清单), most urgent first, and `issues --stats`."""

from __future__ import annotations

from ..metrics import figures as m
from ..metrics.figures import IssueFigures
from ..metrics.problems import IssueFilters, issue_list, issue_stats
from ..metrics.views import IssueView
from .base import Column, Report, ReportContext, Table, calendar_note, report, with_notes

ISSUE_COLUMNS = [Column("id"), Column("project"), Column("category", "code", prefix="cat_"), Column("title"),
                 Column("raised", "date"), Column("due", "date"), Column("status", "code", prefix="issue_"),
                 Column("resolved", "date"), Column("overdue_days", "int"), Column("escalation", "int")]


def issue_row(v: IssueView) -> list:
    q = v.issue
    return [q.id, q.project, q.category, q.title, q.raised, v.due, v.status,
            q.resolved if v.resolved else None, v.overdue_days if v.overdue else None, v.level or None]


LIST_COLUMNS = [*ISSUE_COLUMNS[:4], Column("difficulty", "code", prefix="difficulty_"), Column("assignee_unit"),
                Column("assignee_person"), *ISSUE_COLUMNS[4:], Column("flag", "code", prefix="flag_")]


def issues(ctx: ReportContext, chosen: IssueFilters, *, views: list | None = None) -> Report:
    """`views`: issue_views of the context, when the caller has them already (the workbook)."""
    rows = []
    views = issue_list(ctx.ledger, ctx.period, ctx.filters, chosen, views)
    for v in views:
        base, q = issue_row(v), v.issue
        rows.append([*base[:4], q.difficulty, q.assignee_unit, q.assignee_person, *base[4:],
                     "plan_overdue" if v.plan_overdue else None])
    return with_notes(report(ctx, "issues", ctx.words("report.issues"), [Table("issues", None, LIST_COLUMNS, rows)]),
                      calendar_note(ctx, views))


STATS_COLUMNS = [Column("key"), Column("issues_raised", "int"), Column("issues_resolved", "int"),
                 Column("resolution_rate", "rate"), Column("issues_overdue", "int"),
                 Column("issues_resolved_late", "int"), Column("avg_working_days", "decimal")]


CATEGORY_COLUMNS = [Column("key", "code", prefix="cat_"), *STATS_COLUMNS[1:]]  # machines get the code: land


def stats_row(key: str, f: IssueFigures) -> list:
    return [key, f.raised, f.resolved, f.resolution_rate, f.overdue, f.resolved_late, f.avg_working_days]


def issue_statistics(ctx: ReportContext, chosen: IssueFilters) -> Report:
    """Counts and rates of the problems counted for Y (SPEC §5.5), by assignee unit, category and level."""
    scope = m.evaluate(ctx.ledger, ctx.period, ctx.filters)
    stats = issue_stats(scope, chosen)
    level_names = {0: ctx.words("level.none")}
    level_names.update({i: f"{i} {n}" for i, n in enumerate(ctx.ledger.settings.escalation_levels, 1)})
    total = ctx.words("total")
    blocks = [
        Table("total", total, STATS_COLUMNS, [stats_row(total, stats.total)]),
        Table("by_unit", ctx.words("table.by_assignee_unit"), STATS_COLUMNS,
              [stats_row(ctx.words("unit.none") if k is None else k, f) for k, f in stats.by_unit]),
        Table("by_category", ctx.words("table.by_category"), CATEGORY_COLUMNS,
              [stats_row(k, f) for k, f in stats.by_category]),
        Table("by_level", ctx.words("table.by_level"), STATS_COLUMNS,
              [stats_row(level_names.get(k, str(k)), f) for k, f in stats.by_level]),
    ]
    return with_notes(report(ctx, "issue-stats", ctx.words("report.issue_stats"), blocks),
                      calendar_note(ctx, scope.all_issues))
