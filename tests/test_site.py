"""The published site: the page generator (no MkDocs) and real ``mkdocs build --strict`` runs."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

from checks.brand.loader import load_brand
from checks.site import nav, source
from checks.site.generate import build_site
from checks.site.model import CALENDAR, FEED, GUIDE, SiteFile, month_page
from checks.site.render import post_html
from tests.conftest import Repo

ROOT = Path(__file__).resolve().parent.parent
NOW = "2026-11-27T12:00:00+03:00"

# A post under embargo, with an ASCII-only title and phrase so that no escaping
# (JSON \u escapes, HTML entities, iCalendar folding) could hide them from a substring search.
SECRET_SLUG = "gizli-ortaklik-zebra"
SECRET_TITLE = "Zebra Kolektif ortakligi"
SECRET_PHRASE = "mavi zebra desenli yagmurluk"
EVIL_TITLE = "<script>alert(1)</script> & *yıldız* [x](javascript:alert(2)) | boru"
EVIL_BODY = (
    "Merhaba <script>alert(3)</script> dünya.\n\n"
    "<img src=x onerror=alert(4)> [tıkla](javascript:alert(5)) <a href=\"javascript:alert(6)\">a</a>\n\n"
    "#YeniSezon https://ornek.com.tr/a?utm_source=x&utm_medium=y&utm_campaign=z"
)


def now() -> datetime:
    return datetime.fromisoformat(NOW)


def generate(repo: Repo, at: str = NOW) -> dict[str, SiteFile]:
    when = datetime.fromisoformat(at)
    found = source.load(repo.root, when)
    files = build_site(found.brand, found.posts, when, found.findings, builtin_ids=found.builtin_ids)
    return {f.path: f for f in files}


def body(f: SiteFile) -> str:
    """Everything a generated file puts on the site."""
    content = f.content if isinstance(f.content, str) else f.content.decode()
    return "\n".join((content, f.html or "", f.html_unindexed))


def page_text(files: dict[str, SiteFile]) -> str:
    return "\n".join(body(f) for f in files.values())


# -- calendar grouping -------------------------------------------------------------------------
def test_month_pages_group_by_brand_local_time(repo: Repo) -> None:
    # 20:30 UTC on 31 December is 23:30 in Istanbul: December.
    repo.post("yil-sonu", "Metin.", title="Yılın son gönderisi", date="2026-12-31T23:30:00+03:00")
    # 21:30 UTC on 31 December is 00:30 on 1 January in Istanbul: January.
    repo.post("utc-yazilmis", "Metin.", title="UTC ile yazılmış", date="2026-12-31T21:30:00Z")
    # A time without an offset is brand-local.
    repo.post("saatsiz", "Metin.", title="Ofsetsiz saat", date="2027-01-01T00:10:00")
    # The month boundary inside a year: 30 Nov 21:30 UTC is 1 Dec 00:30 in Istanbul.
    repo.post("kasim-sonu", "Metin.", title="Kasımın son gecesi", date="2026-11-30T23:59:00+03:00")
    repo.post("aralik-basi", "Metin.", title="Aralığın ilk dakikaları", date="2026-11-30T21:30:00Z")
    files = generate(repo)
    nov, dec, jan = (str(files[month_page(*ym)].content) for ym in ((2026, 11), (2026, 12), (2027, 1)))
    assert "Kasımın son gecesi" in nov and "Aralığın ilk dakikaları" not in nov
    assert "Aralığın ilk dakikaları" in dec and "Yılın son gönderisi" in dec
    assert "UTC ile yazılmış" not in dec and "Ofsetsiz saat" not in dec
    assert "UTC ile yazılmış" in jan and "Ofsetsiz saat" in jan
    # Times are shown brand-local; 31 Dec 2026 and 1 Jan 2027 share ISO week 53 of 2026.
    assert "Per 31 Ara 23:30" in dec and "Cum 1 Oca 00:30" in jan and "Cum 1 Oca 00:10" in jan
    week = "53. hafta: 28 Aralık 2026 – 3 Ocak 2027"
    assert week in dec and week in jan
    assert "49. hafta: 30 Kasım – 6 Aralık 2026" in dec  # the week heading of 1 December
    assert files[month_page(2026, 12)].section == ("Takvim", "2026")
    assert files[month_page(2027, 1)].section == ("Takvim", "2027")


def test_month_page_has_one_table_per_iso_week_in_time_order(repo: Repo) -> None:
    for day, title in ((14, "Üçüncü"), (1, "Birinci"), (7, "İkinci"), (8, "İkinci hafta ikinci")):
        repo.post(f"p{day}", "Metin.", title=title, date=f"2026-12-{day:02d}T10:00:00+03:00")
    dec = str(generate(repo)[month_page(2026, 12)].content)
    headings = re.findall(r"^## (\d+)\. hafta", dec, re.M)
    assert headings == ["49", "50", "51"]
    assert dec.index("Birinci") < dec.index("İkinci") < dec.index("İkinci hafta ikinci") < dec.index("Üçüncü")


def test_overview_lists_upcoming_posts_and_counts(repo: Repo) -> None:
    repo.post("gecmis", "Metin.", title="Geçmiş gönderi", date="2026-11-01T10:00:00+03:00", status="published",
              platforms="[x]")
    repo.post("gelecek", "Metin.", title="Gelecek gönderi", date="2026-12-01T10:00:00+03:00",
              platforms="[x, instagram]")
    overview = str(generate(repo)[CALENDAR].content)
    upcoming = overview.split("## Yaklaşan gönderiler", 1)[1].split("## Aylar", 1)[0]
    assert "Gelecek gönderi" in upcoming and "Geçmiş gönderi" not in upcoming
    assert "| X | 2 | 1 |" in overview and "| Instagram | 1 | 1 |" in overview
    assert "Taslak (<code>draft</code>) | 1 |" in overview
    assert "Kriz modu kapalı" in overview


def test_overview_shows_what_crisis_mode_holds_back(repo: Repo) -> None:
    repo.write("brand/crisis.yml", "active: true\nsince: 2026-12-01T00:00:00+03:00\nseverity: 2\n"
                                   "reason: Teslimat gecikmesi\n")
    repo.post("tutulan", "Metin.", title="Bekletilen kampanya", status="scheduled", date="2026-12-05T10:00:00+03:00")
    repo.post("kriz", "Metin.", title="Kriz açıklaması", status="scheduled", crisis="true",
              date="2026-12-05T11:00:00+03:00")
    repo.post("taslak", "Metin.", title="Taslak gönderi", status="draft", date="2026-12-05T12:00:00+03:00")
    repo.post("once", "Metin.", title="Krizden önce", status="approved", date="2026-11-30T12:00:00+03:00")
    overview = str(generate(repo)[CALENDAR].content)
    assert "Kriz modu açık" in overview and "Teslimat gecikmesi" in overview
    held = overview.split("### Kriz modunun beklettiği gönderiler", 1)[1].split("## Yaklaşan", 1)[0]
    assert "Bekletilen kampanya" in held
    for title in ("Kriz açıklaması", "Taslak gönderi", "Krizden önce"):
        assert title not in held


# -- previews ----------------------------------------------------------------------------------
def test_preview_shows_text_lengths_and_findings(repo: Repo) -> None:
    repo.rules("""
        rules:
          - id: banned-words
            kind: ban
            level: error
            message: "'{match}' marka dilimize uymuyor."
            terms: [ucuz]
    """)
    text = "Bu fiyatlar çok ucuz. <!-- iç not: gizli yorum -->\n\nhttps://ornek.com.tr/" + "a" * 300
    repo.post("onizleme", text, title="Önizleme", platforms="[x, instagram]")
    files = generate(repo)
    page = next(f for p, f in files.items() if p.startswith("takvim/gonderi/"))
    html = body(page)
    assert "Bu fiyatlar çok ucuz." in (page.html or "")  # the text is searchable
    assert "gizli yorum" not in html  # HTML comments are not part of the published text
    assert "<td>X</td><td>47</td><td>280</td>" in html  # every URL weighs 23 on X
    assert "<td>Instagram</td><td>345</td><td>2200</td>" in html
    assert '<a href="../../../marka/#voice.banned-words"><code>voice.banned-words</code></a>' in page.html_unindexed
    assert "&#x27;ucuz&#x27; marka dilimize uymuyor." in page.html_unindexed
    month = str(files[month_page(2027, 3)].content)
    assert re.search(r"\| \d+ hata \|", month)
    assert f"(../gonderi/{page.path.rsplit('/', 1)[1]})" in month  # linked from the month page
    assert not page.in_nav  # previews stay out of the navigation


def test_post_html_escapes_raw_html_and_unsafe_links() -> None:
    html = post_html(EVIL_BODY)
    assert not re.search(r"<script|<img|<a\b[^>]*href=\"javascript", html)
    assert "&lt;script&gt;alert(3)&lt;/script&gt;" in html and "<span>tıkla</span>" in html
    assert '<a href="https://ornek.com.tr/a?utm_source=x&amp;utm_medium=y&amp;utm_campaign=z"' in html
    assert "<p>#YeniSezon" in html  # a hashtag at the start of a line is not a heading


# -- embargo -----------------------------------------------------------------------------------
def add_secret_post(repo: Repo, date: str = "2026-12-10T10:00:00+03:00") -> None:
    repo.write(f"content/posts/2026/12/{SECRET_SLUG}.md", (
        "---\n"
        f"title: {SECRET_TITLE}\n"
        f"date: {date}\n"
        "platforms: [instagram, x]\n"
        "status: scheduled\n"
        "author: ayse\n"
        "campaign: zebra-kampanya\n"
        "embargo: 2026-12-10T10:00:00+03:00\n"
        "---\n\n"
        f"Yeni {SECRET_PHRASE} koleksiyonumuz geliyor.\n"
    ))


def test_embargoed_post_is_only_a_placeholder(repo: Repo) -> None:
    add_secret_post(repo)
    repo.post("komsu", "Aynı gün başka gönderi.", title="Komşu gönderi", date="2026-12-10T18:00:00+03:00",
              platforms="[x]")
    files = generate(repo)
    everything = page_text(files) + "\n".join(files)
    for secret in (SECRET_TITLE, SECRET_PHRASE, SECRET_SLUG, "zebra-kampanya", "Zebra", "zebra"):
        assert secret not in everything
    dec = str(files[month_page(2026, 12)].content)
    row = next(line for line in dec.splitlines() if "ambargolu" in line)
    assert row.startswith("| Per 10 Ara 10:00 | Instagram, X | ")
    assert "Komşu gönderi" in dec
    assert len([p for p in files if p.startswith("takvim/gonderi/")]) == 1  # the neighbour's preview only


def test_other_posts_findings_do_not_name_an_embargoed_post(repo: Repo) -> None:
    repo.write("brand/calendar.yml", "min_gap_minutes: {instagram: 180}\n")
    add_secret_post(repo)  # scheduled, instagram, 10:00
    repo.post("sonraki", "Metin.", title="Yarım saat sonra", status="scheduled", platforms="[instagram]",
              date="2026-12-10T10:30:00+03:00", author="ayse")
    files = generate(repo)
    preview = next(body(f) for p, f in files.items() if p.startswith("takvim/gonderi/"))
    assert "calendar.gap" in preview and "[ambargolu gönderi]" in preview
    assert SECRET_SLUG not in preview and "zebra" not in preview.lower()


def test_embargo_that_has_passed_publishes_the_post(repo: Repo) -> None:
    add_secret_post(repo)
    files = generate(repo, "2026-12-10T10:00:01+03:00")
    assert any(SECRET_TITLE in body(f) for p, f in files.items() if p.startswith("takvim/gonderi/"))


def test_unreadable_embargo_keeps_the_post_hidden(repo: Repo) -> None:
    repo.post("bozuk", f"{SECRET_PHRASE}.", title=SECRET_TITLE, embargo="yarın sabah")
    assert SECRET_TITLE not in page_text(generate(repo))


# -- escaping ----------------------------------------------------------------------------------
def test_titles_are_escaped_in_generated_markdown(repo: Repo) -> None:
    repo.post("kotu", EVIL_BODY, title=json.dumps(EVIL_TITLE), campaign="kampanya")
    files = generate(repo)
    pages = [f for f in files.values() if f.is_page]  # the .ics is plain text, not HTML
    markdown = "\n".join(str(p.content) for p in pages if p.html is None)
    assert "<script>" not in markdown and "](javascript" not in markdown
    assert "&#60;script&#62;alert(1)&#60;/script&#62;" in markdown  # the month page
    html = "\n".join((p.html or "") + p.html_unindexed for p in pages)
    assert not re.search(r"<script|<img|<a\b[^>]*href=\"javascript", html)
    preview = next(p for p in pages if p.html and "alert(3)" in p.html)
    assert "<h1>&lt;script&gt;alert(1)&lt;/script&gt; &amp; *yıldız*" in str(preview.html)
    assert preview.title == EVIL_TITLE  # plain; the plugin escapes it into <title>
    month = str(files[month_page(2027, 3)].content)
    row = next(line for line in month.splitlines() if "alert(1)" in line)
    assert row.count(" | ") == 6  # the title's '|' did not add a table cell


# -- brand guide -------------------------------------------------------------------------------
def test_brand_guide_lists_every_rule_of_the_sample_brand() -> None:
    brand = load_brand(ROOT / "brand")
    found = source.Sources(brand, [])
    files = {f.path: f for f in build_site(brand, [], now(), builtin_ids=found.builtin_ids)}
    guide = str(files[GUIDE].content)
    assert guide.startswith("# Marka rehberi")
    assert brand.rules, "the sample brand has rules"
    for rule in brand.rules:  # each with its id as the anchor, for links from previews
        assert f'<code id="{rule.id}">' in guide or f'<h4 id="{rule.id}">' in guide, rule.id
    for text in ("Bu fiyatlar çok ucuz.", "Uygun fiyatlı seçenekler sizi bekliyor.",  # examples
                 "Okan Çelik", "kriz lideri", "6 Şubat depremlerini anma günü", "Kriz modu kapalı",
                 "Zamanlandı (<code>scheduled</code>)", "| X | <code>x</code> | 280 |", "sensitive.deprem",
                 "Deprem ve doğal afetler"):
        assert text in guide, text


def test_brand_guide_page_is_in_the_nav() -> None:
    brand = load_brand(ROOT / "brand")
    files = {f.path: f for f in build_site(brand, [], now())}
    assert files[GUIDE].in_nav and files[CALENDAR].in_nav and isinstance(files[FEED].content, bytes)


# -- nav ---------------------------------------------------------------------------------------
def test_nav_replaces_the_entries_that_name_generated_pages() -> None:
    files = [
        SiteFile(CALENDAR, "", "Genel bakış", True, ("Takvim",)),
        SiteFile(month_page(2026, 12), "", "Aralık 2026", True, ("Takvim", "2026")),
        SiteFile(month_page(2027, 1), "", "Ocak 2027", True, ("Takvim", "2027")),
        SiteFile(GUIDE, "", "Marka rehberi", True),
        SiteFile("takvim/gonderi/x.md", "", "X", False),
    ]
    written = [{"Ana sayfa": "index.md"}, {"Takvim": CALENDAR}, {"El kitabı": [{"Roller": "roller.md"}]}]
    assert nav.place(written, files) == [
        {"Ana sayfa": "index.md"},
        {"Takvim": [{"Genel bakış": CALENDAR}, {"2026": [{"Aralık 2026": "takvim/2026/12.md"}]},
                    {"2027": [{"Ocak 2027": "takvim/2027/01.md"}]}]},
        {"El kitabı": [{"Roller": "roller.md"}]},
        {"Marka rehberi": GUIDE},
    ]
    assert written[1] == {"Takvim": CALENDAR}  # not changed in place
    assert nav.place(None, files) is None


# -- mkdocs build --strict ---------------------------------------------------------------------
def mkdocs_build(root: Path, site: Path, at: str = NOW) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "EKIP_NOW": at, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", "mkdocs.yml", "-d", str(site)],
        cwd=root, env=env, capture_output=True, text=True, timeout=300,
    )


def copy_repository(dest: Path) -> Path:
    dest.mkdir(parents=True, exist_ok=True)
    for name in ("mkdocs.yml", "brand", "content", "playbooks", "media", "metrics"):
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, dest / name)
        elif src.exists():
            shutil.copy2(src, dest / name)
    return dest


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository plus an embargoed post and a post with a hostile title, built --strict."""
    root = copy_repository(tmp_path_factory.mktemp("repo"))
    repo = Repo(root)
    add_secret_post(repo)
    repo.write("content/posts/2026/12/kotu-baslik.md", (
        "---\n"
        f"title: {json.dumps(EVIL_TITLE)}\n"
        "date: 2026-12-11T10:00:00+03:00\nplatforms: [x]\nstatus: draft\nauthor: ayse\n"
        "---\n\n" + EVIL_BODY + "\n"
    ))
    site = root / "_site"
    result = mkdocs_build(root, site)
    assert result.returncode == 0, result.stderr
    return site


