"""Where a warm command spends its time, part by part (the profile in docs/performance.md).

    python benchmarks/warm_profile.py LEDGER [--command status] [--as-of 2024-10-31] [--repeat 5]

Runs the real command line in a fresh process `--repeat` times on a warm cache
(one run first to fill it), with a timer wrapped around each stage of the
warm path, and prints the median of each stage. The stages are the library's
own functions, so the parts add up to the command's time less the process's
start and end (printed as "the rest").
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time

#: (label, module, attribute): the stages of a warm command, in the order they run
STAGES = [
    ("list the files (stat each)", "xmledger.sources.folder", "FolderSource.scan"),
    ("snapshot key", "xmledger.loading.snapshot", "key_of"),
    ("snapshot: read and verify", "xmledger.loading.snapshot", "read"),
    ("snapshot: settings and findings", "xmledger.loading.snapshot", "head_of"),
    ("facts of 40,000 records (marshal)", "xmledger.loading.snapshot", "facts_of"),
    ("records (only reports that show them)", "xmledger.core.ledger", "Ledger._record_triple"),
    ("views as of D: projects and problems", "xmledger.metrics.figures", "evaluate"),
    ("figures (sums, 双过半)", "xmledger.metrics.figures", "figures"),
    ("render", "xmledger.renderers.registry", "render"),
]


def child(argv: list[str]) -> None:
    """One run of the command line with the stages timed; the totals go to stderr as json."""
    began = time.perf_counter()
    import importlib

    import xmledger.cli as cli

    imported = time.perf_counter()
    spent: dict[str, float] = {}

    def timed(label, fn):
        def run(*args, **kwargs):
            t = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                spent[label] = spent.get(label, 0.0) + time.perf_counter() - t
        return run

    for label, module, attr in STAGES:
        owner = importlib.import_module(module)
        *path, name = attr.split(".")
        for part in path:
            owner = getattr(owner, part)
        found = owner.__dict__[name]
        if hasattr(found, "func"):  # a cached_property
            found.func = timed(label, found.func)
        else:
            setattr(owner, name, timed(label, found))
    # modules that imported a stage by name before it was wrapped
    import xmledger.loading.loader as loader
    loader.snapshot = importlib.import_module("xmledger.loading.snapshot")
    sys.argv = ["xmledger", *argv]
    try:
        cli.main()
    except SystemExit:
        pass
    spent = {"imports (typer, our modules)": imported - began, **spent, "total in process": time.perf_counter() - began}
    os.write(2, ("\n@@" + json.dumps(spent, ensure_ascii=False) + "\n").encode())


def main() -> None:
    if sys.argv[1:2] == ["--child"]:
        return child(sys.argv[2:])
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("ledger")
    parser.add_argument("--command", default="status")
    parser.add_argument("--as-of", default="2024-10-31")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    argv = [args.command, "-L", args.ledger] + (["--as-of", args.as_of] if args.command != "check" else [])
    me = [sys.executable, os.path.abspath(__file__), "--child", *argv]
    subprocess.run(me, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fill the cache
    runs, walls = [], []
    for _ in range(args.repeat):
        t = time.perf_counter()
        done = subprocess.run(me, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        walls.append(time.perf_counter() - t)
        runs.append(json.loads(done.stderr.decode().rsplit("@@", 1)[1]))
    labels = ["imports (typer, our modules)"] + [label for label, _, _ in STAGES] + ["total in process"]
    print(f"| part of a warm `{args.command}` | seconds (median of {args.repeat}) |\n|---|---:|")
    for label in labels:
        values = [r.get(label, 0.0) for r in runs]
        print(f"| {label} | {statistics.median(values):.3f} |")
    inside = statistics.median(r["total in process"] for r in runs)
    print(f"| process start and end | {statistics.median(walls) - inside:.3f} |")
    print(f"| **wall** | **{statistics.median(walls):.3f}** |")


if __name__ == "__main__":
    main()
