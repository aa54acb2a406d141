#!/usr/bin/env python3
"""Sample analytics exports for the sample brand (Örnek Giyim), made up with a fixed seed:
never real people's data, and the same bytes on every run.

    python scripts/sample_metrics.py            # tests/data/metrics/ and this repository's metrics/
    python scripts/sample_metrics.py --check    # exit 1 when the committed files differ

1. ``tests/data/metrics/``: one export per supported format, as taken on 30 November 2026, in
   English and in Turkish (Turkish headers, ``;``, ``1.234``, ``%4,5``, day-first dates), with
   and without a BOM, CSV and XLSX as each platform gives them. The tests import these.
2. ``metrics/``: the sample site's data, made by importing exports taken 1, 2, 3, 6, 12, 24,
   48, 72, 120 and 168 hours after each published post went out (so that content lifetime
   has a curve to read), plus daily follower counts for October and November 2026, the
   audience, and GA4 campaign traffic.

Each published post's counts follow ``total × (1 − e^(−t/τ))`` with a platform's own τ
(X hours, LinkedIn and TikTok days). Follower counts match the handbook's worked example:
Instagram 48.000 on 1 November, 49.440 on 30 November.
"""

from __future__ import annotations

import csv
import io
import math
import random
import re
import sys
import tempfile
import zipfile
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from checks.brand.loader import load_brand  # noqa: E402
from checks.metrics.importer import plan_import  # noqa: E402
from checks.post import read_post  # noqa: E402

TZ = ZoneInfo("Europe/Istanbul")
TAKEN = datetime(2026, 11, 30, 23, 0, tzinfo=TZ)
HOURS = (1, 2, 3, 6, 12, 24, 48, 72, 120, 168)
TAU = {"x": 3.0, "instagram": 9.0, "facebook": 7.0, "linkedin": 20.0, "tiktok": 30.0}  # hours
SCALE = {"x": 9000, "instagram": 26000, "facebook": 14000, "linkedin": 7000, "tiktok": 60000}
MONTHS_EN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
DAYS_EN = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]


# ---------------------------------------------------------------- the posts and their numbers


def sample_posts(root: Path) -> list[dict[str, Any]]:
    """(platform placements of) the published sample posts, plus posts the account published
    outside Ekip (no file: stories, replies), which stay unlinked."""
    rng = random.Random(2026)
    out = []
    for path in sorted((root / "content").rglob("*.md")):
        post = read_post(str(path))
        if post.front.get("status") != "published":
            continue
        when = datetime.fromisoformat(str(post.front["date"])).astimezone(TZ)
        for platform in post.platforms:
            out.append(_placement(rng, platform, when, post.text, str(post.front.get("title"))))
    extra = [
        ("instagram", datetime(2026, 10, 9, 19, 0, tzinfo=TZ), "Hafta sonu için yeni kombin önerileri hikâyede."),
        ("instagram", datetime(2026, 11, 4, 12, 30, tzinfo=TZ), "Kadıköy mağazamızda bu hafta sonu stil atölyesi var."),
        ("x", datetime(2026, 11, 20, 16, 0, tzinfo=TZ), "Kargo takibi için sipariş numaranızla DM atabilirsiniz."),
        (
            "facebook",
            datetime(2026, 11, 24, 11, 0, tzinfo=TZ),
            "Kasım indirimlerinde son hafta, mağazalarda da geçerli.",
        ),
    ]
    for platform, when, text in extra:
        out.append(_placement(rng, platform, when, text, text[:40]))
    return out


