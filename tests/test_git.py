"""Git-aware checks (``--base REV``, ``--changed``) in real temporary git repositories."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from checks.errors import EkipError
from checks.gitdiff import changes_since
from tests.conftest import BRAND_YML, Repo

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")

ENV = {
    **os.environ,
    "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.com",
    "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.com",
    "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1",
}
NOW = ("--now", "2027-02-01T09:00:00+03:00")
APPROVED = '[{by: mehmet, at: "2027-02-20T10:00:00+03:00"}]'


def git(root: Path, *args: str) -> str:
    proc = subprocess.run(["git", "-C", str(root), "-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false",
                           *args], capture_output=True, text=True, env=ENV, check=True)
    return proc.stdout


def commit(root: Path, message: str = "c") -> None:
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", message)


@pytest.fixture
def grepo(repo: Repo) -> Repo:
    repo.write("brand/brand.yml", BRAND_YML + "approvals:\n  approved: {roles: [manager]}\n"
                                              "  scheduled: {roles: [manager]}\n")
    repo.write("brand/team.yml", "members:\n  ayse: {name: A, roles: [writer]}\n"
                                 "  mehmet: {name: M, roles: [manager]}\n  zeynep: {name: Z, roles: [manager]}\n")
    git(repo.root, "init", "-q")
    return repo


def names(found: list[dict[str, object]]) -> list[str]:
    return sorted(str(f["path"]).rsplit("/", 1)[-1][:-3] for f in found)


# -- stale approval ----------------------------------------------------------------------------
def test_text_changed_after_approval_is_stale(grepo: Repo) -> None:
    grepo.post("p", "Eski metin.", status="approved", approvals=APPROVED)
    commit(grepo.root)
    assert grepo.findings("--base", "HEAD", *NOW, rule="workflow.approval") == []
    grepo.post("p", "Yeni metin.", status="approved", approvals=APPROVED)
    found = grepo.findings("--base", "HEAD", *NOW, rule="workflow.approval")
    assert len(found) == 1 and "Onay eskidi" in found[0]["message"] and found[0]["line"] == 7
    assert grepo.findings(*NOW, rule="workflow.approval") == []  # without --base: no git, no finding


def test_new_approval_after_the_change_clears_it(grepo: Repo) -> None:
    grepo.post("p", "Eski metin.", status="scheduled", approvals=APPROVED)
    commit(grepo.root)
    fresh = '[{by: mehmet, at: "2027-02-20T10:00:00+03:00"}, {by: zeynep, at: "2027-02-21T10:00:00+03:00"}]'
    grepo.post("p", "Yeni metin.", status="scheduled", approvals=fresh)
    assert grepo.findings("--base", "HEAD", *NOW, rule="workflow.approval") == []
    # a fresh approval by the author does not clear it
    grepo.post("p", "Yeni metin.", status="scheduled", author="zeynep", approvals=fresh)
    found = grepo.findings("--base", "HEAD", *NOW, rule="workflow.approval")
    assert len(found) == 1 and "eskidi" in found[0]["message"]


def test_front_matter_or_comment_changes_are_not_text_changes(grepo: Repo) -> None:
    grepo.post("p", "Metin.", status="approved", approvals=APPROVED)
    commit(grepo.root)
    grepo.post("p", "<!-- not: published -->\nMetin.\n\n", status="approved", approvals=APPROVED,
               title="Yeni başlık", date="2027-03-02T10:00:00+03:00")
    assert grepo.findings("--base", "HEAD", *NOW, rule="workflow") == []


def test_approval_given_with_the_text_in_one_commit_is_not_stale(grepo: Repo) -> None:
    grepo.post("p", "Taslak.", status="review")
    commit(grepo.root)
    grepo.post("p", "Son metin.", status="approved", approvals=APPROVED)
    assert grepo.findings("--base", "HEAD", *NOW, rule="workflow.approval") == []


def test_added_post_has_nothing_to_compare(grepo: Repo) -> None:
    grepo.post("old", "Metin.", status="draft")
    commit(grepo.root)
    grepo.post("new", "Metin.", status="approved", approvals=APPROVED)
    assert grepo.findings("--base", "HEAD", *NOW, rule="workflow.approval") == []


def test_renamed_post_compares_with_its_old_path(grepo: Repo) -> None:
    old = grepo.post("old-name", "Metin aynı kalsın, yeterince uzun bir metin.", status="approved",
                     approvals=APPROVED)
    commit(grepo.root)
    new = old.with_name("new-name.md")
    git(grepo.root, "mv", str(old), str(new))
    assert grepo.findings("--base", "HEAD", *NOW, rule="workflow.approval") == []
    new.write_text(new.read_text(encoding="utf-8").replace("aynı kalsın", "değişti"), encoding="utf-8")
    assert names(grepo.findings("--base", "HEAD", *NOW, rule="workflow.approval")) == ["new-name"]


# -- published edit ----------------------------------------------------------------------------
def test_published_edit_needs_a_correction_note(grepo: Repo) -> None:
    grepo.post("p", "Fiyat 100 TL.", status="published", approvals=APPROVED)
    commit(grepo.root)
    grepo.post("p", "Fiyat 120 TL.", status="published", approvals=APPROVED)
    found = grepo.findings("--base", "HEAD", *NOW, rule="workflow.published-edit")
    assert [(f["line"], f["level"]) for f in found] == [(5, "error")]
    grepo.post("p", "Fiyat 120 TL.", status="published", approvals=APPROVED,
               correction='"Fiyat yanlış yazılmıştı."')
    assert grepo.findings("--base", "HEAD", *NOW, rule="workflow.published-edit") == []
    grepo.post("p", "Fiyat 100 TL.", status="published", approvals=APPROVED, title="Başka başlık")
    assert grepo.findings("--base", "HEAD", *NOW, rule="workflow.published-edit") == []


# -- --changed ---------------------------------------------------------------------------------
def test_changed_reports_only_changed_posts_but_counts_all(grepo: Repo) -> None:
    grepo.write("brand/calendar.yml", "daily_limit: {x: 1}\n")
    grepo.post("unchanged", "Metin.", status="review", platforms="[x]", author="zeki",
               date="2027-03-01T09:00:00+03:00")
    grepo.post("edited", "Metin.", status="review", platforms="[x]", date="2027-03-01T12:00:00+03:00")
    commit(grepo.root)
    # both posts break a rule: "unchanged" has an unknown author, "edited" is over the daily limit
    all_found = grepo.findings("--base", "HEAD", *NOW)
    assert names([f for f in all_found if f["rule"] == "workflow.author"]) == ["unchanged"]
    assert names([f for f in all_found if f["rule"] == "calendar.daily-limit"]) == ["edited"]
    assert grepo.findings("--base", "HEAD", "--changed", *NOW) == []  # nothing changed yet

    grepo.post("edited", "Yeni metin.", status="review", platforms="[x]", date="2027-03-01T12:00:00+03:00")
    grepo.post("untracked", "Metin.", status="draft", author="zeki")
    found = grepo.findings("--base", "HEAD", "--changed", *NOW)
    assert names(found) == ["edited", "untracked"]
    assert {(names([f])[0], f["rule"]) for f in found} == {
        ("edited", "calendar.daily-limit"), ("untracked", "workflow.author")}
    code, doc = grepo.check_json("--base", "HEAD", "--changed", *NOW, "content")
    assert code == 1 and all("unchanged" not in f["path"] for f in doc["findings"])


def test_changed_reports_what_a_changed_post_causes_on_an_unchanged_one(grepo: Repo) -> None:
    """A new post at 09:00 makes the committed 12:00 post the day's second: CI's --changed run
    reports that finding (on the unchanged post), as the pre-commit hook does."""
    grepo.write("brand/calendar.yml", "daily_limit: {x: 1}\n")
    grepo.post("unchanged", "Metin.", status="review", platforms="[x]", date="2027-03-01T12:00:00+03:00")
    grepo.post("eski1", "Metin.", status="review", platforms="[x]", date="2027-03-05T09:00:00+03:00")
    grepo.post("eski2", "Metin.", status="review", platforms="[x]", date="2027-03-05T12:00:00+03:00")
    commit(grepo.root)
    assert grepo.findings("--base", "HEAD", "--changed", *NOW) == []
    grepo.post("new", "Metin.", status="review", platforms="[x]", date="2027-03-01T09:00:00+03:00")
    found = grepo.findings("--base", "HEAD", "--changed", *NOW)
    assert [(names([f])[0], f["rule"]) for f in found] == [("unchanged", "calendar.daily-limit")]


def test_changed_since_an_older_commit(grepo: Repo) -> None:
    grepo.post("a", "Metin.", author="zeki")
    commit(grepo.root, "one")
    grepo.post("b", "Metin.", author="zeki")
    commit(grepo.root, "two")
    assert names(grepo.findings("--base", "HEAD", "--changed", *NOW)) == []
    assert names(grepo.findings("--base", "HEAD~1", "--changed", *NOW)) == ["b"]


def test_changed_needs_base(grepo: Repo) -> None:
    code, _, err = grepo.run("check", "--changed")
    assert code == 2 and "--base" in err


def test_unknown_revision_exits_2(grepo: Repo) -> None:
    grepo.post("p", "Metin.")
    commit(grepo.root)
    for rev in ("no-such-branch", "HEAD~5", "--output=x"):
        code, _, err = grepo.run("check", "--grammar", "off", f"--base={rev}")
        assert code == 2, err
        assert "Traceback" not in err and "--base" in err


def test_not_a_git_repository_exits_2(repo: Repo, tmp_path: Path) -> None:
    if subprocess.run(["git", "-C", str(tmp_path), "rev-parse"], capture_output=True, env=ENV).returncode == 0:
        pytest.skip("the temporary folder is inside a git repository")
    repo.post("p", "Metin.")
    code, _, err = repo.run("check", "--grammar", "off", "--base", "HEAD")
    assert code == 2 and "not in one" in err and "Traceback" not in err


def test_brand_root_in_a_subfolder_of_the_checkout(tmp_path: Path) -> None:
    top = tmp_path / "mono"
    r = Repo(top / "social")
    r.write("brand/brand.yml", BRAND_YML)
    r.post("p", "Eski.")
    git(top, "init", "-q")
    commit(top)
    r.post("p", "Yeni.")
    (top / "outside.md").write_text("x", encoding="utf-8")
    changes = changes_since(r.root, "HEAD")
    assert set(changes.changed) == {"content/posts/2027/03/p.md"}
    old = changes.old_sources(["content/posts/2027/03/p.md"])
    assert b"Eski." in (old["content/posts/2027/03/p.md"] or b"")


def test_changes_since_errors_are_ekip_errors(tmp_path: Path) -> None:
    git(tmp_path, "init", "-q")
    with pytest.raises(EkipError, match="unknown revision"):
        changes_since(tmp_path, "HEAD")  # no commit yet


def test_git_is_asked_once_per_run(grepo: Repo, monkeypatch: pytest.MonkeyPatch) -> None:
    """--base with --changed (workflow, grammar and the report filter all read the changes):
    one `diff --name-status` for the whole run, carried in the run's options."""
    from checks import gitdiff

    grepo.post("p", "Eski metin.", status="approved", approvals=APPROVED)
    commit(grepo.root)
    grepo.post("p", "Yeni metin.", status="approved", approvals=APPROVED)
    calls: list[tuple[str, ...]] = []
    real = gitdiff._git

    def counting(root: Path, *args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
        calls.append(args)
        return real(root, *args, stdin=stdin)

    monkeypatch.setattr(gitdiff, "_git", counting)
    found = grepo.findings("--base", "HEAD", "--changed", *NOW, rule="workflow.approval")
    assert len(found) == 1
    assert [a[0] for a in calls].count("diff") == 1
