"""``crisis.paused`` (error): crisis mode is on (brand/crisis.yml ``active: true``) and an
approved or scheduled post is dated after ``since`` without ``crisis: true``: it must be held
back (paused in the scheduling tool) until crisis mode ends. When ``since`` is missing or
not a time, every such post dated after now is held. ``ekip crisis status`` lists the same
posts (``held_posts``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import datetime
from typing import TYPE_CHECKING, Any

from checks.finding import Finding
from checks.findings import front_finding
from checks.i18n import _
from checks.timeutil import parse

if TYPE_CHECKING:
    from checks.brand.model import Brand
    from checks.context import Context
    from checks.post import Post

IDS = ("crisis.paused",)

HELD_STATUSES = frozenset({"approved", "scheduled"})


def is_active(crisis: dict[str, Any]) -> bool:
    return crisis.get("active") is True


def since_of(crisis: dict[str, Any], brand: Brand) -> datetime | None:
    raw = crisis.get("since")
    return parse(raw, brand.timezone) if isinstance(raw, str) else None


def is_held(post: Post, brand: Brand, since: datetime) -> bool:
    """Whether crisis mode that began at ``since`` holds this post back."""
    if post.status not in HELD_STATUSES or post.front.get("crisis") is True:
        return False
    raw = post.front.get("date")
    when = parse(raw, brand.timezone) if isinstance(raw, str) else None
    return when is not None and when > since


def held_posts(posts: Iterable[Post], brand: Brand, now: datetime) -> list[Post]:
    """The posts crisis mode holds back now (none when it is off)."""
    crisis = brand.crisis or {}
    if not is_active(crisis):
        return []
    since = since_of(crisis, brand) or now
    return [p for p in posts if is_held(p, brand, since)]


def check(post: Post, ctx: Context) -> Iterator[Finding]:
    crisis = ctx.brand.crisis or {}
    if not is_active(crisis):
        return
    since = since_of(crisis, ctx.brand) or ctx.now
    if is_held(post, ctx.brand, since):
        when = since.astimezone(ctx.brand.timezone).strftime("%Y-%m-%d %H:%M")
        yield front_finding(
            post, "crisis.paused", "error",
            _("Crisis mode is on since {when}: this post must wait. Pause it in the scheduling tool; "
              "if it is crisis communication, add 'crisis: true' to the front matter.").format(when=when),
            ["date"],
        )
