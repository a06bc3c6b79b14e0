"""Load a ledger from a source: list its files, check each one, check across records.

loading -> validation -> an immutable Ledger. Checking files is the only step
whose cost grows with the ledger; it goes through `check_files`, which the
parse cache and the worker pool plug into. All reading happens here, through
the source: the result holds values only, every finding placed, so nothing
after loading touches a file.

What travels from a file's check to the ledger is split in two: a light part
(findings, what records with errors still name, and the facts of the records:
core/facts.py) that the rules across records and the figures need, and the
records themselves, pickled once per group of files (a worker's task, a shard
of the parse cache). The records stay bytes — in the cache, in the snapshot,
in the ledger — until a report asks for one: a cold `status` of a province
never builds 40,000 records in the parent process.
"""


import datetime
import hashlib
import pickle
import time
from typing import NamedTuple

from ..checks.results import FileResult
from ..core import records as r
from ..core.facts import with_reports
from ..core.findings import Finding, sorted_findings
from ..core.ledger import Ledger
from ..core.words import msg
from ..core.workers import jobs_available, pool
from ..sources.base import LEDGER_FILE, FileRef, LedgerSource, content_key
from . import snapshot
from .cache import ParseCache, shard_of

KINDS = tuple(r.KINDS)
LIGHT_KINDS = ("responsibilities", "progress")  # few records, needed by the rules across records: kept as objects


class LoadResult(NamedTuple):
    ledger: Ledger
    findings: list[Finding]  # every finding, placed, sorted by file and line
    left_out: int  # records left out because of errors
    unreadable: int  # files nothing could be read from
    files: int  # record files read
    settings_usable: bool  # ledger.yaml was read and is valid: figures can be reported
    described: str = ""  # what was read, when not simply a folder ("HEAD~1 (2026-11-16)")
    committed: datetime.date | None = None  # the commit's date, when read from a git revision
    from_snapshot: bool = False  # answered by the snapshot of an earlier load (loading/snapshot.py)

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
        name = "snapshot-" + hashlib.blake2b(source.label.encode("utf-8", "surrogateescape"), digest_size=6).hexdigest()
        snap = snapshot.read(cache, name + ".cache", key, newest)
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

    store = RecordStore(settings_key, cache)
    checked = check_files(source, scan.files, settings, store, jobs)
    from ..checks.ledger_rules import Draft, check_ledger  # the rules across records: not on a snapshot's path

    facts: dict[str, list] = {"projects": [], "issues": []}
    cards, reports, stubs, salvaged, unreadable = [], [], [], {k: set() for k in KINDS}, 0
    for ref, (_, result) in zip(scan.files, checked):
        if ref.kind in facts:
            facts[ref.kind].extend(result.facts)
        elif ref.kind == "responsibilities":
            cards.extend(result.records)
        else:
            reports.extend(result.records)
        salvaged[ref.kind].update(result.salvaged_ids)
        stubs.extend(result.stubs)
        findings.extend(result.findings)
        unreadable += result.unreadable
    draft = Draft(settings, facts["projects"], facts["issues"], cards, reports, stubs, salvaged, today, source.label)
    across, spoiled = check_ledger(draft)
    findings += place_across(source, scan.files, checked, across, cache, place_warnings, jobs)
    files = tuple((ref.path, k, ref.kind) for ref, (k, res) in zip(scan.files, checked) if res.facts or res.records)
    ledger, kept = assemble(settings, draft, spoiled, lambda: store.records(files))
    left_out = len(stubs) + sum(len(res.facts or res.records) for _, res in checked) - kept
    if cache is not None:
        if source.stamps:
            cache.forget_missing({ref.path for ref in scan.files})
        cache.save()
    findings = sorted_findings([f._replace(file=source.shown(f.file)) for f in findings])
    result = LoadResult(ledger, findings, left_out, unreadable, len(scan.files), usable, source.describe(),
                        getattr(source, "committed", None))
    if cache is not None and all(cache.has(path, k) for path, k, _ in files):
        placed = place_warnings or all(f.is_error for f in across)  # else some warnings may lack their line
        head = snapshot.Head(settings, findings, usable, left_out, unreadable, len(scan.files), result.described,
                             result.committed, placed, ledger.responsibilities, files, frozenset(spoiled), settings_key,
                             ledger.reports_read, ledger.counts)
        snapshot.write(cache, name + ".cache", key, head, ledger, cache.shard_blobs(p for p, _, _ in files),
                       started_ns)
    return result


