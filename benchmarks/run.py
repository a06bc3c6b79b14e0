"""Time xmledger against the floor of plain YAML loading, side by side, at several ledger sizes.

    python benchmarks/run.py [--sizes 1000 10000 50000] [--repeat 3] [--out docs/performance.md]
                             [--baseline OTHER_PYTHON]

For each size N it generates (once, under benchmarks/out/) a synthetic ledger
of N projects with benchmarks/gen_ledger.py, then runs each of these as a
separate process, interleaved, `--repeat` times, and keeps the median wall
time and the largest peak RSS:

  floor        yaml.load(data, Loader=yaml.CLoader) of every YAML file
  cold status  `xmledger status` with an empty parse cache (it fills it)
  warm status  `xmledger status` again, the cache valid
  warm + edit  `xmledger status` after editing one project file in place
  cold check   `xmledger check` with an empty parse cache
  warm check   `xmledger check` again
  warm issues  `xmledger issues` (30,000 rows at 10,000 projects), the cache valid

Machines are noisy, so the table reports ratios to the floor measured in the
same run. With --baseline (the python of a second venv where another checkout
of xmledger is installed, say today's main before a change), every xmledger
run is made by both, one right after the other, and a second table gives
this checkout's time as a ratio of the baseline's. Both packages are
byte-compiled first: with PYTHONDONTWRITEBYTECODE set, a changed module would
otherwise be compiled again at every start and the comparison would be unfair.
It prints the tables and writes them, with the machine and date, to --out.
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import gen_ledger  # noqa: E402

FLOOR = """
import os, sys, yaml
for folder, _, names in os.walk(sys.argv[1]):
    for name in names:
        if name.endswith((".yaml", ".yml")):
            with open(os.path.join(folder, name), "rb") as f:
                yaml.load(f.read(), Loader=yaml.CLoader)
"""


def run(argv: list[str], env: dict | None = None) -> tuple[float, int]:
    """Wall seconds and peak RSS (MiB) of one process, its output discarded."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):  # check exits 1 on warnings-as-errors only with --strict; 1 is tolerated for check
        raise SystemExit(f"{argv} exited {code}")
    return wall, usage.ru_maxrss // 1024


def ledger(n: int) -> Path:
    out = HERE / "out" / f"ledger-{n}"
    if not (out / "ledger.yaml").exists():
        print(f"generating {n} projects ...", flush=True)
        gen_ledger.generate(out, n, seed=1, force=True)
    return out


def compile_package(python: str) -> None:
    """Byte-compile the xmledger that `python` imports (see the module docstring)."""
    folder = subprocess.run([python, "-c", "import os, xmledger; print(os.path.dirname(xmledger.__file__))"],
                            capture_output=True, text=True, check=True).stdout.strip()
    subprocess.run([python, "-m", "compileall", "-q", folder], stdout=subprocess.DEVNULL, check=True)


def measure(n: int, repeat: int, baseline: str | None = None) -> dict[str, tuple[float, int]]:
    """Median wall and largest peak RSS of each step; with a baseline, its steps too, as "NAME (baseline)"."""
    root = ledger(n)
    pythons = {"": sys.executable, **({" (baseline)": baseline} if baseline else {})}
    times: dict[str, list] = {}

    def note(name, result):
        times.setdefault(name, []).append(result)

    def both(name, args, env):
        for suffix, python in pythons.items():
            note(name + suffix, run([python, "-m", "xmledger", *args], env[suffix]))

    status = ["status", "-L", str(root), "--as-of", "2024-10-31"]
    issues = ["issues", "-L", str(root), "--as-of", "2024-10-31"]
    check = ["check", "-L", str(root)]
    for _ in range(repeat):
        caches = {suffix: tempfile.mkdtemp(prefix="xmledger-bench-") for suffix in pythons}
        env = {suffix: {**os.environ, "XMLEDGER_CACHE_DIR": cache} for suffix, cache in caches.items()}
        try:
            note("floor", run([sys.executable, "-c", FLOOR, str(root)]))
            both("cold status", status, env)
            both("warm status", status, env)
            both("warm issues", issues, env)
            gen_ledger.edit_one_file(root)
            both("warm + edit", status, env)
            for cache in caches.values():
                shutil.rmtree(cache)
            both("cold check", check, env)
            both("warm check", check, env)
        finally:
            for cache in caches.values():
                shutil.rmtree(cache, ignore_errors=True)
    return {name: (statistics.median(w for w, _ in runs), max(m for _, m in runs)) for name, runs in times.items()}


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return f"{cpu}, {cores} cores, Python {platform.python_version()}, {platform.system()}"


