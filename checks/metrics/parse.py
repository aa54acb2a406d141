"""One table of an export -> the rows Ekip stores, through the preset its header matches.

The header is the first of the table's first 15 rows that matches a preset (custom presets
from ``brand/metrics.yml`` are tried first). Every row must parse: a cell that should hold a
number, a time or an id and does not is an error naming the file, the line and the column,
and nothing of the file is imported. Rows of totals (``Total``, ``Toplam``) and GA4's
``(not set)`` campaign are skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, tzinfo
from typing import Any

from checks.errors import EkipError
from checks.i18n import _
from checks.metrics.dates import DateError, iso, parse_time
from checks.metrics.numbers import NumberError, decimal_mark, parse_count, parse_number
from checks.metrics.presets import POST_COUNTS, Preset, identify, is_turkish, norm
from checks.metrics.tables import Table

HEADER_ROWS = 15
PLATFORM_NAMES = {
    "instagram": "instagram", "ig": "instagram", "facebook": "facebook", "fb": "facebook", "x": "x",
    "twitter": "x", "x (twitter)": "x", "linkedin": "linkedin", "tiktok": "tiktok", "youtube": "youtube",
    "threads": "threads", "bluesky": "bluesky", "mastodon": "mastodon",
}
TYPES = {
    "ig reel": "reel", "reel": "reel", "reels": "reel", "ig carousel": "carousel", "carousel": "carousel",
    "atlı karınca": "carousel", "karusel": "carousel", "ig image": "image", "photo": "image", "photos": "image",
    "image": "image", "images": "image", "fotoğraf": "image", "görsel": "image", "video": "video",
    "videos": "video", "ig video": "video", "link": "link", "links": "link", "bağlantı": "link", "text": "text",
    "status": "text", "metin": "text", "article": "article", "makale": "article", "document": "document",
    "belge": "document", "poll": "poll", "anket": "poll", "story": "story", "ig story": "story", "hikaye": "story",
}
DIMENSIONS = {
    "location": "konum", "konum": "konum", "age": "yaş", "yaş": "yaş", "gender": "cinsiyet",
    "cinsiyet": "cinsiyet", "country": "ülke", "territory": "ülke", "ülke": "ülke", "bölge": "ülke",
    "city": "şehir", "şehir": "şehir", "job function": "iş fonksiyonu", "iş fonksiyonu": "iş fonksiyonu",
    "seniority": "kıdem", "kıdem": "kıdem", "industry": "sektör", "sektör": "sektör",
    "company size": "şirket büyüklüğü", "şirket büyüklüğü": "şirket büyüklüğü",
}
TOTAL_ROWS = {"total", "totals", "toplam", "grand total", "genel toplam"}
_ID_IN_LINK = (
    re.compile(r"/status(?:es)?/(\d+)"),  # X
    re.compile(r"urn:li:(?:activity|share|ugcPost):(\d+)"),  # LinkedIn
    re.compile(r"/video/(\d+)"),  # TikTok
    re.compile(r"instagram\.com/(?:[\w.]+/)?(?:p|reel|reels|tv)/([\w-]+)"),  # Instagram shortcode
)
_DATE_IN_COMMENT = re.compile(r"(start|end|başlangıç|bitiş)[^:]*:\s*(\d{8}|\d{4}-\d{2}-\d{2})", re.IGNORECASE)


@dataclass
class Parsed:
    source: str
    preset: Preset
    kind: str
    rows: list[dict[str, Any]] = field(default_factory=list)  # each with "platform"
    period: tuple[str, str] | None = None  # GA4: first and last day, from the comments


def id_from_link(link: str) -> str:
    for pattern in _ID_IN_LINK:
        m = pattern.search(link)
        if m:
            return m.group(1)
    return ""


def post_type(raw: str, platform: str) -> str:
    key = norm(raw)
    if not key:
        return "video" if platform in ("tiktok", "youtube") else ""
    return TYPES.get(key, key)


def find_header(table: Table, presets: list[Preset]) -> tuple[int, Preset] | None:
    for i, row in enumerate(table.rows[:HEADER_ROWS]):
        preset = identify([norm(c) for c in row], presets)
        if preset is not None:
            return i, preset
    return None


def unrecognised(table: Table, presets: list[Preset]) -> list[str]:
    """The columns of the table's likely header row that no preset knows."""
    known = {h for p in presets for h in p.columns}
    for row in table.rows[:HEADER_ROWS]:
        texts = [str(c).strip() for c in row if str(c).strip()]
        if len(texts) >= 2 and not all(_looks_numeric(t) for t in texts):
            return [t for t in texts if norm(t) not in known]
    return []


def _looks_numeric(text: str) -> bool:
    return bool(re.fullmatch(r"[%\d.,\s:/+-]+", text))


