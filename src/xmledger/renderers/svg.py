"""Charts (reports/charts.py) drawn as inline SVG: a few dozen elements each, no script, no dependency.

Four shapes: `line` (months along x: a polyline and a point per known value), `bars` (one horizontal bar a
category), `stacked` (horizontal bars cut into segments) and `columns` (vertical bars grouped by month).
Every text is escaped. Text widths are estimated (a Chinese character is one em, others 0.62 em) to size
the label column; a label longer than 40% of the width is shortened with "…" and keeps its full text in a
<title>. Marks carry `class` and `data-series` / `data-category`, so tests (and stylesheets) find them.
The drawing scales with the page (viewBox, width 100%): it reads on a phone and prints on A4.
"""

from __future__ import annotations

import unicodedata
from decimal import Decimal
from html import escape
from typing import Any

from ..core.amounts import round_half_up
from ..core.words import words
from ..reports.cells import human
from ..reports.charts import Chart
from .text import visible

W = 480  # a phone shows it at about 0.75 scale, a desktop page at up to 1.2 (max-width 560px)
FONT = 14
SMALL = 12
COLORS = {"cum_completed": "#2f6fb0", "cum_planned": "#e08a1e", "time": "#7a7a7a", "start_rate": "#2f6fb0",
          "green": "#2e9d4f", "yellow": "#e6b800", "red": "#d7382f", "raised": "#e08a1e", "resolved": "#2f6fb0"}


def esc(value: Any) -> str:
    """A value as HTML or SVG text: markup escaped, and control characters, bidi overrides and line separators
    shown as escapes as every format shows them (renderers.text.visible; a ledger named with ESC [31m must not
    colour the terminal that prints the page)."""
    return escape(visible(str(value), newlines=True), quote=True)


def text_width(text: str, size: float = FONT) -> float:
    """Estimated width of a text in px: wide (Chinese) characters one em, others 0.62 em."""
    return sum(size if unicodedata.east_asian_width(ch) in "WF" else size * 0.62 for ch in text)


def shorten(text: str, width: float, size: float = FONT) -> str:
    if text_width(text, size) <= width:
        return text
    out = ""
    for ch in text:
        if text_width(out + ch + "…", size) > width:
            break
        out += ch
    return out + "…"


def nice_max(value: float) -> float:
    """The smallest of 1, 2, 2.5, 5 × 10^k at least `value` (an axis end)."""
    if value <= 0:
        return 1.0
    k = 1.0
    while k * 10 <= value:
        k *= 10
    while k > value:
        k /= 10
    for step in (1, 2, 2.5, 5, 10):
        if step * k >= value:
            return step * k
    return 10 * k  # pragma: no cover


def axis_text(value: float, kind: str) -> str:
    if kind == "rate":
        return f"{round_half_up(Decimal(str(value)) * 100, 0):f}%"
    if kind == "amount":
        return f"{round_half_up(Decimal(str(value)), 0):,f}"
    return f"{value:g}"


def value_text(value: Any, kind: str, lang: str) -> str:
    if kind == "amount":
        return f"{round_half_up(Decimal(value), 2):,f}"
    return human(value, kind, lang)


def svg_open(chart: Chart, height: float) -> str:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" class="chart chart-{esc(chart.kind)}" '
            f'data-chart="{esc(chart.key)}" viewBox="0 0 {W} {height:.0f}" width="{W}" height="{height:.0f}" '
            f'role="img" aria-label="{esc(chart.title)}">')


def text(x: float, y: float, content: str, size: int = FONT, anchor: str = "start", cls: str = "label",
         full: str | None = None) -> str:
    title = f"<title>{esc(full)}</title>" if full and full != content else ""
    return (f'<text class="{cls}" x="{x:.1f}" y="{y:.1f}" font-size="{size}" text-anchor="{anchor}">'
            f'{title}{esc(content)}</text>')


