"""Structure-aware generation (--structure): random but well-formed ledgers of every record kind.

The YAML is always well-formed (our own small emitter quotes and escapes whatever needs it), so the reader
gets past the syntax and the values reach validation, the metrics and the renderers. Most values are
realistic; a few are extreme: dates 0001-01-01 and 9999-12-31, amounts at and past the limits (10^15, four
decimals), Chinese and rich-markup text, spreadsheet formulas, control characters (ESC, NUL, BEL).
"""

from __future__ import annotations

import datetime
import random
import re
import unicodedata
from decimal import Decimal

from .cases import Entry

NAMES = ["绿竹韵共享生态苑项目", "城区污水管网改造工程", "智能制造产业园", "黄河公路大桥接线工程", "乡村振兴示范片区",
         "人民医院门诊综合楼", "凤凰湖公园提升改造", "农产品质量安全检测中心", "高新技术孵化器", "美丽乡村建设项目",
         "5G基站建设", "光伏发电项目（二期）", "滨海大道改造", "LNG储备站"]
PLACES = ["北宋镇", "城关镇", "明集乡", "汀罗镇", "经济开发区", "凤凰城街道", "盐窝镇"]
UNITS = ["县发改局", "县住建局", "县财政局", "县自然资源局", "县行政审批服务局", "明集乡人民政府", "县城投公司"]
PEOPLE = ["张三", "李四", "王五", "赵六", "钱七", "孙八", "周新民", "郑国庆", "欧阳晓东", "买买提·艾力"]
TITLES = ["副县长", "县委常委", "县长", "常务副县长", None]
CATEGORIES = ["新旧动能转换", "乡村振兴", "城建及基础设施", "社会建设"]
TAGS = ["四保白名单", "招商引资", "省市县联动", "双招双引"]
NOTES = ["场地平整", "主体施工", "设备安装", "竣工验收", "春节停工", "管网施工"]
ISSUE_CATEGORIES = ["funding", "land", "energy", "emissions", "water", "approval", "demolition", "utilities",
                    "environment", "other"]
DUTIES = ["approval_start", "financing", "environment", "progress_quality", "completion"]
HOSTILE = ["[/x]", "[bold red]红[/]", "[link=file:///etc/passwd]点[/link]", "<script>alert(1)</script>",
           '=HYPERLINK("http://x","点我")', "=1+1", "+1-2", "-2+3", "@SUM(A1)", "\t=1", "\r=1", "＝1+1", "＋１",
           "－1", "＠x", "\x1b[31m红\x1b[0m", "\x1b]0;标题\x07", "a\x00b", "铃\x07", "退格\x08", "\x7f", "\x85下一行",
           "\u202e反转文字", "零\u200b宽", "a\nb", "a\r\nb", "|竖线|", "`反引号`", "# 井号", "*星号*", "_下划线_",
           "长" * 2000, "😀🏗️", "e\u0301", "None", "null", "{x}", "{0}", "%s", "%(name)s", " 前后空格 ", "\u3000",
           "…", "LJ2019-001…", "\\", "'", '"', ",", ";", "a,b\nc", "ـــ", "ﷺ", "\U0001f600" * 50]
EXTREME_DATES = [datetime.date(1, 1, 1), datetime.date(9999, 12, 31), datetime.date(1900, 1, 1),
                 datetime.date(2200, 12, 31), datetime.date(2026, 12, 30), datetime.date(2027, 1, 1),
                 datetime.date(2004, 1, 1), datetime.date(2003, 12, 31), datetime.date(2020, 2, 29)]
EXTREME_AMOUNTS = ["0", "0.0001", "0.00001", "999999999999999.9999", "1000000000000000", "1E+15", "1e30",
                   "10000000000000000000000000000000000", "0.1", "99999999999999999999.99999", "-0.0001", "-1",
                   "\"9999999999亿元\"", "\"0.00000001亿元\"", "\"1元\"", "\"1,000,000万\"", ".inf", ".nan"]


class Raw(str):
    """Text to emit as is (a number, a date, a flow collection)."""


def q(text: str) -> str:
    """A YAML double-quoted scalar for any text: escapes what YAML does not allow raw."""
    out = ['"']
    for ch in text:
        cp = ord(ch)
        cat = unicodedata.category(ch)
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif cat in ("Cc", "Cs", "Co", "Cn", "Zl", "Zp") or ch == "\ufeff":
            out.append(f"\\x{cp:02x}" if cp < 0x100 else f"\\u{cp:04x}" if cp < 0x10000 else f"\\U{cp:08x}")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


