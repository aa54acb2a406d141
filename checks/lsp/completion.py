"""Completion in a post's front matter.

Where the cursor is decides what is offered (the front matter need not be closed or valid YAML
yet: the line is read as text):

- a key at the start of a line: the post schema's keys the front matter does not have yet;
- ``platforms:`` (one-line list, or a ``- `` item below it): the platform ids of the brand's
  table, with their names and limits;
- ``status:``: the schema's statuses; ``author:``: the members of ``team.yml``;
- ``by:`` under ``approvals`` (block or flow): the members who can approve, those with a role
  that the approval policy (brand.yml ``approvals``) or a sensitive topic asks for; every
  member when the brand names no such role;
- ``campaign:``: the campaigns other posts use and those in brand.yml ``hashtags.campaigns``;
- ``topics:``: the sensitive topics' ids; ``sponsored:``, ``crisis:``: true and false.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from lsprotocol import types

from checks.brand.model import Brand
from checks.i18n import _
from checks.post import Post

_KEY_LINE = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*:[ \t]*(.*)$")
_ITEM_LINE = re.compile(r"^[ \t]*-[ \t]*(.*)$")
_BY = re.compile(r"(?:^|[{,\s-])by[ \t]*:[ \t]*([^,}\]]*)$")
_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*\r?$", re.M)


def front_matter_span(text: str) -> tuple[int, int] | None:
    """Offsets of the front matter's YAML text (to its end, or the document's when unclosed)."""
    body = text.removeprefix("\ufeff")
    skip = len(text) - len(body)
    first = body.split("\n", 1)[0].rstrip("\r")
    if first.rstrip(" \t") != "---":
        return None
    start = skip + len(first) + 1
    closing = _CLOSE.search(text, start)
    return start, closing.start() if closing else len(text)


def complete(text: str, offset: int, brand: Brand, posts: Iterable[Post]) -> list[types.CompletionItem]:
    span = front_matter_span(text)
    if span is None or not span[0] <= offset <= span[1]:
        return []
    line_start = text.rfind("\n", 0, offset) + 1
    before = text[line_start:offset]
    key, value = _context(text, span[0], line_start, before)
    if key is None:
        return _keys(text[span[0]:span[1]], brand) if re.fullmatch(r"[A-Za-z_]*", before) else []
    if key == "by":
        return _members(brand, _approver_roles(brand), _("Can approve"))
    values = _values(key, brand, posts)
    if key in ("platforms", "topics") and value.startswith("["):
        taken = {v.strip() for v in value[1:].split(",")[:-1]}
        values = [v for v in values if v.label not in taken]
    return values


def _context(text: str, fm_start: int, line_start: int, before: str) -> tuple[str | None, str]:
    """The key whose value the cursor is in, and what is typed of the value."""
    by = _BY.search(before)
    m = _KEY_LINE.match(before)
    if by and (not m or m.group(1) == "approvals"):
        return "by", by.group(1)
    if m:
        return m.group(1), m.group(2)
    item = _ITEM_LINE.match(before)
    if item:
        # the key of the block list: the nearest line above that starts at column 0
        pos = line_start
        while pos > fm_start:
            prev_start = text.rfind("\n", 0, pos - 1) + 1
            prev = text[max(prev_start, fm_start):pos - 1].rstrip("\r")
            top = _KEY_LINE.match(prev)
            if top:
                return top.group(1), item.group(1)
            if prev and not prev[0].isspace() and not prev.startswith("-"):
                break
            pos = prev_start
    return None, ""


def _item(label: str, detail: str, kind: types.CompletionItemKind = types.CompletionItemKind.Value,
          doc: str | None = None) -> types.CompletionItem:
    return types.CompletionItem(label=label, kind=kind, detail=detail, documentation=doc)


def _keys(front: str, brand: Brand) -> list[types.CompletionItem]:
    present = {m.group(1) for m in re.finditer(r"^([A-Za-z_][\w-]*)[ \t]*:", front, re.M)}
    props: dict[str, Any] = (brand.post_schema or {}).get("properties") or {}
    return [types.CompletionItem(label=k, kind=types.CompletionItemKind.Property, insert_text=f"{k}: ",
                                 detail=str(spec.get("description", "")) or None)
            for k, spec in props.items() if k not in present and isinstance(spec, dict)]


def _values(key: str, brand: Brand, posts: Iterable[Post]) -> list[types.CompletionItem]:
    from checks.site import labels

    if key == "platforms":
        return [_item(pid, _("{platform}: at most {n} characters").format(platform=p.name, n=p.max_length),
                      types.CompletionItemKind.EnumMember)
                for pid, p in brand.platforms.items()]
    if key == "status":
        enum = (((brand.post_schema or {}).get("properties") or {}).get("status") or {}).get("enum") or []
        return [_item(s, labels.status(s), types.CompletionItemKind.EnumMember) for s in enum
                if isinstance(s, str)]
    if key == "author":
        return _members(brand, None, _("Team member"))
    if key == "campaign":
        found: dict[str, str] = {}
        hashtags = brand.config.get("hashtags")
        campaigns = hashtags.get("campaigns") if isinstance(hashtags, dict) else None
        for cid, tags in (campaigns or {}).items():
            found[str(cid)] = "brand.yml: " + " ".join(map(str, tags or []))
        for post in posts:
            c = post.front.get("campaign")
            if isinstance(c, str) and c and c not in found:
                found[c] = _("used in other posts")
        return [_item(c, d) for c, d in sorted(found.items())]
    if key == "topics":
        return [_item(str(t.get("id")), str(t.get("name") or t.get("action") or "")) for t in brand.sensitive
                if isinstance(t, dict) and t.get("id")]
    if key in ("sponsored", "crisis"):
        return [_item("true", _("yes"), types.CompletionItemKind.Keyword),
                _item("false", _("no"), types.CompletionItemKind.Keyword)]
    return []


def _approver_roles(brand: Brand) -> set[str]:
    roles: set[str] = set()
    for policy in brand.approvals.values():
        if isinstance(policy, dict):
            roles.update(r for r in policy.get("roles") or [] if isinstance(r, str))
    for topic in brand.sensitive:
        if isinstance(topic, dict):
            roles.update(r for r in topic.get("approvers") or [] if isinstance(r, str))
    return roles


def _members(brand: Brand, roles: set[str] | None, what: str) -> list[types.CompletionItem]:
    from checks.site import labels

    out = []
    for mid, member in brand.members.items():
        member_roles = [r for r in (member or {}).get("roles") or [] if isinstance(r, str)]
        if roles and not roles.intersection(member_roles):
            continue
        name = (member or {}).get("name") or mid
        shown = ", ".join(labels.role(r) for r in member_roles)
        out.append(_item(str(mid), f"{name} ({shown})" if shown else str(name),
                         types.CompletionItemKind.Value, what))
    return out
