"""`rank`: the ranking (排名) of units, places or leaders by the weighted score of ledger.yaml, with the
red and black lists (红榜, 黑榜)."""

from __future__ import annotations

from ..metrics import figures as m
from ..metrics.ranking import rank
from .base import Column, Report, ReportContext, Table, group_label, report


def rank_columns(by: str) -> list[Column]:
    return [Column("rank", "int"), Column("key", "text", by), Column("score", "score"), Column("start_rate", "rate"),
            Column("plan_completion_rate", "rate"), Column("on_schedule_rate", "rate"),
            Column("resolution_rate", "rate"), Column("projects", "int")]


def ranking(ctx: ReportContext, by: str, top: int | None = None, bottom: int | None = None, *,
            scope: m.Scope | None = None) -> Report:
    rows, ungrouped = rank(scope or m.evaluate(ctx.ledger, ctx.period, ctx.filters), by)

    def table(key, title, part):
        return Table(key, title, rank_columns(by),
                     [[x.rank, group_label(ctx, x.key, by), x.score, x.start_rate, x.plan_completion_rate,
                       x.on_schedule_rate, x.resolution_rate, x.projects] for x in part])

    sep = "，" if ctx.lang == "zh" else ", "
    weights = sep.join(f"{ctx.label(k)}×{w}" for k, w in ctx.ledger.settings.weights)
    blocks = []
    if top is None and bottom is None:
        blocks.append(table("ranking", ctx.words("table.score", weights=weights), rows))
    if top is not None:
        blocks.append(table("top", ctx.words("table.top", n=top), rows[:top]))
    if bottom is not None:
        blocks.append(table("bottom", ctx.words("table.bottom", n=bottom), rows[-bottom:] if bottom else []))
    out = report(ctx, "rank", ctx.words("report.rank", by=ctx.label(by)), blocks)
    if ungrouped:
        out = out._replace(notes=out.notes + (ctx.words("note.not_ranked", n=ungrouped, by=ctx.label(by)),))
    return out
