"""A fuzz case: the entries of a ledger folder (files, folders, links, FIFOs) and the commands run on it.

Paths and link targets are `str` with surrogate escapes (os.fsdecode), so names that are not UTF-8 survive;
contents are bytes. A case is saved as case.json (the truth: it re-creates links, FIFOs and modes) beside a
readable copy of its regular files under ledger/.
"""

from __future__ import annotations

import base64
import json
import os
import shutil
from dataclasses import asdict, dataclass, field
from pathlib import Path


@dataclass
class Entry:
    path: str  # relative, "/"-separated; surrogate escapes for bytes that are not UTF-8
    kind: str = "file"  # file | dir | symlink | fifo
    data: bytes = b""  # a file's bytes; a link's target
    mode: int | None = None  # chmod after everything is created (0o000: unreadable)


@dataclass
class Command:
    """One run of the command line: `python -m xmledger ARGS` in the ledger's work folder.

    In args, {L} stands for the ledger folder and {W} for the work folder (both absolute)."""
    args: list[str]
    env: dict[str, str | None] = field(default_factory=dict)  # None: unset
    stdout: str = "pipe"  # pipe | tty | full (/dev/full) | closed
    columns: int = 100  # terminal width under tty
    cwd: str = "{W}"
    twin: str | None = None  # this run repeats the previous one with a twist, and compares (see oracles)

    def shell(self, ledger: str = "LEDGER", work: str = ".") -> str:
        """A shell line that reproduces this run by hand."""
        import shlex

        if self.args and self.args[0].startswith("@"):
            return f"# then: {self.args[0][1:]} (tests/fuzz/actions.py, seed {self.args[1] if len(self.args) > 1 else '-'})"

        def sub(text: str) -> str:
            return text.replace("{L}", ledger).replace("{W}", work)

        env = " ".join(f"{k}={shlex.quote(sub(v))}" if v is not None else f"-u {k}" for k, v in self.env.items())
        args = " ".join(shlex.quote(sub(a)) for a in self.args)
        cd = f"cd {shlex.quote(sub(self.cwd))} && " if self.cwd != "{W}" else ""
        redirect = {"full": " >/dev/full", "closed": " >&-", "tty": "   # on a terminal of "
                    f"{self.columns} columns", "pipe": " | cat"}[self.stdout]
        prefix = f"env {env} " if env else ""
        return f"{cd}{prefix}python -m xmledger {args}{redirect}"


@dataclass
class Case:
    id: str
    origin: str  # how the ledger was made: a seed ledger and its mutations, or "structure"
    entries: list[Entry]
    commands: list[Command] = field(default_factory=list)
    mutations: list[str] = field(default_factory=list)
    committed: list[Entry] | None = None  # when set, the ledger is a git repository with these files committed

    def file(self, path: str) -> Entry | None:
        return next((e for e in self.entries if e.path == path and e.kind == "file"), None)

    def files(self) -> list[Entry]:
        return [e for e in self.entries if e.kind == "file"]

    def has_modes(self) -> bool:
        return any(e.mode is not None for e in self.entries)


# ---------------------------------------------------------------- on disk

def materialize(case: Case, root: Path, modes: bool = True) -> None:
    """Create the ledger at `root` (which must not exist); with `modes`, apply the entries' modes too."""
    root.mkdir(parents=True)
    inside = os.path.realpath(root) + os.sep
    for e in case.entries:
        full = os.path.join(root, *e.path.split("/"))
        parent = os.path.dirname(full)
        if os.path.lexists(full) and e.kind != "dir":
            continue  # two entries at one path (a mutation made a clash): the first wins
        try:
            if not (os.path.realpath(parent) + os.sep).startswith(inside):
                continue  # never write through a link to outside the ledger
            os.makedirs(parent, exist_ok=True)
            if e.kind == "file":
                with open(full, "wb") as f:
                    f.write(e.data)
            elif e.kind == "dir":
                os.makedirs(full, exist_ok=True)
            elif e.kind == "symlink":
                os.symlink(os.fsdecode(e.data), full)
            elif e.kind == "fifo":
                os.mkfifo(full)
        except OSError:
            continue  # a path the file system refuses (a name too long, a file where a folder must be)
    if modes:
        apply_modes(case, root)


GIT_ENV = {"GIT_AUTHOR_NAME": "fuzz", "GIT_AUTHOR_EMAIL": "fuzz@example.invalid", "GIT_COMMITTER_NAME": "fuzz",
           "GIT_COMMITTER_EMAIL": "fuzz@example.invalid", "GIT_AUTHOR_DATE": "2019-05-31T12:00:00+0800",
           "GIT_COMMITTER_DATE": "2019-05-31T12:00:00+0800", "GIT_CONFIG_NOSYSTEM": "1", "HOME": "/nonexistent"}


