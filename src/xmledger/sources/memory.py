"""A ledger held in memory: {relative path: bytes or text}.

For tests and for programs that build a ledger without writing a folder
(`xmledger.load_files({...})`). Paths use "/"; the kind of a file is its top
folder, as on disk. Nothing here touches the file system.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping

from .base import LEDGER_FILE, FileRef, LedgerSource, Scan, content_key, kind_of


class MemorySource(LedgerSource):
    def __init__(self, files: Mapping[str, bytes | str], name: str = "memory"):
        self.files = {path.strip("/"): data.encode("utf-8") if isinstance(data, str) else bytes(data)
                      for path, data in files.items()}
        self.keys = {path: content_key(data) for path, data in self.files.items()}
        digest = hashlib.sha1("\n".join(f"{p}\0{k}" for p, k in sorted(self.keys.items())).encode("utf-8"))
        self.identity = f"{name}:{digest.hexdigest()}"

    def scan(self) -> Scan:
        settings = FileRef("settings", LEDGER_FILE, self.keys[LEDGER_FILE]) if LEDGER_FILE in self.files else None
        files = []
        for path in sorted(self.files, key=lambda p: p.split("/")):
            kind = kind_of(path)
            if kind is not None:
                files.append(FileRef(kind, path, self.keys[path]))
        return Scan(settings, files, [])

    def read(self, ref: FileRef) -> bytes | None:
        return self.files.get(ref.path)
