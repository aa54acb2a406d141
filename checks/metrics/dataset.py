"""Posts and stored numbers joined: each imported post row (a platform's post) with its
latest counts, its growth curve and, when a post file claims it through ``posted:``, that
post's title, campaign and author.

A post claims a row when its ``posted: {platform: value}`` is the row's post id, its
permalink (compared without scheme, ``www.``, query and trailing slash; ``twitter.com`` is
``x.com``) or a link that carries the row's id (X status, LinkedIn activity URN, TikTok video,
Instagram shortcode). The publishing time is the export's; when the export gives only the day
(X's 2024 export), the claiming post's ``date`` gives the time.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cached_property
from typing import TYPE_CHECKING, Any

from checks.metrics import curves, kpi, store
from checks.metrics.parse import id_from_link
from checks.metrics.presets import POST_COUNTS
from checks.timeutil import parse

if TYPE_CHECKING:
    from checks.brand.model import Brand
    from checks.post import Post

_I = {name: i for i, name in enumerate(POST_COUNTS)}


def link_keys(value: str) -> set[str]:
    """The forms under which a ``posted:`` value (or a row's id or permalink) is compared."""
    value = value.strip()
    if not value:
        return set()
    keys = {value}
    url = value.split("?", 1)[0].split("#", 1)[0].rstrip("/")
    for prefix in ("https://", "http://"):
        if url.startswith(prefix):
            url = url[len(prefix):]
    for prefix in ("www.", "m.", "mobile."):
        if url.startswith(prefix):
            url = url[len(prefix):]
    if url.startswith("twitter.com/"):
        url = "x.com/" + url[len("twitter.com/"):]
    keys.add(url.lower())
    found = id_from_link(value)
    if found:
        keys.add(found)
    return keys


@dataclass
class PostStats:
    platform: str
    post_id: str
    permalink: str
    published: datetime | None
    type: str
    counts: dict[str, int | None]
    series: list[tuple[float, int]]  # (hours since publishing, engagement so far)
    text: str = ""
    post: Post | None = None
    followers: int | None = None  # the platform's followers on the day of publishing
    snapshots: int = 0
    engagement: int = 0
    lifetime: float | None = None

    @cached_property
    def impressions(self) -> int | None:
        """Impressions, or views where the platform reports views instead (Meta since 2025)."""
        value = self.counts.get("impressions")
        return value if value is not None else self.counts.get("views")

    @cached_property
    def er_followers(self) -> float | None:
        return kpi.rate(self.engagement, self.followers)

    @cached_property
    def er_reach(self) -> float | None:
        return kpi.rate(self.engagement, self.counts.get("reach"))

    @cached_property
    def er_impressions(self) -> float | None:
        return kpi.rate(self.engagement, self.impressions)

    @cached_property
    def reach_rate(self) -> float | None:
        return kpi.rate(self.counts.get("reach"), self.followers)

    @cached_property
    def ctr(self) -> float | None:
        clicks = self.counts.get("clicks")
        return kpi.rate(clicks, self.impressions) if clicks is not None else None

    def front(self, key: str) -> str:
        value = self.post.front.get(key) if self.post is not None else None
        return value if isinstance(value, str) else ""


@dataclass
class Dataset:
    brand: Brand
    stats: list[PostStats]
    followers: dict[str, list[tuple[str, int]]]  # platform -> (day, followers) by day
    follower_rows: dict[str, list[dict[str, Any]]]
    campaigns: list[dict[str, Any]]
    audience: dict[str, tuple[str, list[dict[str, Any]]]]
    posts: list[Post] = field(default_factory=list)

    def followers_on(self, platform: str, day: date) -> int | None:
        series = self.followers.get(platform)
        if not series:
            return None
        i = bisect.bisect_right(series, (day.isoformat(), float("inf")))
        return series[i - 1][1] if i else None


def claims(posts: Iterable[Post]) -> dict[str, dict[str, Post]]:
    """platform -> key -> the post whose ``posted:`` names it."""
    out: dict[str, dict[str, Post]] = {}
    for post in posts:
        posted = post.front.get("posted")
        if not isinstance(posted, dict):
            continue
        for platform, value in posted.items():
            if isinstance(value, str):
                for key in link_keys(value):
                    out.setdefault(str(platform), {})[key] = post
    return out


def load(brand: Brand, posts: list[Post]) -> Dataset:
    root = brand.root
    tz = brand.timezone
    follower_rows = store.load_followers(root)
    followers = {p: [(r["date"], r["followers"]) for r in rs if r["followers"] is not None]
                 for p, rs in follower_rows.items()}
    data = Dataset(brand, [], followers, follower_rows, store.load_campaigns(root), store.load_audience(root), posts)
    claimed = claims(posts)
    n = len(POST_COUNTS)
    for (platform, post_id), (last, row_series, count) in curves.curves(root).items():
        index = claimed.get(platform, {})
        post = index.get(post_id) or next((index[k] for k in link_keys(last[2]) if k in index), None)
        published = datetime.fromisoformat(last[3]) if last[3] else None
        series = row_series
        if post is not None and (published is None or last[3][10:16] == "T00:00"):
            raw = post.front.get("date")
            when = parse(raw, tz) if isinstance(raw, str) else None
            if when is not None and (published is None or when.date() == published.date()):
                if published is not None:  # the curve's hours count from the post's time instead
                    shift = (published - when).total_seconds() / 3600
                    series = [(h + shift, e) for h, e in row_series]
                published = when
        counts = {name: int(v) if v else None for name, v in zip(POST_COUNTS, last[5:5 + n], strict=True)}
        text = last[5 + n]
        st = PostStats(platform, post_id, last[2], published, last[4], counts, series, text, post,
                       snapshots=count)
        st.engagement = kpi.engagement(counts["likes"], counts["comments"], counts["shares"], counts["saves"],
                                       counts["clicks"])
        if published is not None:
            st.followers = data.followers_on(platform, published.astimezone(tz).date())
            st.lifetime = kpi.lifetime_hours(series)
        data.stats.append(st)
    data.stats.sort(key=lambda s: (s.published is None, s.published or datetime.min.replace(tzinfo=tz), s.platform,
                                   s.post_id))
    return data


def read_posts(brand: Brand, paths: list[str] | None = None) -> list[Post]:
    from checks.commands.calendar import load_posts

    return load_posts(brand, paths)
