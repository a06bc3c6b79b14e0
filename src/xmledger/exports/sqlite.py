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
Everything is written in one transaction with executemany.
"""

from __future__ import annotations

import sqlite3

from .. import __version__
from .tidy import TABLES, Selection, TableSpec

SQL_TYPES = {"text": "TEXT", "int": "INTEGER", "amount": "NUMERIC", "derived": "NUMERIC", "rate": "REAL", "date": "TEXT",
             "month": "TEXT", "bool": "INTEGER", "list": "TEXT"}


def create_sql(spec: TableSpec) -> list[str]:
    cols = [f"{c.name} {SQL_TYPES[c.kind]}" + (" NOT NULL" if c.name in spec.key else "") for c in spec.columns]
    cols.append(f"PRIMARY KEY ({', '.join(spec.key)})")
    for c in spec.columns:
        if c.references:
            cols.append(f"FOREIGN KEY ({c.name}) REFERENCES {c.references}")
    out = [f"CREATE TABLE {spec.name} (\n  " + ",\n  ".join(cols) + "\n)"]
    indexed = {spec.key[:1]} | {(c.name,) for c in spec.columns if c.references}
    for cols_ in sorted(indexed | set(spec.indexes)):
        if cols_ != spec.key[: len(cols_)]:  # the primary key already indexes its leading columns
            out.append(f"CREATE INDEX {spec.name}_{'_'.join(cols_)} ON {spec.name} ({', '.join(cols_)})")
    return out


def amount(v):
    """An exact amount as SQLite stores it: an integer when whole (below 10^15, a float holds it exactly)."""
    if v is None:
        return None
    f = float(v)
    return int(f) if f.is_integer() else f


#: how a value of each kind is bound (kinds bound as they are: text, int, month)
CONVERT = {"amount": amount, "derived": amount, "rate": lambda v: None if v is None else float(v),
           "date": lambda v: None if v is None else v.isoformat(), "bool": lambda v: None if v is None else int(v),
           "list": lambda v: None if v is None else ";".join(v)}


def row_converter(spec: TableSpec):
    """One function that makes a row bindable, written as a single tuple expression for the table's columns
    (a loop over columns per row took a fifth of a 100,000-project export)."""
    parts = [f"c{i}(r[{i}])" if c.kind in CONVERT else f"r[{i}]" for i, c in enumerate(spec.columns)]
    if all(p.startswith("r[") for p in parts):
        return None
    scope = {f"c{i}": CONVERT[c.kind] for i, c in enumerate(spec.columns) if c.kind in CONVERT}
    return eval(f"lambda r: ({', '.join(parts)},)", scope)  # noqa: S307 - our own column list, no input


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


def write_database(sel: Selection, path) -> dict[str, int]:
    """Create the database at `path` (which must not exist); the number of rows of each table."""
    con = sqlite3.connect(path, isolation_level=None)
    counts = {}
    try:
        con.execute("PRAGMA journal_mode = OFF")
        con.execute("PRAGMA synchronous = OFF")
        con.execute("BEGIN")
        con.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
        con.executemany("INSERT INTO meta VALUES (?, ?)", meta_rows(sel))
        for spec in TABLES:
            create, *indexes = create_sql(spec)
            con.execute(create)
            convert = row_converter(spec)
            rows = spec.rows(sel) if convert is None else map(convert, spec.rows(sel))
            sql = f"INSERT INTO {spec.name} VALUES ({', '.join('?' * len(spec.columns))})"
            cur = con.executemany(sql, rows)
            counts[spec.name] = cur.rowcount
            for statement in indexes:
                con.execute(statement)
        for statement in VIEWS.split(";"):
            if statement.strip():
                con.execute(statement)
        con.execute("COMMIT")
    finally:
        con.close()
    return counts

