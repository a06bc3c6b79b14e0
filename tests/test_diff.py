"""`diff` and `summary --since`: two hand-made commits of a small ledger, and every change between them.

Last week's commit (tag 上周, 2019-05-17) and this week's (2019-05-24) differ in every way `diff` reports: a
project added to and one removed from the 2019 list, one started, one completed, lights changed, a plan
changed, a past month corrected and new months reported (inline and in progress/), problems raised,
resolved, closed, escalated and newly overdue. The expected changes are worked out by hand in the comments.
"""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal

import pytest

from gitrepos import commit, git, init
from ledgers import BASE

AS_OF = ("--as-of", "2019-05-31")

P1 = BASE["projects/base.yaml"] + """\
progress:
  - {month: 2019-03, invested: 240}
  - {month: 2019-04, invested: 410}
"""
P2 = """\
id: P-2
name: 城区供水管网改造工程
level: county
category: 城建及基础设施
total_investment: 5000
start: {planned: 2019-05-01}
plans:
  2019:
    annual: 2000
    monthly: {5: 500, 6: 500, 7: 500, 8: 500}
"""
P3 = """\
id: P-3
name: 北岭村文化广场
level: county
category: 乡村振兴
total_investment: 1500
start: {planned: 2018-05-01, actual: 2018-06-01}
completion: {planned: 2019-05-20}
plans:
  2019: {annual: 800}
"""
P4 = """\
id: P-4
name: 老城区雨污分流一期
level: county
category: 城建及基础设施
total_investment: 3000
start: {planned: 2018-01-01, actual: 2018-01-01}
plans:
  2018: {annual: 500}
  2019: {annual: 600}
"""
P5 = """\
id: P-5
name: 黄河大桥接线工程
level: county
category: 城建及基础设施
total_investment: 20000
start: {planned: 2017-02-01, actual: 2017-03-01}
plans:
  2019: {annual: 1000}
progress:
  - {month: 2019-05, invested: 200}
"""
CARD = BASE["responsibilities/base.yaml"].replace("projects: [P-1]", "projects: [P-1, P-2, P-3, P-4]")
ISSUES = """\
- {id: Q-3, project: P-3, category: funding, title: 配套资金缺口, raised: 2019-05-06}
- id: Q-4
  project: P-1
  category: land
  title: 用地指标不足
  raised: 2019-04-15
  difficulty: hard
  escalations:
    - {level: 1, date: 2019-04-20}
- {id: Q-5, project: P-2, category: approval, title: 施工许可未办, raised: 2019-05-20, due: 2019-06-30}
"""

LAST_WEEK = {**BASE, "projects/base.yaml": P1, "projects/城建/供水.yaml": P2, "projects/北岭.yaml": P3,
             "projects/城建/雨污.yaml": P4, "responsibilities/base.yaml": CARD, "issues/2019-05.yaml": ISSUES,
             "progress/2019-04.yaml": "- {project: P-3, month: 2019-04, invested: 300}\n"}
THIS_WEEK = {
    "projects/base.yaml": P1.replace("7000", "7500").replace("invested: 410}", "invested: 400}")
    + "  - {month: 2019-05, invested: 500}\n",
    "projects/城建/供水.yaml": P2.replace("{planned: 2019-05-01}", "{planned: 2019-05-01, actual: 2019-05-20}"),
    "projects/北岭.yaml": P3.replace("{planned: 2019-05-20}", "{planned: 2019-05-20, actual: 2019-05-20}")
    .replace("annual: 800", "annual: 900"),
    "projects/城建/雨污.yaml": P4.replace("  2019: {annual: 600}\n", ""),
    "projects/城建/大桥.yaml": P5,
    "responsibilities/base.yaml": CARD.replace("P-4]", "P-4, P-5]"),
    "issues/2019-05.yaml": ISSUES.replace("raised: 2019-05-06}", "raised: 2019-05-06, resolved: 2019-05-10, "
                                          "closed: 2019-05-12}")
    .replace("    - {level: 1, date: 2019-04-20}\n", "    - {level: 1, date: 2019-04-20}\n"
             "    - {level: 2, date: 2019-05-21, note: 提交县区周例会研究}\n")
    .replace("due: 2019-06-30", "due: 2019-05-28")
    + "- {id: Q-2, project: P-2, category: funding, title: 配套资金未到位, raised: 2019-05-22}\n",
    "progress/2019-05.yaml": "- {project: P-2, month: 2019-05, invested: 450, reported_on: 2019-05-23, "
                             "source: 县住建局}\n",
}


