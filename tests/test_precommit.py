"""The pre-commit hook (.pre-commit-hooks.yaml): a valid manifest, and a hook that fails a commit of a broken ledger.

pre-commit runs a hook as `entry` + `args` in the repository's top folder, with no file names
(`pass_filenames: false`), when a staged file matches `files`. The first tests run the entry exactly so; the
last lets pre-commit itself install and run the hook (`pre-commit try-repo`), which needs the package index
to build the hook's environment: it is skipped where pre-commit is not installed or cannot install it.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys

import pytest
import yaml

from conftest import REPO
from gitrepos import ENV, commit, init
from ledgers import BASE

MANIFEST = REPO / ".pre-commit-hooks.yaml"
BROKEN = BASE["projects/base.yaml"].replace("level: county", "level: County")


def hook() -> dict:
    (only,) = yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))
    return only


def test_the_manifest_says_what_the_issue_asks():
    h = hook()
    assert (h["id"], h["entry"], h["language"], h["pass_filenames"]) == ("xmledger-check", "xmledger check",
                                                                          "python", False)
    matches = re.compile(h["files"]).search
    assert matches("projects/利津街道/a.yaml") and matches("ledger.yaml") and matches("issues/b.yml")
    assert not matches("README.md") and not matches("projects/a.yaml.bak")


def test_pre_commit_validates_the_manifest():
    if shutil.which("pre-commit", path=os.path.dirname(sys.executable)) is None and shutil.which("pre-commit") is None:
        pytest.skip("pre-commit is not installed")
    exe = shutil.which("pre-commit", path=os.path.dirname(sys.executable)) or shutil.which("pre-commit")
    done = subprocess.run([exe, "validate-manifest", str(MANIFEST)], capture_output=True)
    assert done.returncode == 0, done.stdout + done.stderr


def run_hook(repo, *args):
    """The hook as pre-commit runs it: entry and args, split like a shell would, in the repository's top folder."""
    entry = shlex.split(hook()["entry"])
    assert entry[0] == "xmledger"
    xmledger = [sys.executable, "-m", "xmledger", *entry[1:]]  # the entry point of this environment
    return subprocess.run([*xmledger, *args], cwd=repo, capture_output=True, env={**os.environ, **ENV})


def test_the_entry_fails_a_broken_ledger_and_passes_a_fixed_one(tmp_path):
    repo = init(tmp_path / "repo")
    commit(repo, "2019-05-10", "一", "", dict(BASE))
    (repo / "projects" / "base.yaml").write_text(BROKEN, encoding="utf-8")
    failed = run_hook(repo)
    assert failed.returncode == 1
    assert "projects/base.yaml:3:8: error E105 level: " in failed.stdout.decode()  # in the ledger's language
    (repo / "projects" / "base.yaml").write_text(BASE["projects/base.yaml"], encoding="utf-8")
    assert run_hook(repo).returncode == 0


def test_the_entry_with_args_for_a_ledger_in_a_sub_folder(tmp_path):
    repo = init(tmp_path / "repo")
    commit(repo, "2019-05-10", "一", "台账", {**BASE, "projects/base.yaml": BROKEN})
    assert run_hook(repo).returncode == 2  # no ledger.yaml at the top: the office must say where it is
    failed = run_hook(repo, "-L", "台账")
    assert failed.returncode == 1 and "E105" in failed.stdout.decode()


def test_pre_commit_try_repo_runs_the_hook(tmp_path):
    exe = shutil.which("pre-commit", path=os.path.dirname(sys.executable)) or shutil.which("pre-commit")
    if exe is None:
        pytest.skip("pre-commit is not installed")
    repo = init(tmp_path / "ledger")
    commit(repo, "2019-05-10", "一", "", {**BASE, "projects/base.yaml": BROKEN})
    env = {**os.environ, **ENV, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home")}
    env.pop("XMLEDGER_LEDGER", None)

    # one run (installing the hook's environment takes half a minute): the broken ledger fails the commit
    failed = subprocess.run([exe, "try-repo", str(REPO), "xmledger-check", "--all-files"], cwd=repo,
                            capture_output=True, env=env, timeout=600)
    out = failed.stdout.decode("utf-8", "replace")
    if "An error has occurred" in out and "Installing environment" in out:
        pytest.skip(f"pre-commit could not install the hook's environment here: {out.splitlines()[-1]}")
    assert failed.returncode == 1, out
    assert re.search(r"xmledger check\.+Failed", out) and "projects/base.yaml:3:8: error E105 level: " in out
