"""pre-commit: the hooks Ekip offers content repositories (.pre-commit-hooks.yaml) and this
repository's own configuration (.pre-commit-config.yaml).

- Both files are validated with pre-commit's own schema (``pre_commit.clientlib``).
- ``pre-commit run --all-files`` passes on a fresh repository made from this working tree
  (what a clone of it would hold: tracked and untracked files, ignored ones left out).
- ``pre-commit try-repo`` runs the offered hooks from a content repository exactly as a team
  would: pre-commit builds its own virtualenv and pip-installs Ekip from the repository, so
  that test needs the package index (PyPI); it takes about 30 s.

Tools missing (pre-commit, the pre-commit-hooks scripts, ruff, mypy, git) skip these tests, except
under CI (env CI set), where they fail.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
HYGIENE = ("trailing-whitespace-fixer", "end-of-file-fixer", "check-yaml", "check-json",
           "check-merge-conflict", "check-added-large-files")
GIT = ["git", "-c", "user.name=Ekip Test", "-c", "user.email=test@example.com", "-c", "commit.gpgsign=false"]
_NETWORK = re.compile(r"NewConnectionError|Temporary failure in name resolution|Network is unreachable|"
                      r"No matching distribution found|Could not find a version")


def _need(*tools: str) -> None:
    missing = [t for t in tools if shutil.which(t) is None]
    if missing:
        reason = f"not installed: {', '.join(missing)} (pip install -e '.[test]')"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)


def _env(tmp_path: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["PRE_COMMIT_HOME"] = str(tmp_path / "pre-commit-home")
    env["EKIP_CACHE_DIR"] = str(tmp_path / "ekip-cache")
    env.pop("PRE_COMMIT", None)
    env["PIP_NO_COMPILE"] = "1"  # pre-commit's pip install: no .pyc for mkdocs & co (about half the time)
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    return env


def _commit_all(repo: Path) -> None:
    subprocess.run([*GIT, "init", "-q", "-b", "main", str(repo)], check=True)
    subprocess.run([*GIT, "add", "-A"], cwd=repo, check=True)
    subprocess.run([*GIT, "commit", "-q", "-m", "snapshot"], cwd=repo, check=True)


@pytest.fixture
def snapshot(tmp_path: Path) -> Path:
    """A new git repository holding what a clone of this working tree would hold."""
    _need("git")
    if not (ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                            cwd=ROOT, capture_output=True, check=True).stdout.decode().split("\0")
    dest = tmp_path / "ekip"
    for rel in filter(None, listed):
        src = ROOT / rel
        if src.is_file():
            (dest / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dest / rel)
    _commit_all(dest)
    return dest


# -- structure --------------------------------------------------------------------------------
def test_hooks_manifest() -> None:
    clientlib = pytest.importorskip("pre_commit.clientlib")
    hooks = {h["id"]: h for h in clientlib.load_manifest(str(ROOT / ".pre-commit-hooks.yaml"))}
    assert set(hooks) == {"ekip-check", "ekip-rules-test"}

    check = hooks["ekip-check"]
    assert (check["entry"], check["language"], check["pass_filenames"]) == ("ekip check", "python", True)
    assert check["args"] == ["--grammar", "auto"]
    files = re.compile(check["files"])
    for path in ("content/posts/2027/03/lansman.md", "playbooks/kriz/sablonlar/ilk-aciklama.md",
                 "playbooks/templates/duyuru.md"):
        assert files.search(path), path
    for path in ("playbooks/roller.md", "playbooks/kriz/index.md", "content/posts/notes.txt", "brand/brand.yml",
                 "README.md"):
        assert not files.search(path), path

    rules = hooks["ekip-rules-test"]
    assert (rules["entry"], rules["language"], rules["pass_filenames"]) == ("ekip rules test", "python", False)
    assert re.compile(rules["files"]).search("brand/rules/voice.yml")
    assert not re.compile(rules["files"]).search("content/posts/x.md")


def test_own_config_is_local() -> None:
    clientlib = pytest.importorskip("pre_commit.clientlib")
    config = clientlib.load_config(str(ROOT / ".pre-commit-config.yaml"))
    hooks = {h["id"]: h for repo in config["repos"] for h in repo["hooks"]}
    assert all(repo["repo"] == "local" for repo in config["repos"])  # nothing fetched from GitHub
    assert all(h["language"] in ("system", "unsupported") for h in hooks.values())  # 4.4 renamed it
    for hook_id in ("trailing-whitespace", "end-of-file-fixer", "check-yaml", "check-json", "check-merge-conflict",
                    "check-added-large-files", "ruff", "mypy", "ekip-check", "ekip-rules-test"):
        assert hook_id in hooks, hook_id
    assert hooks["ekip-check"]["entry"] == "ekip check --grammar auto"
    assert hooks["ekip-rules-test"]["entry"] == "ekip rules test"
    assert hooks["mypy"]["entry"] == "mypy" and hooks["mypy"]["pass_filenames"] is False  # the package, whole


# -- running ----------------------------------------------------------------------------------
def test_run_all_files_on_a_fresh_clone(snapshot: Path, tmp_path: Path) -> None:
    _need("pre-commit", "ruff", "mypy", "ekip", *HYGIENE)
    result = subprocess.run(["pre-commit", "run", "--all-files", "--show-diff-on-failure", "--color", "never"],
                            cwd=snapshot, env=_env(tmp_path), capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    for name in ("ekip check", "ekip rules test", "ruff", "mypy", "trim trailing whitespace"):
        assert re.search(rf"^{re.escape(name)}\.+Passed$", result.stdout, re.M), result.stdout


@pytest.mark.precommit
def test_try_repo_from_a_content_repository(snapshot: Path, tmp_path: Path) -> None:
    """One ``try-repo`` (each builds a fresh environment: ~30-60 s): the clean post passes, the
    bad one fails ekip-check, the handbook page is not handed to ekip, the rules test passes."""
    _need("pre-commit", "git")
    content = tmp_path / "content-repo"
    shutil.copytree(ROOT / "brand", content / "brand")
    posts = content / "content" / "posts" / "2027" / "03"
    posts.mkdir(parents=True)
    shutil.copy2(ROOT / "content" / "posts" / "2027" / "03" / "dunya-kadinlar-gunu.md", posts)
    (posts / "ucuz.md").write_text(
        "---\ntitle: Ucuz\ndate: 2027-03-09T10:00:00+03:00\nplatforms: [facebook]\nstatus: draft\n"
        "author: ayse\n---\n\nBu fiyatlar çok ucuz.\n", encoding="utf-8")
    (content / "playbooks").mkdir()
    (content / "playbooks" / "index.md").write_text("# El kitabı\n\nBu sayfa bir gönderi değil.\n", encoding="utf-8")
    _commit_all(content)

    result = subprocess.run(["pre-commit", "try-repo", str(snapshot), "--all-files", "--color", "never"],
                            cwd=content, env=_env(tmp_path), capture_output=True, text=True, timeout=600)
    out = result.stdout + result.stderr
    if result.returncode and _NETWORK.search(out):
        pytest.skip("pre-commit could not install Ekip's environment: the package index is not reachable")
    assert result.returncode == 1, out
    assert re.search(r"^ekip check\.+Failed$", out, re.M), out
    assert "content/posts/2027/03/ucuz.md" in out and "voice.banned-words" in out
    assert "dunya-kadinlar-gunu" not in out  # the clean post has no finding
    assert "playbooks/index.md" not in out and "file.front-matter" not in out
    assert re.search(r"^ekip rules test\.+Passed$", result.stdout, re.M), out


def _post(day: str, hour: str, title: str) -> str:
    return (f"---\ntitle: {title}\ndate: 2027-03-{day}T{hour}:00+03:00\nplatforms: [linkedin]\nstatus: review\n"
            "author: ayse\n---\n\nYeni sezonun ilk ürünleri mağazalarımızda.\n")


@pytest.mark.parametrize("second_day", ["10", "11"])
def test_commit_hook_counts_the_committed_posts(tmp_path: Path, second_day: str) -> None:
    """The hook sees what CI sees: one LinkedIn post is committed, a second on the same day is
    staged (the day's limit is one). The real pre-commit hook, run by ``git commit`` with the
    ekip-check hook exactly as .pre-commit-hooks.yaml offers it, rejects the commit with
    calendar.daily-limit although it is handed the staged file only; on the next day it passes."""
    _need("pre-commit", "git", "ekip")
    clientlib = pytest.importorskip("pre_commit.clientlib")
    offered = {h["id"]: h for h in clientlib.load_manifest(str(ROOT / ".pre-commit-hooks.yaml"))}["ekip-check"]
    content = tmp_path / "content-repo"
    (content / "brand").mkdir(parents=True)
    (content / "brand" / "brand.yml").write_text("name: Test\ntimezone: Europe/Istanbul\n", encoding="utf-8")
    (content / "brand" / "team.yml").write_text("members:\n  ayse: {name: Ayşe, roles: [writer]}\n",
                                                encoding="utf-8")
    (content / "brand" / "calendar.yml").write_text("daily_limit:\n  linkedin: 1\n", encoding="utf-8")
    posts = content / "content" / "posts" / "2027" / "03"
    posts.mkdir(parents=True)
    (posts / "ilk.md").write_text(_post("10", "09:00", "İlk"), encoding="utf-8")
    language = "system"  # the installed ekip (the offered hook's `python` would pip-install it)
    (content / ".pre-commit-config.yaml").write_text(
        "repos:\n  - repo: local\n    hooks:\n"
        f"      - id: ekip-check\n        name: ekip check\n        entry: {offered['entry']}\n"
        f"        args: {offered['args']}\n        language: {language}\n"
        f"        files: '{offered['files']}'\n        pass_filenames: true\n        require_serial: true\n",
        encoding="utf-8")
    _commit_all(content)
    env = _env(tmp_path)
    subprocess.run(["pre-commit", "install"], cwd=content, env=env, check=True, capture_output=True)
    (posts / "ikinci.md").write_text(_post(second_day, "08:00", "İkinci"), encoding="utf-8")
    subprocess.run([*GIT, "add", "content"], cwd=content, check=True)
    result = subprocess.run([*GIT, "commit", "-m", "ikinci gönderi"], cwd=content, env=env,
                            capture_output=True, text=True, timeout=120)
    out = result.stdout + result.stderr
    if second_day == "10":
        assert result.returncode != 0, out
        assert "calendar.daily-limit" in out and "ilk.md" in out, out  # the 08:00 post pushes 09:00 over
        assert re.search(r"^ekip check\.+Failed$", out, re.M), out
    else:
        assert result.returncode == 0, out
        assert re.search(r"^ekip check\.+Passed$", out, re.M), out
