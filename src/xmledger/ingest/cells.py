"""One cell into one value: amounts exact, dates from serial numbers or from the ways offices write them.

Each reader returns the value, or None for an empty cell, and raises `CellError`
with a sentence saying why the cell cannot be read. Numbers arrive from the
workbook as binary floats; Excel keeps 15 significant digits, so a float is
turned into a Decimal through its 15-digit text: 0.1 stays 0.1, and a cell that
Excel computed as 0.1+0.2 (0.30000000000000004 in the file) reads 0.3.
"""

from __future__ import annotations

import calendar
import datetime
import functools
import re
import unicodedata
from decimal import Decimal, InvalidOperation
from typing import NamedTuple

from ..core.amounts import MAX_AMOUNT, MAX_PLACES, UNIT_EXPONENT
from ..core.words import Say, msg
from .workbook import text_of

EMPTY_MARKS = {"", "-", "—", "--", "——", "/", "／", "无", "暂无", "—-", "0—", "空"}
_NUMBER = re.compile(r"([+-]?[0-9]+(?:\.[0-9]*)?|[+-]?\.[0-9]+)\s*(亿元|亿|万元|万|元)?\Z")
_EXCEL_EPOCH = datetime.date(1899, 12, 30)  # serial 1 is 1900-01-01 (Excel's phantom 1900-02-29 is before any ledger)
SERIAL_RANGE = (20000, 80000)  # 1954-10-03 .. 2119-01-10: numbers in a date column in this range are serial dates


class CellError(ValueError):
    def __init__(self, say: Say, hint: Say | None = None):
        super().__init__(say.key)
        self.say = say
        self.hint = hint


_SPACE = re.compile(r"\s+")


@functools.lru_cache(maxsize=65536)
def normal(text: str) -> str:
    """Full-width forms folded (NFKC), every kind of space removed."""
    return _SPACE.sub("", unicodedata.normalize("NFKC", text))


def decimal_of_float(value: float) -> Decimal:
    """The number Excel shows for a float: 15 significant digits, exactly."""
    return Decimal(format(value, ".15g"))


def number(value) -> Decimal | None:
    """A plain number (no unit) from a number cell or a numeric text; None when empty."""
    if isinstance(value, bool):
        raise CellError(msg("ingest.cell.bool"))
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise CellError(msg("ingest.cell.not_number", text=str(value)))
        return decimal_of_float(value)
    if isinstance(value, (datetime.date, datetime.time, datetime.timedelta)):
        raise CellError(msg("ingest.cell.date_not_number", text=text_of(value)))
    text = normal(str(value))
    if text in EMPTY_MARKS:
        return None
    m = _NUMBER.match(text.replace(",", ""))
    if not m or m[2]:
        raise CellError(msg("ingest.cell.not_number", text=str(value).strip()))
    return Decimal(m[1])


def amount(value, column_unit: str, ledger_unit: str) -> Decimal | None:
    """An amount in the column's unit (or a unit written in the cell) -> exact Decimal in the ledger unit."""
    unit = column_unit
    if isinstance(value, bool):
        raise CellError(msg("ingest.cell.bool"))
    if isinstance(value, (int, float)):
        n = number(value)
    elif isinstance(value, (datetime.date, datetime.time, datetime.timedelta)):
        raise CellError(msg("ingest.cell.date_not_amount", text=text_of(value)))
    else:
        text = normal(str(value))
        if text in EMPTY_MARKS:
            return None
        m = _NUMBER.match(text.replace(",", ""))
        if not m:
            raise CellError(msg("ingest.cell.not_amount", text=str(value).strip()), msg("ingest.cell.not_amount.hint"))
        try:
            n = Decimal(m[1])
        except InvalidOperation:  # pragma: no cover - the pattern admits only digits
            raise CellError(msg("ingest.cell.not_amount", text=str(value).strip())) from None
        unit = m[2] or column_unit
    if n is None:
        return None
    if n < 0:
        raise CellError(msg("ingest.cell.negative", text=text_of(value)), msg("ingest.cell.negative.hint"))
    out = n.scaleb(UNIT_EXPONENT[unit] - UNIT_EXPONENT[ledger_unit])
    if out >= MAX_AMOUNT:
        raise CellError(msg("ingest.cell.too_large", text=text_of(value), unit=ledger_unit))
    if out.scaleb(MAX_PLACES) != out.scaleb(MAX_PLACES).to_integral_value():
        raise CellError(msg("ingest.cell.too_precise", text=text_of(value), unit=ledger_unit),
                        msg("ingest.cell.too_precise.hint"))
    return tidy(out)


def tidy(d: Decimal) -> Decimal:
    """7.0E+3 -> 7000, 12.50 -> 12.5: the digits a person would write."""
    d = d.normalize()
    return d.quantize(Decimal(1)) if d == d.to_integral_value() else d


