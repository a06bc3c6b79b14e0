"""The figures of SPEC §5: pure functions of (ledger, as-of date and year, filters).

views (one project, one problem as of D) -> figures (sums and rates over a
scope) -> groups, ranking, problems, people. Reports only choose, order and
label what these compute.
"""
