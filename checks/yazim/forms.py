"""Turkish word forms as the writing rules need them: vowel harmony, the nominal endings a
noun may take, and whether a written word reads as an inflected noun or a verb form.

The nominal endings are generated from suffix templates (``A`` = a/e, ``I`` = ı/i/u/ü,
``D`` = d/t, buffer letters in brackets) applied in their order: plural, possessive, case,
``-ki``. Each template is realised for the stem's last vowel and last letter, so an ending is
only accepted where vowel harmony and consonant assimilation allow it (``kedi`` + ``mi``,
``kitap`` + ``ta``; never ``kitap`` + ``da``). This is a deliberately small model: it only
has to answer "could this be a noun with inflections?" for the few words that a rule picked
as candidates, and errs towards "yes" (which keeps a rule quiet).
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from itertools import product

from checks.yazim import lexicon

VOWELS = frozenset("aeıioöuüâîû")
HARD = frozenset("çfhkpsşt")
_BACK = frozenset("aıouâû")
_ROUND = frozenset("oöuü")
_PLAIN = str.maketrans("âîû", "aiu")


def fold(word: str) -> str:
    """Turkish lower case without circumflexes (``İzmir`` → ``izmir``, ``Hâlâ`` → ``hala``)."""
    return word.replace("İ", "i").replace("I", "ı").lower().translate(_PLAIN)


def last_vowel(word: str) -> str:
    for c in reversed(word):
        if c in VOWELS:
            return c.translate(_PLAIN)
    return "e"


def i_after(word: str) -> str:
    """The I vowel a suffix takes after ``word``, inverse harmony included (``saat`` → ``i``)."""
    if "h" in lexicon.tags(word):
        return i_of({"a": "e", "ı": "i", "o": "ö", "u": "ü"}.get(last_vowel(word), last_vowel(word)))
    return i_of(last_vowel(word))


def a_of(vowel: str) -> str:
    return "a" if vowel in _BACK else "e"


def i_of(vowel: str) -> str:
    if vowel in _BACK:
        return "u" if vowel in _ROUND else "ı"
    return "ü" if vowel in _ROUND else "i"


def realise(templates: tuple[str, ...], vowel: str, last: str) -> str:
    """Spell a suffix sequence after a stem whose last vowel is ``vowel`` and last letter ``last``."""
    out: list[str] = []
    for t in templates:
        for ch in t:
            if ch == "(":
                continue
            prev = out[-1] if out else last
            if ch == "A":
                vowel = a_of(vowel)
                out.append(vowel)
            elif ch == "I":
                vowel = i_of(vowel)
                out.append(vowel)
            elif ch == "D":
                out.append("t" if prev in HARD else "d")
            else:
                out.append(ch)
    return "".join(out)


_PLURAL = ("", "lAr")
_POSSESSIVE = ("", "(I)m", "(I)n", "(s)I", "(I)mIz", "(I)nIz", "lArI")
_CASE = ("", "(y)I", "(y)A", "DA", "DAn", "(n)In", "(y)lA", "DAki", "(n)Inki", "ki")
_COPULA = ("", "(y)DI", "(y)mIş", "DIr", "(y)Im", "sIn", "(y)Iz", "sInIz")
_THIRD = {"(y)I": "nI", "(y)A": "nA", "DA": "nDA", "DAn": "nDAn", "DAki": "nDAki", "(y)lA": "ylA"}
_BUFFER = re.compile(r"^\((\w)\)")


_VOWEL_CLASS = {"a": "a", "ı": "a", "e": "e", "i": "e", "o": "o", "u": "o", "ö": "ö", "ü": "ö"}


def _state(vowel: str, last: str) -> tuple[str, str]:
    """What a suffix's spelling depends on: the vowel's harmony class and whether the stem ends
    in a vowel, a voiceless consonant or another consonant."""
    return _VOWEL_CLASS.get(vowel, "e"), "a" if last in VOWELS else "t" if last in HARD else "r"


@lru_cache(maxsize=1024)
def _spell(template: str, vowel: str, last: str) -> tuple[str, str, str]:
    """One template after (vowel, last letter): (written form, new vowel, new last letter)."""
    m = _BUFFER.match(template)
    if m:
        # y, n, s are written after a vowel only; I after a consonant only ("(I)m": kedim, evim)
        keep = (last in VOWELS) != (m[1] == "I")
        template = (m[1] if keep else "") + template[m.end():]
    text = realise((template,), vowel, last)
    if not text:
        return "", vowel, last
    return text, last_vowel(text) if any(c in VOWELS for c in text) else vowel, text[-1]


def nominal_endings(vowel: str, last: str) -> frozenset[str]:
    """Every ending (plural, possessive, case, -ki, copula) a nominal stem with this last vowel
    and last letter may take, spelled out."""
    return _endings(*_state(vowel, last))


@cache
def _endings(vowel: str, last: str) -> frozenset[str]:
    out: set[str] = set()
    for plural, poss, case, copula in product(_PLURAL, _POSSESSIVE, _CASE, _COPULA):
        if copula and case in ("(y)I", "(y)A", "(y)lA", "DAki", "(n)Inki", "ki"):
            continue
        if plural and poss == "lArI":
            poss = "I"
        if case == "ki" and (plural or poss):
            continue  # relative -ki follows a bare time word (yarınki); else a locative or genitive
        v, lst, parts = vowel, last, []
        for t in (plural, poss):
            if t:
                text, v, lst = _spell(t, v, lst)
                parts.append(text)
        if case:
            c = _THIRD.get(case, case) if poss in ("(s)I", "lArI", "I") else case
            text, v, lst = _spell(c, v, lst)
            parts.append(text)
        if copula:
            text, v, lst = _spell(copula, v, lst)
            parts.append(text)
        out.add("".join(parts))
    out.discard("")
    return frozenset(out)


def _class_key(stem: str) -> tuple[str, str]:
    return last_vowel(stem), stem[-1]


def noun_reading(word: str, *, nouns_only: bool = False) -> str | None:
    """The lemma if the folded ``word`` reads as a nominal lemma plus nominal endings
    (``kedimi`` → ``kedi``, ``yardımı`` → ``yardım``, ``resmi`` → ``resim``), else None.
    ``nouns_only``: only nouns may carry a possessive (``iyimi`` is not read as iyi+m+i)."""
    if lexicon.is_nominal(word):
        return word
    for cut in range(len(word) - 1, 1, -1):
        stem, rest = word[:cut], word[cut:]
        lemma = lexicon.lemma_of_stem(stem)
        if lemma is None:
            continue
        if rest in nominal_endings(*_class_key(stem)):
            if nouns_only and not lexicon.is_noun(lemma) and rest[:1] in ("m", "ı", "i", "u", "ü"):
                continue
            return lemma
    return None


# Verb forms: (stem)(voice/negation/ability)(tense)(person). Only the tense and person parts are
# checked against harmony; the stem must be a verb in the lexicon.
_EXT = re.compile(r"(?:[ae]bil|[ıiuü]?l|[ıiuü]?n|[dt][ıiuü]r|[ıiuü]ş|t|m[ae]y?|m[ıiuü]|[ae]m[ae]y?)*$")
_UNVOICE = {"d": "t", "ğ": "k", "b": "p", "c": "ç"}


def verb_stem(base: str) -> str | None:
    """The verb lemma at the start of ``base`` (a verb stem possibly extended by voice,
    negation or ability suffixes), or None."""
    for cut in range(len(base), 1, -1):
        if not _EXT.match(base, cut):
            continue
        stem = base[:cut]
        if lexicon.is_verb(stem):
            return stem
        if stem.endswith("y") and len(stem) > 2 and stem[-2] in VOWELS and lexicon.is_verb(stem[:-1]):
            return stem[:-1]  # söyle-y-eyim, bekle-y-elim
        hard = stem[:-1] + _UNVOICE.get(stem[-1], "")  # gid-elim (git), ed-iyor (et)
        if stem[-1] in _UNVOICE and lexicon.is_verb(hard):
            return hard
        if stem in ("di", "yi"):  # diyor, yiyor (de-, ye-)
            return stem[0] + "e"
    return None


_PERSON = r"(?:m|n|k|n[ıiuü]z|l[ae]r)?"
FINITE = re.compile(
    r"^(?P<base>.+?)(?P<tense>"
    r"[dt][ıiuü]" + _PERSON +                      # past: geldi, geldim, geldiniz
    r"|[ıiuü]?yor(?:[ıiuü]m|s[ıiuü]n|[ıiuü]z|s[ıiuü]n[ıiuü]z|l[ae]r)?"  # progressive
    r"|m[ıiuü]ş(?:[ıiuü]m|s[ıiuü]n|[ıiuü]z|s[ıiuü]n[ıiuü]z|l[ae]r)?"      # reported past
    r"|[ae]c[ae](?:k|k(?:s[ıi]n|s[ıi]n[ıi]z|l[ae]r)|ğ[ıi]m|ğ[ıi]z)"        # future
    r"|(?:[aeıiuü])?r(?:[ıiuü]m|s[ıiuü]n|[ıiuü]z|s[ıiuü]n[ıiuü]z|l[ae]r)?"  # aorist
    r"|m[ae]z(?:s[ıi]n|s[ıi]n[ıi]z|l[ae]r)?|m[ae]m|m[ae]y[ıi]z"            # negative aorist
    r"|m[ae]l[ıi](?:y[ıi]m|s[ıi]n|y[ıi]z|s[ıi]n[ıi]z|l[ae]r)?"             # necessity
    r"|s[ae](?:m|n|k|n[ıi]z|l[ae]r)?"                                        # conditional
    r"|[ae]l[ıi]m|[ae]y[ıi]m|[ae]s[ıi]n[ıi]z|[ae]s[ıi]n"                     # optative
    r"|y?[ıiuü]n(?:[ıiuü]z)?|s[ıiuü]n(?:l[ae]r)?"                            # imperative
    r")$")


def verb_reading(word: str) -> tuple[str, str] | None:
    """(verb lemma, tense ending) if the folded ``word`` is a finite verb form of a verb in the
    lexicon, else None. The tense ending's vowels must agree with the stem's last vowel."""
    for base, tense in _finite_matches(word):
        stem = verb_stem(base)
        if stem is None:
            continue
        if not _harmonises(base, tense):
            continue
        return stem, tense
    return None


def _finite_matches(word: str) -> list[tuple[str, str]]:
    """Every split of ``word`` into a base of two letters or more and a finite ending, longest
    base first."""
    return [(word[:cut], word[cut:]) for cut in range(len(word) - 1, 1, -1) if _TENSE_ONLY.fullmatch(word, cut)]


_TENSE_ONLY = re.compile(FINITE.pattern.split("(?P<tense>", 1)[1].rsplit(")$", 1)[0].join(("(?:", ")")))


def _harmonises(base: str, ending: str) -> bool:
    """The first vowel of ``ending`` follows from the last vowel of ``base`` (``yor`` and
    ``-AbIl`` aside, which do not change)."""
    first = next((c for c in ending if c in VOWELS), None)
    if first is None or ending.startswith(("yor", "ıyor", "iyor", "uyor", "üyor")):
        return True
    v = last_vowel(base)
    if first in "ae":
        return first == a_of(v)
    return first == i_of(v)
