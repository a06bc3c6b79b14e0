"""The workbook value (reports/workbook.py) written as an .xlsx file with XlsxWriter.

Text is always written as text (`write_string`): a project named
`=HYPERLINK(...)` stays a name, never a formula. Amounts, rates and counts are
numbers with number formats (rates as percentages), dates are dates, lights
are filled cells that still read in black and white. Sheets are written in
XlsxWriter's constant-memory mode, row after row, so a province-sized ledger
costs little memory; merged header cells are written first, row by row, and
their ranges declared after.
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from ..core.words import label, t, words
from ..reports.base import Cell
from ..reports.cells import human
from ..reports.workbook import Section, Sheet, Workbook
from ..renderers.columns import width as display_width  # one measure of a text's columns everywhere

NUMBER_FORMATS = {
    "int": "0", "amount": "#,##0.00", "rate": "0.0%", "growth": "+0.0%;-0.0%;0.0%", "pp": "+0.0;-0.0;0.0",
    "decimal": "0.0", "score": "0.000", "date": "yyyy-mm-dd",
}
NUMERIC = frozenset({"int", "amount", "rate", "growth", "pp", "decimal", "score"})
LIGHT_FILL = {"green": ("#00B050", "#FFFFFF"), "yellow": ("#FFFF00", "#000000"), "red": ("#FF0000", "#FFFFFF")}
STYLE_FILL = {"item": None, "subtotal": "#F2F2F2", "total": "#D9D9D9"}
FONT = "宋体"
MAX_WIDTH, WRAP_WIDTH = 60, 36




def shown(value: Any, kind: str, prefix: str, lang: str) -> tuple[str, Any]:
    """How a cell is written: ("number", float) | ("date", date) | ("text", str) | ("light", code) | ("blank", None)."""
    if isinstance(value, Cell):
        value, kind, prefix = value
    if value is None:
        return "blank", None
    if kind in NUMERIC and isinstance(value, (int, Decimal, float)) and not isinstance(value, bool):
        return "number", float(value)
    if kind == "date" and isinstance(value, datetime.date):
        return "date", value
    if kind == "light":
        return "light", value
    if kind in ("code", "label"):
        return "text", label(prefix + str(value), lang)
    if kind not in ("text", "cell"):  # kinds people read in words (duties: 五包 ...), as the tables show them
        return "text", human(value, kind, lang, prefix)
    if isinstance(value, bool):
        return "text", t("yes" if value else "no", lang)
    if isinstance(value, (list, tuple)):
        return "text", ("、" if lang == "zh" else ", ").join(str(v) for v in value)
    if isinstance(value, Decimal):
        return "text", f"{value:f}"
    return "text", str(value)


def number_width(value: float, kind: str) -> int:
    """Characters a number takes as its format shows it."""
    if kind == "amount":
        return len(f"{value:,.2f}")
    if kind in ("rate", "growth"):
        return len(f"{value * 100:.1f}") + 2
    if kind == "int":
        return len(f"{value:.0f}")
    return len(f"{value:.3f}")


def text_width(text: str) -> int:
    return max(map(display_width, text.split("\n"))) if "\n" in text else display_width(text)


def fitted(widths: list[int], wrap_cols: set[int]) -> list[int]:
    """Column widths from the widest header label and cell (Chinese counted as 2), capped; long text wraps."""
    return [min(w + 2, WRAP_WIDTH if i in wrap_cols else MAX_WIDTH) for i, w in enumerate(widths)]


class Formats:
    """XlsxWriter formats made once each, by (role, kind, style, wrap, light)."""

    def __init__(self, book):
        self.book = book
        self.cache: dict = {}

    def get(self, role: str, kind: str = "text", style: str = "item", wrap: bool = False, light: str | None = None):
        key = (role, kind, style, wrap, light)
        fmt = self.cache.get(key)
        if fmt is None:
            props: dict = {"font_name": FONT, "font_size": 10, "valign": "vcenter"}
            if role == "title":
                props.update(bold=True, font_size=16, align="center")
            elif role == "subtitle":
                props.update(align="right")
            elif role == "section":
                props.update(bold=True, font_size=11)
            elif role == "blank_border":
                props = {"border": 1}
            elif role == "header":
                props.update(bold=True, align="center", text_wrap=True, border=1, bg_color="#DDEBF7")
            else:
                props["border"] = 1
                if kind in NUMBER_FORMATS:
                    props["num_format"] = NUMBER_FORMATS[kind]
                if kind == "date" or kind == "light":
                    props["align"] = "center"
                if wrap:
                    props["text_wrap"] = True
                if style != "item":
                    props["bold"] = True
                if STYLE_FILL.get(style):
                    props["bg_color"] = STYLE_FILL[style]
                if light in LIGHT_FILL:
                    props.update(bg_color=LIGHT_FILL[light][0], font_color=LIGHT_FILL[light][1], pattern=1)
            fmt = self.cache[key] = self.book.add_format(props)
        return fmt


def write_workbook(book: Workbook, target, data=None) -> None:
    """Write the workbook to `target` (a path or a binary file object); with `data` (exports.tidy.Selection), the
    data sheets after the report's (write_data_sheets)."""
    import xlsxwriter

    created = datetime.datetime.combine(book.meta["as_of"], datetime.time())
    xb = xlsxwriter.Workbook(target, {"constant_memory": True, "strings_to_formulas": False,
                                      "strings_to_numbers": False, "strings_to_urls": False})
    try:
        xb.set_properties({"title": book.title, "created": created, "author": "xmledger", "company": ""})
        formats = Formats(xb)
        for sheet in book.sheets:
            write_sheet(xb, sheet, formats, book.lang)
        if data is not None:
            write_data_sheets(xb, data)
    finally:
        xb.close()


