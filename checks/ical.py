"""The content calendar as iCalendar (RFC 5545), for ``ekip calendar --ics`` and the site.

One VEVENT per post that has a valid ``date``, in date order:

- ``UID``: stable across runs and machines, derived from the post's path relative to the
  repository root (a hash, so an embargoed post's slug does not show);
- ``DTSTART``: the post's time in UTC (a time without offset is read in the brand's
  timezone); ``DTEND`` ``EVENT_MINUTES`` later (a post goes out at an instant, but calendar apps
  show an event without an end as a sliver or as a whole day);
- ``URL``: the post's preview page on the published site, when the site's address is known
  (``site_url`` in mkdocs.yml) and the post has a preview (an embargoed post has none);
- ``SUMMARY``: the title; ``DESCRIPTION``: platforms, status, author (and campaign);
  ``CATEGORIES``: the platforms; ``DTSTAMP``: ``now``.

A post whose ``embargo`` is later than ``now`` (or is not a valid time: when in doubt, keep
it hidden) shows only "Ambargolu gönderi" as its summary; its title, text and campaign are
left out, and a platform id the brand does not know shows as ``?``. Personal data
(``checks.personal``) in a title, campaign or author is masked.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from icalendar import Calendar, Event

from checks import personal
from checks.i18n import N_, _
from checks.timeutil import parse

if TYPE_CHECKING:
    from checks.brand.model import Brand
    from checks.post import Post

EMBARGO_SUMMARY = N_("Embargoed post")
EVENT_MINUTES = 30


def post_key(post: Post, root: Path) -> str:
    """The post's path relative to the repository root (POSIX), or its path as given."""
    try:
        return post.file.resolve().relative_to(root.resolve()).as_posix()
    except (ValueError, OSError):
        return Path(post.path).as_posix()


def event_uid(post: Post, root: Path) -> str:
    digest = hashlib.sha256(post_key(post, root).encode("utf-8")).hexdigest()[:24]
    return f"{digest}@ekip"


def is_embargoed(post: Post, brand: Brand, now: datetime) -> bool:
    """True while the post's ``embargo`` is later than ``now``; an unreadable embargo counts."""
    if "embargo" not in post.front or post.front.get("embargo") is None:
        return False
    raw = post.front.get("embargo")
    until = parse(raw, brand.timezone) if isinstance(raw, str) else None
    return until is None or until > now


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def _event(post: Post, when: datetime, brand: Brand, now: datetime, link: str | None = None) -> Event:
    front = post.front
    hidden = is_embargoed(post, brand, now)
    platforms = post.platforms
    if hidden:  # an id the brand does not know is free text: it could say what the post is about
        platforms = [p if p in brand.platforms else "?" for p in platforms]
    rules = personal.policy(brand)
    status = _text(front.get("status")) or "?"
    author = _text(front.get("author"))
    member = brand.members.get(author) if author else None
    name = member.get("name") if isinstance(member, dict) else None
    lines = [
        _("Platforms: {platforms}").format(platforms=", ".join(platforms) or "-"),
        _("Status: {status}").format(status=status),
        _("Author: {author}").format(author=f"{name} ({author})" if isinstance(name, str) and name else author or "-"),
    ]
    campaign = personal.redact(_text(front.get("campaign")), rules)
    if campaign and not hidden:
        lines.append(_("Campaign: {campaign}").format(campaign=campaign))
    if hidden:
        lines.append(_("The title and text are not shown until the embargo ends."))
    event = Event()
    event.add("uid", event_uid(post, brand.root))
    event.add("dtstamp", now.astimezone(UTC))
    event.add("dtstart", when.astimezone(UTC))
    event.add("dtend", when.astimezone(UTC) + timedelta(minutes=EVENT_MINUTES))
    if link and not hidden:
        event.add("url", link)
    title = _text(front.get("title")) or Path(post.path).stem
    event.add("summary", _(EMBARGO_SUMMARY) if hidden else personal.redact(title, rules))
    event.add("description", personal.redact("\n".join(lines), rules))
    if platforms:
        event.add("categories", platforms)
    return event


def build_ics(posts: Iterable[Post], brand: Brand, now: datetime, links: Mapping[str, str] | None = None) -> bytes:
    """An iCalendar file with one event per dated post; ``links``: post path -> preview URL."""
    links = links or {}
    cal = Calendar()
    cal.add("prodid", "-//Ekip//ekip calendar//TR")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", _("{brand} content calendar").format(brand=brand.name) if brand.name
            else _("Content calendar"))
    cal.add("x-wr-timezone", str(brand.timezone.key))
    dated: list[tuple[datetime, str, Post]] = []
    for post in posts:
        raw = post.front.get("date")
        when = parse(raw, brand.timezone) if isinstance(raw, str) else None
        if when is not None:
            dated.append((when, post.path, post))
    dated.sort(key=lambda item: (item[0], item[1]))
    for when, _path, post in dated:
        cal.add_component(_event(post, when, brand, now, links.get(post.path)))
    feed: bytes = cal.to_ical()
    return feed
