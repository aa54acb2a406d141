"""``--format json``: exactly the SPEC's shape."""

from __future__ import annotations

import json
from typing import Any, TextIO

from checks.finding import Finding
from checks.report import summary


def document(findings: list[Finding], files: int) -> dict[str, Any]:
    return {
        "version": 1,
        "files": files,
        "findings": [f.as_json() for f in findings],
        "summary": summary(findings),
    }


def render(findings: list[Finding], files: int, stream: TextIO, **_: Any) -> None:
    # json.dumps uses the C encoder; json.dump to a stream would encode in Python.
    stream.write(json.dumps(document(findings, files), ensure_ascii=False) + "\n")
