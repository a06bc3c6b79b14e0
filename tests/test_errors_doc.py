"""docs/errors.md is executable: every documented code is produced by its example.

Each `### CODE` section holds a ```yaml PATH [encoding=…] [pad=N] [delete]
block, written over the base ledger of tests/ledgers.py, and a ```text block
with the finding's first line, which must appear in `xmledger check` output.
"""

import re

import pytest

from ledgers import write_ledger
from xmledger.core.findings import CODES
from xmledger.core.words import SENTENCES

from conftest import REPO

DOC = REPO / "docs" / "errors.md"
SECTION = re.compile(r"^### ([EW]\d{3}) (.+)$", re.M)
BLOCK = re.compile(r"^```(\w+)([^\n]*)\n(.*?)^```$", re.M | re.S)


def sections() -> dict[str, str]:
    text = DOC.read_text(encoding="utf-8")
    heads = list(SECTION.finditer(text))
    return {m[1]: text[m.end(): heads[i + 1].start() if i + 1 < len(heads) else len(text)]
            for i, m in enumerate(heads)}


def example(body: str):
    """(path, options, content, {lang: expected first line}): the yaml block, then the finding in English
    (```text) and in Chinese (```text zh)."""
    blocks = BLOCK.findall(body)
    (_, info, content) = blocks[0]
    path, *flags = info.split()
    options = dict(f.split("=", 1) if "=" in f else (f, True) for f in flags)
    expected = {(extra.strip() or "en"): text.strip() for kind, extra, text in blocks[1:] if kind == "text"}
    return path, options, content, expected


def test_every_code_is_documented_and_every_documented_code_exists():
    documented = set(sections())
    assert documented == set(CODES)
    titles = {code: m for code, m in SECTION.findall(DOC.read_text(encoding="utf-8"))}
    for code in CODES:
        assert titles[code] == SENTENCES[f"code.{code}"][1], code


@pytest.mark.parametrize("code", sorted(CODES))
def test_documented_example_gives_its_finding(code, tmp_path, cli):
    path, options, content, expected = example(sections()[code])
    if "delete" in options:
        data = None
    elif "pad" in options:
        data = content.encode() + b"#" * int(options["pad"])
    else:
        data = content.encode(options.get("encoding", "utf-8"))
    if "link" in options:  # a link to `link`, which does not exist
        data = None
    root = write_ledger(tmp_path / "ledger", {path: data})
    if "link" in options:
        (root / path).symlink_to(root / options["link"])
    assert set(expected) == {"en", "zh"}, f"{code}: give the finding in English (```text) and Chinese (```text zh)"
    for lang, line in expected.items():
        result = cli("check", "-L", root, "--lang", lang)
        headlines = [h for h in result.stdout.splitlines() if re.match(r"^\S+: (error|warning) [EW]\d{3} ", h)]
        assert line in headlines, result.stdout
        assert result.exit_code == (1 if code.startswith("E") else 0)
        if code.startswith("E"):  # examples are minimal: no other error than the one shown
            assert {h.split()[2] for h in headlines if " error " in h} == {code}, result.stdout
