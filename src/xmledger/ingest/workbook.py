"""A workbook's sheets as plain values: rows of cells from A1, and the merged ranges.

python-calamine reads .xlsx, .xls and .ods (4x faster than openpyxl's read-only
mode on the same file, see docs/performance.md) and exposes merged ranges for
.xlsx and .xls. Everything it cannot open (a password, a broken zip, not a
workbook at all) becomes a `WorkbookError` with a sentence for the user; no
exception of the reader escapes.
"""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import NamedTuple

from ..core.words import Say, msg
from .findings import SheetFinding, ERROR

SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods")


class WorkbookError(Exception):
    def __init__(self, finding: SheetFinding):
        super().__init__(finding.message.key)
        self.finding = finding


class Sheet(NamedTuple):
    """One worksheet: `rows[r][c]` is the cell at row r, column c (0-based, from A1); '' when empty."""

    name: str
    rows: list[list]
    merged: tuple[tuple[int, int, int, int], ...]  # (first row, first col, last row, last col), inclusive
    merges_known: bool  # False for .ods: calamine does not report its merged ranges

    def cell(self, r: int, c: int):
        if 0 <= r < len(self.rows):
            row = self.rows[r]
            if 0 <= c < len(row):
                return row[c]
        return ""


def column_letter(c: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA."""
    out = ""
    c += 1
    while c:
        c, rem = divmod(c - 1, 26)
        out = chr(65 + rem) + out
    return out


def cell_name(r: int, c: int) -> str:
    return f"{column_letter(c)}{r + 1}"


def open_workbook(path: Path, shown: str | None = None) -> list[Sheet]:
    """Every worksheet of the workbook at `path` (hidden sheets too; charts and macros are not sheets)."""
    shown = shown or path.name

    def fail(key: str, **args) -> WorkbookError:
        return WorkbookError(SheetFinding(shown, None, None, ERROR, msg(key, **args), msg(f"{key}.hint")))

    if not path.is_file():
        raise fail("ingest.no_file")
    if path.suffix.lower() not in SUFFIXES:
        raise fail("ingest.not_a_workbook_suffix", suffix=path.suffix or "-")
    try:
        import python_calamine as pc
    except ImportError:  # pragma: no cover - a dependency
        raise fail("ingest.no_reader") from None
    try:
        with path.open("rb") as f:
            head = f.read(8)
    except OSError as e:
        raise fail("ingest.corrupt", detail=e.strerror or type(e).__name__) from None
    if head.startswith(b"\xd0\xcf\x11\xe0") and path.suffix.lower() in (".xlsx", ".xlsm"):
        # an OLE2 container named .xlsx: how Office stores an encrypted (password-protected) workbook
        raise fail("ingest.password")
    try:
        book = pc.CalamineWorkbook.from_path(str(path))
        sheets = []
        for meta in book.sheets_metadata:
            if str(meta.typ) not in ("SheetTypeEnum.WorkSheet", "WorkSheet"):
                continue
            sheet = book.get_sheet_by_name(meta.name)
            rows = sheet.to_python(skip_empty_area=False)
            merged = sheet.merged_cell_ranges
            sheets.append(Sheet(meta.name, [list(row) for row in rows],
                                tuple((a[0], a[1], b[0], b[1]) for a, b in (merged or ())), merged is not None))
        book.close()
    except pc.PasswordError:
        raise fail("ingest.password") from None
    except (pc.CalamineError, ValueError, OSError, RuntimeError, TypeError) as e:
        text = str(e).splitlines()[0][:200] if str(e) else type(e).__name__
        if "password" in text.lower() or "encrypt" in text.lower():
            raise fail("ingest.password") from None
        raise fail("ingest.corrupt", detail=text) from None
    return sheets


def plain(value):
    """A cell as text or number: dates and times as calamine gives them, '' for empty."""
    if isinstance(value, datetime.datetime) and value.time() == datetime.time(0):
        return value.date()
    return value


def text_of(value) -> str:
    """What a header or a name cell reads as: its text, stripped; a number as written (7 not 7.0)."""
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        if value.is_integer():
            return str(int(value))
        return format(value, ".15g")
    if isinstance(value, datetime.datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value).strip()


def describe(value) -> Say | str:
    """How a cell's value is shown in a finding."""
    return text_of(value)
