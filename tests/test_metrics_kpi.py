"""KPIs: the handbook's worked examples (read from playbooks/metrikler.md) computed end to
end, from export files through ``ekip metrics import`` to ``ekip report --format json``."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checks.metrics import kpi
from checks.metrics.numbers import format_number, format_percent

HANDBOOK = Path(__file__).resolve().parent.parent / "playbooks" / "metrikler.md"
NUM = r"(\d{1,3}(?:\.\d{3})+|\d+)"
VIEWS = "(?:görüntüleme|gösterim)"  # the handbook calls impressions and Meta's views "görüntüleme"


def section(title: str) -> str:
    text = HANDBOOK.read_text(encoding="utf-8")
    m = re.search(rf"^## {re.escape(title)}[^\n]*\n(.*?)(?=^## |\Z)", text, re.M | re.S)
    assert m, f"handbook section {title!r} not found"
    return m.group(1)


def example_of(text: str) -> str:
    """The text after the section's "**Örnek:**" label."""
    return text.split("**Örnek:**", 1)[1]


def n(text: str) -> int:
    return int(text.replace(".", ""))


def labelled(text: str, label: str) -> int:
    m = re.search(NUM + r"(?:'\w+)?\s+" + label, text)
    assert m, f"no number before {label!r} in: {text}"
    return n(m.group(1))


def bold(text: str) -> list[str]:
    return re.findall(r"\*\*([^*]+)\*\*", text)


def run_report(repo, *args: str) -> dict:
    code, out, err = repo.run("report", "--format", "json", *args)
    assert code == 0, err
    return json.loads(out)


