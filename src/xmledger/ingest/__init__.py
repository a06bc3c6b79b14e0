"""Excel in: an existing 台账 into a new ledger (`import xlsx`), and the monthly fill-in sheets
(`template progress`, `intake`).

Workbooks are read with python-calamine (.xlsx, .xls, .ods) and written with
XlsxWriter. Whatever cannot be read is a `SheetFinding` placed at its cell
(`FILE!SHEET!C12`); nothing is written while there are errors.
"""
