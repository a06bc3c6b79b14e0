"""`template progress` and `intake` through the command line: template, fill with a script, intake, figures."""

import json
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
import yaml

from ledgers import write_ledger

LEDGER = {
    "ledger.yaml": "name: 示例县重点项目台账\nregion: 示例县\ncategories: [乡村振兴, 城建及基础设施]\n",
    "projects/p1.yaml": """\
id: P-1
name: 绿竹韵共享生态苑项目
level: county
category: 乡村振兴
total_investment: 7000
start: {planned: 2019-03-01, actual: 2019-03-15}
plans:
  2019:
    annual: 3000
    monthly: {3: 300, 4: 400, 5: 400, 6: 400, 7: 300, 8: 300, 9: 300, 10: 300, 11: 200, 12: 100}
progress:
  - {month: 2019-03, invested: 240, note: 场地平整}
  - {month: 2019-04, invested: 410, note: 大棚主体施工}
  - {month: 2019-05, invested: 380.5, note: 大棚主体施工}
""",
    "projects/p2.yaml": """\
id: P-2
name: 利津黄河公路大桥接线工程
level: county
category: 城建及基础设施
total_investment: 21500
start: {planned: 2017-02-25, actual: 2017-03-14}
plans:
  2019: {annual: 7470}
progress:
  - {month: 2019-05, invested: 3112.4}
""",
    "projects/p3.yaml": """\
id: P-3
name: 凤凰湖公园提升改造
level: county
category: 城建及基础设施
total_investment: 3200
start: {planned: 2019-03-18}
plans:
  2019: {annual: 3200}
""",
    "projects/old.yaml": """\
id: P-0
name: 二〇一八年已竣工项目
level: county
category: 乡村振兴
total_investment: 100
start: {actual: 2018-01-10}
completion: {actual: 2018-10-01}
plans:
  2018: {annual: 100}
""",
    "responsibilities/cards.yaml": """\
- id: R-1
  leader: {name: 张三, title: 副县长}
  unit: 县发改局
  person: 李四
  projects: [P-1, P-2]
- id: R-2
  leader: {name: 王五}
  unit: 县城投公司
  person: 赵六
  projects: [P-3, P-0]
""",
    "issues/2019.yaml": """\
- id: Q2019-0007
  project: P-3
  category: approval
  title: 施工许可证办理进度慢
  raised: 2019-05-06
""",
}
FILL = {  # id -> (invested this month, note, problem)
    "P-1": (410.25, "大棚主体完工", "配套电力线路未接通"),
    "P-2": (1500, "桥台施工", None),
    "P-3": (0, "办理施工许可", "施工许可证办理进度慢"),  # a problem already recorded
}


def ledger(tmp_path: Path) -> Path:
    return write_ledger(tmp_path / "台账", LEDGER, base=False)


def template(cli, root, out, *args, month="2019-06"):
    result = cli("template", "progress", "--month", month, "-L", root, "-o", out, *args)
    assert result.exit_code == 0, result.stdout + result.stderr
    return result


def fill(src: Path, dest: Path, values: dict) -> Path:
    """What a unit does: type into the yellow columns, save."""
    wb = openpyxl.load_workbook(src)
    ws = wb.worksheets[0]
    for row in ws.iter_rows(min_row=4):
        pid = row[0].value
        if pid in values:
            invested, note, problem = values[pid]
            row[7].value, row[8].value, row[9].value = invested, note, problem
    wb.save(dest)
    return dest


def status(cli, root, as_of="2019-06-30"):
    result = cli("status", "-L", root, "--as-of", as_of, "--format", "json")
    assert result.exit_code == 0, result.stdout + result.stderr
    return json.loads(result.stdout)


def snapshot(root: Path) -> dict:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_the_template(cli, tmp_path):
    root = ledger(tmp_path)
    out = tmp_path / "6月.xlsx"
    result = template(cli, root, out)
    assert "3个项目" in result.stdout
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames[1] == "_xmledger" and wb["_xmledger"].sheet_state == "hidden"
    ws = wb.worksheets[0]
    header = [c.value for c in ws[3]]
    assert header[:2] == ["编号", "项目名称"] and header[7:] == ["本月完成投资（万元）", "形象进度", "存在问题"]
    rows = {r[0]: r for r in ws.iter_rows(min_row=4, values_only=True)}
    assert set(rows) == {"P-1", "P-2", "P-3"}  # P-0 is not on the 2019 list
    assert rows["P-1"][2:7] == ("县发改局", "张三", 400, 240 + 410 + 380.5, "大棚主体施工")  # June's plan, Jan-May
    assert rows["P-2"][4] == pytest.approx(7470 / 12) and rows["P-2"][5] == 3112.4
    assert ws.protection.sheet and ws["A4"].protection.locked and not ws["H4"].protection.locked
    assert not ws["I4"].protection.locked and not ws["J4"].protection.locked
    validation = ws.data_validations.dataValidation[0]
    assert str(validation.sqref) == "H4:H6" and validation.type == "decimal" and validation.operator == "greaterThanOrEqual"
    assert ws.freeze_panes == "C4"
    units = template(cli, root, tmp_path / "u.xlsx", "--unit", "县城投公司")
    assert "1个项目" in units.stdout
    again = cli("template", "progress", "--month", "2019-06", "-L", root, "-o", out)
    assert again.exit_code == 1 and "已存在" in again.stderr
    assert cli("template", "progress", "--month", "2019-6", "-L", root, "-o", tmp_path / "x.xlsx").exit_code == 2


