"""Real git repositories for tests: init, commit (with fixed dates), tag, branch, and a checkout by `git archive`."""

from __future__ import annotations

import io
import os
import subprocess
import tarfile
from pathlib import Path

from ledgers import write_ledger

#: a git that sees no user or system configuration, and a fixed author
ENV = {"GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": os.devnull, "GIT_AUTHOR_NAME": "台账员",
       "GIT_AUTHOR_EMAIL": "office@example.cn", "GIT_COMMITTER_NAME": "台账员",
       "GIT_COMMITTER_EMAIL": "office@example.cn"}


def git(repo: Path, *args: str, date: str | None = None) -> str:
    env = {**os.environ, **ENV}
    if date:
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = f"{date}T10:00:00+08:00"
    done = subprocess.run(["git", *args], cwd=repo, env=env, capture_output=True)
    assert done.returncode == 0, done.stderr.decode()
    return done.stdout.decode("utf-8")


def init(repo: Path) -> Path:
    repo.mkdir(parents=True, exist_ok=True)
    git(repo, "init", "-q", "-b", "main")
    return repo


def commit(repo: Path, date: str, message: str, folder: str = "", files: dict | None = None,
           base: bool = False) -> str:
    """Write `files` (None deletes one) into repo/folder, commit everything on `date`: the new commit's id."""
    root = repo / folder if folder else repo
    write_ledger(root, {k: v for k, v in (files or {}).items() if v is not None}, base=base)
    for rel, content in (files or {}).items():
        if content is None and (root / rel).exists():
            (root / rel).unlink()
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "--allow-empty", "-m", message, date=date)
    return git(repo, "rev-parse", "HEAD").strip()


def checkout(repo: Path, rev: str, out: Path) -> Path:
    """The tree of `rev` written to `out` (what a checkout would give), without touching `repo`."""
    data = subprocess.run(["git", "archive", "--format=tar", rev], cwd=repo, capture_output=True, check=True,
                          env={**os.environ, **ENV}).stdout
    out.mkdir(parents=True)
    with tarfile.open(fileobj=io.BytesIO(data)) as tar:
        try:
            tar.extractall(out, filter="data")
        except TypeError:  # Python before 3.11.4: no filters (our own archive, from our own test)
            tar.extractall(out)
    return out


def snapshot(repo: Path) -> tuple:
    """What reading must never change: the working tree's status, the index's bytes, every ref."""
    env = {**os.environ, **ENV, "GIT_OPTIONAL_LOCKS": "0"}  # `git status` itself must not refresh the index
    status = subprocess.run(["git", "status", "--porcelain", "--ignored", "-z"], cwd=repo, env=env,
                            capture_output=True, check=True).stdout
    refs = subprocess.run(["git", "for-each-ref"], cwd=repo, env=env, capture_output=True, check=True).stdout
    index = repo / ".git" / "index"
    return status, index.read_bytes() if index.exists() else None, refs, sorted(
        str(p.relative_to(repo / ".git")) for p in (repo / ".git").rglob("*"))
