"""Tests for checks.text.counting: each platform's way of counting a post's length.

The X cases marked "conformance" come from twitter-text's own conformance suite
(twitter/twitter-text: conformance/tests/validate.yml, WeightedTweetsWithDiscountedEmojiCounterTest,
which runs config/v3.json; conformance/validate.yml "lengths"; conformance/tests/extract.yml).
"""

from __future__ import annotations

import random
import unicodedata

import emoji
import pytest

from checks import i18n
from checks.text.counting import COUNTINGS, find_urls, length

ZWJ = "\u200d"
FAMILY = ZWJ.join(["👨", "👩", "👧", "👦"])  # man, woman, girl, boy: one RGI ZWJ sequence
CJK_POEM = (
    "故人西辞黄鹤楼，烟花三月下扬州。孤帆远影碧空尽，唯见长江天际流。朱雀桥边野草花，乌衣巷口夕阳斜。"
    "旧时王谢堂前燕，飞入寻常百姓家。朝辞白帝彩云间，千里江陵一日还。两岸猿声啼不住，轻舟已过万重山。"
    "泪湿罗巾梦不成，夜深前殿按歌声。红颜未老恩先断，斜倚薰笼坐到明。独在异乡为异客，每逢佳节倍思亲。"
    "遥知兄弟登高处，遍插茱萸少一人。"
)
X10 = "xxxxxxxxxx-"
KANA = "あいうえおかきくけこ"

CONFORMANCE_X = [
    ("Regular Tweet with url", "Hi http://test.co", 26),
    ("Just url", "http://test.co", 23),
    ("Long tweet, overflow at char index 280", "285 chars-" + X10 * 25, 285),
    ("Long tweet with url in the middle", "285 chars- http://www.twitter.com/jack " + X10 * 24, 299),
    ("Long tweet with url at the end", X10 * 24 + " http://www.twitter.com/jack ", 289),
    ("10 url string, no overflow", "https://www.twitter.com/aloha " * 10, 240),
    ("160 CJK char", CJK_POEM, 320),
    ("160 emoji char", "😷" * 160, 320),
    ("3 latin char + 160 CJK char", "the" + CJK_POEM, 323),
    ("'Á' is normalized into 1 char", "A\u0301B", 2),
    ("שּׁ is normalized into 3 chars", "A\ufb2c", 4),
    ("282 chars with a normalized character", "282 chars-" + X10 * 24 + "xxxxxA\u0301x", 281),
    ("single and double word characters", "H🐱☺" + FAMILY, 7),
    ("emoji inside the basic multilingual plane", "😷👾😡🔥💩", 10),
    ("emoji with skin tone modifiers", "🙋🏽👨" + ZWJ + "🎤", 4),
    (
        "general punctuation, no ZWJ/ZWNJ",
        "This is a tweet with general punctuation characters: "
        "\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u200b"
        " ‐ ‑ ‒ – — ― ‖  ‗ ‘ ’ ‚ ‛ “ ” „ ‟ ′ ″ ‴ ‵ ‶ ‷",
        110,
    ),
    ("a 64 character domain without protocol", "randomurl" * 7 + "s.com", 68),
    (
        "> 63 punycode characters in the host: no URL",
        KANA * 12 + " http://" + KANA * 5 + "あいう.com",
        358,
    ),
    ("< 63 punycode characters in the host: a URL", KANA * 12 + " http://" + KANA * 5 + "あい.com", 264),
    ("140 family emoji", FAMILY * 140, 280),
    (
        "Unicode 10.0 emoji",
        "Unicode 10.0 emoji: 🤪; 🧕; 🧕🏾; 🏴\U000e0067\U000e0062\U000e0065\U000e006e\U000e0067\U000e007f",
        34,
    ),
    ("Unicode 9.0 emoji", "Unicode 9.0 emoji: 🤠; 💃; 💃🏾", 29),
    ("invalid characters", "ABC\u202a\uffffABC\ufffe", 12),
    ("directional characters", "\u2066\u202ahttp://foobar.پاکستان/\u202c\u2069", 31),
    # conformance/validate.yml "lengths" (the cases that v3 counts the same way)
    ("lengths: characters", "This is a test.", 15),
    ("lengths: http URL", "http://test.com", 23),
    ("lengths: https URL", "https://test.com", 23),
    ("lengths: URL without protocol", "test.com", 23),
    ("lengths: multiple URLs", "Test https://test.com test https://test.com test.com test", 86),
]


