"""Reports of the problem loop and the responsibility system: issues, leaders, rank.

Problems (seed 004): collected, assigned, resolved within a deadline in
working days, escalated, closed. Leaders (seeds 000, 002): each tracking card
answers for its projects, carries the five duties (五包) and owes weekly site
visits. Rankings (排名, 红黑榜) score groups by the weights of ledger.yaml.
"""

from __future__ import annotations

import datetime
from typing import Iterable, NamedTuple

from . import metrics as m
from . import records as r
from .ranking import rank
from .render import Column, Report, Table
from .i18n import label
from .reports import ISSUE_COLUMNS, ReportContext, group_label, issue_row, report, titled

# ------------------------------------------------------------------ issues


class IssueFilters(NamedTuple):
    open: bool = False
    overdue: bool = False
    projects: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    assignee_units: tuple[str, ...] = ()
    levels: tuple[int, ...] = ()  # escalation levels reached by D

    def admits(self, v: m.IssueView) -> bool:
        q = v.issue
        return ((not self.open or not v.resolved) and (not self.overdue or v.overdue)
                and (not self.projects or q.project in self.projects)
                and (not self.categories or q.category in self.categories)
                and (not self.assignee_units or q.assignee_unit in self.assignee_units)
                and (not self.levels or v.level in self.levels))


def urgency(v: m.IssueView) -> tuple:
    """Most urgent first: overdue longest, then open by nearest due date, then resolved, then closed."""
    return (not v.overdue, -v.overdue_days, v.resolved, v.closed, v.due, v.id)


def all_issue_views(ctx: ReportContext) -> list[m.IssueView]:
    """Every problem raised by D, whatever its year, on a project passing the shared filters."""
    ledger, d = ctx.ledger, ctx.period.as_of
    cards = ledger.cards_by_project
    admitted = {p.id for p in ledger.projects if ctx.filters.admits(p, cards.get(p.id, ()))}
    cal = m.work_calendar(ledger.settings)
    return [m.issue_view(q, d, ledger.settings, cal) for q in ledger.issues
            if q.raised <= d and q.project in admitted]


LIST_COLUMNS = [*ISSUE_COLUMNS[:4], Column("difficulty", "label"), Column("assignee_unit"), Column("assignee_person"),
                *ISSUE_COLUMNS[4:], Column("flag", "label")]


def issues(ctx: ReportContext, filters: IssueFilters) -> Report:
    views = sorted((v for v in all_issue_views(ctx) if filters.admits(v)), key=urgency)
    rows = []
    for v in views:
        base, q = issue_row(v), v.issue
        rows.append([*base[:4], f"difficulty_{q.difficulty}", q.assignee_unit, q.assignee_person, *base[4:],
                     "flag_plan_overdue" if v.plan_overdue else None])
    return report(ctx, "问题清单", "problems", [Table("issues", None, LIST_COLUMNS, rows)])


STATS_COLUMNS = [Column("key"), Column("issues_raised", "int"), Column("issues_resolved", "int"),
                 Column("resolution_rate", "rate"), Column("issues_overdue", "int"),
                 Column("issues_resolved_late", "int"), Column("avg_working_days", "decimal")]


def issue_stats(ctx: ReportContext, filters: IssueFilters) -> Report:
    """Counts and rates of the problems counted for Y (SPEC §5.5), by assignee unit, category and level."""
    scope = m.evaluate(ctx.ledger, ctx.period, ctx.filters)
    views = [v for v in scope.issues if filters.admits(v)]
    level_names = {0: titled(ctx, "未提级", "not escalated")}
    level_names.update({i: f"{i} {n}" for i, n in enumerate(ctx.ledger.settings.escalation_levels, 1)})
    unassigned = titled(ctx, "(未交办)", "(not assigned)")

    def table(key: str, title_zh: str, title_en: str, group, order, name) -> Table:
        parts: dict = {}
        for v in views:
            parts.setdefault(group(v), []).append(v)
        rows = [stats_row(name(k), parts[k]) for k in sorted(parts, key=order)]
        return Table(key, titled(ctx, title_zh, title_en), STATS_COLUMNS, rows)

    total = titled(ctx, "合计", "total")
    tables = [
        Table("total", total, STATS_COLUMNS, [stats_row(total, views)]),
        table("by_unit", "按责任单位", "by assignee unit", lambda v: v.issue.assignee_unit,
              lambda k: (k is None, k or ""), lambda k: unassigned if k is None else k),
        table("by_category", "按问题类别", "by category", lambda v: v.issue.category,
              r.ISSUE_CATEGORIES.index, lambda k: label(f"cat_{k}", ctx.lang)),
        table("by_level", "按化解层级", "by escalation level", lambda v: v.level, int, level_names.get),
    ]
    return report(ctx, "问题办理统计", "problem statistics", tables)


def stats_row(key: str, views: Iterable[m.IssueView]) -> list:
    f = m.issue_figures(views)
    return [key, f.raised, f.resolved, f.resolution_rate, f.overdue, f.resolved_late, f.avg_working_days]


# ------------------------------------------------------------------ leaders

def recent_visits(cards: Iterable[r.Responsibility], d: datetime.date) -> int:
    """Distinct site visits in the 4 weeks up to D: d-27 .. d."""
    since = d - datetime.timedelta(days=27)
    return len({(c.leader, v.date, v.project) for c in cards for v in c.visits if since <= v.date <= d})


