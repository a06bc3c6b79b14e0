"""export xlsx | csv | sqlite | html, csv safety, and the charts, through the real command line.

The workbook is read back with openpyxl and its values compared with the figures of the library; the
database is queried with the README's queries and compared the same way; the page's SVG is parsed and its
marks counted against the figures.
"""

import csv
import datetime
import io
import re
import sqlite3
import xml.etree.ElementTree as ET
from decimal import Decimal
from html.parser import HTMLParser

import pytest

import xmledger
from conftest import REPO
from ledgers import BASE, write_ledger
from xmledger.metrics import figures as m
from xmledger.metrics.groups import groups
from xmledger.metrics.problems import problems_by_month

openpyxl = pytest.importorskip("openpyxl")

SAMPLE = REPO / "data" / "lijin"
AS_OF = ("--as-of", "2019-05-31")
BOM = b"\xef\xbb\xbf"


@pytest.fixture(scope="module")
def sample_ctx():
    return xmledger.context(xmledger.load(SAMPLE, cache=False), as_of="2019-05-31")


@pytest.fixture(scope="module")
def sample_xlsx(tmp_path_factory):
    from typer.testing import CliRunner

    from xmledger.cli import app

    path = tmp_path_factory.mktemp("xlsx") / "进展情况表.xlsx"
    result = CliRunner().invoke(app, ["export", "xlsx", "-L", str(SAMPLE), *AS_OF, "-o", str(path)])
    assert result.exit_code == 0, result.output
    return openpyxl.load_workbook(path)


def rows_of(ws):
    return list(ws.iter_rows(values_only=True))


# ------------------------------------------------------------------ xlsx: the 进展情况表

def test_workbook_sheets_title_header_and_merges(sample_xlsx):
    assert sample_xlsx.sheetnames == ["项目进展", "问题清单", "包靠责任", "排名", "汇总"]
    ws = sample_xlsx["项目进展"]
    assert ws["A1"].value == "利津县2019年重点项目建设进展情况表（截至2019年5月31日）"
    assert ws["A2"].value == "单位：万元"
    merged = {str(r) for r in ws.merged_cells.ranges}
    assert {"A1:Q1", "A2:Q2", "A3:A4", "B3:B4", "F3:F4", "G3:I3", "J3:J4", "K3:L3", "Q3:Q4"} <= merged
    assert [ws.cell(3, c).value for c in (1, 2, 6, 7, 10, 11, 13, 14, 15, 16, 17)] == [
        "序号", "项目名称", "总投资", "年度投资", "累计完成", "开工", "红黄绿灯", "责任单位", "包抓领导", "存在问题", "备注"]
    assert [ws.cell(4, c).value for c in (7, 8, 9, 11, 12)] == ["计划", "1—5月完成", "完成率", "计划", "实际"]
    assert ws.freeze_panes == "C5"


def test_workbook_rows_are_the_figures_grouped_by_category(sample_xlsx, sample_ctx):
    ws = sample_xlsx["项目进展"]
    scope = m.evaluate(sample_ctx.ledger, sample_ctx.period, sample_ctx.filters)
    total = m.figures(scope, with_yoy=False)
    rows = rows_of(ws)[4:]
    assert rows[0][1] == f"合计（{total.projects}个）"
    assert rows[0][5] == pytest.approx(float(total.total_investment))
    assert rows[0][7] == pytest.approx(float(total.completed_ytd))
    assert rows[0][8] == pytest.approx(float(total.plan_completion_rate))
    i = 1
    for n, g in enumerate(groups(scope, "category")):
        f = m.figures(g.scope, with_yoy=False)
        head = rows[i]
        assert head[1] == f"{'一二三四'[n]}、{g.key}（{f.projects}个）"
        assert head[6] == pytest.approx(float(f.annual_plan)) and head[9] == pytest.approx(float(f.cumulative))
        items = rows[i + 1: i + 1 + f.projects]
        assert [r[0] for r in items] == list(range(1, f.projects + 1))
        assert [r[1] for r in items] == [v.project.name for v in g.scope.views]
        assert sum(r[7] for r in items) == pytest.approx(head[7])  # the subtotal is the sum of its rows
        i += 1 + f.projects
    assert i == len(rows)


