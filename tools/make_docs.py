#!/usr/bin/env python3
"""Write the generated parts of docs/metrics.md from the definitions of the figures.

    python tools/make_docs.py           # rewrite the generated blocks of docs/metrics.md
    python tools/make_docs.py --check   # exit 1 if docs/metrics.md is not what this writes

The definitions (src/xmledger/metrics/definitions.py) are also what
`xmledger explain` prints, so the docs and the command say the same. A block is
everything between

    <!-- BEGIN generated NAME ... -->
    <!-- END generated NAME -->

where NAME is `index`, `samples` or `figures:SECTION` for each section of the
definitions; the text around the blocks is written by hand. Links to
docs/decisions.md point at the section holding the decision's bold title; a
title that is not there is an error, so a renamed decision shows up here.
"""

from __future__ import annotations

import argparse
import difflib
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from xmledger.metrics import definitions as d  # noqa: E402

DOC = REPO / "docs" / "metrics.md"
DECISIONS = REPO / "docs" / "decisions.md"
BLOCK = re.compile(r"(<!-- BEGIN generated (\S+)[^\n]*-->\n)(.*?)(<!-- END generated \2 -->)", re.S)
NOTE = "tools/make_docs.py writes this from src/xmledger/metrics/definitions.py: edit there"


def slug(heading: str) -> str:
    """The anchor GitHub gives a heading."""
    text = re.sub(r"[^\w\- ]", "", heading.strip().lower())
    return text.replace(" ", "-")


def decision_anchors(text: str) -> dict[str, str]:
    """Title of each decision (its bold lead, or a heading) -> the anchor of the section that holds it."""
    out: dict[str, str] = {}
    section = ""
    for line in text.splitlines():
        if line.startswith("## "):
            section = slug(line[3:])
            out[line[3:].strip()] = section
            continue
        m = re.match(r"- \*\*(.+?)\*\*", line)
        if m:
            out[m[1]] = section
    return out


def link(fig: d.Figure) -> str:
    return f"[`{fig.key}`](#{d.anchor(fig.key)})"


def commands(names) -> str:
    return ", ".join(f"`{c}`" for c in names)


def figure_md(fig: d.Figure, anchors: dict[str, str]) -> str:
    lines = [f'### <a id="{d.anchor(fig.key)}"></a>`{fig.key}` · {fig.zh} · {fig.en}', "", fig.en_text, "",
             f"> {fig.zh_text}", ""]
    if fig.formula:
        lines.append(f"- **Formula:** {d.formula_in(fig, link)}")
    lines.append(f"- **Value:** {d.KINDS[fig.kind][1]}")
    if fig.shown:
        lines.append(f"- **Shown by:** {commands(fig.shown)}")
    if fig.published:
        lines.append(f"- **Published:** {fig.published[1]}")
    if fig.sample is not None:
        lines.append(f"- **Sample ledger:** `status` shows **{fig.sample}** for data/lijin as of 2019-05-31")
    if fig.decisions:
        missing = [t for t in fig.decisions if t not in anchors]
        if missing:
            raise SystemExit(f"{fig.key}: no decision titled {missing} in docs/decisions.md")
        shown = ", ".join(f"[{t.replace('`', '')}](decisions.md#{anchors[t]})" for t in fig.decisions)
        lines.append(f"- **Decisions:** {shown}")
    names = ", ".join(n for n in d.names(fig) if n != fig.key)
    lines.append(f"- **Names:** {names} · `xmledger explain {fig.key}`")
    return "\n".join(lines) + "\n"


def index_md() -> str:
    rows = ["| figure | 中文 | section |", "|---|---|---|"]
    by_key = d.SECTION_BY_KEY
    for fig in d.FIGURES:
        rows.append(f"| {link(fig)} | {fig.zh} | {by_key[fig.section].en} |")
    return "\n".join(rows) + "\n"


def samples_md() -> str:
    rows = ["| figure | 中文 | data/lijin, 2019-05-31 | published as |", "|---|---|---|---|"]
    for fig in d.FIGURES:
        if fig.sample is not None:
            rows.append(f"| {link(fig)} | {fig.zh} | {fig.sample} | {fig.published[1] if fig.published else ''} |")
    return "\n".join(rows) + "\n"


def blocks() -> dict[str, str]:
    anchors = decision_anchors(DECISIONS.read_text(encoding="utf-8"))
    out = {"index": index_md(), "samples": samples_md()}
    for section in d.SECTIONS:
        figs = [f for f in d.FIGURES if f.section == section.key]
        out[f"figures:{section.key}"] = "\n".join(figure_md(f, anchors) for f in figs)
    return out


def generate(text: str) -> str:
    made = blocks()
    found = set()

    def fill(m: re.Match) -> str:
        name = m[2]
        if name not in made:
            raise SystemExit(f"docs/metrics.md: unknown generated block {name!r}")
        found.add(name)
        return f"<!-- BEGIN generated {name} · {NOTE} -->\n{made[name]}{m[4]}"

    result = BLOCK.sub(fill, text)
    missing = sorted(set(made) - found)
    if missing:
        raise SystemExit(f"docs/metrics.md has no block for {', '.join(missing)}: add "
                         f"<!-- BEGIN generated NAME --> ... <!-- END generated NAME --> for each")
    return result


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check that docs/metrics.md is up to date")
    args = parser.parse_args(argv)
    text = DOC.read_text(encoding="utf-8")
    new = generate(text)
    if args.check:
        if new != text:
            diff = difflib.unified_diff(text.splitlines(), new.splitlines(), "docs/metrics.md", "generated",
                                        lineterm="", n=1)
            print("\n".join(list(diff)[:60]), file=sys.stderr)
            print("docs/metrics.md is out of date: run python tools/make_docs.py", file=sys.stderr)
            return 1
        return 0
    if new != text:
        DOC.write_text(new, encoding="utf-8")
        print("wrote docs/metrics.md")
    return 0


if __name__ == "__main__":
    sys.exit(main())
