"""Invariants of the metrics on random ledgers (hypothesis)."""

import datetime
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from xmledger.core import records as r
from xmledger.core.ledger import Ledger
from xmledger.core.period import Period
from xmledger.metrics import figures as m
from xmledger.metrics.filters import Filters
from xmledger.metrics.groups import groups

D = datetime.date
SRC = r.Origin("x.yaml", 1, 0)
dates = st.dates(min_value=D(2017, 6, 1), max_value=D(2020, 6, 30))
months = st.sampled_from([D(y, mo, 1) for y in (2018, 2019, 2020) for mo in range(1, 13)])
amounts = st.integers(min_value=0, max_value=5000).map(Decimal)


@st.composite
def year_plans(draw):
    plans = {}
    for year in draw(st.sets(st.sampled_from([2018, 2019]), max_size=2)):
        if draw(st.booleans()):
            monthly = tuple(draw(st.lists(amounts, min_size=12, max_size=12)))
            plans[year] = r.YearPlan(sum(monthly, Decimal(0)), monthly)
        else:
            plans[year] = r.YearPlan(draw(amounts), None)
    return plans


@st.composite
def projects(draw, pid):
    started = draw(st.one_of(st.none(), dates))
    done = draw(st.one_of(st.none(), dates)) if started else None
    if done is not None and done < started:
        started, done = done, started
    progress_months = draw(st.sets(months, max_size=8))
    return r.Project(
        id=pid, name=f"项目{pid}", level=draw(st.sampled_from(r.LEVELS)),
        category=draw(st.sampled_from(["乡村振兴", "社会建设"])), owner=None,
        location=draw(st.sampled_from([None, "北宋镇", "盐窝镇"])), nature=None, content=None, land_mu=None,
        total_investment=draw(amounts) + 1, prior_investment=draw(amounts), introduced=False,
        pool=draw(st.sampled_from([None, "planning", "reserve"])) if started is None else None,
        tags=tuple(draw(st.sets(st.sampled_from(["四保白名单", "招商"]), max_size=2))),
        start=r.Span(draw(st.one_of(st.none(), dates)), started), completion=r.Span(draw(st.one_of(st.none(), dates)), done),
        operation=r.Span(), milestones=(), plans=draw(year_plans()),
        progress=tuple(r.Progress(mo, draw(amounts), None) for mo in sorted(progress_months)), src=SRC,
    )


@st.composite
def issues(draw, qid, project_ids):
    raised = draw(dates)
    resolved = draw(st.one_of(st.none(), st.dates(min_value=raised, max_value=D(2020, 12, 31))))
    closed = draw(st.one_of(st.none(), st.dates(min_value=resolved, max_value=D(2021, 3, 31)))) if resolved else None
    hard = draw(st.booleans())
    plan = draw(st.one_of(st.none(), st.dates(min_value=raised, max_value=D(2020, 12, 31)))) if hard else None
    return r.Issue(
        id=qid, project=draw(st.sampled_from(project_ids)), category="land", title="问题", detail=None,
        raised=raised, reporter=None, difficulty="hard" if hard else "general",
        assignee_unit=draw(st.sampled_from([None, "县自然资源局"])), assignee_person=None, assigned=None,
        due=draw(st.one_of(st.none(), st.dates(min_value=raised, max_value=D(2020, 12, 31)))),
        plan_date=plan, plan_due=plan + datetime.timedelta(days=30) if plan else None, plan_text=None,
        escalations=(), resolved=resolved, resolution=None, closed=closed, feedback=None, src=SRC,
    )


@st.composite
def ledgers(draw):
    n = draw(st.integers(min_value=1, max_value=12))
    ps = [draw(projects(f"P{i}")) for i in range(n)]
    ids = [p.id for p in ps]
    cards = [r.Responsibility(f"R{i}", draw(st.sampled_from(["张三", "李四"])), None,
                              draw(st.sampled_from(["县发改局", "县住建局", "县水利局"])), "王五", None,
                              tuple(draw(st.sets(st.sampled_from(ids), min_size=1, max_size=4))), r.DUTIES, (), SRC)
             for i in range(draw(st.integers(min_value=0, max_value=4)))]
    qs = [draw(issues(f"Q{i}", ids)) for i in range(draw(st.integers(min_value=0, max_value=10)))]
    return Ledger.of(r.Settings(), ps, cards, qs)


