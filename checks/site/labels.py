"""Words the generated pages use for machine values (statuses, levels, rule kinds, actions,
roles) and the site's date formats, in the run's language (``checks.i18n``; month and weekday
names from ``checks.datenames``). The tables hold English msgids (``N_``); the functions
translate when a page is built."""

from __future__ import annotations

from datetime import datetime

from checks.datenames import month, month_short, weekday, weekday_short
from checks.i18n import N_, _

STATUSES: dict[str, str] = {
    "idea": N_("Idea"),
    "draft": N_("Draft"),
    "review": N_("In review"),
    "approved": N_("Approved"),
    "scheduled": N_("Scheduled"),
    "published": N_("Live"),  # "Published" is the report's column (Yayın)
    "archived": N_("Archived"),
}

LEVELS: dict[str, str] = {"error": N_("Error"), "warning": N_("Warning"), "info": N_("Info")}

KINDS: dict[str, str] = {
    "ban": N_("ban"),
    "prefer": N_("preference"),
    "casing": N_("spelling"),
    "limit": N_("limit"),
    "pattern": N_("pattern"),
    "require": N_("required"),
    "sensitive": N_("sensitive topic"),
}

ACTIONS: dict[str, str] = {
    "block": N_("block (always an error)"),
    "approval": N_("approval required"),
    "warn": N_("warn"),
}

ROLES: dict[str, str] = {
    "manager": N_("manager"),
    "writer": N_("writer"),
    "analyst": N_("analyst"),
    "designer": N_("designer"),
    "video": N_("video"),
    "support": N_("customer service"),
    "legal": N_("legal"),
    "crisis-lead": N_("crisis lead"),
}

EMBARGOED = "embargoed"  # the key of embargoed posts among the statuses (calendar counts)


def status(code: str) -> str:
    return _(STATUSES[code]) if code in STATUSES else (code or "—")


def level(code: str) -> str:
    return _(LEVELS[code]) if code in LEVELS else code


def kind(code: str) -> str:
    return _(KINDS[code]) if code in KINDS else code


def action(code: str) -> str:
    return _(ACTIONS[code]) if code in ACTIONS else code


def role(code: str) -> str:
    return _(ROLES[code]) if code in ROLES else code


def embargoed() -> str:
    """The word that stands for an embargoed post (its title is never shown)."""
    return _("embargoed")


def month_name(year: int, month_number: int) -> str:
    """``December 2026`` / ``Aralık 2026``."""
    return _("{month} {year}").format(month=month(month_number), year=year)


def day(dt: datetime) -> str:
    """``Mon 28 Dec`` / ``Pzt 28 Ara`` style short day, for tables."""
    return _("{weekday} {day} {month}").format(weekday=weekday_short(dt.weekday()), day=dt.day,
                                               month=month_short(dt.month))


def date(dt: datetime) -> str:
    """``28 December 2026`` / ``28 Aralık 2026``."""
    return _("{day} {month} {year}").format(day=dt.day, month=month(dt.month), year=dt.year)


def day_month(dt: datetime) -> str:
    """``28 December`` / ``28 Aralık``."""
    return _("{day} {month}").format(day=dt.day, month=month(dt.month))


def date_time(dt: datetime) -> str:
    """``Monday 28 December 2026, 10:00`` / ``28 Aralık 2026 Pazartesi, 10:00``."""
    return _("{weekday} {date}, {time}").format(date=date(dt), weekday=weekday(dt.weekday()), time=f"{dt:%H:%M}")
