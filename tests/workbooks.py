"""Workbooks for the import tests, built with XlsxWriter in the layouts offices use.

Each builder takes the projects as plain values and writes them the way one
kind of 台账 does; the tests compute what to expect from the same values.
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from pathlib import Path

import xlsxwriter

# name, category, content, nature, span, total, annual, ytd (1-5月), cumulative, start planned, start actual,
# light, unit, leader, problem
EXPORT_ROWS = [
    ("绿竹韵共享生态苑项目", "新旧动能转换", "有机无土栽培大棚、研学拓展训练区等七大功能区", "新建", "2019—2020",
     "7000", "3000", "1250.5", "1250.5", datetime.date(2019, 3, 1), datetime.date(2019, 3, 15), "绿灯",
     "县发改局", "张三", "征地资金暂未到位"),
    ("利津黄河公路大桥接线工程", "新旧动能转换", "建设大桥北岸接线道路6.2公里", "新建", "2017—2021",
     "21500", "7470", "3112.4", "14906.2", datetime.date(2017, 2, 25), datetime.date(2017, 3, 14), "绿灯",
     "县交通运输局", "李四", ""),
    ("凤凰湖公园提升改造", "城建及基础设施", "湖区清淤、景观提升", "改建", "2019—2019",
     "3200", "3200", "0", "0", datetime.date(2019, 3, 18), None, "红灯",
     "县城投公司", "张三", "施工许可证办理进度慢"),
]


def _formats(wb):
    return {
        "title": wb.add_format({"bold": True, "align": "center", "font_size": 16}),
        "head": wb.add_format({"bold": True, "align": "center", "valign": "vcenter", "border": 1, "text_wrap": True}),
        "money": wb.add_format({"num_format": "#,##0.00", "border": 1}),
        "rate": wb.add_format({"num_format": "0.0%", "border": 1}),
        "date": wb.add_format({"num_format": "yyyy-mm-dd", "border": 1}),
        "text": wb.add_format({"border": 1}),
        "group": wb.add_format({"bold": True, "border": 1}),
    }


def export_layout(path: Path, rows=EXPORT_ROWS, *, month: int = 5, title: str | None = None,
                  subtotal_fix: dict | None = None) -> Path:
    """The 进展情况表 of `export xlsx` (issue 11): title merged across, 单位：万元, a two-row merged header,
    a total row, rows grouped by category, each group closed by a subtotal row."""
    wb = xlsxwriter.Workbook(str(path))
    f = _formats(wb)
    ws = wb.add_worksheet("项目进展")
    last = 16  # Q
    ws.merge_range(0, 0, 0, last, title or f"利津县重点项目建设台账 · 2019年重点项目建设进展情况表（截至2019年{month}月31日）",
                   f["title"])
    ws.write_string(1, 0, "单位：万元")
    singles = {0: "序号", 1: "项目名称", 2: "建设内容及规模", 3: "建设性质", 4: "建设起止年限", 5: "总投资", 9: "累计完成",
               12: "红黄绿灯", 13: "责任单位", 14: "包抓领导", 15: "存在问题", 16: "备注"}
    for c, h in singles.items():
        ws.merge_range(2, c, 3, c, h, f["head"])
    ws.merge_range(2, 6, 2, 8, "年度投资", f["head"])
    for c, h in zip((6, 7, 8), ("计划", f"1—{month}月完成", "完成率")):
        ws.write_string(3, c, h, f["head"])
    ws.merge_range(2, 10, 2, 11, "开工", f["head"])
    ws.write_string(3, 10, "计划", f["head"])
    ws.write_string(3, 11, "实际", f["head"])
    groups: dict[str, list] = {}
    for row in rows:
        groups.setdefault(row[1], []).append(row)

    def sums(items):
        return [sum((Decimal(x[i]) for x in items), Decimal(0)) for i in (5, 6, 7, 8)]

    r = 4
    total = sums(rows)
    ws.write_string(r, 1, "合计", f["group"])
    for c, v in zip((5, 6, 7, 9), total):
        ws.write_number(r, c, float(v), f["money"])
    r += 1
    seq = 0
    for gi, (category, items) in enumerate(groups.items()):
        numeral = "一二三四五六七八九十"[gi]
        ws.merge_range(r, 0, r, 4, f"{numeral}、{category}项目（{len(items)}个）", f["group"])
        r += 1
        for item in items:
            seq += 1
            (name, _, content, nature, span, tot, annual, ytd, cum, sp, sa, light, unit, leader, problem) = item
            ws.write_number(r, 0, seq, f["text"])
            ws.write_string(r, 1, name, f["text"])
            ws.write_string(r, 2, content, f["text"])
            ws.write_string(r, 3, nature, f["text"])
            ws.write_string(r, 4, span, f["text"])
            ws.write_number(r, 5, float(tot), f["money"])
            ws.write_number(r, 6, float(annual), f["money"])
            ws.write_number(r, 7, float(ytd), f["money"])
            ws.write_number(r, 8, float(Decimal(ytd) / Decimal(annual)), f["rate"])
            ws.write_number(r, 9, float(cum), f["money"])
            ws.write_datetime(r, 10, sp, f["date"])
            if sa:
                ws.write_datetime(r, 11, sa, f["date"])
            ws.write_string(r, 12, light, f["text"])
            ws.write_string(r, 13, unit, f["text"])
            ws.write_string(r, 14, leader, f["text"])
            if problem:
                ws.write_string(r, 15, problem, f["text"])
            r += 1
        sub = sums(items)
        if subtotal_fix and category in subtotal_fix:
            sub[0] = Decimal(subtotal_fix[category])
        ws.write_string(r, 1, "小计", f["group"])
        for c, v in zip((5, 6, 7, 9), sub):
            ws.write_number(r, c, float(v), f["money"])
        r += 1
    ws.freeze_panes(4, 2)
    wb.close()
    return path


# name, code, total (亿元), annual (亿元), 1-6月 (亿元), unit, leader, start, completion, problem
YI_ROWS = [
    ("东营港疏港铁路", "2019-370522-53-01-000101", 12.3456, 3.1, 1.25, "县交通运输局", "王五（副县长）", "2019年3月", "2021.12",
     "用地指标不足"),
    ("滨州医学院附属医院利津分院", "2018-370522-84-01-000088", 4.8, 1.2, 0.75, "县卫健局", "赵六", "2018.6", "2020年12月", ""),
    ("盐窝镇污水处理厂", "2019-370522-46-01-000230", 0.6, 0.6, 0.1, "盐窝镇人民政府", "王五（副县长）", "2019/04", "2019-12-31",
     "配套资金缺口较大"),
]


def yi_layout(path: Path, rows=YI_ROWS, *, extra_rows=()) -> Path:
    """A one-row header in 亿元, a code column, a single cumulative 1—6月 column, written dates."""
    wb = xlsxwriter.Workbook(str(path))
    ws = wb.add_worksheet("Sheet1")
    ws.write_string(0, 0, "2019年市重点项目推进情况表")
    headers = ["序号", "项目名称", "项目代码", "总投资（亿元）", "2019年计划投资（亿元）", "1—6月累计完成投资（亿元）",
               "责任单位", "县级领导", "开工时间", "竣工时间", "存在问题"]
    for c, h in enumerate(headers):
        ws.write_string(1, c, h)
    for i, (name, code, tot, annual, ytd, unit, leader, start, end, problem) in enumerate(list(rows) + list(extra_rows)):
        r = 2 + i
        ws.write_number(r, 0, i + 1)
        ws.write_string(r, 1, name)
        ws.write_string(r, 2, code)
        for c, v in ((3, tot), (4, annual), (5, ytd)):
            if isinstance(v, str):
                ws.write_string(r, c, v)
            else:
                ws.write_number(r, c, v)
        ws.write_string(r, 6, unit)
        ws.write_string(r, 7, leader)
        ws.write_string(r, 8, start) if isinstance(start, str) else ws.write_number(r, 8, start)
        ws.write_string(r, 9, end)
        if problem:
            ws.write_string(r, 10, problem)
    wb.close()
    return path


# category, name, location, total, annual, monthly completed (Jan-May), start (serial or date), unit, leader
GROUPED_ROWS = [
    ("乡村振兴", "北宋镇优质小麦良种繁育基地", "北宋镇", "6000", "3480", ["500", "300.5", "800", "900", "0"],
     43480, "北宋镇人民政府", "郑国庆"),
    ("乡村振兴", "明集乡美丽乡村建设项目", "明集乡", "4500", "1200", ["0", "100", "150", "", "86.25"],
     datetime.date(2019, 2, 20), "明集乡人民政府", "郑国庆"),
    ("乡村振兴", "汀罗镇冬枣提质增效工程", "汀罗镇", "2800", "900", ["50", "50", "100", "100", "120"],
     "2019.3", "汀罗镇人民政府", "郑国庆"),
    ("社会建设", "县第二实验小学", "凤凰城街道", "15000", "6000", ["300", "400", "700", "900", "1000"],
     "2018年9月", "县教育局", "陈晓东"),
]


def grouped_layout(path: Path, rows=GROUPED_ROWS, *, subtotal_off: Decimal = Decimal(0)) -> Path:
    """A two-row header (基本情况 / 2019年完成投资 over 1月 … 5月), group rows, subtotals, a leader merged
    over the rows of a group, start dates as Excel serial numbers with and without a date format."""
    wb = xlsxwriter.Workbook(str(path))
    f = _formats(wb)
    ws = wb.add_worksheet("2019年重点项目")
    ws.merge_range(0, 0, 0, 13, "利津县2019年重点项目月度调度表", f["title"])
    ws.merge_range(1, 0, 1, 13, "单位：万元", f["text"])
    for c, h in {0: "序号", 5: "开工时间", 11: "责任单位", 12: "包抓领导", 13: "形象进度"}.items():
        ws.merge_range(2, c, 3, c, h, f["head"])
    ws.merge_range(2, 1, 2, 4, "基本情况", f["head"])
    for c, h in zip(range(1, 5), ("项目名称", "建设地点", "总投资", "年度计划投资")):
        ws.write_string(3, c, h, f["head"])
    ws.merge_range(2, 6, 2, 10, "2019年完成投资", f["head"])
    for i in range(5):
        ws.write_string(3, 6 + i, f"{i + 1}月", f["head"])
    r = 4
    groups: dict[str, list] = {}
    for row in rows:
        groups.setdefault(row[0], []).append(row)
    seq = 0
    for gi, (category, items) in enumerate(groups.items()):
        ws.merge_range(r, 0, r, 13, f"（{'一二三四五'[gi]}）{category}类项目", f["group"])
        r += 1
        first = r
        for (_, name, loc, tot, annual, months, start, unit, leader) in items:
            seq += 1
            ws.write_number(r, 0, seq)
            ws.write_string(r, 1, name)
            ws.write_string(r, 2, loc)
            ws.write_number(r, 3, float(tot), f["money"])
            ws.write_number(r, 4, float(annual), f["money"])
            if isinstance(start, datetime.date):
                ws.write_datetime(r, 5, start, f["date"])
            elif isinstance(start, int):
                ws.write_number(r, 5, start)  # a serial number without a date format
            else:
                ws.write_string(r, 5, start)
            for i, v in enumerate(months):
                if v != "":
                    ws.write_number(r, 6 + i, float(v), f["money"])
            ws.write_string(r, 11, unit)
            ws.write_string(r, 13, "主体施工")
            r += 1
        if len(items) > 1:
            ws.merge_range(first, 12, r - 1, 12, items[0][8], f["text"])
        else:
            ws.write_string(first, 12, items[0][8])
        ws.write_string(r, 0, "小计")
        ws.write_number(r, 3, float(sum(Decimal(x[3]) for x in items) + subtotal_off), f["money"])
        ws.write_number(r, 4, float(sum(Decimal(x[4]) for x in items)), f["money"])
        r += 1
    ws.write_string(r + 1, 0, "注：本表由各责任单位每月5日前报送。")
    wb.close()
    return path


def simple_sheet(path: Path, header: list[str], rows: list[list], *, sheet: str = "Sheet1", title: str | None = None) -> Path:
    """A plain sheet: an optional title row, a header row, the rows as given (str as text, numbers as numbers)."""
    wb = xlsxwriter.Workbook(str(path))
    ws = wb.add_worksheet(sheet)
    r = 0
    if title:
        ws.write_string(0, 0, title)
        r = 1
    for c, h in enumerate(header):
        ws.write_string(r, c, h)
    date = wb.add_format({"num_format": "yyyy-mm-dd"})
    for i, row in enumerate(rows, r + 1):
        for c, v in enumerate(row):
            if v is None or v == "":
                continue
            if isinstance(v, str):
                ws.write_string(i, c, v)
            elif isinstance(v, datetime.date):
                ws.write_datetime(i, c, v, date)
            else:
                ws.write_number(i, c, v)
    wb.close()
    return path