@pytest.fixture(scope="module")
def repo(tmp_path_factory):
    path = init(tmp_path_factory.mktemp("diff") / "台账")
    last = commit(path, "2019-05-17", "上周", "", LAST_WEEK)
    git(path, "tag", "上周")
    this = commit(path, "2019-05-24", "本周", "", THIS_WEEK)
    return path, last, this


def diff_json(cli, path, *args) -> dict:
    result = cli("diff", "-L", path, *args, "--format", "json")
    assert result.exit_code == 0, result.stdout + result.stderr
    return json.loads(result.stdout)


def test_two_commits_every_change(repo, cli):
    path, last, this = repo
    doc = diff_json(cli, path, "上周", "HEAD", *AS_OF)
    assert doc["from"] == {"revision": f"上周 ({last[:7]}, 2019-05-17)", "year": 2019, "as_of": "2019-05-31"}
    assert doc["to"] == {"revision": f"HEAD ({this[:7]}, 2019-05-24)", "year": 2019, "as_of": "2019-05-31"}
    assert [(c["change"], c["id"], c["before"], c["after"]) for c in doc["projects"]] == [
        ("added", "P-5", None, "1000"),
        ("removed", "P-4", "600", None),
        ("started", "P-2", None, "2019-05-20"),  # P-5 joins the list long after it started: not newly started
        ("completed", "P-3", None, "2019-05-20"),
        # P-1: 650 of 1250 planned to date (3000 x 5/12) is red; 1140 is yellow. P-2: a 30-day late start, then
        # 450 of 500. P-3 stays yellow: 300 of 333.33, then of 375 (exactly the red line, which is not below it)
        ("light", "P-1", "red", "yellow"),
        ("light", "P-2", "red", "yellow"),
        ("plan", "P-3", "800", "900")]
    assert doc["investment"]["new"] == "1150" and doc["investment"]["corrections"] == "-10"
    assert doc["investment"]["total"] == "1140"
    assert [(e["id"], e["month"], e["entry"], e["before"], e["after"], e["change"])
            for e in doc["investment"]["entries"]] == [
        ("P-1", "2019-04", "correction", "410", "400", "-10"),  # a corrected past month: not new work
        ("P-1", "2019-05", "new", None, "500", "500"),
        ("P-2", "2019-05", "new", None, "450", "450"),  # from progress/, as if inline
        ("P-5", "2019-05", "new", None, "200", "200")]  # a new project's month is new
    assert [(c["change"], c["id"], c["before"], c["after"]) for c in doc["problems"]] == [
        ("raised", "Q-2", None, "2019-05-22"),
        ("resolved", "Q-3", None, "2019-05-10"),
        ("closed", "Q-3", None, "2019-05-12"),
        ("escalated", "Q-4", 1, 2),
        ("overdue", "Q-2", None, "2019-05-29"),  # 5 working days after 2019-05-22
        ("overdue", "Q-5", None, "2019-05-28")]  # its deadline brought forward
    assert "records" not in doc


