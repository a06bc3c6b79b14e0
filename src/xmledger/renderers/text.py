"""plain and markdown: aligned text tables (tabulate, wide characters counted twice), paragraphs, findings.

tabulate would parse numbers in cells ("007" -> 7, big Decimals -> 1.2e+13): every cell is formatted by us
first and number parsing is off. Nothing is ever cut or wrapped.
"""

from __future__ import annotations

from ..core.words import label, say, words
from ..reports.base import FindingList, Paragraphs, Report, Table
from ..reports.cells import RIGHT, humans
from .columns import width


_HIDDEN = ("Cc", "Cf", "Zl", "Zp", "Cs")  # controls (C0, C1), format characters (bidi overrides), line separators


def _escape(ch: str) -> str:
    n = ord(ch)
    return f"\\x{n:02x}" if n < 0x100 else f"\\u{n:04x}" if n < 0x10000 else f"\\U{n:08x}"


def visible(text: str, newlines: bool = False) -> str:
    """Text from the ledger as it may be printed: control characters (ESC, NUL, BEL, CR, NEL …), bidi overrides
    and line separators escaped (\\x1b), so that no value can move a terminal's cursor, ring its bell, reorder or
    hide a line. Newlines only where they belong (paragraphs); spaces of every width stay."""
    if not text or text.isprintable():
        return text
    import unicodedata

    category = unicodedata.category
    return "".join(ch if (newlines and ch == "\n") or category(ch) not in _HIDDEN else _escape(ch) for ch in text)


def render(report: Report, fmt: str) -> str:
    return render_text(report, "pipe" if fmt == "markdown" else "plain")


def render_text(report: Report, tablefmt: str) -> str:
    lang = report.lang
    out: list[str] = []
    if report.title:
        title = visible(report.title)
        out += [f"## {title}" if tablefmt == "pipe" else title, *map(visible, report.notes), ""]
    for block in report.blocks:
        if isinstance(block, Table):
            if block.title:
                out.append(f"### {visible(block.title)}" if tablefmt == "pipe" else visible(block.title))
            out += [table_text(block, lang, tablefmt), ""]
        elif isinstance(block, Paragraphs):
            for text in block.texts:
                out += [visible(text, newlines=True), ""]
        elif isinstance(block, FindingList):
            out += finding_lines(block.findings, lang)
        elif type(block).__name__ == "Chart":  # bars of block characters (textchart)
            from .textchart import chart_lines

            out += [*chart_lines(block, lang), ""]
    return "\n".join(out) + ("\n" if out and out[-1] != "" else "")


def empty_table(lang: str) -> str:
    return "(无)" if lang == "zh" else "(none)"


LARGE = 2000  # rows from which the table is laid out by renderers/columns.py: the same bytes, 14x faster


def table_text(table: Table, lang: str, tablefmt: str) -> str:
    """A table laid out by tabulate (every cell formatted by us first, number parsing off); a province-sized one
    (a problem list of 30,000 rows took tabulate 3.8 s) by our byte-identical layout (renderers/columns.py)."""
    headers = [label(c.header or c.key, lang) for c in table.columns]
    if not table.rows:
        return empty_table(lang)
    columns = []
    for i, c in enumerate(table.columns):  # column by column: one formatter a column, not a call a cell
        cells = humans([row[i] for row in table.rows], c.kind, lang, c.prefix)
        columns.append(cells if "".join(cells).isprintable() else [visible(x) for x in cells])
    rows = [list(row) for row in zip(*columns)]
    right = [c.kind in RIGHT for c in table.columns]
    if len(rows) >= LARGE:
        from .columns import text_table

        return text_table(headers, rows, right, tablefmt)
    from tabulate import tabulate

    return tabulate(rows, headers, tablefmt=tablefmt, disable_numparse=True,
                    colalign=["right" if r else "left" for r in right])


# ------------------------------------------------------------------ findings (check)



def headline(f, lang: str) -> str:
    """`file:line:col: severity code field: message` (SPEC §6.1): editors and CI annotators jump to it."""
    where = f.file
    if f.line is not None:
        where += f":{f.line}"
        if f.col is not None:
            where += f":{f.col}"
    subject = f"{f.field}: " if f.field else ""
    return visible(f"{where}: {f.severity} {f.code} {subject}{say(f.message, lang)}")


def finding_lines(findings, lang: str) -> list[str]:
    """Each finding: its headline, the source line with a caret under the column, the record and a hint."""
    lines: list[str] = []
    for f in findings:
        lines.append(headline(f, lang))
        gutter = " " * (len(str(f.line)) + 1) if f.line else "   "
        if f.excerpt is not None and f.line is not None:
            lead = "…" if f.excerpt_from else ""  # a long line, shown from near the column
            lines.append(f" {f.line} | {lead}{visible(f.excerpt)}")
            if f.col is not None:
                before = visible(f.excerpt[: max(0, f.col - 1 - f.excerpt_from)])
                lines.append(f"{gutter} | " + " " * width(lead + before) + "^")
        notes = []
        if f.record:
            notes.append(words("finding.in", lang, record=f.record))
        if f.hint is not None:
            notes.append(words("finding.hint", lang, hint=say(f.hint, lang)))
        if notes:
            lines.append(visible(f"{gutter} = " + ("；" if lang == "zh" else "; ").join(notes)))
    return lines
