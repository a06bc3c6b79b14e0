"""Load a ledger folder: discover files, parse them, check across records.

loading -> validation -> an immutable Ledger. Parsing is the only step whose
cost grows with the ledger; it goes through `parse_all`, which the cache and
the worker pool plug into. Everything else works on records in memory.
"""

from __future__ import annotations

import datetime
import os
from pathlib import Path
from typing import NamedTuple

from . import records as r
from .crosscheck import crosscheck
from .findings import Finding, sorted_findings
from .ledger import Ledger

KINDS = tuple(r.KINDS)  # the record folders
SUFFIXES = (".yaml", ".yml")
LEDGER_FILE = "ledger.yaml"


class LoadResult(NamedTuple):
    ledger: Ledger
    findings: list[Finding]  # sorted by file and line
    left_out: int  # records left out because of errors
    unreadable: int  # files nothing could be read from
    files: int  # record files read

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.is_error]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if not f.is_error]


class FileEntry(NamedTuple):
    kind: str
    relpath: str  # posix, relative to the ledger root
    path: str  # absolute


def find_root(start: Path) -> Path | None:
    """The nearest folder at or above `start` that holds ledger.yaml."""
    start = start.resolve()
    for folder in (start, *start.parents):
        if (folder / LEDGER_FILE).is_file():
            return folder
    return None


def discover(root: Path) -> tuple[list[FileEntry], list[Finding]]:
    """Record files by the folder they sit in (SPEC §2), in a stable order."""
    entries: list[FileEntry] = []
    findings: list[Finding] = []
    root_s = str(root)
    for top in sorted(os.scandir(root_s), key=lambda e: e.name):
        if top.name.startswith(".") or not top.is_dir():
            continue
        if top.name in r.KINDS:
            _walk(top.path, top.name, top.name, entries, set())
        else:
            stray: list[FileEntry] = []
            _walk(top.path, top.name, top.name, stray, set())
            if stray:
                from .rules import did_you_mean

                hint = did_you_mean(top.name, KINDS) or "records go under projects/, responsibilities/ or issues/"
                findings.append(Finding(top.name + "/", None, None, "W106", None,
                                        f"{len(stray)} YAML file(s) under {top.name}/ are not read: "
                                        "it is not a record folder", None, hint))
    return entries, findings


def _walk(folder: str, kind: str, rel: str, out: list[FileEntry], seen: set) -> None:
    """Files under `folder`; linked folders are followed once (a link loop ends there)."""
    try:
        st = os.stat(folder)
        items = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        return
    if (st.st_dev, st.st_ino) in seen:
        return
    seen.add((st.st_dev, st.st_ino))
    for e in items:
        if e.name.startswith("."):
            continue
        if e.is_dir():
            _walk(e.path, kind, f"{rel}/{e.name}", out, seen)
        elif e.name.endswith(SUFFIXES) and e.is_file():
            out.append(FileEntry(kind, f"{rel}/{e.name}", e.path))


def read_bytes(path: str) -> bytes | None:
    try:
        with open(path, "rb") as f:
            return f.read()
    except OSError:
        return None


def parse_all(entries: list[FileEntry], settings: r.Settings):
    """FileResult of every entry, in order. (The cache and worker pool wrap this.)"""
    from .parse import FileResult, parse_file

    out = []
    for e in entries:
        data = read_bytes(e.path)
        if data is None:
            out.append(FileResult((), (Finding(e.relpath, None, None, "E001", None, "file cannot be read"),),
                                  (), 0, True))
        else:
            out.append(parse_file(e.kind, e.relpath, data, settings))
    return out


def load_settings(root: Path) -> tuple[r.Settings, list[Finding]]:
    from .parse import parse_settings

    return parse_settings(read_bytes(str(root / LEDGER_FILE)))


def load(root: Path, today: datetime.date, use_cache: bool = True) -> LoadResult:
    """Read and check the whole ledger at `root`."""
    root = Path(root)
    settings, findings = load_settings(root)
    entries, stray = discover(root)
    findings += stray
    by_kind: dict[str, list] = {k: [] for k in KINDS}
    bad_ids: dict[str, set] = {k: set() for k in KINDS}
    left_out = unreadable = 0
    for entry, result in zip(entries, parse_all(entries, settings)):
        by_kind[entry.kind].extend(result.records)
        bad_ids[entry.kind].update(result.bad_ids)
        findings.extend(result.findings)
        left_out += result.left_out
        unreadable += result.unreadable
    aimed = crosscheck(settings, by_kind, bad_ids, today)
    if aimed:
        findings += place_aimed(root, aimed)
        spoiled = {(a.kind, a.record.src) for a in aimed if a.flag.code.startswith("E")}
        for kind in KINDS:
            keep = [rec for rec in by_kind[kind] if (kind, rec.src) not in spoiled]
            left_out += len(by_kind[kind]) - len(keep)
            by_kind[kind] = keep
    ledger = Ledger.of(settings, by_kind["projects"], by_kind["responsibilities"], by_kind["issues"], str(root))
    return LoadResult(ledger, sorted_findings(findings), left_out, unreadable, len(entries))


def place_aimed(root: Path, aimed) -> list[Finding]:
    """Findings about records, placed at line:col by reading their files once more."""
    from .parse import place
    from .yamlread import read_yaml

    docs: dict[str, object] = {}
    out = []
    for a in aimed:
        src = a.record.src
        doc = docs.get(src.file)
        if doc is None:
            doc = docs[src.file] = read_yaml(read_bytes(str(root / src.file)) or b"", track=True)
        if doc.positions is None or doc.value is None:  # the file changed under us
            out.append(Finding(src.file, src.line, None, a.flag.code, None, a.flag.message, a.record.id, a.flag.hint))
            continue
        prefix = (src.index,) if type(doc.value) is list else ()
        out.append(place(src.file, doc, prefix, a.record.id, a.flag))
    return out
