"""csv and tsv: machine values under English keys.

Codes are the YAML values (`approval`, `started`), amounts exact to 4 decimals, rates to 8. A report with
one table gives its header and rows; a report with several names each: a line `# <table key>` (`# groups`,
`# months`) before its header, and an empty line between tables — `pandas.read_csv(..., comment="#")` or a
split on empty lines reads them apart.

Safe to open in a spreadsheet: every text cell that begins with `=`, `+`, `-`, `@`, a tab, a carriage
return or their full-width forms `＝＋－＠` gets a leading `'` (OWASP's rule against CSV injection), so
Excel and WPS show it as text instead of running it; numbers stay numbers (-5 is written -5). Control
characters (ESC, NUL, BEL ...) in the ledger's text are dropped: they would reach a terminal or a program
reading the file. `for_excel` adds the byte order mark Excel needs to read UTF-8.
"""

from __future__ import annotations

import csv
import io
import re
from typing import Any, Iterable

from ..reports.base import Cell, FindingList, Report, Table
from ..reports.cells import machine
from ..reports.findings import finding_dict

#: first characters a spreadsheet reads as the start of a formula (OWASP), with their full-width forms
FORMULA_START = frozenset("=+-@\t\r＝＋－＠")
#: C0 controls but tab, line feed and carriage return; DEL; C1 controls
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
BOM = "\ufeff"


def render(report: Report, fmt: str) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
    tables = [b for b in report.blocks if isinstance(b, (Table, FindingList))]
    for n, block in enumerate(tables):
        if isinstance(block, Table):
            header, rows = [c.key for c in block.columns], [
                [cell(machine(v, c.kind), is_text(v)) for c, v in zip(block.columns, row)]
                for row in block.rows]
        else:
            dicts = [finding_dict(f, report.lang) for f in block.findings]
            header = ["file", "line", "column", "severity", "code", "field", "message", "record", "hint"]
            rows = [[cell(d[k], isinstance(d[k], str)) for k in header] for d in dicts]
        if n:
            buf.write("\n")
        if len(tables) > 1:
            buf.write(f"# {block.key}\n")
        writer.writerow(header)
        writer.writerows(rows)
    return buf.getvalue()


def cell(value: Any, text: bool = True) -> str:
    """One field: None empty, lists joined with `;`, booleans true/false. `text`: the value came from text
    (a name, a note), and is cleaned and neutralised; a number is written as it is."""
    if value is None:
        return ""
    if isinstance(value, list):
        return ";".join(safe_text(str(v)) for v in value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return safe_text(str(value)) if text else str(value)


def is_text(value: Any) -> bool:
    """A value from the ledger's text (names, notes, titles), as opposed to a number, date or list."""
    return isinstance(value.value if isinstance(value, Cell) else value, str)


def safe_text(text: str) -> str:
    """Text from the ledger, fit for a spreadsheet: control characters dropped, a formula start neutralised."""
    if CONTROL.search(text):
        text = CONTROL.sub("", text)
    if text and text[0] in FORMULA_START:
        return "'" + text
    return text


def rows_text(header: list[str], rows: Iterable[list[Any]], delimiter: str = ",") -> str:
    """A header and rows of machine values (text already made safe by the caller, or by `cell`)."""
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buf.getvalue()


def for_excel(data: str | bytes) -> bytes:
    """UTF-8 with a byte order mark: Excel and WPS on Chinese Windows read it as UTF-8, not GBK."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    return raw if raw.startswith(BOM.encode("utf-8")) else BOM.encode("utf-8") + raw
