"""Turkish-aware case folding and capitalisation; English endings.

Turkish suffixes and stem changes are ``checks.text.morph``.

Python's ``str.lower`` and ``re.IGNORECASE`` treat ``I`` as the capital of ``i``; in Turkish
``I`` is the capital of ``ı`` and ``İ`` of ``i``. Every function here keeps the length of its
input (one code point in, one out), so offsets found in folded text are offsets in the original.
"""

from __future__ import annotations

# "İ".lower() is two code points in Python ("i" + U+0307); map it ourselves first. str.replace
# runs at memory speed; str.translate with a table is ten times slower on non-ASCII text.


VOWELS = frozenset("aeıioöuüâîûAEIİOÖUÜÂÎÛ")


def fold(text: str, lang: str) -> str:
    """Case-fold ``text`` the way its language does."""
    if lang == "tr" or lang == "az":
        return text.replace("İ", "i").replace("I", "ı").lower()
    return text.replace("İ", "i").lower()


def fold_loose(text: str) -> str:
    """Case-fold with dotted and dotless i merged (brand-name casing: INSTAGRAM, instagram and
    İnstagram all mean Instagram; also the first pass of all term matching)."""
    return text.replace("İ", "i").replace("I", "i").replace("ı", "i").lower()


def upper(text: str, lang: str) -> str:
    if lang == "tr" or lang == "az":
        return text.replace("i", "İ").replace("ı", "I").upper()
    return text.upper()


def capitalize_like(replacement: str, written: str, lang: str) -> str:
    """Give ``replacement`` the capitalisation of ``written``: ALL CAPS or a capital first letter."""
    if written.islower():  # the common case: nothing to carry over
        return replacement
    letters = [c for c in written if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return upper(replacement, lang)
    if written[:1].isupper() and replacement[:1].islower():
        return upper(replacement[:1], lang) + replacement[1:]
    return replacement


_APOSTROPHES = "'’"
_EN_ENDINGS = frozenset({"s", "es", "'s", "s'", "’s", "s’"})


def is_english_ending(continuation: str) -> bool:
    """Plural and possessive: ``mails``, ``boxes``, ``brand's``, ``brands'``."""
    return continuation in _EN_ENDINGS
