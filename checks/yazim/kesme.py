"""``kesme``: the apostrophe after proper names, and only there (TDK Yazım Kılavuzu, "Kesme işareti").

**Missing** (``find_missing``). FAIL: ``İzmirdeki mağazamız``, ``Türkiyede ilk kez``,
``Kadıköyde açıldı``, ``Ankaraya geliyoruz``, ``Antalyadaki şubemiz``, ``Örnek Giyimden``
PASS: ``İzmir'deki mağazamız``, ``İzmirli tasarımcılar`` (-lI is derivational: no apostrophe),
``Kemerde bir kuş`` at the start of a sentence is left alone (kemer is also "belt").

A capitalised word is flagged when it is a known proper name followed, without an apostrophe,
by inflectional endings (case, plural, possessive, ``-ki``, copula) in harmony with the name.
Known names: Turkey's provinces, districts and regions, countries and foreign cities
(``checks/data/yazim-yerler.txt``, curated) and the brand's own names: its name, the names of
its ``casing`` rules and its team members' names. A name that is also a common word
(``Ordu`` "army", ``Kemer`` "belt", ``Can`` "soul") is only taken for the name in the middle
of a sentence, where its capital letter shows it; a multi-word name (``Örnek Giyim``) only
when its first words precede.

**Wrong** (``find_wrong``). FAIL: ``Mağaza'mızda``, ``Kargo'nuz``, ``Sipariş'inizi``,
``kargo'da``, ``İzmir'li``, ``Türkiye'li``
PASS: ``Mağazamızda``, ``Deniz'in doğum günü``, ``TL'ye``, ``KDV'li``, ``3'te``,
``Atatürk'ün``, ``29 Ekim'de``, ``Kargo'da`` at the start of a sentence

An apostrophe is flagged (a) after a common noun or adjective of the word list that is no
known proper name (nor a month or weekday, nor the brand's) when the word is written in lower
case, or when the endings begin with a first- or second-person possessive (``-mIz``, ``-nIz``:
only a common noun is "our shop" or "your parcel"); a capitalised common noun with other
endings may be a name (``Boğaz'da``, ``Meclis'te``) and is left alone; (b) before a
derivational suffix (``-lI``, ``-lIk``, ``-CI``, ``-sIz``, ``-lAş``, ``-DAş``) after a known
proper name: ``İzmirli``, ``Türkiyeli``. Abbreviations, numbers and all-capital words keep
their apostrophe with any suffix (``ABD'li``, ``KDV'li``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from checks.yazim import Hit, forms, lexicon

_DATA = Path(__file__).resolve().parent.parent / "data" / "yazim-yerler.txt"


@dataclass(frozen=True)
class Names:
    """Proper names a rule knows: written form → whether it is also a common word; names
    after which an apostrophe is right but which are never taken as a word's start; the
    first words of multi-word names."""

    proper: dict[str, bool] = field(default_factory=dict)
    exclude: frozenset[str] = frozenset()
    before: dict[str, tuple[str, ...]] = field(default_factory=dict)
    lengths: tuple[int, ...] = ()
    exclude_by_start: dict[str, tuple[str, ...]] = field(default_factory=dict)


_BASE: tuple[dict[str, bool], set[str]] | None = None


def _base() -> tuple[dict[str, bool], set[str]]:
    global _BASE
    if _BASE is None:
        proper: dict[str, bool] = {}
        exclude: set[str] = set()
        for line in _DATA.read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            if line.startswith("~"):
                exclude.add(line[1:])
            else:
                proper[line] = _common(line)
        _BASE = (proper, exclude)
    return _BASE


def _common(name: str) -> bool:
    """Whether a name is also a common word or its plural (``Ordu``, ``Avcılar``)."""
    folded = forms.fold(name)
    if lexicon.is_word(folded):
        return True
    lemma = forms.noun_reading(folded)
    return lemma is not None and folded[len(lemma):].startswith(("lar", "ler"))


def build_names(extra: list[str]) -> Names:
    """The curated names plus ``extra`` (the brand's name, casing names, team members)."""
    proper, exclude = _base()
    proper = dict(proper)
    before: dict[str, tuple[str, ...]] = {}
    for name in extra:
        words = [w for w in re.split(r"\s+", name.strip()) if w]
        if not words or not words[-1][:1].isupper() or not words[-1].isalpha():
            continue
        last = words[-1]
        if len(words) > 1:
            before[last] = (*before.get(last, ()), " ".join(words[:-1]) + " ")
        proper.setdefault(last, _common(last))
    lengths = tuple(sorted({len(n) for n in proper}, reverse=True))
    by_start: dict[str, tuple[str, ...]] = {}
    for x in exclude:
        by_start[x[:3]] = (*by_start.get(x[:3], ()), x)
    return Names(proper, frozenset(exclude), before, lengths, by_start)


_MISSING = re.compile(r"(?<![\w'’.])([A-ZÇĞİÖŞÜ][a-zçğıöşüâîû]+)(?![\w'’])")
_DERIVATIONAL = re.compile(r"(?:l[ıiuü]k?|[cç][ıiuü]|s[ıiuü]z|l[ae]ş|d[ae]ş)")


def _initial(text: str, start: int) -> bool:
    """Whether ``start`` begins a sentence (where every word is capitalised)."""
    i = start - 1
    while i >= 0 and text[i] in " \t\"'“‘`(«-–—*_#>":
        i -= 1
    return i < 0 or text[i] in ".!?…:\n"


def _compound(name: str, rest: str) -> bool:
    """A name that ends in a possessive (Nişantaşı, Gölbaşı) takes n before a case:
    ``Nişantaşı'nda``."""
    if name[-1] not in "ıiuü" or not rest.startswith("n") or len(rest) < 2:
        return False
    return (rest[1:] in forms.nominal_endings(forms.last_vowel(name), "n") and rest[1] not in forms.VOWELS) or (
        rest[1:] in ("a", "e", "ı", "i", "u", "ü") or rest[1:3] in ("ın", "in", "un", "ün"))


_CAPITAL_BEFORE = re.compile(r"[A-ZÇĞİÖŞÜ][\w]*[ \t]+$")


def _after_capital(text: str, start: int) -> bool:
    """Preceded by a capitalised word that does not begin the sentence: part of a longer name
    (``Ege Adaları``, ``Kızıl Ordusu``)."""
    m = _CAPITAL_BEFORE.search(text, max(0, start - 40), start)
    return m is not None and not _initial(text, m.start())


def find_missing(text: str, folded: str, names: Names) -> Iterator[Hit]:
    proper = names.proper
    for m in _MISSING.finditer(text):
        word = m[1]
        if word in proper:
            continue
        blocker = max((len(x) for x in names.exclude_by_start.get(word[:3], ()) if word.startswith(x)), default=0)
        for n in names.lengths:
            if n >= len(word) or n < blocker:
                continue
            name = word[:n]
            ambiguous = proper.get(name)
            if ambiguous is None:
                continue
            rest = folded[m.start() + n:m.end()]
            fname = folded[m.start():m.start() + n]
            if rest not in forms.nominal_endings(forms.last_vowel(fname), fname[-1]) and not _compound(fname, rest):
                continue
            if rest in ("n", "m") or _DERIVATIONAL.match(rest) or lexicon.is_word(folded[m.start():m.end()]):
                break
            prefixes = names.before.get(name)
            if prefixes:  # Örnek Giyim: the last word counts only after the first ones
                if not any(text.endswith(p, 0, m.start()) for p in prefixes):
                    break
            elif ambiguous and (_initial(text, m.start()) or _after_capital(text, m.start())):
                break
            yield Hit(m.start(), m.end(), name + "'" + word[n:])
            break


_WRONG = re.compile(r"(?<![\w'’.])([^\W\d_]+)(['’])([^\W\d_]+)(?![\w'’])")
_CALENDAR = frozenset({"ocak", "şubat", "mart", "nisan", "mayıs", "haziran", "temmuz", "ağustos", "eylül",
                       "ekim", "kasım", "aralık", "pazartesi", "salı", "çarşamba", "perşembe", "cuma",
                       "cumartesi", "pazar"})


def _possessive_12(stem: str, rest: str) -> bool:
    """``rest`` begins with a first- or second-person possessive (-m, -mIz, -nIz; after a
    consonant -Im, -ImIz, -InIz) in harmony with ``stem``."""
    for plural in ("lar", "ler"):
        if rest.startswith(plural) and len(rest) > 3:  # mağaza'larımızda
            stem, rest = plural, rest[3:]
            break
    i = forms.i_of(forms.last_vowel(stem))
    if stem[-1] in forms.VOWELS:
        return rest == "m" or (rest.startswith(("m" + i, "n" + i + "z")) and not rest.startswith("m" + i + "ş"))
    return rest.startswith((i + "m", i + "n" + i + "z"))


def find_wrong(text: str, folded: str, names: Names) -> Iterator[Hit]:
    if "'" not in text and "’" not in text:
        return
    for m in _WRONG.finditer(text):
        stem, rest = m[1], folded[m.start(3):m.end(3)]
        if len(stem) < 3 or any(c.isupper() for c in stem[1:]) or not any(c in forms.VOWELS for c in stem.lower()):
            continue
        fstem = folded[m.start(1):m.end(1)]
        known = stem in names.proper or stem in names.exclude
        if stem[0].isupper() and stem in names.proper:
            if _DERIVATIONAL.match(rest) and _derivational_harmony(fstem, rest):
                yield Hit(m.start(), m.end(), stem + m[3])
            continue
        if known or fstem in _CALENDAR:
            continue
        t = lexicon.tags(lexicon.lemma_of_stem(fstem) or fstem)
        if not any(c in t for c in "NA"):
            if not lexicon.is_verbal_noun(fstem):
                continue
            t = "N"  # uygulama, gönderme: a verb's noun
        possessive = _possessive_12(fstem, rest)
        if "P" in t and not (possessive and _initial(text, m.start())):
            continue  # also a name (Karagöz'üm); only a sentence-initial capital hides a common noun
        if any(c in "âîû" for c in m[3]) or _after_capital(text, m.start()):
            continue  # cüz'î (old spelling of a hamza); Haydarpaşa gar'ından (part of a name)
        if stem.islower() or possessive:
            yield Hit(m.start(), m.end(), stem + m[3])


def _derivational_harmony(stem: str, rest: str) -> bool:
    v = forms.last_vowel(stem)
    first = next((c for c in rest if c in forms.VOWELS), "")
    return first in (forms.i_of(v), forms.a_of(v))
