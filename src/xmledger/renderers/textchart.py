"""Charts (reports/charts.py) as bars of block characters: plain text when piped, coloured by rich on a terminal.

One line per category and series (the 序时进度 line is left out: its values show in the plan), bars scaled
to the largest value over 40 cells with eighth blocks, the value after each bar. Wide characters count two
cells, so the bars start in one column whatever the labels.
"""

from __future__ import annotations

from ..core.words import words
from ..reports.charts import Chart
from .svg import value_text
from .columns import width as cell_width

BAR = 40
EIGHTHS = " ▏▎▍▌▋▊▉"
STYLES = {"cum_completed": "blue", "cum_planned": "yellow", "start_rate": "blue", "green": "green",
          "yellow": "yellow", "red": "red", "raised": "yellow", "resolved": "blue"}
MARKS = {"cum_planned": "░", "yellow": "▒", "red": "▓", "raised": "░"}


def bar(value: float, vmax: float, mark: str) -> str:
    eighths = round(value / vmax * BAR * 8) if vmax else 0
    full, part = divmod(eighths, 8)
    if mark != "█":  # shaded series: whole cells only
        return mark * (full + (part >= 4))
    return "█" * full + (EIGHTHS[part] if part else "")


def chart_segments(chart: Chart, lang: str) -> list[list[tuple[str, str | None]]]:
    """Lines of (text, style) segments: a title, a key, then the bars."""
    series = [s for s in chart.series if s.key != "time"]
    values = [float(v) for s in series for v in s.values if v is not None]
    lines: list[list[tuple[str, str | None]]] = [[(chart.title, "bold")]]
    if not values:
        return lines + [[(words("chart.empty", lang), None)]]
    vmax = max(values) or 1.0
    lines.append([(("  " if i else "") + MARKS.get(s.key, "█") + " " + s.label, STYLES.get(s.key))
                  for i, s in enumerate(series)])
    label_w = max(cell_width(c) for c in chart.categories)
    name_w = max(cell_width(s.label) for s in series) if len(series) > 1 else 0
    for i, c in enumerate(chart.categories):
        for j, s in enumerate(series):
            v = s.values[i]
            head = c if j == 0 else ""
            head += " " * (label_w - cell_width(head)) + "  "
            if name_w:
                head += s.label + " " * (name_w - cell_width(s.label)) + " "
            drawn = "" if v is None else bar(float(v), vmax, MARKS.get(s.key, "█"))
            tail = "-" if v is None else value_text(v, chart.value_kind, lang)
            lines.append([(head, None), (drawn, STYLES.get(s.key)),
                          (" " * (BAR + 1 - cell_width(drawn)) + tail, None)])
    return lines


def chart_lines(chart: Chart, lang: str) -> list[str]:
    return ["".join(text for text, _ in line).rstrip() for line in chart_segments(chart, lang)]


def chart_rich(chart: Chart, lang: str):
    from rich.text import Text

    out = Text()
    for line in chart_segments(chart, lang):
        for text, style in line:
            out.append(text, style=style)
        out.append("\n")
    return out
