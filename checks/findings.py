"""Building a finding: the one way every check, rule and reader does it.

A finding's place comes from offsets in the post's file (``finding_at``), in its body
(``body_finding``), from a front-matter path (``front_finding``), or, for a file that could not
be read as a post, from a line and column (``file_finding``); the path is the post's. Positions
are worked out by ``checks.positions``. What every finding of a run shares beyond that
(suppression, personal-data masking, the digest a ``--fix`` compares) is added by the engine.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from checks import positions
from checks.finding import Finding, Fix, Level

if TYPE_CHECKING:
    from checks.post import Post


def finding_at(post: Post, rule: str, level: Level, message: str, start: int, end: int | None = None, *,
               match: str | None = None, suggestions: list[str] | None = None, fix: Fix | None = None) -> Finding:
    """A finding at file offsets ``start:end`` (one character when ``end`` is not after
    ``start``); ``match`` defaults to the text there."""
    end = start + 1 if end is None or end <= start else end
    line, col = positions.position(post, start)
    end_line, end_col = positions.position(post, end)
    return Finding(
        post.path, line, col, end_line, end_col, rule, level, message,
        post.source[start:end] if match is None else match, suggestions or [], fix,
    )


def body_finding(post: Post, rule: str, level: Level, message: str, start: int, end: int | None = None, *,
                 match: str | None = None, suggestions: list[str] | None = None, fix: Fix | None = None) -> Finding:
    """A finding at body offsets."""
    b = post.body_start
    return finding_at(post, rule, level, message, start + b, None if end is None else end + b,
                      match=match, suggestions=suggestions, fix=fix)


def front_finding(post: Post, rule: str, level: Level, message: str, path: list[str | int],
                  key: bool = False, match: str | None = None) -> Finding:
    """A finding at the front matter value (or key) at ``path``; at the opening ``---`` when
    the front matter cannot be parsed."""
    quick = positions.front_offsets(post, path, key)
    if quick is not None:
        return finding_at(post, rule, level, message, *quick, match="" if match is None else match)
    place = positions.front_place(post, path, key)
    if place is None:
        return finding_at(post, rule, level, message, 0, 3)
    return Finding(post.path, *place, rule, level, message, "" if match is None else match)


def file_finding(path: str, rule: str, message: str, line: int = 1, column: int = 1) -> Finding:
    """An error about the file at ``path`` itself (it could not be read or checked as a post), one
    character at ``line``:``column``."""
    return Finding(path, line, column, line, column + 1, rule, "error", message)
