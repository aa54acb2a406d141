"""``ekip new``, ``ekip calendar`` and the iCalendar export (checks.ical)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from icalendar import Calendar

from checks.commands import new
from tests.conftest import Repo

# -- ekip new ----------------------------------------------------------------------------------
NEW = ("new", "--title", "Yeni sezon: İstanbul'da şık günler", "--date", "2027-03-05T18:30:00+03:00",
       "--platforms", "x,instagram", "--author", "ayse")


@pytest.mark.parametrize(("title", "slug"), [
    ("Yeni sezon lansmanı", "yeni-sezon-lansmani"),
    ("ÇĞIİÖŞÜ çğıiöşü", "cgiiosu-cgiiosu"),
    ("İstanbul'da Işıklı Gece!", "istanbulda-isikli-gece"),
    ("  Café & Crème — 2027  ", "cafe-creme-2027"),
    ("Hatay mağazamız yeniden açıldı", "hatay-magazamiz-yeniden-acildi"),
    ("😀 ✨", ""),
])
def test_slugify(title: str, slug: str) -> None:
    assert new.slugify(title) == slug


def test_slug_is_cut_at_a_word() -> None:
    slug = new.slugify("kelime " * 40)
    assert len(slug) <= new.SLUG_MAX and not slug.endswith("-") and slug.endswith("kelime")


def test_new_writes_a_post_that_passes_the_schema(repo: Repo) -> None:
    code, out, err = repo.run(*NEW, "--campaign", "yeni-sezon")
    assert code == 0, err
    rel = out.strip()
    assert rel == "content/posts/2027/03/yeni-sezon-istanbulda-sik-gunler.md"
    text = (repo.root / rel).read_text(encoding="utf-8")
    assert "date: 2027-03-05T18:30:00+03:00\n" in text and "platforms: [x, instagram]\n" in text
    assert "status: draft\n" in text and "lang: tr\n" in text and "campaign: yeni-sezon\n" in text
    code, doc = repo.check_json(rel)
    assert [f for f in doc["findings"] if f["rule"] in ("schema", "file.front-matter", "workflow.author")] == []


def test_new_never_overwrites(repo: Repo) -> None:
    assert repo.run(*NEW)[0] == 0
    path = repo.root / "content/posts/2027/03/yeni-sezon-istanbulda-sik-gunler.md"
    path.write_text("mine", encoding="utf-8")
    code, _, err = repo.run(*NEW)
    assert code == 2 and "zaten var" in err
    assert path.read_text(encoding="utf-8") == "mine"
    code, out, _ = repo.run(*NEW, "--slug", "ikinci")
    assert code == 0 and out.strip().endswith("/ikinci.md")


def test_new_folder_follows_the_brand_local_date(repo: Repo) -> None:
    # 22:30 UTC on April 30th is May 1st 01:30 in Istanbul
    code, out, err = repo.run("new", "--title", "Bahar", "--date", "2027-04-30T22:30:00Z", "--platforms", "x",
                              "--author", "ayse")
    assert code == 0, err
    assert out.strip() == "content/posts/2027/05/bahar.md"
    assert "date: 2027-04-30T22:30:00+00:00\n" in (repo.root / out.strip()).read_text(encoding="utf-8")


@pytest.mark.parametrize(("given", "written"), [
    ("2027-06-01", "2027-06-01T10:00:00+03:00"),  # a day: 10:00 that day
    ("2027-06-01T09:15", "2027-06-01T09:15:00+03:00"),  # no offset: brand timezone
])
def test_new_date_defaults(repo: Repo, given: str, written: str) -> None:
    code, out, err = repo.run("new", "--title", "Haziran", "--date", given, "--platforms", "facebook",
                              "--author", "mehmet")
    assert code == 0, err
    assert f"date: {written}\n" in (repo.root / out.strip()).read_text(encoding="utf-8")


def test_new_quotes_titles_that_yaml_would_misread(repo: Repo) -> None:
    for i, title in enumerate(('evet', '"Alıntı" ve #etiket: iki nokta', "2027", "- liste")):
        code, out, err = repo.run("new", "--title", title, "--date", "2027-06-01", "--platforms", "x",
                                  "--author", "ayse", "--slug", f"t{i}")
        assert code == 0, err
        code, doc = repo.check_json(out.strip())
        assert [f for f in doc["findings"] if f["rule"] in ("schema", "file.front-matter")] == [], title


@pytest.mark.parametrize(("argv", "message"), [
    (("--date", "2027-06-01", "--platforms", "x", "--author", "ayse"), "title"),
    (("--title", "T", "--date", "2027-06-01", "--author", "ayse"), "platforms"),
    (("--title", "T", "--date", "2027-06-01", "--platforms", "x"), "author"),
    (("--title", "T", "--platforms", "x", "--author", "zeki"), "team.yml"),
    (("--title", "T", "--platforms", "x,myspace", "--author", "ayse"), "bilinmeyen platform"),
    (("--title", "T", "--date", "yarın", "--platforms", "x", "--author", "ayse"), "--date"),
    (("--title", "T", "--platforms", "x", "--author", "ayse", "--status", "done"), "--status"),
    (("--title", "T", "--platforms", "x", "--author", "ayse", "--slug", "Büyük Harf"), "--slug"),
    (("--title", "T", "--platforms", "x", "--author", "ayse", "--campaign", "a b"), "--campaign"),
    (("--title", "!!!", "--platforms", "x", "--author", "ayse"), "--slug"),
])
def test_new_errors_without_a_terminal(repo: Repo, argv: tuple[str, ...], message: str) -> None:
    code, out, err = repo.run("new", *argv)
    assert code == 2 and message in err and out == ""
    assert not any((repo.root / "content").rglob("*.md"))


def test_new_default_date_is_tomorrow(repo: Repo) -> None:
    code, out, err = repo.run("new", "--title", "Yarın", "--platforms", "x", "--author", "ayse")
    assert code == 0, err
    assert "T10:00:00+03:00\n" in (repo.root / out.strip()).read_text(encoding="utf-8")


def test_new_prompts_on_a_terminal(repo: Repo, monkeypatch: pytest.MonkeyPatch) -> None:
    answers: Iterator[str] = iter(["Soru ve cevap", "2027-07-01", "myspace", "x, threads", "zeki", "okan"])
    monkeypatch.setattr(new, "interactive", lambda: True)
    monkeypatch.setattr("builtins.input", lambda *a: next(answers))
    code, out, err = repo.run("new")
    assert code == 0, err
    assert out.strip() == "content/posts/2027/07/soru-ve-cevap.md"
    assert "bilinmeyen platform myspace" in err and "'zeki' brand/team.yml dosyasında yok" in err
    text = (repo.root / out.strip()).read_text(encoding="utf-8")
    assert "platforms: [x, threads]\n" in text and "author: okan\n" in text


# -- ekip calendar (agenda) --------------------------------------------------------------------
@pytest.fixture
def agenda(repo: Repo) -> Repo:
    repo.post("gece", "Metin.", title="Gece yarısından önce", date="2027-03-01T23:30:00+03:00",
              platforms="[x]", status="scheduled")
    repo.post("sabah", "Metin.", title="Ertesi sabah", date="2027-03-02T00:30:00+03:00",
              platforms="[instagram, x]", status="draft", author="mehmet")
    repo.post("naive", "Metin.", title="Saat dilimsiz", date="2027-03-02T09:00:00", platforms="[facebook]")
    repo.post("nisan", "Metin.", title="Nisan", date="2027-04-10T10:00:00+03:00", platforms="[linkedin]",
              status="idea")
    repo.post("tarihsiz", "Metin.", title="Tarihsiz", date="yakında")
    return repo


def test_agenda_by_brand_local_day(agenda: Repo) -> None:
    code, out, err = agenda.run("calendar", "--from", "2027-03-01")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0] == "2027-03-01 Pzt"  # Monday, in the default language
    assert "23:30" in lines[1] and "Gece yarısından önce" in lines[1] and "[scheduled]" in lines[1]
    assert "ayse" in lines[1] and "x" in lines[1]
    day2 = lines.index("2027-03-02 Sal")
    assert "00:30" in lines[day2 + 1] and "instagram, x" in lines[day2 + 1] and "mehmet" in lines[day2 + 1]
    assert "09:00" in lines[day2 + 2] and "Saat dilimsiz" in lines[day2 + 2]
    assert "2027-04-10 Cmt" in lines and "Tarihsiz" not in out


def test_agenda_filters(agenda: Repo) -> None:
    code, out, _ = agenda.run("calendar", "--from", "2027-03-02", "--to", "2027-03-02")
    assert code == 0 and "Ertesi sabah" in out and "Saat dilimsiz" in out
    assert "Gece yarısından önce" not in out and "Nisan" not in out
    code, out, _ = agenda.run("calendar", "--from", "2027-01-01", "--platform", "x")
    assert "Gece yarısından önce" in out and "Ertesi sabah" in out and "Saat dilimsiz" not in out
    code, out, _ = agenda.run("calendar", "--from", "2027-01-01", "--status", "idea,scheduled")
    assert "Nisan" in out and "Gece yarısından önce" in out and "Ertesi sabah" not in out
    code, out, _ = agenda.run("calendar", "--from", "2027-01-01", "--platform", "x", "--platform", "linkedin")
    assert "Nisan" in out and "Saat dilimsiz" not in out


def test_agenda_starts_today_by_default(agenda: Repo) -> None:
    code, out, _ = agenda.run("calendar", "--now", "2027-03-02T08:00:00+03:00")
    assert code == 0 and "Gece yarısından önce" not in out and "Ertesi sabah" in out
    code, out, _ = agenda.run("calendar", "--now", "2028-01-01T00:00:00+03:00")
    assert code == 0 and out.startswith("2028-01-01 tarihinden itibaren gönderi yok")


@pytest.mark.parametrize("argv", [("--from", "01.03.2027"), ("--to", "x"), ("--status", "done"),
                                  ("--from", "2027-03-02", "--to", "2027-03-01")])
def test_agenda_bad_options_exit_2(agenda: Repo, argv: tuple[str, ...]) -> None:
    code, _, err = agenda.run("calendar", *argv)
    assert code == 2 and "Traceback" not in err


# -- iCalendar -----------------------------------------------------------------------------------
def events(path: Path) -> dict[str, object]:
    cal = Calendar.from_ical(path.read_bytes())
    return {str(e.get("summary")): e for e in cal.walk("VEVENT")}


def test_ics_events_times_and_fields(agenda: Repo) -> None:
    code, _, err = agenda.run("calendar", "--ics", "takvim.ics", "--now", "2027-01-01T00:00:00+03:00")
    assert code == 0, err
    evs = events(agenda.root / "takvim.ics")
    assert set(evs) == {"Gece yarısından önce", "Ertesi sabah", "Saat dilimsiz", "Nisan"}
    gece = evs["Gece yarısından önce"]
    assert gece.decoded("dtstart") == datetime(2027, 3, 1, 20, 30, tzinfo=UTC)  # type: ignore[attr-defined]
    assert evs["Saat dilimsiz"].decoded("dtstart") == datetime(2027, 3, 2, 6, 0, tzinfo=UTC)  # type: ignore[attr-defined]
    sabah = evs["Ertesi sabah"]
    assert [str(c) for c in sabah.get("categories").cats] == ["instagram", "x"]  # type: ignore[attr-defined]
    description = str(sabah.get("description"))  # type: ignore[attr-defined]
    assert "instagram, x" in description and "draft" in description and "Mehmet Kaya (mehmet)" in description
    uids = {str(e.get("uid")) for e in evs.values()}  # type: ignore[attr-defined]
    assert len(uids) == 4
    # the same posts give the same UIDs on another run
    agenda.run("calendar", "--ics", "again.ics", "--now", "2027-02-01T00:00:00+03:00")
    assert {str(e.get("uid")) for e in events(agenda.root / "again.ics").values()} == uids  # type: ignore[attr-defined]


def test_ics_respects_filters(agenda: Repo) -> None:
    code, _, err = agenda.run("calendar", "--ics", "x.ics", "--platform", "x", "--to", "2027-03-01")
    assert code == 0, err
    assert set(events(agenda.root / "x.ics")) == {"Gece yarısından önce"}


def test_ics_hides_embargoed_posts(repo: Repo) -> None:
    repo.post("gizli", "Gizli ürün metni.", title="Gizli iş birliği", date="2027-03-18T10:00:00+03:00",
              embargo="2027-03-18T10:00:00+03:00", campaign="gizli-kampanya", platforms="[instagram]")
    repo.post("acik", "Açık metin.", title="Açık gönderi", date="2027-03-19T10:00:00+03:00",
              embargo="2027-03-01T10:00:00+03:00")
    code, _, err = repo.run("calendar", "--ics", "t.ics", "--now", "2027-03-10T00:00:00+03:00")
    assert code == 0, err
    raw = (repo.root / "t.ics").read_bytes()
    evs = events(repo.root / "t.ics")
    assert set(evs) == {"Ambargolu gönderi", "Açık gönderi"}
    for secret in ("Gizli", "gizli", "Gizli ürün"):
        assert secret.encode() not in raw
    hidden = evs["Ambargolu gönderi"]
    assert hidden.decoded("dtstart") == datetime(2027, 3, 18, 7, 0, tzinfo=UTC)  # type: ignore[attr-defined]
    # once the embargo has passed, the title shows
    repo.run("calendar", "--ics", "later.ics", "--now", "2027-03-18T10:00:00+03:00")
    assert set(events(repo.root / "later.ics")) == {"Gizli iş birliği", "Açık gönderi"}


def test_build_ics_directly(repo: Repo) -> None:
    from checks.brand.loader import load_brand
    from checks.ical import build_ics
    from checks.post import read_post

    p = repo.post("p", "Metin.", title="Doğrudan", embargo='"bozuk"')
    brand = load_brand(repo.root / "brand")
    data = build_ics([read_post(str(p))], brand, datetime(2027, 1, 1, tzinfo=UTC))
    cal = Calendar.from_ical(data)
    [event] = cal.walk("VEVENT")
    assert str(event.get("summary")) == "Ambargolu gönderi"  # an unreadable embargo keeps it hidden
    assert data.startswith(b"BEGIN:VCALENDAR") and b"VERSION:2.0" in data


def test_ics_to_stdout(agenda: Repo) -> None:
    code, out, _ = agenda.run("calendar", "--ics", "-", "--status", "idea")
    assert code == 0 and out.startswith("BEGIN:VCALENDAR") and "SUMMARY:Nisan" in out


# -- no silent pass ------------------------------------------------------------------------------
def test_a_path_without_posts_is_an_error(repo: Repo) -> None:
    repo.post("a", "Merhaba.")
    code, _out, err = repo.run("check", "content/posts/yok.md")
    assert code == 2 and "content/posts/yok.md" in err and "böyle bir dosya ya da klasör yok" in err
    (repo.root / "bos").mkdir()
    (repo.root / "bos" / "notlar.txt").write_text("not a post\n", encoding="utf-8")
    code, _out, err = repo.run("check", "bos", "content")
    assert code == 2 and "bos: bu klasörde gönderi" in err and "Traceback" not in err
    code, _out, err = repo.run("check", "content", "--grammar", "off")
    assert code == 0, err


def test_a_repository_without_posts_says_so(repo: Repo) -> None:
    code, _out, err = repo.run("check", "--grammar", "off")
    assert code == 0 and "content/ altında gönderi" in err


def test_rules_test_of_a_rule_that_does_not_exist(repo: Repo) -> None:
    repo.rules("""
