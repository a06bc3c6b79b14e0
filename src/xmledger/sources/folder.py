"""A ledger in a folder on disk: today's working tree.

One walk with `os.scandir` lists the record files and their stat (the cache's
change detector) at once. Linked folders are followed, each at most once; what
cannot be listed or read — a folder without permission, a link to nothing or
to itself, a FIFO — is a finding, never silently left out. Only regular files
are ever opened, so a FIFO named ledger.yaml cannot hang a command. Names that
are not UTF-8 are kept as the operating system gave them (surrogate escapes)
and shown with backslash escapes.
"""

from __future__ import annotations

import os
import stat as statmod
from pathlib import Path

from ..core.findings import Finding
from ..core.words import did_you_mean, msg
from .base import LEDGER_FILE, RECORD_FOLDERS, SUFFIXES, FileRef, LedgerSource, Scan, SourceError, printable


shown_name = printable  # a file name as it can be printed: bytes that are not UTF-8 as \\xNN escapes


def stamp_of(st: os.stat_result) -> tuple:
    return (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino, st.st_dev)


def find_root(start: Path) -> Path | None:
    """The nearest folder at or above `start` that holds ledger.yaml."""
    start = start.resolve()
    for folder in (start, *start.parents):
        if os.path.lexists(folder / LEDGER_FILE):
            return folder
    return None


class FolderSource(LedgerSource):
    """The files of a ledger folder."""

    fork_safe = True
    stamps = True

    def __init__(self, root: Path | str):
        root = Path(root)
        if not root.is_dir():
            raise SourceError(f"{shown_name(str(root))} is not a folder")
        self.root = root
        self.identity = str(root.resolve())

    def __repr__(self) -> str:
        return f"FolderSource({str(self.root)!r})"

    def _full(self, path: str) -> str:
        return os.path.join(self.root, *path.split("/"))

    # -- listing

    def scan(self) -> Scan:
        findings: list[Finding] = []
        files: list[FileRef] = []
        settings = self._settings(findings)
        try:
            tops = sorted(os.scandir(self.root), key=lambda e: e.name)
        except OSError as e:
            raise SourceError(f"cannot list {shown_name(str(self.root))}: {e.strerror}") from None
        for top in tops:
            if top.name.startswith("."):
                continue
            if top.name in RECORD_FOLDERS:
                if _is_dir(top, findings, top.name + "/"):
                    self._walk(top.path, top.name, top.name, files, findings, set())
            elif _is_dir(top, None, ""):
                stray: list[FileRef] = []
                self._walk(top.path, top.name, top.name, stray, [], set())
                if stray:
                    findings.append(stray_folder(shown_name(top.name), len(stray)))
        return Scan(settings, files, findings)

    def _settings(self, findings: list[Finding]) -> FileRef | None:
        path = self._full(LEDGER_FILE)
        try:
            st = os.stat(path)
        except FileNotFoundError:
            if os.path.islink(path):  # a link to nothing
                findings.append(unreadable(LEDGER_FILE, "link_dangling"))
                return FileRef("settings", LEDGER_FILE, None, None)
            return None
        except OSError as e:
            findings.append(unreadable(LEDGER_FILE, "link_loop" if e.errno == 40 else "os", e.strerror))
            return FileRef("settings", LEDGER_FILE, None, None)
        if not statmod.S_ISREG(st.st_mode):
            findings.append(unreadable(LEDGER_FILE, "not_regular"))
            return FileRef("settings", LEDGER_FILE, None, None)
        return FileRef("settings", LEDGER_FILE, None, stamp_of(st))

    def _walk(self, folder: str, kind: str, rel: str, out: list[FileRef], findings: list[Finding], seen: set) -> None:
        """Files under `folder`; linked folders are followed once (a link loop ends there)."""
        try:
            st = os.stat(folder)
            items = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as e:
            findings.append(unreadable(shown_name(rel) + "/", "folder", e.strerror))
            return
        if (st.st_dev, st.st_ino) in seen:
            return
        seen.add((st.st_dev, st.st_ino))
        for e in items:
            if e.name.startswith("."):
                continue
            path = f"{rel}/{e.name}"
            if e.name.endswith(SUFFIXES):
                try:
                    est = e.stat()
                except FileNotFoundError:
                    findings.append(unreadable(shown_name(path), "link_dangling"))
                    continue
                except OSError as err:
                    findings.append(unreadable(shown_name(path), "link_loop" if err.errno == 40 else "os",
                                                err.strerror))
                    continue
                if statmod.S_ISREG(est.st_mode):
                    out.append(FileRef(kind, path, None, stamp_of(est)))
                    continue
                if not statmod.S_ISDIR(est.st_mode):
                    findings.append(unreadable(shown_name(path), "not_regular"))
                    continue
            if _is_dir(e, findings, shown_name(path) + "/"):
                self._walk(e.path, kind, path, out, findings, seen)

    # -- reading

    def read(self, ref: FileRef) -> bytes | None:
        return read_regular(self._full(ref.path))

    def restat(self, ref: FileRef) -> tuple | None:
        try:
            return stamp_of(os.stat(self._full(ref.path)))
        except OSError:
            return None


def read_regular(path: str) -> bytes | None:
    """The bytes of a regular file; None for anything else or on any error (never blocks on a FIFO)."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError:
        return None
    try:
        if not statmod.S_ISREG(os.fstat(fd).st_mode):
            return None
        chunks = []
        while True:
            chunk = os.read(fd, 1 << 20)
            if not chunk:
                break
            chunks.append(chunk)
        return b"".join(chunks)
    except OSError:
        return None
    finally:
        os.close(fd)


def _is_dir(entry: os.DirEntry, findings: list[Finding] | None, shown: str) -> bool:
    """Is this entry a folder (following links)? A loop or a broken link is a finding when asked for."""
    try:
        return entry.is_dir()
    except OSError as e:
        if findings is not None:
            findings.append(unreadable(shown, "link_loop" if e.errno == 40 else "os", e.strerror))
        return False


def stray_folder(name: str, count: int) -> Finding:
    """W106: a top-level folder that is not a record folder holds `count` YAML files, which are not read."""
    hint = did_you_mean(name, RECORD_FOLDERS) or msg("read.not_read_folder.hint")
    return Finding(name + "/", None, None, "W106", None, msg("read.not_read_folder", count=count, folder=name), None,
                   hint)


def unreadable(shown: str, why: str, detail: str | None = None) -> Finding:
    """E012: what cannot be read, and why (a words key under read.cannot_read)."""
    return Finding(shown, None, None, "E012", None, msg(f"read.cannot_read.{why}", detail=detail or ""), None,
                   msg(f"read.cannot_read.{why}.hint"))
