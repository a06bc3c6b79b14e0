"""Findings: what `check` reports. Problems are values, never exceptions.

Every finding names a file and, where one exists, the line and column in it,
so editors can jump there. Codes are stable and documented in docs/errors.md.
"""

from __future__ import annotations

from typing import NamedTuple

ERROR = "error"
WARNING = "warning"

#: code -> (severity, short title). docs/errors.md has one section per code.
CODES: dict[str, tuple[str, str]] = {
    # files
    "E001": (ERROR, "file is not UTF-8 text"),
    "E002": (ERROR, "YAML syntax error"),
    "E003": (ERROR, "file is empty"),
    "E004": (ERROR, "more than one YAML document in a file"),
    "E005": (ERROR, "not a record"),
    "E006": (ERROR, "YAML tag not allowed"),
    "E007": (ERROR, "aliases expand too much or refer to themselves"),
    "E008": (ERROR, "nesting too deep"),
    "E009": (ERROR, "duplicate key"),
    "E010": (ERROR, "key is not plain text"),
    "E011": (ERROR, "file too large"),
    # fields
    "E101": (ERROR, "missing field"),
    "E102": (ERROR, "unknown key"),
    "E103": (ERROR, "wrong type"),
    "E104": (ERROR, "number out of range"),
    "E105": (ERROR, "value not allowed"),
    "E106": (ERROR, "invalid id"),
    "E107": (ERROR, "invalid date or month"),
    "E108": (ERROR, "invalid amount"),
    "E109": (ERROR, "value read as another type: quote it"),
    "E110": (ERROR, "category not allowed by ledger.yaml"),
    # record rules
    "E201": (ERROR, "monthly plan does not add up to the annual plan"),
    "E202": (ERROR, "progress month given twice"),
    "E203": (ERROR, "progress month in the future"),
    "E204": (ERROR, "dates out of order"),
    "E205": (ERROR, "completion without a start"),
    "E206": (ERROR, "pool project already started"),
    "E207": (ERROR, "closed without being resolved"),
    "E208": (ERROR, "escalation level goes down"),
    "E209": (ERROR, "visit to a project not on the card"),
    "E210": (ERROR, "hard-problem plan given for a general problem"),
    # across records
    "E301": (ERROR, "duplicate id"),
    "E302": (ERROR, "unknown project"),
    # the ledger
    "E401": (ERROR, "no ledger.yaml"),
    # warnings
    "W101": (WARNING, "completed investment above total investment"),
    "W102": (WARNING, "annual plan above total investment"),
    "W103": (WARNING, "project without a responsibility card"),
    "W104": (WARNING, "planned start passed without a start"),
    "W105": (WARNING, "working days approximate for a year"),
    "W106": (WARNING, "folder not read"),
}


class Finding(NamedTuple):
    """One problem in one place. `line`/`col` are 1-based, None for a whole file."""

    file: str
    line: int | None
    col: int | None
    code: str
    field: str | None
    message: str
    record: str | None = None
    hint: str | None = None

    @property
    def severity(self) -> str:
        return CODES[self.code][0]

    @property
    def is_error(self) -> bool:
        return self.code.startswith("E")

    def sort_key(self) -> tuple:
        return (self.file, self.line or 0, self.col or 0, self.code, self.field or "", self.message)


def sorted_findings(findings) -> list[Finding]:
    """All findings in file and line order, duplicates removed."""
    return sorted(set(findings), key=Finding.sort_key)
