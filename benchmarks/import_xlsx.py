"""Import of a large 台账: `xmledger import xlsx` of an N-row sheet, and the reader against openpyxl.

    python benchmarks/import_xlsx.py [--rows 10000] [--repeat 3] [--write-doc]

Writes a sheet in the layout of `export xlsx` (title, 单位：万元, a two-row merged
header, group rows, subtotals, a total row) with XlsxWriter, then times, as
separate processes interleaved in one run:

- reading every cell with python-calamine (what the importer uses),
- reading every cell with openpyxl in read-only mode (the usual alternative;
  skipped when openpyxl is not installed),
- the whole `xmledger import xlsx FILE -o DIR` (read, map, write, and the
  `check` of the written ledger), process start included.

Medians, ratios, peak RSS of each process. `--write-doc` rewrites the section
between the import markers in docs/performance.md.
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "performance.md"
BEGIN, END = "<!-- import: begin -->", "<!-- import: end -->"
CATEGORIES = ["新旧动能转换", "乡村振兴", "城建及基础设施", "社会建设"]
UNITS = ["县发改局", "县住建局", "县交通运输局", "县水利局", "北宋镇人民政府", "盐窝镇人民政府", "利津街道办事处"]
LEADERS = ["张三", "李四", "王五", "赵六", "陈晓东", "郑国庆"]
WORDS = "生态 智能 装备 产业园 物流 污水 处理 道路 改造 提升 医院 学校 大桥 冷链 光伏 风电 新材料 电子 化工 港口".split()


def make_sheet(path: Path, rows: int, seed: int = 1) -> None:
    import xlsxwriter

    rnd = random.Random(seed)
    wb = xlsxwriter.Workbook(str(path))
    ws = wb.add_worksheet("项目进展")
    head = wb.add_format({"bold": True, "border": 1})
    money = wb.add_format({"num_format": "#,##0.00"})
    date = wb.add_format({"num_format": "yyyy-mm-dd"})
    ws.merge_range(0, 0, 0, 16, "示例市重点项目建设台账 · 2019年重点项目建设进展情况表（截至2019年5月31日）", head)
    ws.write_string(1, 0, "单位：万元")
    singles = {0: "序号", 1: "项目名称", 2: "建设内容及规模", 3: "建设性质", 4: "建设起止年限", 5: "总投资", 9: "累计完成",
               12: "红黄绿灯", 13: "责任单位", 14: "包抓领导", 15: "存在问题", 16: "备注"}
    for c, h in singles.items():
        ws.merge_range(2, c, 3, c, h, head)
    ws.merge_range(2, 6, 2, 8, "年度投资", head)
    ws.merge_range(2, 10, 2, 11, "开工", head)
    for c, h in zip((6, 7, 8, 10, 11), ("计划", "1—5月完成", "完成率", "计划", "实际")):
        ws.write_string(3, c, h, head)
    per_group = rows // len(CATEGORIES)
    r, seq = 4, 0
    for gi, category in enumerate(CATEGORIES):
        count = per_group if gi < len(CATEGORIES) - 1 else rows - per_group * (len(CATEGORIES) - 1)
        ws.write_string(r, 0, f"{'一二三四'[gi]}、{category}项目（{count}个）")
        r += 1
        sums = [0, 0, 0, 0]
        for _ in range(count):
            seq += 1
            total = rnd.randrange(1000, 500000) / 10
            annual = round(total * rnd.uniform(0.2, 0.6), 1)
            ytd = round(annual * rnd.uniform(0, 0.7), 1)
            cum = round(ytd + total * rnd.uniform(0, 0.3), 1)
            start = datetime.date(2019 - rnd.randrange(3), rnd.randrange(1, 13), rnd.randrange(1, 28))
            ws.write_number(r, 0, seq)
            ws.write_string(r, 1, f"{''.join(rnd.sample(WORDS, 3))}项目{seq}")
            ws.write_string(r, 2, "建设厂房、道路及配套设施")
            ws.write_string(r, 3, rnd.choice(["新建", "扩建", "续建"]))
            ws.write_string(r, 4, f"{start.year}—{start.year + 2}")
            for c, v in ((5, total), (6, annual), (7, ytd), (9, cum)):
                ws.write_number(r, c, v, money)
            ws.write_number(r, 8, ytd / annual if annual else 0)
            ws.write_datetime(r, 10, start, date)
            if rnd.random() < 0.8:
                ws.write_datetime(r, 11, start + datetime.timedelta(days=rnd.randrange(0, 20)), date)
            ws.write_string(r, 12, "绿灯")
            ws.write_string(r, 13, rnd.choice(UNITS))
            ws.write_string(r, 14, rnd.choice(LEADERS))
            if rnd.random() < 0.1:
                ws.write_string(r, 15, rnd.choice(["征地资金暂未到位", "施工许可证办理进度慢", "配套电力线路未接通"]))
            for i, v in enumerate((total, annual, ytd, cum)):
                sums[i] += v
            r += 1
        ws.write_string(r, 1, "小计")
        for c, v in zip((5, 6, 7, 9), sums):
            ws.write_number(r, c, round(v, 1), money)
        r += 1
    wb.close()


CALAMINE = """
import sys, python_calamine as pc
book = pc.CalamineWorkbook.from_path(sys.argv[1])
n = sum(len(row) for row in book.get_sheet_by_index(0).to_python(skip_empty_area=False))
print(n)
"""
OPENPYXL = """
import sys, openpyxl
book = openpyxl.load_workbook(sys.argv[1], read_only=True, data_only=True)
n = sum(len(row) for row in book.worksheets[0].iter_rows(values_only=True))
print(n)
"""


def timed(cmd: list[str]) -> tuple[float, float, str, float]:
    """Seconds, peak RSS in MiB, stdout, CPU seconds (user + system, its waited children included) of one
    process."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    out = proc.stdout.read().decode()
    err = proc.stderr.read().decode()
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(cmd)} failed:\n{err}")
    return elapsed, usage.ru_maxrss / 1024, out, usage.ru_utime + usage.ru_stime


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=10000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--write-doc", action="store_true")
    args = ap.parse_args()
    load = os.getloadavg()[0]
    work = Path(tempfile.mkdtemp(prefix="xmledger-import-bench-"))
    try:
        book = work / f"台账-{args.rows}.xlsx"
        make_sheet(book, args.rows)
        size = book.stat().st_size / 1024 / 1024
        try:
            import openpyxl  # noqa: F401
            have_openpyxl = True
        except ImportError:
            have_openpyxl = False
        runs: dict[str, list] = {"calamine": [], "openpyxl": [], "import": []}
        for i in range(args.repeat):
            runs["calamine"].append(timed([sys.executable, "-c", CALAMINE, str(book)]))
            if have_openpyxl:
                runs["openpyxl"].append(timed([sys.executable, "-c", OPENPYXL, str(book)]))
            out = work / f"ledger-{i}"
            runs["import"].append(timed([sys.executable, "-m", "xmledger", "import", "xlsx", str(book), "-o", str(out)]))
            projects = sum(line.startswith(("id: ", "- id: ")) for f in (out / "projects").rglob("*.yaml")
                           for line in f.read_text(encoding="utf-8").splitlines())
            assert projects == args.rows, (projects, args.rows)
            shutil.rmtree(out)
        med = {k: (statistics.median(r[0] for r in v), max(r[1] for r in v), statistics.median(r[3] for r in v))
               for k, v in runs.items() if v}
        base = med["calamine"][0]
        lines = [f"Measured {datetime.date.today()} on {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
                 f"Python {platform.python_version()}, with `python benchmarks/import_xlsx.py --rows {args.rows} "
                 f"--repeat {args.repeat}`: a {args.rows:,}-row sheet of {size:.1f} MiB in the layout of `export xlsx`; "
                 f"medians of {args.repeat} runs, each a separate process (start-up included), interleaved; "
                 f"CPU is user + system time; load average before the run {load:.1f}.", "",
                 "| what | seconds | CPU seconds | vs calamine | peak RSS |", "|---|---:|---:|---:|---:|"]
        names = {"calamine": "read every cell: python-calamine", "openpyxl": "read every cell: openpyxl read-only",
                 "import": "`xmledger import xlsx` (read, map, write, check)"}
        for k, (t, rss, cpu) in med.items():
            lines.append(f"| {names[k]} | {t:.2f} | {cpu:.2f} | {t / base:.2f}× | {rss:.0f} MiB |")
        text = "\n".join(lines)
        print(text)
        if args.write_doc:
            doc = DOC.read_text(encoding="utf-8")
            if BEGIN in doc:
                doc = re.sub(re.escape(BEGIN) + ".*?" + re.escape(END), f"{BEGIN}\n{text}\n{END}", doc, flags=re.S)
            else:
                doc += f"\n## Import of a large workbook (issue 12)\n\n{BEGIN}\n{text}\n{END}\n"
            DOC.write_text(doc, encoding="utf-8")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
