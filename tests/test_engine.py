"""The engine gives the same findings whether it forks workers or not."""

from __future__ import annotations

from typing import Any

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
    from checks.gitdiff import Changes
    from checks.options import Options

    brand = load_brand(repo.root / "brand")
    now = datetime.now(brand.timezone)
    assert not engine.posts_needed(Context(brand, now, Options(grammar="off")))
    assert engine.posts_needed(Context(brand, now, Options(grammar="auto")))
    changes = Changes(repo.root, "HEAD", "0" * 40, "")
    assert engine.posts_needed(Context(brand, now, Options(grammar="off", base="HEAD", git_changes=changes)))
    repo.write("brand/calendar.yml", "daily_limit: {x: 1}\n")
    brand = load_brand(repo.root / "brand")
    assert engine.posts_needed(Context(brand, now, Options(grammar="off")))


def test_options_are_frozen_and_carry_the_git_changes(repo: Repo) -> None:
    import dataclasses

    from checks.options import Options

    with pytest.raises(ValueError, match="git changes"):
        Options(base="HEAD")  # a base whose changes nobody asked git for would check nothing
    options = Options(grammar="auto")
    with pytest.raises(dataclasses.FrozenInstanceError):
        options.grammar = "off"  # type: ignore[misc]


def test_parallel_run_without_checks_across_posts(repo: Repo, monkeypatch: pytest.MonkeyPatch) -> None:
    repo.rules("rules:\n  - {id: banned, kind: ban, terms: [ucuz]}\n")
    for i in range(7):
        repo.post(f"p{i}", f"Gönderi {i} çok ucuz\n")
    _, serial = repo.check_json()
    monkeypatch.setattr(engine, "PARALLEL_FROM", 2)
    _, parallel = repo.check_json("--jobs", "2")
    assert parallel == serial and len(serial["findings"]) == 7



def test_parallel_results_stream_back_whole_and_fix_the_same(repo: Repo, monkeypatch: pytest.MonkeyPatch) -> None:
    """Workers send each chunk's findings as plain tuples as soon as it is done; with more than
    a pipe's buffer of them (here about 1.5 MB), every finding, suggestion and fix must arrive
    as the serial run makes them, and --fix must rewrite the same files."""
    repo.rules("rules:\n  - {id: online, kind: prefer, swap: {online: çevrim içi}}\n"
               "  - {id: banned, kind: ban, terms: [ucuz]}\n")
    for i in range(120):
        repo.post(f"p{i:03d}", "Online alışveriş ucuz değil. " * 60 + f"Gönderi {i}.\n")
    _, serial = repo.check_json()
    monkeypatch.setattr(engine, "PARALLEL_FROM", 2)
    _, parallel = repo.check_json("--jobs", "2")
    assert parallel == serial
    assert len(serial["findings"]) == 120 * 120
    code, _, _ = repo.run("check", "--grammar", "off", "--jobs", "2", "--fix")
    assert code == 1  # the banned word stays
    text = (repo.root / "content/posts/2027/03/p007.md").read_text(encoding="utf-8")
    assert "Online" not in text and text.count("Çevrim içi alışveriş") == 60

def test_console_entry_flushes_the_report_and_keeps_the_exit_code(repo: Repo) -> None:
    """The console script exits without tearing the heap down (os._exit): a short report still
    sitting in the stream's buffer and a long one written at once must both arrive whole, with
    the check's exit code."""
    import json
    import os
    import subprocess
    import sys

    repo.rules("rules:\n  - {id: banned, kind: ban, level: error, terms: [ucuz]}\n")
    repo.post("p00", "Bu ucuz bir deneme.")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}  # buffered, as for a user
    env["EKIP_CACHE_DIR"] = str(repo.root / ".cache")

    def run(fmt: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "checks", "check", "--grammar", "off", "--format", fmt],
                              cwd=repo.root, env=env, capture_output=True, text=True)

    short = run("text")
    assert short.returncode == 1
    assert "voice.banned" in short.stdout and "1 hata" in short.stdout.splitlines()[-1]
    for i in range(1, 40):
        repo.post(f"p{i:02d}", "Bu ucuz bir deneme. " * 50)
    long = run("json")
    assert long.returncode == 1
    report = json.loads(long.stdout)
    assert report["files"] == 40
    assert sum(f["rule"] == "voice.banned" for f in report["findings"]) == 1 + 39 * 50


def test_many_jobs_take_every_chunk_once(repo: Repo, monkeypatch: pytest.MonkeyPatch) -> None:
    """Chunk numbers are single bytes in a pipe: with more jobs than fit, every post is still
    checked exactly once."""
    repo.rules("rules:\n  - {id: banned, kind: ban, terms: [ucuz]}\n")
    for i in range(40):
        repo.post(f"p{i:02d}", f"Gönderi {i} çok ucuz\n")
    monkeypatch.setattr(engine, "PARALLEL_FROM", 2)
    _, doc = repo.check_json("--jobs", "20")
    assert doc["files"] == 40
    assert sorted(f["path"] for f in doc["findings"]) == sorted(
        f"content/posts/2027/03/p{i:02d}.md" for i in range(40))


def test_jobs_reach_the_engine_through_the_options(repo: Repo, monkeypatch: pytest.MonkeyPatch) -> None:
    """``--jobs N`` is carried by the run's options: the engine starts N - 1 workers."""
    for i in range(3):
        repo.post(f"p{i}", "Merhaba.")
    monkeypatch.setattr(engine, "PARALLEL_FROM", 2)
    seen: list[int] = []
    real = engine._check_parallel

    def spy(items: list[str], ctx: Any, jobs: int, keep_posts: bool) -> Any:
        seen.append(jobs)
        return real(items, ctx, jobs, keep_posts)

    monkeypatch.setattr(engine, "_check_parallel", spy)
    repo.check_json("--jobs", "3")
    assert seen == [3]
