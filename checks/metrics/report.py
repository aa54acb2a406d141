"""The report: the handbook's KPIs for a period (posts published from ``start`` to ``end``,
brand-local days, both included), by platform, campaign, content type and author, with the
best and weakest posts, best times to post and follower growth. One dict, shaped as
``ekip report --format json`` prints it; the text, CSV and Markdown formats and the site's
report pages are made from it.

Where the handbook leaves it open: a post counts in the period in which it was *published*
(its numbers so far, all of them); follower growth compares the last count on or before the
period's first day (else the first in the period) with the last count on or before its last
day; GA4 traffic counts when its export's period lies inside the report's period (a row with
its own date counts by that date); best times are weekday × hour (brand-local) of publishing,
ranked by the mean engagement rate by reach (by impressions where a platform gives no reach).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from datetime import date
from typing import Any

from checks.datenames import WEEKDAYS  # translated where the report is built
from checks.i18n import _
from checks.metrics import kpi
from checks.metrics.dataset import Dataset, PostStats

VERSION = 1
TOP = 5


def _r(value: float | None, digits: int = 2) -> float | None:
    return None if value is None else round(value, digits)


def in_period(data: Dataset, start: date | None, end: date | None) -> list[PostStats]:
    if start is None and end is None:
        return [s for s in data.stats if s.local is not None]
    lo, hi = start or date.min, end or date.max
    return [s for s in data.stats if s.local is not None and lo <= s.local.date() <= hi]


def summarise(stats: list[PostStats]) -> dict[str, Any]:
    """Totals and KPIs of a group of posts."""
    impressions = [s.impressions for s in stats if s.impressions is not None]
    reach = [s.reach for s in stats if s.reach is not None]
    clicks = [s.clicks for s in stats if s.clicks is not None]
    clicked_impr = sum(s.impressions or 0 for s in stats if s.clicks is not None)
    return {
        "posts": len(stats),
        "impressions": sum(impressions) if impressions else None,
        "reach": sum(reach) if reach else None,
        "engagement": sum(s.engagement for s in stats),
        "clicks": sum(clicks) if clicks else None,
        "engagement_rate_followers": _r(kpi.mean([s.er_followers for s in stats])),
        "engagement_rate_reach": _r(kpi.mean([s.er_reach for s in stats])),
        "engagement_rate_impressions": _r(kpi.mean([s.er_impressions for s in stats])),
        "reach_rate": _r(kpi.mean([s.reach_rate for s in stats])),
        "ctr": _r(kpi.rate(sum(clicks), clicked_impr)) if clicks else None,
        "frequency": _r(kpi.frequency(sum(s.impressions or 0 for s in stats if s.reach),
                                      sum(reach))) if reach else None,
        "lifetime_hours": _r(kpi.middle([s.lifetime for s in stats]), 1),
    }


def _grouped(stats: list[PostStats], key: Callable[[PostStats], str], name: str) -> list[dict[str, Any]]:
    groups: dict[str, list[PostStats]] = defaultdict(list)
    for s in stats:
        groups[key(s)].append(s)
    return [{name: k, **summarise(groups[k])} for k in sorted(groups)]


def post_entry(s: PostStats) -> dict[str, Any]:
    return {
        "platform": s.platform, "post_id": s.post_id, "permalink": s.permalink,
        "published": s.local.isoformat(timespec="minutes") if s.local else None,
        "path": s.post.path if s.post is not None else None, "title": s.title or None,
        "campaign": s.campaign or None, "author": s.author or None, "type": s.type or None,
        "impressions": s.impressions, "reach": s.reach, "engagement": s.engagement,
        "clicks": s.clicks, "followers": s.followers,
        "engagement_rate_followers": _r(s.er_followers), "engagement_rate_reach": _r(s.er_reach),
        "engagement_rate_impressions": _r(s.er_impressions), "ctr": _r(s.ctr),
        "lifetime_hours": _r(s.lifetime, 1), "snapshots": s.snapshots,
    }


def _platform(s: PostStats) -> str:
    return s.platform


def _type(s: PostStats) -> str:
    return s.type or "—"


def _campaign(s: PostStats) -> str:
    return s.campaign


def _author(s: PostStats) -> str:
    return s.author


def _score(s: PostStats) -> float | None:
    return s.er_reach if s.er_reach is not None else s.er_impressions


def follower_growth(data: Dataset, start: date | None, end: date | None) -> list[dict[str, Any]]:
    out = []
    for platform in sorted(data.follower_rows):
        rows = data.follower_rows[platform]
        if not rows:
            continue
        series = data.followers.get(platform, [])
        lo = start.isoformat() if start else rows[0]["date"]
        hi = end.isoformat() if end else rows[-1]["date"]
        before = [(d, v) for d, v in series if d <= lo]
        inside = [(d, v) for d, v in series if lo <= d <= hi]
        first = before[-1] if before else (inside[0] if inside else None)
        last = [(d, v) for d, v in series if d <= hi]
        gained = [r["gained"] for r in rows if lo <= r["date"] <= hi and r["gained"] is not None]
        lost = [r["lost"] for r in rows if lo <= r["date"] <= hi and r["lost"] is not None]
        if first is None and not gained and not lost:
            continue
        end_point = last[-1] if last and first is not None else (None, None)
        out.append({"platform": platform, "start_date": first[0] if first else None,
                    "start": first[1] if first else None, "end_date": end_point[0], "end": end_point[1],
                    "growth": _r(kpi.growth(first[1], end_point[1])) if first else None,
                    "gained": sum(gained) if gained else None, "lost": sum(lost) if lost else None,
                    "series": [[d, v] for d, v in inside]})
    return out


def campaigns(data: Dataset, stats: list[PostStats], start: date | None, end: date | None) -> list[dict[str, Any]]:
    lo, hi = (start.isoformat() if start else ""), (end.isoformat() if end else "9999")
    traffic: dict[str, dict[str, float]] = defaultdict(lambda: {"sessions": 0, "conversions": 0, "revenue": 0.0})
    seen_revenue: set[str] = set()
    for r in data.campaigns:
        inside = (lo <= r["date"] <= hi) if r["date"] else (lo <= r["first"] and r["last"] <= hi)
        if not inside:
            continue
        t = traffic[r["campaign"]]
        t["sessions"] += r["sessions"]
        t["conversions"] += r["conversions"]
        if r["revenue"] is not None:
            t["revenue"] += r["revenue"]
            seen_revenue.add(r["campaign"])
    by_post = {g["campaign"]: g for g in _grouped([s for s in stats if s.campaign], _campaign, "campaign")}
    out = []
    for name in sorted(set(by_post) | set(traffic)):
        row = by_post.get(name) or {"campaign": name, **summarise([])}
        tr = traffic.get(name)
        row = {**row, "sessions": int(tr["sessions"]) if tr else None,
               "conversions": int(tr["conversions"]) if tr else None,
               "revenue": _r(tr["revenue"]) if tr and name in seen_revenue else None,
               "conversion_rate": _r(kpi.rate(tr["conversions"], tr["sessions"])) if tr else None}
        out.append(row)
    return out


def best_times(stats: list[PostStats]) -> list[dict[str, Any]]:
    cells: dict[tuple[str, int, int], list[float]] = defaultdict(list)
    for s in stats:
        score = _score(s)
        local = s.local
        if local is None or score is None:
            continue
        cells[(s.platform, local.weekday(), local.hour)].append(score)
        cells[("", local.weekday(), local.hour)].append(score)
    return [{"platform": p or None, "weekday": d, "weekday_name": _(WEEKDAYS[d]), "hour": h, "posts": len(v),
             "engagement_rate": _r(kpi.mean(v))}
            for (p, d, h), v in sorted(cells.items())]


def build(data: Dataset, start: date | None = None, end: date | None = None) -> dict[str, Any]:
    stats = in_period(data, start, end)
    ranked = sorted((s for s in stats if _score(s) is not None), key=lambda s: (-(_score(s) or 0), s.post_id))
    return {
        "version": VERSION,
        "from": start.isoformat() if start else None,
        "to": end.isoformat() if end else None,
        "summary": summarise(stats),
        "platforms": _grouped(stats, _platform, "platform"),
        "followers": follower_growth(data, start, end),
        "campaigns": campaigns(data, stats, start, end),
        "types": _grouped(stats, _type, "type"),
        "authors": _grouped([s for s in stats if s.author], _author, "author"),
        "top": [post_entry(s) for s in ranked[:TOP]],
        "bottom": [post_entry(s) for s in ranked[max(TOP, len(ranked) - TOP):][::-1]],
        "best_times": best_times(stats),
        "audience": {p: {"date": d, "rows": rows} for p, (d, rows) in sorted(data.audience.items())},
        "unlinked": sum(1 for s in stats if s.post is None),
        "posts": [post_entry(s) for s in stats],
    }


def months(data: Dataset) -> list[tuple[int, int]]:
    """Brand-local months that have published posts or follower counts."""
    found = {(s.local.year, s.local.month) for s in data.stats if s.local is not None}
    for series in data.followers.values():
        found |= {(int(d[:4]), int(d[5:7])) for d, _value in series}
    return sorted(found)


_POST_METRICS = ("impressions", "reach", "engagement", "engagement_rate_followers", "engagement_rate_reach",
                 "engagement_rate_impressions", "ctr", "lifetime_hours")


def iter_rows(report: dict[str, Any]) -> Iterable[list[Any]]:
    """The report as one long table for CSV: section, group, key, metric, value."""
    for section, key in (("platforms", "platform"), ("campaigns", "campaign"), ("types", "type"),
                         ("authors", "author")):
        for g in report[section]:
            for metric, value in g.items():
                if metric != key:
                    yield [section, g[key], metric, value]
    for metric, value in report["summary"].items():
        yield ["summary", "", metric, value]
    for f in report["followers"]:
        for metric in ("start", "end", "growth", "gained", "lost"):
            yield ["followers", f["platform"], metric, f[metric]]
    for b in report["best_times"]:
        yield ["best_times", f"{b['platform'] or 'all'} {b['weekday_name']} {b['hour']:02d}:00", "engagement_rate",
               b["engagement_rate"]]
    for p in report["posts"]:
        group = f"{p['platform']}:{p['post_id']}"
        for metric in _POST_METRICS:
            yield ["posts", group, metric, p[metric]]
