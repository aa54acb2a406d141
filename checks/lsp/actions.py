"""Code actions on a post's findings.

- **Certain fixes** (``Finding.fix``: ``casing`` hits, ``prefer`` hits without a suffix, the
  same ones ``ekip check --fix`` rewrites): one quick fix each, marked preferred; and one
  ``source.fixAll.ekip`` action that applies every certain fix of the document (the
  non-overlapping ones, as ``--fix`` does).
- **Suppress with a reason**: in the body, a line ``<!-- ekip-disable-next-line RULE:  -->``
  is inserted above the finding's line, with that line's indentation and line ending. The
  reason is left empty on purpose: until one is typed the comment is itself a ``suppression``
  warning. The action's command ``ekip.placeCursor`` then asks the editor
  (``window/showDocument``) to put the cursor where the reason goes. A finding in the front
  matter (where no comment can go) is suppressed by ``<!-- ekip-disable RULE:  -->`` at the
  start of the body, which covers the front matter and the whole body (README, "Suppressing a
  finding"). ``file.*``, ``suppression`` and ``internal`` findings cannot be suppressed.
"""

from __future__ import annotations

from lsprotocol import types

from checks.finding import Finding, Fix
from checks.fix import apply_text
from checks.i18n import _
from checks.lsp.diagnostics import offsets_range
from checks.lsp.positions import LineIndex, units
from checks.post import Post
from checks.suppress import UNSUPPRESSIBLE

PLACE_CURSOR = "ekip.placeCursor"
FIX_ALL = types.CodeActionKind.SourceFixAll + ".ekip"


def _wanted(only: list[str] | None, kind: str) -> bool:
    return not only or any(kind == k or kind.startswith(k + ".") for k in only)


def code_actions(uri: str, post: Post, findings: list[Finding], index: LineIndex, start: int, end: int,
                 diagnostics: list[types.Diagnostic], only: list[str] | None = None) -> list[types.CodeAction]:
    """Actions for the findings that touch the code-point span ``start:end`` of the document."""
    out: list[types.CodeAction] = []
    quick = _wanted(only, types.CodeActionKind.QuickFix)
    for f in findings:
        f_start = index.ekip_offset(f.line, f.column)
        f_end = index.ekip_offset(f.end_line, f.end_column)
        if not (f_start <= end and start <= f_end) or not quick:
            continue
        related = [d for d in diagnostics if d.code == f.rule and d.message == f.message] or None
        if f.fix is not None:
            out.append(types.CodeAction(
                title=_("Fix: '{replacement}' for '{match}'").format(
                    match=f.match or index.text[f.fix.start:f.fix.end], replacement=f.fix.replacement),
                kind=types.CodeActionKind.QuickFix,
                diagnostics=related,
                is_preferred=True,
                edit=_edit(uri, index, [f.fix]),
            ))
        action = _suppress(uri, post, f, f_start, index)
        if action is not None:
            action.diagnostics = related
            out.append(action)
    fixes = [f.fix for f in findings if f.fix is not None]
    if fixes and _wanted(only, FIX_ALL):
        _fixed, applied = apply_text(index.text, fixes, post.body_start)
        out.append(types.CodeAction(
            title=_("Apply Ekip's certain fixes ({n})").format(n=len(applied)),
            kind=FIX_ALL,
            edit=_edit(uri, index, applied),
        ))
    return out


def _edit(uri: str, index: LineIndex, fixes: list[Fix]) -> types.WorkspaceEdit:
    return types.WorkspaceEdit(changes={uri: [
        types.TextEdit(range=offsets_range(index, fx.start, fx.end), new_text=fx.replacement)
        for fx in sorted(fixes, key=lambda x: x.start)
    ]})


def _suppress(uri: str, post: Post, f: Finding, f_start: int, index: LineIndex) -> types.CodeAction | None:
    if f.rule.startswith(UNSUPPRESSIBLE) or f.rule == "internal" or not post.readable:
        return None
    text = index.text
    if f_start >= post.body_start:
        kind, title = "disable-next-line", _("Suppress on this line (with a reason): {rule}").format(rule=f.rule)
        at = text.rfind("\n", 0, f_start) + 1
        nl = text.find("\n", at)
        line = text[at:nl if nl >= 0 else len(text)]
        indent = line[:len(line) - len(line.lstrip(" \t"))]
    else:
        kind, title = "disable", _("Suppress in the whole post (with a reason): {rule}").format(rule=f.rule)
        at, indent = post.body_start, ""
    newline = "\r\n" if "\r\n" in text else "\n"
    head = f"{indent}<!-- ekip-{kind} {f.rule}: "
    inserted = head + " -->" + newline
    if at == len(text) and text and not text.endswith("\n"):
        inserted = newline + inserted  # the front matter's closing line has no line ending
        head = newline + head
    line_no, character = index.position(at)
    lines_before = head.count("\n")
    cursor_line = line_no + lines_before
    cursor_char = units(head.rsplit("\n", 1)[-1], index.encoding) + (character if not lines_before else 0)
    cursor = types.Position(line=cursor_line, character=cursor_char)
    return types.CodeAction(
        title=title,
        kind=types.CodeActionKind.QuickFix,
        edit=types.WorkspaceEdit(changes={uri: [types.TextEdit(range=offsets_range(index, at, at),
                                                               new_text=inserted)]}),
        command=types.Command(title=_("Write the reason"), command=PLACE_CURSOR,
                              arguments=[uri, cursor.line, cursor.character]),
    )
