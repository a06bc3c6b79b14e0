"""`xmledger init`: a new ledger with one commented example record of each kind.

The examples are dated relative to today (this year's plan, last months'
progress), so the new ledger passes `check` and `status` shows a project on
this year's list. Existing files are never overwritten.
"""

from __future__ import annotations

import datetime
import os
from pathlib import Path

LEDGER = """\
# 台账设置 · settings of this ledger (see `xmledger schema ledger`)
name: 示例县重点项目台账        # title used in report headings
region: 示例县                  # region name
scope: county                   # province | city | county (全省/全市/全县 in the circular)
unit: 万元                      # unit of every amount: 元 | 万元 | 亿元
language: zh                    # default output language: zh | en
categories: [新旧动能转换, 乡村振兴, 城建及基础设施, 社会建设]
sla:
  general_days: 5               # 一般问题: resolved within 5 working days
  hard_plan_days: 2             # 难题: a plan within 2 working days
warnings:
  yellow_below: 1.0             # completed / planned-to-date below this is not green
  red_below: 0.8                # ... below this is red
  red_late_start_days: 30       # a start this many days late is red
visits:
  per_week: 1                   # 每周至少深入项目现场一次
"""

PROJECT = """\
# 项目 · one key project (see `xmledger schema project`); a file may also hold a list of projects
id: XM{year}-001
name: 绿竹韵共享生态苑项目
level: county                   # province | city | county (省/市/县重点)
category: 乡村振兴               # one of the categories in ledger.yaml
owner: 示例县绿竹韵生态农业有限公司  # 建设单位
location: 城关街道               # used to group reports
nature: new                     # new | expansion | renovation | relocation
content: 有机无土栽培农光互补大棚种植区、研学拓展训练区等七大功能区
land_mu: 332
total_investment: 7000          # 总投资, in the ledger unit (or "7000万元", "0.7亿")
start: {{planned: {start_planned}, actual: {start_actual}}}
completion: {{planned: {year_next}-12-31}}
plans:                          # the project is on a year's list when plans has that year
  {year}:
    annual: {annual}                # 年度计划投资
    monthly: {{{monthly}}}
{progress}"""

RESPONSIBILITY = """\
# 项目跟踪卡 · a responsibility card (see `xmledger schema responsibility`)
id: R-01
leader: {{name: 张三, title: 副县长}}   # 包靠县领导
unit: 县发改局                         # 责任单位
person: 李四                           # 责任人
deputy: 王五                           # 分管负责人
projects: [XM{year}-001]
# duties: [approval_start, financing, environment, progress_quality, completion]  # 五包 (default: all five)
visits:                                # 深入项目现场
  - {{date: {visit}, project: XM{year}-001, hours: 4, note: 协调用地}}
"""

ISSUE = """\
# 问题 · one problem (see `xmledger schema issue`); a file may also hold a list of problems
id: Q{year}-0001
project: XM{year}-001
category: land                  # funding | land | energy | emissions | water | approval | demolition | utilities | environment | other
title: 征地资金暂未到位
raised: {raised}                # 问题收集
difficulty: general             # general (3-5 working days) | hard (a plan within 2 working days)
assignee: {{unit: 县自然资源局, person: 王五}}
assigned: {raised}              # 精准交办
# due: derived from sla.general_days when absent
resolved: {resolved}            # 办结
resolution: 县政府多方筹资先予垫付
"""


def _month_start(day: datetime.date, back: int) -> datetime.date:
    index = day.year * 12 + day.month - 1 - back
    return datetime.date(index // 12, index % 12 + 1, 1)


class ScaffoldError(Exception):
    """The new ledger cannot be made there (the reason, for the user)."""


def scaffold(directory: Path, today: datetime.date) -> list[Path]:
    """Write the example ledger into `directory`; return the files written. Refuses (ScaffoldError, nothing
    written) a folder that holds a ledger already, a target that is a file, and a place that cannot be written."""
    from .base import printable

    shown = printable(str(directory))
    try:
        if directory.exists() and not directory.is_dir():
            raise ScaffoldError(f"{shown} is a file, not a folder")
        if (directory / "ledger.yaml").exists() or (directory / "ledger.yaml").is_symlink():
            raise ScaffoldError(f"{printable(str(directory / 'ledger.yaml'))} exists already")
        directory.mkdir(parents=True, exist_ok=True)
        if not os.access(directory, os.W_OK):
            raise ScaffoldError(f"{shown} cannot be written")
    except OSError as e:
        raise ScaffoldError(f"cannot create {shown}: {e.strerror or e}") from None
    try:
        return _write(directory, today)
    except OSError as e:
        raise ScaffoldError(f"cannot write into {shown}: {e.strerror or e}") from None


def _write(directory: Path, today: datetime.date) -> list[Path]:
    year = today.year
    months = [m for m in (_month_start(today, back) for back in (2, 1, 0)) if m.year == year]
    first = _month_start(today, 2)
    plan_months = range(first.month if first.year == year else 1, 13)
    monthly = ", ".join(f"{m}: 250" for m in plan_months)
    progress = "progress: []  # one entry per month: invested = completed in that month\n"
    if months:
        progress = "progress:                       # one entry per month: invested = completed in that month\n"
        progress += "".join(f"  - {{month: {m:%Y-%m}, invested: 260, note: 主体施工}}\n" for m in months)
    raised = max(first, today - datetime.timedelta(days=40))
    files = {
        "ledger.yaml": LEDGER,
        "projects/示例项目.yaml": PROJECT.format(
            year=year, year_next=year + 1, annual=250 * len(plan_months), start_planned=first, start_actual=first + datetime.timedelta(days=5),
            monthly=monthly, progress=progress),
        "responsibilities/张三.yaml": RESPONSIBILITY.format(year=year, visit=today - datetime.timedelta(days=3)),
        "issues/示例问题.yaml": ISSUE.format(year=year, raised=raised, resolved=raised + datetime.timedelta(days=3)),
    }
    written = []
    for rel, text in files.items():
        path = directory / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.exists():
            continue
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
