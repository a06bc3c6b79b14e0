"""`export sqlite`: the ledger as a SQLite database (the standard library's sqlite3).

One table per record kind and child table of exports/tidy.py, with primary
and foreign keys and an index on every key column used to join; a `meta`
table (tool, version, ledger name, region, unit, year, as-of date, revision);
the figures as of the export date, computed by `metrics`, in `project_figures`
and `issue_figures`; and views that join them to the records:

  project_status      one row per project on the year's list: its fields and figures
  issue_status        one row per problem raised by the date: its fields and figures
  monthly_completion  months of the year: invested in the month, cumulative, cumulative plan

Amounts are NUMERIC (an integer stays an exact integer; 12.3 is a REAL),
rates REAL, dates and months ISO text, booleans 0/1, lists `;`-joined text.

Written for speed at 100,000 projects (2.9 million rows; docs/performance.md): no journal, executemany in a
transaction, tables WITHOUT ROWID, indexes after the rows, the two largest child tables expanded by SQLite from
JSON texts, and on two cores the problems and figures written by a forked worker at the same time.
"""

from __future__ import annotations

import json
import os
import sqlite3
import tempfile
from itertools import groupby
from operator import itemgetter

from .. import __version__
from .tidy import BY_NAME, TABLES, Selection, TableSpec, progress_rows

SQL_TYPES = {"text": "TEXT", "int": "INTEGER", "amount": "NUMERIC", "derived": "NUMERIC", "rate": "REAL", "date": "TEXT",
             "month": "TEXT", "bool": "INTEGER", "list": "TEXT"}


def create_sql(spec: TableSpec) -> list[str]:
    cols = [f"{c.name} {SQL_TYPES[c.kind]}" + (" NOT NULL" if c.name in spec.key else "") for c in spec.columns]
    cols.append(f"PRIMARY KEY ({', '.join(spec.key)})")
    for c in spec.columns:
        if c.references:
            cols.append(f"FOREIGN KEY ({c.name}) REFERENCES {c.references}")
    # WITHOUT ROWID: the rows are stored in their primary key's b-tree, not in a second one beside it
    out = [f"CREATE TABLE {spec.name} (\n  " + ",\n  ".join(cols) + "\n) WITHOUT ROWID"]
    indexed = {spec.key[:1]} | {(c.name,) for c in spec.columns if c.references}
    for cols_ in sorted(indexed | set(spec.indexes)):
        if cols_ != spec.key[: len(cols_)]:  # the primary key already indexes its leading columns
            out.append(f"CREATE INDEX {spec.name}_{'_'.join(cols_)} ON {spec.name} ({', '.join(cols_)})")
    return out


def amount(v):
    """An exact amount as SQLite stores it: an integer when whole (below 10^15, a float holds it exactly)."""
    f = float(v)
    return int(f) if f.is_integer() else f


def derived(u):
    """A computed amount given in units of 1/10,000 (an int, or a Decimal after a division) as `amount` stores it;
    u / 10000 is the float nearest the exact amount, as float(Decimal) is."""
    if type(u) is int:
        return u // 10000 if not u % 10000 else u / 10000
    return amount(u.scaleb(-4))


#: how a value (not None) of each kind is bound, as an expression of it (`{}`); text, int and month are bound as they are
CONVERT = {"amount": "amount({})", "derived": "derived({})", "rate": "float({})", "date": "{}.isoformat()",
           "bool": "(1 if {} else 0)", "list": "';'.join({})"}

#: what stands for None when it is bound, turned back into NULL by the statement (NULLIF): binding None itself
#: makes CPython's sqlite3 look for an adapter, about 0.6 us each (300,000 rows with ten missing values: 3.0 s
#: against 1.0 s). A value of a text kind is never the integer 0, a number never the text ''.
NULL_AS = {"text": 0, "date": 0, "month": 0, "list": 0, "int": "''", "amount": "''", "derived": "''", "rate": "''",
           "bool": "''"}


