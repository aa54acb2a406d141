"""X's weighted length against twitter-text's own Python port (twitter-text-parser, test-only):
random posts made of what Turkish brands write — Turkish and Latin letters, digits,
punctuation, CJK, common emoji, links with and without a scheme, bare domains — must count the
same. twitter-text-parser carries twitter-text 3's emoji data (Emoji 11), so only emoji both
know are drawn; our counting of newer emoji as 2 is tested in test_counting.py."""

from __future__ import annotations

import random
import re

import pytest

from checks.text.counting import length, tlds

parse_tweet = pytest.importorskip("twitter_text").parse_tweet

WORDS = ["Merhaba", "dünya", "İstanbul", "şubemiz", "açıldı", "ĞÜŞİÖÇ", "yeni", "sezon", "%50", "indirim",
         "100", "TL", "Kasım'da", "ürün", "—", "…", "!", "?", ",", "(bilgi)", "#YeniSezon", "@ornekgiyim",
         "日本語", "한국어", "مرحبا", "Привет", "Ωμέγα", "café", "naïve"]
EMOJI = ["😀", "👍", "❤️", "🎉", "🇹🇷", "👩‍💻", "👍🏽", "✨", "☕"]
LINKS = ["https://ornek.com.tr/kampanya?utm_source=x&utm_medium=social&utm_campaign=kis",
         "http://ornek.com.tr", "ornek.com.tr/indirim", "www.ornek.com/a-b_c", "https://t.co/abc123",
         "https://ornek.com.tr/yol/alt-yol/", "example.com", "https://ornek.com.tr/ürün"]


def random_post(rng: random.Random) -> str:
    parts = []
    for _ in range(rng.randint(1, 40)):
        roll = rng.random()
        pool = WORDS if roll < 0.75 else EMOJI if roll < 0.9 else LINKS
        parts.append(rng.choice(pool))
    seps = [" ", " ", " ", "\n", "  "]
    return "".join(p + rng.choice(seps) for p in parts).strip()


@pytest.mark.parametrize("seed", range(3))
def test_weighted_length_agrees_with_twitter_text(seed: int) -> None:
    rng = random.Random(seed)
    disagree = []
    for _ in range(60):
        text = random_post(rng)
        ours, theirs = length(text, "x"), parse_tweet(text).weightedLength
        if ours != theirs:
            disagree.append((text, ours, theirs))
    assert disagree == []


def _alternatives(pattern: re.Pattern[str]) -> set[str]:
    """The names in twitter-text-parser's ``(?:(?:a|b|...))(?=...)`` TLD pattern."""
    inner = pattern.pattern.removeprefix("(?:(?:").split(")")[0]
    return set(inner.split("|"))


def test_tld_data_file_is_twitter_texts_list() -> None:
    """checks/data/tlds.txt (read by ``tlds()``) holds exactly twitter-text's generic and
    country-code lists: nothing lost or added when the table left counting.py."""
    from twitter_text.regexp.valid_cctld import valid_cctld
    from twitter_text.regexp.valid_gtld import valid_gtld

    expected = _alternatives(valid_gtld) | _alternatives(valid_cctld)
    assert len(expected) > 1500  # the parse above found the lists, not a fragment
    assert tlds() == expected
