"""Amounts of money: exact decimals in the ledger's unit.

A ledger states amounts in one unit (元, 万元 or 亿元). Records may write an
amount as a number in that unit or as a string with its own unit ("1.2亿元",
"7000万", "70000000元"); every unit is a power of ten of 元, so conversion is an
exact shift of the decimal point. Four decimal places in the ledger unit are
the finest grain (0.0001 万元 is one 元).
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Context, Decimal, InvalidOperation

from .words import Say, msg

#: power of ten of each unit, in 元
UNIT_EXPONENT = {"元": 0, "万元": 4, "万": 4, "亿元": 8, "亿": 8}
LEDGER_UNITS = ("元", "万元", "亿元")
MAX_PLACES = 4
MAX_AMOUNT = Decimal(10) ** 15  # in the ledger unit; keeps every sum well inside Decimal's 28 digits

_AMOUNT_TEXT = re.compile(r"\s*([0-9][0-9,]*(?:\.[0-9]+)?)\s*(亿元|亿|万元|万|元)?\s*\Z")


class AmountError(ValueError):
    """Why a value is not an amount, as a sentence for the user (`.say`)."""

    def __init__(self, say: Say):
        super().__init__(say.key)
        self.say = say


def parse_amount(value, ledger_unit: str = "万元") -> Decimal:
    """An amount written in a record -> exact Decimal in the ledger unit."""
    if isinstance(value, bool):
        raise AmountError(msg("amount.bool"))
    if isinstance(value, int):
        number, unit = Decimal(value), None
    elif isinstance(value, Decimal):
        if not value.is_finite():
            raise AmountError(msg("amount.not_finite", value=value))
        number, unit = value, None
    elif isinstance(value, str):
        m = _AMOUNT_TEXT.match(value)
        if not m:
            raise AmountError(msg("amount.not_amount", value=value))
        try:
            number = Decimal(m[1].replace(",", ""))
        except InvalidOperation:  # pragma: no cover - the pattern admits only digits
            raise AmountError(msg("amount.not_amount", value=value)) from None
        unit = m[2]
    else:
        raise AmountError(msg("amount.expected", what=type_name(value)))
    if number < 0:
        raise AmountError(msg("amount.negative"))
    if unit is not None:
        number = number.scaleb(UNIT_EXPONENT[unit] - UNIT_EXPONENT[ledger_unit])
    if number >= MAX_AMOUNT:
        raise AmountError(msg("amount.too_large", number=number, unit=ledger_unit))
    scaled = number.scaleb(MAX_PLACES)
    if scaled != scaled.to_integral_value():
        raise AmountError(msg("amount.too_precise", number=number, unit=ledger_unit))
    return number


def type_name(value) -> Say:
    """How a YAML value reads to a user: 'a list', 'a mapping', 'the number 7'..."""
    if value is None:
        return msg("type.none")
    if isinstance(value, bool):
        return msg("type.bool")
    if isinstance(value, (int, Decimal)):
        return msg("type.number", value=value)
    if isinstance(value, str):
        return msg("type.text")
    if isinstance(value, dict):
        return msg("type.mapping")
    if isinstance(value, list):
        return msg("type.list")
    return msg("type.other", name=type(value).__name__)


_WIDE = Context(prec=120)  # every figure fits: amounts are below 10^15, other numbers are bounded by the models


def round_half_up(value: Decimal, places: int = 0) -> Decimal:
    """Round for display the way offices do (四舍五入), whatever the size of the value (never InvalidOperation)."""
    return Decimal(value).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP, context=_WIDE)


def to_yi(value: Decimal, ledger_unit: str) -> Decimal:
    """An amount in the ledger unit -> 亿元, exactly."""
    return value.scaleb(UNIT_EXPONENT[ledger_unit] - UNIT_EXPONENT["亿元"])


def plain(value: Decimal, places: int) -> str:
    """Rounded half up to `places`, in plain digits: no exponent, no trailing zeros (8000, 285.2)."""
    text = f"{round_half_up(value, places):f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def format_wan(value: Decimal, ledger_unit: str) -> str:
    """8000万元 style: an amount in 万元, at most two decimals, trailing zeros dropped."""
    return plain(value.scaleb(UNIT_EXPONENT[ledger_unit] - UNIT_EXPONENT["万元"]), 2)


def format_yi(value: Decimal, ledger_unit: str) -> str:
    """285.2亿元 style: at most two decimals, trailing zeros dropped."""
    return plain(to_yi(value, ledger_unit), 2)
