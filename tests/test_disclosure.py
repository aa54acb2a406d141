"""disclosure: sponsored posts open their text with a disclosure tag (Reklam Kurulu 2021 guide)."""

from __future__ import annotations

import pytest


def disclosure(repo, body: str, **front):
    front.setdefault("sponsored", "true")
    repo.post("p", body, **front)
    return repo.findings(rule="disclosure")


def test_tag_at_start(repo):
    assert disclosure(repo, "#reklam Yeni koleksiyonu çok sevdim.") == []


def test_missing_tag_is_an_error_at_the_text_start(repo):
    found = disclosure(repo, "<!-- iç not -->\nYeni koleksiyonu çok sevdim.")
    assert len(found) == 1
    f = found[0]
    assert f["level"] == "error" and f["match"] == "Y"
    assert "#reklam" in f["message"] and "başlamalı" in f["message"]


def test_not_sponsored_needs_nothing(repo):
    assert disclosure(repo, "Yeni koleksiyon.", sponsored="false") == []
    assert disclosure(repo, "Yeni koleksiyon.", sponsored=None) == []


@pytest.mark.parametrize(("before", "ok"), [
    ("", True), ("📣 ", True), ("— ", True), ("\n\n", True),
    ("Yeni ", False), ("@derya ile ", False), ("#YeniSezon ", False), ("2027 ", False),
])
def test_the_tag_opens_the_text(repo, before, ok):
    """Only spaces, punctuation and emoji may come before the tag: no word, number, hashtag or mention."""
    found = disclosure(repo, before + "#işbirliği ile yeni koleksiyon.")
    if ok:
        assert found == []
    else:
        assert len(found) == 1
        assert found[0]["match"] == "#işbirliği" and found[0]["level"] == "error"
        assert f"{len(before.strip()) + 2}. karakter" in found[0]["message"]


def test_a_tag_after_the_first_sentence_is_late_even_within_125_characters(repo):
    """The check used to accept any tag in the first 125 characters; the 2021 guide says "at the start"."""
    found = disclosure(repo, "Yeni koleksiyonu çok sevdim #reklam")
    assert len(found) == 1 and found[0]["match"] == "#reklam" and "en başında" in found[0]["message"]


def test_comments_before_the_text_do_not_count(repo):
    comment = "<!-- " + "uzun bir iç not " * 20 + "-->\n\n"
    assert disclosure(repo, comment + "#reklam Yeni koleksiyon.") == []


def test_case_and_turkish_folding(repo):
    assert disclosure(repo, "#İşbirliği Yeni koleksiyon.") == []
    assert disclosure(repo, "#REKLAM Yeni koleksiyon.") == []


def test_longer_tag_is_not_the_tag(repo):
    assert len(disclosure(repo, "#reklamlar Yeni koleksiyon.")) == 1


def test_tag_in_url_or_code_does_not_count(repo):
    assert len(disclosure(repo, "https://ornek.com.tr/#reklam ve `#reklam` yazısı.")) == 1


def test_brand_disclosure_tags(repo):
    repo.write("brand/brand.yml", "name: Test\ndisclosure_tags: ['#ortaklık', 'Ücretli ortaklık']\n")
    assert disclosure(repo, "Ücretli ortaklık: yeni koleksiyon.") == []
    assert disclosure(repo, "#ortaklık yeni koleksiyon.") == []
    assert len(disclosure(repo, "#reklam yeni koleksiyon.")) == 1


def test_english_posts_accept_ad_and_sponsored(repo):
    assert disclosure(repo, "#ad Our new collection is here.", lang="en") == []
    assert disclosure(repo, "#Sponsored Our new collection is here.", lang="en") == []
    assert disclosure(repo, "#reklam Our new collection is here.", lang="en") == []
    # Turkish posts do not accept the English tags
    assert len(disclosure(repo, "#ad Yeni koleksiyon.")) == 1


def test_english_ad_at_the_end(repo):
    found = disclosure(repo, "Our new collection is here. " * 6 + "#ad", lang="en")
    assert len(found) == 1 and found[0]["match"] == "#ad"


def test_unclear_tags_are_warnings(repo):
    found = disclosure(repo, "#sp #partner Yeni koleksiyon.")
    levels = sorted((f["level"], f["match"]) for f in found)
    assert levels == [("error", "#"), ("warning", "#partner"), ("warning", "#sp")]


def test_unclear_tag_with_a_clear_one_is_fine(repo):
    assert disclosure(repo, "#reklam #sp Yeni koleksiyon.") == []