def assemble(settings: r.Settings, draft, spoiled, records) -> tuple[Ledger, int]:
    """The Ledger of a draft without the records `spoiled` leaves out ((file, index) pairs): its facts at once
    (progress reports merged in), its records from `records()` when first asked for; and how many projects,
    problems, cards and reports it keeps."""
    def kept(items):
        return [x for x in items if (x.src[0], x.src[2]) not in spoiled] if spoiled else list(items)

    projects, issues, cards, reports = (kept(draft.projects), kept(draft.issues), kept(draft.cards),
                                        kept(draft.reports))
    if reports:  # the facts of a project with progress in progress/ count those months too
        extra: dict[str, list] = {}
        for e in reports:
            extra.setdefault(e.project, []).append(e)
        projects = [with_reports(f, extra[f.id]) if f.id in extra else f for f in projects]
    by_id = lambda x: x.id  # noqa: E731
    pair = (tuple(sorted(projects, key=by_id)), tuple(sorted(issues, key=by_id)))

    def triple():
        found = records()
        chosen = {k: [] for k in KINDS}
        for kind, recs in found:
            chosen[kind].extend(recs)
        whole = Ledger.of(settings, kept(chosen["projects"]), (), kept(chosen["issues"]), reports)
        return whole.projects, whole.issues, whole.progress_reports

    ledger = Ledger(settings, sorted(cards, key=by_id), facts=lambda: pair, records=triple)
    ledger.reports_read = tuple(reports)  # what the snapshot keeps of them (they are few, and light)
    return ledger, len(projects) + len(issues) + len(cards) + len(reports)


def from_snapshot(snap, head) -> LoadResult:
    """A load answered by the snapshot: findings at once; facts and records decoded when first asked for (once:
    the ledger keeps them), each blob let go as it is decoded, so that bytes and objects are not held together."""
    held = {"facts": snap.facts, "records": list(snap.records)}  # not `snap`: the closures keep only these

    def facts():
        return snapshot.facts_of(held.pop("facts"))

    def records():
        results: dict = {}
        blobs = held.pop("records")
        while blobs:
            results.update(pickle.loads(blobs.pop()))
        return [(kind, results[(path, key, head.settings_key)]) for path, key, kind in head.files
                if kind not in LIGHT_KINDS]

    def triple():
        spoiled, found = head.spoiled, {k: [] for k in KINDS}
        for kind, recs in records():
            found[kind].extend(x for x in recs if (x.src.file, x.src.index) not in spoiled)
        whole = Ledger.of(head.settings, found["projects"], (), found["issues"], head.reports)
        return whole.projects, whole.issues, whole.progress_reports

    ledger = Ledger(head.settings, head.responsibilities, facts=facts, records=triple)
    ledger.__dict__["counts"] = head.counts  # check's tally decodes neither facts nor records
    return LoadResult(ledger, head.findings, head.left_out, head.unreadable, head.files_count, head.usable,
                      head.described, head.committed, True)


