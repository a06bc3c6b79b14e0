"""Every word of the output, in Chinese and English: one home for both languages.

Keys are the machine names used in json and csv (`start_rate`, `cat_land`);
sentences are templates with named fields. A new report, or a translated
finding, touches this file only. `Say` is a sentence not yet worded: findings
carry it from the reader to the renderer (and through the parse cache), and it
is put into words, in the reader's language, only when shown.
"""

from __future__ import annotations

import datetime
import string
from decimal import Decimal
from typing import Any, NamedTuple

LANGS = ("zh", "en")


class Say(NamedTuple):
    """A sentence to be worded later: a template key and its fields (name, value) in a fixed order."""

    key: str
    args: tuple = ()

    def get(self, name: str, default: Any = None) -> Any:
        return next((v for k, v in self.args if k == name), default)

    def replace(self, **changes) -> "Say":
        return Say(self.key, tuple((k, changes.get(k, v)) for k, v in self.args))


class Choices(tuple):
    """Allowed values, shown as "'a', 'b' or 'c'" in English and "a、b 或 c" in Chinese."""

    def words(self, lang: str) -> str:
        if lang == "zh":
            return "、".join(self[:-1]) + f" 或 {self[-1]}" if len(self) > 1 else "".join(self)
        quoted = [f"'{c}'" for c in self]
        return ", ".join(quoted[:-1]) + f" or {quoted[-1]}" if len(quoted) > 1 else "".join(quoted)


class Foreign(str):
    """Text from a library in English (libyaml's "could not find expected ':'"); shown in Chinese through
    FOREIGN where we know the phrase, else as it is."""

    def words(self, lang: str) -> str:
        if lang != "zh":
            return str(self)
        text = str(self)
        for english, chinese in FOREIGN:
            text = text.replace(english, chinese)
        return text


def _frozen(value: Any) -> Any:
    """A field a finding can hold and hash: lists become tuples, a mapping (from a file) its text."""
    if type(value) in (list, tuple):  # not Say, Choices or other tuples of ours
        return tuple(_frozen(v) for v in value)
    if isinstance(value, (dict, set)):
        return shorten(str(value))
    return value


def msg(key: str, /, **args) -> Say:
    """A sentence of SENTENCES (or a label of LABELS) with its fields; checked when worded."""
    return Say(key, tuple(sorted((k, _frozen(v)) for k, v in args.items())))


MAX_SHOWN = 200  # characters of one field shown in a message; longer values are cut in the middle
MAX_DIGITS = 40  # the same for numbers: nobody reads a 5,000-digit amount


def shorten(text: str, limit: int = MAX_SHOWN) -> str:
    """A value as a message shows it: at most `limit` characters, the middle left out (…) with its length."""
    if len(text) <= limit:
        return text
    return f"{text[:16]}…{text[-8:]} ({len(text)} characters)"


def _field(value: Any, lang: str) -> str:
    if isinstance(value, Say):
        return say(value, lang)
    if isinstance(value, (Choices, Foreign)):
        return value.words(lang)
    if isinstance(value, Decimal):
        if not value.is_finite():
            return str(value)
        text = f"{value:f}" if abs(value.adjusted()) < 1000 else f"{value:E}"
        return shorten(text.rstrip("0").rstrip(".") if "." in text and "E" not in text else text, MAX_DIGITS)
    if isinstance(value, int) and not isinstance(value, bool):
        return shorten(str(value), MAX_DIGITS) if value.bit_length() < 10_000 else "(a very large number)"
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return ("、" if lang == "zh" else ", ").join(_field(v, lang) for v in value)
    return "" if value is None else shorten(str(value))


class _Wording(string.Formatter):
    """Fills a template: each field worded for `lang`; `{n:one|many}` picks a word by the count n (English
    templates only: "{n} {n:project|projects}")."""

    def __init__(self, lang: str):
        self.lang = lang

    def format_field(self, value: Any, spec: str) -> str:
        if "|" in spec:
            one, many = spec.split("|", 1)
            return one if value == 1 else many
        return _field(value, self.lang)


_WORDING = {lang: _Wording(lang) for lang in LANGS}


def say(s: Say | str | None, lang: str) -> str:
    """Put a sentence into words. Plain strings (a value from the ledger, libyaml's own text) pass as they are."""
    if s is None:
        return ""
    if isinstance(s, str):
        return s
    pair = SENTENCES.get(s.key) or LABELS.get(s.key)
    if pair is None:
        raise KeyError(f"no words for {s.key!r}")
    template = pair[0] if lang == "zh" else pair[1]
    return _WORDING["zh" if lang == "zh" else "en"].vformat(template, (), dict(s.args)) if s.args else template


def t(key: str, lang: str) -> str:
    """A label that must exist."""
    zh, en = LABELS[key]
    return zh if lang == "zh" else en


def label(key: str, lang: str) -> str:
    """A label if we have one, else the key itself (group values, names...)."""
    pair = LABELS.get(key)
    return key if pair is None else (pair[0] if lang == "zh" else pair[1])


def counted(key: str, n: int, lang: str) -> str:
    """A count with its noun: "3 个项目" / "1 project", "3 projects" (English templates are "singular|plural")."""
    zh, en = SENTENCES[key]
    if lang == "zh":
        return zh.format(n=n)
    one, many = en.split("|")
    return (one if n == 1 else many).format(n=n)


#: libyaml's phrases in Chinese (longest first where one contains another)
FOREIGN = (
    ("found a tab character that violates indentation", "出现了违反缩进规则的制表符"),
    ("found a tab character where an indentation space is expected", "应为缩进空格处出现了制表符"),
    ("could not find expected ':'", "找不到应有的冒号“:”"),
    ("did not find expected ',' or ']'", "找不到应有的“,”或“]”"),
    ("did not find expected ',' or '}'", "找不到应有的“,”或“}”"),
    ("did not find expected key", "找不到应有的键"),
    ("did not find expected '-' indicator", "找不到应有的“-”"),
    ("did not find expected node content", "找不到应有的内容"),
    ("did not find expected <document start>", "找不到应有的文档开头"),
    ("mapping values are not allowed in this context", "此处不允许出现映射的值（“: ”）"),
    ("mapping values are not allowed here", "此处不允许出现映射的值（“: ”）"),
    ("found character that cannot start any token", "出现了不能作为开头的字符"),
    ("found unexpected end of stream", "文件意外结束"),
    ("found unknown escape character", "出现了未知的转义字符"),
    ("found undefined tag handle", "出现了未定义的标签"),
    ("block sequence entries are not allowed in this context", "此处不允许出现列表项（“- ”）"),
    ("control characters are not allowed", "不允许控制字符"),
    ("while scanning a plain scalar", "读取普通值时"),
    ("while scanning a simple key", "读取键时"),
    ("while scanning a quoted scalar", "读取带引号的值时"),
    ("while scanning a double-quoted scalar", "读取双引号中的值时"),
    ("while scanning a block scalar", "读取多行文本时"),
    ("while parsing a flow sequence", "读取方括号列表时"),
    ("while parsing a flow mapping", "读取花括号映射时"),
    ("while parsing a block mapping", "读取映射时"),
    ("while parsing a block collection", "读取列表时"),
    ("while parsing a flow node", "读取值时"),
    ("while parsing a block node", "读取值时"),
    ("while scanning for the next token", "读取下一项时"),
    ("while scanning an alias", "读取别名时"),
    ("while scanning an anchor", "读取锚点时"),
    ("while scanning a tag", "读取标签时"),
    (" (", "（"), ("(", "（"), (")", "）"),
)

#: Chinese words an analyst may write where the format wants an English code (level: 县级 -> county); the
#: labels of LABELS count too (县重点, 资金 ...). Used for hints only: the format itself stays English codes.
ALIASES = {
    "province": ("省级", "省", "省重点项目"), "city": ("市级", "市", "市重点项目"), "county": ("县级", "县", "县重点项目", "区级"),
    "general": ("一般", "一般问题"), "hard": ("难题", "疑难问题", "困难"),
    "planning": ("谋划", "谋划一批"), "reserve": ("储备", "储备一批"),
    "new": ("新建",), "expansion": ("扩建",), "renovation": ("改建", "技改"), "relocation": ("迁建", "搬迁"),
}


def code_for(word, choices) -> str | None:
    """The code of `choices` that a Chinese word stands for (县级 -> county), if any."""
    for code in choices:
        names = ALIASES.get(code, ())
        labels = [pair[0] for key in (code, f"cat_{code}", f"pool_{code}", f"nature_{code}", f"difficulty_{code}",
                                      f"duty_{code}") if (pair := LABELS.get(key))]
        if word in names or word in labels:
            return code
    return None


def did_you_mean(word, choices) -> Say | None:
    """A hint naming the closest of `choices` to a mistyped `word`, if one is close enough, or the code a
    Chinese word stands for."""
    import difflib

    code = code_for(str(word), [str(c) for c in choices])
    if code is not None:
        return msg("hint.write_as", value=str(word), code=code)
    close = difflib.get_close_matches(str(word), [str(c) for c in choices], n=1, cutoff=0.6)
    return msg("hint.did_you_mean", word=close[0]) if close else None


def ascii_digits(value) -> Say | None:
    """A hint for a number written with full-width digits (１００) or other look-alikes, if that is what it is."""
    import unicodedata

    if not isinstance(value, str):
        return None
    text = unicodedata.normalize("NFKC", value).strip()
    if text != value.strip() and text and text.replace(".", "", 1).replace(",", "").rstrip("亿万元").isdigit():
        return msg("hint.ascii_digits", text=text)
    return None


def words(key: str, lang: str, /, **args) -> str:
    """A sentence of SENTENCES in `lang`, its fields filled."""
    return say(msg(key, **args), lang)


