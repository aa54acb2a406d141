"""Trust boundaries: symlinks out of the repository, git paths with newlines, embargoed post
templates, unknown platform ids of embargoed posts, the build machine's paths. Real git
repositories, real ``mkdocs build --strict``."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.conftest import Repo, post_text
from tests.test_git import APPROVED, NOW, commit, git, grepo  # noqa: F401  (grepo is a fixture)
from tests.test_site import built_files, copy_repository, generate, mkdocs_build, page_text

SECRET = "gizli-anahtar-ZEBRA-42"
# checks.boundary.REFUSED as the tests' default language (Turkish) prints it
REFUSED = "depo kökünün dışına çıkan bir sembolik bağlantı; dosya okunmadı"


@pytest.fixture
def outside(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder outside the repository (``repo`` is ``tmp_path``)."""
    return tmp_path_factory.mktemp("disarida")


def outside_post(folder: Path) -> Path:
    """A post-shaped file outside the repository, holding a secret."""
    target = folder / "sir.md"
    target.write_text(post_text(f"Anahtar: {SECRET} ucuz"), encoding="utf-8")
    return target


# -- symlinks ----------------------------------------------------------------------------------
def test_post_symlinked_from_outside_is_not_read(repo: Repo, outside: Path) -> None:
    target = outside_post(outside)
    repo.post("iyi", "Merhaba.")
    link = repo.root / "content/posts/2027/03/sir.md"
    link.symlink_to(target)
    code, out, err = repo.run("check", "--format", "json", "--grammar", "off")
    doc = json.loads(out)
    assert code == 1 and doc["files"] == 2
    [refused] = [f for f in doc["findings"] if f["path"].endswith("sir.md")]
    assert refused["rule"] == "file.encoding" and REFUSED in refused["message"]
    assert SECRET not in out + err
    # named on the command line, or through a symlinked folder: the same
    (repo.root / "content/ortak").symlink_to(target.parent, target_is_directory=True)
    for argv in (["content/posts/2027/03/sir.md"], ["content/ortak/sir.md"]):
        code, out, _ = repo.run("check", "--format", "json", "--grammar", "off", *argv)
        assert code == 1 and SECRET not in out and REFUSED in out, argv


def test_symlink_inside_the_repository_is_read(repo: Repo) -> None:
    repo.write("drafts/p.md", post_text("Metin ucuz."))
    (repo.root / "content/posts/2027/03").mkdir(parents=True)
    (repo.root / "content/posts/2027/03/p.md").symlink_to(repo.root / "drafts/p.md")
    code, out, _ = repo.run("check", "--format", "json", "--grammar", "off", "content")
    assert code == 0 and REFUSED not in out and json.loads(out)["files"] == 1


def test_a_file_named_outside_the_repository_without_a_symlink_is_read(repo: Repo, outside: Path) -> None:
    target = outside_post(outside)
    _, out, _ = repo.run("check", "--format", "json", "--grammar", "off", str(target))
    assert REFUSED not in out and json.loads(out)["files"] == 1


# Brand files obey the same boundary: each a valid file that would load, so exit 2 can only
# come from the symlink.
OUTSIDE_BRAND_FILES = {
    "team.yml": f"members:\n  ayse: {{name: {SECRET}, roles: [writer]}}\n",
    "rules/voice.yml": f"rules:\n  - {{id: gizli, kind: ban, terms: [{SECRET}]}}\n",
    "post.schema.json": f'{{"type": "object", "description": "{SECRET}"}}',
    "crisis.yml": f"active: false\nsince: null\nseverity: null\nreason: {SECRET}\n",
}


@pytest.mark.parametrize("rel", sorted(OUTSIDE_BRAND_FILES))
def test_brand_file_symlinked_from_outside_is_not_read(repo: Repo, outside: Path, rel: str) -> None:
    target = outside / rel.replace("/", "-")
    target.write_text(OUTSIDE_BRAND_FILES[rel], encoding="utf-8")
    repo.post("iyi", "Merhaba.")
    link = repo.root / "brand" / rel
    link.parent.mkdir(parents=True, exist_ok=True)
    link.unlink(missing_ok=True)  # the fixture's own team.yml
    link.symlink_to(target)
    code, out, err = repo.run("check", "--grammar", "off")
    assert code == 2 and err.strip() == f"ekip: brand/{rel}: {REFUSED}", err
    assert SECRET not in out + err
    # the same file inside the repository, through a symlink, is read
    inside = repo.write(f"ortak/{rel}", OUTSIDE_BRAND_FILES[rel])
    link.unlink()
    link.symlink_to(inside)
    code, out, err = repo.run("check", "--grammar", "off")
    assert code in (0, 1), err


