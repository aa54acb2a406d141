"""Where generated pages go in a ``nav`` written in mkdocs.yml (plain lists and dicts, the way
MkDocs reads them; no MkDocs import).

Each group of generated pages (the calendar section, the brand guide) replaces the ``nav``
entry that names its first page, keeping the title written there:

    nav:
      - Takvim: takvim/index.md        # becomes the calendar section: overview + one page per month
      - Marka rehberi: marka/index.md  # stays where it is

A group the ``nav`` does not name is appended at the end. Without a ``nav`` MkDocs builds one
from the files, and generated pages with ``in_nav`` appear in it by themselves.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from checks.site.model import SiteFile

NavItem = Any  # str | dict[str, str | list[NavItem]]


def groups(files: Sequence[SiteFile]) -> list[tuple[str, str, NavItem]]:
    """(first page path, title, nav value) for each top-level group of ``in_nav`` pages."""
    tree: dict[str, Any] = {}  # title -> path (page) or nested dict (section)
    first: dict[str, str] = {}
    for f in files:
        if not (f.is_page and f.in_nav):
            continue
        top = f.section[0] if f.section else f.title
        first.setdefault(top, f.path)
        node = tree
        for name in f.section:
            node = node.setdefault(name, {})
        node[f.title] = f.path
    return [(first[title], title, _value(value)) for title, value in tree.items()]


def _value(node: Any) -> NavItem:
    if isinstance(node, str):
        return node
    return [{title: _value(child)} for title, child in node.items()]


def place(nav: list[NavItem] | None, files: Sequence[SiteFile]) -> list[NavItem] | None:
    """``nav`` with the generated pages in it (a new list; ``None`` stays ``None``)."""
    if nav is None:
        return None
    out = list(nav)
    for path, title, value in groups(files):
        if not _replace(out, path, title, value):
            out.append({title: value})
    return out


def _replace(items: list[NavItem], path: str, title: str, value: NavItem) -> bool:
    for i, item in enumerate(items):
        if item == path:
            items[i] = value if isinstance(value, str) else {title: value}
            return True
        if isinstance(item, dict) and len(item) == 1:
            ((written, target),) = item.items()
            if target == path:
                items[i] = {written: value}
                return True
            if isinstance(target, list):
                nested = list(target)
                if _replace(nested, path, title, value):
                    items[i] = {written: nested}
                    return True
    return False