def parse_table(table: Table, presets: list[Preset], tz: tzinfo, platforms: frozenset[str]) -> Parsed | None:
    found = find_header(table, presets)
    if found is None:
        return None
    index, preset = found
    headers = [norm(c) for c in table.rows[index]]
    turkish = is_turkish(headers, preset)
    day_first = preset.day_first if preset.day_first is not None else turkish
    columns: list[tuple[int, str, str]] = []  # (index, field, header as written)
    platform_col = -1
    for i, h in enumerate(headers):
        if h and h == preset.platform_column:
            platform_col = i
        elif preset.columns.get(h):
            columns.append((i, preset.columns[h], str(table.rows[index][i]).strip()))
    body = list(zip(table.rows[index + 1:], table.lines[index + 1:], strict=True))
    numeric = {"sessions", "conversions", "revenue", "followers", "gained", "lost", "share", *POST_COUNTS}
    samples = [str(r[i]) for r, _line in body[:500] for i, f, _written in columns if f in numeric and i < len(r)
               and isinstance(r[i], str)]
    decimal = decimal_mark(samples, "," if turkish else ".")
    out = Parsed(table.name, preset, preset.kind, period=_period(table.comments))
    for row, line in body:
        cells: dict[str, Any] = {}
        first = next((str(c).strip() for c in row if str(c).strip()), "")
        if norm(first) in TOTAL_ROWS:
            continue
        for i, fld, written in columns:
            value = row[i] if i < len(row) else ""
            try:
                cells[fld] = _cell(fld, value, decimal, tz, day_first, cells.get(fld))
            except (NumberError, DateError):
                message = (_("column '{column}': {value!r} is not a time") if fld in ("published", "date")
                           else _("column '{column}': {value!r} is not a number"))
                raise EkipError(message.format(column=written, value=str(value).strip()), table.name, line) from None
        if preset.kind == "audience":
            written = next(w for i, f, w in columns if f == "dimension")
            cells["dimension_name"] = DIMENSIONS.get(norm(written), norm(written))
        platform = preset.platform
        if platform_col >= 0:
            raw = norm(row[platform_col] if platform_col < len(row) else "")
            platform = PLATFORM_NAMES.get(raw, raw)
            if platform not in platforms:
                raise EkipError(_("unknown platform {platform!r} (known: {known})").format(
                    platform=raw, known=", ".join(sorted(platforms))), table.name, line)
        cells["platform"] = platform
        record = _finish(preset.kind, cells, table.name, line, tz)
        if record is not None:
            out.rows.append(record)
    return out


def _cell(fld: str, value: object, decimal: str, tz: tzinfo, day_first: bool, previous: Any) -> Any:
    text = value if isinstance(value, str) else ("" if value is None else value)
    if fld in ("published", "date"):
        if isinstance(text, str) and not text.strip():
            return None
        return parse_time(text, tz, day_first)
    if fld == "share" or fld == "revenue":
        return value if isinstance(value, (int, float)) else parse_number(str(text), decimal)
    if fld in ("post_id", "permalink", "type", "text", "campaign", "dimension"):
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        return str(value).strip() if value is not None else ""
    count = round(value) if isinstance(value, (int, float)) else parse_count(str(text), decimal)
    if previous is not None and count is not None:  # two columns for one field: added up
        return previous + count
    return count if count is not None else previous


def _finish(kind: str, cells: dict[str, Any], source: str, line: int, tz: tzinfo) -> dict[str, Any] | None:
    platform = cells["platform"]
    if kind == "posts":
        link = cells.get("permalink") or ""
        pid = cells.get("post_id") or id_from_link(link) or link
        if not pid:
            raise EkipError(_("a row without a post id or link"), source, line)
        published = cells.get("published")
        row = {"platform": platform, "post_id": pid, "permalink": link,
               "published": iso(published, tz) if isinstance(published, datetime) else "",
               "type": post_type(cells.get("type") or "", platform),
               "text": " ".join((cells.get("text") or "").split())}
        for c in POST_COUNTS:
            row[c] = cells.get(c)
        return row
    if kind == "followers":
        day = cells.get("date")
        if day is None:
            raise EkipError(_("a row without a date"), source, line)
        return {"platform": platform, "date": day.date().isoformat(), "followers": cells.get("followers"),
                "gained": cells.get("gained"), "lost": cells.get("lost")}
    if kind == "audience":
        value = cells.get("dimension") or ""
        if not value:
            return None
        return {"platform": platform, "dimension": cells["dimension_name"], "value": value,
                "followers": cells.get("followers"), "share": cells.get("share")}
    campaign = cells.get("campaign") or ""
    if not campaign or campaign.lower() in ("(not set)", "(ayarlanmadı)", "(direct)", "(organic)", "(referral)"):
        return None
    day = cells.get("date")
    return {"platform": "ga4", "campaign": campaign, "sessions": cells.get("sessions") or 0,
            "conversions": cells.get("conversions") or 0, "revenue": cells.get("revenue"),
            "date": day.date().isoformat() if isinstance(day, datetime) else ""}


def _period(comments: list[str]) -> tuple[str, str] | None:
    found: dict[str, str] = {}
    for c in comments:
        m = _DATE_IN_COMMENT.search(c)
        if m:
            raw = m.group(2).replace("-", "")
            key = "start" if m.group(1).lower() in ("start", "başlangıç") else "end"
            found[key] = date(int(raw[:4]), int(raw[4:6]), int(raw[6:])).isoformat()
    if "start" in found and "end" in found:
        return found["start"], found["end"]
    return None
