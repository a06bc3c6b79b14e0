"""Parse one ledger file: bytes in, records and findings out.

`parse_file` is a pure function of (kind, path, bytes, settings); it is the
only step whose cost grows with the ledger, which is what lets the cache store
its result and worker processes run it in parallel. It reads the YAML once,
fast; only when a record has findings does it read the file a second time
with positions, to place each finding at its line and column.
"""

from __future__ import annotations

import datetime
import re
from decimal import Decimal
from typing import Any

from pydantic import BaseModel, ValidationError

from . import records as r
from .records import FileResult
from .amounts import type_name
from .findings import Finding
from .models import MODELS, LedgerFile
from .placing import place_flags
from .rules import RULES, Flag, did_you_mean
from .yamlread import BadDate, Odd, Tagged, read_yaml


def read_with_findings(relpath: str, data: bytes, empty: str, hint: str):
    """Read a file: (its YAML, the reading problems as findings, and E003 when it holds nothing)."""
    doc = read_yaml(data)
    findings = [Finding(relpath, p.line, p.col, p.code, None, p.message, None, p.hint) for p in doc.problems]
    if doc.value is None and not doc.problems:
        findings.append(Finding(relpath, None, None, "E003", None, empty, None, hint))
    return doc, findings


def parse_file(kind: str, relpath: str, data: bytes, settings: r.Settings) -> FileResult:
    doc, findings = read_with_findings(relpath, data, "file holds no records", "write a record, or delete the file")
    if doc.value is None:
        return FileResult((), tuple(findings), salvage_ids(data), 0, True)
    value = doc.value
    if isinstance(value, Tagged):  # reported as E006
        return FileResult((), tuple(findings), salvage_ids(data), 0, True)
    items = [value] if type(value) is dict else value if type(value) is list else None
    if items is None:
        findings.append(Finding(relpath, 1, 1, "E005", None,
                                f"expected a record (key: value lines) or a list of records, found {type_name(value)}",
                                None, None))
        return FileResult((), tuple(findings), (), 0, True)

    model, rules = MODELS[kind], RULES[kind]
    context = {"unit": settings.unit}
    spoiled = {p.record for p in doc.problems if p.record is not None}
    flags: list[tuple[int, str | None, Flag]] = []
    records, bad_ids = [], []
    for i, item in enumerate(items):
        if type(item) is not dict:
            if not isinstance(item, Tagged):
                flags.append((i, None, Flag((), "E005", f"list item is {type_name(item)}, not a record",
                                            "each item of a record list is a mapping of key: value")))
            spoiled.add(i)
            continue
        rid = item.get("id") if type(item.get("id")) is str else None
        try:
            valid = model.model_validate(item, context=context)
        except ValidationError as e:
            flags.extend((i, rid, f) for f in schema_flags(e, item, model))
            spoiled.add(i)
        else:
            record = valid.to_record(r.Source(relpath, doc.record_marks[i][0], i))
            for f in rules(record, settings):
                flags.append((i, rid, f))
                if f.code.startswith("E"):
                    spoiled.add(i)
            if i not in spoiled:
                records.append(record)
        if i in spoiled and rid is not None:
            bad_ids.append(rid)
    if flags:
        findings.extend(place_flags(relpath, data, type(value) is list, flags))
    return FileResult(tuple(records), tuple(findings), tuple(bad_ids), len(spoiled), False)


_ID_LINE = re.compile(r"^[ \t]*(?:-[ \t]+)?id:[ \t]*[\"']?([A-Za-z0-9][A-Za-z0-9._-]{0,63})[\"']?[ \t]*(?:#.*)?$", re.M)


def salvage_ids(data: bytes) -> tuple[str, ...]:
    """Ids that an unreadable file seems to define, so references to them are not called unknown.

    Ids are ASCII, so any encoding will do to find them: latin-1 never fails."""
    return tuple(_ID_LINE.findall(data.decode("latin-1")))


def parse_settings(data: bytes | None) -> tuple[r.Settings, list[Finding]]:
    """ledger.yaml -> settings; with errors, the defaults (so records can still be checked)."""
    name = "ledger.yaml"
    if data is None:
        return r.Settings(), [Finding(name, None, None, "E401", None, "this folder has no ledger.yaml",
                                      None, "run `xmledger init` here, or point -L at the ledger folder")]
    doc, findings = read_with_findings(name, data, "ledger.yaml is empty", "give at least name: and region:")
    if doc.value is None:
        return r.Settings(), findings
    if type(doc.value) is not dict:
        findings.append(Finding(name, 1, 1, "E005", None,
                                f"ledger.yaml must be key: value lines, found {type_name(doc.value)}", None, None))
        return r.Settings(), findings
    try:
        settings = LedgerFile.model_validate(doc.value).to_settings()
    except ValidationError as e:
        flags = [(0, None, f) for f in schema_flags(e, doc.value, LedgerFile)]
        return r.Settings(), findings + place_flags(name, data, False, flags)
    flags = []
    if settings.red_below > settings.yellow_below:
        flags.append((0, None, Flag(("warnings", "red_below"), "E104",
                                    f"red_below ({settings.red_below}) must not be above yellow_below "
                                    f"({settings.yellow_below})")))
    both = settings.extra_holidays & settings.extra_workdays
    if both:
        flags.append((0, None, Flag(("calendar",), "E105",
                                    f"{min(both)} is both an extra holiday and an extra working day")))
    if flags:
        return r.Settings(), findings + place_flags(name, data, False, flags)
    return settings, findings


