"""Issue 9: what a new user and an attacker found, each a test that failed before its fix.

Crash cases run as real processes (as cron runs them): no traceback on stderr, a clear message, and the
documented exit code. Items are numbered as in the issue.
"""

import json
import os
import pickle
import subprocess
import sys

import pytest

from conftest import REPO, run_process
from ledgers import BASE, write_ledger

SAMPLE = REPO / "data" / "lijin"
AS_OF = ("--as-of", "2019-05-31")


def clean(result, code):
    """A real process ended with `code` and no traceback."""
    err = result.stderr.decode("utf-8", "replace")
    assert result.returncode == code, (result.returncode, result.stdout[-2000:], err[-2000:])
    assert "Traceback" not in err
    return result.stdout.decode("utf-8", "replace"), err


# ------------------------------------------------------------------ crashes

@pytest.mark.parametrize("where", ["value", "key"])
def test_01_huge_integers_are_findings(tmp_path, where):
    digits = "9" * 5000
    text = BASE["projects/base.yaml"] + (f"land_mu: {digits}\n" if where == "value" else f"? {digits}\n: 1\n")
    root = write_ledger(tmp_path / "l", {"projects/base.yaml": text})
    out, _ = clean(run_process("check", "-L", root, "--lang", "en"), 1)
    line = next(l for l in out.splitlines() if l.startswith("projects/base.yaml:9"))
    assert " error E1" in line and len(line) < 300  # the number is shown shortened, never 5,000 digits
    clean(run_process("status", "-L", root, *AS_OF, "--allow-errors"), 0)


@pytest.mark.parametrize("link", ["projects/self.yaml", "projects/sub", "ledger.yaml", "projects"])
def test_02_links_to_themselves_are_findings(tmp_path, link):
    root = write_ledger(tmp_path / "l")
    target = root / link
    if target.exists():
        target.rename(root / "moved")
    target.symlink_to(target)  # a link to itself: ELOOP
    out, _ = clean(run_process("check", "-L", root, "--lang", "en"), 1)
    assert f"{link}" in out and "E012" in out and "itself" in out


def test_02_a_dangling_link_is_a_finding(tmp_path):
    root = write_ledger(tmp_path / "l")
    (root / "projects" / "gone.yaml").symlink_to(root / "nowhere.yaml")
    out, _ = clean(run_process("check", "-L", root, "--lang", "en"), 1)
    assert "projects/gone.yaml: error E012 link points to a file that does not exist" in out


def test_03_file_names_that_are_not_utf8(tmp_path):
    root = write_ledger(tmp_path / "l")
    name = os.fsencode(str(root / "projects")) + b"/\xb2\xe2\xca\xd4.yaml"  # 测试 in GBK
    with open(name, "wb") as f:
        f.write(BASE["projects/base.yaml"].replace("P-1", "P-2").encode())
    for cache in (["--no-cache"], []):
        out, err = clean(run_process("check", "-L", root, "--lang", "en", *cache), 0)
        assert "2 projects" in err
    (root / "projects" / "base.yaml").write_text("id: P-1\nname: [broken\n", encoding="utf-8")
    with open(name, "ab") as f:
        f.write(b"bogus: 1\n")
    out, _ = clean(run_process("check", "-L", root, "--lang", "en"), 1)
    assert "projects/\\xb2\\xe2\\xca\\xd4.yaml:" in out  # shown with escapes


@pytest.mark.parametrize("args,option", [
    (["--as-of", "0001-06-30"], "--as-of"), (["--year", "1"], "--year"), (["--year", "0"], "--year"),
    (["--year", "99999999999999999999"], "--year"), (["--as-of", "9999-12-31"], "--as-of"), (["--as-of", ""], "--as-of"),
])
@pytest.mark.parametrize("command", ["status", "summary", "issues", "leaders"])
def test_04_years_no_ledger_can_mean_are_wrong_usage(command, args, option):
    _, err = clean(run_process(command, "-L", SAMPLE, *args), 2)
    assert option in err


def test_05_numbers_are_bounded(tmp_path):
    root = write_ledger(tmp_path / "l", {
        "ledger.yaml": BASE["ledger.yaml"] + "ranking: {weights: {start_rate: 1000000000000000000000000000000}}\n",
        "projects/base.yaml": BASE["projects/base.yaml"] + "land_mu: 1.0e+30\n"})
    out, _ = clean(run_process("check", "-L", root, "--lang", "en"), 1)
    assert "ledger.yaml:5" in out and "projects/base.yaml:9" in out and out.count(" error E104 ") == 2


