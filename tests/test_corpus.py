"""Bad input never crashes: every corpus file gives a placed finding and exit 1.

Run as a real process (as cron runs it), so a crash of the interpreter, a
traceback on stderr or a hang would show; and nothing in the corpus may run
code (the python tags would create pwned.txt).
"""

import tomllib

import pytest

from conftest import TESTS, run_process
from ledgers import write_ledger

CORPUS = TESTS / "corpus"
CASES = tomllib.loads((CORPUS / "cases.toml").read_text(encoding="utf-8"))


def test_every_corpus_file_has_a_case():
    assert {p.stem for p in CORPUS.glob("*.yaml")} == set(CASES)


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_input_gives_a_finding(name, tmp_path):
    case = CASES[name]
    root = write_ledger(tmp_path / "ledger", {case["at"]: (CORPUS / f"{name}.yaml").read_bytes()})
    result = run_process("check", "-L", root, "--lang", "en", cwd=root, timeout=20)
    stdout, stderr = result.stdout.decode("utf-8"), result.stderr.decode("utf-8")
    assert result.returncode == 1, (stdout, stderr)
    assert any(line.startswith(case["finding"]) for line in stdout.splitlines()), stdout
    assert "Traceback" not in stderr
    assert not (root / "pwned.txt").exists()


def test_missing_ledger_yaml(tmp_path):
    root = write_ledger(tmp_path / "ledger", {"ledger.yaml": None})
    result = run_process("check", "-L", root)
    assert result.returncode == 1
    assert result.stdout.decode().startswith("ledger.yaml: error E401 这个文件夹中没有 ledger.yaml")


def test_unreadable_project_file_does_not_make_its_references_unknown(tmp_path, cli):
    root = write_ledger(tmp_path / "ledger", {"projects/base.yaml": "id: P-1\nname: [broken\n"})
    result = cli("check", "-L", root)
    assert "E002" in result.stdout
    assert "E302" not in result.stdout  # refer to P-1, which the broken file defines


def test_records_beside_a_bad_list_item_still_load(tmp_path, cli):
    root = write_ledger(tmp_path / "ledger", {"issues/mixed.yaml": (CORPUS / "mixed-list.yaml").read_bytes()})
    result = cli("check", "-L", root)
    assert result.exit_code == 1
    assert "3 个问题" in result.stderr  # Q-1 of the base ledger, Q-9 and Q-10


def test_link_loop_in_a_record_folder_ends(tmp_path, cli):
    root = write_ledger(tmp_path / "ledger")
    (root / "projects" / "loop").symlink_to(root / "projects", target_is_directory=True)
    result = cli("check", "-L", root)
    assert result.exit_code == 0, result.stdout