def test_follower_growth_example(repo):
    text = section("Takipçi büyümesi")
    example = example_of(text)
    start, end = (n(x) for x in re.findall(r"\d{1,3}(?:\.\d{3})+", example)[:2])
    assert bold(example)[0] == format_percent(kpi.growth(start, end))
    rows = [("2026-10-31", start - 100), ("2026-11-01", start), ("2026-11-15", (start + end) // 2), ("2026-11-30", end)]
    repo.write("exports/ig.csv", "Date,Instagram followers\n" + "".join(f"{d},\"{v:,}\"\n" for d, v in rows))
    assert repo.run("metrics", "import", "exports/ig.csv")[0] == 0
    doc = run_report(repo, "--from", "2026-11-01", "--to", "2026-11-30")
    ig = next(f for f in doc["followers"] if f["platform"] == "instagram")
    assert (ig["start"], ig["end"]) == (start, end)
    assert format_percent(ig["growth"]) == bold(example)[0]


def test_engagement_rate_examples(repo):
    text = section("Etkileşim oranı")
    likes, comments, shares = labelled(text, "beğeni"), labelled(text, "yorum"), labelled(text, "paylaşım")
    saves, clicks = labelled(text, "kaydetme"), labelled(text, "tıklama")
    total = labelled(text, "etkileşim")
    followers = n(re.search(r"Takipçi " + NUM, text).group(1))
    reach = labelled(text, "erişim")
    by_reach = re.search(r"erişim = (%\d+,\d)", text).group(1)
    assert kpi.engagement(likes, comments, shares, saves, clicks) == total
    # One Instagram post with these numbers, followers on the day from a follower export.
    repo.write("exports/ig.csv",
               "\ufeffGönderi kimliği;Hesap kullanıcı adı;Yayınlanma zamanı;Kalıcı bağlantı;Erişim;Beğenmeler;"
               "Yorumlar;Paylaşımlar;Kaydetmeler;Bağlantı tıklamaları\n"
               f"111;ornek;05.10.2026 10:00;https://www.instagram.com/p/AAA/;{reach:,};{likes:,};{comments};{shares};"
               f"{saves};{clicks}\n".replace(",", "."))
    repo.write("exports/followers.csv", f"Date,Instagram followers\n2026-10-01,\"{followers - 500:,}\"\n"
                                        f"2026-10-05,\"{followers:,}\"\n2026-10-09,\"{followers + 500:,}\"\n")
    code, _, err = repo.run("metrics", "import", "--at", "2026-10-20T12:00", "exports/ig.csv", "exports/followers.csv")
    assert code == 0, err
    post = run_report(repo, "--from", "2026-10-01", "--to", "2026-10-31")["posts"][0]
    assert post["engagement"] == total
    assert post["followers"] == followers
    assert format_percent(post["engagement_rate_followers"]) == bold(example_of(text))[0]
    assert format_percent(post["engagement_rate_reach"]) == by_reach


def test_reach_and_impressions_example(repo):
    text = section("Erişim ve")
    example = example_of(text)
    impressions, reach = labelled(example, VIEWS), labelled(example, "erişim")
    followers = labelled(example, "takipçi")
    freq, reach_rate = bold(example)[:2]
    # Meta reports views where it used to report impressions: the views stand in.
    repo.write("exports/fb.csv", "Post ID,Page name,Publish time,Permalink,Views,Reach,Reactions\n"
                                 f"1_2,Örnek,11/02/2026 10:00,https://www.facebook.com/1/posts/2,\"{impressions:,}\","
                                 f"\"{reach:,}\",10\n")
    repo.write("exports/followers.csv", f"Date,Facebook followers\n2026-11-02,\"{followers:,}\"\n")
    assert repo.run("metrics", "import", "--at", "2026-11-09T12:00", "exports/fb.csv", "exports/followers.csv")[0] == 0
    summary = run_report(repo)["summary"]
    assert format_number(summary["frequency"], 1) == freq
    assert format_percent(summary["reach_rate"]) == reach_rate


def test_click_through_rate_example(repo):
    text = section("Tıklama oranı")
    example = example_of(text)
    impressions, clicks = labelled(example, VIEWS), labelled(example, "tıklama")
    repo.write("exports/x.csv", "Post id,Date,Post text,Post Link,Impressions,Likes,Reposts,URL Clicks\n"
                                f"42,\"Mon, Nov 02, 2026\",Kampanya,https://x.com/o/status/42,\"{impressions:,}\",5,1,"
                                f"{clicks}\n")
    assert repo.run("metrics", "import", "--at", "2026-11-09T12:00", "exports/x.csv")[0] == 0
    doc = run_report(repo)
    assert format_percent(doc["posts"][0]["ctr"]) == bold(example)[0]
    assert format_percent(doc["platforms"][0]["ctr"]) == bold(example)[0]


def test_conversion_rate_example(repo):
    text = section("Dönüşüm oranı")
    example = example_of(text)
    campaign = re.search(r"utm_campaign=([a-z0-9-]+)", example).group(1)
    sessions, orders = labelled(example, "oturum"), labelled(example, "sipariş")
    repo.write("exports/ga4.csv", "# Traffic acquisition\n# Start date: 20261101\n# End date: 20261130\n\n"
                                  "Session campaign,Sessions,Key events\n"
                                  f"{campaign},\"{sessions:,}\",{orders}\n(not set),100,1\n")
    assert repo.run("metrics", "import", "exports/ga4.csv")[0] == 0
    doc = run_report(repo, "--from", "2026-11-01", "--to", "2026-11-30")
    row = next(c for c in doc["campaigns"] if c["campaign"] == campaign)
    assert format_percent(row["conversion_rate"]) == bold(example)[0]
    assert not any(c["campaign"] == "(not set)" for c in doc["campaigns"])
    # Outside the export's period the campaign has no traffic.
    assert not run_report(repo, "--from", "2026-12-01", "--to", "2026-12-31")["campaigns"]


def test_audience_fit_example():
    text = section("İzleyici demografisi")
    example = example_of(text)
    total = labelled(example, "takipçi")  # "40.000 takipçinin"
    segments = [n(x) for x in re.findall(NUM + r"'(?:ü|i|u|ı)\b", example)]  # "18.400'ü", "22.000'i"
    results = [b for b in bold(example) if b.startswith("%")]
    assert results and [format_percent(kpi.rate(s, total)) for s in segments[:len(results)]] == results


def test_content_lifetime_example(repo):
    text = section("İçerik ömrü")
    example = example_of(text)
    total = labelled(example, "etkileşim")
    reached = int(re.search(r"(\d+)'\w+ etkileşime", example).group(1))
    hours = int(re.search(r"(\d+) saat sonra", example).group(1))
    assert reached == round(total * kpi.LIFETIME_SHARE)
    # Snapshots of one TikTok video over its first week: 90 % of the week's engagement at `hours`.
    curve = [(1, total * 0.1), (6, total * 0.5), (12, total * 0.76), (hours, reached), (24, total * 0.93),
             (72, total * 0.99), (168, total), (240, total * 1.01)]
    for h, likes in curve:
        day, hour = divmod(18 + h, 24)
        at = f"2026-11-{2 + day:02d}T{hour:02d}:00:00+03:00"
        repo.write(f"exports/tt-{h}.csv", "Video title,Video link,Post time,Total likes,Total views\n"
                   f"Kombin,https://www.tiktok.com/@o/video/77,2026-11-02 18:00,{round(likes)},1000\n")
        code, _, err = repo.run("metrics", "import", "--at", at, f"exports/tt-{h}.csv")
        assert code == 0, err
    post = run_report(repo)["posts"][0]
    assert post["snapshots"] == len(curve)
    assert f"{format_number(post['lifetime_hours'])} saat" == bold(example)[0]


def test_lifetime_interpolates_and_needs_a_week():
    assert kpi.lifetime_hours([(10, 50), (20, 100), (168, 100)]) == pytest.approx(18.0)
    assert kpi.lifetime_hours([(1, 10), (100, 90)]) is None  # no snapshot a week in yet
    assert kpi.lifetime_hours([(200, 100)]) == pytest.approx(0.9 * 168)  # one late snapshot: straight line
    assert kpi.lifetime_hours([(1, 0), (168, 0)]) is None


_HOURS = st.one_of(st.integers(-48, 400).map(float), st.floats(-48, 400, allow_nan=False))
_POINTS = st.lists(st.tuples(_HOURS, st.integers(-5, 5000)), max_size=40)


@settings(max_examples=1000, deadline=None)
@given(_POINTS, st.booleans(), st.sampled_from([168.0, 24.0, 0.0, -1.0]))
def test_the_bisecting_lifetime_gives_what_the_definition_gives(points, tidy, window):
    """``lifetime_from`` (bisection) and ``lifetime_hours`` (the handbook's definition, a scan)
    on generated curves: running totals (``tidy``: sorted hours, engagement that never goes
    down, as snapshots give) and anything else (they must still agree)."""
    if tidy:
        points = list(zip(sorted(h for h, _ in points), sorted(abs(e) for _, e in points), strict=True))
    hours, engagement = [h for h, _ in points], [e for _, e in points]
    assert kpi.lifetime_from(hours, engagement, window) == kpi.lifetime_hours(points, window)


def test_the_bisecting_lifetime_on_the_usual_shapes():
    curve = [(1.0, 10), (2.0, 40), (24.0, 90), (168.0, 100)]
    hours, engagement = [h for h, _ in curve], [e for _, e in curve]
    assert kpi.lifetime_from(hours, engagement) == kpi.lifetime_hours(curve) == pytest.approx(2 + 50 / 50 * 22)
    assert kpi.lifetime_from([-2.0, *hours], [5, *engagement]) == kpi.lifetime_hours([(-2.0, 5), *curve])
    assert kpi.lifetime_from([1.0, 168.0], [0, 0]) is None


def test_best_times_and_groups(repo):
    repo.post("a", "Sabah gönderisi metni burada.", platforms="[x]", status="published", campaign="kis",
              date="2026-11-02T09:00:00+03:00", posted='{x: "1"}')
    repo.post("b", "Akşam gönderisi metni burada.", platforms="[x]", status="published", author="mehmet",
              date="2026-11-03T20:00:00+03:00", posted='{x: "https://twitter.com/o/status/2?s=20"}')
    repo.write("exports/x.csv", "Tweet id,Tweet permalink,Tweet text,time,impressions,likes,replies,retweets,"
                                "url clicks\n"
                                "1,https://x.com/o/status/1,Sabah,2026-11-02 06:00 +0000,1000,10,0,0,0\n"
                                "2,https://x.com/o/status/2,Akşam,2026-11-03 17:00 +0000,1000,30,0,0,10\n")
    assert repo.run("metrics", "import", "--at", "2026-11-10T12:00", "exports/x.csv")[0] == 0
    doc = run_report(repo)
    assert doc["unlinked"] == 0
    assert [(p["path"].rsplit("/", 1)[-1], p["author"], p["campaign"]) for p in doc["posts"]] == \
           [("a.md", "ayse", "kis"), ("b.md", "mehmet", None)]
    cells = {(b["weekday"], b["hour"]): b["engagement_rate"] for b in doc["best_times"] if b["platform"] is None}
    assert cells == {(0, 9): 1.0, (1, 20): 4.0}  # Monday 09:00 and Tuesday 20:00 brand-local
    assert {a["author"]: a["engagement"] for a in doc["authors"]} == {"ayse": 10, "mehmet": 40}
    assert doc["top"][0]["post_id"] == "2"
    for fmt in ("text", "csv", "md"):
        code, out, _ = repo.run("report", "--format", fmt)
        assert code == 0 and ("%4,0" in out or ",4.0" in out)


def test_report_without_metrics_and_bad_dates(repo):
    code, _, err = repo.run("report")
    assert code == 0 and "ekip metrics import" in err
    assert repo.run("report", "--from", "2026-13-01")[0] == 2
    assert repo.run("report", "--from", "2026-12-02", "--to", "2026-12-01")[0] == 2


def test_a_new_import_shows_in_the_next_report(repo):
    """The report's cache of the snapshot files (checks.metrics.curves) follows every import."""
    row = ("Video title,Video link,Post time,Total likes,Total views\n"
           "K,https://www.tiktok.com/@o/video/5,2026-11-02 18:00,{},900\n")
    repo.write("exports/a.csv", row.format(10))
    assert repo.run("metrics", "import", "--at", "2026-11-03T10:00", "exports/a.csv")[0] == 0
    assert run_report(repo)["posts"][0]["engagement"] == 10
    assert run_report(repo)["posts"][0]["engagement"] == 10  # from the cache
    repo.write("exports/b.csv", row.format(25))
    assert repo.run("metrics", "import", "--at", "2026-11-04T10:00", "exports/b.csv")[0] == 0
    post = run_report(repo)["posts"][0]
    assert (post["engagement"], post["snapshots"]) == (25, 2)


def test_numbers_are_written_as_babel_writes_them_in_each_language():
    """``format_number`` and ``format_percent`` by hand give what Babel gives from CLDR's
    decimal and percent patterns of ``tr`` and ``en`` (Babel is only needed by the tests)."""
    import gettext
    import random

    from babel import Locale
    from babel.numbers import format_decimal
    from babel.numbers import format_percent as babel_percent

    from checks import i18n

    rng = random.Random(14)
    values = [0.0, 2.0, 2.5, 49440.0, 1234567.0, -3.2, 0.04, -0.04,
              *(round(rng.uniform(-5000, 200000), 3) + 0.0004 for _ in range(300))]  # never a tie
    for lang in ("tr", "en"):
        percent = Locale(lang).percent_formats[None].pattern.replace("0", "0.0", 1)  # one decimal
        with i18n.using(gettext.NullTranslations(), lang):
            for v in values:
                assert format_number(v) == format_decimal(v, format="#,##0", locale=lang), (lang, v)
                assert format_number(v, 1) == format_decimal(v, format="#,##0.0", locale=lang), (lang, v)
                if round(v, 1) != 0 or v >= 0:  # Babel writes -0.0 as "-%0,0"; a report says "%0,0"
                    assert format_percent(v) == babel_percent(v / 100, format=percent, locale=lang), (lang, v)
    assert format_percent(None) == format_number(None) == "—"
