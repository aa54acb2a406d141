"""Carry a word's suffixes over to another word: ``story'lerimiz`` → ``hikâyelerimiz``.

A ``prefer`` swap on an inflected word must not glue the written suffixes to the replacement
(``hikâye'lerimiz``): the replacement has its own vowels, its own final sound and maybe its own
stem changes. So the written continuation is read by the morphotactic model
(``checks.text.morph``) into what its suffixes *mean* (plural, 1st person plural possessive, …),
and those are spelled again after the replacement, with the replacement's vowel harmony,
buffer letters, consonant assimilation and stem changes (``kitap`` → ``kitabı``), and the
pronominal ``n`` after a replacement that ends in a possessive (``online'dan`` → ``çevrim
içinden``).

The apostrophe rule: an apostrophe goes between a proper noun and its suffixes, and nowhere else.
A replacement is a proper noun when it is written with a capital letter in the rule (``Instagram``)
or is one in the lexicon; then the suffixes follow an apostrophe, otherwise they are joined.

``suggestions`` returns every spelling the readings of the written word give; the caller treats a
single one as certain (``--fix`` may write it) and several as a suggestion to choose from.
"""

from __future__ import annotations

from functools import lru_cache

from checks.text import lexicon, morph
from checks.text.morph import APOSTROPHES, BACK, GRAMMAR, VOICELESS, VOWELS, Stem

# What a suffix means, where several templates spell it (after a consonant, a vowel, a possessive).
_MEANING = {
    ("Jm", "POSS"): "P1s", ("Im", "POSS"): "P1s", ("yIm", "POSS"): "P1s",
    ("Jn", "POSS"): "P2s", ("In", "POSS"): "P2s", ("yIn", "POSS"): "P2s",
    ("SI", "POSS3"): "P3s", ("I", "POSS3"): "P3s", ("yI", "POSS3"): "P3s",
    ("JmIz", "POSS"): "P1p", ("ImIz", "POSS"): "P1p", ("yImIz", "POSS"): "P1p",
    ("JnIz", "POSS"): "P2p", ("InIz", "POSS"): "P2p", ("yInIz", "POSS"): "P2p",
    ("YI", "ACC"): "ACC", ("nI", "ACC"): "ACC",
    ("YA", "DAT"): "DAT", ("nA", "DAT"): "DAT",
    ("DA", "LOC"): "LOC", ("nDA", "LOC"): "LOC",
    ("DAn", "ABL"): "ABL", ("nDAn", "ABL"): "ABL",
    ("NIn", "GEN"): "GEN", ("yIn", "GEN"): "GEN", ("nIn", "GEN"): "GEN",
    ("YlA", "INS"): "INS", ("ylA", "INS"): "INS",
    ("CA", "END"): "EQU", ("nCA", "END"): "EQU",
}


# A reading: the transitions (template, next state) taken, in order.
_Reading = tuple[tuple[str, str], ...]


def _meaning(template: str, nxt: str) -> str:
    return _MEANING.get((template, nxt), template + ">" + nxt)


@lru_cache(maxsize=4096)
def _paths(text: str, pos: int, state: str, vowel: str, last: str, verbs: bool) -> tuple[tuple[int, _Reading], ...]:
    """Every way to read ``text[pos:]`` from ``state``, as (cost, transitions)."""
    if pos == len(text):
        return ((0, ()),) if state in morph._FINAL or state == "V" else ()
    out: list[tuple[int, _Reading]] = []
    for template, nxt, kind in GRAMMAR[state]:
        if kind == "v" and not verbs:
            continue
        for end, v, prev in morph._realise(template, text, pos, vowel, last):
            if end > pos:
                for cost, rest in _paths(text, end, nxt, v, prev, verbs):
                    out.append((cost + 1, ((template, nxt), *rest)))
    return tuple(out)


def readings(cont: str, stem: Stem) -> list[tuple[tuple[str, str], ...]]:
    """The cheapest readings of ``cont`` after ``stem``, as transitions (template, next state)."""
    found: list[tuple[int, _Reading]] = []
    finals = [stem.vowel_final] if stem.vowel_final is not None else [True, False]
    for vowel_final in finals:
        last = "a" if vowel_final and stem.last not in VOWELS else stem.last
        if not vowel_final and last in VOWELS:
            last = "r"
        for template, nxt, kind in morph._start(stem):
            if kind == "v" and not stem.verbs:
                continue
            for end, v, prev in morph._realise(template, cont, 0, stem.vowel, last):
                if end > 0:
                    paths = _paths(cont, end, nxt, v, prev, stem.verbs)
                    found += [(c + 1, ((template, nxt), *rest)) for c, rest in paths]
    if not found:
        return []
    best = min(c for c, _ in found)
    return list(dict.fromkeys(p for c, p in found if c == best))


def _spell(template: str, vowel: str, last: str) -> tuple[str, str, str]:
    """``template`` written after a stem with harmony vowel ``vowel`` and last letter ``last``."""
    out = []
    for sym in template:
        after_vowel = last in VOWELS
        if sym in "YNS":
            if after_vowel:
                out.append(sym.lower())
                last = sym.lower()
            continue
        if sym == "Q":
            if not after_vowel:
                out.append("s")
                last = "s"
            continue
        if sym == "J":
            if after_vowel:
                continue
            sym = "I"
        if sym == "A":
            ch = "a" if vowel in BACK else "e"
        elif sym == "I":
            ch = morph._HIGH.get(vowel, "i")
        elif sym == "D":
            ch = "t" if last in VOICELESS else "d"
        elif sym == "C":
            ch = "ç" if last in VOICELESS else "c"
        else:
            ch = sym
        out.append(ch)
        if ch in VOWELS:
            vowel = ch
        last = ch
    return "".join(out), vowel, last