def test_symlinked_brand_folders_from_outside_are_not_read(repo: Repo, outside: Path) -> None:
    (outside / "rules").mkdir()
    (outside / "rules/voice.yml").write_text(OUTSIDE_BRAND_FILES["rules/voice.yml"], encoding="utf-8")
    (outside / "brand.yml").write_text(f"name: {SECRET}\n", encoding="utf-8")
    repo.post("iyi", "Merhaba.")
    (repo.root / "brand/rules").symlink_to(outside / "rules", target_is_directory=True)
    code, out, err = repo.run("check", "--grammar", "off")
    assert code == 2 and err.strip() == f"ekip: brand/rules: {REFUSED}" and SECRET not in out + err
    # the whole brand folder a symlink out of the repository: found or named with --brand
    (repo.root / "brand/rules").unlink()
    (repo.root / "brand").rename(repo.root / "eski-brand")
    (repo.root / "brand").symlink_to(outside, target_is_directory=True)
    for argv in ([], ["--brand", "brand"], ["--brand", str(repo.root / "brand")]):
        code, out, err = repo.run("check", "--grammar", "off", *argv)
        assert code == 2 and REFUSED in err and "brand" in err and SECRET not in out + err, (argv, err)


def test_crisis_start_leaves_a_symlinked_outside_crisis_file_alone(repo: Repo, outside: Path) -> None:
    target = outside / "crisis.yml"
    target.write_text(OUTSIDE_BRAND_FILES["crisis.yml"], encoding="utf-8")
    (repo.root / "brand/crisis.yml").symlink_to(target)
    code, _, err = repo.run("crisis", "start", "--reason", "deneme", "--severity", "2")
    assert code == 2 and REFUSED in err and "brand/crisis.yml" in err
    assert target.read_text(encoding="utf-8") == OUTSIDE_BRAND_FILES["crisis.yml"]


def test_symlinked_post_is_not_published(tmp_path: Path) -> None:
    root = copy_repository(tmp_path / "repo")
    (tmp_path / "disarida").mkdir()
    target = outside_post(tmp_path / "disarida")
    (root / "content/posts/2026/12/sir.md").symlink_to(target)
    files = generate(Repo(root))
    assert SECRET not in page_text(files)
    # a template symlinked into playbooks/ is dropped with a warning: --strict fails, naming it
    (root / "content/posts/2026/12/sir.md").unlink()
    (root / "playbooks/sir.md").symlink_to(target)
    result = mkdocs_build(root, tmp_path / "site")
    assert result.returncode != 0 and "sir.md" in result.stderr and SECRET not in result.stderr
    assert not (tmp_path / "site/sir/index.html").exists()


# -- git paths ---------------------------------------------------------------------------------
def test_newline_in_a_changed_path_does_not_desynchronise_git(grepo: Repo) -> None:  # noqa: F811
    # Two approved posts; the first (in sort order) has a newline in its file name. Both change
    # after approval: both approvals are stale. A newline-separated cat-file request asked for
    # two objects that do not exist and gave every later post the wrong old text: no finding.
    grepo.write("content/posts/2027/03/a\nb.md", post_text("Eski metin bir.", status="approved", approvals=APPROVED))
    grepo.post("z", "Eski metin iki.", status="approved", approvals=APPROVED)
    commit(grepo.root)
    grepo.write("content/posts/2027/03/a\nb.md", post_text("Yeni metin bir.", status="approved", approvals=APPROVED))
    grepo.post("z", "Yeni metin iki.", status="approved", approvals=APPROVED)
    found = grepo.findings("--base", "HEAD", *NOW, rule="workflow.approval")
    assert sorted(f["path"].rsplit("/", 1)[-1] for f in found) == ["a\nb.md", "z.md"]
    assert all("eskidi" in f["message"] for f in found)


