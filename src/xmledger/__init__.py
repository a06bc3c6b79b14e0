"""xmledger: a command-line ledger (台账) for key construction projects, and the library behind it.

The library (see api.py, and README "Use it from Python"):

    import xmledger
    result = xmledger.load("data/lijin")
    ctx = xmledger.context(result, as_of="2019-05-31")
    xmledger.figures(ctx).start_rate
    xmledger.render(xmledger.report("summary", ctx), "plain")

Names are imported on first use, so `xmledger --help` stays fast.
"""

__version__ = "0.1.0"

_API = ("load", "load_files", "source", "period", "context", "filters", "figures", "report", "render", "check",
        "explain", "UsageError", "LedgerErrors", "REPORTS",
        # Excel in (issue 12)
        "import_workbook", "write_new_ledger", "progress_template", "intake", "verify_intake",
        # Excel out (issue 11)
        "workbook", "export", "csv_files", "EXPORTS")
__all__ = ["__version__", *_API]


def __getattr__(name: str):
    if name in _API:
        from . import api

        return getattr(api, name)
    raise AttributeError(f"module 'xmledger' has no attribute {name!r}")