rules:
  - id: banned
    kind: ban
    terms: [ucuz]
    examples: {bad: [çok ucuz], good: [uygun]}
""")
    code, out, err = repo.run("rules", "test", "--rule", "voice.banend")
    assert code == 2 and "voice.banend" in err and "böyle bir kural yok" in err
    code, out, err = repo.run("rules", "test", "--rule", "voice.banned")
    assert code == 0 and "1 geçti" in out


def test_a_sensitive_topic_no_member_can_approve_stops_the_run(repo: Repo) -> None:
    repo.write("brand/sensitive.yml", """\
topics:
  - id: deprem
    terms: [deprem]
    action: approval
    approvers: [crisis-lead]
  - id: yas
    terms: [vefat]
    action: approval
    approvers: [legal]
""")
    repo.post("a", "Merhaba.")
    code, _out, err = repo.run("check", "--grammar", "off")
    assert code == 2 and "sensitive.yml:6:" in err and "'yas'" in err and "legal" in err
    repo.write("brand/team.yml", "members:\n  ayse: {name: Ayşe, roles: [writer]}\n  "
               "can: {name: Can, roles: [legal, crisis-lead]}\n")
    assert repo.run("check", "--grammar", "off")[0] == 0


def test_a_campaign_no_post_uses_is_named(repo: Repo) -> None:
    repo.write("brand/brand.yml", "name: T\nhashtags:\n  campaigns:\n    bahar-2027: ['#BaharıKarşıla']\n"
               "    yaz-2027: ['#Yaz']\n")
    repo.post("a", "Merhaba #BaharıKarşıla", campaign="bahar-2027")
    code, out, err = repo.run("check", "--grammar", "off")
    assert code == 0, out + err
    assert "yaz-2027" in err and "bahar-2027" not in err
    code, out, err = repo.run("check", "--grammar", "off", "content/posts/2027/03/a.md")
    assert "yaz-2027" not in err  # a run on some files does not see every post