# -- embargo on post templates in playbooks/ ---------------------------------------------------
TEMPLATE_SECRET = "Pelikan ortakligi sablonu"


@pytest.fixture(scope="module")
def built_with_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = copy_repository(tmp_path_factory.mktemp("repo"))
    template = root / "playbooks/kriz/sablonlar/urun-geri-cagirma.md"
    template.write_text(
        "---\n"
        f"title: {TEMPLATE_SECRET}\n"
        "date: 2027-01-01T09:00:00+03:00\nplatforms: [x, gizli-platform-pelikan]\nstatus: draft\n"
        "author: okan\nlang: tr\ncrisis: true\nembargo: 2027-06-01T09:00:00+03:00\n"
        "---\n\nPelikan markasiyla ortak koleksiyon geliyor.\n",
        encoding="utf-8")
    # an embargoed post with a platform id the brand does not know (free text)
    (root / "content/posts/2026/12/pelikan.md").write_text(
        "---\ntitle: Pelikan\ndate: 2026-12-20T10:00:00+03:00\nplatforms: [instagram, pelikan-ozel-kanal]\n"
        "status: draft\nauthor: ayse\nembargo: 2027-01-01T00:00:00+03:00\n---\n\nMetin.\n", encoding="utf-8")
    site = root / "_site"
    result = mkdocs_build(root, site)
    assert result.returncode == 0, result.stderr
    return site


def test_embargoed_template_is_not_published(built_with_template: Path) -> None:
    files = built_files(built_with_template)
    for path, text in files.items():
        assert "pelikan" not in text.lower(), path
    page = files["kriz/sablonlar/urun-geri-cagirma/index.html"]  # the page stays: nav and links resolve
    assert "ambargolu" in page.lower()
    index = json.loads((built_with_template / "search/search_index.json").read_text(encoding="utf-8"))
    assert not any(d["location"].startswith("kriz/sablonlar/urun-geri-cagirma/") for d in index["docs"])


def test_template_whose_embargo_passed_is_published(tmp_path: Path) -> None:
    root = copy_repository(tmp_path / "repo")
    template = root / "playbooks/kriz/sablonlar/urun-geri-cagirma.md"
    text = template.read_text(encoding="utf-8")
    template.write_text(text.replace("\n---\n", "\nembargo: 2026-01-01T00:00:00+03:00\n---\n", 1), encoding="utf-8")
    site = tmp_path / "site"
    assert mkdocs_build(root, site).returncode == 0
    body = text.split("\n---\n", 1)[1].rsplit("-->", 1)[-1]  # the published text, after the notes
    words = re.findall(r"\w{6,}", body)[:3]
    index = json.dumps(json.loads((site / "search/search_index.json").read_text(encoding="utf-8")),
                       ensure_ascii=False)
    assert words and all(w in index for w in words)


def test_embargoed_unknown_platform_id_is_not_shown(repo: Repo) -> None:
    repo.write("content/posts/2026/12/p.md", post_text(
        "Metin.", date="2026-12-20T10:00:00+03:00", platforms="[instagram, pelikan-ozel-kanal]",
        embargo="2027-01-01T00:00:00+03:00"))
    text = page_text(generate(repo))
    assert "pelikan" not in text.lower() and "Instagram" in text


# -- the build machine's paths -----------------------------------------------------------------
def test_no_absolute_path_of_the_build_machine_on_the_site(tmp_path: Path) -> None:
    # Two posts 10 minutes apart; the brand wants 180 minutes between Instagram posts:
    # calendar.gap names the other post by its path, which the site read as an absolute path.
    root = copy_repository(tmp_path / "repo")
    for name, minute in (("bir", "00"), ("iki", "10")):
        (root / f"content/posts/2026/12/{name}.md").write_text(post_text(
            "Metin.", date=f"2026-12-21T10:{minute}:00+03:00", platforms="[instagram]"), encoding="utf-8")
    text = page_text(generate(Repo(root)))
    assert "calendar.gap" in text, "the test needs a finding that names another post"
    assert str(tmp_path) not in text and str(root) not in text
    assert "content/posts/2026/12/bir.md" in text
