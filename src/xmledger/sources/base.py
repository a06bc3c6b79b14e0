"""What a ledger source is: a list of files, their bytes, and a key for their content.

The loader reads a ledger only through this interface, so a folder, a mapping
in memory and a git revision are read the same way, and findings, excerpts and
positions come from the bytes the source gave, never from a second look at the
disk. A file's content key is its git blob id (sha1 of "blob <size>\\0" + bytes):
a git revision knows it without reading the file, and a folder computes the
same key from the bytes, so the parse cache shares entries between the working
tree and every revision.
"""

from __future__ import annotations

import hashlib
from typing import NamedTuple

from ..core.findings import Finding

RECORD_FOLDERS = ("projects", "responsibilities", "issues", "progress")  # the kind of a file is its top folder
SUFFIXES = (".yaml", ".yml")
LEDGER_FILE = "ledger.yaml"


class FileRef(NamedTuple):
    """One file of a ledger, as its source lists it."""

    kind: str  # a record folder, or "settings" for ledger.yaml
    path: str  # posix, relative to the ledger root (as records and the cache know it)
    key: str | None = None  # content key, when the source knows it without reading the file (git)
    stamp: tuple | None = None  # change detector when the key is not known (folder: size, times, inode)


class Scan(NamedTuple):
    """What a source lists: ledger.yaml (None: there is none), the record files in a stable order, and
    findings about what could not be listed or read (unreadable folders, broken links, stray folders)."""

    settings: FileRef | None
    files: list[FileRef]
    findings: list[Finding]


class SourceError(Exception):
    """The source as a whole cannot be read (no such folder, not a git repository, unknown revision).

    The command line reports it as wrong usage (exit 2); `usage_hint` names the option to blame."""

    def __init__(self, message: str, option: str = "-L/--ledger"):
        super().__init__(message)
        self.option = option


def content_key(data: bytes) -> str:
    """The git blob id of `data`: equal bytes, equal key, whichever source they came from."""
    h = hashlib.sha1(b"blob %d\0" % len(data))
    h.update(data)
    return h.hexdigest()


class LedgerSource:
    """Base of every source. Subclasses list files (`scan`) and give their bytes (`read`)."""

    #: put in front of every path shown in findings ("HEAD~1:" for a revision, "" for a folder)
    label: str = ""
    #: names the ledger for the parse cache (one cache folder per identity)
    identity: str = ""
    #: may worker processes call `read` themselves (True for plain files; not for a pipe to git)
    fork_safe: bool = False
    #: may the cache trust `FileRef.stamp` (a folder's stat) instead of reading the file
    stamps: bool = False

    def scan(self) -> Scan:  # pragma: no cover - interface
        raise NotImplementedError

    def read(self, ref: FileRef) -> bytes | None:  # pragma: no cover - interface
        """The file's bytes; None when it cannot be read (the loader reports it)."""
        raise NotImplementedError

    def read_many(self, refs: list[FileRef]) -> list[bytes | None]:
        """The bytes of many files at once (a source behind a pipe answers them without a round trip each)."""
        return [self.read(ref) for ref in refs]

    def close(self) -> None:
        """Release what the source holds open (a git process); reading again reopens it."""

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def shown(self, path: str) -> str:
        """A path as findings show it: the source's label in front, names that are not UTF-8 escaped."""
        return printable(self.label + path)

    def describe(self) -> str:
        """One line for headings and the circular's footer ("" for a plain folder)."""
        return ""


def printable(path: str) -> str:
    """A path as it can be shown: bytes of a name that is not UTF-8 (kept by the OS as surrogate escapes)
    as \\xNN."""
    try:
        path.encode("utf-8")
        return path
    except UnicodeEncodeError:
        return path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def kind_of(path: str) -> str | None:
    """The record kind of a relative path by its top folder (SPEC §2), or None when it is not read."""
    top, _, rest = path.partition("/")
    if not rest or top not in RECORD_FOLDERS or not path.endswith(SUFFIXES):
        return None
    if any(part.startswith(".") for part in path.split("/")):
        return None
    return top
