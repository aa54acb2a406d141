"""``readability``: a post must read easily enough.

```yaml
- id: readability
  kind: readability
  level: warning
  min_score: 50       # lowest acceptable score
  min_words: 30       # optional (default 30): shorter posts are not scored
```
Turkish posts are scored with Ateşman's formula (1997), English posts with Flesch reading
ease (1948); other languages are not scored. Both run from about 0 (very hard) to 100 (very
easy): Ateşman reads 90–100 very easy, 70–89 easy, 50–69 medium, 30–49 hard, below 30 very hard.

* Ateşman: 198.825 − 40.175 × (syllables / words) − 2.610 × (words / sentences); a Turkish
  syllable is a vowel, so syllables are the vowels.
* Flesch: 206.835 − 1.015 × (words / sentences) − 84.6 × (syllables / words); English syllables
  are counted with a heuristic (``english_syllables``).

Words are the letters-bearing words of the text outside URLs, e-mail addresses, @mentions,
hashtags, code and comments (numbers alone are not words). A sentence ends at ``!``, ``?``,
``…``, at ``.`` followed by a capital letter, a digit or the end (so the Turkish ordinal
``103. yıl`` does not end one), and at a line break.

Placeholders in ``message``: ``{score}``, ``{min_score}``, ``{formula}``, ``{words}``, ``{sentences}``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import regex

from checks.finding import Finding
from checks.i18n import N_, _
from checks.rules.base import Header, Rule, render

if TYPE_CHECKING:
    from checks.context import Context
    from checks.post import Post

KIND = "readability"
DEFAULT_LEVEL = "warning"
DEFAULT_MESSAGE = N_("Readability score {score} ({formula}); it must be at least {min_score}. Shorten the "
                      "sentences, choose shorter words for long ones.")
DEFAULT_MIN_WORDS = 30
PROPERTIES: dict[str, Any] = {
    "min_score": {"type": "number"},
    "min_words": {"type": "integer", "minimum": 1},
}
REQUIRED = ["min_score"]

FORMULAS = {"tr": "Ateşman", "az": "Ateşman", "en": "Flesch"}

_WORD = regex.compile(r"[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}]+)*")
_SENTENCE_END = regex.compile(r"[!?…]+|\.+(?=\s+[\p{Lu}\p{N}\"'“‘(]|\s*$)|\n+")
_TURKISH_VOWELS = frozenset("aeıioöuüâîûAEIİOÖUÜÂÎÛ")
_EN_VOWEL_GROUP = re.compile(r"[aeiouy]+")


@dataclass(frozen=True, slots=True)
class Score:
    score: float
    words: int
    sentences: int
    syllables: int
    formula: str


def turkish_syllables(word: str) -> int:
    """Syllables of a Turkish word: one per vowel."""
    return sum(1 for c in word if c in _TURKISH_VOWELS)


def english_syllables(word: str) -> int:
    """Syllables of an English word, by a heuristic: vowel groups (y counts as a vowel), less a
    silent final ``e`` (``store``; not ``-le`` after a consonant as in ``table``) and a silent
    ``-es``/``-ed`` (``makes``, ``jumped``; not after s, x, z, ch, sh, g, c or t, d). At least one."""
    w = "".join(c for c in word.lower() if "a" <= c <= "z")
    if not w:
        return 0
    n = len(_EN_VOWEL_GROUP.findall(w))
    if n > 1 and len(w) > 3:
        if w.endswith("e") and not w.endswith(("ee", "ye", "ie")):
            if not (w.endswith("le") and w[-3] not in "aeiouy"):
                n -= 1
        elif _silent_ending(w):
            n -= 1
    return max(n, 1)


def _silent_ending(w: str) -> bool:
    """``-es`` or ``-ed`` that adds no syllable: ``makes``, ``jumped`` (not ``boxes``, ``wanted``, ``cycled``)."""
    if w.endswith("es"):
        return w[-3] not in "sxzhgcaeiouy"
    if w.endswith("ed"):
        return w[-3] not in "tdaeiouy" and not (w[-3] == "l" and w[-4] not in "aeiouy")
    return False


def split_sentences(text: str) -> list[str]:
    parts = _SENTENCE_END.split(text)
    return [p for p in parts if _has_letters(p)]


def _has_letters(s: str) -> bool:
    return any(c.isalpha() for c in s)


def words_of(text: str) -> list[str]:
    return [w for w in _WORD.findall(text) if _has_letters(w)]


def score(text: str, lang: str) -> Score | None:
    """The readability score of ``text`` (already stripped of URLs, hashtags and the like), or
    None for a language without a formula or a text without words."""
    formula = FORMULAS.get(lang)
    if formula is None:
        return None
    words = words_of(text)
    sentences = max(len(split_sentences(text)), 1)
    if not words:
        return None
    w = len(words)
    if formula == "Ateşman":
        syllables = sum(turkish_syllables(x) for x in words)
        value = 198.825 - 40.175 * (syllables / w) - 2.610 * (w / sentences)
    else:
        syllables = sum(english_syllables(x) for x in words)
        value = 206.835 - 1.015 * (w / sentences) - 84.6 * (syllables / w)
    return Score(round(value, 1), w, sentences, syllables, formula)


@dataclass(eq=False)
class Readability(Rule):
    min_score: float = 0.0
    min_words: int = DEFAULT_MIN_WORDS

    def check(self, post: Post, ctx: Context) -> Iterator[Finding]:
        result = score(post.words_text, post.lang)
        if result is None or result.words < self.min_words or result.score >= self.min_score:
            return
        values = {"score": f"{result.score:g}", "min_score": f"{self.min_score:g}", "formula": result.formula,
                  "words": result.words, "sentences": result.sentences}
        start = post.text_start
        yield self.finding(post, start, start + 1, render(self.header.text(), values))

    def describe(self) -> str:
        return _("readability at least {min_score} (Ateşman / Flesch), in posts longer than {words} words").format(
            min_score=f"{self.min_score:g}", words=self.min_words)


def build(header: Header, spec: dict[str, Any]) -> Rule:
    return Readability(header, min_score=float(spec["min_score"]),
                       min_words=int(spec.get("min_words", DEFAULT_MIN_WORDS)))
