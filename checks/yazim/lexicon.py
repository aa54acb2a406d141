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

_CLASS = {"N": "N", "J": "A", "V": "V", "R": "O", "X": "O", "P": "P"}


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


_UNVOICE = {"b": "p", "c": "ç", "d": "t", "ğ": "k"}
_VOWELS = frozenset("aeıioöuü")


@lru_cache(maxsize=8192)
def lemma_of_stem(stem: str) -> str | None:
    """The nominal lemma written as ``stem`` before a vowel-initial suffix: the lemma itself, or
    softened (``kitab`` → ``kitap``, ``reng`` → ``renk``), vowel-dropped (``resm`` → ``resim``) or
    doubled (``hakk`` → ``hak``). Lenient on purpose: softening is accepted for every lemma,
    since the rules only use this to *rule out* an error."""
    if is_nominal(stem):
        return stem
    if len(stem) < 2:
        return None
    last = stem[-1]
    if last in _UNVOICE or stem.endswith("ng"):
        hard = stem[:-2] + "nk" if stem.endswith("ng") else stem[:-1] + _UNVOICE[last]
        if is_nominal(hard):
            return hard
    if len(stem) > 2 and last == stem[-2] and "2" in tags(stem[:-1]):
        return stem[:-1]
    if len(stem) > 2 and last not in _VOWELS and stem[-2] not in _VOWELS:
        for v in "ıiuü":
            full = stem[:-1] + v + last
            if "d" in tags(full):
                return full
    return None
