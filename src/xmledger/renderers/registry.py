"""The output formats: one registry, which also gives the command line its `--format` choices and help.

Adding a format is one module under render/ with `render(report, fmt) -> str | bytes` and one line here.
A format lists the kinds of blocks it can show; a report whose blocks it cannot show (the circular as csv)
is refused with a clear message, and charts are left out by formats that draw none.
"""

from __future__ import annotations

import importlib
from typing import NamedTuple


class Format(NamedTuple):
    name: str
    help: str  # one line for --help
    module: str  # under xmledger.render
    shows: frozenset  # block kinds: table, paragraphs, findings, chart
    binary: bool = False  # renders bytes (a file to write), not text
    aliases: tuple[str, ...] = ()


TEXT = frozenset({"table", "paragraphs", "findings"})
DATA = frozenset({"table", "findings"})

FORMATS: tuple[Format, ...] = (
    Format("table", "rich on a terminal, plain text when piped", "terminal", TEXT),
    Format("plain", "aligned plain text", "text", TEXT, aliases=("text",)),
    Format("markdown", "Markdown headings and tables", "text", TEXT),
    Format("csv", "comma-separated values, one table after another", "delimited", DATA),
    Format("tsv", "tab-separated values, one table after another", "delimited", DATA),
    Format("json", "one JSON document", "jsondoc", TEXT | {"chart"}),
    Format("html", "one self-contained HTML page with charts (no script, opens offline)", "html", TEXT | {"chart"}),
)
BY_NAME = {name: f for f in FORMATS for name in (f.name, *f.aliases)}


class FormatError(ValueError):
    """A report cannot be shown in a format (wrong usage: exit 2)."""


_KINDS = {"Table": "table", "Paragraphs": "paragraphs", "FindingList": "findings"}


def block_kind(block) -> str:
    return _KINDS.get(type(block).__name__, "chart")


def formats_for(report_kinds: set[str]) -> list[str]:
    """The formats that can show a report with blocks of these kinds."""
    return [f.name for f in FORMATS if (report_kinds - {"chart"}) <= f.shows]


def render(report, fmt: str) -> str | bytes:
    """The report in format `fmt`: text for the text formats, bytes for binary ones."""
    spec = BY_NAME.get(fmt)
    if spec is None:
        raise FormatError(f"unknown format {fmt!r}: choose one of {', '.join(f.name for f in FORMATS)}")
    kinds = {block_kind(b) for b in report.blocks}
    if not (kinds - {"chart"}) <= spec.shows:
        raise FormatError(f"{report.name} cannot be shown as {spec.name}: use {', '.join(formats_for(kinds))}")
    module = importlib.import_module(f"{__package__}.{spec.module}")
    return module.render(report, spec.name)