def test_workbook_cells_are_numbers_dates_and_filled_lights(sample_xlsx, sample_ctx):
    ws = sample_xlsx["项目进展"]
    assert ws["F5"].number_format == "#,##0.00" and ws["I5"].number_format == "0.0%"
    scope = m.evaluate(sample_ctx.ledger, sample_ctx.period, sample_ctx.filters)
    light = {v.project.name: v.light for v in scope.views}
    seen = set()
    for row in ws.iter_rows(min_row=5):
        name, cell = row[1].value, row[12]
        if name in light:
            assert cell.value == {"green": "绿灯", "yellow": "黄灯", "red": "红灯"}[light[name]]
            assert cell.fill.fgColor.rgb == {"green": "FF00B050", "yellow": "FFFFFF00", "red": "FFFF0000"}[light[name]]
            seen.add(light[name])
            if row[10].value is not None:
                assert isinstance(row[10].value, datetime.datetime) and row[10].number_format == "yyyy-mm-dd"
            assert row[5].data_type == "n" and row[1].data_type == "s"
    assert seen == {"green", "yellow", "red"}


def test_workbook_fits_chinese_and_prints(sample_xlsx):
    ws = sample_xlsx["项目进展"]
    longest = max(len(r[1]) for r in rows_of(ws)[4:] if r[1])  # Chinese names: two columns a character
    assert ws.column_dimensions["B"].width >= 2 * longest
    assert ws.column_dimensions["A"].width < ws.column_dimensions["B"].width
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.paperSize == 8
    assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToHeight == 0
    assert ws.print_title_rows == "$3:$4" and "&P" in ws.oddFooter.center.text


def test_workbook_other_sheets(sample_xlsx, sample_ctx):
    issues = xmledger.report("issues", sample_ctx, chosen=__import__("xmledger.metrics.problems",
                                                                    fromlist=["IssueFilters"]).IssueFilters())
    ws = sample_xlsx["问题清单"]
    assert ws["A3"].value == "编号" and ws.max_row == 3 + len(issues.tables[0].rows)
    assert [ws.cell(4 + i, 1).value for i in range(3)] == [r[0] for r in issues.tables[0].rows[:3]]
    summary = {r[0]: r[1] for r in rows_of(sample_xlsx["汇总"]) if r[0]}
    assert summary["项目数"] == 128 and summary["开工率"] == pytest.approx(101 / 128)
    assert sample_xlsx["排名"]["B5"].value == "县发改局" or sample_xlsx["排名"].max_row > 10


def test_workbook_in_english_and_filtered(cli, tmp_path):
    out = tmp_path / "a.xlsx"
    result = cli("export", "xlsx", "-L", SAMPLE, *AS_OF, "--lang", "en", "--location", "北宋镇", "-o", out)
    assert result.exit_code == 0, result.output
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["Progress", "Problems", "Responsibility", "Ranking", "Summary"]
    ws = book["Progress"]
    assert ws["B5"].value == "total (13)" and "location=北宋镇" in ws["A2"].value


def test_the_same_ledger_gives_the_same_bytes(cli, tmp_path):
    for name in ("a", "b"):
        assert cli("export", "xlsx", "-L", SAMPLE, *AS_OF, "-o", tmp_path / f"{name}.xlsx").exit_code == 0
    assert (tmp_path / "a.xlsx").read_bytes() == (tmp_path / "b.xlsx").read_bytes()


# ------------------------------------------------------------------ text that looks like a formula

HOSTILE = {
    "ledger.yaml": BASE["ledger.yaml"].replace("locations: [利津街道, 北宋镇]", "locations: [利津街道, 北宋镇, ＝一街道]"),
    "projects/base.yaml": BASE["projects/base.yaml"].replace(
        "name: 绿竹韵共享生态苑项目", "name: '=HYPERLINK(\"http://example.com\",\"点我\")'\ncontent: \"@SUM(A1)\\e[31m\"\n"
        "owner: \"\\tTAB\"\nlocation: ＝一街道\ntags: [\"-2+3\", 正常]"),
    "issues/base.yaml": BASE["issues/base.yaml"].replace("title: 征地资金暂未到位", 'title: "+1\\a 资金"'),
}


def test_formula_text_stays_text_in_the_workbook(cli, tmp_path):
    root = write_ledger(tmp_path / "l", HOSTILE)
    out = tmp_path / "a.xlsx"
    assert cli("export", "xlsx", "-L", root, *AS_OF, "-o", out).exit_code == 0
    ws = openpyxl.load_workbook(out)["项目进展"]
    name = ws["B7"]
    assert name.value == '=HYPERLINK("http://example.com","点我")' and name.data_type == "s"
    assert all(c.data_type != "f" for row in ws.iter_rows() for c in row)


