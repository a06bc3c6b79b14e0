"""The data sheets of `export xlsx --with-data`, read back into the files of a ledger: the lossless round trip.

The report sheets of the workbook (项目进展 …) carry what an office reads, not
the ledger (no monthly plans, no completion dates, no pool, the problems without
their own history, nothing of other years). The data sheets carry the records,
as the tidy tables of exports/tidy.py (a column per YAML key, nested keys joined
with `_`, every cell text as the YAML wrote it), and the settings (data.ledger).
This module turns them back into records and writes them as YAML: projects one
list file a category, cards, problems and the reports of progress/ one file
each. Values are typed by the table's column kinds; a value that does not read
is written as text, so that the check of the new ledger names it.
"""

from __future__ import annotations

import datetime
from decimal import Decimal, InvalidOperation

from ..core.words import msg
from ..exports.tidy import BY_NAME, DATA_PREFIX, DATA_TABLES
from . import yamltext as y
from .findings import ERROR, SheetFinding
from .output import safe_name
from .workbook import Sheet, text_of

INT_SETTINGS = {"sla.general_days", "sla.hard_plan_days", "warnings.red_late_start_days", "visits.per_week"}
NUMBER_SETTINGS = {"warnings.yellow_below", "warnings.red_below"}  # and ranking.weights.*
LIST_SETTINGS = {"categories", "locations", "escalation_levels"}
DATE_LIST_SETTINGS = {"calendar.extra_holidays", "calendar.extra_workdays"}


def _raw(value) -> str:
    """A data cell's text as written (not stripped); a number or a date typed into the sheet in Excel as text."""
    return value if isinstance(value, str) else text_of(value)


def has_data(sheets: list[Sheet]) -> bool:
    return any(s.name == DATA_PREFIX + "projects" for s in sheets)


def _typed(text: str, kind: str):
    """A cell's text as the value its column holds; the text itself when it does not read."""
    try:
        if kind in ("amount", "derived"):
            return Decimal(text)
        if kind == "int":
            return int(text)
        if kind == "date":
            return datetime.date.fromisoformat(text)
        if kind == "month":
            return y.Month(text)
    except (ValueError, InvalidOperation):
        return text
    if kind == "bool":
        return {"true": True, "false": False}.get(text, text)
    if kind == "list":
        return text.split("\n") if text else []
    return text


def _table(sheet: Sheet | None, name: str, shown: str, findings: list[SheetFinding]) -> list[dict]:
    """The rows of a data sheet as {column: value}; a missing sheet is no rows, a missing column an error."""
    if sheet is None or not sheet.rows:
        return []
    spec = BY_NAME[name]
    header = [text_of(v).strip() for v in sheet.rows[0]]
    where = {c.name: header.index(c.name) for c in spec.columns if c.name in header}
    for c in spec.columns:
        if c.name not in where:
            findings.append(SheetFinding(shown, sheet.name, None, ERROR,
                                         msg("ingest.data_column", sheet=sheet.name, column=c.name)))
    if len(where) < len(spec.columns):
        return []
    out = []
    for values in sheet.rows[1:]:
        row = {}
        for c in spec.columns:
            i = where[c.name]
            text = _raw(values[i]) if i < len(values) else ""
            row[c.name] = _typed(text, c.kind) if text != "" else None
        if any(v is not None for v in row.values()):
            out.append(row)
    return out


def _span(row: dict, name: str) -> dict | None:
    span = {"planned": row[f"{name}_planned"], "actual": row[f"{name}_actual"]}
    return span if any(v is not None for v in span.values()) else None


def _by(rows: list[dict], key: str, order: str | None = None) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for row in sorted(rows, key=lambda r: r[order] or 0) if order else rows:
        out.setdefault(row[key], []).append(row)
    return out


def _settings(rows: list[tuple[str, str]]) -> dict:
    doc: dict = {}
    for key, text in rows:
        if key in INT_SETTINGS:
            value = _typed(text, "int")
        elif key in NUMBER_SETTINGS or key.startswith("ranking.weights."):
            value = _typed(text, "amount")
        elif key in LIST_SETTINGS:
            value = text.split("\n") if text else []
        elif key in DATE_LIST_SETTINGS:
            value = [_typed(t, "date") for t in text.split("\n")] if text else []
        elif key == "calendar.complete_years":
            value = [_typed(t, "int") for t in text.split("\n")] if text else []
        else:
            value = text
        if value == [] or value == "":
            continue
        *parents, last = key.split(".")
        node = doc
        for part in parents:
            node = node.setdefault(part, {})
        node[last] = value
    return doc


