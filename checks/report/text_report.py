"""``--format text``: grouped by file, one line a finding, a summary line; colour on a terminal."""

from __future__ import annotations

import os
from typing import Any, TextIO

from checks.finding import Finding
from checks.i18n import _, ngettext
from checks.report import summary

_COLOURS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
_BOLD, _DIM, _RESET = "\033[1m", "\033[2m", "\033[0m"


def use_colour(stream: TextIO) -> bool:
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return hasattr(stream, "isatty") and stream.isatty()


def render(findings: list[Finding], files: int, stream: TextIO, *, fixed: int = 0, **_opts: Any) -> None:
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

    in_files = ngettext("{n} file", "{n} files", files).format(n=files)
    tail = _("{errors}, {warnings}, {infos} in {files}").format(
        errors=ngettext("{n} error", "{n} errors", counts["error"]).format(n=counts["error"]),
        warnings=ngettext("{n} warning", "{n} warnings", counts["warning"]).format(n=counts["warning"]),
        infos=ngettext("{n} info", "{n} infos", counts["info"]).format(n=counts["info"]),
        files=in_files)
    if fixed:
        tail = _("{summary}; fixed {n}").format(summary=tail, n=fixed)
    mark = paint("✖", _COLOURS["error"]) if counts["error"] else paint("✔", "\033[32m")
    out.append(f"{mark} {tail}" if total or fixed else f"{mark} " + _("no problems in {files}").format(files=in_files))
    stream.write("\n".join(out) + "\n")
