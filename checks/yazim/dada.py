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
* a verbal adverb (``olarak``, ``gelip``), which takes no case;
* an accusative or possessive pronoun (``onu``, ``bunu``, ``hepsi``, ``biri``), or a word of
  the closed list ``hem``, ``yine``, ``gene``, ``şu``, ``çok``, ``pek``, ``hiç``, ``nasıl``,
  ``böyle``, ``öyle``, ``şöyle``, ``bazen``, ``sonra``, ``önce``, ``şimdi``, ``hemen``, ``değil``.

A ``da``/``de`` written together after a voiceless consonant (``kitapda``, ``serinlikde``) is
an error either way, but the writer may have meant the locative ``-ta``/``-te``: this rule
leaves it to the finite-verb and closed-list cases above.

``bende``/``sende``/``bizde``/``sizde`` are locatives too: the rule ``de-da-zamir`` decides them.

**Written as te/ta** (``find_hard``). FAIL: ``Bu paket te ücretsiz.``, ``Saat te hediye.``,
``Kitap ta indirimde.`` PASS: ``Bu paket de ücretsiz.``, ``Ta ki yaz gelene kadar``,
``ta sabaha kadar`` (``ta`` = as far as), ``saat 3'te``.

The conjunction never becomes te/ta. A separate lower-case ``te``/``ta`` after a word is
flagged, unless ``ta`` is the adverb "as far as": followed by ``ki``, ``kendi…``, a dative, an
ablative or ``o``/``bu``/``şu``. After a word that is not in the word list and does not end in a
voiceless consonant (``alexandrite ta``) the writer may have meant a locative: not flagged.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checks.yazim import Hit, forms, lexicon, word_endings

_GLUED = re.compile(r"d[ae](?![\w'’])")
_CLOSED = frozenset({"hem", "yine", "gene", "şu", "çok", "pek", "hiç", "nasıl", "böyle", "öyle", "şöyle",
                     "bazen", "sonra", "önce", "şimdi", "hemen", "değil"})
_PRONOUNS = frozenset({
    "onu", "bunu", "şunu", "beni", "seni", "bizi", "sizi", "onları", "bunları", "şunları", "kendini",
    "kendisini", "kendisi", "hepsi", "hepsini", "ikisi", "ikisini", "üçü", "biri", "birisi", "birini",
    "kimisi", "bazısı", "bazıları", "çoğu", "hiçbiri", "herbiri", "hangisi", "birbiri", "diğeri",
    "diğerleri", "öbürü", "herkesi"})
_VERB_TENSE = re.compile(r"s[ae](?:m|n|k|n[ıi]z)?|[ıiuü]?yor(?:[ıiuü]m|s[ıiuü]n|[ıiuü]z|s[ıiuü]n[ıiuü]z|l[ae]r)?"
                         r"|[dt][ıiuü](?:m|n|k|n[ıiuü]z)?")
_LOCATIVE_PRONOUNS = frozenset({"ben", "sen", "biz", "siz", "on", "bun", "şun", "onlar"})


_CLOSED_T = re.compile(r"(?<![\w'’])(çok|pek|hiç)(t[ae])(?![\w'’])")


def find_glued(text: str, folded: str, names: object = None) -> Iterator[Hit]:
    for m in _CLOSED_T.finditer(folded):  # çokta, pekte, hiçte: the conjunction glued and hardened
        if m[2][1] == forms.a_of(forms.last_vowel(m[1])):
            start, split, end = m.start(), m.start(2), m.end()
            yield Hit(start, end, text[start:split] + " " + ("d" if text[split] == "t" else "D") + text[split + 1:end])
    for start, split, end in word_endings(_GLUED, folded):
        base, de = folded[start:split], folded[split:end]
        if de[1] != forms.a_of(forms.last_vowel(base)) or base in _LOCATIVE_PRONOUNS:
            continue
        if text[start].isupper() and not _initial(text, start) and base not in _CLOSED:
            continue  # Bursada: a capitalised word inside a sentence is a name
        if not _glued(base, folded[start:end]):
            continue
        yield Hit(start, end, text[start:split] + " " + text[split:end])


def _initial(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in " \t\"'“‘`(«-–—*_#>":
        i -= 1
    return i < 0 or text[i] in ".!?…:\n"


def _glued(base: str, word: str) -> bool:
    if base in _CLOSED or base in _PRONOUNS:
        return True
    last = base[-1]
    if base.endswith(("arak", "erek", "ıp", "ip", "up", "üp")) and _adverbial(base):
        return True  # olarakda, gelipde: a verbal adverb takes no case
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


def _adverbial(base: str) -> bool:
    cut = len(base) - (4 if base.endswith(("arak", "erek")) else 2)
    stem = base[:cut]
    if stem.endswith("y") and len(stem) > 2 and stem[-2] in forms.VOWELS:
        stem = stem[:-1]  # okuyarak
    return forms.verb_stem(stem) is not None and not lexicon.is_word(base)


def _possessive_or_accusative(base: str) -> bool:
    """``sonu``, ``ikisi``, ``kitapları``, ``kitabı``: a lemma plus a third-person possessive or
    an accusative, the only endings after which a locative needs ``n``."""
    for cut in range(len(base) - 1, 1, -1):
        stem, rest = base[:cut], base[cut:]
        lemma = lexicon.lemma_of_stem(stem)
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


def _turkish(word: str) -> bool:
    return lexicon.is_word(word) or forms.noun_reading(word) is not None or forms.verb_reading(word) is not None


# A match starts only at the first letter of a run of letters (a later start would end the same
# way): otherwise every letter of a long word is a start that reads to its end (quadratic).
_HARD = re.compile(r"(?<![^\W\d_])([^\W\d_]++)[ \t]++(t[ae])(?![\w'’])")
_HARD_AT = re.compile(r"[ \t]t[ae](?![\w'’])")
_WORD_BEFORE = re.compile(r"(?<![\w'’])[^\W\d_]+[ \t]+$")
_NEXT_WORD = re.compile(r"[ \t]*([^\W\d_]+)")
_ADVERB_NEXT = frozenset({"ki", "o", "bu", "şu", "oraya", "buraya", "şuraya", "oradan", "buradan"})


def find_hard(text: str, folded: str, names: object = None) -> Iterator[Hit]:
    for at in _HARD_AT.finditer(folded):  # the rare " te"/" ta" first, then the word before it
        found = _WORD_BEFORE.search(folded, max(0, at.start() - 60), at.start() + 1)
        if found is None:
            continue
        m = _HARD.match(folded, found.start())
        if m is None:
            continue
        particle, before = m[2], m[1]
        if text[m.start(2)].isupper():
            continue
        if before[-1] not in forms.HARD and not _turkish(before):
            continue  # alexandrite ta: after a foreign word the writer may mean a locative
        nxt = _NEXT_WORD.match(folded, m.end())
        if particle == "ta" and nxt is not None:
            w = nxt[1]
            dative = w.endswith(("a", "e")) and not w.endswith(("da", "de", "ta", "te"))
            if w in _ADVERB_NEXT or w.startswith("kendi") or dative or w.endswith(("dan", "den", "tan", "ten")):
                continue
        start, end = m.start(2), m.end(2)
        yield Hit(start, end, ("d" if text[start] == "t" else "D") + text[start + 1:end])
