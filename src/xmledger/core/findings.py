"""Findings: what `check` reports. Problems are values, never exceptions.

One type from the YAML reader to the renderer. A finding may first be *aimed*
at a path inside a record (('progress', 2, 'month')); placing it gives it the
line and column of that path in its file, and the source line (the excerpt)
taken from the bytes that were read, so no renderer ever opens a file.
Messages and hints are `Say` values, worded in the reader's language only when
shown. Codes are stable and documented in docs/errors.md.
"""


from typing import NamedTuple

from .words import Say, say, shorten

ERROR = "error"
WARNING = "warning"

#: every code; its titles in both languages are in words.py ("code.E001"), its section in docs/errors.md
CODES: tuple[str, ...] = (
    # files
    "E001", "E002", "E003", "E004", "E005", "E006", "E007", "E008", "E009", "E010", "E011", "E012",
    # fields
    "E101", "E102", "E103", "E104", "E105", "E106", "E107", "E108", "E109", "E110", "E111",
    # record rules
    "E201", "E202", "E203", "E204", "E205", "E206", "E207", "E208", "E209", "E210",
    # across records
    "E301", "E302", "E303",
    # the ledger
    "E401",
    # warnings
    "W101", "W102", "W103", "W104", "W105", "W106",
)


def severity(code: str) -> str:
    return ERROR if code.startswith("E") else WARNING


class Aim(NamedTuple):
    """Where inside a file an unplaced finding points: record index, path inside it, its value or its key."""

    index: int | None  # None: the file's top-level value
    path: tuple
    at: str = "value"  # value | key


class Finding(NamedTuple):
    """One problem in one place. `line`/`col` are 1-based, None for a whole file or while unplaced."""

    file: str  # as shown: relative to the ledger root, with "REV:" in front when read from git
    line: int | None
    col: int | None
    code: str
    field: str | None
    message: Say
    record: str | None = None
    hint: Say | None = None
    excerpt: str | None = None  # the source line at `line` (a window of it, when long), from the bytes read
    aim: Aim | None = None  # where in the file's records it points; placing gives it line, col and excerpt
    excerpt_from: int = 0  # characters of the line left out before the excerpt (a long line, the column far in)

    @property
    def severity(self) -> str:
        return severity(self.code)

    @property
    def is_error(self) -> bool:
        return self.code.startswith("E")

    def text(self, lang: str = "en") -> str:
        return say(self.message, lang)

    def hint_text(self, lang: str = "en") -> str | None:
        return say(self.hint, lang) if self.hint is not None else None

    def sort_key(self) -> tuple:
        return (self.file, self.line or 0, self.col or 0, self.code, self.field or "", say(self.message, "en"))


def field_name(path: tuple) -> str:
    """('progress', 2, 'month') -> 'progress[2].month'; years and months of plans stay keys: plans.2019.monthly."""
    out = ""
    for part in path:
        if isinstance(part, int) and out and not out.endswith(("plans", "monthly")):
            out += f"[{part}]"
        else:
            text = shorten(str(part), 40)  # a key may be anything a user typed, 5,000 digits included
            out += f".{text}" if out else text
    return out


def sorted_findings(findings) -> list[Finding]:
    """All findings in file and line order, duplicates removed."""
    return sorted(set(findings), key=Finding.sort_key)


def select(findings, selected: tuple[str, ...] = (), ignored: tuple[str, ...] = ()) -> list[Finding]:
    """`check --select/--ignore`: keep findings whose code starts with a selected prefix and with no
    ignored one (E1 is every E1xx; W every warning)."""
    return [f for f in findings
            if (not selected or f.code.startswith(selected)) and not (ignored and f.code.startswith(ignored))]