def row_converter(spec: TableSpec):
    """One function that makes a row bindable, written as a single tuple expression for the table's columns
    (a loop over columns per row took a fifth of a 100,000-project export); see insert_sql."""
    parts = []
    for i, c in enumerate(spec.columns):
        value = CONVERT.get(c.kind, "{}").format(f"r[{i}]")
        parts.append(value if c.name in spec.key else f"({NULL_AS[c.kind]} if r[{i}] is None else {value})")
    return eval(f"lambda r: ({', '.join(parts)},)", {"amount": amount, "derived": derived})  # noqa: S307 - ours


def insert_sql(spec: TableSpec) -> str:
    """The statement that inserts a row of row_converter: NULLIF turns what stands for None back into NULL."""
    values = ["?" if c.name in spec.key else f"NULLIF(?, {NULL_AS[c.kind]})" for c in spec.columns]
    return f"INSERT INTO {spec.name} VALUES ({', '.join(values)})"


VIEWS = """
CREATE VIEW project_status AS
  SELECT p.*, f.year, f.as_of, f.started, f.continuing, f.start_status, f.late_start_days, f.completed,
         f.completing, f.annual, f.this_month, f.completed_ytd, f.ytd_rate, f.cumulative, f.cumulative_rate,
         f.planned_to_date, f.progress_ratio, f.on_schedule, f.light, f.open_issues, f.units, f.leaders
  FROM project_figures f JOIN projects p ON p.id = f.project;

CREATE VIEW issue_status AS
  SELECT q.*, f.as_of, f.counted, f.due AS due_by, f.status, f.resolved AS is_resolved, f.closed AS is_closed,
         f.overdue, f.overdue_days, f.plan_overdue, f.resolved_late, f.working_days, f.level
  FROM issue_figures f JOIN issues q ON q.id = f.issue;

CREATE VIEW monthly_completion AS
  WITH months(month) AS (VALUES (1),(2),(3),(4),(5),(6),(7),(8),(9),(10),(11),(12)),
  frame AS (SELECT (SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'year') AS year,
                   (SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'months_counted') AS counted),
  done AS (
    SELECT CAST(substr(g.month, 6, 2) AS INTEGER) AS month, SUM(g.invested) AS invested
    FROM progress g JOIN project_figures f ON f.project = g.project, frame
    WHERE CAST(substr(g.month, 1, 4) AS INTEGER) = frame.year GROUP BY 1),
  planned AS (
    SELECT months.month,
           (SELECT COALESCE(SUM(m.planned), 0) FROM monthly_plans m JOIN project_figures f ON f.project = m.project
            WHERE m.year = frame.year AND m.month = months.month)
         + (SELECT COALESCE(SUM(p.annual), 0) / 12.0 FROM plans p JOIN project_figures f ON f.project = p.project
            WHERE p.year = frame.year AND NOT EXISTS (SELECT 1 FROM monthly_plans m
                                                      WHERE m.project = p.project AND m.year = p.year)) AS planned
    FROM months, frame)
  SELECT months.month,
         CASE WHEN months.month <= frame.counted THEN COALESCE(done.invested, 0) END AS invested,
         CASE WHEN months.month <= frame.counted
              THEN SUM(COALESCE(done.invested, 0)) OVER (ORDER BY months.month) END AS cum_completed,
         SUM(planned.planned) OVER (ORDER BY months.month) AS cum_planned
  FROM months CROSS JOIN frame LEFT JOIN done USING (month) LEFT JOIN planned USING (month)
  ORDER BY months.month;
"""


def meta_rows(sel: Selection) -> list[tuple[str, str | None]]:
    ctx = sel.ctx
    s = ctx.ledger.settings
    rows = [("tool", "xmledger"), ("version", __version__), ("name", s.name), ("region", s.region),
            ("unit", s.unit), ("year", str(ctx.period.year)), ("as_of", ctx.period.as_of.isoformat()),
            ("months_counted", str(ctx.period.month_index)),
            ("revision", ctx.described or None), ("language", ctx.lang),
            ("records_left_out", str(ctx.left_out))]
    rows += [(f"filter.{k}", ";".join(v)) for k, v in ctx.filters.active()]
    return rows


def monthly_plan_texts(sel: Selection):
    """(project, year, its 12 planned amounts as a JSON array) of each monthly plan."""
    for p in sel.projects:
        for year in sorted(p.plans):
            monthly = p.plans[year].monthly
            if monthly is not None:
                yield (p.id, year, "[" + ",".join(map(str, monthly)) + "]")


