"""Reports of the progress commands: status, starts, completion, progress, show.

Each builder turns metrics into a `render.Report` (a title, typed tables and,
for status, the json document of SPEC §6.2). No arithmetic happens here beyond
picking figures; everything is computed in `metrics`.
"""

from __future__ import annotations

from typing import NamedTuple

from . import metrics as m
from .i18n import t
from .ledger import Ledger
from .period import Period
from .render import Cell, Column, Report, Table


class ReportContext(NamedTuple):
    ledger: Ledger
    period: Period
    filters: m.Filters
    lang: str
    left_out: int = 0  # records left out for errors (--allow-errors)
    unreadable: int = 0  # files left out for errors

    @property
    def unit(self) -> str:
        return self.ledger.settings.unit


def heading(ctx: ReportContext, what: str) -> str:
    s, p = ctx.ledger.settings, ctx.period
    if ctx.lang == "zh":
        text = f"{s.name} · {what} · {p.year}年 · 截至{p.as_of:%Y-%m-%d} · 单位：{s.unit}"
    else:
        text = f"{s.name} · {what} · {p.year} · as of {p.as_of:%Y-%m-%d} · amounts in {s.unit}"
    active = [f"{k}={','.join(v)}" for k, v in ctx.filters._asdict().items() if v]
    if active:
        text += (" · 筛选：" if ctx.lang == "zh" else " · filter: ") + " ".join(active)
    return text


def notes(ctx: ReportContext) -> tuple[str, ...]:
    if not (ctx.left_out or ctx.unreadable):
        return ()
    if ctx.lang == "zh":
        return (f"注意：{ctx.left_out}条记录、{ctx.unreadable}个文件因错误未计入（运行 xmledger check 查看）",)
    return (f"note: {ctx.left_out} records and {ctx.unreadable} files with errors are left out "
            "(run xmledger check)",)


def meta(ctx: ReportContext) -> dict:
    return {"year": ctx.period.year, "as_of": ctx.period.as_of, "unit": ctx.unit,
            "left_out": {"records": ctx.left_out, "files": ctx.unreadable}}


def report(ctx: ReportContext, what_zh: str, what_en: str, tables, data=None) -> Report:
    what = what_zh if ctx.lang == "zh" else what_en
    return Report(heading(ctx, what), list(tables), data, notes(ctx), meta(ctx))


def titled(ctx: ReportContext, zh: str, en: str) -> str:
    return zh if ctx.lang == "zh" else en


# ------------------------------------------------------------------ status

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
    from .render import machine

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
    rows = [[k, Cell(getattr(f, k), kind)] for k, kind in FIGURE_KINDS.items()]
    rows += [[k, Cell(f.lights[k], "int")] for k in ("green", "yellow", "red")]
    rows += [["reached_month", Cell(f.reached_month, "int")], ["months_ahead", Cell(f.months_ahead, "int")]]
    rows += [[k, Cell(v, "int")] for k, v in f.four_batches.items() if k in ("planning", "reserve", "starting")]
    rows += [[f"issues_{k}" if k not in ("resolution_rate", "avg_working_days") else k, Cell(getattr(f.issues, k), kind)]
             for k, kind in ISSUE_KINDS.items()]
    if f.yoy is not None:
        rows += [["start_rate_pp", Cell(f.yoy["start_rate_pp"], "pp")],
                 ["completed_ytd_growth", Cell(f.yoy["completed_ytd_growth"], "growth")]]
    return rows


GROUP_COLUMNS = [
    Column("projects", "int"), Column("started", "int"), Column("start_rate", "rate"),
    Column("annual_plan", "amount"), Column("completed_ytd", "amount"), Column("plan_completion_rate", "rate"),
    Column("on_schedule_rate", "rate"), Column("green", "int"), Column("yellow", "int"), Column("red", "int"),
    Column("issues_raised", "int"), Column("resolution_rate", "rate"), Column("issues_overdue", "int"),
]


def group_label(key: str | None, by: str, lang: str) -> str:
    if key is None:
        return t("no_card" if by in ("unit", "leader") else "none", lang)
    return t(key, lang) if by == "level" else key


