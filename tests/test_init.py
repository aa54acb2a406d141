"""``ekip init``: a team's new content repository, and the starter kept in step with the sample.

The end-to-end test does what a new team does: ``ekip init`` in an empty folder, a first commit,
then ``ekip check``, ``ekip rules test``, ``mkdocs build --strict`` and ``pre-commit run
--all-files`` with Ekip's hooks installed by pre-commit from a git repository of this working
tree (tagged as the version init pins), each as a separate process in the new folder.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
from contextlib import redirect_stderr
from pathlib import Path

import pytest
import yaml
from test_precommit import _NETWORK, GIT, _env, _need, snapshot  # noqa: F401  (snapshot is a fixture)

from checks import __version__
from checks.cli import main
from checks.commands import init

ROOT = Path(__file__).resolve().parents[1]
NOW = "2027-01-04T12:00:00+03:00"


def run_init(target: Path, *extra: str) -> tuple[int, str]:
    err = io.StringIO()
    with redirect_stderr(err):
        code = main(["init", str(target), "--name", "Acme Moda", "--member", "ali", "--member-name", "Ali Veli",
                     "--domain", "acme.com.tr", *extra])
    return code, err.getvalue()


def ekip(cwd: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "EKIP_CACHE_DIR": str(cwd / ".cache"), "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([sys.executable, "-m", *argv], cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=300)


def test_starter_is_made_from_the_sample() -> None:
    """The starter is what scripts/sync_starter.py makes from the sample today; its docstring
    lists every way in which the two differ and why."""
    out = subprocess.run([sys.executable, str(ROOT / "scripts" / "sync_starter.py"), "--check"],
                         capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr


def test_init_writes_a_repository_with_the_teams_values(tmp_path: Path) -> None:
    target = tmp_path / "acme"
    code, err = run_init(target)
    assert code == 0, err
    brand = yaml.safe_load((target / "brand" / "brand.yml").read_text(encoding="utf-8"))
    assert (brand["name"], brand["timezone"], brand["default_lang"]) == ("Acme Moda", "Europe/Istanbul", "tr")
    assert brand["packs"] == ["tr-yazim", "kvkk"] and brand["utm_domains"] == ["acme.com.tr"]
    team = yaml.safe_load((target / "brand" / "team.yml").read_text(encoding="utf-8"))
    assert list(team["members"]) == ["ali"] and "manager" in team["members"]["ali"]["roles"]
    hooks = yaml.safe_load((target / ".pre-commit-config.yaml").read_text(encoding="utf-8"))["repos"][0]
    assert hooks["repo"] == init.PUBLISHED_REPO and hooks["rev"] == f"v{__version__}"
    assert {h["id"] for h in hooks["hooks"]} == {"ekip-check", "ekip-rules-test"}
    workflow = (target / ".github" / "workflows" / "ekip.yml").read_text(encoding="utf-8")
    assert f"@v{__version__}" in workflow and "upload-sarif" in workflow and "mkdocs build --strict" in workflow
    assert (target / ".gitignore").is_file() and (target / "playbooks" / "kriz" / "index.md").is_file()
    posts = list((target / "content" / "posts").rglob("*.md"))
    assert len(posts) == 1 and "author: ali" in posts[0].read_text(encoding="utf-8")
    leftovers = [p for p in target.rglob("*") if p.is_file() and b"{{ekip:" in p.read_bytes()]  # images too
    assert leftovers == []
    assert "Örnek Giyim" not in (target / "mkdocs.yml").read_text(encoding="utf-8")


def test_init_refuses_to_overwrite(tmp_path: Path) -> None:
    (tmp_path / "brand").mkdir()
    (tmp_path / "brand" / "brand.yml").write_text("name: Bizim\n", encoding="utf-8")
    code, err = run_init(tmp_path)
    assert code == 2 and "brand/brand.yml" in err and "hiçbir şey yazılmadı" in err
    assert (tmp_path / "brand" / "brand.yml").read_text(encoding="utf-8") == "name: Bizim\n"
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["brand", "brand.yml"]


def test_init_asks_on_a_terminal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("checks.commands.new.interactive", lambda: True)
    answers = iter(["Kahve Evi", "Europe/Nowhere", "Europe/Istanbul", "", "kvkk", "", "elif", "Elif Su"])
    monkeypatch.setattr("builtins.input", lambda: next(answers))
    err = io.StringIO()
    with redirect_stderr(err):
        assert main(["init", str(tmp_path / "kahve")]) == 0
    assert "bir IANA saat dilimi değil" in err.getvalue()  # asked again
    brand = yaml.safe_load((tmp_path / "kahve" / "brand" / "brand.yml").read_text(encoding="utf-8"))
    assert (brand["name"], brand["packs"], brand["utm_domains"]) == ("Kahve Evi", ["kvkk"], [])


def test_bad_flag_is_exit_2(tmp_path: Path) -> None:
    code, err = run_init(tmp_path / "x", "--timezone", "Mars/Olympus")
    assert code == 2 and "--timezone" in err and not (tmp_path / "x").exists()


def test_a_new_repository_passes_every_check(tmp_path: Path) -> None:
    target = tmp_path / "acme"
    assert run_init(target)[0] == 0
    for argv in (["checks", "check", "--grammar", "off", "--now", NOW], ["checks", "rules", "test"]):
        result = ekip(target, *argv)
        assert result.returncode == 0, result.stdout + result.stderr
    site = ekip(target, "mkdocs", "build", "--strict", "-d", str(tmp_path / "site"))
    assert site.returncode == 0, site.stderr
    assert (tmp_path / "site" / "kriz" / "index.html").is_file()
    assert (tmp_path / "site" / "marka" / "index.html").is_file()


@pytest.mark.precommit
def test_pre_commit_runs_the_published_hooks(snapshot: Path, tmp_path: Path) -> None:  # noqa: F811
    """``git init && git add -A && git commit`` then ``pre-commit run --all-files`` with the hooks
    of this Ekip (pre-commit builds its own environment from the tagged repository)."""
    _need("pre-commit", "git")
    tag = f"v{__version__}"
    subprocess.run([*GIT, "tag", "-f", tag], cwd=snapshot, check=True, capture_output=True)
    target = tmp_path / "acme"
    assert run_init(target, "--hooks-repo", str(snapshot), "--hooks-rev", tag)[0] == 0
    subprocess.run([*GIT, "init", "-q", "-b", "main"], cwd=target, check=True)
    subprocess.run([*GIT, "add", "-A"], cwd=target, check=True)
    subprocess.run([*GIT, "commit", "-q", "-m", "Ekip"], cwd=target, check=True)
    result = subprocess.run(["pre-commit", "run", "--all-files", "--color", "never"], cwd=target,
                            env=_env(tmp_path), capture_output=True, text=True, timeout=600)
    out = result.stdout + result.stderr
    if result.returncode and _NETWORK.search(out):
        pytest.skip("pre-commit could not install Ekip's environment: the package index is not reachable")
    assert result.returncode == 0, out
    assert "ekip check" in out and "ekip rules test" in out and "Failed" not in out
