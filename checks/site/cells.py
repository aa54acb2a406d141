"""Table cells shared by the calendar pages: one post as one row."""

from __future__ import annotations

from typing import TYPE_CHECKING

from checks.i18n import N_, _, ngettext
from checks.site import escape, labels
from checks.site.entries import Entry, member_name

if TYPE_CHECKING:
    from checks.brand.model import Brand

CSS = "ekip-takvim"  # the stylesheet gives these tables the full width and fixed columns
HEADER = (N_("Time"), N_("Platforms"), N_("Title"), N_("Status"), N_("Author"), N_("Campaign"), N_("Findings"))


def header() -> tuple[str, ...]:
    """The column titles of a calendar table, in the run's language."""
    return tuple(_(c) for c in HEADER)


def embargo_badge() -> str:
    """What stands in a table for an embargoed post (no title, no link)."""
    return f'<span class="ekip-ambargo">{labels.embargoed()}</span>'


def platforms(brand: Brand, ids: list[str]) -> str:
    names = [brand.platforms[p].name if p in brand.platforms else p for p in ids]
    return escape.text(", ".join(names)) if names else "—"


def title(entry: Entry, source: str) -> str:
    """The title linked to the preview, or the embargo placeholder (no title, no link)."""
    if entry.embargoed or entry.page is None:
        return embargo_badge()
    cell = escape.link(entry.title, entry.page, source)
    if entry.crisis:
        cell += " · *" + _("crisis communication") + "*"
    return cell


def findings(entry: Entry) -> str:
    if entry.embargoed:
        return "—"
    errors, warnings = entry.count("error"), entry.count("warning")
    parts = [ngettext("{n} error", "{n} errors", errors).format(n=errors)] if errors else []
    if warnings:
        parts.append(ngettext("{n} warning", "{n} warnings", warnings).format(n=warnings))
    return " · ".join(parts) if parts else "✓"


def when(entry: Entry, with_year: bool = False) -> str:
    if entry.when is None:
        return _("no date")
    day = labels.day(entry.when)
    if with_year:
        day += f" {entry.when.year}"
    return _("{day} {time}").format(day=day, time=f"{entry.when:%H:%M}")


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
