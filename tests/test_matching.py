"""Turkish-aware term matching: folding, whole words, suffixes, softening, English endings."""

from __future__ import annotations

import sys

import pytest

from checks.text import turkish
from checks.text.matcher import TermEntry, TermMatcher


def find(terms: list[str], text: str, lang: str = "tr", **kw: object) -> list[str]:
    matcher = TermMatcher([TermEntry(t, "rule", **kw) for t in terms])  # type: ignore[arg-type]
    return [text[h.start:h.end] for h in matcher.find(text, turkish.fold_loose(text), lang)]


@pytest.mark.parametrize(
    ("term", "text", "expected"),
    [
        ("istanbul", "İSTANBUL'da buluşalım", ["İSTANBUL'da"]),
        ("ışık", "IŞIK festivali", ["IŞIK"]),
        ("ılık", "İlik bir gün", []),
        ("sık", "sik", []),
        ("sik", "sık sık", []),
        ("ucuz", "Ucuza kapatın", ["Ucuza"]),
        ("ucuz", "ucuzluk yok", ["ucuzluk"]),
        ("ucuz", "buçucuz", []),
        ("Telekom", "Telekom'un yeni paketi", ["Telekom'un"]),
        ("Telekom", "Telekom’dan", ["Telekom’dan"]),
        ("Telekom", "Telekomünikasyon sektörü", []),
        ("rakip", "rakibimizden daha iyi", ["rakibimizden"]),
        ("kitap", "kitabı okudum", ["kitabı"]),
        ("renk", "rengi güzel", ["rengi"]),
        ("rakip", "rakib", []),  # a softened stem needs a vowel-initial suffix
        ("mail", "Gmail hesabı", []),
        ("mail", "mail adresi", ["mail"]),
        ("şok fiyat", "ŞOK   FİYATLAR burada", ["ŞOK   FİYATLAR"]),
        ("kaçırmayın", "Kaçırmayın!", ["Kaçırmayın"]),
    ],
)
def test_turkish(term: str, text: str, expected: list[str]) -> None:
    assert find([term], text) == expected


def test_inflect_false_only_bare_word() -> None:
    assert find(["ucuz"], "ucuza ucuz", inflect=False) == ["ucuz"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Send us mails", ["mails"]), ("the mail's subject", ["mail's"]), ("mailing list", []), ("boxes", [])],
)
def test_english_endings(text: str, expected: list[str]) -> None:
    assert find(["mail"], text, "en") == expected


def test_english_folding_treats_i_as_capital_of_i() -> None:
    assert find(["online"], "ONLINE store", "en") == ["ONLINE"]
    # In a Turkish post ONLINE folds to "onlıne", which is not the term.
    assert find(["online"], "ONLINE mağaza", "tr") == []


def test_casing_folds_dotted_and_dotless_i_together() -> None:
    hits = find(["Instagram"], "INSTAGRAM instagram İnstagram ınstagram", loose=True)
    assert hits == ["INSTAGRAM", "instagram", "İnstagram", "ınstagram"]


def test_longest_term_wins_and_shorter_one_is_tried_when_it_fails() -> None:
    assert find(["son", "son tarih"], "son tarihi geçti") == ["son tarihi"]
    assert find(["kart", "kartal"], "kartalın") == ["kartalın"]
    # "kartaloz" is not kartal + suffix; "kart" + "aloz" is not either: nothing.
    assert find(["kart", "kartal"], "kartaloz") == []


def test_folding_keeps_length() -> None:
    # Offsets found in folded text are offsets in the original: lower() changes the length of
    # no code point but U+0130, which the translation tables handle first.
    for cp in range(sys.maxunicode + 1):
        if 0xD800 <= cp <= 0xDFFF:
            continue
        c = chr(cp)
        assert len(turkish.fold(c, "tr")) == 1
        assert len(turkish.fold_loose(c)) == 1


def test_thousands_of_terms_still_match_each() -> None:
    terms = [f"eskiterim{i:04d}" for i in range(5000)] + ["ucuz"]
    text = "eskiterim0042 ve eskiterim4999'u, ucuza, eskiterim50 değil"
    assert find(terms, text) == ["eskiterim0042", "eskiterim4999'u", "ucuza"]


def test_trie_with_word_start_finds_what_a_leading_lookbehind_finds() -> None:
    """The matcher's trie puts its word-start check after each first character (so the regex
    engine can skip ahead); on random terms and texts it must agree with the plain form."""
    import random
    import re

    from checks.text.trie import trie_pattern

    rng = random.Random(7)
    alphabet = "abcıiş -'1_."
    for _ in range(300):
        terms = sorted({"".join(rng.choice(alphabet) for _ in range(rng.randint(1, 4))).strip() or "a"
                        for _ in range(rng.randint(1, 8))})
        text = "".join(rng.choice(alphabet + "xyz  ") for _ in range(60))
        plain = re.compile(r"(?<!\w)(" + trie_pattern(terms) + ")")
        fast = re.compile("(" + trie_pattern(terms, word_start=True) + ")")
        assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)], (terms, text)
