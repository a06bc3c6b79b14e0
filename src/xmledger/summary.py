"""The circular (通报): plain text for cron and mail, one paragraph per theme (SPEC §7).

Every figure is taken from the same `metrics.Figures` that `status` prints and
is rounded the same way, so the two always agree. The wording of each
language is a table of phrases; the logic that picks them is written once.
The text is a pure function of the ledger and the options: the same input
gives the same bytes, so a cron job's diffs show only real changes.
"""

from __future__ import annotations

import calendar
from decimal import Decimal

from . import metrics as m
from .amounts import UNIT_EXPONENT, format_yi, round_half_up
from .i18n import label
from .ranking import rank
from .render import human
from .reports import ReportContext, leaders_of, units_of

PHRASES = {
    "zh": {
        "title": "{region}重点项目建设情况通报（截至{date}）",
        "left_out": "注：{records}条记录、{files}个文件因错误未计入本通报。",
        "head": "截至{date}，{where}共有{year}年重点项目{n}个，总投资{total}，年度计划投资{annual}。",
        "breakdown": "其中：{parts}。", "part": "{key}项目{n}个", "sep": "，", "list_sep": "、",
        "started": "已开工{n}个，开工率{rate}",
        "yoy_same": "，与上年同期持平", "yoy_up": "，同比提高{pp}个百分点", "yoy_down": "，同比降低{pp}个百分点",
        "on_schedule": "；达到计划进度项目{n}个，占总数的{rate}。",
        "new": "续建项目{continuing}个；新开工项目{new}个，已开工{started}个，新开工率{rate}",
        "late": "；逾期未开工{n}个。", "stop": "。",
        "completing": "计划年内竣工项目{n}个，已竣工{done}个，竣工率{rate}。",
        "span_1": "1月", "span": "1—{m}月",
        "invested": "{span}累计完成投资{amount}",
        "growth_up": "，同比增长{rate}", "growth_down": "，同比下降{rate}",
        "of_plan": "，占年度计划的{rate}",
        "time_same": "，与序时进度持平", "time_ahead": "，超序时进度{pp}个百分点", "time_behind": "，落后序时进度{pp}个百分点",
        "dh_ahead": "，提前{n}个月实现“双过半”", "dh_on_time": "，实现“双过半”", "dh_month": "，{month}月实现“双过半”",
        "dh_not": "，尚未实现“双过半”",
        "problems": "共收集问题{raised}个，已办结{resolved}个，办结率{rate}；逾期未办结{overdue}个。",
        "problems_more": "已销号{closed}个，逾期办结{late}个",
        "avg_days": "，平均办理{days}个工作日。",
        "red_head": "红灯预警项目{n}个：",
        "red_line": "{i}. {name}（{id}，{reason}），责任单位：{units}，包靠领导：{leaders}。",
        "red_late": "逾期未开工{days}天", "red_behind": "完成计划进度的{rate}",
        "overdue_head": "逾期未办结问题{n}个：",
        "overdue_line": "{i}. {title}（{id}，{project}），责任单位：{who}，办结期限{due}，已逾期{days}个工作日。",
        "not_assigned": "未交办",
        "tail": "综合排名后三位的责任单位：{units}。", "tail_item": "{key}（得分{score}）",
        "no_list": "截至{date}，{where}{year}年重点项目名单上没有项目。本台账有名单的年份：{years}；可用 --year 或 --as-of 选择。",
    },
    "en": {
        "title": "{region}: key projects, as of {date}",
        "left_out": "Note: {records} records and {files} files with errors are left out of this circular.",
        "head": "As of {date}, {where} has {n} key projects on its {year} list, with a total investment of "
                "{total} and an annual plan of {annual}.",
        "breakdown": " By category: {parts}.", "part": "{key} {n}", "sep": ", ", "list_sep": ", ",
        "started": "{n} have started, a start rate of {rate}",
        "yoy_same": ", the same as a year earlier", "yoy_up": ", {pp} percentage points up on a year earlier",
        "yoy_down": ", {pp} percentage points down on a year earlier",
        "on_schedule": "; {n} projects ({rate}) are on schedule.",
        "new": " {continuing} are continuing; of {new} new projects {started} have started ({rate})",
        "late": "; {n} are late to start.", "stop": ".",
        "completing": " {done} of the {n} projects due to complete this year have completed ({rate}).",
        "span_1": "January", "span": "January to {month}",
        "invested": "From {span}, {amount} was invested",
        "growth_up": " ({rate} more than a year earlier)", "growth_down": " ({rate} less than a year earlier)",
        "of_plan": ", {rate} of the annual plan",
        "time_same": ", exactly on the time schedule", "time_ahead": ", {pp} points ahead of the time schedule",
        "time_behind": ", {pp} points behind the time schedule",
        "dh_ahead": "; the double half was reached {n} month(s) early", "dh_on_time": "; the double half was reached",
        "dh_month": "; the double half was reached in {month}", "dh_not": "; the double half has not been reached",
        "problems": "{raised} problems were raised and {resolved} resolved, a resolution rate of {rate}; "
                    "{overdue} are overdue.",
        "problems_more": " {closed} are closed and {late} were resolved late",
        "avg_days": "; a problem took {days} working days on average.",
        "red_head": "Red-light projects ({n}):",
        "red_line": "{i}. {name} ({id}, {reason}); unit: {units}; leader: {leaders}.",
        "red_late": "start {days} days late", "red_behind": "{rate} of the plan to date",
        "overdue_head": "Overdue problems ({n}):",
        "overdue_line": "{i}. {title} ({id}, {project}); assigned to: {who}; due {due}, {days} working days overdue.",
        "not_assigned": "not assigned",
        "tail": "Lowest-ranked units: {units}.", "tail_item": "{key} (score {score})",
        "no_list": "As of {date}, {where} has no key projects on a {year} list. Years with a list in this ledger: "
                   "{years}; choose one with --year or --as-of.",
    },
}
WHERE = {"zh": {"province": "全省", "city": "全市", "county": "全县"},
         "en": {"province": "the province", "city": "the city", "county": "the county"}}


