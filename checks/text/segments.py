"""Segments: the pieces of a post's body that term matching reads.

The body itself is one segment (masked, folded, same offsets as the body). Each hashtag is a
segment of its own, read as words split at CamelCase (``#UcuzFırsat`` reads ``Ucuz Fırsat``),
so its offsets map back to the body through anchors. A body that is not NFC gets anchors too.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_right
from dataclasses import dataclass

import regex

from checks.memo import remember
from checks.text.turkish import fold_loose

_CAMEL = regex.compile(r"\p{Lu}+(?=\p{Lu}\p{Ll})|\p{Lu}?\p{Ll}+|\p{Lu}+|\p{N}+|[\p{L}\p{M}]+")
_CLUSTER = regex.compile(r"\P{M}\p{M}*|\p{M}+")


@dataclass(slots=True)
class Segment:
    text: str  # characters as written (spaces inserted between hashtag words)
    scan: str  # fold_loose(text) with masked spans blanked
    base: int = 0  # body offset that the offsets below are relative to
    starts: list[int] | None = None  # segment offset where each piece starts
    bodies: list[tuple[int, int]] | None = None  # (offset from base, length in the body) of each piece
    hashtag: bool = False

    def to_body(self, i: int) -> int:
        if self.starts is None or self.bodies is None:
            return self.base + i
        k = max(bisect_right(self.starts, i) - 1, 0)
        off, length = self.bodies[k]
        return self.base + off + min(i - self.starts[k], length)

    def contiguous(self, start: int, end: int) -> bool:
        """True when ``start:end`` maps to the body unchanged (a fix can replace it)."""
        if self.starts is None or self.bodies is None:
            return True
        k = max(bisect_right(self.starts, start) - 1, 0)
        _off, length = self.bodies[k]
        seg_len = len(self.text) - self.starts[k] if k + 1 == len(self.starts) else self.starts[k + 1] - self.starts[k]
        return seg_len == length and end - self.starts[k] <= length


def _from_pieces(pieces: list[tuple[int, int, str]], hashtag: bool) -> Segment:
    starts: list[int] = []
    bodies: list[tuple[int, int]] = []
    parts: list[str] = []
    pos = 0
    for off, length, text in pieces:
        starts.append(pos)
        bodies.append((off, length))
        parts.append(text)
        pos += len(text)
    text = "".join(parts)
    return Segment(text, fold_loose(text), 0, starts, bodies, hashtag)


def body_segment(body: str, words_text: str) -> Segment:
    """The body as one segment; ``words_text`` is the body with masks and hashtags blanked."""
    if body.isascii() or unicodedata.is_normalized("NFC", body):
        return Segment(body, fold_loose(words_text))
    starts: list[int] = []
    bodies: list[tuple[int, int]] = []
    texts: list[str] = []
    scans: list[str] = []
    run_start = 0

    def add(off: int, length: int, text: str, scan: str) -> None:
        starts.append(sum(map(len, texts)))
        bodies.append((off, length))
        texts.append(text)
        scans.append(scan)

    for m in _CLUSTER.finditer(body):
        cluster = m.group()
        nfc = unicodedata.normalize("NFC", cluster)
        if nfc != cluster:
            if run_start < m.start():
                add(run_start, m.start() - run_start, body[run_start:m.start()], words_text[run_start:m.start()])
            blanked = words_text[m.start()].isspace()
            add(m.start(), m.end() - m.start(), nfc, " " * len(nfc) if blanked else nfc)
            run_start = m.end()
    if run_start < len(body):
        add(run_start, len(body) - run_start, body[run_start:], words_text[run_start:])
    return Segment("".join(texts), fold_loose("".join(scans)), 0, starts, bodies, False)


_HASHTAGS: dict[str, Segment] = {}


def hashtag_segment(start: int, tag: str) -> Segment:
    """``tag`` includes the leading '#'; ``start`` is its body offset. Hashtags recur across
    posts, so each distinct tag is split once per process."""
    t = _HASHTAGS.get(tag)
    if t is None:
        t = remember(_HASHTAGS, tag, _split_hashtag(tag))
    return Segment(t.text, t.scan, start + t.base, t.starts, t.bodies, True)


def _split_hashtag(tag: str) -> Segment:
    word = tag[1:]
    if word.isalpha() and not any(c.isupper() for c in word[1:]):
        nfc = unicodedata.normalize("NFC", word)
        if len(nfc) == len(word):  # one word: no anchors needed
            return Segment(nfc, fold_loose(nfc), 1, hashtag=True)
    pieces: list[tuple[int, int, str]] = []
    for m in _CAMEL.finditer(tag, 1):
        if pieces:
            pieces.append((m.start(), 0, " "))
        pieces.append((m.start(), m.end() - m.start(), unicodedata.normalize("NFC", m.group())))
    return _from_pieces(pieces, True)
