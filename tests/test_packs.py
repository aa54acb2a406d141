"""The built-in packs tr-yazim and kvkk: they load, their examples hold, and they work on posts."""

from __future__ import annotations

from importlib import resources

import pytest

from checks.brand.loader import load_pack, pack_names

BRAND = "name: Test\ntimezone: Europe/Istanbul\ndefault_lang: tr\npacks: [tr-yazim, kvkk]\n"


@pytest.fixture
def packed(repo):
    repo.write("brand/brand.yml", BRAND)
    return repo


def test_packs_are_shipped():
    assert {"tr-yazim", "kvkk"} <= set(pack_names())


@pytest.mark.parametrize("name", ["tr-yazim", "kvkk"])
def test_every_pack_rule_has_bad_and_good_examples(name):
    rules = load_pack(name)
    assert rules
    for rule in rules:
        assert rule.id.startswith(name + ".")
        assert rule.header.examples.get("bad") and rule.header.examples.get("good"), rule.id


def test_spelling_pack_has_at_least_forty_swaps():
    swaps = [e for r in load_pack("tr-yazim") if r.header.kind == "prefer" for e in r.terms()]
    assert len(swaps) >= 40
    for e in swaps:
        assert e.term != e.value


def test_rules_test_passes_with_both_packs(packed):
    code, out, _ = packed.run("rules", "test")
    assert code == 0, out
    for rule in ("tr-yazim.yazim-yanlislari", "tr-yazim.ki-ayri", "tr-yazim.soru-eki-ayri",
                 "kvkk.kimlik-kart-talebi", "kvkk.yorumda-kisisel-veri"):
        assert f"✔ {rule}" in out


def test_rules_test_fails_when_a_bad_example_is_good(packed):
    text = resources.files("checks.packs").joinpath("tr-yazim.yml").read_text(encoding="utf-8")
    assert '- "Herkez için bir şey var."' in text
    broken = text.replace('- "Herkez için bir şey var."', '- "Herkes için bir şey var."', 1)
    packed.write("brand/rules/tr-yazim.yml", broken)  # a brand file overrides the pack's rules
    code, out, _ = packed.run("rules", "test")
    assert code == 1
    assert "✖ tr-yazim.yazim-yanlislari" in out and "kötü örnek yakalanmadı: 'Herkes için bir şey var.'" in out


def test_rules_test_fails_when_a_kvkk_good_example_is_bad(packed):
    text = resources.files("checks.packs").joinpath("kvkk.yml").read_text(encoding="utf-8")
    broken = text.replace('- "Kart bilgileriniz yalnızca güvenli ödeme sayfasında istenir."',
                          '- "Kart numaranızı yorumlara yazın."', 1)
    assert broken != text
    packed.write("brand/rules/kvkk.yml", broken)
    code, out, _ = packed.run("rules", "test")
    assert code == 1 and "✖ kvkk.kimlik-kart-talebi" in out


def rule_hits(repo, body: str, **front):
    repo.post("p", body, **front)
    return [(f["rule"], f["match"], f["suggestions"]) for f in repo.findings() if "." in f["rule"]
            and f["rule"].split(".")[0] in ("tr-yazim", "kvkk")]


def test_spelling_with_suffixes_keeps_the_suffix(packed):
    hits = rule_hits(packed, "Herkezin bildiği gibi orjinalliği önemsiyoruz.")
    assert ("tr-yazim.yazim-yanlislari", "Herkezin", ["Herkesin"]) in hits
    assert ("tr-yazim.yazim-yanlislari", "orjinalliği", ["orijinalliği"]) in hits


def test_spelling_words_written_apart(packed):
    hits = rule_hits(packed, "Herşey hazır; şuan mağazalarda. Kırmızı yada mavi. Tabi ki ücretsiz.")
    assert {(m, s[0]) for _, m, s in hits} == {
        ("Herşey", "Her şey"), ("şuan", "şu an"), ("yada", "ya da"), ("Tabi ki", "Tabii ki")}


@pytest.mark.parametrize(
    "body",
    [
        "Her şey hazır; şu an mağazalarda. Kırmızı ya da mavi. Tabii ki ücretsiz.",
        "Bu ürün iadeye tabi değildir.",
        "Şimdiki koleksiyon, belki de en güzeli. Sanki bahar geldi.",
        "Ürün stokta varmış. Geliyormuş. Kedimi çok seviyorum.",
        "Orijinal ürünler, makine yıkamaya uygun tişörtler.",
        "Yeni koleksiyonu herkes sevdi.",
        "Hemen deneyin, yine de acele etmeyin.",
        "Kimlik numaranızı ve şifrenizi kimseyle paylaşmayın.",
        "Yorumlarda en sevdiğiniz kombini paylaşın.",
    ],
)
def test_correct_turkish_is_not_flagged(packed, body):
    assert rule_hits(packed, body) == []


@pytest.mark.parametrize(
    ("body", "rule"),
    [
        ("Dedimki bu sezon farklı.", "tr-yazim.ki-ayri"),
        ("Biliyorsunki beğeneceksiniz.", "tr-yazim.ki-ayri"),
        ("Bedeni varmı?", "tr-yazim.soru-eki-ayri"),
        ("Yarın geliyormusunuz?", "tr-yazim.soru-eki-ayri"),
        ("Gelecekmisin?", "tr-yazim.soru-eki-ayri"),
        ("Hemde ücretsiz kargo.", "tr-yazim.de-da-ayri"),
        ("Çekiliş için T.C. kimlik numaranızı yorumlara yazın.", "kvkk.kimlik-kart-talebi"),
        ("Telefon numaranızı yorum olarak yazın.", "kvkk.yorumda-kisisel-veri"),
    ],
)
def test_pattern_rules_on_posts(packed, body, rule):
    assert rule in {h[0] for h in rule_hits(packed, body)}


def test_pronoun_de_only_when_the_verb_agrees(packed):
    packed.post("p", "Bende çok beğendim. Bu krem bende hiç sivilce yapmadı. Bende var.")
    found = packed.findings(rule="tr-yazim.de-da-zamir")
    assert [(f["match"], f["suggestions"], f["level"]) for f in found] == [("Bende", ["Ben de"], "warning")]


def test_packs_apply_to_turkish_posts_only(packed):
    assert rule_hits(packed, "Herkez dedimki varmı?", lang="en") == []


def test_fix_rewrites_pack_swaps(packed):
    path = packed.post("p", "Malesef bu ürün tükendi.")
    packed.run("check", "--grammar", "off", "--fix")
    assert "Maalesef bu ürün tükendi." in path.read_text(encoding="utf-8")
