"""Excel in: `import xlsx`, `template progress`, `intake`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from . import app
from .options import Lang, LangOption, LedgerOption, err, out, today

import_app = typer.Typer(help="Make a new ledger from an existing one kept elsewhere (an Excel 台账).",
                         no_args_is_help=True, rich_markup_mode=None)
template_app = typer.Typer(help="Write fill-in sheets for the units to report on.", no_args_is_help=True,
                           rich_markup_mode=None)
app.add_typer(import_app, name="import")
app.add_typer(template_app, name="template")


def _lang(lang: Optional[Lang], default: str = "zh") -> str:
    return lang.value if lang else default


def _month(text: str, option: str):
    import datetime
    import re

    m = re.fullmatch(r"(\d{4})-(\d{2})", text or "")
    if not m or not 1 <= int(m[2]) <= 12 or not 1900 <= int(m[1]) <= 2200:
        raise typer.BadParameter(f"{text!r} is not a month: YYYY-MM", param_hint=option)
    return datetime.date(int(m[1]), int(m[2]), 1)


def _day(text: str, option: str):
    import datetime

    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise typer.BadParameter(f"{text!r} is not a date: YYYY-MM-DD", param_hint=option) from None


def _show_findings(findings, lang: str) -> None:
    for f in findings:
        err(f.text(lang))


@import_app.command("xlsx")
def import_xlsx(
    file: Annotated[Path, typer.Argument(help="The workbook: .xlsx, .xls or .ods.", show_default=False)],
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help="The new ledger folder (must not exist, "
                                                   "or be empty).", show_default=False)] = None,
    mapping: Annotated[Optional[Path], typer.Option("--map", help="YAML file {header as written: field} that "
                                                    "overrides or adds column mappings (fields: see docs/import.md; "
                                                    "ignore skips a column).", show_default=False)] = None,
    show_mapping: Annotated[bool, typer.Option("--show-mapping", help="Print what was recognised (header row, "
                                               "each column's field and unit, year, month) and write nothing.")] = False,
    partial: Annotated[bool, typer.Option("--partial", help="Write the rows that were read even when others have "
                                          "errors (they are left out; exit 1 all the same).")] = False,
    prefix: Annotated[str, typer.Option("--prefix", help="Start of generated project ids: PREFIX-YYYY-NNN "
                                        "(rows without a 项目代码 column).")] = "XM",
    as_of: Annotated[Optional[str], typer.Option("--as-of", help="The month the sheet runs to (YYYY-MM) or its date "
                                                 "(YYYY-MM-DD), when the title and headers do not say.",
                                                 show_default=False)] = None,
    year: Annotated[Optional[int], typer.Option("--year", help="Year of the sheet's plan, when the title and headers "
                                                "do not say.", show_default=False)] = None,
    unit: Annotated[str, typer.Option("--unit", help="Unit of the new ledger: 元, 万元 or 亿元 (the sheet's own "
                                      "units are read from its headers).")] = "万元",
    level: Annotated[Optional[str], typer.Option("--level", help="Level of projects without a 级别 column: province, "
                                                 "city, county (default: 省/市/县重点 in the title, else county).",
                                                 show_default=False)] = None,
    category: Annotated[Optional[str], typer.Option("--category", help="Category of rows before any group row "
                                                    "(一、…项目) and without a 类别 column (default 未分类).",
                                                    show_default=False)] = None,
    sheet: Annotated[list[str], typer.Option("--sheet", help="Read this sheet (repeatable); default: the first "
                                             "sheet with a recognisable header.", show_default=False)] = [],
    name: Annotated[Optional[str], typer.Option("--name", help="Name of the new ledger (default: REGION重点项目台账).",
                                                show_default=False)] = None,
    region: Annotated[Optional[str], typer.Option("--region", help="Region of the new ledger (default: the place "
                                                  "the title starts with).", show_default=False)] = None,
    layout: Annotated[Optional[str], typer.Option("--layout", help="files: one file a project "
                                                  "(projects/CATEGORY/ID.yaml); lists: one list file a category "
                                                  "(projects/CATEGORY.yaml). Default: files up to 1,000 projects.",
                                                  show_default=False)] = None,
    lang: LangOption = None,
) -> None:
    """Make a new ledger folder from an existing Excel 台账: the header row found by its cells, columns mapped by
    their usual names, group rows as categories, subtotals checked, amounts exact, dates in every usual form.

    Every cell that cannot be read is named as FILE!SHEET!C12; on any error nothing is written (unless
    --partial). An existing folder is never overwritten. Exit 0 when written, 1 on errors, 2 on wrong usage.
    """
    from .. import api
    from ..ingest.importer import read_mapping

    language = _lang(lang)
    if output is None and not show_mapping:
        raise typer.BadParameter("say where the new ledger goes: -o NEWDIR (or --show-mapping)",
                                 param_hint="-o/--output")
    from ..ingest.output import exists

    if output is not None and not show_mapping and exists(output):
        from ..core.words import words

        err(words("ingest.exists", language, dest=output) + "\n   = " +
            words("finding.hint", language, hint=words("ingest.exists.hint", language)))
        raise typer.Exit(1)
    pairs = ()
    if mapping is not None:
        try:
            data = mapping.read_bytes()
        except OSError as e:
            raise typer.BadParameter(f"cannot read {mapping}: {e.strerror}", param_hint="--map") from None
        pairs, problems = read_mapping(data, str(mapping))
        if problems:
            _show_findings(problems, language)
            raise typer.Exit(2)
    try:
        result = api.import_workbook(file, unit=unit, prefix=prefix, as_of=as_of, year=year, level=level,
                                     category=category, name=name, region=region, sheets=tuple(sheet),
                                     mapping=pairs, today=today(), lang=language, shown=str(file), layout=layout)
    except api.UsageError as e:
        raise typer.BadParameter(str(e), param_hint=e.option) from None
    _show_findings(result.findings, language)
    if show_mapping:
        out(_mapping_text(result, language))
        raise typer.Exit(1 if not result.sheets else 0)
    errors = sum(f.is_error for f in result.findings)
    from ..core.words import words

    if not result.files or (errors and not partial):
        err(words("ingest.nothing_written", language, errors=errors))
        raise typer.Exit(1)
    try:
        written = api.write_new_ledger(result.files, output, today=today())
    except OSError as e:
        raise typer.BadParameter(f"cannot write {output}: {e.strerror or e}", param_hint="-o/--output") from None
    if not written.ok:
        from ..renderers.text import headline

        for f in written.findings:
            if f.is_error:
                place = result.origins.get(f.file.split(":")[0])
                where = f"{file}!{place[0]}!{place[1]}" if place else str(file)
                err(f"{where}: " + words("ingest.check_failed", language, text=headline(f, language)))
        err(words("ingest.nothing_written", language, errors=sum(f.is_error for f in written.findings)))
        raise typer.Exit(1)
    out(words("ingest.wrote", language, dest=output, projects=result.projects, cards=result.cards,
              issues=result.issues, progress=result.progress) + "\n")
    if errors:
        err(words("ingest.wrote_partial", language, errors=errors))
    err(words("ingest.next", language, dest=output))
    raise typer.Exit(1 if errors else 0)


def _mapping_text(result, lang: str) -> str:
    from .. import api
    from ..core.words import t, words
    from ..ingest.columns import FIELDS
    from ..reports.base import Column, Paragraphs, Report, Table

    blocks = []
    for plan in result.sheets:
        h = plan.header
        month = words("ingest.map.month", lang, n=plan.month) if plan.month else words("ingest.map.no_month", lang)
        head = words("ingest.map.sheet", lang, sheet=plan.name, row=h.row + 1, rows=h.rows, year=plan.year,
                     month=month, unit=h.unit or plan.unit, as_of=plan.as_of, projects=plan.rows)
        texts = [head]
        if plan.groups:
            texts.append(words("ingest.map.groups", lang, groups=list(plan.groups)))
        blocks.append(Paragraphs("sheet", texts))
        rows = []
        for m in h.columns:
            field = m.field
            if field in ("month", "month_plan"):
                field = f"{field} {m.month}"
            how = t("ingest.by_map", lang) if m.by_map else ""
            if m.field is None:
                how = t("ingest.not_recognised", lang)
            elif m.field in FIELDS and not m.by_map:
                how = t(f"ingest.field.{m.field}", lang)
            rows.append([m.letter, m.header.replace("\n", " "), field or "-", m.unit or "", how])
        blocks.append(Table("columns", None, [Column("ingest.column"), Column("ingest.header"), Column("ingest.field"),
                                              Column("ingest.unit"), Column("ingest.how")], rows))
    return api.render(Report("import-mapping", "", blocks, lang=lang), "plain")


@template_app.command("progress")
def template_progress(
    month: Annotated[str, typer.Option("--month", help="The month to report on: YYYY-MM.", show_default=False)],
    output: Annotated[Path, typer.Option("-o", "--output", help="The workbook to write (.xlsx).", show_default=False)],
    unit: Annotated[list[str], typer.Option("--unit", help="Only projects on a card of this responsible unit "
                                            "(repeatable).", show_default=False)] = [],
    force: Annotated[bool, typer.Option("--force", help="Overwrite the workbook if it exists.")] = False,
    ledger: LedgerOption = None,
    lang: LangOption = None,
) -> None:
    """Write the fill-in sheet of a month's progress: one row per project on the month's list (id, name, unit,
    leader, this month's plan, completed so far this year, last month's note) and empty columns 本月完成投资,
    形象进度 and 存在问题 for the units to fill; the id column is locked. Read it back with `xmledger intake`.
    """
    from .. import api
    from ..core.words import words
    from .options import load_ledger, refuse, resolve_root

    first = _month(month, "--month")
    if output.exists() and not force:
        err(words("intake.output_exists", _lang(lang), path=output))
        raise typer.Exit(1)
    root = resolve_root(ledger)
    result = load_ledger(root, place_warnings=False)
    if not result.settings_usable or result.has_errors:
        refuse(result, root, _lang(lang, "en"))
    language = _lang(lang, result.ledger.settings.language)
    data, count = api.progress_template(result, first, units=tuple(unit), lang=language)
    if not count:
        err(words("intake.no_projects", language, year=first.year, units=list(unit) or "-"))
        raise typer.Exit(1)
    try:
        from ..ingest.output import write_bytes

        write_bytes(output, data)
    except OSError as e:
        raise typer.BadParameter(f"cannot write {output}: {e.strerror}", param_hint="-o/--output") from None
    out(words("intake.template_written", language, path=output, n=count, year=first.year, month=first.month) + "\n")


@app.command()
def intake(
    files: Annotated[list[Path], typer.Argument(help="Filled sheets made by `template progress` (.xlsx, .xls, .ods).",
                                                show_default=False)],
    replace: Annotated[bool, typer.Option("--replace", help="Replace what was reported before for the same "
                                          "projects and month (in the files intake wrote).")] = False,
    by_unit: Annotated[bool, typer.Option("--by-unit", help="One file a unit: progress/YYYY-MM/UNIT.yaml "
                                          "(default: progress/YYYY-MM.yaml).")] = False,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Check the sheets and print what would be written, "
                                          "write nothing.")] = False,
    reported_on: Annotated[Optional[str], typer.Option("--reported-on", help="Date the reports came in "
                                                       "(reported_on, and the raised date of new problems); "
                                                       "default today.", show_default=False)] = None,
    month: Annotated[Optional[str], typer.Option("--month", help="Month of sheets that do not say (not made by "
                                                 "`template progress`): YYYY-MM.", show_default=False)] = None,
    ledger: LedgerOption = None,
    lang: LangOption = None,
) -> None:
    """Write filled progress sheets into the ledger: the month's investment and notes as progress/YYYY-MM.yaml,
    and each new 存在问题 as an issue record with the next free id. The sheets are checked as a whole first
    (unknown or duplicate projects, amounts, a month already reported); on any error nothing is written.

    Running it again on the same sheets changes nothing. Exit 0 when written (or nothing to do), 1 on errors.
    """
    from .. import api
    from ..core.words import words
    from ..ingest.output import write_files
    from ..renderers.text import headline
    from .options import load_ledger, refuse, resolve_root

    root = resolve_root(ledger)
    result = load_ledger(root, place_warnings=False)
    if not result.settings_usable or result.has_errors:
        refuse(result, root, _lang(lang, "en"))
    language = _lang(lang, result.ledger.settings.language)
    when = _day(reported_on, "--reported-on") if reported_on else today()
    fallback = _month(month, "--month") if month else None
    planned = api.intake(result, files, root=root, replace=replace, by_unit=by_unit, reported_on=when,
                         month=fallback, today=today())
    _show_findings(planned.findings, language)
    if planned.has_errors:
        err(words("intake.nothing_written", language, errors=sum(f.is_error for f in planned.findings)))
        raise typer.Exit(1)
    if not planned.files:
        out(words("intake.nothing_to_do", language, unchanged=planned.unchanged, known=planned.known_issues) + "\n")
        raise typer.Exit(0)
    problems = api.verify_intake(root, planned.files, today=today())
    if problems:
        for f in problems:
            err(words("intake.check_failed", language, text=headline(f, language)))
        err(words("intake.nothing_written", language, errors=len(problems)))
        raise typer.Exit(1)
    if not dry_run:
        try:
            write_files(root, planned.files)
        except OSError as e:
            err(f"{root}: {e.strerror or e}")
            raise typer.Exit(1) from None
    key = "intake.would_write" if dry_run else "intake.wrote"
    for path in planned.files:
        out(words(key, language, path=path) + "\n")
    out(words("intake.summary", language, added=planned.added, replaced=planned.replaced,
              unchanged=planned.unchanged, issues=list(planned.issues) or "-", known=planned.known_issues,
              empty=planned.not_reported, months=list(planned.months)) + "\n")
    if not dry_run:
        err(words("ingest.next", language, dest=root))
