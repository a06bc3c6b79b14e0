"""`export sqlite` writes exactly the rows of the tidy tables, whichever way it writes them.

For speed at 100,000 projects (docs/performance.md) the writer takes shortcuts: the monthly plans and the
progress go in as JSON texts that SQLite expands, and on two cores a forked worker writes the problems and the
figures into a second database that is then copied in. The reference here is the plain way: every row of the
table's own `rows`, converted here as the module documents (independently of the writer's converters),
compared value for value and type for type (floats exactly) with what the database holds.
"""

import datetime
import os
import shutil
import sqlite3
from decimal import Decimal

import pytest

import xmledger
from conftest import REPO
from xmledger.core import records as r
from xmledger.core.workers import can_fork
from xmledger.exports import sqlite as xs
from xmledger.exports.tidy import BY_NAME, TABLES, select

SAMPLE = REPO / "data" / "lijin"

#: a project whose monthly plan has a zero month and four decimals, and whose notes carry what JSON must escape
#: (quotes, a backslash, a character outside the BMP) or cannot carry as it is (a tab, an ideographic space);
#: its content is the text "0", which the stand-in for a missing text (the integer 0) must not turn into NULL
EXTRA = """\
id: SQ-001
name: "引号\\"与反斜杠\\\\项目"
level: county
category: 社会建设
location: 利津街道
content: "0"
total_investment: 1234.5678
prior_investment: 0.0001
start: {planned: 2019-02-01, actual: 2019-02-20}
plans:
  2018: {annual: 100}
  2019:
    annual: 600.30
    monthly: {1: 0, 2: 50.0001, 3: 49.9999, 4: 100, 5: 12.30, 6: 100, 7: 100, 8: 188.0}
progress:
  - {month: 2019-01, invested: 0, note: '引号"与反斜杠\\'}
  - {month: 2019-02, invested: 12.30, note: "制表\\t符"}
  - {month: 2019-03, invested: 0.0001, note: "全角　空格"}
  - {month: 2019-04, invested: 100.00, note: "施工🚧中"}
"""

#: progress reports of progress/: their rows carry a date and a source, and go in as rows
REPORTS = ("- {project: SQ-001, month: 2019-05, invested: 80.25, note: 主体施工, reported_on: 2019-06-03, "
           "source: 县民政局}\n"
           "- {project: SQ-001, month: 2019-06, invested: 99.75}\n")


