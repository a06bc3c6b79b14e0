"""Each metric of SPEC §5 on a tiny ledger whose answer is worked out here by hand."""

import datetime
from decimal import Decimal

import pytest

from ledgers import write_ledger
from xmledger.core.period import Period, parse_as_of
from xmledger.loading.loader import load
from xmledger.metrics import figures as m
from xmledger.metrics.filters import Filters
from xmledger.metrics.groups import groups
from xmledger.sources.folder import FolderSource

D = datetime.date
LEDGER = "name: 测试台账\nregion: 测试县\n"


def ledger_of(tmp_path, projects: str = "", issues: str = "", cards: str | None = None, settings: str = ""):
    files = {"ledger.yaml": LEDGER + settings, "projects/all.yaml": projects,
             "issues/all.yaml": issues or None,
             "responsibilities/all.yaml": cards}
    if cards is None:
        ids = [line.split(":", 1)[1].strip() for line in projects.splitlines() if line.startswith("- id:")]
        files["responsibilities/all.yaml"] = ("id: R-1\nleader: {name: 张三}\nunit: 县发改局\nperson: 李四\n"
                                              f"projects: [{', '.join(ids)}]\n")
    result = load(FolderSource(write_ledger(tmp_path / "l", files, base=False)), D(2026, 11, 23))
    assert not result.errors, result.errors
    return result.ledger


def status(ledger, as_of, year=None, filters=Filters()):
    d = parse_as_of(as_of)
    return m.figures(m.evaluate(ledger, Period(year or d.year, d), filters))


STARTS = """\
- id: A
  name: 续建项目
  level: county
  category: 乡村振兴
  total_investment: 1000
  start: {planned: 2018-05-01, actual: 2018-06-01}
  plans: {2019: {annual: 100}}
- id: B
  name: 新开工项目
  level: county
  category: 乡村振兴
  total_investment: 1000
  start: {planned: 2019-03-01, actual: 2019-03-15}
  completion: {planned: 2019-12-31}
  plans: {2019: {annual: 100}}
- id: C
  name: 逾期未开工项目
  level: city
  category: 乡村振兴
  total_investment: 1000
  start: {planned: 2019-04-01}
  plans: {2019: {annual: 100, monthly: {5: 50, 6: 50}}}
- id: D
  name: 未到开工时间项目
  level: city
  category: 社会建设
  total_investment: 1000
  start: {planned: 2019-07-01, actual: 2019-07-05}
  completion: {planned: 2019-11-30, actual: 2019-11-20}
  plans: {2019: {annual: 100}}
- id: E
  name: 储备项目
  level: county
  category: 社会建设
  total_investment: 500
  pool: reserve
"""


def test_starts(tmp_path):
    f = status(ledger_of(tmp_path, STARTS), "2019-05-31")
    # A, B, C, D are on 2019's list; E is only in the reserve pool.
    assert f.projects == 4
    assert f.started == 2 and f.start_rate == Decimal(2) / 4  # A and B
    assert f.continuing == 1  # A started before 2019-01-01
    assert (f.new_projects, f.new_started) == (3, 1) and f.new_start_rate == Decimal(1) / 3
    assert f.late_start == 1  # C: planned 04-01, nothing by 05-31
    assert f.completing == 2 and f.completing_done == 0  # B and D plan to complete in 2019
    assert f.four_batches == {"planning": 0, "reserve": 1, "starting": 3, "completing": 2}


def test_a_date_counts_only_once_it_has_come(tmp_path):
    ledger = ledger_of(tmp_path, STARTS)
    # D completes 2019-11-20: not completed as of the 19th, completed as of the 20th.
    assert status(ledger, "2019-11-19").completed == 0
    assert status(ledger, "2019-11-20").completed == 1
    assert status(ledger, "2019-11-20").completing_done == 1 and status(ledger, "2019-11-20").completion_project_rate == Decimal(1) / 2
    assert status(ledger, "2019-03-14").started == 1  # B starts 03-15
    assert status(ledger, "2019-03-15").started == 2


