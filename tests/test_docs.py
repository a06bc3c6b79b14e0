"""The docs say what the code does, and send readers only to files in the repository.

- docs/metrics.md is what tools/make_docs.py writes from the definitions that `xmledger explain` prints;
  every key of `status --format json` (nested, and of `--by` groups) is defined there, and every figure
  column of `rank`, `leaders` and `issues --stats` is a defined figure.
- Its worked example (docs/examples/five) is run: every value in a checked table is what the command
  prints, and every "by hand" sum equals the value beside it; its prose states no other number.
- The sample values quoted for data/lijin are what `status` prints.
- docs/format.md documents every field of the JSON Schema of every record kind (and no field it lacks),
  with the schema's defaults.
- Relative links in README.md and docs/ point to files that exist (and to headings that exist).
"""

from __future__ import annotations

import ast
import json
import operator
import re
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from conftest import REPO, run_process
from xmledger.core.amounts import round_half_up
from xmledger.metrics import definitions as d
from xmledger.metrics.filters import Filters

DOCS = REPO / "docs"
METRICS = DOCS / "metrics.md"
FORMAT = DOCS / "format.md"
FIVE = DOCS / "examples" / "five"
FIVE_AS_OF = ("--as-of", "2019-06-30")
LIJIN = REPO / "data" / "lijin"


def run_json(cli, *args, ledger=FIVE, as_of=FIVE_AS_OF):
    result = cli(*args, "-L", ledger, *as_of, "--format", "json")
    assert result.exit_code == 0, result.stdout + result.stderr
    return json.loads(result.stdout)


def paths(value, prefix="") -> set[str]:
    """Every key path of a json document: a.b for nested objects, a[].b inside lists of objects."""
    out = set()
    if isinstance(value, dict):
        for k, v in value.items():
            p = f"{prefix}.{k}" if prefix else k
            out.add(p)
            out |= paths(v, p)
    elif isinstance(value, list):
        for item in value:
            out |= paths(item, prefix + "[]")
    return out


def at(doc, path: str):
    for part in path.split("."):
        doc = doc[part]
    return doc


# ------------------------------------------------------------------ comparing what the doc shows with json

def shows(cell: str, value) -> bool:
    """Does a value shown in the docs (78.9%, 1200.00, +2.9, -, green, 2019-05-08) show this json value?"""
    cell = cell.strip()
    if cell == "-":
        return value is None
    if value is None:
        return False
    m = re.fullmatch(r"([+-]?\d+(?:\.(\d+))?)%", cell)
    if m:
        return round_half_up(Decimal(str(value)) * 100, len(m[2] or "")) == Decimal(m[1])
    m = re.fullmatch(r"[+-]?\d+(?:\.(\d+))?", cell)
    if m and re.fullmatch(r"-?\d+(\.\d+)?(E[+-]?\d+)?", str(value)):
        return round_half_up(Decimal(str(value)), len(m[1] or "")) == Decimal(cell)
    return cell == str(value)


_OPS = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.Div: operator.truediv}


def evaluate(expr: str) -> Decimal:
    """An arithmetic expression of the docs (`(3700 / 7000 - 6 / 12) * 100`), exactly, in Decimals."""
    def walk(node):
        if isinstance(node, ast.Expression):
            return walk(node.body)
        if isinstance(node, ast.BinOp) and type(node.op) in _OPS:
            return _OPS[type(node.op)](walk(node.left), walk(node.right))
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
            return -walk(node.operand)
        if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
            return Decimal(ast.get_source_segment(expr, node))
        raise ValueError(f"not arithmetic: {expr}")

    return walk(ast.parse(expr, mode="eval"))


def same(expr: str, value) -> bool:
    exact, got = evaluate(expr), Decimal(str(value))
    return abs(exact - got) <= Decimal("1e-6") * max(Decimal(1), abs(exact))


# ------------------------------------------------------------------ reading checked tables of the docs

