"""Things done to a case's files between two runs (a command whose first argument starts with "@").

They attack what one run leaves for the next, the parse cache above all: a cache entry that is corrupted,
swapped or planted must be ignored (the next run agrees with --no-cache: its twin checks that), a cache
folder others can write must never be read (a planted pickle would run code: it would create the file
PWNED in the work folder, which engine.find_failures looks for), and a record edited so that its size and
modification time stay the same must not be served from the cache.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import random
from pathlib import Path

ACTIONS = ["flip", "truncate", "swap", "garbage", "open-folder", "plant", "folder-is-file", "folder-link",
           "edit-same-stat"]
MARKER = "PWNED"


class _Plant:
    """Unpickled, it creates the marker file: proof that a planted cache file was loaded."""

    def __init__(self, path: str):
        self.path = path

    def __reduce__(self):
        return (open, (self.path, "w"))


def cache_files(work: Path) -> list[Path]:
    root = work / "cache"
    return sorted(p for p in root.rglob("*") if p.is_file() and not p.is_symlink())


def ledger_folders(work: Path) -> list[Path]:
    root = work / "cache"
    return sorted(p for p in root.iterdir() if p.is_dir() and not p.is_symlink()) if root.is_dir() else []


def act(action: str, seed: int, ledger: Path, work: Path) -> str:
    """Do `action`; a line saying what was done (or why nothing was)."""
    rng = random.Random(seed)
    files = cache_files(work)
    folders = ledger_folders(work)
    if action == "edit-same-stat":
        return _edit_same_stat(rng, ledger)
    if action in ("flip", "truncate", "garbage", "swap") and not files:
        return "no cache file"
    if action == "flip":
        f = rng.choice(files)
        data = bytearray(f.read_bytes())
        if data:
            for _ in range(rng.choice([1, 1, 4])):
                k = rng.randrange(len(data))
                data[k] ^= 1 << rng.randrange(8)
            f.write_bytes(bytes(data))
        return f"flipped bytes of {f.name}"
    if action == "truncate":
        f = rng.choice(files)
        data = f.read_bytes()
        f.write_bytes(data[:rng.randrange(len(data) + 1)])
        return f"truncated {f.name}"
    if action == "garbage":
        f = rng.choice(files)
        f.write_bytes(rng.choice([b"", b"\x80\x04N.", os.urandom(64), pickle.dumps(("x", {}, {}))]))
        return f"garbage in {f.name}"
    if action == "swap":
        if len(files) < 2:
            return "one cache file only"
        a, b = rng.sample(files, 2)
        da, db = a.read_bytes(), b.read_bytes()
        a.write_bytes(db)
        b.write_bytes(da)
        return f"swapped {a.name} and {b.name}"
    if not folders:
        return "no cache folder"
    folder = rng.choice(folders)
    if action == "open-folder":
        os.chmod(folder, 0o777)
        return f"cache folder {folder.name} writable by all"
    if action == "plant":
        os.chmod(folder, 0o777)
        blob = pickle.dumps(_Plant(str(work / MARKER)), protocol=2)
        magic = b"xmledger-cache\n"  # today's seal: magic, blake2b-16 of the pickle, the pickle; and a bare pickle
        sealed = magic + hashlib.blake2b(blob, digest_size=16).digest() + blob
        targets = [p for p in folder.iterdir() if p.is_file()] or [folder / "00.cache", folder / "settings.cache"]
        for p in targets:
            p.write_bytes(sealed if rng.random() < 0.8 else blob)
        return f"planted a pickle in {len(targets)} files of {folder.name} (now writable by all)"
    if action == "folder-is-file":
        for p in folder.iterdir():
            p.unlink()
        folder.rmdir()
        folder.write_bytes(b"not a folder")
        return f"cache folder {folder.name} replaced by a file"
    if action == "folder-link":
        for p in folder.iterdir():
            p.unlink()
        folder.rmdir()
        folder.symlink_to(rng.choice([folder.name, "/dev/null", "nowhere", str(ledger)]))
        return f"cache folder {folder.name} replaced by a link"
    return f"unknown action {action}"


def _edit_same_stat(rng: random.Random, ledger: Path) -> str:
    """Change one byte of a record file to another digit, keeping its size and modification time."""
    files = sorted(p for p in ledger.rglob("*.y*ml") if p.is_file() and not p.is_symlink())
    rng.shuffle(files)
    for f in files:
        try:
            data = bytearray(f.read_bytes())
            st = f.stat()
        except OSError:
            continue
        digits = [k for k, c in enumerate(data) if 0x31 <= c <= 0x38]
        if not digits:
            continue
        k = rng.choice(digits)
        data[k] += 1
        f.write_bytes(bytes(data))
        os.utime(f, ns=(st.st_atime_ns, st.st_mtime_ns))
        return f"edited {f.relative_to(ledger)} at byte {k}, same size and mtime"
    return "no digit to edit"