LABELS: dict[str, tuple[str, str]] = {  # column headers, figure names, values shown
    # figures
    "projects": ("项目数", "projects"),
    "total_investment": ("总投资", "total investment"),
    "annual_plan": ("年度计划投资", "annual plan"),
    "annual": ("年度计划", "annual plan"),
    "started": ("已开工", "started"),
    "start_rate": ("开工率", "start rate"),
    "continuing": ("续建", "continuing"),
    "new_projects": ("新开工项目", "new projects"),
    "new_started": ("新开工已开工", "new started"),
    "new_start_rate": ("新开工率", "new start rate"),
    "late_start": ("逾期未开工", "late starts"),
    "completed": ("已竣工", "completed"),
    "completing": ("计划竣工", "to complete this year"),
    "completing_done": ("计划竣工已竣工", "completed of those"),
    "completion_project_rate": ("竣工率", "completion rate"),
    "completed_ytd": ("年内完成投资", "completed this year"),
    "plan_completion_rate": ("计划完成率", "plan completion"),
    "cumulative": ("累计完成投资", "cumulative"),
    "cumulative_rate": ("累计完成率", "cumulative rate"),
    "planned_to_date": ("计划至今", "planned to date"),
    "time_elapsed": ("序时进度", "time elapsed"),
    "ahead_of_time_pp": ("超序时进度(百分点)", "ahead of time (pp)"),
    "on_schedule": ("达到计划进度", "on schedule"),
    "on_schedule_rate": ("达到计划进度占比", "on-schedule rate"),
    "green": ("绿灯", "green"),
    "yellow": ("黄灯", "yellow"),
    "red": ("红灯", "red"),
    "reached_month": ("双过半实现月份", "double half reached in month"),
    "months_ahead": ("双过半提前月数", "double half months ahead"),
    "planning": ("谋划一批", "planning pool"),
    "reserve": ("储备一批", "reserve pool"),
    "starting": ("开工一批", "starting"),
    "issues_raised": ("问题数", "problems raised"),
    "issues_resolved": ("已办结", "resolved"),
    "issues_closed": ("已销号", "closed"),
    "issues_overdue": ("逾期未办结", "overdue"),
    "issues_resolved_late": ("逾期办结", "resolved late"),
    "resolution_rate": ("办结率", "resolution rate"),
    "avg_working_days": ("平均办理工作日", "average working days"),
    "start_rate_pp": ("开工率同比(百分点)", "start rate vs last year (pp)"),
    "completed_ytd_growth": ("完成投资同比增长", "completed vs last year"),
    "lights.green": ("绿灯", "green"),
    "lights.yellow": ("黄灯", "yellow"),
    "lights.red": ("红灯", "red"),
    "double_half.reached_month": ("双过半实现月份", "double half reached in month"),
    "double_half.months_ahead": ("双过半提前月数", "double half months ahead"),
    "four_batches.planning": ("谋划一批", "planning pool"),
    "four_batches.reserve": ("储备一批", "reserve pool"),
    "four_batches.starting": ("开工一批", "starting"),
    "four_batches.completing": ("竣工一批", "completing"),
    "issues.raised": ("问题数", "problems raised"),
    "issues.resolved": ("已办结", "resolved"),
    "issues.closed": ("已销号", "closed"),
    "issues.overdue": ("逾期未办结", "overdue"),
    "issues.resolved_late": ("逾期办结", "resolved late"),
    "issues.resolution_rate": ("办结率", "resolution rate"),
    "issues.avg_working_days": ("平均办理工作日", "average working days"),
    "yoy.start_rate_pp": ("开工率同比(百分点)", "start rate vs last year (pp)"),
    "yoy.completed_ytd_growth": ("完成投资同比增长", "completed vs last year"),
    "figure": ("指标", "figure"),
    "value": ("数值", "value"),
    "key": ("分组", "group"),
    # project columns
    "id": ("编号", "id"),
    "name": ("项目名称", "name"),
    "level": ("级别", "level"),
    "category": ("类别", "category"),
    "location": ("所在地", "location"),
    "owner": ("建设单位", "owner"),
    "nature": ("建设性质", "nature"),
    "content": ("建设内容", "content"),
    "land_mu": ("用地(亩)", "land (mu)"),
    "prior_investment": ("以前年度完成", "prior investment"),
    "introduced": ("招商引资", "introduced"),
    "pool": ("项目库", "pool"),
    "tags": ("标签", "tags"),
    "start_planned": ("计划开工", "planned start"),
    "start_actual": ("实际开工", "actual start"),
    "completion_planned": ("计划竣工日期", "planned completion"),
    "completion_actual": ("实际竣工日期", "actual completion"),
    "operation_planned": ("计划投产", "planned operation"),
    "operation_actual": ("实际投产", "actual operation"),
    "this_month": ("本月完成", "this month"),
    "ytd_rate": ("占年度计划", "% of annual"),
    "cumulative_of_total": ("占总投资", "% of total"),
    "light": ("预警", "light"),
    "start_status": ("开工状态", "start"),
    "leader": ("包靠领导", "leader"),
    "unit": ("责任单位", "unit"),
    "person": ("责任人", "person"),
    "deputy": ("分管负责人", "deputy"),
    "open_issues": ("未办结问题", "open problems"),
    "days_late": ("逾期天数", "days late"),
    "month": ("月份", "month"),
    "planned": ("计划", "planned"),
    "invested": ("完成", "invested"),
    "note": ("形象进度", "progress note"),
    "cum_completed": ("累计完成", "cumulative completed"),
    "cum_planned": ("累计计划", "cumulative plan"),
    "cum_rate": ("累计完成占年度计划", "% of annual plan"),
    "milestone": ("节点", "milestone"),
    "actual": ("实际", "actual"),
    # problems
    "project": ("项目", "project"),
    "title": ("问题", "problem"),
    "raised": ("提出日期", "raised"),
    "due": ("办结期限", "due"),
    "status": ("状态", "status"),
    "resolved": ("办结日期", "resolved"),
    "overdue_days": ("逾期工作日", "working days overdue"),
    "escalation": ("化解层级", "escalation level"),
    "issue_pending": ("待交办", "pending"),
    "issue_in_progress": ("办理中", "in progress"),
    "issue_resolved": ("已办结", "resolved"),
    "issue_closed": ("已销号", "closed"),
    "difficulty": ("难易", "difficulty"),
    "difficulty_general": ("一般问题", "general"),
    "difficulty_hard": ("难题", "hard"),
    "assignee_unit": ("责任单位", "assigned unit"),
    "assignee_person": ("责任人", "assigned person"),
    "flag": ("提示", "flag"),
    "flag_plan_overdue": ("难题逾期未出方案", "hard, no plan in time"),
    "cat_funding": ("资金", "funding"),
    "cat_land": ("用地", "land"),
    "cat_energy": ("能耗", "energy"),
    "cat_emissions": ("排放总量", "emissions"),
    "cat_water": ("用水", "water"),
    "cat_approval": ("审批", "approval"),
    "cat_demolition": ("征迁", "demolition"),
    "cat_utilities": ("配套设施", "utilities"),
    "cat_environment": ("施工环境", "environment"),
    "cat_other": ("其他", "other"),
    # responsibility and ranking
    "card": ("跟踪卡", "card"),
    "leader_title": ("职务", "title"),
    "overdue_issues": ("逾期问题", "overdue problems"),
    "visits_4w": ("近4周现场次数", "visits in 4 weeks"),
    "visits_required": ("应到现场次数", "visits required"),
    "visits_status": ("现场督导", "visits"),
    "visits_ok": ("达标", "enough"),
    "visits_short": ("不足", "short"),
    "duties": ("包靠责任", "duties"),
    "duties_all": ("五包", "all five"),
    "duty_approval_start": ("包立项开工", "approval and start"),
    "duty_financing": ("包融资建设", "financing"),
    "duty_environment": ("包施工环境", "site environment"),
    "duty_progress_quality": ("包进度质量", "progress and quality"),
    "duty_completion": ("包竣工投产", "completion and operation"),
    "rank": ("名次", "rank"),
    "score": ("得分", "score"),
    # start statuses
    "status_continuing": ("续建", "continuing"),
    "status_started": ("已开工", "started"),
    "status_late": ("逾期未开工", "late"),
    "status_not_started": ("未开工", "not started"),
    "status_completed": ("已竣工", "completed"),
    # levels, pools, natures
    "province": ("省重点", "province"),
    "city": ("市重点", "city"),
    "county": ("县重点", "county"),
    "pool_planning": ("谋划", "planning"),
    "pool_reserve": ("储备", "reserve"),
    "nature_new": ("新建", "new"),
    "nature_expansion": ("扩建", "expansion"),
    "nature_renovation": ("改建", "renovation"),
    "nature_relocation": ("迁建", "relocation"),
    "none": ("(未填)", "(none)"),
    "no_card": ("(无跟踪卡)", "(no card)"),
    "yes": ("是", "yes"),
    "no": ("否", "no"),
    "tag": ("标签", "tag"),

    # ---------------------------------------------------------------- explain: the list of figures (issue 14)
    "figure_name": ("名称", "name"),
    "figure_section": ("部分", "section"),
    # Excel in: import xlsx, template, intake (issue 12)
    "ingest.column": ("列", "column"),
    "ingest.header": ("表头", "header"),
    "ingest.field": ("字段", "field"),
    "ingest.unit": ("单位", "unit"),
    "ingest.how": ("说明", "how"),
    "ingest.by_map": ("按 --map", "by --map"),
    "ingest.not_recognised": ("不认得，不导入", "not recognised: not imported"),
    "intake.col.id": ("编号", "id"),
    "intake.col.name": ("项目名称", "name"),
    "intake.col.unit": ("责任单位", "unit"),
    "intake.col.leader": ("包抓领导", "leader"),
    "intake.col.plan": ("本月计划投资", "planned this month"),
    "intake.col.done": ("本年已完成", "completed this year"),
    "intake.col.last_note": ("上月形象进度", "last month's progress"),
    "intake.col.invested": ("本月完成投资", "invested this month"),
    "intake.col.note": ("形象进度", "progress"),
    "intake.col.problem": ("存在问题", "problems"),
    "intake.all_units": ("全部", "all"),
    "ingest.field.seq": ("序号（不导入）", "serial number (not imported)"),
    "ingest.field.id": ("项目编号 id", "project id"),
    "ingest.field.name": ("项目名称 name", "name"),
    "ingest.field.category": ("类别 category", "category"),
    "ingest.field.level": ("级别 level（省/市/县重点）", "level (省/市/县重点)"),
    "ingest.field.content": ("建设内容 content", "content"),
    "ingest.field.nature": ("建设性质 nature（新建/扩建/改建/迁建）", "nature (新建/扩建/改建/迁建)"),
    "ingest.field.location": ("所在地 location", "location"),
    "ingest.field.owner": ("建设单位 owner", "owner"),
    "ingest.field.period": ("计划开工、竣工年月（起止年限）", "planned start and completion (a span of years)"),
    "ingest.field.total": ("总投资 total_investment", "total_investment"),
    "ingest.field.annual": ("年度计划投资 plans.<年>.annual", "plans.<year>.annual"),
    "ingest.field.ytd": ("1—N月完成：记为N月一条完成投资", "January to month N: one progress entry for month N"),
    "ingest.field.cumulative": ("累计完成：减去本年完成即以前年度完成", "completed in all: minus this year's gives prior_investment"),
    "ingest.field.prior": ("以前年度完成 prior_investment", "prior_investment"),
    "ingest.field.start_planned": ("计划开工 start.planned", "start.planned"),
    "ingest.field.start_actual": ("实际开工 start.actual", "start.actual"),
    "ingest.field.completion_planned": ("计划竣工 completion.planned", "completion.planned"),
    "ingest.field.completion_actual": ("实际竣工 completion.actual", "completion.actual"),
    "ingest.field.unit": ("跟踪卡的责任单位", "unit of the responsibility card"),
    "ingest.field.person": ("跟踪卡的责任人", "person of the responsibility card"),
    "ingest.field.leader": ("跟踪卡的包抓领导", "leader of the responsibility card"),
    "ingest.field.problem": ("一条问题记录", "an issue record"),
    "ingest.field.note": ("形象进度（完成投资的 note）", "progress note"),
    "ingest.field.month": ("该月完成投资", "progress of that month"),
    "ingest.field.month_plan": ("该月计划投资 plans.<年>.monthly", "monthly plan of that month"),
    "ingest.field.ignore": ("不导入", "not imported"),
    # ---------------------------------------------------------------- export (issue 11): workbook, csv, sqlite, html
    "wb.seq": ("序号", "no."),
    "wb.name": ("项目名称", "project"),
    "wb.content": ("建设内容及规模", "content and scale"),
    "wb.nature": ("建设性质", "nature"),
    "wb.years": ("建设起止年限", "years"),
    "wb.total_investment": ("总投资", "total investment"),
    "wb.annual_head": ("年度投资", "investment this year"),
    "wb.annual": ("计划", "plan"),
    "wb.ytd_rate": ("完成率", "% of plan"),
    "wb.cumulative": ("累计完成", "cumulative"),
    "wb.start_head": ("开工", "start"),
    "wb.start_planned": ("计划", "planned"),
    "wb.start_actual": ("实际", "actual"),
    "wb.light": ("红黄绿灯", "light"),
    "wb.units": ("责任单位", "responsible unit"),
    "wb.leaders": ("包抓领导", "leader"),
    "wb.problems": ("存在问题", "open problems"),
    "wb.remark": ("备注", "remarks"),
    "chart.cum_completed": ("累计完成", "cumulative completed"),
    "chart.cum_planned": ("累计计划", "cumulative plan"),
    "chart.time_line": ("序时进度", "time schedule"),
    "chart.start_rate": ("开工率", "start rate"),
    "chart.raised": ("提出", "raised"),
    "chart.resolved": ("办结", "resolved"),

    # ---------------------------------------------------------------- git-native ledger (issue 10): --rev, diff, summary --since
    "working_tree": ("工作区", "working tree"),
    "before": ("变化前", "before"),
    "after": ("变化后", "after"),
    "change": ("变化", "change"),
    "entry": ("类型", "entry"),
    "entry_new": ("新报", "new"),
    "entry_correction": ("更正", "correction"),
    "change_added": ("列入名单", "added to the list"),
    "change_removed": ("移出名单", "removed from the list"),
    "change_started": ("新开工", "started"),
    "change_completed": ("新竣工", "completed"),
    "change_light": ("预警变化", "light changed"),
    "change_plan": ("年度计划调整", "annual plan changed"),
    "change_monthly_plan": ("月度计划调整", "monthly plan changed"),
    "change_raised": ("新收集", "raised"),
    "change_resolved": ("新办结", "resolved"),
    "change_closed": ("新销号", "closed"),
    "change_escalated": ("提级化解", "escalated"),
    "change_overdue": ("新增逾期", "newly overdue"),
    "record_kind": ("记录类型", "record"),
    "kind_settings": ("台账设置", "settings"),
    "kind_projects": ("项目", "project"),
    "kind_responsibilities": ("跟踪卡", "card"),
    "kind_issues": ("问题", "problem"),
    "record_change": ("操作", "change"),
    "record_added": ("新增", "added"),
    "record_removed": ("删除", "removed"),
    "record_changed": ("修改", "changed"),
    "field": ("字段", "field"),
}


