"""The "Raporlar" section and the numbers in previews: generated from the sample repository's
metrics/ (made by scripts/sample_metrics.py) and built with ``mkdocs build --strict``."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path
from xml.etree import ElementTree

import pytest

from checks.brand.loader import load_brand
from checks.metrics import dataset
from checks.site import charts
from checks.site.generate import build_site
from tests.test_site import add_secret_post, copy_repository, mkdocs_build

ROOT = Path(__file__).resolve().parent.parent
NOW = datetime.fromisoformat("2026-11-30T12:00:00+03:00")


def sample_site() -> dict[str, object]:
    brand = load_brand(ROOT / "brand", ROOT)
    posts = dataset.read_posts(brand)
    data = dataset.load(brand, posts)
    return {f.path: f for f in build_site(brand, posts, NOW, metrics=data)}


def test_a_page_per_month_with_charts_and_their_tables():
    files = sample_site()
    assert {"raporlar/index.md", "raporlar/2026/10.md", "raporlar/2026/11.md"} <= set(files)
    page = files["raporlar/2026/11.md"]
    assert page.in_nav and page.section == ("Raporlar", "2026")
    text = str(page.content)
    svgs = re.findall(r"<svg .*?</svg>", text)
    assert len(svgs) >= 4  # followers, engagement (two), heatmap, campaigns
    for svg in svgs:
        ElementTree.fromstring(svg)  # well-formed
        assert 'role="img"' in svg and "<title>" in svg
    # Each chart sits in a box with its data table.
    assert text.count('<div class="ekip-grafik">') == len(svgs) == text.count('<div class="ekip-veri"><table>')
    # The handbook's worked example lives in the sample data: Instagram 48.000 -> 49.440 in November.
    assert "| Instagram | 48.000 | 49.440 | %3,0 |" in text
    assert "kasim-indirimleri" in text and "%1,8" in text  # GA4: 162 / 9.000
    assert "[Kasım indirimleri başladı](../../takvim/gonderi/" in text


def test_preview_of_a_published_post_shows_its_numbers():
    files = sample_site()
    preview = next(f for p, f in files.items() if p.startswith("takvim/gonderi/") and "kasim-indirimleri" in p)
    assert '<h2 id="performans"' in preview.html_unindexed
    assert preview.html_unindexed.count("<tr>") >= 4  # header + Facebook, Instagram, X
    draft = next(f for p, f in files.items() if p.startswith("takvim/gonderi/") and "yilbasi" in p)
    assert "performans" not in draft.html_unindexed


def test_charts_escape_labels_and_skip_empty_data():
    svg = charts.bar_chart("<b>t</b>", [("<script>", 1.0)], str, "a", "b")
    assert "<script>" not in svg and "&lt;script&gt;" in svg
    assert charts.line_chart("t", [], {}, str) == "" and charts.heatmap("t", [], [], {}, str) == ""


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = copy_repository(tmp_path_factory.mktemp("repo"))
    from tests.conftest import Repo

    add_secret_post(Repo(root))
    out = root / "_site"
    result = mkdocs_build(root, out, "2026-11-30T12:00:00+03:00")
    assert result.returncode == 0, result.stderr
    return out


def test_mkdocs_builds_the_report_pages(built: Path):
    page = (built / "raporlar" / "2026" / "11" / "index.html").read_text(encoding="utf-8")
    assert "<svg class=\"ekip-svg\"" in page and "Kasım 2026 raporu" in page
    assert not re.search(r'(src|href)="(https?:)?//', page.split('<div class="md-content"', 1)[1]
                         .split("</article>", 1)[0])  # nothing fetched from elsewhere: no CDN
    nav = (built / "index.html").read_text(encoding="utf-8")
    assert "raporlar/" in nav


def test_a_broken_stored_row_stops_a_strict_build_naming_file_and_line(tmp_path: Path) -> None:
    """The MkDocs plugin says what `ekip report` says of a row it cannot read (as a warning,
    which `mkdocs build --strict` turns into a failed build) and never the cell's content."""
    root = copy_repository(tmp_path / "repo")
    stored = sorted((root / "metrics" / "instagram" / "posts").glob("*.csv"))[0]
    lines = stored.read_text(encoding="utf-8").splitlines(keepends=True)
    cells = lines[1].split(",")
    cells[8] = "05321234567x"  # likes: a phone number and a letter
    stored.write_text("".join([lines[0], ",".join(cells), *lines[2:]]), encoding="utf-8")
    result = mkdocs_build(root, root / "_site", "2026-11-30T12:00:00+03:00")
    assert result.returncode != 0
    assert f"ekip: metrics/instagram/posts/{stored.name}:2: likes bir tam sayı değil" in result.stderr
    assert "05321234567" not in result.stderr and "Traceback" not in result.stderr