def place_across(source: LedgerSource, files: list[FileRef], checked: list, aimed: list[Finding], cache,
                 warnings: bool = True, jobs: int | None = None) -> list[Finding]:
    """Findings across records, placed at line:col: from positions the cache remembers, else from the file's
    bytes read again through the source (and remembered). warnings=False leaves warnings whose places are not
    remembered unplaced. Thousands of files to read again (a province's first `check`) are read on all cores."""
    by_file: dict[str, list[Finding]] = {}
    for f in aimed:
        by_file.setdefault(f.file, []).append(f)
    refs = {ref.path: (ref, key) for ref, (key, _) in zip(files, checked)}
    known: dict[str, dict] = {}
    tasks: list[tuple[str, list[Finding], bytes | None]] = []
    for path, items in by_file.items():
        ref, key = refs[path]
        entry = cache.lookup(path, key, ref.kind) if cache is not None and key else None
        known[path] = entry.places if entry is not None else {}
        todo = [f for f in items if _aim_key(f) not in known[path] and (warnings or f.is_error)]
        if todo:
            data = source.read(ref)
            tasks.append((path, todo, data if data is not None and content_key(data) == key else None))
    for (path, todo, _), places in zip(tasks, _placed_all(tasks, jobs)):
        new = dict(zip(map(_aim_key, todo), places))
        known[path] = {**known[path], **new}
        key = refs[path][1]
        if cache is not None and key:
            cache.remember_places(path, key, new)
    out = []
    for path, items in by_file.items():
        places = known[path]
        for f in items:
            line, col, text, start = places.get(_aim_key(f), (None, None, None, 0))
            out.append(f._replace(line=line, col=col, excerpt=text, excerpt_from=start, aim=None))
    return out


PLACE_PARALLEL_MIN = 256  # files to read again from which a pool pays for itself


def _aim_key(f: Finding) -> tuple:
    return f.aim.index, f.aim.path, f.aim.at


def _placed(task: tuple) -> list[tuple]:
    """(line, col, excerpt, excerpt start) of each finding of one file; the record's place only when the file
    changed since it was checked (its bytes are None)."""
    path, todo, data = task
    if data is None:
        return [(None, None, None, 0)] * len(todo)
    from ..read.positions import place

    return [(p.line, p.col, p.excerpt, p.excerpt_from) for p in place(todo, data, path)]


