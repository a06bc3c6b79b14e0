"""Valid (or purposely broken) small ledgers that mutation starts from.

- base: tests/ledgers.py BASE, the ledger most tests build on;
- rich: a small ledger that touches every record kind and most fields (monthly plans, progress/, visits,
  hard problems with plans and escalations, resolved and closed problems, two years of lists);
- broken: tests/fixtures/broken, a ledger with one of each usual mistake;
- corpus: BASE with one file of the bad-input corpus (tests/corpus) where cases.toml puts it;
- lijin: parts of the sample ledger data/lijin: a few projects, the start of a card and of a problem file,
  chosen so that most references resolve.
"""

from __future__ import annotations

import random
import re
import sys
import tomllib
from functools import cache
from pathlib import Path

from .cases import Entry

TESTS = Path(__file__).resolve().parent.parent
REPO = TESTS.parent
LIJIN = REPO / "data" / "lijin"

RICH = {
    "ledger.yaml": """\
# 示例县重点项目台账
name: 示例县重点项目建设台账
region: 示例县
scope: county
unit: 万元
language: zh
categories: [新旧动能转换, 乡村振兴, 城建及基础设施]
sla: {general_days: 5, hard_plan_days: 2}
warnings: {yellow_below: 1.0, red_below: 0.8, red_late_start_days: 30}
calendar:
  extra_holidays: [2019-05-06]
  extra_workdays: [2019-05-11]
ranking:
  weights: {start_rate: 0.25, plan_completion_rate: 0.35, on_schedule_rate: 0.2, resolution_rate: 0.2}
visits: {per_week: 1}
escalation_levels: [首席服务官协调, 县区周例会研究, 市直部门专题破解, 市级周例会重点攻坚, 市党政联席会统筹推动]
""",
    "projects/城关镇/SL2019-001.yaml": """\
id: SL2019-001
name: 绿竹韵共享生态苑项目
level: county
category: 乡村振兴
owner: 示例县绿竹韵生态农业有限公司
location: 城关镇
nature: new
content: 有机无土栽培农光互补大棚种植区、研学拓展训练区等七大功能区
land_mu: 332
total_investment: 7000
prior_investment: 0
introduced: true
tags: [四保白名单, 省市县联动]
start: {planned: 2019-03-01, actual: 2019-03-15}
completion: {planned: 2020-12-31}
operation: {planned: 2021-03-01}
milestones:
  - {name: 立项, planned: 2019-01-10, actual: 2019-01-15}
  - {name: 施工许可, planned: 2019-02-20, actual: 2019-02-25}
plans:
  2019:
    annual: 3000
    monthly: {3: 300, 4: 400, 5: 400, 6: 400, 7: 300, 8: 300, 9: 300, 10: 300, 11: 200, 12: 100}
progress:
  - {month: 2019-03, invested: 240, note: 场地平整}
  - {month: 2019-04, invested: 410, note: 大棚主体施工}
""",
    "projects/城关镇/SL2018-002.yaml": """\
id: SL2018-002
name: 城区污水管网改造工程
level: city
category: 城建及基础设施
location: 城关镇
total_investment: "1.2亿元"
prior_investment: 1500
start: {planned: 2018-04-01, actual: 2018-04-20}
completion: {planned: 2019-10-31}
plans:
  2018:
    annual: 5000
  2019:
    annual: 4500.5
    monthly: {1: 300, 2: 300, 3: 500, 4: 500, 5: 600, 6: 600, 7: 500, 8: 400, 9: 400, 10: 400.5}
progress:
  - {month: 2018-05, invested: 800, note: 管网开挖}
  - {month: 2018-09, invested: 2600}
  - {month: 2019-01, invested: 280}
  - {month: 2019-02, invested: 120, note: 春节停工}
  - {month: 2019-03, invested: 510}
""",
    "projects/谋划储备.yaml": """\
- id: SL2019-003
  name: 智能制造产业园
  level: province
  category: 新旧动能转换
  location: 经济开发区
  total_investment: 150000
  pool: reserve
- id: SL2019-004
  name: 乡村振兴示范片区
  level: county
  category: 乡村振兴
  location: 北岭乡
  total_investment: 3000
  start: {planned: 2019-04-15}
  plans:
    2019: {annual: 1200}
""",
    "progress/2019-05.yaml": """\
- {project: SL2019-001, month: 2019-05, invested: 380, note: 大棚主体施工, reported_on: 2019-06-03, source: 城关镇}
- {project: SL2018-002, month: 2019-04, invested: "0.05亿元", source: 县住建局}
""",
    "responsibilities/张三.yaml": """\
id: R-01
leader: {name: 张三, title: 副县长}
unit: 县发改局
person: 李四
deputy: 王五
projects: [SL2019-001, SL2019-004]
duties: [approval_start, financing, environment, progress_quality, completion]
visits:
  - {date: 2019-05-06, project: SL2019-001, hours: 4, note: 协调用地}
  - {date: 2019-05-20, project: SL2019-004, hours: 2.5}
""",
    "responsibilities/赵六.yaml": """\
- id: R-02
  leader: {name: 赵六, title: 县委常委}
  unit: 县住建局
  person: 钱七
  projects: [SL2018-002]
  duties: [progress_quality]
  visits:
    - {date: 2019-04-29, project: SL2018-002, hours: 3, note: 现场办公}
""",
    "issues/2019/2019-04.yaml": """\
# 2019年4月问题清单
- id: Q2019-0001
  project: SL2019-001
  category: land
  title: 征地资金暂未到位
  raised: 2019-04-01
  reporter: 项目业主
  difficulty: general
  assignee: {unit: 县自然资源局, person: 王五}
  assigned: 2019-04-02
  resolved: 2019-04-08
  resolution: 县政府多方筹资400万元先予垫付
  closed: 2019-04-09
  feedback: 企业满意
- id: Q2019-0002
  project: SL2018-002
  category: demolition
  title: 部分沿街商户拆迁补偿未谈妥
  detail: 涉及商户12户
  raised: 2019-04-10
  difficulty: hard
  assignee: {unit: 城关镇人民政府, person: 孙八}
  plan: {date: 2019-04-12, due: 2019-05-30, text: 分户协商、依法评估}
  escalations:
    - {level: 1, date: 2019-04-15, note: 首席服务官协调}
    - {level: 2, date: 2019-04-22}
- id: Q2019-0003
  project: SL2019-004
  category: approval
  title: 施工许可证办理进度慢
  raised: 2019-04-28
  difficulty: general
  assignee: {unit: 县行政审批服务局}
""",
    "issues/2018.yaml": """\
- id: Q2018-0001
  project: SL2018-002
  category: funding
  title: 配套资金缺口较大
  raised: 2018-11-05
  difficulty: hard
  assignee: {unit: 县财政局, person: 蒋春雷}
  due: 2018-12-31
""",
}


