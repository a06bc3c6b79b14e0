"""Reports: one module a command, each turning metrics into a `base.Report` value that any renderer shows."""
