"""Positions between Ekip and the Language Server Protocol.

Ekip counts a finding's line and column in code points of the file as stored, with lines ended
by ``\\n`` only (a CR stays part of its line). The protocol counts lines ended by ``\\n``,
``\\r\\n`` or ``\\r`` and characters in the position encoding that the client and server agreed
on: UTF-16 code units unless the client offered UTF-8 or UTF-32 first. Both go through file
offsets (code points into the document's text): a finding's line and column give an offset,
and an offset gives the protocol's line and character.

pygls has a position codec, but it splits lines with ``str.splitlines`` (which also breaks at
U+2028, U+0085, form feed, ...), so an editor and the server would disagree on every line after
one of those; this module splits where the protocol says. ``tests/test_lsp_positions.py`` checks
it against the encodings' own code-unit counts.
"""

from __future__ import annotations

import re
from bisect import bisect_right

_BREAK = re.compile(r"\r\n|\r|\n")
_NEWLINE = re.compile("\n")


def units(text: str, encoding: str = "utf-16") -> int:
    """How many code units ``text`` is in the position encoding."""
    if encoding == "utf-32" or text.isascii():
        return len(text)
    if encoding == "utf-8":
        return len(text.encode("utf-8", "surrogatepass"))
    return len(text) + sum(1 for c in text if ord(c) > 0xFFFF)


class LineIndex:
    """Offsets of one text, both ways, for the protocol's lines and Ekip's."""

    def __init__(self, text: str, encoding: str = "utf-16") -> None:
        self.text = text
        self.encoding = encoding
        self.starts = [0] + [m.end() for m in _BREAK.finditer(text)]  # protocol lines
        self._nl_starts: list[int] | None = None  # Ekip's lines (``\n`` only)

    def position(self, offset: int) -> tuple[int, int]:
        """The protocol's (line, character), both 0-based, of a code-point offset."""
        offset = max(0, min(offset, len(self.text)))
        line = bisect_right(self.starts, offset) - 1
        start = self.starts[line]
        if offset > start and self.text[offset - 1] == "\r" and offset < len(self.text) \
                and self.text[offset] == "\n":
            offset -= 1  # between CR and LF: the end of the line
        return line, units(self.text[start:offset], self.encoding)

    def offset(self, line: int, character: int) -> int:
        """The code-point offset of the protocol's (line, character); past the end clamps."""
        if line < 0:
            return 0
        if line >= len(self.starts):
            return len(self.text)
        start = self.starts[line]
        end = self.starts[line + 1] if line + 1 < len(self.starts) else len(self.text)
        content = self.text[start:end].rstrip("\r\n")
        if self.encoding == "utf-32" or content.isascii():
            return start + min(character, len(content))
        counted = 0
        for i, c in enumerate(content):
            if counted >= character:
                return start + i
            counted += units(c, self.encoding)
        return start + len(content)

    def ekip_offset(self, line: int, column: int) -> int:
        """The code-point offset of Ekip's 1-based line and column."""
        if self._nl_starts is None:
            self._nl_starts = [0] + [m.end() for m in _NEWLINE.finditer(self.text)]
        starts = self._nl_starts
        if line < 1:
            return 0
        if line > len(starts):
            return len(self.text)
        return min(starts[line - 1] + column - 1, len(self.text))

    def ekip_range(self, line: int, column: int, end_line: int, end_column: int) -> tuple[
            tuple[int, int], tuple[int, int]]:
        """The protocol's start and end of a finding's range."""
        return (self.position(self.ekip_offset(line, column)),
                self.position(self.ekip_offset(end_line, end_column)))
