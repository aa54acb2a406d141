"""Findings speak the team's language: a repository whose posts trigger (nearly) every built-in
check, every rule kind's default message and the built-in packs is checked under the
pseudo-language (every catalogued message comes back marked ``⟦…⟧``), and what is left of each
finding's message once the marked parts are taken out must be data only: the user's own text,
ids, numbers, paths, values from the brand files. The same run in ``--lang en`` and ``--lang tr``
gives the expected wording for a few representative findings.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from checks import i18n, registry
from tests.conftest import TEAM_YML, Repo
from tests.support.pseudo import Pseudo, unmarked

BRAND = """\
name: Test Marka
timezone: Europe/Istanbul
default_lang: tr
packs: [tr-yazim, kvkk]
approvals:
  approved: {roles: [manager], count: 1}
utm_domains: [ornek.com.tr]
disclosure_tags: ['#reklam']
hashtags: {banned: ['#yasak'], campaigns: {bahar: ['#Bahar2027']}}
"""
CALENDAR = """\
daily_limit: {facebook: 1}
min_gap_minutes: {x: 30}
quiet_periods:
  - {id: sessiz, name: Sessiz Gün, start: '2027-04-01T00:00:00+03:00', end: '2027-04-02T00:00:00+03:00'}
"""
SENSITIVE = """\
topics:
  - {id: deprem, name: Deprem, terms: [deprem], action: approval, approvers: [crisis-lead]}
  - {id: siyaset, name: Siyaset, terms: [miting], action: block}
  - {id: yas, name: Yas, terms: [vefat], action: warn}
"""
CRISIS = "active: true\nsince: 2027-03-20T00:00:00+03:00\nseverity: high\nreason: test\n"
RULES = """\
rules:
  - {id: ban, kind: ban, terms: [ucuz], patterns: ['(?i)\\bşok fiyat\\w*']}
  - {id: prefer, kind: prefer, swap: {online: çevrim içi}}
  - {id: casing, kind: casing, names: [iPhone]}
  - {id: pattern, kind: pattern, regex: '!!+'}
  - {id: emoji, kind: limit, count: ':hashtag:', max: 2}
  - {id: require, kind: require, terms: ['@ornek'], within: 40}
  - {id: okunur, kind: readability, min_score: 99, min_words: 5}
  - {id: ki, kind: yazim, check: ki}
