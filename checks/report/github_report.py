"""``--format github``: GitHub Actions workflow commands, which annotate the pull request."""

from __future__ import annotations

from typing import Any, TextIO

from checks.finding import Finding
from checks.i18n import _, ngettext
from checks.report import summary

_COMMAND = {"error": "error", "warning": "warning", "info": "notice"}


def _data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(s: str) -> str:
    return _data(s).replace(":", "%3A").replace(",", "%2C")


def render(findings: list[Finding], files: int, stream: TextIO, **_opts: Any) -> None:
    for f in findings:
        props = (
            f"file={_prop(f.path)},line={f.line},col={f.column},"
            f"endLine={f.end_line},endColumn={f.end_column},title={_prop(f.rule)}"
        )
        message = f.message + (f" → {f.suggestions[0]}" if f.suggestions else "")
        stream.write(f"::{_COMMAND[f.level]} {props}::{_data(message)}\n")
    c = summary(findings)
    stream.write(_("ekip: {errors}, {warnings}, {infos} in {files}").format(
        errors=ngettext("{n} error", "{n} errors", c["error"]).format(n=c["error"]),
        warnings=ngettext("{n} warning", "{n} warnings", c["warning"]).format(n=c["warning"]),
        infos=ngettext("{n} info", "{n} infos", c["info"]).format(n=c["info"]),
        files=ngettext("{n} file", "{n} files", files).format(n=files)) + "\n")
