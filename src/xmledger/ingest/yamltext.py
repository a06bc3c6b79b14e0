"""Records as YAML text, written the way the sample ledger is written, and read back exactly.

Text is written plain when YAML 1.1 reads it back as the same text, and in
double quotes otherwise: `007`, `no`, `2019-3-1`, `1:20`, a leading `-` or `*`,
`: ` or ` #` inside, commas and brackets (every mapping of scalars is written in
flow style), control characters and line breaks (escaped). Amounts are written
with their exact digits, dates as ISO dates, months as YYYY-MM.
"""

from __future__ import annotations

import datetime
import functools
import re
from decimal import Decimal

_SAFE = re.compile(r"[^\s\-?:,\[\]{}#&*!|>'\"%@`][^,\[\]{}#\"]*\Z", re.S)
_NEEDS_ESCAPE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ud800-\udfff\ufffe\uffff\"\\\\]")


@functools.lru_cache(maxsize=1)
def _resolver():
    import yaml

    return yaml.resolver.Resolver(), yaml.ScalarNode


def _yaml_reads_as_text(text: str) -> bool:
    resolver, node = _resolver()
    return resolver.resolve(node, text, (True, False)) == "tag:yaml.org,2002:str"


def quote(text: str) -> str:
    def escape(m: re.Match) -> str:
        ch = m[0]
        if ch in '"\\':
            return "\\" + ch
        return {"\n": "\\n", "\t": "\\t", "\r": "\\r"}.get(ch, f"\\u{ord(ch):04x}")

    return '"' + _NEEDS_ESCAPE.sub(escape, text) + '"'


@functools.lru_cache(maxsize=65536)
def text(value: str) -> str:
    """A string as a YAML scalar that reads back as exactly that string."""
    if (value and value == value.strip() and _SAFE.match(value) and ": " not in value and " #" not in value
            and not value.endswith(":") and not _NEEDS_ESCAPE.search(value) and _yaml_reads_as_text(value)):
        return value
    return quote(value)


def scalar(value) -> str:
    kind = type(value)
    if kind is str:
        return text(value)
    if kind is Decimal:
        return f"{value:f}"
    if kind is Month:
        return value
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, Decimal):
        return f"{value:f}"
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, Month):
        return str(value)
    return text(str(value))


class Month(str):
    """A month written YYYY-MM (text to YAML, so never quoted by the rules for text)."""


def month(d: datetime.date) -> Month:
    return Month(f"{d:%Y-%m}")


def _flow(mapping: dict) -> str:
    return "{" + ", ".join(f"{k}: {scalar(v)}" for k, v in mapping.items() if v is not None) + "}"


def _is_flat(value) -> bool:
    return isinstance(value, dict) and all(not isinstance(v, (dict, list)) for v in value.values())


def block(mapping: dict, indent: int = 0) -> str:
    """A record (mapping) in block style; flat mappings and lists of scalars inline, lists of flat mappings
    one item a line."""
    pad = " " * indent
    out = []
    for key, value in mapping.items():
        if value is None or value == [] or value == {}:
            continue
        k = scalar(key) if not isinstance(key, str) else text(key)
        if _is_flat(value):
            out.append(f"{pad}{k}: {_flow(value)}\n")
        elif isinstance(value, dict):
            out.append(f"{pad}{k}:\n{block(value, indent + 2)}")
        elif isinstance(value, list):
            if all(_is_flat(v) for v in value):
                out.append(f"{pad}{k}:\n" + "".join(f"{pad}  - {_flow(v)}\n" for v in value))
            else:
                out.append(f"{pad}{k}: [" + ", ".join(scalar(v) for v in value) + "]\n")
        else:
            out.append(f"{pad}{k}: {scalar(value)}\n")
    return "".join(out)


def records(items: list[dict]) -> str:
    """A list of records, each in block style under its `- `."""
    out = []
    for item in items:
        body = block(item, 2)
        out.append("- " + body[2:])
    return "".join(out)


def flow_records(items: list[dict]) -> str:
    """A list of flat records, one a line (progress reports)."""
    return "".join(f"- {_flow(item)}\n" for item in items)
