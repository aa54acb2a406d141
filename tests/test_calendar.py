"""calendar.daily-limit, calendar.gap, calendar.quiet-period: across posts, by brand-local day."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from checks.builtin.calendar import QuietPeriod
from tests.conftest import Repo

NOW = ("--now", "2027-01-01T00:00:00+03:00")
IST = ZoneInfo("Europe/Istanbul")


def names(found: list[dict[str, object]]) -> list[str]:
    return sorted(str(f["path"]).rsplit("/", 1)[-1][:-3] for f in found)


def calendar(repo: Repo, text: str) -> None:
    repo.write("brand/calendar.yml", text)


# -- daily limit -----------------------------------------------------------------------------
def test_daily_limit_both_sides(repo: Repo) -> None:
    calendar(repo, "daily_limit: {instagram: 2}\n")
    for i, hour in enumerate(("09", "12", "15")):
        repo.post(f"p{i}", "Merhaba.", platforms="[instagram]", status="scheduled",
                  date=f"2027-03-01T{hour}:00:00+03:00")
    found = repo.findings(*NOW, rule="calendar.daily-limit")
    assert names(found) == ["p2"]  # the third of the day, the latest one
    assert [(f["line"], f["level"]) for f in found] == [(3, "error")]
    assert "instagram" in found[0]["message"] and "2027-03-01" in found[0]["message"]
    (repo.root / "content/posts/2027/03/p2.md").unlink()
    assert repo.findings(*NOW, rule="calendar.daily-limit") == []


def test_daily_limit_counts_each_platform_separately(repo: Repo) -> None:
    calendar(repo, "daily_limit: {instagram: 1, x: 1}\n")
    repo.post("a", "Merhaba.", platforms="[instagram, x]", status="scheduled", date="2027-03-01T09:00:00+03:00")
    repo.post("b", "Merhaba.", platforms="[x]", status="scheduled", date="2027-03-01T10:00:00+03:00")
    repo.post("c", "Merhaba.", platforms="[facebook]", status="scheduled", date="2027-03-01T11:00:00+03:00")
    found = repo.findings(*NOW, rule="calendar.daily-limit")
    assert names(found) == ["b"] and "x için" in found[0]["message"]


def test_daily_limit_counts_only_posts_that_go_out(repo: Repo) -> None:
    calendar(repo, "daily_limit: {instagram: 1}\n")
    for i, status in enumerate(("idea", "draft", "archived")):
        repo.post(f"{status}", "Merhaba.", platforms="[instagram]", status=status,
                  date=f"2027-03-01T0{i + 1}:00:00+03:00")
    repo.post("late", "Merhaba.", platforms="[instagram]", status="review", date="2027-03-01T20:00:00+03:00")
    assert repo.findings(*NOW, rule="calendar.daily-limit") == []
    for i, status in enumerate(("review", "approved", "published")):
        repo.post(f"{status}", "Merhaba.", platforms="[instagram]", status=status,
                  date=f"2027-03-01T0{i + 1}:00:00+03:00")
    assert names(repo.findings(*NOW, rule="calendar.daily-limit")) == ["approved", "late", "published"]


def test_day_is_a_brand_local_day(repo: Repo) -> None:
    calendar(repo, "daily_limit: {x: 1}\n")
    repo.post("evening", "Merhaba.", platforms="[x]", status="scheduled", date="2027-03-01T23:30:00+03:00")
    repo.post("night", "Merhaba.", platforms="[x]", status="scheduled", date="2027-03-02T00:30:00+03:00")
    assert repo.findings(*NOW, rule="calendar.daily-limit") == []
    # 21:15 UTC on March 1st is 00:15 on March 2nd in Istanbul: same day as "night"
    repo.post("utc", "Merhaba.", platforms="[x]", status="scheduled", date="2027-03-01T21:15:00Z")
    assert names(repo.findings(*NOW, rule="calendar.daily-limit")) == ["night"]


def test_naive_time_is_brand_local(repo: Repo) -> None:
    calendar(repo, "daily_limit: {x: 1}\n")
    repo.post("offset", "Merhaba.", platforms="[x]", status="scheduled", date="2027-03-01T23:00:00+03:00")
    repo.post("naive", "Merhaba.", platforms="[x]", status="scheduled", date="2027-03-01T23:30:00")
    assert names(repo.findings(*NOW, rule="calendar.daily-limit")) == ["naive"]


def test_zero_limit_flags_every_post(repo: Repo) -> None:
    calendar(repo, "daily_limit: {tiktok: 0}\n")
    repo.post("a", "Merhaba.", platforms="[tiktok]", status="scheduled")
    assert names(repo.findings(*NOW, rule="calendar.daily-limit")) == ["a"]


# -- minimum gap ------------------------------------------------------------------------------
def test_gap_both_sides(repo: Repo) -> None:
    calendar(repo, "min_gap_minutes: {instagram: 180}\n")
    repo.post("a", "Merhaba.", platforms="[instagram]", status="scheduled", date="2027-03-01T10:00:00+03:00")
    repo.post("b", "Merhaba.", platforms="[instagram]", status="scheduled", date="2027-03-01T13:00:00+03:00")
    assert repo.findings(*NOW, rule="calendar.gap") == []
    repo.post("c", "Merhaba.", platforms="[instagram]", status="scheduled", date="2027-03-01T15:59:00+03:00")
    found = repo.findings(*NOW, rule="calendar.gap")
    assert names(found) == ["c"]
    assert "179 dakika" in found[0]["message"] and "b.md" in found[0]["message"]
    assert (found[0]["line"], found[0]["level"]) == (3, "error")


def test_gap_crosses_midnight_and_ignores_other_platforms(repo: Repo) -> None:
    calendar(repo, "min_gap_minutes: {x: 60}\n")
    repo.post("a", "Merhaba.", platforms="[x]", status="scheduled", date="2027-03-01T23:30:00+03:00")
    repo.post("b", "Merhaba.", platforms="[x]", status="scheduled", date="2027-03-02T00:10:00+03:00")
    repo.post("c", "Merhaba.", platforms="[facebook]", status="scheduled", date="2027-03-01T23:40:00+03:00")
    repo.post("d", "Merhaba.", platforms="[x]", status="draft", date="2027-03-01T23:50:00+03:00")
    assert names(repo.findings(*NOW, rule="calendar.gap")) == ["b"]


# -- quiet periods ----------------------------------------------------------------------------
QUIET = """\
quiet_periods:
  - {id: anma, name: Anma günü, start: 2027-02-06T00:00:00+03:00, end: 2027-02-07T00:00:00+03:00, yearly: true}
  - {id: sayim, name: Stok sayımı, start: 2027-01-02T00:00:00+03:00, end: 2027-01-04T00:00:00+03:00}
  - {id: yilbasi, name: Yılbaşı gecesi, start: 2026-12-31T20:00:00+03:00, end: 2027-01-01T10:00:00+03:00,
     yearly: true}
  - {id: x-only, start: 2027-05-01T10:00:00+03:00, end: 2027-05-01T12:00:00+03:00, platforms: [x]}