@pytest.fixture(scope="module")
def ledger_root(tmp_path_factory):
    root = tmp_path_factory.mktemp("sqlite") / "利津"
    shutil.copytree(SAMPLE, root)
    (root / "projects" / "sq.yaml").write_text(EXTRA, encoding="utf-8")
    (root / "progress").mkdir()
    (root / "progress" / "2019-06.yaml").write_text(REPORTS, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def ctx(ledger_root):
    result = xmledger.load(ledger_root, cache=False)
    assert not [f for f in result.findings if f.severity == "error"]
    return xmledger.context(result, as_of="2019-06-30")


def number(value: Decimal):
    """An amount as the module documents it: an integer when whole, else the float nearest it."""
    return int(value) if value == value.to_integral_value() else float(value)


def plain(kind: str, value):
    """A value as the database is documented to hold it (exports/sqlite.py), written here independently."""
    if value is None:
        return None
    return {"amount": number, "derived": lambda u: number(Decimal(u).scaleb(-4)), "rate": float,
            "date": datetime.date.isoformat, "bool": int, "list": ";".join}.get(kind, lambda v: v)(value)


def reference(sel, spec) -> list[tuple]:
    """The table's rows the plain way, in key order."""
    keys = [i for i, c in enumerate(spec.columns) if c.name in spec.key]
    rows = [tuple(plain(c.kind, v) for c, v in zip(spec.columns, row)) for row in spec.rows(sel)]
    return sorted(rows, key=lambda row: [row[i] for i in keys])


def stored(con, spec) -> list[tuple]:
    return con.execute(f"SELECT * FROM {spec.name} ORDER BY {', '.join(spec.key)}").fetchall()


def same_numbers(a: list[tuple], b: list[tuple]) -> bool:
    """Equal, and each number of the same type (an amount 100 is the integer 100 in both, not 100.0)."""
    return a == b and all(type(x) is type(y) for ra, rb in zip(a, b) for x, y in zip(ra, rb))


def schema(con) -> list[tuple]:
    return sorted(con.execute("SELECT type, name, tbl_name, sql FROM sqlite_master"))


def write(ctx, path, **options):
    xs.write_database(select(ctx), path, **options)
    return sqlite3.connect(path)


def holds_its_tidy_rows(con, sel) -> None:
    for spec in TABLES:
        assert same_numbers(stored(con, spec), reference(sel, spec)), spec.name


def in_the_worker(monkeypatch, act) -> None:
    """Make the forked worker call `act` before it writes its tables; the parent writes as usual."""
    parent, fill = os.getpid(), xs.fill_tables

    def patched(con, sel, specs, expand):
        if os.getpid() != parent:
            act()
        return fill(con, sel, specs, expand)

    monkeypatch.setattr(xs, "fill_tables", patched)


needs_fork = pytest.mark.skipif(not can_fork(), reason="no fork on this system: the export stays in one process")
WAYS = [pytest.param({"jobs": 1, "expand": False}, id="rows, one process"),
        pytest.param({"jobs": 1, "expand": True}, id="JSON, one process"),
        pytest.param({"jobs": 2, "expand": True}, id="JSON, two processes", marks=needs_fork),
        pytest.param({"jobs": 2, "expand": False}, id="rows, two processes", marks=needs_fork)]


@pytest.mark.parametrize("way", WAYS)
def test_every_table_holds_the_rows_of_its_tidy_table(ctx, tmp_path, way):
    con = write(ctx, tmp_path / "台账.db", **way)
    holds_its_tidy_rows(con, select(ctx))
    assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    plain = write(ctx, tmp_path / "plain.db", jobs=1, expand=False)
    assert schema(con) == schema(plain)  # tables, indexes and views alike
    assert {p.name for p in tmp_path.iterdir()} == {"台账.db", "plain.db"}  # the worker's database is gone


def test_the_fixture_reaches_every_shortcut(ctx):
    """The ledger above exercises each path of the writer: JSON rows, rows left to the plain path, reports."""
    sel = select(ctx)
    rest: list = []
    texts = list(xs.progress_texts(sel, rest))
    assert any("🚧" in t[3] and '\\"' in t[3] for t in texts)  # carried in JSON, escaped
    assert {row[3] for row in rest} >= {"制表\t符", "全角\u3000空格", "主体施工"}
    assert any(row[6] == "progress" for row in rest)
    monthly = [t for t in xs.monthly_plan_texts(sel) if t[0] == "SQ-001"]
    assert monthly == [("SQ-001", 2019, "[0,50.0001,49.9999,100,12.30,100,100,188.0,0,0,0,0]")]


def test_two_processes_with_filters_and_the_command_line(cli, ledger_root, tmp_path):
    """The command line's database (one process for a small ledger) equals the two-process one, filters too."""
    ctx = xmledger.context(xmledger.load(ledger_root, cache=False), as_of="2019-06-30",
                           filters=xmledger.filters(category=["社会建设"]))
    result = cli("export", "sqlite", "-L", ledger_root, "--as-of", "2019-06-30", "--category", "社会建设",
                 "-o", tmp_path / "cli.db")
    assert result.exit_code == 0, result.stdout + result.stderr
    by_cli = sqlite3.connect(tmp_path / "cli.db")
    in_two = write(ctx, tmp_path / "two.db", jobs=2)
    sel = select(ctx)
    for spec in TABLES:
        rows = stored(in_two, spec)
        assert same_numbers(rows, reference(sel, spec)) and same_numbers(stored(by_cli, spec), rows), spec.name
    assert 0 < len(stored(in_two, BY_NAME["projects"])) < len(ctx.ledger.projects)


@needs_fork
def test_a_failing_worker_fails_the_export_and_leaves_no_file(ctx, tmp_path, monkeypatch):
    def disk_full():
        raise sqlite3.OperationalError("database or disk is full")

    in_the_worker(monkeypatch, disk_full)
    with pytest.raises(sqlite3.OperationalError, match="disk is full"):
        xs.write_database(select(ctx), tmp_path / "台账.db", jobs=2)
    assert [p.name for p in tmp_path.iterdir()] == ["台账.db"]  # the caller removes its own target


def test_problem_rows_are_the_records_fields_but_escalations():
    """issue_rows slices the record: the columns must be its fields, in order, without escalations and place."""
    assert [c.name for c in BY_NAME["issues"].columns] == [f for f in r.Issue._fields if f not in ("escalations",
                                                                                                     "src")]


@needs_fork
def test_a_worker_killed_for_memory_costs_time_not_the_export(ctx, tmp_path, monkeypatch):
    """The worker dies (as the kernel's out-of-memory killer would end it): its tables are written by the parent."""
    import signal

    in_the_worker(monkeypatch, lambda: os.kill(os.getpid(), signal.SIGKILL))
    con = write(ctx, tmp_path / "台账.db", jobs=2)
    holds_its_tidy_rows(con, select(ctx))
    assert [p.name for p in tmp_path.iterdir()] == ["台账.db"]


def test_a_problem_of_a_project_left_out_for_errors_is_not_exported(cli, tmp_path):
    """With --allow-errors the ledger keeps the problem of a project it left out; the database keeps its keys."""
    from ledgers import write_ledger

    root = write_ledger(tmp_path / "台账", {
        "projects/p2.yaml": "id: P-2\nname: 坏项目\nlevel: nowhere\ncategory: 乡村振兴\ntotal_investment: 100\n"
                            "plans:\n  2019: {annual: 10}\n",
        "issues/q2.yaml": "id: Q-2\nproject: P-2\ncategory: land\ntitle: 坏项目的问题\nraised: 2019-04-01\n"})
    ctx = xmledger.context(xmledger.load(root, cache=False), as_of="2019-05-31", allow_errors=True)
    assert "Q-2" in {q.id for q in ctx.ledger.issues}
    for jobs in (1, 2):
        con = write(ctx, tmp_path / f"{jobs}.db", jobs=jobs)
        assert con.execute("SELECT id FROM issues").fetchall() == [("Q-1",)]
        assert con.execute("SELECT issue FROM issue_figures").fetchall() == [("Q-1",)]
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