def fill_monthly_plans(con: sqlite3.Connection, spec: TableSpec, sel: Selection) -> int:
    sql = f"INSERT INTO {spec.name} SELECT ?1, ?2, key + 1, value FROM json_each(?3) WHERE value <> 0"
    return con.executemany(sql, monthly_plan_texts(sel)).rowcount


def progress_texts(sel: Selection, rest: list):
    """(project, months, amounts, notes), each a JSON array, of the progress of each project; a row JSON would
    not carry as it is (a report of progress/ with its date and source, a note with control characters) goes
    to `rest` instead."""
    dumps = json.dumps
    for pid, rows in groupby(progress_rows(sel), key=itemgetter(0)):
        plain = []
        for row in rows:
            note = row[3]
            if row[6] == "project" and (note is None or note.isprintable()):
                plain.append(row)
            else:
                rest.append(row)
        if plain:
            yield (pid, '["' + '","'.join([row[1] for row in plain]) + '"]',
                   "[" + ",".join([str(row[2]) for row in plain]) + "]",
                   dumps([row[3] for row in plain], ensure_ascii=False))


def fill_progress(con: sqlite3.Connection, spec: TableSpec, sel: Selection) -> int:
    rest: list = []
    sql = (f"INSERT INTO {spec.name} SELECT ?1, m.value, json_extract(?3, '$[' || m.key || ']'), "
           "json_extract(?4, '$[' || m.key || ']'), NULL, NULL, 'project' FROM json_each(?2) m")
    count = con.executemany(sql, progress_texts(sel, rest)).rowcount
    return count + insert_rows(con, spec, rest)


#: tables SQLite fills itself from a few texts per project: a million monthly plans are 100,000 JSON arrays that
#: `json_each` expands in C, instead of a million Python tuples bound one by one (2.9 s -> 1.6 s at 100,000
#: projects; progress 6.3 s -> 3.7 s). The rows are those of the table's own `rows`: tests/test_sqlite_export.py
#: compares every table with them, and with what the plain path writes where SQLite has no JSON functions.
EXPANDED = {"monthly_plans": fill_monthly_plans, "progress": fill_progress}


def has_json(con: sqlite3.Connection) -> bool:
    """Whether this SQLite has its JSON functions (built in since 3.38, an extension before)."""
    try:
        return con.execute("SELECT json_extract(value, '$[0]') FROM json_each('[[1]]')").fetchone()[0] == 1
    except sqlite3.OperationalError:
        return False


def insert_rows(con: sqlite3.Connection, spec: TableSpec, rows) -> int:
    return con.executemany(insert_sql(spec), map(row_converter(spec), rows)).rowcount


def fill_table(con: sqlite3.Connection, spec: TableSpec, sel: Selection, expand: bool = True) -> int:
    """Create the table and insert its rows (its indexes come after: see create_indexes); the number of rows.
    `expand`: let SQLite expand the tables of EXPANDED from JSON."""
    con.execute(create_sql(spec)[0])
    if expand and spec.name in EXPANDED:
        return EXPANDED[spec.name](con, spec, sel)
    return insert_rows(con, spec, spec.rows(sel))


def create_indexes(con: sqlite3.Connection, spec: TableSpec) -> None:
    for statement in create_sql(spec)[1:]:  # after the inserts: one sort instead of a b-tree grown row by row
        con.execute(statement)


def fill_tables(con: sqlite3.Connection, sel: Selection, specs, expand: bool) -> dict[str, int]:
    counts = {}
    for spec in specs:
        counts[spec.name] = fill_table(con, spec, sel, expand)
        create_indexes(con, spec)
    return counts


def connect(path) -> sqlite3.Connection:
    """A connection for writing a new database once: no journal, no sync (a failed export leaves no file that
    is kept), one transaction at a time begun by hand."""
    con = sqlite3.connect(path, isolation_level=None)
    con.execute("PRAGMA journal_mode = OFF")
    con.execute("PRAGMA synchronous = OFF")
    return con


# ------------------------------------------------------------------ two processes