_PLAIN_OK = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-.")
_LOOKS_TYPED = re.compile(r"[-+.]?[0-9][0-9_.:eE+-]*|0[xob].*|\.(inf|nan)", re.I)


def scalar(v, rng: random.Random) -> str:
    if isinstance(v, Raw):
        return str(v)
    if v is None:
        return "null"
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, Decimal)):
        return str(v)
    if isinstance(v, datetime.date):
        return v.isoformat()
    text = str(v)
    # plain when it is plainly text (CJK and letters), quoted otherwise; sometimes quoted anyway
    if text and rng.random() < 0.6 and all(c in _PLAIN_OK or unicodedata.category(c) == "Lo" for c in text) \
            and text[0] not in "-." and not _LOOKS_TYPED.fullmatch(text) and text.lower() not in ("yes", "no", "on", "off", "true", "false", "null", "y", "n"):
        return text
    return q(text)


def emit(value, rng: random.Random, indent: int = 0) -> str:
    """A mapping or list as YAML block (and sometimes flow) style."""
    pad = " " * indent
    if isinstance(value, dict):
        if not value:
            return pad + "{}\n"
        lines = []
        for k, v in value.items():
            key = str(k) if isinstance(k, (int, Raw)) or rng.random() < 0.9 else q(str(k))
            if isinstance(v, (dict, list)) and v:
                if _flat(v) and rng.random() < 0.5:
                    lines.append(f"{pad}{key}: {flow(v, rng)}\n")
                else:
                    lines.append(f"{pad}{key}:\n{emit(v, rng, indent + 2)}")
            else:
                lines.append(f"{pad}{key}: {flow(v, rng) if isinstance(v, (dict, list)) else scalar(v, rng)}\n")
        return "".join(lines)
    if isinstance(value, list):
        if not value:
            return pad + "[]\n"
        out = []
        for item in value:
            if isinstance(item, dict) and item:
                if _flat(item) and rng.random() < 0.6:
                    out.append(f"{pad}- {flow(item, rng)}\n")
                else:
                    body = emit(item, rng, indent + 2)
                    out.append(pad + "- " + body[indent + 2:])
            else:
                out.append(f"{pad}- {flow(item, rng) if isinstance(item, (dict, list)) else scalar(item, rng)}\n")
        return "".join(out)
    return pad + scalar(value, rng) + "\n"


def _flat(v) -> bool:
    items = v.values() if isinstance(v, dict) else v
    return all(not isinstance(x, (dict, list)) for x in items)


def flow(v, rng: random.Random) -> str:
    if isinstance(v, dict):
        return "{" + ", ".join(f"{k if isinstance(k, int) else scalar(k, rng)}: {flow(x, rng)}" for k, x in v.items()) + "}"
    if isinstance(v, list):
        return "[" + ", ".join(flow(x, rng) for x in v) + "]"
    s = scalar(v, rng)
    if not s.startswith('"') and any(c in s for c in ",[]{}:#"):
        return q(str(v))
    return s


# ---------------------------------------------------------------- values

class Gen:
    def __init__(self, rng: random.Random, extreme: float):
        self.rng = rng
        self.extreme = extreme  # chance that a value is an extreme one
        self.year = rng.choice([2019, 2019, 2020, 2024, 2025, 2026, 2018, 2004])
        self.today = datetime.date.today()
        self.used_months: set[tuple[str, str]] = set()  # (project, month) reported already: one place each

    def month(self, year: int, month: int) -> str | None:
        """A month that may carry progress: not after the current month (unless the value is to be wild)."""
        if datetime.date(year, month, 1) > self.today and not self.wild():
            return None
        return f"{year}-{month:02d}"

    def wild(self) -> bool:
        return self.rng.random() < self.extreme

    def text(self, pool: list[str]) -> str:
        return self.rng.choice(HOSTILE) if self.wild() else self.rng.choice(pool)

    def date(self, year: int | None = None, after: datetime.date | None = None) -> datetime.date:
        if self.wild():
            return self.rng.choice(EXTREME_DATES)
        y = year or self.year + self.rng.choice([-1, 0, 0, 0, 1])
        d = datetime.date(y, self.rng.randint(1, 12), self.rng.randint(1, 28))
        if after and d < after:
            days = self.rng.randint(0, 40)
            d = after + datetime.timedelta(days=days) if after < datetime.date.max - datetime.timedelta(days=days) \
                else datetime.date.max
        return d

    def amount(self, low: int = 1, high: int = 100000) -> object:
        if self.wild():
            return Raw(self.rng.choice(EXTREME_AMOUNTS))
        r = self.rng.random()
        if r < 0.7:
            return self.rng.randint(low, high)
        if r < 0.9:
            return Decimal(self.rng.randint(low * 10000, high * 10000)) / 10000
        return f"{self.rng.randint(1, 50) / 10}亿元" if self.rng.random() < 0.5 else f"{self.rng.randint(low, high)}万"

    def ident(self, prefix: str, n: int) -> str:
        if self.wild():
            return self.rng.choice(["A" * 64, "A" * 65, "项目1", "-x", "007", "a b", "", "x/y", "1e3", "…"])
        return f"{prefix}{self.year}-{n:03d}"


