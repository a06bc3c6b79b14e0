"""`import xlsx`: an existing 台账 workbook into the files of a new ledger.

The sheet's header is found by its cells and its columns mapped (columns.py);
every row below is then a project, a group row (一、新旧动能转换项目（34个）: the
category of the rows below it), a subtotal or total row (skipped, and its sums
checked against the rows it sums), or a note. Each cell is read exactly
(cells.py); a cell that cannot be read is a finding at that cell, and the row
is left out. The result is the ledger's files as text (`Imported.files`); the
caller writes them only when there is no error (or with `partial`).
"""

from __future__ import annotations

import calendar
import datetime
import re
from decimal import Decimal
from pathlib import Path
from typing import NamedTuple

from ..core.words import Say, msg
from . import yamltext as y
from .cells import CellError, amount, date_span, fuzzy_date, normal, text
from .columns import GROUP, Header, Mapped, find_header
from .findings import ERROR, WARNING, SheetFinding, sorted_findings
from .dataset import data_files, has_data
from .output import safe_name as _safe_folder
from .workbook import Sheet, WorkbookError, cell_name, open_workbook, text_of

ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}\Z")
AMOUNT_FIELDS = ("total", "annual", "ytd", "cumulative", "prior", "month", "month_plan")
TOTAL_WORDS = re.compile(r"^(总计|合计|总合计|全部合计|小计|其中)|(总计|合计|小计)$")
_SUB = ("小计", "其中")
_GROUP_COUNT = re.compile(r"[(（]\s*(?:共)?(\d+)\s*个(?:项目)?\s*[)）]\s*\Z")
_SPLIT_PEOPLE = re.compile(r"[、，,；;/\n]+")
_LEADER_TITLE = re.compile(r"(.+?)[(（](.+?)[)）]\Z")
NATURES = {"新建": "new", "新开工": None, "续建": None, "扩建": "expansion", "改扩建": "expansion", "改建": "renovation",
           "技改": "renovation", "技术改造": "renovation", "迁建": "relocation", "搬迁": "relocation", "异地搬迁": "relocation",
           "new": "new", "expansion": "expansion", "renovation": "renovation", "relocation": "relocation"}
LEVELS = {"省": "province", "省级": "province", "省重点": "province", "省重点项目": "province", "province": "province",
          "市": "city", "市级": "city", "市重点": "city", "市重点项目": "city", "city": "city",
          "县": "county", "县级": "county", "县重点": "county", "县重点项目": "county", "区": "county", "区级": "county",
          "区重点": "county", "county": "county"}
#: a problem's category guessed from its words, first match wins (docs/import.md)
PROBLEM_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("demolition", ("拆迁", "征迁", "搬迁", "迁移", "安置", "补偿")),
    ("land", ("用地", "土地", "征地", "供地", "林地", "耕地", "占补平衡", "地块", "规划调整")),
    ("funding", ("资金", "融资", "贷款", "拨付", "投资不足", "缺口", "专项债")),
    ("energy", ("能耗", "能评", "节能")),
    ("emissions", ("排放", "排污", "总量指标")),
    ("water", ("用水", "取水", "水资源")),
    ("approval", ("审批", "手续", "许可", "立项", "环评", "核准", "备案", "规划", "批复", "招标", "招投标", "验收")),
    ("utilities", ("配套", "供电", "供水", "供气", "供热", "管网", "电力", "道路", "外线")),
    ("environment", ("施工环境", "阻工", "信访", "纠纷", "群众", "周边", "协调")),
)
NO_PROBLEM = {"无", "暂无", "无问题", "没有", "否", "-", "—", "/", "正常", "无困难"}


class ImportOptions(NamedTuple):
    ledger_unit: str = "万元"
    prefix: str = "XM"
    year: int | None = None
    as_of: datetime.date | None = None  # the date the sheet is as of; `month_only`: a month was given
    month_only: bool = False
    level: str | None = None  # None: from the title (市重点项目…), else county
    category: str | None = None  # the category of rows before any group row
    name: str | None = None
    region: str | None = None
    sheets: tuple[str, ...] = ()
    mapping: tuple[tuple[str, str], ...] = ()  # (normalized header label, field)
    today: datetime.date | None = None
    layout: str | None = None  # files: one file a project; lists: one list file a category; None: by size


#: above this many projects, `layout` None writes one list file a category (10,000 files take seconds to create)
FILES_UP_TO = 1000


class SheetPlan(NamedTuple):
    """What --show-mapping shows of one sheet."""

    name: str
    header: Header
    year: int | None
    month: int | None
    as_of: datetime.date | None
    unit: str
    rows: int  # project rows read
    groups: tuple[str, ...]


class Imported(NamedTuple):
    files: dict[str, str]  # relative path -> YAML text
    findings: list[SheetFinding]
    sheets: list[SheetPlan]
    projects: int
    cards: int
    issues: int
    progress: int
    origins: dict[str, tuple[str, str]]  # project file -> (sheet, cell) of its row

    @property
    def has_errors(self) -> bool:
        return any(f.is_error for f in self.findings)


