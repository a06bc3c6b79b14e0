"""`import xlsx` through the command line: three layouts offices use, an .xls file, and bad input."""

import datetime
import json
from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from conftest import REPO, TESTS, run_process
from workbooks import EXPORT_ROWS, GROUPED_ROWS, YI_ROWS, export_layout, grouped_layout, simple_sheet, yi_layout

FIXTURES = TESTS / "fixtures" / "import"
REPO_LEDGER = REPO / "data" / "lijin"


def imported(cli, book, dest, *args, code=0):
    result = cli("import", "xlsx", book, "-o", dest, *args)
    assert result.exit_code == code, result.stdout + result.stderr
    return result


def status(cli, root, as_of):
    result = cli("status", "-L", root, "--as-of", as_of, "--format", "json")
    assert result.exit_code == 0, result.stdout + result.stderr
    return json.loads(result.stdout)


def checked(cli, root):
    result = cli("check", "-L", root)
    assert result.exit_code == 0, result.stdout + result.stderr
    return result


def records(root: Path, pattern: str) -> list[dict]:
    out = []
    for path in sorted(root.glob(pattern)):
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        out += doc if isinstance(doc, list) else [doc]
    return out


# ------------------------------------------------------------------ (a) the export layout of issue 11

def test_export_layout(cli, tmp_path):
    book = export_layout(tmp_path / "进展情况表.xlsx")
    dest = tmp_path / "台账"
    result = imported(cli, book, dest)
    assert "3个项目" in result.stdout and "2个问题" in result.stdout
    checked(cli, dest)
    figures = status(cli, dest, "2019-05-31")
    D = Decimal
    assert figures["projects"] == len(EXPORT_ROWS)
    assert D(figures["total_investment"]) == sum(D(r[5]) for r in EXPORT_ROWS)
    assert D(figures["annual_plan"]) == sum(D(r[6]) for r in EXPORT_ROWS)
    assert D(figures["completed_ytd"]) == sum(D(r[7]) for r in EXPORT_ROWS)
    assert figures["started"] == sum(1 for r in EXPORT_ROWS if r[10])
    assert figures["continuing"] == sum(1 for r in EXPORT_ROWS if r[10] and r[10].year < 2019)
    assert figures["late_start"] == sum(1 for r in EXPORT_ROWS if not r[10] and r[9] <= datetime.date(2019, 5, 31))
    assert figures["issues"]["raised"] == sum(1 for r in EXPORT_ROWS if r[14])
    projects = {p["name"]: p for p in records(dest, "projects/**/*.yaml")}
    bridge = projects["利津黄河公路大桥接线工程"]
    assert bridge["category"] == "新旧动能转换" and bridge["nature"] == "new"
    assert D(str(bridge["prior_investment"])) == D("14906.2") - D("3112.4")  # 累计完成 minus 1—5月
    assert bridge["progress"] == [{"month": "2019-05", "invested": 3112.4, "note": "1—5月累计完成，导入时记为5月一笔"}]
    assert bridge["completion"] == {"planned": datetime.date(2021, 12, 31)}
    assert projects["凤凰湖公园提升改造"]["nature"] == "renovation"
    ledger = yaml.safe_load((dest / "ledger.yaml").read_text(encoding="utf-8"))
    assert ledger["region"] == "利津县" and ledger["categories"] == ["新旧动能转换", "城建及基础设施"]
    cards = records(dest, "responsibilities/*.yaml")
    assert {(c["leader"]["name"], c["unit"]) for c in cards} == {(r[13], r[12]) for r in EXPORT_ROWS}
    issues = records(dest, "issues/**/*.yaml")
    assert [(q["title"], q["category"]) for q in issues] == [("征地资金暂未到位", "land"), ("施工许可证办理进度慢", "approval")]


def test_a_subtotal_that_does_not_add_up_is_reported_at_its_cell(cli, tmp_path):
    book = export_layout(tmp_path / "a.xlsx", subtotal_fix={"新旧动能转换": "28000"})
    result = imported(cli, book, tmp_path / "out")  # a warning: the rows themselves are fine
    line = next(line for line in result.stderr.splitlines() if "合计" in line or "sum" in line)
    assert line.startswith(f"{book}!项目进展!F9: 警告 总投资合计为 28000") and "28500" in line


