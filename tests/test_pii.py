"""pii: Turkish ID numbers, TR IBANs, phone numbers and personal e-mail addresses (KVKK)."""

from __future__ import annotations

import pytest

from checks.builtin.pii import iban_valid, tckn_valid
from checks.personal import mask

VALID_TCKN = "10000000146"
VALID_IBAN = "TR33 0006 1005 1978 6457 8413 26"


def make_tckn(first9: str) -> str:
    d = [int(c) for c in first9]
    d10 = ((d[0] + d[2] + d[4] + d[6] + d[8]) * 7 - (d[1] + d[3] + d[5] + d[7])) % 10
    d11 = (sum(d) + d10) % 10
    return first9 + str(d10) + str(d11)


def pii(repo, body: str, brand: str | None = None, **front):
    if brand:
        repo.write("brand/brand.yml", brand)
    repo.post("p", body, **front)
    return repo.findings(rule="pii")


def at(repo, finding) -> str:
    """The text of the post where a finding points (its match is masked)."""
    lines = (repo.root / "content/posts/2027/03/p.md").read_text(encoding="utf-8").split("\n")
    assert finding["line"] == finding["end_line"]
    return lines[finding["line"] - 1][finding["column"] - 1:finding["end_column"] - 1]


def test_tckn_checksum():
    assert tckn_valid(VALID_TCKN)
    assert tckn_valid(make_tckn("123456789"))
    assert not tckn_valid("10000000147")
    assert not tckn_valid("01234567890")
    assert not tckn_valid("1000000014")


def test_valid_tckn_flagged(repo):
    number = make_tckn("398765432")
    found = pii(repo, f"Kazananın T.C. kimlik numarası {number} olarak kaydedildi.")
    assert len(found) == 1
    f = found[0]
    assert f["match"] == mask(number) == "398******74" and f["level"] == "error" and "kimlik" in f["message"]
    assert number not in f["message"] and at(repo, f) == number  # points at it, never repeats it


@pytest.mark.parametrize("number", ["10000000147", "12345678901", "99999999999", "01000000146"])
def test_other_eleven_digit_numbers_not_flagged(repo, number):
    assert pii(repo, f"Sipariş numaranız {number} olarak kaydedildi.") == []


def test_longer_numbers_and_decimals_not_flagged(repo):
    assert pii(repo, f"Kod 9{VALID_TCKN} ve {VALID_TCKN}5 ve 3,{VALID_TCKN} ve {VALID_TCKN}.5") == []


def test_number_in_url_not_flagged(repo):
    body = f"https://ornek.com.tr/siparis/{VALID_TCKN}?tel=05321234567 ve www.ornek.com.tr/{VALID_TCKN}"
    assert pii(repo, body) == []


def test_iban_checksum():
    assert iban_valid(VALID_IBAN)
    assert iban_valid(VALID_IBAN.replace(" ", ""))
    assert not iban_valid(VALID_IBAN.replace("TR33", "TR34"))
    assert not iban_valid("TR33 0006 1005 1978 6457 8413 27")


@pytest.mark.parametrize("iban", [VALID_IBAN, VALID_IBAN.replace(" ", ""), VALID_IBAN.replace(" ", "-")])
def test_valid_iban_flagged(repo, iban):
    found = pii(repo, f"Bağış için IBAN: {iban}. Teşekkürler.")
    assert len(found) == 1 and found[0]["match"] == mask(iban) and "IBAN" in found[0]["message"]
    assert at(repo, found[0]) == iban


def test_iban_with_wrong_check_digit_not_flagged(repo):
    assert pii(repo, "IBAN: TR34 0006 1005 1978 6457 8413 26") == []


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("+90 532 123 45 67", "cep"),
        ("+905321234567", "cep"),
        ("0090 532 123 4567", "cep"),
        ("0532 123 45 67", "cep"),
        ("0 (532) 123-45-67", "cep"),
        ("(0532) 123 45 67", "cep"),
        ("05321234567", "cep"),
        ("0532.123.45.67", "cep"),
        ("532 123 45 67", "cep"),
        ("0212 555 12 12", "sabit"),
        ("(0216) 444 55 66", "sabit"),
        ("+90 312 444 55 66", "sabit"),
        ("0 232 123 45 67", "sabit"),
    ],
)
def test_phone_formats(repo, text, kind):
    found = pii(repo, f"Bana şuradan ulaşın: {text}, akşama kadar.")
    assert len(found) == 1, found
    assert found[0]["match"] == mask(text) and text not in str(found) and at(repo, found[0]) == text
    assert ("cep telefonu" if kind == "cep" else "sabit telefon") in found[0]["message"]


