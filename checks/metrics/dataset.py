"""Posts and stored numbers joined: each imported post row (a platform's post) with its
latest counts, its rates and lifetime and, when a post file claims it through ``posted:``, that
post's title, campaign and author.

A post claims a row when its ``posted: {platform: value}`` is the row's post id, its
permalink (compared without scheme, ``www.``, query and trailing slash; ``twitter.com`` is
``x.com``) or a link that carries the row's id (X status, LinkedIn activity URN, TikTok video,
Instagram shortcode). The publishing time is the export's; when the export gives only the day
(X's 2024 export), the claiming post's ``date`` gives the time.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, Protocol

from checks.metrics import curves, kpi, store
from checks.metrics.parse import id_from_link
from checks.metrics.presets import POST_COUNTS
from checks.timeutil import parse

if TYPE_CHECKING:
    from checks.brand.model import Brand
    from checks.post import Post

_I = {name: i for i, name in enumerate(POST_COUNTS)}
FRONT_KEYS = ("posted", "date", "title", "campaign", "author")  # what of a post's front matter is used here


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


class Claimant(Protocol):
    """What the report needs of a post file: its path and front matter (a ``checks.post.Post``, or
    the report's lighter ``checks.metrics.fronts.Front``)."""

    @property
    def path(self) -> str: ...

    @property
    def front(self) -> dict[str, Any]: ...


@dataclass(slots=True)
class PostStats:
    """A platform's post with its latest counts and the handbook's rates, computed once."""

    platform: str
    post_id: str
    permalink: str
    published: datetime | None
    type: str
    counts: dict[str, int | None]
    text: str = ""
    post: Claimant | None = None
    followers: int | None = None  # the platform's followers on the day of publishing
    snapshots: int = 0
    engagement: int = 0
    lifetime: float | None = None
    local: datetime | None = None  # ``published`` in the brand's timezone
    impressions: int | None = field(init=False)  # or views, where the platform reports views (Meta since 2025)
    reach: int | None = field(init=False)
    clicks: int | None = field(init=False)
    er_followers: float | None = field(init=False)
    er_reach: float | None = field(init=False)
    er_impressions: float | None = field(init=False)
    reach_rate: float | None = field(init=False)
    ctr: float | None = field(init=False)
    title: str = field(init=False)  # the claiming post's front matter ("" without one)
    campaign: str = field(init=False)
    author: str = field(init=False)

    def __post_init__(self) -> None:
        counts = self.counts
        impressions = counts.get("impressions")
        self.impressions = impressions = impressions if impressions is not None else counts.get("views")
        self.reach = reach = counts.get("reach")
        self.clicks = clicks = counts.get("clicks")
        engagement = self.engagement
        self.er_followers = kpi.rate(engagement, self.followers)
        self.er_reach = kpi.rate(engagement, reach)
        self.er_impressions = kpi.rate(engagement, impressions)
        self.reach_rate = kpi.rate(reach, self.followers)
        self.ctr = kpi.rate(clicks, impressions) if clicks is not None else None
        self.title, self.campaign, self.author = self.front("title"), self.front("campaign"), self.front("author")

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
    posts: Sequence[Claimant] = ()
    problems: list[store.Problem] = field(default_factory=list)  # stored rows and files skipped

    def followers_on(self, platform: str, day: date) -> int | None:
        series = self.followers.get(platform)
        if not series:
            return None
        i = bisect.bisect_right(series, (day.isoformat(), float("inf")))
        return series[i - 1][1] if i else None


def claims(posts: Iterable[Claimant]) -> dict[str, dict[str, Claimant]]:
    """platform -> key -> the post whose ``posted:`` names it."""
    out: dict[str, dict[str, Claimant]] = {}
    for post in posts:
        posted = post.front.get("posted")
        if not isinstance(posted, dict):
            continue
        for platform, value in posted.items():
            if isinstance(value, str):
                for key in link_keys(value):
                    out.setdefault(str(platform), {})[key] = post
    return out


def load(brand: Brand, posts: Sequence[Claimant],
         snapshots: tuple[curves.Curves, list[store.Problem]] | None = None) -> Dataset:
    """The numbers under ``metrics/`` tied to ``posts``; ``snapshots``: the snapshot files'
    curves when they were worked out already (``checks.metrics.curves``)."""
    root = brand.root
    tz = brand.timezone
    follower_rows, problems = store.load_followers(root)
    followers = {p: [(r["date"], r["followers"]) for r in rs if r["followers"] is not None]
                 for p, rs in follower_rows.items()}
    campaigns, more = store.load_campaigns(root)
    audience, most = store.load_audience(root)
    found, skipped = snapshots or curves.curves(root)
    data = Dataset(brand, [], followers, follower_rows, campaigns, audience, posts, [*skipped, *problems, *more, *most])
    claimed = claims(posts)
    parse_time = datetime.fromisoformat
    for (platform, post_id), c in found.items():
        index = claimed.get(platform, {})
        post = index.get(post_id) or next((index[k] for k in link_keys(c.permalink) if k in index), None)
        published = parse_time(c.published) if c.published else None
        lifetime = c.lifetime
        if post is not None and (published is None or curves.day_only(c.published)):
            raw = post.front.get("date")
            when = parse(raw, tz) if isinstance(raw, str) else None
            if when is not None and (published is None or when.date() == published.date()):
                if published is not None and c.series is not None:  # the curve's hours count from the post's time
                    shift = (published - when).total_seconds() / 3600
                    lifetime = kpi.lifetime_hours([(h + shift, e) for h, e in c.series])
                published = when
        counts = dict(zip(POST_COUNTS, c.counts, strict=True))
        engagement = kpi.engagement(counts["likes"], counts["comments"], counts["shares"], counts["saves"],
                                    counts["clicks"])
        local = published.astimezone(tz) if published is not None else None
        data.stats.append(PostStats(
            platform, post_id, c.permalink, published, c.type, counts, c.text, post,
            followers=data.followers_on(platform, local.date()) if local is not None else None, snapshots=c.snapshots,
            engagement=engagement, lifetime=lifetime if published is not None else None, local=local))
    data.stats.sort(key=lambda s: (s.published is None, s.published or datetime.min.replace(tzinfo=tz), s.platform,
                                   s.post_id))
    return data


def read_posts(brand: Brand, paths: list[str] | None = None) -> list[Post]:
    from checks.commands.calendar import load_posts

    return load_posts(brand, paths)
