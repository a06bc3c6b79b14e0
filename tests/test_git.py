"""--rev: the ledger as committed at a git revision, read from git's objects (sources/git.py).

Every test builds a real repository with `git` in a temporary folder: commits with fixed dates, tags,
branches, a ledger at the top or in a Chinese sub-folder, and the broken cases (not a repository, an unknown
revision, a folder absent at a revision, a shallow clone, a missing object, links and submodules, no git).
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from conftest import run_process
from gitrepos import ENV, checkout, commit, git, init, snapshot
from ledgers import BASE
from xmledger import api
from xmledger.sources.base import FileRef
from xmledger.sources.git import GitSource

AS_OF = ("--as-of", "2019-05-31")

P2 = """\
id: P-2
name: 城区供水管网改造工程
level: county
category: 城建及基础设施
total_investment: 5000
start: {planned: 2019-05-01}
completion: {planned: 2019-12-31}
plans:
  2019:
    annual: 2000
    monthly: {5: 500, 6: 500, 7: 500, 8: 500}
"""
CARD2 = BASE["responsibilities/base.yaml"].replace("projects: [P-1]", "projects: [P-1, P-2]")


def history(repo: Path, folder: str = "") -> dict[str, str]:
    """Two commits of a small ledger, a tag on the first, and an uncommitted edit: {name: commit id}."""
    init(repo)
    first = commit(repo, "2019-05-10", "四月进度", folder, {
        **BASE, "projects/城建/供水.yaml": P2, "responsibilities/base.yaml": CARD2,
        "progress/2019-04.yaml": "- {project: P-1, month: 2019-04, invested: 900, note: 主体施工}\n"})
    git(repo, "tag", "v1")
    second = commit(repo, "2019-05-24", "五月进度，P-2 开工", folder, {
        "projects/城建/供水.yaml": P2.replace("{planned: 2019-05-01}", "{planned: 2019-05-01, actual: 2019-05-20}"),
        "progress/2019-05.yaml": "- {project: P-1, month: 2019-05, invested: 1100}\n"
                                 "- {project: P-2, month: 2019-05, invested: 450}\n",
        "issues/base.yaml": BASE["issues/base.yaml"] + "resolved: 2019-04-05\n",
        "issues/2019-05.yaml": "- {id: Q-2, project: P-2, category: funding, title: 配套资金未到位, raised: 2019-05-22}\n"})
    root = repo / folder if folder else repo
    (root / "projects/base.yaml").write_text(BASE["projects/base.yaml"].replace("7000", "7500"), encoding="utf-8")
    return {"first": first, "second": second}


def without_revision(text: str, described: str) -> str:
    """A report read at a revision, less what names the revision (the heading's suffix, the circular's footer)."""
    for mark in (f" · 版本：{described}", f"\n（本通报依据台账版本 {described} 生成）\n"):
        text = text.replace(mark, "")
    return text


@pytest.fixture(scope="module")
def repo(tmp_path_factory):
    path = tmp_path_factory.mktemp("repo") / "台账"
    return path, history(path)


REPORTS = [["status"], ["status", "--by", "unit"], ["starts"], ["completion"], ["progress"], ["show", "P-2"],
           ["issues"], ["leaders"], ["rank"], ["summary"]]


@pytest.mark.parametrize("rev", ["v1", "HEAD~1", "HEAD", "main"])
def test_a_report_at_a_revision_is_the_report_of_its_checkout(repo, rev, cli, tmp_path):
    path, commits = repo
    tree = checkout(path, rev, tmp_path / "checkout")
    sha = git(path, "rev-parse", rev).strip()
    described = f"{rev} ({sha[:7]}, {'2019-05-10' if sha == commits['first'] else '2019-05-24'})"
    for args in REPORTS:
        for fmt in (["plain", "csv"] if args[0] != "summary" else ["plain", "markdown"]):
            at_rev = cli(*args, "-L", path, *AS_OF, "--format", fmt, "--rev", rev)
            of_checkout = cli(*args, "-L", tree, *AS_OF, "--format", fmt)
            assert at_rev.exit_code == of_checkout.exit_code == 0, at_rev.stdout + at_rev.stderr
            if fmt == "csv":  # no heading: byte for byte
                assert at_rev.stdout_bytes == of_checkout.stdout_bytes, args
            else:  # the heading (or the circular's last line) names the revision; nothing else differs
                assert described in at_rev.stdout
                assert without_revision(at_rev.stdout, described) == of_checkout.stdout, args
    # and it is not simply the working tree, which holds an uncommitted edit
    assert cli("status", "-L", path, *AS_OF, "--format", "csv").stdout != at_rev.stdout


def test_json_names_the_revision_and_its_commit_date(repo, cli):
    path, commits = repo
    doc = json.loads(cli("status", "-L", path, *AS_OF, "--format", "json", "--rev", "v1").stdout)
    assert doc["revision"] == f"v1 ({commits['first'][:7]}, 2019-05-10)"
    assert doc["started"] == 1 and doc["projects"] == 2  # P-2 started only in the second commit
    by_sha = json.loads(cli("status", "-L", path, *AS_OF, "--format", "json", "--rev", commits["second"][:10]).stdout)
    assert by_sha["revision"] == f"{commits['second'][:7]} (2019-05-24)" and by_sha["started"] == 2
    assert "revision" not in json.loads(cli("status", "-L", path, *AS_OF, "--format", "json").stdout)


def test_the_circular_at_a_revision_says_which_one_in_both_languages(repo, cli):
    path, commits = repo
    zh = cli("summary", "-L", path, *AS_OF, "--rev", "HEAD").stdout
    en = cli("summary", "-L", path, *AS_OF, "--rev", "HEAD", "--lang", "en").stdout
    described = f"HEAD ({commits['second'][:7]}, 2019-05-24)"
    assert zh.rstrip().endswith(f"（本通报依据台账版本 {described} 生成）")
    assert en.rstrip().endswith(f"(Made from revision {described} of the ledger.)")
    assert "版本" not in cli("summary", "-L", path, *AS_OF).stdout


# ------------------------------------------------------------------ check at a revision

BROKEN = BASE["projects/base.yaml"].replace("level: county", "level: County")


def test_check_at_a_revision_names_rev_path_line_col_chinese_names_included(tmp_path, cli):
    repo = init(tmp_path / "repo")
    commit(repo, "2019-05-10", "坏文件", "", {**BASE, "projects/利津街道/绿竹韵.yaml": BROKEN.replace("P-1", "P-9"),
                                           "projects/base.yaml": BROKEN})
    commit(repo, "2019-05-11", "修正", "", {"projects/利津街道/绿竹韵.yaml": None, "projects/base.yaml": BASE["projects/base.yaml"]})
    assert cli("check", "-L", repo).exit_code == 0  # the working tree is fine ...
    at_rev = cli("check", "-L", repo, "--rev", "HEAD~1", "--lang", "en")  # ... the revision before it is not
    assert at_rev.exit_code == 1
    heads = [line for line in at_rev.stdout.splitlines() if " error " in line]
    assert heads == ["HEAD~1:projects/base.yaml:3:8: error E105 level: 'County' is not allowed here; expected "
                     "'province', 'city' or 'county'",
                     "HEAD~1:projects/利津街道/绿竹韵.yaml:3:8: error E105 level: 'County' is not allowed here; "
                     "expected 'province', 'city' or 'county'"]
    tree = checkout(repo, "HEAD~1", tmp_path / "checkout")
    of_checkout = cli("check", "-L", tree, "--lang", "en")
    assert at_rev.stdout == "\n".join(f"HEAD~1:{line}" if " error " in line else line
                                      for line in of_checkout.stdout.split("\n"))
    as_json = json.loads(cli("check", "-L", repo, "--rev", "HEAD~1", "--format", "json").stdout)
    assert [f["file"] for f in as_json] == ["HEAD~1:projects/base.yaml", "HEAD~1:projects/利津街道/绿竹韵.yaml"]
    refused = cli("status", "-L", repo, "--rev", "HEAD~1", *AS_OF)  # a report refuses it, pointing at check --rev
    assert refused.exit_code == 1 and f"xmledger check -L {repo} --rev 'HEAD~1'" in refused.stderr


# ------------------------------------------------------------------ where the ledger is

def test_a_ledger_in_a_chinese_sub_folder_with_or_without_l(tmp_path, cli, monkeypatch):
    repo = tmp_path / "repo"
    commits = history(repo, "台账/利津县")
    folder = repo / "台账" / "利津县"
    expected = cli("status", "-L", checkout(repo, "HEAD", tmp_path / "co") / "台账" / "利津县", *AS_OF,
                   "--format", "csv").stdout
    assert cli("status", "-L", folder, *AS_OF, "--format", "csv", "--rev", "HEAD").stdout == expected
    monkeypatch.chdir(folder / "projects" / "城建")  # found upwards, as without --rev
    assert cli("status", *AS_OF, "--format", "csv", "--rev", "HEAD").stdout == expected
    # a ledger folder that is gone from the working tree is still read at a revision that has it
    monkeypatch.chdir(repo)
    git(repo, "mv", "台账/利津县", "台账/利津")
    git(repo, "commit", "-q", "-m", "改名", date="2019-05-30")
    result = cli("status", "-L", folder, *AS_OF, "--format", "json", "--rev", commits["second"])
    assert result.exit_code == 0 and json.loads(result.stdout)["started"] == 2


# ------------------------------------------------------------------ bad input: one line, never a traceback

def one_error_line(result) -> str:
    """The error of a refused command: exactly one line saying what is wrong, no traceback."""
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error: ")]
    assert len(errors) == 1 and "Traceback" not in result.stderr + result.stdout, result.stderr
    return errors[0]


def test_not_a_git_repository(tmp_path, cli):
    from ledgers import write_ledger

    root = write_ledger(tmp_path / "plain")
    result = cli("status", "-L", root, "--rev", "HEAD")
    assert result.exit_code == 2
    assert one_error_line(result) == f"Error: Invalid value for --rev: {root} is not in a git repository: --rev " \
                                     "reads a ledger kept in git"


def test_unknown_revision_and_a_revision_without_the_ledger_folder(repo, cli, tmp_path):
    path, _ = repo
    for rev, says in [("nope", "unknown revision 'nope'"), ("v1~5", "unknown revision 'v1~5'"),
                      ("--help", "is not a revision"), ("HEAD..v1", "unknown revision"),
                      ("HEAD\0", "is not a revision"), ("HEAD\n", "is not a revision")]:
        result = cli("status", "-L", path, "--rev", rev)
        assert result.exit_code == 2 and says in one_error_line(result), (rev, result.stderr)
    result = cli("check", "-L", path / "projects" / "城建", "--rev", "v1", "--lang", "en")  # no ledger at v1
    assert result.exit_code == 1 and result.stdout.startswith("v1:ledger.yaml: error E401 this folder has no ledger.yaml")
    result = cli("check", "-L", path / "不存在", "--rev", "v1")
    assert result.exit_code == 2
    assert "the ledger folder 不存在/ does not exist at v1" in one_error_line(result)


def test_a_shallow_clone_says_what_is_missing(repo, tmp_path, cli):
    path, _ = repo
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{path}", str(clone)], check=True,
                   env={**os.environ, **ENV}, capture_output=True)
    assert cli("status", "-L", clone, *AS_OF, "--rev", "HEAD").exit_code == 0
    result = cli("status", "-L", clone, *AS_OF, "--rev", "HEAD~1")
    assert result.exit_code == 2 and "shallow clone" in one_error_line(result)


def test_a_missing_object_is_one_clear_error(tmp_path, cli):
    repo = init(tmp_path / "repo")
    commit(repo, "2019-05-10", "一", "", dict(BASE))
    blob = git(repo, "rev-parse", "HEAD:issues/base.yaml").strip()
    (repo / ".git" / "objects" / blob[:2] / blob[2:]).unlink()  # a loose object, gone (as in a broken clone)
    result = cli("status", "-L", repo, *AS_OF, "--rev", "HEAD", "--no-cache")
    assert result.exit_code == 2
    assert f"HEAD:issues/base.yaml: object {blob[:12]} is missing from the repository" in one_error_line(result)


def test_git_not_installed(repo, tmp_path):
    path, _ = repo
    empty = tmp_path / "bin"
    empty.mkdir()
    result = run_process("status", "-L", path, "--rev", "HEAD", env={"PATH": str(empty)})
    assert result.returncode == 2 and b"Traceback" not in result.stderr
    assert "git is not installed (or not on PATH)" in result.stderr.decode("utf-8")


def test_links_and_submodules_in_record_folders_are_findings(tmp_path, cli):
    repo = init(tmp_path / "repo")
    commit(repo, "2019-05-10", "一", "", dict(BASE))
    os.symlink("base.yaml", repo / "projects" / "链接.yaml")
    os.symlink("../projects", repo / "issues" / "旧问题")
    sub = git(repo, "rev-parse", "HEAD").strip()
    git(repo, "add", "-A")
    git(repo, "update-index", "--add", "--cacheinfo", f"160000,{sub},responsibilities/外部")
    git(repo, "commit", "-q", "-m", "链接与子模块", date="2019-05-11")
    result = cli("check", "-L", repo, "--rev", "HEAD", "--lang", "en")
    assert result.exit_code == 1
    heads = [line for line in result.stdout.splitlines() if " error " in line]
    assert heads == [
        "HEAD:issues/旧问题: error E012 is a symbolic link in git: a revision is read without following links, "
        "so its records are not counted",
        "HEAD:projects/链接.yaml: error E012 is a symbolic link in git: a revision is read without following links, "
        "so its records are not counted",
        "HEAD:responsibilities/外部/: error E012 is a git submodule: its files are not part of this revision, "
        "so its records are not counted"]
    zh = cli("check", "-L", repo, "--rev", "HEAD", "--lang", "zh").stdout
    assert "是 git 子模块" in zh and "在 git 中是符号链接" in zh


def test_stray_folders_are_reported_as_in_the_working_tree(tmp_path, cli):
    repo = init(tmp_path / "repo")
    commit(repo, "2019-05-10", "一", "", {**BASE, "project/a.yaml": "id: X\n", "project/b.yml": "id: Y\n",
                                         ".github/ci.yaml": "on: push\n"})
    assert cli("check", "-L", repo, "--rev", "HEAD").stdout == "HEAD:" + cli("check", "-L", repo).stdout


# ------------------------------------------------------------------ reading changes nothing; the cache is shared

def test_reading_a_revision_writes_nothing(repo, cli):
    path, _ = repo
    before = snapshot(path)
    for args in (["check"], ["status", *AS_OF], ["summary", *AS_OF], ["progress", *AS_OF, "--format", "json"]):
        for rev in ("HEAD", "v1", "main~1"):
            cli(*args, "-L", path, "--rev", rev)
    assert snapshot(path) == before


def test_a_revision_read_once_is_warm_and_unchanged_files_are_parsed_once(tmp_path, cli, monkeypatch):
    import xmledger.checks.files as files

    parsed: list[str] = []
    real = files.check_file
    monkeypatch.setattr(files, "check_file", lambda kind, path, data, s: parsed.append(path) or real(kind, path, data, s))
    repo = tmp_path / "repo"
    history(repo)
    git(repo, "checkout", "-q", "--", ".")  # the working tree as committed (HEAD)

    def parses(*args):
        parsed.clear()
        assert cli("status", "-L", repo, *AS_OF, *args).exit_code == 0
        return sorted(parsed)

    assert len(parses()) == 7  # the working tree: every record file once
    assert parses("--rev", "HEAD") == []  # the same bytes: the same blob ids
    assert parses("--rev", "v1") == ["issues/base.yaml", "projects/城建/供水.yaml"]  # changed since v1
    assert parses("--rev", "v1") == [] and parses() == [] and parses("--rev", "HEAD") == []


def test_the_git_process_is_ended(repo):
    path, _ = repo

    def children() -> list[str]:
        names = []
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == os.getpid():
                names.append(stat.parent.name)
        return names

    if not Path("/proc/self/stat").exists():
        pytest.skip("needs /proc")
    before = children()
    with GitSource(path, "HEAD") as src:
        scan = src.scan()
        assert src.read(scan.settings).startswith(b"name:")
        assert src.read_many(scan.files) == [(path / ref.path).read_bytes() if ref.path != "projects/base.yaml"
                                             else src.read(ref) for ref in scan.files]
        assert len(children()) == len(before) + 1  # one cat-file for every read
        assert src.read(FileRef("projects", "x.yaml", None)) is None
    assert children() == before
    api.load(path, rev="HEAD")
    assert children() == before


def test_rev_refuses_a_ledger_from_memory():
    with pytest.raises(api.UsageError, match="git repository"):
        api.load(dict(BASE), rev="HEAD")


def test_two_revisions_loaded_together_share_the_cache_and_unchanged_records(repo):
    path, _ = repo
    api.load(path, rev="HEAD")  # fill the cache
    api.load(path, rev="v1")
    import os
    from pathlib import Path

    for snap in Path(os.environ["XMLEDGER_CACHE_DIR"]).glob("*/snapshot-*.cache"):
        snap.unlink()  # without their snapshots, both revisions are read through the per-file cache
    with api.one_cache():
        now, then = api.load(path, rev="HEAD"), api.load(path, rev="v1")
    assert now.ledger.responsibilities[0] is then.ledger.responsibilities[0]  # its file is unchanged
    assert now.ledger.project_by_id["P-2"] != then.ledger.project_by_id["P-2"]  # started in between
    again = api.load(path, rev="HEAD")  # outside the block every load reads the cache afresh
    assert again.ledger.responsibilities[0] == now.ledger.responsibilities[0]
    assert again.ledger.responsibilities[0] is not now.ledger.responsibilities[0]
