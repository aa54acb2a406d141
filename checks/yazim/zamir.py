"""``de-da-zamir``: ``bende``/``sende``/``bizde``/``sizde`` where the sentence shows the
conjunction "too" (``ben de``, ``sen de``, ``biz de``, ``siz de``).

FAIL: ``Bende çok beğendim.``, ``Bizde geliyoruz!``, ``Sizde deneyin.``,
``Sende haklısın.``, ``Bende hazırım.``
PASS: ``Bu krem bende hiç sivilce yapmadı.`` (the verb is third person: a locative),
``Bende var.``, ``Bizde kargo ücretsiz.``, ``Sizde kaldım.`` (person differs),
``Bende kalsın.`` (third-person imperative), ``Ben de çok beğendim.``

These four words are also correct locatives ("on me", "at our place"). Written together they
are flagged only when the predicate of their clause (the last word before ``.``, ``!``, ``?``,
``,``, ``;``, ``:``, a line break or a coordinating ``ama``/``fakat``/``ve``…; a separate question
particle counts with the word before it) carries the pronoun's own person: ``bende`` … first
person singular (``beğendim``, ``geliyorum``, ``hazırım``), ``sende`` … second singular
(imperative ``katıl`` included),
``bizde`` … first plural, ``sizde`` … second plural (imperative ``deneyin`` included). A clause
with ``var``/``yok`` (``bende var``, ``bizde yoktu``) is never flagged: that is "I have". A
locative subject cannot agree with the verb, so agreement shows the conjunction; with a
third-person verb (``bende yapmadı``) or another person (``sizde kaldım``) nothing is said, nor
when a participle follows the pronoun (``Sende kalan kuponu kullan``: the locative belongs to
the relative clause).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checks.yazim import Hit, forms, lexicon

_CANDIDATE = re.compile(r"(?<![\w'’])(ben|sen|biz|siz)(de)(?![\w'’])")
_BOUNDARY = re.compile(r"[.!?…,;:\n()\"“”]|(?<![\w'’])(?:ama|fakat|ancak|çünkü|ve|veya|yoksa|ki)(?![\w'’])")
_WORD = re.compile(r"[^\W\d_]+")
_PARTICLE = re.compile(r"m[ıiuü](?:y[ıiuü]m|s[ıiuü]n|y[ıiuü]z|s[ıiuü]n[ıiuü]z|yd[ıiuü](?:m|n|k|n[ıiuü]z)?)?")
_HAVE = re.compile(r"(?:var|yok)(?:d[ıu]|m[ıu]ş|s[ae]|m[ıu])?")

_I = "[ıiuü]"
_PERSON = {
    "ben": re.compile(rf"(?:[dt]{_I}m|s[ae]m|yorum|m{_I}ş{_I}m|[ae]c[ae]ğ[ıi]m|m[ae]l[ıi]y[ıi]m|r{_I}m|m[ae]m"
                      rf"|[ae]y[ıi]m|y{_I}m)$"),
    "sen": re.compile(rf"(?:[dt]{_I}n|s[ae]n|yorsun|m{_I}şs{_I}n|[ae]c[ae]ks[ıi]n|m[ae]l[ıi]s[ıi]n|rs{_I}n"
                      rf"|m[ae]zs[ıi]n|s[ae]n[ae]|y{_I}s{_I}n)$"),
    "biz": re.compile(rf"(?:[dt]{_I}k|s[ae]k|yoruz|m{_I}ş{_I}z|[ae]c[ae]ğ[ıi]z|m[ae]l[ıi]y[ıi]z|r{_I}z"
                      rf"|m[ae]y[ıi]z|[ae]l[ıi]m|y{_I}z)$"),
    "siz": re.compile(rf"(?:[dt]{_I}n{_I}z|s[ae]n[ıi]z|yorsunuz|s{_I}n{_I}z|y?{_I}n(?:{_I}z)?)$"),
}
# Copula after a consonant (hazırım, eminsin, hazırız, eminsiniz): only after an adjective.
_COPULA = {"ben": re.compile(rf"{_I}m$"), "sen": re.compile(rf"s{_I}n$"), "biz": re.compile(rf"{_I}z$"),
           "siz": re.compile(rf"s{_I}n{_I}z$")}


def find(text: str, folded: str, names: object = None) -> Iterator[Hit]:
    for m in _CANDIDATE.finditer(folded):
        pronoun = m[1]
        stop = _BOUNDARY.search(folded, m.end())
        clause = folded[m.end():stop.start() if stop else len(folded)]
        words = _WORD.findall(clause)
        if not words or words[0] in ("de", "da"):
            continue
        if any(_HAVE.fullmatch(w) for w in words) or (len(words) > 1 and _participle(words[0])):
            continue  # bende var; sende kalan kupon (a relative clause: the locative is its own)
        predicate = words[-1]
        if _PARTICLE.fullmatch(predicate):
            if len(words) < 2:
                continue
            person = _PARTICLE_PERSON.get(re.sub("[ıiuü]", "I", predicate[2:]).removeprefix("y"))
            if person is not None:  # geliyor musunuz: the person is on the particle
                if person == pronoun:
                    yield _hit(text, m)
                continue
            predicate = words[-2]
        if _agrees(pronoun, predicate):
            yield _hit(text, m)


_PARTICLE_PERSON = {"sIn": "sen", "sInIz": "siz", "Im": "ben", "Iz": "biz"}


_PARTICIPLE = re.compile(r"(?:y?[ae]n|[dt][ıiuü][kğ]\w*)$")


def _participle(word: str) -> bool:
    """``kalan``, ``aldığım``: a verb's participle (the head of a relative clause)."""
    m = _PARTICIPLE.search(word)
    return m is not None and m.start() > 1 and forms.verb_stem(word[:m.start()]) is not None


