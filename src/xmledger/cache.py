"""The parse cache: a file that has not changed is never parsed again.

What is stored is `parse_file`'s result (records and findings with their
positions), per file, outside the ledger: in $XMLEDGER_CACHE_DIR, else
$XDG_CACHE_HOME/xmledger, else ~/.cache/xmledger, one folder per ledger path.

It can never serve stale data:
- an entry is used only when the file's (size, mtime_ns, ctime_ns, inode,
  device) are those recorded; ctime cannot be set back by tools that restore
  mtimes, and a replaced or renamed file has another inode or path;
- when the file's timestamps are within RACY_NS of the moment it was read, a
  change in that same clock tick would leave them unchanged, so the content
  hash is compared too (git's "racily clean" rule); once the tick is safely
  past, the entry is marked checked again;
- every shard carries a fingerprint of the code that parses and of
  ledger.yaml (which sets the unit and categories); a mismatch is a miss.

Entries live in SHARDS files chosen by the file's path, so an edit rewrites
one small shard. A shard is written to a temporary file and renamed into
place, so a reader sees a whole shard or the previous one, and two processes
at once at worst redo each other's work. A shard that does not unpickle, or
holds anything unexpected, is treated as empty and rewritten.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
import time
import zlib
from pathlib import Path
from typing import NamedTuple

SHARDS = 64
RACY_NS = 2_000_000_000  # covers file systems with coarse (up to 2 s) timestamps
FORMAT = 1
_PARSING_MODULES = ("yamlread", "models", "parse", "rules", "records", "amounts", "findings", "cache")


class Entry(NamedTuple):
    kind: str
    stat: tuple  # size, mtime_ns, ctime_ns, ino, dev
    digest: bytes
    checked_ns: int  # when the content was last read and hashed
    result: object  # records.FileResult
    places: dict  # (record index, path, at) -> (line, col), filled as findings are placed


Entry.__reduce__ = lambda self: (tuple.__new__, (Entry, tuple(self)))  # as records._reduce


def cache_root() -> Path:
    explicit = os.environ.get("XMLEDGER_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "xmledger"


def stat_key(st: os.stat_result) -> tuple:
    return (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino, st.st_dev)


def digest(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=16).digest()


def code_fingerprint() -> str:
    """Changes whenever xmledger's parsing code changes (its version, or any of those source files)."""
    from . import __version__

    here = Path(__file__).parent
    parts = [__version__, str(FORMAT)]
    for name in _PARSING_MODULES:
        try:
            st = os.stat(here / f"{name}.py")
            parts.append(f"{name}:{st.st_size}:{st.st_mtime_ns}")
        except OSError:
            parts.append(name)
    return hashlib.blake2b("|".join(parts).encode(), digest_size=16).hexdigest()


def shard_of(relpath: str) -> int:
    return zlib.crc32(relpath.encode("utf-8")) % SHARDS


class ParseCache:
    """The cached entries of one ledger, and which shards need writing back."""

    def __init__(self, ledger_root: Path, ledger_yaml: bytes | None):
        root = str(Path(ledger_root).resolve())
        self.folder = cache_root() / hashlib.blake2b(root.encode(), digest_size=8).hexdigest()
        self.header = (code_fingerprint(), digest(ledger_yaml) if ledger_yaml is not None else b"")
        self.entries: dict[str, Entry] = {}
        self.dirty: set[int] = set()
        self.loaded = False

    # -- reading

    def load(self) -> None:
        """Read every shard; anything unreadable or from other code or settings counts as missing."""
        self.loaded = True
        for i in range(SHARDS):
            try:
                with open(self.folder / f"{i:02d}.pickle", "rb") as f:
                    header, entries = pickle.load(f)
            except FileNotFoundError:
                continue
            except Exception:  # corrupt, truncated, or written by another version: rebuild it
                self.dirty.add(i)
                continue
            if header != self.header or type(entries) is not dict:
                self.dirty.add(i)
                continue
            self.entries.update(entries)

    def lookup(self, relpath: str, kind: str, st: os.stat_result, path: str) -> Entry | None:
        """The entry of an unchanged file, else None."""
        entry = self.entries.get(relpath)
        if entry is None or entry.kind != kind or entry.stat != stat_key(st):
            return None
        if max(st.st_mtime_ns, st.st_ctime_ns) >= entry.checked_ns - RACY_NS:
            try:
                with open(path, "rb") as f:
                    same = digest(f.read()) == entry.digest
            except OSError:
                return None
            if not same:
                return None
            now = time.time_ns()
            if max(st.st_mtime_ns, st.st_ctime_ns) < now - RACY_NS:  # the clock tick is past: trust stat now
                self.put(relpath, entry._replace(checked_ns=now))
        return entry

    def settings(self):
        """(settings, findings) of ledger.yaml if it is the one cached, else None."""
        try:
            with open(self.folder / "settings.pickle", "rb") as f:
                header, value = pickle.load(f)
        except Exception:
            return None
        return value if header == self.header else None

    # -- writing

    def store_settings(self, settings, findings) -> None:
        self._write("settings.pickle", (self.header, (settings, findings)))

    def put(self, relpath: str, entry: Entry) -> None:
        self.entries[relpath] = entry
        self.dirty.add(shard_of(relpath))

    def record(self, relpath: str, kind: str, st: os.stat_result, data_digest: bytes, read_ns: int, result) -> None:
        """Remember a file's parse result, read at read_ns."""
        self.put(relpath, Entry(kind, stat_key(st), data_digest, read_ns, result, {}))

    def forget_missing(self, present: set[str]) -> None:
        for relpath in [p for p in self.entries if p not in present]:
            del self.entries[relpath]
            self.dirty.add(shard_of(relpath))

    def save(self) -> None:
        """Write the changed shards atomically; a cache that cannot be written is only slower."""
        if not self.dirty:
            return
        shards: dict[int, dict] = {i: {} for i in self.dirty}
        for relpath, entry in self.entries.items():
            i = shard_of(relpath)
            if i in shards:
                shards[i][relpath] = entry
        if all(self._write(f"{i:02d}.pickle", (self.header, entries)) for i, entries in shards.items()):
            self.dirty.clear()

    def _write(self, name: str, value) -> bool:
        """Atomically: a temporary file renamed into place. A cache that cannot be written is only slower."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.folder, prefix=f".{name}.", suffix=".tmp")
            try:
                with os.fdopen(fd, "wb") as f:
                    pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
                os.replace(tmp, self.folder / name)
            except BaseException:
                os.unlink(tmp)
                raise
        except OSError:
            return False
        return True
