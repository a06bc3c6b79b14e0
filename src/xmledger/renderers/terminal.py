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
from .text import finding_lines, render_text


def wants_rich() -> bool:
    return sys.stdout.isatty() and "NO_COLOR" not in os.environ and os.environ.get("TERM") != "dumb"


def render(report: Report, fmt: str = "table") -> str:
    """Tables go through rich on a terminal; a report of text only (the circular, check's findings) stays plain
    text everywhere, so that what a terminal shows is what cron mails."""
    if wants_rich() and report.tables:
        return render_rich(report)
    return render_text(report, "simple")


_LIGHT_STYLE = {"green": "green", "yellow": "yellow", "red": "bold red"}


def render_rich(report: Report) -> str:
    import shutil

    from rich import box
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table as RichTable

    from ..core.words import label

    lang = report.lang
    console = Console(width=shutil.get_terminal_size().columns, force_terminal=True, highlight=False)
    with console.capture() as capture:
        if report.title:
            console.print(escape(report.title), style="bold")
        for note in report.notes:
            console.print(escape(note), style="yellow")
        for block in report.blocks:
            if isinstance(block, Table):
                rt = RichTable(title=escape(block.title) if block.title else None, box=box.SIMPLE_HEAD,
                               title_justify="left", title_style="bold")
                for c in block.columns:
                    rt.add_column(escape(label(c.header or c.key, lang)), justify="right" if c.kind in RIGHT else "left")
                for row in block.rows:
                    cells = []
                    for c, v in zip(block.columns, row):
                        text = escape(human(v, c.kind, lang, c.prefix))
                        cells.append(f"[{_LIGHT_STYLE[v]}]{text}[/]" if c.kind == "light" and v in _LIGHT_STYLE
                                     else text)
                    rt.add_row(*cells)
                console.print(rt)
            elif isinstance(block, Paragraphs):
                for text in block.texts:
                    console.print(escape(text), soft_wrap=True)
                    console.print()
            elif isinstance(block, FindingList):
                for line in finding_lines(block.findings, lang):
                    console.print(escape(line), soft_wrap=True)
            elif type(block).__name__ == "Chart":  # coloured bars (textchart); rich Text is never markup
                from .textchart import chart_rich

                console.print(chart_rich(block, lang), soft_wrap=True)
    return capture.get()
