"""Shared test helpers: a throwaway repository with a brand and posts, and a CLI runner."""

from __future__ import annotations

import io
import json
import textwrap
from collections.abc import Callable
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from checks import i18n
from checks.cli import main

BRAND_YML = """\
name: Test Marka
timezone: Europe/Istanbul
default_lang: tr
packs: []
"""
TEAM_YML = """\
members:
  ayse: {name: Ayşe Yılmaz, roles: [writer]}
  mehmet: {name: Mehmet Kaya, roles: [manager]}
  okan: {name: Okan Çelik, roles: [crisis-lead]}
"""


def post_text(body: str, **front: Any) -> str:
    """A post with valid default front matter; keyword arguments override or add keys
    (a value of None removes the key)."""
    fm: dict[str, Any] = {
        "title": "Deneme",
        "date": "2027-03-01T10:00:00+03:00",
        "platforms": "[facebook]",
        "status": "draft",
        "author": "ayse",
    }
    fm.update(front)
    lines = [f"{k}: {v}" for k, v in fm.items() if v is not None]
    return "---\n" + "\n".join(lines) + "\n---\n\n" + body


@dataclass
class Repo:
    root: Path

    def write(self, rel: str, text: str | bytes) -> Path:
        p = self.root / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            p.write_bytes(text)
        else:
            p.write_text(textwrap.dedent(text) if text.startswith("\n") else text, encoding="utf-8")
        return p

    def post(self, name: str, body: str, **front: Any) -> Path:
        return self.write(f"content/posts/2027/03/{name}.md", post_text(body, **front))

    def rules(self, yaml_text: str, stem: str = "voice") -> Path:
        return self.write(f"brand/rules/{stem}.yml", textwrap.dedent(yaml_text))

    def run(self, *argv: str) -> tuple[int, str, str]:
        """Run ``ekip`` in this repository; returns (exit code, stdout, stderr)."""
        import os

        out, err = io.StringIO(), io.StringIO()
        old = os.getcwd()
        os.chdir(self.root)
        try:
            with redirect_stdout(out), redirect_stderr(err):
                code = main(list(argv))
        finally:
            os.chdir(old)
        return code, out.getvalue(), err.getvalue()

    def check_json(self, *argv: str) -> tuple[int, dict[str, Any]]:
        code, out, err = self.run("check", "--format", "json", "--grammar", "off", *argv)
        assert code in (0, 1), f"exit {code}: {err}"
        return code, json.loads(out)

    def findings(self, *argv: str, rule: str | None = None) -> list[dict[str, Any]]:
        _, doc = self.check_json(*argv)
        return [f for f in doc["findings"] if rule is None or f["rule"] == rule or f["rule"].startswith(rule + ".")]


@pytest.fixture(autouse=True, scope="session")
def _own_cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """Tests never read or write the user's cache (brand trust markers, grammar results)."""
    import os

    old = os.environ.get("EKIP_CACHE_DIR")
    os.environ["EKIP_CACHE_DIR"] = str(tmp_path_factory.mktemp("ekip-cache"))
    yield
    if old is None:
        os.environ.pop("EKIP_CACHE_DIR", None)
    else:
        os.environ["EKIP_CACHE_DIR"] = old


@pytest.fixture
def repo(tmp_path: Path) -> Repo:
    r = Repo(tmp_path)
    r.write("brand/brand.yml", BRAND_YML)
    r.write("brand/team.yml", TEAM_YML)
    (tmp_path / "content" / "posts").mkdir(parents=True)
    return r


@pytest.fixture(autouse=True)
def _language_chosen_per_test(monkeypatch: pytest.MonkeyPatch):
    """Every test chooses the language afresh (a brand's default_lang switches it in-process),
    from a locale that asks for no language: Turkish unless the test's brand or flags say
    otherwise, whatever the machine's locale (subprocesses inherit this environment)."""
    for var in ("EKIP_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    i18n.reset()
    yield
    i18n.reset()


@pytest.fixture
def make_repo(tmp_path: Path) -> Callable[[], Repo]:
    def make() -> Repo:
        return Repo(tmp_path)

    return make