class _Row(NamedTuple):
    sheet: str
    r: int
    name_col: int
    values: dict  # field -> value read
    category: str
    group: int  # index of its group
    amounts: dict  # column -> Decimal in the ledger unit, for the subtotal checks
    bad_cols: frozenset  # columns whose cell could not be read


class _Group:
    def __init__(self, category: str, r: int | None, count: int | None, cells: dict):
        self.category, self.r, self.count, self.cells = category, r, count, cells
        self.rows: list[_Row] = []
        self.bad: set[int] = set()


def _month_end(year: int, month: int) -> datetime.date:
    return datetime.date(year, month, calendar.monthrange(year, month)[1])


_TITLE_AS_OF = (
    re.compile(r"截[至止](\d{4})年(\d{1,2})月(\d{1,2})日"),
    re.compile(r"截[至止](\d{4})[-.](\d{1,2})[-.](\d{1,2})"),
    re.compile(r"(\d{4})-(\d{2})-(\d{2})"),
)
_TITLE_MONTH = (re.compile(r"(\d{4})年1[-—–~～至到](\d{1,2})月"), re.compile(r"截[至止](\d{4})年(\d{1,2})月"),
                re.compile(r"(\d{4})年(\d{1,2})月"))
_TITLE_YEAR = re.compile(r"(\d{4})年")


def _last_month(sheet: Sheet, header: Header) -> int | None:
    """The last monthly column with a number in it: the month the sheet runs to."""
    cols = [m for m in header.columns if m.field == "month"]
    found = [m.month for m in cols if any(isinstance(sheet.cell(r, m.col), (int, float)) and
                                            not isinstance(sheet.cell(r, m.col), bool)
                                            for r in range(header.data_start, len(sheet.rows)))]
    return max(found) if found else None


def _time_frame(header: Header, opts: ImportOptions, today: datetime.date,
                sheet: Sheet | None = None) -> tuple[int | None, int | None, datetime.date | None]:
    """Year Y, month N of the cumulative column (or of the last monthly column filled), and the as-of date D
    of a sheet."""
    title = normal(header.title)
    year = opts.year or (opts.as_of.year if opts.as_of else None)
    n = None
    day = None
    for m in (c for c in header.columns if c.field == "ytd" and c.month):
        n = m.month
        break
    if n is None and sheet is not None and opts.as_of is None:
        n = _last_month(sheet, header)
    if opts.as_of is not None:
        n = n or opts.as_of.month
    for pattern in _TITLE_AS_OF:
        m = pattern.search(title)
        if m:
            try:
                day = datetime.date(int(m[1]), int(m[2]), int(m[3]))
            except ValueError:
                day = None
            if day:
                year = year or day.year
                n = n or day.month
            break
    for pattern in _TITLE_MONTH:
        m = pattern.search(title)
        if m and 1 <= int(m[2]) <= 12:
            year = year or int(m[1])
            n = n or int(m[2])
            break
    if year is None:
        m = _TITLE_YEAR.search(title)
        years = [c.year for c in header.columns if c.year and c.field in ("annual", "ytd", "month", "month_plan")]
        year = int(m[1]) if m else (years[0] if years else None)
    if year is None:
        return None, n, None
    if opts.as_of is not None and not opts.month_only:
        as_of = opts.as_of
    elif opts.as_of is not None:
        as_of = _month_end(year, n or opts.as_of.month)
    elif day is not None and day.year == year:
        as_of = day
    elif n is not None:
        as_of = _month_end(year, n)
    else:
        as_of = today if today.year == year else datetime.date(year, 12, 31)
    return year, n, as_of


_NOTES = ("注:", "备注:", "说明:", "填报说明", "填表说明", "填报单位", "制表", "审核")


def classify(values: list, header: Header, name_col: int, seq_col: int | None,
             numbered: bool = False) -> tuple[str, str]:
    """('data' | 'group' | 'total' | 'subtotal' | 'note' | 'empty', the text that decided it).

    `numbered`: the sheet numbers its project rows (序号), so a named row without a number is a group row
    (which may carry its group's sums)."""
    filled = [(c, text_of(v)) for c, v in enumerate(values) if v != "" and v is not None]
    filled = [(c, t) for c, t in filled if t]
    if not filled:
        return "empty", ""
    name = text_of(values[name_col]) if name_col < len(values) else ""
    seq = text_of(values[seq_col]) if seq_col is not None and seq_col < len(values) else ""
    for t in (seq, name, filled[0][1]):
        n = normal(t)
        if n and TOTAL_WORDS.search(n) and len(n) <= 24:
            return ("subtotal" if n.startswith(_SUB) or n.endswith("小计") else "total"), t
    first = normal(filled[0][1])
    if GROUP.match(first) and (not name or filled[0][0] != name_col or not seq or GROUP.match(normal(name))):
        return "group", filled[0][1]
    if name and GROUP.match(normal(name)) and not seq:
        return "group", name
    if name and _GROUP_COUNT.search(normal(name)) and not seq:
        return "group", name
    amount_cols = {m.col for m in header.columns if m.field in AMOUNT_FIELDS}
    if seq_col is not None and not seq and len(filled) <= 2 and not any(c in amount_cols for c, _ in filled) \
            and isinstance(values[filled[0][0]], str):
        return "group", filled[0][1]
    if numbered and name and not seq and not first.startswith(_NOTES):
        return "group", name
    if not name:
        if len(filled) == 1 and (filled[0][0] not in {m.col for m in header.columns if m.field in AMOUNT_FIELDS}):
            return "note", filled[0][1]
        return "data", ""
    if first.startswith(_NOTES) and len(filled) == 1:
        return "note", filled[0][1]
    return "data", name


