"""One matcher for every literal term of a brand: ban and prefer terms, brand names, sensitive topics.

The text is folded loosely (dotted and dotless i merged) and searched once with a trie-shaped
regex; each candidate is then verified against the term's own rules: Turkish or English
folding, whole words, and inflection: in a Turkish post the word must be a form of the term by
the morphotactic model of ``checks.text.morph`` (suffixes in their order with vowel harmony,
meaning-keeping derivations, stem changes such as ``kitap`` → ``kitabı``, ``ağız`` → ``ağzı``,
``hak`` → ``hakkı`` from the lexicon); in other posts an English plural or possessive.
Changed stems are extra keys of the trie (made by rule, so the lexicon is read only when a
candidate is verified), so the cost of a search still grows with the text, not with the terms.
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from checks.memo import remember
from checks.text import morph, turkish
from checks.text.trie import trie_pattern

if TYPE_CHECKING:
    from checks.context import Context
    from checks.finding import Finding
    from checks.post import Post
    from checks.text.segments import Segment

_SPACE = re.compile(r"\s+")
_CONTINUATION = re.compile(r"\w*(?:['’]\w+)*")


def normalize_space(s: str) -> str:
    return _SPACE.sub(" ", s.strip())


class TermOwner(Hashable, Protocol):
    """What a term belongs to (a rule, a sensitive topic): told about each verified hit, it
    answers with a finding or ``None``. Hashable, because the engine looks owners up in the set
    of rules active for a post."""

    def on_hit(self, post: Post, hit: Hit, segment: Segment, ctx: Context) -> Finding | None: ...


@dataclass(frozen=True, slots=True, eq=False)
class TermEntry:
    """A term as a rule gave it. ``owner`` is told about the hits; ``value`` is its payload
    (a swap's replacement, a brand name)."""

    term: str
    owner: TermOwner
    value: str = ""
    inflect: bool = True
    loose: bool = False  # brand-name casing: i and ı fold together
    folded: dict[tuple[str, str], str] = field(default_factory=dict, compare=False)

    def folded_for(self, lang: str) -> str:
        """``term`` folded the way ``lang`` folds."""
        return self._folded("term", lang)

    def folded_value_for(self, lang: str) -> str:
        """``value`` (a swap's replacement) folded the way ``lang`` folds."""
        return self._folded("value", lang)

    def last_word_for(self, lang: str) -> tuple[str, str]:
        """The folded term split into what comes before its last word, and its last word."""
        head, _, last = self.folded_for(lang).rpartition(" ")
        return (head + " " if head else ""), last

    def _folded(self, what: str, lang: str) -> str:
        folding = "tr" if lang in ("tr", "az") else "en"
        key = (what, folding)
        f = self.folded.get(key)
        if f is None:
            text = normalize_space(self.term) if what == "term" else self.value
            f = self.folded[key] = turkish.fold(text, folding)
        return f


@dataclass(frozen=True, slots=True)
class Hit:
    """A verified occurrence: ``start:end`` in the searched text; the term itself ends at ``stem_end``."""

    entry: TermEntry
    start: int
    stem_end: int
    end: int


class TermMatcher:
    def __init__(self, entries: list[TermEntry]) -> None:
        # key -> (entry, stem change: "" or a morph.variants kind)
        self._by_key: dict[str, list[tuple[TermEntry, str]]] = {}
        self._cache: dict[tuple[str, str], list[Hit]] = {}
        for entry in entries:
            key = turkish.fold_loose(normalize_space(entry.term))
            if not key:
                continue
            self._by_key.setdefault(key, []).append((entry, ""))
            if entry.inflect and not entry.loose:
                head, _, last = entry.folded_for("tr").rpartition(" ")
                for stem, kind in morph.variants(last):
                    variant = turkish.fold_loose((head + " " if head else "") + stem)
                    self._by_key.setdefault(variant, []).append((entry, kind))
        pattern = trie_pattern(sorted(self._by_key), word_start=True)
        self._regex = re.compile("(" + pattern + r")(\w*(?:['’]\w+)*)")

    def find_cached(self, key: str, text: str, scan: str, lang: str) -> list[Hit]:
        """``find`` for text that recurs (hashtags): results are kept per key and language.
        Offsets are relative to ``text``, so they hold wherever the text appears."""
        cache_key = (key, lang)
        hits = self._cache.get(cache_key)
        if hits is None:
            hits = remember(self._cache, cache_key, list(self.find(text, scan, lang)))
        return hits

    def __bool__(self) -> bool:
        return bool(self._by_key)

    def find(self, text: str, scan: str, lang: str) -> Iterator[Hit]:
        """Hits in ``text``; ``scan`` is ``fold_loose(text)`` with masked spans blanked."""
        if not self._by_key:
            return
        for m in self._regex.finditer(scan):
            start, stem_end, end = m.start(), m.end(1), m.end()
            hits = self._verify(text, start, stem_end, end, lang, scan)
            if not hits:
                # A longer term matched but did not hold: try the shorter terms it starts with.
                for cut in range(stem_end - 1, start, -1):
                    if normalize_space(scan[start:cut]) in self._by_key:
                        cont = _CONTINUATION.match(scan, cut)
                        assert cont is not None  # every part of the pattern may be empty
                        hits = self._verify(text, start, cut, cont.end(), lang)
                        if hits:
                            break
            yield from hits

    def _verify(self, text: str, start: int, stem_end: int, end: int, lang: str, scan: str = "") -> list[Hit]:
        written = text[start:stem_end]
        if scan and written.isalpha():
            # One word: the scan (the text folded the loose way) already holds its key, and there
            # is no whitespace to normalise.
            key, stem = scan[start:stem_end], written
        else:
            key, stem = normalize_space(turkish.fold_loose(written)), normalize_space(written)
        candidates = self._by_key.get(key)
        if not candidates:
            return []
        cont = text[stem_end:end]
        turkish_post = lang in ("tr", "az")
        folded_cont = turkish.fold(cont, lang) if cont else ""
        folded_stem = turkish.fold(stem, lang)
        hits = []
        for entry, kind in candidates:
            head, last = entry.last_word_for(lang)
            if kind:
                if not turkish_post:
                    continue
                if not folded_stem.startswith(head) or folded_stem[len(head):] not in dict(morph.variants(last)):
                    continue
                written_last = folded_stem[len(head):]
            elif entry.loose:
                written_last = last
            elif folded_stem != entry.folded_for(lang):
                continue  # e.g. "sik" is not "sık" in Turkish
            else:
                written_last = last
            if cont:
                if not entry.inflect:
                    continue
                if turkish_post:
                    ok = morph.is_form(last, written_last + folded_cont, kind, bool(head))
                else:
                    ok = turkish.is_english_ending(folded_cont)
                if not ok:
                    continue
            elif kind:
                continue
            hits.append(Hit(entry, start, stem_end, end))
        return hits
