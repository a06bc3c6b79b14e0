"""Load a ledger from a source: list its files, check each one, check across records.

loading -> validation -> an immutable Ledger. Checking files is the only step
whose cost grows with the ledger; it goes through `check_files`, which the
parse cache and the worker pool plug into. Everything else works on records in
memory. All reading happens here, through the source: the result holds values
only, every finding placed, so nothing after loading touches a file.
"""

from __future__ import annotations

import datetime
import hashlib
import os
import time
from typing import NamedTuple

from ..checks.ledger_rules import Draft, check_ledger
from ..checks.results import FileResult
from ..core import records as r
from ..core.findings import Finding, sorted_findings
from ..core.ledger import Ledger
from ..core.words import msg
from ..sources.base import LEDGER_FILE, FileRef, LedgerSource, content_key
from . import snapshot
from .cache import ParseCache

KINDS = tuple(r.KINDS)


class LoadResult(NamedTuple):
    ledger: Ledger
    findings: list[Finding]  # every finding, placed, sorted by file and line
    left_out: int  # records left out because of errors
    unreadable: int  # files nothing could be read from
    files: int  # record files read
    settings_usable: bool  # ledger.yaml was read and is valid: figures can be reported
    described: str = ""  # what was read, when not simply a folder ("HEAD~1 (2026-11-16)")
    committed: datetime.date | None = None  # the commit's date, when read from a git revision

    @property
    def has_errors(self) -> bool:
        return any(f.is_error for f in self.findings)

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.is_error]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if not f.is_error]


def load(source: LedgerSource, today: datetime.date, use_cache: bool = True, jobs: int | None = None,
         place_warnings: bool = True) -> LoadResult:
    """Read and check the whole ledger of `source`, as of `today` (for rules that depend on the date).

    Every finding is placed at its line and column, except, with place_warnings=False, the warnings across
    records (W101, W103 ...) that the cache does not know the place of yet: they keep their record and field
    but no line. Reports, which show no warnings, save reading those files a second time."""
    started_ns = time.time_ns()
    scan = source.scan()
    findings: list[Finding] = list(scan.findings)
    settings_data = source.read(scan.settings) if scan.settings is not None else None
    settings_key = content_key(settings_data) if settings_data is not None else "-"
    cache = ParseCache.opened(source.identity, settings_key) if use_cache else None
    if cache is not None:
        key, newest = snapshot.key_of([*scan.files, scan.settings or FileRef("settings", "-")], settings_key, today,
                                      source.label)
        name = f"snapshot-{hashlib.blake2b(source.label.encode('utf-8', 'surrogateescape'), digest_size=6).hexdigest()}.cache"
        snap = snapshot.read(cache, name, key, newest)
        if snap is not None:
            head = snapshot.head_of(snap)
            if head.placed or not place_warnings:
                return from_snapshot(snap, head)
    if scan.settings is not None and settings_data is None:  # there, but not readable: never the defaults
        if not any(f.file == LEDGER_FILE for f in scan.findings):
            findings.append(Finding(LEDGER_FILE, None, None, "E012", None, msg("read.cannot_read.file", detail=""),
                                    None, msg("read.cannot_read.file.hint")))
        settings, settings_findings, usable = r.Settings(), [], False
    else:
        hit = cache.settings() if cache is not None else None
        if hit is None:
            from ..checks.files import check_settings  # the parser: only when something is not cached

            settings, settings_findings, usable = check_settings(settings_data)
        else:
            settings, settings_findings, usable = hit
        if hit is None and cache is not None:
            cache.store_settings((settings, settings_findings, usable))
    findings += settings_findings

    checked = check_files(source, scan.files, settings, cache, jobs)
    by_kind: dict[str, list] = {k: [] for k in KINDS}
    salvaged: dict[str, set] = {k: set() for k in KINDS}
    stubs, unreadable = [], 0
    for ref, (_, result) in zip(scan.files, checked):
        by_kind[ref.kind].extend(result.records)
        salvaged[ref.kind].update(result.salvaged_ids)
        stubs.extend(result.stubs)
        findings.extend(result.findings)
        unreadable += result.unreadable
    across, spoiled = check_ledger(Draft(settings, by_kind, stubs, salvaged, today, source.label))
    findings += place_across(source, scan.files, checked, across, cache, place_warnings)
    left_out = len(stubs)
    if spoiled:
        for kind in KINDS:
            keep = [rec for rec in by_kind[kind] if (rec.src.file, rec.src.index) not in spoiled]
            left_out += len(by_kind[kind]) - len(keep)
            by_kind[kind] = keep
    if cache is not None:
        if source.stamps:
            cache.forget_missing({ref.path for ref in scan.files})
        cache.save()
    ledger = Ledger.of(settings, by_kind["projects"], by_kind["responsibilities"], by_kind["issues"],
                       by_kind["progress"])
    findings = sorted_findings([f._replace(file=source.shown(f.file)) for f in findings])
    result = LoadResult(ledger, findings, left_out, unreadable, len(scan.files), usable, source.describe(),
                        getattr(source, "committed", None))
    if cache is not None:
        placed = place_warnings or all(f.is_error for f in across)  # else some warnings may lack their line
        head = snapshot.Head(settings, findings, usable, left_out, unreadable, len(scan.files), result.described,
                             result.committed, placed, ledger.responsibilities)
        snapshot.write(cache, name, key, head, ledger, started_ns)
    return result


def from_snapshot(snap, head) -> LoadResult:
    """A load answered by the snapshot: findings at once; facts and records decoded when first asked for."""
    ledger = Ledger(head.settings, head.responsibilities, facts=lambda: snapshot.facts_of(snap.facts),
                    records=lambda: snapshot.records_of(snap.records))
    return LoadResult(ledger, head.findings, head.left_out, head.unreadable, head.files, head.usable, head.described,
                      head.committed)