def test_show_mapping_prints_what_was_recognised_and_writes_nothing(cli, tmp_path):
    book = export_layout(tmp_path / "a.xlsx")
    result = cli("import", "xlsx", book, "--show-mapping", "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    assert not (tmp_path / "out").exists()
    lines = result.stdout.splitlines()
    assert "表头在第3行（2行表头），2019年，累计到5月" in lines[0]
    row = next(line.split() for line in lines if line.startswith("H "))
    assert row[:3] == ["H", "年度投资/1—5月完成", "ytd"]
    assert any(line.split()[:3] == ["I", "年度投资/完成率", "ignore"] for line in lines if line.startswith("I "))
    english = cli("import", "xlsx", book, "--show-mapping", "--lang", "en")
    assert "header in row 3 (2 rows), year 2019" in english.stdout


# ------------------------------------------------------------------ (b) one-row header, 亿元, cumulative only

def test_yi_one_row_header_cumulative_only(cli, tmp_path):
    book = yi_layout(tmp_path / "推进表.xlsx")
    dest = tmp_path / "out"
    imported(cli, book, dest, "--category", "重点项目", "--region", "利津县")
    checked(cli, dest)
    projects = {p["id"]: p for p in records(dest, "projects/**/*.yaml")}
    assert set(projects) == {r[1] for r in YI_ROWS}  # ids from the 项目代码 column
    first = projects[YI_ROWS[0][1]]
    assert first["total_investment"] == 123456  # 12.3456亿元 is exactly 123456万元, no float artefact
    assert first["level"] == "city"  # 市重点项目 in the title
    assert first["progress"][0]["month"] == "2019-06"  # 1—6月累计 is one entry for June
    assert "1—6月累计完成" in first["progress"][0]["note"]
    assert first["start"] == {"planned": datetime.date(2019, 3, 1), "actual": datetime.date(2019, 3, 1)}
    assert first["completion"] == {"planned": datetime.date(2021, 12, 31)}
    figures = status(cli, dest, "2019-06-30")
    assert Decimal(figures["completed_ytd"]) == sum(Decimal(str(r[4])) for r in YI_ROWS) * 10000
    cards = records(dest, "responsibilities/*.yaml")
    wang = [c for c in cards if c["leader"]["name"] == "王五"]
    assert len(wang) == 2 and all(c["leader"]["title"] == "副县长" for c in wang)


def test_amounts_are_exact(cli, tmp_path):
    """0.1 + 0.2 stays 0.3: a subtotal Excel computed as 0.30000000000000004 matches the rows exactly."""
    book = simple_sheet(tmp_path / "a.xlsx", ["序号", "项目名称", "总投资", "年度计划投资", "1—5月完成投资"],
                        [[1, "甲项目", 0.1, 0.1, 0.1], [2, "乙项目", 0.2, 0.2, 0.2], ["", "合计", 0.1 + 0.2, 0.1 + 0.2, 0.3]],
                        title="2019年重点项目")
    dest = tmp_path / "out"
    result = imported(cli, book, dest)
    assert "合计" not in result.stderr and "sum" not in result.stderr
    figures = status(cli, dest, "2019-05-31")
    assert figures["total_investment"] == "0.3" and figures["completed_ytd"] == "0.3"


# ------------------------------------------------------------------ (c) two-row header, groups, merges, serial dates

def test_grouped_layout(cli, tmp_path):
    book = grouped_layout(tmp_path / "调度表.xlsx")
    dest = tmp_path / "out"
    result = imported(cli, book, dest)
    assert "警告" not in result.stderr, result.stderr
    checked(cli, dest)
    projects = {p["name"]: p for p in records(dest, "projects/**/*.yaml")}
    assert {p["category"] for p in projects.values()} == {"乡村振兴", "社会建设"}
    wheat = projects["北宋镇优质小麦良种繁育基地"]
    assert wheat["start"]["planned"] == datetime.date(2019, 1, 15)  # serial 43480 without a date format
    assert projects["明集乡美丽乡村建设项目"]["start"]["planned"] == datetime.date(2019, 2, 20)  # a date cell
    assert projects["汀罗镇冬枣提质增效工程"]["start"]["planned"] == datetime.date(2019, 3, 1)  # "2019.3"
    assert projects["县第二实验小学"]["start"]["planned"] == datetime.date(2018, 9, 1)  # "2018年9月"
    months = [e["month"] for e in projects["明集乡美丽乡村建设项目"]["progress"]]
    assert months == ["2019-01", "2019-02", "2019-03", "2019-05"]  # an empty April is not an entry
    cards = records(dest, "responsibilities/*.yaml")
    zheng = [c for c in cards if c["leader"]["name"] == "郑国庆"]
    assert sum(len(c["projects"]) for c in zheng) == 3  # the leader merged over three rows leads each
    figures = status(cli, dest, "2019-05-31")
    done = sum(Decimal(v) for r in GROUPED_ROWS for v in r[5] if v != "")
    assert Decimal(figures["completed_ytd"]) == done


def test_group_subtotal_mismatch(cli, tmp_path):
    book = grouped_layout(tmp_path / "c.xlsx", subtotal_off=Decimal("100"))
    result = imported(cli, book, tmp_path / "out")
    lines = [line for line in result.stderr.splitlines() if "警告" in line]
    assert len(lines) == 2 and all("总投资合计为" in line for line in lines)
    assert lines[0].startswith(f"{book}!2019年重点项目!D9:")


def test_xls_file(cli, tmp_path):
    """An .xls (BIFF8) file written by tools/make_import_fixtures.py: merged header, group rows, serial dates."""
    dest = tmp_path / "out"
    result = imported(cli, FIXTURES / "台账2018.xls", dest)
    assert "警告" not in result.stderr, result.stderr
    checked(cli, dest)
    projects = {p["name"]: p for p in records(dest, "projects/**/*.yaml")}
    assert len(projects) == 4 and {p["category"] for p in projects.values()} == {"工业", "基础设施"}
    assert projects["利津县滨海新区热电项目"]["start"]["actual"] == datetime.date(2018, 4, 16)
    assert projects["利津县滨海新区热电项目"]["total_investment"] == 56000
    figures = status(cli, dest, "2018-09-30")
    assert figures["projects"] == 4 and figures["completed_ytd"] == "15032.6"


def test_ods_file(cli, tmp_path):
    """An .ods file (no merged ranges known to the reader): the two-row header is found by its children."""
    dest = tmp_path / "out"
    imported(cli, FIXTURES / "台账2019.ods", dest)
    checked(cli, dest)
    projects = {p["name"]: p for p in records(dest, "projects/**/*.yaml")}
    assert projects["黄河口生态旅游区提升"]["plans"] == {2019: {"annual": 2600}}
    assert projects["黄河口生态旅游区提升"]["progress"][0]["month"] == "2019-04"


def test_map_file_overrides_and_adds(cli, tmp_path):
    book = simple_sheet(tmp_path / "a.xlsx", ["序号", "工程名称", "概算投资", "今年安排", "项目法人"],
                        [[1, "甲项目", 100, 50, "甲公司"]], title="2019年重点项目")
    plain = cli("import", "xlsx", book, "-o", tmp_path / "x")
    assert plain.exit_code == 1 and "没有总投资列" in plain.stderr and not (tmp_path / "x").exists()
    mapping = tmp_path / "map.yaml"
    mapping.write_text("columns:\n  概算投资: total\n  今年安排: annual\n  项目法人: ignore\n", encoding="utf-8")
    dest = tmp_path / "out"
    imported(cli, book, dest, "--map", mapping)
    project = records(dest, "projects/**/*.yaml")[0]
    assert project["total_investment"] == 100 and project["plans"] == {2019: {"annual": 50}} and "owner" not in project
    wrong = tmp_path / "wrong.yaml"
    wrong.write_text("概算投资: totl\n", encoding="utf-8")
    result = cli("import", "xlsx", book, "-o", tmp_path / "y", "--map", wrong)
    assert result.exit_code == 2 and "totl" in result.stderr


def test_large_layout_writes_list_files(cli, tmp_path):
    book = export_layout(tmp_path / "a.xlsx")
    dest = tmp_path / "out"
    imported(cli, book, dest, "--layout", "lists")
    assert sorted(p.name for p in (dest / "projects").iterdir()) == ["城建及基础设施.yaml", "新旧动能转换.yaml"]
    checked(cli, dest)


def test_a_real_process_writes_utf8_and_exits_0(tmp_path):
    book = export_layout(tmp_path / "a.xlsx")
    result = run_process("import", "xlsx", book, "-o", tmp_path / "out", env={"LANG": "C"})
    assert result.returncode == 0 and "已写入" in result.stdout.decode("utf-8")


# ------------------------------------------------------------------ bad input: named by cell, exit 1, nothing written

def bad(cli, tmp_path, book, *args):
    dest = tmp_path / "never"
    result = cli("import", "xlsx", book, "-o", dest, *args)
    assert result.exit_code == 1, result.stdout + result.stderr
    assert not dest.exists()
    assert not [p for p in dest.parent.iterdir() if p.name.startswith(".never")]  # no temporary folder left
    return result.stderr


HEAD = ["序号", "项目名称", "总投资", "年度计划投资", "开工时间", "1—5月完成投资"]


@pytest.mark.parametrize("cell,value,says", [
    ("C3", "七千万", "总投资：“七千万”不是金额"),
    ("C3", -700, "总投资：金额为负数（-700）"),
    ("E3", "2019-02-30", "开工时间：日期“2019-02-30”不存在"),
    ("E3", 2019.1, "开工时间：数字 2019.1 分不清是1月还是10月"),
    ("F3", "约300", "1—5月完成投资：“约300”不是金额"),
])
def test_a_cell_that_cannot_be_read(cli, tmp_path, cell, value, says):
    rows = [[1, "甲项目", 700, 300, "2019-03-01", 120], [2, "乙项目", 500, 200, "2019-04-01", 80]]
    col = "ABCDEF".index(cell[0])
    rows[int(cell[1:]) - 3][col] = value  # a title row, the header, then the rows
    book = simple_sheet(tmp_path / "a.xlsx", HEAD, rows, title="2019年重点项目")
    stderr = bad(cli, tmp_path, book)
    assert f"{book}!Sheet1!{cell}: 错误 {says}" in stderr
    assert "没有写入任何内容" in stderr
    partial = cli("import", "xlsx", book, "-o", tmp_path / "part", "--partial")
    assert partial.exit_code == 1 and "1个项目" in partial.stdout
    checked(cli, tmp_path / "part")


def test_the_same_message_in_english(cli, tmp_path):
    rows = [[1, "甲项目", "about 700", 300, "2019-03-01", 120]]
    book = simple_sheet(tmp_path / "a.xlsx", HEAD, rows, title="2019年重点项目")
    result = cli("import", "xlsx", book, "-o", tmp_path / "x", "--lang", "en")
    assert f"{book}!Sheet1!C3: error 总投资: 'about 700' is not an amount" in result.stderr


def test_no_recognisable_header(cli, tmp_path):
    book = simple_sheet(tmp_path / "a.xlsx", ["名字", "钱"], [["甲", 1]])
    stderr = bad(cli, tmp_path, book)
    assert f"{book}!Sheet1: 错误 找不到表头" in stderr


def test_a_password_protected_workbook(cli, tmp_path):
    stderr = bad(cli, tmp_path, FIXTURES / "加密.xlsx")
    assert "加密.xlsx: 错误 工作簿设置了打开密码" in stderr


@pytest.mark.parametrize("content", [b"", b"PK\x03\x04 this is not a zip", b"\x00" * 600, "项目名称,总投资\n".encode()])
def test_a_corrupt_workbook(cli, tmp_path, content):
    book = tmp_path / "坏.xlsx"
    book.write_bytes(content)
    stderr = bad(cli, tmp_path, book)
    assert f"{book}: 错误 文件已损坏或不是 Excel 工作簿" in stderr


def test_a_truncated_workbook(cli, tmp_path):
    good = export_layout(tmp_path / "a.xlsx")
    book = tmp_path / "截断.xlsx"
    book.write_bytes(good.read_bytes()[:3000])
    assert "文件已损坏" in bad(cli, tmp_path, book)


def test_not_a_workbook_and_no_file(cli, tmp_path):
    (tmp_path / "a.csv").write_text("项目名称,总投资\n", encoding="utf-8")
    assert "不是 Excel 工作簿（扩展名 .csv）" in bad(cli, tmp_path, tmp_path / "a.csv")
    assert "找不到这个文件" in bad(cli, tmp_path, tmp_path / "none.xlsx")


def test_an_existing_folder_is_never_overwritten(cli, tmp_path):
    book = export_layout(tmp_path / "a.xlsx")
    dest = tmp_path / "out"
    dest.mkdir()
    (dest / "keep.txt").write_text("mine", encoding="utf-8")
    result = cli("import", "xlsx", book, "-o", dest)
    assert result.exit_code == 1 and "已存在" in result.stderr
    assert [p.name for p in dest.iterdir()] == ["keep.txt"]
    empty = tmp_path / "empty"
    empty.mkdir()
    imported(cli, book, empty)  # an empty folder is fine


def test_duplicate_ids_and_bad_ids(cli, tmp_path):
    rows = [[1, "甲项目", "P-1", 700, 300], [2, "乙项目", "P-1", 500, 200], [3, "丙项目", "利发改〔2019〕1号", 100, 50]]
    book = simple_sheet(tmp_path / "a.xlsx", ["序号", "项目名称", "项目代码", "总投资", "年度计划投资"], rows,
                        title="2019年重点项目")
    stderr = bad(cli, tmp_path, book)
    assert f"{book}!Sheet1!C4: 错误 项目编号 P-1 已在 Sheet1!C3 用过" in stderr
    assert f"{book}!Sheet1!C5: 错误 “利发改〔2019〕1号”不能用作项目编号" in stderr


def test_no_year_anywhere_asks_for_as_of(cli, tmp_path):
    book = simple_sheet(tmp_path / "a.xlsx", ["项目名称", "总投资", "累计完成"], [["甲项目", 100, 10]])
    stderr = bad(cli, tmp_path, book)
    assert "看不出是哪一年的台账" in stderr and "--as-of" in stderr
    dest = tmp_path / "out"
    imported(cli, book, dest, "--as-of", "2019-05")
    assert records(dest, "projects/**/*.yaml")[0]["progress"][0]["month"] == "2019-05"


def test_wrong_usage(cli, tmp_path):
    book = export_layout(tmp_path / "a.xlsx")
    assert cli("import", "xlsx", book).exit_code == 2  # no -o
    assert cli("import", "xlsx", book, "-o", tmp_path / "x", "--unit", "千元").exit_code == 2
    assert cli("import", "xlsx", book, "-o", tmp_path / "x", "--as-of", "2019-13").exit_code == 2
    assert cli("import", "xlsx", book, "-o", tmp_path / "x", "--prefix", "项目").exit_code == 2


def test_unnumbered_rows_of_a_numbered_sheet_are_groups_with_their_sums(cli, tmp_path):
    rows = [["", "新旧动能转换", 1200, 600], [1, "甲项目", 700, 300], [2, "乙项目", 500, 200],
            ["", "社会建设", 100, 50], [3, "丙项目", 100, 50], ["", "乡村振兴", "", ""]]
    book = simple_sheet(tmp_path / "a.xlsx", ["序号", "项目名称", "总投资", "年度计划投资"], rows, title="2019年重点项目")
    dest = tmp_path / "out"
    result = imported(cli, book, dest)
    warnings = [line for line in result.stderr.splitlines() if "警告" in line]
    assert warnings == [f"{book}!Sheet1!D3: 警告 年度计划投资合计为 600，与所含2个项目之和 500 不符",
                        f"{book}!Sheet1!A8: 警告 分组行“乡村振兴”下面没有项目（没有序号的行按分组行读）"]
    projects = {p["name"]: p["category"] for p in records(dest, "projects/**/*.yaml")}
    assert projects == {"甲项目": "新旧动能转换", "乙项目": "新旧动能转换", "丙项目": "社会建设"}


# ------------------------------------------------------------------ the YAML the importer writes reads back exactly

from hypothesis import given, settings, strategies as st  # noqa: E402

import xmledger  # noqa: E402
from xmledger.ingest import yamltext  # noqa: E402


@settings(max_examples=300, deadline=None)
@given(st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=30))
def test_any_text_reads_back_as_itself(value):
    project = yamltext.block({"id": "P-1", "name": value, "level": "county", "category": "乡村振兴",
                              "total_investment": Decimal("0.1"), "plans": {2019: {"annual": Decimal("12.30")}},
                              "progress": [{"month": yamltext.month(datetime.date(2019, 5, 1)),
                                            "invested": Decimal("7000.5"), "note": value}]})
    result = xmledger.load_files({"ledger.yaml": "name: 台账\nregion: 县\n", "projects/p.yaml": project},
                                 today=datetime.date(2020, 1, 1))
    assert not result.has_errors, (project, [f.message for f in result.findings])
    p = result.ledger.projects[0]
    assert p.name == value and p.progress[0].note == value
    assert p.plans[2019].annual == Decimal("12.30") and str(p.plans[2019].annual) == "12.30"


