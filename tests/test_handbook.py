"""The handbook (playbooks/) and the sample brand (brand/, content/) say the same thing.

Numbers and rules the handbook states come from brand/ through ``{{marka:NAME}}``
placeholders (``checks.site.handbook``); what stays hand-written is checked here against the
brand, so that changing one without the other fails a test. The acceptance tests run
``ekip check`` on a copy of the sample repository in a temporary folder.
"""

from __future__ import annotations

import re
import shutil
from datetime import date, timedelta
from pathlib import Path

import pytest
import yaml

from checks.brand.loader import load_brand
from checks.brand.model import Brand
from checks.datenames import month as month_name
from checks.errors import EkipError
from checks.site import handbook
from checks.text.tokens import EMOJI
from tests.conftest import Repo, post_text

ROOT = Path(__file__).resolve().parent.parent
PLAYBOOKS = ROOT / "playbooks"


def sample_brand(root: Path = ROOT) -> Brand:
    return load_brand(root / "brand", root)


def page(rel: str, root: Path = ROOT) -> str:
    """A handbook page as the site shows it: placeholders filled from the brand at ``root``."""
    return handbook.fill((root / "playbooks" / rel).read_text(encoding="utf-8"), sample_brand(root), root, rel)


def pages() -> list[Path]:
    return sorted(p for p in PLAYBOOKS.rglob("*.md"))


