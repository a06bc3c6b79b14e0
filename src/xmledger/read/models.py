"""The file format: pydantic models of ledger.yaml and the three record kinds.

These models are the contract of SPEC §3: required and optional fields,
enumerations, ids, dates, months and amounts. They validate what the YAML
reader produced, give the JSON Schema for editors (`xmledger schema`), and turn
a valid record into its normalized `records` tuple. Errors raised here carry our
own codes as pydantic error types (E1xx) and their sentence (`Say`) in the
error's context, so `validate` can report them as is.

Imported only when files are parsed or schemas printed: warm commands that
read the parse cache never pay for pydantic.
"""

from __future__ import annotations

import datetime
import re
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StrictBool,
    StringConstraints,
    ValidationInfo,
    WithJsonSchema,
)
from pydantic_core import PydanticCustomError

from ..core import records as r
from ..core.amounts import LEDGER_UNITS, MAX_AMOUNT, MAX_PLACES, AmountError, parse_amount, type_name
from ..core.words import Say, ascii_digits, msg
from .yamlread import BadDate, Odd

ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"
_ISO_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})\Z")
_ISO_MONTH = re.compile(r"([0-9]{4})-([0-9]{2})\Z")


def _fail(code: str, say: Say, hint: Say | None = None):
    return PydanticCustomError(code, "{message}", {"message": say.key, "say": say, "hint": hint})


_DECIMALS: dict[int, Decimal] = {}  # shared, like the YAML reader's scalars (see yamlread.shared)
_MONTHS: dict[str, datetime.date] = {}


def _to_amount(value, info: ValidationInfo) -> Decimal:
    kind = type(value)
    if kind is int and 0 <= value < MAX_AMOUNT:  # the common cases first: numbers in the ledger unit
        amount = _DECIMALS.get(value)
        if amount is None:
            amount = _DECIMALS[value] = Decimal(value)
        return amount
    if kind is Decimal and value.is_finite() and value >= 0 and value.as_tuple().exponent >= -MAX_PLACES \
            and value < MAX_AMOUNT:
        return value
    if isinstance(value, Odd):
        raise _fail("E108", msg("field.amount_read_as", text=value.text, reads=value.reads_as))
    unit = (info.context or {}).get("unit", "万元")
    try:
        return parse_amount(value, unit)
    except AmountError as e:
        raise _fail("E104" if e.say.key == "amount.negative" else "E108", e.say, ascii_digits(value)) from None


def _to_number(value) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, (int, Decimal)):
        if isinstance(value, Odd):
            raise _fail("E103", msg("field.number_read_as", text=value.text, reads=value.reads_as))
        raise _fail("E103", msg("field.expected_number", what=type_name(value)), ascii_digits(value))
    if not Decimal(value).is_finite():
        raise _fail("E103", msg("field.not_finite", value=value))
    return Decimal(value)


def _in_years(d: datetime.date, text) -> datetime.date:
    """Dates a ledger can mean: years 1900-2200, as --as-of and plans (a year 9999 would overflow deadlines)."""
    if not 1900 <= d.year <= 2200:
        raise _fail("E107", msg("field.date_out_of_range", text=str(text)))
    return d


def _to_date(value) -> datetime.date:
    if type(value) is datetime.date:
        return _in_years(value, value)
    if isinstance(value, BadDate):
        raise _fail("E107", msg("field.no_such_date", text=value.text))
    text = value.text if isinstance(value, Odd) else value
    if isinstance(text, str):
        m = _ISO_DATE.match(text)
        if m:
            try:
                d = datetime.date(int(m[1]), int(m[2]), int(m[3]))
            except ValueError:
                raise _fail("E107", msg("field.no_such_date", text=text)) from None
            return _in_years(d, text)
        raise _fail("E107", msg("field.not_a_date", text=text))
    raise _fail("E103", msg("field.expected_date", what=type_name(value)))


def _to_month(value) -> datetime.date:
    if type(value) is str and len(value) == 7 and value[4] == "-" and value[:4].isdigit() and value[5:].isdigit():
        month = _MONTHS.get(value)
        if month is None and 1 <= int(value[5:]) <= 12 and 1900 <= int(value[:4]) <= 2200:
            month = _MONTHS[value] = datetime.date(int(value[:4]), int(value[5:]), 1)
        if month is not None:
            return month
    if type(value) is datetime.date:
        raise _fail("E107", msg("field.date_for_month", value=value, month=f"{value:%Y-%m}"))
    text = value.text if isinstance(value, (Odd, BadDate)) else value
    if isinstance(text, str):
        m = _ISO_MONTH.match(text)
        if m and 1 <= int(m[2]) <= 12:
            return _in_years(datetime.date(int(m[1]), int(m[2]), 1), text)
        raise _fail("E107", msg("field.not_a_month", text=text))
    raise _fail("E103", msg("field.expected_month", what=type_name(value)))