@pytest.mark.parametrize(("text", "expected"), [case[1:] for case in CONFORMANCE_X], ids=[c[0] for c in CONFORMANCE_X])
def test_x_conformance(text: str, expected: int) -> None:
    assert length(text, "x") == expected


def test_countings_lists_every_method_in_both_languages() -> None:
    assert set(COUNTINGS) == {"x", "codepoints", "graphemes", "utf16"}
    assert i18n._(COUNTINGS["x"]) == "X ağırlıklı uzunluk (twitter-text v3)"  # tests run in Turkish
    i18n.activate("en")
    try:
        assert i18n._(COUNTINGS["x"]) == "X weighted length (twitter-text v3)"
    finally:
        i18n.reset()
    for method in COUNTINGS:
        assert length("", method) == 0


def test_unknown_method_is_an_error() -> None:
    with pytest.raises(ValueError, match="twitter"):
        length("Merhaba", "twitter")


# --- Turkish text -----------------------------------------------------------------------------------

TURKISH = "Çok güzel şeyler öğrendik; İstanbul'da ılık bir gün. IĞDIR, ÖZGÜR, ŞİMDİ, ÇAĞ, ÜNLÜ!"


@pytest.mark.parametrize("method", sorted(COUNTINGS))
def test_turkish_letters_count_one_everywhere(method: str) -> None:
    assert length(TURKISH, method) == len(TURKISH) == 84


def test_lira_sign_and_ellipsis_weigh_two_on_x() -> None:
    text = "Şimdi 499₺… Kaçırma"
    assert length(text, "x") == len(text) + 2
    assert length(text, "codepoints") == len(text)
    assert length("₺", "x") == 2
    assert length("…", "x") == 2
    assert length("...", "x") == 3


def test_decomposed_letters_are_normalised() -> None:
    decomposed = "s\u0327"  # s + combining cedilla: ş as two code points
    assert unicodedata.normalize("NFC", decomposed) == "ş"
    assert length(decomposed, "x") == 1
    assert length(decomposed, "codepoints") == 1
    assert length(decomposed, "graphemes") == 1
    assert length(decomposed, "utf16") == 2  # TikTok counts the text as it is sent
    word = unicodedata.normalize("NFD", "Işıklı güzellik")
    assert length(word, "x") == length(word, "codepoints") == length(word, "graphemes") == 15


# --- emoji ------------------------------------------------------------------------------------------

EMOJI_CASES = [
    ("ZWJ sequence (mechanic)", "🧑" + ZWJ + "🔧", 2, 3, 1, 5),
    ("skin tone", "👍🏽", 2, 2, 1, 4),
    ("flag", "🇹🇷", 2, 2, 1, 4),
    ("keycap", "1\ufe0f\u20e3", 2, 3, 1, 3),
    ("VS16", "❤\ufe0f", 2, 2, 1, 2),
    ("family", FAMILY, 2, 7, 1, 11),
    ("tag sequence (England)", "🏴\U000e0067\U000e0062\U000e0065\U000e006e\U000e0067\U000e007f", 2, 7, 1, 14),
    ("astral single", "😀", 2, 1, 1, 2),
    ("text-style heart", "❤", 2, 1, 1, 1),
    # twemoji-parser: a copyright sign is an emoji only with VS16; plain, it weighs 1 (U+00A9 <= U+10FF)
    ("plain copyright", "©", 1, 1, 1, 1),
    ("emoji copyright", "©\ufe0f", 2, 2, 1, 2),
    ("trade mark", "™", 2, 1, 1, 1),
]


