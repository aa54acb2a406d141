"""A trie-shaped regular expression for a set of literal terms.

One flat alternation of thousands of terms makes the regex engine try each term at each
position; a trie shares prefixes, so the cost of a search grows with the text, not with the
number of terms. A space in a term matches any run of whitespace.
"""

from __future__ import annotations

import re

_END = ""


def _escape(ch: str) -> str:
    return r"\s+" if ch == " " else re.escape(ch)


def trie_pattern(terms: list[str]) -> str:
    """A regex (no capture groups) that matches any of ``terms``, longest alternative first."""
    root: dict[str, dict] = {}
    for term in terms:
        node = root
        for ch in term:
            node = node.setdefault(ch, {})
        node[_END] = {}
    if not root:
        return r"(?!x)x"  # matches nothing
    return _emit(root)


def _emit(node: dict[str, dict]) -> str:
    optional = _END in node
    branches: list[str] = []
    singles: list[str] = []
    for ch in sorted(k for k in node if k != _END):
        child = node[ch]
        if list(child) == [_END] and ch != " ":
            singles.append(re.escape(ch) if ch not in "]\\^-" else "\\" + ch)
        else:
            branches.append(_escape(ch) + _emit(child))
    if singles:
        branches.append(singles[0] if len(singles) == 1 else "[" + "".join(singles) + "]")
    if not branches:
        return ""
    grouped = len(branches) > 1
    body = "(?:" + "|".join(branches) + ")" if grouped else branches[0]
    if optional:
        atomic = grouped or (len(singles) == 1 and len(branches) == 1 and body == singles[0] and len(body) == 1)
        atomic = atomic or (len(branches) == 1 and len(singles) > 1 and body.startswith("["))
        body = (body if atomic else "(?:" + body + ")") + "?"
    return body