_AMOUNT_SCHEMA = {"anyOf": [{"type": "number", "minimum": 0},
                            {"type": "string", "pattern": r"^\s*[0-9][0-9,]*(\.[0-9]+)?\s*(亿元|亿|万元|万|元)?\s*$"}],
                  "description": "amount: a number in the ledger unit, or a string with a unit (\"1.2亿元\", \"7000万\")"}

Amount = Annotated[Decimal, BeforeValidator(_to_amount), WithJsonSchema(_AMOUNT_SCHEMA)]
Number = Annotated[Decimal, BeforeValidator(_to_number), WithJsonSchema({"type": "number"})]
Date = Annotated[datetime.date, BeforeValidator(_to_date), WithJsonSchema({"type": "string", "format": "date"})]
Month = Annotated[datetime.date, BeforeValidator(_to_month),
                  WithJsonSchema({"type": "string", "pattern": r"^[0-9]{4}-(0[1-9]|1[0-2])$"})]
Text = Annotated[str, StringConstraints(min_length=1)]
Id = Annotated[str, StringConstraints(pattern=ID_PATTERN)]
Year = Annotated[int, Field(ge=1900, le=2200)]
MonthNo = Annotated[int, Field(ge=1, le=12)]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


# ---------------------------------------------------------------- ledger.yaml

class Sla(_Model):
    general_days: int = Field(5, ge=1, le=365, description="working days to resolve a general problem (一般问题)")
    hard_plan_days: int = Field(2, ge=1, le=365, description="working days to produce a plan for a hard problem (难题)")


class Warnings(_Model):
    yellow_below: Number = Field(Decimal("1.0"), ge=0, le=10, description="completed/planned-to-date below this is not green")
    red_below: Number = Field(Decimal("0.8"), ge=0, le=10, description="completed/planned-to-date below this is red")
    red_late_start_days: int = Field(30, ge=0, le=3650, description="a start this many days late is red")


class Calendar(_Model):
    extra_holidays: list[Date] = Field(default_factory=list, description="days off beyond the official calendar")
    extra_workdays: list[Date] = Field(default_factory=list, description="working days beyond the official calendar")
    complete_years: list[Year] = Field(default_factory=list, description="years whose every holiday and make-up "
                                       "day is listed above (for years the official calendar does not know yet)")


class Weights(_Model):
    start_rate: Number = Field(Decimal("0.25"), ge=0, le=100)
    plan_completion_rate: Number = Field(Decimal("0.35"), ge=0, le=100)
    on_schedule_rate: Number = Field(Decimal("0.2"), ge=0, le=100)
    resolution_rate: Number = Field(Decimal("0.2"), ge=0, le=100)


class Ranking(_Model):
    weights: Weights = Field(default_factory=Weights, description="weights of the ranking score; missing ones keep their default")


class Visits(_Model):
    per_week: int = Field(1, ge=0, le=50, description="required site visits per leader per week")


class LedgerFile(_Model):
    """ledger.yaml: the settings of one ledger."""

    name: Text = Field(description="title of the ledger, used in report headings")
    region: Text = Field(description="region name, e.g. 利津县")
    scope: Literal["province", "city", "county", "district"] = Field(
        "county", description="administrative level of the ledger's owner: the circular says 全省/全市/全县/全区")
    unit: Literal[LEDGER_UNITS] = Field("万元", description="unit of every amount in the ledger")
    language: Literal["zh", "en"] = "zh"
    categories: list[Text] | None = Field(None, description="allowed project categories")
    locations: list[Text] | None = Field(None, description="allowed project locations, in the order groups are shown")
    sla: Sla = Field(default_factory=Sla)
    warnings: Warnings = Field(default_factory=Warnings)
    calendar: Calendar = Field(default_factory=Calendar)
    ranking: Ranking = Field(default_factory=Ranking)
    visits: Visits = Field(default_factory=Visits)
    escalation_levels: Annotated[list[Text], Field(min_length=5, max_length=5)] | None = Field(
        None, description="names of the five escalation levels (五级化解)")

    def to_settings(self) -> r.Settings:
        w = self.ranking.weights
        return r.Settings(
            name=self.name, region=self.region, scope=self.scope, unit=self.unit, language=self.language,
            categories=tuple(self.categories) if self.categories is not None else None,
            locations=tuple(self.locations) if self.locations is not None else None,
            general_days=self.sla.general_days, hard_plan_days=self.sla.hard_plan_days,
            yellow_below=self.warnings.yellow_below, red_below=self.warnings.red_below,
            red_late_start_days=self.warnings.red_late_start_days,
            extra_holidays=frozenset(self.calendar.extra_holidays),
            extra_workdays=frozenset(self.calendar.extra_workdays),
            complete_years=frozenset(self.calendar.complete_years),
            weights=(("start_rate", w.start_rate), ("plan_completion_rate", w.plan_completion_rate),
                     ("on_schedule_rate", w.on_schedule_rate), ("resolution_rate", w.resolution_rate)),
            visits_per_week=self.visits.per_week,
            escalation_levels=tuple(self.escalation_levels or r.Settings().escalation_levels),
        )