@pytest.fixture
def sample(tmp_path: Path) -> Repo:
    """A copy of the sample repository (brand, content, handbook, media) outside the project."""
    for name in ("brand", "content", "playbooks", "media"):
        shutil.copytree(ROOT / name, tmp_path / name)
    shutil.copy2(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    return Repo(tmp_path)


# --- placeholders -------------------------------------------------------------------------


def test_every_placeholder_of_the_handbook_is_filled() -> None:
    used = set()
    for path in pages():
        text = path.read_text(encoding="utf-8")
        used |= set(handbook.PLACEHOLDER.findall(text))
        filled = handbook.fill(text, sample_brand(), ROOT, path.name)
        assert "{{marka:" not in filled, path
    # the names the handbook relies on are in use, so a renamed page cannot drop them silently
    assert {"emoji-limit", "hitap-sen", "hitap-siz", "disclosure-tags", "quiet-periods", "approval-policy",
            "platform-limits", "dini-gunler"} <= used


def test_unknown_placeholder_names_the_page() -> None:
    with pytest.raises(EkipError) as err:
        handbook.fill("Bir {{marka:emoji-sinir}} var.", sample_brand(), ROOT, "mesaj-tutarliligi.md")
    assert "mesaj-tutarliligi.md" in str(err.value) and "emoji-sinir" in str(err.value)


def _with_brand_change(tmp_path: Path, rel: str, old: str, new: str) -> Path:
    for name in ("brand", "playbooks"):
        shutil.copytree(ROOT / name, tmp_path / name)
    path = tmp_path / "brand" / rel
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return tmp_path


def test_the_page_follows_the_emoji_limit(tmp_path: Path) -> None:
    assert "en fazla 2;" in page("mesaj-tutarliligi.md")
    root = _with_brand_change(tmp_path, "rules/voice.yml", "count: ':emoji:'\n    max: 2",
                              "count: ':emoji:'\n    max: 3")
    text = page("mesaj-tutarliligi.md", root)
    assert "en fazla 3;" in text and "en fazla 2;" not in text


def test_the_page_follows_the_platforms_of_each_form_of_address(tmp_path: Path) -> None:
    text = page("mesaj-tutarliligi.md")
    assert '"sen" denen platformlar: Instagram, Threads ve TikTok.' in text
    assert '"Siz" denen platformlar: X, LinkedIn, Facebook, YouTube ve Şikayetvar.' in text
    root = _with_brand_change(tmp_path, "rules/voice.yml", "platforms: [instagram, tiktok, threads]",
                              "platforms: [instagram, tiktok]")
    assert '"sen" denen platformlar: Instagram ve TikTok.' in page("mesaj-tutarliligi.md", root)


def test_the_page_follows_the_disclosure_tags_and_approval_policy(tmp_path: Path) -> None:
    assert "Metnin en başında `#reklam` veya `#işbirliği`" in page("mesaj-tutarliligi.md")
    root = _with_brand_change(tmp_path, "brand.yml", "disclosure_tags: ['#reklam', '#işbirliği']",
                              "disclosure_tags: ['#reklam']")
    brand_yml = root / "brand" / "brand.yml"
    text = brand_yml.read_text(encoding="utf-8")
    text = text.replace("approved:  {roles: [manager], count: 1}", "approved:  {roles: [legal], count: 2}")
    brand_yml.write_text(text, encoding="utf-8")
    text = page("mesaj-tutarliligi.md", root)
    assert "Metnin en başında `#reklam`;" in text
    assert "`approved` durumu için `legal` rolünden en az 2 kişinin onayı (bugün: `ece`)" in text
    assert "`scheduled` ve `published` durumları için `manager` rolünden" in text


def test_quiet_periods_table_follows_calendar(tmp_path: Path) -> None:
    text = page("ozel-gunler.md")
    for row in ("| 18 Mart Şehitler Günü ve Çanakkale Zaferi'nin yıl dönümü | 18 Mart, bütün gün | her yıl |",
                "| 10 Kasım Atatürk'ü Anma Günü | 10 Kasım, bütün gün | her yıl |",
                "| 6 Şubat depremlerini anma günü | 6 Şubat, bütün gün | her yıl |",
                "| 15 Temmuz Demokrasi ve Millî Birlik Günü | 15 Temmuz, bütün gün | her yıl |"):
        assert row in text
    root = _with_brand_change(tmp_path, "calendar.yml", "start: 2026-11-10T00:00:00+03:00",
                              "start: 2026-11-10T09:00:00+03:00")
    assert "| 10 Kasım Atatürk'ü Anma Günü | 10 Kasım, 09.00–00.00 |" in page("ozel-gunler.md", root)


def test_platform_limits_come_from_the_effective_table() -> None:
    text = page("mesaj-tutarliligi.md")
    brand = sample_brand()
    for p in brand.platforms.values():
        assert f"| {p.name} | {p.max_length:,}".replace(",", ".") in text
    assert "| TikTok | 4.000 |" in text  # brand/platforms.yml overrides the built-in 2,200


# --- hand-written statements held to the brand -----------------------------------------------


def test_no_page_states_a_disclosure_window_or_an_emoji_number_by_hand() -> None:
    """Numbers that the brand holds are printed by placeholders, never typed into a page."""
    for path in pages():
        text = path.read_text(encoding="utf-8")
        rel = path.relative_to(PLAYBOOKS).as_posix()
        assert "125 karakter" not in text, rel
        assert not re.search(r"en fazla \d+ emoji|emoji[^.\n]{0,30}en fazla \d", text), rel
        assert "#sponsor" not in text or rel == "uyum/index.md", rel


def test_special_days_table_names_only_quiet_periods_of_the_brand() -> None:
    """The hand-written 'Paylaşılır / Paylaşılmaz' table of quiet days matches calendar.yml."""
    text = (PLAYBOOKS / "ozel-gunler.md").read_text(encoding="utf-8")
    section = text.split("## Sessiz dönemler", 1)[1].split("## Millî bayramlar", 1)[0]
    days = re.findall(r"^\| (\d{1,2} [A-ZÇĞİÖŞÜ][a-zçğıöşü]+) ", section, flags=re.M)
    assert days == ["6 Şubat", "18 Mart", "15 Temmuz", "10 Kasım"]
    brand = sample_brand()
    months = {month_name(i + 1): i + 1 for i in range(12)}  # the site's (Turkish) month names
    yearly = {(qp["start"][5:7], qp["start"][8:10]) for qp in brand.calendar["quiet_periods"] if qp.get("yearly")}
    for day in days:
        d, month = day.split()
        assert (f"{months[month]:02d}", f"{int(d):02d}") in yearly, day
    # and the celebrations the page lists are NOT quiet: a greeting is posted on them
    for d, m in (("04", "23"), ("05", "19"), ("08", "30"), ("10", "29")):
        assert (d, m) not in yearly


def test_severity_one_first_statement_matches_the_first_fifteen_minutes() -> None:
    levels = (PLAYBOOKS / "kriz" / "seviyeler.md").read_text(encoding="utf-8")
    row = re.search(r"^\| 1 \| (\d+) dk \| (\d+) dk \(yalnız olayın yaşandığı platformda\)", levels, flags=re.M)
    assert row, "severity 1 row of the time targets"
    first15 = (PLAYBOOKS / "kriz" / "index.md").read_text(encoding="utf-8")
    step = next(line for line in first15.splitlines() if line.startswith("| 10–15 | [İlk açıklama"))
    assert f"({row.group(2)} dk) yalnız olayın yaşandığı platformda" in step
    assert "Seviye 2–4'te şimdi yayımla" in step


def test_never_delete_has_the_hide_exception_and_the_apology_template_agrees() -> None:
    crisis = (PLAYBOOKS / "kriz" / "index.md").read_text(encoding="utf-8")
    assert "**gizlenir** (silinmez)" in crisis and "nefret söylemi" in crisis and "tehdit" in crisis
    apology = (PLAYBOOKS / "kriz" / "sablonlar" / "ozur-duzeltme.md").read_text(encoding="utf-8")
    assert "düzenlenemez" in apology and "[düzelttik / kaldırdık; yalnız biri]" in apology
    support = (PLAYBOOKS / "destek" / "index.md").read_text(encoding="utf-8")
    assert "silinmez, gizlenir" in support


def test_crisis_templates_have_no_exclamation_or_emoji_and_cover_every_platform() -> None:
    """The handbook: crisis texts carry no '!' and no emoji; every platform the team uses has a template."""
    covered: set[str] = set()
    for path in sorted((PLAYBOOKS / "kriz" / "sablonlar").glob("*.md")):
        text = path.read_text(encoding="utf-8")
        front = yaml.safe_load(text.split("---", 2)[1])
        body = re.sub(r"<!--.*?-->", "", text.split("---", 2)[2], flags=re.S)
        assert front["crisis"] is True, path.name
        assert "!" not in body and not EMOJI.search(body), path.name
        covered |= set(front["platforms"])
    used = {"instagram", "x", "linkedin", "facebook", "tiktok", "threads"}  # YouTube reuses the TikTok video
    assert used <= covered
    assert "youtube" in (PLAYBOOKS / "kriz" / "index.md").read_text(encoding="utf-8").lower()


def test_instagram_crisis_card_alt_text_is_the_statement() -> None:
    text = (PLAYBOOKS / "kriz" / "sablonlar" / "instagram-kart.md").read_text(encoding="utf-8")
    front = yaml.safe_load(text.split("---", 2)[1])
    statement = (PLAYBOOKS / "kriz" / "sablonlar" / "ilk-aciklama.md").read_text(encoding="utf-8").split("-->\n")[-1]
    first = statement.split(". ")[0]
    assert front["media"][0]["alt"].startswith("Örnek Giyim açıklaması. " + first)


def test_support_library_has_every_topic_in_sen_and_siz() -> None:
    folder = PLAYBOOKS / "destek" / "yanitlar"
    topics = ("iade", "teslimat-gecikmesi", "beden", "stok", "fiyat-farki", "sikayet", "ozel-mesaja-davet",
              "sikayetvar")
    brand = sample_brand()
    sen = next(r for r in brand.rules if r.id == "voice.hitap-sen").header.platforms
    siz = next(r for r in brand.rules if r.id == "voice.hitap-siz").header.platforms
    for topic in topics:
        for form, platforms in (("sen", sen), ("siz", siz)):
            text = (folder / f"{topic}-{form}.md").read_text(encoding="utf-8")
            front = yaml.safe_load(text.split("---", 2)[1])
            assert set(front["platforms"]) <= platforms, (topic, form)
    invite = (folder / "ozel-mesaja-davet-sen.md").read_text(encoding="utf-8")
    assert "aydınlatma metni" in invite and "ornek.com.tr/kvkk/aydinlatma-metni" in invite


def test_hitap_messages_name_the_platforms_of_their_rule() -> None:
    brand = sample_brand()
    for rid in ("voice.hitap-sen", "voice.hitap-siz"):
        rule = next(r for r in brand.rules if r.id == rid)
        for p in rule.header.platforms or ():
            assert brand.platforms[p].name in rule.header.message, (rid, p)


# --- religious days (Diyanet) ----------------------------------------------------------------


def test_religious_days_file_names_its_source_and_covers_the_coming_years() -> None:
    raw = (ROOT / "brand" / "dini-gunler.yml").read_text(encoding="utf-8")
    assert "Diyanet" in raw and "published list" in raw  # where the dates come from, and the yearly check
    data = handbook.religious_days(ROOT)
    assert "Diyanet" in data["source"]["name"]
    days = data["days"]
    assert [d["date"] for d in days] == sorted(d["date"] for d in days)
    for year in range(2027, 2031):
        names = [d["name"] for d in days if d["date"].year == year]
        for wanted in ("Ramazan Bayramı arifesi", "Kurban Bayramı arifesi", "Kadir Gecesi", "Mevlid Kandili",
                       "Miraç Kandili", "Berat Kandili", "Regaib Kandili"):
            assert wanted in names, (year, wanted)
        for feast, length in (("Ramazan Bayramı", 3), ("Kurban Bayramı", 4)):
            first = next(d["date"] for d in days if d["date"].year == year and d["name"] == f"{feast} 1. gün")
            eve = next(d["date"] for d in days if d["date"].year == year and d["name"] == f"{feast} arifesi")
            assert eve == first - timedelta(days=1), (year, feast)
            for n in range(1, length + 1):
                assert any(d["name"] == f"{feast} {n}. gün" and d["date"] == first + timedelta(days=n - 1)
                           for d in days), (year, feast, n)


def test_sample_bayram_greeting_is_dated_on_the_first_day_of_the_feast() -> None:
    post = (ROOT / "content/posts/2027/03/ramazan-bayraminiz-kutlu-olsun.md").read_text(encoding="utf-8")
    when = date.fromisoformat(re.search(r"^date: (\d{4}-\d\d-\d\d)", post, flags=re.M).group(1))
    days = handbook.religious_days(ROOT)["days"]
    assert {"date": when, "name": "Ramazan Bayramı 1. gün", "kind": "bayram"} in days


def test_national_mourning_is_one_line(sample: Repo) -> None:
    """The documented one-line change (calendar.yml comment, ozel-gunler.md) flags a campaign post."""
    calendar = sample.root / "brand" / "calendar.yml"
    text = calendar.read_text(encoding="utf-8")
    line = next(x for x in text.splitlines() if "milli-yas-" in x and x.lstrip().startswith("# - {"))
    assert line.replace("# ", "", 1).strip() in (PLAYBOOKS / "ozel-gunler.md").read_text(encoding="utf-8")
    text = text.replace(line, line.replace("# ", "", 1))
    calendar.write_text(text, encoding="utf-8")
    sample.write("content/posts/2027/05/yaz-kampanyasi.md",
                 post_text("Yaz kampanyası mağazalarda.", date="2027-05-02T14:00:00+03:00"))
    found = sample.findings("content/posts/2027/05/yaz-kampanyasi.md", rule="calendar.quiet-period")
    assert len(found) == 1 and "Millî yas" in found[0]["message"]


# --- the acceptance checks of the issue, on a copy of the sample ----------------------------


@pytest.mark.parametrize("when", ["2027-03-18T10:00:00+03:00", "2027-11-10T14:00:00+03:00",
                                  "2028-11-10T23:30:00+03:00", "2027-07-15T18:00:00+03:00"])
def test_campaign_post_on_a_commemoration_day_is_quiet(sample: Repo, when: str) -> None:
    sample.write("content/posts/2027/03/kampanya.md",
                 post_text("Yeni sezonda %20 indirim mağazalarda.", date=when, platforms="[facebook]", author="can"))
    found = sample.findings("content/posts/2027/03/kampanya.md", rule="calendar.quiet-period")
    assert len(found) == 1, when


@pytest.mark.parametrize("when", ["2027-03-19T10:00:00+03:00", "2027-11-11T00:00:00+03:00",
                                  "2027-10-29T10:00:00+03:00", "2027-04-23T10:00:00+03:00"])
def test_the_days_around_and_the_celebrations_are_not_quiet(sample: Repo, when: str) -> None:
    sample.write("content/posts/2027/03/kampanya.md",
                 post_text("Yeni sezon mağazalarda.", date=when, platforms="[facebook]", author="can"))
    assert sample.findings("content/posts/2027/03/kampanya.md", rule="calendar.quiet-period") == []


@pytest.mark.parametrize("text", ["Editörün seçimi: yün kaban.", "Seçiminizi yapın, kargo ücretsiz.",
                                  "Yılbaşı partisi için davet elbiseleri.", "Vurguyu sözcük seçimiyle yapın.",
                                  "Parti elbiseleri mağazalarda."])
def test_everyday_words_are_not_sensitive(sample: Repo, text: str) -> None:
    sample.write("content/posts/2027/03/gunluk.md", post_text(text, platforms="[facebook]", author="can"))
    assert sample.findings("content/posts/2027/03/gunluk.md", rule="sensitive") == []


@pytest.mark.parametrize(("text", "topic"), [
    ("Genel seçim sonuçları açıklandı.", "siyaset"), ("Siyasi partilerin mitingleri.", "siyaset"),
    ("Şehitlerimizi rahmetle anıyoruz.", "teror-ve-sehitler"), ("Terör saldırısını kınıyoruz.", "teror-ve-sehitler"),
    ("Boykot çağrısına yanıtımız.", "boykot"), ("Antibakteriyel kumaştan tişört.", "saglik-iddiasi"),
    ("Sel baskınında zarar gören mağazamız.", "deprem"),
])
def test_sensitive_topics_still_found(sample: Repo, text: str, topic: str) -> None:
    sample.write("content/posts/2027/03/hassas.md", post_text(text, platforms="[facebook]", author="can"))
    rules = {f["rule"] for f in sample.findings("content/posts/2027/03/hassas.md", rule="sensitive")}
    assert f"sensitive.{topic}" in rules


def test_sample_content_and_templates_pass(sample: Repo) -> None:
    code, doc = sample.check_json()
    assert code == 0, [f for f in doc["findings"] if f["level"] == "error"]
    assert doc["findings"] == []
    code, out, err = sample.run("rules", "test")
    assert code == 0, out + err


@pytest.mark.parametrize(("platforms", "text", "rule"), [
    ("[instagram]", "Yeni sezonu keşfedin.", "voice.hitap-sen"),
    ("[threads]", "Siparişiniz yolda.", "voice.hitap-sen"),
    ("[x]", "Mağazada deneyebilirsin.", "voice.hitap-siz"),
    ("[x]", "Sen hangisini giyerdin?", "voice.hitap-siz"),
    ("[facebook]", "Bu fırsatı kaçırma.", "voice.banned-words"),
])
def test_forms_of_address_are_enforced_both_ways(sample: Repo, platforms: str, text: str, rule: str) -> None:
    extra = {"media": "[{path: media/kasim-indirimleri.png, alt: Afiş}]"} if platforms == "[instagram]" else {}
    sample.write("content/posts/2027/03/hitap.md", post_text(text, platforms=platforms, author="can", **extra))
    assert [f["rule"] for f in sample.findings("content/posts/2027/03/hitap.md")] == [rule]


def test_giveaway_needs_its_terms_link_and_discount_its_old_price(sample: Repo) -> None:
    sample.write("content/posts/2027/03/cekilis.md", post_text(
        "Çekilişle üç kişiye kaban hediye ediyoruz.", platforms="[facebook]", author="can", giveaway="true"))
    assert [f["rule"] for f in sample.findings("content/posts/2027/03/cekilis.md")] == ["voice.cekilis-kosullari"]
    link = "https://ornek.com.tr/cekilis/kaban?utm_source=facebook&utm_medium=social&utm_campaign=cekilis"
    sample.write("content/posts/2027/03/cekilis.md", post_text(
        f"Çekilişle üç kişiye kaban hediye ediyoruz. Katılım koşulları: {link}", platforms="[facebook]",
        author="can", giveaway="true"))
    assert sample.findings("content/posts/2027/03/cekilis.md") == []
    sample.write("content/posts/2027/03/indirim.md", post_text(
        "Kabanlarda %40 indirim 31 Mart'a kadar.", platforms="[facebook]", author="can", discount="true"))
    assert [f["rule"] for f in sample.findings("content/posts/2027/03/indirim.md")] == ["voice.indirim-eski-fiyat"]
    sample.write("content/posts/2027/03/indirim.md", post_text(
        "Yün kaban 2.999 TL yerine 1.799 TL, 31 Mart'a kadar.", platforms="[facebook]", author="can",
        discount="true"))
    assert sample.findings("content/posts/2027/03/indirim.md") == []


def test_sponsored_post_must_open_with_the_tag(sample: Repo) -> None:
    sample.write("content/posts/2027/03/sponsorlu.md", post_text(
        "Derya ile hazırladığımız koleksiyon. #reklam", platforms="[facebook]", author="can", sponsored="true"))
    assert [f["rule"] for f in sample.findings("content/posts/2027/03/sponsorlu.md")] == ["disclosure"]
    sample.write("content/posts/2027/03/sponsorlu.md", post_text(
        "#sponsor Derya ile hazırladığımız koleksiyon.", platforms="[facebook]", author="can", sponsored="true"))
    assert [f["rule"] for f in sample.findings("content/posts/2027/03/sponsorlu.md")] == ["disclosure"]