def _placed_all(tasks: list[tuple], jobs: int | None) -> list[list[tuple]]:
    jobs = jobs or jobs_available()
    if jobs < 2 or len(tasks) < PLACE_PARALLEL_MIN:
        return [_placed(t) for t in tasks]
    with pool(jobs) as workers:
        return workers.map(_placed, tasks, chunksize=max(1, len(tasks) // (jobs * 8)))


# ------------------------------------------------------------------ records kept as bytes

class RecordStore:
    """Where the records of a load are until a report asks for them: the parse cache's shards (pickled bytes),
    or, without a cache, the pickled groups the workers sent (or the objects, when checked in this process)."""

    def __init__(self, settings_key: str, cache: ParseCache | None):
        self.settings_key, self.cache = settings_key, cache
        self.blobs: list[bytes] = []  # without a cache: the workers' groups
        self.objects: dict = {}  # without a cache, checked here: (path, key) -> records

    def add(self, path: str, key: str, kind: str, records: tuple | None) -> None:
        if self.cache is None and records is not None:
            self.objects[(path, key, self.settings_key)] = records

    def add_blob(self, blob: bytes, rkeys) -> None:
        if self.cache is not None:
            self.cache.adopt(blob, rkeys)
        else:
            self.blobs.append(blob)

    def records(self, files) -> list[tuple[str, tuple]]:
        """(kind, records) of the files with records that are not kept light, in order."""
        wanted = [(kind, (path, key, self.settings_key)) for path, key, kind in files if kind not in LIGHT_KINDS]
        if self.cache is not None:
            found = self.cache.records_of([k for _, k in wanted])
        else:
            found = dict(self.objects)
            for blob in self.blobs:
                found.update(pickle.loads(blob))
        return [(kind, found[k]) for kind, k in wanted]


# ------------------------------------------------------------------ checking files, cached and parallel

PARALLEL_MIN_BYTES = 512 * 1024  # below this a worker pool costs more than it saves (docs/performance.md)


def light(kind: str, result: FileResult) -> FileResult:
    """A file's result without its records (kept as bytes), unless its kind is kept light (cards, reports)."""
    return result if kind in LIGHT_KINDS or not result.records else result._replace(records=())


def check_files(source: LedgerSource, files: list[FileRef], settings: r.Settings, store: RecordStore,
                jobs: int | None = None) -> list[tuple[str, FileResult]]:
    """(content key, light FileResult) of every file, in order: from the cache when its content was checked
    before, else checked now; the records go to `store`."""
    cache = store.cache
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
    groups: dict[int, list[int]] = {}
    for i in todo:
        groups.setdefault(shard_of(files[i].path), []).append(i)
    order = [i for shard in sorted(groups) for i in groups[shard]]
    # a source that workers cannot read (a pipe to git) gives every file's bytes here, in one go
    data = {} if source.fork_safe else dict(zip(order, source.read_many([files[i] for i in order])))
    tasks = [[(files[i].kind, files[i].path, data.get(i)) for i in groups[shard]] for shard in sorted(groups)]
    entries = iter(order)
    for results, blob in check_many(source, tasks, settings, store.settings_key, size, jobs):
        rkeys = []
        for key, result, read_ns, records in results:
            i = next(entries)
            ref = files[i]
            out[i] = (key, result)
            if key:
                rkeys.append((ref.path, key, store.settings_key))
                store.add(ref.path, key, ref.kind, records)
                if cache is not None:
                    cache.remember(ref.path, key, ref.kind, result, records, ref.stamp if source.stamps else None,
                                   read_ns)
        if blob is not None:
            store.add_blob(blob, rkeys)
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


def check_group(source, group: list[tuple], settings: r.Settings, settings_key: str, pickled: bool):
    """Check a group of files: ([(key, light result, read_ns, records or None)], the group's records pickled
    as {(path, key, settings key): records}, or None). In a worker the records travel as that one blob; here,
    as objects."""
    out, records = [], {}
    for kind, path, data in group:
        key, result, read_ns = check_one(source, kind, path, data, settings)
        if key and kind not in LIGHT_KINDS:
            records[(path, key, settings_key)] = result.records
        out.append((key, light(kind, result), read_ns, None if pickled else result.records))
    blob = pickle.dumps(records, protocol=pickle.HIGHEST_PROTOCOL) if pickled else None
    return out, blob


_worker: tuple | None = None  # (source, settings, settings key) in a worker process


def _init_worker(source: LedgerSource, settings: r.Settings, settings_key: str) -> None:
    global _worker
    _worker = (source, settings, settings_key)


def _check_group_in_worker(group: list[tuple]):
    source, settings, settings_key = _worker
    return check_group(source, group, settings, settings_key, True)


def check_many(source: LedgerSource, groups: list[list[tuple]], settings: r.Settings, settings_key: str, size: int,
               jobs: int | None = None):
    """check_group over groups of (kind, path, bytes or None) tasks, in order.

    Large work goes to a pool of processes, one group per task: a group is one shard of the cache, so
    the values its records share (see read.yamlread.plain_scalar) come from one worker and stay shared in
    one pickle."""
    jobs = jobs or jobs_available()
    count = sum(len(g) for g in groups)
    if size == 0:
        size = sum(len(data) for g in groups for _, _, data in g if data is not None)
    if jobs < 2 or size < PARALLEL_MIN_BYTES or count < 2 * jobs:
        for group in groups:
            yield check_group(source, group, settings, settings_key, False)
        return
    worker_source = source if source.fork_safe else None
    with pool(jobs, initializer=_init_worker, initargs=(worker_source, settings, settings_key)) as workers:
        yield from workers.imap(_check_group_in_worker, groups)
