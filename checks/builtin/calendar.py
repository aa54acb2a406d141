"""The publishing calendar (brand/calendar.yml), across posts. Every finding points at the
post's ``date``; all three rules are errors (a team that must publish anyway, such as a
crisis update, suppresses the finding with a reason).

A post's time is its ``date``: exact when it has an offset, otherwise in the brand's
timezone. A day is a calendar day in the brand's timezone (23:30+03:00 and 00:30+03:00 the
next morning are two days in Istanbul).

``calendar.daily-limit`` (error): more posts on a platform in one day than ``daily_limit: {platform: n}``
allows. Counted: posts that will go out
or went out, statuses review, approved, scheduled and published (idea and draft are still
plans; archived posts are history). Posts of one platform and one day are ordered by time
(then path); each post beyond the n-th is reported, once per platform it exceeds.

``calendar.gap`` (error): two posts of a platform closer than ``min_gap_minutes: {platform:
minutes}``. Among the same counted posts of
a platform ordered by time, a post less than ``minutes`` after the previous one is reported
(exactly ``minutes`` apart is fine).

``calendar.quiet-period`` (error): a post dated inside a quiet period (start inclusive, end
exclusive), whatever its status except idea and archived, unless it has ``crisis: true``.
A period's optional ``platforms`` limits it to posts for those platforms. A ``yearly:
true`` period recurs every year (before and after the year written) at the same month, day
and time in the brand's timezone; one that crosses New Year (Dec 31 -> Jan 1) ends in the
following year. Feb 29 falls back to Feb 28 in other years.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from itertools import pairwise
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from checks.errors import EkipError
from checks.finding import Finding
from checks.findings import front_finding
from checks.i18n import _
from checks.timeutil import MAX_YEAR, MIN_YEAR, parse

if TYPE_CHECKING:
    from checks.context import Context
    from checks.post import Post

IDS = ("calendar.daily-limit", "calendar.gap", "calendar.quiet-period")
WHOLE_REPOSITORY = True  # `ekip check FILE` counts the repository's other posts too (engine.run)

COUNTED_STATUSES = frozenset({"review", "approved", "scheduled", "published"})
QUIET_IGNORED_STATUSES = frozenset({"idea", "archived"})


def post_time(post: Post, tz: ZoneInfo) -> datetime | None:
    """The post's ``date`` as an aware time, or None when it has none that parses."""
    raw = post.front.get("date")
    return parse(raw, tz) if isinstance(raw, str) else None


def _hhmm(dt: datetime, tz: ZoneInfo) -> str:
    return dt.astimezone(tz).strftime("%Y-%m-%d %H:%M")


def _by_platform(posts: list[tuple[Post, datetime]]) -> dict[str, list[tuple[Post, datetime]]]:
    out: dict[str, list[tuple[Post, datetime]]] = {}
    for post, when in posts:
        for platform in dict.fromkeys(post.platforms):
            out.setdefault(platform, []).append((post, when))
    for items in out.values():
        items.sort(key=lambda pw: (pw[1], pw[0].path))
    return out


def daily_limit(counted: dict[str, list[tuple[Post, datetime]]], limits: dict[str, Any],
                tz: ZoneInfo) -> Iterator[Finding]:
    for platform, limit in limits.items():
        if not isinstance(limit, int) or isinstance(limit, bool) or platform not in counted:
            continue
        days: dict[Any, list[tuple[Post, datetime]]] = {}
        for post, when in counted[platform]:
            days.setdefault(when.astimezone(tz).date(), []).append((post, when))
        for day, items in days.items():
            for n, (post, _when) in enumerate(items[limit:], start=limit + 1):
                yield front_finding(
                    post, "calendar.daily-limit", "error",
                    _("Post number {n} for {platform} on {day}; the daily limit is {limit} (that day has "
                      "{count} posts). Move it to another day.").format(
                        day=day.isoformat(), platform=platform, n=n, limit=limit, count=len(items)),
                    ["date"],
                )