def group_name(t: str) -> tuple[str, int | None]:
    """一、新旧动能转换项目（34个） -> ('新旧动能转换', 34)."""
    n = normal(t)
    n = GROUP.sub("", n, count=1)
    count = None
    m = _GROUP_COUNT.search(n)
    if m:
        count = int(m[1])
        n = n[: m.start()]
    n = n.strip("、.．:：")
    if n.endswith("项目") and len(n) > 2:
        n = n[:-2]
    if n.endswith("类") and len(n) > 1:
        n = n[:-1]
    return n, count


_MARK = r"(?:[0-9]{1,2}(?:[、)）]|[.．](?![0-9]))|[(（][0-9一二三四五六七八九十]{1,2}[)）]|[①-⑳])"
_ITEM = re.compile(r"\s*(?:\n+\s*|(?<![0-9(（])(?=" + _MARK + "))")
_MARKER = re.compile(r"^\s*" + _MARK + r"\s*")


def problems(cell: str) -> list[str]:
    """The problems of a 存在问题 cell: one a line, or one a numbered item (1、… 2、…, （1）…, ①…)."""
    out = []
    for part in _ITEM.split(cell.strip()):
        part = _MARKER.sub("", part).strip().rstrip("；;。，,")
        if part and normal(part) not in NO_PROBLEM:
            out.append(part)
    return out


def guess_category(problem: str) -> str:
    for category, keys in PROBLEM_WORDS:
        if any(k in problem for k in keys):
            return category
    return "other"


class _Reader:
    """Reads one sheet's rows, collecting findings."""

    def __init__(self, shown: str, sheet: Sheet, header: Header, opts: ImportOptions, unit: str, year: int,
                 n: int | None, as_of: datetime.date, findings: list):
        self.shown, self.sheet, self.header, self.opts = shown, sheet, header, opts
        self.unit, self.year, self.n, self.as_of = unit, year, n, as_of
        self.findings = findings
        self.row_bad: set[int] = set()

    def finding(self, r: int | None, c: int | None, severity: str, say: Say, hint: Say | None = None) -> None:
        cell = cell_name(r, c) if r is not None and c is not None else None
        self.findings.append(SheetFinding(self.shown, self.sheet.name, cell, severity, say, hint))
        if severity == ERROR and r is not None:
            self.row_bad.add(r)

    def read(self, r: int, m: Mapped, fn, *args):
        value = self.sheet.cell(r, m.col)
        try:
            return fn(value, *args)
        except CellError as e:
            self.finding(r, m.col, ERROR, msg("ingest.cell.in_column", column=m.header, why=e.say), e.hint)
            raise


def _columns(header: Header, field: str) -> list[Mapped]:
    return [m for m in header.columns if m.field == field]


