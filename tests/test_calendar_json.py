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
    assert "warning: 2 posts share the title 'Yeni sezon'" in err
    assert "a.md" in err and "b.md" in err and "c.md" not in err
    code, out, _ = repo.run("calendar", "--format", "json", "--from", "2027-03-01")
    assert len(json.loads(out)["warnings"]) == 1
