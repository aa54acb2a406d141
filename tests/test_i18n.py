"""The message catalogs: in step with the code, every message translated, the language chosen
as documented (``checks.i18n``)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from checks import i18n
from checks.cli import main
from checks.i18n import _
from tests.conftest import Repo
from tests.support.pseudo import Pseudo, unmarked

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def _fresh_language(monkeypatch: pytest.MonkeyPatch):
    for var in ("EKIP_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(var, raising=False)
    i18n.reset()
    yield
    i18n.reset()


def test_catalogs_are_in_step_with_the_code_and_complete():
    run = subprocess.run([sys.executable, "scripts/i18n.py", "--check"], cwd=ROOT,
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stderr


def test_no_function_uses_underscore_both_as_gettext_and_as_a_variable():
    clashes = []
    for path in sorted((ROOT / "checks").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda | ast.Module):
                continue
            body = list(ast.walk(node))
            binds = any(isinstance(n, ast.Name) and n.id == "_" and isinstance(n.ctx, ast.Store) for n in body)
            calls = any(isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id == "_" for n in body)
            if binds and calls:
                clashes.append(f"{path.relative_to(ROOT)}:{getattr(node, 'lineno', 1)}")
    assert not clashes


@pytest.mark.parametrize(("flag", "env", "brand", "locale", "want"), [
    ("en", "tr", "tr", "tr_TR.UTF-8", "en"),       # --lang first
    (None, "en", "tr", "tr_TR.UTF-8", "en"),       # then EKIP_LANG
    (None, None, "en", "tr_TR.UTF-8", "en"),       # then the brand's default_lang
    (None, None, None, "en_US.UTF-8", "en"),       # then the locale
    (None, None, None, "C.UTF-8", "tr"),           # else Turkish
    (None, None, None, "de_DE.UTF-8", "en"),       # a language without a catalog: English
])
def test_the_language_is_chosen_in_the_documented_order(monkeypatch, flag, env, brand, locale, want):
    if env:
        monkeypatch.setenv("EKIP_LANG", env)
    monkeypatch.setenv("LANG", locale)
    i18n.choose(flag)
    i18n.brand_default(brand)
    assert i18n.language() == want


def test_messages_come_out_in_the_chosen_language():
    i18n.activate("tr")
    assert _("COMMAND") == "KOMUT"
    i18n.activate("en")
    assert _("COMMAND") == "COMMAND"


def test_lang_flag_works_before_and_after_the_command(capsys):
    assert main(["--lang", "xx", "check"]) == 2
    assert "--lang" in capsys.readouterr().err
    for argv in (["--lang", "en", "--help"], ["--help", "--lang=en"]):
        assert main(argv) == 0
        assert "Content governance" in capsys.readouterr().out
    assert main(["--lang", "tr", "--help"]) == 0
    assert "içerik denetimi" in capsys.readouterr().out


def test_the_brand_default_language_chooses_unless_flag_or_env(repo: Repo):
    repo.write("brand/brand.yml", "name: X\ntimezone: Europe/Istanbul\ndefault_lang: en\n")
    repo.write("brand/sensitive.yml", "topics: []\n")
    repo.run("rules", "list")
    assert i18n.language() == "en"
    i18n.reset()
    repo.run("--lang", "tr", "rules", "list")
    assert i18n.language() == "tr"


def test_pseudo_language_marks_translated_messages_only():
    with i18n.using(Pseudo()):
        assert _("COMMAND") == "⟦COMMAND⟧"
        assert _("not in the catalog") == "not in the catalog"
        assert unmarked(_("ekip: {error}").format(error=_("COMMAND"))).split() == []
