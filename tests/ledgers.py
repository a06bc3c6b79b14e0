"""Build small ledgers on disk for tests: a valid base, plus files that override or add."""

from __future__ import annotations

from pathlib import Path

BASE = {
    "ledger.yaml": """\
name: 示例县重点项目台账
region: 示例县
categories: [乡村振兴, 城建及基础设施]
locations: [利津街道, 北宋镇]
""",
    "projects/base.yaml": """\
id: P-1
name: 绿竹韵共享生态苑项目
level: county
category: 乡村振兴
total_investment: 7000
start: {planned: 2019-03-01, actual: 2019-03-15}
plans:
  2019: {annual: 3000}
""",
    "responsibilities/base.yaml": """\
id: R-1
leader: {name: 张三, title: 副县长}
unit: 县发改局
person: 李四
projects: [P-1]
""",
    "issues/base.yaml": """\
id: Q-1
project: P-1
category: land
title: 征地资金暂未到位
raised: 2019-04-01
""",
}


def write_ledger(root: Path, files: dict[str, str | bytes | None] | None = None, base: bool = True) -> Path:
    """Write BASE (unless base=False) with `files` on top; a None value deletes that file."""
    root.mkdir(parents=True, exist_ok=True)
    merged: dict = dict(BASE) if base else {}
    merged.update(files or {})
    for rel, content in merged.items():
        path = root / rel
        if content is None:
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return root
