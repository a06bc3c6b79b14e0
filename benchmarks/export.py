"""Time the exports of issue 11 on synthetic ledgers: wall time, CPU time and peak RSS of each command.

    python benchmarks/export.py [--sizes 10000 100000] [--repeat 3] [--out docs/performance.md]
                                [--kinds xlsx sqlite csv html] [--ledger PATH] [--baseline CHECKOUT]

For each size N it uses (or generates, once, under benchmarks/out/) a ledger of N projects made by
benchmarks/gen_ledger.py, fills the parse cache with one `status`, then runs as separate processes,
interleaved, `--repeat` times: `status` (reading the ledger, the part every command shares) and
`export KIND -o FILE` for each kind. It keeps the median wall time, the median CPU time (user + system,
from wait4: on a busy machine the wall time waits for other processes, the CPU time much less) and the
largest peak RSS, and writes the table between the export markers of docs/performance.md. The peak RSS is
that of the process, or of its largest worker when it forks one (wait4 reports the larger of the two).

With --baseline CHECKOUT (e.g. `git worktree add /tmp/base COMMIT`) every command also runs from that checkout,
interleaved with this one's, and a second table gives each as a ratio of the baseline's, from the same run.
"""

from __future__ import annotations

import argparse
import datetime
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from run import ledger, machine  # noqa: E402

AS_OF = "2024-10-31"
BEGIN, END = "<!-- export measured: begin -->", "<!-- export measured: end -->"