def settings(g: Gen) -> dict:
    rng = g.rng
    d: dict = {"name": g.text(["示例县重点项目建设台账", "利津县重点项目台账", "XX市重大项目台账"]),
               "region": g.text(["示例县", "利津县", "滨州市", "山东省"])}
    if rng.random() < 0.5:
        d["scope"] = rng.choice(["county", "city", "province", "county", "city", "province", "district"])
    if rng.random() < 0.4:
        d["unit"] = rng.choice(["元", "万元", "亿元"])
    if rng.random() < 0.4:
        d["language"] = rng.choice(["zh", "en"])
    if rng.random() < 0.4:
        d["categories"] = rng.sample(CATEGORIES, rng.randint(1, 4))
    if rng.random() < 0.08:
        d["locations"] = PLACES if not g.wild() else rng.sample(PLACES, rng.randint(1, 5))
    if rng.random() < 0.3:
        d["sla"] = {"general_days": rng.choice([1, 3, 5, 365]), "hard_plan_days": rng.choice([1, 2, 30])}
    if rng.random() < 0.3:
        yellow, red = sorted(rng.sample(["1.0", "0.9", "0", "2", "0.8", "0.5", "1.5"], 2), key=Decimal, reverse=True)
        if g.wild():
            yellow, red = red, yellow
        d["warnings"] = {"yellow_below": Raw(yellow), "red_below": Raw(red),
                         "red_late_start_days": rng.choice([0, 1, 30, 3650])}
    if rng.random() < 0.3:
        d["calendar"] = {"extra_holidays": [g.date() for _ in range(rng.randint(0, 3))],
                         "extra_workdays": [g.date() for _ in range(rng.randint(0, 2))]}
    if rng.random() < 0.3:
        w = ["0", "0.25", "0.35", "1", "0.2", "100"] + (["1e30", "1000000000000000000000000000000", "0.0000000001"]
                                                       if g.wild() else [])
        d["ranking"] = {"weights": {k: Raw(rng.choice(w)) for k in rng.sample(
            ["start_rate", "plan_completion_rate", "on_schedule_rate", "resolution_rate"], rng.randint(1, 4))}}
    if rng.random() < 0.3:
        d["visits"] = {"per_week": rng.choice([0, 1, 2, 50])}
    if rng.random() < 0.2:
        d["escalation_levels"] = [g.text(["首席服务官协调", "县区周例会研究", "专题破解", "重点攻坚", "统筹推动"])
                                  for _ in range(5)]
    return d


