"""Load a ledger folder: discover files, parse them, check across records.

loading -> validation -> an immutable Ledger. Parsing is the only step whose
cost grows with the ledger; it goes through `parse_all`, which the cache and
the worker pool plug into. Everything else works on records in memory.
"""

from __future__ import annotations

import contextlib
import datetime
import gc
import os
import time
from pathlib import Path
from typing import NamedTuple

from . import records as r
from .crosscheck import crosscheck
from .findings import Finding, sorted_findings
from .ledger import Ledger

KINDS = tuple(r.KINDS)  # the record folders
SUFFIXES = (".yaml", ".yml")
LEDGER_FILE = "ledger.yaml"


class LoadResult(NamedTuple):
    ledger: Ledger
    findings: list[Finding]  # placed, sorted by file and line
    pending: list  # findings across records not placed yet (load(..., place=False)): Aimed flags
    left_out: int  # records left out because of errors
    unreadable: int  # files nothing could be read from
    files: int  # record files read

    @property
    def has_errors(self) -> bool:
        return any(f.is_error for f in self.findings) or any(a.flag.code.startswith("E") for a in self.pending)

    def all_findings(self) -> list[Finding]:
        """Every finding, placed (reading files again for the pending ones)."""
        if not self.pending:
            return self.findings
        return sorted_findings(self.findings + place_aimed(Path(self.ledger.root), self.pending, None))

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.all_findings() if f.is_error]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.all_findings() if not f.is_error]


class FileEntry(NamedTuple):
    kind: str
    relpath: str  # posix, relative to the ledger root
    path: str  # absolute


def find_root(start: Path) -> Path | None:
    """The nearest folder at or above `start` that holds ledger.yaml."""
    start = start.resolve()
    for folder in (start, *start.parents):
        if (folder / LEDGER_FILE).is_file():
            return folder
    return None


def discover(root: Path) -> tuple[list[FileEntry], list[Finding]]:
    """Record files by the folder they sit in (SPEC §2), in a stable order."""
    entries: list[FileEntry] = []
    findings: list[Finding] = []
    root_s = str(root)
    for top in sorted(os.scandir(root_s), key=lambda e: e.name):
        if top.name.startswith(".") or not top.is_dir():
            continue
        if top.name in r.KINDS:
            _walk(top.path, top.name, top.name, entries, set())
        else:
            stray: list[FileEntry] = []
            _walk(top.path, top.name, top.name, stray, set())
            if stray:
                from .rules import did_you_mean

                hint = did_you_mean(top.name, KINDS) or "records go under projects/, responsibilities/ or issues/"
                findings.append(Finding(top.name + "/", None, None, "W106", None,
                                        f"{len(stray)} YAML file(s) under {top.name}/ are not read: "
                                        "it is not a record folder", None, hint))
    return entries, findings


def _walk(folder: str, kind: str, rel: str, out: list[FileEntry], seen: set) -> None:
    """Files under `folder`; linked folders are followed once (a link loop ends there)."""
    try:
        st = os.stat(folder)
        items = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        return
    if (st.st_dev, st.st_ino) in seen:
        return
    seen.add((st.st_dev, st.st_ino))
    for e in items:
        if e.name.startswith("."):
            continue
        if e.is_dir():
            _walk(e.path, kind, f"{rel}/{e.name}", out, seen)
        elif e.name.endswith(SUFFIXES) and e.is_file():
            out.append(FileEntry(kind, f"{rel}/{e.name}", e.path))


def read_bytes(path: str) -> bytes | None:
    try:
        with open(path, "rb") as f:
            return f.read()
    except OSError:
        return None


# ------------------------------------------------------------------ parsing, cached and parallel

PARALLEL_MIN_BYTES = 512 * 1024  # below this a worker pool costs more than it saves (docs/performance.md)


def jobs_available() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def parse_path(kind: str, relpath: str, path: str, settings: r.Settings):
    """Read and parse one file: (FileResult, its bytes' digest, when it was read). Runs in workers too."""
    from .cache import digest
    from .parse import parse_file

    read_ns = time.time_ns()
    data = read_bytes(path)
    if data is None:
        return r.FileResult((), (Finding(relpath, None, None, "E001", None, "file cannot be read"),), (), 0, True), \
            b"", read_ns
    return parse_file(kind, relpath, data, settings), digest(data), read_ns


_worker_settings: r.Settings | None = None


def _init_worker(settings: r.Settings) -> None:
    global _worker_settings
    _worker_settings = settings


def _parse_group_in_worker(group: list[tuple]) -> list:
    return [parse_path(*task, _worker_settings) for task in group]


def parse_many(groups: list[list[tuple]], settings: r.Settings, size: int, jobs: int | None = None) -> list:
    """parse_path over groups of (kind, relpath, path) tasks, results flattened in order.

    Large work goes to a pool of processes, one group per task: a group is one shard of the cache, so
    the values its records share (see yamlread.plain_scalar) come from one worker and stay shared in
    the cache."""
    jobs = jobs or jobs_available()
    count = sum(len(g) for g in groups)
    if jobs < 2 or size < PARALLEL_MIN_BYTES or count < 2 * jobs:
        return [parse_path(*task, settings) for group in groups for task in group]
    import multiprocessing

    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    with context.Pool(jobs, initializer=_init_worker, initargs=(settings,)) as pool:
        return [result for part in pool.imap(_parse_group_in_worker, groups) for result in part]


