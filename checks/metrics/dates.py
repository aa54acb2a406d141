"""Times and dates as the exports write them.

ISO 8601 (``2026-11-05T18:00:00+03:00``, ``2026-11-05 18:00``), X's legacy
``2026-11-05 15:00 +0000``, Meta's US-style ``11/05/2026 18:00`` (English interface) or
``05.11.2026 18:00`` (Turkish interface), LinkedIn's ``11/05/2026``, X's ``Thu, Nov 05, 2026``,
``Nov 5, 2026``, GA4's ``20261105``, Turkish month names (``5 Kasım 2026``) and Excel cells
that are already datetimes. A time without an offset is in the brand's timezone (the exports
use the account's timezone). With ``/`` the month comes first (US, the English interface),
unless the first number is above 12 or the header is Turkish (then the day comes first).
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, tzinfo

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "oct": 10,
    "nov": 11, "dec": 12,
    "oca": 1, "şub": 2, "sub": 2, "nis": 4, "haz": 6, "tem": 7, "ağu": 8, "agu": 8, "eyl": 9, "eki": 10,
    "kas": 11, "ara": 12,
}
_SLASH = re.compile(r"^(\d{1,2})([/.])(\d{1,2})\2(\d{4})(?:[ T,]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?)?$")
_WORDS = re.compile(r"^(?:[A-Za-zÇĞİÖŞÜçğıöşü]+,?\s+)?(?:([A-Za-zÇĞİÖŞÜçğıöşü]+)\.?\s+(\d{1,2})|(\d{1,2})\s+"
                    r"([A-Za-zÇĞİÖŞÜçğıöşü]+)\.?),?\s+(\d{4})(?:[ ,]+(\d{1,2}):(\d{2}))?$")
_OFFSET = re.compile(r"^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2})?)\s*([+-]\d{4}|Z|UTC)$")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")


class DateError(ValueError):
    """A cell that should hold a time and does not."""


def parse_time(raw: object, tz: tzinfo, day_first: bool = False) -> datetime:
    """An aware datetime; raises DateError."""
    if isinstance(raw, datetime):
        return raw if raw.tzinfo else raw.replace(tzinfo=tz)
    if isinstance(raw, date):
        return datetime(raw.year, raw.month, raw.day, tzinfo=tz)
    text = str(raw).strip()
    try:
        dt = datetime.fromisoformat(text)
        return dt if dt.tzinfo else dt.replace(tzinfo=tz)
    except ValueError:
        pass
    m = _OFFSET.match(text)
    if m:
        offset = "+0000" if m.group(3) in ("Z", "UTC") else m.group(3)
        return datetime.fromisoformat(f"{m.group(1)}T{m.group(2)}{offset[:3]}:{offset[3:]}")
    m = _COMPACT.match(text)
    if m:
        return _make(int(m.group(1)), int(m.group(2)), int(m.group(3)), 0, 0, 0, tz, text)
    m = _SLASH.match(text)
    if m:
        a, sep, b, year = int(m.group(1)), m.group(2), int(m.group(3)), int(m.group(4))
        first_is_day = sep == "." or day_first or a > 12
        day, month = (a, b) if first_is_day else (b, a)
        hour, minute, second = int(m.group(5) or 0), int(m.group(6) or 0), int(m.group(7) or 0)
        if m.group(8):
            hour = hour % 12 + (12 if m.group(8).lower() == "pm" else 0)
        return _make(year, month, day, hour, minute, second, tz, text)
    m = _WORDS.match(text)
    if m:
        name = (m.group(1) or m.group(4)).casefold()[:3]
        day = int(m.group(2) or m.group(3))
        named = _MONTHS.get(name)
        if named is None:
            raise DateError(text)
        return _make(int(m.group(5)), named, day, int(m.group(6) or 0), int(m.group(7) or 0), 0, tz, text)
    if isinstance(raw, (int, float)) and 20000 < raw < 80000:  # an Excel serial day number
        return datetime(1899, 12, 30, tzinfo=tz) + timedelta(days=float(raw))
    raise DateError(text)


def _make(year: int, month: int, day: int, hour: int, minute: int, second: int, tz: tzinfo, text: str) -> datetime:
    try:
        return datetime(year, month, day, hour, minute, second, tzinfo=tz)
    except ValueError:
        raise DateError(text) from None


def iso(dt: datetime, tz: tzinfo) -> str:
    """Minute precision, brand-local, with the offset: ``2026-11-05T18:00+03:00``."""
    return dt.astimezone(tz).isoformat(timespec="minutes")
