"""Turkish-aware case folding, suffixes and vowel facts.

Python's ``str.lower`` and ``re.IGNORECASE`` treat ``I`` as the capital of ``i``; in Turkish
``I`` is the capital of ``ı`` and ``İ`` of ``i``. Every function here keeps the length of its
input (one code point in, one out), so offsets found in folded text are offsets in the original.
"""

from __future__ import annotations

from functools import lru_cache

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


# Turkish suffixes, each with its vowel-harmony variants: A = a/e, I = ı/i/u/ü, D = d/t,
# C = c/ç, K = k/ğ. A continuation after a term counts as inflection only when it splits
# completely into these (so "Telekom'un" and "ucuzluk" match, "Telekomünikasyon" does not).
_MORPHEMES = [
    "lAr",  # plural, 3rd person plural
    "Im", "In", "sI", "ImIz", "InIz", "lArI", "m", "n", "mIz", "nIz",  # possessive
    "yI", "I", "nI", "yA", "A", "nA", "DA", "nDA", "DAn", "nDAn", "nIn", "In", "yIn",  # case
    "ylA", "lA",  # instrumental "ile"
    "ki", "kü",  # relative -ki
    "lIK", "lI", "sIz", "CI", "CIK", "CA", "DAş", "sAl",  # derivation
    "lAş", "lAt", "lAn", "t",  # verbs from nouns (ucuzla-t-, ucuzla-ş-)
    "DI", "yDI", "mIş", "ymIş", "DIr", "ysA", "sA", "yken", "ken", "yIm", "sIn", "yIz", "sInIz", "k",
    "Iyor", "yor", "AcAK", "yAcAK", "mA", "mAz", "Ir", "r", "mAK", "yIn", "yInIz", "Ip", "yIp",
]
_CLASSES = {"A": "ae", "I": "ıiuü", "D": "dt", "C": "cç", "K": "kğ"}


def _spellings(morpheme: str) -> list[str]:
    """Every spelling of a morpheme: ``lAr`` -> ``lar``, ``ler``."""
    out = [""]
    for ch in morpheme:
        out = [head + c for head in out for c in _CLASSES.get(ch, ch)]
    return out


# The suffix spellings (a few hundred short strings), looked up by length: a continuation is a
# chain when it splits into them. (A regex alternation of them says the same but takes longer
# to compile, on every start, than all the lookups of a run.)
_SPELLINGS = frozenset(s for m in _MORPHEMES for s in _spellings(m))
_SPELLING_LENGTHS = sorted({len(s) for s in _SPELLINGS})


def _is_chain(text: str) -> bool:
    """Whether ``text`` (non-empty) splits completely into suffix spellings."""
    reachable = [False] * (len(text) + 1)
    reachable[0] = True
    for i in range(len(text)):
        if reachable[i]:
            for n in _SPELLING_LENGTHS:
                if i + n <= len(text) and text[i:i + n] in _SPELLINGS:
                    reachable[i + n] = True
    return reachable[len(text)]


_APOSTROPHES = "'’"
_EN_ENDINGS = frozenset({"s", "es", "'s", "s'", "’s", "s’"})


@lru_cache(maxsize=4096)
def is_turkish_suffix(continuation: str) -> bool:
    """True when ``continuation`` (folded, maybe starting with an apostrophe) is a chain of suffixes."""
    rest = continuation[1:] if continuation[:1] in _APOSTROPHES else continuation
    return bool(rest) and _is_chain(rest)


def is_english_ending(continuation: str) -> bool:
    """Plural and possessive: ``mails``, ``boxes``, ``brand's``, ``brands'``."""
    return continuation in _EN_ENDINGS


def starts_with_vowel(continuation: str) -> bool:
    rest = continuation[1:] if continuation[:1] in _APOSTROPHES else continuation
    return rest[:1] in VOWELS


# Final consonants that soften before a vowel: kitap -> kitabı, ağaç -> ağacı, renk -> rengi,
# çocuk -> çocuğu, yurt -> yurdu.
_SOFTEN = {"p": "b", "ç": "c", "t": "d", "k": "ğ"}


def softened(term: str) -> str | None:
    """The stem a term takes before a vowel-initial suffix, or None when it does not soften."""
    if len(term) < 3 or term[-1] not in _SOFTEN or term[-2:-1] in ("", " "):
        return None
    if term.endswith("nk"):
        return term[:-1] + "g"
    return term[:-1] + _SOFTEN[term[-1]]