"""

APPROVED = "[{by: mehmet, at: '2027-03-01T09:00:00+03:00'}]"
POSTS: dict[str, tuple[str, dict[str, Any]]] = {
    # platform.length, links.https, links.utm, links.count (threads), hashtags (count, banned,
    # camelcase), the rule kinds, the packs, pii, sensitive topics
    "a": ("Çok ucuz şok fiyatlar!! herkez gelsin, online alın iphone ile. Bilmiyorumki geldi mi.\n"
          "http://ornek.com.tr/a https://b.example/1 https://b.example/2 https://b.example/3 "
          "https://b.example/4 https://b.example/5 #yasak #bahar #cokguzelkampanya #bir #iki\n"
          "Bize 0532 123 45 67 numarasından ulaşın; yorumda telefon numaranızı yazın.\n"
          "Deprem ve miting ve vefat. " + "uzun " * 60,
          {"platforms": "[x, threads, instagram]", "campaign": "bahar", "sponsored": "true"}),
    # workflow.author, workflow.approval, workflow.overdue, posted, platform.media / alt-text
    "b": ("Merhaba @ornek.\n", {"author": "zeynep", "status": "approved", "date": "2027-03-01T10:00:00+03:00",
                                "posted": "{linkedin: 'https://x.com/a/status/1'}",
                                "media": "[{path: media/yok.png}]"}),
    # schema errors: unknown key, enum, type
    "c": ("Merhaba @ornek.\n", {"status": "taslak", "title": "5", "renk": "mavi"}),
    # calendar: daily limit, gap, quiet period; crisis.paused
    "d1": ("Birinci @ornek.\n", {"date": "2027-03-25T10:00:00+03:00", "platforms": "[facebook, x]",
                                  "status": "scheduled", "approvals": APPROVED}),
    "d2": ("İkinci @ornek.\n", {"date": "2027-03-25T10:10:00+03:00", "platforms": "[facebook, x]",
                                 "status": "scheduled", "approvals": APPROVED}),
    "e": ("Sessiz @ornek.\n", {"date": "2027-04-01T12:00:00+03:00"}),
    # suppression without a reason, file.front-matter
    "f": ("<!-- ekip-disable-next-line voice.ban -->\nucuz @ornek\n", {}),
}


def _repo(root: Path) -> Repo:
    repo = Repo(root)
    repo.write("brand/brand.yml", BRAND)
    repo.write("brand/team.yml", TEAM_YML)
    repo.write("brand/calendar.yml", CALENDAR)
    repo.write("brand/sensitive.yml", SENSITIVE)
    repo.write("brand/crisis.yml", CRISIS)
    repo.write("brand/rules/voice.yml", RULES)
    for name, (body, front) in POSTS.items():
        repo.post(name, body, **front)
    repo.write("content/posts/2027/03/g.md", "Ön bilgisi olmayan bir gönderi.\n")
    repo.write("content/posts/2027/03/h.md", b"---\ntitle: x\n---\nbozuk \xff bayt\n")  # not UTF-8
    repo.write("content/posts/2027/03/i.md", b"---\ntitle: x\n---\nNUL \x00 bayt\n")
    return repo


ARGS = ("check", "--format", "json", "--grammar", "off", "--now", "2027-03-10T12:00:00+03:00")


def _findings(repo: Repo, *lang: str, extra: tuple[str, ...] = ()) -> list[dict[str, Any]]:
    import json

    code, out, err = repo.run(*lang, *ARGS, *extra)
    assert code in (0, 1), err
    findings: list[dict[str, Any]] = json.loads(out)["findings"]
    return findings


@pytest.fixture
def fixture_repo(tmp_path: Path) -> Repo:
    i18n.reset()
    yield _repo(tmp_path)
    i18n.reset()


def _data_words(repo: Repo) -> set[str]:
    """Every word a finding may repeat as data: the words of the repository's files."""
    words: set[str] = set()
    for path in repo.root.rglob("*"):
        if path.is_file() and ".cache" not in path.parts and ".git" not in path.parts:
            text = path.read_bytes().decode("utf-8", errors="replace")
            words.update(w.casefold() for w in re.findall(r"\w+", text))
    return words


REACHED = {
    "platform.length", "platform.hashtags", "platform.media", "platform.alt-text", "links.https", "links.utm",
    "links.count", "disclosure", "pii", "workflow.author", "workflow.approval", "workflow.overdue", "posted",
    "calendar.daily-limit", "calendar.gap", "calendar.quiet-period", "crisis.paused", "schema",
    "file.front-matter", "file.encoding", "suppression", "sensitive.deprem", "sensitive.siyaset", "sensitive.yas",
    "voice.ban", "voice.prefer", "voice.casing", "voice.pattern", "voice.emoji", "voice.require",
    "voice.okunur", "voice.ki", "tr-yazim.yazim-yanlislari", "kvkk.yorumda-kisisel-veri",
}


def test_every_finding_message_goes_through_the_catalogs(fixture_repo: Repo) -> None:
    with i18n.using(Pseudo()):
        findings = _findings(fixture_repo)
    ids = {f["rule"] for f in findings}
    assert ids >= REACHED, sorted(REACHED - ids)
    data = _data_words(fixture_repo) | {w.casefold() for f in findings for w in re.findall(r"\w+", f["rule"])}
    # what the schema shows of the JSON Schema itself (type names, formats, the known keys)
    schema = (Path(__file__).resolve().parent.parent / "checks" / "data" / "post.schema.json").read_text("utf-8")
    data |= {w.casefold() for w in re.findall(r"\w+", schema)}
    leftovers = []
    for f in findings:
        rest = unmarked(f["message"])
        words = [w for w in re.findall(r"[^\W\d_]{2,}", rest) if w.casefold() not in data]
        if words:
            leftovers.append((f["rule"], f["message"], words))
    assert not leftovers, leftovers


def _message(findings: list[dict[str, Any]], rule: str) -> str:
    return next(f["message"] for f in findings if f["rule"] == rule)