def test_records_field_by_field(repo, cli):
    path, _, _ = repo
    doc = diff_json(cli, path, "上周", "HEAD", *AS_OF, "--records")
    assert [(c["record_kind"], c["id"], c["record_change"], c["field"], c["before"], c["after"])
            for c in doc["records"]] == [
        ("projects", "P-1", "changed", "total_investment", "7000", "7500"),
        ("projects", "P-1", "changed", "progress.2019-04.invested", "410", "400"),
        ("projects", "P-1", "changed", "progress.2019-05.invested", None, "500"),
        ("projects", "P-2", "changed", "start.actual", None, "2019-05-20"),
        ("projects", "P-2", "changed", "progress.2019-05.invested", None, "450"),
        ("projects", "P-2", "changed", "progress.2019-05.reported_on", None, "2019-05-23"),
        ("projects", "P-2", "changed", "progress.2019-05.source", None, "县住建局"),
        ("projects", "P-3", "changed", "completion.actual", None, "2019-05-20"),
        ("projects", "P-3", "changed", "plans.2019.annual", "800", "900"),
        ("projects", "P-4", "changed", "plans.2019.annual", "600", None),
        ("projects", "P-5", "added", None, None, None),
        ("responsibilities", "R-1", "changed", "projects", ["P-1", "P-2", "P-3", "P-4"],
         ["P-1", "P-2", "P-3", "P-4", "P-5"]),
        ("issues", "Q-2", "added", None, None, None),
        ("issues", "Q-3", "changed", "resolved", None, "2019-05-10"),
        ("issues", "Q-3", "changed", "closed", None, "2019-05-12"),
        ("issues", "Q-4", "changed", "escalations[1].level", None, 2),
        ("issues", "Q-4", "changed", "escalations[1].date", None, "2019-05-21"),
        ("issues", "Q-4", "changed", "escalations[1].note", None, "提交县区周例会研究"),
        ("issues", "Q-5", "changed", "due", "2019-06-30", "2019-05-28")]
    plain = cli("diff", "-L", path, "上周", "HEAD", *AS_OF, "--records", "--format", "plain").stdout
    assert "total_investment" in plain and "7000" in plain and "7500" in plain and "记录变化（逐字段，19项）" in plain


def test_the_figures_are_status_of_each_state_side_by_side(repo, cli):
    path, _, _ = repo
    doc = diff_json(cli, path, "上周", "HEAD", *AS_OF)
    states = [json.loads(cli("status", "-L", path, *AS_OF, "--rev", rev, "--format", "json").stdout)
              for rev in ("上周", "HEAD")]

    def value(status, name):
        for part in name.split("."):
            status = status[part]
        return status

    assert len(doc["figures"]) == 25
    for name, row in doc["figures"].items():
        before, after = value(states[0], name), value(states[1], name)
        assert (row["before"], row["after"]) == (before, after), name
        if before is None or after is None:
            assert row["change"] is None
        elif isinstance(before, float) and name.endswith(("rate",)):  # rates change in percentage points
            assert row["change"] == pytest.approx((after - before) * 100, abs=1e-6), name
        elif isinstance(before, str):
            assert Decimal(row["change"]) == Decimal(after) - Decimal(before), name
        else:
            assert row["change"] == pytest.approx(after - before, abs=1e-6), name
    assert doc["figures"]["started"] == {"before": 3, "after": 4, "change": 1}  # P-1, P-3, P-4 -> P-1, P-2, P-3, P-5
    # the investment reported in between, all of it in 2019 and on both lists: 950 -> 2090
    assert doc["figures"]["completed_ytd"]["change"] == doc["investment"]["total"] == "1140"


def test_defaults_head_against_the_working_tree(repo, cli, tmp_path):
    path, _, _ = repo
    (path / "projects" / "北岭.yaml").write_text(THIS_WEEK["projects/北岭.yaml"].replace("1500", "1600"),
                                                encoding="utf-8")
    try:
        doc = diff_json(cli, path, *AS_OF, "--records")
        assert doc["to"]["revision"] is None and doc["from"]["revision"].startswith("HEAD (")
        assert doc["records"] == [{"record_kind": "projects", "id": "P-3", "record_change": "changed",
                                   "field": "total_investment", "before": "1500", "after": "1600"}]
        assert doc["projects"] == doc["problems"] == doc["investment"]["entries"] == []
    finally:
        git(path, "checkout", "-q", "--", ".")
    assert diff_json(cli, path, *AS_OF)["figures"]["projects"]["change"] == 0


