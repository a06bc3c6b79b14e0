"""`summary`: the circular (通报), plain text for cron and mail, one paragraph per theme (SPEC §7).

Every figure is taken from the same `metrics.Figures` that `status` prints and
is rounded the same way, so the two always agree. The wording of each language
is in words.py ("circ.*"); the logic that picks the phrases is written once.
The text is a pure function of the ledger and the options: the same input
gives the same bytes, so a cron job's diffs show only real changes.
"""

from __future__ import annotations

import calendar
from decimal import Decimal

from ..core.amounts import UNIT_EXPONENT, format_wan, format_yi, plain, round_half_up, to_yi
from ..metrics import figures as m
from ..metrics.groups import category_counts
from ..metrics.ranking import rank
from .cells import human
from .base import Paragraphs, Report, ReportContext, calendar_note, meta
from .status import figures_json


def rate_words(value, lang: str) -> str:
    """A rate as the circular writes it: 78.9%; a rate with no denominator is 无 / n/a, never "-"."""
    return human(value, "rate", "zh") if value is not None else ("无" if lang == "zh" else "n/a")


def filter_words(ctx: ReportContext) -> str:
    """The filters of a circular in words: 所在地：北宋镇；责任单位：县发改局 ("" when there are none)."""
    parts = []
    for name, values in ctx.filters.active():
        shown = [ctx.label(v) for v in values] if name == "level" else list(values)
        parts.append(ctx.words("circ.filter", name=ctx.label(name), values=shown))
    return ctx.words("circ.filter_sep").join(parts)


def pp(value: Decimal) -> str:
    return f"{round_half_up(abs(value), 1):f}"


def is_zero(value: Decimal) -> bool:
    return round_half_up(value, 1) == 0


def millions(value: Decimal, unit: str) -> str:
    """An amount in millions of yuan, at most two decimals (8000万元 = 80 million)."""
    return plain(value.scaleb(UNIT_EXPONENT[unit] - 6), 2)


def billions(value: Decimal, unit: str) -> str:
    """An amount in billions of yuan, at most three decimals (285.2亿元 = 28.52 billion)."""
    return plain(value.scaleb(UNIT_EXPONENT[unit] - 9), 3)


def summary(ctx: ReportContext, since: ReportContext | None = None) -> Report:
    """The circular as a report: its title and paragraphs; json gets the figures it quotes too.

    With `since` (the ledger at an earlier revision or date), a paragraph after the first says what changed
    since then (新开工、新竣工、新报完成投资、新收集、新办结、新增逾期), from the same changes as `diff`."""
    from .diff import changes, state_json

    d = changes(ctx, since) if since is not None else None
    (title, *rest), f = paragraphs(ctx, since, d)
    if ctx.described:  # read from git: say which revision, so a mailed circular can be traced
        rest.append(ctx.words("circ.revision", revision=ctx.described))
    data = {"title": title, "paragraphs": rest, **meta(ctx), "figures": figures_json(f)}
    if d is not None:
        data["since"] = {"from": state_json(since), "counts": dict(d.counts), "invested_new": d.invested_new,
                         "invested_corrections": d.invested_corrections}
    return Report("summary", title, [Paragraphs("paragraphs", rest)], data, (), meta(ctx), ctx.lang)


