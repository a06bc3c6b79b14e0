"""Validate one YAML value against its file model: pydantic's errors in our words and codes.

The models (models.py) are the definition of the file format; this module only
translates what pydantic says into findings aimed at a path inside the record
(('plans', 2019, 'monthly')). Placing them at line:col is `positions`' job.
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from pydantic import BaseModel, ValidationError

from ..core.amounts import type_name
from ..core.findings import Aim, Finding, field_name
from ..core.words import Choices, Say, ascii_digits, did_you_mean, msg
from .yamlread import BadDate, Odd, Tagged

_YAML_TYPED = (bool, int, Decimal, datetime.date, Odd, BadDate)


def aimed(index: int | None, path: tuple, code: str, message: Say, hint: Say | None = None, at: str = "value",
          record: str | None = None) -> Finding:
    """A finding about the value (or key) at `path` of record `index`, not placed yet."""
    return Finding("", None, None, code, field_name(path) or None, message, record, hint, None, Aim(index, path, at))


def validate(model: type[BaseModel], item: dict, index: int | None, context: dict | None = None):
    """(the valid model, []) or (None, findings aimed inside the record)."""
    try:
        return model.model_validate(item, context=context), []
    except ValidationError as e:
        return None, schema_findings(e, model, index)


def schema_findings(error: ValidationError, model: type[BaseModel], index: int | None) -> list[Finding]:
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
            out.append(aimed(index, loc, kind, e["ctx"]["say"], e["ctx"].get("hint"), at=at))
        elif kind == "missing":
            out.append(aimed(index, loc, "E101", msg("field.missing"), msg("field.missing.hint", key=loc[-1])))
        elif kind == "extra_forbidden":
            allowed = _fields_at(model, loc[:-1])
            hint = did_you_mean(loc[-1], allowed) or (msg("field.allowed_keys.hint", keys=", ".join(allowed))
                                                       if allowed else None)
            out.append(aimed(index, loc, "E102", msg("field.unknown_key", key=loc[-1]), hint, at="key"))
        else:
            code, message, hint = _describe(kind, value, e)
            out.append(aimed(index, loc, code, message, hint, at))
    return out


def _describe(kind: str, value: Any, e: dict) -> tuple[str, Say, Say | None]:
    """(code, message, hint) for one of pydantic's own error types. A `text` field is our guess at the
    source text; placing the finding puts the real source text there."""
    ctx = e.get("ctx") or {}
    if kind == "string_type":
        if value is None:
            return "E101", msg("field.empty"), msg("field.empty.hint")
        if isinstance(value, _YAML_TYPED):
            guess = value.text if isinstance(value, (Odd, BadDate)) else _yaml_text(value)
            reads = value.reads_as if isinstance(value, Odd) else _reads_as(value)
            return "E109", msg("field.read_as", text=guess, reads=reads), msg("field.quote_it.hint", text=guess)
        return "E103", msg("field.expected_text", what=type_name(value)), None
    if kind == "string_too_short":
        return "E101", msg("field.must_not_be_empty"), None
    if kind == "string_pattern_mismatch":
        return "E106", msg("field.bad_id", value=value), msg("field.bad_id.hint")
    if kind == "literal_error":
        expected = ctx.get("expected", "")
        choices = Choices(c.strip().strip("'") for c in expected.replace(" or ", ", ").split(","))
        shown = value.text if isinstance(value, (Odd, BadDate)) else value
        return "E105", msg("field.not_allowed", value=shown, expected=choices), did_you_mean(shown, choices)
    if kind in _COMPARISONS:
        key, limit = _COMPARISONS[kind]
        return "E104", msg(key, limit=ctx.get(limit)), None
    if kind in ("too_short", "too_long"):
        key = "field.min_items" if kind == "too_short" else "field.max_items"
        return "E104", msg(key, limit=ctx.get("min_length" if kind == "too_short" else "max_length"),
                           count=ctx.get("actual_length")), None
    if kind in ("int_type", "int_parsing", "int_from_float"):
        if isinstance(value, Odd):
            return "E103", msg("field.whole_read_as", text=value.text, reads=value.reads_as), None
        return "E103", msg("field.expected_whole", what=type_name(value)), ascii_digits(value)
    if kind == "bool_type":
        return "E103", msg("field.expected_bool", what=type_name(value)), None
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return "E103", msg("field.expected_mapping", what=type_name(value)), None
    if kind in ("list_type", "tuple_type"):
        return "E103", msg("field.expected_list", what=type_name(value)), msg("field.expected_list.hint")
    return "E103", msg("field.invalid", detail=e["msg"]), None


_COMPARISONS = {"greater_than": ("field.gt", "gt"), "greater_than_equal": ("field.ge", "ge"),
                "less_than": ("field.lt", "lt"), "less_than_equal": ("field.le", "le")}


def _yaml_text(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _reads_as(value) -> Say:
    if isinstance(value, bool):
        return msg("reads.value", value=_yaml_text(value))
    if isinstance(value, datetime.date):
        return msg("reads.date")
    return msg("type.number", value=value)


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