@pytest.mark.parametrize(
    ("text", "x", "codepoints", "graphemes", "utf16"),
    [case[1:] for case in EMOJI_CASES],
    ids=[case[0] for case in EMOJI_CASES],
)
def test_emoji(text: str, x: int, codepoints: int, graphemes: int, utf16: int) -> None:
    assert length(text, "x") == x
    assert length(text, "codepoints") == codepoints
    assert length(text, "graphemes") == graphemes
    assert length(text, "utf16") == utf16


def test_emoji_in_turkish_text() -> None:
    text = "Yeni sezon başladı 🎉 Beğendiniz mi?👍🏽 Türkiye🇹🇷 1️⃣ numara ❤️"
    plain = "Yeni sezon başladı  Beğendiniz mi? Türkiye  numara "
    assert length(text, "x") == len(plain) + 5 * 2


def test_non_standard_zwj_sequence_is_split() -> None:
    # Not an RGI sequence: man + red hair is one emoji, then a lone ZWJ (1) and curly hair (2).
    assert length("👨" + ZWJ + "🦰" + ZWJ + "🦱", "x") == 5
    assert length("👨" + ZWJ + "🦰" + ZWJ + "🦱", "graphemes") == 1


@pytest.mark.parametrize("whole", [True, False], ids=["texts read whole", "runs of emoji code points"])
def test_emoji_against_a_plain_reference(whole: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    """The fast paths and the emoji windows agree with parseTweet's loop over the whole text,
    whether a text is read whole (the first few of a run) or by runs of emoji code points."""
    from checks.text import counting

    monkeypatch.setattr(counting, "_WHOLE_TEXTS", [10**9 if whole else 0])
    pieces = [
        *"aşğıİöüç .,!?-/:",
        " ",
        "\n",
        "₺",
        "…",
        "©",
        "™",
        "😀",
        "👍🏽",
        "🇹🇷",
        "1️⃣",
        "❤️",
        "❤",
        "#",
        "1",
        ZWJ,
        "\ufe0f",
        "\u20e3",
        "🏽",
        "🇹",
        "🧑" + ZWJ + "🔧",
        FAMILY,
        " ornek.com.tr/kampanya ",
        " https://ornek.com.tr/a?b=c ",
        "x.co",
        "ş\u0327",
    ]
    rng = random.Random(2024)
    for _ in range(600):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 40)))
        assert length(text, "x") == _reference_x_length(text), repr(text)


def _reference_x_length(text: str) -> int:
    """parseTweet (js/src/parseTweet.js) step by step, with the emoji package for twemoji-parser."""
    text = unicodedata.normalize("NFC", text)
    urls = dict(find_urls(text))
    emojis = {found["match_start"]: found["match_end"] for found in emoji.emoji_list(text)}
    total, index = 0, 0
    while index < len(text):
        if index in urls:
            total, index = total + 23, urls[index]
        elif index in emojis and emojis[index] - index > 1:
            total, index = total + 2, emojis[index]
        else:
            point = ord(text[index])
            light = point <= 0x10FF or 0x2000 <= point <= 0x200D or 0x2010 <= point <= 0x201F
            total += 1 if light or 0x2032 <= point <= 0x2037 else 2
            index += 1
    return total


# --- URLs -------------------------------------------------------------------------------------------

URLS = [
    "ornek.com.tr",
    "ornek.com.tr/kampanya",
    "www.ornek.com.tr/yeni-sezon/kadin/elbise?renk=kirmizi&beden=m",
    "http://t.co",
    "https://ornek.com.tr/kampanya?utm_source=x&utm_medium=social&utm_campaign=yeni-sezon-2026-kis",
    "https://ornek.com.tr/" + "a" * 300,
    "HTTPS://Ornek.COM.TR/Kampanya",
    "bit.ly/3xYz",
]


