"""``soru-eki``: the question particle mı/mi/mu/mü written together with the word before it.

FAIL: ``Siparişim ulaştımı?``, ``Sınavı geçtimi?``, ``Çayınızı içtinizmi?``,
``Biliyormuydunuz?``, ``Bedeni varmı?``, ``Kırmızısı değilmi?``, ``Yeni sezona hazırmısınız?``
PASS: ``Siparişim ulaştı mı?``, ``Kedimi çok seviyorum.`` (kedi-m-i), ``Yardımı için
teşekkürler.`` (yardım-ı), ``Filmi izlediniz mi?``, ``Resmi tatil``, ``Ürün stokta varmış.``

A word is flagged when it ends in a particle form (``mI``, ``mIsIn``, ``mIyIm``, ``mIyIz``,
``mIsInIz``, ``mIdIr``, ``mIydI``…, the particle's vowel in harmony with the word before it)
and all of these hold:

* what precedes the particle is a finished verb form of a verb in the word list (past
  ``ulaştı``, progressive ``biliyor``, future, reported past, aorist, necessity, conditional,
  optative, imperative), ``var``, ``yok``, ``değil``, an adjective (``hazır``, ``güzel``,
  ``ücretsiz``) or a noun in the locative (``yoldamı``: a locative takes no possessive after it);
* the whole word is not a word of its own: not a lemma (``resmi``) and not a noun with its
  endings (``yardımı`` = yardım + ı, ``kedimi`` = kedi + m + i, ``filmi``, ``platformu``).
  For an adjective before the particle that ends its clause (``?``, ``acaba``), reading the
  particle as a possessive (``iyimi`` as iyi + m + i) does not count: the question is far
  likelier; followed by a verb it does (``Sevgilimi kırdım``, ``derimi kurutun``).

A noun ending in a consonant before the particle counts too (``kitapmı``: after a consonant
the possessive would be ``kitabım``); a noun ending in a vowel does not: a noun with a
possessive and an accusative (``arabamı``) is spelled the same way as the error, and a rule
that cannot tell them apart stays quiet. Loanwords with inverse harmony take front vowels
(``orijinalmi``, ``saatmi``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checks.yazim import Hit, forms, lexicon, word_endings

_PARTICLE = re.compile(
    r"m[ıiuü](?:s[ıiuü]n(?:[ıiuü]z)?|y[ıiuü][mz]|d[ıiuü]r|yd[ıiuü](?:m|n|k|n[ıiuü]z)?|ym[ıiuü]ş)?(?![\w'’])")
_ALWAYS = frozenset({"var", "yok", "değil"})


def find(text: str, folded: str, names: object = None) -> Iterator[Hit]:
    for start, split, end in word_endings(_PARTICLE, folded):
        base, particle, word = folded[start:split], folded[split:end], folded[start:end]
        if particle[1] != forms.i_of(forms.last_vowel(base)) and particle[1] != forms.i_after(base):
            continue
        if lexicon.is_word(word) or (word.endswith(("zmi", "zmı")) and lexicon.is_word(word[:-1])):
            continue  # aforizmi: -izm loans the word list knows
        kind = _kind(base)
        if kind is None:
            continue
        reading = forms.noun_reading(word)
        if reading is not None and not (reading == base and kind != "verb" and _ends_question(folded, end)):
            continue
        yield Hit(start, end, text[start:split] + " " + text[split:end])


_QUESTION_END = re.compile(r"\s*(?:[?!.…,;:)]|$|(?:acaba|yoksa|ya|diye|değil)(?![\w'’]))")


def _ends_question(folded: str, end: int) -> bool:
    """The word ends its clause or is followed by ``acaba``…: ``iyimi?``, ``doğrumu acaba``
    (read as a question), not ``sevgilimi kırdım`` (a possessive and an accusative)."""
    return _QUESTION_END.match(folded, end) is not None


def _kind(base: str) -> str | None:
    if base in _ALWAYS:
        return "always"
    if forms.verb_reading(base) is not None:
        return "verb"
    if lexicon.is_adjective(base):
        return "adjective"
    if base[-1] not in forms.VOWELS and lexicon.is_nominal(base):
        return "noun"  # kitapmı: after a consonant, -mI is no possessive (that would be -Im)
    if base.endswith(_LOCATIVE):
        lemma = forms.noun_reading(base)
        if lemma is not None and base[len(lemma):] in _LOCATIVE_ENDINGS:
            return "locative"  # yoldamı, mağazadamı
    return None


_LOCATIVE = ("da", "de", "ta", "te")
_LOCATIVE_ENDINGS = frozenset(p + c + v for p in ("", "n", "ın", "in", "un", "ün", "m", "ım", "im", "um", "üm")
                              for c in "dt" for v in "ae")
