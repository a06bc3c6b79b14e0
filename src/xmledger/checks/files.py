"""Check one file: bytes in, records and placed findings out.

`check_file` is a pure function of (kind, path, bytes, settings): read the YAML
(read.yamlread), validate each record against its model (read.validate), run
the record rules (record_rules), place every finding at its line, column and
source line (read.positions). It is the only step whose cost grows with the
ledger, which is what lets the parse cache store its result and worker
processes run it in parallel.

A record with errors is left out of the ledger, but what can be read of it —
its id and the projects it names — is kept as a `Stub`, so the rules across
records still see it: its id is not "unknown", a second record with the same
id is still a duplicate, and a card with one bad visit still covers its
projects.
"""

from __future__ import annotations

import codecs
import re
from ..core import records as r
from ..core.amounts import type_name
from ..core.facts import issue_facts, project_facts
from ..core.findings import Aim, Finding
from ..core.words import msg
from ..read.models import ID_PATTERN, MODELS, LedgerFile
from ..read.positions import place
from ..read.validate import aimed, validate
from ..read.yamlread import Tagged, read_yaml
from .record_rules import check_record
from .results import FileResult, Stub

_ID = re.compile(ID_PATTERN)


def refs_of(kind: str, item: dict) -> tuple[tuple[str, tuple], ...]:
    """The project ids a record (valid or not) refers to, with where."""
    if kind in ("issues", "progress"):
        pid = item.get("project")
        return ((pid, ("project",)),) if type(pid) is str else ()
    if kind == "responsibilities" and type(item.get("projects")) is list:
        return tuple((pid, ("projects", i)) for i, pid in enumerate(item["projects"]) if type(pid) is str)
    return ()


def check_file(kind: str, path: str, data: bytes, settings: r.Settings) -> FileResult:
    doc = read_yaml(data)
    findings = list(doc.problems)
    if doc.value is None and not doc.problems:
        findings.append(Finding("", None, None, "E003", None, msg("read.no_records"), None,
                                msg("read.no_records.hint")))
    value = doc.value
    if value is None or isinstance(value, Tagged):  # unreadable, empty, or a refused tag (E006)
        return FileResult((), tuple(place(findings, data, path)), (), salvage_ids(data), True)
    items = [value] if type(value) is dict else value if type(value) is list else None
    if items is None:
        findings.append(Finding("", 1, 1, "E005", None, msg("read.not_records", what=type_name(value))))
        return FileResult((), tuple(place(findings, data, path)), (), (), True)

    model = MODELS[kind]
    context = {"unit": settings.unit}
    spoiled = {f.aim.index for f in doc.problems if f.aim is not None and f.aim.index is not None}
    records, stubs = [], []
    for i, item in enumerate(items):
        if type(item) is not dict:
            if not isinstance(item, Tagged):
                findings.append(aimed(i, (), "E005", msg("read.item_not_record", what=type_name(item)),
                                      msg("read.item_not_record.hint")))
            spoiled.add(i)
            continue
        rid = item.get("id") if type(item.get("id")) is str else None
        valid, problems = validate(model, item, i, context)
        if valid is not None:
            record = valid.to_record(r.Origin(path, doc.record_marks[i][0], i))
            problems = [f._replace(aim=Aim(i, f.aim.path, f.aim.at)) for f in check_record(kind, record, settings)]
            if i not in spoiled and not any(f.is_error for f in problems):
                records.append(record)
            else:
                spoiled.add(i)
        else:
            spoiled.add(i)
        findings.extend(f._replace(record=rid) for f in problems)
        if i in spoiled:
            line = doc.record_marks[i][0] if i < len(doc.record_marks) else 1
            stubs.append(Stub(kind, rid if rid is not None and _ID.match(rid) else None, r.Origin(path, line, i),
                              refs_of(kind, item)))
    return FileResult(tuple(records), tuple(place(findings, data, path)), tuple(stubs), (), False,
                      tuple(map(FACTS[kind], records)) if kind in FACTS else ())


FACTS = {"projects": project_facts, "issues": issue_facts}  # made once per file, in a worker, and cached

_ID_LINE = re.compile(r"^[ \t]*(?:-[ \t]+)?id:[ \t]*[\"']?([A-Za-z0-9][A-Za-z0-9._-]{0,63})[\"']?[ \t]*(?:#.*)?$", re.M)


def salvage_ids(data: bytes) -> tuple[str, ...]:
    """Ids that an unreadable file seems to define, so references to them are not called unknown.

    Ids are ASCII: latin-1 never fails and finds them in UTF-8 and GBK alike; UTF-16 is decoded first."""
    for bom, codec in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                       (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return tuple(_ID_LINE.findall(data.decode(codec, "replace")))
    return tuple(_ID_LINE.findall(data.decode("latin-1")))


# ------------------------------------------------------------------ ledger.yaml

LEDGER_FILE = "ledger.yaml"


def check_settings(data: bytes | None) -> tuple[r.Settings, list[Finding], bool]:
    """ledger.yaml -> (settings, findings, usable). Not usable (a missing, unreadable or invalid file):
    the defaults, so records can still be checked, but no figure may be reported from them."""
    if data is None:
        return r.Settings(), [Finding(LEDGER_FILE, None, None, "E401", None, msg("read.no_ledger"), None,
                                      msg("read.no_ledger.hint"))], False
    doc = read_yaml(data)
    findings = list(doc.problems)
    if doc.value is None:
        if not doc.problems:
            findings.append(Finding("", None, None, "E003", None, msg("read.ledger_empty"), None,
                                    msg("read.ledger_empty.hint")))
        return r.Settings(), place(findings, data, LEDGER_FILE), False
    if type(doc.value) is not dict:
        findings.append(Finding("", 1, 1, "E005", None, msg("read.ledger_not_mapping", what=type_name(doc.value))))
        return r.Settings(), place(findings, data, LEDGER_FILE), False
    valid, problems = validate(LedgerFile, doc.value, None)
    if valid is None:
        return r.Settings(), place(findings + problems, data, LEDGER_FILE), False
    settings = valid.to_settings()
    if settings.red_below > settings.yellow_below:
        findings.append(aimed(None, ("warnings", "red_below"), "E104", msg(
            "settings.red_above_yellow", red=settings.red_below, yellow=settings.yellow_below)))
    both = settings.extra_holidays & settings.extra_workdays
    if both:
        findings.append(aimed(None, ("calendar",), "E105", msg("settings.holiday_and_workday", day=min(both))))
    usable = not any(f.is_error for f in findings)
    return settings if usable else r.Settings(), place(findings, data, LEDGER_FILE), usable
