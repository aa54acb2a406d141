"""platform.length, platform.hashtags, platform.media, platform.alt-text through real posts."""

from __future__ import annotations

import os

import pytest

from checks.builtin.platform import camelcase_split

FAMILY = "\U0001F468\u200D\U0001F469\u200D\U0001F467"  # one grapheme cluster, five code points
FLAG_TR = "\U0001F1F9\U0001F1F7"
THUMBS_DARK = "\U0001F44D\U0001F3FF"
KEYCAP = "1\uFE0F\u20E3"


def lengths(repo, body: str, platforms: str = "[x]", **front):
    repo.post("p", body, platforms=platforms, **front)
    return repo.findings(rule="platform.length")


# --- platform.length ------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("body", "over"),
    [
        ("a" * 280, False),
        ("a" * 281, True),
        # twitter-text: emoji count 2 whatever their code points (flags, skin tones, ZWJ, keycaps)
        ("😀" * 140, False),
        ("😀" * 140 + "a", True),
        (FAMILY * 140, False),
        (FAMILY * 140 + ".", True),
        (FLAG_TR * 70 + THUMBS_DARK * 70, False),
        (KEYCAP * 140 + "!", True),
        # CJK weighs 2, Latin with Turkish letters weighs 1
        ("日本" * 70, False),
        ("日本" * 70 + "x", True),
        ("ğüşiöçı" * 40, False),
        ("ğüşiöçı" * 40 + "Ş", True),
        # every URL weighs 23, short or long
        ("a" * 256 + " https://t.co/abc", False),
        ("a" * 257 + " https://t.co/abc", True),
        ("a" * 256 + " https://ornek.com.tr/" + "uzun-bir-yol/" * 20, False),
        ("a" * 257 + " https://ornek.com.tr/" + "uzun-bir-yol/" * 20, True),
        ("a" * 256 + " ornek.com.tr/kampanya", False),
        ("a" * 257 + " ornek.com.tr/kampanya", True),
    ],
)
def test_x_weighted_length_both_sides_of_280(repo, body, over):
    found = lengths(repo, body)
    assert bool(found) == over, found
    if over:
        f = found[0]
        assert f["level"] == "error"
        assert "280" in f["message"] and "twitter-text" in f["message"]


def test_x_length_points_at_first_character_beyond_the_limit(repo):
    f = lengths(repo, "<!-- not published: does not count -->\n" + "a" * 280 + "bcd")[0]
    assert f["match"] == "bcd"
    assert "283 / 280, 3 fazla" in f["message"]
    line_of_text = f["line"]
    # the comment line is before the text; the overflow starts at column 281 of the text's line
    assert f["column"] == 281
    assert f["end_column"] == 284
    assert line_of_text > 1


def test_x_length_overflow_never_splits_an_emoji(repo):
    f = lengths(repo, "a" * 279 + FAMILY + "b")[0]
    assert f["match"] == FAMILY + "b"


@pytest.mark.parametrize(
    ("platform", "body", "over"),
    [
        ("instagram", "ğ" * 2200, False),
        ("instagram", "ğ" * 2201, True),
        ("instagram", "😀" * 2200, False),  # code points: an emoji is one
        ("threads", "a" * 500, False),
        ("threads", "a" * 501, True),
        ("linkedin", "a" * 3000, False),
        ("linkedin", "a" * 3001, True),
        ("bluesky", FAMILY * 300, False),  # grapheme clusters
        ("bluesky", FAMILY * 300 + "a", True),
        ("bluesky", "e\u0301" * 300, False),
        ("mastodon", "a" * 476 + " https://ornek.com.tr/" + "x" * 100, False),  # URL = 23
        ("mastodon", "a" * 477 + " https://ornek.com.tr/" + "x" * 100, True),
        ("tiktok", "😀" * 1100, False),  # UTF-16: an astral emoji is 2 code units
        ("tiktok", "😀" * 1100 + "a", True),
        ("youtube", "a" * 5000, False),
        ("youtube", "a" * 5001, True),
    ],
)
def test_each_platform_counts_its_own_way(repo, platform, body, over):
    media = '[{path: media/a.png, alt: Bir görsel}]'
    repo.write("media/a.png", b"\x89PNG")
    found = lengths(repo, body, f"[{platform}]", media=media)
    assert bool(found) == over, found


