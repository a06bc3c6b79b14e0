"""The YAML reader: YAML 1.1 typing with exact decimals, and shared scalar values."""

import datetime
from decimal import Decimal

import pytest

from xmledger.core.words import msg
from xmledger.read.yamlread import BadDate, Odd, read_yaml


def number(text):
    return msg("type.number", value=text)


@pytest.mark.parametrize("text,value", [
    ("7000", 7000), ("12.30", Decimal("12.30")), ("2019-03-01", datetime.date(2019, 3, 1)), ("2019-03", "2019-03"),
    ("true", True), ("no", False), ("~", None), ("绿竹韵", "绿竹韵"), ("1e5", "1e5"),
    ("007", Odd("007", number("7"))), ("0x1F", Odd("0x1F", number("31"))),
    ("1_000", Odd("1_000", number("1000"))), (".inf", Odd(".inf", msg("reads.infinity"))),
    ("2019-02-30", BadDate("2019-02-30")),
])
def test_plain_scalars_are_typed_as_yaml_1_1_reads_them(text, value):
    got = read_yaml(f"v: {text}\n".encode()).value["v"]
    assert got == value and type(got) is type(value)


def test_decimals_keep_their_written_digits():
    assert str(read_yaml(b"v: 12.30\n").value["v"]) == "12.30"


def test_quoted_and_plain_scalars_are_shared_apart():
    """Equal scalars share one object, but a quoted "007" is text and a plain 007 is not, in any order."""
    doc = read_yaml(b'a: 007\nb: "007"\nc: 007\nd: "2019"\ne: 2019\nf: "no"\ng: no\n').value
    assert doc == {"a": Odd("007", number("7")), "b": "007", "c": Odd("007", number("7")),
                   "d": "2019", "e": 2019, "f": "no", "g": False}
    two = read_yaml("- {month: 2019-03, note: 场地平整}\n- {month: 2019-03, note: 场地平整}\n".encode()).value
    assert two[0]["note"] is two[1]["note"] and two[0]["month"] is two[1]["month"]


def test_keys_are_text_except_decimal_integers():
    doc = read_yaml(b"2019: a\n3: b\nno: c\n007: d\n").value
    assert list(doc) == [2019, 3, "no", "007"]


def test_track_mode_gives_positions_of_values_and_keys():
    doc = read_yaml("- id: A\n  name: 项目\n- id: B\n".encode(), track=True)
    assert doc.positions[(0, "name")] == (2, 9) and doc.key_positions[(1, "id")] == (3, 3)
    assert doc.record_marks == [(1, 3), (3, 3)]