def test_05_display_rounding_never_raises():
    from decimal import Decimal

    from xmledger.reports.cells import human

    assert human(Decimal("1E+30"), "decimal", "zh") == "1000000000000000000000000000000.0"
    assert human(Decimal("1E+30"), "score", "zh").startswith("1000000000000000000000000000000")


def test_06_rich_markup_in_the_ledger_is_text(tmp_path, cli, monkeypatch):
    import xmledger.renderers.terminal as terminal

    monkeypatch.setattr(terminal, "wants_rich", lambda: True)
    root = write_ledger(tmp_path / "l", {"ledger.yaml": 'name: "[/x]台账[bold]"\nregion: "[red]县"\n',
                                         "projects/base.yaml": BASE["projects/base.yaml"].replace(
                                             "绿竹韵共享生态苑项目", '"[/]项目[link=x]"')})
    for args in (["status", "--by", "unit"], ["progress"], ["starts"], ["show", "P-1"], ["rank"], ["leaders"]):
        result = cli(*args, "-L", root, *AS_OF)
        assert result.exit_code == 0, result.stdout
        assert "[/x]台账[bold]" in result.stdout


def test_07_a_fifo_named_ledger_yaml_does_not_hang(tmp_path):
    root = write_ledger(tmp_path / "l")
    (root / "ledger.yaml").unlink()
    os.mkfifo(root / "ledger.yaml")
    os.mkfifo(root / "projects" / "pipe.yaml")
    out, _ = clean(run_process("check", "-L", root, "--lang", "en", timeout=20), 1)
    assert "ledger.yaml: error E012" in out and "projects/pipe.yaml: error E012" in out
    _, err = clean(run_process("status", "-L", root, *AS_OF, "--allow-errors", timeout=20), 1)
    assert "ledger.yaml" in err


@pytest.mark.parametrize("case", ["file", "unwritable", "not-utf8", "long-name"])
def test_08_init_refuses_clearly(tmp_path, case):
    if case == "file":
        target = tmp_path / "a-file"
        target.write_text("x")
    elif case == "unwritable":
        target = tmp_path / "a-file" / "below"
        (tmp_path / "a-file").write_text("x")
    elif case == "long-name":
        target = tmp_path / ("台" * 300)
    else:  # a folder name that is not UTF-8 (GBK): it works, and is shown with escapes
        target = os.fsdecode(os.fsencode(str(tmp_path)) + b"/\xb2\xe2")
        out, _ = clean(run_process("init", target), 0)
        assert "\\xb2\\xe2/ledger.yaml" in out
        clean(run_process("check", "-L", target, "--strict"), 0)
        return
    result = run_process("init", target)
    _, err = clean(result, 1)
    assert err.startswith("xmledger init: ") and "nothing written" in err


def test_08_output_to_a_full_or_closed_stdout(tmp_path):
    argv = [sys.executable, "-m", "xmledger", "summary", "-L", str(SAMPLE), *AS_OF]
    with open("/dev/full", "wb") as full:
        result = subprocess.run(argv, stdout=full, stderr=subprocess.PIPE, timeout=60)
    assert result.returncode == 1 and b"Traceback" not in result.stderr and result.stderr.strip()
    result = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=60,
                            preexec_fn=lambda: os.close(1))
    assert result.returncode == 1 and b"Traceback" not in result.stderr
    piped = subprocess.run(f"{sys.executable} -m xmledger issues -L {SAMPLE} --as-of 2019-05-31 | head -1",
                           shell=True, capture_output=True, timeout=60)
    assert b"Traceback" not in piped.stderr and piped.stdout


# ------------------------------------------------------------------ silent wrong answers

def test_09_an_unreadable_folder_is_an_error(tmp_path, cli, monkeypatch):
    """(Tests run as root, who reads anything: the permission error is simulated.)"""
    root = write_ledger(tmp_path / "l", {"projects/北宋镇/a.yaml": BASE["projects/base.yaml"].replace("P-1", "P-2")})
    real = os.scandir

    def scandir(path="."):
        if str(path).endswith("北宋镇"):
            raise PermissionError(13, "Permission denied")
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    result = cli("check", "-L", root, "--lang", "en", "--no-cache")
    assert result.exit_code == 1
    assert "projects/北宋镇/: error E012 folder cannot be read: Permission denied" in result.stdout
    assert cli("status", "-L", root, *AS_OF, "--no-cache").exit_code == 1