def _base() -> dict[str, str]:
    if str(TESTS) not in sys.path:
        sys.path.insert(0, str(TESTS))
    from ledgers import BASE

    return dict(BASE)


def _entries(files: dict[str, str | bytes]) -> list[Entry]:
    return [Entry(path, "file", data if isinstance(data, bytes) else data.encode("utf-8"))
            for path, data in files.items()]


@cache
def corpus() -> list[tuple[str, str, bytes]]:
    """(name, where it goes, bytes) of each file of the bad-input corpus."""
    folder = TESTS / "corpus"
    cases = tomllib.loads((folder / "cases.toml").read_text(encoding="utf-8"))
    out = []
    for name, spec in sorted(cases.items()):
        path = folder / f"{name}.yaml"
        if path.exists():
            out.append((name, spec["at"], path.read_bytes()))
    return out


@cache
def folder_files(root: Path) -> tuple[tuple[str, bytes], ...]:
    return tuple(sorted((p.relative_to(root).as_posix(), p.read_bytes())
                        for p in root.rglob("*") if p.is_file()))


def lijin_part(rng: random.Random) -> list[Entry]:
    files = dict(folder_files(LIJIN))
    by_id = {Path(p).stem: p for p in files if p.startswith("projects/")}
    chosen: dict[str, bytes] = {"ledger.yaml": files["ledger.yaml"]}
    cards = [p for p in files if p.startswith("responsibilities/")]
    problems = [p for p in files if p.startswith("issues/")]
    for path in rng.sample(cards, rng.randint(0, 2)):
        chosen[path] = _head(files[path], rng.randint(8, 40))
    for path in rng.sample(problems, rng.randint(0, 2)):
        chosen[path] = _head(files[path], rng.randint(10, 60))
    wanted = set(re.findall(r"LJ20[0-9]{2}-[0-9]{3}", b"".join(chosen.values()).decode("utf-8")))
    ids = sorted(i for i in wanted if i in by_id)
    ids = rng.sample(ids, min(len(ids), 6)) + rng.sample(sorted(by_id), rng.randint(1, 3))
    for i in ids:
        chosen[by_id[i]] = files[by_id[i]]
    return _entries(chosen)


def _head(data: bytes, lines: int) -> bytes:
    """The first lines of a list file, cut before an item of the top list, so that it stays a list of whole
    records (nested one-line items may be cut anywhere)."""
    all_lines = data.split(b"\n")
    if len(all_lines) <= lines:
        return data
    cut = lines
    while cut > 1 and not all_lines[cut].startswith((b"- ", b"  - ", b"    - ")):
        cut -= 1
    return b"\n".join(all_lines[:cut]) + b"\n"


def pick_seed(rng: random.Random) -> tuple[str, list[Entry]]:
    r = rng.random()
    if r < 0.25:
        return "base", _entries(_base())
    if r < 0.5:
        return "rich", _entries(RICH)
    if r < 0.58:
        return "broken", _entries(dict(folder_files(TESTS / "fixtures" / "broken")))
    if r < 0.7:
        name, at, data = rng.choice(corpus())
        files = _base()
        files[at] = data
        return f"corpus:{name}", _entries(files)
    return "lijin", lijin_part(rng)