SENTENCES: dict[str, tuple[str, str]] = {
    # ---------------------------------------------------------------- the command line
    "cli.more_errors": ("……另有 {count} 个错误", "... and {count} more errors"),
    "cli.refuse": ("台账有错误：运行 `xmledger check -L {root}` 查看全部，或加 --allow-errors 出报表（有错误的记录不计入）",
                   "the ledger has errors: run `xmledger check -L {root}` to see them all, "
                   "or pass --allow-errors to report without the records that have them"),
    "cli.refuse_settings": ("ledger.yaml 有错误：单位、类别、期限等设置决定每一个数字，请先修正（xmledger check -L {root}）；"
                            "--allow-errors 不能跳过它",
                            "ledger.yaml has errors: its settings (unit, categories, deadlines) decide every figure, "
                            "so fix it first (xmledger check -L {root}); --allow-errors cannot skip it"),
    "cli.tally": ("{errors}，{warnings}；共 {files} 个文件（{projects}、{cards}、{issues}）",
                  "{errors}, {warnings} in {files} {files:file|files} ({projects}, {cards}, {issues})"),
    "count.error": ("{n} 个错误", "{n} error|{n} errors"),
    "count.warning": ("{n} 个警告", "{n} warning|{n} warnings"),
    "count.project": ("{n} 个项目", "{n} project|{n} projects"),
    "count.card": ("{n} 张跟踪卡", "{n} responsibility card|{n} responsibility cards"),
    "count.issue": ("{n} 个问题", "{n} issue|{n} issues"),
    "finding.in": ("记录 {record}", "in {record}"),
    "finding.hint": ("提示：{hint}", "hint: {hint}"),

    # ---------------------------------------------------------------- report headings and table titles
    "heading": ("{name} · {what} · {year}年 · 截至{date} · 单位：{unit}",
                "{name} · {what} · {year} · as of {date} · amounts in {unit}"),
    "heading.filter": (" · 筛选：{filters}", " · filter: {filters}"),
    "heading.revision": (" · 版本：{revision}", " · revision: {revision}"),
    "note.left_out": ("注意：{records}条记录、{files}个文件因错误未计入（运行 xmledger check 查看）",
                      "note: {records} {records:record|records} and {files} {files:file|files} with errors are left "
                      "out (run xmledger check)"),
    "note.not_ranked": ("另有{n}个项目无{by}，未参加排名", "{n} {n:project|projects} without a {by} {n:is|are} not ranked"),
    "total": ("合计", "total"),
    "report.status": ("总体情况", "status"),
    "report.starts": ("项目开工", "starts"),
    "report.completion": ("投资完成", "completion"),
    "report.progress": ("项目进度", "progress"),
    "report.show": ("项目卡片 {id}", "project {id}"),
    "report.issues": ("问题清单", "problems"),
    "report.issue_stats": ("问题办理统计", "problem statistics"),
    "report.cards": ("包靠责任", "responsibility cards"),
    "report.leaders": ("包靠领导", "leaders"),
    "report.units": ("责任单位", "units"),
    "report.rank": ("综合排名（按{by}）", "ranking by {by}"),
    "table.by_group": ("按{by}分组", "by {by}"),
    "table.starts_by": ("开工情况（按{by}）", "starts by {by}"),
    "table.late_starts": ("逾期未开工项目", "late starts"),
    "table.not_started": ("计划开工时间未到的项目", "not started, start not yet due"),
    "table.completion_by": ("计划完成情况（按{by}）", "plan completion by {by}"),
    "table.months": ("逐月累计完成与计划", "cumulative completed vs plan, by month"),
    "table.double_half": ("双过半", "double half"),
    "table.project_months": ("{year}年逐月计划与完成", "{year} plan and progress by month"),
    "table.milestones": ("节点", "milestones"),
    "table.responsibility": ("包靠责任", "responsibility"),
    "table.problems": ("问题", "problems"),
    "table.by_assignee_unit": ("按责任单位", "by assignee unit"),
    "table.by_category": ("按问题类别", "by category"),
    "table.by_level": ("按化解层级", "by escalation level"),
    "table.score": ("得分 = {weights}", "score = {weights}"),
    "table.top": ("红榜（前{n}名）", "top {n}"),
    "table.bottom": ("黑榜（后{n}名）", "bottom {n}"),
    "level.none": ("未提级", "not escalated"),
    "unit.none": ("(未交办)", "(not assigned)"),

    # ---------------------------------------------------------------- titles of the finding codes
    "code.E001": ("文件不是 UTF-8 文本", "file is not UTF-8 text"),
    "code.E002": ("YAML 语法错误", "YAML syntax error"),
    "code.E003": ("文件为空", "file is empty"),
    "code.E004": ("一个文件中有多个 YAML 文档", "more than one YAML document in a file"),
    "code.E005": ("不是记录", "not a record"),
    "code.E006": ("不允许使用 YAML 标签", "YAML tag not allowed"),
    "code.E007": ("别名展开过多或引用自身", "aliases expand too much or refer to themselves"),
    "code.E008": ("嵌套过深", "nesting too deep"),
    "code.E009": ("键重复", "duplicate key"),
    "code.E010": ("键不是普通文本", "key is not plain text"),
    "code.E011": ("文件过大", "file too large"),
    "code.E012": ("文件或文件夹无法读取", "file or folder cannot be read"),
    "code.E101": ("缺少字段", "missing field"),
    "code.E102": ("未知的键", "unknown key"),
    "code.E103": ("类型错误", "wrong type"),
    "code.E104": ("数值超出范围", "number out of range"),
    "code.E105": ("取值不允许", "value not allowed"),
    "code.E106": ("编号无效", "invalid id"),
    "code.E107": ("日期或月份无效", "invalid date or month"),
    "code.E108": ("金额无效", "invalid amount"),
    "code.E109": ("值被 YAML 读成了其他类型：请加引号", "value read as another type: quote it"),
    "code.E110": ("类别不在 ledger.yaml 允许范围内", "category not allowed by ledger.yaml"),
    "code.E111": ("所在地不在 ledger.yaml 允许范围内", "location not allowed by ledger.yaml"),
    "code.E201": ("月度计划之和不等于年度计划", "monthly plan does not add up to the annual plan"),
    "code.E202": ("同一月份的进度填了两次", "progress month given twice"),
    "code.E203": ("进度月份在未来", "progress month in the future"),
    "code.E204": ("日期先后顺序不对", "dates out of order"),
    "code.E205": ("未开工先竣工", "completion without a start"),
    "code.E206": ("项目库中的项目已开工", "pool project already started"),
    "code.E207": ("未办结先销号", "closed without being resolved"),
    "code.E208": ("化解层级降低", "escalation level goes down"),
    "code.E209": ("现场督导的项目不在跟踪卡上", "visit to a project not on the card"),
    "code.E210": ("一般问题填了办理方案", "hard-problem plan given for a general problem"),
    "code.E301": ("编号重复", "duplicate id"),
    "code.E302": ("项目不存在", "unknown project"),
    "code.E303": ("同一月份进度重复填报", "progress month reported twice"),
    "code.E401": ("缺少 ledger.yaml", "no ledger.yaml"),
    "code.W101": ("完成投资超过总投资", "completed investment above total investment"),
    "code.W102": ("年度计划超过总投资", "annual plan above total investment"),
    "code.W103": ("项目没有跟踪卡", "project without a responsibility card"),
    "code.W104": ("计划开工日期已过仍未开工", "planned start passed without a start"),
    "code.W105": ("该年度工作日为近似值", "working days approximate for a year"),
    "code.W106": ("文件夹未读取", "folder not read"),

    # ---------------------------------------------------------------- what a YAML value is
    "type.none": ("空值", "nothing (an empty value)"),
    "type.bool": ("true/false", "true/false"),
    "type.number": ("数字 {value}", "the number {value}"),
    "type.text": ("文本", "text"),
    "type.mapping": ("映射（键: 值）", "a mapping"),
    "type.list": ("列表", "a list"),
    "type.other": ("{name}", "{name}"),
    "reads.value": ("{value}", "{value}"),
    "reads.date": ("日期", "a date"),
    "reads.datetime": ("日期时间", "a date and time"),
    "reads.infinity": ("无穷大", "infinity"),
    "reads.nan": ("非数值（NaN）", "not-a-number"),

    # ---------------------------------------------------------------- reading files (E0xx)
    "read.too_large": ("文件大小为 {size} MiB，上限为 {limit} MiB", "file is {size} MiB; the limit is {limit} MiB"),
    "read.too_large.hint": ("把它拆成几个文件", "split it into several files"),
    "read.bom": ("文件是 {encoding} 编码，不是 UTF-8", "file is {encoding}, not UTF-8"),
    "read.save_utf8": ("请另存为 UTF-8", "save it as UTF-8"),
    "read.nul": ("文件含有 NUL 字节：它是二进制文件，不是文本", "file holds NUL bytes: it is binary, not text"),
    "read.nul.hint": ("台账文件夹里只应放 YAML 文本文件", "only YAML text files belong in the ledger folders"),
    "read.not_utf8": ("文件不是 UTF-8 编码（字节 0x{byte}）", "file is not UTF-8 (byte 0x{byte})"),
    "read.gbk.hint": ("看起来是 GBK/GB18030 编码：请转换，例如 iconv -f GB18030 -t UTF-8",
                      "it looks like GBK/GB18030: convert it, e.g. iconv -f GB18030 -t UTF-8"),
    "read.bad_char": ("无法读取 YAML：{reason}（字符 #x{char}）", "could not read YAML: {reason} (character #x{char})"),
    "read.bad_char.hint": ("删除这个字符", "remove the character"),
    "read.syntax": ("无法读取 YAML：{detail}", "could not read YAML: {detail}"),
    "read.tab.hint": ("YAML 不允许用制表符缩进：请用空格", "YAML does not allow tabs for indentation: use spaces"),
    "read.colon.hint": ("含有“: ”的值必须加引号", "a value that contains ': ' must be quoted"),
    "read.indent.hint": ("检查缩进；以特殊字符开头的值请加引号",
                         "check the indentation, or quote a value that starts with a special character"),
    "read.at.hint": ("以 @ 或 ` 开头的值必须加引号", "a value that starts with @ or ` must be quoted"),
    "read.second_document": ("这里开始了第二个 YAML 文档（在“---”之后）", "a second YAML document starts here (after '---')"),
    "read.second_document.hint": ("每个文件只放一个文档：把记录放进一个列表，或分成多个文件",
                                  "keep one document per file: put the records in one list, or in files of their own"),
    "read.tag": ("不允许使用标签 {tag}", "tag {tag} is not allowed"),
    "read.tag.hint": ("删除标签；如果是文本，请加引号", "remove the tag; quote the value if it is text"),
    "read.tag.plain.hint": ("删除标签：台账文件只用普通 YAML", "remove the tag: ledger files hold plain YAML only"),
    "read.tag.key.hint": ("删除标签", "remove the tag"),
    "read.key_not_text": ("键必须是普通文本", "a key must be plain text"),
    "read.key_not_text.hint": ("把键写成文本，例如 name:", "write the key as text, e.g. name:"),
    "read.too_deep": ("嵌套超过 {depth} 层", "values nest more than {depth} levels deep"),
    "read.too_deep.hint": ("台账记录只有几层：检查缩进或括号",
                           "ledger records are a few levels deep: check the indentation or brackets"),
    "read.alias_undefined": ("别名 *{name} 之前没有锚点 &{name}", "alias *{name} has no anchor &{name} before it"),
    "read.alias_recursive": ("别名 *{name} 引用了包含它自身的值", "alias *{name} refers to a value that contains it"),
    "read.alias_bomb": ("别名使本文件展开到超过 {count} 个值（别名炸弹？）",
                        "aliases expand this file to more than {count} values (an alias bomb?)"),
    "read.alias_bomb.hint": ("把值直接写出来，不要用别名重复", "write the values out instead of repeating them through aliases"),
    "read.duplicate_key": ("键“{key}”在这个映射中出现了两次", "key '{key}' appears twice in this mapping"),
    "read.duplicate_key.hint": ("YAML 只会保留其中一个：删除或改名另一个",
                                "YAML keeps only one of them: remove or rename the other"),
    "read.full_width_colon.hint": ("这里用了全角冒号“：”：键和值之间要用半角冒号加空格“: ”",
                                   "a full-width colon (：) is used here: YAML needs an ASCII colon and a space, ': '"),
    "hint.write_as": ("“{value}”应写作 {code}", "write {code} for {value}"),
    "hint.ascii_digits": ("请用半角数字：{text}", "write it with ASCII digits: {text}"),
    "read.cannot_read.file": ("文件无法读取{detail}", "file cannot be read{detail}"),
    "read.cannot_read.file.hint": ("检查文件权限：xmledger 需要能读取台账中的每个文件",
                                   "check its permissions: xmledger must be able to read every file of the ledger"),
    "read.cannot_read.os": ("无法读取：{detail}", "cannot be read: {detail}"),
    "read.cannot_read.os.hint": ("检查权限；台账中的文件都必须能读取", "check the permissions: every file of the ledger must be readable"),
    "read.cannot_read.folder": ("文件夹无法读取：{detail}", "folder cannot be read: {detail}"),
    "read.cannot_read.folder.hint": ("检查文件夹权限（需要 r 和 x）；其中的记录现在都未计入",
                                     "check the folder's permissions (r and x): none of its records is counted now"),
    "read.cannot_read.link_dangling": ("链接指向的文件不存在", "link points to a file that does not exist"),
    "read.cannot_read.link_dangling.hint": ("修正或删除这个链接", "fix the link or delete it"),
    "read.cannot_read.link_loop": ("链接指向自身或形成循环", "link points to itself or loops"),
    "read.cannot_read.link_loop.hint": ("修正或删除这个链接", "fix the link or delete it"),
    "read.cannot_read.not_regular": ("不是普通文件（管道、设备等）", "not a regular file (a pipe, a device ...)"),
    "read.cannot_read.not_regular.hint": ("台账文件夹中只放普通的 YAML 文件", "only plain YAML files belong in the ledger folders"),
    "read.no_records": ("文件中没有记录", "file holds no records"),
    "read.no_records.hint": ("写入一条记录，或删除这个文件", "write a record, or delete the file"),
    "read.ledger_empty": ("ledger.yaml 是空的", "ledger.yaml is empty"),
    "read.ledger_empty.hint": ("至少填写 name: 和 region:", "give at least name: and region:"),
    "read.not_records": ("应为一条记录（键: 值 各行）或记录的列表，实际是{what}",
                         "expected a record (key: value lines) or a list of records, found {what}"),
    "read.item_not_record": ("列表项是{what}，不是记录", "list item is {what}, not a record"),
    "read.item_not_record.hint": ("记录列表的每一项都是“键: 值”的映射", "each item of a record list is a mapping of key: value"),
    "read.ledger_not_mapping": ("ledger.yaml 应为“键: 值”各行，实际是{what}", "ledger.yaml must be key: value lines, found {what}"),
    "read.no_ledger": ("这个文件夹中没有 ledger.yaml", "this folder has no ledger.yaml"),
    "read.no_ledger.hint": ("在此运行 `xmledger init`，或用 -L 指向台账文件夹",
                            "run `xmledger init` here, or point -L at the ledger folder"),
    "read.not_read_folder": ("{folder}/ 下的 {count} 个 YAML 文件未被读取：它不是记录文件夹",
                             "{count} YAML file(s) under {folder}/ are not read: it is not a record folder"),
    "read.not_read_folder.hint": ("记录应放在 projects/、responsibilities/、issues/ 或 progress/ 下",
                                  "records go under projects/, responsibilities/, issues/ or progress/"),

    # ---------------------------------------------------------------- fields (E1xx)
    "field.missing": ("缺少此项", "missing"),
    "field.missing.hint": ("在这个映射中添加 {key}:", "add {key}: to this mapping"),
    "field.unknown_key": ("未知的键“{key}”", "unknown key '{key}'"),
    "field.allowed_keys.hint": ("这里允许的键：{keys}", "keys allowed here: {keys}"),
    "field.read_as": ("{text} 被 YAML 读成了{reads}，但这个字段是文本", "{text} is read by YAML as {reads}, but this field is text"),
    "field.quote_it.hint": ("加上引号：\"{text}\"", "quote it: \"{text}\""),
    "field.expected_text": ("应为文本，实际是{what}", "expected text, found {what}"),
    "field.empty": ("是空的", "is empty"),
    "field.empty.hint": ("在冒号后面填写值", "write a value after the colon"),
    "field.must_not_be_empty": ("不能为空", "must not be empty"),
    "field.bad_id": ("“{value}”不是有效的编号", "'{value}' is not a valid id"),
    "field.bad_id.hint": ("编号由 1–64 个 ASCII 字母、数字、“-”、“_”或“.”组成，以字母或数字开头",
                          "an id is 1-64 ASCII letters, digits, '-', '_' or '.', starting with a letter or digit"),
    "field.not_allowed": ("这里不允许“{value}”；应为 {expected}", "'{value}' is not allowed here; expected {expected}"),
    "field.gt": ("必须大于 {limit}", "must be greater than {limit}"),
    "field.ge": ("必须至少为 {limit}", "must be at least {limit}"),
    "field.lt": ("必须小于 {limit}", "must be less than {limit}"),
    "field.le": ("必须至多为 {limit}", "must be at most {limit}"),
    "field.min_items": ("至少要有 {limit} 项（现有 {count} 项）", "needs at least {limit} (has {count})"),
    "field.max_items": ("至多 {limit} 项（现有 {count} 项）", "allows at most {limit} (has {count})"),
    "field.whole_read_as": ("“{text}”被 YAML 读成了{reads}：请写整数", "'{text}' is read by YAML as {reads}: write a whole number"),
    "field.expected_whole": ("应为整数，实际是{what}", "expected a whole number, found {what}"),
    "field.expected_bool": ("应为 true 或 false，实际是{what}", "expected true or false, found {what}"),
    "field.expected_mapping": ("应为映射（键: 值 各行），实际是{what}", "expected a mapping (key: value lines), found {what}"),
    "field.expected_list": ("应为列表，实际是{what}", "expected a list, found {what}"),
    "field.expected_list.hint": ("写成 [a, b]，或每行一个“- 项”", "write [a, b] or one '- item' per line"),
    "field.invalid": ("无效：{detail}", "invalid: {detail}"),
    "field.number_read_as": ("“{text}”被 YAML 读成了{reads}：请写普通数字", "'{text}' is read by YAML as {reads}: write a plain number"),
    "field.amount_read_as": ("“{text}”被 YAML 读成了{reads}：请写普通数字，例如 1000",
                             "'{text}' is read by YAML as {reads}: write a plain number, e.g. 1000"),
    "field.expected_number": ("应为数字，实际是{what}", "expected a number, found {what}"),
    "field.not_finite": ("{value} 不是有限的数", "{value} is not a finite number"),
    "field.no_such_date": ("{text} 不是存在的日期", "{text} is not a date that exists"),
    "field.date_out_of_range": ("{text} 超出台账可用的年份（1900—2200）", "{text} is outside the years a ledger can mean (1900-2200)"),
    "field.not_a_date": ("“{text}”不是日期：请写成 YYYY-MM-DD，例如 2019-03-01",
                         "'{text}' is not a date: write YYYY-MM-DD, e.g. 2019-03-01"),
    "field.expected_date": ("应为日期（YYYY-MM-DD），实际是{what}", "expected a date (YYYY-MM-DD), found {what}"),
    "field.date_for_month": ("{value} 是日期：月份请写成 {month}", "{value} is a date: write the month as {month}"),
    "field.not_a_month": ("“{text}”不是月份：请写成 YYYY-MM，例如 2019-03", "'{text}' is not a month: write YYYY-MM, e.g. 2019-03"),
    "field.expected_month": ("应为月份（YYYY-MM），实际是{what}", "expected a month (YYYY-MM), found {what}"),
    "amount.bool": ("应为金额，实际是 true/false", "expected an amount, found true/false"),
    "amount.not_finite": ("{value} 不是有限的金额", "{value} is not a finite amount"),
    "amount.not_amount": ("“{value}”不是金额：请写数字，或数字加“元”“万元”“亿元”",
                          "'{value}' is not an amount: write a number, or a number with 元, 万元 or 亿元"),
    "amount.negative": ("不能为负数", "must not be negative"),
    "amount.too_large": ("{number} {unit} 太大，不可能是一个项目的金额", "{number} {unit} is too large to be an amount of a project"),
    "amount.too_precise": ("{number} {unit} 比 0.0001 {unit} 还精细", "{number} {unit} is more precise than 0.0001 {unit}"),
    "amount.expected": ("应为金额，实际是{what}", "expected an amount, found {what}"),
    "hint.did_you_mean": ("是否应为“{word}”？", "did you mean '{word}'?"),
    "hint.allowed": ("允许的值：{values}", "allowed: {values}"),

    # ---------------------------------------------------------------- ledger.yaml rules
    "settings.red_above_yellow": ("red_below（{red}）不能高于 yellow_below（{yellow}）",
                                  "red_below ({red}) must not be above yellow_below ({yellow})"),
    "settings.holiday_and_workday": ("{day} 同时是额外假日和额外工作日", "{day} is both an extra holiday and an extra working day"),

    # ---------------------------------------------------------------- record rules (E2xx, W101-W102)
    "rule.category": ("“{category}”不是本台账的类别", "'{category}' is not a category of this ledger"),
    "rule.location": ("“{location}”不是本台账的所在地", "'{location}' is not a location of this ledger"),
    "rule.monthly_sum": ("{year}年月度计划合计 {total}，年度计划为 {annual}", "monthly plan of {year} adds up to {total}, annual is {annual}"),
    "rule.monthly_sum.hint": ("让各月之和正好等于年度计划，或删去 monthly", "make the months add up to the annual plan exactly, or drop monthly"),
    "rule.annual_above_total": ("{year}年年度计划（{annual}）高于总投资（{total}）",
                                "annual plan of {year} ({annual}) is above the total investment ({total})"),
    "rule.month_twice": ("{month} 已在 progress[{index}] 填过", "{month} is already given at progress[{index}]"),
    "rule.month_twice.hint": ("每月一条：把金额合并成一条", "one entry per month: add the amounts into one entry"),
    "rule.completed_above_total": ("累计完成投资 {done} 高于总投资 {total}", "completed investment {done} is above the total investment {total}"),
    "rule.completion_without_start": ("已竣工的项目需要填写 start.actual", "a completed project needs start.actual"),
    "rule.completion_without_start.hint": ("填写实际开工日期", "add the actual start date"),
    "rule.completion_before_start": ("竣工日期 {end} 早于开工日期 {start}", "completion {end} is before the start {start}"),
    "rule.pool_started": ("{pool}库中的项目已开工（{start}）", "a project in the {pool} pool has started ({start})"),
    "rule.pool_started.hint": ("项目开工后删去 pool", "remove pool once a project starts"),
    "rule.visit_not_on_card": ("{project} 不是这张跟踪卡上的项目", "{project} is not one of this card's projects"),
    "rule.visit_not_on_card.hint": ("把它加入 projects，或把这次督导记在包含它的跟踪卡上",
                                    "add it to projects, or record the visit on the card that holds it"),
    "rule.date_before": ("{name} {day} 早于 {before_name} {before}", "{name} {day} is before {before_name} {before}"),
    "rule.plan_before_raised": ("办理方案日期 {day} 早于提出日期 {raised}", "plan date {day} is before raised {raised}"),
    "rule.plan_due_before_date": ("方案办结期限 {due} 早于方案日期 {day}", "plan due {due} is before the plan date {day}"),
    "rule.escalation_before_raised": ("提级日期 {day} 早于提出日期 {raised}", "escalation date {day} is before raised {raised}"),
    "rule.closed_unresolved": ("问题办结后才能销号", "a problem is closed (销号) only after it is resolved"),
    "rule.closed_unresolved.hint": ("填写 resolved: 办结日期", "add resolved: with the date it was resolved"),
    "rule.plan_for_general": ("办理方案只用于难题", "a plan (办理方案) is for hard problems"),
    "rule.plan_for_general.hint": ("设为 difficulty: hard，或用 due: 填写办结期限", "set difficulty: hard, or give the deadline as due:"),
    "rule.level_down": ("{date} 的层级 {level} 低于此前已达到的层级 {top}", "level {level} on {date} is below the level {top} reached before"),
    "rule.level_down.hint": ("五级化解只能逐级上升：请更正层级或日期", "escalation (五级化解) only goes up: fix the level or the date"),

    # ---------------------------------------------------------------- ledger rules (E3xx, W103-W106)
    "rule.duplicate_id": ("{id} 已是 {file}:{line} 处记录的编号", "{id} is already the id of the record at {file}:{line}"),
    "rule.duplicate_id.hint": ("每条记录使用自己的编号", "give each record its own id"),
    "rule.unknown_project": ("没有编号为 {id} 的项目", "no project has the id {id}"),
    "rule.unknown_project.hint": ("对照 projects/ 检查编号", "check the id against projects/"),
    "rule.month_reported_twice": ("{project} 的 {month} 进度已在 {place} 填报过", "{month} of {project} is already reported at {place}"),
    "rule.month_reported_twice.hint": ("同一项目每月只填报一次：删去其中一条，或更正月份",
                                       "report a project's month once: delete one of the two, or correct the month"),
    "rule.future_month": ("{month} 在本月之后", "{month} is after the current month"),
    "rule.future_month.hint": ("今天是 {today}：进度记录已完成的投资，月份开始后才能填写",
                               "today is {today}: progress records what was invested, so a month is entered once it has begun"),
    "rule.no_card": ("{id} 在 {years} 年名单上，但不在任何跟踪卡上", "{id} is on the list of {years} but on no responsibility card"),
    "rule.no_card.hint": ("把它加入 responsibilities/ 中的一张跟踪卡", "add it to a card in responsibilities/"),
    "rule.late_start": ("计划开工日期 {date} 已过，但未填写 start.actual", "planned start {date} has passed and start.actual is not set"),
    "rule.calendar": ("本版本不知道 {year} 年的法定节假日安排：落在该年的办结期限按周一至周五计算，为近似值",
                      "the official holiday calendar of {year} is not known to this version: deadlines in {year} "
                      "count Monday-Friday and are approximate"),
    "rule.calendar.hint": ("升级 chinesecalendar；或在 ledger.yaml 的 calendar: 中列出该年全部节假日和调休上班日"
                           "（extra_holidays、extra_workdays），并把该年写进 complete_years",
                           "upgrade chinesecalendar, or give every holiday and make-up day of that year under "
                           "calendar: in ledger.yaml (extra_holidays, extra_workdays) and list the year in "
                           "complete_years"),
    "note.calendar": ("注：本版本不知道{years}年的法定节假日安排，这些年份的工作日按周一至周五计算，办结期限和逾期天数为近似值",
                      "note: the official holidays of {years} are not known to this version: working days in those "
                      "years count Monday-Friday, so deadlines and days overdue are approximate"),

    # ---------------------------------------------------------------- the circular (通报), SPEC §7
    "circ.title": ("{region}重点项目建设情况通报（截至{date}）",
                 "{region}: key projects, as of {date}"),
    "circ.left_out": ("注：{records}条记录、{files}个文件因错误未计入本通报。",
                 "Note: {records} {records:record|records} and {files} {files:file|files} with errors are left out of this circular."),
    "circ.head": ("截至{date}，{where}共有{year}年重点项目{n}个，总投资{total}，年度计划投资{annual}。",
                 "As of {date}, {where} has {n} key {n:project|projects} on its {year} list, with a total investment of {total} and an annual plan of {annual}."),
    "circ.breakdown": ("其中：{parts}。",
                 " By category: {parts}."),
    "circ.part": ("{key}项目{n}个",
                 "{key} {n}"),
    "circ.sep": ("，",
                 ", "),
    "circ.list_sep": ("、",
                 ", "),
    "circ.started": ("已开工{n}个，开工率{rate}",
                 "{n} {n:has|have} started, a start rate of {rate}"),
    "circ.yoy_same": ("，与上年同期持平",
                 ", the same as a year earlier"),
    "circ.yoy_up": ("，同比提高{pp}个百分点",
                 ", {pp} percentage points up on a year earlier"),
    "circ.yoy_down": ("，同比降低{pp}个百分点",
                 ", {pp} percentage points down on a year earlier"),
    "circ.on_schedule": ("；达到计划进度项目{n}个，占总数的{rate}。",
                 "; {n} {n:project|projects} ({rate}) {n:is|are} on schedule."),
    "circ.new": ("续建项目{continuing}个；新开工项目{new}个，已开工{started}个，新开工率{rate}",
                 " {continuing} {continuing:is|are} continuing; of {new} new {new:project|projects}, {started} {started:has|have} started ({rate})"),
    "circ.late": ("；逾期未开工{n}个。",
                 "; {n} {n:is|are} late to start."),
    "circ.stop": ("。",
                 "."),
    "circ.completing": ("计划年内竣工项目{n}个，已竣工{done}个，竣工率{rate}。",
                 " {done} of the {n} {n:project|projects} due to complete this year {done:has|have} completed ({rate})."),
    "circ.span_1": ("1月",
                 "January"),
    "circ.span": ("1—{m}月",
                 "January to {month}"),
    "circ.invested": ("{span}累计完成投资{amount}",
                 "From {span}, {amount} was invested"),
    "circ.growth_up": ("，同比增长{rate}",
                 " ({rate} more than a year earlier)"),
    "circ.growth_down": ("，同比下降{rate}",
                 " ({rate} less than a year earlier)"),
    "circ.of_plan": ("，占年度计划的{rate}",
                 ", {rate} of the annual plan"),
    "circ.time_same": ("，与序时进度持平",
                 ", exactly on the time schedule"),
    "circ.time_ahead": ("，超序时进度{pp}个百分点",
                 ", {pp} points ahead of the time schedule"),
    "circ.time_behind": ("，落后序时进度{pp}个百分点",
                 ", {pp} points behind the time schedule"),
    "circ.dh_ahead": ("，提前{n}个月实现“双过半”",
                 "; the double half was reached {n} {n:month|months} early"),
    "circ.dh_on_time": ("，实现“双过半”",
                 "; the double half was reached"),
    "circ.dh_month": ("，{month}月实现“双过半”",
                 "; the double half was reached in {month}"),
    "circ.dh_not": ("，尚未实现“双过半”",
                 "; the double half has not been reached"),
    "circ.problems": ("共收集问题{raised}个，已办结{resolved}个，办结率{rate}；逾期未办结{overdue}个。",
                 "{raised} {raised:problem was|problems were} raised and {resolved} resolved, a resolution rate of {rate}; {overdue} {overdue:is|are} overdue."),
    "circ.problems_more": ("已销号{closed}个，逾期办结{late}个",
                 " {closed} {closed:is|are} closed and {late} {late:was|were} resolved late"),
    "circ.avg_days": ("，平均办理{days}个工作日。",
                 "; a problem took {days} working days on average."),
    "circ.red_head": ("红灯预警项目{n}个：",
                 "Red-light projects ({n}):"),
    "circ.red_line": ("{i}. {name}（{id}，{reason}），责任单位：{units}，包靠领导：{leaders}。",
                 "{i}. {name} ({id}, {reason}); unit: {units}; leader: {leaders}."),
    "circ.red_late": ("逾期未开工{days}天",
                 "start {days} days late"),
    "circ.red_behind": ("完成计划进度的{rate}",
                 "{rate} of the plan to date"),
    "circ.overdue_head": ("逾期未办结问题{n}个：",
                 "Overdue problems ({n}):"),
    "circ.overdue_line": ("{i}. {title}（{id}，{project}），责任单位：{who}，办结期限{due}，已逾期{days}个工作日。",
                 "{i}. {title} ({id}, {project}); assigned to: {who}; due {due}, {days} working days overdue."),
    "circ.not_assigned": ("未交办",
                 "not assigned"),
    "circ.tail": ("综合排名后三位的责任单位：{units}。",
                 "Lowest-ranked units: {units}."),
    "circ.tail_item": ("{key}（得分{score}）",
                 "{key} (score {score})"),
    "circ.no_list": ("截至{date}，{where}{year}年重点项目名单上没有项目。本台账有名单的年份：{years}；可用 --year 或 --as-of 选择。",
                 "As of {date}, {where} has no key projects on a {year} list. Years with a list in this ledger: {years}; choose one with --year or --as-of."),
    "circ.title_filtered": ("{region}重点项目建设情况通报（{filter}；截至{date}）", "{region}: key projects ({filter}), as of {date}"),
    "circ.where_filtered": ("{where}（{filter}）", "{where} ({filter})"),
    "circ.filter": ("{name}：{values}", "{name}: {values}"),
    "circ.filter_sep": ("；", "; "),
    "circ.no_rate": ("无", "n/a"),
    "circ.wan": ("{amount}万元", "CNY {amount} million"),
    "circ.where.province": ("全省", "the province"),
    "circ.where.city": ("全市", "the city"),
    "circ.where.county": ("全县", "the county"),
    "circ.where.district": ("全区", "the district"),

    # ---------------------------------------------------------------- explain: what a figure means (issue 14)
    "explain.title": ("{name}（{key}）", "{name} ({key})"),
    "explain.formula": ("计算：{formula}", "Formula: {formula}"),
    "explain.value": ("数值：{kind}", "Value: {kind}"),
    "explain.shown": ("见于：{commands}", "Shown by: {commands}"),
    "explain.published": ("发布：{where}", "Published: {where}"),
    "explain.sample": ("示例：利津县示例台账（data/lijin）截至2019-05-31，status 显示 {value}",
                       "Sample: status shows {value} for the Lijin ledger (data/lijin) as of 2019-05-31"),
    "explain.decisions": ("相关决定：{titles}（见 docs/decisions.md）", "Decisions: {titles} (in docs/decisions.md)"),
    "explain.names": ("也写作：{names}", "Also called: {names}"),
    "explain.more": ("详见 docs/metrics.md#{key}", "More: docs/metrics.md#{key}"),
    "explain.list": ("指标释义：xmledger explain 指标（中文名、英文名或 json 键均可）",
                     "What the figures mean: xmledger explain FIGURE (its Chinese or English name, or its json key)"),
    "explain.unknown": ("没有名为“{word}”的指标。", "no figure is called '{word}'."),
    "explain.did_you_mean": ("是不是：{names}？", "Did you mean {names}?"),
    "explain.see_list": ("运行 xmledger explain 列出全部指标。", "Run xmledger explain for the list of figures."),
    # ---------------------------------------------------------------- Excel in: import xlsx, template, intake (issue 12)
    "ingest.severity.error": ("错误", "error"),
    "ingest.severity.warning": ("警告", "warning"),
    "ingest.no_file": ("找不到这个文件", "there is no such file"),
    "ingest.no_file.hint": ("检查文件路径", "check the path"),
    "ingest.not_a_workbook_suffix": ("不是 Excel 工作簿（扩展名 {suffix}）", "not a workbook (its name ends in {suffix})"),
    "ingest.not_a_workbook_suffix.hint": ("支持 .xlsx、.xls、.ods；CSV 请先在 Excel/WPS 中另存为 .xlsx",
                                          "import reads .xlsx, .xls and .ods; save a CSV as .xlsx first"),
    "ingest.no_reader": ("缺少读取 Excel 的组件 python-calamine", "python-calamine, the workbook reader, is not installed"),
    "ingest.no_reader.hint": ("重新安装 xmledger：pip install -e .", "reinstall xmledger: pip install -e ."),
    "ingest.password": ("工作簿设置了打开密码，无法读取", "the workbook is protected by a password and cannot be read"),
    "ingest.password.hint": ("在 Excel/WPS 中取消打开密码（文件 → 信息 → 保护工作簿）后另存，再导入",
                             "remove the password in Excel or WPS (File, Info, Protect Workbook), save, and import again"),
    "ingest.corrupt": ("文件已损坏或不是 Excel 工作簿：{detail}", "the file is damaged or not a workbook: {detail}"),
    "ingest.corrupt.hint": ("用 Excel/WPS 打开并另存为 .xlsx 后再导入", "open it in Excel or WPS, save it as .xlsx, and import again"),
    "ingest.cell.in_column": ("{column}：{why}", "{column}: {why}"),
    "ingest.cell.bool": ("是逻辑值（TRUE/FALSE），不是数值", "is a TRUE/FALSE value, not a number"),
    "ingest.cell.not_number": ("“{text}”不是数值", "'{text}' is not a number"),
    "ingest.cell.date_not_number": ("“{text}”是日期，不是数值", "'{text}' is a date, not a number"),
    "ingest.cell.date_not_amount": ("“{text}”是日期，不是金额", "'{text}' is a date, not an amount"),
    "ingest.cell.not_amount": ("“{text}”不是金额", "'{text}' is not an amount"),
    "ingest.cell.not_amount.hint": ("金额只填数字（可带单位，如 1.2亿元）；说明文字请写在备注里",
                                    "write a number (a unit may follow: 1.2亿元); put remarks in another column"),
    "ingest.cell.negative": ("金额为负数（{text}）", "the amount is negative ({text})"),
    "ingest.cell.negative.hint": ("投资额不能为负；核减请改正原来的数字", "investment is never negative: correct the earlier figure instead"),
    "ingest.cell.too_large": ("金额 {text} 过大（按{unit}计超过 10 的 15 次方）", "{text} is too large (over 10^15 {unit})"),
    "ingest.cell.too_precise": ("“{text}”按{unit}计超过 4 位小数", "'{text}' has more than 4 decimal places in {unit}"),
    "ingest.cell.too_precise.hint": ("用 --unit 元 或 --unit 万元 选更小的台账单位", "choose a smaller ledger unit with --unit 元 or --unit 万元"),
    "ingest.cell.no_such_date": ("日期“{text}”不存在", "the date '{text}' does not exist"),
    "ingest.cell.not_date": ("“{text}”不是日期", "'{text}' is not a date"),
    "ingest.cell.not_date.hint": ("写成 2019-03-15、2019年3月 或 2019.3 这样的日期",
                                  "write a date such as 2019-03-15, 2019年3月 or 2019.3"),
    "ingest.cell.ambiguous_month": ("数字 {text} 分不清是1月还是10月（Excel 把 2019.10 存成了 2019.1）",
                                    "the number {text} may be January or October (Excel stores 2019.10 as 2019.1)"),
    "ingest.cell.ambiguous_month.hint": ("把单元格改成文本“2019.10”或日期格式", "write it as the text '2019.10' or as a date"),
    "ingest.cell.not_span": ("“{text}”不是起止年限", "'{text}' is not a span of years"),
    "ingest.cell.not_span.hint": ("写成 2019—2020 或 2019.03-2020.12", "write it as 2019—2020 or 2019.03-2020.12"),
    "ingest.no_year": ("看不出是哪一年的台账", "cannot tell which year this sheet is for"),
    "ingest.no_year.hint": ("用 --as-of 2019-05 或 --year 2019 指定", "pass --as-of 2019-05 or --year 2019"),
    "ingest.no_month": ("看不出“{column}”累计到几月", "cannot tell up to which month '{column}' runs"),
    "ingest.no_month.hint": ("用 --as-of 2019-05 指定，或把表头写成“1—5月完成投资”",
                             "pass --as-of 2019-05, or head the column '1—5月完成投资'"),
    "ingest.month_differs": ("“{column}”累计到{n}月，与 --as-of 的{month}月不同：按表头的{n}月导入",
                             "'{column}' runs to month {n}, not to month {month} of --as-of: imported as month {n}"),
    "ingest.column_twice": ("“{column}”与“{first}”都是 {field}：只读前一列", "'{column}' and '{first}' are both {field}: only the first is read"),
    "ingest.no_total_column": ("没有总投资列", "there is no 总投资 (total investment) column"),
    "ingest.no_total_column.hint": ("每个项目都要有总投资；表头另有叫法时用 --map 指定，如 {项目总投资额: total}",
                                    "every project needs its total investment; name its column with --map, e.g. {项目总投资额: total}"),
    "ingest.group_no_name": ("分组行“{text}”没有类别名称", "the group row '{text}' names no category"),
    "ingest.group_empty": ("分组行“{group}”下面没有项目（没有序号的行按分组行读）",
                           "the group row '{group}' has no projects under it (rows without a 序号 are read as group rows)"),
    "ingest.group_count": ("“{group}”写明{said}个项目，实际读到{found}个", "the group '{group}' says {said} projects, {found} were read"),
    "ingest.sum_mismatch": ("{column}合计为 {said}，与所含{rows}个项目之和 {found} 不符",
                            "{column}: the sum row says {said}, the {rows} projects it sums add up to {found}"),
    "ingest.bad_id": ("“{text}”不能用作项目编号（只能是字母、数字和 - _ .，不超过64个字符）",
                      "'{text}' cannot be a project id (letters, digits, - _ . only, at most 64)"),
    "ingest.bad_id.hint": ("改正编号，或用 --map 让这一列不导入（{列名: ignore}），编号会按 --prefix 自动生成",
                           "correct it, or skip the column with --map ({header: ignore}) to generate ids with --prefix"),
    "ingest.duplicate_id": ("项目编号 {id} 已在 {cell} 用过", "the project id {id} is used already at {cell}"),
    "ingest.duplicate_name": ("项目名称“{name}”与 {cell} 重复", "the project name '{name}' is also at {cell}"),
    "ingest.unknown_level": ("看不懂项目级别“{text}”，按 {default} 导入", "unknown level '{text}': imported as {default}"),
    "ingest.unknown_nature": ("看不懂建设性质“{text}”，不导入这一项（可用：新建、扩建、改建、迁建）",
                              "unknown nature '{text}': left out (known: 新建, 扩建, 改建, 迁建)"),
    "ingest.no_total": ("“{name}”没有总投资（或为0）", "'{name}' has no total investment (or 0)"),
    "ingest.no_total.hint": ("每个项目都要填总投资，且大于0", "every project needs a total investment above 0"),
    "ingest.completed_not_started": ("有实际竣工日期却没有实际开工日期", "an actual completion but no actual start"),
    "ingest.completed_before_start": ("实际竣工早于实际开工", "the actual completion is before the actual start"),
    "ingest.future_date": ("实际日期 {date} 还没有到", "the actual date {date} has not come yet"),
    "ingest.future_month": ("{month} 的完成投资还没到报送的时候", "investment reported for {month}, which has not come yet"),
    "ingest.future_month.hint": ("检查年份，或用 --as-of 指定台账截至的月份", "check the year, or pass the sheet's month with --as-of"),
    "ingest.monthly_plan_sum": ("月度计划合计 {planned}，与年度计划 {annual} 不符", "the monthly plan adds up to {planned}, the annual plan says {annual}"),
    "ingest.months_differ": ("1—{n}月累计 {ytd}，与各月之和 {months} 不符：按各月导入",
                             "January to month {n} says {ytd}, the months add up to {months}: the months are imported"),
    "ingest.note.cumulative": ("1—{n}月累计完成，导入时记为{n}月一笔", "January to month {n} together, imported as one entry for month {n}"),
    "ingest.cumulative_below_year": ("累计完成 {cumulative} 小于本年完成 {year}", "completed in all ({cumulative}) is less than this year's ({year})"),
    "ingest.prior_differs": ("以前年度完成 {prior} 与累计减本年 {before} 不符：按以前年度完成列导入",
                             "prior investment {prior} differs from cumulative minus this year ({before}): the prior column is imported"),
    "ingest.no_leader": ("“{name}”有责任单位、没有包抓领导：不生成跟踪卡", "'{name}' has a unit but no leader: no responsibility card"),
    "ingest.no_unit": ("“{name}”有包抓领导、没有责任单位：不生成跟踪卡", "'{name}' has a leader but no unit: no responsibility card"),
    "ingest.no_person": ("未填", "not given"),
    "ingest.no_category": ("未分类", "uncategorized"),
    "ingest.no_sheet": ("工作簿中没有工作表“{sheet}”（有：{sheets}）", "the workbook has no sheet '{sheet}' (it has: {sheets})"),
    "ingest.data_column": ("数据表 {sheet} 缺少列 {column}：请用 xmledger export xlsx --with-data 重新导出",
                           "the data sheet {sheet} lacks the column {column}: export it again with "
                           "xmledger export xlsx --with-data"),
    "ingest.no_header": ("找不到表头：前40行没有一行同时有“项目名称”和其他认得的列",
                         "no header found: none of the first 40 rows has 项目名称 and another known column"),
    "ingest.no_header.hint": ("表头另有叫法时用 --map FILE.yaml 指定（见 docs/import.md），用 --show-mapping 查看识别结果",
                              "name the columns with --map FILE.yaml (see docs/import.md); --show-mapping shows what was recognised"),
    "ingest.unknown_column": ("不认得“{column}”列，不导入", "the column '{column}' is not known: not imported"),
    "ingest.unknown_column.hint": ("要导入就用 --map 指定它对应的字段", "to import it, name its field with --map"),
    "ingest.map_unreadable": ("--map 文件读不出：{detail}", "cannot read the --map file: {detail}"),
    "ingest.map_not_mapping": ("--map 文件应是“表头: 字段”的映射", "the --map file must map headers to fields"),
    "ingest.map_unknown_field": ("“{header}”映射到未知字段 {field}（可用：{fields}）",
                                 "'{header}' maps to an unknown field {field} (known: {fields})"),
    "ingest.file.ledger": ("由 xmledger import xlsx 从 {source} 导入", "imported by xmledger import xlsx from {source}"),
    "ingest.file.cards": ("包抓领导与责任单位，由 {source} 导入", "leaders and units, imported from {source}"),
    "ingest.file.issues": ("存在问题，由 {source} 导入", "problems, imported from {source}"),
    "ingest.exists": ("{dest} 已存在且不是空文件夹：没有写入任何内容", "{dest} exists and is not an empty folder: nothing written"),
    "ingest.exists.hint": ("导入只写新文件夹，换一个 -o", "import only writes a new folder: choose another -o"),
    "ingest.nothing_written": ("有{errors}个错误：没有写入任何内容（加 --partial 只写读对了的行）",
                               "{errors} errors: nothing written (--partial writes the rows that were read)"),
    "ingest.wrote": ("已写入 {dest}：{projects}个项目，{cards}张跟踪卡，{issues}个问题，{progress}条完成投资",
                     "wrote {dest}: {projects} projects, {cards} responsibility cards, {issues} problems, {progress} progress entries"),
    "ingest.wrote_partial": ("有{errors}个错误的行未导入", "rows with {errors} errors were left out"),
    "ingest.check_failed": ("导入后的台账通不过检查：{text}", "the imported ledger would not pass check: {text}"),
    "ingest.next": ("下一步：xmledger check -L {dest}", "next: xmledger check -L {dest}"),
    "ingest.map.sheet": ("工作表“{sheet}”：表头在第{row}行（{rows}行表头），{year}年，{month}，单位：{unit}，截至{as_of}，读到{projects}个项目",
                         "sheet '{sheet}': header in row {row} ({rows} rows), year {year}, {month}, unit {unit}, as of {as_of}, {projects} projects read"),
    "ingest.map.month": ("累计到{n}月", "cumulative to month {n}"),
    "ingest.map.no_month": ("无累计月份", "no cumulative month"),
    "ingest.map.groups": ("分组：{groups}", "groups: {groups}"),
    "intake.sheet": ("{month}月进展", "month {month}"),
    "intake.title": ("{name} {year}年{month}月重点项目进展填报表", "{name}: progress of {year}-{month:0>2}"),
    "intake.subtitle": ("单位：{unit}　报送单位：{units}　只填黄色三列；编号等灰色列已锁定",
                        "amounts in {unit}; units: {units}; fill in the three yellow columns only, the others are locked"),
    "intake.validation.input": ("填本月完成投资（{unit}），没有完成填0", "this month's investment in {unit}; 0 if none"),
    "intake.validation.error": ("只能填不小于0的数字（{unit}）", "a number of at least 0 ({unit}) only"),
    "intake.col.done_months": ("1—{n}月已完成（{unit}）", "completed Jan-month {n} ({unit})"),
    "intake.no_month": ("看不出是哪个月的填报表", "cannot tell which month this sheet reports"),
    "intake.no_month.hint": ("用 xmledger template progress 生成填报表，或用 --month 2025-10 指定",
                             "make the sheet with xmledger template progress, or pass --month 2025-10"),
    "intake.no_header": ("没有找到填报表的表头（编号、本月完成投资）", "no sheet with the template's header (编号, 本月完成投资)"),
    "intake.no_header.hint": ("用 xmledger template progress 生成的表填报，不要改动表头",
                              "fill in a sheet made by xmledger template progress and keep its header"),
    "intake.no_id": ("这一行填了内容却没有编号", "this row is filled in but has no id"),
    "intake.unknown_project": ("台账里没有编号为 {id} 的项目", "the ledger has no project {id}"),
    "intake.unknown_project.hint": ("编号列已锁定，不要改动；新项目先加进台账再生成填报表",
                                    "keep the locked id column as it is; add a new project to the ledger first"),
    "intake.not_on_list": ("{id} 不在{year}年重点项目名单上", "{id} is not on the {year} list"),
    "intake.name_differs": ("{id} 在台账里叫“{ledger}”，表里是“{name}”：请核对这一行", "{id} is '{ledger}' in the ledger, '{name}' here: check the row"),
    "intake.duplicate": ("{id} 已在 {place} 填报过", "{id} is reported already at {place}"),
    "intake.note_without_amount": ("填了形象进度却没有本月完成投资", "a progress note but no investment this month"),
    "intake.note_without_amount.hint": ("没有完成投资就填 0", "write 0 when nothing was invested"),
    "intake.future_month": ("{month} 还没有到，不能报送完成投资", "{month} has not come yet: no investment can be reported"),
    "intake.already": ("{id} {month} 已在 {place} 报送过（{invested}），与本表不同", "{id} {month} is reported already at {place} ({invested}), with other figures"),
    "intake.already.hint": ("确认要改就加 --replace", "pass --replace to replace it"),
    "intake.elsewhere": ("{id} {month} 报送在 {place}，--replace 只替换 intake 写的文件", "{id} {month} is reported at {place}; --replace replaces only what intake wrote"),
    "intake.elsewhere.hint": ("在那个文件里改，或先删掉那一条", "change it in that file, or delete it there first"),
    "intake.no_unit": ("未填单位", "no unit"),
    "intake.issues_file": ("月度填报中收集的问题（xmledger intake）", "problems collected by the monthly intake (xmledger intake)"),
    "intake.nothing_to_do": ("没有要写入的内容：{unchanged}条完成投资与台账一致，{known}个问题已有记录",
                             "nothing to write: {unchanged} progress entries are in the ledger already, {known} problems are recorded"),
    "intake.check_failed": ("写入后台账通不过检查：{text}", "the ledger would not pass check: {text}"),
    "intake.wrote": ("已写入 {path}", "wrote {path}"),
    "intake.nothing_written": ("有{errors}个错误：没有写入任何内容", "{errors} errors: nothing written"),
    "intake.would_write": ("将写入 {path}（--dry-run，未写入）", "would write {path} (--dry-run: nothing written)"),
    "intake.summary": ("{months}：新增{added}条完成投资，替换{replaced}条，{unchanged}条已在台账中；新问题：{issues}（{known}个已有记录）；{empty}个项目未填",
                       "{months}: {added} progress entries added, {replaced} replaced, {unchanged} already in the ledger; new problems: {issues} ({known} recorded already); {empty} projects left empty"),
    "intake.output_exists": ("{path} 已存在：没有写入（加 --force 覆盖）", "{path} exists: nothing written (--force overwrites it)"),
    "intake.no_projects": ("{year}年名单上没有这些单位的项目：{units}", "no project of these units on the {year} list: {units}"),
    "intake.template_written": ("已写入 {path}：{year}年{month}月，{n}个项目", "wrote {path}: {year}-{month:0>2}, {n} projects"),
    # ---------------------------------------------------------------- export (issue 11): workbook, csv, sqlite, html
    "wb.title": ("{region}{year}年重点项目建设进展情况表（截至{date}）",
                 "{region}: progress of the key projects of {year} (as of {date})"),
    "wb.unit": ("单位：{unit}", "amounts in {unit}"),
    "wb.filter": ("筛选：{filters}", "filter: {filters}"),
    "wb.done": ("1—{m}月完成", "done, Jan-{month}"),
    "wb.done_1": ("1月完成", "done in January"),
    "wb.done_0": ("完成", "done"),
    "wb.group": ("{n}、{key}（{count}个）", "{n}. {key} ({count})"),
    "wb.total": ("合计（{count}个）", "total ({count})"),
    "wb.sheet.progress": ("项目进展", "Progress"),
    "wb.sheet.issues": ("问题清单", "Problems"),
    "wb.sheet.leaders": ("包靠责任", "Responsibility"),
    "wb.sheet.rank": ("排名", "Ranking"),
    "wb.sheet.summary": ("汇总", "Summary"),
    "wb.footer": ("第 &P 页，共 &N 页", "page &P of &N"),
    "chart.cumulative": ("逐月累计完成投资与计划（{unit}）", "Cumulative investment against plan by month ({unit})"),
    "chart.starts_by": ("开工率（按{by}）", "Start rate by {by}"),
    "chart.lights_by": ("红黄绿灯（按{by}）", "Traffic lights by {by}"),
    "chart.problems": ("问题提出与办结（按月）", "Problems raised and resolved by month"),
    "chart.month": ("{m}月", "{month}"),
    "chart.empty": ("（无数据）", "(no data)"),
    "page.figures": ("主要指标", "Headline figures"),
    "page.generated": ("由 xmledger {version} 生成", "Made by xmledger {version}"),
    "export.wrote": ("已写入 {path}", "wrote {path}"),
    "export.wrote_many": ("已写入 {n} 个文件到 {path}", "wrote {n} files to {path}"),

    # ---------------------------------------------------------------- git-native ledger (issue 10): --rev, diff, summary --since
    "read.cannot_read.git_symlink": ("在 git 中是符号链接：按版本读取时不跟随链接，其中的记录未计入",
                                     "is a symbolic link in git: a revision is read without following links, "
                                     "so its records are not counted"),
    "read.cannot_read.git_symlink.hint": ("把链接换成文件本身（git rm 链接，git add 文件）",
                                          "commit the file itself instead of a link to it"),
    "read.cannot_read.git_submodule": ("是 git 子模块：子模块的文件不属于这个版本，其中的记录未计入",
                                       "is a git submodule: its files are not part of this revision, "
                                       "so its records are not counted"),
    "read.cannot_read.git_submodule.hint": ("把记录直接提交到台账仓库，不要放在子模块里",
                                            "commit the records into the ledger's own repository, not a submodule"),
    "circ.revision": ("（本通报依据台账版本 {revision} 生成）", "(Made from revision {revision} of the ledger.)"),
    "heading.diff": ("{name} · 变化对比 · {year}年 · {before} → {after} · 单位：{unit}",
                     "{name} · changes · {year} · {before} → {after} · amounts in {unit}"),
    "diff.state": ("{revision} 截至{date}", "{revision} as of {date}"),
    "table.diff_figures": ("主要指标对比", "headline figures"),
    "table.diff_projects": ("项目变化（{n}项）", "projects ({n} {n:change|changes})"),
    "table.diff_investment": ("期间报送的投资（新报{new}，更正{corrections}，合计{total}）",
                              "investment reported in between (new {new}, corrections {corrections}, total {total})"),
    "table.diff_problems": ("问题变化（{n}项）", "problems ({n} {n:change|changes})"),
    "table.diff_records": ("记录变化（逐字段，{n}项）", "records, field by field ({n} {n:change|changes})"),
    "circ.since": ("自{since}以来，新开工项目{started}个、新竣工项目{completed}个，新报完成投资{amount}{corrections}；"
                   "新收集问题{raised}个、新办结问题{resolved}个，新增逾期未办结问题{overdue}个{red}。",
                   "Since {since}, {started} {started:project|projects} started and {completed} completed; {amount} "
                   "of new investment was reported{corrections}; {raised} {raised:problem was|problems were} raised, "
                   "{resolved} resolved and {overdue} became overdue{red}."),
    "circ.since_revision": ("台账版本 {revision} ", "revision {revision} of the ledger"),
    "circ.since_corrections": ("（另更正以前报送的投资{amount}）", " (and earlier reports were corrected by {amount})"),
    "circ.since_red": ("；新增红灯项目{n}个", "; {n} {n:project|projects} turned red"),
}
