"""Hover on a finding: what the rule is, its examples, and its anchor in the brand guide.

For a brand or pack rule (and a sensitive topic): kind, level, the rule's message, what it
looks for (``Rule.describe``, as ``ekip rules list`` and the brand guide say it), its bad and
good examples; for a built-in check, the registry's description (``checks.registry``, in the
brand guide's words). Then the finding's own message and suggestions, and the link to
``marka/#<rule id>``. Markdown, in Turkish like the brand guide.
"""

from __future__ import annotations

from lsprotocol import types

from checks.brand.model import Brand
from checks.finding import Finding
from checks.i18n import _
from checks.lsp.diagnostics import guide_link


def _code(text: str) -> str:
    fence = "``" if "`" in text else "`"
    return f"{fence}{text}{fence}" if text else ""


def describe(f: Finding, brand: Brand, guide: str) -> str:
    from checks import registry
    from checks.site import labels

    lines = [f"**{_code(f.rule)}** · {labels.level(f.level)}", "", f.message]
    if f.suggestions:
        lines += ["", _("Suggestion: {values}").format(values=", ".join(_code(s) for s in f.suggestions))]
    rule = brand.rule(f.rule)
    if rule is not None:
        h = rule.header
        lines += ["", "---", "", _("Kind: {label} ({kind})").format(label=labels.kind(h.kind),
                                                                     kind=_code(h.kind))]
        described = rule.describe()
        if described:
            lines += ["", _("Looks for: {what}").format(what=described)]
        for key, title in (("bad", _("✗ Wrong (the rule catches it)")), ("good", _("✓ Right (not caught)"))):
            examples = h.examples.get(key) or []
            if examples:
                lines += ["", f"{title}:", *(f"- {_code(e)}" for e in examples)]
    else:
        entry = registry.lookup(f.rule)
        text = registry.translated(f.rule) or (entry.description if entry else "")
        if text:
            lines += ["", "---", "", _("Built-in check: {text}").format(text=text)]
    link = guide_link(guide, f.rule)
    if link:
        lines += ["", f"[Marka rehberinde {f.rule}]({link})"]
    return "\n".join(lines)


def hover(findings: list[tuple[Finding, types.Range]], brand: Brand, guide: str) -> types.Hover | None:
    if not findings:
        return None
    parts = [describe(f, brand, guide) for f, _where in findings]
    return types.Hover(
        contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value="\n\n---\n\n".join(parts)),
        range=findings[0][1],
    )
