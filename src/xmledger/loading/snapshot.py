"""The ledger snapshot: a warm command reads one file instead of 10,000 cache entries.

After a full load the loader writes its whole result — settings, every finding
(placed), the counts, the facts of every project and problem, and every record —
to one sealed file, keyed by all it depends on: the code (the parse cache's
fingerprint), ledger.yaml (its content key), today (rules that depend on the
date), and the list of files with their stat or content key. The next load
scans the files (one stat each) and, when the key is the same and no file is
racily clean, takes the snapshot: settings and findings at once, facts when a
figure needs them, records only when a report shows them (decoded from the
bytes already read: nothing touches the disk after loading).

The facts are in `marshal` form (tuples of ints and strings: amounts in units
of 1/10,000, dates as ordinals), which Python reads at C speed; the records are
a pickle, written at C speed and read only by a report that shows them. Both
sit as bytes in one sealed file (cache.seal: a hash checked before anything is
read, in a private folder).
"""


import datetime
import hashlib
import marshal
import pickle
from typing import NamedTuple

from ..core.facts import IssueFacts, ProjectFacts
from .cache import RACY_NS, ParseCache, unseal

FORMAT = 1


class Snapshot(NamedTuple):
    """What a load gives, in the form it is stored."""

    key: bytes
    written_ns: int
    head: bytes  # pickle: a Head
    facts: bytes  # marshal: (project facts, issue facts) as plain tuples
    records: tuple[bytes, ...]  # the parse cache's shards of the files' results, as pickled there


class Head(NamedTuple):
    settings: object
    findings: list
    usable: bool
    left_out: int
    unreadable: int
    files_count: int
    described: str
    committed: object
    placed: bool  # every finding placed (a report may leave warnings across records unplaced)
    responsibilities: tuple
    files: tuple  # (path, content key, kind) of the files with records, in the order read
    spoiled: frozenset  # (file, index) of the records the rules across records leave out
    settings_key: str
    reports: tuple  # the progress reports kept (few records: as objects)
    counts: tuple  # Ledger.counts: (projects, problems)


def key_of(refs, settings_key: str, today: datetime.date, label: str) -> tuple[bytes, int]:
    """(the snapshot key of a scan, the newest change time of its files): files by path with their stat or
    content key, ledger.yaml, the date and the source's label."""
    h = hashlib.blake2b(digest_size=16)
    h.update(f"{FORMAT}|{settings_key}|{today.toordinal()}|{label}".encode("utf-8", "surrogateescape"))
    rows = [tuple(ref) for ref in refs]  # (kind, path, key, stamp): one marshal call hashes 10,000 of them
    h.update(marshal.dumps(rows, 2))  # version 2: no back-references, so equal lists give equal bytes
    newest = max([max(s[1], s[2]) for s in [row[3] for row in rows] if s is not None], default=0)
    return h.digest(), newest


def read(cache: ParseCache, name: str, key: bytes, newest: int) -> Snapshot | None:
    """The snapshot of this key, if one was written after every file it covers last changed (by RACY_NS)."""
    data = cache.read_file(name)
    if data is None:
        return None
    try:
        header, snap = unseal(data)
    except Exception:  # noqa: BLE001 - broken or foreign: not used, rewritten
        return None
    if header != cache.header or type(snap) is not tuple or len(snap) != len(Snapshot._fields):
        return None
    snap = Snapshot(*snap)
    if snap.key != key or newest >= snap.written_ns - RACY_NS:  # a change in the same clock tick could hide
        return None
    return snap


def write(cache: ParseCache, name: str, key: bytes, head: Head, ledger, blobs: tuple[bytes, ...],
          written_ns: int) -> None:
    """Store a load. `written_ns` is taken before the files were read: a file changed after it is never hidden.
    The records are not pickled again: `blobs` are the shards of the parse cache that hold them."""
    facts = marshal.dumps((tuple(map(tuple, ledger.project_facts)), tuple(map(tuple, ledger.issue_facts))))
    snap = Snapshot(key, written_ns, pickle.dumps(head, protocol=pickle.HIGHEST_PROTOCOL), facts, blobs)
    cache.write_file(name, (cache.header, tuple(snap)))


def head_of(snap: Snapshot) -> Head:
    return Head(*pickle.loads(snap.head))


def facts_of(blob: bytes) -> tuple[tuple[ProjectFacts, ...], tuple[IssueFacts, ...]]:
    projects, issues = marshal.loads(blob)
    new = tuple.__new__
    return (tuple([new(ProjectFacts, p) for p in projects]), tuple([new(IssueFacts, q) for q in issues]))