def materialize_git(case: Case, root: Path) -> None:
    """The committed files as HEAD of a git repository at `root`, then the case's own files as its working tree."""
    import subprocess

    staging = root.with_name(root.name + "-committed")
    materialize(Case(case.id, case.origin, case.committed or []), staging, modes=False)
    env = {**os.environ, **GIT_ENV}
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-q", "--allow-empty", "-m", "the ledger before"]):
        subprocess.run(["git", *args], cwd=staging, env=env, check=True, capture_output=True)
    materialize(case, root, modes=False)
    os.rename(staging / ".git", root / ".git")
    remove(staging)
    apply_modes(case, root)


def apply_modes(case: Case, root: Path) -> None:
    for e in sorted((e for e in case.entries if e.mode is not None), key=lambda e: -e.path.count("/")):
        full = os.path.join(root, *e.path.split("/"))
        if os.path.lexists(full) and not os.path.islink(full):
            os.chmod(full, e.mode)


def remove(root: Path) -> None:
    """Remove a work folder, whatever modes its entries were given."""
    if not os.path.lexists(root):
        return
    for folder, dirs, _ in os.walk(root):
        for name in dirs:
            full = os.path.join(folder, name)
            if not os.path.islink(full):
                try:
                    os.chmod(full, 0o700)
                except OSError:
                    pass
    try:
        os.chmod(root, 0o700)
    except OSError:
        pass
    # walk again: folders made readable above may hold folders that were not reachable before
    for folder, dirs, _ in os.walk(root):
        for name in dirs:
            full = os.path.join(folder, name)
            if not os.path.islink(full):
                try:
                    os.chmod(full, 0o700)
                except OSError:
                    pass
    shutil.rmtree(root, ignore_errors=True)


# ---------------------------------------------------------------- case.json

def _bytes_out(data: bytes) -> dict:
    try:
        return {"text": data.decode("utf-8")}
    except UnicodeDecodeError:
        return {"b64": base64.b64encode(data).decode("ascii")}


def _bytes_in(d: dict) -> bytes:
    return d["text"].encode("utf-8") if "text" in d else base64.b64decode(d["b64"])


def _entries_out(entries: list[Entry]) -> list[dict]:
    return [{"path": e.path, "kind": e.kind, **_bytes_out(e.data), **({"mode": oct(e.mode)} if e.mode is not None else {})}
            for e in entries]


def _entries_in(docs: list[dict]) -> list[Entry]:
    return [Entry(d["path"], d["kind"], _bytes_in(d), int(d["mode"], 8) if "mode" in d else None) for d in docs]


def case_to_json(case: Case, extra: dict | None = None) -> str:
    doc = {
        "id": case.id,
        "origin": case.origin,
        "mutations": case.mutations,
        "entries": _entries_out(case.entries),
        **({"committed": _entries_out(case.committed)} if case.committed is not None else {}),
        "commands": [asdict(c) for c in case.commands],
        **(extra or {}),
    }
    # lone surrogates (names that are not UTF-8) are kept as \udcXX escapes: ensure_ascii keeps the file ASCII-safe
    return json.dumps(doc, ensure_ascii=True, indent=1) + "\n"


def case_from_json(text: str) -> tuple[Case, dict]:
    doc = json.loads(text)
    commands = [Command(**c) for c in doc["commands"]]
    case = Case(doc["id"], doc["origin"], _entries_in(doc["entries"]), commands, doc.get("mutations", []),
                _entries_in(doc["committed"]) if "committed" in doc else None)
    extra = {k: v for k, v in doc.items()
             if k not in ("id", "origin", "mutations", "entries", "commands", "committed")}
    return case, extra


def save(case: Case, folder: Path, extra: dict | None = None, outputs: dict[str, bytes] | None = None) -> None:
    """Write case.json, a readable copy of the regular files under ledger/, and the outputs given."""
    if folder.exists():
        remove(folder)
    folder.mkdir(parents=True)
    (folder / "case.json").write_text(case_to_json(case, extra), encoding="utf-8")
    copy = folder / "ledger"
    for e in case.entries:
        if e.kind != "file":
            continue
        shown = e.path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
        target = copy.joinpath(*[p if p not in ("", ".", "..") else f"_{p}_" for p in shown.split("/")])
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            if not target.exists():
                target.write_bytes(e.data)
        except OSError:
            pass  # a clash (a file where a folder is): case.json still has it
    for name, data in (outputs or {}).items():
        (folder / name).write_bytes(data)


def load(folder: Path) -> tuple[Case, dict]:
    return case_from_json((folder / "case.json").read_text(encoding="utf-8"))