def project(g: Gen, n: int, categories: list[str]) -> dict:
    rng = g.rng
    y = g.year
    p: dict = {"id": g.ident(rng.choice(["LJ", "XM", "P"]), n), "name": g.text(NAMES),
               "level": rng.choice(["county", "city", "province"]), "category": g.text(categories)}
    for k, pool in (("owner", UNITS), ("location", PLACES), ("content", NAMES)):
        if rng.random() < 0.6:
            p[k] = g.text(pool)
    if rng.random() < 0.3:
        p["nature"] = rng.choice(["new", "expansion", "renovation", "relocation"])
    if rng.random() < 0.3:
        p["land_mu"] = rng.randint(1, 5000) if not g.wild() else Raw(rng.choice(EXTREME_AMOUNTS[:9]))
    total = rng.randint(100, 500000)
    p["total_investment"] = g.amount(total, total) if not g.wild() else Raw(rng.choice(EXTREME_AMOUNTS))
    if rng.random() < 0.3:
        p["prior_investment"] = g.amount(0, total // 2)
    if rng.random() < 0.2:
        p["introduced"] = rng.random() < 0.5
    if rng.random() < 0.5:
        p["tags"] = rng.sample(TAGS, rng.randint(0, 3)) + ([g.text(TAGS)] if g.wild() else [])
    if rng.random() < 0.1:
        p["pool"] = rng.choice(["planning", "reserve"])
    else:
        planned = g.date(y + rng.choice([-2, -1, 0, 0, 0]))
        start = {"planned": planned}
        if rng.random() < 0.75:
            start["actual"] = g.date(after=planned) if rng.random() < 0.7 else g.date()
        p["start"] = start
        if rng.random() < 0.6:
            c = {"planned": g.date(y + rng.choice([0, 0, 1, 2]))}
            if rng.random() < 0.2 and "actual" in start:
                c["actual"] = g.date(y, after=start["actual"])
            p["completion"] = c
        if rng.random() < 0.2:
            p["operation"] = {"planned": g.date(y + 1)}
    if rng.random() < 0.3:
        p["milestones"] = [{"name": g.text(["立项", "用地", "环评", "施工许可"]), "planned": g.date(),
                           **({"actual": g.date()} if rng.random() < 0.5 else {})} for _ in range(rng.randint(1, 3))]
    plans: dict = {}
    years = {y, y - 1} if rng.random() < 0.6 else {y}
    if g.wild():
        years.add(rng.choice([1900, 2200, 1899, 2201]))
    for year in sorted(years):
        annual = rng.randint(10, max(11, total))
        plan: dict = {"annual": annual if not g.wild() else g.amount()}
        if rng.random() < 0.6:
            plan["monthly"] = split_months(rng, annual, exact=not g.wild())
        plans[year] = plan
    if plans and rng.random() < 0.95:
        p["plans"] = plans
    progress = []
    for m in sorted(rng.sample(range(1, 13), rng.randint(0, 12))):
        month = g.month(rng.choice([y, y, y - 1]) if plans else y, m)
        if month is None or (p["id"], month) in g.used_months:
            continue
        g.used_months.add((p["id"], month))
        progress.append({"month": Raw(month), "invested": g.amount(0, max(1, total // 12)),
                         **({"note": g.text(NOTES)} if rng.random() < 0.5 else {})})
    if progress:
        p["progress"] = progress
    return p


def split_months(rng: random.Random, annual: int, exact: bool) -> dict:
    months = sorted(rng.sample(range(1, 13), rng.randint(1, 12)))
    cuts = sorted(rng.randint(0, annual) for _ in range(len(months) - 1))
    parts = [b - a for a, b in zip([0] + cuts, cuts + [annual])]
    if not exact:
        parts[-1] += rng.choice([1, -1, 100])
    return {m: max(part, 0) for m, part in zip(months, parts)}


def card(g: Gen, n: int, ids: list[str]) -> dict:
    rng = g.rng
    chosen = rng.sample(ids, rng.randint(1, min(4, len(ids)))) if ids else ["NOPE-1"]
    if g.wild():
        chosen.append(rng.choice(["NOPE-1", chosen[0]]))
    c: dict = {"id": f"R-{n:02d}" if not g.wild() else g.ident("R", n),
               "leader": {"name": g.text(PEOPLE), **({"title": t} if (t := rng.choice(TITLES)) else {})},
               "unit": g.text(UNITS), "person": g.text(PEOPLE)}
    if rng.random() < 0.3:
        c["deputy"] = g.text(PEOPLE)
    c["projects"] = chosen
    if rng.random() < 0.3:
        c["duties"] = rng.sample(DUTIES, rng.randint(0, 5))
    if rng.random() < 0.6:
        c["visits"] = [{"date": g.date(g.year), "project": rng.choice(chosen),
                        **({"hours": Raw(rng.choice(["1", "2.5", "4", "8", "24", "0.5"] + (["0", "25", "-1"]
                                                                                          if g.wild() else [])))}
                           if rng.random() < 0.7 else {}),
                        **({"note": g.text(NOTES)} if rng.random() < 0.4 else {})}
                       for _ in range(rng.randint(1, 8))]
    return c


def issue(g: Gen, n: int, ids: list[str]) -> dict:
    rng = g.rng
    raised = g.date(g.year + rng.choice([-1, 0, 0, 0]))
    q_: dict = {"id": f"Q{g.year}-{n:04d}" if not g.wild() else g.ident("Q", n),
                "project": rng.choice(ids) if ids and not g.wild() else "NOPE-1",
                "category": rng.choice(ISSUE_CATEGORIES), "title": g.text(["征地资金暂未到位", "施工许可证办理进度慢",
                                                                           "配套资金缺口较大", "用电增容未批复"]),
                "raised": raised}
    if rng.random() < 0.3:
        q_["detail"] = g.text(NAMES)
    if rng.random() < 0.3:
        q_["reporter"] = g.text(["项目业主", "驻企服务员"])
    hard = rng.random() < 0.3
    q_["difficulty"] = "hard" if hard else "general"
    if rng.random() < 0.8:
        q_["assignee"] = {"unit": g.text(UNITS), **({"person": g.text(PEOPLE)} if rng.random() < 0.7 else {})}
    last = raised  # raised <= assigned <= resolved <= closed
    if rng.random() < 0.4:
        q_["assigned"] = last = g.date(after=raised) if not g.wild() else g.date()
    if rng.random() < 0.15:
        q_["due"] = g.date(after=raised)
    if hard and rng.random() < 0.6:
        pd = g.date(after=raised)
        q_["plan"] = {"date": pd, "due": g.date(after=pd), **({"text": g.text(NAMES)} if rng.random() < 0.5 else {})}
    if rng.random() < 0.3:
        level, day, esc = 1, raised, []
        for _ in range(rng.randint(1, 4)):
            level = min(5, level + rng.choice([0, 1, 1, 2])) if not g.wild() else rng.randint(0, 6)
            day = g.date(after=day)
            esc.append({"level": level, "date": day})
        q_["escalations"] = esc
    if rng.random() < 0.6:
        resolved = g.date(after=last)
        q_["resolved"] = resolved
        if rng.random() < 0.5:
            q_["resolution"] = g.text(NOTES)
        if rng.random() < 0.6:
            q_["closed"] = g.date(after=resolved)
            if rng.random() < 0.5:
                q_["feedback"] = g.text(["企业满意", "基本满意"])
    return q_


def report(g: Gen, ids: list[str]) -> dict | None:
    rng = g.rng
    pid = rng.choice(ids) if ids else "NOPE-1"
    month = g.month(g.year + rng.choice([0, 0, -1]), rng.randint(1, 12))
    if month is None or ((pid, month) in g.used_months and not g.wild()):
        return None
    g.used_months.add((pid, month))
    r: dict = {"project": pid, "month": Raw(month), "invested": g.amount(0, 5000)}
    if rng.random() < 0.5:
        r["note"] = g.text(NOTES)
    if rng.random() < 0.3:
        r["reported_on"] = g.date()
    if rng.random() < 0.3:
        r["source"] = g.text(UNITS)
    return r


def ledger(rng: random.Random, extreme: float | None = None) -> tuple[str, list[Entry]]:
    """A random, well-formed ledger: (origin, entries). Half of them have no extreme value at all."""
    if extreme is None:
        extreme = rng.choice([0, 0, 0.02, 0.08])
    g = Gen(rng, extreme)
    files: dict[str, str] = {}
    s = settings(g)
    files["ledger.yaml"] = emit(s, rng)
    categories = s.get("categories") or CATEGORIES
    projects = [project(g, i + 1, categories) for i in range(rng.randint(1, 10))]
    ids = [p["id"] for p in projects]
    _spread(rng, files, "projects", projects, lambda p: p["id"], folders=PLACES)
    cards = [card(g, i + 1, ids) for i in range(rng.randint(0, 4))]
    _spread(rng, files, "responsibilities", cards, lambda c: c["leader"]["name"])
    problems = [issue(g, i + 1, ids) for i in range(rng.randint(0, 14))]
    _spread(rng, files, "issues", problems, lambda q_: str(q_["raised"])[:7], group=True)
    if rng.random() < 0.4:
        reports = [r for _ in range(rng.randint(1, 8)) if (r := report(g, ids))]
        _spread(rng, files, "progress", reports, lambda r: str(r["month"]), group=True)
    return f"structure (year {g.year}, extremes {extreme})", [Entry(p, "file", t.encode("utf-8")) for p, t in files.items()]


def _spread(rng, files, folder, records, name_of, folders=None, group=False):
    """Records into files: one per file, or lists (by a key when `group`)."""
    if not records:
        return
    if group or rng.random() < 0.4:
        buckets: dict[str, list] = {}
        for rec in records:
            buckets.setdefault(_safe(name_of(rec)) if group else "all", []).append(rec)
        for name, recs in buckets.items():
            files[f"{folder}/{name}.yaml"] = emit(recs, rng)
        return
    for i, rec in enumerate(records):
        sub = f"{rng.choice(folders)}/" if folders and rng.random() < 0.5 else ""
        files[f"{folder}/{sub}{_safe(name_of(rec))}-{i}.yaml"] = ("# " + rng.choice(NAMES) + "\n" if rng.random() < 0.3
                                                                  else "") + emit(rec, rng)


def _safe(name: str) -> str:
    name = "".join(c for c in str(name) if c.isalnum() or c in "-_")[:40]
    return name or "x"
