"""The site as the team reads it: the crisis banner on every page, readable Turkish anchors."""

from __future__ import annotations

from pathlib import Path

from test_site import copy_repository, mkdocs_build

from checks.site.slugs import slugify


def test_turkish_anchors_stay_readable() -> None:
    assert slugify("Onay kuralları", "-") == "onay-kurallari"
    assert slugify("İlk 15 dakika: ŞİRKET açıklaması", "-") == "ilk-15-dakika-sirket-aciklamasi"
    assert slugify("Güncelleme ve düzeltme", "-") == "guncelleme-ve-duzeltme"


def test_crisis_banner_on_every_page(tmp_path: Path) -> None:
    root = copy_repository(tmp_path / "repo")
    crisis = root / "brand" / "crisis.yml"
    text = crisis.read_text(encoding="utf-8")
    for key, value in (("active", "true"), ("since", "2026-11-20T08:00:00+03:00"), ("severity", "2"),
                       ("reason", '"Teslimat <gecikmesi> & açıklama"')):
        lines = text.splitlines()
        at = next(i for i, line in enumerate(lines) if line.startswith(f"{key}:"))
        lines[at] = f"{key}: {value}"
        text = "\n".join(lines) + "\n"
    crisis.write_text(text, encoding="utf-8")
    site = tmp_path / "site"
    result = mkdocs_build(root, site)
    assert result.returncode == 0, result.stderr
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 20
    missing = [p.relative_to(site).as_posix() for p in pages
               if p.name != "404.html" and 'class="ekip-kriz-bandi"' not in p.read_text(encoding="utf-8")]
    assert missing == []
    roles = (site / "roller" / "index.html").read_text(encoding="utf-8")
    assert "Teslimat &lt;gecikmesi&gt; &amp; açıklama" in roles and "<gecikmesi>" not in roles
    assert 'href="../kriz/"' in roles and "seviye 2" in roles
    preview = next(site.glob("takvim/gonderi/*/index.html")).read_text(encoding="utf-8")
    assert preview.count('class="ekip-kriz-bandi"') == 1


def test_no_banner_when_crisis_mode_is_off(tmp_path: Path) -> None:
    root = copy_repository(tmp_path / "repo")
    site = tmp_path / "site"
    result = mkdocs_build(root, site)
    assert result.returncode == 0, result.stderr
    assert not any('class="ekip-kriz-bandi"' in p.read_text(encoding="utf-8") for p in site.rglob("*.html"))
    guide = (site / "marka" / "index.html").read_text(encoding="utf-8")
    assert 'id="onay-kurallari"' in guide and 'id="uslup-kurallari"' in guide and 'id="onay-kurallar"' not in guide


def test_preview_shows_the_posts_images(tmp_path: Path) -> None:
    root = copy_repository(tmp_path / "repo")
    (tmp_path / "outside.png").write_bytes(b"\x89PNG outside the repository")
    (root / "media" / "link.png").symlink_to(tmp_path / "outside.png")
    (root / "content" / "posts" / "2027" / "01" / "link.md").write_text(
        "---\ntitle: Bağlantı\ndate: 2027-01-20T10:00:00+03:00\nplatforms: [facebook]\nstatus: draft\n"
        "author: ayse\nmedia:\n  - path: media/link.png\n    alt: Dışarıdan\n---\n\nMetin.\n", encoding="utf-8")
    post = next(p for p in sorted((root / "content").rglob("*.md")) if "media/" in p.read_text(encoding="utf-8"))
    text = post.read_text(encoding="utf-8")
    image = text.split("path: ", 1)[1].split("\n", 1)[0].strip()
    site = tmp_path / "site"
    result = mkdocs_build(root, site)
    assert result.returncode == 0, result.stderr
    from checks.site.model import media_path

    published = site / media_path(image)
    assert published.read_bytes() == (root / image).read_bytes()
    slug = post.stem
    preview = next(p for p in site.glob(f"takvim/gonderi/*{slug}*/index.html"))
    html = preview.read_text(encoding="utf-8")
    name = media_path(image).rsplit("/", 1)[1]
    assert f'<img src="../../medya/{name}"' in html and 'loading="lazy"' in html
    assert not (site / media_path("media/link.png")).exists()  # a symlink that leads out is not published