def gaps(counted: dict[str, list[tuple[Post, datetime]]], minimums: dict[str, Any],
         tz: ZoneInfo) -> Iterator[Finding]:
    for platform, minutes in minimums.items():
        if not isinstance(minutes, int) or isinstance(minutes, bool) or minutes <= 0:
            continue
        items = counted.get(platform) or []
        need = timedelta(minutes=minutes)
        for (prev, prev_when), (post, when) in pairwise(items):
            if when - prev_when < need:
                apart = int((when - prev_when).total_seconds() // 60)
                yield front_finding(
                    post, "calendar.gap", "error",
                    _("{platform} posts must be at least {minutes} minutes apart; this one is {apart} minutes "
                      "after the previous post ({previous}, {time}).").format(
                        platform=platform, minutes=minutes, previous=prev.path, time=_hhmm(prev_when, tz),
                        apart=apart),
                    ["date"],
                )


def _with_year(local: datetime, year: int) -> datetime:
    try:
        return local.replace(year=year)
    except ValueError:  # Feb 29 in a year that has none
        return local.replace(year=year, day=28)


class QuietPeriod:
    """One quiet period of calendar.yml, able to say whether a time falls inside it."""

    def __init__(self, spec: dict[str, Any], tz: ZoneInfo) -> None:
        self.id = str(spec.get("id"))
        self.name = spec.get("name") if isinstance(spec.get("name"), str) else self.id
        start = parse(spec.get("start"), tz)
        end = parse(spec.get("end"), tz)
        if start is None or end is None or end <= start:
            raise EkipError(_("quiet period '{id}': 'start' and 'end' must be times in the years {first}-{last}, "
                              "'end' after 'start'").format(id=self.id, first=MIN_YEAR, last=MAX_YEAR),
                            "brand/calendar.yml")
        self.start, self.end = start.astimezone(UTC), end.astimezone(UTC)
        self._occurrences: dict[int, tuple[datetime, datetime]] = {}
        self.yearly = spec.get("yearly") is True
        platforms = spec.get("platforms")
        self.platforms = frozenset(platforms) if isinstance(platforms, list) else None
        self.tz = tz
        self._start_local = start.astimezone(tz).replace(tzinfo=None)
        self._end_local = end.astimezone(tz).replace(tzinfo=None)
        self._span = self._end_local.year - self._start_local.year
        if self.yearly and end - start > timedelta(days=366):
            raise EkipError(_("quiet period '{id}': a yearly period cannot last longer than a year").format(
                id=self.id),
                            "brand/calendar.yml")

    def occurrence(self, year: int) -> tuple[datetime, datetime]:
        """The yearly period that starts in ``year`` (brand-local wall times), in UTC."""
        hit = self._occurrences.get(year)
        if hit is None:
            start = _with_year(self._start_local, year).replace(tzinfo=self.tz).astimezone(UTC)
            end = _with_year(self._end_local, year + self._span).replace(tzinfo=self.tz).astimezone(UTC)
            hit = self._occurrences[year] = (start, end)
        return hit

    def covering(self, when: datetime) -> tuple[datetime, datetime] | None:
        """The occurrence that contains ``when``, or None."""
        when = when.astimezone(UTC)
        if not self.yearly:
            return (self.start, self.end) if self.start <= when < self.end else None
        year = when.year  # UTC and brand-local years differ only around New Year: look one further
        for y in range(year - self._span - 1, year + 2):
            start, end = self.occurrence(y)
            if start <= when < end:
                return start, end
        return None

    def applies(self, post: Post) -> bool:
        return self.platforms is None or not self.platforms.isdisjoint(post.platforms)


def quiet_periods(dated: list[tuple[Post, datetime]], periods: list[QuietPeriod],
                  tz: ZoneInfo) -> Iterator[Finding]:
    for post, when in dated:
        if post.status in QUIET_IGNORED_STATUSES or post.front.get("crisis") is True:
            continue
        for period in periods:
            if not period.applies(post):
                continue
            hit = period.covering(when)
            if hit is not None:
                yield front_finding(
                    post, "calendar.quiet-period", "error",
                    _("The post falls in a quiet period: {period} ({start} – {end}). Only crisis "
                      "communication (crisis: true) is published in this period; change the date.").format(
                        period=period.name, start=_hhmm(hit[0], tz), end=_hhmm(hit[1], tz)),
                    ["date"],
                )


def load_periods(calendar: dict[str, Any], tz: ZoneInfo) -> list[QuietPeriod]:
    specs = calendar.get("quiet_periods")
    return [QuietPeriod(s, tz) for s in specs if isinstance(s, dict)] if isinstance(specs, list) else []


def needs_posts(ctx: Context) -> bool:
    calendar = ctx.brand.calendar or {}
    return any(calendar.get(key) for key in ("daily_limit", "min_gap_minutes", "quiet_periods"))


def window(posts: list[Post], ctx: Context) -> tuple[datetime, datetime] | None:
    """The times within which another post can change the daily-limit or gap findings of
    ``posts`` (or be pushed over by them): their brand-local days and the longest minimum gap
    around them. None when no such rule applies or none of ``posts`` is counted (a quiet period
    concerns each post alone)."""
    calendar = ctx.brand.calendar or {}
    limits = lim if isinstance(lim := calendar.get("daily_limit"), dict) else {}
    minimums = gap if isinstance(gap := calendar.get("min_gap_minutes"), dict) else {}
    gaps = [m for m in minimums.values() if isinstance(m, int | float) and not isinstance(m, bool) and m > 0]
    if not (limits or gaps):
        return None
    tz = ctx.brand.timezone
    times = [t for p in posts if p.status in COUNTED_STATUSES and (t := post_time(p, tz)) is not None]
    if not times:
        return None
    margin = timedelta(minutes=max(gaps, default=0))
    if limits:
        margin = max(margin, timedelta(hours=26))  # a local day is at most 25 hours long
    try:
        return min(times) - margin, max(times) + margin
    except OverflowError:
        return datetime.min.replace(tzinfo=UTC), datetime.max.replace(tzinfo=UTC)


def check_all(posts: list[Post], ctx: Context) -> Iterator[Finding]:
    calendar = ctx.brand.calendar or {}
    tz = ctx.brand.timezone
    limits = lim if isinstance(lim := calendar.get("daily_limit"), dict) else {}
    minimums = gap if isinstance(gap := calendar.get("min_gap_minutes"), dict) else {}
    periods = load_periods(calendar, tz)
    if not (limits or minimums or periods):
        return
    dated = [(p, t.astimezone(UTC)) for p in posts if (t := post_time(p, tz)) is not None]
    counted = _by_platform([(p, t) for p, t in dated if p.status in COUNTED_STATUSES])
    yield from daily_limit(counted, limits, tz)
    yield from gaps(counted, minimums, tz)
    yield from quiet_periods(dated, periods, tz)