"""


@pytest.mark.parametrize(("date", "period"), [
    ("2027-02-06T00:00:00+03:00", "anma"),  # start is inside
    ("2027-02-06T23:59:00+03:00", "anma"),
    ("2027-02-07T00:00:00+03:00", None),  # end is outside
    ("2027-02-05T23:59:00+03:00", None),
    ("2029-02-06T12:00:00+03:00", "anma"),  # yearly: a later year
    ("2026-02-06T12:00:00+03:00", "anma"),  # yearly: an earlier year
    ("2029-02-05T20:59:00Z", None),  # 23:59 Istanbul the day before
    ("2029-02-05T21:00:00Z", "anma"),  # 00:00 Istanbul
    ("2027-01-03T12:00:00+03:00", "sayim"),  # one-off
    ("2028-01-03T12:00:00+03:00", None),  # one-off: not the next year
    ("2030-12-31T21:00:00+03:00", "yilbasi"),  # spans New Year: the evening...
    ("2031-01-01T09:59:00+03:00", "yilbasi"),  # ...and the next morning
    ("2031-01-01T10:00:00+03:00", None),
    ("2030-12-31T19:59:00+03:00", None),
    ("2025-01-01T08:00:00", "yilbasi"),  # naive time: brand-local
])
def test_quiet_periods(repo: Repo, date: str, period: str | None) -> None:
    calendar(repo, QUIET)
    repo.post("p", "Merhaba.", status="scheduled", date=date)
    found = repo.findings(*NOW, rule="calendar.quiet-period")
    if period is None:
        assert found == []
    else:
        assert [(f["line"], f["level"]) for f in found] == [(3, "error")]
        name = {"anma": "Anma günü", "sayim": "Stok sayımı", "yilbasi": "Yılbaşı gecesi"}[period]
        assert name in found[0]["message"]


def test_quiet_period_exceptions(repo: Repo) -> None:
    calendar(repo, QUIET)
    inside = "2028-02-06T10:00:00+03:00"
    repo.post("crisis", "Merhaba.", status="scheduled", date=inside, crisis="true")
    repo.post("idea", "Merhaba.", status="idea", date=inside)
    repo.post("archived", "Merhaba.", status="archived", date=inside)
    repo.post("draft", "Merhaba.", status="draft", date=inside)
    repo.post("not-crisis", "Merhaba.", status="published", date=inside, crisis="false")
    assert names(repo.findings(*NOW, rule="calendar.quiet-period")) == ["draft", "not-crisis"]


def test_quiet_period_platforms(repo: Repo) -> None:
    calendar(repo, QUIET)
    repo.post("fb", "Merhaba.", platforms="[facebook]", date="2027-05-01T11:00:00+03:00")
    repo.post("x", "Merhaba.", platforms="[facebook, x]", date="2027-05-01T11:00:00+03:00")
    assert names(repo.findings(*NOW, rule="calendar.quiet-period")) == ["x"]


def test_yearly_feb_29_falls_back_to_feb_28() -> None:
    period = QuietPeriod({"id": "p", "start": "2028-02-29T00:00:00+03:00", "end": "2028-03-01T00:00:00+03:00",
                          "yearly": True}, IST)
    assert period.covering(datetime(2027, 2, 28, 12, tzinfo=IST)) is not None
    assert period.covering(datetime(2027, 3, 1, 12, tzinfo=IST)) is None
    assert period.covering(datetime(2032, 2, 29, 12, tzinfo=IST)) is not None


def test_period_that_ends_before_it_starts_stops_the_run(repo: Repo) -> None:
    calendar(repo, "quiet_periods:\n  - {id: p, start: 2027-02-06T00:00:00+03:00, end: 2027-02-05T00:00:00+03:00}\n")
    repo.post("p", "Merhaba.")
    code, _, err = repo.run("check", "--grammar", "off", *NOW)
    assert code == 2 and "calendar.yml" in err and "Traceback" not in err


def test_calendar_without_file_or_with_odd_posts(repo: Repo) -> None:
    repo.post("a", "Merhaba.", status="scheduled", platforms="[x, x]")
    repo.post("b", "Merhaba.", status="scheduled", date="[1, 2]", platforms="x")
    assert repo.findings(*NOW, rule="calendar") == []
    calendar(repo, "daily_limit: {x: 1}\nmin_gap_minutes: {x: 30}\n" + QUIET)
    code, _out, err = repo.run("check", "--grammar", "off", "--format", "json", *NOW)
    assert code in (0, 1) and "Traceback" not in err


# -- a run on some files counts the repository's other posts (the pre-commit case) -------------
def test_check_on_one_file_counts_the_other_posts(repo: Repo) -> None:
    """`ekip check FILE` is what the pre-commit hook runs on the staged posts: the daily limit,
    the gap and quiet periods count every post of the repository, as CI's run does."""
    calendar(repo, "daily_limit: {linkedin: 1}\nmin_gap_minutes: {x: 60}\n")
    for name, hour, platform in (("sabah", "09", "linkedin"), ("ogle", "12", "linkedin"),
                                 ("x1", "10", "x"), ("x2", "10", "x")):
        repo.post(name, "Merhaba.", platforms=f"[{platform}]", status="review",
                  date=f"2027-03-01T{hour}:{'30' if name == 'x2' else '00'}:00+03:00")
    # elsewhere, a problem that exists without the checked posts: not theirs to report
    repo.post("eski1", "Merhaba.", platforms="[linkedin]", status="review", date="2027-03-05T09:00:00+03:00")
    repo.post("eski2", "Merhaba.", platforms="[linkedin]", status="review", date="2027-03-05T10:00:00+03:00")
    rel = "content/posts/2027/03/"
    found = repo.findings(*NOW, rel + "ogle.md")
    assert [(names([f])[0], f["rule"]) for f in found] == [("ogle", "calendar.daily-limit")]
    assert [(names([f])[0], f["rule"]) for f in repo.findings(*NOW, rel + "x2.md")] == [("x2", "calendar.gap")]
    # the morning post is the day's first, but it is what pushes the noon post over the limit
    found = repo.findings(*NOW, rel + "sabah.md")
    assert [(names([f])[0], f["rule"]) for f in found] == [("ogle", "calendar.daily-limit")]
    assert [(names([f])[0], f["rule"]) for f in repo.findings(*NOW, rel + "x1.md")] == [("x2", "calendar.gap")]
    assert names(repo.findings(*NOW, rule="calendar.daily-limit")) == ["eski2", "ogle"]  # the whole run


