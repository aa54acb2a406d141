"""The published site in the team's language (issue 12): the generated pages (calendar, month
pages, previews, brand guide, reports) say nothing that did not come through the message
catalog except data, and a build follows ``EKIP_LANG`` and the brand's ``default_lang`` as the
commands do (real ``mkdocs build --strict`` runs).

The pseudo-language build runs MkDocs in this process under ``Pseudo()`` (every catalogued
message comes back marked ``⟦…⟧``). Every text node of the generated pages' content (and the
crisis banner, the page titles and the ``aria-label`` values) is taken with the marked parts cut
out; what is left must be data: numbers, dates, ids, paths, code, or a piece of the
repository's own text (posts, brand files, the built-in packs' terms, platform names). A word
of prose left over is a string that did not go through the catalog.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from checks import i18n
from checks.brand.loader import load_brand
from tests.support.pseudo import Pseudo, unmarked
from tests.test_site import NOW, copy_repository

ROOT = Path(__file__).resolve().parent.parent
GENERATED = ("takvim", "marka", "raporlar")  # the folders of the generated pages in the site
CRISIS = {"active": "true", "since": "2026-11-20T08:00:00+03:00", "severity": "2",
          "reason": '"Teslimat gecikmesi zebra"'}
# Numbers, times, ISO dates, percentages, paths, URLs, ids with dots or dashes, hashtags.
_DATA_TOKEN = re.compile(r"\S*[\d/\\.:=_@#<>{}\[\]`'\"%-]\S*")
_WORD = re.compile(r"[^\W\d_]{2,}")
_SEPARATORS = re.compile(r"\s*(?:[,;·/()|×→←–—✓✗…]|:(?=\s)|\s-\s)\s*")


def set_crisis(root: Path) -> None:
    """Crisis mode on in the copy's brand/crisis.yml (banner, held posts, guide's crisis table)."""
    path = root / "brand" / "crisis.yml"
    lines = path.read_text(encoding="utf-8").splitlines()
    for key, value in CRISIS.items():
        at = next(i for i, line in enumerate(lines) if line.startswith(f"{key}:"))
        lines[at] = f"{key}: {value}"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def set_default_lang(root: Path, lang: str) -> None:
    path = root / "brand" / "brand.yml"
    text = path.read_text(encoding="utf-8")
    assert re.search(r"^default_lang: \w+", text, flags=re.M)
    path.write_text(re.sub(r"^default_lang: \w+", f"default_lang: {lang}", text, flags=re.M), encoding="utf-8")


# -- what counts as data ----------------------------------------------------------------------
def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield str(k)
            yield from _strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v)


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


def data_strings(root: Path) -> list[str]:
    """The repository's own text: posts (whole files), every string of the brand files and the
    built-in packs, the metrics exports, and the effective platform names."""
    out: list[str] = []
    for path in sorted((root / "content").rglob("*.md")):
        out.append(path.read_text(encoding="utf-8"))
    for path in [*sorted((root / "brand").rglob("*.yml")), *sorted((ROOT / "checks" / "packs").glob("*.yml"))]:
        out += list(_strings(yaml.safe_load(path.read_text(encoding="utf-8"))))
    for path in sorted((root / "metrics").rglob("*")):
        if path.is_file():
            out.append(path.read_text(encoding="utf-8", errors="replace"))
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")  # the site's name, the nav titles written there
    out += [a or b for a, b in re.findall(r"^site_(?:name|description): (.+)$|^\s*- ([^:#\n]+):", config, flags=re.M)]
    brand = load_brand(root / "brand", root)
    out += [p.name for p in brand.platforms.values()]
    out += [p.stem for p in (root / "brand" / "rules").glob("*.yml")]  # a rules file's name heads its rules
    return [_norm(s) for s in out]


def _template(text: str) -> re.Pattern[str]:
    """A team message with ``{match}``-style placeholders as a pattern (the finding fills them)."""
    parts = re.split(r"\{[a-z_]+\}", text)
    return re.compile(".*".join(re.escape(p) for p in parts))


def is_data(fragment: str, strings: list[str], templates: list[re.Pattern[str]]) -> bool:
    text = _norm(fragment)
    whole = re.compile(rf"(?<!\w){re.escape(text)}(?!\w)")
    return any(text in s and whole.search(s) for s in strings) or any(t.search(text) for t in templates)


def leftovers(text: str, strings: list[str], templates: list[re.Pattern[str]]) -> list[str]:
    """The pieces of ``text`` (a page's text nodes, one per line) that are neither catalogued
    messages nor data. A message may hold elements (code, links), so the markers are matched
    across the whole text before it is cut into pieces."""
    out = []
    for line in unmarked(text).splitlines():
        for fragment in _SEPARATORS.split(line):
            if not _WORD.search(fragment) or is_data(fragment, strings, templates):
                continue
            rest = _DATA_TOKEN.sub(" ", fragment)
            if _WORD.search(rest) and not is_data(rest, strings, templates):
                out.append(fragment.strip())
    return out


# -- the visible text of a page ---------------------------------------------------------------
class VisibleText(HTMLParser):
    """Text nodes and ``aria-label`` values of the page's content (``<article>``), of the crisis
    banner and of ``<title>``; Material's own interface outside them is the theme's."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.nodes: list[str] = []
        self.depth = 0  # inside article or banner: element depth
        self.code = 0
        self.skip = 0
        self.title = False

    VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
                      "wbr"})

    def _attrs(self, attrs: list[tuple[str, str | None]]) -> None:
        label = dict(attrs).get("aria-label")
        if self.depth and label:
            self.nodes.append(label)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._attrs(attrs)  # <rect/>, <br/>: no depth

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = (dict(attrs).get("class") or "").split()
        if self.depth == 0 and (tag == "article" or "ekip-kriz-bandi" in classes):
            self.depth = 1
        elif self.depth and tag not in self.VOID:
            self.depth += 1
        self._attrs(attrs)
        if tag == "title" and self.depth == 0:
            self.title = True
        if self.depth and tag == "code":
            self.code += 1
        if tag in ("script", "style"):
            self.skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in self.VOID:
            return
        if self.depth:
            self.depth -= 1
        if tag == "code" and self.code:
            self.code -= 1
        if tag == "title":
            self.title = False
        if tag in ("script", "style"):
            self.skip -= 1

    def handle_data(self, data: str) -> None:
        if self.skip or self.code > 0:
            return  # code spans hold ids, keys, paths and commands
        if self.depth or self.title:
            self.nodes.append(data)


