"""Every rule kind, its scope (lang, platforms) and its examples through `ekip rules test`."""

from __future__ import annotations

from tests.conftest import Repo

RULES = """
rules:
  - id: banned
    kind: ban
    level: error
    message: "'{match}' yok."
    terms: [ucuz, bedava]
    patterns: ['\\bşok\\s+fiyat\\w*']
  - id: prefer
    kind: prefer
    message: "'{match}' yerine '{suggestion}'."
    swap: {online: çevrim içi, feedback: geri bildirim}
  - id: names
    kind: casing
    names: [Instagram, LinkedIn, Türk Telekom]
  - id: bang
    kind: limit
    count: '!'
    max: 1
  - id: short-sentences
    kind: limit
    count: ':word:'
    max: 4
    scope: sentence
  - id: some-hashtag
    kind: limit
    count: ':hashtag:'
    min: 1
    level: info
  - id: shouting
    kind: pattern
    regex: '\\b[A-ZÇĞİÖŞÜ]{5,}\\b'
  - id: disclosure
    kind: require
    when: {sponsored: true}
    terms: ['#reklam', '#işbirliği']
    within: 20
"""


def rules_of(repo: Repo, body: str, **front: object) -> list[tuple[str, str]]:
    repo.rules(RULES)
    repo.post("a", body, **front)
    return [(f["rule"], f["match"]) for f in repo.findings()]


def test_ban_terms_and_patterns(repo: Repo) -> None:
    found = rules_of(repo, "Bedavaya şok fiyatlar #x")
    assert ("voice.banned", "Bedavaya") in found
    assert ("voice.banned", "şok fiyatlar") in found


def test_ban_pattern_is_case_sensitive(repo: Repo) -> None:
    assert ("voice.banned", "Şok fiyatlar") not in rules_of(repo, "Şok fiyatlar #x")


def test_prefer_suggestion_keeps_case_and_suffix(repo: Repo) -> None:
    repo.rules(RULES)
    repo.post("a", "Online mağaza, feedbackleriniz #x")
    found = [f for f in repo.findings() if f["rule"] == "voice.prefer"]
    assert [(f["match"], f["suggestions"]) for f in found] == [
        ("Online", ["Çevrim içi"]),
        ("feedbackleriniz", ["geri bildirimleriniz"]),
    ]
    assert found[0]["message"] == "'Online' yerine 'Çevrim içi'."


def test_casing_keeps_suffix(repo: Repo) -> None:
    repo.rules(RULES)
    repo.post("a", "instagram'da, LINKEDIN ve türk telekom'un. Instagram doğru. #x")
    found = [(f["match"], f["suggestions"]) for f in repo.findings() if f["rule"] == "voice.names"]
    assert found == [
        ("instagram'da", ["Instagram'da"]),
        ("LINKEDIN", ["LinkedIn"]),
        ("türk telekom'un", ["Türk Telekom'un"]),
    ]


def test_limit_post_and_sentence(repo: Repo) -> None:
    found = rules_of(repo, "Bir! İki! Bu cümle beş kelimeden oluşuyor. Kısa. #x")
    assert [m for r, m in found if r == "voice.bang"] == ["!"]  # the second one
    assert [r for r, _ in found].count("voice.short-sentences") == 1


def test_limit_at_the_bound_passes(repo: Repo) -> None:
    found = rules_of(repo, "Tek ünlem! #x")
    assert "voice.bang" not in [r for r, _ in found]


def test_limit_min(repo: Repo) -> None:
    assert "voice.some-hashtag" in [r for r, _ in rules_of(repo, "Etiketsiz")]
    assert "voice.some-hashtag" not in [r for r, _ in rules_of(repo, "Etiketli #x")]


def test_pattern(repo: Repo) -> None:
    assert ("voice.shouting", "HEMEN") in rules_of(repo, "HEMEN gelin #x")


def test_require_only_when_condition_holds(repo: Repo) -> None:
    assert "voice.disclosure" not in [r for r, _ in rules_of(repo, "Yeni ürün #x")]
    assert "voice.disclosure" in [r for r, _ in rules_of(repo, "Yeni ürün çok güzel oldu #reklam", sponsored="true")]
    assert "voice.disclosure" not in [r for r, _ in rules_of(repo, "#Reklam yeni ürün", sponsored="true")]


def test_lang_and_platform_scope(repo: Repo) -> None:
    repo.rules("""
rules:
  - id: tr-only
    kind: ban
    terms: [sale]
    lang: [tr]
  - id: x-only
    kind: ban
    terms: [thread]
    platforms: [x]
""")
    repo.post("a", "sale thread", lang="en", platforms="[x]")
    repo.post("b", "sale thread", lang="tr", platforms="[facebook]")
    found = {(f["path"].split("/")[-1], f["rule"]) for f in repo.findings()}
    assert found == {("a.md", "voice.x-only"), ("b.md", "voice.tr-only")}


def test_rules_test_passes_and_fails(repo: Repo) -> None:
    good = """
rules:
  - id: banned
    kind: ban
    terms: [ucuz]
    examples: {bad: ["Çok ucuza"], good: ["Uygun fiyatlı"]}
  - id: disclosure
    kind: require
    when: {sponsored: true}
    terms: ['#reklam']
    examples: {bad: ["Yeni ürün"], good: ["#reklam Yeni ürün"]}
"""
    repo.rules(good)
    code, out, _ = repo.run("rules", "test")
    assert code == 0, out
    assert "2 geçti, 0 başarısız" in out
    repo.rules(good.replace('good: ["Uygun fiyatlı"]', 'good: ["Bu ucuz"]').replace('bad: ["Çok ucuza"]',
                                                                                    'bad: ["Pahalı"]'))
    code, out, _ = repo.run("rules", "test")
    assert code == 1
    assert "kötü örnek yakalanmadı: 'Pahalı'" in out
    assert "iyi örnek 1 kez işaretlendi: 'Bu ucuz'" in out


def test_rules_list(repo: Repo) -> None:
    repo.rules(RULES)
    code, out, _ = repo.run("rules", "list")
    assert code == 0
    for rid in ("voice.banned", "voice.prefer", "voice.names", "voice.bang", "voice.shouting", "voice.disclosure"):
        assert rid in out


def test_unknown_count_class_stops_the_run(repo: Repo) -> None:
    repo.rules("rules:\n  - {id: x, kind: limit, count: ':emoj:', max: 1}\n")
    repo.post("a", "Merhaba")
    code, _, err = repo.run("check")
    assert code == 2 and "brand/rules/voice.yml:2: rule 'x': unknown count ':emoj:'" in err