def test_other_posts_are_counted_however_their_date_is_written(repo: Repo) -> None:
    """The one-post run skips other posts by a quick look at their `date:` line; a date quoted,
    with a comment, naive, or under a key the quick look does not read still counts."""
    calendar(repo, "daily_limit: {linkedin: 1}\n")
    rel = "content/posts/2027/03/"
    repo.post("yeni", "Merhaba.", platforms="[linkedin]", status="review", date="2027-03-01T23:00:00+03:00")
    others = {
        "tirnakli": 'date: "2027-03-01T11:00:00+03:00"  # yorum',
        "saf": "date: 2027-03-01 11:00",
        "anahtar": '"date": 2027-03-01T11:00:00+03:00',
        "crlf": "date: 2027-03-01T11:00:00+03:00\r",
    }
    for name, line in others.items():
        repo.write(rel + f"{name}.md", "---\ntitle: T\n" + line + "\nplatforms: [linkedin]\nstatus: review\n"
                   "author: ayse\n---\n\nMetin.\n")
        found = repo.findings(*NOW, rel + "yeni.md", rule="calendar.daily-limit")
        assert names(found) == ["yeni"], name
        (repo.root / rel / f"{name}.md").unlink()
    other_day = "---\ntitle: T\ndate: 2027-03-02T11:00:00+03:00\nplatforms: [linkedin]\nstatus: review\n---\n"
    repo.write(rel + "ertesi.md", other_day)
    assert repo.findings(*NOW, rel + "yeni.md", rule="calendar.daily-limit") == []


def test_a_post_moved_to_another_day_is_seen_by_the_next_one_post_run(repo: Repo) -> None:
    """The days of the other posts are remembered between runs (checks/datecache.py); a post
    edited since (same size, new modification time) is read again."""
    import os

    calendar(repo, "daily_limit: {linkedin: 1}\n")
    rel = "content/posts/2027/03/"
    repo.post("yeni", "Merhaba.", platforms="[linkedin]", status="review", date="2027-03-01T23:00:00+03:00")
    other = repo.post("eski", "Merhaba.", platforms="[linkedin]", status="review", date="2027-03-02T09:00:00+03:00")
    assert repo.findings(*NOW, rel + "yeni.md", rule="calendar.daily-limit") == []
    text = other.read_text(encoding="utf-8").replace("2027-03-02T09", "2027-03-01T09")
    stat = other.stat()
    with open(other, "r+", encoding="utf-8") as fh:  # in place: same inode, same size
        fh.write(text)
    os.utime(other, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    assert names(repo.findings(*NOW, rel + "yeni.md", rule="calendar.daily-limit")) == ["yeni"]
    assert names(repo.findings(*NOW, "--no-cache", rel + "yeni.md", rule="calendar.daily-limit")) == ["yeni"]
