"""Which column is which: the header row found by its cells, and every column mapped to a field.

`COLUMNS` is the one table of the names offices give their columns (docs/import.md
prints it). A header may have two rows, with merged parent cells over their
children (年度投资 over 计划 | 1—N月完成 | 完成率): parents are forward-filled
across their merged range and a column's label is "parent/child". Units come
from the header text ("总投资（亿元）") or from a 单位：万元 line above the header.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from .cells import normal
from .workbook import Sheet, cell_name, column_letter, text_of


class Column(NamedTuple):
    field: str  # the field it fills (see FIELDS), or "ignore"
    shown: str  # the usual header, for docs and --show-mapping
    patterns: tuple[str, ...]  # regular expressions over the normalized label (no spaces, NFKC, no unit)


#: the fields a column can fill (described in words.py: LABELS["ingest.field.<name>"]); `ignore` reads nothing
FIELDS = ("seq", "id", "name", "category", "level", "content", "nature", "location", "owner", "period", "total",
          "annual", "ytd", "cumulative", "prior", "start_planned", "start_actual", "completion_planned",
          "completion_actual", "unit", "person", "leader", "problem", "note", "month", "month_plan", "ignore")

_N = r"1-\d{1,2}月"  # after normalization: 1—5月, 1-5月, 1～5月 all read 1-5月
COLUMNS: tuple[Column, ...] = (
    Column("seq", "序号", (r"序号", r"编?序号?", r"No\.?")),
    Column("id", "项目代码", (r"(统一)?项目代码", r"备案(证|文)?号", r"项目编[号码]", r"编号", r"项目ID", r"代码",
                           r"(项目)?id", r"核准(文)?号")),
    Column("name", "项目名称", (r"项目名称", r"项目", r"名称", r"工程名称", r"基本情况/项目名称")),
    Column("category", "项目类别", (r"(项目)?类别", r"(项目)?类型", r"(项目)?分类", r"所属领域", r"产业类别")),
    Column("level", "项目级别", (r"(项目)?级别", r"(项目)?层级", r"重点级别")),
    Column("content", "建设内容及规模", (r"(主要)?建设(内容|规模)([及和与、]?(建设)?(规模|内容))?", r"项目(内容|概况)")),
    Column("nature", "建设性质", (r"(建设)?性质", r"项目性质")),
    Column("location", "建设地点", (r"建设地点?", r"所属区域", r"(所属|所在)(地|镇街|乡镇|园区|区县|县区)", r"项目地址",
                                r"地点", r"镇街", r"乡镇(街道)?", r"区域")),
    Column("owner", "建设单位", (r"(项目)?建设单位", r"项目(业主|法人|单位)", r"业主(单位)?", r"项目法人(单位)?")),
    Column("period", "建设起止年限", (r"建设(起止)?(年限|期限|周期)", r"起止(年限|时间)", r"建设年度")),
    Column("total", "总投资", (r"(计划|项目|估算)?总投资(额)?", r"总投资/(合计|小计|计划)")),
    Column("annual", "年度计划投资", (r"(\d{4}年)?(年度|本年|全年|当年|今年)?(计划)?投资/(年度)?计划(投资)?",
                                  r"(\d{4}年)?(年度|本年|全年|当年|今年)(计划|投资计划|计划投资)(完成)?(投资)?",
                                  r"\d{4}年(计划|投资计划|计划投资)(完成)?(投资)?",
                                  r"年度投资", r"年计划(投资)?")),
    Column("ytd", "1—N月完成投资", (r"(\d{4}年)?(年度|本年)?(投资|完成)?/?" + _N + r"(累计)?(完成|实际完成)(投资)?(额)?",
                                 r"(\d{4}年)?" + _N + r"(累计)?(完成|实际完成)?(投资)?",
                                 r"(\d{4}年)?(年度|本年|今年|当年)(计划)?投资/(累计)?(完成|实际完成)(投资)?",
                                 r"(年度|本年|今年|当年)(累计)?(已)?完成(投资)?",
                                 r"截至\d{1,2}月(底|末)?(累计)?完成(投资)?")),
    Column("cumulative", "累计完成", (r"(开工以来|自开工)?累计(已)?完成(投资)?(额)?", r"累计投资", r"累计完成投资")),
    Column("prior", "以前年度完成", (r"(以前|往)年(度)?(累计)?完成(投资)?", r"截至上年(底|末)?(累计)?完成(投资)?")),
    Column("start_planned", "开工时间", (r"开工(时间|日期)?/计划(开工)?(时间|日期)?", r"计划开工(时间|日期)?", r"开工(时间|日期)", r"开工")),
    Column("start_actual", "实际开工时间", (r"开工(时间|日期)?/实际(开工)?(时间|日期)?", r"实际开工(时间|日期)?")),
    Column("completion_planned", "竣工时间", (r"(竣工|建成|完工)(时间|日期)?/计划(竣工)?(时间|日期)?", r"计划(竣工|建成)(时间|日期)?",
                                          r"(竣工|建成|完工)(投产)?(时间|日期)", r"竣工")),
    Column("completion_actual", "实际竣工时间", (r"(竣工|建成|完工)(时间|日期)?/实际(竣工)?(时间|日期)?", r"实际(竣工|建成)(时间|日期)?")),
    Column("unit", "责任单位", (r"(县直)?(责任|牵头|主管|主体责任)(单位|部门)", r"包抓单位", r"责任主体", r"负责单位")),
    Column("person", "责任人", (r"(项目)?责任人", r"联系人", r"负责人")),
    Column("leader", "包抓领导", (r"(包抓|挂包|包靠|联系|分包|包保|牵头)(县级?|市级?)?领导", r"(县|市)级(包抓|联系|包靠)?领导",
                               r"包抓|挂包|包靠|包保", r"领导")),
    Column("problem", "存在问题", (r"存在(的)?(主要)?(问题|困难)", r"(存在)?(困难和|困难与)?问题(及建议)?", r"困难问题")),
    Column("note", "形象进度", (r"(目前|当前|工程|本月)?形象进度", r"(工程|项目)?进展情况", r"工程进度", r"进展")),
    Column("ignore", "完成率 · 红黄绿灯 · 备注", (r".*(完成率|比例|占比|百分比|%|比重)", r"红黄绿灯", r"(预警|亮灯)(情况)?",
                                            r"备注", r"说明")),
)
_COMPILED = tuple((col, tuple(re.compile(p + r"\Z", re.I) for p in col.patterns)) for col in COLUMNS)
_UNIT = re.compile(r"[(（\[【]\s*(?:单位\s*[:：]?\s*)?(亿元|万元|元)\s*[)）\]】]|(?:单位[:：]?)?(亿元|万元)\Z")
_UNIT_LINE = re.compile(r"单位\s*[:：]\s*(亿元|万元|元)")
_MONTHS_N = re.compile(r"1\s*[—–\-~～至到]+\s*(\d{1,2})\s*月")
_MONTH = re.compile(r"(?:(\d{4})年)?(\d{1,2})月(份)?(计划|完成|完成投资|实际完成|计划投资)?\Z")
_YEAR = re.compile(r"(\d{4})\s*年")


def label_of(text: str) -> tuple[str, str | None]:
    """A header cell -> (normalized label without its unit, the unit it names)."""
    t = normal(text)
    unit = None
    m = _UNIT.search(t)
    if m:
        unit = m[1] or m[2]
        t = (t[: m.start()] + t[m.end():])
    t = _MONTHS_N.sub(lambda m: f"1-{m[1]}月", t)
    return t.strip("/"), unit


def match(label: str) -> str | None:
    """The field a normalized label names, by the table; None when no pattern matches."""
    for col, patterns in _COMPILED:
        if any(p.match(label) for p in patterns):
            return col.field
    return None


class Mapped(NamedTuple):
    """One column of the sheet as understood."""

    col: int
    header: str  # as written: "年度投资/计划"
    label: str  # normalized
    field: str | None  # None: not recognised
    unit: str | None  # from the header text
    month: int | None  # month of a monthly column, or N of a 1—N月 column
    year: int | None  # a year written in the header ("2019年计划投资")
    by_map: bool = False  # decided by --map

    @property
    def letter(self) -> str:
        return column_letter(self.col)


class Header(NamedTuple):
    row: int  # first header row (0-based)
    rows: int  # 1 or 2
    columns: tuple[Mapped, ...]
    unit: str | None  # from a 单位：万元 line above the header
    title: str  # the text above the header (title rows), joined

    @property
    def data_start(self) -> int:
        return self.row + self.rows

    def by_field(self) -> dict[str, list[Mapped]]:
        out: dict[str, list[Mapped]] = {}
        for m in self.columns:
            if m.field:
                out.setdefault(m.field, []).append(m)
        return out

    def where(self) -> str:
        return cell_name(self.row, 0)


def _fill_merges(sheet: Sheet, r: int, values: list[str]) -> list[str]:
    """Forward-fill the text of merged cells starting in row r across their columns."""
    out = list(values)
    for r1, c1, r2, c2 in sheet.merged:
        if r1 <= r <= r2 and c1 < len(out):
            top = text_of(sheet.cell(r1, c1))
            for c in range(c1, min(c2 + 1, len(out))):
                if not out[c]:
                    out[c] = top
    return out


def _merged_across(sheet: Sheet, r: int) -> set[int]:
    """Columns covered by a merged range of row r that spans more than one column."""
    cols: set[int] = set()
    for r1, c1, r2, c2 in sheet.merged:
        if r1 <= r <= r2 and c2 > c1:
            cols.update(range(c1, c2 + 1))
    return cols


def _merged_down(sheet: Sheet, r: int) -> set[int]:
    """Columns of row r whose merged range goes on into row r + 1."""
    return {c for r1, c1, r2, c2 in sheet.merged if r1 <= r < r2 for c in range(c1, c2 + 1)}


def _fields(labels: list[str], overrides: dict[str, str]) -> set[str]:
    out = set()
    for lab in labels:
        if not lab:
            continue
        label, _ = label_of(lab)
        f = overrides.get(label) or match(label) or (match(label.rsplit("/", 1)[-1]) if "/" in label else None)
        if f and f != "ignore":
            out.add(f)
    return out


GROUP = re.compile(r"(?:[一二三四五六七八九十百]+[、.．]|[(（][一二三四五六七八九十百]+[)）]|第[一二三四五六七八九十]+[部分类批]?[、:：]?)")


def find_header(sheet: Sheet, overrides: dict[str, str], scan: int = 40) -> Header | None:
    """The first row, among the first `scan`, that names a project column and at least one other known column."""
    width = max((len(row) for row in sheet.rows[:scan + 2]), default=0)
    for r in range(min(scan, len(sheet.rows))):
        raw = [text_of(sheet.cell(r, c)) for c in range(width)]
        if sum(1 for v in raw if v) < 2:
            continue
        top = _fill_merges(sheet, r, raw)
        found = _fields(top, overrides)
        below = [text_of(sheet.cell(r + 1, c)) for c in range(width)]
        two = _two_rows(sheet, r, top, below)
        if two:
            labels = _labels(sheet, r, top, below)
            found |= _fields(labels, overrides)
        if "name" in found and len(found) >= 2:
            labels = _labels(sheet, r, top, below) if two else top
            return _header(sheet, r, 2 if two else 1, labels, overrides)
    return None


def _two_rows(sheet: Sheet, r: int, top: list[str], below: list[str]) -> bool:
    """Is row r + 1 the second row of a two-row header? Its cells are short texts (no numbers), under a
    parent merged across or blank, and it is not a group row (一、……)."""
    cells = [(c, sheet.cell(r + 1, c)) for c in range(len(below)) if below[c]]
    if not cells:
        return False
    if any(not isinstance(v, str) for _, v in cells):
        return False
    if GROUP.match(normal(cells[0][1])) or any(len(normal(v)) > 16 for _, v in cells):
        return False
    across, down = _merged_across(sheet, r), _merged_down(sheet, r)
    if sheet.merges_known and (across or down):
        return any(c in across or not text_of(sheet.cell(r, c)) for c, _ in cells) or bool(down)
    # no merged ranges known (.ods, or a sheet without merges): children under blank or repeated parents
    hits = 0
    for c, v in cells:
        label, _ = label_of(v)
        if not text_of(sheet.cell(r, c)) or match(label) in ("annual", "ytd", "start_planned", "start_actual",
                                                             "completion_planned", "completion_actual", "month",
                                                             "ignore") or _MONTH.match(label):
            hits += 1
    return hits >= max(1, len(cells) // 2)


def _labels(sheet: Sheet, r: int, top: list[str], below: list[str]) -> list[str]:
    """parent/child labels of a two-row header; parents forward-filled over children with no merge info."""
    parents = list(top)
    if not sheet.merges_known:
        for c in range(1, len(parents)):
            if not text_of(sheet.cell(r, c)) and below[c] and parents[c - 1] and below[c - 1]:
                parents[c] = parents[c - 1]
    out = []
    for c, parent in enumerate(parents):
        child = below[c] if c < len(below) else ""
        if child and parent and child != parent:
            out.append(f"{parent}/{child}")
        else:
            out.append(parent or child)
    return out


def _header(sheet: Sheet, r: int, rows: int, labels: list[str], overrides: dict[str, str]) -> Header:
    unit = None
    title_parts = []
    for above in range(r):
        for v in sheet.rows[above]:
            t = text_of(v)
            if t:
                m = _UNIT_LINE.search(normal(t))
                if m:
                    unit = m[1]
                    rest = _UNIT_LINE.sub("", normal(t)).strip(" ，,;；")
                    if rest:
                        title_parts.append(rest)
                else:
                    title_parts.append(t)
    columns = []
    for c, text in enumerate(labels):
        if not text:
            continue
        label, col_unit = label_of(text)
        year = None
        ym = _YEAR.search(label)
        if ym:
            year = int(ym[1])
        n = None
        nm = re.search(r"1-(\d{1,2})月", label)
        field = overrides.get(label)
        by_map = field is not None
        if field is None:
            child = label.rsplit("/", 1)[-1]
            parent = label.rsplit("/", 1)[0] if "/" in label else ""
            mm = _MONTH.match(child)
            if mm and not nm:
                n = int(mm[2])
                field = "month_plan" if "计划" in child or "计划" in parent else "month"
                if mm[1]:
                    year = int(mm[1])
            else:
                field = match(label) or (match(child) if parent else None)
        if nm:
            n = int(nm[1])
        if field in ("month", "month_plan") and n is None:
            mm = _MONTH.match(label.rsplit("/", 1)[-1])
            n = int(mm[2]) if mm else None
        if field in ("month", "month_plan") and not (n and 1 <= n <= 12):
            field = None
        columns.append(Mapped(c, text, label, field, col_unit, n, year, by_map))
    if not any(m.field == "note" for m in columns):  # a sheet without 形象进度 keeps it in 备注
        columns = [m._replace(field="note") if m.label == "备注" and m.field == "ignore" and not m.by_map else m
                   for m in columns]
    return Header(r, rows, tuple(columns), unit, " ".join(title_parts))
