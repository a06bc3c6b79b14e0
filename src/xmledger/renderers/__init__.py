"""Renderers: a report value to text or bytes, one module a format, all listed in `registry`."""
