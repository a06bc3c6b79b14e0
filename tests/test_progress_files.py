"""Progress reports in files of their own (progress/, SPEC §3.5), through `check`, `status` and `schema`."""

import json

from ledgers import BASE, write_ledger

INLINE = BASE["projects/base.yaml"] + """\
progress:
  - {month: 2019-03, invested: 240.5, note: 场地平整}
  - {month: 2019-04, invested: 410}
"""
AS_FILES = {
    "progress/2019-03.yaml": "- {project: P-1, month: 2019-03, invested: 240.5, note: 场地平整}\n",
    "progress/2019-04/县发改局.yaml": "- {project: P-1, month: 2019-04, invested: \"0.041亿元\", "
                                    "reported_on: 2019-05-03, source: 县发改局}\n",
}


def status(cli, root):
    result = cli("status", "-L", root, "--as-of", "2019-05-31", "--format", "json")
    assert result.exit_code == 0, result.stdout + result.stderr
    return json.loads(result.stdout)


def test_progress_files_count_as_inline_progress(cli, tmp_path):
    inline = write_ledger(tmp_path / "inline", {"projects/base.yaml": INLINE})
    files = write_ledger(tmp_path / "files", AS_FILES)
    checked = cli("check", "-L", files)
    assert checked.exit_code == 0, checked.stdout + checked.stderr
    a, b = status(cli, inline), status(cli, files)
    assert a["completed_ytd"] == "650.5" and a == b
    shown = cli("show", "P-1", "-L", files, "--as-of", "2019-05-31", "--format", "json")
    assert "场地平整" in shown.stdout


def test_a_month_in_a_file_and_inline_is_reported_with_both_places(cli, tmp_path):
    root = write_ledger(tmp_path / "both", {"projects/base.yaml": INLINE, **AS_FILES})
    result = cli("check", "-L", root)
    assert result.exit_code == 1
    lines = [line for line in result.stdout.splitlines() if " E303 " in line]
    assert len(lines) == 2
    assert lines[0].startswith("progress/2019-03.yaml:1:") and "projects/base.yaml:1" in lines[0]
    refused = cli("status", "-L", root, "--as-of", "2019-05-31")
    assert refused.exit_code == 1 and "E303" in refused.stderr


def test_a_progress_file_naming_an_unknown_project(cli, tmp_path):
    root = write_ledger(tmp_path / "unknown", {"progress/2019-05.yaml": "- {project: P-9, month: 2019-05, invested: 1}\n"})
    result = cli("check", "-L", root)
    assert result.exit_code == 1 and "progress/2019-05.yaml:1:" in result.stdout and "E302" in result.stdout


def test_schema_of_progress(cli):
    result = cli("schema", "progress")
    record = json.loads(result.stdout)["$defs"]["ProgressReportModel"]
    assert result.exit_code == 0 and {"project", "month", "invested"} <= set(record["required"])
    assert {"note", "reported_on", "source"} <= set(record["properties"])
