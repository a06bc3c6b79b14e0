"""`explain`: what a figure means, in the ledger's language, from the definitions docs/metrics.md is made from."""

import os
from pathlib import Path
from typing import Annotated, Optional

import typer

from . import app
from .options import FORMAT_HELP, Format, LangOption, LedgerOption, err, out, resolve_root


def language(ledger: Optional[Path], lang) -> str:
    """--lang, else the language of the ledger (-L, $XMLEDGER_LEDGER or found upwards), else zh."""
    from .. import api

    if lang is not None:
        return lang.value
    if ledger is None and not os.environ.get("XMLEDGER_LEDGER"):
        from ..sources.folder import find_root

        root = find_root(Path.cwd())
        if root is None:
            return "zh"
    else:
        root = resolve_root(ledger)
    return api.ledger_language(root)


@app.command()
def explain(
    figure: Annotated[Optional[str], typer.Argument(
        help="A figure: its json key (start_rate, issues.overdue), its Chinese name (开工率) or English name; "
             "the list of figures when omitted.", show_default=False)] = None,
    ledger: LedgerOption = None,
    lang: LangOption = None,
    fmt: Annotated[Format, typer.Option("--format", help=f"Output format. {FORMAT_HELP}.")] = Format.table,
) -> None:
    """What a figure means: its definition as of the date for the year, formula, where offices publish it.

    The same definitions make docs/metrics.md. Exit 2 for a name no figure has, with the nearest ones.
    """
    from .. import api
    from ..core.words import words
    from ..metrics.definitions import BY_KEY

    language_ = language(ledger, lang)
    try:
        report = api.explain(figure, language_)
    except api.UnknownFigure as e:
        sep = "、" if language_ == "zh" else ", "
        parts = [words("explain.unknown", language_, word=e.word)]
        if e.close:
            shown = [f"{BY_KEY[k].zh}（{k}）" if language_ == "zh" else f"{k} ({BY_KEY[k].en})" for k in e.close]
            parts.append(words("explain.did_you_mean", language_, names=sep.join(shown)))
        parts.append(words("explain.see_list", language_))
        err(("" if language_ == "zh" else " ").join(parts))
        raise typer.Exit(2)
    try:
        out(api.render(report, fmt.value))
    except api.UsageError as e:
        raise typer.BadParameter(str(e), param_hint="--format") from None