def legend(chart: Chart, y: float) -> tuple[list[str], float]:
    """The key of the series, wrapped onto more lines when it is wider than the chart; and its last line's y."""
    out, x = [], 0.0
    for s in chart.series:
        width = 24 + text_width(s.label, SMALL)
        if x and x + width > W:
            x, y = 0.0, y + 18
        color = COLORS.get(s.key, "#555")
        dash = ' stroke-dasharray="5 4"' if s.key == "time" else ""
        if chart.kind == "line":
            out.append(f'<line class="key" x1="{x:.1f}" y1="{y - 4:.1f}" x2="{x + 18:.1f}" y2="{y - 4:.1f}" '
                       f'stroke="{color}" stroke-width="3"{dash}/>')
        else:
            out.append(f'<rect class="key" x="{x:.1f}" y="{y - 11:.1f}" width="12" height="12" fill="{color}"/>')
        out.append(text(x + 24, y, s.label, SMALL))
        x += width + 18
    return out, y


def empty(chart: Chart, lang: str) -> str:
    note = words("chart.empty", lang)
    return svg_open(chart, 40) + text(W / 2, 25, note, FONT, "middle") + "</svg>"


def render_chart(chart: Chart, lang: str) -> str:
    values = [v for s in chart.series for v in s.values if v is not None]
    if not chart.categories or not values:
        return empty(chart, lang)
    return {"line": line_chart, "bars": bar_chart, "stacked": bar_chart, "columns": column_chart}[chart.kind](
        chart, lang)


# ------------------------------------------------------------------ line: months along x

def line_chart(chart: Chart, lang: str) -> str:
    keys, last = legend(chart, 16)
    top, bottom = last + 24, 28
    height = top + 232 + bottom
    vmax = nice_max(max(float(v) for s in chart.series for v in s.values if v is not None))
    ticks = [vmax * i / 4 for i in range(5)]
    left = max(text_width(axis_text(t, chart.value_kind), SMALL) for t in ticks) + 10
    plot_w, plot_h = W - left - 10, height - top - bottom
    n = len(chart.categories)

    def x(i: int) -> float:
        return left + (i + 0.5) * plot_w / n

    def y(v) -> float:
        return top + plot_h * (1 - float(v) / vmax)

    out = [svg_open(chart, height), *keys]
    for t in ticks:
        out.append(f'<line class="grid" x1="{left:.1f}" y1="{y(t):.1f}" x2="{W - 10}" y2="{y(t):.1f}" '
                   f'stroke="#ddd" stroke-width="1"/>')
        out.append(text(left - 6, y(t) + 4, axis_text(t, chart.value_kind), SMALL, "end", "tick"))
    for i, c in enumerate(chart.categories):
        out.append(text(x(i), height - 8, c, SMALL, "middle", "tick"))
    for s in chart.series:
        color = COLORS.get(s.key, "#555")
        pts = [(x(i), y(v), v, chart.categories[i]) for i, v in enumerate(s.values) if v is not None]
        dash = ' stroke-dasharray="5 4"' if s.key == "time" else ""
        width = 2 if s.key == "time" else 3
        out.append(f'<polyline class="series" data-series="{esc(s.key)}" fill="none" stroke="{color}" '
                   f'stroke-width="{width}"{dash} points="{" ".join(f"{px:.1f},{py:.1f}" for px, py, _, _ in pts)}"/>')
        if s.key != "time":
            for px, py, v, c in pts:
                out.append(f'<circle class="point" data-series="{esc(s.key)}" data-category="{esc(c)}" '
                           f'cx="{px:.1f}" cy="{py:.1f}" r="4" fill="{color}"><title>{esc(s.label)} {esc(c)}: '
                           f'{esc(value_text(v, chart.value_kind, lang))}</title></circle>')
    return "".join(out) + "</svg>"


# ------------------------------------------------------------------ bars and stacked bars: one row a category

