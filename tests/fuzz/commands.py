"""Random command lines for a case: which commands, with which options, in which environment.

Option values come mostly from the ledger itself (its ids, categories, places, units, leaders, years), so that
filters match and reports go deep; sometimes they are hostile (years 1 and 10^20, an empty --as-of, ids that
do not exist). A run may get a twin: the same command again with one twist, whose result must agree.
"""

from __future__ import annotations

import random
import re
from collections import Counter

from .cases import Case, Command

# name, weight
COMMANDS = [("check", 2.0), ("status", 2.0), ("starts", 1.0), ("completion", 1.0), ("progress", 1.5),
            ("show", 1.0), ("summary", 2.0), ("issues", 2.0), ("leaders", 1.5), ("rank", 1.5), ("init", 0.15),
            ("schema", 0.1), ("explain", 0.3), ("export", 0.5)]
GIT_COMMANDS = [("diff", 4.0)]  # only where the ledger is a git repository
REPORTS = {"status", "starts", "completion", "progress", "show", "summary", "issues", "leaders", "rank", "diff",
           "explain", "export"}
FORMATS = ["table", "plain", "text", "markdown", "csv", "tsv", "json", "html"]
FIGURES = ["", "start_rate", "issues.overdue", "开工率", "plan completion rate", "double_half.reached_month",
           "lights.red", "nope", "[/x]", "办结率"]
GROUPS = ["level", "category", "location", "unit", "leader"]
ISSUE_CATEGORIES = ["funding", "land", "energy", "emissions", "water", "approval", "demolition", "utilities",
                    "environment", "other", "资金", "用地", "征迁", "Land", "xx"]
LEVELS = ["county", "city", "province", "县级", "County", "xx"]
HOSTILE_TEXT = ["", " ", "[/x]", "不存在的单位", "a" * 300, "=1+1", "\u202e", "x\x1by", "*", "..", "-"]
BAD_AS_OF = ["", " ", "0001-06-30", "9999-12-31", "1899-12-31", "2201-01-01", "2019-02-30", "2019-13",
             "2019-00", "abc", "2019-5-1", "２０１９-05-31", "-1", "2019-05-31T00:00", "20190531", "1900-01",
             "2200-12", "99999-01-01"]
BAD_YEARS = ["1", "0", "-1", "99999999999999999999", "1899", "2201", "10000", "1900", "2200", "x", ""]
ENVS = [{}, {}, {}, {"LANG": "C"}, {"LANG": None}, {"LC_ALL": "C"}, {"NO_COLOR": "1"}, {"TERM": "dumb"},
        {"LANG": "zh_CN.GB18030"}, {"PYTHONIOENCODING": "ascii"}]

_FIELD = re.compile(r"(?:^|[{,\s])(id|project|projects|category|location|unit|name|tags|leader)\s*:\s*"
                    r"(\[[^\]\n]*\]|[^,{}\n#]+)", re.M)
_YEAR = re.compile(r"\b(19[0-9]{2}|20[0-9]{2}|21[0-9]{2})-[01][0-9]\b")


class Harvest:
    """What a case's files say, for option values: ids, categories, places, units, people, years."""

    def __init__(self, case: Case):
        self.values: dict[str, list[str]] = {}
        years: Counter = Counter()
        for e in case.files():
            text = e.data.decode("utf-8", "replace")
            kind = e.path.split("/", 1)[0]
            for key, value in _FIELD.findall(text):
                for v in (value.strip("[] ").split(",") if value.startswith("[") else [value]):
                    v = v.strip().strip("'\"")
                    if v and len(v) < 80:
                        self.values.setdefault(f"{kind}.{key}", []).append(v)
            years.update(int(y) for y in _YEAR.findall(text))
        self.year = years.most_common(1)[0][0] if years else 2019
        self.git = case.committed is not None
        for k in self.values:
            self.values[k] = sorted(set(self.values[k]))

    def pick(self, rng: random.Random, *keys: str, hostile: bool = False) -> str | None:
        """A value the ledger has under one of these keys; a hostile one (or None when there is none)."""
        pool = [v for k in keys for v in self.values.get(k, [])]
        if hostile and (not pool or rng.random() < 0.5):
            return rng.choice(HOSTILE_TEXT)
        return rng.choice(pool) if pool else None


