"""A post body as LanguageTool annotated text.

LanguageTool's ``data`` parameter takes the text as a list of ``{"text": ...}`` and
``{"markup": ..., "interpretAs": ...}`` pieces: markup is not checked (LanguageTool reads
``interpretAs`` in its place), and every offset in the answer counts the original text,
markup included. So the masked spans of a post (HTML comments, fenced and inline code, URLs,
e-mail addresses, @mentions) and Markdown link syntax are sent as markup, and a match's
offset is an offset in the body, in UTF-16 code units (see ``Utf16``).

The stand-ins keep sentences grammatical: a mention reads as a name, a URL as a domain, a
fenced block as a paragraph break, a comment as nothing. Hashtags stay text: LanguageTool
skips them, and spelling matches on them are dropped as brand vocabulary.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from checks.post import Post

STAND_INS = {
    "comment": "",
    "fence": "\n\n",
    "code": "X",
    "url": "example.com",
    "email": "alex@example.com",
    "mention": "Alex",
}
# Found on the masked body (same offsets as the body; URLs inside are already blank).
_LINK = re.compile(r"(!?\[)[^\[\]\n]*(\]\([^()\n]*\))")  # [text](url), ![alt](path): text stays
_LINK_DEF = re.compile(r"^ {0,3}\[[^\]\n]+\]:[^\n]*", re.M)  # [ref]: url
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>\n]*)?/?>")  # inline HTML
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


@dataclass(slots=True)
class Annotated:
    data: list[dict[str, str]]  # LanguageTool "annotation" list; pieces join to the body
    markup: list[tuple[int, int]]  # body spans LanguageTool does not read
    has_text: bool  # some non-blank text outside markup


def annotate(post: Post) -> Annotated:
    body = post.body
    masked = post.masked
    spans: list[tuple[int, int, str]] = []
    for kind, stand_in in STAND_INS.items():
        for s, e in post.spans(kind):
            if kind in ("url", "email") and s > 0 and body[s - 1] == "<" and body[e:e + 1] == ">":
                s, e = s - 1, e + 1  # autolink <https://...>
            spans.append((s, e, stand_in))
    if "[" in masked:
        for m in _LINK.finditer(masked):
            spans.append((m.start(1), m.end(1), ""))
            spans.append((m.start(2), m.end(2), ""))
        spans.extend((m.start(), m.end(), "") for m in _LINK_DEF.finditer(masked))
    if "<" in masked:
        spans.extend((m.start(), m.end(), "") for m in _TAG.finditer(masked))

    merged = _merge(spans)
    data: list[dict[str, str]] = []
    markup: list[tuple[int, int]] = []
    pos = 0
    has_text = False
    for s, e, stand_in in merged:
        if s > pos:
            data.append({"text": body[pos:s]})
            has_text = has_text or not body[pos:s].isspace()
        piece = {"markup": body[s:e]}
        if stand_in:
            piece["interpretAs"] = stand_in
        data.append(piece)
        markup.append((s, e))
        pos = e
    if pos < len(body):
        data.append({"text": body[pos:]})
        has_text = has_text or not body[pos:].isspace()
    return Annotated(data, markup, has_text)


def _merge(spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Sorted, non-overlapping spans; a span inside another takes the outer one's stand-in."""
    out: list[tuple[int, int, str]] = []
    for s, e, stand_in in sorted(spans, key=lambda x: (x[0], -x[1])):
        if e <= s:
            continue
        if out and s < out[-1][1]:
            ps, pe, pin = out[-1]
            out[-1] = (ps, max(pe, e), pin)
        else:
            out.append((s, e, stand_in))
    return out


class Utf16:
    """Converts LanguageTool's offsets (UTF-16 code units) to code points of ``text``."""

    __slots__ = ("_starts",)

    def __init__(self, text: str) -> None:
        # UTF-16 offset of the k-th astral character is its code point offset + k
        self._starts = [] if text.isascii() else [m.start() + k for k, m in enumerate(_ASTRAL.finditer(text))]

    def __call__(self, offset: int) -> int:
        if not self._starts:
            return offset
        # astral characters that end at or before ``offset`` each took two units
        return offset - bisect_left(self._starts, offset - 1)
