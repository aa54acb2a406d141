"""The tr-yazim writing checks (checks/yazim/) on the issue's examples and on traps."""

from __future__ import annotations

import pytest

from checks.yazim import dada, forms, kesme, ki, soru, zamir

NAMES = kesme.build_names(["Örnek Giyim", "Zeynep Arslan", "Zeynep", "Arslan", "ÖrnekKart"])


def hits(find, text: str) -> list[tuple[str, str]]:
    return [(text[h.start:h.end], h.suggestion) for h in find(text, forms.fold(text), NAMES)]


@pytest.mark.parametrize(("find", "text", "expected"), [
    (soru.find, "Siparişim ulaştımı?", [("ulaştımı", "ulaştı mı")]),
    (soru.find, "Sınavı geçtimi?", [("geçtimi", "geçti mi")]),
    (soru.find, "Çayınızı içtinizmi?", [("içtinizmi", "içtiniz mi")]),
    (soru.find, "Biliyormuydunuz?", [("Biliyormuydunuz", "Biliyor muydunuz")]),
    (soru.find, "Kargom yoldamı?", [("yoldamı", "yolda mı")]),
    (ki.find, "Bilinki her ürün özenle hazırlanıyor.", [("Bilinki", "Bilin ki")]),
    (ki.find, "Umarızki beğenirsiniz.", [("Umarızki", "Umarız ki")]),
    (dada.find_hard, "Bu paket te ücretsiz, saat te hediye.", [("te", "de"), ("te", "de")]),
    (dada.find_hard, "Kitap ta indirimde.", [("ta", "da")]),
    (dada.find_glued, "Hafta sonuda açığız.", [("sonuda", "sonu da")]),
    (dada.find_glued, "İkiside güzel, anlatsada dinlemedi.", [("İkiside", "İkisi de"), ("anlatsada", "anlatsa da")]),
    (dada.find_glued, "Çokta uzun sürmedi.", [("Çokta", "Çok da")]),
    (zamir.find, "Bende çok beğendim.", [("Bende", "Ben de")]),
    (zamir.find, "Sizde geliyor musunuz?", [("Sizde", "Siz de")]),
    (kesme.find_missing, "İzmirdeki, Türkiyede, Kadıköyde, Ankaraya, Antalyadaki",
     [("İzmirdeki", "İzmir'deki"), ("Türkiyede", "Türkiye'de"), ("Kadıköyde", "Kadıköy'de"),
      ("Ankaraya", "Ankara'ya"), ("Antalyadaki", "Antalya'daki")]),
    (kesme.find_missing, "Yeni sezon Örnek Giyimde, Zeynepten selamlar.",
     [("Giyimde", "Giyim'de"), ("Zeynepten", "Zeynep'ten")]),
    (kesme.find_wrong, "Mağaza'mızda Kargo'nuz ve Sipariş'inizi; İzmir'li",
     [("Mağaza'mızda", "Mağazamızda"), ("Kargo'nuz", "Kargonuz"), ("Sipariş'inizi", "Siparişinizi"),
      ("İzmir'li", "İzmirli")]),
])
def test_issue_examples_are_found_with_their_correction(find, text, expected):
    assert hits(find, text) == expected


@pytest.mark.parametrize(("find", "text"), [
    (soru.find, "Kedimi, yardımı, filmi, platformu ve resmi tatili sevdik."),
    (soru.find, "Sevgilimi mutlu etmek için aldım; ürün stokta varmış."),
    (ki.find, "Belki de sanki halbuki mağazadaki, yarınki, bizimki, şimdiki."),
    (dada.find_glued, "Hafta sonunda kapıda, masada, ikisinde de; hem de."),
    (dada.find_glued, "Arkadaşımda gördüm, geçmişte kaldı, gelecekte görüşürüz."),
    (dada.find_hard, "Ta ki yaz gelene kadar; ta sabaha kadar; saat 3'te."),
    (zamir.find, "Bu krem bende hiç sivilce yapmadı. Bende var. Bende kalsın. Sizde kaldım."),
    (kesme.find_missing, "İzmirli tasarımcılar. Kemerde bir sorun var. Vana bozuldu; İtalyan kumaşı."),
    (kesme.find_missing, "Ege Adaları ve Kızıl Ordusu; Giyimde yenilik."),
    (kesme.find_wrong, "Deniz'in, Kaya'nın, ABD'li, KDV'li, TL'ye, 3'te, 29 Ekim'de, Wordpress.org'dan."),
])
def test_correct_turkish_is_left_alone(find, text):
    assert hits(find, text) == []


def test_nominal_endings_follow_harmony_and_assimilation():
    assert {"ta", "tan", "ı", "ımızda"} <= forms.nominal_endings("a", "p")
    assert "da" not in forms.nominal_endings("a", "p")  # kitap + da is no locative
    assert {"m", "mi", "nin", "si", "sinde"} <= forms.nominal_endings("i", "i")
    assert "sinda" not in forms.nominal_endings("i", "i")


def test_noun_and_verb_readings():
    assert forms.noun_reading("kedimi") == "kedi"
    assert forms.noun_reading("yardımı") == "yardım"
    assert forms.noun_reading("resmi") is not None
    assert forms.noun_reading("ulaştımı") is None
    assert forms.verb_reading("ulaştı") == ("ulaş", "tı")
    assert forms.verb_reading("gidelim") == ("git", "elim")
    assert forms.verb_reading("kedi") is None