CHECK = re.compile(r"^<!-- check: (.+?) -->\n((?:\|.*\|\n)+)", re.M)
LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
CODE = re.compile(r"`([^`]*)`")


def cells(line: str) -> list[str]:
    return [LINK.sub(r"\1", c).strip() for c in line.strip().strip("|").split("|")]


def checked_tables(text: str):
    """(command args, json table, key field, header, rows) of every `<!-- check: ... -->` table."""
    for m in CHECK.finditer(text):
        spec = [s.strip() for s in m[1].split("|")]
        lines = m[2].strip().splitlines()
        header = [CODE.sub(r"\1", c) for c in cells(lines[0])]
        rows = [cells(line) for line in lines[2:]]
        yield spec, header, rows


def worked_example() -> str:
    text = METRICS.read_text(encoding="utf-8")
    start = text.index("## A worked example")
    return text[start: text.index("\n## ", start + 1)]


def test_the_worked_example_has_checked_tables():
    specs = [spec[0] for spec, _, _ in checked_tables(worked_example())]
    assert {"status", "progress", "completion", "issues", "issues --stats", "leaders", "rank --by unit",
            "starts"} <= set(specs)


TABLES = list(checked_tables(worked_example()))


@pytest.mark.parametrize("spec,header,rows", TABLES, ids=[" ".join(t[0][:2]) for t in TABLES])
def test_worked_example_table_is_what_the_tool_prints(cli, spec, header, rows):
    doc = run_json(cli, *spec[0].split())
    if spec[1] == "figures":  # | figure | by hand | value |
        lookup = {row[0].strip("`"): at(doc, row[0].strip("`")) for row in rows}
        values = [[None, None, lookup[row[0].strip("`")]] for row in rows]
    else:
        table, key = spec[1], spec[2]
        by_key = {str(r[key]): r for r in doc[table]}
        values = []
        for row in rows:
            assert row[0] in by_key, f"{spec[0]}: no {key} {row[0]} in {sorted(by_key)}"
            values.append([by_key[row[0]].get(h) if h != "by hand" else None for h in header])
    checked = 0
    for row, vals in zip(rows, values):
        for i, h in enumerate(header):
            if i == 0:
                continue
            if h == "by hand":
                expr = CODE.search(row[i])
                if expr:
                    assert same(expr[1], vals[i + 1]), f"{spec[0]} {row[0]}: {expr[1]} is not {vals[i + 1]}"
                    checked += 1
            else:
                assert shows(row[i], vals[i]), f"{spec[0]} {row[0]} {h}: the doc says {row[i]}, the tool {vals[i]}"
                checked += 1
    assert checked >= len(rows)


def test_the_prose_of_the_worked_example_states_no_unchecked_number():
    """Numbers of the example live in its checked tables; prose may name ids and dates only."""
    text = worked_example()
    text = CHECK.sub("", text)
    text = re.sub(r"^```.*?^```", "", text, flags=re.M | re.S)
    text = LINK.sub(r"\1", text)
    text = re.sub(r"\b(SL\d{4}-\d{3}|Q\d{4}-\d{3}|R-\d{2})\b", "", text)
    text = re.sub(r"\b\d{4}-\d{2}-\d{2}\b|\b20(18|19)\b", "", text)
    text = re.sub(r"`[a-z_.]+`", "", text)
    assert not re.findall(r".{0,30}\d.{0,30}", text)


def test_the_sample_ledger_shows_the_values_quoted(cli):
    doc = run_json(cli, "status", ledger=LIJIN, as_of=("--as-of", "2019-05-31"))
    quoted = [f for f in d.FIGURES if f.sample is not None]
    assert {"start_rate", "on_schedule_rate", "plan_completion_rate", "issues.resolution_rate"} <= \
        {f.key for f in quoted}
    for fig in quoted:
        assert shows(fig.sample, at(doc, fig.key)), (fig.key, fig.sample, at(doc, fig.key))


