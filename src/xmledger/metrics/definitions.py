"""What every figure means: the one home of the definitions, in Chinese and English.

Each `Figure` is one key of a report's json document (`start_rate`,
`issues.overdue`, `score` ...) with its name as offices write it, what it
counts as of the date D for the year Y, its formula in other figures, where
offices publish it and the decisions (docs/decisions.md) that touch it.
`xmledger explain` prints these, and `tools/make_docs.py` writes the figure
sections of docs/metrics.md from them, so the command and the docs cannot
drift. They are words, like core/words.py, but kept here beside the figures
they define: one place to change when a definition changes.

Formulas name other figures in braces (`{started} / {projects}`); each reader
puts them in its own words (the names in Chinese or English, or links in the
docs).
"""

from __future__ import annotations

import re
import unicodedata
from typing import NamedTuple


class Section(NamedTuple):
    key: str
    zh: str
    en: str


SECTIONS: tuple[Section, ...] = (
    Section("frame", "报表要素", "The frame of a report"),
    Section("starts", "开工与竣工", "Starts and completions"),
    Section("investment", "投资完成", "Investment"),
    Section("schedule", "计划进度与红黄绿灯", "Schedule and traffic lights"),
    Section("double_half", "双过半与逐月累计", "Double half and the months"),
    Section("four_batches", "四个一批", "Four batches"),
    Section("problems", "问题办理", "Problems"),
    Section("yoy", "同比", "Year on year"),
    Section("ranking", "排名", "Ranking"),
    Section("responsibility", "包靠责任", "Responsibility"),
    Section("project", "单个项目", "One project"),
    Section("problem", "单个问题", "One problem"),
)

#: how a kind of value is written: in json, and in tables
KINDS: dict[str, tuple[str, str]] = {
    "count": ("个数（整数）", "a count (integer)"),
    "amount": ("金额：json 中为台账单位的十进制字符串（\"888000\"），表格中保留两位小数（888000.00）",
               "an amount: a decimal string in the ledger unit in json (\"888000\"), two decimals in tables "
               "(888000.00)"),
    "rate": ("比率：json 中为小数（0.7890625，保留8位），表格中为百分数、保留一位小数、四舍五入（78.9%）；分母为0时为 null / -",
             "a rate: a fraction in json (0.7890625, 8 decimals), a percentage with one decimal, rounded half up, "
             "in tables (78.9%); null / - when its denominator is 0"),
    "pp": ("百分点：json 中为数值（22.727822），表格中带正负号、保留一位小数（+22.7）",
           "percentage points: a number in json (22.727822), signed with one decimal in tables (+22.7)"),
    "growth": ("增长率：json 中为小数（0.19034853），表格中为带正负号的百分数（+19.0%）",
               "a growth: a fraction in json (0.19034853), a signed percentage in tables (+19.0%)"),
    "decimal": ("数值：json 中保留6位小数，表格中保留一位（4.7）", "a number: 6 decimals in json, one in tables (4.7)"),
    "score": ("得分：0到1之间（权重之和为1时），表格中保留三位小数（0.589）",
              "a score between 0 and 1 (when the weights add up to 1), three decimals in tables (0.589)"),
    "month": ("月份：1—12，或 null", "a month number, 1-12, or null"),
    "year": ("年份（整数）", "a year (integer)"),
    "date": ("日期：YYYY-MM-DD", "a date: YYYY-MM-DD"),
    "code": ("代码：json 中为英文代码，表格中为中文名称", "a code: the English code in json, its name in tables"),
    "text": ("文字", "text"),
    "list": ("列表", "a list"),
    "object": ("对象", "an object"),
}

#: commands, as the docs and `explain` name them
COMMANDS = ("status", "status --by", "starts", "completion", "progress", "show", "summary", "issues",
            "issues --stats", "leaders", "rank")


class Figure(NamedTuple):
    key: str  # the key in the json document; nested keys as paths: issues.overdue
    section: str
    zh: str  # the name offices write
    en: str
    kind: str  # of KINDS
    zh_text: str  # the definition, as of D for Y
    en_text: str
    formula: str = ""  # in other figures: "{started} / {projects}"
    aliases: tuple[str, ...] = ()  # other names it goes by: table columns, office words
    shown: tuple[str, ...] = ()  # the commands that show it
    published: tuple[str, str] | None = None  # where offices publish it (zh, en)
    sample: str | None = None  # as `status` shows it for data/lijin as of 2019-05-31 (tested)
    decisions: tuple[str, ...] = ()  # titles of decisions in docs/decisions.md (## Figures, ## Groups ...)
    labelled: bool = True  # the table label of its key names it too (not so `unit`: the 责任单位 column)


HEADLINE = ("status", "status --by")


def _f(key, section, zh, en, kind, zh_text, en_text, **more) -> Figure:
    return Figure(key, section, zh, en, kind, zh_text, en_text, **more)


ZERO_RATE = "Rates with a zero denominator"

