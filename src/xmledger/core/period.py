"""The time frame of a report: year Y and as-of date D (SPEC §4)."""

from __future__ import annotations

import calendar
import datetime
import re
from dataclasses import dataclass, field

_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})\Z")
_MONTH = re.compile(r"([0-9]{4})-([0-9]{2})\Z")


@dataclass(frozen=True, slots=True)
class Period:
    """Year Y and as-of date D, with what every project's figures need of them, computed once."""

    year: int
    as_of: datetime.date
    month_index: int = field(init=False)  # how many months of Y count: D's month, 0 before Y, 12 after Y
    month_start: datetime.date = field(init=False)  # first day of D's month: progress up to it counts
    year_start: datetime.date = field(init=False)
    ytd_end: datetime.date = field(init=False)  # last month of Y that counts: D's month, at most December of Y
    # the same as the integers facts use (core/facts.py): day ordinals and month indexes (y*12 + m - 1)
    day: int = field(init=False)  # D
    month: int = field(init=False)  # D's month
    first_day: int = field(init=False)  # Y-01-01
    last_day: int = field(init=False)  # Y-12-31
    first_month: int = field(init=False)  # January of Y
    last_month: int = field(init=False)  # the last month of Y that counts: D's, at most December

    def __post_init__(self):
        d = self.as_of
        index = 0 if d.year < self.year else 12 if d.year > self.year else d.month
        object.__setattr__(self, "month_index", index)
        object.__setattr__(self, "month_start", d.replace(day=1))
        object.__setattr__(self, "year_start", datetime.date(self.year, 1, 1))
        object.__setattr__(self, "ytd_end", min(d.replace(day=1), datetime.date(self.year, 12, 1)))
        object.__setattr__(self, "day", d.toordinal())
        object.__setattr__(self, "month", d.year * 12 + d.month - 1)
        object.__setattr__(self, "first_day", datetime.date(self.year, 1, 1).toordinal())
        object.__setattr__(self, "last_day", datetime.date(self.year, 12, 31).toordinal())
        object.__setattr__(self, "first_month", self.year * 12)
        object.__setattr__(self, "last_month", min(self.month, self.year * 12 + 11))

    def previous_year(self) -> Period:
        """The same metrics one year earlier (同比): Y-1 as of D minus one year."""
        d = self.as_of
        day = min(d.day, calendar.monthrange(d.year - 1, d.month)[1])
        return Period(self.year - 1, d.replace(year=d.year - 1, day=day))


def parse_as_of(text: str) -> datetime.date:
    """`2019-05-31`, or `2019-05` meaning the last day of that month."""
    try:
        m = _DATE.match(text)
        if m:
            return datetime.date(int(m[1]), int(m[2]), int(m[3]))
        m = _MONTH.match(text)
        if m:
            year, month = int(m[1]), int(m[2])
            return datetime.date(year, month, calendar.monthrange(year, month)[1])
    except (ValueError, calendar.IllegalMonthError):
        raise ValueError(f"{text} is not a date that exists") from None
    raise ValueError(f"'{text}' is not a date (YYYY-MM-DD) or a month (YYYY-MM)")


FIRST_YEAR, LAST_YEAR = 1900, 2200  # the years a ledger can mean (plans.<year> allows the same)


class PeriodError(ValueError):
    """A time frame no report can have; `option` names the command-line option to blame."""

    def __init__(self, message: str, option: str):
        super().__init__(message)
        self.option = option


def make_period(as_of: str | None, year: int | None, today: datetime.date) -> Period:
    """Y and D from the options (SPEC §4): D defaults to today, Y to D's year. Years outside 1900-2200 and an
    empty --as-of are refused, each naming its option."""
    if as_of is not None:
        try:
            d = parse_as_of(as_of.strip())
        except ValueError as e:
            raise PeriodError(str(e), "--as-of") from None
        if not FIRST_YEAR <= d.year <= LAST_YEAR:
            raise PeriodError(f"{as_of} is outside the years a ledger can mean ({FIRST_YEAR}-{LAST_YEAR})", "--as-of")
    else:
        d = today
    if year is not None and not FIRST_YEAR <= year <= LAST_YEAR:
        raise PeriodError(f"{year} is outside the years a ledger can mean ({FIRST_YEAR}-{LAST_YEAR})", "--year")
    return Period(year if year is not None else d.year, d)
