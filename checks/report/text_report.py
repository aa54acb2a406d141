"""``--format text``: grouped by file, one line a finding, a summary line; colour on a terminal."""

from __future__ import annotations

import os
from typing import Any, TextIO

from checks.finding import Finding
from checks.report import summary

_COLOURS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
_BOLD, _DIM, _RESET = "\033[1m", "\033[2m", "\033[0m"


def use_colour(stream: TextIO) -> bool:
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return hasattr(stream, "isatty") and stream.isatty()


def render(findings: list[Finding], files: int, stream: TextIO, *, fixed: int = 0, **_: Any) -> None:
    colour = use_colour(stream)

    def paint(text: str, code: str) -> str:
        return f"{code}{text}{_RESET}" if colour else text

    current = None
    out = []
    for f in findings:
        if f.path != current:
            if current is not None:
                out.append("")
            out.append(paint(f.path, _BOLD))
            current = f.path
        where = f"{f.line}:{f.column}"
        line = f"  {where:<8} {paint(f'{f.level:<7}', _COLOURS[f.level])} {f.rule:<28} {f.message}"
        if f.suggestions:
            line += paint(f"  → {f.suggestions[0]}", _DIM)
        out.append(line)
    counts = summary(findings)
    if findings:
        out.append("")
    total = sum(counts.values())

    def plural(n: int, word: str) -> str:
        return f"{n} {word}{'' if n == 1 else 's'}"

    tail = (
        f"{plural(counts['error'], 'error')}, {plural(counts['warning'], 'warning')}, {counts['info']} info"
        f" in {plural(files, 'file')}"
    )
    if fixed:
        tail += f"; fixed {fixed}"
    mark = paint("✖", _COLOURS["error"]) if counts["error"] else paint("✔", "\033[32m")
    out.append(f"{mark} {tail}" if total or fixed else f"{mark} no problems in {plural(files, 'file')}")
    stream.write("\n".join(out) + "\n")