def test_cards_from_cells_with_several_names(cli, tmp_path):
    rows = [[1, "甲项目", 700, "张三、李四", "县发改局、县住建局"], [2, "乙项目", 500, "王五", "县水利局、县财政局"]]
    book = simple_sheet(tmp_path / "a.xlsx", ["序号", "项目名称", "总投资", "包抓领导", "责任单位"], rows,
                        title="2019年重点项目")
    dest = tmp_path / "out"
    imported(cli, book, dest)
    cards = {(c["leader"]["name"], c["unit"]): c["projects"] for c in records(dest, "responsibilities/*.yaml")}
    assert cards == {("张三", "县发改局"): ["XM-2019-001"], ("李四", "县住建局"): ["XM-2019-001"],
                     ("王五", "县水利局"): ["XM-2019-002"], ("王五", "县财政局"): ["XM-2019-002"]}


def test_a_cell_with_numbered_problems_gives_one_issue_each(cli, tmp_path):
    rows = [[1, "甲项目", 700, "1、征地资金暂未到位；2、施工许可证办理进度慢"], [2, "乙项目", 500, "资金缺口2.5亿元\n配套电力线路未接通"],
            [3, "丙项目", 100, "无"]]
    book = simple_sheet(tmp_path / "a.xlsx", ["序号", "项目名称", "总投资", "存在问题"], rows, title="2019年重点项目")
    dest = tmp_path / "out"
    imported(cli, book, dest)
    issues = [(q["project"], q["title"], q["category"]) for q in records(dest, "issues/**/*.yaml")]
    assert issues == [("XM-2019-001", "征地资金暂未到位", "land"), ("XM-2019-001", "施工许可证办理进度慢", "approval"),
                      ("XM-2019-002", "资金缺口2.5亿元", "funding"), ("XM-2019-002", "配套电力线路未接通", "utilities")]