@pytest.mark.parametrize("url", URLS)
def test_every_url_weighs_23_on_x(url: str) -> None:
    text = f"Detaylar: {url} adresinde."
    assert find_urls(text) == [(10, 10 + len(url))]
    assert length(text, "x") == len("Detaylar:  adresinde.") + 23
    assert length(text, "codepoints") == len(text)
    assert length(text, "codepoints", url_length=23) == len("Detaylar:  adresinde.") + 23


def test_not_urls() -> None:
    for text in [
        "Saat 10.30'da başlıyor.",
        "Bitti.Yarın devam",  # "yarın" is no top-level domain
        "dosya.tar.bz2",
        "ayse.yilmaz@ornek.com.tr",  # an e-mail address
        "#ornek.com @ornek.com $ornek.com",
        "http://" + "a" * 64 + ".com",  # a DNS label is at most 63 characters
        "foo.İt",  # no Unicode case folding, as in JavaScript
    ]:
        assert find_urls(text) == [], text
    assert length("Bitti.Yarın devam", "x") == 17


def test_url_with_invalid_long_label_counts_as_text_then_a_short_url() -> None:
    long_url = "https://" + "somesuperlongurl" * 10 + ".com/foo "
    text = "Long url with invalid domain labels and a short url: " + long_url * 3 + "https://validurl.com"
    assert length(text, "x") == len(text) - len("https://validurl.com") + 23


FIND_URLS_CONFORMANCE = [
    ("text http://google.com", [(5, 22)]),
    ("皆さん見てください！ http://google.com", [(11, 28)]),
    ("t.co/abcde bit.ly/abcde", [(0, 10), (11, 23)]),
    (
        "twitter.comこれは日本語です。example.com中国語t.co/abcde한국twitter.com example2.comテストtwitter.com/abcde",
        [(0, 11), (20, 31), (34, 44), (46, 57), (58, 70), (73, 90)],
    ),
    (
        "http://t.co/pbY2NfTZ's http://t.co/2vYHpAc5; http://t.co/ulYGBYSo: http://t.co/8MkmHU0k+c "
        "http://t.co/TKLp64dY.x http://t.co/8t7G3ddS#a http://t.co/FNkPfmii-",
        [(0, 20), (23, 43), (45, 65), (67, 87), (90, 110), (113, 133), (136, 156)],
    ),
    ("http://www.foo.com?referer=https://t.co/abcde http://t.co/xyzzy", [(0, 45), (46, 63)]),
    ("test http://xn--ls8h.XN--ls8h.la/", [(5, 33)]),
    ("test http://foobar.みんな/ http://foobar.中国/ http://foobar.پاکستان/ ", [(5, 23), (24, 41), (42, 64)]),
    ("\u2066\u202atest abcdef.com پاکستان http://twitter.com/\u202c\u2069", [(7, 17), (26, 45)]),
    ("Test a ton of periods http://example.com/path" + "." * 42, [(22, 45)]),
    ("text http://en.wikipedia.org/wiki/Primer_(film)", [(5, 47)]),
    ("I really like http://t.co/abcdefghijklmnopqrstuvwxyz012345678901234", []),
    ("long.test.tar.bz2 test.tar.bz2 tar.bz2", []),
    ("john.doe.gov@mail.com", []),
    ("$http://twitter.com $twitter.com $http://t.co/abcde $t.co/abcde $t.co $TVI.CA $RBS.CA", []),
    ("test http://domain-dash_2314352345_dfasd.foo-cow_4352.com", []),
]


@pytest.mark.parametrize(("text", "spans"), FIND_URLS_CONFORMANCE)
def test_find_urls_conformance(text: str, spans: list[tuple[int, int]]) -> None:
    assert find_urls(text) == spans


def test_url_length_for_graphemes_and_utf16() -> None:
    text = "Bak 👍🏽 https://ornek.com.tr/cok-uzun-bir-kampanya-adresi-2026"  # 👍🏽: 2 code points
    assert length(text, "graphemes") == len(text) - 1
    assert length(text, "graphemes", url_length=23) == len("Bak 👍🏽 ") - 1 + 23  # Mastodon
    assert length(text, "utf16") == len(text) + 2
    assert length(text, "utf16", url_length=23) == len("Bak 👍🏽 ") + 2 + 23
    assert length(text, "x", url_length=30) == len("Bak  ") + 2 + 30


