"""issues, leaders and rank through the real command line, on small ledgers worked out by hand."""

import json

from ledgers import write_ledger

LEDGER = "name: 测试台账\nregion: 测试县\n"


def project(pid, name, annual, done, year=2019):
    return (f"- id: {pid}\n  name: {name}\n  level: county\n  category: 乡村振兴\n  total_investment: 1000\n"
            f"  start: {{actual: {year}-01-10}}\n  plans: {{{year}: {{annual: {annual}}}}}\n"
            f"  progress:\n    - {{month: {year}-03, invested: {done}}}\n")


def card(cid, unit, pids, leader="张三", visits=""):
    text = f"- id: {cid}\n  leader: {{name: {leader}}}\n  unit: {unit}\n  person: 李四\n  projects: [{', '.join(pids)}]\n"
    return text + (f"  visits:\n{visits}" if visits else "")


# Four units, one project each, as of 2019-12-31 (plan to date = the whole annual plan of 100):
#   县发改局: done 120: start 1, plan 1.2 (scored as 1.0), on schedule 1, no problems (1.0) -> score 1.000
#   县住建局: done 100: 1, 1.0, 1, 1.0 -> 1.000, ties 县发改局; 县发改局 wins on plan completion (1.2 > 1.0)
#   县水利局: done 100: 1.000 too, ties 县住建局 on everything; by name 县住建局 (住 U+4F4F) < 县水利局 (水 U+6C34)
#   县农业农村局: done 50, one open problem: 0.25 + 0.35 x 0.5 + 0.2 x 0 + 0.2 x 0 = 0.425
RANKED = {
    "ledger.yaml": LEDGER,
    "projects/p.yaml": project("A", "甲项目", 100, 120) + project("B", "乙项目", 100, 100)
    + project("C", "丙项目", 100, 100) + project("D", "丁项目", 100, 50),
    "responsibilities/r.yaml": card("R1", "县发改局", ["A"]) + card("R2", "县住建局", ["B"])
    + card("R3", "县水利局", ["C"]) + card("R4", "县农业农村局", ["D"]),
    "issues/q.yaml": "- {id: Q1, project: D, category: land, title: 征地问题, raised: 2019-06-03}\n",
}


def test_rank_with_ties(tmp_path, cli):
    root = write_ledger(tmp_path / "l", RANKED, base=False)
    doc = json.loads(cli("rank", "-L", root, "--as-of", "2019-12-31", "--format", "json").stdout)
    rows = doc["ranking"]
    assert [(r["rank"], r["key"], r["score"]) for r in rows] == [
        (1, "县发改局", 1.0), (2, "县住建局", 1.0), (3, "县水利局", 1.0), (4, "县农业农村局", 0.425)]
    assert rows[0]["plan_completion_rate"] == 1.2  # shown uncapped beside the score
    assert rows[3]["resolution_rate"] == 0.0 and rows[0]["resolution_rate"] is None  # no problems: scored as 1.0
    bottom = json.loads(cli("rank", "-L", root, "--as-of", "2019-12-31", "--format", "json", "--bottom", "1").stdout)
    assert [r["key"] for r in bottom["bottom"]] == ["县农业农村局"]
    top = json.loads(cli("rank", "-L", root, "--as-of", "2019-12-31", "--format", "json", "--top", "2").stdout)
    assert [r["key"] for r in top["top"]] == ["县发改局", "县住建局"]


def test_rank_weights_come_from_the_ledger(tmp_path, cli):
    files = dict(RANKED, **{"ledger.yaml": LEDGER + "ranking:\n  weights: {start_rate: 0, plan_completion_rate: 1, "
                                                    "on_schedule_rate: 0, resolution_rate: 0}\n"})
    root = write_ledger(tmp_path / "l", files, base=False)
    rows = json.loads(cli("rank", "-L", root, "--as-of", "2019-12-31", "--format", "json").stdout)["ranking"]
    assert [(r["key"], r["score"]) for r in rows][-1] == ("县农业农村局", 0.5)


def test_visits_in_the_last_four_weeks(tmp_path, cli):
    # As of 2019-05-31 the window is 05-04 .. 05-31 (28 days).
    visits = ("    - {date: 2019-05-03, project: A}\n"  # one day too early
              "    - {date: 2019-05-04, project: A}\n"
              "    - {date: 2019-05-04, project: A}\n"  # the same visit written twice counts once
              "    - {date: 2019-05-20, project: A, hours: 4}\n"
              "    - {date: 2019-05-31, project: A}\n"
              "    - {date: 2019-06-01, project: A}\n")  # after D
    files = {"ledger.yaml": LEDGER, "projects/p.yaml": project("A", "甲项目", 100, 50),
             "responsibilities/r.yaml": card("R1", "县发改局", ["A"], visits=visits)}
    root = write_ledger(tmp_path / "l", files, base=False)
    row = json.loads(cli("leaders", "-L", root, "--as-of", "2019-05-31", "--format", "json").stdout)["leaders"][0]
    assert (row["visits_4w"], row["visits_required"], row["visits_status"]) == (3, 4, "short")
    files["ledger.yaml"] = LEDGER + "visits: {per_week: 0}\n"
    root = write_ledger(tmp_path / "m", files, base=False)
    row = json.loads(cli("leaders", "-L", root, "--as-of", "2019-05-31", "--format", "json").stdout)["leaders"][0]
    assert (row["visits_required"], row["visits_status"]) == (0, "ok")


