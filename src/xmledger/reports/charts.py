"""Charts as values: what to draw, not how. Renderers draw them (renderers/svg.py in HTML, renderers/textchart.py
on a terminal); formats that draw none leave them out.

A chart has categories (months, groups) along one axis and one or more series of values (Decimal amounts,
Decimal rates, counts) computed by `metrics`; None is a value not known yet (a month after the date).
"""

from __future__ import annotations

from typing import Any, NamedTuple


class Series(NamedTuple):
    key: str  # machine name, and the style a renderer gives it: cum_completed, cum_planned, time, green ...
    label: str
    values: list[Any]


class Chart(NamedTuple):
    key: str
    title: str
    kind: str  # line (by month) | bars (one bar a category) | stacked (segments a category) | columns (grouped)
    categories: list[str]
    series: list[Series]
    value_kind: str  # amount | rate | int: how values and the axis read
