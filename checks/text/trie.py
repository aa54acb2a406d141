"""A trie-shaped regular expression for a set of literal terms.

One flat alternation of thousands of terms makes the regex engine try each term at each
position; a trie shares prefixes, so the cost of a search grows with the text, not with the
number of terms. A space in a term matches any run of whitespace.
"""

from __future__ import annotations

import re

_END = ""

# A trie node: next character -> child node; the key ``_END`` marks where a term ends.
_Node = dict[str, "_Node"]


def _escape(ch: str) -> str:
    return r"\s+" if ch == " " else re.escape(ch)


def trie_pattern(terms: list[str], word_start: bool = False) -> str:
    """A regex (no capture groups) that matches any of ``terms``, longest alternative first.
    With ``word_start``, only where no word character comes before: each first character is
    followed by a lookbehind instead of the pattern beginning with one, so that the regex engine
    can skip ahead to the terms' first characters rather than test every position."""
    root: _Node = {}
    for term in terms:
        node = root
        for ch in term:
            node = node.setdefault(ch, {})
        node[_END] = {}
    if not root:
        return r"(?!x)x"  # matches nothing
    return _emit(root, word_start)


def _emit(node: _Node, word_start: bool = False) -> str:
    optional = _END in node
    branches: list[str] = []
    singles: list[str] = []
    for ch in sorted(k for k in node if k != _END):
        child = node[ch]
        if list(child) == [_END] and ch != " ":
            singles.append(re.escape(ch) if ch not in "]\\^-" else "\\" + ch)
        elif word_start and ch == " ":
            branches.append(r"(?<!\w)" + _escape(ch) + _emit(child))
        elif word_start:
            branches.append(_escape(ch) + r"(?<!\w" + _escape(ch) + ")" + _emit(child))
        else:
            branches.append(_escape(ch) + _emit(child))
    if singles:
        one = singles[0] if len(singles) == 1 else "[" + "".join(singles) + "]"
        branches.append(one + r"(?<!\w" + one + ")" if word_start else one)
    if not branches:
        return ""
    grouped = len(branches) > 1
    body = "(?:" + "|".join(branches) + ")" if grouped else branches[0]
    if optional:
        atomic = grouped or (len(singles) == 1 and len(branches) == 1 and body == singles[0] and len(body) == 1)
        atomic = atomic or (len(branches) == 1 and len(singles) > 1 and body.startswith("["))
        body = (body if atomic else "(?:" + body + ")") + "?"
    return body
