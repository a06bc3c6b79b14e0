"""`diff`: what changed between two states of the ledger, labelled (metrics.diff computes it).

Blocks, in every format: the headline figures side by side with their change,
the projects that changed, the investment reported in between, the problems
that changed and, when asked, every changed record field by field. json gets one
document with both states, the totals of the investment and the same lists.
"""

from __future__ import annotations

from ..metrics.diff import LedgerDiff, State, diff as compute
from .base import Cell, Column, Report, ReportContext, Table
from .cells import human, machine, to_json

FIGURES = [Column("figure", "label"), Column("before", "cell"), Column("after", "cell"), Column("change", "cell")]
PROJECTS = [Column("change", "code", prefix="change_"), Column("id"), Column("name"), Column("before", "cell"),
            Column("after", "cell")]
INVESTMENT = [Column("id"), Column("name"), Column("month"), Column("entry", "code", prefix="entry_"),
              Column("before", "amount"), Column("after", "amount"), Column("change", "delta")]
PROBLEMS = [Column("change", "code", prefix="change_"), Column("id"), Column("project"), Column("title"),
            Column("before", "cell"), Column("after", "cell")]
RECORDS = [Column("record_kind", "code", prefix="kind_"), Column("id"), Column("record_change", "code",
           prefix="record_"), Column("field"), Column("before"), Column("after")]


def state_name(ctx: ReportContext) -> str:
    """"HEAD~1 (3f2a1bc, 2019-05-24), as of 2019-05-31", or the working tree's."""
    revision = ctx.described or ctx.label("working_tree")
    return ctx.words("diff.state", revision=revision, date=f"{ctx.period.as_of:%Y-%m-%d}")


def state_json(ctx: ReportContext) -> dict:
    return {"revision": ctx.described or None, "year": ctx.period.year, "as_of": ctx.period.as_of.isoformat()}


def changes(ctx: ReportContext, before: ReportContext, records: bool = False) -> LedgerDiff:
    """The changes from the state of `before` to the state of `ctx`, over `ctx`'s filters."""
    return compute(State(before.ledger, before.period), State(ctx.ledger, ctx.period), ctx.filters, records)


def diff(ctx: ReportContext, before: ReportContext, records: bool = False) -> Report:
    d = changes(ctx, before, records)
    s = ctx.ledger.settings
    title = ctx.words("heading.diff", name=s.name, year=ctx.period.year, before=state_name(before),
                      after=state_name(ctx), unit=s.unit)
    active = [f"{k}={','.join(v)}" for k, v in ctx.filters.active()]
    if active:
        title += ctx.words("heading.filter", filters=" ".join(active))
    lang = ctx.lang
    totals = {k: human(v, "delta", lang) for k, v in
              (("new", d.invested_new), ("corrections", d.invested_corrections), ("total", d.invested))}
    tables = [
        Table("figures", ctx.words("table.diff_figures"), FIGURES,
              [[c.name, Cell(c.before, c.kind), Cell(c.after, c.kind), Cell(c.change, c.change_kind)]
               for c in d.figures]),
        Table("projects", ctx.words("table.diff_projects", n=len(d.projects)), PROJECTS,
              [[c.change, c.id, c.name, Cell(c.before, c.kind), Cell(c.after, c.kind)] for c in d.projects]),
        Table("investment", ctx.words("table.diff_investment", **totals), INVESTMENT,
              [[c.id, c.name, f"{c.month:%Y-%m}", c.kind, c.before, c.after, c.change] for c in d.investment]),
        Table("problems", ctx.words("table.diff_problems", n=len(d.problems)), PROBLEMS,
              [[c.change, c.id, c.project, c.title, Cell(c.before, c.kind), Cell(c.after, c.kind)]
               for c in d.problems]),
    ]
    if d.records is not None:
        tables.append(Table("records", ctx.words("table.diff_records", n=len(d.records)), RECORDS,
                            [[c.kind, c.id, c.change, c.field, c.before, c.after] for c in d.records]))
    notes = tuple(ctx.words("note.left_out", records=c.left_out, files=c.unreadable)
                  for c in (before, ctx) if c.left_out or c.unreadable)
    return Report("diff", title, tables, document(ctx, before, d, tables), notes, None, lang)


def document(ctx: ReportContext, before: ReportContext, d: LedgerDiff, tables: list[Table]) -> dict:
    """The json document: both states, the figures by name, the investment's totals, every list."""
    rows = {t.key: [{c.key: machine(v, c.kind) for c, v in zip(t.columns, row)} for row in t.rows] for t in tables}
    doc = {"from": state_json(before), "to": state_json(ctx), "unit": ctx.unit}
    if ctx.filters.active():
        doc["filters"] = {k: list(v) for k, v in ctx.filters.active()}
    doc["figures"] = {row.pop("figure"): row for row in rows["figures"]}
    doc["projects"] = rows["projects"]
    doc["investment"] = {"new": d.invested_new, "corrections": d.invested_corrections, "total": d.invested,
                         "entries": rows["investment"]}
    doc["problems"] = rows["problems"]
    doc["counts"] = dict(d.counts)
    if "records" in rows:
        doc["records"] = rows["records"]
    return to_json(doc)
