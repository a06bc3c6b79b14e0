"""Generate a large synthetic provincial ledger (重点项目台账) for benchmarks.

    python benchmarks/gen_ledger.py --projects N OUT_DIR [--seed S] [--force]

Writes a ledger in the format of SPEC §2-§3 for the year 2024, as of
2024-10-31: ledger.yaml; N projects under projects/<市>/<县>/ (about 80% one
per file, the rest in list files batch-NNN.yaml of 20); 3N issues in list
files of 50 (a county's issues in raised order, each file named by the month of
its first issue) under issues/<市>/<县>/<YYYY-MM>-NNN.yaml; one
responsibility card per ~20 projects in responsibilities/<市>.yaml. A non-empty
OUT_DIR is refused unless --force and it holds a ledger.yaml (then replaced).

Every project has a 2024 plan whose monthly plan sums exactly to the annual
plan and progress for 2024-01..2024-10. Every project is on exactly one card,
visits name the card's projects, issue dates are ordered and escalation levels
never go down. Amounts are kept as integer hundredths of 万元, so all sums are
exact. The output depends only on N and the seed (random.Random(seed), sorted
iteration), so two runs give identical bytes. Standard library only; the YAML
text is written directly, strings quoted whenever YAML 1.1 could misread them.
Benchmarks import generate(out_dir, projects, seed) and edit_one_file(out_dir).
"""
from __future__ import annotations

import argparse
import functools
import json
import random
import re
import shutil
import sys
from collections import Counter
from datetime import date
from decimal import Decimal
from pathlib import Path

YEAR = 2024
AS_OF = date(2024, 10, 31)          # nothing in the ledger happens after this
LAST = AS_OF.toordinal()
BATCH_SHARE, BATCH_SIZE, ISSUES_PER_FILE, CARD_SIZE = 0.2, 20, 50, 20

CITIES = [  # city, id code, counties / districts / development zones
    ("济南市", "JN", "历下区 槐荫区 天桥区 历城区 长清区 章丘区 济阳区 莱芜区"),
    ("青岛市", "QD", "市南区 市北区 黄岛区 崂山区 城阳区 即墨区 胶州市 平度市"),
    ("淄博市", "ZB", "张店区 淄川区 博山区 临淄区 周村区 桓台县 高青县 沂源县"),
    ("枣庄市", "ZZ", "市中区 薛城区 峄城区 台儿庄区 山亭区 滕州市 枣庄高新区"),
    ("东营市", "DY", "东营区 河口区 垦利区 利津县 广饶县 东营经济技术开发区 东营港经济开发区"),
    ("烟台市", "YT", "芝罘区 福山区 牟平区 莱山区 蓬莱区 龙口市 莱阳市 招远市"),
    ("潍坊市", "WF", "潍城区 寒亭区 坊子区 奎文区 青州市 诸城市 寿光市 高密市"),
    ("济宁市", "JNG", "任城区 兖州区 曲阜市 邹城市 微山县 鱼台县 金乡县 嘉祥县"),
    ("泰安市", "TA", "泰山区 岱岳区 新泰市 肥城市 宁阳县 东平县 泰安高新区"),
    ("威海市", "WH", "环翠区 文登区 荣成市 乳山市 威海经济技术开发区 威海火炬高新区"),
    ("日照市", "RZ", "东港区 岚山区 五莲县 莒县 日照经济技术开发区 日照高新区"),
    ("临沂市", "LY", "兰山区 罗庄区 河东区 沂南县 郯城县 沂水县 兰陵县 费县"),
    ("德州市", "DZ", "德城区 陵城区 禹城市 乐陵市 临邑县 平原县 夏津县 武城县"),
    ("聊城市", "LC", "东昌府区 茌平区 临清市 阳谷县 莘县 东阿县 冠县 高唐县"),
    ("滨州市", "BZ", "滨城区 沾化区 邹平市 惠民县 阳信县 无棣县 博兴县 北海经济开发区"),
    ("菏泽市", "HZ", "牡丹区 定陶区 曹县 单县 成武县 巨野县 郓城县 鄄城县"),
]
COUNTIES = [(city, code, c) for city, code, cs in CITIES for c in cs.split()]