FIGURE_COLUMNS = [Column("projects", "int"), Column("started", "int"), Column("start_rate", "rate"),
                  Column("plan_completion_rate", "rate"), Column("green", "int"), Column("yellow", "int"),
                  Column("red", "int"), Column("open_issues", "int"), Column("overdue_issues", "int"),
                  Column("visits_4w", "int"), Column("visits_required", "int"), Column("visits_status", "label"),
                  Column("duties")]
HEAD_COLUMNS = {
    None: [Column("card"), Column("leader"), Column("leader_title"), Column("unit"), Column("person")],
    "leader": [Column("leader"), Column("unit")],
    "unit": [Column("unit"), Column("leader")],
}


def head_cells(by: str | None, key: str, cards: list[r.Responsibility]) -> list:
    def distinct(attr):
        return tuple(dict.fromkeys(getattr(c, attr) for c in cards))

    if by is None:
        c = cards[0]
        return [c.id, c.leader, c.leader_title, c.unit, c.person]
    return [key, distinct("unit" if by == "leader" else "leader")]


def leader_row(ctx: ReportContext, cards: list[r.Responsibility], scope: m.Scope, open_views) -> list:
    """The figures of the projects of some cards; visits are owed per leader (visits.per_week x 4 each)."""
    ids = {pid for c in cards for pid in c.projects}
    f = m.figures(scope.subset(lambda p: p.id in ids), with_yoy=False)
    mine = [v for v in open_views if v.issue.project in ids]
    visits = recent_visits(cards, ctx.period.as_of)
    required = ctx.ledger.settings.visits_per_week * 4 * len({c.leader for c in cards})
    duties = tuple(d for d in r.DUTIES if any(d in c.duties for c in cards))
    return [f.projects, f.started, f.start_rate, f.plan_completion_rate, f.lights["green"], f.lights["yellow"],
            f.lights["red"], len(mine), sum(v.overdue for v in mine), visits, required,
            "visits_ok" if visits >= required else "visits_short", duty_words(duties, ctx.lang)]


def leaders(ctx: ReportContext, by: str | None = None) -> Report:
    """One row per tracking card, or per leader or unit (--by)."""
    scope = m.evaluate(ctx.ledger, ctx.period, ctx.filters)
    open_views = [v for v in all_issue_views(ctx) if not v.resolved]
    listed = {v.id for v in scope.views}
    groups: dict[str, list] = {}
    for c in ctx.ledger.responsibilities:
        if any(pid in listed for pid in c.projects):
            groups.setdefault(c.id if by is None else getattr(c, by), []).append(c)
    rows = [head_cells(by, key, cards) + leader_row(ctx, cards, scope, open_views)
            for key, cards in sorted(groups.items())]
    what = {None: ("包靠责任", "responsibility cards"), "leader": ("包靠领导", "leaders"), "unit": ("责任单位", "units")}[by]
    return report(ctx, *what, [Table("leaders", None, HEAD_COLUMNS[by] + FIGURE_COLUMNS, rows)])


def duty_words(duties: tuple[str, ...], lang: str) -> str:
    if duties == r.DUTIES:
        return label("duties_all", lang)
    return ("、" if lang == "zh" else ", ").join(label(f"duty_{d}", lang) for d in duties)


# ------------------------------------------------------------------ rank

def rank_columns(by: str) -> list[Column]:
    return [Column("rank", "int"), Column("key", "text", by), Column("score", "score"), Column("start_rate", "rate"),
            Column("plan_completion_rate", "rate"), Column("on_schedule_rate", "rate"),
            Column("resolution_rate", "rate"), Column("projects", "int")]


def ranking(ctx: ReportContext, by: str, top: int | None = None, bottom: int | None = None) -> Report:
    rows, ungrouped = rank(m.evaluate(ctx.ledger, ctx.period, ctx.filters), by)

    def table(key, title, part):
        return Table(key, title, rank_columns(by),
                     [[x.rank, group_label(x.key, by, ctx.lang), x.score, x.start_rate, x.plan_completion_rate,
                       x.on_schedule_rate, x.resolution_rate, x.projects] for x in part])

    weights = "，".join(f"{label(k, ctx.lang)}×{w}" for k, w in ctx.ledger.settings.weights)
    if ctx.lang != "zh":
        weights = weights.replace("，", ", ")
    tables = []
    if top is None and bottom is None:
        tables.append(table("ranking", titled(ctx, f"得分 = {weights}", f"score = {weights}"), rows))
    if top is not None:
        tables.append(table("top", titled(ctx, f"红榜（前{top}名）", f"top {top}"), rows[:top]))
    if bottom is not None:
        tables.append(table("bottom", titled(ctx, f"黑榜（后{bottom}名）", f"bottom {bottom}"),
                            rows[-bottom:] if bottom else []))
    out = report(ctx, f"综合排名（按{label(by, 'zh')}）", f"ranking by {by}", tables)
    if ungrouped:
        note = titled(ctx, f"另有{ungrouped}个项目无{label(by, 'zh')}，未参加排名",
                      f"{ungrouped} projects without a {by} are not ranked")
        out = out._replace(notes=out.notes + (note,))
    return out