def read_sheet(shown: str, sheet: Sheet, header: Header, opts: ImportOptions, today: datetime.date,
               findings: list, first_category: str) -> tuple[list[_Row], SheetPlan] | None:
    fields = header.by_field()
    year, n, as_of = _time_frame(header, opts, today, sheet)
    unit = header.unit or "万元"
    if year is None:
        findings.append(SheetFinding(shown, sheet.name, header.where(), ERROR, msg("ingest.no_year"),
                                     msg("ingest.no_year.hint")))
        return None
    for field, cols in fields.items():
        if len(cols) > 1 and field not in ("month", "month_plan", "ignore", "seq"):
            for extra in cols[1:]:
                findings.append(SheetFinding(shown, sheet.name, cell_name(header.row, extra.col), WARNING,
                                             msg("ingest.column_twice", column=extra.header, first=cols[0].header,
                                                 field=field)))
    for field in ("month", "month_plan"):
        seen: dict[int, Mapped] = {}
        for m in fields.get(field, ()):
            if m.month in seen:
                findings.append(SheetFinding(shown, sheet.name, cell_name(header.row, m.col), WARNING,
                                             msg("ingest.column_twice", column=m.header, first=seen[m.month].header,
                                                 field=f"{field} {m.month}")))
            seen.setdefault(m.month, m)
    if "total" not in fields:
        findings.append(SheetFinding(shown, sheet.name, header.where(), ERROR, msg("ingest.no_total_column"),
                                     msg("ingest.no_total_column.hint")))
        return None
    ytd_cols = fields.get("ytd", [])
    if ytd_cols and ytd_cols[0].month is None and n is None:
        findings.append(SheetFinding(shown, sheet.name, cell_name(header.row, ytd_cols[0].col), ERROR,
                                     msg("ingest.no_month", column=ytd_cols[0].header), msg("ingest.no_month.hint")))
        return None
    if ytd_cols and ytd_cols[0].month and opts.as_of and ytd_cols[0].month != opts.as_of.month \
            and opts.as_of.year == year:
        findings.append(SheetFinding(shown, sheet.name, cell_name(header.row, ytd_cols[0].col), WARNING,
                                     msg("ingest.month_differs", column=ytd_cols[0].header, n=ytd_cols[0].month,
                                         month=opts.as_of.month)))
    if "cumulative" in fields and not ytd_cols and not fields.get("month") and n is None:
        col = fields["cumulative"][0]
        findings.append(SheetFinding(shown, sheet.name, cell_name(header.row, col.col), ERROR,
                                     msg("ingest.no_month", column=col.header), msg("ingest.no_month.hint")))
        return None

    _fill_merged_data(sheet, header)
    reader = _Reader(shown, sheet, header, opts, unit, year, n, as_of, findings)
    name_col = fields["name"][0].col
    seq_col = fields["seq"][0].col if "seq" in fields else None
    groups = [_Group(first_category, None, None, {})]
    numbered = _numbered(sheet, header, name_col, seq_col)
    rows: list[_Row] = []
    totals: list[tuple[int, dict]] = []
    amount_cols = [m for m in header.columns if m.field in AMOUNT_FIELDS]
    for r in range(header.data_start, len(sheet.rows)):
        values = sheet.rows[r]
        kind, said = classify(values, header, name_col, seq_col, numbered)
        if kind in ("empty", "note"):
            continue
        if kind in ("group", "total", "subtotal"):
            cells = {}
            for m in amount_cols:
                v = sheet.cell(r, m.col)
                if v != "":
                    try:
                        cells[m.col] = amount(v, m.unit or unit, opts.ledger_unit)
                    except CellError:
                        pass  # a sum we cannot read is not checked
            if kind == "group":
                category, count = group_name(said)
                if not category:
                    reader.finding(r, 0, WARNING, msg("ingest.group_no_name", text=said))
                    category = groups[-1].category
                groups.append(_Group(category, r, count, cells))
            elif kind == "subtotal":
                groups[-1].cells.update({("sub", r, c): v for c, v in cells.items()})
            else:
                totals.append((r, cells))
            continue
        row = _read_row(reader, r, header, fields, len(groups) - 1, groups[-1].category)
        if row is not None:
            groups[-1].rows.append(row)
            groups[-1].bad |= row.bad_cols
            rows.append(row)
        elif r in reader.row_bad:
            groups[-1].bad.update(m.col for m in amount_cols)
    _check_sums(reader, groups, totals, rows, amount_cols)
    kept = [row for row in rows if row.r not in reader.row_bad]
    plan = SheetPlan(sheet.name, header, year, n, as_of, unit, len(kept),
                     tuple(dict.fromkeys(g.category for g in groups if g.rows)))
    return kept, plan


#: fields whose merged cells over several project rows mean the same value for each row
SHARED_FIELDS = {"category", "level", "nature", "location", "owner", "period", "unit", "person", "leader",
                 "start_planned", "start_actual", "completion_planned", "completion_actual"}


def _fill_merged_data(sheet: Sheet, header: Header) -> None:
    """A unit or leader merged over the rows of its projects applies to each of them."""
    shared = {m.col for m in header.columns if m.field in SHARED_FIELDS}
    for r1, c1, r2, c2 in sheet.merged:
        if r1 < header.data_start or r2 == r1:
            continue
        for c in range(c1, c2 + 1):
            if c not in shared:
                continue
            top = sheet.cell(r1, c)
            for r in range(r1 + 1, min(r2 + 1, len(sheet.rows))):
                row = sheet.rows[r]
                if c < len(row) and row[c] == "":
                    row[c] = top


def _numbered(sheet: Sheet, header: Header, name_col: int, seq_col: int | None) -> bool:
    """Does the sheet number its project rows? (most named rows carry a number in the 序号 column)"""
    if seq_col is None:
        return False
    named = numbers = 0
    for r in range(header.data_start, len(sheet.rows)):
        if text_of(sheet.cell(r, name_col)):
            named += 1
            v = sheet.cell(r, seq_col)
            if (isinstance(v, (int, float)) and not isinstance(v, bool)) or (isinstance(v, str) and v.strip().isdigit()):
                numbers += 1
    return numbers >= 2 and numbers * 2 >= named


def _sum(rows: list[_Row], col: int) -> Decimal:
    return sum((row.amounts.get(col, Decimal(0)) for row in rows), Decimal(0))


