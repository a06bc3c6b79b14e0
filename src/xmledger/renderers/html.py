"""html: one self-contained page — no script, no link, no font or image to fetch — that opens offline,
reads on a phone and prints on A4.

Paragraphs (the circular), tables (wide ones scroll sideways inside their box, never the page) and charts
drawn as inline SVG by renderers/svg.py. Chinese text uses the reader's own fonts through a font-family
list of the usual CJK faces. Every value is escaped: a project named `<script>` shows as text.
"""

from __future__ import annotations

from .. import __version__
from ..core.words import label, words
from ..reports.base import FindingList, Paragraphs, Report, Table
from ..reports.cells import RIGHT, human
from ..reports.charts import Chart
from .svg import esc, render_chart
from .text import finding_lines

FONTS = ('"PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", '
         '"WenQuanYi Micro Hei", "WenQuanYi Zen Hei", SimHei, SimSun, system-ui, sans-serif')

STYLE = """
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;font-family:FONTS;color:#1d1d1f;background:#fff;line-height:1.7;font-size:16px}
main{max-width:960px;margin:0 auto;padding:16px}
h1{font-size:1.35rem;line-height:1.4;margin:.4rem 0 1rem;overflow-wrap:anywhere}
h2{font-size:1.1rem;margin:1.6rem 0 .6rem;border-left:4px solid #2f6fb0;padding-left:.5rem;overflow-wrap:anywhere}
p{margin:.6rem 0;overflow-wrap:anywhere}
p.note{color:#8a5300}
.scroll{overflow-x:auto;max-width:100%}
table{border-collapse:collapse;font-size:.9rem;margin:.4rem 0}
th,td{border:1px solid #ccc;padding:.25rem .5rem;white-space:nowrap}
th{background:#eef3f9;font-weight:600}
td.num{text-align:right;font-variant-numeric:tabular-nums}
td.light-green{background:#2e9d4f;color:#fff}td.light-yellow{background:#e6b800}td.light-red{background:#d7382f;color:#fff}
figure{margin:1rem 0 1.6rem}
figcaption{font-weight:600;margin-bottom:.4rem;overflow-wrap:anywhere}
svg.chart{display:block;width:100%;height:auto;max-width:560px}
svg.chart text{font-family:FONTS;fill:#333}
svg.chart text.inside{fill:inherit}
pre{white-space:pre-wrap;overflow-wrap:anywhere;font-size:.85rem}
footer{color:#888;font-size:.8rem;margin-top:2rem}
@media print{
  @page{size:A4;margin:15mm 12mm}
  body{font-size:11pt}
  main{max-width:none;padding:0}
  .scroll{overflow:visible}
  figure,table,tr{break-inside:avoid}
  h2{break-after:avoid}
}
"""


def render(report: Report, fmt: str = "html") -> str:
    lang = report.lang
    out = [f'<!DOCTYPE html>\n<html lang="{"zh-CN" if lang == "zh" else "en"}">\n<head>\n<meta charset="utf-8">\n'
           '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
           f"<title>{esc(report.title)}</title>\n<style>{STYLE.replace('FONTS', FONTS)}</style>\n</head>\n<body>\n<main>\n"
           f"<h1>{esc(report.title)}</h1>\n"]
    for note in report.notes:
        out.append(f'<p class="note">{esc(note)}</p>\n')
    for block in report.blocks:
        if isinstance(block, Paragraphs):
            out.append('<section class="paragraphs">\n')
            for text in block.texts:
                out.append("<p>" + "<br>\n".join(esc(line) for line in text.split("\n")) + "</p>\n")
            out.append("</section>\n")
        elif isinstance(block, Table):
            out.append(table_html(block, lang))
        elif isinstance(block, Chart):
            out.append(f'<figure class="chart" id="chart-{esc(block.key)}">\n<figcaption>{esc(block.title)}'
                       f"</figcaption>\n{render_chart(block, lang)}\n</figure>\n")
        elif isinstance(block, FindingList):
            out.append("<pre>" + esc("\n".join(finding_lines(block.findings, lang))) + "</pre>\n")
    out.append(f"<footer>{esc(words('page.generated', lang, version=__version__))}</footer>\n</main>\n</body>\n"
               "</html>\n")
    return "".join(out)


def table_html(table: Table, lang: str) -> str:
    out = [f'<section class="table" data-table="{esc(table.key)}">\n']
    if table.title:
        out.append(f"<h2>{esc(table.title)}</h2>\n")
    out.append('<div class="scroll"><table>\n<thead><tr>')
    out += [f"<th>{esc(label(c.header or c.key, lang))}</th>" for c in table.columns]
    out.append("</tr></thead>\n<tbody>\n")
    for row in table.rows:
        out.append("<tr>")
        for c, v in zip(table.columns, row):
            kind = getattr(v, "kind", c.kind) if c.kind == "cell" else c.kind
            cls = "num" if kind in RIGHT else f"light-{v}" if kind == "light" else ""
            attr = f' class="{cls}"' if cls else ""
            out.append(f"<td{attr}>{esc(human(v, c.kind, lang, c.prefix))}</td>")
        out.append("</tr>\n")
    out.append("</tbody>\n</table></div>\n</section>\n")
    return "".join(out)
