"""Brand + posts + now -> the generated part of the site, as ``SiteFile`` objects. Pure: no
MkDocs, no clock, no file reads (``source.load`` does the reading)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from checks.ical import build_ics
from checks.site.calendar import month_pages, overview
from checks.site.entries import build_entries
from checks.site.guide import guide_page
from checks.site.model import FEED, STYLE, SiteFile, media_path, page_url
from checks.site.preview import preview_page
from checks.site.reports import report_pages
from checks.site.style import CSS

if TYPE_CHECKING:
    from checks.brand.model import Brand
    from checks.finding import Finding
    from checks.metrics.dataset import Dataset, PostStats
    from checks.post import Post


def build_site(
    brand: Brand,
    posts: Sequence[Post],
    now: datetime,
    findings: Iterable[Finding] = (),
    *,
    builtin_ids: Iterable[str] = (),
    unreadable: int = 0,
    docs: Iterable[str] = (),
    directory_urls: bool = True,
    site_url: str | None = None,
    metrics: Dataset | None = None,
    media: Mapping[str, bytes] | None = None,
) -> list[SiteFile]:
    """Every generated file: the calendar overview, a page per month, a preview per post that
    is not under embargo, the brand guide, the iCalendar feed and the stylesheet.

    ``findings``: ``ekip check``'s findings for these posts (paths as in ``Post.path``);
    ``builtin_ids``: the fixed rule ids to list in the guide; ``unreadable``: how many post
    files could not be read; ``docs``: the hand-written pages, linked to when they exist;
    ``directory_urls``: MkDocs' ``use_directory_urls``, for the links in preview pages;
    ``site_url``: the published site's address, for the iCalendar events' links to previews;
    ``metrics``: the imported numbers joined to the posts (``checks.metrics.dataset``): the
    "Raporlar" section and the numbers in published posts' previews (none without it);
    ``media``: repository path -> bytes of the images posts name (``source.read_media``): those of
    posts with a preview are published under ``takvim/medya/`` and shown in the preview."""
    media = media or {}
    entries = build_entries(brand, posts, now, findings)
    files = [overview(brand, entries, now, unreadable, frozenset(docs))]
    files += month_pages(brand, entries)
    files.append(guide_page(brand, builtin_ids))
    stats: dict[str, list[PostStats]] = {}
    files += report_pages(brand, metrics, entries)  # without metrics: the overview says how to import
    if metrics is not None:
        for s in metrics.stats:
            if s.post is not None:
                stats.setdefault(s.post.path, []).append(s)
    shown = [e for e in entries if e.page is not None]
    files += [preview_page(brand, e, directory_urls, stats.get(e.post.path, ()), media=media) for e in shown]
    published = {item["path"] for e in shown for item in e.post.front.get("media") or []
                 if isinstance(item, dict) and item.get("path") in media}
    files += [SiteFile(media_path(key), media[key], "image") for key in sorted(published)]
    links = {e.post.path: f"{site_url.rstrip('/')}/{page_url(e.page, directory_urls)}"
             for e in entries if site_url and e.page}
    files.append(SiteFile(FEED, build_ics(posts, brand, now, links), "iCalendar"))
    files.append(SiteFile(STYLE, CSS, "CSS"))
    return files
