"""How one value is shown: to people (rounded half up, in words) or to programs (exact, by its code).

Human formats (table, plain, markdown, the circular) round half up for display:
amounts to 2 decimals, rates to one decimal of a percent. Machine formats (csv,
tsv, json) keep amounts to 4 decimals and rates to 8, and show codes as the
YAML values they are (`approval`, `started`), never as labels.
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from ..core.amounts import plain, round_half_up
from ..core.records import DUTIES
from ..core.words import label, t
from .base import Cell

DASH = "-"
RIGHT = frozenset({"int", "amount", "rate", "pp", "growth", "decimal", "score", "delta"})  # right-aligned kinds


def plain_decimal(value: Decimal, places: int) -> str:
    """Rounded half up to `places`, without exponent or trailing zeros."""
    text = plain(value, places)
    return "0" if text == "-0" else text


def human(value: Any, kind: str, lang: str, prefix: str = "") -> str:
    if isinstance(value, Cell):
        value, kind, prefix = value
    if value is None:
        return DASH
    if kind == "amount":
        return f"{round_half_up(value, 2):f}"
    if kind == "rate":
        return f"{round_half_up(value * 100, 1):f}%"
    if kind == "growth":
        return f"{round_half_up(value * 100, 1):+f}%"
    if kind == "pp":
        return f"{round_half_up(value, 1):+f}"
    if kind == "delta":  # a signed change of a count (+3) or an amount (+1200.00)
        return f"{value:+d}" if isinstance(value, int) else f"{round_half_up(value, 2):+f}"
    if kind == "decimal":
        return f"{round_half_up(Decimal(value), 1):f}"
    if kind == "score":
        return f"{round_half_up(value, 3):f}"
    if kind in ("light", "label", "code"):
        return label(prefix + str(value), lang)
    if kind == "duties":  # the five duties (五包) a card carries: all five read 五包
        if tuple(value) == DUTIES:
            return label("duties_all", lang)
        return ("、" if lang == "zh" else ", ").join(label(f"duty_{d}", lang) for d in value)
    if isinstance(value, bool):
        return t("yes" if value else "no", lang)
    if isinstance(value, (list, tuple)):
        return ("、" if lang == "zh" else ", ").join(str(v) for v in value)
    if isinstance(value, Decimal):
        return f"{value:f}"
    return str(value)


def humans(values: list, kind: str, lang: str, prefix: str = "") -> list[str]:
    """human() of a whole column: the same strings, with a fast path for the kinds a long table is made of."""
    if kind == "text" and all(type(v) is str for v in values):
        return values
    if kind in ("code", "light", "label") and all(type(v) is str for v in values):
        words = {v: label(prefix + v, lang) for v in set(values)}
        return [words[v] for v in values]
    if kind in ("int", "date", "text"):
        out = []
        for v in values:
            t = type(v)
            if v is None:
                out.append(DASH)
            elif t is str:
                out.append(v)
            elif t is int or t is datetime.date:
                out.append(str(v))
            else:
                out.append(human(v, kind, lang, prefix))
        return out
    return [human(v, kind, lang, prefix) for v in values]


def machine(value: Any, kind: str) -> Any:
    if isinstance(value, Cell):
        value, kind, _ = value
    if value is None:
        return None
    if kind == "amount":
        return plain_decimal(value, 4)
    if kind in ("rate", "growth"):
        return float(round_half_up(value, 8))
    if kind in ("pp", "decimal", "score"):
        return float(round_half_up(Decimal(value), 6))
    if isinstance(value, Decimal):
        return plain_decimal(value, 4)
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, tuple):
        return list(value)
    return value


def to_json(value: Any) -> Any:
    """Make a nested structure of figures json-able (Decimals become strings)."""
    if isinstance(value, dict):
        return {k: to_json(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [to_json(v) for v in value]
    return machine(value, "text")