# ----------------------------------------------------------------- schema errors

def schema_flags(error: ValidationError, item: dict, model: type[BaseModel]) -> list[Flag]:
    """pydantic's errors, in our words and codes."""
    out = []
    for e in error.errors(include_url=False):
        loc = tuple(e["loc"])
        at = "value"
        if loc and loc[-1] == "[key]":
            loc, at = loc[:-1], "key"
        value = e.get("input")
        if isinstance(value, Tagged):
            continue  # reported once already, as E006
        kind = e["type"]
        if kind.startswith(("E1", "E2")):
            out.append(Flag(loc, kind, e["ctx"]["message"], at=at))
        elif kind == "missing":
            out.append(Flag(loc, "E101", "missing", f"add {loc[-1]}: to this mapping"))
        elif kind == "extra_forbidden":
            allowed = _fields_at(model, loc[:-1])
            out.append(Flag(loc, "E102", f"unknown key '{loc[-1]}'",
                            did_you_mean(loc[-1], allowed) or ("keys allowed here: " + ", ".join(allowed)
                                                               if allowed else None), at="key"))
        else:
            code, message, hint, text = _describe(kind, value, e)
            out.append(Flag(loc, code, message, hint, at, text))
    return out


_YAML_TYPED = (bool, int, Decimal, datetime.date, Odd, BadDate)


def _describe(kind: str, value: Any, e: dict) -> tuple[str, str, str | None, str | None]:
    """(code, message, hint, guess at the source text) for one of pydantic's own error types."""
    ctx = e.get("ctx") or {}
    if kind == "string_type":
        if value is None:
            return "E101", "is empty", "write a value after the colon", None
        if isinstance(value, _YAML_TYPED):
            guess = value.text if isinstance(value, (Odd, BadDate)) else _yaml_text(value)
            reads = value.reads_as if isinstance(value, Odd) else _reads_as(value)
            return "E109", f"{{text}} is read by YAML as {reads}, but this field is text", 'quote it: "{text}"', guess
        return "E103", f"expected text, found {type_name(value)}", None, None
    if kind == "string_too_short":
        return "E101", "must not be empty", None, None
    if kind == "string_pattern_mismatch":
        return "E106", f"'{value}' is not a valid id", \
            "an id is 1-64 ASCII letters, digits, '-', '_' or '.', starting with a letter or digit", None
    if kind == "literal_error":
        expected = ctx.get("expected", "")
        choices = [c.strip().strip("'") for c in expected.replace(" or ", ", ").split(",")]
        shown = value.text if isinstance(value, (Odd, BadDate)) else value
        return "E105", f"'{shown}' is not allowed here; expected {expected}", did_you_mean(shown, choices), None
    if kind in _COMPARISONS:
        words, key = _COMPARISONS[kind]
        return "E104", f"must be {words} {ctx.get(key)}", None, None
    if kind in ("too_short", "too_long"):
        return "E104", e["msg"].replace("List should", "must").replace("Value should", "must"), None, None
    if kind in ("int_type", "int_parsing", "int_from_float"):
        if isinstance(value, Odd):
            return "E103", f"'{value.text}' is read by YAML as {value.reads_as}: write a whole number", None, None
        return "E103", f"expected a whole number, found {type_name(value)}", None, None
    if kind == "bool_type":
        return "E103", f"expected true or false, found {type_name(value)}", None, None
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return "E103", f"expected a mapping (key: value lines), found {type_name(value)}", None, None
    if kind in ("list_type", "tuple_type"):
        return "E103", f"expected a list, found {type_name(value)}", "write [a, b] or one '- item' per line", None
    return "E103", e["msg"], None, None


_COMPARISONS = {"greater_than": ("greater than", "gt"), "greater_than_equal": ("at least", "ge"),
                "less_than": ("less than", "lt"), "less_than_equal": ("at most", "le")}


def _yaml_text(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _reads_as(value) -> str:
    if isinstance(value, bool):
        return _yaml_text(value)
    if isinstance(value, datetime.date):
        return "a date"
    return f"the number {value}"


def _fields_at(model: type[BaseModel], loc: tuple) -> list[str]:
    """The keys allowed in the mapping at `loc` of `model`, for "did you mean"."""
    current: Any = model
    for part in loc:
        fields = getattr(current, "model_fields", None)
        if fields is None:
            return []
        if part in fields:
            current = _inner_model(fields[part].annotation)
        elif isinstance(part, int):
            continue  # a list index or a dict key: stay with the item model
        else:
            return []
    fields = getattr(current, "model_fields", None)
    return list(fields) if fields else []


def _inner_model(annotation) -> Any:
    """The model class inside Model | None, list[Model] or dict[K, Model]."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in reversed(getattr(annotation, "__args__", ()) or ()):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None