def _check_sums(reader: _Reader, groups: list[_Group], totals, rows: list[_Row], amount_cols) -> None:
    by_col = {m.col: m for m in amount_cols}
    for g in groups:
        if g.r is not None and not g.rows and not g.bad:
            reader.finding(g.r, 0, WARNING, msg("ingest.group_empty", group=g.category))
        if g.count is not None and g.count != len(g.rows) and not g.bad:
            reader.finding(g.r, 0, WARNING, msg("ingest.group_count", group=g.category, said=g.count, found=len(g.rows)))
        for key, value in g.cells.items():
            r, col = (g.r, key) if not isinstance(key, tuple) else (key[1], key[2])
            if col in g.bad:
                continue
            found = _sum(g.rows, col)
            if found != value:
                reader.finding(r, col, WARNING, msg("ingest.sum_mismatch", column=by_col[col].header, said=value,
                                                    found=found, rows=len(g.rows)))
    bad_all = set().union(*(g.bad for g in groups))
    for r, cells in totals:
        for col, value in cells.items():
            if col in bad_all:
                continue
            found = _sum(rows, col)
            if found != value:
                reader.finding(r, col, WARNING, msg("ingest.sum_mismatch", column=by_col[col].header, said=value,
                                                    found=found, rows=len(rows)))


def _read_row(reader: _Reader, r: int, header: Header, fields: dict, group: int, category: str) -> _Row | None:
    unit, lu = reader.unit, reader.opts.ledger_unit
    values: dict = {}
    amounts: dict = {}
    bad: set[int] = set()

    def one(field: str, fn, *args):
        cols = fields.get(field)
        if not cols:
            return None
        try:
            return reader.read(r, cols[0], fn, *args)
        except CellError:
            bad.add(cols[0].col)
            return None

    def money(m: Mapped):
        try:
            v = reader.read(r, m, amount, m.unit or unit, lu)
        except CellError:
            bad.add(m.col)
            return None
        if v is not None:
            amounts[m.col] = v
        return v

    values["name"] = text(reader.sheet.cell(r, fields["name"][0].col))
    for field in ("id", "category", "level", "content", "nature", "location", "owner", "unit", "person", "leader",
                  "problem", "note"):
        if field in fields:
            values[field] = one(field, text)
    for m in header.columns:
        if m.field in ("total", "annual", "ytd", "cumulative", "prior"):
            if m is fields[m.field][0]:
                values[m.field] = money(m)
        elif m.field in ("month", "month_plan"):
            v = money(m)
            if v is not None:
                values.setdefault(m.field + "s", {}).setdefault(m.month, v)
    for field in ("start_planned", "start_actual", "completion_planned", "completion_actual"):
        values[field] = one(field, fuzzy_date)
    if "period" in fields:
        try:
            values["period"] = reader.read(r, fields["period"][0], date_span)
        except CellError:
            bad.add(fields["period"][0].col)
    if r in reader.row_bad:
        return None
    return _Row(reader.sheet.name, r, fields["name"][0].col, values, category, group, amounts, frozenset(bad))


def _split(value: str | None) -> list[str]:
    if not value:
        return []
    return [p.strip() for p in _SPLIT_PEOPLE.split(value) if p.strip()]