@pytest.mark.parametrize(
    "text",
    [
        "0850 123 45 67",  # company service numbers
        "0800 123 45 67",
        "444 12 34",
        "5321234567",  # ten bare digits: an order number as likely as a phone
        "0299 123 45 67",  # not an area code
        "212 555 12 12",  # a landline without a prefix is too ambiguous
        "12.00 ile 20.00",
        "3–9 Kasım 2026",
    ],
)
def test_not_phones(repo, text):
    assert pii(repo, f"Bilgi: {text} arasında.") == []


def test_personal_email(repo):
    found = pii(repo, "Sorularınız için ayse.yilmaz@gmail.com adresine yazın.")
    assert len(found) == 1 and found[0]["match"] == "a***@g***.com"
    assert "yilmaz" not in str(found) and at(repo, found[0]) == "ayse.yilmaz@gmail.com"


def test_brand_role_addresses_are_not_personal(repo):
    brand = "name: Test\nutm_domains: [ornek.com.tr]\n"
    body = "Bize destek@ornek.com.tr, info@magaza.ornek.com.tr ya da KVKK@ornek.com.tr adresinden ulaşın."
    assert pii(repo, body, brand) == []
    # a person's address at the brand's domain is still a person's
    found = pii(repo, "Ekibimizden ayse.yilmaz@ornek.com.tr size dönecek.", brand)
    assert [f["match"] for f in found] == ["a***@o***.tr"]
    # a role name at someone else's domain is not the brand's
    assert len(pii(repo, "Yazın: destek@baska-firma.com", brand)) == 1


def test_brand_allow_list(repo):
    brand = ("name: Test\npii:\n  allow: ['0216 555 12 12', 'basin@ajans.com', "
             f"'{VALID_IBAN}']\n")
    body = f"Kadıköy mağazası: (0216) 555-12-12. Basın: Basin@ajans.com. Bağış: {VALID_IBAN.replace(' ', '')}"
    assert pii(repo, body, brand) == []
    assert len(pii(repo, "Başka: 0216 555 12 13", brand)) == 1


def test_pii_consent_drops_to_info(repo):
    body = f"Çekilişin kazananı: Ayşe Yılmaz, 0532 123 45 67, ayse@gmail.com, {VALID_TCKN}"
    found = pii(repo, body, pii_consent="'KVKK-2027-014 açık rıza formu'")
    assert len(found) == 3
    assert all(f["level"] == "info" and "KVKK-2027-014" in f["message"] for f in found)
    code, _ = repo.check_json()
    assert code == 0


def test_empty_consent_is_no_consent(repo):
    found = pii(repo, "Tel: 0532 123 45 67", pii_consent="' '")
    assert [f["level"] for f in found] == ["error"]


def test_comments_and_mentions_not_flagged(repo):
    body = f"<!-- iç not: {VALID_TCKN} 0532 123 45 67 -->\nMerhaba @ayse05321234567 ve `0532 123 45 67`"
    assert pii(repo, body) == []


def test_overlaps_reported_once(repo):
    found = pii(repo, f"IBAN {VALID_IBAN.replace(' ', '')} ve kimlik {VALID_TCKN}.")
    assert [f["message"].split(" (")[0] for f in found] == [
        "Metinde geçerli bir TR IBAN",
        "Metinde geçerli bir T.C. kimlik numarası",
    ]


def test_inline_suppression(repo):
    body = "<!-- ekip-disable-next-line pii: mağazanın kendi numarası -->\nMağaza: 0216 555 12 12\nTel: 0532 123 45 67"
    found = pii(repo, body)
    assert [f["match"] for f in found] == [mask("0532 123 45 67")] == ["053******67"]
