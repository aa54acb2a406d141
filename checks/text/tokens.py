"""Words, sentences and emoji of a post's masked text."""

from __future__ import annotations

import re

import regex

WORD = re.compile(r"\w+(?:['’]\w+)*")
# A sentence runs to its closing punctuation, or to a blank line.
SENTENCE = re.compile(r"(?:[^.!?…\n]|\n(?![ \t\r]*\n))+[.!?…]*")
EMOJI = regex.compile(
    r"\p{Regional_Indicator}{2}"
    r"|[0-9#*]\uFE0F?\u20E3"
    r"|(?:\p{Extended_Pictographic}(?:\p{Emoji_Modifier}|\uFE0F)?"
    r"(?:\u200D\p{Extended_Pictographic}(?:\p{Emoji_Modifier}|\uFE0F)?)*)"
)


def sentences(text: str) -> list[tuple[int, int]]:
    """Spans of the sentences in ``text`` (leading whitespace excluded)."""
    out = []
    for m in SENTENCE.finditer(text):
        s, e = m.span()
        chunk = text[s:e]
        stripped = chunk.lstrip()
        if stripped.strip():
            out.append((s + len(chunk) - len(stripped), e))
    return out