# ------------------------------------------------------------------ docs/metrics.md and the definitions

def test_metrics_doc_is_what_the_generator_writes():
    result = subprocess.run([sys.executable, str(REPO / "tools" / "make_docs.py"), "--check"],
                            capture_output=True, cwd=REPO, timeout=120)
    assert result.returncode == 0, result.stderr.decode()


def test_the_generator_refuses_a_doc_without_a_section(tmp_path):
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_docs", REPO / "tools" / "make_docs.py")
    make_docs = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make_docs)
    text = METRICS.read_text(encoding="utf-8")
    cut = re.sub(r"<!-- BEGIN generated figures:yoy.*?<!-- END generated figures:yoy -->", "", text, flags=re.S)
    with pytest.raises(SystemExit, match="figures:yoy"):
        make_docs.generate(cut)
    stale = text.replace("How many points the start rate is above", "How many points the start rate was above")
    assert make_docs.generate(stale) == text


def documented_keys() -> set[str]:
    return set(CODE.findall(METRICS.read_text(encoding="utf-8")))


def test_every_key_of_status_json_is_defined_and_documented(cli, tmp_path):
    """status --by unit, filtered, on a ledger with a year before: every key, nested ones included."""
    doc = run_json(cli, "status", "--by", "unit", "--category", "产业发展")
    assert doc["yoy"] is not None and doc["filters"] and doc["groups"]
    keys = paths(doc) | paths(run_json(cli, "status", "--by", "level", ledger=LIJIN, as_of=("--as-of", "2019-05")))
    figures = set(d.BY_KEY)
    documented = documented_keys()
    filters = {f"filters.{name}" for name in Filters._fields}  # under filters: the filters given, by name
    for key in sorted(keys - filters):
        inner = key.removeprefix("groups[].")
        assert key in figures or (key.startswith("groups[].") and inner in figures), f"{key} has no definition"
        assert key in documented or inner in documented, f"{key} is not in docs/metrics.md"
    # a group carries the same figures as the whole
    assert paths(doc["groups"][0]) - {"key"} == {k for k in paths(doc) if not k.startswith(("groups", "filters",
                                                 "year", "as_of", "unit", "left_out"))}


FIGURE_COLUMNS = {  # the columns of each report's json rows that are not figures but names
    "rank": {"key"}, "leaders": {"card", "leader", "leader_title", "unit", "person"},
    "issues --stats": {"key"}, "progress": {"id", "name", "leader"}, "issues": {
        "id", "project", "category", "title", "difficulty", "assignee_unit", "assignee_person", "raised",
        "resolved"},
}


@pytest.mark.parametrize("command", sorted(FIGURE_COLUMNS))
def test_every_figure_column_of_a_report_is_defined(cli, command):
    args = command.split() + (["--by", "unit"] if command == "rank" else [])
    doc = run_json(cli, *args)
    rows = [row for key, value in doc.items() if isinstance(value, list) for row in value]
    assert rows
    for column in {k for row in rows for k in row} - FIGURE_COLUMNS[command]:
        fig = d.find(column)
        assert fig is not None, f"{command}: {column} has no definition"
        assert command in fig.shown or command.split()[0] in fig.shown, (command, column)


def test_names_name_one_figure_each_and_formulas_name_figures():
    owner: dict[str, str] = {}
    for fig in d.FIGURES:
        assert fig.section in d.SECTION_BY_KEY and fig.kind in d.KINDS, fig.key
        assert all(c in d.COMMANDS for c in fig.shown), fig.key
        for name in d.names(fig):
            assert owner.setdefault(d.normal(name), fig.key) == fig.key, (name, owner[d.normal(name)], fig.key)
        for ref in d.references(fig.formula):
            assert ref in d.BY_KEY, (fig.key, ref)
    assert len(d.BY_KEY) == len(d.FIGURES)
    assert {f.section for f in d.FIGURES} == set(d.SECTION_BY_KEY)


