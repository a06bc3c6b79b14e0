"""A ledger as committed at a git revision, read from git's objects: no checkout, nothing written.

`GitSource(folder, rev)` finds the repository of a ledger folder of the working
tree (the folder need not exist there any more), resolves REV to a commit, lists
the ledger's files with one `git ls-tree -r -z` (NUL-separated: paths are never
quoted, so Chinese names come through as they are) and gives their bytes from one
long-running `git cat-file --batch` process, which `close()` ends (a `with`
block, or the loader's caller; a finalizer ends it otherwise).

A file's content key is its blob id, known without reading it: the parse cache,
shared with the working tree (`identity` is the working tree's folder), answers a
file unchanged since it was last checked without reading a byte, so a revision
read once is warm afterwards and a file unchanged between revisions is parsed
once in all. Findings name `REV:path:line:col`.

What git holds but a revision cannot give as a ledger file — a symbolic link or a
submodule in a record folder — is an E012 finding. What makes the revision
unreadable as a whole — git missing, not a repository, an unknown revision, the
ledger folder absent at it, an object missing from a shallow or partial clone —
is a SourceError: one line, wrong usage (exit 2).
"""

from __future__ import annotations

import datetime
import os
import subprocess
import weakref
from pathlib import Path

from ..core.findings import Finding
from .base import LEDGER_FILE, RECORD_FOLDERS, SUFFIXES, FileRef, LedgerSource, Scan, SourceError
from .folder import shown_name, stray_folder, unreadable

#: variables that tie git to one repository (`git rev-parse --local-env-vars`): a hook sets GIT_DIR and
#: GIT_INDEX_FILE for its own repository, which must not leak into the ledger's
LOCAL_ENV = ("GIT_ALTERNATE_OBJECT_DIRECTORIES", "GIT_CONFIG", "GIT_CONFIG_PARAMETERS", "GIT_CONFIG_COUNT",
             "GIT_OBJECT_DIRECTORY", "GIT_DIR", "GIT_WORK_TREE", "GIT_IMPLICIT_WORK_TREE", "GIT_GRAFT_FILE",
             "GIT_INDEX_FILE", "GIT_NO_REPLACE_OBJECTS", "GIT_REPLACE_REF_BASE", "GIT_PREFIX",
             "GIT_INTERNAL_SUPER_PREFIX", "GIT_SHALLOW_FILE", "GIT_COMMON_DIR")
WINDOW = 256  # cat-file requests written ahead of the answers read (41 bytes each: well inside a pipe's buffer)
REGULAR_MODES, SYMLINK, SUBMODULE = ("100644", "100755"), "120000", "160000"
OPTION = "--rev"


def git_env() -> dict[str, str]:
    """The environment for git: no repository forced on it, no prompt, no lazy fetch, no optional locks."""
    env = {k: v for k, v in os.environ.items() if k not in LOCAL_ENV and not k.startswith("GIT_CONFIG_KEY_")
           and not k.startswith("GIT_CONFIG_VALUE_")}
    env.update(GIT_TERMINAL_PROMPT="0", GIT_NO_LAZY_FETCH="1", GIT_OPTIONAL_LOCKS="0", LC_ALL="C", LANGUAGE="")
    return env


def first_line(data: bytes) -> str:
    text = data.decode("utf-8", "replace").strip()
    return text.splitlines()[-1].removeprefix("fatal: ").strip() if text else ""