def test_one_revision_on_two_dates(repo, cli):
    path, _, _ = repo
    doc = diff_json(cli, path, "HEAD", "HEAD", "--from-as-of", "2019-04-30", "--to-as-of", "2019-05-31")
    assert (doc["from"]["as_of"], doc["to"]["as_of"]) == ("2019-04-30", "2019-05-31")
    assert doc["investment"]["corrections"] == "0"  # one revision: nothing corrected, May is new
    assert [(e["id"], e["month"]) for e in doc["investment"]["entries"]] == [
        ("P-1", "2019-05"), ("P-2", "2019-05"), ("P-5", "2019-05")]
    assert [(c["change"], c["id"]) for c in doc["projects"]] == [
        ("started", "P-2"), ("completed", "P-3"), ("light", "P-1"), ("light", "P-2"),
        ("light", "P-3")]  # 300 of 300 planned to April (900 x 4/12) is green; of 375 to May, yellow
    assert [(c["change"], c["id"]) for c in doc["problems"]] == [
        ("raised", "Q-2"), ("raised", "Q-3"), ("raised", "Q-5"), ("resolved", "Q-3"), ("closed", "Q-3"),
        ("escalated", "Q-4"), ("overdue", "Q-2"), ("overdue", "Q-5")]


@pytest.mark.parametrize("fmt", ["table", "plain", "markdown", "csv", "tsv", "json"])
def test_every_format(repo, cli, fmt):
    path, _, _ = repo
    result = cli("diff", "-L", path, "上周", "HEAD", *AS_OF, "--records", "--format", fmt)
    assert result.exit_code == 0, result.stdout + result.stderr
    if fmt in ("csv", "tsv"):
        tables = result.stdout.split("\n\n")  # each table: "# key", its header, its rows
        assert [t.split("\n", 1)[0] for t in tables] == ["# figures", "# projects", "# investment", "# problems",
                                                         "# records"]
        assert [t.split("\n")[1].split("," if fmt == "csv" else "\t")[0] for t in tables] == [
            "figure", "change", "id", "change", "record_kind"]
        rows = list(csv.reader(io.StringIO(tables[2].split("\n", 1)[1]), delimiter="," if fmt == "csv" else "\t"))
        assert rows[1] == ["P-1", "绿竹韵共享生态苑项目", "2019-04", "correction", "410", "400", "-10"]
    elif fmt != "json":
        assert "变化对比" in result.stdout and "新开工" in result.stdout and "列入名单" in result.stdout


def test_english_labels(repo, cli):
    path, _, _ = repo
    text = cli("diff", "-L", path, "上周", "HEAD", *AS_OF, "--lang", "en", "--format", "plain").stdout
    assert text.startswith("示例县重点项目台账 · changes · 2019 · 上周 (")
    assert "added to the list" in text and "newly overdue" in text and "correction" in text


def test_filters_narrow_the_diff(repo, cli):
    path, _, _ = repo
    doc = diff_json(cli, path, "上周", "HEAD", *AS_OF, "--category", "乡村振兴", "--records")
    assert doc["filters"] == {"category": ["乡村振兴"]}
    assert [(c["change"], c["id"]) for c in doc["projects"]] == [("completed", "P-3"), ("light", "P-1"), ("plan", "P-3")]
    assert {c["id"] for c in doc["problems"]} == {"Q-3", "Q-4"}
    assert {c["id"] for c in doc["records"]} == {"P-1", "P-3", "R-1", "Q-3", "Q-4"}


