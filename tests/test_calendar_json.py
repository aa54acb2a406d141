"""``ekip calendar --format json`` and the warning for posts that share a title."""

from __future__ import annotations

import json

from conftest import Repo


def test_agenda_as_json(repo: Repo) -> None:
    repo.post("a", "Metin.", title="Kış indirimi", date="2027-03-02T09:30:00+03:00", platforms="[x, instagram]",
              campaign="kis")
    repo.post("b", "Metin.", title="Bahar", date="2027-03-01T18:00:00Z", status="approved")
    repo.post("c", "Metin.", title="Eski", date="2027-02-01T10:00:00+03:00")
    code, out, err = repo.run("calendar", "--format", "json", "--from", "2027-03-01")
    assert code == 0, err
    doc = json.loads(out)
    assert doc["version"] == 1 and doc["from"] == "2027-03-01" and doc["to"] is None
    assert doc["timezone"] == "Europe/Istanbul" and doc["warnings"] == []
    assert [(p["title"], p["local_date"], p["local_time"]) for p in doc["posts"]] == [
        ("Bahar", "2027-03-01", "21:00"), ("Kış indirimi", "2027-03-02", "09:30")]
    first, second = doc["posts"]
    assert first["status"] == "approved" and second["platforms"] == ["x", "instagram"]
    assert second["campaign"] == "kis" and second["path"].endswith("a.md")


def test_same_title_is_a_warning(repo: Repo) -> None:
    repo.post("a", "Metin.", title="Yeni sezon", date="2027-03-02T09:30:00+03:00")
    repo.post("b", "Metin.", title="YENİ  SEZON", date="2027-04-02T09:30:00+03:00")
    repo.post("c", "Metin.", title="Yeni sezon başladı", date="2027-03-05T09:30:00+03:00")
    code, out, err = repo.run("calendar", "--from", "2027-03-01", "--to", "2027-03-03")
    assert code == 0
    assert "uyarı: 2 gönderi aynı başlığı taşıyor 'Yeni sezon'" in err
    assert "a.md" in err and "b.md" in err and "c.md" not in err
    code, out, _ = repo.run("calendar", "--format", "json", "--from", "2027-03-01")
    assert len(json.loads(out)["warnings"]) == 1


def test_site_feed_events_have_an_end_and_a_link(repo: Repo) -> None:
    from datetime import datetime, timedelta
    from zoneinfo import ZoneInfo

    from icalendar import Calendar

    from checks.brand.loader import load_brand
    from checks.post import read_post
    from checks.site.generate import build_site
    from checks.site.model import page_url

    repo.post("acik", "Metin.", title="Açık", date="2027-03-02T09:30:00+03:00")
    repo.post("gizli", "Metin.", title="Gizli", date="2027-03-03T09:30:00+03:00", embargo="2027-03-03T09:00:00+03:00")
    brand = load_brand(repo.root / "brand")
    posts = [read_post(str(p)) for p in sorted((repo.root / "content").rglob("*.md"))]
    now = datetime(2027, 3, 1, tzinfo=ZoneInfo("Europe/Istanbul"))
    files = {f.path: f for f in build_site(brand, posts, now, site_url="https://ekip.ornek.com.tr/")}
    feed = Calendar.from_ical(files["takvim/ekip.ics"].content)
    events = {str(e.get("summary")): e for e in feed.walk("VEVENT")}
    open_event, hidden = events["Açık"], events["Ambargolu gönderi"]
    assert open_event.decoded("dtend") - open_event.decoded("dtstart") == timedelta(minutes=30)
    preview = next(path for path in files if path.startswith("takvim/gonderi/") and "acik" in path)
    assert str(open_event.get("url")) == "https://ekip.ornek.com.tr/" + page_url(preview)
    assert str(open_event.get("url")).startswith("https://ekip.ornek.com.tr/takvim/gonderi/")
    assert hidden.get("url") is None and hidden.decoded("dtend") > hidden.decoded("dtstart")
