"""Invariants of metrics.diff on random ledgers (hypothesis; the strategies of test_properties)."""

import datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from test_properties import ledgers, periods
from xmledger.core.period import Period
from xmledger.metrics.diff import State, diff
from xmledger.metrics.figures import evaluate, figures


@settings(max_examples=60, deadline=None)
@given(ledgers(), periods)
def test_a_state_against_itself_changes_nothing(ledger, period):
    d = diff(State(ledger, period), State(ledger, period), records=True)
    assert d.projects == d.investment == d.problems == d.records == []
    assert all(c.change in (None, 0) for c in d.figures)
    assert not any(d.counts.values())


@settings(max_examples=60, deadline=None)
@given(ledgers(), st.sampled_from([2018, 2019]), st.integers(0, 364), st.integers(0, 364))
def test_one_ledger_on_two_dates_adds_up_to_the_change_of_its_figures(ledger, year, a, b):
    """Same ledger, same year, two dates in it: the months newly counted are the change of completed_ytd, and the
    projects that started or completed in between are the change of those counts."""
    early, late = sorted(datetime.date(year, 1, 1) + datetime.timedelta(days=n) for n in (a, b))
    before, after = State(ledger, Period(year, early)), State(ledger, Period(year, late))
    d = diff(before, after)
    fa, fb = (figures(evaluate(ledger, s.period), with_yoy=False) for s in (before, after))
    assert d.invested_corrections == 0 and all(c.kind == "new" for c in d.investment)
    assert d.invested_new == fb.completed_ytd - fa.completed_ytd
    assert d.counts["started"] == fb.started - fa.started
    assert d.counts["completed"] == fb.completed - fa.completed
    assert d.counts["added"] == d.counts["removed"] == 0
    raised_in_between = [c for c in d.problems if c.change == "raised"]
    assert len(raised_in_between) == fb.issues.raised - fa.issues.raised
    assert all(early < c.after <= late for c in raised_in_between)


@settings(max_examples=60, deadline=None)
@given(ledgers(), ledgers(), periods)
def test_added_one_way_is_removed_the_other(a, b, period):
    forth = diff(State(a, period), State(b, period), records=True)
    back = diff(State(b, period), State(a, period), records=True)
    assert {c.id for c in forth.projects if c.change == "added"} == {c.id for c in back.projects if c.change == "removed"}
    if not any(c.change in ("added", "removed") for c in forth.projects):  # one list: what one way reports new,
        assert forth.invested == -back.invested  # the other reports gone
    assert sorted((c.kind, c.id, c.field, c.before, c.after) for c in forth.records if c.change == "changed") == \
        sorted((c.kind, c.id, c.field, c.after, c.before) for c in back.records if c.change == "changed")
    assert {(c.kind, c.id) for c in forth.records if c.change == "added"} == \
        {(c.kind, c.id) for c in back.records if c.change == "removed"}
