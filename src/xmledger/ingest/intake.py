"""`intake`: filled progress sheets into the ledger, checked as a whole, written all or nothing.

Every sheet is read first and every row checked against the ledger and against
the other rows: an id the ledger does not have, a project on two rows, an
amount that is not one, a month already reported with other figures (refused
unless `replace`). Only then are the files planned: the month's progress file
(progress/YYYY-MM.yaml, or progress/YYYY-MM/UNIT.yaml one a unit) and the new
problems (issues/intake/YYYY-MM.yaml, appended to). The planned ledger is
checked by the loader every command uses before anything is written. An entry
already in the ledger with the same figures is left as it is, so running the
intake twice changes nothing.
"""

from __future__ import annotations

import datetime
import re
from decimal import Decimal
from pathlib import Path
from typing import NamedTuple

from ..core.findings import Finding
from ..core.words import msg, t, words
from ..sources.base import FileRef, LedgerSource, Scan, content_key, kind_of
from . import yamltext as y
from .cells import CellError, amount, normal, text
from .findings import ERROR, WARNING, SheetFinding, sorted_findings
from .importer import NO_PROBLEM, guess_category, problems
from .template import COLUMNS, META_KIND, META_SHEET
from .workbook import Sheet, WorkbookError, cell_name, open_workbook, text_of

_TITLE_MONTH = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月")
_ISSUE_ID = re.compile(r"Q(\d{4})-(\d+)\Z")


class Row(NamedTuple):
    shown: str
    sheet: str
    r: int
    cols: dict  # column key -> column index
    pid: str
    name: str | None
    unit: str | None
    invested: object  # the cell as read; checked in `plan`
    note: str | None
    problem: str | None
    month: datetime.date

    def cell(self, key: str) -> str:
        return cell_name(self.r, self.cols.get(key, 0))


class Plan(NamedTuple):
    files: dict[str, str]  # relative path -> full text to write
    findings: list[SheetFinding]
    added: int
    replaced: int
    unchanged: int
    issues: tuple[str, ...]  # ids of new problems
    known_issues: int  # problems already recorded
    not_reported: int  # rows left empty
    months: tuple[str, ...]

    @property
    def has_errors(self) -> bool:
        return any(f.is_error for f in self.findings)


def _labels(key: str) -> tuple[str, ...]:
    label_key = next(lk for k, lk, _ in COLUMNS if k == key)
    return tuple(normal(t(label_key, lang)) for lang in ("zh", "en"))


def _header(sheet: Sheet) -> tuple[int, dict] | None:
    wanted = {key: _labels(key) for key, _, _ in COLUMNS}
    for r in range(min(20, len(sheet.rows))):
        cols = {}
        for c, v in enumerate(sheet.rows[r]):
            label = normal(text_of(v))
            label = re.sub(r"[(（].*?[)）]\Z", "", label)
            for key, names in wanted.items():
                if key not in cols and any(label == n or (key == "done" and label.startswith(n[:4])) for n in names):
                    cols[key] = c
                    break
        if "id" in cols and "invested" in cols:
            return r, cols
    return None


def read_sheets(paths: list[tuple[Path, str]], month_option: datetime.date | None) -> tuple[list[Row], list[SheetFinding]]:
    rows: list[Row] = []
    findings: list[SheetFinding] = []
    for path, shown in paths:
        try:
            sheets = open_workbook(path, shown)
        except WorkbookError as e:
            findings.append(e.finding)
            continue
        meta = next((s for s in sheets if s.name == META_SHEET), None)
        info = {text_of(row[0]): text_of(row[1]) for row in meta.rows if len(row) >= 2} if meta else {}
        month = None
        if info.get("kind") == META_KIND and re.fullmatch(r"\d{4}-\d{2}", info.get("month", "")):
            month = datetime.date(int(info["month"][:4]), int(info["month"][5:]), 1)
        found = False
        for sheet in sheets:
            if sheet is meta:
                continue
            header = _header(sheet)
            if header is None:
                continue
            found = True
            r0, cols = header
            sheet_month = month or month_option
            if sheet_month is None:
                for rr in range(r0):
                    for v in sheet.rows[rr]:
                        m = _TITLE_MONTH.search(normal(text_of(v)))
                        if m and 1 <= int(m[2]) <= 12:
                            sheet_month = datetime.date(int(m[1]), int(m[2]), 1)
                            break
                    if sheet_month:
                        break
            if sheet_month is None:
                findings.append(SheetFinding(shown, sheet.name, None, ERROR, msg("intake.no_month"),
                                             msg("intake.no_month.hint")))
                continue
            rows += _rows(shown, sheet, r0, cols, sheet_month, findings)
        if not found:
            findings.append(SheetFinding(shown, None, None, ERROR, msg("intake.no_header"), msg("intake.no_header.hint")))
    return rows, findings


