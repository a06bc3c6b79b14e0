"""xmledger: a command-line ledger (台账) for key construction projects."""

__version__ = "0.1.0"