FIGURES: tuple[Figure, ...] = (
    # ------------------------------------------------------------ the frame
    _f("year", "frame", "年度", "year", "year",
       "重点项目名单的年度Y（--year，默认为截至日期所在的年份）。项目的 plans 中有Y年的计划，才在Y年名单上；"
       "除“四个一批”中的谋划、储备两项外，所有指标都只统计Y年名单上的项目。",
       "The year Y of the key-project list (--year; by default the year of the as-of date). A project is on Y's "
       "list when its plans have year Y; every figure except the planning and reserve pools counts only the "
       "projects on Y's list.",
       shown=COMMANDS),
    _f("as_of", "frame", "截至日期", "as of", "date",
       "报表的截至日期D（--as-of，默认今天；写 2019-05 表示该月最后一天）。日期字段不晚于D才算数：开工日期在D之后的项目"
       "截至D尚未开工，D之后提出的问题截至D还不存在；某月的完成投资在该月不晚于D所在月份时计入。",
       "The date D of the report (--as-of; by default today; 2019-05 means the last day of that month). A date "
       "counts once it is on or before D: a project that starts after D has not started as of D, a problem "
       "raised after D does not exist yet; a month's investment counts when its month is D's month or earlier.",
       shown=COMMANDS),
    _f("unit", "frame", "金额单位", "unit", "text",
       "台账的金额单位（ledger.yaml 的 unit：元、万元或亿元，默认万元）。报表中的每个金额都以这个单位表示。",
       "The ledger's unit of amounts (unit in ledger.yaml: 元, 万元 or 亿元; 万元 by default). Every amount of a "
       "report is in this unit.",
       shown=COMMANDS, labelled=False),
    _f("left_out", "frame", "未计入", "left out", "object",
       "加 --allow-errors 出报表时，因有错误而未计入的记录和文件：records、files 两项。",
       "What was left out for errors when a report is made with --allow-errors: records and files.",
       shown=COMMANDS),
    _f("left_out.records", "frame", "未计入记录数", "records left out", "count",
       "加 --allow-errors 出报表时，因有错误而未计入的记录数；否则为0。",
       "Records left out because they have errors, when a report is made with --allow-errors; 0 otherwise.",
       shown=COMMANDS),
    _f("left_out.files", "frame", "未计入文件数", "files left out", "count",
       "加 --allow-errors 出报表时，因无法读取而整个未计入的文件数；否则为0。",
       "Files nothing could be read from, left out whole, when a report is made with --allow-errors; 0 otherwise.",
       shown=COMMANDS),
    _f("filters", "frame", "筛选条件", "filters", "object",
       "报表使用的筛选条件（--level、--category、--location、--unit、--leader、--tag），只在使用时出现。"
       "筛选后，所有指标都只统计符合全部条件的项目及其问题。",
       "The filters of the report (--level, --category, --location, --unit, --leader, --tag), present only when "
       "some are given. With filters, every figure counts only the projects that match them all, and their "
       "problems.",
       shown=COMMANDS),
    _f("revision", "frame", "版本", "revision", "text",
       "台账不是按文件夹当前内容读取、而是按 git 的某个版本读取时，写明读的是哪个版本。",
       "What was read, when the ledger was read from a git revision rather than the folder as it is.",
       shown=COMMANDS),
    _f("groups", "frame", "分组指标", "groups", "list",
       "加 --by level|category|location|unit|leader 时，每组一个对象：分组名 key，以及与全体相同的各项指标，"
       "只统计该组的项目及其问题。项目按其责任卡上的每个责任单位、每位包靠领导分组（一个项目可在多个组），"
       "按自身的级别、类别、所在地分组。",
       "With --by level|category|location|unit|leader, one object per group: its key and the same figures as "
       "the whole, over the group's projects and their problems. A project sits in the unit and leader groups of "
       "every card that lists it (so in several groups at once), and in the level, category and location groups "
       "of its own fields.",
       shown=("status --by", "starts", "completion"),
       decisions=("Groups", "Level and category groups")),
    _f("groups[].key", "frame", "分组名", "group", "text",
       "分组的值：责任单位、包靠领导、所在地、类别或级别（json 中为 province/city/county）。没有所在地的项目、"
       "不在任何责任卡上的项目单独成组，json 中为 null，表格中为“(未填)”“(无跟踪卡)”。",
       "The group's value: the unit, the leader, the location, the category or the level (province, city or "
       "county in json). Projects without a location, or on no card, form a group of their own: null in json, "
       "\"(none)\" or \"(no card)\" in tables.",
       aliases=("key",), shown=("status --by", "starts", "completion", "rank", "issues --stats"),
       decisions=("Groups",)),

    # ------------------------------------------------------------ starts and completions
    _f("projects", "starts", "项目数", "projects", "count",
       "Y年名单上的重点项目个数（项目的 plans 中有Y年），经筛选后。只在谋划、储备库中、没有Y年计划的项目不计入。",
       "Key projects on year Y's list (their plans have year Y), after the filters. Projects in the planning or "
       "reserve pool with no plan for Y are not counted.",
       aliases=("重点项目个数", "项目个数"), shown=(*HEADLINE, "starts", "completion", "rank", "leaders", "summary"),
       published=("通报：“全县共有重点项目128个”", "the circular: \"全县共有重点项目128个\" (128 key projects)"),
       sample="128"),
    _f("total_investment", "starts", "总投资", "total investment", "amount",
       "名单上项目的总投资之和（项目的 total_investment）。",
       "The sum of the total investment (total_investment) of the projects on the list.",
       formula="Σ total_investment",
       shown=("status", "summary"),
       published=("通报：“总投资285.2亿元”", "the circular: \"总投资285.2亿元\" (28.52 billion yuan)"),
       sample="2852000.00"),
    _f("annual_plan", "starts", "年度计划投资", "annual plan", "amount",
       "名单上项目的Y年年度计划投资之和（plans.Y.annual）。",
       "The sum of the projects' annual planned investment for Y (plans.Y.annual).",
       formula="Σ plans.Y.annual", aliases=("annual",),
       shown=(*HEADLINE, "completion", "progress", "summary"),
       published=("通报：“年度计划投资137.9亿元”", "the circular: \"年度计划投资137.9亿元\""),
       sample="1379000.00"),
    _f("started", "starts", "已开工", "started", "count",
       "实际开工日期（start.actual）不晚于D的项目个数，续建项目和今年新开工的项目都算。",
       "Projects whose actual start (start.actual) is on or before D, continuing and new ones alike.",
       aliases=("已开工项目", "开工项目"), shown=(*HEADLINE, "starts", "rank", "leaders", "summary"),
       published=("通报：“已开工101个”", "the circular: \"已开工101个\" (101 started)"),
       sample="101"),
    _f("start_rate", "starts", "开工率", "start rate", "rate",
       "截至D已开工的项目占Y年名单项目（经筛选）的比例。",
       "The share of the projects on Y's list (after the filters) that have started by D.",
       formula="{started} / {projects}",
       shown=(*HEADLINE, "starts", "rank", "leaders", "summary"),
       published=("通报、新闻稿的首要指标，如“截止5月底，全县重点项目已开工101个，开工率78.9%”（利津县，东营市投资促进局"
                  "2019年6月12日）",
                  "the first figure of circulars and press releases, as in \"截止5月底，全县重点项目已开工101个，"
                  "开工率78.9%\" (Lijin county, published by the Dongying investment promotion bureau, "
                  "12 June 2019)"),
       sample="78.9%", decisions=(ZERO_RATE,)),
    _f("continuing", "starts", "续建", "continuing", "count",
       "Y年以前（Y年1月1日之前）就已开工、且开工日期不晚于D的项目个数。",
       "Projects that started before 1 January of Y (and, like every date, on or before D).",
       shown=("status", "starts", "summary"),
       published=("通报：“续建项目58个”", "the circular: \"续建项目58个\""),
       sample="58", decisions=("Continuing (续建)",)),
    _f("new_projects", "starts", "新开工项目", "new projects", "count",
       "名单上除续建项目以外的项目：今年已开工的和尚未开工的。",
       "The projects on the list that are not continuing: those that started this year and those not started yet.",
       formula="{projects} - {continuing}",
       shown=("status", "starts", "summary"),
       published=("通报：“新开工项目70个”", "the circular: \"新开工项目70个\""),
       sample="70", decisions=("Continuing (续建)",)),
    _f("new_started", "starts", "新开工已开工", "new started", "count",
       "新开工项目中截至D已开工的个数。",
       "New projects that have started by D.",
       formula="{started} - {continuing}",
       shown=("status", "starts", "summary"),
       published=("通报：“已开工43个”（新开工项目中）", "the circular: \"已开工43个\" (of the new projects)"),
       sample="43"),
    _f("new_start_rate", "starts", "新开工率", "new start rate", "rate",
       "新开工项目中截至D已开工的比例。",
       "The share of the new projects that have started by D.",
       formula="{new_started} / {new_projects}",
       shown=("status", "starts", "summary"),
       published=("通报：“新开工率61.4%”", "the circular: \"新开工率61.4%\""),
       sample="61.4%", decisions=(ZERO_RATE,)),
    _f("late_start", "starts", "逾期未开工", "late starts", "count",
       "计划开工日期（start.planned）不晚于D、截至D仍未开工的项目个数。逾期天数为D减计划开工日期（日历天）。",
       "Projects whose planned start (start.planned) is on or before D and that have not started by D. The delay "
       "is D minus the planned start, in calendar days.",
       aliases=("逾期未开工项目",), shown=("status", "starts", "summary"),
       published=("通报：“逾期未开工3个”", "the circular: \"逾期未开工3个\""),
       sample="3", decisions=("Late starts",)),
    _f("completed", "starts", "已竣工", "completed", "count",
       "实际竣工日期（completion.actual）不晚于D的项目个数，无论原计划哪年竣工。",
       "Projects whose actual completion (completion.actual) is on or before D, whatever year they were planned "
       "to complete in.",
       shown=("status",), sample="6"),
    _f("completing", "starts", "计划竣工", "to complete this year", "count",
       "计划竣工日期（completion.planned）在Y年的项目个数，即“竣工一批”。",
       "Projects whose planned completion (completion.planned) falls in year Y: the 竣工一批.",
       shown=("status", "summary"),
       published=("通报：“计划年内竣工项目30个”", "the circular: \"计划年内竣工项目30个\""),
       sample="30"),
    _f("completing_done", "starts", "计划竣工已竣工", "completed of those", "count",
       "计划在Y年竣工的项目中，截至D已竣工的个数。",
       "Of the projects planned to complete in Y, those completed by D.",
       shown=("status", "summary"),
       published=("通报：“已竣工6个”", "the circular: \"已竣工6个\""),
       sample="6"),
    _f("completion_project_rate", "starts", "竣工率", "completion rate", "rate",
       "计划在Y年竣工的项目中截至D已竣工的比例。",
       "The share of the projects planned to complete in Y that have completed by D.",
       formula="{completing_done} / {completing}",
       shown=("status", "summary"),
       published=("通报：“竣工率20.0%”", "the circular: \"竣工率20.0%\""),
       sample="20.0%", decisions=(ZERO_RATE,)),

    # ------------------------------------------------------------ investment
    _f("completed_ytd", "investment", "年内完成投资", "completed this year", "amount",
       "Y年1月至D所在月份，名单上项目逐月完成投资（progress 中的 invested，progress/ 文件夹中的月报同样计入）之和，"
       "即通报中的“1—N月累计完成投资”。D所在月份的月报一经录入即计入。",
       "The investment completed in the months of Y up to D's month (invested in progress; reports in the "
       "progress/ folder count the same), summed over the projects on the list: the circular's \"1—N月累计完成"
       "投资\". D's own month counts as soon as its report is in.",
       aliases=("完成投资", "年度完成投资", "1—N月累计完成投资"), shown=(*HEADLINE, "completion", "progress", "summary"),
       published=("通报：“1—5月累计完成投资88.8亿元”", "the circular: \"1—5月累计完成投资88.8亿元\""),
       sample="888000.00"),
    _f("plan_completion_rate", "investment", "计划完成率", "plan completion", "rate",
       "截至D的年内完成投资占Y年年度计划投资的比例，即“完成年度计划投资的N%”“占年度计划的N%”。",
       "The investment completed this year up to D against the annual plan of Y: \"完成年度计划投资的N%\", "
       "\"占年度计划的N%\".",
       formula="{completed_ytd} / {annual_plan}",
       aliases=("年度计划投资完成率", "投资完成率", "完成年度计划投资"), shown=(*HEADLINE, "completion", "rank", "leaders", "summary"),
       published=("通报和新闻稿：“1至5月份，全市86个省重点项目……完成年度计划投资的64.4%”（漯河市发改委）；"
                  "通报：“占年度计划的64.4%”",
                  "circulars and press releases: \"1至5月份，全市86个省重点项目……完成年度计划投资的64.4%\" "
                  "(Luohe city); the circular: \"占年度计划的64.4%\""),
       sample="64.4%", decisions=(ZERO_RATE,)),
    _f("cumulative", "investment", "累计完成投资", "cumulative", "amount",
       "项目开工以来累计完成的投资：以前年度完成（prior_investment）加上截至D所在月份的全部月报，不分年份。",
       "Investment completed since the project began: its prior_investment plus every monthly report up to D's "
       "month, of any year.",
       shown=("status", "completion", "progress")),
    _f("cumulative_rate", "investment", "累计完成率", "cumulative rate", "rate",
       "累计完成投资占总投资的比例。",
       "Cumulative investment against the total investment.",
       formula="{cumulative} / {total_investment}",
       shown=("status",), decisions=(ZERO_RATE,)),
    _f("planned_to_date", "investment", "计划至今", "planned to date", "amount",
       "按进度计划，Y年1月至D所在月份应完成的投资：有月度计划（plans.Y.monthly）的项目取这几个月计划之和，"
       "没有的按年度计划×月数/12折算。D早于Y年时为0，晚于Y年时为全年计划。",
       "What the plans call for from January of Y to D's month: the sum of those months of the monthly plan "
       "(plans.Y.monthly) where a project has one, else the annual plan × months / 12. 0 when D is before Y; the "
       "whole annual plan when D is after Y.",
       shown=("status", "completion", "progress")),
    _f("time_elapsed", "investment", "序时进度", "time elapsed", "rate",
       "时间过去的比例：D所在月份数/12（D早于Y年为0，晚于Y年为1）。5月底为41.7%，6月底为50%。",
       "How much of the year has passed: D's month number / 12 (0 before Y, 1 after Y). End of May: 41.7%; end "
       "of June: 50%.",
       aliases=("时间进度",), shown=("status",), sample="41.7%"),
    _f("ahead_of_time_pp", "investment", "超序时进度", "ahead of time", "pp",
       "计划完成率超出序时进度的百分点数，即通报中的“超序时进度N个百分点”；为负时写作“落后序时进度N个百分点”。",
       "How many percentage points plan completion is ahead of the time elapsed: the circular's \"超序时进度N个"
       "百分点\"; negative: behind (\"落后序时进度\").",
       formula="({plan_completion_rate} - {time_elapsed}) × 100",
       aliases=("超序时进度百分点", "落后序时进度"), shown=("status", "completion", "summary"),
       published=("通报：“超序时进度22.7个百分点”", "the circular: \"超序时进度22.7个百分点\""),
       sample="+22.7", decisions=("The SPEC's own example", ZERO_RATE)),

    # ------------------------------------------------------------ schedule and lights
    _f("on_schedule", "schedule", "达到计划进度", "on schedule", "count",
       "截至D达到计划进度的项目个数：不是逾期未开工，且年内完成投资不低于计划至今（completed_ytd ≥ planned_to_date）。",
       "Projects on schedule as of D: not a late start, and completed this year at least what the plan calls for "
       "to date (completed_ytd ≥ planned_to_date).",
       shown=("status", "summary"),
       published=("通报：“达到计划进度项目121个”", "the circular: \"达到计划进度项目121个\""),
       sample="121"),
    _f("on_schedule_rate", "schedule", "达到计划进度占比", "on-schedule rate", "rate",
       "截至D达到计划进度的项目占Y年名单项目的比例。",
       "The share of the projects on Y's list that are on schedule as of D.",
       formula="{on_schedule} / {projects}",
       aliases=("达到计划进度比例",), shown=(*HEADLINE, "completion", "rank", "summary"),
       published=("新闻稿：“达到计划进度项目121个，占总项目数的94.5%”（利津县，2019年5月底）",
                  "press release: \"达到计划进度项目121个，占总项目数的94.5%\" (Lijin county, end of May 2019)"),
       sample="94.5%", decisions=(ZERO_RATE,)),
    _f("lights", "schedule", "红黄绿灯", "lights", "object",
       "按红黄绿灯预警分的项目个数：green、yellow、red 三项，合计等于项目数。灯的颜色看截至D的开工和完成投资：没有按计划"
       "开工，或年内完成投资落后于计划至今，就不是绿灯。",
       "The projects by traffic light: green, yellow and red, adding up to the projects. A light looks at starts "
       "and investment as of D: a project that is late to start, or has completed less this year than planned to "
       "date, is not green.",
       shown=(*HEADLINE, "leaders")),
    _f("lights.green", "schedule", "绿灯", "green", "count",
       "绿灯项目个数：不是红灯、不是逾期未开工，且年内完成投资/计划至今不低于 warnings.yellow_below（默认1.0）。"
       "计划至今为0（还没到计划投资的月份）时不比这个比例。默认设置下，绿灯就是达到计划进度。",
       "Green projects: not red, not a late start, and completed this year / planned to date at least "
       "warnings.yellow_below (1.0 by default). When nothing is planned yet (planned to date 0) the ratio is not "
       "tested. With the default settings, green means on schedule.",
       aliases=("green",), shown=(*HEADLINE, "leaders"), sample="121"),
    _f("lights.yellow", "schedule", "黄灯", "yellow", "count",
       "黄灯项目个数：既不是红灯也不是绿灯，即进度略慢（比例在 red_below 与 yellow_below 之间）或逾期未开工不满 "
       "red_late_start_days 天。",
       "Yellow projects: neither red nor green, that is a little behind (the ratio between red_below and "
       "yellow_below) or a late start of fewer than red_late_start_days days.",
       aliases=("yellow",), shown=(*HEADLINE, "leaders"), sample="4"),
    _f("lights.red", "schedule", "红灯", "red", "count",
       "红灯预警项目个数：逾期未开工达到 warnings.red_late_start_days 天（默认30天），或年内完成投资/计划至今低于 "
       "warnings.red_below（默认0.8）。通报逐个点名红灯项目。",
       "Red projects: a start at least warnings.red_late_start_days days late (30 by default), or completed this "
       "year / planned to date below warnings.red_below (0.8 by default). The circular names each of them.",
       aliases=("red",), shown=(*HEADLINE, "leaders", "summary"),
       published=("通报：“红灯预警项目3个”，逐个列出项目、原因、责任单位和包靠领导",
                  "the circular: \"红灯预警项目3个\", listing each with its reason, unit and leader"),
       sample="3"),
    _f("light", "schedule", "预警", "light", "code",
       "单个项目的红黄绿灯（green、yellow、red），规则同上：红灯看逾期未开工天数和完成比例，绿灯要求不逾期且比例达标，"
       "其余为黄灯。",
       "One project's traffic light (green, yellow or red), by the rules above: red for a long late start or a low "
       "ratio, green when not late and the ratio is met, yellow otherwise.",
       shown=("progress", "show")),

    # ------------------------------------------------------------ double half and the months
    _f("double_half", "double_half", "双过半", "double half", "object",
       "“双过半”：到年中，时间过半、任务（完成投资）也过半。reached_month 为实现的月份，months_ahead 为提前的月数。",
       "双过半 (double half): by mid-year, both time and task (the investment completed) past half. "
       "reached_month is the month it was reached, months_ahead how many months early.",
       shown=("status", "completion", "summary"), decisions=("双过半",)),
    _f("double_half.reached_month", "double_half", "双过半实现月份", "double half reached in month", "month",
       "Y年中第一个满足“1月至该月累计完成投资不低于年度计划投资一半”的月份m（m不晚于D所在月份）；还没有实现，"
       "或年度计划为0时为 null。“双过半”指时间过半、任务过半。",
       "The first month m of Y (no later than D's month) by which the investment completed since January is at "
       "least half of the annual plan; null when not reached yet, or when the annual plan is 0. 双过半: half the "
       "time, half the task.",
       aliases=("reached_month",), shown=("status", "completion", "summary"),
       sample="5", decisions=("双过半",)),
    _f("double_half.months_ahead", "double_half", "双过半提前月数", "double half months ahead", "count",
       "提前几个月实现双过半：6减实现月份（6月及以前实现时）；7月以后才实现或尚未实现时为 null。"
       "通报写“提前N个月实现‘双过半’”，为0时写“实现‘双过半’”。",
       "How many months before the end of June the double half was reached: 6 − the month, when it is June or "
       "earlier; null when reached later or not at all. The circular says \"提前N个月实现“双过半”\", and "
       "\"实现“双过半”\" when it is 0.",
       formula="6 - {double_half.reached_month}", aliases=("months_ahead",),
       shown=("status", "completion", "summary"),
       published=("新闻稿：“均提前一个月实现‘双过半’目标”（漯河市）；通报：“提前1个月实现‘双过半’”",
                  "press release: \"均提前一个月实现“双过半”目标\" (Luohe city); the circular: "
                  "\"提前1个月实现“双过半”\""),
       sample="1", decisions=("双过半",)),
    _f("cum_completed", "double_half", "累计完成", "cumulative completed", "amount",
       "completion 报表逐月一行：Y年1月至该月累计完成的投资（D所在月份之后的月份为空）。",
       "In the months of the completion report: the investment completed from January of Y to that month "
       "(blank after D's month).",
       shown=("completion",)),
    _f("cum_planned", "double_half", "累计计划", "cumulative plan", "amount",
       "completion 报表逐月一行：Y年1月至该月的计划投资（算法同“计划至今”）。",
       "In the months of the completion report: the plan from January of Y to that month (as planned to date).",
       shown=("completion",)),
    _f("cum_rate", "double_half", "累计完成占年度计划", "% of annual plan", "rate",
       "completion 报表逐月一行：累计完成占年度计划投资的比例；达到50%的第一个月就是双过半实现月份。",
       "In the months of the completion report: the cumulative completed against the annual plan; the first "
       "month at 50% or more is the month the double half is reached.",
       formula="{cum_completed} / {annual_plan}", shown=("completion",)),

    # ------------------------------------------------------------ four batches
    _f("four_batches", "four_batches", "四个一批", "four batches", "object",
       "“四个一批”项目：谋划一批（planning）、储备一批（reserve）、开工一批（starting）、竣工一批（completing）。",
       "The four batches (四个一批): projects being conceived (planning), in reserve, starting and completing.",
       shown=("status",)),
    _f("four_batches.planning", "four_batches", "谋划一批", "planning pool", "count",
       "在谋划库中的项目个数（pool: planning）。与其他指标不同，统计整个台账（经筛选），不论是否在Y年名单上。",
       "Projects in the planning pool (pool: planning). Unlike the other figures, over the whole ledger (after "
       "the filters), on Y's list or not.",
       aliases=("planning",), shown=("status",),
       published=("“四个一批”（竣工一批、开工一批、储备一批、谋划一批）项目库（滨州市、城固县）",
                  "the 四个一批 project pools (竣工一批、开工一批、储备一批、谋划一批) of Binzhou and Chenggu"),
       sample="12"),
    _f("four_batches.reserve", "four_batches", "储备一批", "reserve pool", "count",
       "在储备库中的项目个数（pool: reserve），统计整个台账（经筛选），不论是否在Y年名单上。",
       "Projects in the reserve pool (pool: reserve), over the whole ledger (after the filters), on Y's list "
       "or not.",
       aliases=("reserve",), shown=("status",), sample="18"),
    _f("four_batches.starting", "four_batches", "开工一批", "starting", "count",
       "Y年名单上的新开工项目（与 new_projects 相同）。",
       "The new projects on Y's list (the same as new_projects).",
       formula="{new_projects}", aliases=("starting",), shown=("status",), sample="70"),
    _f("four_batches.completing", "four_batches", "竣工一批", "completing batch", "count",
       "Y年名单上计划在Y年竣工的项目（与 completing 相同）。",
       "The projects on Y's list planned to complete in Y (the same as completing).",
       formula="{completing}", shown=("status",)),

    # ------------------------------------------------------------ problems
    _f("issues", "problems", "问题办理", "problems", "object",
       "问题办理情况：Y年提出的问题的收集、办结、销号、逾期办结、办结率、平均办理工作日，以及所有年份的逾期未办结问题。",
       "The problems: those raised in Y (raised, resolved, closed, resolved late, resolution rate, average working "
       "days), and the overdue ones of every year.",
       shown=(*HEADLINE, "issues --stats", "summary")),
    _f("issues.raised", "problems", "收集问题", "problems raised", "count",
       "名单上项目（经筛选）在Y年内、截至D提出的问题个数（raised 在Y年且不晚于D，即“今年以来”）。以前年度提出的问题"
       "不计入，其中仍未办结的计入逾期未办结（issues.overdue）和未办结问题。",
       "Problems of the projects on the list (after the filters) raised in year Y up to D (raised in Y and on or "
       "before D: \"今年以来\"). Problems raised in earlier years are not counted here; those still open count in "
       "issues.overdue and in the open problems.",
       aliases=("issues_raised", "问题数", "问题总数", "收集问题数"), shown=(*HEADLINE, "issues --stats", "summary"),
       published=("通报：“共收集问题222个”；新闻稿：“收集的222个项目问题”（滨州市工信局，2020年5月）",
                  "the circular: \"共收集问题222个\"; press release: \"收集的222个项目问题\" (Binzhou, May 2020)"),
       sample="222"),
    _f("issues.resolved", "problems", "已办结", "resolved", "count",
       "这些问题中截至D已办结的个数（resolved 不晚于D；已销号的当然也已办结）。",
       "Of those problems, the ones resolved by D (resolved on or before D; closed ones are resolved too).",
       aliases=("issues_resolved",), shown=("status", "issues --stats", "summary"),
       published=("通报：“已办结196个”；新闻稿：“推送解决了196个”", "the circular: \"已办结196个\""),
       sample="196"),
    _f("issues.closed", "problems", "已销号", "closed", "count",
       "这些问题中截至D已销号的个数（closed 不晚于D：办结后经反馈确认，问题销号）。",
       "Of those problems, the ones closed by D (closed on or before D: resolved, confirmed by feedback, and "
       "struck off the list).",
       aliases=("issues_closed",), shown=("status", "summary"),
       published=("通报：“已销号176个”", "the circular: \"已销号176个\""), sample="176"),
    _f("issues.overdue", "problems", "逾期未办结", "overdue", "count",
       "Y年名单上项目（经筛选）的问题中，截至D已提出（不论哪一年提出）、尚未办结且已超过办结期限（D晚于期限）的个数；"
       "超过期限仍没有拿出办理方案的难题也算逾期。去年结转的问题办结前一直算逾期，通报逐个列出。"
       "办结期限：写了 due 的按 due；一般问题为提出后 sla.general_days（默认5）个工作日；难题有方案后按方案期限，"
       "没有方案前须在提出后 sla.hard_plan_days（默认2）个工作日内拿出方案。",
       "Problems of the projects on the list (after the filters) raised on or before D in any year, not resolved by "
       "D, and past their deadline (D after the due date); a hard problem still without a plan after its plan "
       "deadline is overdue too. A problem carried over from an earlier year stays overdue until it is resolved, "
       "and the circular lists it. The deadline: due when written; a general problem sla.general_days working "
       "days after it is raised (5 by default); a hard one its plan's due date once it has a plan, and until then "
       "it must have a plan sla.hard_plan_days working days after it is raised (2 by default).",
       aliases=("issues_overdue",), shown=(*HEADLINE, "issues --stats", "summary"),
       published=("通报：“逾期未办结3个”，逐个列出问题、责任单位、办结期限和逾期工作日",
                  "the circular: \"逾期未办结N个\", listing each with its unit, deadline and working days overdue"),
       decisions=("A hard problem's plan counts from its `plan.date`", "Working days")),
    _f("issues.resolved_late", "problems", "逾期办结", "resolved late", "count",
       "Y年提出的问题中，截至D已办结、但办结日期晚于办结期限的个数。",
       "Of the problems raised in Y, those resolved by D but after their deadline.",
       aliases=("issues_resolved_late",), shown=("status", "issues --stats", "summary"),
       published=("通报：“逾期办结15个”", "the circular: \"逾期办结15个\""), sample="15",
       decisions=("Working days",)),
    _f("issues.resolution_rate", "problems", "办结率", "resolution rate", "rate",
       "Y年提出的问题中截至D已办结的比例。",
       "The share of the problems raised in Y that are resolved by D.",
       formula="{issues.resolved} / {issues.raised}",
       aliases=("resolution_rate", "问题办结率"), shown=(*HEADLINE, "issues --stats", "rank", "summary"),
       published=("新闻稿：“收集的222个项目问题，推送解决了196个，办结率达到了88.3%以上”（滨州市工信局，2020年5月11日）",
                  "press release: \"收集的222个项目问题，推送解决了196个，办结率达到了88.3%以上\" (Binzhou bureau of "
                  "industry and information technology, 11 May 2020)"),
       sample="88.3%", decisions=(ZERO_RATE,)),
    _f("issues.avg_working_days", "problems", "平均办理工作日", "average working days", "decimal",
       "Y年提出、截至D已办结的问题，从提出到办结平均用了几个工作日。每个问题的工作日数从提出日的次日数到办结日"
       "（当天办结为0），按国家法定节假日和调休安排计算，再加上台账 calendar 中的调整。",
       "How many working days the problems raised in Y and resolved by D took on average: for each, the working "
       "days after the day it was raised up to and including the day it was resolved (0 when resolved the same "
       "day), by the official calendar with its holidays and make-up working days (调休), and the ledger's "
       "calendar overrides.",
       aliases=("avg_working_days",), shown=("status", "issues --stats", "summary"),
       published=("通报：“平均办理4.7个工作日”", "the circular: \"平均办理4.7个工作日\""), sample="4.7",
       decisions=("Working days", ZERO_RATE)),

    # ------------------------------------------------------------ year on year
    _f("yoy", "yoy", "同比", "year on year", "object",
       "与上年同期比较：Y−1年名单截至上年同一天的开工率和年内完成投资。台账中没有Y−1年的计划时为 null。",
       "Against the same date a year earlier: the start rate and the investment completed of Y − 1's list as of D "
       "one year earlier. null when the ledger has no plan for Y − 1.",
       shown=("status", "summary"), decisions=("同比",)),
    _f("yoy.year", "yoy", "同比年度", "compared year", "year",
       "同比所比的年度：Y−1。台账中没有任何项目有Y−1年计划时，整个 yoy 为 null。",
       "The year compared with: Y − 1. When no project has a plan for Y − 1, the whole of yoy is null.",
       shown=("status",), decisions=("同比",)),
    _f("yoy.as_of", "yoy", "同比截至日期", "compared as of", "date",
       "同比所比的截至日期：D的上一年同一天（2月29日对应上一年2月28日）。",
       "The date compared with: D one year earlier (29 February becomes 28 February).",
       shown=("status",), decisions=("同比",)),
    _f("yoy.start_rate_pp", "yoy", "开工率同比", "start rate vs last year", "pp",
       "开工率比上年同期提高的百分点数：Y年截至D的开工率减去Y−1年名单截至上年同日的开工率，乘以100。",
       "How many points the start rate is above the same date a year earlier: the start rate of Y as of D minus "
       "that of Y − 1's list as of D one year earlier, × 100.",
       formula="({start_rate} - {start_rate}[Y-1]) × 100", aliases=("start_rate_pp", "开工率同比提高"),
       shown=("status", "summary"),
       published=("新闻稿：“开工率78.9%，同比增长12个百分点”；通报：“同比提高12.0个百分点”",
                  "press release: \"开工率78.9%，同比增长12个百分点\"; the circular: \"同比提高12.0个百分点\""),
       sample="+12.0", decisions=("同比", ZERO_RATE)),
    _f("yoy.completed_ytd_growth", "yoy", "完成投资同比增长", "completed vs last year", "growth",
       "年内完成投资比上年同期增长的比例：Y年截至D的年内完成投资除以Y−1年截至上年同日的年内完成投资，减1。",
       "How much more was invested this year than by the same date a year earlier: completed this year as of D "
       "over that of Y − 1 as of D one year earlier, minus 1.",
       formula="{completed_ytd} / {completed_ytd}[Y-1] - 1", aliases=("completed_ytd_growth", "同比增长", "完成投资同比"),
       shown=("status", "summary"),
       published=("通报：“同比增长19.0%”", "the circular: \"同比增长19.0%\""),
       sample="+19.0%", decisions=("同比", ZERO_RATE)),

    # ------------------------------------------------------------ ranking
    _f("score", "ranking", "得分", "score", "score",
       "综合得分：四项指标按 ledger.yaml 中 ranking.weights 的权重加权求和，默认开工率×0.25 + "
       "计划完成率（最多按100%计）×0.35 + 达到计划进度占比×0.2 + 办结率×0.2。计划完成率封顶，多报一个项目的投资"
       "不能换来名次；没有问题的组办结率按100%计。",
       "The ranking score: the four figures weighted by ranking.weights of ledger.yaml, by default start rate × "
       "0.25 + plan completion (counted at most 100%) × 0.35 + on-schedule rate × 0.2 + resolution rate × 0.2. "
       "Plan completion is capped so that over-reporting one project cannot buy a place; a group with no "
       "problems counts a resolution rate of 100%.",
       formula="0.25 × {start_rate} + 0.35 × min({plan_completion_rate}, 1) + 0.2 × {on_schedule_rate} "
               "+ 0.2 × {issues.resolution_rate}",
       aliases=("综合得分",), shown=("rank", "summary"),
       published=("半年排名、年终考核，通报“综合排名后三位的责任单位”；红黑榜",
                  "half-yearly rankings and year-end reviews; the circular names the three lowest-ranked units; "
                  "red and black lists"),
       decisions=("`ranking.weights`", "The circular")),
    _f("rank", "ranking", "名次", "rank", "count",
       "按得分从高到低的名次；得分相同的，计划完成率高的在前，再相同按名称排序。--top N 为红榜，--bottom N 为黑榜。"
       "没有所在地或不在任何责任卡上的项目不参加排名，报表注明有几个。",
       "The place by score, highest first; equal scores go to the higher plan completion rate, then by name. "
       "--top N is the red list, --bottom N the black list. Projects without a location, or on no card, are left "
       "out of the ranking, and the report says how many.",
       aliases=("排名",), shown=("rank",), decisions=("Groups",)),

    # ------------------------------------------------------------ responsibility
    _f("open_issues", "responsibility", "未办结问题", "open problems", "count",
       "截至D已提出（不论哪一年）、截至D尚未办结的问题个数，只算Y年名单上的项目：progress 中为该项目的，"
       "leaders 中为该行责任卡上项目的。",
       "Problems raised on or before D, in any year, and not resolved by D, of projects on Y's list only: the "
       "project's in progress, the projects of the row's cards in leaders.",
       shown=("progress", "leaders", "show")),
    _f("overdue_issues", "responsibility", "逾期问题", "overdue problems", "count",
       "未办结问题中已逾期的个数（同 issues.overdue 的规则）。",
       "Of the open problems, those overdue (by the rules of issues.overdue).",
       shown=("leaders",), decisions=("A hard problem's plan counts from its `plan.date`",)),
    _f("visits_4w", "responsibility", "近4周现场次数", "visits in 4 weeks", "count",
       "该行责任卡上记录的、日期在D之前27天至D（共28天）内的现场督导次数；同一领导同一天到同一项目记两次的只算一次。",
       "Site visits recorded on the row's cards dated D − 27 … D (28 days); the same visit (leader, date, "
       "project) written twice counts once.",
       shown=("leaders",), decisions=("Site visits",)),
    _f("visits_required", "responsibility", "应到现场次数", "visits required", "count",
       "4周应到现场的次数：visits.per_week（默认每周1次）×4，按行内不同的包靠领导各算一份。",
       "Visits owed in 4 weeks: visits.per_week (1 by default) × 4 for each distinct leader of the row.",
       shown=("leaders",),
       published=("“包靠县领导……每周至少深入项目现场工作半天”（利津县）",
                  "\"包靠县领导……每周至少深入项目现场工作半天\": each leader on site at least half a day a week "
                  "(Lijin county)"),
       decisions=("Site visits",)),
    _f("visits_status", "responsibility", "现场督导", "visits", "code",
       "达标（ok）：近4周现场次数不少于应到次数；否则不足（short）。",
       "ok when the visits in the last 4 weeks are at least those required, else short.",
       shown=("leaders",)),
    _f("duties", "responsibility", "包靠责任", "duties", "list",
       "该行责任卡承担的“五包”责任：包立项开工、包融资建设、包施工环境、包进度质量、包竣工投产；五项都有时写“五包”。",
       "The five duties (五包) the row's cards carry: approval and start, financing, site environment, progress "
       "and quality, completion and operation; all five read \"五包\".",
       shown=("leaders", "show"),
       published=("“包项目立项开工、包项目融资建设、包项目施工环境、包项目进度质量、包项目竣工投产等‘五包’责任”（利津县）",
                  "the five duties as Lijin county lists them: \"包项目立项开工、包项目融资建设、包项目施工环境、"
                  "包项目进度质量、包项目竣工投产\"")),

    # ------------------------------------------------------------ one project
    _f("this_month", "project", "本月完成", "this month", "amount",
       "项目在D所在月份完成的投资。", "The project's investment completed in D's month.",
       shown=("progress",)),
    _f("ytd_rate", "project", "占年度计划", "% of annual", "rate",
       "项目的年内完成投资占其年度计划投资的比例。",
       "The project's investment completed this year against its annual plan.",
       formula="{completed_ytd} / {annual_plan}", shown=("progress",)),
    _f("cumulative_of_total", "project", "占总投资", "% of total", "rate",
       "项目的累计完成投资占其总投资的比例。",
       "The project's cumulative investment against its total investment.",
       formula="{cumulative} / {total_investment}", shown=("progress",)),
    _f("start_status", "project", "开工状态", "start", "code",
       "项目截至D的状态：已竣工（completed）、续建（continuing）、今年已开工（started）、逾期未开工（late）、"
       "未开工（not_started，计划开工日期还没到或没有填）。",
       "The project's state as of D: completed, continuing (续建), started this year, late (逾期未开工), or "
       "not_started (its planned start has not come, or is not given).",
       shown=("progress", "show")),
    _f("days_late", "project", "逾期天数", "days late", "count",
       "逾期未开工的项目，D减计划开工日期的日历天数。达到 red_late_start_days 天为红灯。",
       "For a late start, D minus the planned start in calendar days. At red_late_start_days or more the "
       "project is red.",
       shown=("starts", "summary"), decisions=("Late starts",)),

    # ------------------------------------------------------------ one problem
    _f("due", "problem", "办结期限", "due", "date",
       "问题的办结期限（限时办结）：写了 due 的按 due；否则一般问题为提出日后第 sla.general_days 个工作日；难题有方案"
       "（plan.date 不晚于D）后按方案的 due，此前为提出日后第 sla.hard_plan_days 个工作日（拿出方案的期限）。",
       "The problem's deadline (限时办结): due when written; else a general problem's is the sla.general_days-th "
       "working day after it was raised; a hard problem's is its plan's due once the plan is made (plan.date on "
       "or before D), and until then the sla.hard_plan_days-th working day after it was raised (the deadline for "
       "a plan).",
       shown=("issues", "show", "summary"),
       decisions=("A hard problem's plan counts from its `plan.date`", "Working days")),
    _f("overdue_days", "problem", "逾期工作日", "working days overdue", "count",
       "逾期问题已超过办结期限的工作日数：期限之后到D（含D）的工作日个数。",
       "For an overdue problem, the working days after its deadline up to and including D.",
       shown=("issues", "summary"), decisions=("Working days",)),
    _f("escalation", "problem", "化解层级", "escalation level", "count",
       "问题截至D提级到的最高层级（五级化解：1 首席服务官协调、2 县区周例会研究、3 市直部门专题破解、4 市级周例会"
       "重点攻坚、5 市党政联席会统筹推动；名称可在 escalation_levels 中改），未提级为0。issues --stats 按它分组。",
       "The highest escalation level the problem reached by D (五级化解: 1 首席服务官协调, 2 县区周例会研究, "
       "3 市直部门专题破解, 4 市级周例会重点攻坚, 5 市党政联席会统筹推动; names from escalation_levels); 0 when not "
       "escalated. issues --stats groups by it.",
       shown=("issues", "issues --stats"),
       published=("“建立五级化解问题闭环机制，通过首席服务官协调、县区周例会研究、市直部门专题破解、市级周例会重点攻坚和"
                  "市党政联席会统筹推动”（漯河市）",
                  "the five escalation levels as Luohe city names them"),
       decisions=("A problem's escalation level",)),
    _f("status", "problem", "办理状态", "status", "code",
       "问题截至D的状态：已销号（closed）、已办结（resolved）、办理中（in_progress：已交办，或有责任单位但没写交办日期）、"
       "待交办（pending）。",
       "The problem's state as of D: closed (已销号), resolved (已办结), in_progress (办理中: assigned by D, or "
       "with an assignee but no assigned date), pending (待交办).",
       shown=("issues", "show"), decisions=("A problem's status",)),
    _f("flag", "problem", "提示", "flag", "code",
       "难题超过拿出方案的期限仍没有方案时为 plan_overdue（难题逾期未出方案）。",
       "plan_overdue (难题逾期未出方案) for a hard problem still without a plan after its plan deadline.",
       shown=("issues",), decisions=("A hard problem's plan counts from its `plan.date`",)),
)

