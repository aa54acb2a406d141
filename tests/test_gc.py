"""The cyclic garbage collector is off during a run (a speed trick) and as it was afterwards:
``ekip check`` in-process, the site's check run and a failing run all restore it."""

from __future__ import annotations

import gc
import io
from collections.abc import Iterator
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest

from checks.cli import main
from checks.site import source

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def collector_on() -> Iterator[None]:
    gc.enable()
    yield
    gc.enable()


def run(*argv: str) -> int:
    with redirect_stdout(io.StringIO()), redirect_stderr(io.StringIO()):
        return main(list(argv))


def test_check_restores_the_collector() -> None:
    code = run("check", "--brand", str(ROOT / "brand"), "--grammar", "off", "--format", "json",
               str(ROOT / "content"))
    assert code in (0, 1) and gc.isenabled()


def test_check_that_fails_restores_the_collector(tmp_path: Path) -> None:
    (tmp_path / "brand").mkdir()
    (tmp_path / "brand" / "brand.yml").write_text("name: [unclosed\n", encoding="utf-8")
    assert run("check", "--brand", str(tmp_path / "brand"), str(tmp_path)) == 2
    assert gc.isenabled()


def test_check_leaves_a_disabled_collector_disabled() -> None:
    gc.disable()
    run("check", "--brand", str(ROOT / "brand"), "--grammar", "off", str(ROOT / "content"))
    assert not gc.isenabled()


def test_site_build_restores_the_collector() -> None:
    found = source.load(ROOT, jobs=1)
    assert found.posts and gc.isenabled()


def test_collector_is_off_while_posts_are_checked(monkeypatch: pytest.MonkeyPatch) -> None:
    from checks import engine

    states = []
    real = engine.check_post

    def spy(*args: object, **kwargs: object) -> object:
        states.append(gc.isenabled())
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(engine, "check_post", spy)
    run("check", "--brand", str(ROOT / "brand"), "--grammar", "off", "--jobs", "1", str(ROOT / "content"))
    assert states and not any(states) and gc.isenabled()
