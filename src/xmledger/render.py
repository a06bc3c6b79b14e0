"""Renderers: a report (a title and typed tables) to text in each output format.

Cells hold raw values (Decimal amounts in the ledger unit, Decimal rates,
dates, light names); a column's kind decides how a value is shown. Human
formats (table, plain, markdown) round half up for display; machine formats
(csv, tsv, json) keep amounts to 4 decimals and rates to 8.

`table` is rich on a terminal and plain text otherwise (or with NO_COLOR):
rich wraps at 80 columns and keeps box characters when piped, so piped output
is ours, via tabulate with wide-character widths.
"""

from __future__ import annotations

import csv
import datetime
import io
import json
import os
import sys
from decimal import Decimal
from typing import Any, NamedTuple

from .amounts import round_half_up
from .i18n import label, t

FORMATS = ("table", "plain", "markdown", "csv", "tsv", "json")
DASH = "-"


class Column(NamedTuple):
    key: str  # machine name: json key, csv header
    kind: str = "text"  # text int amount rate pp growth light date label decimal
    header: str | None = None  # label key when it differs from `key`


class Table(NamedTuple):
    key: str  # json key of the rows
    title: str | None
    columns: list[Column]
    rows: list[list[Any]]


class Cell(NamedTuple):
    """A value whose kind differs from its column's (rows of a figure/value table)."""

    value: Any
    kind: str


class Report(NamedTuple):
    title: str
    tables: list[Table]
    data: dict | None = None  # the json document, when it is not simply the tables
    notes: tuple[str, ...] = ()  # lines under the title (records left out ...)
    meta: dict | None = None  # year, as_of, unit ... for json


# ------------------------------------------------------------------ cells

def plain_decimal(value: Decimal, places: int) -> str:
    """Rounded half up to `places`, without exponent or trailing zeros."""
    text = f"{round_half_up(value, places):f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def human(value: Any, kind: str, lang: str) -> str:
    if isinstance(value, Cell):
        value, kind = value
    if value is None:
        return DASH
    if kind == "amount":
        return f"{round_half_up(value, 2):f}"
    if kind == "rate":
        return f"{round_half_up(value * 100, 1):f}%"
    if kind == "growth":
        return f"{round_half_up(value * 100, 1):+f}%"
    if kind == "pp":
        return f"{round_half_up(value, 1):+f}"
    if kind == "decimal":
        return f"{round_half_up(value, 1):f}"
    if kind == "score":
        return f"{round_half_up(value, 3):f}"
    if kind in ("light", "label"):
        return label(str(value), lang)
    if isinstance(value, bool):
        return t("yes" if value else "no", lang)
    if isinstance(value, (list, tuple)):
        return "、".join(str(v) for v in value) if lang == "zh" else ", ".join(str(v) for v in value)
    return str(value)


def machine(value: Any, kind: str) -> Any:
    if isinstance(value, Cell):
        value, kind = value
    if value is None:
        return None
    if kind == "amount":
        return plain_decimal(value, 4)
    if kind in ("rate", "growth"):
        return float(round_half_up(value, 8))
    if kind in ("pp", "decimal", "score"):
        return float(round_half_up(value, 6))
    if isinstance(value, Decimal):
        return plain_decimal(value, 4)
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, tuple):
        return list(value)
    return value


def to_json(value: Any) -> Any:
    """Make a nested structure of figures json-able (Decimals become strings)."""
    if isinstance(value, dict):
        return {k: to_json(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [to_json(v) for v in value]
    return machine(value, "text")


# ------------------------------------------------------------------ formats

def wants_rich() -> bool:
    return sys.stdout.isatty() and "NO_COLOR" not in os.environ and os.environ.get("TERM") != "dumb"


def render(report: Report, fmt: str, lang: str) -> str:
    if fmt == "json":
        return render_json(report)
    if fmt in ("csv", "tsv"):
        return render_csv(report, "," if fmt == "csv" else "\t")
    if fmt == "table" and wants_rich():
        return render_rich(report, lang)
    return render_text(report, lang, "pipe" if fmt == "markdown" else "simple" if fmt == "table" else "plain")


def render_json(report: Report) -> str:
    if report.data is not None:
        doc = report.data
    else:
        doc = dict(report.meta or {})
        for table in report.tables:
            doc[table.key] = [{c.key: machine(v, c.kind) for c, v in zip(table.columns, row)} for row in table.rows]
    return json.dumps(to_json(doc), ensure_ascii=False, indent=2) + "\n"


def render_csv(report: Report, delimiter: str) -> str:
    """Each table with its header row; tables apart by one empty line."""
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=delimiter, lineterminator="\n")
    for i, table in enumerate(report.tables):
        if i:
            buf.write("\n")
        writer.writerow([c.key for c in table.columns])
        for row in table.rows:
            writer.writerow(["" if v is None else _csv_cell(machine(v, c.kind)) for c, v in zip(table.columns, row)])
    return buf.getvalue()


def _csv_cell(value: Any) -> str:
    if isinstance(value, list):
        return ";".join(str(v) for v in value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


_RIGHT = {"int", "amount", "rate", "pp", "growth", "decimal", "score"}


def render_text(report: Report, lang: str, tablefmt: str) -> str:
    from tabulate import tabulate

    heading = f"## {report.title}" if tablefmt == "pipe" else report.title
    parts = [heading, *report.notes, ""]
    for table in report.tables:
        if table.title:
            parts.append(f"### {table.title}" if tablefmt == "pipe" else table.title)
        headers = [label(c.header or c.key, lang) for c in table.columns]
        rows = [[human(v, c.kind, lang) for c, v in zip(table.columns, row)] for row in table.rows]
        aligns = ["right" if c.kind in _RIGHT else "left" for c in table.columns]
        if rows:
            parts.append(tabulate(rows, headers, tablefmt=tablefmt, disable_numparse=True, colalign=aligns))
        else:
            parts.append("(无)" if lang == "zh" else "(none)")
        parts.append("")
    return "\n".join(parts)


_LIGHT_STYLE = {"green": "green", "yellow": "yellow", "red": "bold red"}


def render_rich(report: Report, lang: str) -> str:
    import shutil

    from rich import box
    from rich.console import Console
    from rich.table import Table as RichTable

    console = Console(width=shutil.get_terminal_size().columns, force_terminal=True, highlight=False)
    with console.capture() as capture:
        console.print(report.title, style="bold")
        for note in report.notes:
            console.print(note, style="yellow")
        for table in report.tables:
            rt = RichTable(title=table.title, box=box.SIMPLE_HEAD, title_justify="left", title_style="bold")
            for c in table.columns:
                rt.add_column(label(c.header or c.key, lang), justify="right" if c.kind in _RIGHT else "left")
            for row in table.rows:
                cells = []
                for c, v in zip(table.columns, row):
                    text = human(v, c.kind, lang)
                    cells.append(f"[{_LIGHT_STYLE[v]}]{text}[/]" if c.kind == "light" and v in _LIGHT_STYLE
                                 else _escape(text))
                rt.add_row(*cells)
            console.print(rt)
    return capture.get()


def _escape(text: str) -> str:
    from rich.markup import escape

    return escape(text)
