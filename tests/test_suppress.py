"""Inline suppression comments."""

from __future__ import annotations

from tests.conftest import Repo

BAN = """
rules:
  - id: banned
    kind: ban
    terms: [ucuz]
  - id: other
    kind: ban
    terms: [bedava]
"""


def lines(repo: Repo, body: str) -> list[tuple[int, str]]:
    repo.rules(BAN)
    repo.post("a", body)
    return [(f["line"], f["rule"]) for f in repo.findings()]


def test_disable_next_line(repo: Repo) -> None:
    body = "<!-- ekip-disable-next-line voice.banned: alıntı -->\nucuz bedava\nucuz\n"
    assert lines(repo, body) == [(10, "voice.other"), (11, "voice.banned")]


def test_disable_enable_block(repo: Repo) -> None:
    body = (
        "ucuz\n<!-- ekip-disable voice.banned: kampanya adı -->\nucuz\nucuz\n"
        "<!-- ekip-enable voice.banned -->\nucuz\n"
    )
    assert lines(repo, body) == [(9, "voice.banned"), (14, "voice.banned")]


def test_disable_until_end_and_glob(repo: Repo) -> None:
    body = "<!-- ekip-disable voice.*: eski metin -->\nucuz bedava\n"
    assert lines(repo, body) == []


def test_suppression_without_reason_is_a_warning(repo: Repo) -> None:
    body = "<!-- ekip-disable-next-line voice.banned -->\nucuz\n"
    repo.rules(BAN)
    repo.post("a", body)
    [f] = repo.findings()
    assert (f["rule"], f["level"], f["line"]) == ("suppression", "warning", 9)


def test_other_rules_are_not_suppressed(repo: Repo) -> None:
    body = "<!-- ekip-disable-next-line voice.other: neden -->\nucuz\n"
    assert lines(repo, body) == [(10, "voice.banned")]


def test_open_disable_covers_front_matter_findings(repo: Repo) -> None:
    repo.post("a", "Merhaba", status="yayinda")
    assert [f["rule"] for f in repo.findings()] == ["schema"]
    repo.post("a", "<!-- ekip-disable schema: eski durum adı, geçiş dönemi -->\nMerhaba", status="yayinda")
    assert repo.findings() == []
    # Closed again: the front matter is no longer covered.
    repo.post("a", "<!-- ekip-disable schema: x -->\nMerhaba\n<!-- ekip-enable schema -->", status="yayinda")
    assert [f["rule"] for f in repo.findings()] == ["schema"]
