"""Where a ledger's files come from: a folder, a mapping in memory, or a git revision (sources.git)."""

from .base import FileRef, LedgerSource, Scan, SourceError, content_key  # noqa: F401