def test_late_start_days_and_lights(tmp_path):
    scope = m.evaluate(ledger_of(tmp_path, STARTS), Period(2019, D(2019, 5, 31)))
    views = {v.id: v for v in scope.views}
    assert views["C"].late_start_days == 60  # 2019-04-01 -> 2019-05-31
    assert views["C"].light == "red"  # >= 30 days late
    assert views["D"].late_start_days is None
    # As of 04-20 C is 19 days late with nothing planned yet: not red, and a late start is never green.
    views = {v.id: v for v in m.evaluate(scope.ledger, Period(2019, D(2019, 4, 20))).views}
    assert views["C"].late_start_days == 19 and views["C"].light == "yellow"


INVESTMENT = """\
- id: P1
  name: 按月计划项目
  level: county
  category: 乡村振兴
  total_investment: 5000
  prior_investment: 1000
  start: {actual: 2018-01-10}
  plans:
    2019:
      annual: 1200
      monthly: {1: 100, 2: 100, 3: 100, 4: 100, 5: 100, 6: 100, 7: 100, 8: 100, 9: 100, 10: 100, 11: 100, 12: 100}
  progress:
    - {month: 2018-12, invested: 700}
    - {month: 2019-01, invested: 90}
    - {month: 2019-03, invested: 180}
    - {month: 2019-05, invested: 180}
    - {month: 2019-06, invested: 999}
- id: P2
  name: 无月度计划项目
  level: county
  category: 乡村振兴
  total_investment: 3000
  start: {actual: 2019-01-05}
  plans: {2019: {annual: 1200}}
  progress:
    - {month: 2019-02, invested: 600}
- id: P3
  name: 进度滞后项目
  level: county
  category: 乡村振兴
  total_investment: 3000
  start: {actual: 2019-01-05}
  plans: {2019: {annual: 1200}}
  progress:
    - {month: 2019-04, invested: 300}
- id: P4
  name: 下半年计划项目
  level: county
  category: 乡村振兴
  total_investment: 3000
  start: {planned: 2019-07-01}
  plans:
    2019: {annual: 600, monthly: {7: 300, 8: 300}}
"""


def test_investment_and_schedule(tmp_path):
    scope = m.evaluate(ledger_of(tmp_path, INVESTMENT), Period(2019, D(2019, 5, 31)))
    v = {x.id: x for x in scope.views}
    # P1: monthly plan, Jan-May = 500; done 90 + 180 + 180 = 450 (June's 999 is after D).
    assert v["P1"].planned_to_date == 500 and v["P1"].completed_ytd == 450
    assert v["P1"].cumulative == 1000 + 700 + 450  # prior + 2018-12 + this year to D
    assert v["P1"].this_month == 180
    assert v["P1"].progress_ratio == Decimal("0.9") and v["P1"].light == "yellow" and not v["P1"].on_schedule
    # P2: no monthly plan: 1200 x 5 / 12 = 500; done 600.
    assert v["P2"].planned_to_date == 500 and v["P2"].light == "green" and v["P2"].on_schedule
    # P3: 300 / 500 = 0.6 < 0.8: red.
    assert v["P3"].light == "red" and not v["P3"].on_schedule
    # P4: nothing planned before July: the ratio test is skipped, green, on schedule.
    assert v["P4"].planned_to_date == 0 and v["P4"].progress_ratio is None and v["P4"].light == "green"
    f = m.figures(scope)
    assert f.annual_plan == 4200 and f.completed_ytd == 450 + 600 + 300
    assert f.plan_completion_rate == Decimal(1350) / 4200
    assert f.time_elapsed == Decimal(5) / 12
    assert f.ahead_of_time_pp == (Decimal(1350) / 4200 - Decimal(5) / 12) * 100
    assert f.planned_to_date == 1500
    assert f.on_schedule == 2 and f.lights == {"green": 2, "yellow": 1, "red": 1}
    assert f.cumulative == 2150 + 600 + 300 and f.cumulative_rate == Decimal(3050) / 14000


