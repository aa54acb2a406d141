"""A Turkish lexicon: which words exist, their word classes and the stem changes rules cannot know.

The data is ``checks/data/tr-lexicon.tsv`` (about 62,000 lemmas, 700 kB), made by
``scripts/build_lexicon.py`` from Zemberek's lexicon (Apache License 2.0, see
``checks/data/NOTICE``). It is read the first time a function here is called (about 15 ms and
5 MB, once per process), so commands and posts that never match a Turkish term never pay for it.

Every function takes a word folded the Turkish way (``turkish.fold(word, "tr")``: ``İ`` → ``i``,
``I`` → ``ı``, lower case); circumflexes are ignored (``hikâye`` and ``hikaye`` are one word).

- ``is_word(word)``: a common word of its own: a noun, adjective, adverb, pronoun, conjunction…
  of the lexicon, but not a bare verb stem or proper noun (``karar``, ``kalem``, ``karınca`` yes;
  ``ulaş``, ``twitter``, ``ulaştımı`` no). Lemmas only: inflected forms are not listed.
- ``is_verb_stem(word)``: the stem of a verb (``at`` of ``atmak``, ``yaz``, ``ulaş``).
- ``is_proper(word)``: a proper noun of the lexicon (``twitter``, ``ankara``, ``eti``).
- ``readings(word)``: every reading of the lemma as a flag string (see ``scripts/build_lexicon.py``
  for the letters: ``N`` noun, ``J`` adjective, ``V`` verb, ``R`` pronoun, ``P`` proper noun, ``v`` softens,
  ``d`` drops its last vowel, ``2`` doubles, ``h`` inverse harmony, ``y`` y buffer, ``t`` time…), each
  optionally followed by ``=`` and its pronunciation; ``()`` for an unknown word.
"""

from __future__ import annotations

from bisect import bisect_left
from functools import cache, lru_cache
from importlib import resources

_PLAIN = str.maketrans("âîû", "aiu")
_WORD_CLASSES = frozenset("NJRX")


@cache
def _lines() -> list[str]:
    """The data file's lines (``lemma\treadings``), sorted by lemma. Looked up by bisection: making
    a dict of them would cost five times as long as reading them, on every start."""
    text = resources.files("checks.data").joinpath("tr-lexicon.tsv").read_text(encoding="utf-8")
    return text.rstrip("\n").split("\n")


@cache
def _split(raw: str) -> tuple[str, ...]:
    return tuple(raw.split(",")) if raw else ()


def plain(word: str) -> str:
    """``word`` without circumflexes: the lexicon's spelling."""
    return word.translate(_PLAIN)


@lru_cache(maxsize=65536)
def readings(word: str) -> tuple[str, ...]:
    key = plain(word) + "\t"
    lines = _lines()
    i = bisect_left(lines, key)
    if i < len(lines) and lines[i].startswith(key):
        return _split(lines[i][len(key):])
    return ()


def is_word(word: str) -> bool:
    return any(r[:1] in _WORD_CLASSES for r in readings(word))


def is_verb_stem(word: str) -> bool:
    return any(r[:1] == "V" for r in readings(word))


def is_proper(word: str) -> bool:
    return any(r[:1] == "P" for r in readings(word))


def is_known(word: str) -> bool:
    """In the lexicon at all, in any class (a Zemberek-guessed foreign proper noun does not count)."""
    return any(r[:1] != "P" or "g" not in r.partition("=")[0] for r in readings(word))