def place_across(source: LedgerSource, files: list[FileRef], checked: list, aimed: list[Finding], cache,
                 warnings: bool = True) -> list[Finding]:
    """Findings across records, placed at line:col: from positions the cache remembers, else from the file's
    bytes read again through the source (and remembered). warnings=False leaves warnings whose places are not
    remembered unplaced."""
    by_file: dict[str, list[Finding]] = {}
    for f in aimed:
        by_file.setdefault(f.file, []).append(f)
    refs = {ref.path: (ref, key) for ref, (key, _) in zip(files, checked)}
    out = []
    for path, items in by_file.items():
        ref, key = refs[path]
        entry = cache.lookup(path, key, ref.kind) if cache is not None and key else None
        places = entry.places if entry is not None else {}
        todo = [f for f in items if (f.aim.index, f.aim.path, f.aim.at) not in places and (warnings or f.is_error)]
        if todo:
            data = source.read(ref)
            if data is not None and content_key(data) == key:  # the bytes that were checked
                from ..read.positions import place

                new = {(f.aim.index, f.aim.path, f.aim.at): (p.line, p.col, p.excerpt)
                       for f, p in zip(todo, place(todo, data, path))}
            else:  # changed since it was checked: place at the record only
                new = {(f.aim.index, f.aim.path, f.aim.at): (None, None, None) for f in todo}
            places = {**places, **new}
            if cache is not None and key:
                cache.remember_places(path, key, new)
        for f in items:
            line, col, text = places.get((f.aim.index, f.aim.path, f.aim.at), (None, None, None))
            out.append(f._replace(line=line, col=col, excerpt=text, aim=None))
    return out


# ------------------------------------------------------------------ checking files, cached and parallel

PARALLEL_MIN_BYTES = 512 * 1024  # below this a worker pool costs more than it saves (docs/performance.md)


def jobs_available() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def check_files(source: LedgerSource, files: list[FileRef], settings: r.Settings, cache: ParseCache | None,
                jobs: int | None = None) -> list[tuple[str, FileResult]]:
    """(content key, FileResult) of every file, in order: from the cache when its content was checked
    before, else checked now."""
    out: list = [None] * len(files)
    todo: list[int] = []
    size = 0
    for i, ref in enumerate(files):
        key = ref.key
        if key is None and cache is not None and ref.stamp is not None:
            key = cache.key_for(ref.path, ref.stamp, lambda ref=ref: content_key(source.read(ref) or b""))
        hit = cache.lookup(ref.path, key, ref.kind) if cache is not None and key is not None else None
        if hit is not None:
            out[i] = (key, hit.result)
        else:
            todo.append(i)
            size += ref.stamp[0] if ref.stamp else 0
    if not todo:
        return out
    from .cache import shard_of

    groups: dict[int, list[int]] = {}
    for i in todo:
        groups.setdefault(shard_of(files[i].path), []).append(i)
    order = [i for shard in sorted(groups) for i in groups[shard]]
    # a source that workers cannot read (a pipe to git) gives every file's bytes here, in one go
    data = {} if source.fork_safe else dict(zip(order, source.read_many([files[i] for i in order])))
    tasks = [[(files[i].kind, files[i].path, data.get(i)) for i in groups[shard]] for shard in sorted(groups)]
    for i, (key, result, read_ns) in zip(order, check_many(source, tasks, settings, size, jobs)):
        out[i] = (key, result)
        if cache is not None and key:
            cache.remember(files[i].path, key, files[i].kind, result, files[i].stamp if source.stamps else None, read_ns)
    return out


def check_one(source: LedgerSource | None, kind: str, path: str, data: bytes | None, settings: r.Settings):
    """Read (if not given) and check one file: (content key, FileResult, when it was read). Runs in workers too."""
    read_ns = time.time_ns()
    if data is None:
        data = source.read(FileRef(kind, path)) if source is not None else None
    if data is None:
        finding = Finding(path, None, None, "E012", None, msg("read.cannot_read.file", detail=""), None,
                          msg("read.cannot_read.file.hint"))
        return "", FileResult((), (finding,), (), (), True), read_ns
    from ..checks.files import check_file

    return content_key(data), check_file(kind, path, data, settings), read_ns


_worker: tuple | None = None  # (source, settings) in a worker process


def _init_worker(source: LedgerSource, settings: r.Settings) -> None:
    global _worker
    _worker = (source, settings)


def _check_group_in_worker(group: list[tuple]) -> list:
    source, settings = _worker
    return [check_one(source, kind, path, data, settings) for kind, path, data in group]


def check_many(source: LedgerSource, groups: list[list[tuple]], settings: r.Settings, size: int,
               jobs: int | None = None) -> list:
    """check_one over groups of (kind, path, bytes or None) tasks, results flattened in order.

    Large work goes to a pool of processes, one group per task: a group is one shard of the cache, so
    the values its records share (see read.yamlread.plain_scalar) come from one worker and stay shared in
    the cache."""
    jobs = jobs or jobs_available()
    count = sum(len(g) for g in groups)
    if size == 0:
        size = sum(len(data) for g in groups for _, _, data in g if data is not None)
    if jobs < 2 or size < PARALLEL_MIN_BYTES or count < 2 * jobs:
        return [check_one(source, kind, path, data, settings) for group in groups for kind, path, data in group]
    import multiprocessing

    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    worker_source = source if source.fork_safe else None
    with context.Pool(jobs, initializer=_init_worker, initargs=(worker_source, settings)) as pool:
        return [result for part in pool.imap(_check_group_in_worker, groups) for result in part]
