"""Loading a ledger from a source: every file checked (through the parse cache, in parallel when large),
then the rules across records, into an immutable Ledger and its findings."""
