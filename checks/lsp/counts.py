"""Live counts: the post's published text measured for each of its platforms the platform's
way (``checks.text.counting``, the same count as ``platform.length`` and the site's preview),
against the platform's limit.

Shown as an inlay hint at the end of the ``platforms:`` line (``X 245/280 · Instagram
245/2200``) and as a code lens above it (for editors without inlay hints); a platform over its
limit is marked ✗. Nothing is shown for a post without known platforms or text, or one that
cannot be read.
"""

from __future__ import annotations

import re

from checks.brand.model import Brand
from checks.post import Post
from checks.text import counting

_PLATFORMS = re.compile(r"^platforms[ \t]*:.*?(?=\r?$)", re.M)


def counts(post: Post, brand: Brand) -> list[tuple[str, int, int]]:
    """(platform name, length, limit) for each known platform of the post, once each."""
    if not post.readable:
        return []
    text = post.text
    out = []
    seen: set[str] = set()
    for pid in post.platforms:
        p = brand.platforms.get(pid)
        if p is None or pid in seen:
            continue
        seen.add(pid)
        out.append((p.name, counting.length(text, p.counting, p.url_length), p.max_length))
    return out


def label(found: list[tuple[str, int, int]]) -> str:
    return " · ".join(f"{name} {n}/{limit}" + (" ✗" if n > limit else "") for name, n, limit in found)


def anchor(post: Post) -> int | None:
    """Offset of the end of the ``platforms:`` line (in the front matter), where the counts go."""
    if not post.readable:
        return None
    m = _PLATFORMS.search(post.source, post.fm_offset, post.body_start)
    return m.end() if m else None