# ---------------------------------------------------------------- dates

class Fuzzy(NamedTuple):
    """A written date with what it says: a year, a month of it, or a day."""

    year: int
    month: int | None = None
    day: int | None = None

    def first(self) -> datetime.date:
        return datetime.date(self.year, self.month or 1, self.day or 1)

    def last(self) -> datetime.date:
        month = self.month or 12
        return datetime.date(self.year, month, self.day or calendar.monthrange(self.year, month)[1])


_SEP = r"\s*[年.\-/]\s*"
_WRITTEN = re.compile(r"(\d{4})" + _SEP + r"(\d{1,2})\s*(?:月|(?:[月.\-/]\s*(\d{1,2})\s*日?))?\s*\Z")
_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})?\Z")
_YEAR = re.compile(r"(\d{4})\s*年?\Z")


def _checked(year: int, month: int | None, day: int | None, text: str) -> Fuzzy:
    if not 1900 <= year <= 2200 or (month is not None and not 1 <= month <= 12):
        raise CellError(msg("ingest.cell.no_such_date", text=text))
    if day is not None:
        try:
            datetime.date(year, month, day)
        except ValueError:
            raise CellError(msg("ingest.cell.no_such_date", text=text)) from None
    return Fuzzy(year, month, day)


def fuzzy_date(value) -> Fuzzy | None:
    """A date cell: a real date, an Excel serial number, or text such as 2019年3月, 2019.3, 2019-3-15, 2019/03."""
    if isinstance(value, datetime.datetime):
        value = value.date()
    if isinstance(value, datetime.date):
        return Fuzzy(value.year, value.month, value.day)
    if isinstance(value, bool):
        raise CellError(msg("ingest.cell.bool"))
    if isinstance(value, (int, float)):
        text = text_of(value)
        if SERIAL_RANGE[0] <= value < SERIAL_RANGE[1]:  # a serial date (a fraction is the time of day)
            d = _EXCEL_EPOCH + datetime.timedelta(days=int(value))
            return Fuzzy(d.year, d.month, d.day)
        if 1900 <= value <= 2200:
            whole = int(value)
            if value == whole:
                return Fuzzy(whole)
            month_text = text.split(".", 1)[1]
            if month_text == "1":  # 2019.1: January, or October typed as the number 2019.10?
                raise CellError(msg("ingest.cell.ambiguous_month", text=text), msg("ingest.cell.ambiguous_month.hint"))
            return _checked(whole, int(month_text), None, text)
        if isinstance(value, int) or float(value).is_integer():
            m = _COMPACT.match(str(int(value)))
            if m:
                return _checked(int(m[1]), int(m[2]), int(m[3]) if m[3] else None, text)
        raise CellError(msg("ingest.cell.not_date", text=text), msg("ingest.cell.not_date.hint"))
    if isinstance(value, (datetime.time, datetime.timedelta)):
        raise CellError(msg("ingest.cell.not_date", text=text_of(value)), msg("ingest.cell.not_date.hint"))
    raw = str(value).strip()
    text = normal(raw).rstrip("底初")
    if text in EMPTY_MARKS:
        return None
    for pattern in (_WRITTEN, _COMPACT):
        m = pattern.match(text)
        if m:
            return _checked(int(m[1]), int(m[2]), int(m[3]) if m[3] else None, raw)
    m = _YEAR.match(text)
    if m:
        return _checked(int(m[1]), None, None, raw)
    raise CellError(msg("ingest.cell.not_date", text=raw), msg("ingest.cell.not_date.hint"))


_SPAN_SPLIT = re.compile(r"\s*(?:[—–~～至到]+|-{1,2}(?=\s*\d{4}))\s*")


def date_span(value) -> tuple[Fuzzy | None, Fuzzy | None]:
    """建设起止年限: 2019—2020, 2019.03-2020.12, 2019年-2021年; a single year (or month) is both: the project
    starts and completes within it."""
    if value == "" or value is None:
        return None, None
    if not isinstance(value, str):
        one = fuzzy_date(value)
        return one, one
    text = normal(value)
    if text in EMPTY_MARKS:
        return None, None
    parts = [p for p in _SPAN_SPLIT.split(text) if p]
    if len(parts) == 1:
        one = fuzzy_date(parts[0])
        return one, one
    if len(parts) != 2:
        raise CellError(msg("ingest.cell.not_span", text=value.strip()), msg("ingest.cell.not_span.hint"))
    try:
        return fuzzy_date(parts[0]), fuzzy_date(parts[1])
    except CellError:
        raise CellError(msg("ingest.cell.not_span", text=value.strip()), msg("ingest.cell.not_span.hint")) from None


def text(value) -> str | None:
    """A text cell: stripped, inner line breaks kept as they are written; None when empty."""
    out = text_of(value)
    return out or None
