"""Findings as LSP diagnostics, and the brand guide's link for a rule.

A diagnostic carries the finding as ``ekip check`` reports it: ``code`` is the rule id,
``message`` the same message, the range the same span (in the protocol's units), severity
error / warning / information for the three levels, ``source`` "ekip". ``codeDescription``
links the rule's anchor in the published brand guide (``marka/#<rule id>``); ``data`` holds
the finding's suggestions. Rules that have no anchor there (LanguageTool's ``grammar.*``, an
``internal`` failure) get no link.
"""

from __future__ import annotations

from pathlib import Path

from lsprotocol import types

from checks.finding import Finding
from checks.lsp.positions import LineIndex

SEVERITY = {
    "error": types.DiagnosticSeverity.Error,
    "warning": types.DiagnosticSeverity.Warning,
    "info": types.DiagnosticSeverity.Information,
}
LOCAL_SITE = "http://127.0.0.1:8000/"  # where `mkdocs serve` previews the site


def site_url(root: Path, configured: str | None = None) -> str:
    """The published site's address: the editor's ``siteUrl`` setting, else ``site_url`` in
    mkdocs.yml, else the local preview of ``mkdocs serve``. Always ends with ``/``."""
    url = configured or _mkdocs_site_url(root) or LOCAL_SITE
    return url if url.endswith("/") else url + "/"


def _mkdocs_site_url(root: Path) -> str | None:
    try:
        text = (root / "mkdocs.yml").read_text(encoding="utf-8")
    except OSError:
        return None
    import yaml

    for line in text.splitlines():  # mkdocs.yml holds !!python tags that safe_load refuses
        if line.startswith("site_url:"):
            try:
                value = yaml.safe_load(line.split(":", 1)[1])
            except yaml.YAMLError:
                return None
            return value if isinstance(value, str) and value else None
    return None


def guide_link(site: str, rule: str) -> str | None:
    if rule.startswith("grammar.") or rule == "internal":
        return None
    return f"{site}marka/#{rule}"


def to_range(index: LineIndex, f: Finding) -> types.Range:
    (sl, sc), (el, ec) = index.ekip_range(f.line, f.column, f.end_line, f.end_column)
    return types.Range(start=types.Position(line=sl, character=sc), end=types.Position(line=el, character=ec))


def offsets_range(index: LineIndex, start: int, end: int) -> types.Range:
    (sl, sc), (el, ec) = index.position(start), index.position(end)
    return types.Range(start=types.Position(line=sl, character=sc), end=types.Position(line=el, character=ec))


def diagnostic(index: LineIndex, f: Finding, site: str) -> types.Diagnostic:
    link = guide_link(site, f.rule)
    return types.Diagnostic(
        range=to_range(index, f),
        severity=SEVERITY[f.level],
        code=f.rule,
        code_description=types.CodeDescription(href=link) if link else None,
        source="ekip",
        message=f.message,
        data={"suggestions": list(f.suggestions)} if f.suggestions else None,
    )
