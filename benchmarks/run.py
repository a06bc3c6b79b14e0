"""Time xmledger against the floor of plain YAML loading, side by side, at several ledger sizes.

    python benchmarks/run.py [--sizes 1000 10000 50000] [--repeat 3] [--out docs/performance.md]

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

Machines are noisy, so the table reports ratios to the floor measured in the
same run. It prints the table and writes it, with the machine and date, to
--out.
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


def measure(n: int, repeat: int) -> dict[str, tuple[float, int]]:
    root = ledger(n)
    xm = [sys.executable, "-m", "xmledger"]
    status = [*xm, "status", "-L", str(root), "--as-of", "2024-10-31"]
    check = [*xm, "check", "-L", str(root)]
    times: dict[str, list] = {}

    def note(name, result):
        times.setdefault(name, []).append(result)

    for _ in range(repeat):
        cache = tempfile.mkdtemp(prefix="xmledger-bench-")
        env = {**os.environ, "XMLEDGER_CACHE_DIR": cache}
        try:
            note("floor", run([sys.executable, "-c", FLOOR, str(root)]))
            note("cold status", run(status, env))
            note("warm status", run(status, env))
            gen_ledger.edit_one_file(root)
            note("warm + edit", run(status, env))
            shutil.rmtree(cache)
            note("cold check", run(check, env))
            note("warm check", run(check, env))
        finally:
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


def table(results: dict[int, dict]) -> str:
    names = ["floor", "cold status", "warm status", "warm + edit", "cold check", "warm check"]
    lines = ["| projects | " + " | ".join(names) + " |", "|---:|" + "---:|" * len(names)]
    for n, r in results.items():
        floor = r["floor"][0]
        cells = [f"{r[k][0]:.2f} s ({r[k][0] / floor:.2f}×), {r[k][1]} MiB" for k in names]
        lines.append(f"| {n:,} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 50000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--out", type=Path, default=HERE.parent / "docs" / "performance.md")
    args = parser.parse_args()
    results = {n: measure(n, args.repeat) for n in args.sizes}
    text = table(results)
    print(text)
    sizes = list(results)
    if len(sizes) > 1:
        print("scaling of cold status:", ", ".join(
            f"{b:,}/{a:,} projects: {results[b]['cold status'][0] / results[a]['cold status'][0]:.2f}×"
            for a, b in zip(sizes, sizes[1:])))
    stamp = f"Measured {datetime.date.today()} on {machine()} with `python benchmarks/run.py " \
            f"--sizes {' '.join(map(str, sizes))} --repeat {args.repeat}`; medians of {args.repeat} runs, " \
            "ratios to the floor of the same run, peak RSS of each process."
    write_section(args.out, stamp, text)


def write_section(path: Path, stamp: str, text: str) -> None:
    """Replace the measured table in docs/performance.md, keeping the prose around it."""
    begin, end = "<!-- measured: begin -->", "<!-- measured: end -->"
    doc = path.read_text(encoding="utf-8") if path.exists() else f"# Performance\n\n{begin}\n{end}\n"
    head, rest = doc.split(begin, 1)
    tail = rest.split(end, 1)[1]
    path.write_text(f"{head}{begin}\n{stamp}\n\n{text}\n{end}{tail}", encoding="utf-8")


if __name__ == "__main__":
    main()
