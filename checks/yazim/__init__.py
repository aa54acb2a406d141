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

from typing import NamedTuple


class Hit(NamedTuple):
    start: int
    end: int
    suggestion: str
