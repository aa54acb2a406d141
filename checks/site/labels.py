"""Turkish words the generated pages use: statuses, levels, months, weekdays, rule kinds."""

from __future__ import annotations

from datetime import datetime

STATUSES: dict[str, str] = {
    "idea": "Fikir",
    "draft": "Taslak",
    "review": "İncelemede",
    "approved": "Onaylandı",
    "scheduled": "Zamanlandı",
    "published": "Yayınlandı",
    "archived": "Arşivlendi",
}

LEVELS: dict[str, str] = {"error": "Hata", "warning": "Uyarı", "info": "Bilgi"}

MONTHS = ("Ocak", "Şubat", "Mart", "Nisan", "Mayıs", "Haziran", "Temmuz", "Ağustos", "Eylül", "Ekim",
          "Kasım", "Aralık")
WEEKDAYS = ("Pzt", "Sal", "Çar", "Per", "Cum", "Cmt", "Paz")
WEEKDAYS_LONG = ("Pazartesi", "Salı", "Çarşamba", "Perşembe", "Cuma", "Cumartesi", "Pazar")

KINDS: dict[str, str] = {
    "ban": "yasak",
    "prefer": "tercih",
    "casing": "yazılış",
    "limit": "sınır",
    "pattern": "kalıp",
    "require": "zorunlu",
    "sensitive": "hassas konu",
}

ACTIONS: dict[str, str] = {
    "block": "engelle (her zaman hata)",
    "approval": "onay gerekir",
    "warn": "uyar",
}

ROLES: dict[str, str] = {
    "manager": "yönetici",
    "writer": "yazar",
    "analyst": "analist",
    "designer": "tasarımcı",
    "video": "video",
    "support": "müşteri hizmetleri",
    "legal": "hukuk",
    "crisis-lead": "kriz lideri",
}

EMBARGOED = "ambargolu"


def status(code: str) -> str:
    return STATUSES.get(code, code or "—")


def month_name(year: int, month: int) -> str:
    return f"{MONTHS[month - 1]} {year}"


def day(dt: datetime) -> str:
    """``Pzt 28 Ara`` style short day, for tables."""
    return f"{WEEKDAYS[dt.weekday()]} {dt.day} {MONTHS[dt.month - 1][:3]}"


def date(dt: datetime) -> str:
    """``28 Aralık 2026``."""
    return f"{dt.day} {MONTHS[dt.month - 1]} {dt.year}"


def date_time(dt: datetime) -> str:
    """``28 Aralık 2026 Pazartesi, 10:00``."""
    return f"{date(dt)} {WEEKDAYS_LONG[dt.weekday()]}, {dt:%H:%M}"