def _rows(shown: str, sheet: Sheet, r0: int, cols: dict, month: datetime.date, findings: list) -> list[Row]:
    out = []
    for r in range(r0 + 1, len(sheet.rows)):
        def get(key):
            return sheet.cell(r, cols[key]) if key in cols else ""

        pid = text_of(get("id"))
        filled = {k: get(k) for k in ("invested", "note", "problem")}
        if not pid and not any(text_of(v) for v in filled.values()):
            continue
        if not pid:
            findings.append(SheetFinding(shown, sheet.name, cell_name(r, cols["id"]), ERROR, msg("intake.no_id")))
            continue
        out.append(Row(shown, sheet.name, r, cols, pid, text(get("name")), text(get("unit")), filled["invested"],
                       text(filled["note"]), text(filled["problem"]), month))
    return out


class Overlay(LedgerSource):
    """A ledger source with some files replaced or added in memory: the ledger as it would be."""

    def __init__(self, base: LedgerSource, files: dict[str, bytes]):
        self.base, self.files = base, files
        self.label, self.identity = base.label, base.identity + ":overlay"
        self.fork_safe, self.stamps = base.fork_safe, False

    def scan(self) -> Scan:
        scan = self.base.scan()
        refs = [ref if ref.path not in self.files else FileRef(ref.kind, ref.path, content_key(self.files[ref.path]))
                for ref in scan.files]
        known = {ref.path for ref in scan.files}
        for path, data in sorted(self.files.items()):
            kind = kind_of(path)
            if path not in known and kind is not None:
                refs.append(FileRef(kind, path, content_key(data)))
        return Scan(scan.settings, refs, scan.findings)

    def read(self, ref: FileRef) -> bytes | None:
        return self.files[ref.path] if ref.path in self.files else self.base.read(ref)


def _same(a: str | None, b: str | None) -> bool:
    return (a or None) == (b or None)