# ---------------------------------------------------------------- projects

class SpanModel(_Model):
    planned: Date | None = None
    actual: Date | None = None

    def to_record(self) -> r.Span:
        return r.Span(self.planned, self.actual)


class MilestoneModel(_Model):
    name: Text = Field(description="立项, 用地, 环评, 施工许可 ...")
    planned: Date | None = None
    actual: Date | None = None


class YearPlanModel(_Model):
    annual: Amount = Field(description="年度计划投资")
    monthly: dict[MonthNo, Amount] | None = Field(None, description="monthly plan (进度清单), months 1-12; sums to annual")

    def to_record(self) -> r.YearPlan:
        if self.monthly is None:
            return r.YearPlan(self.annual, None)
        zero = Decimal(0)
        return r.YearPlan(self.annual, tuple(self.monthly.get(m, zero) for m in range(1, 13)))


class ProgressModel(_Model):
    month: Month
    invested: Amount = Field(description="investment completed in that month (完成投资)")
    note: Text | None = Field(None, description="physical progress (形象进度)")


class ProjectModel(_Model):
    """A key project (重点项目), SPEC §3.2."""

    id: Id
    name: Text
    level: Literal[r.LEVELS] = Field(description="list level: province / city / county (省/市/县重点)")
    category: Text
    owner: Text | None = Field(None, description="建设单位 / 项目业主")
    location: Text | None = Field(None, description="township, district or county")
    nature: Literal["new", "expansion", "renovation", "relocation"] | None = None
    content: Text | None = Field(None, description="建设内容")
    land_mu: Annotated[Number, Field(ge=0, le=100_000_000)] | None = Field(None, description="land area in mu (亩)")
    total_investment: Annotated[Amount, Field(gt=0)] = Field(description="总投资")
    prior_investment: Amount | None = Field(None, description="completed before the first month in progress")
    introduced: StrictBool | None = Field(None, description="brought in by investment promotion (招商引资)")
    pool: Literal["planning", "reserve"] | None = Field(None, description="谋划 / 储备: only for a project not yet started")
    tags: list[Text] = Field(default_factory=list)
    start: SpanModel = Field(default_factory=SpanModel)
    completion: SpanModel = Field(default_factory=SpanModel)
    operation: SpanModel = Field(default_factory=SpanModel, description="投产")
    milestones: list[MilestoneModel] = Field(default_factory=list)
    plans: dict[Year, YearPlanModel] = Field(default_factory=dict, description="a project is on year Y's list iff plans has Y")
    progress: list[ProgressModel] = Field(default_factory=list, description="one entry per month")

    def to_record(self, src: r.Origin) -> r.Project:
        return r.Project(
            id=self.id, name=self.name, level=self.level, category=self.category, owner=self.owner,
            location=self.location, nature=self.nature, content=self.content, land_mu=self.land_mu,
            total_investment=self.total_investment, prior_investment=self.prior_investment or Decimal(0),
            introduced=bool(self.introduced), pool=self.pool, tags=tuple(self.tags),
            start=self.start.to_record(), completion=self.completion.to_record(),
            operation=self.operation.to_record(),
            milestones=tuple(r.Milestone(m.name, m.planned, m.actual) for m in self.milestones),
            plans={year: plan.to_record() for year, plan in sorted(self.plans.items())},
            progress=tuple(r.Progress(p.month, p.invested, p.note) for p in self.progress),
            src=src,
        )


