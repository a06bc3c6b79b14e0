"""`check`: the findings of a ledger as a report (text lines editors can jump to, json, csv)."""

from __future__ import annotations

from ..core.findings import Finding
from ..core.words import say
from .base import FindingList, Report


def finding_dict(f: Finding, lang: str) -> dict:
    return {"file": f.file, "line": f.line, "column": f.col, "severity": f.severity, "code": f.code,
            "field": f.field, "message": say(f.message, lang), "record": f.record,
            "hint": say(f.hint, lang) if f.hint is not None else None}


def check_report(findings: list[Finding], lang: str) -> Report:
    """SPEC §6.1: one finding a line, sorted by file and line; json: a list of objects."""
    return Report("check", "", [FindingList("findings", list(findings))],
                  [finding_dict(f, lang) for f in findings], (), None, lang)
