"""The report's front-matter-only reader (checks/frontmatter.py): the same posts readable as
through ``read_post``, with the same front matter, under the same trust rules, also when it
answers from its cache."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from checks import boundary
from checks.boundary import boundary_for
from checks.brand.loader import load_brand
from checks.frontmatter import read_front, read_fronts
from checks.post import MAX_POST_BYTES, read_post
from tests.conftest import Repo, post_text
from tests.test_hostile import BOMB

FRONT = post_text("Merhaba").split("---\n")[1]

HOSTILE = {
    "fine": f"---\n{FRONT}posted:\n  x: \"123\"\n  instagram: https://www.instagram.com/p/Cabc/\n---\n\nMetin\n",
    "anchors": f"---\n{FRONT}etiket: &e yeni\nkopya: *e\n---\n\nMetin\n",
    "deep": f"---\n{FRONT}x: {'[' * 300}{']' * 300}\n---\n\nMetin\n",
    "very-deep": f"---\n{FRONT}x: {'[' * 100_000}\n---\n\nMetin\n",
    "dashes": f"---\n{FRONT}x:\n  {'- ' * 100_000}a\n---\n\nMetin\n",
    "bigint": f"---\n{FRONT}n: {'9' * 5000}\n---\n\nMetin\n",
    "set": f"---\n{FRONT}tags: !!set {{a: null}}\n---\n\nMetin\n",
    "bomb": f"---\n{FRONT}{BOMB}---\n\nMetin\n",
    "recursive": f"---\n{FRONT}x: &a [*a]\n---\n\nMetin\n",
    "control": f"---\n{FRONT}title: a\x0cb\n---\n\nMetin\n",
    "on-key": f"---\n{FRONT}on: evet\n---\n\nMetin\n",
    "list": "---\n- a\n- b\n---\n\nMetin\n",
    "empty": "---\n---\n\nMetin\n",
    "unclosed": f"---\n{FRONT}\nMetin\n",
    "none": "Yalnız metin\n",
    "bom": f"\ufeff---\n{FRONT}---\n\nMetin\n",
    "crlf": f"---\r\n{FRONT.replace(chr(10), chr(13) + chr(10))}---\r\n\r\nMetin\r\n",
}


def _write_hostile(repo: Repo) -> list[str]:
    folder = repo.root / "content" / "posts" / "2027" / "03"
    for name, text in HOSTILE.items():
        repo.write(f"content/posts/2027/03/{name}.md", text)
    (folder / "nul.md").write_bytes(post_text("Bir\x00iki").encode())
    (folder / "latin1.md").write_bytes(post_text("Çay").encode("cp1254"))
    with open(folder / "big.md", "wb") as fh:
        fh.write(post_text("x").encode())
        fh.truncate(MAX_POST_BYTES + 1)
    os.mkfifo(folder / "fifo.md")
    (folder / "klasor.md").mkdir()
    (folder / "ad-\udcff.md").write_bytes(post_text("Adı UTF-8 değil").encode())
    return sorted(os.listdir(folder))


def _reference(repo: Repo) -> dict[str, dict]:
    """path -> front matter of every readable post, through the full reader."""
    reader = boundary_for(repo.root).read
    out = {}
    for name in sorted(os.listdir(repo.root / "content/posts/2027/03")):
        shown = f"content/posts/2027/03/{name}"
        post = read_post(shown, reader=reader)
        if post.readable:
            out[shown] = post.front
    return out


def test_the_same_posts_and_front_matter_as_read_post(repo: Repo, monkeypatch: pytest.MonkeyPatch) -> None:
    names = _write_hostile(repo)
    monkeypatch.chdir(repo.root)
    reference = _reference(repo)
    reader = boundary_for(repo.root).read
    for name in names:
        shown = f"content/posts/2027/03/{name}"
        found = read_front(shown, reader)
        assert (found.front if found else None) == reference.get(shown), name
    # the hostile ones are left out, the ordinary ones are in
    assert {Path(p).stem for p in reference} == {"fine", "anchors", "on-key", "bom", "crlf"}
    brand = load_brand(repo.root / "brand")
    for _ in range(2):  # from the files, then from the cache
        assert {f.path: f.front for f in read_fronts(brand)} == reference


def test_the_cache_follows_edits_and_symlinks(repo: Repo, monkeypatch: pytest.MonkeyPatch,
                                              tmp_path_factory: pytest.TempPathFactory) -> None:
    monkeypatch.chdir(repo.root)
    brand = load_brand(repo.root / "brand")
    keys = ("title", "posted")
    a = repo.post("a", "Bir", title="Birinci")
    repo.post("b", "İki", title="İkinci")
    assert [f.front for f in read_fronts(brand, keys=keys)] == [{"title": "Birinci"}, {"title": "İkinci"}]
    assert [f.front for f in read_fronts(brand, keys=keys)] == [{"title": "Birinci"}, {"title": "İkinci"}]
    # an edit of the same size: the change time tells (file times tick every few milliseconds)
    time.sleep(0.05)
    a.write_text(a.read_text(encoding="utf-8").replace("Birinci", "Ilk1234"), encoding="utf-8")
    assert next(f.front for f in read_fronts(brand, keys=keys)) == {"title": "Ilk1234"}
    # the same file moved out of the repository and reached through a symlink: left out
    outside = tmp_path_factory.mktemp("disarida") / "a.md"
    a.rename(outside)
    a.symlink_to(outside)
    assert [f.path for f in read_fronts(brand, keys=keys)] == ["content/posts/2027/03/b.md"]
    # a folder that became a symlink out of the repository: left out too
    b_dir = repo.root / "content/posts/2027/03"
    moved = tmp_path_factory.mktemp("klasor") / "03"
    b_dir.rename(moved)
    b_dir.symlink_to(moved, target_is_directory=True)
    monkeypatch.setattr(boundary, "_KEPT", {})  # a new run: folders are judged once per process
    assert read_fronts(brand, ["content/posts/2027/03/b.md"], keys=keys) == []
    # a post that became unreadable is left out, a deleted one is gone
    b_dir.unlink()
    monkeypatch.setattr(boundary, "_KEPT", {})
    repo.post("c", "Üç", title="Üçüncü")
    assert [f.front for f in read_fronts(brand, keys=keys)] == [{"title": "Üçüncü"}]
    (repo.root / "content/posts/2027/03/c.md").write_bytes(post_text("Çay").encode("cp1254"))
    assert read_fronts(brand, keys=keys) == []
