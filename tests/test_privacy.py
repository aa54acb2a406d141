"""Personal data is found, never repeated: not in any report format, not on any page, in the
search index or the iCalendar feed. Real runs of ``ekip check`` and ``mkdocs build --strict``."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from checks.personal import find, mask, redact
from tests.conftest import Repo
from tests.test_site import built_files, copy_repository, generate, mkdocs_build, page_text

PHONE = "0532 123 45 67"
EMAIL = "ayse.yilmaz@gmail.com"
TCKN = "10000000146"
IBAN = "TR33 0006 1005 1978 6457 8413 26"
CLEAR = (PHONE, EMAIL, TCKN, IBAN)
HOTLINE = "0212 555 12 12"
BODY = (f"Çekilişin kazananı Ayşe: telefon {PHONE}, e-posta {EMAIL}, "
        f"T.C. kimlik {TCKN}, IBAN {IBAN}. Tebrikler!")


def traces(value: str) -> list[str]:
    """Forms in which a value could show up: as written, without spaces, its digits alone,
    an e-mail address's local part."""
    out = [value, value.replace(" ", "")]
    digits = re.sub(r"\D", "", value)
    if len(digits) >= 10:
        out.append(digits[-10:])
    if "@" in value:
        out.append(value.split("@")[0])
    return out


def assert_clean(text: str, where: str = "") -> None:
    folded = text.lower()
    for value in CLEAR:
        for trace in traces(value):
            assert trace.lower() not in folded, (trace, where)


def test_masking_keeps_only_a_hint() -> None:
    assert mask("+90 532 123 45 67") == "+90********67"
    assert mask(EMAIL) == "a***@g***.com"
    assert mask(TCKN) == "100******46"
    assert [i.kind for i in find(BODY)] == ["cep", "email", "tckn", "iban"]
    assert_clean(redact(BODY))
    assert redact("Sipariş 12345, saat 10.30") == "Sipariş 12345, saat 10.30"  # nothing personal: unchanged


# -- reports -----------------------------------------------------------------------------------
ECHO_RULE = """\
rules:
  - id: numara
    kind: pattern
    level: warning
    message: "'{match}' yazmayın."
    regex: '\\b0\\d{3} \\d{3} \\d{2} \\d{2}\\b'
"""


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github"])
def test_no_report_format_repeats_personal_data(repo: Repo, fmt: str) -> None:
    # The pii check finds all four; a pattern rule of the brand quotes what it matches
    # ({match}) in its message, workflow.author the unknown author: the run masks those too.
    repo.rules(ECHO_RULE)
    repo.post("p", BODY, title=f"'Kazanan {PHONE}'", author=EMAIL)
    code, out, err = repo.run("check", "--format", fmt, "--grammar", "off")
    assert code == 1, err
    assert_clean(out + err, fmt)
    assert mask(PHONE) in out and mask(EMAIL) in out
    if fmt == "json":
        found = json.loads(out)["findings"]
        pii = [f for f in found if f["rule"] == "pii"]
        assert sorted(f["match"] for f in pii) == sorted(mask(v) for v in CLEAR)
        echoed = {f["rule"]: f for f in found if f["rule"].startswith("voice.")}
        assert echoed["voice.numara"]["message"] == f"'{mask(PHONE)}' yazmayın."
        author = next(f for f in found if f["rule"] == "workflow.author")
        assert author["match"] == mask(EMAIL) and mask(EMAIL) in author["message"]


def test_consent_keeps_findings_masked(repo: Repo) -> None:
    repo.post("p", BODY, pii_consent="'KVKK-2027-014'")
    code, out, _ = repo.run("check", "--format", "json", "--grammar", "off")
    assert code == 0
    assert_clean(out)
    assert {f["level"] for f in json.loads(out)["findings"] if f["rule"] == "pii"} == {"info"}


def test_allowed_numbers_stay_readable(repo: Repo) -> None:
    # What the brand publishes on purpose is not a person's data: not flagged, not masked.
    repo.write("brand/brand.yml", "name: Test\npii:\n  allow: ['0216 555 12 12']\n")
    repo.rules(ECHO_RULE.replace("0\\\\d{3}", "0216"))
    repo.post("p", "Mağaza: 0216 555 12 12")
    found = repo.findings()
    assert [f["match"] for f in found if f["rule"] == "voice.numara"] == ["0216 555 12 12"]


