"""What checking one file gives: kept in the parse cache, so importing it costs nothing (no parser)."""


from typing import NamedTuple

from ..core import records as r


class Stub(NamedTuple):
    """What can be read of a record left out for errors: its id and the projects it names."""

    kind: str
    id: str | None
    src: r.Origin
    refs: tuple[tuple[str, tuple], ...]  # (project id, path of the reference inside the record)


class FileResult(NamedTuple):
    """Everything the ledger needs from one file, and what the parse cache stores for it."""

    records: tuple
    findings: tuple  # placed, paths relative to the ledger root
    stubs: tuple[Stub, ...]  # records left out for errors
    salvaged_ids: tuple[str, ...]  # ids an unreadable file seems to define (so references to them are not unknown)
    unreadable: bool  # nothing could be read from the file
    facts: tuple = ()  # core.facts of the records, in their order (projects and issues), made with them

    @property
    def left_out(self) -> int:
        return len(self.stubs)