BY_KEY: dict[str, Figure] = {f.key: f for f in FIGURES}
SECTION_BY_KEY: dict[str, Section] = {s.key: s for s in SECTIONS}
_REFERENCE = re.compile(r"\{([^{}]+)\}")


def references(formula: str) -> list[str]:
    """The figures a formula names."""
    return _REFERENCE.findall(formula)


def formula_in(fig: Figure, name) -> str:
    """The formula with each figure it names put by `name(figure)`: its name in a language, a link ..."""
    return _REFERENCE.sub(lambda m: name(BY_KEY[m[1]]), fig.formula)


def anchor(key: str) -> str:
    """The figure's anchor in docs/metrics.md."""
    return key.replace("[]", "")


def normal(word: str) -> str:
    """How names are compared: case, width, spaces, brackets and - or _ do not matter."""
    word = unicodedata.normalize("NFKC", word).casefold()
    return re.sub(r"[\s()\[\]]+", "", word).replace("-", "_")


def names(fig: Figure) -> tuple[str, ...]:
    """Every name a figure answers to: its key, its names in both languages, its aliases and its table labels
    (but not another figure's key: `completing` is the figure of that key, though 竣工一批 is labelled so too)."""
    from ..core.words import LABELS

    out = [fig.key, fig.zh, fig.en, *fig.aliases]
    for key in (fig.key, *fig.aliases) if fig.labelled else fig.aliases:
        out += LABELS.get(key, ())
    return tuple(n for n in dict.fromkeys(out) if n == fig.key or n not in BY_KEY)


_INDEX: dict[str, str] | None = None


def index() -> dict[str, str]:
    """normal(name) -> figure key, for every name of every figure (names are unique: tests hold it)."""
    global _INDEX
    if _INDEX is None:
        _INDEX = {normal(n): fig.key for fig in FIGURES for n in names(fig)}
        _INDEX.update({normal(fig.key): fig.key for fig in FIGURES})  # a key always names its own figure
    return _INDEX


def find(word: str) -> Figure | None:
    key = index().get(normal(word))
    return None if key is None else BY_KEY[key]


def close_to(word: str, n: int = 3) -> list[Figure]:
    """The figures whose names are closest to a word that names none."""
    import difflib

    idx = index()
    matches = difflib.get_close_matches(normal(word), list(idx), n=n * 3, cutoff=0.6)
    return [BY_KEY[k] for k in dict.fromkeys(idx[m] for m in matches)][:n]