def paragraphs(ctx: ReportContext, since: ReportContext | None = None, changed=None) -> tuple[list[str], m.Figures]:
    """The title and paragraphs of the circular, and its figures. With red lights it also names the
    three lowest-ranked units (排名后三位); with `since`, what changed since then."""
    lang, w = ctx.lang, ctx.words
    s, p, unit = ctx.ledger.settings, ctx.period, ctx.unit
    scope = m.evaluate(ctx.ledger, p, ctx.filters)
    f = m.figures(scope)

    def amount(x: Decimal) -> str:  # 285.2亿元; under 1亿元: 8000万元 (SPEC §5.8)
        if to_yi(x, unit) < 1:
            return w("circ.wan", amount=format_wan(x, unit) if lang == "zh" else millions(x, unit))
        return f"{format_yi(x, unit)}亿元" if lang == "zh" else f"CNY {billions(x, unit)} billion"

    def pct(value) -> str:
        return rate_words(value, lang)

    d = p.as_of
    date = f"{d.year}年{d.month}月{d.day}日" if lang == "zh" else f"{d.day} {calendar.month_name[d.month]} {d.year}"
    where = w(f"circ.where.{s.scope}")
    chosen = filter_words(ctx)
    if chosen:  # a filtered circular says so, in its title and where it names the region
        where = w("circ.where_filtered", where=where, filter=chosen)
        out = [w("circ.title_filtered", region=s.region, date=date, filter=chosen)]
    else:
        out = [w("circ.title", region=s.region, date=date)]
    if ctx.left_out or ctx.unreadable:
        out.append(w("circ.left_out", records=ctx.left_out, files=ctx.unreadable))

    if not f.projects:
        years = w("circ.list_sep").join(str(y) for y in ctx.ledger.years) or "-"
        out.append(w("circ.no_list", date=date, where=where, year=p.year, years=years))
        return out, f
    head = w("circ.head", date=date, where=where, year=p.year, n=f.projects, total=amount(f.total_investment),
             annual=amount(f.annual_plan))
    parts = [w("circ.part", key=k, n=n) for k, n in category_counts(scope)]
    if len(parts) > 1:
        head += w("circ.breakdown", parts=w("circ.sep").join(parts))
    out.append(head)
    if since is not None:
        out.append(since_paragraph(ctx, since, changed, amount))

    text = w("circ.started", n=f.started, rate=pct(f.start_rate))
    if f.yoy and f.yoy["start_rate_pp"] is not None:
        change = f.yoy["start_rate_pp"]
        text += w("circ.yoy_same") if is_zero(change) else w("circ.yoy_up" if change > 0 else "circ.yoy_down",
                                                              pp=pp(change))
    text += w("circ.on_schedule", n=f.on_schedule, rate=pct(f.on_schedule_rate))
    text += w("circ.new", continuing=f.continuing, new=f.new_projects, started=f.new_started,
              rate=pct(f.new_start_rate))
    text += w("circ.late", n=f.late_start) if f.late_start else w("circ.stop")
    if f.completing:
        text += w("circ.completing", n=f.completing, done=f.completing_done, rate=pct(f.completion_project_rate))
    out.append(text)

    months = p.month_index
    if months:
        span = w("circ.span_1") if months == 1 else w("circ.span", m=months, month=calendar.month_name[months])
        text = w("circ.invested", span=span, amount=amount(f.completed_ytd))
        if f.yoy and f.yoy["completed_ytd_growth"] is not None:
            g = f.yoy["completed_ytd_growth"]
            text += w("circ.growth_up" if g >= 0 else "circ.growth_down", rate=pct(abs(g)))
        text += w("circ.of_plan", rate=pct(f.plan_completion_rate))
        if f.ahead_of_time_pp is not None:
            a = f.ahead_of_time_pp
            text += w("circ.time_same") if is_zero(a) else w("circ.time_ahead" if a > 0 else "circ.time_behind",
                                                             pp=pp(a))
        if f.months_ahead:
            text += w("circ.dh_ahead", n=f.months_ahead)
        elif f.months_ahead == 0:
            text += w("circ.dh_on_time")
        elif f.reached_month:
            text += w("circ.dh_month", month=f.reached_month if lang == "zh" else calendar.month_name[f.reached_month])
        elif months >= 6:
            text += w("circ.dh_not")
        out.append(text + w("circ.stop"))

    i = f.issues
    text = w("circ.problems", raised=i.raised, resolved=i.resolved, rate=pct(i.resolution_rate), overdue=i.overdue)
    if i.raised:
        text += w("circ.problems_more", closed=i.closed, late=i.resolved_late)
        text += w("circ.avg_days", days=human(i.avg_working_days, "decimal", lang)) if i.resolved else w("circ.stop")
    out.append(text)

    ledger = ctx.ledger
    red = [v for v in scope.views if v.light == "red"]
    if red:
        lines = [w("circ.red_head", n=len(red))]
        for n, v in enumerate(red, 1):
            reason = (w("circ.red_late", days=v.late_start_days) if v.late_start_days is not None
                      else w("circ.red_behind", rate=pct(v.progress_ratio)))
            lines.append(w("circ.red_line", i=n, name=v.project.name, id=v.id, reason=reason,
                           units=names(ctx, ledger.units_of(v.id)), leaders=names(ctx, ledger.leaders_of(v.id))))
        out.append("\n".join(lines))
    overdue = sorted((iv for iv in scope.all_issues if iv.overdue), key=lambda iv: (-iv.overdue_days, iv.id))
    if overdue:
        lines = [w("circ.overdue_head", n=len(overdue))]
        for n, iv in enumerate(overdue, 1):
            q = iv.issue
            who = " ".join(x for x in (q.assignee_unit, q.assignee_person) if x) or w("circ.not_assigned")
            project = ledger.facts_by_id.get(q.project)
            lines.append(w("circ.overdue_line", i=n, title=q.title, id=q.id,
                           project=project.name if project else q.project, who=who, due=f"{iv.due:%Y-%m-%d}",
                           days=iv.overdue_days))
        out.append("\n".join(lines))
    if red:
        ranked = rank(scope, "unit")[0]
        if len(ranked) > 3:  # "the bottom three" means something only when there are more than three
            items = [w("circ.tail_item", key=row.key, score=human(row.score, "score", lang)) for row in ranked[-3:]]
            out.append(w("circ.tail", units=w("circ.list_sep").join(items)))
    out += calendar_note(ctx, scope.all_issues)  # a footnote: deadlines counted without the official calendar
    return out, f


