"""`explain`: what a figure means, in the reader's language, from metrics.definitions (as docs/metrics.md is).

One figure: its definition, formula, kind of value, the commands that show it,
where offices publish it, the sample ledger's value and the decisions that
touch it. No figure: the list of all, one table a section. Neither needs a
ledger; json gives the definition as data.
"""

from __future__ import annotations

from ..core.words import words
from ..metrics import definitions as d
from .base import Column, Paragraphs, Report, Table


def name_of(fig: d.Figure, lang: str) -> str:
    return fig.zh if lang == "zh" else fig.en


def explanation(fig: d.Figure, lang: str) -> Report:
    zh = lang == "zh"
    sep = "、" if zh else ", "
    lines = []
    if fig.formula:
        lines.append(words("explain.formula", lang, formula=d.formula_in(fig, lambda f: name_of(f, lang))))
    lines.append(words("explain.value", lang, kind=d.KINDS[fig.kind][0 if zh else 1]))
    if fig.shown:
        lines.append(words("explain.shown", lang, commands=sep.join(fig.shown)))
    if fig.published:
        lines.append(words("explain.published", lang, where=fig.published[0 if zh else 1]))
    if fig.sample is not None:
        lines.append(words("explain.sample", lang, value=fig.sample))
    if fig.decisions:
        lines.append(words("explain.decisions", lang, titles=sep.join(fig.decisions)))
    others = [n for n in d.names(fig) if n not in (fig.key, name_of(fig, lang))]
    if others:
        lines.append(words("explain.names", lang, names=sep.join(others)))
    lines.append(words("explain.more", lang, key=d.anchor(fig.key)))
    data = {
        "key": fig.key, "section": fig.section, "name": {"zh": fig.zh, "en": fig.en}, "kind": fig.kind,
        "definition": {"zh": fig.zh_text, "en": fig.en_text},
        "formula": {"zh": d.formula_in(fig, lambda f: f.zh), "en": d.formula_in(fig, lambda f: f.en),
                    "keys": d.formula_in(fig, lambda f: f.key)} if fig.formula else None,
        "shown": list(fig.shown), "published": {"zh": fig.published[0], "en": fig.published[1]}
        if fig.published else None,
        "sample": fig.sample, "decisions": list(fig.decisions), "names": list(d.names(fig)),
        "doc": f"docs/metrics.md#{d.anchor(fig.key)}",
    }
    title = words("explain.title", lang, name=name_of(fig, lang), key=fig.key)
    text = fig.zh_text if zh else fig.en_text
    return Report("explain", title, [Paragraphs("figure", [text, "\n".join(lines)])], data, lang=lang)


LIST_COLUMNS = [Column("figure"), Column("name", header="figure_name")]


def figure_list(lang: str) -> Report:
    blocks = []
    for section in d.SECTIONS:
        rows = [[f.key, name_of(f, lang)] for f in d.FIGURES if f.section == section.key]
        blocks.append(Table(section.key, section.zh if lang == "zh" else section.en, LIST_COLUMNS, rows))
    return Report("explain", words("explain.list", lang), blocks, lang=lang)
