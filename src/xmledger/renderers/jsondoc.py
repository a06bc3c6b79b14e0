"""json: one document. A report's own document (`status`: the object of SPEC §6.2) when it has one, else
its meta and each table's rows as objects under the table's key."""

from __future__ import annotations

import json
import re

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
    return dump(to_json(doc))


_HIDDEN = re.compile("[\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f"
                     "\ufeff\ufff9-\ufffb]")


def dump(doc) -> str:
    """JSON text, Chinese as it is, but control, format and separator characters escaped (\\u0085, \\u202e):
    valid JSON either way, and none of them reaches a terminal or a log raw (json escapes those below 0x20)."""
    text = json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
    return _HIDDEN.sub(lambda m: f"\\u{ord(m[0]):04x}", text)