periods = st.builds(Period, st.sampled_from([2018, 2019]), dates)


def counts(f: m.Figures):
    return (f.projects, f.started, f.completed_ytd, f.issues.raised, f.issues.resolved)


@settings(max_examples=150, deadline=None)
@given(ledgers(), periods)
def test_counts_are_consistent(ledger, period):
    scope = m.evaluate(ledger, period)
    f = m.figures(scope)
    assert 0 <= f.started <= f.projects
    assert f.continuing + f.new_projects == f.projects and f.new_started <= f.new_projects
    assert f.started + f.late_start <= f.projects
    assert sum(f.lights.values()) == f.projects and f.on_schedule <= f.projects
    assert f.completing_done <= f.completing <= f.projects
    i = f.issues
    assert i.closed <= i.resolved <= i.raised
    this_year = sum(v.overdue for v in scope.issues)  # overdue among the problems raised in Y ...
    assert this_year + i.resolved <= i.raised
    assert this_year <= i.overdue <= sum(v.open for v in scope.all_issues)  # ... and of every year (SPEC §5.5)
    assert i.resolved_late <= i.resolved
    for value in (f.start_rate, f.on_schedule_rate, i.resolution_rate, f.new_start_rate):
        assert value is None or 0 <= value <= 1
    assert f.on_schedule == f.lights["green"]  # with the default thresholds green means on schedule


@settings(max_examples=100, deadline=None)
@given(ledgers(), periods, st.sampled_from(["level", "category", "location"]))
def test_single_valued_groups_add_up(ledger, period, by):
    scope = m.evaluate(ledger, period)
    whole = counts(m.figures(scope, with_yoy=False))
    parts = [counts(m.figures(g.scope, with_yoy=False)) for g in groups(scope, by)]
    assert tuple(sum(p[k] for p in parts) for k in range(len(whole))) == whole


@settings(max_examples=100, deadline=None)
@given(ledgers(), periods, st.sampled_from(["unit", "leader"]))
def test_multi_valued_groups_cover_everything(ledger, period, by):
    scope = m.evaluate(ledger, period)
    whole = m.figures(scope, with_yoy=False)
    assert sum(m.figures(g.scope, with_yoy=False).projects for g in groups(scope, by)) >= whole.projects


@settings(max_examples=100, deadline=None)
@given(ledgers(), st.sampled_from([2018, 2019]), dates, dates)
def test_figures_never_decrease_with_the_date(ledger, year, d1, d2):
    early, late = sorted([d1, d2])
    a = m.figures(m.evaluate(ledger, Period(year, early)), with_yoy=False)
    b = m.figures(m.evaluate(ledger, Period(year, late)), with_yoy=False)
    for name in ("started", "completed", "completed_ytd", "cumulative", "planned_to_date", "time_elapsed"):
        assert getattr(a, name) <= getattr(b, name), name
    if early.year == late.year == year:  # the problems counted are those raised in Y up to D
        for name in ("raised", "resolved", "closed"):
            assert getattr(a.issues, name) <= getattr(b.issues, name), name


@settings(max_examples=100, deadline=None)
@given(ledgers(), periods, st.sampled_from(r.LEVELS), st.sampled_from(["县发改局", "县水利局"]))
def test_filters_give_subsets(ledger, period, level, unit):
    everything = m.evaluate(ledger, period)
    all_ids = {v.id for v in everything.views}
    for filters in (Filters(level=(level,)), Filters(unit=(unit,)), Filters(level=(level,), unit=(unit,))):
        part = m.evaluate(ledger, period, filters)
        assert {v.id for v in part.views} <= all_ids
        assert {i.id for i in part.issues} <= {i.id for i in everything.issues}
        f, g = m.figures(part, with_yoy=False), m.figures(everything, with_yoy=False)
        assert f.projects <= g.projects and f.started <= g.started and f.completed_ytd <= g.completed_ytd
