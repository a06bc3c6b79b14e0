"""Our aligned text tables are tabulate's, byte for byte (renderers/columns.py replaced it for speed)."""

from hypothesis import given, settings
from hypothesis import strategies as st
from tabulate import tabulate

from xmledger.renderers.columns import text_table, width

CELLS = st.one_of(st.text(alphabet=st.sampled_from(list("ab 1.-%中文（）、：—·")), max_size=12),
                  st.sampled_from(["县发改局", "LJ2019-001", "12.5%", "-", "绿竹韵共享生态苑项目"]))


@settings(max_examples=300, deadline=None)
@given(st.integers(1, 5).flatmap(lambda n: st.tuples(
    st.lists(CELLS.filter(lambda h: h.strip() == h and h), min_size=n, max_size=n),
    st.lists(st.lists(CELLS, min_size=n, max_size=n), min_size=1, max_size=6),
    st.lists(st.booleans(), min_size=n, max_size=n))), st.sampled_from(["simple", "plain", "pipe"]))
def test_same_bytes_as_tabulate(table, layout):
    headers, rows, right = table
    expected = tabulate(rows, headers, tablefmt=layout, disable_numparse=True,
                        colalign=["right" if r else "left" for r in right])
    assert text_table(headers, rows, right, layout) == expected


def test_wide_characters_count_two():
    assert (width("中文"), width("ab"), width("（1）"), width("1—5月")) == (4, 2, 5, 5)