def test_planned_to_date_outside_the_year(tmp_path):
    ledger = ledger_of(tmp_path, INVESTMENT)
    before = status(ledger, "2018-12-31", year=2019)
    after = status(ledger, "2020-02-29", year=2019)
    assert before.planned_to_date == 0 and before.time_elapsed == 0
    assert after.planned_to_date == 4200 and after.time_elapsed == 1
    assert after.completed_ytd == 450 + 999 + 600 + 300  # all of 2019 counts after 2019


def test_double_half(tmp_path):
    ledger = ledger_of(tmp_path, INVESTMENT)
    # Half of 4200 is 2100. By month: Jan 90, Feb 600, Mar 180, Apr 300, May 180, Jun 999.
    # Cumulative: 90, 690, 870, 1170, 1350, 2349: reached in June, on time (6 - 6 = 0).
    f = status(ledger, "2019-06-30")
    assert (f.reached_month, f.months_ahead) == (6, 0)
    f = status(ledger, "2019-05-31")
    assert (f.reached_month, f.months_ahead) == (None, None)


def test_double_half_early(tmp_path):
    early = INVESTMENT.replace("invested: 999", "invested: 10").replace("month: 2019-04, invested: 300",
                                                                        "month: 2019-04, invested: 1500")
    f = status(ledger_of(tmp_path, early), "2019-12-31")
    # Cumulative: 90, 690, 870, 2370 >= 2100 in April: two months ahead of June.
    assert (f.reached_month, f.months_ahead) == (4, 2)


ONE_PROJECT = """\
- id: P1
  name: 问题项目
  level: county
  category: 乡村振兴
  total_investment: 5000
  start: {actual: 2024-01-10}
  plans: {2024: {annual: 1200}}
"""


def issue(id_, raised, **fields):
    lines = [f"- id: {id_}", "  project: P1", "  category: land", "  title: 征地问题", f"  raised: {raised}"]
    lines += [f"  {k}: {v}" for k, v in fields.items()]
    return "\n".join(lines) + "\n"


def test_due_dates_count_official_working_days(tmp_path):
    issues = (issue("G1", "2024-09-23")  # 5 working days: 24 25 26 27 29(Sun, 调休) -> 09-29
              + issue("G2", "2024-09-27")  # 29(Sun), 30, then 10-01..07 off, 08 09 10 -> 10-10
              + issue("H1", "2024-09-27", difficulty="hard")  # plan due in 2: 29, 30 -> 09-30
              + issue("H2", "2024-09-27", difficulty="hard", plan="{date: 2024-09-29, due: 2024-11-30}")
              + issue("X1", "2024-09-27", due="2024-10-08"))
    ledger = ledger_of(tmp_path, ONE_PROJECT, issues)
    scope = m.evaluate(ledger, Period(2024, D(2024, 10, 9)))
    v = {x.id: x for x in scope.issues}
    assert v["G1"].due == D(2024, 9, 29) and v["G2"].due == D(2024, 10, 10)
    assert v["H1"].due == D(2024, 9, 30) and v["H1"].plan_overdue and v["H1"].overdue
    assert v["H2"].due == D(2024, 11, 30) and v["H2"].has_plan and not v["H2"].overdue
    assert v["X1"].due == D(2024, 10, 8) and v["X1"].overdue
    # Working days overdue as of 10-09: G1 due 09-29 -> 09-30, 10-08, 10-09 = 3.
    assert v["G1"].overdue_days == 3 and v["X1"].overdue_days == 1
    assert not v["G2"].overdue


