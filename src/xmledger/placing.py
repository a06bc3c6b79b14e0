"""Placing findings: a path inside a record -> line and column in its file.

Findings are first aimed at paths (('progress', 2, 'month')); only files that
have findings are read a second time, with positions, to place them. A key
that is missing is placed at the mapping that lacks it.
"""

from __future__ import annotations

from .findings import Finding
from .rules import Flag, field_name
from .yamlread import YamlDoc, read_yaml


def place_flags(relpath: str, data: bytes, is_list: bool, flags) -> list[Finding]:
    """Read the file again with positions and turn each (record index, id, flag) into a Finding."""
    doc = read_yaml(data, track=True)
    return [place(relpath, doc, (i,) if is_list else (), rid, f) for i, rid, f in flags]


def position(doc: YamlDoc, full: tuple, at: str) -> tuple[int | None, int | None]:
    pos = doc.key_positions.get(full) if at == "key" else None
    probe = full
    while pos is None:
        pos = doc.positions.get(probe)
        if not probe:
            break
        probe = probe[:-1]
    return pos if pos else (None, None)


def finding(relpath: str, pos: tuple, rid: str | None, f: Flag, text: str | None = None) -> Finding:
    message, hint = f.message, f.hint
    if f.text is not None:
        text = text or f.text
        message, hint = message.format(text=text), hint and hint.format(text=text)
    return Finding(relpath, pos[0], pos[1], f.code, field_name(f.path) or None, message, rid, hint)


def place(relpath: str, doc: YamlDoc, prefix: tuple, rid: str | None, f: Flag) -> Finding:
    full = prefix + f.path
    return finding(relpath, position(doc, full, f.at), rid, f, doc.texts.get(full) if f.text else None)