def write_data_sheets(xb, sel) -> None:
    """The records as the tidy tables of exports/tidy.py, a sheet each (data.projects, data.plans ...), and the
    settings as data.ledger: every cell text, as the YAML wrote it, so that `import xlsx` reads the same ledger
    back (docs/import.md, "Round trip"). No formats: these sheets are for the import, and for people who filter."""
    from .tidy import DATA_PREFIX, DATA_TABLES, data_text, settings_rows

    bold = xb.add_format({"bold": True})
    for spec in DATA_TABLES:
        ws = xb.add_worksheet(DATA_PREFIX + spec.name)
        ws.write_row(0, 0, [c.name for c in spec.columns], bold)
        ws.freeze_panes(1, 0)
        kinds = [c.kind for c in spec.columns]
        for r, row in enumerate(spec.rows(sel), 1):
            for c, value in enumerate(row):
                if value is not None:
                    ws.write_string(r, c, data_text(value, kinds[c]))
    ws = xb.add_worksheet(DATA_PREFIX + "ledger")
    ws.write_row(0, 0, ["key", "value"], bold)
    for r, (key, text) in enumerate(settings_rows(sel.ctx.ledger.settings), 1):
        ws.write_string(r, 0, key)
        ws.write_string(r, 1, text)


def write_sheet(xb, sheet: Sheet, formats: Formats, lang: str) -> None:
    ws = xb.add_worksheet(sheet.name)
    ncols = max(len(s.columns) for s in sheet.sections)
    widths = [4] * ncols
    wrap_cols = {i for s in sheet.sections for i, c in enumerate(s.columns) if c.key in sheet.wrap}
    ws.set_row(0, 30)
    for r, (text, role) in enumerate([(sheet.title, "title"), (sheet.subtitle, "subtitle")]):
        if ncols > 1:
            ws.merge_range(r, 0, r, ncols - 1, text, formats.get(role))  # one row: its cells in order
        else:
            ws.write_string(r, 0, text, formats.get(role))
    row = 2
    header_rows = None
    for n, section in enumerate(sheet.sections):
        if n:
            row += 1  # one empty row between sections
        if section.title:
            ws.write_string(row, 0, section.title, formats.get("section"))
            row += 1
        first = row
        row = write_header(ws, section, row, formats)
        for h in section.header:
            if h.first_col == h.last_col:
                widths[h.first_col] = max(widths[h.first_col], text_width(h.text))
        if header_rows is None:
            header_rows = (first, row - 1)
        row = write_rows(ws, section, row, formats, sheet.wrap, widths)
    for i, w in enumerate(fitted(widths, wrap_cols)):  # <cols> is written at close, before the rows
        ws.set_column(i, i, w)
    if len(sheet.sections) == 1 and header_rows:
        ws.freeze_panes(header_rows[1] + 1, sheet.freeze_cols)
        ws.repeat_rows(header_rows[0], header_rows[1])
    else:
        ws.freeze_panes(2, sheet.freeze_cols)
        ws.repeat_rows(0, 1)
    ws.set_landscape()
    ws.set_paper(8 if ncols > 12 else 9)  # A3 for the wide progress table, else A4
    ws.fit_to_pages(1, 0)
    ws.center_horizontally()
    ws.set_margins(left=0.4, right=0.4, top=0.5, bottom=0.6)
    ws.set_footer("&C" + words("wb.footer", lang))