# ---------------------------------------------------------------- responsibilities

class LeaderModel(_Model):
    name: Text = Field(description="包靠领导")
    title: Text | None = Field(None, description="e.g. 副县长")


class VisitModel(_Model):
    date: Date
    project: Id
    hours: Annotated[Number, Field(gt=0, le=24)] | None = None
    note: Text | None = None


class ResponsibilityModel(_Model):
    """A tracking card (项目跟踪卡), SPEC §3.3."""

    id: Id
    leader: LeaderModel
    unit: Text = Field(description="责任单位")
    person: Text = Field(description="责任人")
    deputy: Text | None = Field(None, description="分管负责人")
    projects: Annotated[list[Id], Field(min_length=1)]
    duties: list[Literal[r.DUTIES]] | None = Field(None, description="五包; default all five")
    visits: list[VisitModel] = Field(default_factory=list, description="site visits (深入项目现场)")

    def to_record(self, src: r.Origin) -> r.Responsibility:
        duties = r.DUTIES if self.duties is None else tuple(d for d in r.DUTIES if d in self.duties)
        return r.Responsibility(
            id=self.id, leader=self.leader.name, leader_title=self.leader.title, unit=self.unit,
            person=self.person, deputy=self.deputy, projects=tuple(self.projects), duties=duties,
            visits=tuple(r.Visit(v.date, v.project, v.hours, v.note) for v in self.visits), src=src,
        )


# ---------------------------------------------------------------- issues

class AssigneeModel(_Model):
    unit: Text
    person: Text | None = None


class PlanModel(_Model):
    date: Date = Field(description="date the plan (办理方案) was made")
    due: Date = Field(description="date the plan promises the problem solved by")
    text: Text | None = None


class EscalationModel(_Model):
    level: int = Field(ge=1, le=5, description="五级化解: 1 首席服务官协调 … 5 市党政联席会统筹推动")
    date: Date
    note: Text | None = None


class IssueModel(_Model):
    """A problem (问题), SPEC §3.4."""

    id: Id
    project: Id
    category: Literal[r.ISSUE_CATEGORIES]
    title: Text
    detail: Text | None = None
    raised: Date = Field(description="问题收集")
    reporter: Text | None = None
    difficulty: Literal["general", "hard"] = Field("general", description="一般问题 / 难题")
    assignee: AssigneeModel | None = None
    assigned: Date | None = Field(None, description="精准交办")
    due: Date | None = Field(None, description="限时办结; derived from the ledger's sla when absent")
    plan: PlanModel | None = Field(None, description="办理方案 of a hard problem")
    escalations: list[EscalationModel] = Field(default_factory=list)
    resolved: Date | None = Field(None, description="办结")
    resolution: Text | None = None
    closed: Date | None = Field(None, description="销号")
    feedback: Text | None = None

    def to_record(self, src: r.Origin) -> r.Issue:
        a, p = self.assignee, self.plan
        return r.Issue(
            id=self.id, project=self.project, category=self.category, title=self.title, detail=self.detail,
            raised=self.raised, reporter=self.reporter, difficulty=self.difficulty,
            assignee_unit=a.unit if a else None, assignee_person=a.person if a else None,
            assigned=self.assigned, due=self.due,
            plan_date=p.date if p else None, plan_due=p.due if p else None, plan_text=p.text if p else None,
            escalations=tuple(r.Escalation(e.level, e.date, e.note) for e in self.escalations),
            resolved=self.resolved, resolution=self.resolution, closed=self.closed, feedback=self.feedback,
            src=src,
        )


# ---------------------------------------------------------------- progress reports

class ProgressReportModel(_Model):
    """A month's investment of one project, in a file of its own under progress/ (SPEC §3.5)."""

    project: Id = Field(description="id of the project reported on")
    month: Month
    invested: Amount = Field(description="investment completed in that month (完成投资)")
    note: Text | None = Field(None, description="physical progress (形象进度)")
    reported_on: Date | None = Field(None, description="date the report came in (报送日期)")
    source: Text | None = Field(None, description="who reported it (报送单位)")

    def to_record(self, src: r.Origin) -> r.ProgressReport:
        return r.ProgressReport(self.project, self.month, self.invested, self.note, self.reported_on, self.source, src)


MODELS: dict[str, type[_Model]] = {
    "projects": ProjectModel,
    "responsibilities": ResponsibilityModel,
    "issues": IssueModel,
    "progress": ProgressReportModel,
}
