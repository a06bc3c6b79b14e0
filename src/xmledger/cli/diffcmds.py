"""diff: what changed between two states of the ledger (a git revision or the working tree, as of a date)."""

from typing import Annotated, Optional

import typer

from . import app
from .options import ReportOptions, emit, load_ledger, refuse, report_options, resolve_root, today


@app.command()
@report_options(omit=("rev",))
def diff(
    opts: ReportOptions,
    from_rev: Annotated[str, typer.Argument(metavar="[FROM]", help="The earlier state: a git revision (default "
                                            "HEAD).", show_default=False)] = "HEAD",
    to_rev: Annotated[Optional[str], typer.Argument(metavar="[TO]", help="The later state: a git revision (default: "
                                                    "the working tree).", show_default=False)] = None,
    from_as_of: Annotated[Optional[str], typer.Option("--from-as-of", help="Date of the earlier state (default: "
                                                      "--as-of).", show_default=False)] = None,
    to_as_of: Annotated[Optional[str], typer.Option("--to-as-of", help="Date of the later state (default: --as-of).",
                                                    show_default=False)] = None,
    records: Annotated[bool, typer.Option("--records", help="Also list every changed record field by field "
                                          "(total_investment: 7000 -> 7500), keyed by record id.")] = False,
) -> None:
    """What changed between two states of the ledger: the headline figures side by side, projects added to or
    removed from the list, started, completed, changed light or plan, investment reported in between (corrections
    apart), problems raised, resolved, closed, escalated and newly overdue.

    A state is a revision (FROM: HEAD, TO: the working tree by default) as of a date: `xmledger diff v1 v2`
    compares two revisions; `xmledger diff HEAD HEAD --from-as-of 2019-05-24 --to-as-of 2019-05-31` one revision
    on two dates. Both count the list of --year (default: the later date's year).
    """
    from .. import api

    try:  # the time frames first: a wrong date is wrong usage whatever the ledger holds
        after = api.period(to_as_of or opts.as_of, opts.year, today())
        before = api.period(from_as_of or opts.as_of, after.year, today())
    except api.UsageError as e:
        hint = {"--as-of": "--from-as-of/--to-as-of/--as-of"}.get(e.option, e.option)
        raise typer.BadParameter(str(e), param_hint=hint) from None
    root = resolve_root(opts.ledger, from_rev)
    lang = opts.lang.value if opts.lang else None
    filters = api.filters(**{k: getattr(opts, k) for k in ("level", "category", "location", "unit", "leader", "tag")})
    contexts, loaded = [], {}
    with api.one_cache():  # both states read the ledger's one parse cache once
        for rev, frame, which in ((from_rev, before, "FROM"), (to_rev, after, "TO")):
            contexts.append(state(opts, root, rev, frame, which, filters, lang, loaded))
    earlier, later = contexts
    emit(api.report("diff", later, before=earlier, records=records), opts)


def state(opts: ReportOptions, root, rev, frame, which: str, filters, lang, loaded: dict):
    """The context of one side of the diff: the ledger at `rev` (None: the working tree) as of `frame`."""
    from .. import api

    try:  # one revision on two dates is read once
        result = loaded[rev] if rev in loaded else load_ledger(root, opts.no_cache, place_warnings=False, rev=rev)
    except typer.BadParameter as e:
        raise typer.BadParameter(e.message, param_hint=which if rev is not None else "-L/--ledger") from None
    loaded[rev] = result
    try:
        return api.context(result, period=frame, filters=filters, lang=lang, allow_errors=opts.allow_errors)
    except api.LedgerErrors:
        refuse(result, root, lang or result.ledger.settings.language, rev)
    except api.UsageError as e:
        raise typer.BadParameter(str(e), param_hint=e.option) from None
