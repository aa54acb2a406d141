"""Findings as LSP diagnostics, and the brand guide's link for a rule.

A diagnostic carries the finding as ``ekip check`` reports it: ``code`` is the rule id,
``message`` the same message, the range the same span (in the protocol's units), severity
error / warning / information for the three levels, ``source`` "ekip". ``codeDescription``
links the rule's anchor in the published brand guide (``marka/#<rule id>``); ``data`` holds
the finding's suggestions. Rules that have no anchor there (LanguageTool's ``grammar.*``, an
``internal`` failure) get no link.
"""

from __future__ import annotations

from lsprotocol import types

from checks.brand.model import Brand
from checks.finding import Finding
from checks.lsp.positions import LineIndex

SEVERITY = {
    "error": types.DiagnosticSeverity.Error,
    "warning": types.DiagnosticSeverity.Warning,
    "info": types.DiagnosticSeverity.Information,
}
LOCAL_SITE = "http://127.0.0.1:8000/"  # where `mkdocs serve` previews the site


def guide_address(brand: Brand, configured: str | None = None) -> str:
    """The brand guide's address (ending in ``marka/``): the editor's ``siteUrl`` setting + ``marka/``,
    else the one ``site_url`` in mkdocs.yml gives (as SARIF's help links), else the local preview
    of ``mkdocs serve``."""
    if configured:
        return configured.rstrip("/") + "/marka/"
    from checks import registry

    return registry.guide_url(brand) or LOCAL_SITE + "marka/"


def guide_link(guide: str, rule: str) -> str | None:
    if rule.startswith("grammar.") or rule == "internal":
        return None
    return f"{guide}#{rule}"


def to_range(index: LineIndex, f: Finding) -> types.Range:
    (sl, sc), (el, ec) = index.ekip_range(f.line, f.column, f.end_line, f.end_column)
    return types.Range(start=types.Position(line=sl, character=sc), end=types.Position(line=el, character=ec))


def offsets_range(index: LineIndex, start: int, end: int) -> types.Range:
    (sl, sc), (el, ec) = index.position(start), index.position(end)
    return types.Range(start=types.Position(line=sl, character=sc), end=types.Position(line=el, character=ec))


def diagnostic(index: LineIndex, f: Finding, guide: str) -> types.Diagnostic:
    link = guide_link(guide, f.rule)
    return types.Diagnostic(
        range=to_range(index, f),
        severity=SEVERITY[f.level],
        code=f.rule,
        code_description=types.CodeDescription(href=link) if link else None,
        source="ekip",
        message=f.message,
        data={"suggestions": list(f.suggestions)} if f.suggestions else None,
    )
