"""Exports: a ledger's figures and records as files for other programs and people (issue 11).

xlsx (the 进展情况表 workbook), tidy csv tables, a SQLite database. They come
after the renderers in the layers: a report value becomes a file here, and
the command line decides where it goes (never over an existing file without
--force).
"""