# ------------------------------------------------------------------ xmledger explain

def test_explain_prints_the_definition_of_the_docs_in_both_languages(cli):
    text = METRICS.read_text(encoding="utf-8")
    for fig in d.FIGURES:
        for lang, definition in (("zh", fig.zh_text), ("en", fig.en_text)):
            result = cli("explain", fig.key, "--lang", lang, "--format", "plain")
            assert result.exit_code == 0, result.stderr
            assert definition in result.stdout and definition in text, (fig.key, lang)


@pytest.mark.parametrize("name,key", [("开工率", "start_rate"), ("start_rate", "start_rate"),
                                      ("issues.overdue", "issues.overdue"), ("逾期未办结", "issues.overdue"),
                                      ("Start Rate", "start_rate"), ("超序时进度（百分点）", "ahead_of_time_pp"),
                                      ("新开工率", "new_start_rate"), ("issues_raised", "issues.raised"),
                                      ("绿灯", "lights.green"), ("竣工一批", "four_batches.completing")])
def test_explain_finds_a_figure_by_any_of_its_names(cli, name, key):
    result = cli("explain", name, "--lang", "en", "--format", "json")
    assert result.exit_code == 0, result.stderr
    doc = json.loads(result.stdout)
    assert doc["key"] == key and doc["definition"]["en"] == d.BY_KEY[key].en_text
    assert doc["doc"] == f"docs/metrics.md#{d.anchor(key)}"


def test_explain_without_a_ledger_speaks_chinese(tmp_path):
    result = run_process("explain", "开工率", cwd=tmp_path)
    assert result.returncode == 0, result.stderr.decode()
    out = result.stdout.decode("utf-8")
    assert out.startswith("开工率（start_rate）") and "计算：已开工 / 项目数" in out
    assert d.BY_KEY["start_rate"].zh_text in out


def test_explain_speaks_the_language_of_the_ledger_it_finds(tmp_path, cli):
    root = tmp_path / "ledger"
    (root / "projects").mkdir(parents=True)
    (root / "ledger.yaml").write_text("name: Demo\nregion: Demo county\nlanguage: en\n", encoding="utf-8")
    found = run_process("explain", "start_rate", cwd=root / "projects")  # found upwards
    assert found.stdout.decode().startswith("start rate (start_rate)")
    named = cli("explain", "开工率", "-L", root, "--format", "plain")
    assert named.stdout.startswith("start rate (start_rate)") and "Formula: started / projects" in named.stdout
    assert cli("explain", "start_rate", "-L", root, "--lang", "zh").stdout.startswith("开工率（start_rate）")
    env = cli("explain", "start_rate", env={"XMLEDGER_LEDGER": str(root)})
    assert env.stdout.startswith("start rate (start_rate)")
    assert cli("explain", "start_rate", "-L", tmp_path / "nowhere").exit_code == 2
    (root / "ledger.yaml").write_text("name: Demo\nlanguage: en\nbogus: [\n", encoding="utf-8")  # broken YAML
    assert cli("explain", "start_rate", "-L", root).stdout.startswith("开工率（start_rate）")
    (root / "ledger.yaml").write_text("name: Demo\nlanguage: en\nbogus: 1\n", encoding="utf-8")  # not valid
    assert cli("explain", "start_rate", "-L", root).stdout.startswith("start rate (start_rate)")


def test_explain_an_unknown_figure_exits_2_with_the_nearest(tmp_path):
    result = run_process("explain", "开工律", cwd=tmp_path)
    assert result.returncode == 2 and result.stdout == b""
    err = result.stderr.decode("utf-8")
    assert "没有名为“开工律”的指标" in err and "开工率（start_rate）" in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1
    english = run_process("explain", "resolution rat", "--lang", "en", cwd=tmp_path)
    assert english.returncode == 2
    assert "Did you mean issues.resolution_rate (resolution rate)" in english.stderr.decode()
    nothing = run_process("explain", "zzzz", "--lang", "en", cwd=tmp_path)
    assert nothing.returncode == 2 and "Did you mean" not in nothing.stderr.decode()