def _hit(text: str, m: re.Match[str]) -> Hit:
    return Hit(m.start(), m.end(), text[m.start():m.start(2)] + " " + text[m.start(2):m.end()])


def _agrees(pronoun: str, word: str) -> bool:
    if len(word) < 3:
        return False
    if pronoun == "sen" and lexicon.is_verb(word) and not lexicon.is_nominal(word):
        return True  # Sende katıl: the bare stem is the second-person imperative
    if lexicon.is_word(word):
        # yazın (summer / write!), gelin (bride / come!): a clause-final one is the imperative
        reading = forms.verb_reading(word) if pronoun == "siz" else None
        return reading is not None and re.fullmatch(rf"y?{_I}n", reading[1]) is not None
    if _PERSON[pronoun].search(word):
        if pronoun == "sen" and word.endswith(("sın", "sin", "sun", "sün")) and not word.endswith("sana"):
            # -sIn is also the third-person imperative (kalsın): a verb stem before it says so
            stem = word[:-3]
            if forms.verb_stem(stem) is not None and not _is_second_person_tense(word):
                return False
        if pronoun == "siz" and re.search(rf"(?:^|[^dtsy]){_I}n(?:{_I}z)?$", word) and not word.endswith(
                ("yorsunuz",)):
            # bare -In(Iz): imperative only when a verb stem precedes it (deneyin, gelin)
            return forms.verb_reading(word) is not None
        if pronoun in ("ben", "biz") and re.search(rf"[^aeıioöuü]{_I}[mz]$", word) and not re.search(
                rf"(?:[dt]{_I}|r{_I}|yor[uü]|ş{_I}|ğ[ıi]|l[ıi]y[ıi]|[ae]y[ıi]|y{_I})[mz]$", word):
            return _copula(pronoun, word)
        return forms.verb_reading(word) is not None or _copula(pronoun, word) or _strong(word)
    return _copula(pronoun, word)


def _is_second_person_tense(word: str) -> bool:
    return bool(re.search(rf"(?:yor|m{_I}ş|[ae]c[ae]k|m[ae]l[ıi]|r|m[ae]z)s{_I}n$", word))


def _strong(word: str) -> bool:
    """Endings that only a finite verb has (progressive, future, necessity)."""
    return bool(re.search(r"(?:yor|[ae]c[ae][kğ]|m[ae]l[ıi])", word))


def _copula(pronoun: str, word: str) -> bool:
    """``hazırım``, ``haklısın``, ``mutluyuz``: an adjective with the pronoun's person."""
    m = _COPULA[pronoun].search(word)
    if m is None:
        return False
    stem = word[:m.start()]
    if stem.endswith("y") and stem[-2:-1] in forms.VOWELS:
        stem = stem[:-1]
    return lexicon.is_adjective(stem)