def test_bad_revisions_and_dates(repo, cli):
    path, _, _ = repo
    result = cli("diff", "-L", path, "nope")
    assert result.exit_code == 2 and "Invalid value for FROM: unknown revision 'nope'" in result.stderr
    result = cli("diff", "-L", path, "HEAD", "nope")
    assert result.exit_code == 2 and "Invalid value for TO: unknown revision 'nope'" in result.stderr
    result = cli("diff", "-L", path, "--from-as-of", "2019-02-30")
    assert result.exit_code == 2 and "2019-02-30 is not a date that exists" in result.stderr
    assert "Traceback" not in result.stderr


# ------------------------------------------------------------------ summary --since

def test_summary_since_a_revision(repo, cli):
    path, last, _ = repo
    text = cli("summary", "-L", path, *AS_OF, "--since", "上周").stdout
    paragraphs = text.split("\n\n")
    # last week's ledger as of its commit date (2019-05-17): P-2 and P-3 started and completed after it; Q-5 (raised
    # 2019-05-20) is new then, and becomes overdue with Q-2; May's 500 + 450 + 200 are new, April's -10 a correction
    assert paragraphs[2] == (f"自台账版本 上周 ({last[:7]}, 2019-05-17) 以来，新开工项目1个、新竣工项目1个，"
                             "新报完成投资1150万元（另更正以前报送的投资-10万元）；新收集问题2个、新办结问题1个，"
                             "新增逾期未办结问题2个。")
    assert paragraphs[1].startswith("截至2019年5月31日，全县共有2019年重点项目4个")
    en = cli("summary", "-L", path, *AS_OF, "--since", "上周", "--lang", "en").stdout.split("\n\n")[2]
    assert en.startswith(f"Since revision 上周 ({last[:7]}, 2019-05-17) of the ledger, 1 project started and 1 "
                         "completed; CNY 11.5 million of new investment was reported (and earlier reports were "
                         "corrected by CNY -0.1 million); 2 problems were raised, 1 resolved and 2 became overdue.")
    doc = json.loads(cli("summary", "-L", path, *AS_OF, "--since", "上周", "--format", "json").stdout)
    assert doc["since"]["from"]["as_of"] == "2019-05-17" and doc["since"]["counts"]["raised"] == 2
    assert doc["since"]["invested_new"] == "1150" and doc["paragraphs"][1] == paragraphs[2]


def test_summary_since_a_date(repo, cli):
    path, _, _ = repo
    text = cli("summary", "-L", path, *AS_OF, "--since", "2019-05-24").stdout
    # one ledger on two dates: May was counted on both; only the deadlines of Q-5 (05-28) and Q-2 (05-29) passed
    assert text.split("\n\n")[2] == ("自2019年5月24日以来，新开工项目0个、新竣工项目0个，新报完成投资0万元；"
                                     "新收集问题0个、新办结问题0个，新增逾期未办结问题2个。")
    result = cli("summary", "-L", path, *AS_OF, "--since", "2019-06-01")
    assert result.exit_code == 2 and "is after the date of the circular" in result.stderr
    result = cli("summary", "-L", path, *AS_OF, "--since", "上上周")
    assert result.exit_code == 2 and "Invalid value for --since: unknown revision '上上周'" in result.stderr


def test_summary_since_counts_what_turned_red(tmp_path, cli):
    repo = init(tmp_path / "repo")
    green = BASE["projects/base.yaml"] + "progress:\n  - {month: 2019-03, invested: 600}\n  - {month: 2019-04, invested: 500}\n"
    commit(repo, "2019-05-01", "一", "", {**BASE, "projects/base.yaml": green})
    git(repo, "tag", "before")
    commit(repo, "2019-05-20", "二", "", {"projects/base.yaml": green.replace(
        "{annual: 3000}", "{annual: 3000, monthly: {3: 1000, 4: 1000, 5: 1000}}")})
    text = cli("summary", "-L", repo, "--as-of", "2019-04-30", "--since", "before").stdout
    # 1100 of 1000 planned to April (3000 x 4/12) is green; of 2000 by the new monthly plan, red
    assert text.split("\n\n")[2].endswith("新增逾期未办结问题0个；新增红灯项目1个。")