class GitSource(LedgerSource):
    """The ledger folder `folder` (a path in the working tree) as committed at `rev`."""

    fork_safe = False  # one pipe to one git process: worker processes get the bytes, never the pipe
    stamps = False  # content keys are blob ids, known from the listing

    def __init__(self, folder: Path | str, rev: str, git: str = "git"):
        if not rev or not rev.strip():
            raise SourceError("--rev needs a revision (a commit, a branch, a tag, HEAD~1 ...)", OPTION)
        if rev.startswith("-") or any(ch < " " for ch in rev):
            raise SourceError(f"{rev!r} is not a revision: revisions do not start with '-' or hold control "
                              "characters", OPTION)
        self.rev = rev
        self.label = f"{rev}:"
        self.git = git
        self._proc: subprocess.Popen | None = None
        self._finalizer = None
        folder = Path(os.path.abspath(folder))
        self.identity = str(folder.resolve())  # the working tree's folder: its parse cache is shared
        existing, missing = folder, []
        while not existing.is_dir() and existing.parent != existing:
            missing.insert(0, existing.name)
            existing = existing.parent
        where = self._git(["rev-parse", "--show-toplevel", "--show-prefix", "--is-shallow-repository"], existing,
                          lambda err: f"{shown_name(str(folder))} is not in a git repository: --rev reads a ledger "
                                      "kept in git" if "not a git repository" in err else
                                      f"git cannot read the repository of {shown_name(str(folder))}: {err}")
        lines = where.split(b"\n")
        self.top = Path(os.fsdecode(lines[0]))
        prefix = os.fsdecode(lines[1]).strip("/")
        self.shallow = lines[2].strip() == b"true"
        self.prefix = "/".join(p for p in [prefix, *missing] if p)  # the ledger folder, from the top
        self.commit = self._git(["rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}"], self.top,
                                lambda err: self._unknown()).decode().strip()
        info = self._git(["log", "-1", "--format=%h%x00%cI", self.commit, "--"], self.top,
                         lambda err: f"cannot read commit {self.commit[:12]} ({err})")
        short, _, date = info.decode().strip().partition("\0")
        self.short, self.date = short, date[:10]  # the committer's date, in the committer's time zone
        self.committed = datetime.date.fromisoformat(self.date)

    def __repr__(self) -> str:
        return f"GitSource({str(self.top)!r}, {self.rev!r}, prefix={self.prefix!r})"

    def _unknown(self) -> str:
        if self.shallow:
            return (f"unknown revision {self.rev!r} (this repository is a shallow clone, which lacks older "
                    "commits: `git fetch --unshallow` fetches them)")
        return f"unknown revision {self.rev!r}: not a commit, branch or tag of this repository"

    def _git(self, args: list[str], cwd: Path, failed) -> bytes:
        """Run one git command in `cwd`: its output, or a SourceError worded by failed(git's message)."""
        try:
            done = subprocess.run([self.git, "--literal-pathspecs", *args], cwd=cwd, env=git_env(),
                                  stdin=subprocess.DEVNULL, capture_output=True)
        except FileNotFoundError:
            raise SourceError("git is not installed (or not on PATH): --rev reads the ledger with git", OPTION) \
                from None
        except OSError as e:
            raise SourceError(f"cannot run git: {e.strerror}", OPTION) from None
        if done.returncode != 0:
            raise SourceError(failed(first_line(done.stderr) or f"git exited {done.returncode}"), OPTION)
        return done.stdout

    def describe(self) -> str:
        """"HEAD~1 (3f2a1bc, 2026-11-16)": the revision as asked, its commit and the commit's date."""
        if self.commit.startswith(self.rev.lower()):  # asked by its id: the short id says it
            return f"{self.short} ({self.date})"
        return f"{self.rev} ({self.short}, {self.date})"

    # -- listing

    def scan(self) -> Scan:
        base = self.prefix + "/" if self.prefix else ""
        listing = self._git(["ls-tree", "-r", "-z", "--full-tree", self.commit, "--", *([base] if base else [])],
                            self.top, lambda err: f"cannot list {self.rev} ({err})")
        findings: list[Finding] = []
        files: list[FileRef] = []
        settings: FileRef | None = None
        stray: dict[str, int] = {}
        listed = 0
        # one decode for the whole listing: names that are not UTF-8 keep their bytes as surrogate escapes
        for entry in listing.decode("utf-8", "surrogateescape").split("\0"):
            meta, _, path = entry.partition("\t")
            if not path.startswith(base) or not path:
                continue
            listed += 1
            rel = path[len(base):]
            if "/." in "/" + rel:  # a name starting with "." anywhere: not read, as in the working tree
                continue
            mode, _, oid = meta.split(" ")
            top, slash, _ = rel.partition("/")
            if top in RECORD_FOLDERS:
                if slash and mode in REGULAR_MODES and rel.endswith(SUFFIXES):  # the common case, at once
                    files.append(FileRef(top, rel, oid))
                else:
                    self._record(rel.split("/"), rel, mode, findings)
            elif rel == LEDGER_FILE:
                settings = self._settings(mode, oid, findings)
            elif top == LEDGER_FILE:  # a folder named ledger.yaml
                if settings is None:
                    settings = FileRef("settings", LEDGER_FILE, None)
                    findings.append(unreadable(LEDGER_FILE, "not_regular"))
            elif slash and rel.endswith(SUFFIXES) and mode in REGULAR_MODES:
                stray[top] = stray.get(top, 0) + 1
        if base and not listed:
            raise SourceError(f"the ledger folder {shown_name(self.prefix)}/ does not exist at {self.rev} "
                              f"({self.short}, {self.date})", OPTION)
        findings += [stray_folder(shown_name(name), count) for name, count in sorted(stray.items())]
        files.sort(key=lambda ref: ref.path.split("/"))
        return Scan(settings, files, findings)

    @staticmethod
    def _settings(mode: str, oid: str, findings: list[Finding]) -> FileRef:
        if mode in REGULAR_MODES:
            return FileRef("settings", LEDGER_FILE, oid)
        findings.append(unreadable(LEDGER_FILE, "git_symlink" if mode == SYMLINK else "git_submodule"))
        return FileRef("settings", LEDGER_FILE, None)

    @staticmethod
    def _record(parts: list[str], rel: str, mode: str, findings: list[Finding]) -> None:
        """What git holds in a record folder but cannot give as a record file: a finding, or nothing to read."""
        if mode == SUBMODULE:
            findings.append(unreadable(shown_name(rel) + "/", "git_submodule"))
        elif mode == SYMLINK:
            name = parts[-1]
            # a link to a YAML file, or to a folder (a name without a suffix) would be read in the working tree
            if len(parts) == 1 or name.endswith(SUFFIXES) or "." not in name:
                findings.append(unreadable(shown_name(rel), "git_symlink"))

    # -- reading

    def read(self, ref: FileRef) -> bytes | None:
        return self.read_many([ref])[0]

    def read_many(self, refs: list[FileRef]) -> list[bytes | None]:
        """The bytes of many files, WINDOW requests ahead of the answers (a round trip each costs 10x more)."""
        out: list[bytes | None] = [None] * len(refs)
        asked = [(i, ref) for i, ref in enumerate(refs) if ref.key]
        if not asked:
            return out
        proc = self._process()
        try:
            for start in range(0, len(asked), WINDOW):
                window = asked[start:start + WINDOW]
                proc.stdin.write(b"".join(ref.key.encode() + b"\n" for _, ref in window))
                proc.stdin.flush()
                for i, ref in window:
                    out[i] = self._answer(proc, ref)
        except (BrokenPipeError, ValueError, OSError):
            self.close()
            raise SourceError(f"git cat-file stopped while reading {self.rev}", OPTION) from None
        return out

    def _answer(self, proc: subprocess.Popen, ref: FileRef) -> bytes:
        header = proc.stdout.readline()
        fields = header.split()
        if len(fields) == 2 and fields[1] == b"missing":
            self.close()
            raise SourceError(f"{self.label}{shown_name(ref.path)}: object {ref.key[:12]} is missing from the "
                              "repository (a shallow or partial clone? `git fetch --unshallow` fetches it)", OPTION)
        if len(fields) != 3 or fields[1] != b"blob":
            self.close()
            raise SourceError(f"git cat-file gave {first_line(header) or 'nothing'} for "
                              f"{self.label}{shown_name(ref.path)}", OPTION)
        size = int(fields[2])
        data = proc.stdout.read(size + 1)
        if len(data) != size + 1:
            raise BrokenPipeError
        return data[:size]

    def _process(self) -> subprocess.Popen:
        if self._proc is None:
            try:
                self._proc = subprocess.Popen([self.git, "cat-file", "--batch"], cwd=self.top, env=git_env(),
                                              stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                              stderr=subprocess.DEVNULL)
            except OSError as e:
                raise SourceError(f"cannot run git cat-file: {e.strerror}", OPTION) from None
            self._finalizer = weakref.finalize(self, stop, self._proc)
        return self._proc

    def close(self) -> None:
        """End the cat-file process (reading again starts a new one)."""
        if self._finalizer is not None:
            self._finalizer()
        self._proc = self._finalizer = None


def stop(proc: subprocess.Popen) -> None:
    """End a cat-file process: end of input makes it exit; one that does not is killed."""
    for stream in (proc.stdin, proc.stdout):
        try:
            stream.close()
        except OSError:
            pass
    try:
        proc.wait(timeout=5)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
