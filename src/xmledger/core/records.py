"""The in-memory records of a loaded ledger: immutable, normalized, cheap.

These are what metrics read. They are NamedTuples (as beancount's directives
are) rather than the pydantic models that validate the files: a province-sized
ledger holds hundreds of thousands of them, and they are rebuilt from the parse
cache on every command, where tuples cost a fraction of a model. Amounts are
Decimals in the ledger unit; months are the date of their first day.
"""


import datetime
from decimal import Decimal
from typing import NamedTuple

DUTIES = ("approval_start", "financing", "environment", "progress_quality", "completion")
ISSUE_CATEGORIES = ("funding", "land", "energy", "emissions", "water", "approval", "demolition",
                    "utilities", "environment", "other")
LEVELS = ("province", "city", "county")


class Origin(NamedTuple):
    """Where a record was written: file (as shown in findings), line, and its index in the file."""

    file: str
    line: int
    index: int


class Span(NamedTuple):
    """A planned and an actual date (start, completion, operation)."""

    planned: datetime.date | None = None
    actual: datetime.date | None = None


class Milestone(NamedTuple):
    name: str
    planned: datetime.date | None
    actual: datetime.date | None


class YearPlan(NamedTuple):
    annual: Decimal
    monthly: tuple[Decimal, ...] | None  # 12 values, January first; None: no monthly plan


class Progress(NamedTuple):
    month: datetime.date  # first day of the month
    invested: Decimal
    note: str | None


class Project(NamedTuple):
    id: str
    name: str
    level: str
    category: str
    owner: str | None
    location: str | None
    nature: str | None
    content: str | None
    land_mu: Decimal | None
    total_investment: Decimal
    prior_investment: Decimal
    introduced: bool
    pool: str | None
    tags: tuple[str, ...]
    start: Span
    completion: Span
    operation: Span
    milestones: tuple[Milestone, ...]
    plans: dict[int, YearPlan]
    progress: tuple[Progress, ...]  # in the order written
    src: Origin


class Visit(NamedTuple):
    date: datetime.date
    project: str
    hours: Decimal | None
    note: str | None


class Responsibility(NamedTuple):
    id: str
    leader: str
    leader_title: str | None
    unit: str
    person: str
    deputy: str | None
    projects: tuple[str, ...]
    duties: tuple[str, ...]
    visits: tuple[Visit, ...]
    src: Origin


class Escalation(NamedTuple):
    level: int
    date: datetime.date
    note: str | None


class Issue(NamedTuple):
    id: str
    project: str
    category: str
    title: str
    detail: str | None
    raised: datetime.date
    reporter: str | None
    difficulty: str  # general | hard
    assignee_unit: str | None
    assignee_person: str | None
    assigned: datetime.date | None
    due: datetime.date | None
    plan_date: datetime.date | None
    plan_due: datetime.date | None
    plan_text: str | None
    escalations: tuple[Escalation, ...]
    resolved: datetime.date | None
    resolution: str | None
    closed: datetime.date | None
    feedback: str | None
    src: Origin


class ProgressReport(NamedTuple):
    """A month's investment of one project reported in its own file under progress/ (SPEC §3.5).

    It counts exactly as the same entry inside the project's `progress`; the ledger merges the two."""

    project: str
    month: datetime.date  # first day of the month
    invested: Decimal
    note: str | None
    reported_on: datetime.date | None
    source: str | None  # who reported it
    src: Origin


class Settings(NamedTuple):
    """ledger.yaml, with every default filled in."""

    name: str = "重点项目台账"
    region: str = ""
    scope: str = "county"
    unit: str = "万元"
    language: str = "zh"
    categories: tuple[str, ...] | None = None
    locations: tuple[str, ...] | None = None  # allowed locations, in the order groups are shown
    general_days: int = 5
    hard_plan_days: int = 2
    yellow_below: Decimal = Decimal("1.0")
    red_below: Decimal = Decimal("0.8")
    red_late_start_days: int = 30
    extra_holidays: frozenset = frozenset()
    extra_workdays: frozenset = frozenset()
    complete_years: frozenset = frozenset()  # years whose whole calendar extra_holidays/extra_workdays give
    weights: tuple[tuple[str, Decimal], ...] = (
        ("start_rate", Decimal("0.25")),
        ("plan_completion_rate", Decimal("0.35")),
        ("on_schedule_rate", Decimal("0.2")),
        ("resolution_rate", Decimal("0.2")),
    )
    visits_per_week: int = 1
    escalation_levels: tuple[str, ...] = ("首席服务官协调", "县区周例会研究", "市直部门专题破解",
                                          "市级周例会重点攻坚", "市党政联席会统筹推动")


class FileResult(NamedTuple):
    """Everything the ledger needs from one file, and what the parse cache stores for it."""

    records: tuple
    findings: tuple  # of findings.Finding, placed
    bad_ids: tuple[str, ...]  # ids of records left out for errors: not "unknown" when referenced
    left_out: int  # records left out for errors
    unreadable: bool  # nothing could be read from the file


def _reduce(self):
    """Unpickle as tuple.__new__(cls, values): C all the way, where a NamedTuple's own __new__ is a Python
    function. The parse cache rebuilds hundreds of thousands of records on every command (15% faster)."""
    return tuple.__new__, (type(self), tuple(self))


for _cls in (Origin, ProgressReport, Span, Milestone, YearPlan, Progress, Project, Visit, Responsibility, Escalation, Issue,
             Settings, FileResult):
    _cls.__reduce__ = _reduce

KINDS = {"projects": Project, "responsibilities": Responsibility, "issues": Issue, "progress": ProgressReport}
