"""Which files `ekip check` reads."""

from __future__ import annotations

from tests.conftest import Repo, post_text


def test_default_paths_take_content_and_playbook_templates(repo: Repo) -> None:
    repo.post("a", "Merhaba")
    repo.write("playbooks/index.md", "# El kitabı\n\nBir gönderi değil.\n")
    repo.write("playbooks/kriz/sablonlar/ilk.md", post_text("Açıklama metni"))
    for argv in ((), ("playbooks",)):
        code, doc = repo.check_json(*argv)
        assert code == 0, doc
    _, doc = repo.check_json()
    assert doc["files"] == 2
    _, doc = repo.check_json("playbooks")
    assert doc["files"] == 1


def test_a_file_named_explicitly_is_always_a_post(repo: Repo) -> None:
    repo.write("playbooks/index.md", "# El kitabı\n")
    code, doc = repo.check_json("playbooks/index.md")
    assert code == 1 and doc["findings"][0]["rule"] == "file.front-matter"


def test_hidden_folders_are_skipped(repo: Repo) -> None:
    repo.post("a", "Merhaba")
    repo.write("content/.trash/b.md", "no front matter")
    _, doc = repo.check_json()
    assert doc["files"] == 1


def test_a_file_reached_twice_is_checked_once_and_paths_stay_as_given(repo: Repo) -> None:
    repo.post("a", "Merhaba")
    repo.post("b", "Merhaba")
    _, doc = repo.check_json("content/", "content/posts", "./content/posts/2027/03/a.md")
    assert doc["files"] == 2
    repo.post("c", "Merhaba <!-- ekip-disable -->")  # a finding, to see the path it is reported under
    _, doc = repo.check_json("content/")
    assert {f["path"] for f in doc["findings"]} == {"content/posts/2027/03/c.md"}
