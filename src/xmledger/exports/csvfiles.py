"""`export csv`: one tidy csv file per table of exports/tidy.py, for people (Excel, WPS) and programs.

Each file starts with a UTF-8 byte order mark unless asked not to (Excel and WPS on Chinese Windows read
UTF-8 as GBK without it), has a header of the YAML key names, and is made safe for spreadsheets as the
report csv is (renderers/delimited.py: formula starts neutralised, control characters dropped).
"""

from __future__ import annotations

import csv
import io

from ..renderers.delimited import BOM, safe_text
from .tidy import TABLES, Selection, cell_text


def field(value, kind: str) -> str:
    return "" if value is None else cell_text(value, kind, safe_text)


def table_csv(spec, sel: Selection, bom: bool = True) -> bytes:
    buf = io.StringIO()
    if bom:
        buf.write(BOM)
    writer = csv.writer(buf, lineterminator="\n")
    kinds = [c.kind for c in spec.columns]
    writer.writerow([c.name for c in spec.columns])
    for row in spec.rows(sel):
        writer.writerow([field(v, k) for v, k in zip(row, kinds)])
    return buf.getvalue().encode("utf-8")


def csv_files(sel: Selection, bom: bool = True) -> dict[str, bytes]:
    """{file name: bytes} of every table, in a fixed order."""
    return {f"{spec.name}.csv": table_csv(spec, sel, bom) for spec in TABLES}
