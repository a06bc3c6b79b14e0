"""A report is a value: a title and blocks (titled tables, paragraphs, findings, charts).

Builders (one module a command) choose, order and label what `metrics`
computed; they do no arithmetic. Cells hold raw values (Decimal amounts in the
ledger unit, Decimal rates, dates, codes); a column's kind says how a renderer
shows a value, so one report gives every output format.
"""


from typing import TYPE_CHECKING, Any, NamedTuple

from ..core.ledger import Ledger
from ..core.period import Period
from ..core.words import msg, say, t

if TYPE_CHECKING:
    from ..metrics.filters import Filters


class Column(NamedTuple):
    key: str  # machine name: json key, csv header; its label (words.LABELS) is the human header
    kind: str = "text"  # text int amount rate pp growth decimal score date code light label
    header: str | None = None  # label key when it differs from `key`
    prefix: str = ""  # code columns: the label of value v is LABELS[prefix + v]; machines get v itself


class Cell(NamedTuple):
    """A value whose kind differs from its column's (rows of a figure/value table)."""

    value: Any
    kind: str
    prefix: str = ""


class Table(NamedTuple):
    key: str  # json key of the rows, or the name of the csv table
    title: str | None
    columns: list[Column]
    rows: list[list[Any]]


class Paragraphs(NamedTuple):
    """Running text (the circular): one string a paragraph; a paragraph may hold line breaks (numbered lists)."""

    key: str
    texts: list[str]


class FindingList(NamedTuple):
    """The findings of `check`, in file and line order."""

    key: str
    findings: list  # of core.findings.Finding


class Report(NamedTuple):
    name: str  # the command that made it: status, summary, check ...
    title: str
    blocks: list  # Table | Paragraphs | FindingList | charts (render.charts)
    data: Any = None  # the json document, when it is not simply the blocks
    notes: tuple[str, ...] = ()  # lines under the title (records left out ...)
    meta: dict | None = None  # year, as_of, unit ... for json
    lang: str = "zh"

    @property
    def tables(self) -> list[Table]:
        return [b for b in self.blocks if isinstance(b, Table)]


class ReportContext(NamedTuple):
    """What every report of a ledger is computed from: the ledger, the time frame, the filters, the language."""

    ledger: Ledger
    period: Period
    filters: "Filters"
    lang: str
    left_out: int = 0  # records left out for errors (--allow-errors)
    unreadable: int = 0  # files left out for errors
    described: str = ""  # what was read, when not the working tree ("HEAD~1 (2026-11-16)")

    @property
    def unit(self) -> str:
        return self.ledger.settings.unit

    def words(self, key: str, /, **args) -> str:
        return say(msg(key, **args), self.lang)

    def label(self, key: str) -> str:
        return t(key, self.lang)


def heading(ctx: ReportContext, what: str) -> str:
    s, p = ctx.ledger.settings, ctx.period
    text = ctx.words("heading", name=s.name, what=what, year=p.year, date=f"{p.as_of:%Y-%m-%d}", unit=s.unit)
    active = [f"{k}={','.join(v)}" for k, v in ctx.filters.active()]
    if active:
        text += ctx.words("heading.filter", filters=" ".join(active))
    if ctx.described:
        text += ctx.words("heading.revision", revision=ctx.described)
    return text


def notes(ctx: ReportContext) -> tuple[str, ...]:
    if not (ctx.left_out or ctx.unreadable):
        return ()
    return (ctx.words("note.left_out", records=ctx.left_out, files=ctx.unreadable),)


def calendar_note(ctx: ReportContext, views) -> tuple[str, ...]:
    """A footnote when the problems shown count working days in a year the official calendar does not know."""
    from ..metrics.views import approximate_years

    years = approximate_years(views, ctx.ledger.settings, ctx.period.as_of)
    return (ctx.words("note.calendar", years=list(map(str, years))),) if years else ()


def with_notes(report_: Report, notes_: tuple[str, ...]) -> Report:
    return report_._replace(notes=report_.notes + notes_) if notes_ else report_


def meta(ctx: ReportContext) -> dict:
    out = {"year": ctx.period.year, "as_of": ctx.period.as_of, "unit": ctx.unit,
           "left_out": {"records": ctx.left_out, "files": ctx.unreadable}}
    if ctx.filters.active():
        out["filters"] = {k: list(v) for k, v in ctx.filters.active()}
    if ctx.described:
        out["revision"] = ctx.described
    return out


def report(ctx: ReportContext, name: str, what: str, blocks, data=None) -> Report:
    """A report of the ledger: its heading names the ledger, what it shows, the year, the date and the filters."""
    return Report(name, heading(ctx, what), list(blocks), data, notes(ctx), meta(ctx), ctx.lang)


def group_label(ctx: ReportContext, key: str | None, by: str) -> str:
    if key is None:
        return ctx.label("no_card" if by in ("unit", "leader") else "none")
    return ctx.label(key) if by == "level" else key
