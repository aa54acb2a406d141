"""The ``tr-yazim`` writing rules that a pattern cannot express: each module finds one kind of
error in a post's text and documents, in its docstring, what it flags and what it leaves alone.

A check is a function ``find(text, names) -> Iterator[Hit]`` over the post's text with URLs,
code, comments, mentions and hashtags blanked (same length as the body, so offsets are body
offsets); ``names`` are the brand's own proper names (see ``kesme``). The rule kind ``yazim``
(``checks/rules/yazim.py``) runs them; the pack ``checks/packs/tr-yazim.yml`` names them.

Every check first finds candidates with one compiled regular expression (a few words per post
at most) and only then reads the word list (``lexicon``) and the suffix model (``forms``), so a
post without candidates costs one regex scan per check.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple


class Hit(NamedTuple):
    start: int
    end: int
    suggestion: str


def word_endings(ending: re.Pattern[str], folded: str, min_base: int = 2) -> Iterator[tuple[int, int, int]]:
    """(word start, ending start, word end) of every word of letters whose end matches
    ``ending`` (which must itself refuse to stop inside a word), with at least ``min_base``
    letters before the ending; words joined to digits or apostrophes are skipped. The regex
    searches for the ending (a literal first letter, which the engine skips to), not for every
    word, and the word's start is found by stepping back."""
    for m in ending.finditer(folded):
        split = start = m.start()
        while start > 0 and folded[start - 1].isalpha():
            start -= 1
        if split - start < min_base or (start > 0 and (folded[start - 1].isalnum() or folded[start - 1] in "'’_")):
            continue
        yield start, split, m.end()