def test_length_message_names_the_counting(repo):
    f = lengths(repo, FAMILY * 301, "[bluesky]")[0]
    assert "grafem" in f["message"] and "301 / 300" in f["message"]


def test_length_per_platform(repo):
    found = lengths(repo, "a" * 400, "[x, threads, facebook]")
    assert len(found) == 1 and "X" in found[0]["message"]


def test_brand_override_of_platform_table(repo):
    repo.write("brand/platforms.yml", "platforms:\n  x: {max_length: 25000}\n")
    assert lengths(repo, "a" * 1000) == []


# --- platform.hashtags ------------------------------------------------------------------------------

def tags(n: int) -> str:
    return " ".join(f"#Etiket{chr(65 + i)}" for i in range(n))


def hashtag_findings(repo, body, platforms="[instagram]", **front):
    repo.write("media/a.png", b"\x89PNG")
    repo.post("p", body, platforms=platforms, media="[{path: media/a.png, alt: Görsel}]", **front)
    return repo.findings(rule="platform.hashtags")


def test_instagram_five_hashtags_pass_six_fail(repo):
    assert hashtag_findings(repo, "Yeni sezon. " + tags(5)) == []
    found = hashtag_findings(repo, "Yeni sezon. " + tags(6))
    assert len(found) == 1
    assert found[0]["match"] == "#EtiketF"  # the first one over the limit
    assert found[0]["level"] == "error" and "5" in found[0]["message"] and "6" in found[0]["message"]


def test_threads_one_hashtag(repo):
    assert hashtag_findings(repo, "Merhaba #Bir", "[threads]") == []
    found = hashtag_findings(repo, "Merhaba #Bir #İki", "[threads]")
    assert [f["match"] for f in found] == ["#İki"]


def test_x_has_no_hashtag_limit_by_default(repo):
    assert hashtag_findings(repo, "Merhaba " + tags(10), "[x]") == []


def test_banned_hashtag_turkish_folding(repo):
    repo.write("brand/brand.yml", "name: Test\nhashtags:\n  banned: ['#İndirimŞoku', ucuzluk]\n")
    found = hashtag_findings(repo, "Yeni sezon #indirimşoku #UCUZLUK #Ucuzluklar", "[facebook]")
    assert [f["match"] for f in found] == ["#indirimşoku", "#UCUZLUK"]
    assert all("yasaklı" in f["message"] and f["level"] == "error" for f in found)


def test_campaign_hashtags_required(repo):
    repo.write("brand/brand.yml",
               "name: Test\nhashtags:\n  campaigns:\n    yeni-sezon: ['#YeniSezon', '#ÖrnekGiyim']\n")
    found = hashtag_findings(repo, "Yeni sezon geldi. #yenisezon", "[facebook]", campaign="yeni-sezon")
    missing = [f for f in found if "eksik" in f["message"]]
    assert len(missing) == 1 and "#ÖrnekGiyim" in missing[0]["message"] and "#YeniSezon" not in missing[0]["message"]
    assert missing[0]["match"] == "yeni-sezon"  # points at the campaign key
    assert hashtag_findings(repo, "Yeni sezon. #YeniSezon #ÖrnekGiyim", "[facebook]", campaign="yeni-sezon") == []
    assert hashtag_findings(repo, "Yeni sezon.", "[facebook]", campaign="baska") == []


def test_camelcase_suggestion_is_info(repo):
    found = hashtag_findings(repo, "Yeni sezonumuz mağazalarda. #yenisezon", "[facebook]")
    assert len(found) == 1
    assert found[0]["level"] == "info" and found[0]["suggestions"] == ["#YeniSezon"]


