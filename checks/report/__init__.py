"""Reporters, chosen by name. Each is ``render(findings, files, stream, **opts)``."""

from __future__ import annotations

import copy
import importlib
from collections.abc import Callable
from typing import Any, TextIO

FORMATS = ("text", "json", "sarif", "github")


def reporter(name: str) -> Callable[..., Any]:
    module = importlib.import_module(f"checks.report.{name}_report")
    render: Callable[..., Any] = module.render
    return render


def printable(text: str) -> str:
    """``text`` with every lone surrogate written out: a file name that is not UTF-8 reaches
    Python as surrogates (``\\udcff``), which no UTF-8 stream or encoder accepts. The bytes of
    such a name are shown as ``\\xff``."""
    if text.isascii():
        return text
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        pass
    try:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:
        return text.encode("utf-8", "backslashreplace").decode("utf-8")


def printable_findings(findings: list[Any]) -> list[Any]:
    """``findings`` whose path, message and match every report format can write."""
    out = []
    for f in findings:
        if not (f.path.isascii() and f.message.isascii() and f.match.isascii()):
            path, message, match = printable(f.path), printable(f.message), printable(f.match)
            if (path, message, match) != (f.path, f.message, f.match):
                f = copy.copy(f)
                f.path, f.message, f.match = path, message, match
        out.append(f)
    return out


def write_json(stream: TextIO, document: Any) -> None:
    """``document`` as one line of JSON (UTF-8, not ASCII-escaped) and a newline. orjson encodes
    16,000 findings in a tenth of the time the standard library takes; the bytes go straight
    to the stream's buffer when it has one."""
    import orjson

    data = orjson.dumps(document, option=orjson.OPT_APPEND_NEWLINE)
    buffer = getattr(stream, "buffer", None)
    if buffer is None:
        stream.write(data.decode("utf-8"))
        return
    stream.flush()  # whatever the text layer holds goes first
    buffer.write(data)
    buffer.flush()


def summary(findings: list[Any]) -> dict[str, int]:
    counts = {"error": 0, "warning": 0, "info": 0}
    for f in findings:
        counts[f.level] += 1
    return counts
