"""``--format json``: exactly the contract's shape (docs/CONTRACT.md)."""

from __future__ import annotations

from typing import Any, TextIO

from checks.finding import Finding
from checks.report import summary, write_json


def document(findings: list[Finding], files: int) -> dict[str, Any]:
    return {
        "version": 1,
        "files": files,
        "findings": [f.as_json() for f in findings],
        "summary": summary(findings),
    }


def render(findings: list[Finding], files: int, stream: TextIO, **_: Any) -> None:
    write_json(stream, document(findings, files))