def test_leaders_by_leader_owes_visits_per_leader(tmp_path, cli):
    files = {"ledger.yaml": LEDGER, "projects/p.yaml": project("A", "甲项目", 100, 50) + project("B", "乙项目", 100, 50),
             "responsibilities/r.yaml": card("R1", "县发改局", ["A"]) + card("R2", "县住建局", ["B"])}
    root = write_ledger(tmp_path / "l", files, base=False)
    rows = json.loads(cli("leaders", "-L", root, "--as-of", "2019-05-31", "--format", "json", "--by", "leader")
                      .stdout)["leaders"]
    assert len(rows) == 1 and rows[0]["leader"] == "张三" and rows[0]["unit"] == ["县发改局", "县住建局"]
    assert (rows[0]["projects"], rows[0]["visits_required"]) == (2, 4)


ISSUES = {
    "ledger.yaml": LEDGER,
    "projects/p.yaml": project("A", "甲项目", 100, 50, 2024) + project("B", "乙项目", 100, 50, 2024),
    "responsibilities/r.yaml": card("R1", "县发改局", ["A", "B"]),
    "issues/q.yaml": """\
- {id: Q1, project: A, category: land, title: 用地指标不足, raised: 2024-09-23, assignee: {unit: 县自然资源局}}
- {id: Q2, project: A, category: funding, title: 配套资金未到位, raised: 2024-09-27, difficulty: hard}
- {id: Q3, project: B, category: land, title: 征地补偿未达成, raised: 2024-09-27, difficulty: hard,
   plan: {date: 2024-09-29, due: 2024-11-30}, escalations: [{level: 2, date: 2024-10-08}]}
- {id: Q4, project: B, category: water, title: 供水管网未接通, raised: 2024-09-20, resolved: 2024-09-25}
- {id: Q5, project: A, category: land, title: 历史遗留用地问题, raised: 2023-11-01}
""",
}


def issue_rows(cli, root, *args):
    doc = json.loads(cli("issues", "-L", root, "--as-of", "2024-10-09", "--format", "json", *args).stdout)
    return doc["issues"]


def test_issue_list_is_most_urgent_first_and_flags_hard_problems(tmp_path, cli):
    root = write_ledger(tmp_path / "l", ISSUES, base=False)
    rows = {r["id"]: r for r in issue_rows(cli, root)}
    # Q5 (raised 2023, never resolved): due 2023-11-08, overdue by every working day since; listed first.
    assert list(rows) == ["Q5", "Q1", "Q2", "Q3", "Q4"]
    assert rows["Q1"]["due"] == "2024-09-29" and rows["Q1"]["overdue_days"] == 3  # 09-30, 10-08, 10-09
    assert rows["Q2"]["due"] == "2024-09-30" and rows["Q2"]["flag"] == "plan_overdue"  # hard, no plan in 2 days
    assert rows["Q3"]["due"] == "2024-11-30" and rows["Q3"]["flag"] is None and rows["Q3"]["escalation"] == 2
    assert rows["Q4"]["status"] == "resolved" and rows["Q1"]["status"] == "in_progress"
    assert rows["Q2"]["status"] == "pending"  # not assigned to anyone yet
    assert [r["id"] for r in issue_rows(cli, root, "--overdue")] == ["Q5", "Q1", "Q2"]
    assert [r["id"] for r in issue_rows(cli, root, "--open", "--project", "B")] == ["Q3"]
    assert [r["id"] for r in issue_rows(cli, root, "--category", "land", "--level", "0")] == ["Q5", "Q1"]
    assert [r["id"] for r in issue_rows(cli, root, "--assignee-unit", "县自然资源局")] == ["Q1"]
    assert issue_rows(cli, root, "--project-level", "city") == []


def test_issue_stats_count_this_years_problems(tmp_path, cli):
    root = write_ledger(tmp_path / "l", ISSUES, base=False)
    doc = json.loads(cli("issues", "-L", root, "--as-of", "2024-10-09", "--format", "json", "--stats").stdout)
    # Q5 was raised in 2023: not one of 2024's problems, but still overdue (SPEC §5.5), so it counts there.
    assert doc["total"] == [{"key": "合计", "issues_raised": 4, "issues_resolved": 1, "resolution_rate": 0.25,
                             "issues_overdue": 3, "issues_resolved_late": 0, "avg_working_days": 3.0}]
    assert [(r["key"], r["issues_raised"]) for r in doc["by_category"]] == [("funding", 1), ("land", 2), ("water", 1)]
    assert [(r["key"], r["issues_raised"]) for r in doc["by_level"]] == [("未提级", 3), ("2 县区周例会研究", 1)]
    assert doc["by_unit"][-1]["key"] == "(未交办)"


def test_summary_names_the_lowest_ranked_units_only_when_there_are_red_lights(tmp_path, cli):
    root = write_ledger(tmp_path / "l", RANKED, base=False)
    text = cli("summary", "-L", root, "--as-of", "2019-03-31").stdout  # 25 planned to date, all have done 50+
    assert "红灯" not in text and "排名后三位" not in text
    text = cli("summary", "-L", root, "--as-of", "2019-12-31").stdout  # D: 50 of 100 is red
    assert "红灯预警项目1个" in text and "丁项目（D，完成计划进度的50.0%）" in text
    assert "综合排名后三位的责任单位：县住建局（得分1.000）、县水利局（得分1.000）、县农业农村局（得分0.425）。" in text