def group_row(key: str, f: m.Figures) -> list:
    return [key, f.projects, f.started, f.start_rate, f.annual_plan, f.completed_ytd, f.plan_completion_rate,
            f.on_schedule_rate, f.lights["green"], f.lights["yellow"], f.lights["red"], f.issues.raised,
            f.issues.resolution_rate, f.issues.overdue]


def status(ctx: ReportContext, by: str | None = None) -> Report:
    scope = m.evaluate(ctx.ledger, ctx.period, ctx.filters)
    f = m.figures(scope)
    data = {**meta(ctx), **figures_json(f)}
    tables = [Table("figures", None, [Column("figure", "label"), Column("value", "cell")], figure_rows(f))]
    if by:
        grouped = [(g.key, m.figures(g.scope)) for g in m.groups(scope, by)]
        data["groups"] = [{"key": k, **figures_json(gf)} for k, gf in grouped]
        tables.append(Table("groups", titled(ctx, f"按{t(by, 'zh')}分组", f"by {by}"),
                            [Column("key", "text", by), *GROUP_COLUMNS],
                            [group_row(group_label(k, by, ctx.lang), gf) for k, gf in grouped]))
    return report(ctx, "总体情况", "status", tables, data)


def total_and_groups(ctx: ReportContext, scope: m.Scope, by: str) -> list[tuple[str, m.Figures]]:
    """(label, figures) of the whole scope (合计) and then of each group of `by`."""
    out = [(titled(ctx, "合计", "total"), m.figures(scope, with_yoy=False))]
    out += [(group_label(g.key, by, ctx.lang), m.figures(g.scope, with_yoy=False)) for g in m.groups(scope, by)]
    return out


# ------------------------------------------------------------------ starts

def start_status(v: m.ProjectView) -> str:
    if v.completed:
        return "status_completed"
    if v.continuing:
        return "status_continuing"
    if v.started:
        return "status_started"
    return "status_late" if v.late_start_days is not None else "status_not_started"


def leaders_of(ledger: Ledger, pid: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(c.leader for c in ledger.cards_by_project.get(pid, ())))


def units_of(ledger: Ledger, pid: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(c.unit for c in ledger.cards_by_project.get(pid, ())))


def starts(ctx: ReportContext, by: str = "category") -> Report:
    scope = m.evaluate(ctx.ledger, ctx.period, ctx.filters)
    columns = [Column("key", "text", by), Column("projects", "int"), Column("started", "int"),
               Column("start_rate", "rate"), Column("continuing", "int"), Column("new_projects", "int"),
               Column("new_started", "int"), Column("new_start_rate", "rate"), Column("late_start", "int")]
    rows = [[key, f.projects, f.started, f.start_rate, f.continuing, f.new_projects, f.new_started,
             f.new_start_rate, f.late_start] for key, f in total_and_groups(ctx, scope, by)]
    late = sorted((v for v in scope.views if v.late_start_days is not None), key=lambda v: (-v.late_start_days, v.id))
    waiting = [v for v in scope.views if not v.started and v.late_start_days is None]
    person = [Column("id"), Column("name"), Column("location"), Column("start_planned", "date")]
    who = [Column("leader", "text"), Column("unit", "text")]
    tables = [
        Table("groups", titled(ctx, f"开工情况（按{t(by, 'zh')}）", f"starts by {by}"), columns, rows),
        Table("late_start", titled(ctx, "逾期未开工项目", "late starts"), person + [Column("days_late", "int")] + who,
              [[v.id, v.project.name, v.project.location, v.project.start.planned, v.late_start_days,
                leaders_of(ctx.ledger, v.id), units_of(ctx.ledger, v.id)] for v in late]),
        Table("not_started", titled(ctx, "计划开工时间未到的项目", "not started, start not yet due"), person + who,
              [[v.id, v.project.name, v.project.location, v.project.start.planned,
                leaders_of(ctx.ledger, v.id), units_of(ctx.ledger, v.id)] for v in waiting]),
    ]
    return report(ctx, "项目开工", "starts", tables)


# ------------------------------------------------------------------ completion

