"""What `import xlsx` and `intake` could not read: a finding placed at a cell, `FILE!SHEET!C12`.

Like `check`'s findings, a message is a `Say`, worded in the reader's language
only when shown; errors stop anything from being written, warnings do not.
"""

from __future__ import annotations

from typing import NamedTuple

from ..core.words import Say, say, words

ERROR = "error"
WARNING = "warning"


class SheetFinding(NamedTuple):
    file: str  # the workbook as named on the command line
    sheet: str | None  # None: about the whole workbook
    cell: str | None  # "C12", "C" (a column), None (the sheet)
    severity: str
    message: Say
    hint: Say | None = None

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR

    @property
    def place(self) -> str:
        return "!".join(part for part in (self.file, self.sheet, self.cell) if part)

    def sort_key(self) -> tuple:
        return (self.file, self.sheet or "", _cell_order(self.cell), self.severity, self.message.key)

    def text(self, lang: str) -> str:
        line = f"{self.place}: {words('ingest.severity.' + self.severity, lang)} {say(self.message, lang)}"
        if self.hint is not None:
            line += "\n   = " + words("finding.hint", lang, hint=say(self.hint, lang))
        return line


def _cell_order(cell: str | None) -> tuple:
    if not cell:
        return (0, 0)
    letters = cell.rstrip("0123456789")
    digits = cell[len(letters):]
    col = 0
    for ch in letters:
        col = col * 26 + ord(ch) - 64
    return (int(digits) if digits else 0, col)


def sorted_findings(findings) -> list[SheetFinding]:
    return sorted(dict.fromkeys(findings), key=SheetFinding.sort_key)