class _Builder:
    """Rows of every sheet -> records, with ids, cards and issues."""

    def __init__(self, shown: str, opts: ImportOptions, findings: list):
        self.shown, self.opts, self.findings = shown, opts, findings
        self.projects: list[dict] = []
        self.origins: dict[str, tuple[str, str, int]] = {}
        self.cards: dict[tuple[str, str], dict] = {}
        self.issues: list[dict] = []
        self.progress = 0
        self.categories: list[str] = []

    def finding(self, row: _Row, col: int, severity: str, say: Say, hint: Say | None = None) -> None:
        self.findings.append(SheetFinding(self.shown, row.sheet, cell_name(row.r, col), severity, say, hint))

    def build(self, rows: list[tuple[_Row, SheetPlan, dict]]) -> None:
        seen_ids: dict[str, _Row] = {}
        seen_names: dict[str, _Row] = {}
        counters: dict[int, int] = {}
        for row, plan, fields in rows:
            v = row.values
            pid = v.get("id")
            col = fields["id"][0].col if "id" in fields else row.name_col
            if pid:
                if not ID.match(pid):
                    self.finding(row, col, ERROR, msg("ingest.bad_id", text=pid), msg("ingest.bad_id.hint"))
                    continue
            else:
                counters[plan.year] = counters.get(plan.year, 0) + 1
                pid = f"{self.opts.prefix}-{plan.year}-{counters[plan.year]:03d}"
            if pid in seen_ids:
                first = seen_ids[pid]
                self.finding(row, col, ERROR, msg("ingest.duplicate_id", id=pid, cell=f"{first.sheet}!{cell_name(first.r, col)}"))
                continue
            seen_ids[pid] = row
            name = v["name"]
            if name in seen_names:
                first = seen_names[name]
                self.finding(row, row.name_col, WARNING,
                             msg("ingest.duplicate_name", name=name, cell=f"{first.sheet}!{cell_name(first.r, first.name_col)}"))
            seen_names.setdefault(name, row)
            record = self.project(row, plan, fields, pid)
            if record is None:
                continue
            self.projects.append(record)
            self.origins[pid] = (row.sheet, cell_name(row.r, row.name_col), row.r)
            self.card(row, fields, pid)
            self.issue(row, plan, fields, pid)

    def project(self, row: _Row, plan: SheetPlan, fields: dict, pid: str) -> dict | None:
        v, opts, year = row.values, self.opts, plan.year
        errors_before = sum(f.is_error for f in self.findings)
        category = v.get("category") or row.category
        if category not in self.categories:
            self.categories.append(category)
        default_level = opts.level or title_level(plan.header.title) or "county"
        level = default_level
        if v.get("level"):
            level = LEVELS.get(normal(v["level"]))
            if level is None:
                self.finding(row, fields["level"][0].col, WARNING, msg("ingest.unknown_level", text=v["level"],
                                                                      default=default_level))
                level = default_level
        nature = None
        if v.get("nature"):
            key = normal(v["nature"])
            if key in NATURES:
                nature = NATURES[key]
            else:
                self.finding(row, fields["nature"][0].col, WARNING, msg("ingest.unknown_nature", text=v["nature"]))
        total = v.get("total")
        if total is None or total <= 0:
            self.finding(row, fields["total"][0].col, ERROR, msg("ingest.no_total", name=v["name"]),
                         msg("ingest.no_total.hint"))
            return None
        start_planned, start_actual = v.get("start_planned"), v.get("start_actual")
        completion_planned, completion_actual = v.get("completion_planned"), v.get("completion_actual")
        span = v.get("period") or (None, None)
        start = {"planned": (start_planned or span[0]).first() if (start_planned or span[0]) else None,
                 "actual": start_actual.first() if start_actual else None}
        completion = {"planned": (completion_planned or span[1]).last() if (completion_planned or span[1]) else None,
                      "actual": completion_actual.last() if completion_actual else None}
        if completion["actual"] and not start["actual"]:
            col = fields["completion_actual"][0].col
            self.finding(row, col, ERROR, msg("ingest.completed_not_started"))
        elif completion["actual"] and start["actual"] and completion["actual"] < start["actual"]:
            self.finding(row, fields["completion_actual"][0].col, ERROR, msg("ingest.completed_before_start"))
        for key, when in (("start_actual", start["actual"]), ("completion_actual", completion["actual"])):
            if when and when > (opts.today or datetime.date.today()):
                self.finding(row, fields[key][0].col, ERROR, msg("ingest.future_date", date=when))
        # the year's plan
        annual = v.get("annual")
        monthly_plan = v.get("month_plans")
        yp: dict = {}
        if monthly_plan:
            planned = sum(monthly_plan.values(), Decimal(0))
            if annual is None:
                annual = planned
            elif planned != annual:
                col = fields["annual"][0].col
                self.finding(row, col, ERROR, msg("ingest.monthly_plan_sum", planned=planned, annual=annual))
            yp = {"annual": annual, "monthly": {m: monthly_plan.get(m, Decimal(0)) for m in range(1, 13)
                                                if m in monthly_plan}}
        else:
            yp = {"annual": annual if annual is not None else Decimal(0)}
        # progress of the year
        entries = []
        note = v.get("note")
        months = v.get("months") or {}
        ytd, ytd_col = v.get("ytd"), (fields["ytd"][0] if "ytd" in fields else None)
        cumulative = v.get("cumulative")
        cum_col = fields["cumulative"][0] if "cumulative" in fields else None
        treat_cumulative_as_ytd = cum_col is not None and ytd_col is None and not fields.get("month")
        if treat_cumulative_as_ytd:
            ytd, ytd_col, cumulative = cumulative, cum_col, None
        today = opts.today or datetime.date.today()
        if months:
            for m in sorted(months):
                entries.append({"month": datetime.date(year, m, 1), "invested": months[m], "note": None})
            if ytd is not None:
                n = ytd_col.month or plan.month
                done = sum((a for m, a in months.items() if m <= n), Decimal(0))
                if done != ytd:
                    self.finding(row, ytd_col.col, WARNING, msg("ingest.months_differ", n=n, ytd=ytd, months=done))
        elif ytd is not None:
            n = ytd_col.month or plan.month
            entries.append({"month": datetime.date(year, n, 1), "invested": ytd,
                            "note": msg("ingest.note.cumulative", n=n) if n > 1 else None})
        if entries and note:
            last = entries[-1]
            last["note"] = note if last["note"] is None else (note, last["note"])
        for e in entries:
            if e["month"] > today.replace(day=1):
                col = ytd_col.col if ytd_col is not None and not months else fields["month"][0].col
                self.finding(row, col, ERROR, msg("ingest.future_month", month=f"{e['month']:%Y-%m}"),
                             msg("ingest.future_month.hint"))
                break
        done_this_year = sum((e["invested"] for e in entries), Decimal(0))
        bare = fields.get("start_planned", [None])[0]
        if (bare is not None and "计划" not in bare.label and "start_actual" not in fields and start["planned"]
                and start["planned"] <= plan.as_of and (done_this_year > 0 or (cumulative or 0) > 0)):
            start["actual"] = start["planned"]  # a bare 开工时间 that has passed, with money spent: it started then
        prior = v.get("prior")
        if cumulative is not None:
            before = cumulative - done_this_year
            if before < 0:
                self.finding(row, cum_col.col, ERROR, msg("ingest.cumulative_below_year", cumulative=cumulative,
                                                          year=done_this_year))
            elif prior is not None and prior != before:
                self.finding(row, cum_col.col, WARNING, msg("ingest.prior_differs", prior=prior, before=before))
            elif prior is None:
                prior = before
        if sum(f.is_error for f in self.findings) > errors_before:
            return None
        self.progress += len(entries)
        return {
            "id": pid, "name": v["name"], "level": level, "category": category, "owner": v.get("owner"),
            "location": v.get("location"), "nature": nature, "content": v.get("content"),
            "total_investment": total, "prior_investment": prior or None,
            "start": {k: d for k, d in start.items() if d}, "completion": {k: d for k, d in completion.items() if d},
            "plans": {year: yp},
            "progress": [{"month": y.month(e["month"]), "invested": e["invested"], "note": e["note"]} for e in entries],
        }

    def card(self, row: _Row, fields: dict, pid: str) -> None:
        v = row.values
        leaders, units = _split(v.get("leader")), _split(v.get("unit"))
        if not leaders and not units:
            return
        if not leaders or not units:
            missing = "leader" if not leaders else "unit"
            if missing in fields or ("leader" in fields and "unit" in fields):
                col = fields[missing][0].col if missing in fields else row.name_col
                self.finding(row, col, WARNING, msg(f"ingest.no_{missing}", name=v["name"]))
            return
        person = v.get("person")
        # as many leaders as units: paired in order (how export writes several cards); else every pair
        pairs = list(zip(leaders, units)) if len(leaders) == len(units) else \
            [(leader, unit) for leader in leaders for unit in units]
        for leader, unit in pairs:
            card = self.cards.get((leader, unit))
            if card is None:
                m = _LEADER_TITLE.match(leader)
                name, title = (m[1].strip(), m[2].strip()) if m else (leader, None)
                card = self.cards[(leader, unit)] = {"leader": {"name": name, "title": title}, "unit": unit,
                                                     "person": person, "projects": []}
            if pid not in card["projects"]:
                card["projects"].append(pid)
            if card["person"] is None and person:
                card["person"] = person

    def issue(self, row: _Row, plan: SheetPlan, fields: dict, pid: str) -> None:
        problem = row.values.get("problem")
        if not problem or normal(problem) in NO_PROBLEM:
            return
        for title in problems(problem):
            self.issues.append({"project": pid, "category": guess_category(title), "title": title,
                                "raised": plan.as_of, "_year": plan.year})