def completion(ctx: ReportContext, by: str = "category") -> Report:
    scope = m.evaluate(ctx.ledger, ctx.period, ctx.filters)
    columns = [Column("key", "text", by), Column("projects", "int"), Column("annual_plan", "amount"),
               Column("planned_to_date", "amount"), Column("completed_ytd", "amount"),
               Column("plan_completion_rate", "rate"), Column("ahead_of_time_pp", "pp"),
               Column("cumulative", "amount"), Column("on_schedule_rate", "rate")]
    rows = [[key, f.projects, f.annual_plan, f.planned_to_date, f.completed_ytd, f.plan_completion_rate,
             f.ahead_of_time_pp, f.cumulative, f.on_schedule_rate] for key, f in total_and_groups(ctx, scope, by)]
    total = m.figures(scope, with_yoy=False)
    tables = [Table("groups", titled(ctx, f"计划完成情况（按{t(by, 'zh')}）", f"plan completion by {by}"), columns, rows),
              Table("months", titled(ctx, "逐月累计完成与计划", "cumulative completed vs plan, by month"),
                    [Column("month", "int"), Column("invested", "amount"), Column("cum_completed", "amount"),
                     Column("cum_planned", "amount"), Column("cum_rate", "rate")],
                    monthly_rows(scope)),
              Table("double_half", titled(ctx, "双过半", "double half"),
                    [Column("figure", "label"), Column("value", "cell")],
                    [["reached_month", Cell(total.reached_month, "int")],
                     ["months_ahead", Cell(total.months_ahead, "int")],
                     ["time_elapsed", Cell(total.time_elapsed, "rate")],
                     ["plan_completion_rate", Cell(total.plan_completion_rate, "rate")]])]
    return report(ctx, "投资完成", "completion", tables)


def monthly_rows(scope: m.Scope) -> list[list]:
    """Months 1-12 of Y: completed in the month and cumulatively (blank after D) against the cumulative plan."""
    views, period = scope.views, scope.period
    annual = sum((v.annual for v in views), m.ZERO)
    by_month = m.monthly_completed(views, period)
    rows, running = [], m.ZERO
    for month in range(1, 13):
        counted = month <= period.month_index
        running += by_month[month - 1]
        planned = sum((m.planned_to(v.project.plans[period.year], month) for v in views), m.ZERO)
        rows.append([month, by_month[month - 1] if counted else None, running if counted else None, planned,
                     m.rate(running, annual) if counted else None])
    return rows


# ------------------------------------------------------------------ progress

PROGRESS_COLUMNS = [
    Column("id"), Column("name"), Column("this_month", "amount"), Column("completed_ytd", "amount"),
    Column("ytd_rate", "rate"), Column("annual", "amount"), Column("cumulative", "amount"),
    Column("cumulative_of_total", "rate"), Column("planned_to_date", "amount"), Column("light", "light"),
    Column("start_status", "label"), Column("leader"), Column("open_issues", "int"),
]


def open_issue_counts(ctx: ReportContext) -> dict[str, int]:
    """Problems raised by D and not resolved by D, of any year, per project."""
    d = ctx.period.as_of
    out: dict[str, int] = {}
    for q in ctx.ledger.issues:
        if q.raised <= d and (q.resolved is None or q.resolved > d):
            out[q.project] = out.get(q.project, 0) + 1
    return out


def progress(ctx: ReportContext) -> Report:
    scope = m.evaluate(ctx.ledger, ctx.period, ctx.filters)
    open_counts = open_issue_counts(ctx)
    rows = [[v.id, v.project.name, v.this_month, v.completed_ytd, m.rate(v.completed_ytd, v.annual), v.annual,
             v.cumulative, m.rate(v.cumulative, v.project.total_investment), v.planned_to_date, v.light,
             start_status(v), leaders_of(ctx.ledger, v.id), open_counts.get(v.id, 0)] for v in scope.views]
    return report(ctx, "项目进度", "progress", [Table("projects", None, PROGRESS_COLUMNS, rows)])


# ------------------------------------------------------------------ show