def test_intake_equals_entries_added_by_hand_and_runs_twice_unchanged(cli, tmp_path):
    root = ledger(tmp_path)
    blank = tmp_path / "6月.xlsx"
    template(cli, root, blank)
    filled = fill(blank, tmp_path / "6月-填报.xlsx", FILL)
    result = cli("intake", filled, "-L", root, "--reported-on", "2019-07-03")
    assert result.exit_code == 0, result.stdout + result.stderr
    assert "progress/2019-06.yaml" in result.stdout and "issues/intake/2019-06.yaml" in result.stdout
    assert "新增3条完成投资" in result.stdout and "Q2019-0008" in result.stdout and "1个已有记录" in result.stdout
    assert cli("check", "-L", root).exit_code == 0
    entries = yaml.safe_load((root / "progress/2019-06.yaml").read_text(encoding="utf-8"))
    assert [(e["project"], e["month"], Decimal(str(e["invested"]))) for e in entries] == \
        [(pid, "2019-06", Decimal(str(v[0]))) for pid, v in sorted(FILL.items())]
    assert entries[0]["reported_on"].isoformat() == "2019-07-03" and entries[0]["source"] == "县发改局"
    issues = yaml.safe_load((root / "issues/intake/2019-06.yaml").read_text(encoding="utf-8"))
    assert [(q["id"], q["project"], q["category"], q["title"]) for q in issues] == \
        [("Q2019-0008", "P-1", "utilities", "配套电力线路未接通")]

    # the same entries typed by hand into the project files give the same figures
    by_hand = dict(LEDGER)
    for pid, (invested, note, _) in FILL.items():
        path = f"projects/p{pid[-1]}.yaml"
        text = by_hand[path]
        line = f"  - {{month: 2019-06, invested: {invested}, note: {note}}}\n"
        by_hand[path] = text + (line if "progress:" in text else "progress:\n" + line)
    by_hand["issues/hand.yaml"] = ("- {id: Q2019-0008, project: P-1, category: utilities, title: 配套电力线路未接通, "
                                   "raised: 2019-07-03}\n")
    hand = write_ledger(tmp_path / "手工", by_hand, base=False)
    for as_of in ("2019-06-30", "2019-07-31"):
        assert status(cli, root, as_of) == status(cli, hand, as_of)

    before = snapshot(root)
    again = cli("intake", filled, "-L", root, "--reported-on", "2019-07-09")
    assert again.exit_code == 0 and "没有要写入的内容" in again.stdout
    assert snapshot(root) == before


def test_a_changed_figure_is_refused_unless_replace(cli, tmp_path):
    root = ledger(tmp_path)
    blank = tmp_path / "6月.xlsx"
    template(cli, root, blank)
    first = fill(blank, tmp_path / "a.xlsx", FILL)
    assert cli("intake", first, "-L", root).exit_code == 0
    changed = fill(blank, tmp_path / "b.xlsx", {**FILL, "P-2": (1600, "桥台施工", None)})
    before = snapshot(root)
    refused = cli("intake", changed, "-L", root)
    assert refused.exit_code == 1 and snapshot(root) == before
    assert f"{changed}!6月进展!H5: 错误 P-2 2019-06 已在 progress/2019-06.yaml:2 报送过（1500）" in refused.stderr
    replaced = cli("intake", changed, "-L", root, "--replace")
    assert replaced.exit_code == 0 and "替换1条" in replaced.stdout
    assert status(cli, root)["completed_ytd"] == str(Decimal("240") + 410 + Decimal("380.5") + Decimal("3112.4")
                                                      + Decimal("410.25") + 1600 + 0)


def test_a_month_reported_inside_a_project_file_is_not_replaced(cli, tmp_path):
    root = ledger(tmp_path)
    blank = tmp_path / "5月.xlsx"
    template(cli, root, blank, month="2019-05")
    filled = fill(blank, tmp_path / "a.xlsx", {"P-1": (999, None, None)})
    result = cli("intake", filled, "-L", root, "--replace")
    assert result.exit_code == 1 and "projects/p1.yaml" in result.stderr and "--replace 只替换" in result.stderr


