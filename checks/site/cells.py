"""Table cells shared by the calendar pages: one post as one row."""

from __future__ import annotations

from typing import TYPE_CHECKING

from checks.site import escape, labels
from checks.site.entries import Entry, member_name

if TYPE_CHECKING:
    from checks.brand.model import Brand

CSS = "ekip-takvim"  # the stylesheet gives these tables the full width and fixed columns
HEADER = ("Zaman", "Platformlar", "Başlık", "Durum", "Yazar", "Kampanya", "Denetim")
EMBARGO_BADGE = f'<span class="ekip-ambargo">{labels.EMBARGOED}</span>'


def platforms(brand: Brand, ids: list[str]) -> str:
    names = [brand.platforms[p].name if p in brand.platforms else p for p in ids]
    return escape.text(", ".join(names)) if names else "—"


def title(entry: Entry, source: str) -> str:
    """The title linked to the preview, or the embargo placeholder (no title, no link)."""
    if entry.embargoed or entry.page is None:
        return EMBARGO_BADGE
    cell = escape.link(entry.title, entry.page, source)
    if entry.crisis:
        cell += " · *kriz iletişimi*"
    return cell


def findings(entry: Entry) -> str:
    if entry.embargoed:
        return "—"
    errors, warnings = entry.count("error"), entry.count("warning")
    parts = [f"{errors} hata"] if errors else []
    if warnings:
        parts.append(f"{warnings} uyarı")
    return " · ".join(parts) if parts else "✓"


def when(entry: Entry, with_year: bool = False) -> str:
    if entry.when is None:
        return "tarih yok"
    day = labels.day(entry.when)
    if with_year:
        day += f" {entry.when.year}"
    return f"{day} {entry.when:%H:%M}"


def row(brand: Brand, entry: Entry, source: str, with_year: bool = False) -> list[str]:
    """Time, platforms, title, status, author, campaign, findings; an embargoed post keeps only
    its time and platforms."""
    cells = [when(entry, with_year), platforms(brand, entry.platforms), title(entry, source)]
    if entry.embargoed:
        return [*cells, "—", "—", "—", "—"]
    return [
        *cells,
        escape.text(labels.status(entry.status)),
        escape.text(member_name(brand, entry.author)) if entry.author else "—",
        escape.text(entry.campaign) if entry.campaign else "—",
        findings(entry),
    ]
