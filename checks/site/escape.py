"""Putting team-written strings (titles, names, messages) into generated Markdown safely.

``text`` HTML-escapes a string and writes every character that Markdown or one of the site's
extensions could read as syntax as a numeric character reference, so that a title such as
``<script>alert(1)</script>`` or ``*[x](javascript:…)|`` reaches the reader as the characters
it is made of: no tag, no link, no emphasis, no table cell break. Python-Markdown passes
character references through untouched, and the browser shows the characters.
"""

from __future__ import annotations

import html
import posixpath
from collections.abc import Callable, Iterable, Sequence

from checks.i18n import _
from checks.site import labels

# What Markdown reads as syntax inside a line (emphasis, code, links, images, raw HTML, entities,
# table cells, heading closers), plus what the pymdownx and attr_list extensions read.
_MARKDOWN = "\\`*_{}[]#+!|~^=:<>&\""
_TABLE = str.maketrans({c: f"&#{ord(c)};" for c in _MARKDOWN} | {"\n": " ", "\r": " ", "\t": " "})
_LINE_START = "-."  # list markers when a value starts a line ('+' is escaped everywhere)


def text(value: object) -> str:
    """A plain string, safe anywhere in a Markdown line (paragraph, heading, table cell, link text)."""
    s = str(value).translate(_TABLE)
    if s and s[0] in _LINE_START:
        s = f"&#{ord(s[0])};{s[1:]}"
    return s


def attr(value: object) -> str:
    """For an HTML attribute value in double quotes."""
    return html.escape(str(value), quote=True)


def code(value: object) -> str:
    """Inline code: rendered as code text, safe as ``text`` is (no backtick can close it early)."""
    return f"<code>{text(value)}</code>"


def link(label: object, target: str, source: str) -> str:
    """A Markdown link from the page at ``source`` to the page at ``target`` (both docs-relative
    paths such as ``takvim/2026/12.md``); MkDocs checks and rewrites it."""
    return f"[{text(label)}]({relative(target, source)})"


def month_links(months: Sequence[tuple[int, int]], i: int, source: str, page: Callable[[int, int], str],
                home: str) -> str:
    """The links at the top of the page at ``source`` for month ``months[i]`` (year, month): the
    month before, the overview page ``home``, the month after; ``page`` gives a month's page."""
    parts = []
    if i > 0:
        parts.append("← " + link(labels.month_name(*months[i - 1]), page(*months[i - 1]), source))
    parts.append(link(_("Overview"), home, source))
    if i + 1 < len(months):
        parts.append(link(labels.month_name(*months[i + 1]), page(*months[i + 1]), source) + " →")
    return " · ".join(parts)


def relative(target: str, source: str) -> str:
    return posixpath.relpath(target, posixpath.dirname(source) or ".")


def table(header: Sequence[str], rows: Iterable[Sequence[str]], css: str = "") -> str:
    """A Markdown table; the cells must already be escaped (``text``, ``link``, ``code``).
    ``css``: a class for an empty ``div`` just before the table, for the stylesheet to find it."""
    lines = [f'<div class="{attr(css)}"></div>', ""] if css else []
    lines += ["| " + " | ".join(header) + " |", "|" + "|".join(" --- " for _cell in header) + "|"]
    lines += ["| " + " | ".join(cell or "—" for cell in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"