def visible_text(html: str) -> str:
    """The page's visible text, a line per text node."""
    parser = VisibleText()
    parser.feed(html)
    return "\n".join(n.strip() for n in parser.nodes if n.strip())


def build_in_process(root: Path, site: Path) -> None:
    """``mkdocs build --strict`` in this process (so that the pseudo-language reaches the plugin)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("EKIP_NOW", NOW)
        mp.chdir(root)
        config = load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(site), strict=True)
        build(config)


@pytest.fixture(scope="module")
def pseudo_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    root = copy_repository(tmp_path_factory.mktemp("repo"))
    set_crisis(root)
    site = root / "_site"
    with i18n.using(Pseudo()):
        build_in_process(root, site)
    return root, site


def generated_pages(site: Path) -> list[Path]:
    return sorted(p for folder in GENERATED for p in (site / folder).rglob("index.html"))


def test_generated_pages_say_nothing_outside_the_catalog_but_data(pseudo_site: tuple[Path, Path]) -> None:
    root, site = pseudo_site
    strings = data_strings(root)
    templates = [_template(s) for s in strings if "{" in s]
    pages = generated_pages(site)
    kinds = {p.relative_to(site).parts[0] for p in pages}
    assert kinds == set(GENERATED) and len(pages) > 30
    assert any("/gonderi/" in p.as_posix() for p in pages)
    found: dict[str, list[str]] = {}
    marked = 0
    for page in pages:
        text = visible_text(page.read_text(encoding="utf-8"))
        marked += text.count("⟦")
        rest = leftovers(text, strings, templates)
        if rest:
            found[page.relative_to(site).as_posix()] = rest
    assert found == {}
    assert marked > 1000  # the pages were read, and their words did come through the catalog


def test_the_check_finds_a_string_left_outside_the_catalog(pseudo_site: tuple[Path, Path]) -> None:
    """The same check on a page with one literal sentence and one literal table header."""
    root, site = pseudo_site
    strings = data_strings(root)
    page = (site / "takvim" / "index.html").read_text(encoding="utf-8")
    planted = page.replace("<h1", "<p>Yaklaşan gönderiler listesi</p><table><tr><th>Upcoming</th></tr></table><h1", 1)
    assert leftovers(visible_text(page), strings, []) == []
    assert leftovers(visible_text(planted), strings, []) == ["Yaklaşan gönderiler listesi", "Upcoming"]
    # and a post's own title, a member's name, an ISO date and a rule id are data
    assert leftovers("Kasım indirimleri başladı · Ayşe Yılmaz · 2026-11-27 voice.banned-words", strings, []) == []


def test_pseudo_site_marks_the_navigation_titles_banner_and_material_language(pseudo_site: tuple[Path, Path]) -> None:
    _root, site = pseudo_site
    overview = (site / "takvim" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="en"' in overview  # Material's interface follows the chosen language
    assert "⟦Overview⟧" in overview and "⟦Content calendar⟧" in overview
    banner = re.search(r'<div class="ekip-kriz-bandi".*?</div>', overview, flags=re.S)
    assert banner and "⟦Crisis mode on⟧" in banner.group(0) and "Teslimat gecikmesi zebra" in banner.group(0)
    preview = next((site / "takvim" / "gonderi").rglob("index.html")).read_text(encoding="utf-8")
    assert 'aria-label="⟦Navigation⟧"' in preview
    # a hand-written page keeps its own words; its placeholders' values are ours
    special = (site / "ozel-gunler" / "index.html").read_text(encoding="utf-8")
    assert "⟦" in special


def test_handbook_placeholders_say_nothing_outside_the_catalog_but_data() -> None:
    from checks.site import handbook

    strings = data_strings(ROOT)
    templates = [_template(s) for s in strings if "{" in s]
    brand = load_brand(ROOT / "brand", ROOT)
    with i18n.using(Pseudo()):
        values = {name: make() for name, make in handbook.values(brand, ROOT).items()}
    found = {}
    for name, value in values.items():
        cells = [c for line in value.splitlines() for c in line.split("|")]
        rest = [r for c in cells for r in leftovers(re.sub(r"`[^`]*`|\[[^\]]*\]\([^)]*\)|\*\*", " ", c),
                                                    strings, templates)]
        if rest:
            found[name] = rest
    assert found == {}
    assert "⟦" in values["quiet-periods"] and "⟦" in values["approval-policy"]


# -- English ----------------------------------------------------------------------------------
def mkdocs(root: Path, site: Path, **env: str) -> None:
    environment = {**os.environ, "EKIP_NOW": NOW, "NO_MKDOCS_2_WARNING": "1", **env}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", "mkdocs.yml", "-d", str(site)],
                            cwd=root, env=environment, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr


def english_pages(site: Path) -> dict[str, str]:
    preview = next(p for p in sorted((site / "takvim" / "gonderi").rglob("index.html"))
                   if "Performance" in p.read_text(encoding="utf-8"))
    return {
        "calendar": (site / "takvim" / "index.html").read_text(encoding="utf-8"),
        "month": (site / "takvim" / "2026" / "12" / "index.html").read_text(encoding="utf-8"),
        "guide": (site / "marka" / "index.html").read_text(encoding="utf-8"),
        "report": (site / "raporlar" / "2026" / "11" / "index.html").read_text(encoding="utf-8"),
        "preview": preview.read_text(encoding="utf-8"),
    }


def assert_english(pages: dict[str, str]) -> None:
    cal, month, guide, report, preview = (pages[k] for k in ("calendar", "month", "guide", "report", "preview"))
    assert '<html lang="en"' in cal and '<html lang="en"' in guide
    assert ">Content calendar<" in cal and "Upcoming posts" in cal and "By platform" in cal
    assert ">İçerik takvimi<" not in cal and "Yaklaşan gönderiler" not in cal
    assert ">December 2026<" in month and "Week 50: 7–13 December 2026" in month and "Monday–Sunday" in month
    assert re.search(r">(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{1,2} Dec ", month)
    assert ">Brand guide<" in guide and "Approval rules" in guide and "Sensitive topics" in guide
    assert "Built-in checks" in guide and "Onay kuralları" not in guide
    assert ">November 2026 report<" in report and "Best posts" in report and "Best times to post" in report
    assert "Day × hour: average engagement rate" in report and "En iyi gönderiler" not in report
    assert "Length per platform" in preview and "Check findings" in preview and "Performance" in preview
    assert "Platformlara göre uzunluk" not in preview and "Genel bakış" not in preview
    # the team's words and the machine values stay as they are
    assert "Yılbaşı hediye rehberi" in month and "Ayşe Yılmaz" in month
    assert '<h4 id="tr-yazim.yazim-yanlislari"' in guide and 'href="../../../marka/"' in preview  # ids, URLs


def test_english_brand_builds_an_english_site(tmp_path: Path) -> None:
    root = copy_repository(tmp_path / "repo")
    set_default_lang(root, "en")
    site = tmp_path / "site"
    mkdocs(root, site)
    assert_english(english_pages(site))


def test_ekip_lang_chooses_the_sites_language_over_the_brand(tmp_path: Path) -> None:
    root = copy_repository(tmp_path / "repo")  # the sample brand: default_lang tr
    site = tmp_path / "site"
    mkdocs(root, site, EKIP_LANG="en")
    assert_english(english_pages(site))
    # and the other way round: EKIP_LANG=tr over an English brand
    set_default_lang(root, "en")
    site_tr = tmp_path / "site-tr"
    mkdocs(root, site_tr, EKIP_LANG="tr")
    calendar = (site_tr / "takvim" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="tr"' in calendar and ">İçerik takvimi<" in calendar


def test_theme_language_false_keeps_mkdocs_yml_language(tmp_path: Path) -> None:
    """``theme_language: false``: the generated pages follow EKIP_LANG, Material keeps mkdocs.yml's."""
    root = copy_repository(tmp_path / "repo")
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "  - ekip:\n" in text and "  language: tr\n" in text
    config.write_text(text.replace("  - ekip:\n", "  - ekip:\n      theme_language: false\n"), encoding="utf-8")
    site = tmp_path / "site"
    mkdocs(root, site, EKIP_LANG="en")
    calendar = (site / "takvim" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="tr"' in calendar and ">Content calendar<" in calendar
