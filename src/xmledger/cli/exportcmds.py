"""`export xlsx|csv|sqlite|html -o OUT`: the ledger as files for other people and programs (issue 11).

Every export takes the shared options (-L, --as-of, --year, --lang, filters, --allow-errors) and refuses a
ledger with errors as reports do. An existing output is never overwritten without --force; a path that
cannot be written is a usage error (exit 2). Files are written beside their target and renamed into place,
so a failed export leaves no half-written file.
"""

import os
from pathlib import Path
from typing import Annotated, Callable, Optional

import typer

from . import app
from .options import ReportOptions, err, report_context, report_options

export_app = typer.Typer(
    name="export", no_args_is_help=True, rich_markup_mode=None,
    help="Export the ledger as files: the 进展情况表 workbook (xlsx), tidy csv tables, a SQLite database, or a "
         "self-contained HTML page with charts.",
)
app.add_typer(export_app, name="export")

OutputFile = Annotated[Path, typer.Option("-o", "--output", help="File to write.", show_default=False)]
Force = Annotated[bool, typer.Option("--force", help="Overwrite the output if it exists.")]
OUTPUT = "-o/--output"


def refuse_existing(path: Path, force: bool) -> None:
    if path.is_dir():
        raise typer.BadParameter(f"{path} is a folder: name a file", param_hint=OUTPUT)
    if path.exists() and not force:
        raise typer.BadParameter(f"{path} exists already: pass --force to overwrite it", param_hint=OUTPUT)
    if not path.parent.is_dir():
        raise typer.BadParameter(f"the folder {path.parent} does not exist", param_hint=OUTPUT)


def write_file(path: Path, write: Callable[[Path], None]) -> None:
    """Write through a temporary file in the same folder, then rename it into place."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        tmp.open("xb").close()  # can we write here at all? (before minutes of work, and with a clear reason)
        write(tmp)
        os.replace(tmp, path)
    except OSError as e:
        raise typer.BadParameter(f"cannot write {path}: {e.strerror or e}", param_hint=OUTPUT) from None
    finally:
        if tmp.exists():
            tmp.unlink()


def done(ctx, path: Path, n: Optional[int] = None) -> None:
    if n is None:
        err(ctx.words("export.wrote", path=path))
    else:
        err(ctx.words("export.wrote_many", n=n, path=path))


def export_file(opts: ReportOptions, kind: str, output: Path, force: bool, **options) -> None:
    from .. import api

    refuse_existing(output, force)  # before the ledger is read: a wrong path fails fast
    ctx = report_context(opts)
    write_file(output, lambda tmp: api.export(ctx, kind, tmp, **options))
    done(ctx, output)


@export_app.command("xlsx")
@report_options(omit=("fmt", "excel"))
def xlsx(opts: ReportOptions, output: OutputFile, force: Force = False,
         with_data: Annotated[bool, typer.Option("--with-data", help="Add the records as data sheets (data.projects, "
                                                 "data.issues ...): `import xlsx` reads them back into the same "
                                                 "ledger.")] = False) -> None:
    """The 进展情况表 workbook an office sends upward: sheets 项目进展 (by category, with subtotals and a total),
    问题清单, 包靠责任, 排名 and 汇总; amounts as numbers, rates as percentages, lights as filled cells."""
    export_file(opts, "xlsx", output, force, with_data=with_data)


@export_app.command("sqlite")
@report_options(omit=("fmt", "excel"))
def sqlite(opts: ReportOptions, output: OutputFile, force: Force = False) -> None:
    """A SQLite database: a table per record kind and child records, keys and indexes, a meta table, and the
    figures as of the date (project_figures, issue_figures; views project_status, issue_status,
    monthly_completion)."""
    export_file(opts, "sqlite", output, force)


@export_app.command("html")
@report_options(omit=("fmt", "excel"))
def html(opts: ReportOptions, output: OutputFile, force: Force = False) -> None:
    """One self-contained HTML page, offline, for a phone or A4 paper: the circular (通报), the headline figures
    and charts drawn as inline SVG (cumulative investment against plan, start rates, lights, problems)."""
    export_file(opts, "html", output, force)


@export_app.command("csv")
@report_options(omit=("fmt", "excel"))
def csv(
    opts: ReportOptions,
    output: Annotated[Path, typer.Option("-o", "--output", help="Folder to write the files into (created if "
                                         "missing).", show_default=False)],
    force: Force = False,
    bom: Annotated[bool, typer.Option("--bom/--no-bom", help="Start each file with a UTF-8 byte order mark, "
                                      "for Excel and WPS.")] = True,
) -> None:
    """Tidy csv files, one per table: projects, milestones, plans, monthly_plans, progress, cards, card_projects,
    visits, issues, escalations, and the figures as of the date (project_figures, issue_figures); columns are
    the YAML keys."""
    from .. import api
    from ..exports.tidy import TABLES

    if output.exists() and not output.is_dir():
        raise typer.BadParameter(f"{output} is a file: name a folder", param_hint=OUTPUT)
    names = [f"{t.name}.csv" for t in TABLES]
    taken = [n for n in names if (output / n).exists()]
    if taken and not force:
        raise typer.BadParameter(f"{output / taken[0]} exists already: pass --force to overwrite "
                                 f"{'it' if len(taken) == 1 else f'the {len(taken)} files'}", param_hint=OUTPUT)
    ctx = report_context(opts)
    try:
        output.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise typer.BadParameter(f"cannot create {output}: {e.strerror or e}", param_hint=OUTPUT) from None
    files = api.csv_files(ctx, bom)
    for name, data in files.items():
        write_file(output / name, lambda tmp, data=data: tmp.write_bytes(data))
    done(ctx, output, len(files))
