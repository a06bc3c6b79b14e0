#!/usr/bin/env python3
"""Fuzz the xmledger command line: mutated or generated ledgers, every command as a real process.

    python tests/fuzz/run.py --seed 1 --count 200 [--jobs 2] [--structure]
    python tests/fuzz/run.py --minimize tests/fuzz/crashers/<id>
    python tests/fuzz/run.py --replay tests/fuzz/crashers            # every saved crasher: does it still fail?

Deterministic for a seed: case i of seed S is the same ledger and the same commands on every machine and
with any --jobs (only timing can differ). Exit 1 when a failure was found (or a replayed crasher still
fails), 0 otherwise. Standard library only; see README.md beside this file.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import re
import sys
import time
from collections import Counter, defaultdict
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve().parent
if __package__ in (None, ""):  # run as a script: make `fuzz` importable
    sys.path.insert(0, str(HERE.parent))

from fuzz import cases as C  # noqa: E402
from fuzz import commands, generate, mutate, seeds  # noqa: E402
from fuzz.engine import CaseResult, run_case  # noqa: E402
from fuzz.execute import Failure, Target  # noqa: E402
from fuzz.minimize import minimize, only  # noqa: E402

CRASHERS = HERE / "crashers"


# ---------------------------------------------------------------- making cases

def make_case(seed: int, index: int, structure: bool, per_case: int) -> C.Case:
    """Case `index` of `seed`: its own rng, so that it depends on nothing else."""
    mode = "structure" if structure else "mutation"
    rng = random.Random(f"xmledger-fuzz/{mode}/{seed}/{index}")
    cid = f"{mode[0]}{seed}-{index}"
    if structure:
        origin, entries = generate.ledger(rng)
        case = C.Case(cid, origin, entries)
    else:
        origin, entries = seeds.pick_seed(rng)
        # one case in six is a git repository: the seed committed, its mutant the working tree (diff, --rev)
        committed = [C.Entry(e.path, e.kind, e.data, e.mode) for e in entries] if rng.random() < 0.16 else None
        done = mutate.mutate(rng, entries)
        case = C.Case(cid, origin, entries, mutations=done, committed=committed)
    case.commands = commands.make_commands(rng, case, per_case)
    return case


# ---------------------------------------------------------------- crashers

def slug(text: str, width: int = 60) -> str:
    s = re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-").lower()
    return s[:width].rstrip("-")


def crasher_name(f: Failure) -> str:
    digest = hashlib.sha1(f"{f.kind}\0{f.signature}".encode()).hexdigest()[:8]
    return f"{f.kind}-{slug(f.signature, 48)}-{digest}"


def save_crasher(out: Path, case: C.Case, result: CaseResult, f: Failure, info: dict) -> Path:
    """Save a case as the crasher of its failure's signature, unless one is saved already (a campaign's later
    chunks keep the first, and the minimised copy beside it)."""
    folder = out / crasher_name(f)
    if (folder / "case.json").exists():
        return folder
    reduced = only(case, f.commands)
    outputs = {}
    for n, i in enumerate(f.commands):
        o = result.outcomes[i]
        outputs[f"stdout-{n}.txt"] = o.stdout
        outputs[f"stderr-{n}.txt"] = o.stderr
        if o.debug:
            outputs[f"stderr-{n}-debug.txt"] = o.debug
    extra = {"failure": {"kind": f.kind, "signature": f.signature, "detail": f.detail}, "found": info}
    C.save(reduced, folder, extra, outputs)
    (folder / "command.txt").write_text(command_text(reduced, folder), encoding="utf-8", errors="surrogateescape")
    return folder


def command_text(case: C.Case, folder: Path) -> str:
    lines = [f"# {case.id}: {case.origin}"]
    lines += [f"#   {m}" for m in case.mutations]
    lines.append(f"# the ledger: {folder.name}/ledger/ (regular files; case.json has links, FIFOs and modes)")
    lines.append(f"# replay:  python tests/fuzz/run.py --replay {display(folder)}")
    lines += [c.shell("LEDGER") + (f"   # twin: {c.twin}" if c.twin else "") for c in case.commands]
    return "\n".join(lines) + "\n"


def display(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def failure_of(extra: dict) -> Failure:
    f = extra["failure"]
    return Failure(f["kind"], f["signature"], f.get("detail", ""), list(range(0)))


def crasher_dirs(paths: list[str]) -> list[Path]:
    found = []
    for p in map(Path, paths):
        if (p / "case.json").exists():
            found.append(p)
        else:
            found += sorted(d for d in p.iterdir() if (d / "case.json").exists()) if p.is_dir() else []
    return found


# ---------------------------------------------------------------- commands of run.py

def fuzz(args, target: Target) -> int:
    start = time.monotonic()
    indexes = list(range(args.first, args.first + args.count)) if args.only is None else [args.only]
    out = Path(args.out)
    groups: dict[tuple[str, str], list] = defaultdict(list)  # (kind, signature) -> [(case id, index, runs)]
    rcs: Counter = Counter()
    runs = 0
    saved: dict[tuple[str, str], Path] = {}
    deadline = start + args.max_seconds if args.max_seconds else None

    def one(i: int):
        if deadline and time.monotonic() > deadline:
            return i, None, None
        try:
            case = make_case(args.seed, i, args.structure, args.commands)
            return i, case, run_case(case, target, args.scratch)
        except Exception as e:  # a fault of the harness must not end a campaign: say it, go on
            import traceback

            print(f"HARNESS ERROR in case {i} of seed {args.seed}: {e!r}\n{traceback.format_exc()}", file=sys.stderr)
            return i, None, None

    done_cases = 0
    with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        for i, case, result in pool.map(one, indexes):
            if result is None:
                continue
            done_cases += 1
            runs += len(result.outcomes)
            if args.trace:
                print(f"{case.id}: {case.origin}; " + "; ".join(case.mutations))
                for c, o in zip(case.commands, result.outcomes):
                    last = (o.stderr.decode("utf-8", "replace").strip().splitlines() or [""])[-1]
                    print(f"  {'T' if o.timed_out else o.rc} {o.seconds:4.1f}s {c.shell()[:150]}\n      {last[:150]}")
            rcs.update("timeout" if o.timed_out else o.rc for o in result.outcomes)
            for f in result.failures:
                key = (f.kind, f.signature)
                groups[key].append((case.id, i, len(f.commands)))
                if key not in saved and not args.no_save:
                    try:
                        saved[key] = save_crasher(out, case, result, f, {
                            "seed": args.seed, "index": i, "mode": "structure" if args.structure else "mutation",
                            "python": target.python, "src": target.src})
                    except Exception as e:  # noqa: BLE001 - a crasher that cannot be saved is still counted
                        print(f"HARNESS ERROR saving {case.id}: {e!r}", file=sys.stderr)
                    if args.verbose:
                        print(f"  new: {f.kind}: {f.signature} ({case.id}) -> {display(saved[key])}", flush=True)
            if args.verbose and done_cases % 50 == 0:
                print(f"  ... {done_cases} cases, {runs} runs, {sum(len(v) for v in groups.values())} failures, "
                      f"{time.monotonic() - start:.0f} s", flush=True)
    seconds = time.monotonic() - start
    mode = "structure" if args.structure else "mutation"
    failures = sum(len(v) for v in groups.values())
    codes = ", ".join(f"{n} exit {k}" for k, n in sorted(rcs.items(), key=lambda kv: str(kv[0])))
    print(f"fuzz: {mode}, seed {args.seed}, cases {indexes[0]}-{indexes[-1]}: {done_cases} ledgers, {runs} runs "
          f"({codes}), {failures} failures, {seconds:.0f} s")
    by_kind = Counter()
    for (kind, sig), hits in sorted(groups.items()):
        by_kind[kind] += len(hits)
        where = f" -> {display(saved[(kind, sig)])}" if (kind, sig) in saved else ""
        print(f"FAIL {kind}: {sig}: {len(hits)}x in {len({h[0] for h in hits})} cases, first {hits[0][0]}{where}")
    if by_kind:
        print("failures per class: " + ", ".join(f"{k} {n}" for k, n in sorted(by_kind.items())))
    if args.stats_file:
        stats = {"mode": mode, "seed": args.seed, "src": target.src, "first": indexes[0], "cases": done_cases, "runs": runs,
                 "exit_codes": {str(k): n for k, n in rcs.items()}, "seconds": round(seconds, 1),
                 "failures": [{"kind": k, "signature": s, "count": len(h), "cases": sorted({x[0] for x in h}),
                               "crasher": str(saved.get((k, s), ""))} for (k, s), h in sorted(groups.items())]}
        with open(args.stats_file, "a", encoding="utf-8") as fh:
            fh.write(json.dumps(stats, ensure_ascii=False) + "\n")
    if args.auto_minimize:
        for key, folder in sorted(saved.items()):
            do_minimize(folder, target, args)
    return 1 if failures else 0


def replay(paths: list[str], target: Target, args) -> int:
    """Run saved crashers again: which still fail (the same way, or another)?"""
    still = 0
    dirs = crasher_dirs(paths)
    for folder in dirs:
        case, extra = C.load(folder)
        want = extra.get("failure", {})
        result = run_case(case, target, args.scratch)
        same = [f for f in result.failures if (f.kind, f.signature) == (want.get("kind"), want.get("signature"))]
        if same:
            state = "STILL FAILS"
        elif result.failures:
            state = f"FAILS OTHERWISE: {result.failures[0].kind}: {result.failures[0].signature}"
        else:
            state = "passes"
        still += bool(result.failures)
        rcs = ",".join(str(o.rc) for o in result.outcomes)
        print(f"{state:12} {display(folder)}  [{want.get('kind')}: {want.get('signature')}] exit {rcs}")
        if args.verbose and result.failures:
            for o in result.outcomes:
                sys.stdout.write(o.stderr.decode("utf-8", "replace")[-800:])
    print(f"replay: {len(dirs)} crashers, {still} still fail")
    return 1 if still else 0


def do_minimize(folder: Path, target: Target, args) -> int:
    case, extra = C.load(folder)
    failure = failure_of(extra)
    print(f"minimize {display(folder)}: {failure.kind}: {failure.signature}")
    print(f"  from {len(case.entries)} entries, {sum(len(e.data) for e in case.entries)} bytes, "
          f"{sum(len(c.args) for c in case.commands)} arguments")
    try:
        small, tests, failure = minimize(case, failure, target, args.max_tests, args.minimize_timeout,
                                log=(lambda s: print("  " + s, flush=True)) if args.verbose else (lambda s: None))
    except ValueError as e:
        print(f"  {e}")
        return 1
    target_dir = folder / "min"
    small.id = case.id + "-min"
    result = run_case(small, target, args.scratch)
    outputs = {}
    for n, o in enumerate(result.outcomes):
        outputs[f"stdout-{n}.txt"], outputs[f"stderr-{n}.txt"] = o.stdout, o.stderr
    extra["failure"] = {"kind": failure.kind, "signature": failure.signature, "detail": failure.detail}
    C.save(small, target_dir, {**extra, "minimized_from": case.id, "tests": tests}, outputs)
    (target_dir / "command.txt").write_text(command_text(small, target_dir), encoding="utf-8", errors="surrogateescape")
    print(f"  to {len(small.entries)} entries, {sum(len(e.data) for e in small.entries)} bytes, "
          f"{sum(len(c.args) for c in small.commands)} arguments in {tests} tests -> {display(target_dir)}")
    return 0


def summarize(path: str) -> int:
    """Sum the JSON lines of --stats-file: ledgers, runs, exit codes, failures per class and per signature."""
    cases = runs = 0
    seconds = 0.0
    codes: Counter = Counter()
    modes: Counter = Counter()
    sources: Counter = Counter()
    found: dict[tuple[str, str], dict] = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            d = json.loads(line)
            cases += d["cases"]
            runs += d["runs"]
            seconds += d["seconds"]
            modes[d["mode"]] += d["cases"]
            sources[d.get("src") or "installed"] += d["cases"]
            codes.update(d["exit_codes"])
            for f in d["failures"]:
                g = found.setdefault((f["kind"], f["signature"]), {"count": 0, "cases": [], "crasher": f["crasher"]})
                g["count"] += f["count"]
                g["cases"] += [f"{c}" for c in f["cases"]]
    print(f"{cases} ledgers ({', '.join(f'{n} {m}' for m, n in sorted(modes.items()))}), {runs} runs, "
          f"{seconds / 3600:.1f} h")
    print("exit codes: " + ", ".join(f"{k}: {n}" for k, n in sorted(codes.items())))
    print("against: " + ", ".join(f"{s} ({n} ledgers)" for s, n in sorted(sources.items())))
    by_kind: Counter = Counter()
    for (kind, sig), g in sorted(found.items()):
        by_kind[kind] += g["count"]
        print(f"FAIL {kind}: {sig}: {g['count']}x in {len(set(g['cases']))} cases, e.g. {g['cases'][0]} -> {g['crasher']}")
    print("failures per class: " + (", ".join(f"{k} {n}" for k, n in sorted(by_kind.items())) or "none"))
    return 0


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter,
                                epilog="Failure classes: traceback, hang, signal, exit-code, bad-output, bad-json, bad-csv, "
                                       "csv-injection, control-chars, truncated, twin-mismatch, silent-write-failure, "
                                       "check-mismatch (README.md says what each means).")
    p.add_argument("--seed", type=int, default=1, help="seed of the run (default 1)")
    p.add_argument("--count", type=int, default=50, help="how many cases (ledgers) to run (default 50)")
    p.add_argument("--first", type=int, default=0, help="index of the first case (to continue a campaign)")
    p.add_argument("--only", type=int, help="run only case INDEX of the seed")
    p.add_argument("--jobs", "-j", type=int, default=1, help="cases run side by side (default 1)")
    p.add_argument("--structure", action="store_true", help="generate well-formed ledgers instead of mutating seeds")
    p.add_argument("--commands", type=int, default=3, help="commands per case, twins not counted (default 3)")
    p.add_argument("--timeout", type=float, default=20.0, help="seconds a run may take (a timed-out run is tried "
                   "once more with 3x as long before it counts as a hang; default 20)")
    p.add_argument("--max-seconds", type=float, help="start no new case after this many seconds")
    p.add_argument("--out", default=str(CRASHERS), help="where to save crashers (default tests/fuzz/crashers)")
    p.add_argument("--no-save", action="store_true", help="save no crashers")
    p.add_argument("--stats-file", help="append a JSON line of counts to this file")
    p.add_argument("--python", default=sys.executable, help="interpreter that runs xmledger (default: this one)")
    p.add_argument("--src", help="put this folder first on PYTHONPATH (e.g. a snapshot of main's src/)")
    p.add_argument("--scratch", help="folder for the work folders (default: the system's temporary folder)")
    p.add_argument("--minimize", nargs="+", metavar="DIR", help="minimise these crashers (writes DIR/min/)")
    p.add_argument("--auto-minimize", action="store_true", help="minimise each new crasher of this run")
    p.add_argument("--max-tests", type=int, default=300, help="runs a minimisation may spend (default 300)")
    p.add_argument("--minimize-timeout", type=float, default=None, help="timeout of a run while minimising")
    p.add_argument("--replay", nargs="+", metavar="DIR", help="run saved crashers (a crasher folder or a folder of them)")
    p.add_argument("--show", action="store_true", help="print the case (files and commands) instead of running it; "
                   "with --only")
    p.add_argument("--stats", metavar="FILE", help="sum the counts a campaign appended to FILE (--stats-file)")
    p.add_argument("--write", metavar="DIR", help="write the ledger of case --only (or of the crasher given to "
                   "--replay) to DIR, to look at it or run commands by hand")
    p.add_argument("--verbose", "-v", action="store_true")
    p.add_argument("--trace", action="store_true", help="print every run: its exit code, time, command and the last "
                   "line of its stderr")
    args = p.parse_args(argv)
    sys.stdout.reconfigure(errors="backslashreplace")  # names that are not UTF-8 print as escapes
    target = Target(args.python, os.path.abspath(args.src) if args.src else None, args.timeout)
    if args.stats:
        return summarize(args.stats)
    if args.minimize:
        return max(do_minimize(Path(d), target, args) for d in crasher_dirs(args.minimize))
    if args.write:
        if args.replay:
            case, _ = C.load(crasher_dirs(args.replay)[0])
        else:
            case = make_case(args.seed, args.only or 0, args.structure, args.commands)
        (C.materialize_git if case.committed is not None else C.materialize)(case, Path(args.write))
        for c in case.commands:
            print(c.shell(args.write) + (f"   # twin: {c.twin}" if c.twin else ""))
        return 0
    if args.replay:
        return replay(args.replay, target, args)
    if args.show:
        case = make_case(args.seed, args.only or 0, args.structure, args.commands)
        print(f"# {case.id}: {case.origin}" + (" (a git repository: the seed committed)" if case.committed else ""))
        for m in case.mutations:
            print(f"#   {m}")
        for e in case.entries:
            print(f"--- {e.path!r} ({e.kind}{', mode ' + oct(e.mode) if e.mode is not None else ''})")
            if e.kind == "file":
                print(e.data.decode("utf-8", "backslashreplace")[:3000])
            elif e.kind == "symlink":
                print(f"-> {e.data!r}")
        for c in case.commands:
            print("$ " + c.shell() + (f"   # twin: {c.twin}" if c.twin else ""))
        return 0
    return fuzz(args, target)


if __name__ == "__main__":
    sys.exit(main())