def _generate(meanings: tuple[str, ...], stem: Stem, written: str) -> str | None:
    """The suffixes meaning ``meanings`` written after ``stem`` (K as ``K``); None if not possible.
    An unknown word (``written``, folded) harmonises with its written last vowel."""
    state_options = morph._start(stem)
    vowel, last = stem.vowel or morph._last_vowel(written) or "e", stem.last
    if stem.vowel_final and last not in VOWELS:
        last = "a"
    out = ""
    for meaning in meanings:
        choice = next(((t, n) for t, n, _k in state_options if _meaning(t, n) == meaning), None)
        if choice is None:
            return None
        text, vowel, last = _spell(choice[0], vowel, last)
        out += text
        state_options = GRAMMAR[choice[1]]
    return out


def _stem_for(replacement_last: str, suffixes: str) -> str:
    """The replacement's last word as it is written before ``suffixes`` (kitap → kitab-ı)."""
    if suffixes[:1] not in VOWELS:
        return replacement_last
    readings = [r.partition("=")[0] for r in lexicon.readings(replacement_last)]
    flags = next((r for cls in "NJ" for r in readings if r[:1] == cls), None)
    # most specific change first: a dropped and softened stem (kayıp → kayb), doubled (tıp → tıbb)
    for stem, kind in reversed(morph.variants(replacement_last)):
        if flags is None and morph._takes(replacement_last, kind, stem):
            return stem  # an unknown word: by rule
        if flags is not None and {"soft": "v", "drop": "d", "double": "2"}[kind] in flags[1:]:
            return stem
    return replacement_last


def is_proper(replacement: str) -> bool:
    """Whether ``replacement`` is a proper noun: capitalised in the rule, or one in the lexicon."""
    last = replacement.rsplit(" ", 1)[-1]
    if last[:1].isupper():
        return True
    return lexicon.is_proper(last.lower()) and not lexicon.is_word(last.lower())


def suggestions(term: str, written_cont: str, replacement: str) -> tuple[list[str], bool]:
    """See ``_suggestions`` (cached: a post's swaps recur across posts)."""
    spelled, certain = _suggestions(term, written_cont, replacement)
    return list(spelled), certain


@lru_cache(maxsize=8192)
def _suggestions(term: str, written_cont: str, replacement: str) -> tuple[tuple[str, ...], bool]:
    """Every spelling of ``replacement`` carrying the suffixes of ``written_cont`` (the part of
    the written word after the term, folded, maybe starting with an apostrophe) as ``term``
    (folded) had them ([] when the continuation cannot be read), and whether the one spelling
    is certain: a single reading of inflections only (a derivation such as ``-lIk`` may not suit
    the replacement, so the writer decides)."""
    cont = written_cont.translate(morph._PLAIN)
    if cont[:1] in APOSTROPHES:
        cont = cont[1:]
    for a in APOSTROPHES:
        cont = cont.replace(a, "")
    if not cont:
        return (replacement,), True
    term_last = term.rsplit(" ", 1)[-1]
    meanings: list[tuple[str, ...]] = []
    for stem in morph.stems_of(term_last, " " in term):
        for path in readings(cont, stem):
            m = tuple(_meaning(t, n) for t, n in path)
            if m not in meanings:
                meanings.append(m)
    head, _, last = replacement.rpartition(" ")
    folded_last = last.replace("İ", "i").replace("I", "ı").lower()
    proper = is_proper(replacement)
    stems = morph.stems_of(folded_last, bool(head))
    if head and any(s.possessed for s in stems):
        stems = [s for s in stems if s.possessed]  # çevrim içi: a compound ending in a possessive
    stems = stems[:1]  # the primary sense of the lexicon (hak → hakkı, not the inverse-harmony Hakk)
    out: list[str] = []
    for m in meanings:
        for stem in stems:
            suffixes = _generate(m, stem, folded_last)
            if suffixes is None:
                continue
            base = last if proper else _restore_case(last, _stem_for(folded_last, suffixes))
            suffixes = _soften_k(suffixes)
            word = (base + "'" + suffixes) if proper else base + suffixes
            spelled = (head + " " if head else "") + word
            if spelled not in out:
                out.append(spelled)
    derived = any(x.endswith(">DER") or ">V" in x for m in meanings for x in m)
    return tuple(out), len(out) == 1 and not derived


def _soften_k(suffixes: str) -> str:
    """A suffix-final K is ğ before a vowel, k elsewhere (-lIK: gözlüğü, gözlük)."""
    chars = list(suffixes)
    for i, ch in enumerate(chars):
        if ch == "K":
            chars[i] = "ğ" if i + 1 < len(chars) and chars[i + 1] in VOWELS else "k"
    return "".join(chars)


def _restore_case(original: str, stem: str) -> str:
    """``stem`` (folded, maybe changed at its end) with the letters of ``original`` kept where they
    are the same (``hikâye`` keeps its circumflex)."""
    n = 0
    plain = original.translate(morph._PLAIN).lower()
    while n < min(len(plain), len(stem)) and plain[n] == stem[n]:
        n += 1
    return original[:n] + stem[n:]
