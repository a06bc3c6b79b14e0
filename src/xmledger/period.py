"""The time frame of a report: year Y and as-of date D (SPEC §4)."""

from __future__ import annotations

import calendar
import datetime
import re
from typing import NamedTuple

_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})\Z")
_MONTH = re.compile(r"([0-9]{4})-([0-9]{2})\Z")


class Period(NamedTuple):
    year: int
    as_of: datetime.date

    @property
    def month_index(self) -> int:
        """How many months of Y count: D's month in Y, 0 before Y, 12 after Y."""
        if self.as_of.year < self.year:
            return 0
        if self.as_of.year > self.year:
            return 12
        return self.as_of.month

    @property
    def month_start(self) -> datetime.date:
        """First day of D's month: progress months up to this one count."""
        return self.as_of.replace(day=1)

    @property
    def year_start(self) -> datetime.date:
        return datetime.date(self.year, 1, 1)

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


def make_period(as_of: str | None, year: int | None, today: datetime.date) -> Period:
    d = parse_as_of(as_of) if as_of else today
    return Period(year if year is not None else d.year, d)