def test_spans_of_years_and_remarks_as_notes(cli, tmp_path):
    rows = [[1, "甲项目", 700, "2019", 100, "主体施工"], [2, "乙项目", 500, "2018.03-2020.06", 80, "设备安装"]]
    book = simple_sheet(tmp_path / "a.xlsx", ["序号", "项目名称", "总投资", "建设起止年限", "1—5月完成投资", "备注"], rows,
                        title="2019年重点项目")
    dest = tmp_path / "out"
    imported(cli, book, dest)
    projects = {p["name"]: p for p in records(dest, "projects/**/*.yaml")}
    assert projects["甲项目"]["start"]["planned"] == datetime.date(2019, 1, 1)
    assert projects["甲项目"]["completion"] == {"planned": datetime.date(2019, 12, 31)}
    assert projects["乙项目"]["start"]["planned"] == datetime.date(2018, 3, 1)
    assert projects["乙项目"]["completion"] == {"planned": datetime.date(2020, 6, 30)}
    assert projects["乙项目"]["progress"][0]["note"].startswith("设备安装（1—5月累计完成")


# ------------------------------------------------------------------ round trip: export xlsx -> import xlsx

#: what the 项目进展 sheet of `export xlsx` carries, and so what an import of it gives back exactly
CARRIED = ["projects", "total_investment", "annual_plan", "started", "start_rate", "continuing", "new_projects",
           "new_started", "new_start_rate", "late_start", "completing", "completed_ytd", "plan_completion_rate",
           "cumulative", "cumulative_rate", "time_elapsed", "ahead_of_time_pp", "double_half"]
