"""Official Chinese working days: our one wrapper over `chinesecalendar`.

Deadlines of problems (限时办结) count working days (工作日): the State
Council's holidays are off and its make-up days (调休, often a weekend) are on.
`chinesecalendar` knows the published years and raises for the others; for
those we count Monday to Friday and `check` warns that deadlines are
approximate. The ledger's own `calendar` overrides come first.

Working days are kept as a sorted list of day ordinals so that "the N-th
working day after d" and "working days in (a, b]" are two bisections.
"""

from __future__ import annotations

import datetime
from bisect import bisect_right
from functools import lru_cache

_ONE_DAY = datetime.timedelta(days=1)


@lru_cache(maxsize=None)
def official_year(year: int) -> tuple[int, ...] | None:
    """Ordinals of the official working days of `year`; None if the package lacks the year."""
    import chinese_calendar

    day = datetime.date(year, 1, 1)
    try:
        chinese_calendar.is_workday(day)
    except NotImplementedError:
        return None
    # is_workday() per day rescans the package's whole table (0.03 s a year); its rule, on its tables, is this:
    on, off = chinese_calendar.workdays, chinese_calendar.holidays
    out = []
    while day.year == year:
        if day in on or (day.weekday() <= 4 and day not in off):
            out.append(day.toordinal())
        day += _ONE_DAY
    return tuple(out)


def covers(year: int) -> bool:
    """Does the official calendar know this year?"""
    return official_year(year) is not None


def _weekdays(year: int) -> list[int]:
    day, out = datetime.date(year, 1, 1), []
    while day.year == year:
        if day.weekday() < 5:
            out.append(day.toordinal())
        day += _ONE_DAY
    return out


class WorkCalendar:
    """Working days with the ledger's extra holidays and working days applied."""

    def __init__(self, extra_holidays=frozenset(), extra_workdays=frozenset()):
        self._off = {d.toordinal() for d in extra_holidays}
        self._on = {d.toordinal() for d in extra_workdays}
        self._lo = self._hi = None  # years held in self._days
        self._days: list[int] = []
        self._added: dict[tuple, datetime.date] = {}  # problems share their dates: answers are reused
        self._counted: dict[tuple, int] = {}
        self._base = self._end = 0  # ordinals of the first and the day after the last day covered
        self._rank: list[int] = []  # working days on or before base + i: a count or an addition is two lookups

    def _year_days(self, year: int) -> list[int]:
        official = official_year(year)
        days = set(official if official is not None else _weekdays(year))
        first, last = datetime.date(year, 1, 1).toordinal(), datetime.date(year, 12, 31).toordinal()
        days -= {d for d in self._off if first <= d <= last}
        days |= {d for d in self._on if first <= d <= last}
        return sorted(days)

    def _cover(self, lo: int, hi: int) -> None:
        if self._lo is not None and self._lo <= lo and hi <= self._hi:
            return
        lo = lo if self._lo is None else min(lo, self._lo)
        hi = hi if self._hi is None else max(hi, self._hi)
        self._days = [d for y in range(lo, hi + 1) for d in self._year_days(y)]
        self._lo, self._hi = lo, hi
        self._base = datetime.date(lo, 1, 1).toordinal()
        self._end = datetime.date(hi + 1, 1, 1).toordinal()
        rank, n, work = [], 0, set(self._days)
        for day in range(self._base, self._end):
            n += day in work
            rank.append(n)
        self._rank = rank

    def is_workday(self, day: datetime.date) -> bool:
        self._cover(day.year, day.year)
        i = bisect_right(self._days, day.toordinal())
        return i > 0 and self._days[i - 1] == day.toordinal()

    def add(self, day: datetime.date, n: int) -> datetime.date:
        """The n-th working day strictly after `day` (n >= 1)."""
        key = (day, n)
        found = self._added.get(key)
        if found is None:
            self._cover(day.year, day.year + 1 + n // 200)
            i = bisect_right(self._days, day.toordinal()) + n - 1
            found = self._added[key] = datetime.date.fromordinal(self._days[i])
        return found

    def add_days(self, day: int, n: int) -> int:
        """add() on day ordinals (30,000 problems a report: a lookup when the years are covered)."""
        if self._base <= day < self._end:
            i = self._rank[day - self._base] + n - 1
            if i < len(self._days):
                return self._days[i]
        return self.add(datetime.date.fromordinal(day), n).toordinal()

    def count_days(self, after: int, upto: int) -> int:
        """count() on day ordinals."""
        if upto <= after:
            return 0
        base = self._base
        if base <= after and upto < self._end:
            return self._rank[upto - base] - self._rank[after - base]
        self._cover(datetime.date.fromordinal(after).year, datetime.date.fromordinal(upto).year)
        return self._rank[upto - self._base] - self._rank[after - self._base]

    def count(self, after: datetime.date, upto: datetime.date) -> int:
        """Working days d with after < d <= upto (0 when upto <= after)."""
        if upto <= after:
            return 0
        key = (after, upto)
        found = self._counted.get(key)
        if found is None:
            self._cover(after.year, upto.year)
            found = self._counted[key] = (bisect_right(self._days, upto.toordinal())
                                          - bisect_right(self._days, after.toordinal()))
        return found
