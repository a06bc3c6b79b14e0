"""The core values: records, the ledger, amounts, the time frame, working days, findings and words; and the
worker processes the loader and the exports share."""
