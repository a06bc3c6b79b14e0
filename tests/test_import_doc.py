"""docs/import.md's table of column names holds: every name listed maps to its field through the code's table."""

import pytest

from conftest import REPO
from xmledger.ingest.columns import COLUMNS, FIELDS, find_header
from xmledger.ingest.workbook import Sheet

DOC = (REPO / "docs" / "import.md").read_text(encoding="utf-8")
TABLE = DOC.split("<!-- columns: begin -->")[1].split("<!-- columns: end -->")[0]
ROWS = [line.split("|")[1:4] for line in TABLE.strip().splitlines()[2:]]
NAMES = [(field.strip().strip("`"), name.strip()) for field, names, _ in ROWS for name in names.split(" · ")]


def test_every_field_of_the_code_has_a_row():
    assert [f.strip().strip("`") for f, _, _ in ROWS] == [c.field for c in COLUMNS[:-1]] + ["month", "month_plan", "ignore"]
    assert {f for f, _ in NAMES} == set(FIELDS)


@pytest.mark.parametrize("field,name", NAMES, ids=[n for _, n in NAMES])
def test_a_listed_name_maps_to_its_field(field, name):
    """A name is tried as a header beside 项目名称 and 总投资 (a parent/child name as a two-row header)."""
    first, second = ("工程名称", "总投资") if field == "name" else ("项目名称", "计划总投资") if field == "total" \
        else ("项目名称", "总投资")
    if "/" in name:
        parent, child = name.split("/")
        rows = [[first, second, parent], ["", "", child]]
        merged = ((0, 0, 1, 0), (0, 1, 1, 1))
    else:
        rows = [[first, second, name], ["甲项目", 1, ""]]
        merged = ()
    header = find_header(Sheet("s", rows, merged, True), {})
    assert header is not None, name
    got = {m.header: m.field for m in header.columns}
    assert got[name] == field, (name, got)
