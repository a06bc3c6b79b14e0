"""Golden outputs of the text reports: exact bytes, so a change in wording or figures shows in review.

Regenerate after an intended change with `UPDATE_GOLDEN=1 pytest tests/test_golden.py` and read the diff.
"""

import os

import pytest

from conftest import REPO, TESTS

GOLDEN = TESTS / "golden"
SAMPLE = ["-L", REPO / "data" / "lijin", "--as-of", "2019-05-31"]
CASES = {
    "summary.zh.txt": ["summary", *SAMPLE],
    "summary.en.txt": ["summary", *SAMPLE, "--lang", "en"],
    "status.txt": ["status", *SAMPLE, "--format", "plain"],
    "status-by-level.md": ["status", *SAMPLE, "--format", "markdown", "--by", "level"],
    "issues-stats.txt": ["issues", *SAMPLE, "--stats", "--format", "plain"],
    "rank-unit.txt": ["rank", *SAMPLE, "--format", "plain"],
    "check-broken.txt": ["check", "-L", TESTS / "fixtures" / "broken"],
    "check-broken.en.txt": ["check", "-L", TESTS / "fixtures" / "broken", "--lang", "en"],
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_golden(name, cli):
    result = cli(*CASES[name])
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_bytes(result.stdout_bytes)
    assert result.stdout_bytes == path.read_bytes()
