"""Masks: the spans of a post's body where brand rules never look, and the body with them blanked.

Fenced and inline code, HTML comments, URLs (with a scheme, ``www.``, or a bare domain on a
known top-level domain), e-mail addresses and @mentions are blanked (replaced by spaces, newlines
kept, so that every offset stays where it was); hashtags are blanked in a second text
(``words``), where words are matched outside hashtags. ``build(body)`` returns both texts and
the spans of each kind in body offsets; ``checks.post.Post`` keeps them once built.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

from checks.personal import EMAIL_PATTERN

KINDS = ("comment", "fence", "code", "url", "email", "mention", "hashtag")
Spans = dict[str, list[tuple[int, int]]]

_FENCE = re.compile(r"^[ \t]{0,3}+(`{3,}+|~{3,}+)[^\n]*+\n.*?(?:^[ \t]{0,3}\1[ \t]*\r?$|\Z)", re.M | re.S)
COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.S)
# A code span opens at the start of a run of backticks (CommonMark), never inside one.
_INLINE_CODE = re.compile(r"(?<!`)(`+)(?!`)(?:(?!\1).)+?\1(?!`)", re.S)
# URLs with a scheme first, then e-mail addresses, in one pass so that neither cuts the other;
# then bare domains ("ornek.com.tr/kampanya") in what is left, only when a known TLD appears.
# Patterns begin with a literal where they can (the word-boundary checks come as lookbehinds
# after it): the regex engine then skips ahead to that character instead of trying every position.
_LINK = re.compile(
    r"(?P<url>(?:h(?<!\wh)ttps?://|w(?<!\ww)ww\.)[^\s<>\[\]{}\"'`]+)"
    r"|(?P<email>" + EMAIL_PATTERN + ")"
)
_URL_ONLY = re.compile(_LINK.pattern.split("|(?P<email>")[0])
_TLDS = r"(?:com|net|org|tr|io|co|app|dev|info|me|biz|gov|edu|ly|gl)"
_TLD_HINT = re.compile(r"\.(?<=[a-z0-9]\.)" + _TLDS + r"\b")
_BARE = re.compile(r"\b[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\." + _TLDS + r"\b(?:/[^\s<>\[\]{}\"'`]*)?")
# Where _BARE can start, and how far a start reaches: every start inside that reach could only
# find a match that the first start would have found, so after a failed start the scan goes on
# behind its reach (_bare_matches); trying each start in a run of labels was quadratic.
_BARE_START = re.compile(r"\b[a-z0-9]")
_BARE_REACH = re.compile(r"[a-z0-9-]*+(?:\.[a-z0-9-]++)*+")
_URL_TRAILING = ".,;:!?'\")]}*_"
_MENTION = re.compile(r"@(?<![\w@/.]@)\w(?:[\w.]*\w)?")
_HASHTAG = re.compile(r"#(?<![\w&#/]#)(?=\w*[^\W\d_])(\w+)")
_NOT_NEWLINE = re.compile(r"[^\n]")


def _bare_matches(text: str) -> Iterator[re.Match[str]]:
    """``_BARE.finditer(text)``, in linear time."""
    pos = 0
    for start in _BARE_START.finditer(text):
        at = start.start()
        if at < pos:
            continue
        m = _BARE.match(text, at)
        if m is not None:
            yield m
            pos = m.end()
        else:
            reach = _BARE_REACH.match(text, at)
            assert reach is not None  # every part of the pattern may be empty
            pos = reach.end()


def _sub_bare(repl: Callable[[re.Match[str]], str], text: str) -> str:
    """``_BARE.sub(repl, text)``, in linear time."""
    parts: list[str] = []
    pos = 0
    for m in _bare_matches(text):
        parts += [text[pos:m.start()], repl(m)]
        pos = m.end()
    if not parts:
        return text
    parts.append(text[pos:])
    return "".join(parts)


def _blank(s: str) -> str:
    return _NOT_NEWLINE.sub(" ", s) if "\n" in s else " " * len(s)


def build(body: str) -> tuple[str, str, Spans]:
    """(masked body, masked body with hashtags blanked too, spans by kind)."""
    spans: Spans = {k: [] for k in KINDS}

    def masker(kind: str) -> Any:
        def sub(m: re.Match[str]) -> str:
            spans[kind].append((m.start(), m.end()))
            return _blank(m.group())

        return sub

    text = body
    text = COMMENT.sub(masker("comment"), text) if "<!--" in text else text
    if "```" in text or "~~~" in text:
        text = _FENCE.sub(masker("fence"), text)
    if "`" in text:
        text = _INLINE_CODE.sub(masker("code"), text)

    def link_sub(m: re.Match[str]) -> str:
        s = m.group()
        if m.re is _LINK and m.lastgroup == "email":
            spans["email"].append((m.start(), m.end()))
            return _blank(s)
        stripped = s.rstrip(_URL_TRAILING)
        spans["url"].append((m.start(), m.start() + len(stripped)))
        return _blank(stripped) + s[len(stripped):]

    has_at, has_url = "@" in text, "://" in text or "www." in text
    if has_url:
        text = (_LINK if has_at else _URL_ONLY).sub(link_sub, text)
    elif has_at:
        text = _LINK.sub(link_sub, text)
    if _TLD_HINT.search(text):
        text = _sub_bare(link_sub, text)
    if "@" in text:
        text = _MENTION.sub(masker("mention"), text)
    masked = text
    words = _HASHTAG.sub(masker("hashtag"), masked) if "#" in masked else masked
    spans["url"].sort()
    return masked, words, spans