NAMES = ["floor", "cold status", "warm status", "warm + edit", "cold check", "warm check", "warm issues"]


def table(results: dict[int, dict]) -> str:
    lines = ["| projects | " + " | ".join(NAMES) + " |", "|---:|" + "---:|" * len(NAMES)]
    for n, r in results.items():
        floor = r["floor"][0]
        cells = [f"{r[k][0]:.2f} s ({r[k][0] / floor:.2f}×), {r[k][1]} MiB" for k in NAMES]
        lines.append(f"| {n:,} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def baseline_table(results: dict[int, dict]) -> str:
    """This checkout against the baseline, step by step: wall (ratio), peak RSS."""
    names = NAMES[1:]
    lines = ["| projects | " + " | ".join(names) + " |", "|---:|" + "---:|" * len(names)]
    for n, r in results.items():
        cells = [f"{r[k][0]:.2f} s vs {r[k + ' (baseline)'][0]:.2f} s (**{r[k][0] / r[k + ' (baseline)'][0]:.2f}×**),"
                 f" {r[k][1]} vs {r[k + ' (baseline)'][1]} MiB" for k in names]
        lines.append(f"| {n:,} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 50000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--out", type=Path, default=HERE.parent / "docs" / "performance.md")
    parser.add_argument("--baseline", metavar="PYTHON", help="the python of a venv with another xmledger checkout")
    args = parser.parse_args()
    for python in filter(None, (sys.executable, args.baseline)):
        compile_package(python)
    results = {n: measure(n, args.repeat, args.baseline) for n in args.sizes}
    text = table(results)
    if args.baseline:
        text += "\n\nThis checkout against the baseline (" + baseline_version(args.baseline) + "), same run:\n\n" \
            + baseline_table(results)
    print(text)
    sizes = list(results)
    if len(sizes) > 1:
        print("scaling of cold status:", ", ".join(
            f"{b:,}/{a:,} projects: {results[b]['cold status'][0] / results[a]['cold status'][0]:.2f}×"
            for a, b in zip(sizes, sizes[1:])))
    stamp = f"Measured {datetime.date.today()} on {machine()} with `python benchmarks/run.py " \
            f"--sizes {' '.join(map(str, sizes))} --repeat {args.repeat}" \
            f"{' --baseline BASELINE_PYTHON' if args.baseline else ''}`; medians of {args.repeat} runs, " \
            "ratios to the floor of the same run, peak RSS of each process."
    write_section(args.out, stamp, text)


def baseline_version(python: str) -> str:
    """The baseline's checkout: its git commit, when it is one."""
    folder = subprocess.run([python, "-c", "import os, xmledger; print(os.path.dirname(xmledger.__file__))"],
                            capture_output=True, text=True).stdout.strip()
    commit = subprocess.run(["git", "-C", folder, "rev-parse", "--short", "HEAD"], capture_output=True, text=True)
    return f"commit {commit.stdout.strip()}" if commit.returncode == 0 else folder


def write_section(path: Path, stamp: str, text: str) -> None:
    """Replace the measured table in docs/performance.md, keeping the prose around it."""
    begin, end = "<!-- measured: begin -->", "<!-- measured: end -->"
    doc = path.read_text(encoding="utf-8") if path.exists() else f"# Performance\n\n{begin}\n{end}\n"
    head, rest = doc.split(begin, 1)
    tail = rest.split(end, 1)[1]
    path.write_text(f"{head}{begin}\n{stamp}\n\n{text}\n{end}{tail}", encoding="utf-8")


if __name__ == "__main__":
    main()
