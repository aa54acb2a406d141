"""``ki``: the conjunction ki written together with the verb before it.

FAIL: ``Bilinki her ürün özenle hazırlanıyor.``, ``Umarızki beğenirsiniz.``,
``Dedimki bu sezon farklı olacak.``, ``Biliyorumki beğeneceksiniz.``
PASS: ``Bilin ki …``, ``Belki de en sevdiğiniz parça bu.``, ``Sanki bahar geldi.``,
``Mağazadaki indirim``, ``Yarınki etkinlik``, ``Bizimki daha güzel.``, ``Şimdiki koleksiyon``

A word ending in ``ki`` is flagged when what precedes ``ki`` is a finished verb form of a verb
in the word list (``dedim``, ``biliyorum``, ``umarız``, imperative ``bilin``, ``bil``) or one of
``belli``, ``besbelli``, ``gerçek``, ``tabii`` (``belli ki``), and the
whole word is neither a word of its own (``belki``, ``sanki``, ``halbuki``, ``oysaki``,
``mademki``) nor a noun with the relative ``-ki`` (``evdeki``, ``yarınki``, ``seninki``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checks.yazim import Hit, forms, lexicon, word_endings

_KI = re.compile(r"ki(?![\w'’])")
_WORDS = frozenset({"belki", "sanki", "halbuki", "oysaki", "mademki", "meğerki", "illaki", "şimdiki",
                    "önceki", "sonraki", "yarınki", "dünkü", "akşamki", "sabahki", "geceki", "deminki",
                    "öteki", "ilerki", "berikiki", "benimki", "seninki", "onunki", "bizimki", "sizinki", "onlarınki",
                    "kimileyinki", "nitekim"})


_ADJECTIVES = frozenset({"belli", "besbelli", "açıktır", "doğrusu", "gerçek", "tabii"})


def find(text: str, folded: str, names: object = None) -> Iterator[Hit]:
    for start, split, end in word_endings(_KI, folded):
        word, base = folded[start:end], folded[start:split]
        if word in _WORDS or lexicon.is_word(word) or base.startswith("kendi"):
            continue
        if base not in _ADJECTIVES and forms.noun_reading(word) is not None:
            continue
        if base not in _ADJECTIVES and forms.verb_reading(base) is None and not (
                lexicon.is_verb(base) and not lexicon.is_nominal(base)):
            continue
        yield Hit(start, end, text[start:split] + " " + text[split:end])
