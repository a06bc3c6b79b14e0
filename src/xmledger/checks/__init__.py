"""Checking a ledger: one file at a time (files, record_rules), then across records (ledger_rules)."""