def pct(value) -> str:
    return human(value, "rate", "zh")


def pp(value: Decimal) -> str:
    return f"{round_half_up(abs(value), 1):f}"


def is_zero(value: Decimal) -> bool:
    return round_half_up(value, 1) == 0


def summary(ctx: ReportContext) -> str:
    """The circular as plain text."""
    return "\n\n".join(paragraphs(ctx)[0]) + "\n"


def as_markdown(ctx: ReportContext) -> str:
    title, *rest = paragraphs(ctx)[0]
    return "\n\n".join([f"## {title}", *rest]) + "\n"


def as_json(ctx: ReportContext) -> str:
    """The paragraphs, and the figures they quote (the same object as `status --format json`)."""
    import json

    from .render import to_json
    from .reports import figures_json, meta

    (title, *rest), f = paragraphs(ctx)
    doc = {"title": title, "paragraphs": rest, **meta(ctx), "figures": figures_json(f)}
    return json.dumps(to_json(doc), ensure_ascii=False, indent=2) + "\n"


def paragraphs(ctx: ReportContext) -> tuple[list[str], m.Figures]:
    """The title and paragraphs of the circular, and its figures. With red lights it also names the
    three lowest-ranked units (排名后三位)."""
    lang = ctx.lang
    P = PHRASES[lang]
    s, p, unit = ctx.ledger.settings, ctx.period, ctx.unit
    scope = m.evaluate(ctx.ledger, p, ctx.filters)
    f = m.figures(scope)
    amount = (lambda x: f"{format_yi(x, unit)}亿元") if lang == "zh" else (lambda x: f"CNY {billions(x, unit)} billion")
    d = p.as_of
    date = f"{d.year}年{d.month}月{d.day}日" if lang == "zh" else f"{d.day} {calendar.month_name[d.month]} {d.year}"
    out = [P["title"].format(region=s.region, date=date)]
    if ctx.left_out or ctx.unreadable:
        out.append(P["left_out"].format(records=ctx.left_out, files=ctx.unreadable))

    if not f.projects:
        years = P["list_sep"].join(str(y) for y in ctx.ledger.years) or "-"
        out.append(P["no_list"].format(date=date, where=WHERE[lang][s.scope], year=p.year, years=years))
        return out, f
    head = P["head"].format(date=date, where=WHERE[lang][s.scope], year=p.year, n=f.projects,
                            total=amount(f.total_investment), annual=amount(f.annual_plan))
    parts = [P["part"].format(key=k, n=n) for k, n in category_counts(scope)]
    if len(parts) > 1:
        head += P["breakdown"].format(parts=P["sep"].join(parts))
    out.append(head)

    text = P["started"].format(n=f.started, rate=pct(f.start_rate))
    if f.yoy and f.yoy["start_rate_pp"] is not None:
        change = f.yoy["start_rate_pp"]
        text += P["yoy_same"] if is_zero(change) else P["yoy_up" if change > 0 else "yoy_down"].format(pp=pp(change))
    text += P["on_schedule"].format(n=f.on_schedule, rate=pct(f.on_schedule_rate))
    text += P["new"].format(continuing=f.continuing, new=f.new_projects, started=f.new_started,
                            rate=pct(f.new_start_rate))
    text += P["late"].format(n=f.late_start) if f.late_start else P["stop"]
    if f.completing:
        text += P["completing"].format(n=f.completing, done=f.completing_done, rate=pct(f.completion_project_rate))
    out.append(text)

    months = p.month_index
    if months:
        span = P["span_1"] if months == 1 else P["span"].format(m=months, month=calendar.month_name[months])
        text = P["invested"].format(span=span, amount=amount(f.completed_ytd))
        if f.yoy and f.yoy["completed_ytd_growth"] is not None:
            g = f.yoy["completed_ytd_growth"]
            text += P["growth_up" if g >= 0 else "growth_down"].format(rate=pct(abs(g)))
        text += P["of_plan"].format(rate=pct(f.plan_completion_rate))
        if f.ahead_of_time_pp is not None:
            a = f.ahead_of_time_pp
            text += P["time_same"] if is_zero(a) else P["time_ahead" if a > 0 else "time_behind"].format(pp=pp(a))
        if f.months_ahead:
            text += P["dh_ahead"].format(n=f.months_ahead)
        elif f.months_ahead == 0:
            text += P["dh_on_time"]
        elif f.reached_month:
            text += P["dh_month"].format(month=f.reached_month if lang == "zh" else calendar.month_name[f.reached_month])
        elif months >= 6:
            text += P["dh_not"]
        out.append(text + P["stop"])

    i = f.issues
    text = P["problems"].format(raised=i.raised, resolved=i.resolved, rate=pct(i.resolution_rate), overdue=i.overdue)
    if i.raised:
        text += P["problems_more"].format(closed=i.closed, late=i.resolved_late)
        text += P["avg_days"].format(days=human(i.avg_working_days, "decimal", lang)) if i.resolved else P["stop"]
    out.append(text)

    red = [v for v in scope.views if v.light == "red"]
    if red:
        lines = [P["red_head"].format(n=len(red))]
        for n, v in enumerate(red, 1):
            reason = (P["red_late"].format(days=v.late_start_days) if v.late_start_days is not None
                      else P["red_behind"].format(rate=pct(v.progress_ratio)))
            lines.append(P["red_line"].format(i=n, name=v.project.name, id=v.id, reason=reason,
                                              units=names(units_of(ctx.ledger, v.id), lang),
                                              leaders=names(leaders_of(ctx.ledger, v.id), lang)))
        out.append("\n".join(lines))
    overdue = sorted((iv for iv in scope.issues if iv.overdue), key=lambda iv: (-iv.overdue_days, iv.id))
    if overdue:
        lines = [P["overdue_head"].format(n=len(overdue))]
        for n, iv in enumerate(overdue, 1):
            q = iv.issue
            who = " ".join(x for x in (q.assignee_unit, q.assignee_person) if x) or P["not_assigned"]
            project = ctx.ledger.project_by_id.get(q.project)
            lines.append(P["overdue_line"].format(i=n, title=q.title, id=q.id, project=project.name if project else q.project,
                                                  who=who, due=f"{iv.due:%Y-%m-%d}", days=iv.overdue_days))
        out.append("\n".join(lines))
    if red:
        tail = rank(scope, "unit")[0][-3:]
        items = [P["tail_item"].format(key=row.key, score=human(row.score, "score", lang)) for row in tail]
        if items:
            out.append(P["tail"].format(units=P["list_sep"].join(items)))
    return out, f


def billions(value: Decimal, unit: str) -> str:
    """An amount in billions of yuan, at most three decimals (285.2亿元 = 28.52 billion)."""
    text = f"{round_half_up(value.scaleb(UNIT_EXPONENT[unit] - 9), 3):f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def category_counts(scope: m.Scope) -> list[tuple[str, int]]:
    """Projects per category, in the ledger's category order (else by count)."""
    counts: dict[str, int] = {}
    for v in scope.views:
        counts[v.project.category] = counts.get(v.project.category, 0) + 1
    order = scope.ledger.settings.categories or ()
    keys = sorted(counts, key=lambda c: (order.index(c) if c in order else len(order), -counts[c], c))
    return [(k, counts[k]) for k in keys]


def names(items, lang: str) -> str:
    if not items:
        return label("no_card", lang)
    return PHRASES[lang]["list_sep"].join(items)