def test_camelcase_leaves_single_words_and_camelcase_alone(repo):
    body = "Sürdürülebilirlik raporumuz yayında. Yeni sezon. #sürdürülebilirlik #YeniSezon #moda"
    assert hashtag_findings(repo, body, "[facebook]") == []


def test_camelcase_off(repo):
    repo.write("brand/brand.yml", "name: Test\nhashtags: {camelcase: false}\n")
    assert hashtag_findings(repo, "Yeni sezon. #yenisezon", "[facebook]") == []


def test_camelcase_split_uses_brand_vocabulary():
    vocab = {"örnek", "giyim", "yeni", "sezonumuz"}
    assert camelcase_split("örnekgiyim", vocab, "tr") == ["örnek", "giyim"]
    assert camelcase_split("yenisezon", vocab, "tr") == ["yeni", "sezon"]
    assert camelcase_split("giyim", vocab, "tr") is None
    assert camelcase_split("kampanya", vocab, "tr") is None


# --- platform.media and platform.alt-text ---------------------------------------------------------

def media_findings(repo, media: str | None, platforms: str = "[facebook]"):
    repo.post("p", "Yeni sezon mağazalarda.", platforms=platforms, media=media)
    return repo.findings(rule="platform.media") + repo.findings(rule="platform.alt-text")


def test_instagram_needs_media(repo):
    found = media_findings(repo, None, "[facebook, instagram]")
    assert len(found) == 1
    f = found[0]
    assert f["rule"] == "platform.media" and f["match"] == "instagram" and "Instagram" in f["message"]
    assert f["line"] == 4  # the platforms line


def test_media_present(repo):
    repo.write("media/a.jpg", b"\xff\xd8")
    assert media_findings(repo, "[{path: media/a.jpg, alt: Vitrin}]", "[instagram, tiktok]") == []


def test_media_missing_file(repo):
    found = media_findings(repo, "[{path: media/yok.png, alt: Vitrin}]")
    assert [(f["rule"], f["match"]) for f in found] == [("platform.media", "media/yok.png")]
    assert "bulunamadı" in found[0]["message"]


def test_media_absolute_path(repo):
    found = media_findings(repo, "[{path: /etc/hosts.png, alt: Vitrin}]")
    assert [f["rule"] for f in found] == ["platform.media"] and "mutlak" in found[0]["message"]


def test_media_outside_repository(repo):
    (repo.root.parent / "outside.png").write_bytes(b"x")
    found = media_findings(repo, "[{path: ../outside.png, alt: Vitrin}]")
    assert [f["rule"] for f in found] == ["platform.media"] and "dışına" in found[0]["message"]


def test_media_dotdot_inside_repository_is_fine(repo):
    repo.write("media/a.png", b"x")
    assert media_findings(repo, "[{path: content/../media/a.png, alt: Vitrin}]") == []


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symlinks")
def test_media_symlink_escaping(repo):
    (repo.root.parent / "secret.png").write_bytes(b"x")
    (repo.root / "media").mkdir()
    os.symlink(repo.root.parent / "secret.png", repo.root / "media" / "link.png")
    found = media_findings(repo, "[{path: media/link.png, alt: Vitrin}]")
    assert [f["rule"] for f in found] == ["platform.media"] and "dışına" in found[0]["message"]


def test_media_directory_is_not_a_file(repo):
    (repo.root / "media").mkdir()
    found = media_findings(repo, "[{path: media, alt: Vitrin}]")
    assert [f["rule"] for f in found] == ["platform.media"]


def test_alt_text_missing_for_images_only(repo):
    for name in ("a.png", "b.JPG", "c.webp", "d.mp4"):
        repo.write(f"media/{name}", b"x")
    media = "[{path: media/a.png}, {path: media/b.JPG, alt: '  '}, {path: media/c.webp, alt: Ok}, {path: media/d.mp4}]"
    found = media_findings(repo, media)
    assert [(f["rule"], f["match"], f["level"]) for f in found] == [
        ("platform.alt-text", "media/a.png", "error"),
        ("platform.alt-text", "media/b.JPG", "error"),
    ]


