"""`template progress`: the fill-in sheet of one month's progress, one row per project on the list.

The sheet shows what the unit needs to fill it in (the month's plan, what is
completed so far this year, last month's note) and leaves three columns to
fill: 本月完成投资, 形象进度, 存在问题. The id column and everything else is
locked (sheet protection without a password: the protection prevents slips,
not intent); the amount column only takes numbers >= 0. A hidden sheet
`_xmledger` says which ledger, month and unit the sheet is for, so `intake`
never has to guess.
"""

from __future__ import annotations

import datetime
import io
from decimal import Decimal
from typing import NamedTuple

from ..core.amounts import MAX_PLACES, round_half_up
from ..core.ledger import Ledger
from ..core.period import Period
from ..core.words import t, words
from ..metrics.views import planned_to, project_view
from ..renderers.columns import width as _width

META_SHEET = "_xmledger"
META_KIND = "xmledger progress template"
#: the columns of the sheet: (key, label key, width); the last three are filled in by the units
COLUMNS = (
    ("id", "intake.col.id", 14),
    ("name", "intake.col.name", 34),
    ("unit", "intake.col.unit", 20),
    ("leader", "intake.col.leader", 12),
    ("plan", "intake.col.plan", 14),
    ("done", "intake.col.done", 16),
    ("last_note", "intake.col.last_note", 24),
    ("invested", "intake.col.invested", 16),
    ("note", "intake.col.note", 28),
    ("problem", "intake.col.problem", 34),
)
INPUT = ("invested", "note", "problem")


class Line(NamedTuple):
    id: str
    name: str
    unit: str
    leader: str
    plan: Decimal  # planned for the month
    done: Decimal  # completed this year before the month
    last_note: str


def month_period(month: datetime.date) -> Period:
    """The time frame of the month before `month` (what is done so far), in `month`'s year."""
    before = month - datetime.timedelta(days=1)
    return Period(month.year, before)


def lines(ledger: Ledger, month: datetime.date, units: tuple[str, ...] = ()) -> list[Line]:
    """The rows of the sheet: projects on the month's year list, of the given units (all when none)."""
    settings = ledger.settings
    frame = month_period(month)
    out = []
    for p in ledger.projects:
        if month.year not in p.plans:
            continue
        own_units = ledger.units_of(p.id)
        if units and not set(units) & set(own_units):
            continue
        plan = p.plans[month.year]
        this_month = round_half_up(planned_to(plan, month.month) - planned_to(plan, month.month - 1), MAX_PLACES)
        done = project_view(ledger.facts_by_id[p.id], frame, settings).completed_ytd
        last = max((e for e in p.progress if e.month < month), key=lambda e: e.month, default=None)
        lang = settings.language
        out.append(Line(p.id, p.name, ("、" if lang == "zh" else ", ").join(own_units),
                        ("、" if lang == "zh" else ", ").join(ledger.leaders_of(p.id)), this_month, done,
                        (last.note or "") if last is not None else ""))
    return out




def workbook(ledger: Ledger, month: datetime.date, units: tuple[str, ...], lang: str) -> bytes:
    """The fill-in workbook as bytes."""
    import xlsxwriter

    s = ledger.settings
    rows = lines(ledger, month, units)
    buffer = io.BytesIO()
    wb = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False,
                                      "strings_to_numbers": False})
    ws = wb.add_worksheet(words("intake.sheet", lang, month=month.month))
    title = wb.add_format({"bold": True, "font_size": 14, "align": "center", "valign": "vcenter"})
    head = wb.add_format({"bold": True, "border": 1, "align": "center", "valign": "vcenter", "text_wrap": True,
                          "bg_color": "#DDEBF7"})
    fill_head = wb.add_format({"bold": True, "border": 1, "align": "center", "valign": "vcenter", "text_wrap": True,
                               "bg_color": "#FFF2CC"})
    locked_text = wb.add_format({"border": 1, "text_wrap": True, "valign": "top"})
    locked_money = wb.add_format({"border": 1, "num_format": "#,##0.00##", "valign": "top"})
    input_money = wb.add_format({"border": 1, "num_format": "#,##0.00##", "locked": False, "bg_color": "#FFFBEA",
                                 "valign": "top"})
    input_text = wb.add_format({"border": 1, "locked": False, "text_wrap": True, "bg_color": "#FFFBEA",
                                "valign": "top"})
    last_col = len(COLUMNS) - 1
    ws.merge_range(0, 0, 0, last_col, words("intake.title", lang, name=s.name, year=month.year, month=month.month),
                   title)
    ws.merge_range(1, 0, 1, last_col, words("intake.subtitle", lang, unit=s.unit,
                                            units=list(units) or t("intake.all_units", lang)))
    widths = []
    for c, (key, label_key, width) in enumerate(COLUMNS):
        text = t(label_key, lang)
        if key in ("plan", "done", "invested"):
            text += f"（{s.unit}）" if lang == "zh" else f" ({s.unit})"
        if key == "done":
            text = words("intake.col.done_months", lang, unit=s.unit, n=month.month - 1) if month.month > 1 \
                else text
        ws.write_string(2, c, text, fill_head if key in INPUT else head)
        widths.append(max(width, _width(text) + 2))
    ws.set_row(2, 36)
    for i, line in enumerate(rows, 3):
        ws.write_string(i, 0, line.id, locked_text)
        ws.write_string(i, 1, line.name, locked_text)
        ws.write_string(i, 2, line.unit, locked_text)
        ws.write_string(i, 3, line.leader, locked_text)
        ws.write_number(i, 4, float(line.plan), locked_money)
        ws.write_number(i, 5, float(line.done), locked_money)
        ws.write_string(i, 6, line.last_note, locked_text)
        ws.write_blank(i, 7, None, input_money)
        ws.write_blank(i, 8, None, input_text)
        ws.write_blank(i, 9, None, input_text)
        widths[1] = max(widths[1], min(60, _width(line.name) + 2))
    if rows:
        ws.data_validation(3, 7, 2 + len(rows), 7, {
            "validate": "decimal", "criteria": ">=", "value": 0, "ignore_blank": True,
            "input_title": t("intake.col.invested", lang)[:32],
            "input_message": words("intake.validation.input", lang, unit=s.unit)[:255],
            "error_title": t("intake.col.invested", lang)[:32],
            "error_message": words("intake.validation.error", lang, unit=s.unit)[:255],
        })
    for c, w in enumerate(widths):
        ws.set_column(c, c, w)
    ws.freeze_panes(3, 2)
    ws.protect("", {"format_columns": True, "format_rows": True, "select_locked_cells": True,
                    "select_unlocked_cells": True})
    ws.set_landscape()
    ws.set_paper(9)
    ws.fit_to_pages(1, 0)
    ws.repeat_rows(2)
    meta = wb.add_worksheet(META_SHEET)
    for i, (k, v) in enumerate((("kind", META_KIND), ("month", f"{month:%Y-%m}"), ("unit", s.unit),
                                ("ledger", s.name), ("units", "、".join(units)))):
        meta.write_string(i, 0, k)
        meta.write_string(i, 1, v)
    meta.hide()
    wb.close()
    return buffer.getvalue()