def built_files(site: Path) -> dict[str, str]:
    out = {}
    for p in site.rglob("*"):
        if p.is_file():
            text = p.read_bytes().decode("utf-8", errors="replace")
            if p.suffix == ".ics":
                text = text.replace("\r\n ", "").replace("\r\n\t", "")  # unfold long lines
            if p.name == "search_index.json":
                text += json.dumps(json.loads(text), ensure_ascii=False)
            out[p.relative_to(site).as_posix()] = text
    return out


def test_real_repository_builds_strict(tmp_path: Path) -> None:
    result = mkdocs_build(ROOT, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    site = tmp_path / "site"
    for page in ("index.html", "takvim/index.html", "takvim/2026/12/index.html", "marka/index.html",
                 "takvim/ekip.ics", "search/search_index.json", "kriz/index.html"):
        assert (site / page).is_file(), page
    index = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
    titles = {d["title"] for d in index["docs"]}
    assert "Yeni yıl mesajı" in titles  # search finds posts by title


def test_built_site_has_no_trace_of_an_embargoed_post(built: Path) -> None:
    files = built_files(built)
    assert "search/search_index.json" in files and "takvim/ekip.ics" in files
    for path, text in files.items():
        for secret in (SECRET_TITLE, SECRET_PHRASE, SECRET_SLUG, "zebra"):
            assert secret.lower() not in text.lower(), (secret, path)
            assert secret.lower() not in path.lower()
    assert "ambargolu" in files["takvim/2026/12/index.html"]


def test_built_site_escapes_hostile_titles_and_text(built: Path) -> None:
    files = built_files(built)
    for path, text in files.items():
        if path.endswith((".html", ".json")):
            assert not re.search(r"<script>alert|<img\b[^>]*onerror|<a\b[^>]*href=\\?\"javascript", text), path
    preview = next(t for p, t in files.items() if p.startswith("takvim/gonderi/") and "alert(3)" in t)
    assert "&lt;script&gt;alert(3)&lt;/script&gt;" in preview
    assert re.search(r"<h1[^>]*>(&#60;|&lt;)script(&#62;|&gt;)alert\(1\)", preview)
    assert "<title>&lt;script&gt;alert(1)&lt;/script&gt;" in preview


def test_embargoed_post_appears_once_the_embargo_passed(tmp_path: Path) -> None:
    root = copy_repository(tmp_path / "repo")
    add_secret_post(Repo(root))
    site = tmp_path / "site"
    assert mkdocs_build(root, site, "2026-12-10T10:00:01+03:00").returncode == 0
    index = (site / "search/search_index.json").read_text(encoding="utf-8")
    assert SECRET_TITLE in index and SECRET_PHRASE in index


def test_preview_links_resolve_in_the_built_site(built: Path) -> None:
    previews = list((built / "takvim/gonderi").glob("*/index.html"))
    assert previews
    for page in previews:
        for target in re.findall(r'<(?:a|link)\b[^>]*?\shref="([^"#]*)', page.read_text(encoding="utf-8")):
            if not target:
                continue
            if "://" in target or target.startswith("mailto:"):
                continue
            resolved = (page.parent / target).resolve()
            assert (resolved / "index.html" if target.endswith("/") else resolved).exists(), (page, target)


@pytest.mark.parametrize(("directory_urls", "expected"), [
    (True, ["../../2026/12/", "../../", "../../../marka/", "takvim/gonderi/x/"]),
    (False, ["../2026/12.html", "../index.html", "../../marka/index.html", "takvim/gonderi/x.html"]),
])
def test_href_follows_use_directory_urls(directory_urls: bool, expected: list[str]) -> None:
    from checks.site.model import href

    preview = "takvim/gonderi/x.md"
    assert [
        href(month_page(2026, 12), preview, directory_urls), href(CALENDAR, preview, directory_urls),
        href(GUIDE, preview, directory_urls), href(preview, "index.md", directory_urls),
    ] == expected


def test_plugin_now_option_and_env_override(monkeypatch: pytest.MonkeyPatch) -> None:
    from zoneinfo import ZoneInfo

    from checks.site.plugin import NOW_ENV, EkipPlugin

    ist = ZoneInfo("Europe/Istanbul")
    monkeypatch.delenv(NOW_ENV, raising=False)
    plugin = EkipPlugin()
    # mkdocs.yml's YAML turns an unquoted timestamp into a datetime; a quoted one stays a string.
    for value in (datetime.fromisoformat(NOW), NOW, "2026-11-27T12:00:00"):
        errors, _ = plugin.load_config({"now": value})
        assert not errors
        assert plugin._now(ist) == now()
    monkeypatch.setenv(NOW_ENV, "2027-01-01T00:00:00Z")
    assert plugin._now(ist) == datetime.fromisoformat("2027-01-01T03:00:00+03:00")  # the env var wins
    plugin.load_config({})
    monkeypatch.delenv(NOW_ENV)
    assert abs((plugin._now(ist) - datetime.now(ist)).total_seconds()) < 60