#: what it does not carry (docs/import.md, "Round trip"): monthly plans (so planned_to_date, on_schedule and
#: the lights), completion dates, the project pool, the problems' own dates, the years before Y
NOT_CARRIED = ["completed", "completing_done", "completion_project_rate", "planned_to_date", "on_schedule",
               "on_schedule_rate", "lights", "four_batches", "issues", "yoy"]


def test_round_trip_of_our_own_workbook(cli, tmp_path):
    """The sample ledger exported, imported into a new ledger that passes check, and its figures compared."""
    book = tmp_path / "利津县进展情况表.xlsx"
    result = cli("export", "xlsx", "-L", REPO_LEDGER, "--as-of", "2019-05-31", "-o", book)
    assert result.exit_code == 0, result.stdout + result.stderr
    imported(cli, book, tmp_path / "new")
    checked(cli, tmp_path / "new")
    before, after = status(cli, REPO_LEDGER, "2019-05-31"), status(cli, tmp_path / "new", "2019-05-31")
    assert {k: before[k] for k in CARRIED} == {k: after[k] for k in CARRIED}
    assert before["projects"] == 128 and before["completed_ytd"] == after["completed_ytd"] != "0"
    assert [k for k in NOT_CARRIED if before[k] != after[k]] == NOT_CARRIED  # the list above is exact
    assert set(before) - set(CARRIED) - set(NOT_CARRIED) == {"year", "as_of", "unit", "left_out"}


