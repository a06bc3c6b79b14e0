"""How `check` shows findings: text lines editors can jump to, or JSON.

Text: `file:line:col: severity code field: message`, then the source line
with a caret under the column (East Asian wide characters count two cells),
and the record and a hint where there is one.
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

from .findings import Finding


def cell_width(text: str) -> int:
    """Terminal cells of `text`: wide and fullwidth characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def headline(f: Finding) -> str:
    where = f.file
    if f.line is not None:
        where += f":{f.line}"
        if f.col is not None:
            where += f":{f.col}"
    subject = f"{f.field}: " if f.field else ""
    return f"{where}: {f.severity} {f.code} {subject}{f.message}"


def as_text(findings: list[Finding], root: Path | None) -> str:
    lines: list[str] = []
    sources: dict[str, list[str] | None] = {}
    for f in findings:
        lines.append(headline(f))
        src = _source_line(root, f, sources) if root is not None else None
        gutter = " " * (len(str(f.line)) + 1) if f.line else "   "
        if src is not None:
            lines.append(f" {f.line} | {src}")
            if f.col is not None:
                lines.append(f"{gutter} | " + " " * cell_width(src[: f.col - 1]) + "^")
        notes = []
        if f.record:
            notes.append(f"in {f.record}")
        if f.hint:
            notes.append(f"hint: {f.hint}")
        if notes:
            lines.append(f"{gutter} = " + "; ".join(notes))
    return "\n".join(lines) + ("\n" if lines else "")


def _source_line(root: Path, f: Finding, cache: dict) -> str | None:
    if f.line is None:
        return None
    if f.file not in cache:
        try:
            text = (root / f.file).read_bytes().decode("utf-8-sig")
            cache[f.file] = text.splitlines()
        except (OSError, UnicodeDecodeError):
            cache[f.file] = None
    lines = cache[f.file]
    if not lines or f.line > len(lines):
        return None
    line = lines[f.line - 1].replace("\t", " ")
    return line if len(line) <= 200 else line[:200] + "…"


def as_json(findings: list[Finding]) -> str:
    rows = [{"file": f.file, "line": f.line, "column": f.col, "severity": f.severity, "code": f.code,
             "field": f.field, "message": f.message, "record": f.record, "hint": f.hint} for f in findings]
    return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"


def tally(findings: list[Finding]) -> str:
    errors = sum(f.is_error for f in findings)
    warnings = len(findings) - errors
    return f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}"
