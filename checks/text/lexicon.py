"""A Turkish lexicon: which words exist, their word classes and the stem changes rules cannot know.

The data is ``checks/data/tr-lexicon.tsv.gz`` (about 62,000 lemmas, 230 kB), made by
``scripts/build_lexicon.py`` from Zemberek's lexicon (Apache License 2.0, see
``checks/data/NOTICE``). It is read the first time a function here is called (about 60 ms and
10 MB, once per process), so commands and posts that never match a Turkish term never pay for it.

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

import gzip
from functools import cache
from importlib import resources

_PLAIN = str.maketrans("âîû", "aiu")
_WORD_CLASSES = frozenset("NJRX")


@cache
def _table() -> dict[str, str]:
    """Lemma → its readings, comma-separated (split when asked: most lemmas never are)."""
    data = resources.files("checks.data").joinpath("tr-lexicon.tsv.gz").read_bytes()
    return dict(line.split("\t", 1) for line in gzip.decompress(data).decode("utf-8").splitlines())


def plain(word: str) -> str:
    """``word`` without circumflexes: the lexicon's spelling."""
    return word.translate(_PLAIN)


@cache
def _split(raw: str) -> tuple[str, ...]:
    return tuple(raw.split(",")) if raw else ()


def readings(word: str) -> tuple[str, ...]:
    return _split(_table().get(plain(word), ""))


def is_word(word: str) -> bool:
    return any(r[:1] in _WORD_CLASSES for r in readings(word))


def is_verb_stem(word: str) -> bool:
    return any(r[:1] == "V" for r in readings(word))


def is_proper(word: str) -> bool:
    return any(r[:1] == "P" for r in readings(word))


def is_known(word: str) -> bool:
    """In the lexicon at all, in any class (a Zemberek-guessed foreign proper noun does not count)."""
    return any(r[:1] != "P" or "g" not in r.partition("=")[0] for r in readings(word))
