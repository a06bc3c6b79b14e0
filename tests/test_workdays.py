"""Our working-day wrapper agrees with chinesecalendar day by day, and its fast lookups with its slow ones."""

import datetime

import chinese_calendar
from hypothesis import given, settings
from hypothesis import strategies as st

from xmledger.core.workdays import WorkCalendar, covers, official_year


def test_official_years_are_the_packages_day_by_day():
    years = [y for y in range(2004, 2031) if covers(y)]
    assert 2024 in years and 2025 in years
    for year in years:
        day, expected = datetime.date(year, 1, 1), []
        while day.year == year:
            if chinese_calendar.is_workday(day):
                expected.append(day.toordinal())
            day += datetime.timedelta(days=1)
        assert official_year(year) == tuple(expected), year


DAYS = st.dates(datetime.date(2015, 1, 1), datetime.date(2030, 12, 31))


@settings(max_examples=300, deadline=None)
@given(DAYS, st.integers(1, 400), DAYS)
def test_ordinal_lookups_match_the_date_methods(day, n, other):
    fast = WorkCalendar(frozenset({datetime.date(2024, 5, 6)}), frozenset({datetime.date(2024, 5, 11)}))
    slow = WorkCalendar(frozenset({datetime.date(2024, 5, 6)}), frozenset({datetime.date(2024, 5, 11)}))
    fast.count_days(datetime.date(2014, 1, 1).toordinal(), datetime.date(2032, 12, 31).toordinal())  # years held
    assert fast.add_days(day.toordinal(), n) == slow.add(day, n).toordinal()
    a, b = sorted((day, other))
    assert fast.count_days(a.toordinal(), b.toordinal()) == slow.count(a, b)
    assert fast.count_days(b.toordinal(), a.toordinal()) == 0


def test_counting_by_hand_around_national_day_2024():
    cal = WorkCalendar()
    # 2024-09-30 Monday; 10-01..10-07 off; 10-12 (Saturday) a make-up working day
    assert cal.add(datetime.date(2024, 9, 30), 1) == datetime.date(2024, 10, 8)
    assert cal.count(datetime.date(2024, 9, 30), datetime.date(2024, 10, 12)) == 5
