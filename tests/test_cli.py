"""The command line as users drive it: every command, every format, piped and on a terminal, exit codes."""

import csv
import io
import json
import os
import pty
import re
import subprocess
import sys

import pytest
from wcwidth import wcswidth

from conftest import REPO, run_process
from ledgers import BASE, write_ledger
from xmledger.cli import app

SAMPLE = REPO / "data" / "lijin"
AS_OF = ("--as-of", "2019-05-31")
REPORTS = [["status"], ["status", "--by", "unit"], ["starts"], ["completion"], ["progress"],
           ["show", "LJ2019-001"], ["summary"]]
FORMATS = ["table", "plain", "markdown", "csv", "tsv", "json"]
ANSI = re.compile(r"\x1b\[")
COMMANDS = [c.name or c.callback.__name__ for c in app.registered_commands]


def test_version(cli):
    result = cli("--version")
    assert result.exit_code == 0 and re.fullmatch(r"xmledger \d+\.\d+\.\d+\n", result.stdout)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help(cli, command):
    """The help of each command shows its own description (its docstring), not only the options."""
    callback = next(c.callback for c in app.registered_commands if (c.name or c.callback.__name__) == command)
    summary = (callback.__doc__ or "").strip().split("\n\n")[0]
    assert len(summary) > 30, f"{command} has no description"
    result = cli(command, "--help")
    assert result.exit_code == 0
    assert "".join(summary.split()) in "".join(result.stdout.split())  # however the lines wrap


def test_readme_tours_every_command():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for command in COMMANDS:
        assert f"xmledger {command}" in readme, command


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("args", REPORTS, ids=" ".join)
def test_reports_piped(cli, args, fmt):
    result = cli(*args, "-L", SAMPLE, *AS_OF, "--format", fmt)
    if args[0] == "summary" and fmt in ("csv", "tsv"):
        assert result.exit_code == 2  # a circular is text, not a table
        return
    assert result.exit_code == 0, result.stdout + result.stderr
    text = result.stdout
    assert not ANSI.search(text) and "─" not in text  # no control codes, no box drawing when piped
    if fmt == "json":
        json.loads(text)
    elif fmt in ("csv", "tsv"):
        tables = [part for part in text.split("\n\n") if part]
        for part in tables:  # a report of several tables names each: "# key" above its header
            rows = list(csv.reader(io.StringIO(part), delimiter="," if fmt == "csv" else "\t"))
            if len(tables) > 1:
                assert rows[0] == [f"# {rows[0][0][2:]}"] and rows[0][0][2:].isidentifier()
                rows = rows[1:]
            assert rows and all(len(r) == len(rows[0]) for r in rows)
    elif fmt == "markdown":
        assert text.startswith("## ") and ("|" in text or args[0] == "summary")


@pytest.mark.parametrize("args", REPORTS, ids=" ".join)
def test_reports_on_a_terminal(cli, args, monkeypatch):
    import xmledger.renderers.terminal as terminal

    monkeypatch.setattr(terminal, "wants_rich", lambda: True)
    result = cli(*args, "-L", SAMPLE, *AS_OF)
    assert result.exit_code == 0
    if args[0] != "summary":  # the circular stays plain text for mail
        assert ANSI.search(result.stdout) and "利津县" in result.stdout


def test_real_terminal_gets_rich_and_no_color_gets_plain(tmp_path):
    def run_in_pty(env):
        leader, follower = pty.openpty()
        proc = subprocess.Popen([sys.executable, "-m", "xmledger", "status", "-L", str(SAMPLE), *AS_OF],
                                stdout=follower, stderr=subprocess.PIPE, env={**os.environ, "COLUMNS": "120", **env})
        os.close(follower)
        chunks = []
        while True:
            try:
                data = os.read(leader, 65536)
            except OSError:
                break
            if not data:
                break
            chunks.append(data)
        proc.wait(timeout=60)
        os.close(leader)
        return b"".join(chunks).decode("utf-8")

    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    assert ANSI.search(run_in_pty({**env, "TERM": "xterm"}))
    plain = run_in_pty({"NO_COLOR": "1", "TERM": "xterm"})
    assert not ANSI.search(plain) and "开工率" in plain


def test_piped_output_is_not_cut_at_80_columns(tmp_path, cli):
    long_name = "黄河下游滩区综合提升治理暨生态保护与高质量发展示范带建设工程" * 3
    root = write_ledger(tmp_path / "l", {"projects/base.yaml": BASE["projects/base.yaml"].replace("绿竹韵共享生态苑项目", long_name)})
    result = cli("progress", "-L", root, "--as-of", "2019-05-31")
    line = next(l for l in result.stdout.splitlines() if "P-1" in l)
    assert long_name in line and wcswidth(line) > 200