def _placement(rng: random.Random, platform: str, when: datetime, text: str, title: str) -> dict[str, Any]:
    size = SCALE[platform] * rng.uniform(0.6, 1.4)
    reach = size
    n = rng.randrange(10**17, 10**18)
    ids = {
        "instagram": (f"1790{n % 10**13:013d}", f"https://www.instagram.com/p/C{_short(rng)}/"),
        "facebook": (
            f"101234567890123_{n % 10**15:015d}",
            f"https://www.facebook.com/101234567890123/posts/{n % 10**15:015d}",
        ),
        "x": (str(n * 10 + 1)[:19], ""),
        "linkedin": ("", f"https://www.linkedin.com/feed/update/urn:li:activity:{str(n)[:19]}"),
        "tiktok": ("", f"https://www.tiktok.com/@ornekgiyim/video/{str(n)[:19]}"),
    }[platform]
    post_id, link = ids
    if platform == "x":
        link = f"https://x.com/ornekgiyim/status/{post_id}"
    types = {
        "instagram": ["IG image", "IG carousel", "IG reel"],
        "facebook": ["Photo", "Link", "Video"],
        "x": [""],
        "linkedin": ["Image", "Article"],
        "tiktok": ["Video"],
    }[platform]
    return {
        "platform": platform,
        "when": when,
        "text": text,
        "title": title,
        "post_id": post_id,
        "link": link,
        "type": rng.choice(types),
        "tau": TAU[platform] * rng.uniform(0.7, 1.3),
        "totals": {
            "impressions": round(reach * rng.uniform(1.6, 2.6)),
            "reach": round(reach),
            "likes": round(reach * rng.uniform(0.02, 0.05)),
            "comments": round(reach * rng.uniform(0.002, 0.006)),
            "shares": round(reach * rng.uniform(0.001, 0.004)),
            "saves": round(reach * rng.uniform(0.002, 0.008)),
            "clicks": round(reach * rng.uniform(0.003, 0.012)),
            "follows": round(reach * rng.uniform(0.0005, 0.002)),
        },
    }