def test_csv_neutralises_formulas_and_drops_control_characters(cli, tmp_path):
    root = write_ledger(tmp_path / "l", HOSTILE)
    result = cli("export", "csv", "-L", root, *AS_OF, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    projects = list(csv.DictReader(io.StringIO((tmp_path / "out" / "projects.csv").read_text("utf-8-sig"))))
    p = projects[0]
    assert p["name"] == "'=HYPERLINK(\"http://example.com\",\"点我\")"
    assert p["content"] == "'@SUM(A1)[31m" and p["owner"] == "'\tTAB" and p["location"] == "'＝一街道"
    assert p["tags"] == "'-2+3;正常" and p["total_investment"] == "7000"
    issues = (tmp_path / "out" / "issues.csv").read_text("utf-8-sig")
    assert "'+1 资金" in issues and "\x07" not in issues and "\x1b" not in issues
    # reports too, and numbers stay numbers: -41.67 points behind the time schedule is a number
    for args in (["progress"], ["issues"], ["status"]):
        text = cli(*args, "-L", root, *AS_OF, "--format", "csv").stdout
        assert "\x1b" not in text and "\x07" not in text
        for row in csv.reader(io.StringIO(text)):
            for value in row:
                assert not value or value[0] not in "=+@\t\r＝＋－＠" and (value[0] != "-" or re.fullmatch(r"-[0-9.]+", value))
    status = dict(row for row in csv.reader(io.StringIO(cli("status", "-L", root, *AS_OF, "--format", "csv").stdout))
                  if len(row) == 2)
    assert status["ahead_of_time_pp"] == "-41.666667"
    tsv = cli("progress", "-L", root, *AS_OF, "--format", "tsv").stdout
    assert "\t\"'=HYPERLINK" in tsv  # quoted: the name holds quotes


def test_bom_for_excel(cli, tmp_path):
    root = write_ledger(tmp_path / "l")
    plain = cli("progress", "-L", root, *AS_OF, "--format", "csv")
    excel = cli("progress", "-L", root, *AS_OF, "--format", "csv", "--excel")
    assert not plain.stdout_bytes.startswith(BOM) and excel.stdout_bytes == BOM + plain.stdout_bytes
    assert cli("export", "csv", "-L", root, *AS_OF, "-o", tmp_path / "a").exit_code == 0
    assert cli("export", "csv", "-L", root, *AS_OF, "-o", tmp_path / "b", "--no-bom").exit_code == 0
    assert (tmp_path / "a" / "projects.csv").read_bytes() == BOM + (tmp_path / "b" / "projects.csv").read_bytes()


# ------------------------------------------------------------------ tidy csv

def test_tidy_csv_tables_keep_yaml_keys_and_values(cli, tmp_path):
    files = {
        "projects/base.yaml": BASE["projects/base.yaml"].replace(
            "  2019: {annual: 3000}", "  2019:\n    annual: 3000\n    monthly: {3: 1000, 4: 2000}\n"
            "progress:\n  - {month: 2019-04, invested: 12.30, note: 场地平整}"),
        "progress/2019-05.yaml": "- {project: P-1, month: 2019-05, invested: 400, reported_on: 2019-06-02, "
                                 "source: 县住建局}\n",
        "issues/base.yaml": BASE["issues/base.yaml"] + "escalations:\n  - {level: 2, date: 2019-04-10}\n",
    }
    root = write_ledger(tmp_path / "l", files)
    assert cli("export", "csv", "-L", root, *AS_OF, "-o", tmp_path / "out").exit_code == 0

    def table(name):
        return list(csv.DictReader(io.StringIO((tmp_path / "out" / f"{name}.csv").read_text("utf-8-sig"))))

    assert list(table("projects")[0])[:4] == ["id", "name", "level", "category"]
    assert [(r["month"], r["invested"], r["written_in"], r["source"]) for r in table("progress")] == [
        ("2019-04", "12.30", "project", ""), ("2019-05", "400", "progress", "县住建局")]
    assert [(r["month"], r["planned"]) for r in table("monthly_plans")] == [("3", "1000"), ("4", "2000")]
    issue = table("issues")[0]
    assert issue["category"] == "land" and issue["difficulty"] == "general" and issue["raised"] == "2019-04-01"
    assert table("escalations") == [{"issue": "Q-1", "seq": "1", "level": "2", "date": "2019-04-10", "note": ""}]
    assert table("card_projects") == [{"card": "R-1", "project": "P-1"}]
    assert table("cards")[0]["duties"] == "approval_start;financing;environment;progress_quality;completion"
    fig = table("project_figures")[0]
    assert fig["completed_ytd"] == "412.3" and fig["planned_to_date"] == "3000" and fig["light"] == "red" and fig["start_status"] == "started"


# ------------------------------------------------------------------ sqlite

README_QUERIES = {
    "start_rate_by_location": """
        SELECT location, COUNT(*) AS projects, SUM(started) AS started,
               ROUND(100.0 * SUM(started) / COUNT(*), 1) AS start_rate
        FROM project_status GROUP BY location ORDER BY start_rate DESC""",
    "overdue_by_unit": """
        SELECT assignee_unit, COUNT(*) AS overdue, MAX(overdue_days) AS longest
        FROM issue_status WHERE overdue GROUP BY assignee_unit ORDER BY overdue DESC, longest DESC""",
    "monthly_completion": "SELECT month, invested, cum_completed, ROUND(cum_planned, 2) AS cum_planned FROM monthly_completion",
}


def test_readme_shows_the_sql_queries_the_tests_run():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for sql in README_QUERIES.values():
        assert " ".join(sql.split()) in " ".join(readme.split())


def test_sqlite_tables_keys_and_views(cli, tmp_path, sample_ctx):
    db = tmp_path / "台账.db"
    result = cli("export", "sqlite", "-L", SAMPLE, *AS_OF, "-o", db)
    assert result.exit_code == 0, result.output
    con = sqlite3.connect(db)
    names = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"meta", "projects", "plans", "monthly_plans", "milestones", "progress", "issues", "escalations", "cards",
            "card_projects", "visits", "project_figures", "issue_figures"} == names
    assert {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'view'")} == {
        "project_status", "issue_status", "monthly_completion"}
    assert [r[2:4] for r in con.execute("PRAGMA foreign_key_list(issues)")] == [("projects", "project")]
    assert any(r[1] == "issues_project" for r in con.execute("PRAGMA index_list(issues)"))
    assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    meta = dict(con.execute("SELECT key, value FROM meta"))
    assert meta["as_of"] == "2019-05-31" and meta["name"] == "利津县重点项目建设台账" and meta["tool"] == "xmledger"
    ledger = sample_ctx.ledger
    assert con.execute("SELECT COUNT(*) FROM projects").fetchone()[0] == len(ledger.projects)
    assert con.execute("SELECT SUM(invested) FROM progress").fetchone()[0] == pytest.approx(
        float(sum(e.invested for p in ledger.projects for e in p.progress)))

    scope = m.evaluate(ledger, sample_ctx.period, sample_ctx.filters)
    rates = {k: (n, s) for k, n, s, _ in con.execute(README_QUERIES["start_rate_by_location"])}
    assert rates == {g.key: (len(g.scope.views), sum(v.started for v in g.scope.views))
                     for g in groups(scope, "location")}
    overdue = dict((u, n) for u, n, _ in con.execute(README_QUERIES["overdue_by_unit"]))
    report = xmledger.report("issues", sample_ctx, chosen=__import__("xmledger.metrics.problems",
                                                                    fromlist=["IssueFilters"]).IssueFilters(overdue=True))
    counted = {}
    for row in report.tables[0].rows:
        counted[row[5]] = counted.get(row[5], 0) + 1
    assert overdue == counted and overdue  # the sample has overdue problems
    months = con.execute(README_QUERIES["monthly_completion"]).fetchall()
    for (month, invested, done, planned), row in zip(months, m.cumulative_by_month(scope)):
        assert month == row.month and planned == pytest.approx(float(row.cum_planned), abs=0.005)
        assert (done, invested) == ((None, None) if row.cum_completed is None else
                                    (pytest.approx(float(row.cum_completed)), pytest.approx(float(row.invested))))


