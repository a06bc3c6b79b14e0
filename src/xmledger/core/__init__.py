"""The core values: records, the ledger, amounts, the time frame, working days, findings and words."""
