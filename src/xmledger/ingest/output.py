"""Writing a new ledger folder, all or nothing, and only once it passes `check`.

The files are written into a hidden folder beside the destination, read back
and checked by the same loader every command uses; only a ledger without
errors is moved into place (a rename, so no half-written ledger is ever seen
under the destination's name). An existing destination is never touched.
"""

from __future__ import annotations

import datetime
import os
import shutil
import tempfile
from pathlib import Path
from typing import NamedTuple

from ..core.findings import Finding


class Written(NamedTuple):
    ok: bool
    findings: list[Finding]  # what check found in the new ledger (errors: nothing was written)


def exists(dest: Path) -> bool:
    """An existing file, or a folder that holds anything, is never overwritten."""
    if dest.is_dir():
        return any(dest.iterdir())
    return dest.exists() or dest.is_symlink()


def write_folder(files: dict[str, str], dest: Path, today: datetime.date) -> Written:
    from ..loading.loader import load
    from ..sources.folder import FolderSource

    dest = dest.absolute()
    dest.parent.mkdir(parents=True, exist_ok=True)
    temp = Path(tempfile.mkdtemp(prefix=f".{dest.name}.", dir=dest.parent))
    try:
        for rel, content in files.items():
            path = temp / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content.encode("utf-8"))
        result = load(FolderSource(temp), today, use_cache=False, place_warnings=False)
        if result.has_errors:
            return Written(False, result.findings)
        if dest.is_dir() and not any(dest.iterdir()):
            dest.rmdir()
        os.rename(temp, dest)
        return Written(True, result.findings)
    finally:
        if temp.exists():
            shutil.rmtree(temp, ignore_errors=True)


def write_files(root: Path, files: dict[str, str]) -> list[str]:
    """Write (or replace) files inside an existing ledger, each atomically; returns the paths written."""
    written = []
    for rel, content in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(content.encode("utf-8"))
            os.replace(tmp, path)
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
        written.append(rel)
    return written


def write_bytes(path: Path, data: bytes) -> None:
    """Write a file atomically (a temporary file beside it, renamed into place)."""
    path = path.absolute()
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def safe_name(name: str) -> str:
    """A category or unit as a file or folder name: characters no file system takes replaced, at most 60."""
    import re

    cleaned = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', "_", name).strip(" .") or "_"
    return cleaned[:60]