def show(ctx: ReportContext, pid: str) -> Report:
    """Everything about one project: its card, plan against progress by month, responsibility, problems."""
    ledger, period = ctx.ledger, ctx.period
    p = ledger.project_by_id[pid]
    fields = [["id", Cell(p.id, "text")], ["name", Cell(p.name, "text")], ["level", Cell(p.level, "label")],
              ["category", Cell(p.category, "text")], ["owner", Cell(p.owner, "text")],
              ["location", Cell(p.location, "text")],
              ["nature", Cell(p.nature and f"nature_{p.nature}", "label")], ["content", Cell(p.content, "text")],
              ["land_mu", Cell(p.land_mu, "decimal")], ["total_investment", Cell(p.total_investment, "amount")],
              ["prior_investment", Cell(p.prior_investment, "amount")], ["introduced", Cell(p.introduced, "text")],
              ["pool", Cell(p.pool and f"pool_{p.pool}", "label")], ["tags", Cell(p.tags, "text")],
              ["start_planned", Cell(p.start.planned, "date")], ["start_actual", Cell(p.start.actual, "date")],
              ["completion_planned", Cell(p.completion.planned, "date")],
              ["completion_actual", Cell(p.completion.actual, "date")],
              ["operation_planned", Cell(p.operation.planned, "date")],
              ["operation_actual", Cell(p.operation.actual, "date")]]
    tables = [Table("project", None, [Column("figure", "label"), Column("value", "cell")], fields)]
    if period.year in p.plans:
        v = m.project_view(p, period, ledger.settings)
        tables[0].rows.extend([
            ["annual", Cell(v.annual, "amount")], ["planned_to_date", Cell(v.planned_to_date, "amount")],
            ["completed_ytd", Cell(v.completed_ytd, "amount")],
            ["ytd_rate", Cell(m.rate(v.completed_ytd, v.annual), "rate")],
            ["cumulative", Cell(v.cumulative, "amount")],
            ["cumulative_of_total", Cell(m.rate(v.cumulative, p.total_investment), "rate")],
            ["light", Cell(v.light, "light")], ["start_status", Cell(start_status(v), "label")]])
        tables.append(Table("months", titled(ctx, f"{period.year}年逐月计划与完成", f"{period.year} plan and progress by month"),
                            [Column("month", "int"), Column("planned", "amount"), Column("invested", "amount"),
                             Column("cum_planned", "amount"), Column("cum_completed", "amount"), Column("note")],
                            project_months(p, period)))
    if p.milestones:
        tables.append(Table("milestones", titled(ctx, "节点", "milestones"),
                            [Column("milestone"), Column("planned", "date"), Column("actual", "date")],
                            [[ms.name, ms.planned, ms.actual] for ms in p.milestones]))
    cards = ledger.cards_by_project.get(pid, ())
    tables.append(Table("responsibilities", titled(ctx, "包靠责任", "responsibility"),
                        [Column("id"), Column("leader"), Column("unit"), Column("person"), Column("deputy")],
                        [[c.id, f"{c.leader}（{c.leader_title}）" if c.leader_title else c.leader, c.unit, c.person,
                          c.deputy] for c in cards]))
    cal = m.work_calendar(ledger.settings)
    views = [m.issue_view(q, period.as_of, ledger.settings, cal)
             for q in ledger.issues_by_project.get(pid, ()) if q.raised <= period.as_of]
    tables.append(Table("issues", titled(ctx, "问题", "problems"), ISSUE_COLUMNS, [issue_row(iv) for iv in views]))
    return report(ctx, f"项目卡片 {pid}", f"project {pid}", tables)


def project_months(p, period: Period) -> list[list]:
    plan = p.plans[period.year]
    invested = {e.month.month: e for e in p.progress if e.month.year == period.year and e.month <= period.month_start}
    rows, cum = [], m.ZERO
    for month in range(1, 13):
        entry = invested.get(month)
        cum += entry.invested if entry else m.ZERO
        counted = month <= period.month_index
        rows.append([month, m.planned_to(plan, month) - m.planned_to(plan, month - 1),
                     (entry.invested if entry else m.ZERO) if counted else None, m.planned_to(plan, month),
                     cum if counted else None, entry.note if entry else None])
    return rows


ISSUE_COLUMNS = [Column("id"), Column("project"), Column("category", "label"), Column("title"),
                 Column("raised", "date"), Column("due", "date"), Column("status", "label"),
                 Column("resolved", "date"), Column("overdue_days", "int"), Column("escalation", "int")]


def issue_row(v: m.IssueView) -> list:
    q = v.issue
    return [q.id, q.project, f"cat_{q.category}", q.title, q.raised, v.due, f"issue_{v.status}",
            q.resolved if v.resolved else None, v.overdue_days if v.overdue else None, v.level or None]
