"""The package's layers hold: each module imports only its own layer and the layers before it.

    core -> sources -> read -> checks -> loading -> metrics -> reports -> renderers -> exports -> ingest -> api -> cli

Imports inside functions count too (they are how heavy modules stay off the
fast paths, and they are imports all the same). The parse cache's fingerprint
covers every module whose output it stores, derived from the imports.
"""

import ast
import builtins
import io
import os
import pathlib
from pathlib import Path


from conftest import REPO
from ledgers import BASE

PACKAGE = REPO / "src" / "xmledger"
LAYERS = ["core", "sources", "read", "checks", "loading", "metrics", "reports", "renderers", "exports", "ingest", "api",
          "cli"]
TOP = {"__init__": "api", "__main__": "cli"}  # the package's own entry points


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def layer(module: str) -> int:
    """The layer of xmledger.X.Y: the index of X (modules at the top are placed by TOP)."""
    part = module.split(".")[1] if "." in module else "__init__"
    return LAYERS.index(TOP.get(part, part))


def imports(source: str, module: str, is_package: bool) -> list[tuple[int, str]]:
    """(line, absolute module) of every import of an xmledger module in `source`, at any depth."""
    out = []
    here = module.split(".") if is_package else module.split(".")[:-1]
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            out += [(node.lineno, a.name) for a in node.names if a.name.split(".")[0] == "xmledger"]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = here[: len(here) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target.split(".")[0] != "xmledger":
                continue
            if node.module is None or target.count(".") == 0:  # from . import a, b: each is a module
                out += [(node.lineno, f"{target}.{a.name}") for a in node.names]
            else:
                out.append((node.lineno, target))
    return out


def target_layer(target: str) -> int:
    """The package root gives everyone its __version__; its API is imported lazily, by name."""
    return 0 if target in ("xmledger", "xmledger.__version__") else layer(target)


def violations(source: str, module: str, is_package: bool = False) -> list[str]:
    mine = layer(module)
    return [f"{module}:{line} imports {target} ({LAYERS[target_layer(target)]}, after {LAYERS[mine]})"
            for line, target in imports(source, module, is_package) if target_layer(target) > mine]


def modules():
    for path in sorted(PACKAGE.rglob("*.py")):
        yield path, module_name(path)


def test_every_package_has_a_layer():
    for path, name in modules():
        layer(name)  # raises ValueError for a folder not in LAYERS


def test_no_module_imports_a_later_layer():
    found = []
    for path, name in modules():
        found += violations(path.read_text(encoding="utf-8"), name, path.name == "__init__.py")
    assert not found, "\n".join(found)


def test_the_layer_check_can_fail():
    """A metrics module that reaches into a renderer is caught, at the top and inside a function."""
    assert violations("from ..renderers.text import render\n", "xmledger.metrics.figures")
    assert violations("def f():\n    from ..reports import base\n", "xmledger.checks.files")
    assert not violations("from ..core import records\n", "xmledger.metrics.figures")


def closure(start: str) -> set[str]:
    """Every xmledger module `start` imports, directly or through others."""
    by_name = {name: path for path, name in modules()}
    seen, todo = set(), [start]
    while todo:
        name = todo.pop()
        if name in seen or name not in by_name:
            continue
        seen.add(name)
        path = by_name[name]
        todo += [t for _, t in imports(path.read_text(encoding="utf-8"), name, path.name == "__init__.py")]
    return seen


def test_the_cache_fingerprint_covers_what_it_caches():
    """The cache stores what checks.files.check_file returns (and the cache's own format): every module
    those depend on must change the fingerprint when it changes."""
    from xmledger.loading.cache import FINGERPRINTED

    needed = closure("xmledger.checks.files") | closure("xmledger.loading.cache")
    outside = {m for m in needed if m.split(".")[1] not in FINGERPRINTED and m != "xmledger"}
    assert not outside, f"cached output depends on modules outside the fingerprint: {sorted(outside)}"
    assert "xmledger.read.yamlread" in needed and "xmledger.checks.record_rules" in needed


# ------------------------------------------------------------------ no file I/O after loading

def test_every_report_and_check_without_a_file_system(monkeypatch):
    """A ledger loaded from memory gives every report and check while any file access raises."""
    import xmledger
    from xmledger import api
    from xmledger.metrics.problems import IssueFilters
    from xmledger.renderers.registry import FORMATS
    import xmledger.renderers.delimited, xmledger.renderers.jsondoc, xmledger.renderers.terminal  # noqa: E401,F401
    import xmledger.renderers.text, xmledger.read.models, xmledger.checks.files, tabulate  # noqa: E401,F401

    files = {**BASE, "progress/2019-05.yaml": "- {project: P-1, month: 2019-05, invested: 400}\n"}
    xmledger.load_files(files)  # once before: pydantic reads its plugins' entry points on first use

    def no_files(*args, **kwargs):
        raise AssertionError(f"file access after the library was asked for a ledger in memory: {args[:1]}")

    with monkeypatch.context() as patched:
        for target, name in [(builtins, "open"), (io, "open"), (os, "open"), (os, "stat"), (os, "lstat"),
                             (os, "scandir"), (os, "listdir"), (pathlib.Path, "open"), (pathlib.Path, "read_bytes"),
                             (pathlib.Path, "read_text"), (pathlib.Path, "stat")]:
            patched.setattr(target, name, no_files)
        result = xmledger.load_files(files)
        ctx = xmledger.context(result, as_of="2019-05-31")
        reports = [xmledger.report(name, ctx, **options) for name, options in [
            ("status", {"by": "unit"}), ("starts", {}), ("completion", {}), ("progress", {}),
            ("show", {"pid": "P-1"}), ("summary", {}), ("issues", {"chosen": IssueFilters()}),
            ("issue-stats", {"chosen": IssueFilters()}), ("leaders", {}), ("rank", {"by": "unit"})]]
        reports.append(api.check(result))
        outputs = {(rep.name, f.name): xmledger.render(rep, f.name) for rep in reports for f in FORMATS
                   if not (rep.name == "summary" and f.name in ("csv", "tsv"))}
    assert not result.has_errors and result.ledger.projects[0].progress[0].invested == 400
    assert len(outputs) == 11 * len(FORMATS) - 2
    assert all(text for (name, fmt), text in outputs.items() if name != "check")  # a clean check prints nothing
    assert outputs[("check", "json")] == "[]\n"
