"""csv and tsv: machine values under English keys, one table after another (an empty line between).

Codes are the YAML values (`approval`, `started`), amounts exact to 4 decimals, rates to 8.
"""

from __future__ import annotations

import csv
import io
from typing import Any

from ..reports.base import FindingList, Report, Table
from ..reports.cells import machine
from ..reports.findings import finding_dict


def render(report: Report, fmt: str) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
    first = True
    for block in report.blocks:
        if isinstance(block, Table):
            header, rows = [c.key for c in block.columns], [
                ["" if (value := machine(v, c.kind)) is None else cell(value) for c, v in zip(block.columns, row)]
                for row in block.rows]
        elif isinstance(block, FindingList):
            dicts = [finding_dict(f, report.lang) for f in block.findings]
            header = ["file", "line", "column", "severity", "code", "field", "message", "record", "hint"]
            rows = [["" if d[k] is None else cell(d[k]) for k in header] for d in dicts]
        else:
            continue
        if not first:
            buf.write("\n")
        first = False
        writer.writerow(header)
        writer.writerows(rows)
    return buf.getvalue()


def cell(value: Any) -> str:
    if isinstance(value, list):
        return ";".join(str(v) for v in value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)
