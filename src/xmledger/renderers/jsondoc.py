"""json: one document. A report's own document (`status`: the object of SPEC §6.2) when it has one, else
its meta and each table's rows as objects under the table's key."""

from __future__ import annotations

import json

from ..reports.base import Report
from ..reports.cells import machine, to_json


def render(report: Report, fmt: str = "json") -> str:
    if report.data is not None:
        doc = report.data
    else:
        doc = dict(report.meta or {})
        for table in report.tables:
            if [c.kind for c in table.columns] == ["label", "cell"]:  # a card of figures: one object
                doc[table.key] = {name: machine(value, "cell") for name, value in table.rows}
            else:
                doc[table.key] = [{c.key: machine(v, c.kind) for c, v in zip(table.columns, row)}
                                  for row in table.rows]
    return json.dumps(to_json(doc), ensure_ascii=False, indent=2) + "\n"
