"""The word facts the writing rules need, read from the project's Turkish lexicon
(``checks/text/lexicon.py``, made from Zemberek-NLP's lexicon; loaded on first use).

Tags as the rules use them: ``V`` verb stem, ``N`` noun, ``A`` adjective, ``O`` another word
class (adverb, pronoun, conjunction…), ``P`` also a proper name, ``d`` last vowel drops,
``2`` final consonant doubles, ``h`` inverse harmony (``saat`` → ``saati``). Every function
takes a folded word (``forms.fold``).
"""

from __future__ import annotations

from functools import lru_cache

from checks.text import lexicon as _lexicon

_CLASS = {"N": "N", "J": "A", "V": "V", "X": "O", "P": "P"}


@lru_cache(maxsize=8192)
def tags(word: str) -> str:
    """The tags of a folded lemma (``""`` when unknown)."""
    out: set[str] = set()
    for reading in _lexicon.readings(word):
        flags = reading.partition("=")[0]
        cls = _CLASS.get(flags[:1])
        if cls is None:
            continue
        out.add(cls)
        if cls != "P":
            out.update(c for c in flags[1:] if c in "d2h")
    return "".join(sorted(out))


def is_word(word: str) -> bool:
    """A lemma of its own, in any class but proper name (``kedi``, ``belki``, ``gel``)."""
    t = tags(word)
    return any(c in t for c in "NAOV")


def is_verb(stem: str) -> bool:
    return "V" in tags(stem)


def is_nominal(word: str) -> bool:
    """A noun, adjective or other non-verb lemma (something a case suffix may follow)."""
    t = tags(word)
    return any(c in t for c in "NAO")


def is_verbal_noun(word: str) -> bool:
    """A verb's -mA noun the lexicon leaves out as derived (``uygulama``, ``teslimat`` aside)."""
    return word.endswith(("ma", "me")) and len(word) > 4 and is_verb(word[:-2])


def is_noun(word: str) -> bool:
    return "N" in tags(word)


def is_adjective(word: str) -> bool:
    """An adjective lemma, or a noun made an adjective by -lI or -sIz (``haklı``, ``ücretsiz``),
    which the lexicon leaves out as derived."""
    if "A" in tags(word):
        return True
    for suffix in ("lı", "li", "lu", "lü", "sız", "siz", "suz", "süz"):
        if word.endswith(suffix) and len(word) > len(suffix) + 1 and is_nominal(word[:-len(suffix)]):
            return True
    return False


_VOICE = {"p": "b", "ç": "c", "t": "d", "k": "ğ"}
_VOWELS = frozenset("aeıioöuü")
_SURFACE: dict[str, str] | None = None


def surface_stems() -> dict[str, str]:
    """Every written stem of a nominal lemma before a vowel-initial suffix, mapped to the lemma:
    the lemma itself, its softened form (``kitab``, ``renk`` → ``reng``), its vowel-dropped form
    (``resm``) and its doubled form (``hakk``). Lenient on purpose: softening is allowed for
    every lemma, since the rules only use this to *rule out* an error."""
    global _SURFACE
    if _SURFACE is None:
        out: dict[str, str] = {}
        for word in _lexicon._table():
            t = tags(word)
            if not any(c in t for c in "NAO"):
                continue
            out.setdefault(word, word)
            last = word[-1:]
            if last in _VOICE and len(word) > 2:
                soft = word[:-2] + "ng" if word.endswith("nk") else word[:-1] + _VOICE[last]
                out.setdefault(soft, word)
            if "d" in t and len(word) > 3 and word[-2] in _VOWELS:
                out.setdefault(word[:-2] + word[-1], word)
            if "2" in t:
                out.setdefault(word + last, word)
        _SURFACE = out
        tags.cache_clear()  # the walk above filled the cache with every lemma
    return _SURFACE
