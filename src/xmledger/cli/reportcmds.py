"""Progress commands: status, starts, completion, progress, show, summary."""

from typing import Annotated, Optional

import typer

from . import app
from .options import GroupBy, ReportOptions, emit, report_context, report_options

ByOption = Annotated[Optional[GroupBy], typer.Option("--by", help="Add a row per group: level, category, "
                                                    "location, unit or leader.", show_default=False)]


@app.command()
@report_options
def status(opts: ReportOptions, by: ByOption = None) -> None:
    """The headline figures: starts, investment against plan and time, lights, 双过半, 四个一批, problems, 同比."""
    from .. import api

    ctx = report_context(opts)
    emit(api.report("status", ctx, by=by.value if by else None), opts)


@app.command()
@report_options
def starts(opts: ReportOptions, by: ByOption = None) -> None:
    """Start rates (开工率) by group (default: category), and the late-start and not-yet-started projects."""
    from .. import api

    ctx = report_context(opts)
    emit(api.report("starts", ctx, by=by.value if by else "category"), opts)


@app.command()
@report_options
def completion(
    opts: ReportOptions, by: ByOption = None,
    chart: Annotated[bool, typer.Option("--chart", help="Also draw the months: cumulative completed against the "
                                        "cumulative plan as bars (coloured on a terminal, plain text when piped; "
                                        "an SVG chart with --format html).")] = False,
) -> None:
    """Plan completion (计划完成率) by group, cumulative completed against plan for months 1-12, and 双过半."""
    from .. import api

    ctx = report_context(opts)
    emit(api.report("completion", ctx, by=by.value if by else "category", chart=chart), opts)


@app.command()
@report_options
def progress(opts: ReportOptions) -> None:
    """One row per project: this month, year to date, cumulative, plan to date, light, start, leader, open problems."""
    from .. import api

    ctx = report_context(opts)
    emit(api.report("progress", ctx), opts)


@app.command()
@report_options
def show(opts: ReportOptions, project: Annotated[str, typer.Argument(help="Project id.", show_default=False,
                                                                     metavar="PROJECT")]) -> None:
    """Everything about one project: its card, plan against progress by month, responsibility and problems."""
    from .. import api
    from ..core.words import did_you_mean, say

    ctx = report_context(opts)
    if project not in ctx.ledger.facts_by_id:
        hint = did_you_mean(project, ctx.ledger.facts_by_id)
        raise typer.BadParameter(f"no project has the id {project}. {say(hint, 'en')}".strip(), param_hint="PROJECT")
    emit(api.report("show", ctx, pid=project), opts)


@app.command()
@report_options
def summary(
    opts: ReportOptions,
    since: Annotated[Optional[str], typer.Option("--since", metavar="REV|DATE", help="Add a paragraph of what "
                                                 "changed since then (新开工、新竣工、新报完成投资、新收集问题、新办结、"
                                                 "新增逾期): a date (the same ledger as of that day) or a git revision "
                                                 "(the ledger as committed then, as of its commit date or --as-of, "
                                                 "whichever is earlier).", show_default=False)] = None,
) -> None:
    """The circular (通报) as plain text, for cron and mail: starts, investment, 双过半, problems, red lights.

    --format markdown gives a heading and paragraphs; json the paragraphs and the figures they quote; html a
    page with the headline figures and charts too (the page of `export html`).
    --since REV|DATE adds what changed since last week's circular."""
    from .. import api

    with api.one_cache():  # the circular and the state it is compared with read the parse cache once
        ctx = report_context(opts)
        before = since_context(opts, ctx, since) if since is not None else None
    if opts.fmt.value == "html":
        emit(api.report("page", ctx), opts)
    else:
        emit(api.report("summary", ctx, since=before), opts)


def since_context(opts: ReportOptions, ctx, since: str):
    """The state `--since` names: the same ledger as of a date, or the ledger at a revision as of its commit date
    (or the report's date, if that is earlier). A text that reads as a date is a date."""
    from .. import api
    from .options import load_ledger, refuse, resolve_root

    try:
        frame = api.period(since, ctx.period.year)
    except api.UsageError:
        frame = None
    if frame is not None:
        if frame.as_of > ctx.period.as_of:
            raise typer.BadParameter(f"{since} is after the date of the circular ({ctx.period.as_of})",
                                     param_hint="--since")
        return ctx._replace(period=frame)
    root = resolve_root(opts.ledger, since)
    try:
        result = load_ledger(root, opts.no_cache, place_warnings=False, rev=since)
    except typer.BadParameter as e:
        raise typer.BadParameter(e.message, param_hint="--since") from None
    day = min(ctx.period.as_of, result.committed or ctx.period.as_of)
    try:
        return api.context(result, period=api.period(day, ctx.period.year), filters=ctx.filters, lang=ctx.lang,
                           allow_errors=opts.allow_errors)
    except api.LedgerErrors:
        refuse(result, root, ctx.lang, since)
