"""Reporters, chosen by name. Each is ``render(findings, files, stream, **opts)``."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

FORMATS = ("text", "json", "sarif", "github")


def reporter(name: str) -> Callable[..., Any]:
    module = importlib.import_module(f"checks.report.{name}_report")
    return module.render  # type: ignore[no-any-return]


def summary(findings: list[Any]) -> dict[str, int]:
    counts = {"error": 0, "warning": 0, "info": 0}
    for f in findings:
        counts[f.level] += 1
    return counts
