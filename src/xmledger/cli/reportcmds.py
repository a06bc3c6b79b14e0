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
    if project not in ctx.ledger.project_by_id:
        hint = did_you_mean(project, ctx.ledger.project_by_id)
        raise typer.BadParameter(f"no project has the id {project}. {say(hint, 'en')}".strip(), param_hint="PROJECT")
    emit(api.report("show", ctx, pid=project), opts)


@app.command()
@report_options
def summary(opts: ReportOptions) -> None:
    """The circular (通报) as plain text, for cron and mail: starts, investment, 双过半, problems, red lights.

    --format markdown gives a heading and paragraphs; json the paragraphs and the figures they quote; html a
    page with the headline figures and charts too (the page of `export html`)."""
    from .. import api

    ctx = report_context(opts)
    emit(api.report("page" if opts.fmt.value == "html" else "summary", ctx), opts)