def _short(rng: random.Random) -> str:
    return "".join(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz0123456789_-") for _ in range(10))


def counts_at(p: dict[str, Any], at: datetime) -> dict[str, int] | None:
    hours = (at - p["when"]).total_seconds() / 3600
    if hours <= 0:
        return None
    share = 1 - math.exp(-hours / p["tau"])
    return {k: round(v * share) for k, v in p["totals"].items()}


# ---------------------------------------------------------------- formatting


def num(n: float | None, tr: bool) -> str:
    if n is None:
        return ""
    text = f"{round(n):,}"
    return text.replace(",", ".") if tr else text


def pct(x: float, tr: bool) -> str:
    return f"%{x:.1f}".replace(".", ",") if tr else f"{x:.1f}%"


def write_csv(
    path: Path, header: list[str], rows: list[list[str]], sep: str = ",", bom: bool = False, comments: list[str] = ()
) -> None:
    out = io.StringIO()
    for c in comments:
        out.write(f"# {c}".rstrip() + "\n")
    if comments:
        out.write("\n")
    writer = csv.writer(out, delimiter=sep, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + out.getvalue().encode("utf-8"))


def write_xlsx(path: Path, sheets: list[tuple[str, list[list[Any]]]]) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in sheets:
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    # Fixed metadata: the same bytes on every run.
    book.properties.creator = "Ekip sample data"
    book.properties.created = datetime(2026, 11, 30, 23, 0)
    buffer = io.BytesIO()
    book.save(buffer)
    # openpyxl stamps the save time into docProps/core.xml and every zip entry: fix both.
    src = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>2026-11-30T23:00:00Z", data)
            fixed = zipfile.ZipInfo(info.filename, date_time=(2026, 11, 30, 23, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(fixed, data)
    path.write_bytes(out.getvalue())


# ---------------------------------------------------------------- the exports


def exports(
    placements: list[dict[str, Any]], at: datetime, folder: Path, lang: str = "both", prefix: str = ""
) -> list[Path]:
    """Post-level exports of every platform as taken at ``at``; English (and Turkish)."""
    written: list[Path] = []
    live = [(p, c) for p in placements if (c := counts_at(p, at)) is not None]
    by = {pl: [(p, c) for p, c in live if p["platform"] == pl] for pl in SCALE}
    langs = ("en", "tr") if lang == "both" else (lang,)
    for lg in langs:
        tr = lg == "tr"
        if by["instagram"]:
            written.append(_instagram(folder / f"{prefix}meta-instagram-posts-{lg}.csv", by["instagram"], tr))
        if by["facebook"]:
            written.append(_facebook(folder / f"{prefix}meta-facebook-posts-{lg}.csv", by["facebook"], tr))
        if by["x"]:
            written.append(_x(folder / f"{prefix}x-posts-{lg}.csv", by["x"], tr))
        if by["linkedin"]:
            written.append(_linkedin(folder / f"{prefix}linkedin-content-{lg}.xlsx", by["linkedin"], tr))
        if by["tiktok"]:
            written.append(_tiktok(folder / f"{prefix}tiktok-content-{lg}.{'xlsx' if tr else 'csv'}", by["tiktok"], tr))
    return written


Row = tuple[dict[str, Any], dict[str, int]]  # a placement and its counts at the export's time
Cell = Callable[[dict[str, Any], dict[str, int], bool], Any]  # (placement, counts, Turkish?) -> value
# (Turkish header, English header, cell): a column of an export; None where that language's
# export has no such column (Meta's English export has more than its Turkish one).
Column = tuple[str | None, str | None, Cell]


def table(columns: Sequence[Column], rows: list[Row], tr: bool) -> tuple[list[str], list[list[Any]]]:
    """The header and body of an export in one language."""
    present = [(t if tr else e, cell) for t, e, cell in columns if (t if tr else e) is not None]
    return [str(h) for h, _ in present], [[cell(p, c, tr) for _, cell in present] for p, c in rows]


def field(key: str, limit: int | None = None) -> Cell:
    return lambda p, c, tr: p[key][:limit]


def const(value: Any, tr_value: Any = None) -> Cell:
    """``value``, or ``tr_value`` in the Turkish export when given."""
    return lambda p, c, tr: tr_value if tr and tr_value is not None else value


def count(key: str, times: int = 1, raw_in_tr: bool = False) -> Cell:
    """A count as the export writes it (``1.234`` in Turkish); ``raw_in_tr``: a plain number in
    the Turkish export (an XLSX cell)."""
    return lambda p, c, tr: c[key] * times if tr and raw_in_tr else num(c[key] * times, tr)


def raw(key: str) -> Cell:
    """A count as a plain number (an XLSX cell)."""
    return lambda p, c, tr: c[key]


def published(tr_format: str, en_format: str) -> Cell:
    return lambda p, c, tr: p["when"].strftime(tr_format if tr else en_format)


def computed(value: Callable[[dict[str, int]], float]) -> Cell:
    """A number worked out from the counts, written as the export writes counts."""
    return lambda p, c, tr: num(value(c), tr)


LIFETIME = const("Lifetime", "Ömür boyu")
META_TIME = published("%d.%m.%Y %H:%M", "%m/%d/%Y %H:%M")

INSTAGRAM: list[Column] = [
    ("Gönderi kimliği", "Post ID", field("post_id")),
    ("Hesap kimliği", "Account ID", const("17841400000000001")),
    ("Hesap kullanıcı adı", "Account username", const("ornekgiyim")),
    ("Hesap adı", "Account name", const("Örnek Giyim")),
    ("Açıklama", "Description", field("text")),
    ("Süre (sn)", "Duration (sec)", lambda p, c, tr: "15" if p["type"] == "IG reel" else "0"),
    ("Yayınlanma zamanı", "Publish time", META_TIME),
    ("Kalıcı bağlantı", "Permalink", field("link")),
    ("Gönderi türü", "Post type", field("type")),
    ("Veri yorumu", "Data comment", const("")),
    ("Tarih", "Date", LIFETIME),
    ("Görüntülemeler", "Views", count("impressions")),
    ("Erişim", "Reach", count("reach")),
    ("Beğenmeler", "Likes", count("likes")),
    ("Paylaşımlar", "Shares", count("shares")),
    ("Takipler", "Follows", count("follows")),
    ("Yorumlar", "Comments", count("comments")),
    ("Kaydetmeler", "Saves", count("saves")),
]

FACEBOOK: list[Column] = [
    ("Gönderi kimliği", "Post ID", field("post_id")),
    ("Sayfa kimliği", "Page ID", const("101234567890123")),
    ("Sayfa adı", "Page name", const("Örnek Giyim")),
    ("Başlık", "Title", const("")),
    ("Açıklama", "Description", field("text")),
    ("Süre (sn)", "Duration (sec)", const("0")),
    ("Yayınlanma zamanı", "Publish time", META_TIME),
    (None, "Caption type", const("")),
    ("Kalıcı bağlantı", "Permalink", field("link")),
    (None, "Is crosspost", const("No")),
    (None, "Is share", const("No")),
    ("Gönderi türü", "Post type", field("type")),
    (None, "Languages", const("")),
    (None, "Custom labels", const("")),
    (None, "Funded content status", const("")),
    (None, "Data comment", const("")),
    ("Tarih", "Date", LIFETIME),
    ("Görüntülemeler", "Views", count("impressions")),
    ("Erişim", "Reach", count("reach")),
    ("Tepkiler, yorumlar ve paylaşımlar", "Reactions, Comments and Shares",
     computed(lambda c: c["likes"] + c["comments"] + c["shares"])),
    ("Tepkiler", "Reactions", count("likes")),
    ("Yorumlar", "Comments", count("comments")),
    ("Paylaşımlar", "Shares", count("shares")),
    ("Toplam tıklama", "Total clicks", computed(lambda c: c["clicks"] + c["clicks"] // 2)),
    ("Bağlantı tıklamaları", "Link clicks", count("clicks")),
    ("Diğer tıklamalar", "Other clicks", computed(lambda c: c["clicks"] // 2)),
]


def _x_day(p: dict[str, Any], c: dict[str, int], tr: bool) -> str:
    w = p["when"]
    return w.strftime("%d.%m.%Y") if tr else f"{DAYS_EN[w.weekday()]}, {MONTHS_EN[w.month - 1]} {w.day:02d}, {w.year}"


X: list[Column] = [
    ("Gönderi kimliği", "Post id", field("post_id")),
    ("Tarih", "Date", _x_day),
    ("Gönderi metni", "Post text", field("text")),
    ("Gönderi bağlantısı", "Post Link", field("link")),
    ("Gösterimler", "Impressions", count("impressions")),
    ("Beğeniler", "Likes", count("likes")),
    ("Etkileşimler", "Engagements", computed(lambda c: sum(c[k] for k in ("likes", "comments", "shares", "saves",
                                                                            "clicks")))),
    ("Yer işaretleri", "Bookmarks", count("saves")),
    ("Paylaşımlar", "Shares", computed(lambda c: c["shares"] // 3)),
    ("Yeni takipçiler", "New follows", count("follows")),
    ("Yanıtlar", "Replies", count("comments")),
    ("Yeniden gönderiler", "Reposts", computed(lambda c: c["shares"] - c["shares"] // 3)),
    ("Profil ziyaretleri", "Profile visits", count("follows", 6)),
    ("Ayrıntı genişletmeleri", "Detail Expands", count("clicks", 2)),
    ("URL tıklamaları", "URL Clicks", count("clicks")),
]


def _instagram(path: Path, rows: list[Row], tr: bool) -> Path:
    write_csv(path, *table(INSTAGRAM, rows, tr), ";" if tr else ",", bom=True)
    return path


def _facebook(path: Path, rows: list[Row], tr: bool) -> Path:
    write_csv(path, *table(FACEBOOK, rows, tr), ";" if tr else ",", bom=not tr)
    return path


def _x(path: Path, rows: list[Row], tr: bool) -> Path:
    write_csv(path, *table(X, rows, tr), ";" if tr else ",", bom=tr)
    return path


def x_legacy(path: Path, rows: list[tuple[dict[str, Any], dict[str, int]]]) -> Path:
    """X's legacy "Tweet activity" export (times in UTC, rates as fractions)."""
    header = [
        "Tweet id",
        "Tweet permalink",
        "Tweet text",
        "time",
        "impressions",
        "engagements",
        "engagement rate",
        "retweets",
        "replies",
        "likes",
        "user profile clicks",
        "url clicks",
        "hashtag clicks",
        "detail expands",
        "permalink clicks",
        "app opens",
        "app installs",
        "follows",
        "email tweet",
        "dial phone",
        "media views",
        "media engagements",
    ]
    body = []
    for p, c in rows:
        eng = sum(c[k] for k in ("likes", "comments", "shares", "clicks"))
        utc = p["when"].astimezone(ZoneInfo("UTC"))
        body.append(
            [
                p["post_id"],
                p["link"],
                p["text"],
                utc.strftime("%Y-%m-%d %H:%M +0000"),
                c["impressions"],
                eng,
                f"{eng / max(c['impressions'], 1):.4f}",
                c["shares"],
                c["comments"],
                c["likes"],
                c["follows"] * 6,
                c["clicks"],
                0,
                c["clicks"] * 2,
                0,
                0,
                0,
                c["follows"],
                0,
                0,
                0,
                0,
            ]
        )
    write_csv(path, header, body)
    return path


def _ratio(*keys: str) -> Cell:
    """The sum of counts ÷ impressions, as a fraction (LinkedIn's rates)."""
    return lambda p, c, tr: sum(c[k] for k in keys) / max(c["impressions"], 1)


LINKEDIN: list[Column] = [
    ("Gönderi başlığı", "Post title", field("text", 120)),
    ("Gönderi bağlantısı", "Post link", field("link")),
    ("Gönderi türü", "Post type", const("Organic", "Organik")),
    ("Kampanya adı", "Campaign name", const("")),
    ("Yayınlayan", "Posted by", const("Örnek Giyim")),
    ("Oluşturulma tarihi", "Created date", published("%d.%m.%Y", "%m/%d/%Y")),
    ("Kampanya başlangıç tarihi", "Campaign start date", const("")),
    ("Kampanya bitiş tarihi", "Campaign end date", const("")),
    ("Hedef kitle", "Audience", const("All followers", "Tümü")),
    ("Gösterimler", "Impressions", raw("impressions")),
    ("Görüntülemeler (site dışı video görüntülemeleri hariç)", "Views (excluding off-site video views)", const("")),
    ("Site dışı görüntülemeler", "Off-site views", const("")),
    ("Tıklamalar", "Clicks", raw("clicks")),
    ("Tıklama oranı (TO)", "Click through rate (CTR)", _ratio("clicks")),
    ("Beğeniler", "Likes", raw("likes")),
    ("Yorumlar", "Comments", raw("comments")),
    ("Yeniden paylaşımlar", "Reposts", raw("shares")),
    ("Takipler", "Follows", raw("follows")),
    ("Etkileşim oranı", "Engagement rate", _ratio("likes", "comments", "shares", "clicks", "follows")),
    ("İçerik türü", "Content Type", field("type")),
]

TIKTOK: list[Column] = [
    ("Video başlığı", "Video title", field("text", 150)),
    ("Video bağlantısı", "Video link", field("link")),
    ("Yayın zamanı", "Post time", published("%d.%m.%Y %H:%M", "%Y-%m-%d %H:%M")),
    ("Toplam beğeni", "Total likes", count("likes", raw_in_tr=True)),
    ("Toplam yorum", "Total comments", count("comments", raw_in_tr=True)),
    ("Toplam paylaşım", "Total shares", count("shares", raw_in_tr=True)),
    ("Toplam görüntüleme", "Total views", count("impressions", raw_in_tr=True)),
    ("Favorilere ekleme", "Add to favorites", count("saves", raw_in_tr=True)),
    ("Erişilen kitle", "Reached audience", count("reach", raw_in_tr=True)),
]


def _linkedin(path: Path, rows: list[Row], tr: bool) -> Path:
    note = (
        "Seçilen tarih aralığındaki tüm gönderiler. Metrikler dışa aktarma anındaki toplamlardır."
        if tr
        else "All posts in the selected date range. Metrics are lifetime totals at the time of export."
    )
    header, body = table(LINKEDIN, rows, tr)
    sheet: list[list[Any]] = [[note], header, *body]
    metrics = [
        ["Date", "Impressions (organic)", "Impressions (sponsored)", "Impressions (total)", "Clicks (organic)"],
        [TAKEN.strftime("%m/%d/%Y"), 420, 0, 420, 12],
    ]
    write_xlsx(
        path, [("Metrics" if not tr else "Metrikler", metrics), ("All posts" if not tr else "Tüm gönderiler", sheet)]
    )
    return path


def _tiktok(path: Path, rows: list[Row], tr: bool) -> Path:
    header, body = table(TIKTOK, rows, tr)
    if tr:
        write_xlsx(path, [("İçerik", [header, *body])])
    else:
        write_csv(path, header, body)
    return path


# ---------------------------------------------------------------- account level


def follower_series(platform: str, rng: random.Random) -> list[tuple[datetime, int, int, int]]:
    """(day, total, gained, lost) from 1 October to 30 November 2026."""
    start = {"instagram": 46650, "facebook": 31200, "x": 18900, "linkedin": 5200, "tiktok": 12100}[platform]
    rows = []
    day = datetime(2026, 10, 1, tzinfo=TZ)
    total = start
    while day <= datetime(2026, 11, 30, tzinfo=TZ):
        gained = rng.randrange(20, 90) if platform != "tiktok" else rng.randrange(40, 160)
        lost = rng.randrange(5, 40)
        total += gained - lost
        rows.append((day, total, gained, lost))
        day += timedelta(days=1)
    if platform == "instagram":  # the handbook's worked example: 48.000 -> 49.440 in November
        rows = _rescale(rows, datetime(2026, 11, 1, tzinfo=TZ), 48000, datetime(2026, 11, 30, tzinfo=TZ), 49440)
    return rows


def _rescale(
    rows: list[tuple[datetime, int, int, int]], d1: datetime, v1: int, d2: datetime, v2: int
) -> list[tuple[datetime, int, int, int]]:
    a = next(t for d, t, _, _ in rows if d == d1)
    b = next(t for d, t, _, _ in rows if d == d2)
    out = []
    for d, t, g, lo in rows:
        out.append((d, round(v1 + (t - a) * (v2 - v1) / (b - a)), g, lo))
    return out


def account_exports(folder: Path) -> list[Path]:
    rng = random.Random(7)
    written = []
    ig = follower_series("instagram", rng)
    p = folder / "meta-instagram-followers-en.csv"
    write_csv(
        p,
        ["Date", "Instagram followers", "Instagram follows", "Instagram unfollows"],
        [[d.strftime("%Y-%m-%d"), num(t, False), g, lo] for d, t, g, lo in ig],
        bom=True,
    )
    written.append(p)
    fb = follower_series("facebook", rng)
    p = folder / "meta-facebook-followers-tr.csv"
    write_csv(
        p,
        ["Tarih", "Facebook takipçileri", "Facebook takipleri", "Facebook takipten çıkmalar"],
        [[d.strftime("%d.%m.%Y"), num(t, True), g, lo] for d, t, g, lo in fb],
        sep=";",
        bom=True,
    )
    written.append(p)
    x = follower_series("x", rng)
    p = folder / "x-overview-en.csv"
    write_csv(
        p,
        [
            "Date",
            "Impressions",
            "Likes",
            "Engagements",
            "Bookmarks",
            "Shares",
            "New follows",
            "Unfollows",
            "Replies",
            "Reposts",
            "Profile visits",
            "Create Post",
            "Video views",
            "Media views",
        ],
        [
            [
                f"{DAYS_EN[d.weekday()]}, {MONTHS_EN[d.month - 1]} {d.day:02d}, {d.year}",
                num(rng.randrange(3000, 9000), False),
                rng.randrange(40, 200),
                rng.randrange(90, 400),
                rng.randrange(2, 20),
                rng.randrange(0, 9),
                g,
                lo,
                rng.randrange(2, 30),
                rng.randrange(2, 25),
                rng.randrange(20, 90),
                rng.randrange(0, 3),
                0,
                0,
            ]
            for d, _, g, lo in x
        ],
    )
    written.append(p)
    li = follower_series("linkedin", rng)
    p = folder / "linkedin-followers-en.xlsx"
    write_xlsx(
        p,
        [
            (
                "New followers",
                [
                    ["Date", "Sponsored followers", "Organic followers", "Auto-invited followers", "Total followers"],
                    *[[d.strftime("%m/%d/%Y"), 0, g, 0, t] for d, t, g, _ in li],
                ],
            ),
            (
                "Location",
                [
                    ["Location", "Total followers"],
                    ["İstanbul", 2350],
                    ["İzmir", 780],
                    ["Ankara", 690],
                    ["Bursa", 310],
                    ["Antalya", 240],
                ],
            ),
            (
                "Seniority",
                [
                    ["Seniority", "Total followers"],
                    ["Entry", 1900],
                    ["Senior", 1500],
                    ["Manager", 820],
                    ["Director", 260],
                ],
            ),
        ],
    )
    written.append(p)
    tt = follower_series("tiktok", rng)
    p = folder / "tiktok-followers-en.csv"
    prev = tt[0][1]
    body = []
    for d, t, _, _ in tt:
        body.append([d.strftime("%Y-%m-%d"), t, t - prev])
        prev = t
    write_csv(p, ["Date", "Followers", "Difference in followers from previous day"], body)
    written.append(p)
    p = folder / "tiktok-audience-tr.csv"
    write_csv(
        p, ["Cinsiyet", "Dağılım"], [["Kadın", "%61,4"], ["Erkek", "%36,1"], ["Diğer", "%2,5"]], sep=";", bom=True
    )
    written.append(p)
    p = folder / "tiktok-audience-en.csv"
    write_csv(p, ["Age", "Distribution"], [["18-24", "34.0%"], ["25-34", "41.5%"], ["35-44", "16.0%"], ["45+", "8.5%"]])
    written.append(p)
    return written


def ga4_exports(folder: Path) -> list[Path]:
    campaigns = [
        ("kasim-indirimleri", 9000, 162, 184500.0),
        ("yeni-sezon", 6400, 83, 102300.5),
        ("surdurulebilirlik", 1250, 9, 8100.0),
        ("musteri-hizmetleri", 540, 3, 1200.0),
        ("(not set)", 3100, 12, 9000.0),
    ]
    p = folder / "ga4-campaigns-en.csv"
    write_csv(
        p,
        ["Session campaign", "Sessions", "Engaged sessions", "Engagement rate", "Key events", "Total revenue"],
        [[c, num(s, False), num(round(s * 0.62), False), pct(62.0, False), k, f"{r:.2f}"] for c, s, k, r in campaigns],
        comments=[
            "----------------------------------------",
            "Traffic acquisition: Session campaign",
            "Account: Örnek Giyim",
            "Property: ornek.com.tr",
            "----------------------------------------",
            "",
            "Start date: 20261101",
            "End date: 20261130",
        ],
    )
    p2 = folder / "ga4-campaigns-tr.csv"
    write_csv(
        p2,
        [
            "Oturum kampanyası",
            "Oturumlar",
            "Etkileşimli oturumlar",
            "Etkileşim oranı",
            "Temel etkinlikler",
            "Toplam gelir",
        ],
        [
            [
                c,
                num(round(s * 0.9), True),
                num(round(s * 0.55), True),
                pct(55.0, True),
                k,
                f"{r * 0.9:,.2f}".replace(",", "\u0000").replace(".", ",").replace("\u0000", "."),
            ]
            for c, s, k, r in campaigns
        ],
        sep=";",
        bom=True,
        comments=["Trafik edinme: Oturum kampanyası", "Başlangıç tarihi: 20261001", "Bitiş tarihi: 20261031"],
    )
    return [p, p2]


# ---------------------------------------------------------------- main


def main(argv: list[str]) -> int:
    check = "--check" in argv

    placements = sample_posts(ROOT)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "tests-data"
        out.mkdir()
        exports(placements, TAKEN, out)
        x_rows = [(p, c) for p in placements if p["platform"] == "x" and (c := counts_at(p, TAKEN))]
        x_legacy(out / "x-tweet-activity-legacy.csv", x_rows)
        account_exports(out)
        ga4_exports(out)
        # The sample repository's metrics/: snapshots over each post's first week.
        repo = Path(tmp) / "repo"
        (repo / "brand").mkdir(parents=True)
        for f in (ROOT / "brand").iterdir():
            if f.is_file():
                (repo / "brand" / f.name).write_bytes(f.read_bytes())
        repo_brand = load_brand(repo / "brand", repo)
        times = sorted({p["when"] + timedelta(hours=h) for p in placements for h in HOURS} | {TAKEN})
        for i, at in enumerate(t for t in times if t <= TAKEN):
            snap = Path(tmp) / f"snap{i}"
            snap.mkdir()
            files = exports(placements, at, snap, lang="en")
            _apply(plan_import([str(f) for f in files], repo_brand, at, at))
        _apply(plan_import([str(f) for f in sorted(out.glob("*"))], repo_brand, TAKEN, TAKEN))
        changed = _sync(out, ROOT / "tests" / "data" / "metrics", check, pattern="*")
        changed += _sync(repo / "metrics", ROOT / "metrics", check, pattern="**/*.csv")
    if check and changed:
        print("differs: " + ", ".join(changed))
        return 1
    print("sample metrics " + ("up to date" if check else "written"))
    return 0


def _apply(plan: Any) -> None:
    for path, data in plan.writes.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)


def _sync(src: Path, dst: Path, check: bool, pattern: str) -> list[str]:
    changed = []
    for f in sorted(src.glob(pattern)):
        if not f.is_file():
            continue
        target = dst / f.relative_to(src)
        data = f.read_bytes()
        if target.exists() and target.read_bytes() == data:
            continue
        changed.append(str(target.relative_to(ROOT)))
        if not check:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
    return changed


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
