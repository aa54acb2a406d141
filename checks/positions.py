"""Where things are in a post: line and column of a file offset, and the place of a front-matter
value or key, the way the contract counts (1-based; columns in code points of the file as
stored, a BOM and CR characters included).

A front-matter place is found without parsing when the value is a top-level ``key: scalar``
line or an item of a one-line flow list (``platforms: [x, y]``), the common cases; anything
else parses the front matter once with positions (``checks.yamlfile.load``; the node tree is
kept on the post). Both give the same place (tests/test_post.py compares them).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import TYPE_CHECKING

from checks.yamlfile import YamlError, load

if TYPE_CHECKING:
    from checks.post import Post

_QUOTED = {"'": re.compile(r"'(?:[^']|'')*'"), '"': re.compile(r'"(?:[^"\\]|\\.)*"')}
_KEY_LINES: dict[str | int, re.Pattern[str]] = {}  # a top-level key's line, by key
_SHORT = 4096  # characters: a post this short finds positions without a line table


def position(post: Post, offset: int) -> tuple[int, int]:
    """1-based line and column of a file offset."""
    source = post.source
    if len(source) <= _SHORT:  # counting in C beats building a table for a few findings
        line_start = source.rfind("\n", 0, offset) + 1
        return source.count("\n", 0, line_start) + 1, offset - line_start + 1
    if post._line_starts is None:
        starts = [0]
        find = source.find
        i = find("\n")
        while i >= 0:
            starts.append(i + 1)
            i = find("\n", i + 1)
        post._line_starts = starts
    idx = bisect_right(post._line_starts, offset) - 1
    return idx + 1, offset - post._line_starts[idx] + 1


def front_offsets(post: Post, path: list[str | int], key: bool = False) -> tuple[int, int] | None:
    """File offsets (start, end) of the front-matter value (or key) at ``path``, found without
    parsing; None when the line is not one of the simple shapes (or the node tree is there)."""
    quick = None
    if post.fm is None and len(path) == 1:
        quick = _top_level(post, path[0])
    elif post.fm is None and len(path) == 2 and isinstance(path[1], int) and not key:
        quick = _flow_item(post, path[0], path[1])
    if quick is None:
        return None
    key_start, value_start, value_end = quick
    return (key_start, key_start + len(str(path[0]))) if key else (value_start, value_end)


def front_place(post: Post, path: list[str | int], key: bool = False) -> tuple[int, int, int, int] | None:
    """(line, column, end line, end column) of the front-matter value (or key) at ``path``, by
    the parser's node positions (the front matter is parsed once and kept on the post); None
    when the front matter cannot be parsed."""
    if post.fm is None and post.readable:
        try:
            post.fm = load(post.source[post.fm_offset:post.fm_end()])
        except YamlError:
            post.fm = None
    if post.fm is None:
        return None
    line0, col0, end_line0, end_col0 = post.fm.position(path, key=key)
    line_base, _ = position(post, post.fm_offset)
    return line_base + line0, col0 + 1, line_base + end_line0, end_col0 + 1


def _top_level(post: Post, key: str | int) -> tuple[int, int, int] | None:
    """File offsets (key start, value start, value end) of a top-level ``key: scalar`` or
    ``key: [flow, list]`` line, found without parsing; None for anything else (the caller
    then parses with positions). Mirrors where the YAML parser puts the node."""
    pattern = _KEY_LINES.get(key)
    if pattern is None:
        pattern = _KEY_LINES[key] = re.compile(r"^" + re.escape(str(key)) + r"[ \t]*:[ \t]*(.*?)[ \t]*\r?$", re.M)
    m = pattern.search(post.source, post.fm_offset, post.fm_end())
    if not m or m.group(1) == "":
        return None
    value = m.group(1)
    start = m.start(1)
    if value[0] in "[{":
        return m.start(), start, start + 1  # a collection: its first character
    if value[0] in "'\"":
        close = _QUOTED[value[0]].match(value)
        if close is None:
            return None  # no closing quote
        rest = value[close.end():].lstrip()
        if rest and not rest.startswith("#"):
            return None
        return m.start(), start, start + close.end()
    if value[0] in "&*!|>%@`-?" or ": " in value:
        return None
    plain = value.split(" #", 1)[0].rstrip()
    return m.start(), start, start + len(plain)

def _flow_item(post: Post, key: str | int, index: int) -> tuple[int, int, int] | None:
    """Offsets of item ``index`` of a one-line flow list of plain scalars (``platforms: [x, y]``)."""
    top = _top_level(post, key)
    if top is None or post.source[top[1]] != "[":
        return None
    line_end = post.source.find("\n", top[1])
    close = post.source.find("]", top[1], line_end if line_end >= 0 else None)
    inner = post.source[top[1] + 1:close] if close > 0 else ""
    if close < 0 or any(c in inner for c in "[]{}'\"#&*!") or index < 0:
        return None
    pos = top[1] + 1
    for i, item in enumerate(inner.split(",")):
        if i == index:
            stripped = item.strip()
            if not stripped:
                return None
            start = pos + item.index(stripped)
            return top[0], start, start + len(stripped)
        pos += len(item) + 1
    return None