def test_09_an_unreadable_ledger_yaml_is_not_missing(tmp_path, cli, monkeypatch):
    root = write_ledger(tmp_path / "l")
    from xmledger.sources import folder

    real = folder.read_regular
    monkeypatch.setattr(folder, "read_regular", lambda p: None if p.endswith("ledger.yaml") else real(p))
    result = cli("check", "-L", root, "--lang", "en", "--no-cache")
    assert "ledger.yaml: error E012 file cannot be read" in result.stdout and "E401" not in result.stdout


def test_10_allow_errors_never_uses_default_settings(tmp_path, cli):
    root = write_ledger(tmp_path / "l", {"ledger.yaml": BASE["ledger.yaml"] + "unit: 亿\n"})
    result = cli("summary", "-L", root, *AS_OF, "--allow-errors")
    assert result.exit_code == 1 and result.stdout == ""
    assert "ledger.yaml" in result.stderr and "--allow-errors" in result.stderr


def test_11_a_changed_cache_shard_is_not_trusted(tmp_path, cli, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("XMLEDGER_CACHE_DIR", str(folder))
    root = write_ledger(tmp_path / "l")
    assert cli("status", "-L", root, *AS_OF, "--format", "json").exit_code == 0
    shard = next(p for p in folder.glob("*/*.cache") if b"7000" in p.read_bytes())
    data = shard.read_bytes()
    shard.write_bytes(data.replace(b"7000", b"9000"))  # still unpickles, but its hash no longer matches
    doc = json.loads(cli("status", "-L", root, *AS_OF, "--format", "json").stdout)
    assert doc["total_investment"] == "7000"


def test_11_a_planted_pickle_never_runs(tmp_path, cli, monkeypatch):
    from xmledger.loading import cache

    folder = tmp_path / "cache"
    monkeypatch.setenv("XMLEDGER_CACHE_DIR", str(folder))
    root = write_ledger(tmp_path / "l")
    cli("status", "-L", root, *AS_OF)
    marker = tmp_path / "pwned"
    payload = pickle.dumps(type("X", (), {"__reduce__": lambda self: (os.system, (f"touch {marker}",))})())
    for shard in folder.glob("*/*.cache"):
        shard.write_bytes(payload)  # no seal: refused before unpickling
    cli("status", "-L", root, *AS_OF)
    for shard in folder.glob("*/*.cache"):  # sealed, but in a folder others may write to: never read
        shard.write_bytes(cache.seal(pickle.loads(pickle.dumps(0))))
    sub = next(folder.iterdir())
    sub.chmod(0o777)
    for shard in sub.glob("*.cache"):
        shard.write_bytes(cache.MAGIC + b"\0" * 16 + payload)
    result = cli("status", "-L", root, *AS_OF)
    assert result.exit_code == 0 and not marker.exists()


def test_14_every_finding_at_once(tmp_path, cli):
    card = BASE["responsibilities/base.yaml"] + "visits:\n  - {date: 2019-02-30, project: P-1}\n"
    files = {"projects/dup.yaml": BASE["projects/base.yaml"].replace("total_investment: 7000", "total_investment: 0"),
             "responsibilities/base.yaml": card,
             "issues/bad.yaml": "id: Q-9\nproject: P-404\ncategory: 用地\ntitle: x\nraised: 2019-04-01\n"}
    root = write_ledger(tmp_path / "l", files)
    out = cli("check", "-L", root, "--lang", "en").stdout
    assert "projects/dup.yaml:1:5: error E301 id: P-1 is already the id of the record at projects/base.yaml:1" in out
    assert "issues/bad.yaml:2:10: error E302 project: no project has the id P-404" in out  # beside its E105
    assert "W103" not in out  # the card with a bad visit date still covers P-1
    doc = json.loads(cli("status", "-L", root, *AS_OF, "--allow-errors", "--format", "json").stdout)
    assert doc["projects"] == 0  # both records of the duplicated id are left out


# ------------------------------------------------------------------ item 15: SPEC §5.5 and 同比

LEDGER = "name: 测试台账\nregion: 测试县\n"


def project(pid, plans, progress=""):
    return (f"- id: {pid}\n  name: 项目{pid}\n  level: county\n  category: 乡村振兴\n  total_investment: 10000\n"
            f"  start: {{planned: 2023-01-01, actual: 2023-01-10}}\n  plans: {plans}\n{progress}")


def test_15_overdue_and_open_count_every_year_of_listed_projects(tmp_path, cli):
    files = {"ledger.yaml": LEDGER,
             "projects/p.yaml": project("A", "{2023: {annual: 100}, 2024: {annual: 100}}") + project("B", "{2023: {annual: 100}}"),
             "responsibilities/r.yaml": "id: R1\nleader: {name: 张三}\nunit: 县发改局\nperson: 李四\nprojects: [A, B]\n",
             "issues/q.yaml": "- {id: Q1, project: A, category: land, title: 去年的问题, raised: 2023-11-01}\n"
                              "- {id: Q2, project: B, category: land, title: 名单外项目的问题, raised: 2023-11-01}\n"
                              "- {id: Q3, project: A, category: land, title: 今年的问题, raised: 2024-03-01}\n"}
    root = write_ledger(tmp_path / "l", files, base=False)
    doc = json.loads(cli("status", "-L", root, "--as-of", "2024-05-31", "--format", "json").stdout)
    assert doc["issues"]["raised"] == 1 and doc["issues"]["overdue"] == 2  # Q3 this year; Q1 carried over; not Q2
    text = cli("summary", "-L", root, "--as-of", "2024-05-31").stdout
    assert "逾期未办结问题2个" in text and "去年的问题（Q1" in text and "名单外" not in text
    leaders = json.loads(cli("leaders", "-L", root, "--as-of", "2024-05-31", "--format", "json").stdout)["leaders"]
    assert (leaders[0]["open_issues"], leaders[0]["overdue_issues"]) == (2, 2)
    rows = json.loads(cli("progress", "-L", root, "--as-of", "2024-05-31", "--format", "json").stdout)["projects"]
    assert [(r["id"], r["open_issues"]) for r in rows] == [("A", 2)]


def test_15_the_year_before_counts_only_its_own_months(tmp_path, cli):
    progress = ("  progress:\n    - {month: 2024-06, invested: 40}\n    - {month: 2025-01, invested: 30}\n"
                "    - {month: 2026-01, invested: 20}\n")
    files = {"ledger.yaml": LEDGER, "projects/p.yaml": project("A", "{2024: {annual: 100}, 2025: {annual: 100}}",
                                                                 progress),
             "responsibilities/r.yaml": "id: R1\nleader: {name: 张三}\nunit: 县发改局\nperson: 李四\nprojects: [A]\n"}
    root = write_ledger(tmp_path / "l", files, base=False)
    doc = json.loads(cli("status", "-L", root, "--year", "2025", "--as-of", "2026-01-10", "--format", "json").stdout)
    assert doc["completed_ytd"] == "30"  # 2025's own months, not January 2026
    assert doc["yoy"]["completed_ytd_growth"] == pytest.approx(30 / 40 - 1)  # 2024: June only, not January 2025


def test_25_ids_of_a_utf16_file_are_salvaged(tmp_path, cli):
    root = write_ledger(tmp_path / "l", {"projects/base.yaml": BASE["projects/base.yaml"].encode("utf-16")})
    out = cli("check", "-L", root, "--lang", "en").stdout
    assert "E001 file is UTF-16" in out and "E302" not in out


def test_31_a_relative_xdg_cache_home_is_ignored(tmp_path):
    root = write_ledger(tmp_path / "l")
    env = {"XMLEDGER_CACHE_DIR": "", "XDG_CACHE_HOME": "relative-cache", "HOME": str(tmp_path / "home")}
    clean(run_process("status", "-L", root, *AS_OF, env=env, cwd=root), 0)
    assert not (root / "relative-cache").exists() and (tmp_path / "home" / ".cache" / "xmledger").is_dir()


# ------------------------------------------------------------------ filters (13), language (21), hints (24)

@pytest.mark.parametrize("args,option,hint", [
    (["status", "--level", "县级"], "--level", "write county for 县级"),
    (["status", "--location", "北宋"], "--location", "did you mean '北宋镇'"),
    (["summary", "--unit", "县发改"], "--unit", "did you mean '县发改局'"),
    (["progress", "--leader", "张三丰"], "--leader", "no project has leader"),
    (["status", "--tag", "白名单"], "--tag", "no project has tag"),
    (["issues", "--project-category", "乡村"], "--project-category", "did you mean '乡村振兴'"),
    (["issues", "--project", "LJ2019-0001"], "--project", "did you mean 'LJ2019-001'"),
    (["issues", "--category", "资"], "--category", "no problem has category"),
    (["issues", "--assignee-unit", "县财政"], "--assignee-unit", "did you mean '县财政局'"),
])
def test_13_a_filter_that_matches_nothing_is_wrong_usage(cli, args, option, hint):
    result = cli(*args, "-L", SAMPLE, *AS_OF)
    assert result.exit_code == 2 and option in result.stderr and hint in result.stderr, result.stderr


def test_13_problem_categories_by_their_label(cli):
    by_code = cli("issues", "-L", SAMPLE, *AS_OF, "--category", "funding", "--format", "csv").stdout
    by_label = cli("issues", "-L", SAMPLE, *AS_OF, "--category", "资金", "--format", "csv").stdout
    assert by_code == by_label and by_code.count("\n") > 3


def test_21_findings_and_the_refusal_speak_the_ledgers_language(tmp_path, cli):
    root = write_ledger(tmp_path / "l", {"issues/bad.yaml": "id: Q-2\nproject: P-1\ncategory: 用地\n"})
    out = cli("check", "-L", root).stdout
    assert "issues/bad.yaml:1:1: error E101 title: 缺少此项" in out and "提示：在这个映射中添加 title:" in out
    assert "error E105 category: 这里不允许“用地”；应为 funding、land" in out and "“用地”应写作 land" in out
    refused = cli("status", "-L", root, *AS_OF)
    assert refused.exit_code == 1 and "台账有错误" in refused.stderr and "xmledger check" in refused.stderr
    english = cli("check", "-L", root, "--lang", "en").stdout
    assert "issues/bad.yaml:1:1: error E101 title: missing" in english
    (root / "ledger.yaml").write_text(BASE["ledger.yaml"] + "language: en\n", encoding="utf-8")
    assert "error E101 title: missing" in cli("check", "-L", root).stdout


def test_24_full_width_colons_and_digits_and_chinese_codes_get_a_hint(tmp_path, cli):
    root = write_ledger(tmp_path / "l", {"projects/base.yaml": BASE["projects/base.yaml"].replace(
        "name: 绿竹韵共享生态苑项目", "name： 绿竹韵共享生态苑项目")})
    out = cli("check", "-L", root, "--lang", "en").stdout
    assert out.startswith("projects/base.yaml:2:5: error E002") and "a full-width colon (：)" in out
    root = write_ledger(tmp_path / "m", {"projects/base.yaml": BASE["projects/base.yaml"].replace(
        "level: county", "level: 县级").replace("total_investment: 7000", "total_investment: ７０００")})
    out = cli("check", "-L", root).stdout
    assert "提示：“县级”应写作 county" in out and "提示：请用半角数字：7000" in out


# ------------------------------------------------------------------ the circular (12, 16, 22, 26, 27, 29)

def test_12_a_filtered_circular_says_so(cli):
    text = cli("summary", "-L", SAMPLE, *AS_OF, "--location", "北宋镇").stdout
    title, head = text.splitlines()[0], text.split("\n\n")[1]
    assert title == "利津县重点项目建设情况通报（所在地：北宋镇；截至2019年5月31日）"
    assert head.startswith("截至2019年5月31日，全县（所在地：北宋镇）共有2019年重点项目13个")
    english = cli("summary", "-L", SAMPLE, *AS_OF, "--level", "province", "--lang", "en").stdout
    assert english.startswith("利津县: key projects (level: province), as of 31 May 2019")
    assert "the county (level: province) has" in english


SMALL = {
    "ledger.yaml": "name: 小台账\nregion: 某区\nscope: district\n",
    "projects/p.yaml": "".join(
        f"- id: P{i}\n  name: 项目{i}\n  level: county\n  category: 乡村振兴\n  total_investment: 3000\n"
        f"  start: {{planned: 2024-01-10{', actual: 2024-01-15' if i != 3 else ''}}}\n"
        f"  plans: {{2024: {{annual: 1200}}}}\n" + ("  progress: [{month: 2024-05, invested: 600}]\n" if i == 1 else "")
        for i in (1, 2, 3)),
    "responsibilities/r.yaml": "".join(f"- id: R{i}\n  leader: {{name: 张三}}\n  unit: 单位{i}\n  person: 李四\n"
                                       f"  projects: [P{i}]\n" for i in (1, 2, 3)),
}


def test_16_26_27_29_a_small_district(tmp_path, cli):
    root = write_ledger(tmp_path / "l", SMALL, base=False)
    text = cli("summary", "-L", root, "--as-of", "2024-05-31").stdout
    assert "截至2024年5月31日，全区共有2024年重点项目3个，总投资9000万元，年度计划投资3600万元。" in text
    assert "共收集问题0个，已办结0个，办结率无；逾期未办结0个。" in text and "办结率-" not in text
    assert "红灯预警项目2个" in text and "后三位" not in text  # three units: there is no "bottom three"
    english = cli("summary", "-L", root, "--as-of", "2024-05-31", "--lang", "en").stdout
    assert "the district has 3 key projects" in english and "CNY 90 million" in english
    assert "a resolution rate of n/a" in english


def test_22_english_counts_agree(tmp_path, cli):
    files = dict(SMALL, **{"projects/p.yaml": SMALL["projects/p.yaml"].split("- id: P2")[0]})
    files["responsibilities/r.yaml"] = SMALL["responsibilities/r.yaml"].split("- id: R2")[0]
    root = write_ledger(tmp_path / "l", files, base=False)
    english = cli("summary", "-L", root, "--as-of", "2024-05-31", "--lang", "en").stdout
    assert "has 1 key project on its 2024 list" in english and "1 has started" in english
    assert "1 project (100.0%) is on schedule" in english and "0 problems were raised" in english
    err = cli("check", "-L", root, "--lang", "en").stderr
    assert err.startswith("0 errors, 0 warnings in 3 files (1 project, 1 responsibility card, 0 issues)")


# ------------------------------------------------------------------ output (17, 18, 20, 29)

def run_on_terminal(cli, monkeypatch, columns, *args):
    import xmledger.renderers.terminal as terminal

    monkeypatch.setattr(terminal, "wants_rich", lambda: True)
    monkeypatch.setenv("COLUMNS", str(columns))
    result = cli(*args)
    assert result.exit_code == 0, result.stdout
    return result.stdout


@pytest.mark.parametrize("columns", [60, 100, 120])
def test_17_terminal_tables_never_cut_numbers_or_ids(cli, monkeypatch, columns):
    import re

    text = run_on_terminal(cli, monkeypatch, columns, "progress", "-L", SAMPLE, *AS_OF, "--location", "北宋镇")
    plain = re.sub(r"\x1b\[[0-9;]*m", "", text)
    assert "…" not in plain
    for needle in ("LJ2018-003", "1935.00", "6246.00", "14906.00", "LJ2019-053"):
        assert needle in plain, needle


def test_18_show_in_machine_formats(cli):
    doc = json.loads(cli("show", "LJ2019-001", "-L", SAMPLE, *AS_OF, "--format", "json").stdout)
    assert doc["project"]["id"] == "LJ2019-001" and doc["project"]["start_status"] == "started"
    assert doc["project"]["pool"] is None and isinstance(doc["months"], list)
    csv_text = cli("show", "LJ2019-001", "-L", SAMPLE, *AS_OF, "--format", "csv").stdout
    assert "None" not in csv_text and "\npool,\n" in csv_text


def test_20_control_characters_never_reach_the_output(tmp_path, cli, monkeypatch):
    name = '"绿竹韵\\e[31m项目\\a\\0"'  # ESC, BEL and NUL, written as YAML escapes
    root = write_ledger(tmp_path / "l", {"projects/base.yaml": BASE["projects/base.yaml"].replace(
        "绿竹韵共享生态苑项目", name)})
    for fmt in ("plain", "markdown", "table", "json"):
        out = cli("progress", "-L", root, *AS_OF, "--format", fmt).stdout
        assert not any(ch in out for ch in "\x1b\x07\x00"), fmt
        assert "\\x1b[31m" in out or "\\u001b[31m" in out
    out = run_on_terminal(cli, monkeypatch, 120, "progress", "-L", root, *AS_OF)
    assert "\\x1b[31m项目" in out and "\x07" not in out
    out = cli("summary", "-L", root, *AS_OF).stdout
    assert "\x1b" not in out


def test_29_an_empty_table_reads_the_same_on_a_terminal(tmp_path, cli, monkeypatch):
    piped = cli("starts", "-L", SAMPLE, "--as-of", "2019-12-31", "--format", "plain").stdout
    shown = run_on_terminal(cli, monkeypatch, 200, "starts", "-L", SAMPLE, "--as-of", "2019-12-31")
    assert "(无)" in piped and "(无)" in shown


# ------------------------------------------------------------------ locations (28), calendar (30)

def test_28_locations_order_groups_and_refuse_others(tmp_path, cli):
    ledger = "name: 测试台账\nregion: 测试县\nlocations: [北宋镇, 汀罗镇, 利津街道]\n"
    projects = "".join(f"- id: P{i}\n  name: 项目{i}\n  level: county\n  category: 乡村振兴\n  location: {loc}\n"
                       f"  total_investment: 100\n  plans: {{2024: {{annual: 10}}}}\n"
                       for i, loc in enumerate(["利津街道", "北宋镇", "汀罗镇"]))
    root = write_ledger(tmp_path / "l", {"ledger.yaml": ledger, "projects/p.yaml": projects}, base=False)
    doc = json.loads(cli("status", "-L", root, "--as-of", "2024-05-31", "--by", "location", "--format", "json").stdout)
    assert [g["key"] for g in doc["groups"]] == ["北宋镇", "汀罗镇", "利津街道"]  # the ledger's order, not by name
    (root / "projects" / "p.yaml").write_text(projects.replace("汀罗镇", "汀罗"), encoding="utf-8")
    out = cli("check", "-L", root, "--lang", "en").stdout
    assert "error E111 location: '汀罗' is not a location of this ledger" in out and "did you mean '汀罗镇'" in out


CALENDAR_ISSUES = "- {id: Q1, project: P-1, category: land, title: 年底的问题, raised: 2026-12-30}\n"


def test_30_a_deadline_in_an_unknown_year_is_approximate(tmp_path, cli):
    from xmledger.core.workdays import covers

    if covers(2027):
        pytest.skip("this chinesecalendar knows 2027")
    root = write_ledger(tmp_path / "l", {"issues/base.yaml": CALENDAR_ISSUES})
    out = cli("check", "-L", root, "--lang", "en").stdout
    assert "warning W105 raised: the official holiday calendar of 2027 is not known" in out
    shown = cli("issues", "-L", root, "--as-of", "2027-01-20").stdout
    assert "注：本版本不知道2027年的法定节假日安排" in shown
    assert "2027年的法定节假日" in cli("summary", "-L", root, "--year", "2019", "--as-of", "2027-01-20").stdout
    one_holiday = BASE["ledger.yaml"] + "calendar: {extra_holidays: [2027-01-01]}\n"
    root = write_ledger(tmp_path / "m", {"issues/base.yaml": CALENDAR_ISSUES, "ledger.yaml": one_holiday})
    assert "W105" in cli("check", "-L", root).stdout  # one extra holiday does not make 2027 known
    complete = BASE["ledger.yaml"] + "calendar: {extra_holidays: [2027-01-01], complete_years: [2027]}\n"
    root = write_ledger(tmp_path / "n", {"issues/base.yaml": CALENDAR_ISSUES, "ledger.yaml": complete})
    assert "W105" not in cli("check", "-L", root).stdout
    assert "法定节假日" not in cli("issues", "-L", root, "--as-of", "2027-01-20").stdout


def test_23_amounts_in_messages_are_plain_decimals(tmp_path, cli):
    project = BASE["projects/base.yaml"].replace("total_investment: 7000", 'total_investment: "1亿元"')
    project += "progress:\n  - {month: 2019-04, invested: \"2.5亿\"}\n"
    root = write_ledger(tmp_path / "l", {"projects/base.yaml": project})
    out = cli("check", "-L", root, "--lang", "en").stdout
    assert "completed investment 25000 is above the total investment 10000" in out and "E+" not in out