def as_of(rng: random.Random, year: int, hostile: bool) -> str | None:
    r = rng.random()
    if hostile and r < 0.5:
        return rng.choice(BAD_AS_OF)
    if r < 0.12:
        return None  # today
    if r < 0.3:
        return f"{year}-{rng.randint(1, 12):02d}"
    if r < 0.4:
        return rng.choice([f"{year}-12-31", f"{year - 1}-12-31", f"{year + 1}-01-10", f"{year}-01-01"])
    if r < 0.5:
        return f"{rng.choice([1900, 2004, 2026, 2027, 2200, year - 5, year + 7])}-{rng.randint(1, 12):02d}-28"
    return f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def make_commands(rng: random.Random, case: Case, count: int, twins: float = 0.35, tamper: float = 0.1) \
        -> list[Command]:
    h = Harvest(case)
    names, weights = zip(*(COMMANDS + (GIT_COMMANDS if case.committed is not None else [])))
    out: list[Command] = []
    for _ in range(count):
        name = rng.choices(names, weights)[0]
        cmd = one_command(rng, name, h)
        out.append(cmd)
        if rng.random() < twins:
            twin = make_twin(rng, cmd)
            if twin is not None:
                out.append(twin)
    if rng.random() < tamper:
        # fill the cache, tamper with it (or edit a file under the same stat), then the cache must not lie
        from .actions import ACTIONS

        first = one_command(rng, rng.choice(["check", "status", "progress", "issues"]), h, hostile=False)
        first.args = [a for a in first.args if a != "--no-cache"]
        if "-L" not in first.args:
            first.args[1:1] = ["-L", "{L}"]
        first.stdout, first.cwd, first.env = "pipe", "{W}", {}
        after = Command(list(first.args), {}, "pipe")
        out += [first, Command([f"@{rng.choice(ACTIONS)}", str(rng.randrange(1 << 30))]), after,
                Command(after.args + ["--no-cache"], {}, "pipe", twin="cache")]
    return out


def one_command(rng: random.Random, name: str, h: Harvest, hostile: bool | None = None) -> Command:
    """A command line; one in five is hostile (a bad date, a filter nothing matches, a wrong choice)."""
    if hostile is None:
        hostile = rng.random() < 0.2
    args = [name]
    env: dict = dict(rng.choice(ENVS)) if rng.random() < 0.3 else {}
    cwd = "{W}"
    # where the ledger comes from: -L (mostly), $XMLEDGER_LEDGER, or the folder the command runs in
    where = rng.random()
    if name == "init":
        args += init_target(rng)
    elif name == "schema":
        args += rng.choice([[], ["project"], ["ledger"], ["issue"], ["responsibility"], ["progress"], ["xx"]])
    else:
        if where < 0.8:
            args += ["-L", rng.choice(["{L}", "{L}", "{L}", "{L}/ledger.yaml", "{L}/"] + ["{W}/nowhere"] * hostile)]
        elif where < 0.9:
            env["XMLEDGER_LEDGER"] = "{L}"
        else:
            cwd = rng.choice(["{L}", "{L}/projects", "{L}/issues"])
    if name == "check":
        if rng.random() < 0.2:
            args.append("--strict")
        if rng.random() < 0.15:
            args += [rng.choice(["--select", "--ignore"]), rng.choice(["E1", "W", "E0", "E302", "e1"] + ["X9"] * hostile)]
        if rng.random() < 0.5:
            args += ["--format", rng.choice(FORMATS)]
        if rng.random() < 0.3:
            args += ["--lang", rng.choice(["zh", "en"])]
        if rng.random() < 0.2:
            args.append("--no-cache")
    elif name == "explain":
        figure = rng.choice(FIGURES)
        args = [name, *([figure] if figure else []), *args[1:]]
        if rng.random() < 0.5:
            args += ["--format", rng.choice(FORMATS)]
        if rng.random() < 0.4:
            args += ["--lang", rng.choice(["zh", "en"])]
    elif name == "export":
        what = rng.choice(["csv", "sqlite", "html", "xlsx"])
        target = rng.choice(["{W}/out-" + what, "{W}/out-" + what, "{L}/ledger.yaml", "{W}", "/proc/nowhere",
                             "{W}/home/深/目录/out"])
        args = [name, what, *args[1:], "-o", target] + (["--force"] if rng.random() < 0.3 else [])
        d = as_of(rng, h.year, hostile)
        if d is not None:
            args += ["--as-of", d]
        if rng.random() < 0.4:
            args += ["--lang", rng.choice(["zh", "en"])]
        if rng.random() < 0.5:
            args.append("--allow-errors")
    elif name in REPORTS:
        args += report_options(rng, name, h, hostile)
    if h.git and name not in ("init", "schema", "diff") and rng.random() < 0.25:
        args += ["--rev", rng.choice(["HEAD", "HEAD", "HEAD~1", "nope", "HEAD:", ""])]
    stdout = "pipe"
    r = rng.random()
    if r < 0.08 and name != "init":
        stdout = "tty"
    return Command(args, env, stdout, rng.choice([40, 60, 80, 100, 120, 160, 220]), cwd)


