"""The README's cron recipe, run as written: it mails the circular only when it changed, says which revision it
was made from, and from the second circular on says what changed since the last one."""

from __future__ import annotations

import datetime
import os
import re
import shutil
import subprocess
import sys

import pytest

from conftest import REPO
from gitrepos import ENV, git, init
from ledgers import BASE, write_ledger


def recipe() -> str:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    return re.search(r"```sh\n(#!/bin/sh\n# crontab:.*?)```", readme, re.S)[1]


def project(today: datetime.date) -> str:
    """A project on the list of the year of yesterday (the recipe's date), started."""
    year = (today - datetime.timedelta(days=1)).year
    return BASE["projects/base.yaml"].replace("2019: {annual: 3000}", f"{year}: {{annual: 3000}}").replace(
        "{planned: 2019-03-01, actual: 2019-03-15}", f"{{planned: {year - 1}-03-01, actual: {year - 1}-03-15}}")


@pytest.mark.skipif(shutil.which("date") is None or shutil.which("sh") is None, reason="needs a POSIX shell")
def test_the_cron_recipe(tmp_path):
    if subprocess.run(["date", "-d", "yesterday"], capture_output=True).returncode != 0:
        pytest.skip("needs GNU date (date -d)")
    today = datetime.date.today()
    office = init(tmp_path / "origin")  # where the office pushes
    write_ledger(office, {"projects/base.yaml": project(today)})
    git(office, "add", "-A")
    git(office, "commit", "-q", "-m", "台账")
    clone = tmp_path / "台账"
    git(tmp_path, "clone", "-q", str(office), str(clone))
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "xmledger").write_text(f'#!/bin/sh\nexec "{sys.executable}" -m xmledger "$@"\n')
    (bin_dir / "mail").write_text('#!/bin/sh\n{ echo "Subject: $2"; echo "To: $3"; cat; echo "--"; } >> "$MAILBOX"\n')
    for exe in bin_dir.iterdir():
        exe.chmod(0o755)
    script = tmp_path / "circular.sh"
    script.write_text(recipe().replace("/srv/台账", str(clone)), encoding="utf-8")
    mailbox = tmp_path / "mailbox"
    env = {**os.environ, **ENV, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}", "HOME": str(tmp_path),
           "MAILBOX": str(mailbox), "XMLEDGER_CACHE_DIR": str(tmp_path / "cache")}
    env.pop("XMLEDGER_LEDGER", None)

    def monday() -> list[str]:
        done = subprocess.run(["sh", str(script)], env=env, capture_output=True, timeout=120)
        assert done.returncode == 0, done.stderr.decode()
        return mailbox.read_text(encoding="utf-8").split("--\n")[:-1] if mailbox.exists() else []

    first = monday()
    assert len(first) == 1
    day = (today - datetime.timedelta(days=1)).isoformat()
    head = git(clone, "rev-parse", "--short", "HEAD").strip()
    assert first[0].startswith(f"Subject: 重点项目周报（截至{day}）\nTo: office@example.cn\n示例县重点项目建设情况通报")
    assert f"（本通报依据台账版本 HEAD ({head}, {today.isoformat()}) 生成）" in first[0]  # committed today
    assert "以来" not in first[0]  # no circular before it: nothing to compare with
    assert monday() == first  # nothing changed: nothing sent

    write_ledger(office, {"issues/new.yaml": f"id: Q-9\nproject: P-1\ncategory: funding\ntitle: 配套资金未到位\n"
                                             f"raised: {day}\n"}, base=False)
    git(office, "add", "-A")
    git(office, "commit", "-q", "-m", "新问题")
    mails = monday()
    assert len(mails) == 2
    head = git(clone, "rev-parse", "--short", "HEAD").strip()
    assert "新收集问题1个" in mails[1] and "自台账版本 circular-last (" in mails[1]
    assert f"台账版本 HEAD ({head}, " in mails[1]
    assert git(clone, "rev-parse", "circular-last") == git(clone, "rev-parse", "HEAD")