EXTRA_PROJECT = """\
id: RT-001
name: "=SUM(1,2) 007: 测试“引号”项目"
level: county
category: 社会建设
location: 利津街道
tags: ["a;b", 民生]
total_investment: 1234.5678
prior_investment: 0.0001
start: {planned: 2019-02-01, actual: 2019-02-20}
completion: {planned: 2019-11-30}
milestones:
  - {name: 立项, planned: 2019-01-10, actual: 2019-01-15}
plans:
  2018: {annual: 100}
  2019:
    annual: 600
    monthly: {1: 0, 2: 50, 3: 50, 4: 100, 5: 100, 6: 100, 7: 100, 8: 100}
"""


def test_lossless_round_trip_through_the_data_sheets(cli, tmp_path):
    """`export xlsx --with-data` carries the records: imported, every tidy table and every figure is the same."""
    import shutil

    root = tmp_path / "利津"
    shutil.copytree(REPO_LEDGER, root)
    with open(root / "ledger.yaml", "a", encoding="utf-8") as f:
        f.write("calendar:\n  extra_holidays: [2019-05-06]\n  extra_workdays: [2019-05-11]\n")
    (root / "projects" / "rt.yaml").write_text(EXTRA_PROJECT, encoding="utf-8")
    (root / "progress").mkdir()
    (root / "progress" / "2019-05.yaml").write_text(
        "- {project: RT-001, month: 2019-04, invested: 80.25, note: 主体施工, reported_on: 2019-05-03, source: 县民政局}\n"
        "- {project: RT-001, month: 2019-05, invested: 99.75}\n", encoding="utf-8")
    checked(cli, root)
    book = tmp_path / "台账.xlsx"
    result = cli("export", "xlsx", "-L", root, "--as-of", "2019-05-31", "--with-data", "-o", book)
    assert result.exit_code == 0, result.stdout + result.stderr
    result = imported(cli, book, tmp_path / "new")
    assert "224个项目" in result.stdout
    codes = [sorted(f["code"] for f in json.loads(cli("check", "-L", led, "--format", "json").stdout))
             for led in (root, tmp_path / "new")]
    assert codes[0] == codes[1] == ["W103"]  # the same findings (RT-001 is on no card), in other files
    for as_of in ("2019-05-31", "2018-12-31", "2019-12-31"):
        assert status(cli, tmp_path / "new", as_of) == status(cli, root, as_of)
    for command in ("issues", "leaders", "rank", "summary"):
        a = cli(command, "-L", root, "--as-of", "2019-05-31", "--format", "json")
        b = cli(command, "-L", tmp_path / "new", "--as-of", "2019-05-31", "--format", "json")
        assert a.stdout == b.stdout, command
    for led, out in ((root, "a"), (tmp_path / "new", "b")):
        result = cli("export", "csv", "-L", led, "--as-of", "2019-05-31", "-o", tmp_path / out)
        assert result.exit_code == 0, result.stdout + result.stderr
    tables = sorted(p.name for p in (tmp_path / "a").iterdir())
    assert "progress.csv" in tables and "escalations.csv" in tables and "visits.csv" in tables
    for name in tables:  # every record, every field, byte for byte
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name
    progress = (tmp_path / "b" / "progress.csv").read_text(encoding="utf-8-sig")
    assert "RT-001,2019-04,80.25,主体施工,2019-05-03,县民政局,progress" in progress


def test_a_data_sheet_without_its_columns_is_named(cli, tmp_path):
    import xlsxwriter

    book = tmp_path / "坏数据.xlsx"
    xb = xlsxwriter.Workbook(str(book))
    ws = xb.add_worksheet("data.projects")
    ws.write_row(0, 0, ["id", "name"])
    ws.write_row(1, 0, ["P-1", "绿竹韵共享生态苑项目"])
    xb.close()
    result = imported(cli, book, tmp_path / "new", code=1)
    assert "data.projects" in result.stderr and "level" in result.stderr and "--with-data" in result.stderr
    assert not (tmp_path / "new").exists()
