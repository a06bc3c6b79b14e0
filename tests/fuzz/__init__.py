"""The fuzz harness of xmledger (issue 9): mutated and generated ledgers, run through the real command line.

Standard library only. Start with run.py (`python tests/fuzz/run.py --help`) and README.md.
"""