def since_paragraph(ctx: ReportContext, since: ReportContext, d, amount) -> str:
    """本周以来: what changed since an earlier state of the ledger (a revision or a date), as `diff` counts it
    (d: metrics.diff.LedgerDiff)."""
    w, unit, n = ctx.words, ctx.unit, d.counts
    small = lambda x: abs(x.scaleb(UNIT_EXPONENT[unit] - 8)) < 1  # noqa: E731  under 1亿元
    if ctx.lang == "zh":  # a week's investment is often under 1亿元: then in 万元 (SPEC §7)
        amount = lambda x: f"{scaled(x, unit, 4)}万元" if small(x) else f"{format_yi(x, unit)}亿元"  # noqa: E731
    else:
        amount = lambda x: f"CNY {scaled(x, unit, 6)} million" if small(x) else f"CNY {billions(x, unit)} billion"  # noqa: E731
    if since.described and since.described != ctx.described:
        when = w("circ.since_revision", revision=since.described)
    else:
        t = since.period.as_of
        when = f"{t.year}年{t.month}月{t.day}日" if ctx.lang == "zh" else \
            f"{t.day} {calendar.month_name[t.month]} {t.year}"
    corrections = w("circ.since_corrections", amount=amount(d.invested_corrections)) \
        if d.invested_corrections else ""
    red = w("circ.since_red", n=n["red"]) if n["red"] else ""
    return w("circ.since", since=when, started=n["started"], completed=n["completed"],
             amount=amount(d.invested_new), corrections=corrections, raised=n["raised"], resolved=n["resolved"],
             overdue=n["overdue"], red=red)


def scaled(value: Decimal, unit: str, exponent: int) -> str:
    """An amount in units of 10^exponent yuan (4: 万元, 6: millions), at most two decimals, no trailing zeros."""
    return plain(value.scaleb(UNIT_EXPONENT[unit] - exponent), 2)


def names(ctx: ReportContext, items) -> str:
    if not items:
        return ctx.label("no_card")
    return ctx.words("circ.list_sep").join(items)