# ------------------------------------------------------------------ html

class Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.urls = [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.urls += [v for k, v in attrs if k in ("src", "href", "srcset", "action", "data") and v]


SVG = "{http://www.w3.org/2000/svg}"


def svgs(text: str) -> dict[str, ET.Element]:
    return {e.get("data-chart"): e for e in (ET.fromstring(s) for s in re.findall(r"<svg.*?</svg>", text, re.S))}


def marks(svg: ET.Element, tag: str, series: str) -> list[ET.Element]:
    return [e for e in svg.iter(SVG + tag) if e.get("data-series") == series]


def check_page(text: str, ctx) -> None:
    """The structural assertions every CI run makes (and the browser test repeats on the rendered page)."""
    page = Page()
    page.feed(text)
    assert "script" not in page.tags and "link" not in page.tags and "img" not in page.tags
    bare = text.replace('xmlns="http://www.w3.org/2000/svg"', "")  # a name, not a request
    assert page.urls == [] and "url(" not in bare and "@import" not in bare and "http" not in bare.lower()
    assert "font-family" in text and "Microsoft YaHei" in text and '<meta name="viewport"' in text
    assert "@page{size:A4" in text
    charts = svgs(text)
    assert set(charts) == {"cumulative", "starts", "lights", "problems"}
    scope = m.evaluate(ctx.ledger, ctx.period, ctx.filters)
    months = ctx.period.month_index
    assert len(marks(charts["cumulative"], "circle", "cum_completed")) == months
    assert len(marks(charts["cumulative"], "circle", "cum_planned")) == 12
    time_line = marks(charts["cumulative"], "polyline", "time")[0]
    assert len(time_line.get("points").split()) == 12
    by_category = [m.figures(g.scope, with_yoy=False) for g in groups(scope, "category")]
    assert len(marks(charts["starts"], "rect", "start_rate")) == sum(1 for f in by_category if f.started)
    by_location = [m.figures(g.scope, with_yoy=False) for g in groups(scope, "location")]
    for light in ("green", "yellow", "red"):
        assert len(marks(charts["lights"], "rect", light)) == sum(1 for f in by_location if f.lights[light])
    per_month = problems_by_month(scope)
    assert len(marks(charts["problems"], "rect", "raised")) == len(per_month) == months
    heights = [float(e.get("height")) for e in marks(charts["problems"], "rect", "raised")]
    raised = [x.raised for x in per_month]
    assert heights.index(max(heights)) == raised.index(max(raised))


def test_html_page_is_self_contained_and_charts_the_figures(cli, tmp_path, sample_ctx):
    out = tmp_path / "通报.html"
    result = cli("export", "html", "-L", SAMPLE, *AS_OF, "-o", out)
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    check_page(text, sample_ctx)
    assert "超序时进度22.7个百分点" in text and "88.3%" in text
    assert cli("summary", "-L", SAMPLE, *AS_OF, "--format", "html").stdout == text


def test_problems_by_month_add_up_to_the_year(sample_ctx):
    scope = m.evaluate(sample_ctx.ledger, sample_ctx.period, sample_ctx.filters)
    f = m.figures(scope)
    months = problems_by_month(scope)
    assert sum(x.raised for x in months) == f.issues.raised and sum(x.resolved for x in months) == f.issues.resolved


def test_html_escapes_every_value(cli, tmp_path):
    evil = "<script>alert(1)</script>&\"'"
    files = {"ledger.yaml": BASE["ledger.yaml"].replace("北宋镇]", "北宋镇, '<b>镇</b>']"),
             "projects/base.yaml": BASE["projects/base.yaml"].replace("绿竹韵共享生态苑项目", evil)
             + "location: '<b>镇</b>'\n", "issues/base.yaml": BASE["issues/base.yaml"].replace("征地资金暂未到位", evil)}
    root = write_ledger(tmp_path / "l", files)
    for args in (["summary", "--format", "html"], ["progress", "--format", "html"], ["issues", "--format", "html"]):
        result = cli(*args, "-L", root, "--as-of", "2019-12-31")
        assert result.exit_code == 0
        page = Page()
        page.feed(result.stdout)
        assert "script" not in page.tags and "b" not in page.tags
        assert "&lt;script&gt;" in result.stdout or args[0] == "summary"
    text = cli("summary", "--format", "html", "-L", root, "--as-of", "2019-12-31").stdout
    assert "&lt;b&gt;镇&lt;/b&gt;" in text  # the location, in the lights chart
    svgs(text)  # every chart is well-formed XML


# ------------------------------------------------------------------ completion --chart

def test_completion_chart_piped_and_on_a_terminal(cli, monkeypatch, sample_ctx):
    plain = cli("completion", "-L", SAMPLE, *AS_OF, "--chart").stdout
    assert "\x1b[" not in plain and "逐月累计完成投资与计划（万元）" in plain
    lines = [l for l in plain.splitlines() if "累计完成 █" in l]
    assert len(lines) == sample_ctx.period.month_index
    widths = [len(l.split("累计完成 ")[1].split()[0]) for l in lines]
    assert widths == sorted(widths) and widths[-1] >= 25  # cumulative: never shorter, the longest fills the scale
    import xmledger.renderers.terminal as terminal

    monkeypatch.setattr(terminal, "wants_rich", lambda: True)
    rich = cli("completion", "-L", SAMPLE, *AS_OF, "--chart").stdout
    assert "\x1b[" in rich and "█" in rich
    assert "█" not in cli("completion", "-L", SAMPLE, *AS_OF).stdout


# ------------------------------------------------------------------ refusals

@pytest.mark.parametrize("kind", ["xlsx", "sqlite", "html"])
def test_an_existing_file_is_kept_without_force(cli, tmp_path, kind):
    out = tmp_path / f"out.{kind}"
    out.write_bytes(b"keep me")
    result = cli("export", kind, "-L", SAMPLE, *AS_OF, "-o", out)
    assert result.exit_code == 2 and "--force" in result.output and out.read_bytes() == b"keep me"
    result = cli("export", kind, "-L", SAMPLE, *AS_OF, "-o", out, "--force")
    assert result.exit_code == 0 and out.read_bytes() != b"keep me"
    assert sorted(p.name for p in tmp_path.iterdir()) == [out.name]  # no temporary file left behind


def test_csv_files_are_kept_without_force(cli, tmp_path):
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "issues.csv").write_text("keep")
    result = cli("export", "csv", "-L", SAMPLE, *AS_OF, "-o", tmp_path / "out")
    assert result.exit_code == 2 and (tmp_path / "out" / "issues.csv").read_text() == "keep"
    assert cli("export", "csv", "-L", SAMPLE, *AS_OF, "-o", tmp_path / "out", "--force").exit_code == 0
    assert len(list((tmp_path / "out").iterdir())) == 12