def test_chinese_text_lines_up(cli):
    result = cli("progress", "-L", SAMPLE, *AS_OF, "--format", "plain")
    lines = [l for l in result.stdout.splitlines()[2:] if l.strip()]
    widths = {wcswidth(l.rstrip()) for l in lines}
    assert len(lines) > 100
    # every row ends its last column at the same cell, whatever mix of Chinese and ASCII it holds
    assert len({wcswidth(l) for l in lines}) == 1, widths


def test_status_json_has_the_spec_keys(cli):
    result = cli("status", "-L", SAMPLE, *AS_OF, "--format", "json", "--by", "level")
    doc = json.loads(result.stdout)
    keys = ("year as_of unit projects total_investment annual_plan started start_rate continuing new_projects "
            "new_started new_start_rate late_start completed completing_done completion_project_rate completed_ytd "
            "plan_completion_rate planned_to_date time_elapsed ahead_of_time_pp on_schedule on_schedule_rate "
            "lights double_half four_batches issues yoy groups").split()
    assert set(keys) <= set(doc)
    assert set(doc["lights"]) == {"green", "yellow", "red"}
    assert set(doc["double_half"]) == {"reached_month", "months_ahead"}
    assert set(doc["four_batches"]) == {"planning", "reserve", "starting", "completing"}
    assert set(doc["issues"]) == {"raised", "resolved", "closed", "overdue", "resolved_late", "resolution_rate",
                                  "avg_working_days"}
    assert set(doc["yoy"]) >= {"start_rate_pp", "completed_ytd_growth"}
    assert isinstance(doc["total_investment"], str) and isinstance(doc["start_rate"], float)
    assert [g["key"] for g in doc["groups"]] == ["province", "city", "county"]
    assert sum(g["projects"] for g in doc["groups"]) == doc["projects"]


@pytest.mark.parametrize("args", [["summary"], ["status", "--by", "unit", "--format", "json"], ["leaders"],
                                  ["issues", "--format", "csv"]], ids=" ".join)
def test_same_input_same_bytes(args):
    """Separate processes with different hash seeds (set and dict order would differ) give the same bytes."""
    runs = [run_process(*args, "-L", SAMPLE, *AS_OF, env={"PYTHONHASHSEED": seed}) for seed in ("1", "2")]
    assert runs[0].returncode == 0 and runs[0].stdout and runs[0].stdout == runs[1].stdout


def test_reports_refuse_a_ledger_with_errors(tmp_path, cli):
    root = write_ledger(tmp_path / "l", {"issues/bad.yaml": "id: Q-2\nproject: P-1\ncategory: 用地\n"})
    result = cli("status", "-L", root, "--as-of", "2019-05-31")
    assert result.exit_code == 1
    assert "issues/bad.yaml:1:1: error E101" in result.stderr and "xmledger check" in result.stderr
    result = cli("status", "-L", root, "--as-of", "2019-05-31", "--allow-errors")
    assert result.exit_code == 0 and "1条记录、0个文件因错误未计入" in result.stdout


@pytest.mark.parametrize("args", [["status", "--as-of", "2019-02-30"], ["status", "--format", "xml"],
                                  ["status", "--by", "owner"], ["show", "LJ2019-999"], ["frobnicate"]])
def test_wrong_usage_exits_2(cli, args):
    result = cli(*args, "-L", SAMPLE)
    assert result.exit_code == 2


def test_no_ledger_found_is_wrong_usage(tmp_path):
    result = run_process("status", cwd=tmp_path)
    assert result.returncode == 2 and b"no ledger.yaml" in result.stderr and b"Traceback" not in result.stderr


def test_ledger_found_from_env_and_upwards(tmp_path):
    assert run_process("check", env={"XMLEDGER_LEDGER": str(SAMPLE)}, cwd=tmp_path).returncode == 0
    assert run_process("check", cwd=SAMPLE / "projects").returncode == 0


def test_init_writes_a_ledger_that_passes_check_and_never_overwrites(tmp_path, cli):
    target = tmp_path / "新台账"
    result = cli("init", target)
    assert result.exit_code == 0 and (target / "ledger.yaml").exists()
    assert cli("check", "-L", target, "--strict").exit_code == 0
    status = json.loads(cli("status", "-L", target, "--format", "json").stdout)
    assert status["projects"] == 1 and status["lights"]["green"] == 1
    before = (target / "ledger.yaml").read_bytes()
    assert cli("init", target).exit_code == 1
    assert (target / "ledger.yaml").read_bytes() == before


@pytest.mark.parametrize("kind", ["ledger", "project", "responsibility", "issue"])
def test_schema(cli, kind):
    doc = json.loads(cli("schema", kind).stdout)
    assert doc["$schema"].startswith("https://json-schema.org/")
    assert "$defs" in doc or "properties" in doc


def test_circular_of_a_year_without_a_list_says_so(cli):
    text = cli("summary", "-L", SAMPLE, "--as-of", "2026-11-23").stdout
    assert text.endswith("截至2026年11月23日，全县2026年重点项目名单上没有项目。本台账有名单的年份：2018、2019；"
                         "可用 --year 或 --as-of 选择。\n")
