"""Placing findings: a path inside a record -> line, column and source line in its file.

Findings are first aimed at paths (('progress', 2, 'month')); only files that
have findings are read a second time, with positions, to place them. A key
that is missing is placed at the mapping that lacks it. Everything comes from
the bytes given (those the source read), never from the disk again.
"""

from __future__ import annotations

from ..core.findings import Finding
from .yamlread import YamlDoc, read_yaml

MAX_EXCERPT = 200


def position(doc: YamlDoc, full: tuple, at: str) -> tuple[int | None, int | None]:
    pos = doc.key_positions.get(full) if at == "key" else None
    probe = full
    while pos is None:
        pos = doc.positions.get(probe)
        if not probe:
            break
        probe = probe[:-1]
    return pos if pos else (None, None)


def source_lines(data: bytes) -> list[str] | None:
    try:
        return data.decode("utf-8-sig").splitlines()
    except UnicodeDecodeError:
        return None


def excerpt(lines: list[str] | None, line: int | None, col: int | None = None) -> tuple[str | None, int]:
    """(the source line shown under a finding, characters left out before it): tabs as spaces; a long line
    cut (with …) to a window that holds the column, so the caret always points at what is shown."""
    if not lines or line is None or not 0 < line <= len(lines):
        return None, 0
    text = lines[line - 1].replace("\t", " ")
    if len(text) <= MAX_EXCERPT:
        return text, 0
    start = 0 if col is None or col <= MAX_EXCERPT - 40 else col - 1 - 80
    if start:  # begin after a space, so that no value is shown cut
        gap = text.rfind(" ", max(0, start - 40), start)
        start = gap + 1 if gap >= 0 else start
    end = start + MAX_EXCERPT
    if end < len(text):  # and end before one
        gap = text.rfind(" ", max(start + 1, end - 40), end)
        end = gap if gap > start else end
    return text[start:end] + ("…" if end < len(text) else ""), start


def place(findings: list[Finding], data: bytes, shown: str, doc: YamlDoc | None = None) -> list[Finding]:
    """The findings of one file with its path as shown and, from its bytes, each one's line, column and
    excerpt. `doc` is the file read in track mode, when the caller has it already."""
    if not findings:
        return []
    if doc is None and any(f.line is None and f.aim is not None for f in findings):
        doc = read_yaml(data, track=True)
    is_list = doc is not None and type(doc.value) is list
    lines = source_lines(data)
    out = []
    for f in findings:
        line, col, message, hint = f.line, f.col, f.message, f.hint
        if line is None and f.aim is not None and doc is not None and doc.positions is not None:
            aim = f.aim
            full = ((aim.index,) if is_list and aim.index is not None else ()) + aim.path
            line, col = position(doc, full, aim.at)
            text = doc.texts.get(full)
            if text is not None and message.get("text") is not None:
                message = message.replace(text=text)
                hint = hint.replace(text=text) if hint is not None and hint.get("text") is not None else hint
        text, start = excerpt(lines, line, col)
        out.append(f._replace(file=shown, line=line, col=col, message=message, hint=hint, excerpt=text,
                              excerpt_from=start, aim=None))
    return out