def test_explain_alone_lists_every_figure(cli, tmp_path):
    result = cli("explain", "--lang", "en", "--format", "json")
    listed = [row["figure"] for rows in json.loads(result.stdout).values() for row in rows]
    assert listed == [f.key for f in d.FIGURES]
    zh = cli("explain", "--format", "plain", env={"XMLEDGER_LEDGER": ""})
    assert "开工率" in zh.stdout and "issues.overdue" in zh.stdout and "四个一批" in zh.stdout


def test_explain_as_csv_is_refused_for_one_figure_but_not_for_the_list(cli):
    assert cli("explain", "start_rate", "--format", "csv").exit_code == 2
    listed = cli("explain", "--format", "csv", "--lang", "en")
    assert listed.exit_code == 0 and "start_rate,start rate" in listed.stdout


# ------------------------------------------------------------------ links stay in the repository

def markdown_files() -> list[Path]:
    return [REPO / "README.md", *sorted(DOCS.rglob("*.md"))]


def slug(heading: str) -> str:
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def anchors_of(path: Path) -> set[str]:
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"^```.*?^```", "", text, flags=re.M | re.S)
    found = set(re.findall(r'<a id="([^"]+)"', text))
    seen: dict[str, int] = {}
    for heading in re.findall(r"^#{1,6} (.+)$", text, re.M):
        base = slug(re.sub(r"<[^>]+>", "", heading))
        n = seen.get(base, 0)
        found.add(base if n == 0 else f"{base}-{n}")
        seen[base] = n + 1
    return found


def links(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"^```.*?^```", "", text, flags=re.M | re.S)
    text = re.sub(r"`[^`\n]*`", "", text)
    return re.findall(r"\]\(([^)\s]+)\)", text)


@pytest.mark.parametrize("path", markdown_files(), ids=lambda p: str(p.relative_to(REPO)))
def test_relative_links_point_into_the_repository(path):
    for target in links(path):
        if re.match(r"[a-z]+:", target):
            continue  # https: and mailto: are not files
        file, _, anchor = target.partition("#")
        dest = (path.parent / file).resolve() if file else path
        assert dest.exists(), f"{path.name}: link to {target}, which does not exist"
        assert dest.is_relative_to(REPO), f"{path.name}: link to {target} leaves the repository"
        if anchor and dest.suffix == ".md":
            assert anchor in anchors_of(dest), f"{path.name}: no heading or anchor #{anchor} in {file or path.name}"


@pytest.mark.parametrize("path", markdown_files(), ids=lambda p: str(p.relative_to(REPO)))
def test_no_reader_is_sent_outside_the_repository(path):
    text = path.read_text(encoding="utf-8")
    assert "shared/SPEC" not in text and "/work/" not in text
    assert not re.search(r"SPEC\s*§", text), "name the section of docs/format.md or docs/metrics.md instead"


def test_the_readme_shows_what_explain_prints(tmp_path):
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```text\n\$ xmledger explain (\S+)\n(.*?)```", readme, re.S)
    shown = block[2].split("...")[0].rstrip("\n").splitlines()
    result = run_process("explain", block[1], cwd=tmp_path)
    assert result.stdout.decode("utf-8").splitlines()[: len(shown)] == shown


# ------------------------------------------------------------------ docs/format.md and the JSON Schema

KINDS = {"ledger": "ledger.yaml", "project": "projects", "responsibility": "responsibilities", "issue": "issues",
         "progress": "progress"}