def test_alt_text_too_long_for_x(repo):
    repo.write("media/a.png", b"x")
    ok = "a" * 1000
    assert media_findings(repo, f"[{{path: media/a.png, alt: {ok}}}]", "[x]") == []
    found = media_findings(repo, f"[{{path: media/a.png, alt: {ok}b}}]", "[x]")
    assert [f["rule"] for f in found] == ["platform.alt-text"]
    assert "1001 / 1000" in found[0]["message"]
    # Mastodon allows 1500, Bluesky 2000: the same alt is fine there
    assert media_findings(repo, f"[{{path: media/a.png, alt: {ok}b}}]", "[mastodon, bluesky]") == []


def test_odd_front_matter_values_never_crash(repo):
    for media in ("42", "[1, null, {path: 3}, {alt: x}]", "{path: a.png}", "[{path: '', alt: 1}]"):
        repo.post("p", "Merhaba #a", platforms="[instagram, x]", media=media, campaign="[1]")
        code, _, err = repo.run("check", "--grammar", "off")
        assert code in (0, 1) and "Traceback" not in err
    repo.post("p", "Merhaba", platforms="{x: 1}")
    code, _, err = repo.run("check", "--grammar", "off")
    assert code in (0, 1) and "Traceback" not in err


def test_x_length_overflow_starts_at_the_url_that_takes_the_text_over(repo):
    """A URL weighs 23 as a whole: the text before it fits, so the overflow starts at the URL,
    not at the character inside it where a cut-off prefix would go over."""
    url = "https://ornek.com.tr/kampanya?utm_source=x"
    f = lengths(repo, "a" * 270 + " " + url)[0]
    assert f["match"] == url
    assert "294 / 280" in f["message"]


def _overflow_by_bisection(text: str, p) -> int:
    """overflow_start as it was before the gallop: a bisection over every prefix end."""
    from checks.builtin import platform
    from checks.text import counting

    urls = counting.find_urls(text) if p.counting == "x" or p.url_length else []
    inside = {i for s, e in urls for i in range(s + 1, e)}
    ends = [i for i in range(1, len(text) + 1) if i not in inside]
    lo, hi = 0, len(ends) - 1
    while lo < hi:
        mid = (lo + hi) // 2
        if counting.length(text[:ends[mid]], p.counting, p.url_length) > p.max_length:
            hi = mid
        else:
            lo = mid + 1
    cut = ends[lo] - 1
    for s, e in urls:
        if s <= cut < e:
            return s
    space = max(text.rfind(" ", 0, cut), text.rfind("\n", 0, cut))
    start = space + 1 if space >= 0 else 0
    for m in platform._GRAPHEME.finditer(text, start):
        if m.end() > cut:
            return m.start()
    return cut


def test_overflow_start_gallops_to_the_same_place_as_bisection():
    """The gallop up from the limit (fewer, shorter prefixes to count) finds the very place the
    plain bisection finds, for every counting, on the fuzzer's texts (URLs, emoji, hostile runs)."""
    import random
    from dataclasses import replace

    from checks.brand.platforms import BUILTIN
    from checks.builtin import platform
    from checks.text import counting
    from tests.support import fuzzing

    rng = random.Random(11)
    tables = [replace(BUILTIN[pid], max_length=limit)
              for pid in ("x", "mastodon", "bluesky", "tiktok", "instagram") for limit in (1, 20, 280)]
    checked = 0
    for _ in range(400):
        text = fuzzing.text(rng, 40).strip()
        p = rng.choice(tables)
        if not text or counting.length(text, p.counting, p.url_length) <= p.max_length:
            continue
        assert platform.overflow_start(text, p) == _overflow_by_bisection(text, p), (text, p.id)
        checked += 1
    assert checked > 200
