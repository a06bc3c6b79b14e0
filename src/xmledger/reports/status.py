"""`status`: the headline figures of SPEC §5, and a row per group with --by."""

from __future__ import annotations

from ..metrics import figures as m
from ..metrics.groups import groups
from .base import Cell, Column, Report, ReportContext, Table, calendar_note, group_label, meta, report, with_notes

#: the figures of SPEC §6.2 and how each is shown; the json document keeps these names
FIGURE_KINDS = {
    "projects": "int", "total_investment": "amount", "annual_plan": "amount",
    "started": "int", "start_rate": "rate", "continuing": "int", "new_projects": "int", "new_started": "int",
    "new_start_rate": "rate", "late_start": "int", "completed": "int", "completing": "int",
    "completing_done": "int", "completion_project_rate": "rate", "completed_ytd": "amount",
    "plan_completion_rate": "rate", "cumulative": "amount", "cumulative_rate": "rate",
    "planned_to_date": "amount", "time_elapsed": "rate", "ahead_of_time_pp": "pp",
    "on_schedule": "int", "on_schedule_rate": "rate",
}
ISSUE_KINDS = {"raised": "int", "resolved": "int", "closed": "int", "overdue": "int", "resolved_late": "int",
               "resolution_rate": "rate", "avg_working_days": "decimal"}


def figures_json(f: m.Figures) -> dict:
    """SPEC §6.2: amounts as decimal strings in the ledger unit, rates as numbers."""
    from .cells import machine

    doc = {k: machine(getattr(f, k), kind) for k, kind in FIGURE_KINDS.items()}
    doc["lights"] = dict(f.lights)
    doc["double_half"] = {"reached_month": f.reached_month, "months_ahead": f.months_ahead}
    doc["four_batches"] = dict(f.four_batches)
    doc["issues"] = {k: machine(getattr(f.issues, k), kind) for k, kind in ISSUE_KINDS.items()}
    doc["yoy"] = None if f.yoy is None else {
        "year": f.yoy["year"], "as_of": f.yoy["as_of"].isoformat(),
        "start_rate_pp": machine(f.yoy["start_rate_pp"], "pp"),
        "completed_ytd_growth": machine(f.yoy["completed_ytd_growth"], "growth"),
    }
    return doc


def figure_rows(f: m.Figures) -> list[list]:
    """(name, value) of every figure; names of nested figures are their path in the json document."""
    rows = [[k, Cell(getattr(f, k), kind)] for k, kind in FIGURE_KINDS.items()]
    rows += [[f"lights.{k}", Cell(f.lights[k], "int")] for k in ("green", "yellow", "red")]
    rows += [["double_half.reached_month", Cell(f.reached_month, "int")],
             ["double_half.months_ahead", Cell(f.months_ahead, "int")]]
    rows += [[f"four_batches.{k}", Cell(v, "int")] for k, v in f.four_batches.items()
             if k in ("planning", "reserve", "starting")]
    rows += [[f"issues.{k}", Cell(getattr(f.issues, k), kind)] for k, kind in ISSUE_KINDS.items()]
    if f.yoy is not None:
        rows += [["yoy.start_rate_pp", Cell(f.yoy["start_rate_pp"], "pp")],
                 ["yoy.completed_ytd_growth", Cell(f.yoy["completed_ytd_growth"], "growth")]]
    return rows


GROUP_COLUMNS = [
    Column("projects", "int"), Column("started", "int"), Column("start_rate", "rate"),
    Column("annual_plan", "amount"), Column("completed_ytd", "amount"), Column("plan_completion_rate", "rate"),
    Column("on_schedule_rate", "rate"), Column("green", "int"), Column("yellow", "int"), Column("red", "int"),
    Column("issues_raised", "int"), Column("resolution_rate", "rate"), Column("issues_overdue", "int"),
]


def group_row(key: str, f: m.Figures) -> list:
    return [key, f.projects, f.started, f.start_rate, f.annual_plan, f.completed_ytd, f.plan_completion_rate,
            f.on_schedule_rate, f.lights["green"], f.lights["yellow"], f.lights["red"], f.issues.raised,
            f.issues.resolution_rate, f.issues.overdue]


def status(ctx: ReportContext, by: str | None = None, *, scope: m.Scope | None = None) -> Report:
    scope = scope or m.evaluate(ctx.ledger, ctx.period, ctx.filters)
    f = m.figures(scope)
    data = {**meta(ctx), **figures_json(f)}
    blocks = [Table("figures", None, [Column("figure", "label"), Column("value", "cell")], figure_rows(f))]
    if by:
        grouped = [(g.key, m.figures(g.scope)) for g in groups(scope, by)]
        data["groups"] = [{"key": k, **figures_json(gf)} for k, gf in grouped]
        blocks.append(Table("groups", ctx.words("table.by_group", by=ctx.label(by)),
                            [Column("key", "text", by), *GROUP_COLUMNS],
                            [group_row(group_label(ctx, k, by), gf) for k, gf in grouped]))
    return with_notes(report(ctx, "status", ctx.words("report.status"), blocks, data),
                      calendar_note(ctx, scope.all_issues))


def total_and_groups(ctx: ReportContext, scope: m.Scope, by: str) -> list[tuple[str, m.Figures]]:
    """(label, figures) of the whole scope (合计) and then of each group of `by`."""
    out = [(ctx.words("total"), m.figures(scope, with_yoy=False))]
    out += [(group_label(ctx, g.key, by), m.figures(g.scope, with_yoy=False)) for g in groups(scope, by)]
    return out
