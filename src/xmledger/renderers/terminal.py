"""table: rich on a terminal, plain text otherwise.

rich falls back to 80 columns and keeps box-drawing characters (and, with
NO_COLOR, bold codes) when piped, so piped output is plain text from `text`.
On a terminal every value from the ledger is escaped before it reaches rich
(a project named "[/x]" is text, not markup), titles included.
"""

from __future__ import annotations

import os
import sys

from ..reports.base import FindingList, Paragraphs, Report, Table
from ..reports.cells import RIGHT, human
from .text import empty_table, finding_lines, render_text, table_text, visible


def wants_rich() -> bool:
    return (sys.stdout is not None and sys.stdout.isatty() and "NO_COLOR" not in os.environ
            and os.environ.get("TERM") != "dumb")


def render(report: Report, fmt: str = "table") -> str:
    """Tables go through rich on a terminal; a report of text only (the circular, check's findings) stays plain
    text everywhere, so that what a terminal shows is what cron mails."""
    if wants_rich() and report.tables:
        return render_rich(report)
    return render_text(report, "simple")


_LIGHT_STYLE = {"green": "green", "yellow": "yellow", "red": "bold red"}


def render_rich(report: Report) -> str:
    import shutil

    from rich.console import Console
    from rich.markup import escape

    lang = report.lang
    width = shutil.get_terminal_size().columns
    console = Console(width=width, force_terminal=True, highlight=False)
    with console.capture() as capture:
        if report.title:
            console.print(escape(visible(report.title)), style="bold", soft_wrap=True)
        for note in report.notes:
            console.print(escape(visible(note)), style="yellow", soft_wrap=True)
        for block in report.blocks:
            if isinstance(block, Table):
                print_table(console, block, lang, width)
            elif isinstance(block, Paragraphs):
                for text in block.texts:
                    console.print(escape(visible(text, newlines=True)), soft_wrap=True)
                    console.print()
            elif isinstance(block, FindingList):
                for line in finding_lines(block.findings, lang):
                    console.print(escape(line), soft_wrap=True)
            elif type(block).__name__ == "Chart":  # coloured bars (textchart); rich Text is never markup
                from .textchart import chart_rich

                console.print(chart_rich(block, lang), soft_wrap=True)
    return capture.get()


#: columns whose values must never be cut or folded: numbers, codes, dates, ids
_WHOLE_KINDS = RIGHT | {"date", "code", "light", "label"}
_WHOLE_KEYS = {"id", "project", "card", "key", "rank", "month", "figure"}
_PADDING = 2  # rich's cell padding, one space each side
_MIN_TEXT = 6  # the narrowest a text column folds to


def print_table(console, table: Table, lang: str, width: int) -> None:
    """A rich table that never cuts a number or an id: text columns fold; when even then the table does not
    fit, the plain table is printed instead (a terminal wraps its long lines, but nothing is lost)."""
    from rich import box
    from rich.cells import cell_len
    from rich.markup import escape
    from rich.table import Table as RichTable

    from ..core.words import label

    headers = [visible(label(c.header or c.key, lang)) for c in table.columns]
    cells = [[visible(human(v, c.kind, lang, c.prefix)) for c, v in zip(table.columns, row)] for row in table.rows]
    whole = [c.kind in _WHOLE_KINDS or c.key in _WHOLE_KEYS for c in table.columns]
    need = [max([cell_len(h), *(cell_len(r[i]) for r in cells)]) for i, h in enumerate(headers)]
    fits = sum((n if w else min(n, max(_MIN_TEXT, cell_len(headers[i])))) + _PADDING
               for i, (n, w) in enumerate(zip(need, whole))) <= width
    if table.title:
        console.print(escape(visible(table.title)), style="bold", soft_wrap=True)
    if not cells:
        console.print(empty_table(lang), soft_wrap=True)
        console.print()
        return
    if not fits:
        console.print(escape(table_text(table._replace(title=None), lang, "simple")), soft_wrap=True)
        console.print()
        return
    rt = RichTable(box=box.SIMPLE_HEAD)
    for i, c in enumerate(table.columns):
        if whole[i]:
            rt.add_column(escape(headers[i]), justify="right" if c.kind in RIGHT else "left", no_wrap=True,
                          min_width=need[i])
        else:
            rt.add_column(escape(headers[i]), justify="left", overflow="fold")
    for row, texts in zip(table.rows, cells):
        out = []
        for c, v, text in zip(table.columns, row, texts):
            text = escape(text)
            out.append(f"[{_LIGHT_STYLE[v]}]{text}[/]" if c.kind == "light" and v in _LIGHT_STYLE else text)
        rt.add_row(*out)
    console.print(rt)