def run(argv: list[str], env: dict) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds and peak RSS (MiB) of one process, its output discarded."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status):
        raise SystemExit(f"{argv} failed: {proc.stderr.read().decode(errors='replace')}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss // 1024


def measure(root: Path, kinds: list[str], repeat: int, baseline: Path | None = None
            ) -> dict[str, tuple[float, float, int, int]]:
    """Each command `repeat` times; with `baseline` (a checkout), the same commands with its src/ first on
    PYTHONPATH, interleaved, under the names "KIND (baseline)"."""
    xm = [sys.executable, "-m", "xmledger"]
    cache, out = tempfile.mkdtemp(prefix="xmledger-bench-"), Path(tempfile.mkdtemp(prefix="xmledger-out-"))
    envs = {"": {**os.environ, "XMLEDGER_CACHE_DIR": cache}}
    if baseline:  # a cache of its own: one ledger's snapshot is the last version's that read it
        envs[" (baseline)"] = {**os.environ, "XMLEDGER_CACHE_DIR": os.path.join(cache, "baseline"),
                               "PYTHONPATH": str(baseline / "src")}
    runs: dict[str, list] = {}
    sizes: dict[str, int] = {}
    try:
        for env in envs.values():
            run([*xm, "status", "-L", str(root), "--as-of", AS_OF], env)  # fill the parse cache
        for _ in range(repeat):
            for suffix, env in envs.items():
                runs.setdefault("status" + suffix, []).append(run([*xm, "status", "-L", str(root), "--as-of", AS_OF],
                                                                  env))
                for kind in kinds:
                    target = out / f"out.{kind}"
                    runs.setdefault(kind + suffix, []).append(run([*xm, "export", kind, "-L", str(root), "--as-of",
                                                                   AS_OF, "-o", str(target), "--force"], env))
                    sizes[kind + suffix] = (sum(f.stat().st_size for f in target.iterdir()) if target.is_dir()
                                            else target.stat().st_size)
    finally:
        shutil.rmtree(cache, ignore_errors=True)
        shutil.rmtree(out, ignore_errors=True)
    return {name: (statistics.median(w for w, _, _ in r), statistics.median(c for _, c, _ in r),
                   max(m for _, _, m in r), sizes.get(name, 0)) for name, r in runs.items()}


def table(results: dict[int, dict]) -> str:
    lines = ["| projects | command | wall | CPU | peak RSS | output |", "|---:|---|---:|---:|---:|---:|"]
    for n, r in results.items():
        for name, (wall, cpu, rss, size) in r.items():
            kind, _, base = name.partition(" ")
            command = ("status (reading the ledger)" if kind == "status" else f"export {kind}") + (" " + base if base
                                                                                                   else "")
            out = f"{size / 2**20:.1f} MiB" if size else ""
            lines.append(f"| {n:,} | `{command}` | {wall:.2f} s | {cpu:.2f} s | {rss} MiB | {out} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10000])
    parser.add_argument("--kinds", nargs="+", default=["xlsx", "sqlite", "csv", "html"])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--ledger", type=Path, nargs="+", help="existing ledgers of the --sizes instead of "
                        "generating them (benchmarks/gen_ledger.py --projects N OUT --seed 1)")
    parser.add_argument("--xlsx-html-up-to", type=int, default=10000, help="skip xlsx and html above this size "
                        "(the workbook and the page are for an office, not a province's 100,000 rows)")
    parser.add_argument("--out", type=Path, default=HERE.parent / "docs" / "performance.md")
    parser.add_argument("--baseline", type=Path, metavar="CHECKOUT", help="another checkout (`git worktree add "
                        "/tmp/base COMMIT`): its commands run too, interleaved, with its src/ first on PYTHONPATH")
    args = parser.parse_args()
    args.max_size = {"xlsx": args.xlsx_html_up_to, "html": args.xlsx_html_up_to}
    roots = args.ledger or [ledger(n) for n in args.sizes]  # a given ledger's size is the one --sizes names
    if len(roots) != len(args.sizes):
        raise SystemExit("give one --sizes N for each --ledger")
    results = {}
    for n, root in zip(args.sizes, roots):
        kinds = [k for k in args.kinds if n <= args.max_size.get(k, n)]
        results[n] = measure(root, kinds, args.repeat, args.baseline)
    text = table(results)
    if args.baseline:
        text += "\n\n" + ratios(results, args.baseline)
    print(text)
    load = os.getloadavg()[0]
    stamp = (f"Measured {datetime.date.today()} on {machine()} with `python benchmarks/export.py --sizes "
             f"{' '.join(map(str, results))} --kinds {' '.join(args.kinds)} --repeat {args.repeat}` (a warm parse "
             f"cache; load average "
             f"{load:.1f} at the end); medians of {args.repeat} runs, peak RSS of each process.")
    write_section(args.out, stamp, text)


def ratios(results: dict[int, dict], baseline: Path) -> str:
    """Each command of this checkout against the same command of the baseline, measured in the same run."""
    commit = subprocess.run(["git", "-C", str(baseline), "rev-parse", "--short", "HEAD"], capture_output=True,
                            text=True).stdout.strip() or str(baseline)
    lines = [f"Against the baseline ({commit}), same run:", "",
             "| projects | command | wall | CPU | peak RSS |", "|---:|---|---:|---:|---:|"]
    for n, r in results.items():
        for name in [k for k in r if not k.endswith(" (baseline)")]:
            (w, c, m, _), (bw, bc, bm, _) = r[name], r[name + " (baseline)"]
            lines.append(f"| {n:,} | `{name}` | {w:.2f} s vs {bw:.2f} s (**{w / bw:.2f}×**) | {c:.2f} s vs {bc:.2f} s "
                         f"({c / bc:.2f}×) | {m} vs {bm} MiB |")
    return "\n".join(lines)


def write_section(path: Path, stamp: str, text: str) -> None:
    """Replace the export table in docs/performance.md, keeping everything else."""
    doc = path.read_text(encoding="utf-8")
    if BEGIN not in doc:
        raise SystemExit(f"{path} has no {BEGIN} marker")
    head, rest = doc.split(BEGIN, 1)
    tail = rest.split(END, 1)[1]
    path.write_text(f"{head}{BEGIN}\n{stamp}\n\n{text}\n{END}{tail}", encoding="utf-8")


if __name__ == "__main__":
    main()