def test_by_unit(cli, tmp_path):
    root = ledger(tmp_path)
    blank = tmp_path / "6月.xlsx"
    template(cli, root, blank)
    filled = fill(blank, tmp_path / "a.xlsx", FILL)
    result = cli("intake", filled, "-L", root, "--by-unit")
    assert result.exit_code == 0, result.stderr
    assert {p.name for p in (root / "progress" / "2019-06").iterdir()} == {"县城投公司.yaml", "县发改局.yaml"}
    assert cli("check", "-L", root).exit_code == 0


def test_two_sheets_at_once_and_a_project_on_both(cli, tmp_path):
    root = ledger(tmp_path)
    template(cli, root, tmp_path / "发改.xlsx", "--unit", "县发改局")
    template(cli, root, tmp_path / "城投.xlsx", "--unit", "县城投公司")
    a = fill(tmp_path / "发改.xlsx", tmp_path / "发改-填.xlsx", FILL)
    b = fill(tmp_path / "城投.xlsx", tmp_path / "城投-填.xlsx", FILL)
    result = cli("intake", a, b, "-L", root)
    assert result.exit_code == 0 and "新增3条" in result.stdout
    # the same project on two sheets is refused, naming both
    root2 = ledger(tmp_path / "二")
    c = fill(tmp_path / "发改.xlsx", tmp_path / "发改-再填.xlsx", FILL)
    twice = cli("intake", a, c, "-L", root2)
    assert twice.exit_code == 1 and f"{c}!6月进展!A4: 错误 P-1 已在 {a}!6月进展!A4 填报过" in twice.stderr
    assert not (root2 / "progress").exists()


@pytest.mark.parametrize("pid,values,cell,says", [
    ("P-9", (10, None, None), "A4", "台账里没有编号为 P-9 的项目"),
    ("P-1", ("约400", None, None), "H4", "本月完成投资：“约400”不是金额"),
    ("P-1", (-5, None, None), "H4", "本月完成投资：金额为负数（-5）"),
    ("P-1", (None, "主体施工", None), "H4", "填了形象进度却没有本月完成投资"),
])
def test_bad_input_is_named_by_cell_and_nothing_is_written(cli, tmp_path, pid, values, cell, says):
    root = ledger(tmp_path)
    blank = tmp_path / "6月.xlsx"
    template(cli, root, blank)
    wb = openpyxl.load_workbook(blank)
    ws = wb.worksheets[0]
    ws["A4"].value = pid
    ws["H4"].value, ws["I4"].value, ws["J4"].value = values
    ws["H5"].value = 100  # a good row beside it is not written either
    wb.save(tmp_path / "bad.xlsx")
    before = snapshot(root)
    result = cli("intake", tmp_path / "bad.xlsx", "-L", root)
    assert result.exit_code == 1
    assert f"{tmp_path / 'bad.xlsx'}!6月进展!{cell}: 错误 {says}" in result.stderr
    assert "没有写入任何内容" in result.stderr and snapshot(root) == before


def test_a_corrupt_or_foreign_sheet(cli, tmp_path):
    root = ledger(tmp_path)
    bad = tmp_path / "坏.xlsx"
    bad.write_bytes(b"PK\x03\x04garbage")
    result = cli("intake", bad, "-L", root)
    assert result.exit_code == 1 and "文件已损坏" in result.stderr
    foreign = tmp_path / "别的表.xlsx"
    wb = openpyxl.Workbook()
    wb.active.append(["项目", "金额"])
    wb.save(foreign)
    result = cli("intake", foreign, "-L", root)
    assert result.exit_code == 1 and "没有找到填报表的表头" in result.stderr


def test_a_month_that_has_not_come(cli, tmp_path):
    import datetime

    next_year = datetime.date.today().year + 1
    files = dict(LEDGER)
    files["projects/p3.yaml"] = LEDGER["projects/p3.yaml"] + f"  {next_year}: {{annual: 100}}\n"
    root = write_ledger(tmp_path / "台账", files, base=False)
    blank = tmp_path / "明年.xlsx"
    template(cli, root, blank, month=f"{next_year}-12")
    filled = fill(blank, tmp_path / "a.xlsx", {"P-3": (10, None, None)})
    result = cli("intake", filled, "-L", root)
    assert result.exit_code == 1 and f"{next_year}-12 还没有到" in result.stderr
    assert cli("template", "progress", "--month", "2199-01", "-L", root, "-o", tmp_path / "x.xlsx").exit_code == 1