def plan(result, rows: list[Row], read_findings: list[SheetFinding], *, replace: bool, by_unit: bool,
         reported_on: datetime.date, today: datetime.date, existing_text) -> Plan:
    """What to write, or the findings that stop it. `existing_text(path)` gives a ledger file's text or None."""
    ledger = result.ledger
    lu = ledger.settings.unit
    findings = list(read_findings)
    projects = ledger.project_by_id
    seen: dict[tuple[str, datetime.date], Row] = {}
    good: list[tuple[Row, Decimal | None]] = []
    not_reported = 0
    this_month = today.replace(day=1)
    for row in rows:
        def bad(key: str, say, hint=None, severity=ERROR):
            findings.append(SheetFinding(row.shown, row.sheet, row.cell(key), severity, say, hint))

        errors = len([f for f in findings if f.is_error])
        p = projects.get(row.pid)
        if p is None:
            bad("id", msg("intake.unknown_project", id=row.pid), msg("intake.unknown_project.hint"))
            continue
        if row.month.year not in p.plans:
            bad("id", msg("intake.not_on_list", id=row.pid, year=row.month.year), severity=WARNING)
        if row.name and normal(row.name) != normal(p.name):
            bad("name", msg("intake.name_differs", id=row.pid, name=row.name, ledger=p.name), severity=WARNING)
        key = (row.pid, row.month)
        if key in seen:
            first = seen[key]
            bad("id", msg("intake.duplicate", id=row.pid, place=f"{first.shown}!{first.sheet}!{first.cell('id')}"))
            continue
        seen[key] = row
        try:
            invested = amount(row.invested, lu, lu)
        except CellError as e:
            bad("invested", msg("ingest.cell.in_column", column=t("intake.col.invested", "zh"), why=e.say), e.hint)
            continue
        if invested is None and row.note:
            bad("invested", msg("intake.note_without_amount"), msg("intake.note_without_amount.hint"))
        if invested is not None and row.month > this_month:
            bad("invested", msg("intake.future_month", month=f"{row.month:%Y-%m}"))
        if len([f for f in findings if f.is_error]) > errors:
            continue
        if invested is None and not row.problem:
            not_reported += 1
        good.append((row, invested))

    # where every (project, month) is reported already
    reported: dict[tuple[str, datetime.date], tuple[str, int, Decimal, str | None]] = {}
    in_files = {(e.project, e.month) for e in ledger.progress_reports}
    for e in ledger.progress_reports:
        reported[(e.project, e.month)] = (e.src.file, e.src.line, e.invested, e.note)
    for p in ledger.projects:
        for e in p.progress:
            if (p.id, e.month) not in in_files:
                reported[(p.id, e.month)] = (p.src.file, p.src.line, e.invested, e.note)

    targets: dict[str, dict[tuple[str, datetime.date], dict]] = {}
    added = replaced = unchanged = 0
    for row, invested in good:
        if invested is None:
            continue
        unit = row.unit.split("、")[0] if row.unit else None
        folder = f"progress/{row.month:%Y-%m}"
        path = f"{folder}/{_safe(unit or words('intake.no_unit', ledger.settings.language))}.yaml" if by_unit else f"{folder}.yaml"
        entry = {"project": row.pid, "month": y.month(row.month), "invested": invested, "note": row.note,
                 "reported_on": reported_on, "source": unit}
        old = reported.get((row.pid, row.month))
        if old is not None:
            where, line, old_invested, old_note = old
            if old_invested == invested and _same(old_note, row.note):
                unchanged += 1
                continue
            if not replace:
                findings.append(SheetFinding(row.shown, row.sheet, row.cell("invested"), ERROR,
                                             msg("intake.already", id=row.pid, month=f"{row.month:%Y-%m}",
                                                 place=f"{where}:{line}", invested=old_invested),
                                             msg("intake.already.hint")))
                continue
            if where != path:
                findings.append(SheetFinding(row.shown, row.sheet, row.cell("invested"), ERROR,
                                             msg("intake.elsewhere", id=row.pid, month=f"{row.month:%Y-%m}",
                                                 place=f"{where}:{line}"), msg("intake.elsewhere.hint")))
                continue
            replaced += 1
        else:
            added += 1
        targets.setdefault(path, {})[(row.pid, row.month)] = entry

    files: dict[str, str] = {}
    for path, entries in targets.items():
        merged = {(e.project, e.month): {"project": e.project, "month": y.month(e.month), "invested": e.invested,
                                         "note": e.note, "reported_on": e.reported_on, "source": e.source}
                  for e in ledger.progress_reports if e.src.file == path}
        merged.update(entries)
        items = [merged[k] for k in sorted(merged, key=lambda k: (k[1], k[0]))]
        files[path] = y.flow_records(items)

    # new problems
    titles = {}
    for q in ledger.issues:
        titles.setdefault(q.project, set()).add(normal(q.title))
    used = {q.id for q in ledger.issues}
    numbers: dict[int, int] = {}
    width = 4
    for q in ledger.issues:
        m = _ISSUE_ID.match(q.id)
        if m:
            numbers[int(m[1])] = max(numbers.get(int(m[1]), 0), int(m[2]))
            width = max(width, len(m[2]))
    new_issues: dict[str, list[dict]] = {}
    ids: list[str] = []
    known = 0
    for row, _ in good:
        if not row.problem or normal(row.problem) in NO_PROBLEM:
            continue
        for title in problems(row.problem):
            if normal(title) in titles.get(row.pid, set()):
                known += 1
                continue
            titles.setdefault(row.pid, set()).add(normal(title))
            year = reported_on.year
            n = numbers.get(year, 0) + 1
            while f"Q{year}-{n:0{width}d}" in used:
                n += 1
            numbers[year] = n
            qid = f"Q{year}-{n:0{width}d}"
            used.add(qid)
            ids.append(qid)
            path = f"issues/intake/{row.month:%Y-%m}.yaml"
            unit = row.unit.split("、")[0] if row.unit else None
            new_issues.setdefault(path, []).append({"id": qid, "project": row.pid, "category": guess_category(title),
                                                    "title": title, "raised": reported_on, "reporter": unit})
    for path, items in new_issues.items():
        before = existing_text(path)
        head = "" if before is None else (before if before.endswith("\n") or not before else before + "\n")
        if before is None:
            head = f"# {words('intake.issues_file', ledger.settings.language)}\n"
        files[path] = head + y.records(items)
    months = tuple(sorted({f"{row.month:%Y-%m}" for row, _ in good}))
    return Plan(files, sorted_findings(findings), added, replaced, unchanged, tuple(ids), known, not_reported, months)


def _safe(name: str) -> str:
    return re.sub(r'[\\/:*?"<>|\x00-\x1f]+', "_", name).strip(" .")[:60] or "_"


def verify(source: LedgerSource, files: dict[str, str], today: datetime.date) -> list[Finding]:
    """The errors the ledger would have with `files` written."""
    from ..loading.loader import load

    overlay = Overlay(source, {k: v.encode("utf-8") for k, v in files.items()})
    result = load(overlay, today, use_cache=False, place_warnings=False)
    return [f for f in result.findings if f.is_error]
