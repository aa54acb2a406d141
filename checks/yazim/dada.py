"""``de-da``: the conjunction de/da written together with the word before it, or written as
te/ta.

**Glued** (``find_glued``). FAIL: ``Hafta sonuda açığız.``, ``İkiside çok güzel.``,
``Anlatsada dinlemedi.``, ``Kitaplarıda indirimde.``, ``Hemde ücretsiz kargo.``,
``Yinede bir göz atın.``, ``Onuda unutmayın.``
PASS: ``Hafta sonunda açığız.`` (locative after a possessive takes n), ``Kapıda ödeme``,
``Masada kaldı.``, ``İkisinde de indirim var.``, ``Hem de ücretsiz kargo.``

A word ending in ``da``/``de`` (in harmony with the word before it) is flagged when that word
cannot take a locative there:

* a noun with a third-person possessive or an accusative (``sonu``, ``ikisi``, ``kitapları``):
  its locative would be ``sonunda``, ``ikisinde``; the word itself must not be a lemma
  (``kapı``, ``ordu``, ``kedi`` end the same way) nor read as a noun with endings
  (``kapıda``);
* a conditional, progressive or past verb form (``anlatsa``, ``geliyor``, ``geldi``) of a verb
  in the word list, unless the whole word reads as a noun (``yardımda``);
* an accusative or possessive pronoun (``onu``, ``bunu``, ``hepsi``, ``biri``), or a word of
  the closed list ``hem``, ``yine``, ``gene``, ``şu``, ``çok``, ``pek``, ``hiç``, ``nasıl``,
  ``böyle``, ``öyle``, ``şöyle``, ``bazen``, ``sonra``, ``önce``, ``şimdi``, ``hemen``.

``bende``/``sende``/``bizde``/``sizde`` are locatives too: the rule ``de-da-zamir`` decides them.

**Written as te/ta** (``find_hard``). FAIL: ``Bu paket te ücretsiz.``, ``Saat te hediye.``,
``Kitap ta indirimde.`` PASS: ``Bu paket de ücretsiz.``, ``Ta ki yaz gelene kadar``,
``ta sabaha kadar`` (``ta`` = as far as), ``saat 3'te``.

The conjunction never becomes te/ta. A separate ``te``/``ta`` after a word ending in a
voiceless consonant (where the locative would be -te/-ta) is flagged, unless ``ta`` is the
adverb "as far as": followed by ``ki``, ``kendi…``, a dative, an ablative or ``o``/``bu``/``şu``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checks.yazim import Hit, forms, lexicon

_GLUED = re.compile(r"(?<![\w'’])([^\W\d_]{2,}?)(d[ae])(?![\w'’])")
_CLOSED = frozenset({"hem", "yine", "gene", "şu", "çok", "pek", "hiç", "nasıl", "böyle", "öyle", "şöyle",
                     "bazen", "sonra", "önce", "şimdi", "hemen"})
_PRONOUNS = frozenset({
    "onu", "bunu", "şunu", "beni", "seni", "bizi", "sizi", "onları", "bunları", "şunları", "kendini",
    "kendisini", "kendisi", "hepsi", "hepsini", "ikisi", "ikisini", "üçü", "biri", "birisi", "birini",
    "kimisi", "bazısı", "bazıları", "çoğu", "hiçbiri", "herbiri", "hangisi", "birbiri", "diğeri",
    "diğerleri", "öbürü", "herkesi"})
_VERB_TENSE = re.compile(r"s[ae](?:m|n|k|n[ıi]z)?|[ıiuü]?yor(?:[ıiuü]m|s[ıiuü]n|[ıiuü]z|s[ıiuü]n[ıiuü]z|l[ae]r)?"
                         r"|[dt][ıiuü](?:m|n|k|n[ıiuü]z)?")
_LOCATIVE_PRONOUNS = frozenset({"ben", "sen", "biz", "siz", "on", "bun", "şun", "onlar"})


def find_glued(text: str, folded: str, names: object = None) -> Iterator[Hit]:
    for m in _GLUED.finditer(folded):
        base, de = m[1], m[2]
        if de[1] != forms.a_of(forms.last_vowel(base)) or base in _LOCATIVE_PRONOUNS:
            continue
        if not _glued(base, m[0]):
            continue
        start, split, end = m.start(), m.start(2), m.end()
        yield Hit(start, end, text[start:split] + " " + text[split:end])


def _glued(base: str, word: str) -> bool:
    if base in _CLOSED or base in _PRONOUNS:
        return True
    last = base[-1]
    if last not in "ıiuüaekmnzr":
        return False
    if lexicon.is_word(base) or lexicon.is_word(word):
        return False
    if forms.noun_reading(word) is not None:
        return False
    if last in "ıiuü" and _possessive_or_accusative(base):
        return True
    reading = forms.verb_reading(base)
    return reading is not None and _VERB_TENSE.fullmatch(reading[1]) is not None


def _possessive_or_accusative(base: str) -> bool:
    """``sonu``, ``ikisi``, ``kitapları``, ``kitabı``: a lemma plus a third-person possessive or
    an accusative, the only endings after which a locative needs ``n``."""
    surface = lexicon.surface_stems()
    for cut in range(len(base) - 1, 1, -1):
        stem, rest = base[:cut], base[cut:]
        lemma = surface.get(stem)
        if lemma is None:
            continue
        vowel = forms.i_of(forms.last_vowel(stem))
        a = forms.a_of(forms.last_vowel(stem))
        endings = {vowel, "s" + vowel, "y" + vowel, "l" + a + "r" + ("ı" if a == "a" else "i")}
        if stem[-1] in forms.VOWELS:
            endings.discard(vowel)
        else:
            endings -= {"s" + vowel, "y" + vowel}
        if rest in endings:
            return True
    return False


_HARD = re.compile(r"(?<![\w'’])([^\W\d_]*[çfhkpsşt])[ \t]+(t[ae])(?![\w'’])")
_NEXT_WORD = re.compile(r"[ \t]*([^\W\d_]+)")
_ADVERB_NEXT = frozenset({"ki", "o", "bu", "şu", "oraya", "buraya", "şuraya", "oradan", "buradan"})


def find_hard(text: str, folded: str, names: object = None) -> Iterator[Hit]:
    for m in _HARD.finditer(folded):
        particle = m[2]
        if text[m.start(2)].isupper():
            continue
        nxt = _NEXT_WORD.match(folded, m.end())
        if particle == "ta" and nxt is not None:
            w = nxt[1]
            dative = w.endswith(("a", "e")) and not w.endswith(("da", "de", "ta", "te"))
            if w in _ADVERB_NEXT or w.startswith("kendi") or dative or w.endswith(("dan", "den", "tan", "ten")):
                continue
        start, end = m.start(2), m.end(2)
        yield Hit(start, end, ("d" if text[start] == "t" else "D") + text[start + 1:end])
