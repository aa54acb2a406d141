"""sensitive.<topic id>: block, approval (cleared by the right role, never the author), warn."""

from __future__ import annotations

import pytest

from tests.conftest import Repo

SENSITIVE = """\
topics:
  - id: deprem
    name: Deprem ve afetler
    terms: [deprem, afet, enkaz, sel felaketi]
    action: approval
    approvers: [crisis-lead]
  - id: afetzede
    terms: [depremzede]
    action: approval
    approvers: [crisis-lead]
  - id: siyaset
    name: Siyaset
    terms: [seçim, parti, miting]
    action: block
  - id: rakipler
    name: Rakip markalar
    terms: [Moda Rakip]
    action: warn
  - id: english-only
    terms: [earthquake]
    action: block
    lang: [en]
"""
TEAM = """\
members:
  ayse: {name: Ayşe Yılmaz, roles: [writer]}
  mehmet: {name: Mehmet Kaya, roles: [manager]}
  okan: {name: Okan Çelik, roles: [crisis-lead]}
  sinan: {name: Sinan Er, roles: [crisis-lead, writer]}
"""


@pytest.fixture
def srepo(repo: Repo) -> Repo:
    repo.write("brand/sensitive.yml", SENSITIVE)
    repo.write("brand/team.yml", TEAM)
    return repo


def hits(repo: Repo, body: str, **front: str) -> list[tuple[str, str, str]]:
    repo.post("p", body, **front)
    return [(f["rule"], f["level"], f["match"]) for f in repo.findings(rule="sensitive")]


def test_block_is_always_an_error(srepo: Repo) -> None:
    found = srepo.post("p", "Yarınki mitinge davetlisiniz.", topics="[siyaset]",
                       approvals='[{by: okan, at: "2027-02-01T10:00:00+03:00"}]')
    assert found.exists()
    result = srepo.findings(rule="sensitive")
    assert [(f["rule"], f["level"], f["match"], f["line"], f["column"]) for f in result] == [
        ("sensitive.siyaset", "error", "mitinge", 11, 9)]
    assert "Siyaset" in result[0]["message"]


def test_approval_topic_needs_the_right_role(srepo: Repo) -> None:
    body = "Deprem bölgesine yardım kolileri yola çıktı."
    assert hits(srepo, body) == [("sensitive.deprem", "error", "Deprem")]
    msg = srepo.findings(rule="sensitive")[0]["message"]
    assert "crisis-lead" in msg and "Deprem ve afetler" in msg
    # a manager is not a crisis lead
    assert hits(srepo, body, approvals='[{by: mehmet, at: "2027-02-01T10:00:00+03:00"}]') != []
    # an unknown member does not clear it
    assert hits(srepo, body, approvals='[{by: zeki, at: "2027-02-01T10:00:00+03:00"}]') != []
    # the crisis lead does
    assert hits(srepo, body, approvals='[{by: okan, at: "2027-02-01T10:00:00+03:00"}]') == []
    # one approval among others is enough
    assert hits(srepo, body, approvals='[{by: mehmet, at: "2027-02-01T10:00:00+03:00"}, '
                                       '{by: okan, at: "2027-02-01T11:00:00+03:00"}]') == []


def test_author_never_clears_own_sensitive_post(srepo: Repo) -> None:
    body = "Deprem bölgesine yardım kolileri yola çıktı."
    approvals = '[{by: sinan, at: "2027-02-01T10:00:00+03:00"}]'
    assert hits(srepo, body, author="sinan", approvals=approvals) == [("sensitive.deprem", "error", "Deprem")]
    assert hits(srepo, body, author="ayse", approvals=approvals) == []


def test_warn_is_a_warning_unless_declared(srepo: Repo) -> None:
    body = "Moda Rakip'in yeni mağazasına komşuyuz."
    assert hits(srepo, body) == [("sensitive.rakipler", "warning", "Moda Rakip'in")]
    assert hits(srepo, body, topics="[rakipler]") == []
    assert hits(srepo, body, topics="[deprem]") == [("sensitive.rakipler", "warning", "Moda Rakip'in")]