def test_problem_figures(tmp_path):
    issues = (issue("Q1", "2024-03-01", resolved="2024-03-05", closed="2024-03-06")  # Fri -> Tue: 2 working days
              + issue("Q2", "2024-03-01", resolved="2024-03-15")  # due 03-08: late; 10 working days
              + issue("Q3", "2024-03-20")  # due 03-27, open: overdue as of 04-01
              + issue("Q4", "2024-03-29")  # due 04-08, open, not overdue
              + issue("Q5", "2024-04-02")  # after D: does not exist yet
              + issue("Q0", "2023-12-20"))  # raised last year: not in 2024's figures, but still overdue (§5.5)
    ledger = ledger_of(tmp_path, ONE_PROJECT, issues)
    i = status(ledger, "2024-04-01").issues
    assert (i.raised, i.resolved, i.closed, i.overdue, i.resolved_late) == (4, 2, 1, 2, 1)
    assert i.resolution_rate == Decimal("0.5")
    assert i.avg_working_days == Decimal(2 + 10) / 2


def test_year_on_year(tmp_path):
    projects = STARTS.replace("plans: {2019: {annual: 100}}", "plans: {2018: {annual: 80}, 2019: {annual: 100}}", 1)
    projects += """\
- id: F
  name: 上年项目
  level: county
  category: 乡村振兴
  total_investment: 900
  start: {actual: 2018-07-01}
  plans: {2018: {annual: 500}}
  progress:
    - {month: 2018-03, invested: 40}
"""
    projects = projects.replace("  plans: {2018: {annual: 80}, 2019: {annual: 100}}\n",
                                "  plans: {2018: {annual: 80}, 2019: {annual: 100}}\n"
                                "  progress:\n    - {month: 2018-06, invested: 10}\n    - {month: 2019-02, invested: 30}\n")
    f = status(ledger_of(tmp_path, projects), "2019-05-31")
    # 2018's list as of 2018-05-31: A (started 2018-06-01: not yet) and F (07-01: not yet): 0 of 2.
    assert f.yoy["start_rate"] == 0
    assert f.yoy["start_rate_pp"] == (Decimal(2) / 4 - 0) * 100
    # completed Jan-May: 2019 has A's 30; 2018 had F's 40 (A's June 10 is after 2018-05-31).
    assert f.yoy["completed_ytd"] == 40
    assert f.yoy["completed_ytd_growth"] == Decimal(30) / 40 - 1
    assert status(ledger_of(tmp_path / "b", STARTS), "2019-05-31").yoy is None  # no 2018 list


def test_filters_and_groups(tmp_path):
    cards = """\
- {id: R-1, leader: {name: 张三}, unit: 县发改局, person: 李四, projects: [A, B, C]}
- {id: R-2, leader: {name: 王五}, unit: 县住建局, person: 赵六, projects: [C, D]}
"""
    ledger = ledger_of(tmp_path, STARTS, cards=cards)
    period = Period(2019, D(2019, 5, 31))
    scope = m.evaluate(ledger, period)
    units = {g.key: m.figures(g.scope).projects for g in groups(scope, "unit")}
    assert units == {"县发改局": 3, "县住建局": 2}  # C is on both cards
    levels = {g.key: m.figures(g.scope).projects for g in groups(scope, "level")}
    assert list(levels) == ["city", "county"] and levels == {"city": 2, "county": 2}
    only = m.figures(m.evaluate(ledger, period, Filters(unit=("县住建局",))))
    assert only.projects == 2 and only.started == 0
    assert m.figures(m.evaluate(ledger, period, Filters(category=("社会建设",)))).four_batches["reserve"] == 1


@pytest.mark.parametrize("value,shown", [("1/80", "1.3%"), ("1/8", "12.5%"), ("101/128", "78.9%"),
                                         ("121/128", "94.5%"), ("196/222", "88.3%"), ("1/400", "0.3%")])
def test_rates_round_half_up(value, shown):
    from xmledger.reports.cells import human

    num, den = value.split("/")
    assert human(Decimal(num) / Decimal(den), "rate", "zh") == shown
