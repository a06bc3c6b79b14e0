"""Problem and responsibility commands: issues, leaders, rank."""

import enum
from typing import Annotated, Optional

import typer

from . import app
from .options import GroupBy, ReportOptions, emit, report_context, report_options


@app.command()
@report_options(renamed={"category": "--project-category", "level": "--project-level"})
def issues(
    opts: ReportOptions,
    open_: Annotated[bool, typer.Option("--open", help="Only problems not resolved by the as-of date.")] = False,
    overdue: Annotated[bool, typer.Option("--overdue", help="Only problems past their due date, unresolved.")] = False,
    project: Annotated[list[str], typer.Option("--project", help="Only problems of this project (repeatable).",
                                               show_default=False)] = [],
    problem_category: Annotated[list[str], typer.Option("--category", help="Only problems of this category: "
                                                        "funding, land, energy, emissions, water, approval, demolition, "
                                                        "utilities, environment, other, or its label as tables show "
                                                        "it (资金, 用地 ...; repeatable).",
                                                        show_default=False)] = [],
    assignee_unit: Annotated[list[str], typer.Option("--assignee-unit", help="Only problems assigned to this unit "
                                                     "(repeatable).", show_default=False)] = [],
    escalation: Annotated[list[int], typer.Option("--level", min=0, max=5, help="Only problems escalated to this "
                                                  "level by the as-of date, 0 for none (repeatable).",
                                                  show_default=False)] = [],
    stats: Annotated[bool, typer.Option("--stats", help="Counts and rates of this year's problems by assignee unit, "
                                        "category and escalation level, instead of the list.")] = False,
) -> None:
    """The problem list (问题清单) as of the date, most urgent first: due dates in working days, overdue days,
    escalation. Lists every problem raised by the date, whatever its year.

    --category and --level here are the problem's; filter projects with --project-category and --project-level.
    """
    from .. import api

    ctx = report_context(opts)
    try:
        chosen = api.issue_filters(ctx, open=open_, overdue=overdue, projects=project, categories=problem_category,
                                   assignee_units=assignee_unit, levels=escalation)
    except api.UsageError as e:
        raise typer.BadParameter(str(e), param_hint=e.option) from None
    emit(api.report("issue-stats" if stats else "issues", ctx, chosen=chosen), opts)


class LeadersBy(str, enum.Enum):
    unit = "unit"
    leader = "leader"


@app.command()
@report_options
def leaders(
    opts: ReportOptions,
    by: Annotated[Optional[LeadersBy], typer.Option("--by", help="One row per leader or per unit instead of per "
                                                    "card.", show_default=False)] = None,
) -> None:
    """One row per responsibility card (包靠): projects, starts, plan completion, lights, open and overdue problems,
    site visits in the last 4 weeks against visits.per_week x 4, and the five duties (五包) it carries."""
    from .. import api

    ctx = report_context(opts)
    emit(api.report("leaders", ctx, by=by.value if by else None), opts)


@app.command()
@report_options
def rank(
    opts: ReportOptions,
    by: Annotated[GroupBy, typer.Option("--by", help="What to rank: unit, location, leader, category or level.")]
    = GroupBy.unit,
    top: Annotated[Optional[int], typer.Option("--top", min=0, help="Only the first N (红榜).", show_default=False)]
    = None,
    bottom: Annotated[Optional[int], typer.Option("--bottom", min=0, help="Only the last N (黑榜).",
                                                  show_default=False)] = None,
) -> None:
    """Ranking (排名) by the weighted score of ledger.yaml: start rate, plan completion (capped at 100%),
    on-schedule rate and resolution rate. Ties go to plan completion, then to the name."""
    from .. import api

    ctx = report_context(opts)
    emit(api.report("rank", ctx, by=by.value, top=top, bottom=bottom), opts)