@pytest.mark.parametrize("kind", ["xlsx", "sqlite", "html", "csv"])
def test_unwritable_paths_are_usage_errors(cli, tmp_path, kind):
    (tmp_path / "file").write_text("x")
    missing = [] if kind == "csv" else [tmp_path / "missing" / "out"]  # csv makes its folder
    for target in (tmp_path / "file" / "out", *missing, "/proc/xmledger-test/out"):
        result = cli("export", kind, "-L", SAMPLE, *AS_OF, "-o", target)
        assert result.exit_code == 2, (target, result.output)
        assert "Traceback" not in result.output and str(target).split("/")[-2] in result.output


def test_proc_is_not_writable_and_says_why(cli):
    result = cli("export", "xlsx", "-L", SAMPLE, *AS_OF, "-o", "/proc/out.xlsx")
    assert result.exit_code == 2 and "cannot write /proc/out.xlsx" in result.output


@pytest.mark.parametrize("kind", ["xlsx", "sqlite", "html", "csv"])
def test_a_ledger_with_errors_is_refused(cli, tmp_path, kind):
    root = write_ledger(tmp_path / "l", {"projects/bad.yaml": "id: P-2\nname: 坏\nlevel: County\n"})
    out = tmp_path / "out"
    result = cli("export", kind, "-L", root, *AS_OF, "-o", out)
    assert result.exit_code == 1 and "xmledger check" in result.output and not out.exists()
    result = cli("export", kind, "-L", root, *AS_OF, "-o", out, "--allow-errors")
    assert result.exit_code == 0 and out.exists()


def test_exports_are_documented(cli):
    for kind in ("xlsx", "csv", "sqlite", "html"):
        result = cli("export", kind, "--help")
        assert result.exit_code == 0 and "-o, --output" in result.stdout and "--force" in result.stdout
        assert "--format" not in result.stdout
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert all(f"xmledger export {kind}" in readme for kind in ("xlsx", "csv", "sqlite", "html"))
    assert "fonts-wqy-microhei" in readme


def test_amounts_in_the_database_are_exact_integers_or_decimals(cli, tmp_path):
    files = {"projects/base.yaml": BASE["projects/base.yaml"].replace("total_investment: 7000",
                                                                      "total_investment: 7000.0001")}
    root = write_ledger(tmp_path / "l", files)
    assert cli("export", "sqlite", "-L", root, *AS_OF, "-o", tmp_path / "a.db").exit_code == 0
    con = sqlite3.connect(tmp_path / "a.db")
    assert con.execute("SELECT total_investment FROM projects").fetchone()[0] == float(Decimal("7000.0001"))
    assert con.execute("SELECT typeof(annual) FROM plans").fetchone()[0] == "integer"