def data_files(sheets: list[Sheet], shown: str) -> tuple[dict[str, str], list[SheetFinding], tuple[int, int, int, int]]:
    """(files of the new ledger, findings, (projects, cards, problems, progress entries)) from the data sheets."""
    findings: list[SheetFinding] = []
    named = {s.name[len(DATA_PREFIX):]: s for s in sheets if s.name.startswith(DATA_PREFIX)}
    t = {spec.name: _table(named.get(spec.name), spec.name, shown, findings) for spec in DATA_TABLES}
    ledger = named.get("ledger")
    settings = _settings([(text_of(k), _raw(v)) for k, v, *_ in (ledger.rows[1:] if ledger else [])
                          if text_of(k)])
    milestones, plans = _by(t["milestones"], "project", "seq"), _by(t["plans"], "project")
    monthly, progress = _by(t["monthly_plans"], "project"), _by(t["progress"], "project")
    files = {"ledger.yaml": y.block(settings)}
    by_category: dict[str, list[dict]] = {}
    entries = 0
    reports = []
    for row in t["projects"]:
        pid = row["id"]
        year_plans = {}
        for plan in plans.get(pid, []):
            months = {m["month"]: m["planned"] for m in monthly.get(pid, []) if m["year"] == plan["year"]}
            year_plans[plan["year"]] = {"annual": plan["annual"], "monthly": dict(sorted(months.items())) or None}
        own = []
        for e in progress.get(pid, []):
            entries += 1
            if e["written_in"] == "progress":
                reports.append({"project": pid, "month": e["month"], "invested": e["invested"], "note": e["note"],
                                "reported_on": e["reported_on"], "source": e["source"]})
            else:
                own.append({"month": e["month"], "invested": e["invested"], "note": e["note"]})
        project = {k: row[k] for k in ("id", "name", "level", "category", "owner", "location", "nature", "content",
                                       "land_mu", "total_investment", "prior_investment", "introduced", "pool",
                                       "tags")}
        project.update(start=_span(row, "start"), completion=_span(row, "completion"),
                       operation=_span(row, "operation"),
                       milestones=[{k: m[k] for k in ("name", "planned", "actual")} for m in milestones.get(pid, [])],
                       plans=year_plans, progress=own)
        by_category.setdefault(safe_name(str(row["category"])), []).append(project)
    for folder, items in by_category.items():
        files[f"projects/{folder}.yaml"] = y.records(items)
    cards = _cards(t)
    if cards:
        files["responsibilities/imported.yaml"] = y.records(cards)
    issues = _issues(t)
    if issues:
        files["issues/imported.yaml"] = y.records(issues)
    if reports:
        files["progress/imported.yaml"] = y.flow_records(reports)
    return files, findings, (len(t["projects"]), len(cards), len(issues), entries)


def _cards(t: dict[str, list[dict]]) -> list[dict]:
    projects, visits = _by(t["card_projects"], "card"), _by(t["visits"], "card", "seq")
    return [{"id": c["id"], "leader": {"name": c["leader"], "title": c["leader_title"]}, "unit": c["unit"],
             "person": c["person"], "deputy": c["deputy"], "duties": c["duties"] or None,
             "projects": [p["project"] for p in projects.get(c["id"], [])],
             "visits": [{k: v[k] for k in ("date", "project", "hours", "note")} for v in visits.get(c["id"], [])]}
            for c in t["cards"]]


def _issues(t: dict[str, list[dict]]) -> list[dict]:
    escalations = _by(t["escalations"], "issue", "seq")
    out = []
    for q in t["issues"]:
        plan = {"date": q["plan_date"], "due": q["plan_due"], "text": q["plan_text"]}
        out.append({"id": q["id"], "project": q["project"], "category": q["category"], "title": q["title"],
                    "detail": q["detail"], "raised": q["raised"], "reporter": q["reporter"],
                    "difficulty": q["difficulty"],
                    "assignee": {"unit": q["assignee_unit"], "person": q["assignee_person"]}
                    if q["assignee_unit"] is not None else None,
                    "assigned": q["assigned"], "due": q["due"],
                    "plan": plan if any(v is not None for v in plan.values()) else None,
                    "escalations": [{k: e[k] for k in ("level", "date", "note")} for e in escalations.get(q["id"], [])],
                    "resolved": q["resolved"], "resolution": q["resolution"], "closed": q["closed"],
                    "feedback": q["feedback"]})
    return out