KINDS = [  # category (as in the seed articles), subjects, objects, built by an enterprise?
    ("新旧动能转换", "新材料 高端装备 智能制造 汽车零部件 精细化工 电子信息 生物医药", "产业园 生产基地 智能工厂 研发中心", True),
    ("乡村振兴", "现代农业 田园综合体 冷链物流 农产品加工 智慧农业 生态养殖", "产业园 示范区 基地 综合体", True),
    ("城建及基础设施", "城区道路 污水处理 供热管网 老旧小区 雨污分流 综合管廊", "改造工程 建设工程 提升工程", False),
    ("社会建设", "全民健身中心 人民医院 中学 养老服务中心 职业教育中心 文化中心", "新建工程 扩建工程", False),
    ("现代服务业", "现代物流 商贸 文化旅游 数字经济 会展 康养", "园区 综合体 中心 小镇", True),
]
KINDS = [(cat, s.split(), o.split(), ent) for cat, s, o, ent in KINDS]
BRANDS = "鲁信 华泰 宏远 恒通 鑫源 海科 金岭 瑞丰 齐鲁 泰和 盛世 新华 永兴 德润 万达 中航 宏达 晨阳".split()
PHASES = ["", "", "一期", "二期", "三期"]
NOTES = ("场地平整 桩基施工 基础施工 主体结构施工 主体封顶 二次结构施工 设备采购 "
         "设备安装 装饰装修 室外配套施工 设备调试 试运行").split()
SURNAMES = "王 李 张 刘 陈 杨 赵 黄 周 吴 徐 孙 马 朱 胡 郭 何 高 林 郑 梁 宋 韩 冯 于 董".split()
GIVEN = "伟 芳 娜 敏 静 强 磊 军 洋 勇 艳 杰 涛 明 超 霞 平 刚 红 建国 志强 海涛 永庆 晓东 立新 春雷".split()
DEPTS = "发展和改革局 工业和信息化局 住房和城乡建设局 商务局 农业农村局 交通运输局".split()
VISIT_NOTES = "现场调度 协调用地 协调资金 督导进度 解决施工难题 督查安全生产".split()
ISSUE_TYPES = {  # category: (assignee department, titles, plan text)
    "funding": ("财政局", "项目建设资金紧张 专项债券资金未到位 银行贷款审批进度慢", "协调金融机构分期放贷"),
    "land": ("自然资源局", "用地指标不足 土地征收进度滞后 不动产权证办理缓慢", "优先保障用地指标"),
    "energy": ("发展和改革局", "用能指标不足 节能审查未完成", "统筹调剂用能指标"),
    "emissions": ("生态环境分局", "主要污染物排放指标缺口 排污许可办理缓慢", "区域内调剂排放指标"),
    "water": ("水利局", "取水许可办理缓慢 用水指标不足", "并联办理取水许可"),
    "approval": ("行政审批服务局", "施工许可证办理缓慢 规划许可手续未完成 环评批复未取得", "实行容缺受理并联审批"),
    "demolition": ("住房和城乡建设局", "地上附着物拆迁进度慢 拆迁补偿未达成一致", "成立工作专班入户协调"),
    "utilities": ("住房和城乡建设局", "供电线路未接入 燃气管道配套滞后 供水管网未接通", "协调专营单位加快配套"),
    "environment": ("公安局", "周边群众阻工 施工道路未贯通", "属地街道牵头化解矛盾"),
    "other": ("人力资源和社会保障局", "技术工人用工短缺 原材料价格上涨", "组织专场招聘会"),
}
ISSUE_CATS = list(ISSUE_TYPES)
LEVEL_NOTES = ["首席服务官协调", "提交县区周例会研究", "市直部门专题破解", "市级周例会重点攻坚", "市党政联席会统筹推动"]

_BASE = date(2020, 1, 1).toordinal()
_DATES = [date.fromordinal(_BASE + i).isoformat() for i in range(366 * 8)]
_PLAIN = re.compile(r"[\u4e00-\u9fff][\u4e00-\u9fff\uff08\uff09\uff0c\u3001A-Za-z0-9.%]*")


def ds(ordinal: int) -> str:
    """The ISO date of a day ordinal (fast table lookup)."""
    return _DATES[ordinal - _BASE]


def od(month: int, day: int = 1) -> int:
    return date(YEAR, month, day).toordinal()


@functools.cache
def q(s: str) -> str:
    """A YAML scalar for s: plain when it starts with a CJK character and holds
    no YAML indicator (so no YAML 1.1 type can match), else double-quoted."""
    return s if _PLAIN.fullmatch(s) else json.dumps(s, ensure_ascii=False)


def amt(c: int) -> str:
    """An amount given in hundredths of the ledger unit: 123450 -> 1234.5."""
    whole, frac = divmod(c, 100)
    return str(whole) if not frac else f"{whole}.{frac:02d}".rstrip("0")


def name(r: random.Random) -> str:
    return r.choice(SURNAMES) + r.choice(GIVEN)