def schema_fields(kind: str) -> dict[str, tuple[bool, object]]:
    """path -> (required, default) of every field of a record kind's JSON Schema, nested ones included."""
    from xmledger.read.schema import schemas

    root = schemas()[kind]
    out: dict[str, tuple[bool, object]] = {}

    def resolve(node):
        while "$ref" in node:
            node = {**root["$defs"][node["$ref"].rsplit("/", 1)[1]], **{k: v for k, v in node.items() if k != "$ref"}}
        return node

    def walk(node, prefix):
        node = resolve(node)
        for alternative in node.get("anyOf", []):
            walk(alternative, prefix)
        if node.get("type") == "array" and isinstance(node.get("items"), dict):
            walk(node["items"], prefix + "[]")
        if isinstance(node.get("additionalProperties"), dict):
            walk(node["additionalProperties"], prefix + ".*")
        required = set(node.get("required", ()))
        for name, sub in node.get("properties", {}).items():
            path = f"{prefix}.{name}" if prefix else name
            out[path] = (name in required, resolve(sub).get("default"))
            walk(sub, path)

    walk(root if kind == "ledger" else root["anyOf"][0], "")
    return out


def documented_fields(kind: str) -> dict[str, list[str]]:
    text = FORMAT.read_text(encoding="utf-8")
    table = re.search(rf"^<!-- fields: {kind} -->\n((?:\|.*\|\n)+)", text, re.M)
    assert table, f"docs/format.md has no field table for {kind}"
    rows = [cells(line) for line in table[1].strip().splitlines()[2:]]
    return {re.sub(r"<[^>]+>", "*", CODE.search(row[0])[1]): row for row in rows}


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_format_doc_has_every_field_of_the_schema_and_no_other(kind):
    fields, documented = schema_fields(kind), documented_fields(kind)
    assert sorted(set(fields) - set(documented)) == [], "fields of `xmledger schema` missing from docs/format.md"
    assert sorted(set(documented) - set(fields)) == [], "docs/format.md documents fields the schema lacks"
    for path, (required, default) in fields.items():
        field, kind_, shown_default, meaning = documented[path]
        assert meaning, path
        if required:
            assert shown_default == "required", path
        else:
            assert shown_default != "required", path
            if isinstance(default, (str, int, float)) and not isinstance(default, bool):
                assert str(default) in shown_default, (path, default, shown_default)


def format_examples() -> list[tuple[str, str]]:
    """(path, yaml) of every example of docs/format.md that names its file on its first line."""
    text = FORMAT.read_text(encoding="utf-8")
    return [(m[1], m[0]) for m in re.finditer(r"(?<=```yaml\n)# (\S+\.yaml)[^\n]*\n.*?(?=^```)", text, re.M | re.S)]


def key_paths(value, prefix="") -> set[str]:
    out = set()
    if isinstance(value, dict):
        for k, v in value.items():
            name = "*" if isinstance(k, int) else str(k)
            path = f"{prefix}.{name}" if prefix else name
            out |= {path} | key_paths(v, path)
    elif isinstance(value, list):
        for item in value:
            out |= key_paths(item, prefix + "[]")
    return out


def test_format_examples_are_a_valid_ledger_that_uses_every_field(tmp_path, cli):
    import yaml

    examples = format_examples()
    assert {path.split("/")[0] for path, _ in examples} == set(KINDS.values())
    used: dict[str, set[str]] = {kind: set() for kind in KINDS}
    for path, text in examples:
        file = tmp_path / path
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(text, encoding="utf-8")
        kind = next(k for k, folder in KINDS.items() if path.split("/")[0] == folder)
        records = yaml.safe_load(text)
        for record in records if isinstance(records, list) else [records]:
            used[kind] |= key_paths(record)
    result = cli("check", "-L", tmp_path, "--format", "json")
    defined = {yaml.safe_load(text).get("id") for path, text in examples if path.startswith("projects/")}
    errors = [f for f in json.loads(result.stdout) if f["severity"] == "error"
              and not (f["code"] == "E302" and not any(pid in f["message"] for pid in defined))]
    assert errors == []
    for kind in KINDS:
        assert set(schema_fields(kind)) <= used[kind], (kind, set(schema_fields(kind)) - used[kind])