def test_declaring_does_not_clear_block_or_approval(srepo: Repo) -> None:
    assert hits(srepo, "Seçim sonuçları.", topics="[siyaset]") == [("sensitive.siyaset", "error", "Seçim")]
    assert hits(srepo, "Afet bölgesi.", topics="[deprem]") == [("sensitive.deprem", "error", "Afet")]


@pytest.mark.parametrize(("word", "rule"), [
    ("depremde", "sensitive.deprem"),
    ("Deprem'in", "sensitive.deprem"),
    ("DEPREM", "sensitive.deprem"),
    ("depremlerden", "sensitive.deprem"),
    ("afetlerin", "sensitive.deprem"),
    ("enkazı", "sensitive.deprem"),
    ("sel felaketinde", "sensitive.deprem"),
    ("partiye", "sensitive.siyaset"),
    ("seçimlerde", "sensitive.siyaset"),
    ("SEÇİM", "sensitive.siyaset"),
    # -zede keeps the meaning, so deprem reaches depremzedeler too; the longest listed term wins
    ("depremzedeler", "sensitive.afetzede"),
    ("depremzedelere", "sensitive.afetzede"),
    ("#DepremBölgesi", "sensitive.deprem"),
])
def test_turkish_forms_match(srepo: Repo, word: str, rule: str) -> None:
    assert [r for r, _, _ in hits(srepo, f"Bugün {word} konuşuldu.")] == [rule]


@pytest.mark.parametrize("text", [
    "Seçkin ürünlerimiz.",  # seç- is not seçim
    "Partisyon tablosu.",  # not a suffix
    "Selam! Sel suyu değil, felaket de değil.",  # a two-word term needs both words
    "Bahar partisi: `parti` kodu.",
    "https://ornek.com.tr/deprem-yardimi",  # never inside URLs
    "@depremhaber hesabına teşekkürler.",  # nor in mentions
    "<!-- deprem notu --> Yeni sezon.",  # nor in comments
])
def test_no_false_hits(srepo: Repo, text: str) -> None:
    found = hits(srepo, text)
    if text.startswith("Bahar"):
        assert found == [("sensitive.siyaset", "error", "partisi")]
    else:
        assert found == []


def test_meaning_keeping_derivations_match_look_alikes_do_not(repo: Repo) -> None:
    """Only ``deprem`` listed: ``depremzedeler`` is a form of it (-zede keeps the meaning);
    short topic terms do not hit the longer words they begin (``kar`` in ``karar``, ``din`` in
    ``dinlemek``: a verb made from the noun, which changes the meaning)."""
    repo.write("brand/sensitive.yml", "topics:\n  - {id: deprem, terms: [deprem, kar, din], action: warn}\n")
    assert hits(repo, "Depremzedeler için kampanya.") == [("sensitive.deprem", "warning", "Depremzedeler")]
    assert hits(repo, "Depremden etkilenenler için kampanya.") == [("sensitive.deprem", "warning", "Depremden")]
    assert hits(repo, "Kararımızı verdik, karıncaları ve dinlemeyi sevdik.") == []
    assert hits(repo, "Karda kaldık; dinî bayram.") == [("sensitive.deprem", "warning", "Karda"),
                                                          ("sensitive.deprem", "warning", "dinî")]


def test_topic_language_scope(srepo: Repo) -> None:
    assert hits(srepo, "The earthquake relief.", lang="en") == [("sensitive.english-only", "error", "earthquake")]
    assert hits(srepo, "earthquake", lang="tr") == []


def test_suppression_with_reason(srepo: Repo) -> None:
    body = "<!-- ekip-disable-next-line sensitive.deprem: onaylı yardım duyurusu -->\nDeprem bölgesine yardım."
    assert hits(srepo, body) == []


def test_odd_front_matter_never_crashes(srepo: Repo) -> None:
    for front in ({"topics": "deprem"}, {"topics": "[[1], {a: b}]"}, {"approvals": "[{by: [okan]}]"},
                  {"approvals": "okan"}, {"author": "[x]"}):
        srepo.post("p", "Deprem ve seçim.", **front)
        code, _out, err = srepo.run("check", "--grammar", "off", "--format", "json")
        assert code == 1 and "Traceback" not in err, front
