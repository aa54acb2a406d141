"""The registry: every rule id described once, and every reader of it (rules list, brand guide,
SARIF, README) showing the same thing."""

from __future__ import annotations

import io
import json
import re
from contextlib import redirect_stdout
from pathlib import Path

from checks import registry
from checks.brand.loader import load_brand
from checks.builtin import MODULES
from checks.cli import main
from checks.report.sarif_report import document
from checks.site.guide import guide_page

ROOT = Path(__file__).resolve().parents[1]


def test_every_builtin_id_is_described_with_levels_and_origin() -> None:
    declared = {i for m in MODULES for i in m.IDS} | {"file.encoding", "file.front-matter", "file.size",
                                                     "file.internal-error", "suppression", "sensitive.*"}
    entries = {e.id: e for e in registry.source_builtin()}
    assert set(entries) == declared
    for e in entries.values():
        assert e.description and not e.description[0].islower() and e.description.endswith("."), e
        assert e.levels and set(e.levels) <= {"error", "warning", "info"}, e
        path, line = e.origin.split(":")
        assert (ROOT / path).is_file() and int(line) >= 1, e
        # tests run in Turkish: the catalog has a Turkish text for every description
        assert registry.translated(e.id) not in ("", e.description), f"no Turkish description for {e.id}"


def test_docstring_form_is_required() -> None:
    doc = "Intro.\n\n``links.https`` (warning): a plain link. More text.\n\n``x.y``: no level.\n"
    assert registry.from_docstring("links.https", doc) == (("warning",), "A plain link.")
    assert registry.from_docstring("x.y", doc) is None
    assert registry.from_docstring("sensitive.*", "``sensitive.<topic id>`` (error, warning): a topic.") == (
        ("error", "warning"), "A topic.")


def test_every_rule_of_the_sample_brand_has_a_description() -> None:
    brand = load_brand(ROOT / "brand")
    data = registry.data_rules(brand)
    assert len(data) == len(brand.rules) > 10
    for e in data:
        assert e.description and "{match}" not in e.description, e
        assert re.fullmatch(r"(brand/[\w/.-]+|checks/packs/[\w-]+\.yml):[1-9]\d*", e.origin), e


def test_readme_table_is_the_registry() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert registry.readme_section(readme) == registry.markdown_table(), (
        "README's table of built-in checks differs from the registry: python -m checks.registry --readme")


def test_guide_shows_a_description_for_every_builtin_id() -> None:
    brand = load_brand(ROOT / "brand")
    page = guide_page(brand, registry.builtin_ids()).content
    section = page[page.index("## Yerleşik denetimler"):]
    for rule_id in ("links.count", "workflow.published-edit", "grammar.*", "suppression"):
        row = next(line for line in section.splitlines() if f'id="{rule_id}"' in line)
        cells = [c.strip() for c in row.strip("|").split("|")]
        assert cells[-1] == registry.translated(rule_id) != "", row


def test_sarif_descriptors_describe_and_link(tmp_path: Path) -> None:
    brand = load_brand(ROOT / "brand")
    (tmp_path / "mkdocs.yml").write_text("site_url: https://ekip.ornek.com.tr/\n", encoding="utf-8")
    brand.root = tmp_path
    help_ = registry.report_help(brand)
    from checks.finding import Finding

    found = [Finding("a.md", 1, 1, 1, 2, "grammar.MORFOLOGIK_RULE_EN_US", "warning", "m"),
             Finding("a.md", 1, 1, 1, 2, "links.count", "error", "m")]
    rules = {d["id"]: d for d in document(found, 1, help_)["runs"][0]["tool"]["driver"]["rules"]}
    assert rules["links.count"]["shortDescription"]["text"] == next(
        e.description for e in registry.builtin() if e.id == "links.count")
    assert rules["links.count"]["helpUri"] == "https://ekip.ornek.com.tr/marka/#links.count"
    assert rules["grammar.MORFOLOGIK_RULE_EN_US"]["helpUri"] == "https://ekip.ornek.com.tr/marka/#grammar."
    assert "LanguageTool" in rules["grammar.MORFOLOGIK_RULE_EN_US"]["fullDescription"]["text"]
    for rid, d in rules.items():
        text = d["fullDescription"]["text"]
        assert "{match}" not in text and not text.startswith("Ekip rule"), rid


def test_rules_list_says_where_each_rule_is_defined() -> None:
    out = io.StringIO()
    with redirect_stdout(out):
        assert main(["rules", "list", "--brand", str(ROOT / "brand")]) == 0
    text = out.getvalue()
    assert re.search(r"^voice\.banned-words .*\(brand/rules/voice\.yml:\d+\)$", text, re.M)
    assert re.search(r"^links\.count .*\(checks/builtin/links\.py:\d+\)$", text, re.M)
    out = io.StringIO()
    with redirect_stdout(out):
        assert main(["rules", "list", "--format", "json", "--brand", str(ROOT / "brand")]) == 0
    rows = {r["id"]: r for r in json.loads(out.getvalue())["rules"]}
    assert rows["voice.banned-words"]["defined_in"].startswith("brand/rules/voice.yml:")
    assert rows["sensitive.*"]["levels"] == ["error", "warning"]