def write_header(ws, section: Section, row: int, formats: Formats) -> int:
    """Write the header cells row by row (constant-memory mode writes rows in order), then declare the merges."""
    fmt = formats.get("header")
    for r in range(section.header_rows):
        covered = {}
        for h in section.header:
            for c in range(h.first_col, h.last_col + 1):
                if h.first_row <= r <= h.last_row:
                    covered[c] = h.text if (r, c) == (h.first_row, h.first_col) else None
        ws.set_row(row + r, 30 if section.header_rows == 2 else 24)
        for c in sorted(covered):
            if covered[c] is None:
                ws.write_blank(row + r, c, None, fmt)
            else:
                ws.write_string(row + r, c, covered[c], fmt)
    for h in section.header:
        if (h.first_row, h.first_col) != (h.last_row, h.last_col):
            declare_merge(ws, row + h.first_row, h.first_col, row + h.last_row, h.last_col)
    return row + section.header_rows


def declare_merge(ws, first_row: int, first_col: int, last_row: int, last_col: int) -> None:
    """Declare a merged range whose cells are already written.

    merge_range() writes its cells itself, top row then the rows below; in constant-memory mode a row is
    final once a later row is written, so the second vertical merge of a two-row header would be dropped.
    The header is therefore written row by row first, and the ranges are added to the sheet's list of
    merges, which XlsxWriter writes out at close (tests read the ranges back)."""
    ws.merge.append([first_row, first_col, last_row, last_col])


def write_rows(ws, section: Section, row: int, formats: Formats, wrap: frozenset, widths: list[int]) -> int:
    """Write the rows, each cell once, and widen `widths` to the widest cell of each column.

    A province's problem list is 30,000 rows: everything a cell needs but its value (its kind, formats for
    each row style) is looked up once per column, and the common cells — text in a text column, a number in
    a number column — take a short path to XlsxWriter's own cell writers (its public ones check their
    arguments again for every cell)."""
    lang = section.lang
    plans = []
    for i, c in enumerate(section.columns):
        w = c.key in wrap
        fast = "text" if c.kind == "text" else "number" if c.kind in NUMERIC else None
        plans.append((i, c.kind, c.prefix, fast, {
            style: {"number": formats.get("cell", c.kind, style), "date": formats.get("cell", "date", style),
                    "text": formats.get("cell", "text", style, w), "blank": formats.get("cell", c.kind, style, w)}
            for style in STYLE_FILL}))
    write_number = getattr(ws, "_write_number", ws.write_number)
    write_string = getattr(ws, "_write_string", ws.write_string)
    write_blank = getattr(ws, "_write_blank", ws.write_blank)
    write_date = getattr(ws, "_write_datetime", ws.write_datetime)
    first = row
    for r in section.rows:
        cells = r.cells
        style = r.style
        for i, kind, prefix, fast, fmts in plans:
            value = cells[i]
            if value is None:
                if style != "item":  # item rows' empty cells get their border from one conditional format
                    write_blank(row, i, None, fmts[style]["blank"])
                continue
            vtype = type(value)
            if fast == "text" and vtype is str:
                write_string(row, i, value, fmts[style]["text"])
                width = text_width(value)
            elif fast == "number" and (vtype is Decimal or vtype is int):
                number = float(value)
                write_number(row, i, number, fmts[style]["number"])
                width = number_width(number, kind)
            else:
                how, val = shown(value, kind, prefix, lang)
                if how == "number":
                    cell_kind = value.kind if isinstance(value, Cell) else kind
                    fmt = fmts[style]["number"] if cell_kind == kind else formats.get("cell", cell_kind, style)
                    write_number(row, i, val, fmt)
                    width = number_width(val, cell_kind)
                elif how == "text":
                    write_string(row, i, val, fmts[style]["text"])
                    width = text_width(val)
                elif how == "date":
                    write_date(row, i, val, fmts[style]["date"])
                    width = 10
                elif how == "light":
                    text = label(val, lang)
                    write_string(row, i, text, formats.get("cell", "light", style, light=val))
                    width = display_width(text)
                else:
                    write_blank(row, i, None, fmts[style]["blank"])
                    width = 0
            if width > widths[i]:
                widths[i] = width
        row += 1
    if row > first:
        # Empty cells are not written (a province's problem list has 100,000 of them, each costing as much as
        # a value); one rule draws their borders.
        ws.conditional_format(first, 0, row - 1, len(section.columns) - 1,
                              {"type": "blanks", "format": formats.get("blank_border")})
    return row
