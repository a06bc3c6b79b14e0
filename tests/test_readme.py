"""The README's Python example runs as written, and prints what its comments say."""

import re
import subprocess
import sys

from conftest import REPO


def test_python_example_runs_and_prints_what_it_says():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    code = re.search(r"```python\n(.*?)```", readme, re.S)[1]
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, cwd=REPO, timeout=120)
    assert result.returncode == 0, result.stderr.decode()
    out = result.stdout.decode("utf-8")
    assert "0 findings" in out and "13 11 0.846" in out
    assert "| 合计" in out and "开工情况（按类别）" in out
