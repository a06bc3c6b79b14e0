"""Aligned text tables: the `simple`, `plain` and `pipe` (markdown) layouts of tabulate, made here.

tabulate costs a warm command a tenth of its start-up, and seconds on a
province's problem list (30,000 rows); it also parses numbers unless told not
to. What we need of it is small: every cell already formatted by us, a column
as wide as its widest cell or its header plus two, cells padded by their
display width (wide and full-width characters count two columns: 中文 is 4),
left or right, lines stripped of trailing spaces. This module makes the same
bytes (tests/test_columns.py compares with tabulate), in one pass a column.
"""

from __future__ import annotations

import unicodedata

_WIDE = frozenset("WF")
_widths: dict[str, int] = {}


def width(text: str) -> int:
    """Columns a string takes on a terminal or in a sheet: wide and full-width characters two, combining marks none.
    The one measure of width: tables, check's caret, text charts, workbook and template column widths."""
    if text.isascii():
        return len(text)
    found = _widths.get(text)
    if found is None:
        eaw, comb = unicodedata.east_asian_width, unicodedata.combining
        found = sum(2 if eaw(ch) in _WIDE else 0 if comb(ch) else 1 for ch in text)
        if len(_widths) < 100_000:
            _widths[text] = found
    return found


def _pad(text: str, size: int, right: bool) -> str:
    gap = size - width(text)
    if gap <= 0:
        return text
    return " " * gap + text if right else text + " " * gap


def text_table(headers: list[str], rows: list[list[str]], right: list[bool], layout: str = "simple") -> str:
    """The table as tabulate(rows, headers, tablefmt=layout, disable_numparse=True, colalign=...) prints it,
    for layout simple, plain or pipe; `right[i]` aligns column i to the right."""
    columns = list(zip(*rows)) if rows else [()] * len(headers)
    widths, padded = [], []
    for header, cells, r in zip(headers, columns, right):
        cells = [c.strip() for c in cells]
        if "".join(cells).isascii():  # the common case: str.rjust / ljust at C speed
            size = max([width(header) + 2, *map(len, cells)])
            padded.append([c.rjust(size) for c in cells] if r else [c.ljust(size) for c in cells])
        else:
            sizes = list(map(width, cells))
            size = max([width(header) + 2, *sizes])
            padded.append([" " * (size - w) + c for c, w in zip(cells, sizes)] if r
                          else [c + " " * (size - w) for c, w in zip(cells, sizes)])
        widths.append(size)
    head = [_pad(h, size, r) for h, size, r in zip(headers, widths, right)]
    lines = []
    if layout == "pipe":
        lines.append("| " + " | ".join(head) + " |")
        lines.append("|" + "|".join(("-" * (w + 1) + ":") if r else (":" + "-" * (w + 1))
                                    for w, r in zip(widths, right)) + "|")
        lines += ["| " + " | ".join(row) + " |" for row in zip(*padded)]
    else:
        lines.append("  ".join(head).rstrip())
        if layout == "simple":
            lines.append("  ".join("-" * w for w in widths))
        lines += ["  ".join(row).rstrip() for row in zip(*padded)]
    return "\n".join(lines)
