"""The page of `export html` and `summary --format html`: the circular, the headline figures and four charts.

Charts (reports/charts.py), each from `metrics`:
  cumulative  completed investment against the plan, cumulatively by month, with the 序时进度 line
  starts      start rate by category
  lights      green, yellow and red projects by location (stacked)
  problems    problems raised and resolved by month (this year's problems)
"""

from __future__ import annotations

import calendar

from ..metrics import figures as m
from ..metrics.groups import groups
from ..metrics.problems import problems_by_month
from .base import Cell, Column, Paragraphs, Report, ReportContext, Table, group_label, meta
from .charts import Chart, Series
from .circular import paragraphs

HEADLINE = [("projects", "int"), ("total_investment", "amount"), ("annual_plan", "amount"), ("started", "int"),
            ("start_rate", "rate"), ("completed_ytd", "amount"), ("plan_completion_rate", "rate"),
            ("time_elapsed", "rate"), ("ahead_of_time_pp", "pp"), ("on_schedule_rate", "rate")]


def month_label(ctx: ReportContext, month: int) -> str:
    return ctx.words("chart.month", m=month, month=calendar.month_abbr[month])


def cumulative_chart(ctx: ReportContext, scope: m.Scope) -> Chart:
    rows = m.cumulative_by_month(scope)
    return Chart("cumulative", ctx.words("chart.cumulative", unit=ctx.unit), "line",
                 [month_label(ctx, r.month) for r in rows],
                 [Series("cum_planned", ctx.label("chart.cum_planned"), [r.cum_planned for r in rows]),
                  Series("time", ctx.label("chart.time_line"), m.time_schedule(scope)),
                  Series("cum_completed", ctx.label("chart.cum_completed"), [r.cum_completed for r in rows])],
                 "amount")


def starts_chart(ctx: ReportContext, scope: m.Scope, by: str = "category") -> Chart:
    parts = [(group_label(ctx, g.key, by), m.figures(g.scope, with_yoy=False)) for g in groups(scope, by)]
    return Chart("starts", ctx.words("chart.starts_by", by=ctx.label(by)), "bars", [k for k, _ in parts],
                 [Series("start_rate", ctx.label("chart.start_rate"), [f.start_rate for _, f in parts])], "rate")


def lights_chart(ctx: ReportContext, scope: m.Scope, by: str = "location") -> Chart:
    parts = [(group_label(ctx, g.key, by), m.figures(g.scope, with_yoy=False)) for g in groups(scope, by)]
    return Chart("lights", ctx.words("chart.lights_by", by=ctx.label(by)), "stacked", [k for k, _ in parts],
                 [Series(light, ctx.label(light), [f.lights[light] for _, f in parts])
                  for light in ("green", "yellow", "red")], "int")


def problems_chart(ctx: ReportContext, scope: m.Scope) -> Chart:
    months = problems_by_month(scope)
    return Chart("problems", ctx.words("chart.problems"), "columns", [month_label(ctx, x.month) for x in months],
                 [Series("raised", ctx.label("chart.raised"), [x.raised for x in months]),
                  Series("resolved", ctx.label("chart.resolved"), [x.resolved for x in months])], "int")


def charts(ctx: ReportContext, scope: m.Scope) -> list[Chart]:
    return [cumulative_chart(ctx, scope), starts_chart(ctx, scope), lights_chart(ctx, scope),
            problems_chart(ctx, scope)]


def page(ctx: ReportContext) -> Report:
    """The circular's title and text, a table of the headline figures, and the charts."""
    (title, *texts), f = paragraphs(ctx)
    scope = m.evaluate(ctx.ledger, ctx.period, ctx.filters)
    figures = Table("figures", ctx.words("page.figures"), [Column("figure", "label"), Column("value", "cell")],
                    [[k, Cell(getattr(f, k), kind)] for k, kind in HEADLINE]
                    + [[f"lights.{k}", Cell(f.lights[k], "int")] for k in ("green", "yellow", "red")]
                    + [["issues.raised", Cell(f.issues.raised, "int")],
                       ["issues.resolution_rate", Cell(f.issues.resolution_rate, "rate")],
                       ["issues.overdue", Cell(f.issues.overdue, "int")]])
    return Report("summary", title, [Paragraphs("paragraphs", texts), figures, *charts(ctx, scope)], None, (),
                  meta(ctx), ctx.lang)
