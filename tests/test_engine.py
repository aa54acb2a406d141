"""The engine gives the same findings whether it forks workers or not."""

from __future__ import annotations

import pytest

from checks import engine
from tests.conftest import Repo


def test_parallel_run_matches_serial(repo: Repo, monkeypatch: pytest.MonkeyPatch) -> None:
    repo.rules("rules:\n  - {id: banned, kind: ban, terms: [ucuz]}\n")
    repo.write("brand/calendar.yml", "daily_limit: {x: 1}\nquiet_periods:\n"
               "  - {id: anma, start: 2027-03-05T00:00:00+03:00, end: 2027-03-06T00:00:00+03:00}\n")
    for i in range(6):
        repo.post(f"p{i}", f"Gönderi {i} çok ucuz #UcuzFırsat\n", platforms="[x]", status="review",
                  date=f"2027-03-0{4 + i % 2}T1{i}:00:00+03:00")
    repo.write("content/posts/bozuk.md", "başlıksız\n")
    _, serial = repo.check_json()
    monkeypatch.setattr(engine, "PARALLEL_FROM", 2)
    _, parallel = repo.check_json("--jobs", "2")
    assert parallel == serial
    rules = {f["rule"] for f in serial["findings"]}
    assert {"voice.banned", "calendar.daily-limit", "calendar.quiet-period", "file.front-matter"} <= rules


def test_posts_are_kept_only_when_a_check_across_posts_has_work(repo: Repo) -> None:
    from datetime import datetime

    from checks.brand.loader import load_brand
    from checks.context import Context

    brand = load_brand(repo.root / "brand")
    now = datetime.now(brand.timezone)
    assert not engine.posts_needed(Context(brand, now, {"grammar": "off"}))
    assert engine.posts_needed(Context(brand, now, {"grammar": "auto"}))
    assert engine.posts_needed(Context(brand, now, {"grammar": "off", "base": "HEAD"}))
    repo.write("brand/calendar.yml", "daily_limit: {x: 1}\n")
    brand = load_brand(repo.root / "brand")
    assert engine.posts_needed(Context(brand, now, {"grammar": "off"}))


def test_parallel_run_without_checks_across_posts(repo: Repo, monkeypatch: pytest.MonkeyPatch) -> None:
    repo.rules("rules:\n  - {id: banned, kind: ban, terms: [ucuz]}\n")
    for i in range(7):
        repo.post(f"p{i}", f"Gönderi {i} çok ucuz\n")
    _, serial = repo.check_json()
    monkeypatch.setattr(engine, "PARALLEL_FROM", 2)
    _, parallel = repo.check_json("--jobs", "2")
    assert parallel == serial and len(serial["findings"]) == 7