def test_calendar_agenda_masks_titles(repo: Repo) -> None:
    repo.post("p", "Metin.", title=f"'Kazanan {PHONE}'", date="2027-03-01T10:00:00+03:00")
    code, out, _ = repo.run("calendar", "--from", "2027-03-01", "--now", "2027-03-01T09:00:00+03:00")
    assert code == 0 and mask(PHONE) in out
    assert_clean(out)


# -- the site, generated -----------------------------------------------------------------------
def draft(repo: Repo, name: str = "cekilis", **front: str) -> None:
    repo.write(f"content/posts/2026/12/{name}.md", (
        "---\n"
        f"title: 'Çekiliş sonucu: {PHONE}'\n"
        "date: 2026-12-12T10:00:00+03:00\nplatforms: [instagram, x]\nstatus: draft\nauthor: ayse\n"
        f"campaign: '{EMAIL}'\n"
        + "".join(f"{k}: {v}\n" for k, v in front.items())
        + "media:\n  - path: media/yok.png\n    alt: 'Kazanan " + TCKN + "'\n"
        "---\n\n" + BODY + "\n"
    ))


def test_generated_pages_and_feed_mask_personal_data(repo: Repo) -> None:
    draft(repo)
    files = generate(repo)
    assert_clean(page_text(files))
    preview = next(f for p, f in files.items() if p.startswith("takvim/gonderi/"))
    assert mask(PHONE) in preview.title and mask(EMAIL) in (preview.html or "")
    assert "\\*" not in (preview.html or "")  # the mask's stars are text, not Markdown emphasis


def test_consent_lets_the_text_show_in_the_preview_only(repo: Repo) -> None:
    draft(repo, pii_consent="'KVKK-2026-031 açık rıza formu'")
    files = generate(repo)
    preview = next(f for p, f in files.items() if p.startswith("takvim/gonderi/"))
    assert EMAIL in (preview.html or "") and TCKN in (preview.html or "")  # the text, as published
    assert PHONE not in preview.title  # the title is not the consented text
    findings = preview.html_unindexed
    assert "pii" in findings and mask(EMAIL) in findings
    for value in CLEAR:
        assert value not in findings


# -- the site, built ---------------------------------------------------------------------------
TEMPLATE = (
    "---\ntitle: 'Çekiliş şablonu {phone}'\ndate: 2026-01-01T09:00:00+03:00\nplatforms: [x]\n"
    "status: draft\nauthor: okan\nlang: tr\n{extra}---\n\n{body}\n"
)


@pytest.fixture(scope="module")
def built_with_pii(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = copy_repository(tmp_path_factory.mktemp("repo"))
    repo = Repo(root)
    draft(repo)
    repo.write("playbooks/kriz/sablonlar/ilk-aciklama.md",
               TEMPLATE.format(phone=PHONE, extra="", body=BODY + f"\n\n[yaz](mailto:{EMAIL})"))
    handbook = root / "playbooks/iletisim.md"  # not a post: the team's own numbers stay as written
    handbook.write_text(handbook.read_text(encoding="utf-8") + f"\n\nNöbetçi hat: {HOTLINE}\n", encoding="utf-8")
    site = root / "_site"
    result = mkdocs_build(root, site)
    assert result.returncode == 0, result.stderr
    return site


def test_built_site_never_shows_personal_data(built_with_pii: Path) -> None:
    files = built_files(built_with_pii)
    assert {"search/search_index.json", "takvim/ekip.ics"} <= set(files)
    for path, text in files.items():
        assert_clean(text, path)
    search = files["search/search_index.json"]
    assert mask(PHONE) in search  # the draft and the template are found, masked
    template = files["kriz/sablonlar/ilk-aciklama/index.html"]
    assert mask(EMAIL) in template and mask(TCKN) in template
    assert "<em>" not in template.split('<article', 1)[1]  # masks are not turned into emphasis
    assert HOTLINE in files["iletisim/index.html"]