def short(county: str) -> str:
    """利津县 -> 利津, for company names; zones and two-character names stay."""
    return county[:-1] if len(county) in (3, 4) and county[-1] in "县区市" else county


def split(r: random.Random, total: int, n: int, g: int) -> list[int]:
    """Split total (a multiple of g) into n non-negative multiples of g, exactly."""
    weights = [0.6 + r.random() for _ in range(n)]
    parts = [int(w * (total // g) / sum(weights)) for w in weights]
    parts[max(range(n), key=parts.__getitem__)] += total // g - sum(parts)   # the rest to the biggest
    return [p * g for p in parts]


def project(r: random.Random, pid: str, city: str, county: str) -> list[str]:
    """The YAML lines of one project (unindented)."""
    cat, subjects, objects, enterprise = r.choice(KINDS)
    subject, obj = r.choice(subjects), r.choice(objects)
    pname = f"{city if r.random() < 0.5 else ''}{county}{subject}{obj}{r.choice(PHASES)}项目"
    level = r.choices(("province", "city", "county"), (15, 35, 50))[0]
    g = r.choice((100, 100, 100, 100, 100, 100, 100, 10, 10, 1))     # granularity
    total = int(round({"province": 60000, "city": 15000, "county": 4000}[level] * 2 ** (r.random() * 3.3), -2))
    if enterprise:
        owner = f"{short(county)}{r.choice(BRANDS)}{subject}有限公司"
        content = f"新建{subject}{obj}，总建筑面积{r.randint(2, 40)}万平方米，购置设备{r.randint(20, 400)}台（套）"
    else:
        owner = f"{county}{r.choice(('城市建设投资集团有限公司', '住房和城乡建设局', '城市更新发展有限公司'))}"
        content = f"实施{subject}{obj}，建设内容包括主体工程及配套附属设施{r.randint(2, 12)}项"
    continuing = r.random() < 0.6
    if continuing:                  # 续建: started in 2022-2023
        s_plan = od(1, 1) - r.randint(40, 700)
        s_act = s_plan + r.randint(0, 30)
        annual = round(total * 100 * (0.15 + 0.25 * r.random())) // g * g
        completing = r.random() < 0.15
        c_plan = od(r.randint(6, 12), 28) if completing else od(12, 31) + r.randint(60, 900)
        prior = max(0, total * 100 - annual * 5 // 4) // g * g if completing else \
            round(total * 100 * (0.1 + 0.35 * r.random())) // g * g
        first, note_i = 1, r.randint(2, 6)
    else:                           # 新开工: planned to start in 2024-01..2024-09
        s_plan = od(r.randint(1, 9), r.choice((1, 10, 15, 20)))
        s_act = s_plan + r.randint(0, 45) if r.random() < 0.85 else None     # else a late start
        s_act = s_act if s_act and s_act <= LAST else None
        annual = round(total * 100 * (0.2 + 0.3 * r.random())) // g * g
        completing, c_plan = False, od(12, 31) + r.randint(120, 900)
        prior, first, note_i = 0, int(ds(s_plan)[5:7]), 0
    end = int(ds(c_plan)[5:7]) if completing else 12
    plan = dict(zip(range(first, end + 1), split(r, annual, end - first + 1, g)))
    c_act = None
    if completing and c_plan <= LAST and r.random() < 0.6:
        c_act = min(LAST, c_plan + r.randint(-10, 15))
    started_m = int(ds(s_act)[5:7]) if s_act and s_act >= od(1) else (1 if s_act else 13)
    done_m = int(ds(c_act)[5:7]) if c_act else 13
    perf = r.choice((1.1, 1.0, 1.0, 0.95, 0.9, 0.75))
    lines = [f"id: {pid}", f"name: {q(pname)}", f"level: {level}", f"category: {q(cat)}",
             f"owner: {q(owner)}", f"location: {q(county)}",
             f"nature: {r.choice(('new', 'new', 'expansion', 'renovation'))}", f"content: {q(content)}"]
    if enterprise:
        lines.append(f"land_mu: {r.randint(20, 900)}")
    lines.append(f"total_investment: {amt(total * 100)}")
    if prior:
        lines.append(f"prior_investment: {amt(prior)}")
    if enterprise:
        lines.append(f"introduced: {'true' if r.random() < 0.4 else 'false'}")
    lines.append(f"start: {{planned: {ds(s_plan)}" + (f", actual: {ds(s_act)}}}" if s_act else "}"))
    lines.append(f"completion: {{planned: {ds(c_plan)}" + (f", actual: {ds(c_act)}}}" if c_act else "}"))
    if enterprise and r.random() < 0.5:
        lines.append(f"operation: {{planned: {ds(c_plan + r.randint(30, 120))}}}")
    lines += ["plans:", f"  {YEAR}:", f"    annual: {amt(annual)}",
              "    monthly: {" + ", ".join(f"{m}: {amt(c)}" for m, c in plan.items()) + "}", "progress:"]
    for m in range(1, AS_OF.month + 1):         # progress 2024-01 .. 2024-10
        if m < started_m or m > done_m or m not in plan:
            inv, note = 0, "竣工验收" if m > done_m or m > end else "前期手续办理"
        else:
            inv = round(plan[m] * perf * (0.85 + 0.3 * r.random()) / g) * g
            note = NOTES[min(note_i, len(NOTES) - 1)]
            note_i += r.random() < 0.6
        lines.append(f"  - {{month: {YEAR}-{m:02d}, invested: {amt(inv)}, note: {q(note)}}}")
    return lines


def issue(r: random.Random, iid: str, pid: str, county: str) -> tuple[int, list[str]]:
    """(raised day ordinal, YAML lines) of one issue."""
    cat = r.choice(ISSUE_CATS)
    dept, titles, plan_text = ISSUE_TYPES[cat]
    raised = od(1, 2) + r.randint(0, LAST - od(1, 2))
    hard = r.random() < 0.25
    lines = [f"id: {iid}", f"project: {pid}", f"category: {cat}", f"title: {q(r.choice(titles.split()))}",
             f"raised: {ds(raised)}"]
    if r.random() < 0.5:
        lines.append("reporter: 项目业主")
    assigned = raised + r.randint(0, 2)
    lines += [f"difficulty: {'hard' if hard else 'general'}",
              f"assignee: {{unit: {q(county + dept)}, person: {q(name(r))}}}"]
    if assigned <= LAST:
        lines.append(f"assigned: {ds(assigned)}")
    resolved = assigned + (r.randint(5, 70) if hard else r.randint(0, 10))
    if r.random() < 0.2 or resolved > LAST:
        resolved = None             # still open
    if hard and raised + 1 <= LAST:
        p_date = min(raised + r.randint(1, 3), LAST, resolved or LAST)
        lines.append(f"plan: {{date: {ds(p_date)}, due: {ds(p_date + r.randint(20, 60))}, text: {q(plan_text)}}}")
    if hard and r.random() < 0.5:
        level, when, esc = r.randint(1, 2), raised, []
        for _ in range(r.randint(1, 3)):
            when = min(when + r.randint(3, 15), resolved or LAST)
            esc.append(f"  - {{level: {level}, date: {ds(when)}, note: {q(LEVEL_NOTES[level - 1])}}}")
            level = min(5, level + r.randint(0, 1))
        lines += ["escalations:"] + esc
    if resolved:
        lines += [f"resolved: {ds(resolved)}", f"resolution: {q('已' + plan_text + '，问题解决')}"]
        closed = resolved + r.randint(0, 5)
        if closed <= LAST and r.random() < 0.75:
            lines += [f"closed: {ds(closed)}", f"feedback: {r.choice(('企业满意', '企业满意', '基本满意'))}"]
    return raised, lines


def card(r: random.Random, rid: str, county: str, pids: list[str]) -> list[str]:
    """The YAML lines of one responsibility card."""
    zone = county.endswith(("开发区", "高新区"))
    title = "管委会副主任" if zone else {"县": "副县长", "区": "副区长", "市": "副市长"}[county[-1]]
    lines = [f"id: {rid}", f"leader: {{name: {q(name(r))}, title: {q(title)}}}",
             f"unit: {q(county + r.choice(DEPTS))}", f"person: {q(name(r))}", f"deputy: {q(name(r))}",
             f"projects: [{', '.join(pids)}]", "visits:"]
    for day in sorted(r.sample(range(od(1, 8), LAST + 1), r.randint(2, 4))):
        lines.append(f"  - {{date: {ds(day)}, project: {r.choice(pids)}, hours: {r.randint(2, 8)}, "
                     f"note: {q(r.choice(VISIT_NOTES))}}}")
    return lines


def as_list(records: list[list[str]]) -> str:
    """A YAML sequence of block mappings, given each record's lines."""
    out = []
    for lines in records:
        out.append("- " + lines[0])
        out.extend("  " + line for line in lines[1:])
    return "\n".join(out) + "\n"


def generate(out_dir: Path, projects: int, seed: int = 1, *, force: bool = False) -> dict:
    """Write the ledger into out_dir; return counts of what was written."""
    out_dir = Path(out_dir)
    if out_dir.exists() and any(out_dir.iterdir()):
        if not force or not (out_dir / "ledger.yaml").is_file():
            raise FileExistsError(f"{out_dir} is not empty (use --force on a ledger made by this script)")
        for sub in ("projects", "issues", "responsibilities"):
            shutil.rmtree(out_dir / sub, ignore_errors=True)
    r = random.Random(seed)
    counts = {"files": 0, "projects": projects, "issues": 0, "responsibilities": 0, "bytes": 0}
    made: set[Path] = set()

    def write(rel: str, text: str) -> None:
        path = out_dir / rel
        if path.parent not in made:
            path.parent.mkdir(parents=True, exist_ok=True)
            made.add(path.parent)
        counts["files"] += 1
        counts["bytes"] += path.write_bytes(text.encode("utf-8"))

    write("ledger.yaml", "name: 山东省重点项目台账(合成)\nregion: 山东省\nscope: province\nunit: 万元\n")
    by_county: dict[int, list[str]] = {i: [] for i in range(len(COUNTIES))}
    batched: dict[int, list[list[str]]] = {i: [] for i in range(len(COUNTIES))}
    issues: dict[int, list[tuple[int, int, list[str]]]] = {i: [] for i in range(len(COUNTIES))}
    for n in range(1, projects + 1):
        k = r.randrange(len(COUNTIES))
        city, code, county = COUNTIES[k]
        pid = f"{code}{YEAR}-{n:06d}"
        lines = project(r, pid, city, county)
        by_county[k].append(pid)
        if r.random() < BATCH_SHARE:
            batched[k].append(lines)
        else:
            write(f"projects/{city}/{county}/{pid}.yaml", "\n".join(lines) + "\n")
        for _ in range(3):
            counts["issues"] += 1
            raised, ilines = issue(r, f"Q{YEAR}-{counts['issues']:06d}", pid, county)
            issues[k].append((raised, counts["issues"], ilines))
    for k, (city, _code, county) in enumerate(COUNTIES):
        recs = batched[k]
        for b in range(0, len(recs), BATCH_SIZE):
            write(f"projects/{city}/{county}/batch-{b // BATCH_SIZE + 1:03d}.yaml", as_list(recs[b:b + BATCH_SIZE]))
        recs, seq = sorted(issues[k]), Counter()   # by raised date; a file is named by its first month
        for b in range(0, len(recs), ISSUES_PER_FILE):
            month = ds(recs[b][0])[:7]
            seq[month] += 1
            write(f"issues/{city}/{county}/{month}-{seq[month]:03d}.yaml",
                  as_list([lines for _, _, lines in recs[b:b + ISSUES_PER_FILE]]))
    for city, code, _ in CITIES:  # cards run through a city's counties; leader and unit: first project's
        tagged = [(county, pid) for k, (c, _, county) in enumerate(COUNTIES) if c == city for pid in by_county[k]]
        recs = []
        for b in range(0, len(tagged), CARD_SIZE):
            chunk = tagged[b:b + CARD_SIZE]
            recs.append(card(r, f"R-{code}-{len(recs) + 1:04d}", chunk[0][0], [pid for _, pid in chunk]))
        if recs:
            counts["responsibilities"] += len(recs)
            write(f"responsibilities/{city}.yaml", as_list(recs))
    return counts


def edit_one_file(out_dir: Path) -> Path:
    """Add 1 to the last non-zero progress `invested` (else the last one) of the
    first single-project file in sorted order; the ledger stays valid."""
    path = min(p for p in (Path(out_dir) / "projects").rglob("*.yaml") if not p.name.startswith("batch-"))
    text = path.read_text(encoding="utf-8")
    m = re.match(r"(?s)(.*invested: )([1-9][\d.]*|0\.\d+)", text) or re.match(r"(?s)(.*invested: )(0)", text)
    path.write_text(f"{m[1]}{Decimal(m[2]) + 1}{text[m.end():]}", encoding="utf-8")
    return path


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out_dir", type=Path)
    ap.add_argument("--projects", type=int, required=True, help="number of projects (issues: 3 per project)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--force", action="store_true", help="replace a ledger this script generated before")
    args = ap.parse_args(argv)
    if args.projects < 1:
        ap.error("--projects must be at least 1")
    try:
        counts = generate(args.out_dir, args.projects, args.seed, force=args.force)
    except FileExistsError as exc:
        print(f"gen_ledger: {exc}", file=sys.stderr)
        return 2
    print(" ".join(f"{k}={v}" for k, v in counts.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
