"""JSON Schema of the file format, generated from the models, for editors.

A record file holds one record or a list of them, so each record kind's
schema accepts both. Point yaml-language-server at it with a first line like
`# yaml-language-server: $schema=../.schema/project.json`.
"""

from __future__ import annotations

from typing import Union

from pydantic import TypeAdapter

from .models import IssueModel, LedgerFile, ProgressReportModel, ProjectModel, ResponsibilityModel

DIALECT = "https://json-schema.org/draft/2020-12/schema"


def schemas() -> dict[str, dict]:
    out = {"ledger": {"$schema": DIALECT, **LedgerFile.model_json_schema()}}
    for kind, model in (("project", ProjectModel), ("responsibility", ResponsibilityModel), ("issue", IssueModel),
                        ("progress", ProgressReportModel)):
        one_or_many = TypeAdapter(Union[model, list[model]]).json_schema()
        out[kind] = {"$schema": DIALECT, "title": f"xmledger {kind} file",
                     "description": f"one {kind} record, or a list of them", **one_or_many}
    return out