def test_findings_in_english_and_in_turkish(fixture_repo: Repo) -> None:
    english = _findings(fixture_repo, "--lang", "en")
    i18n.reset()
    turkish = _findings(fixture_repo, "--lang", "tr")
    assert _message(english, "links.https").startswith("Unencrypted link (http): 'http://ornek.com.tr/a'.")
    assert _message(turkish, "links.https").startswith("Bağlantı şifresiz (http): 'http://ornek.com.tr/a'.")
    assert _message(english, "voice.ban") == "'ucuz' does not fit our brand voice."
    assert _message(turkish, "voice.ban") == "'ucuz' marka dilimize uymuyor."
    assert _message(english, "tr-yazim.yazim-yanlislari") == "Misspelling: 'herkes', not 'herkez' (TDK)."
    assert _message(turkish, "tr-yazim.yazim-yanlislari") == "Yazım yanlışı: 'herkez' değil, 'herkes' (TDK)."
    schema_en = [f["message"] for f in english if f["rule"] == "schema"]
    assert any("unknown key 'renk'" in m for m in schema_en), schema_en
    assert any("'taslak' is not one of" in m for m in schema_en), schema_en
    schema_tr = [f["message"] for f in turkish if f["rule"] == "schema"]
    assert any("bilinmeyen anahtar 'renk'" in m for m in schema_tr), schema_tr
    assert any("'taslak' şunlardan biri değil" in m for m in schema_tr), schema_tr
    assert _message(english, "sensitive.deprem").startswith("'Deprem' is a sensitive topic: Deprem.")
    assert _message(turkish, "sensitive.deprem").startswith("'Deprem' hassas konu: Deprem.")
    # the same findings, the same places, in both languages
    assert [(f["rule"], f["line"], f["column"]) for f in english] == [
        (f["rule"], f["line"], f["column"]) for f in turkish]


def test_a_teams_own_message_is_shown_as_written(fixture_repo: Repo) -> None:
    fixture_repo.write("brand/rules/voice.yml",
                       "rules:\n  - {id: ban, kind: ban, terms: [ucuz], message: 'Bizce {match} olmaz.'}\n")
    assert _message(_findings(fixture_repo, "--lang", "en"), "voice.ban") == "Bizce ucuz olmaz."


def test_every_builtin_rule_description_has_a_turkish_translation() -> None:
    i18n.activate("tr")
    try:
        for entry in registry.source_builtin():
            turkish = registry.translated(entry.id)
            assert turkish and turkish != entry.description, entry.id
    finally:
        i18n.reset()


def _git(root: Path, *args: str) -> None:
    import subprocess

    subprocess.run(["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", "-c", "commit.gpgsign=false",
                    *args], cwd=root, check=True, capture_output=True)


def test_git_aware_findings_go_through_the_catalogs(tmp_path: Path) -> None:
    repo = Repo(tmp_path)
    repo.write("brand/brand.yml", BRAND)
    repo.write("brand/team.yml", TEAM_YML)
    published = {"status": "published", "approvals": APPROVED, "date": "2027-03-01T10:00:00+03:00"}
    approved = {"status": "approved", "approvals": APPROVED, "date": "2027-03-30T10:00:00+03:00"}
    repo.post("yayinda", "İlk metin @ornek.\n", **published)
    repo.post("onayli", "İlk metin @ornek.\n", **approved)
    _git(tmp_path, "init", "-q")
    _git(tmp_path, "add", "-A")
    _git(tmp_path, "commit", "-q", "-m", "ilk")
    repo.post("yayinda", "Değişmiş metin @ornek.\n", **published)
    repo.post("onayli", "Değişmiş metin @ornek.\n", **approved)
    i18n.reset()
    try:
        with i18n.using(Pseudo()):
            findings = _findings(repo, extra=("--base", "HEAD"))
    finally:
        i18n.reset()
    found = {(f["rule"], f["path"].rsplit("/", 1)[-1]) for f in findings}
    assert {("workflow.published-edit", "yayinda.md"), ("workflow.approval", "onayli.md")} <= found, found
    data = _data_words(repo) | {"head"}
    leftovers = [(f["rule"], f["message"]) for f in findings
                 if [w for w in re.findall(r"[^\W\d_]{2,}", unmarked(f["message"])) if w.casefold() not in data]]
    assert not leftovers, leftovers
