"""The handbook's KPIs (playbooks/metrikler.md) as plain functions. Rates are percents
(``2.0`` is %2,0); ``None`` when a denominator is missing or zero.

- engagement = likes + comments + shares + saves + link clicks (a count the export does not
  give counts 0);
- engagement rate by followers (the handbook's main rate), by reach and by impressions; Meta
  reports *views* instead of impressions since 2025, so where a row has no impressions its
  views stand in (documented in docs/METRICS.md);
- a period's engagement rate is the mean of its posts' rates (the handbook's rule); CTR and
  conversion rate are ratios of the period's sums;
- follower growth = (end − start) ÷ start × 100; frequency = impressions ÷ reach; reach rate
  = reach ÷ followers × 100; audience fit = followers in the target segment ÷ followers × 100;
- content lifetime = the time from publishing until the post had 90 % of the engagement it
  had 7 days after publishing, read from the snapshots with linear interpolation between
  them (the publishing moment counts as 0). Without a snapshot at or after 7 days the
  lifetime is not known yet.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from itertools import compress, islice, pairwise
from operator import le
from statistics import fmean, median

WINDOW_HOURS = 7 * 24
LIFETIME_SHARE = 0.9


def engagement(likes: int | None = 0, comments: int | None = 0, shares: int | None = 0, saves: int | None = 0,
               clicks: int | None = 0) -> int:
    return (likes or 0) + (comments or 0) + (shares or 0) + (saves or 0) + (clicks or 0)


def rate(part: float | None, whole: float | None) -> float | None:
    """part ÷ whole × 100."""
    if part is None or not whole:
        return None
    return part / whole * 100


def growth(start: float | None, end: float | None) -> float | None:
    if start is None or end is None or not start:
        return None
    return (end - start) / start * 100


def frequency(impressions: float | None, reach: float | None) -> float | None:
    if impressions is None or not reach:
        return None
    return impressions / reach


def mean(values: Sequence[float | None]) -> float | None:
    present = [v for v in values if v is not None]
    return fmean(present) if present else None


def middle(values: Sequence[float | None]) -> float | None:
    present = [v for v in values if v is not None]
    return median(present) if present else None


def lifetime_hours(points: Sequence[tuple[float, float]], window: float = WINDOW_HOURS,
                   share: float = LIFETIME_SHARE) -> float | None:
    """``points``: (hours since publishing, engagement so far), in time order. The hours until
    ``share`` of the engagement at ``window`` hours was reached; None when no point is at or
    after ``window``."""
    if not points or points[-1][0] < window:
        return None
    curve = [(0.0, 0.0), *((h, e) for h, e in points if h > 0)]
    total = _value_at(curve, window)
    if total <= 0:
        return None
    target = share * total
    for (h0, e0), (h1, e1) in pairwise(curve):
        if e1 >= target:
            if e1 == e0:
                return h1
            return h0 + (target - e0) * (h1 - h0) / (e1 - e0)
    return None


def _value_at(curve: Sequence[tuple[float, float]], hours: float) -> float:
    for (h0, e0), (h1, e1) in pairwise(curve):
        if h0 <= hours <= h1:
            return e0 if h1 == h0 else e0 + (e1 - e0) * (hours - h0) / (h1 - h0)
    return curve[-1][1]


def lifetime_from(hours: Sequence[float], engagement: Sequence[float], window: float = WINDOW_HOURS,
                  share: float = LIFETIME_SHARE) -> float | None:
    """``lifetime_hours`` of the points ``zip(hours, engagement)``, the same number, found by
    bisection where the hours and the engagement never go down (as snapshots of running totals
    do), by ``lifetime_hours`` itself otherwise.

    Why: a report works out 10,000 posts' lifetimes on its first run; the two scans a post
    costs in ``lifetime_hours`` were a tenth of that run. tests/test_metrics_kpi.py checks that
    both give the same on generated curves."""
    if not hours or hours[-1] < window:
        return None
    rising = window > 0 and all(map(le, hours, islice(hours, 1, None)))
    if rising and hours[0] <= 0:
        kept = [h > 0 for h in hours]
        hours, engagement = list(compress(hours, kept)), list(compress(engagement, kept))
    ch, ce = [0.0, *hours], [0.0, *engagement]
    if not (rising and all(map(le, ce, islice(ce, 1, None)))):
        return lifetime_hours(list(zip(hours, engagement, strict=True)), window, share)
    j = bisect_left(ch, window)  # ch[j - 1] < window <= ch[j]: the first segment that holds it
    h0, e0, h1, e1 = ch[j - 1], ce[j - 1], ch[j], ce[j]
    total = e0 if h1 == h0 else e0 + (e1 - e0) * (window - h0) / (h1 - h0)
    if total <= 0:
        return None
    target = share * total
    m = bisect_left(ce, target, 1)  # the first point from the second on that reaches it
    if m == len(ce):
        return None
    h0, e0, h1, e1 = ch[m - 1], ce[m - 1], ch[m], ce[m]
    if e1 == e0:
        return h1
    return h0 + (target - e0) * (h1 - h0) / (e1 - e0)