def _words(value, lang: str):
    from ..core.words import say

    if isinstance(value, Say):
        return say(value, lang)
    if isinstance(value, tuple):
        return "（".join(_words(v, lang) for v in value) + "）"
    return value


def _region(title: str, stem: str) -> str:
    m = re.match(r"\s*([^\d\s·,，、]{1,12}?(?:自治区|省|市|自治州|州|盟|县|区|旗))", title)
    return m[1] if m and len(m[1]) >= 2 else stem


def title_level(title: str) -> str | None:
    """市重点项目 in the title: the list's level."""
    for word, level in (("省重点", "province"), ("市重点", "city"), ("县重点", "county"), ("区重点", "county")):
        if word in normal(title):
            return level
    return None


def build_files(builder: _Builder, plans: list[SheetPlan], opts: ImportOptions, source: str, lang: str) -> dict[str, str]:
    stem = source.rsplit(".", 1)[0]
    title = plans[0].header.title if plans else ""
    region = opts.region or _region(title, stem)
    name = opts.name or f"{region}重点项目台账"
    settings = {"name": name, "region": region, "scope": "county", "unit": opts.ledger_unit, "language": lang,
                "categories": builder.categories}
    files = {"ledger.yaml": "# " + msg_text("ingest.file.ledger", lang, source=source) + "\n" + y.block(settings)}
    lists = opts.layout == "lists" or (opts.layout is None and len(builder.projects) > FILES_UP_TO)
    by_category: dict[str, list[dict]] = {}
    for p in builder.projects:
        for e in p["progress"]:
            e["note"] = _words(e["note"], lang) if e["note"] is not None else None
        folder = _safe_folder(p["category"])
        if lists:
            by_category.setdefault(folder, []).append(p)
        else:
            files[f"projects/{folder}/{p['id']}.yaml"] = f"# {_comment(p['name'])}\n" + y.block(p)
    for folder, items in by_category.items():
        files[f"projects/{folder}.yaml"] = y.records(items)
    if builder.cards:
        cards = []
        for i, ((leader, unit), card) in enumerate(builder.cards.items(), 1):
            cards.append({"id": f"R-{i:03d}" if len(builder.cards) < 1000 else f"R-{i:05d}",
                          "leader": {k: v for k, v in card["leader"].items() if v}, "unit": card["unit"],
                          "person": card["person"] or msg_text("ingest.no_person", lang), "projects": card["projects"]})
        files["responsibilities/imported.yaml"] = "# " + msg_text("ingest.file.cards", lang, source=source) + "\n" + \
            y.records(cards)
    by_year: dict[int, list[dict]] = {}
    for q in builder.issues:
        year = q.pop("_year")
        by_year.setdefault(year, []).append(q)
    for year, items in sorted(by_year.items()):
        width = 4 if len(items) < 10000 else 6
        out = [{"id": f"Q{year}-{i:0{width}d}", **q} for i, q in enumerate(items, 1)]
        files[f"issues/{year}/imported.yaml"] = "# " + msg_text("ingest.file.issues", lang, source=source) + "\n" + \
            y.records(out)
    return files