def parse_all(entries: list[FileEntry], settings: r.Settings, cache=None, jobs: int | None = None) -> list:
    """FileResult of every entry, in order: from the cache when the file is unchanged, else parsed."""
    results: list = [None] * len(entries)
    todo, stats, size = [], {}, 0
    for i, e in enumerate(entries):
        try:
            st = os.stat(e.path)
        except OSError:
            st = None
        hit = cache.lookup(e.relpath, e.kind, st, e.path) if cache is not None and st is not None else None
        if hit is not None:
            results[i] = hit.result
        else:
            todo.append(i)
            stats[i] = st
            size += st.st_size if st is not None else 0
    from .cache import shard_of

    groups: dict[int, list[int]] = {}
    for i in todo:
        groups.setdefault(shard_of(entries[i].relpath), []).append(i)
    order = [i for shard in sorted(groups) for i in groups[shard]]
    tasks = [[(entries[i].kind, entries[i].relpath, entries[i].path) for i in groups[shard]] for shard in sorted(groups)]
    for i, (result, data_digest, read_ns) in zip(order, parse_many(tasks, settings, size, jobs)):
        results[i] = result
        if cache is not None and stats[i] is not None and data_digest:
            cache.record(entries[i].relpath, entries[i].kind, stats[i], data_digest, read_ns, result)
    return results


def load_settings(data: bytes | None, cache=None) -> tuple[r.Settings, list[Finding]]:
    """ledger.yaml's bytes (None: no such file) -> settings and findings; from the cache when unchanged,
    so warm commands never import pydantic."""
    if cache is not None:
        hit = cache.settings()
        if hit is not None:
            return hit
    from .parse import parse_settings

    settings, findings = parse_settings(data)
    if cache is not None:
        cache.store_settings(settings, findings)
    return settings, findings


@contextlib.contextmanager
def _bulk_allocation():
    """Pause the cyclic garbage collector while a ledger's records are built, then freeze them.

    A province-sized ledger is millions of tuples, Decimals and dates; every collection pass would
    walk them all again (it doubled the time of a warm command). They hold no reference cycles, so
    reference counting frees them whenever they are dropped; frozen, later passes skip them."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


def load(root: Path, today: datetime.date, use_cache: bool = True, jobs: int | None = None,
         place: bool = True) -> LoadResult:
    """Read and check the whole ledger at `root`.

    With place=False, findings across records are left unplaced (`pending`): reports only need to know
    whether there are errors, and placing means reading files again."""
    with _bulk_allocation():
        return _load(Path(root), today, use_cache, jobs, place)


def _load(root: Path, today: datetime.date, use_cache: bool, jobs: int | None, place: bool) -> LoadResult:
    ledger_yaml = read_bytes(str(root / LEDGER_FILE))
    cache = None
    if use_cache:
        from .cache import ParseCache

        cache = ParseCache(root, ledger_yaml)  # ledger.yaml is part of every entry's key
        cache.load()
    settings, settings_findings = load_settings(ledger_yaml, cache)
    findings = list(settings_findings)
    entries, stray = discover(root)
    findings += stray
    by_kind: dict[str, list] = {k: [] for k in KINDS}
    bad_ids: dict[str, set] = {k: set() for k in KINDS}
    left_out = unreadable = 0
    for entry, result in zip(entries, parse_all(entries, settings, cache, jobs)):
        by_kind[entry.kind].extend(result.records)
        bad_ids[entry.kind].update(result.bad_ids)
        findings.extend(result.findings)
        left_out += result.left_out
        unreadable += result.unreadable
    aimed = crosscheck(settings, by_kind, bad_ids, today)
    if aimed:
        spoiled = {(a.kind, a.record.src) for a in aimed if a.flag.code.startswith("E")}
        for kind in KINDS:
            keep = [rec for rec in by_kind[kind] if (kind, rec.src) not in spoiled]
            left_out += len(by_kind[kind]) - len(keep)
            by_kind[kind] = keep
        if place:
            findings += place_aimed(root, aimed, cache)
            aimed = []
    if cache is not None:
        cache.forget_missing({e.relpath for e in entries})
        cache.save()
    ledger = Ledger.of(settings, by_kind["projects"], by_kind["responsibilities"], by_kind["issues"], str(root))
    return LoadResult(ledger, sorted_findings(findings), list(aimed), left_out, unreadable, len(entries))


def place_aimed(root: Path, aimed, cache) -> list[Finding]:
    """Findings about records, placed at line:col: from positions the cache remembers, else by reading
    the file once more (and remembering them)."""
    from .placing import finding, position

    by_file: dict[str, list] = {}
    for a in aimed:
        by_file.setdefault(a.record.src.file, []).append(a)
    out = []
    for relpath, items in by_file.items():
        entry = cache.entries.get(relpath) if cache is not None else None
        places = entry.places if entry is not None else {}
        keys = [(a.record.src.index, a.flag.path, a.flag.at) for a in items]
        if any(k not in places for k in keys):
            from .yamlread import read_yaml

            doc = read_yaml(read_bytes(str(root / relpath)) or b"", track=True)
            is_list = type(doc.value) is list
            for k in keys:
                places[k] = position(doc, ((k[0],) if is_list else ()) + k[1], k[2]) if doc.positions else (None, None)
            if entry is not None:
                cache.put(relpath, entry)  # its places changed
        out += [finding(relpath, places[k], a.record.id, a.flag) for k, a in zip(keys, items)]
    return out