def report_options(rng: random.Random, name: str, h: Harvest, hostile: bool) -> list[str]:
    a: list[str] = []
    d = as_of(rng, h.year, hostile)
    if d is not None:
        a += ["--as-of", d]
    if rng.random() < 0.15:
        a += ["--year", rng.choice([str(h.year), str(h.year - 1), str(h.year + 1)] + BAD_YEARS * hostile)]
    if name == "status" and rng.random() < 0.4:
        a += ["--format", "json"]  # its figures are checked against each other (execute.judge_status)
    elif rng.random() < 0.6:
        a += ["--format", rng.choice(FORMATS)]
    if rng.random() < 0.4:
        a += ["--lang", rng.choice(["zh", "en"])]
    if rng.random() < 0.5:
        a.append("--allow-errors")
    if rng.random() < 0.2:
        a.append("--no-cache")
    project_level, project_category = ("--project-level", "--project-category") if name == "issues" else \
        ("--level", "--category")
    for flag, keys, p in [(project_level, None, 0.06), (project_category, ("projects.category",), 0.1),
                          ("--location", ("projects.location",), 0.1),
                          ("--unit", ("responsibilities.unit",), 0.08),
                          ("--leader", ("responsibilities.name",), 0.08), ("--tag", ("projects.tags",), 0.06)]:
        while rng.random() < p:
            v = rng.choice(LEVELS[:3] + LEVELS[3:] * hostile) if keys is None else h.pick(rng, *keys, hostile=hostile)
            if v is not None:
                a += [flag, v]
    if name in ("status", "starts", "completion") and rng.random() < 0.5:
        a += ["--by", rng.choice(GROUPS + ["xx"] * hostile)]
    elif name == "leaders" and rng.random() < 0.5:
        a += ["--by", rng.choice(["unit", "leader"] + ["location"] * hostile)]
    elif name == "rank":
        if rng.random() < 0.7:
            a += ["--by", rng.choice(GROUPS)]
        if rng.random() < 0.3:
            a += [rng.choice(["--top", "--bottom"]), rng.choice(["0", "1", "3", "100"] +
                                                                 ["-1", "99999999999999999999"] * hostile)]
    elif name == "show":
        a.insert(0, h.pick(rng, "projects.id", hostile=hostile) or "P-1")
    elif name == "diff":
        a[:0] = rng.choice([[], [], ["HEAD"], ["HEAD", "HEAD"]] + [["HEAD~1"], ["nope"], ["HEAD", "-"]] * hostile)
        for flag in ("--from-as-of", "--to-as-of"):
            if rng.random() < 0.4:
                a += [flag, as_of(rng, h.year, hostile) or f"{h.year}-06-30"]
        if rng.random() < 0.4:
            a.append("--records")
    elif name == "issues":
        for flag in ("--open", "--overdue", "--stats"):
            if rng.random() < 0.2:
                a.append(flag)
        for flag, keys, p in (("--project", ("projects.id", "issues.project"), 0.15),
                              ("--assignee-unit", ("issues.unit",), 0.1)):
            if rng.random() < p and (v := h.pick(rng, *keys, hostile=hostile)) is not None:
                a += [flag, v]
        if rng.random() < 0.15:
            a += ["--category", rng.choice(ISSUE_CATEGORIES[:10] + ISSUE_CATEGORIES[10:] * hostile)]
        if rng.random() < 0.1:
            a += ["--level", rng.choice(["0", "1", "3", "5"] + ["6", "-1"] * hostile)]
    return a


def init_target(rng: random.Random) -> list[str]:
    return [rng.choice([
        "{W}/new",  # a fresh folder
        "{W}/new/deeper/still",
        "{L}",  # a ledger already there: refuse
        "{L}/ledger.yaml",  # a file
        "{W}/home",  # exists, empty
        "{W}/" + "长" * 100,  # 300 bytes: too long for a name
        "{W}/" + "x" * 300,
        "{W}/\udcff\udcfe新",  # not UTF-8
        "/proc/nowhere",  # cannot be written
        "{L}/projects",  # a record folder of the ledger
    ])]


TWINS = ["cache", "lang-c", "tty", "full", "closed", "cwd"]


def make_twin(rng: random.Random, cmd: Command) -> Command | None:
    """The same run with one twist; oracles.compare says what must agree."""
    name = cmd.args[0]
    if name in ("init", "schema", "export", "explain") or cmd.stdout != "pipe":
        return None  # init and export write files (a second run rightly refuses to overwrite); explain reads none
    kind = rng.choice(TWINS)
    args, env, cwd = list(cmd.args), dict(cmd.env), cmd.cwd
    stdout = "pipe"
    if kind == "cache":  # the parse cache never changes an answer
        args = [a for a in args if a != "--no-cache"] if "--no-cache" in args else args + ["--no-cache"]
    elif kind == "lang-c":  # output is UTF-8 and the same whatever the locale
        env.update({"LANG": "C", "LC_ALL": "C"})
    elif kind == "tty":
        stdout = "tty"
    elif kind == "full":  # a full disk is an error, never a traceback or exit 0
        stdout = "full"
    elif kind == "closed":
        stdout = "closed"
    elif kind == "cwd":  # found from the folder it runs in rather than by -L: the same answer
        if "-L" not in args:
            return None
        i = args.index("-L")
        if args[i + 1] != "{L}":
            return None
        del args[i:i + 2]
        cwd = "{L}"
    return Command(args, env, stdout, rng.choice([40, 80, 120, 200]), cwd, twin=kind)