def msg_text(key: str, lang: str, **args) -> str:
    from ..core.words import words

    return words(key, lang, **args)


def _comment(text: str) -> str:
    return re.sub(r"[\r\n]+", " ", text)




def import_workbook(path: Path, opts: ImportOptions, shown: str | None = None, lang: str = "zh") -> Imported:
    """Read the workbook at `path` into the files of a new ledger (nothing is written here)."""
    shown = shown or path.name
    today = opts.today or datetime.date.today()
    findings: list[SheetFinding] = []
    try:
        sheets = open_workbook(path, shown)
    except WorkbookError as e:
        return Imported({}, [e.finding], [], 0, 0, 0, 0, {})
    if not opts.sheets and has_data(sheets):  # a workbook of `export xlsx --with-data`: its records, as they were
        files, found, (projects, cards, issues, progress) = data_files(sheets, shown)
        return Imported(files, sorted_findings(found), [], projects, cards, issues, progress, {})
    overrides = dict(opts.mapping)
    chosen = sheets
    if opts.sheets:
        names = {s.name for s in sheets}
        for wanted in opts.sheets:
            if wanted not in names:
                findings.append(SheetFinding(shown, wanted, None, ERROR, msg("ingest.no_sheet", sheet=wanted,
                                                                             sheets=[s.name for s in sheets])))
        chosen = [s for s in sheets if s.name in opts.sheets]
    plans: list[SheetPlan] = []
    rows: list[tuple[_Row, SheetPlan, dict]] = []
    first_category = opts.category or msg_text("ingest.no_category", lang)
    headers = []
    for sheet in chosen:
        header = find_header(sheet, overrides)
        if header is None:
            if opts.sheets:
                findings.append(SheetFinding(shown, sheet.name, None, ERROR, msg("ingest.no_header"),
                                             msg("ingest.no_header.hint")))
            continue
        headers.append((sheet, header))
        if not opts.sheets:
            break  # the first sheet with a header, unless sheets are named
    if not headers and not any(f.is_error for f in findings):
        for sheet in chosen or [Sheet("-", [], (), True)]:
            findings.append(SheetFinding(shown, sheet.name, None, ERROR, msg("ingest.no_header"),
                                         msg("ingest.no_header.hint")))
    for sheet, header in headers:
        for m in header.columns:
            if m.field is None and m.label:
                findings.append(SheetFinding(shown, sheet.name, cell_name(header.row, m.col), WARNING,
                                             msg("ingest.unknown_column", column=m.header), msg("ingest.unknown_column.hint")))
        got = read_sheet(shown, sheet, header, opts, today, findings, first_category)
        if got is None:
            continue
        kept, plan = got
        plans.append(plan)
        fields = header.by_field()
        rows += [(row, plan, fields) for row in kept]
    builder = _Builder(shown, opts, findings)
    builder.build(rows)
    files = build_files(builder, plans, opts, path.name, lang) if plans else {}
    origins = {}
    for path_, text_ in files.items():
        if path_.startswith("projects/"):
            pid = path_.rsplit("/", 1)[1][:-5]
            if pid in builder.origins:
                sheet, cell, _ = builder.origins[pid]
                origins[path_] = (sheet, cell)
    return Imported(files, sorted_findings(findings), plans, len(builder.projects), len(builder.cards),
                    len(builder.issues), builder.progress, origins)


def read_mapping(data: bytes, shown: str) -> tuple[tuple[tuple[str, str], ...], list[SheetFinding]]:
    """--map FILE.yaml: {header as written: field} (or under a top-level `columns:` key)."""
    import yaml

    from .columns import FIELDS, label_of

    try:
        doc = yaml.safe_load(data.decode("utf-8-sig"))
    except (yaml.YAMLError, UnicodeDecodeError) as e:
        return (), [SheetFinding(shown, None, None, ERROR, msg("ingest.map_unreadable", detail=str(e).splitlines()[0]))]
    if isinstance(doc, dict) and set(doc) == {"columns"}:
        doc = doc["columns"]
    if not isinstance(doc, dict):
        return (), [SheetFinding(shown, None, None, ERROR, msg("ingest.map_not_mapping"))]
    out, findings = [], []
    for header, field in doc.items():
        field = "ignore" if field is None or field is False else str(field)
        if field not in FIELDS or field in ("month", "month_plan"):
            findings.append(SheetFinding(shown, None, None, ERROR, msg("ingest.map_unknown_field", header=str(header),
                                                                          field=field, fields=sorted(FIELDS))))
            continue
        out.append((label_of(str(header))[0], field))
    return tuple(out), findings