#: the tables a second process writes, into a database of its own that this one then copies: the problems and the
#: figures. Its share, measured at 100,000 projects, is about that of the projects' tables
#: (benchmarks/sqlite_profile.py; docs/performance.md).
SECOND = ("issues", "project_figures", "issue_figures")
PARALLEL_MIN = 20_000  # projects below which forking and copying cost more than a second core saves

_selection: Selection | None = None  # the selection, in the forked worker


def _adopt(sel: Selection) -> None:
    global _selection
    _selection = sel


def _write_part(path: str, names: tuple[str, ...], expand: bool) -> dict[str, int]:
    """In the worker: the tables `names` (and their indexes) into a new database at `path`."""
    con = connect(path)
    try:
        con.execute("BEGIN")
        counts = fill_tables(con, _selection, [BY_NAME[n] for n in names], expand)
        con.execute("COMMIT")
    finally:
        con.close()
    return counts


def use_two(sel: Selection, jobs: int | None) -> bool:
    """`jobs` None: two processes when there are two cores, a fork, and a large ledger; a number: two when it is
    2 or more and there is a fork, whatever the ledger (tests, benchmarks)."""
    from ..core.workers import can_fork, jobs_available

    if jobs is None:
        return jobs_available() >= 2 and can_fork() and sel.ctx.ledger.counts[0] >= PARALLEL_MIN
    return jobs >= 2 and can_fork()


def fill_in_two(con: sqlite3.Connection, sel: Selection, path: str, expand: bool) -> dict[str, int]:
    """Write the tables of SECOND in a forked worker while this process writes the others, then copy the worker's
    into this database (SQLite copies a table whose columns and indexes match page by page: 0.3 s a million rows).
    A worker that dies (killed for memory) costs time, not the export: its tables are then written here."""
    from concurrent.futures.process import BrokenProcessPool

    from ..core.workers import forked_executor

    sel.projects, sel.issues  # decoded once, before the fork: the worker shares them instead of decoding again
    fd, part = tempfile.mkstemp(prefix=".xmledger-", suffix=".db", dir=os.path.dirname(os.path.abspath(path)))
    os.close(fd)
    try:
        with forked_executor(1, initializer=_adopt, initargs=(sel,)) as worker:
            job = worker.submit(_write_part, part, SECOND, expand)
            con.execute("BEGIN")
            counts = fill_tables(con, sel, [t for t in TABLES if t.name not in SECOND], expand)
            con.execute("COMMIT")
            try:
                counts.update(job.result())
            except BrokenProcessPool:
                job = None
        con.execute("BEGIN")
        if job is None:
            counts.update(fill_tables(con, sel, [BY_NAME[n] for n in SECOND], expand))
        else:
            con.execute("ATTACH DATABASE ? AS part", (part,))
            for name in SECOND:
                for statement in create_sql(BY_NAME[name]):  # the table and its indexes, empty, as the worker's
                    con.execute(statement)
                con.execute(f"INSERT INTO main.{name} SELECT * FROM part.{name}")
        con.execute("COMMIT")
        if job is not None:
            con.execute("DETACH DATABASE part")
    finally:
        os.remove(part)
    return counts


def write_database(sel: Selection, path, jobs: int | None = None, expand: bool | None = None) -> dict[str, int]:
    """Create the database at `path` (which must not exist); the number of rows of each table.

    With two cores or more and a large ledger, a forked worker writes the tables of SECOND at the same time
    (`jobs`: cores to use; 1 for one process). `expand`: let SQLite fill EXPANDED from JSON (default: when it
    can); the database is the same either way."""
    con = connect(path)
    try:
        expand = has_json(con) if expand is None else expand
        con.execute("BEGIN")
        con.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
        con.executemany("INSERT INTO meta VALUES (?, ?)", meta_rows(sel))
        con.execute("COMMIT")
        if use_two(sel, jobs):
            counts = fill_in_two(con, sel, str(path), expand)
        else:
            con.execute("BEGIN")
            counts = fill_tables(con, sel, TABLES, expand)
            con.execute("COMMIT")
        con.execute("BEGIN")
        for statement in VIEWS.split(";"):
            if statement.strip():
                con.execute(statement)
        con.execute("COMMIT")
    finally:
        con.close()
    return {t.name: counts[t.name] for t in TABLES}
