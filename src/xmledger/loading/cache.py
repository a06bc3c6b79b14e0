"""The parse cache: a file whose content was checked once is never parsed again.

What is stored is `check_file`'s result (records and placed findings), per
file, outside the ledger: in $XMLEDGER_CACHE_DIR, else $XDG_CACHE_HOME/xmledger
(when it is an absolute path, as the XDG rule says), else ~/.cache/xmledger,
one folder per ledger.

Entries are keyed by (path, content key, settings key): the content key is the
file's git blob id, so the working tree and every git revision of a ledger
share entries, and a file unchanged between revisions is parsed once in all.
A folder source does not know a file's content key without reading it, so the
cache also remembers, per path, the stat (size, mtime_ns, ctime_ns, inode,
device) under which it last read each key:
- a stat that matches gives the key without reading the file; ctime cannot be
  set back by tools that restore mtimes, and a replaced file has another inode;
- when the file's timestamps are within RACY_NS of the moment it was read, a
  change in the same clock tick would leave them unchanged, so the file is
  read and hashed again (git's "racily clean" rule).

Shards are chosen by path, so an edit rewrites one small shard. A shard is
written to a temporary file and renamed into place (a reader sees a whole shard
or the previous one; two processes at once at worst redo each other's work).
Every shard carries a hash of its contents and a fingerprint of the code whose
output it stores; a shard that fails either is treated as empty and rewritten.
The cache folder must be private (mode 0700, owned by the user): the shards are
pickles, so a folder someone else can write to is never read.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import stat as statmod
import tempfile
import time
import zlib
from pathlib import Path
from typing import NamedTuple

SHARDS = 64
RACY_NS = 2_000_000_000  # covers file systems with coarse (up to 2 s) timestamps
FORMAT = 3
MAGIC = b"xmledger-cache\n"
KEEP_PER_PATH = 4  # results kept per path: the working tree and a few revisions

#: the packages whose code decides what is cached (the results of check.files.check_file); their source
#: files make the fingerprint. tests/test_layers.py derives the modules check_file depends on and
#: checks that each lies in one of these.
FINGERPRINTED = ("core", "read", "checks", "loading")


class Stamp(NamedTuple):
    stat: tuple  # size, mtime_ns, ctime_ns, ino, dev
    key: str  # content key read under that stat
    checked_ns: int  # when the content was last read and hashed


class Result(NamedTuple):
    kind: str
    result: object  # checks.results.FileResult, light: the records of projects and problems are in the shard's blob
    places: dict  # (record index, path, at) -> placed finding fields, filled as findings across records are placed
    used: int  # day ordinal of the last use, to keep the most recent KEEP_PER_PATH per path


def cache_root() -> Path:
    explicit = os.environ.get("XMLEDGER_CACHE_DIR")
    if explicit:
        return Path(explicit)
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = xdg if xdg and os.path.isabs(xdg) else os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "xmledger"


def code_fingerprint() -> str:
    """Changes whenever the code whose output is cached changes (its version, or any of its source files)."""
    from .. import __version__

    here = Path(__file__).resolve().parent.parent
    parts = [__version__, str(FORMAT)]
    for package in FINGERPRINTED:
        for path in sorted((here / package).glob("*.py")):
            try:
                st = os.stat(path)
                parts.append(f"{package}/{path.name}:{st.st_size}:{st.st_mtime_ns}")
            except OSError:
                parts.append(path.name)
    return hashlib.blake2b("|".join(parts).encode(), digest_size=16).hexdigest()


def shard_of(path: str) -> int:
    return zlib.crc32(path.encode("utf-8", "surrogateescape")) % SHARDS


def private(folder: Path) -> bool:
    """Is `folder` ours alone: owned by this user and not writable by anyone else?"""
    try:
        st = os.lstat(folder)
    except OSError:
        return False
    if not statmod.S_ISDIR(st.st_mode) or (st.st_mode & 0o022):
        return False
    return not hasattr(os, "getuid") or st.st_uid == os.getuid()


def _check_hash():
    """The hash that seals a cache file: it catches a file changed or cut since it was written (the folder is
    private, so no one forges one). SHA-1 runs in hardware on the CPUs we meet: 23 MB in 0.016 s, blake2b 0.047 s,
    a tenth of a warm command."""
    return hashlib.sha1(usedforsecurity=False)


def _digest(blob) -> bytes:
    h = _check_hash()
    h.update(blob)
    return h.digest()[:16]


def seal(value) -> bytes:
    blob = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    return MAGIC + _digest(blob) + blob


class _Hashing:
    """A file that hashes what is written to it (pickle streams large values straight through)."""

    def __init__(self, f):
        self.f, self.hash = f, _check_hash()

    def write(self, data) -> int:
        self.hash.update(data)
        return self.f.write(data)


def seal_into(f, value) -> None:
    """seal(value), written to a file as it is made: a snapshot of tens of MB is never copied whole in memory."""
    f.write(MAGIC + bytes(16))
    hashing = _Hashing(f)
    pickle.dump(value, hashing, protocol=pickle.HIGHEST_PROTOCOL)
    f.seek(len(MAGIC))
    f.write(hashing.hash.digest()[:16])


def unseal(data: bytes):
    """The value of a sealed file; ValueError when it is not one, or was changed since it was written."""
    if not data.startswith(MAGIC):
        raise ValueError("not a cache file")
    view = memoryview(data)  # no copy of tens of MB
    digest, blob = data[len(MAGIC):len(MAGIC) + 16], view[len(MAGIC) + 16:]
    if _digest(blob) != digest:
        raise ValueError("cache file changed since it was written")
    return pickle.loads(blob)


_SHARED: list | None = None  # inside `shared()`: the caches loaded so far, reused by later loads


@contextlib.contextmanager
def shared():
    """Loads inside this block share their caches: a second load of the same ledger (`diff` reads two
    revisions of one ledger) unpickles no shard again, and the records of a file unchanged between the
    revisions are the same objects in both. Outside it every load reads the cache afresh."""
    global _SHARED
    outer, _SHARED = _SHARED, [] if _SHARED is None else _SHARED
    try:
        yield
    finally:
        _SHARED = outer


class ParseCache:
    """The cached entries of one ledger, and which shards need writing back."""

    @classmethod
    def opened(cls, identity: str, settings_key: str) -> "ParseCache":
        """The cache of a ledger (the one opened before inside `shared()`, if any). Its shards are read on the
        first lookup, so a load that the snapshot answers never reads them."""
        cache = cls(identity, settings_key)
        if _SHARED is not None:
            for known in _SHARED:
                if (known.folder, known.header, known.settings_key) == (cache.folder, cache.header, settings_key):
                    return known
            _SHARED.append(cache)
        return cache

    def __init__(self, identity: str, settings_key: str):
        self.folder = cache_root() / hashlib.blake2b(identity.encode("utf-8", "surrogateescape"),
                                                     digest_size=8).hexdigest()
        self.header = code_fingerprint()
        self.settings_key = settings_key
        self.stamps: dict[str, Stamp] = {}
        self.results: dict[tuple[str, str, str], Result] = {}
        self.dirty: set[int] = set()
        self.blobs: dict[int, bytes] = {}  # shard -> its records, pickled: {(path, key, settings key): records}
        self.fresh: dict[tuple, object] = {}  # records checked by this process, not yet in a blob
        self.adopted: dict[int, list] = {}  # shard -> [(blob, keys)] the workers sent for it
        self.today = time.time_ns() // 86_400_000_000_000
        self.loaded = False

    # -- reading

    def load(self) -> None:
        """Read every shard; anything unreadable, tampered with or from other code counts as missing."""
        if self.loaded:
            return
        self.loaded = True
        if not private(self.folder):
            return
        for i in range(SHARDS):
            try:
                with open(self.folder / f"{i:02d}.cache", "rb") as f:
                    header, stamps, results, blob = unseal(f.read())
            except FileNotFoundError:
                continue
            except Exception:  # corrupt, truncated, tampered with, or written by another version: rebuild it
                self.dirty.add(i)
                continue
            if header != self.header or type(stamps) is not dict or type(results) is not dict or type(blob) is not bytes:
                self.dirty.add(i)
                continue
            self.stamps.update(stamps)
            self.results.update(results)
            self.blobs[i] = blob

    def key_for(self, path: str, stat: tuple, reread) -> str | None:
        """The content key of a folder file from its stat, when the stat is the one it was read under and
        not racily clean; else None (the caller reads the file). `reread()` gives the bytes' key now."""
        self.load()
        stamp = self.stamps.get(path)
        if stamp is None or stamp.stat != stat:
            return None
        mtime, ctime = stat[1], stat[2]
        if max(mtime, ctime) >= stamp.checked_ns - RACY_NS:
            key = reread()
            if key != stamp.key:
                return None
            now = time.time_ns()
            if max(mtime, ctime) < now - RACY_NS:  # the clock tick is past: trust stat from now on
                self.stamps[path] = stamp._replace(checked_ns=now)
                self.dirty.add(shard_of(path))
        return stamp.key

    def lookup(self, path: str, key: str, kind: str) -> Result | None:
        self.load()
        entry = self.results.get((path, key, self.settings_key))
        if entry is None or entry.kind != kind:
            return None
        if entry.used != self.today and self.today - entry.used > 7:  # a week's precision is enough to evict
            self.results[(path, key, self.settings_key)] = entry._replace(used=self.today)
            self.dirty.add(shard_of(path))
        return entry

    def settings(self):
        """(settings, findings, usable) of the ledger.yaml whose content key this cache was made with."""
        if not private(self.folder):
            return None
        try:
            with open(self.folder / "settings.cache", "rb") as f:
                header, key, value = unseal(f.read())
        except Exception:  # noqa: BLE001 - missing or broken: parse it again
            return None
        return value if header == self.header and key == self.settings_key else None

    # -- writing

    def store_settings(self, value) -> None:
        self._write("settings.cache", (self.header, self.settings_key, value))

    def remember(self, path: str, key: str, kind: str, result, records, stat: tuple | None, read_ns: int) -> None:
        """Remember a file's light result and, when checked here, its records (a worker's come by `adopt`); and
        for a folder file the stat it was read under at read_ns."""
        self.load()
        self.results[(path, key, self.settings_key)] = Result(kind, result, {}, self.today)
        if records is not None:
            self.fresh[(path, key, self.settings_key)] = records
        if stat is not None:
            self.stamps[path] = Stamp(stat, key, read_ns)
        self.dirty.add(shard_of(path))

    def has(self, path: str, key: str) -> bool:
        return (path, key, self.settings_key) in self.results

    def adopt(self, blob: bytes, keys) -> None:
        """The pickled records of a worker's group of files (one shard's new entries)."""
        if keys:
            self.adopted.setdefault(shard_of(keys[0][0]), []).append((blob, list(keys)))

    def records_of(self, keys) -> dict:
        """{key: records} for these (path, content key, settings key), from the blobs of their shards."""
        found: dict = {}
        for i in sorted({shard_of(k[0]) for k in keys}):
            found.update(self._shard_records(i))
        found.update(self.fresh)
        return {k: found[k] for k in keys}

    def _shard_records(self, i: int) -> dict:
        out = pickle.loads(self.blobs[i]) if i in self.blobs else {}
        for blob, _ in self.adopted.get(i, ()):
            out.update(pickle.loads(blob))
        return out

    def remember_places(self, path: str, key: str, places: dict) -> None:
        entry = self.results.get((path, key, self.settings_key))
        if entry is not None:
            entry.places.update(places)
            self.dirty.add(shard_of(path))

    def read_file(self, name: str) -> bytes | None:
        """A whole file of the cache folder (the snapshot), if the folder is private and it is there."""
        if not private(self.folder):
            return None
        try:
            with open(self.folder / name, "rb") as f:
                return f.read()
        except OSError:
            return None

    def write_file(self, name: str, value) -> bool:
        return self._write(name, value)

    def forget_missing(self, present: set[str]) -> None:
        """Drop the stat of folder files that are gone (their results stay for revisions that hold them)."""
        if not self.loaded:
            return
        for path in [p for p in self.stamps if p not in present]:
            del self.stamps[path]
            self.dirty.add(shard_of(path))

    def save(self) -> None:
        """Write the changed shards atomically; a cache that cannot be written is only slower."""
        if not self.dirty:
            return
        shards: dict[int, tuple[dict, dict]] = {i: ({}, {}) for i in self.dirty}
        for path, stamp in self.stamps.items():
            i = shard_of(path)
            if i in shards:
                shards[i][0][path] = stamp
        by_path: dict[str, list] = {}
        for key, entry in self.results.items():
            if shard_of(key[0]) in shards:
                by_path.setdefault(key[0], []).append((entry.used, key, entry))
        for path, items in by_path.items():
            for _, key, entry in sorted(items, key=lambda item: item[0], reverse=True)[:KEEP_PER_PATH]:
                shards[shard_of(path)][1][key] = entry
        written = True
        for i, (stamps, results) in shards.items():
            heavy = {k for k, e in results.items() if e.kind not in ("responsibilities", "progress")}
            adopted = self.adopted.get(i, ())
            if len(adopted) == 1 and set(adopted[0][1]) == heavy and not (heavy & self.fresh.keys()):
                blob = adopted[0][0]  # a worker pickled exactly this shard's records: written as it came
            else:
                records = self._shard_records(i)
                records.update((k, v) for k, v in self.fresh.items() if shard_of(k[0]) == i)
                for k in [k for k in heavy if k not in records]:  # nothing to give its records: forget it
                    del results[k]
                blob = pickle.dumps({k: records[k] for k in results if k in heavy},
                                    protocol=pickle.HIGHEST_PROTOCOL)
            written = self._write(f"{i:02d}.cache", (self.header, stamps, results, blob)) and written
            self.blobs[i] = blob
            self.adopted.pop(i, None)
        if written:
            self.dirty.clear()

    def shard_blobs(self, paths) -> tuple[bytes, ...]:
        """The pickled results of the shards that hold these paths, as saved (call after save())."""
        return tuple(self.blobs[i] for i in sorted({shard_of(p) for p in paths}) if i in self.blobs)

    def _write(self, name: str, value) -> bool:
        """Atomically: a temporary file renamed into place. A cache that cannot be written is only slower."""
        try:
            self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            if not private(self.folder):
                return False
            fd, tmp = tempfile.mkstemp(dir=self.folder, prefix=f".{name}.", suffix=".tmp")
            try:
                with os.fdopen(fd, "wb") as f:
                    seal_into(f, value)
                os.replace(tmp, self.folder / name)
            except BaseException:
                os.unlink(tmp)
                raise
        except OSError:
            return False
        return True