# --- the 280 limit --------------------------------------------------------------------------------

BASE_280 = "ç" * 253 + " ornek.com.tr/kampanya 🎉"  # 253 + 1 + 23 + 1 + 2


def test_both_sides_of_280() -> None:
    assert length(BASE_280, "x") == 280
    assert length(BASE_280 + "a", "x") == 281
    assert length(BASE_280[1:] + "₺", "x") == 281
    assert length(BASE_280[2:] + "₺", "x") == 280


# --- the other methods ------------------------------------------------------------------------------


def test_utf16_counts_astral_code_points_twice() -> None:
    assert length("😀", "utf16") == 2
    assert length("a😀ş", "utf16") == 4
    assert length("a😀ş", "codepoints") == 3
    assert length("a😀ş", "graphemes") == 3


def test_graphemes() -> None:
    assert length("🇹🇷🇹🇷", "graphemes") == 2
    assert length("Merhaba\r\ndünya", "graphemes") == 13  # CR LF is one cluster
    assert length("e\u0301\u0301", "graphemes") == 1


def test_simple_links_agree_with_the_full_url_pattern() -> None:
    """Words of the common link shape skip twitter-text's full pattern; on random words built
    from link pieces (valid and invalid top-level domains, odd labels, paths, queries and
    trailing punctuation) both must find the same spans."""
    import random

    from checks.text.counting import _SIMPLE_URL, _urls_in_word, _urls_in_word_fully

    rng = random.Random(5)
    schemes = ["https://", "http://", "HTTPS://", "", "ftp://"]
    labels = ["ornek", "a", "x1", "my-shop", "-bad", "bad-", "t", "xn--abc", "ÖRNEK", "a" * 63, "a" * 64,
              "com", "co", "mağaza"]
    tlds = ["com", "tr", "com.tr", "org", "comx", "xyz", "c", "travel", "co", "tr-", "T"]
    paths = ["", "/", "/kampanya", "/a/b/", "/a-b_c", "/a.b", "/a(b)", "//x", "/@user/", "/ü"]
    queries = ["", "?utm_source=x&utm_medium=social", "?a=1.", "?", "?a=b&", "?a=b-"]
    tails = ["", "", ".", ",", "!", ")", "'s"]
    simple = 0
    for i in range(6000):
        good = i % 2 == 0  # half the words from pieces of the common shape only
        pick = (lambda xs: rng.choice(xs[:3])) if good else rng.choice
        host = ".".join(pick(labels) for _ in range(rng.randint(1, 3))) + "." + pick(tlds)
        if rng.random() < 0.05:
            host = "t.co"
        word = pick(schemes) + host + pick(paths) + pick(queries) + (pick(tails) if not good else "")
        simple += _SIMPLE_URL.fullmatch(word) is not None
        assert _urls_in_word(word) == _urls_in_word_fully(word), word
    assert simple > 500  # the fast path was exercised


def test_last_space_is_the_last_character_of_the_space_class() -> None:
    """find_urls finds a word's start with one search between two words: the last space before
    the hint, whatever space (tab, NBSP, U+2007, U+3000 ...), or none."""
    import random
    import re

    from checks.text.counting import _LAST_SPACE, _SPACES

    spaces = re.findall(f"[{_SPACES}]", "".join(map(chr, range(0x3001))))
    assert len(spaces) == 26
    rng = random.Random(4)
    pieces = [*spaces, "a", ".", "ş", "x", "\u200b", "😀"]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(12)))
        lo = rng.randrange(len(text) + 1)
        hi = rng.randrange(lo, len(text) + 1)
        found = _LAST_SPACE.search(text, lo, hi)
        last = max((i for i in range(lo, hi) if text[i] in spaces), default=None)
        assert (found.start() if found else None) == last, (text, lo, hi)