def bar_chart(chart: Chart, lang: str) -> str:
    stacked = chart.kind == "stacked"
    n = len(chart.categories)
    row_h, bar_h = 28, 18
    keys, last = legend(chart, 16) if stacked or len(chart.series) > 1 else ([], -8.0)
    top = last + 16
    label_w = min(max(text_width(c) for c in chart.categories) + 12, W * 0.4)
    totals = [sum((s.values[i] or 0) for s in chart.series) if stacked else max((s.values[i] or 0)
              for s in chart.series) for i in range(n)]
    vmax = float(max(totals)) or 1.0
    if chart.value_kind == "rate":
        vmax = max(vmax, 1.0)
    value_w = max(text_width(value_text(t, chart.value_kind, lang), SMALL) for t in totals) + 10
    plot_w = W - label_w - value_w - 4
    height = top + n * row_h + 22
    out = [svg_open(chart, height)]
    out += keys
    for k in range(5):
        gx = label_w + plot_w * k / 4
        out.append(f'<line class="grid" x1="{gx:.1f}" y1="{top - 4}" x2="{gx:.1f}" y2="{top + n * row_h:.1f}" '
                   f'stroke="#ddd" stroke-width="1"/>')
        anchor = "start" if k == 0 else "end" if k == 4 else "middle"
        out.append(text(gx, height - 6, axis_text(vmax * k / 4, chart.value_kind), SMALL, anchor, "tick"))
    for i, c in enumerate(chart.categories):
        cy = top + i * row_h
        shown = shorten(c, label_w - 12)
        out.append(text(label_w - 8, cy + bar_h / 2 + 5, shown, FONT, "end", "label", full=c))
        x = label_w
        for s in chart.series:
            v = s.values[i]
            if v is None or v == 0:
                if not stacked:
                    x = label_w
                continue
            w = plot_w * float(v) / vmax
            color = COLORS.get(s.key, "#555")
            out.append(f'<rect class="bar" data-series="{esc(s.key)}" data-category="{esc(c)}" x="{x:.1f}" '
                       f'y="{cy:.1f}" width="{w:.1f}" height="{bar_h}" fill="{color}"><title>{esc(c)} '
                       f'{esc(s.label)}: {esc(value_text(v, chart.value_kind, lang))}</title></rect>')
            if stacked and w >= text_width(str(v), SMALL) + 6:
                ink = "#000" if s.key == "yellow" else "#fff"
                out.append(f'<text class="inside" x="{x + w / 2:.1f}" y="{cy + bar_h / 2 + 4:.1f}" '
                           f'font-size="{SMALL}" text-anchor="middle" fill="{ink}">{esc(v)}</text>')
            if stacked:
                x += w
        end = label_w + plot_w * float(totals[i]) / vmax
        out.append(text(end + 5, cy + bar_h / 2 + 4, value_text(totals[i], chart.value_kind, lang), SMALL,
                        "start", "value"))
    return "".join(out) + "</svg>"


# ------------------------------------------------------------------ columns: vertical bars grouped by month

def column_chart(chart: Chart, lang: str) -> str:
    keys, last = legend(chart, 16)
    top, bottom = last + 24, 28
    height = top + 212 + bottom
    vmax = nice_max(max(float(v) for s in chart.series for v in s.values if v is not None))
    ticks = [vmax * i / 4 for i in range(5)]
    left = max(text_width(axis_text(t, chart.value_kind), SMALL) for t in ticks) + 10
    plot_w, plot_h = W - left - 10, height - top - bottom
    n, k = len(chart.categories), len(chart.series)
    group = plot_w / max(n, 6)  # a few months do not make giant bars
    bar = group * 0.7 / k
    out = [svg_open(chart, height), *keys]
    for t in ticks:
        ty = top + plot_h * (1 - t / vmax)
        out.append(f'<line class="grid" x1="{left:.1f}" y1="{ty:.1f}" x2="{W - 10}" y2="{ty:.1f}" stroke="#ddd" '
                   f'stroke-width="1"/>')
        out.append(text(left - 6, ty + 4, axis_text(t, chart.value_kind), SMALL, "end", "tick"))
    for i, c in enumerate(chart.categories):
        gx = left + i * group + group * 0.15
        out.append(text(left + (i + 0.5) * group, height - 8, c, SMALL, "middle", "tick"))
        for j, s in enumerate(chart.series):
            v = s.values[i]
            if v is None:
                continue
            h = plot_h * float(v) / vmax
            bx = gx + j * bar
            out.append(f'<rect class="bar" data-series="{esc(s.key)}" data-category="{esc(c)}" x="{bx:.1f}" '
                       f'y="{top + plot_h - h:.1f}" width="{bar:.1f}" height="{h:.1f}" '
                       f'fill="{COLORS.get(s.key, "#555")}"><title>{esc(c)} {esc(s.label)}: {esc(v)}</title></rect>')
            if text_width(str(v), SMALL - 1) <= bar + 4:
                out.append(f'<text class="value" x="{bx + bar / 2:.1f}" y="{top + plot_h - h - 3:.1f}" '
                           f'font-size="{SMALL - 1}" text-anchor="middle">{esc(v)}</text>')
    return "".join(out) + "</svg>"
