"""Where `export sqlite` spends its time: a timeline of one export, table by table, in each process.

    python benchmarks/sqlite_profile.py LEDGER [--jobs 1|2] [--as-of 2024-10-31]

Loads the ledger (warm it first with a `status`), decodes what the export needs, then writes the database
as `export sqlite` does, printing for each table the process that wrote it, how long it took (rows and
indexes) and when it ended, counted from the start; then the CPU time and peak RSS of the process and of
its worker. With --jobs 2 the worker is used whatever the ledger's size.
"""

from __future__ import annotations

import argparse
import gc
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("ledger", type=Path)
    parser.add_argument("--jobs", type=int, default=None)
    parser.add_argument("--as-of", default="2024-10-31")
    args = parser.parse_args()
    gc.disable()  # as the command line runs
    start = time.perf_counter()
    from xmledger import api
    from xmledger.exports import sqlite as xs
    from xmledger.exports.tidy import select

    def mark(what: str, began: float) -> None:
        now = time.perf_counter()
        print(f"{os.getpid():>7}  {what:<40} {now - began:6.2f} s   ends at {now - start:6.2f} s", flush=True)

    began = time.perf_counter()
    ctx = api.context(api.load(args.ledger), as_of=args.as_of)
    mark("read the ledger", began)
    fill = xs.fill_tables

    def timed(con, sel, specs, expand):
        counts = {}
        for spec in specs:
            began = time.perf_counter()
            counts.update(fill(con, sel, [spec], expand))
            mark(f"{spec.name} ({counts[spec.name]:,} rows)", began)
        return counts

    xs.fill_tables = timed
    with tempfile.TemporaryDirectory() as tmp:
        began = time.perf_counter()
        xs.write_database(select(ctx), os.path.join(tmp, "out.db"), jobs=args.jobs)
        mark("the whole database", began)
    for who, name in ((resource.RUSAGE_SELF, "main process"), (resource.RUSAGE_CHILDREN, "worker")):
        use = resource.getrusage(who)
        print(f"{name}: {use.ru_utime:.2f} s user, {use.ru_stime:.2f} s system, peak RSS {use.ru_maxrss // 1024} MiB")


if __name__ == "__main__":
    main()
