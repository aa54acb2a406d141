"""The calendar pages: the overview (``takvim/index.md``) and one page per brand-local month,
with one table per ISO week."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import datetime, timedelta
from itertools import groupby
from typing import TYPE_CHECKING

from checks.i18n import N_, _, ngettext
from checks.site import cells, escape, labels
from checks.site.entries import Entry
from checks.site.model import CALENDAR, FEED, SiteFile, month_page
from checks.timeutil import parse

if TYPE_CHECKING:
    from checks.brand.model import Brand

UPCOMING = 20  # posts listed on the overview
SECTION = N_("Calendar")  # the navigation section; translated where the pages are made
# The calendar tables need the width: no table of contents beside them.
HIDE_TOC = ["---", "hide:", "  - toc", "---", ""]
PLAYBOOK = "kriz/index.md"  # the crisis playbook in the hand-written handbook


def month_pages(brand: Brand, entries: Sequence[Entry]) -> list[SiteFile]:
    """One page per brand-local month that has posts; ``entries`` are in time order (the sorts
    by local month and week are stable: they only matter when a clock change moves local time
    back across a month or week boundary)."""
    dated = sorted((e for e in entries if e.when is not None), key=_month)
    by_month = [(ym, list(group)) for ym, group in groupby(dated, key=_month)]
    months = [ym for ym, _group in by_month]
    pages: list[SiteFile] = []
    for i, ((year, month), these) in enumerate(by_month):
        path = month_page(year, month)
        lines = [*HIDE_TOC, f"# {labels.month_name(year, month)}", ""]
        lines.append(ngettext("{n} post. Times are in the brand's timezone ({timezone}); weeks are ISO weeks "
                              "(Monday–Sunday).",
                              "{n} posts. Times are in the brand's timezone ({timezone}); weeks are ISO weeks "
                              "(Monday–Sunday).", len(these)).format(n=len(these),
                                                                    timezone=escape.code(brand.timezone.key)))
        lines += ["", escape.month_links(months, i, path, month_page, CALENDAR), ""]
        for (iso_year, week), group in groupby(sorted(these, key=_week), key=_week):
            lines += ["## " + _("Week {week}: {dates}").format(week=week, dates=_week_range(iso_year, week)), ""]
            lines.append(escape.table(cells.header(), (cells.row(brand, e, path) for e in group), cells.CSS))
        pages.append(SiteFile(path, "\n".join(lines), labels.month_name(year, month), in_nav=True,
                              section=(_(SECTION), str(year))))
    return pages


def _month(entry: Entry) -> tuple[int, int]:
    assert entry.when is not None
    return entry.when.year, entry.when.month


def _week(entry: Entry) -> tuple[int, int]:
    assert entry.when is not None
    iso = entry.when.isocalendar()
    return iso.year, iso.week


def _week_range(iso_year: int, week: int) -> str:
    monday = datetime.fromisocalendar(iso_year, week, 1)
    sunday = monday + timedelta(days=6)
    if monday.year != sunday.year:
        return _("{start} – {end}").format(start=labels.date(monday), end=labels.date(sunday))
    if monday.month != sunday.month:
        return _("{start} – {end}").format(start=labels.day_month(monday), end=labels.date(sunday))
    return _("{start_day}–{end}").format(start_day=monday.day, end=labels.date(sunday))


def overview(brand: Brand, entries: Sequence[Entry], now: datetime, unreadable: int = 0,
             docs: frozenset[str] = frozenset()) -> SiteFile:
    """``docs``: the hand-written pages (docs-relative paths), linked to when they exist."""
    tz = brand.timezone
    local_now = now.astimezone(tz)
    src = CALENDAR
    lines = [
        *HIDE_TOC,
        "# " + _("Content calendar"),
        "",
        _("Posts are read from the `content/` folder, rules from the `brand/` folder. This page was generated "
          "as of {time} ({timezone}); \"upcoming\" means after that moment.").format(
            time=escape.text(labels.date_time(local_now)), timezone=escape.code(tz.key)),
        "",
        _("To add the calendar to your own calendar app, the iCalendar file: {link}.").format(
            link=f"[{FEED.rsplit('/', 1)[-1]}]({escape.relative(FEED, src)})"),
        "",
    ]
    lines += _crisis(brand, entries, src, docs)
    upcoming = [e for e in entries if e.when is not None and e.when >= local_now]
    lines += ["## " + _("Upcoming posts"), ""]
    if upcoming:
        shown = upcoming[:UPCOMING]
        if len(upcoming) > len(shown):
            count = ngettext("{n} post (the first {shown}; all of them on the month pages).",
                             "{n} posts (the first {shown}; all of them on the month pages).",
                             len(upcoming)).format(n=len(upcoming), shown=len(shown))
        else:
            count = ngettext("{n} post.", "{n} posts.", len(upcoming)).format(n=len(upcoming))
        lines += [count, ""]
        lines.append(escape.table(cells.header(), (cells.row(brand, e, src, with_year=True) for e in shown), cells.CSS))
    else:
        lines += [_("No post is planned after this moment."), ""]
    lines += _months(entries, src)
    lines += _counts(brand, entries, upcoming)
    undated = [e for e in entries if e.when is None]
    if undated:
        lines += ["## " + _("Posts without a date"), "",
                  _("The `date` of these posts is not a valid time; they could not be placed on the calendar."), ""]
        lines.append(escape.table(cells.header(), (cells.row(brand, e, src) for e in undated), cells.CSS))
    if unreadable:
        lines += ["## " + _("Unreadable files"), "",
                  ngettext("The front matter of {n} file could not be read; it is not on the calendar. "
                           "Run `ekip check` for the details.",
                           "The front matter of {n} files could not be read; they are not on the calendar. "
                           "Run `ekip check` for the details.", unreadable).format(n=unreadable), ""]
    return SiteFile(CALENDAR, "\n".join(lines), _("Overview"), in_nav=True, section=(_(SECTION),))


def held_by_crisis(brand: Brand, entries: Sequence[Entry]) -> list[Entry]:
    """Approved and scheduled posts dated after crisis mode began, without ``crisis: true``."""
    crisis = brand.crisis or {}
    if not crisis.get("active"):
        return []
    since = parse(crisis.get("since"), brand.timezone)
    return [
        e for e in entries
        if e.status in ("approved", "scheduled") and not e.crisis and e.when is not None
        and (since is None or e.when > since)
    ]


def _crisis(brand: Brand, entries: Sequence[Entry], src: str, docs: frozenset[str]) -> list[str]:
    crisis = brand.crisis or {}
    playbook = " (" + escape.link(_("Crisis handbook"), PLAYBOOK, src) + ")" if PLAYBOOK in docs else ""
    if not crisis.get("active"):
        return ["!!! success \"" + _("Crisis mode off") + "\"", "",
                "    " + _("No post is held. To declare a crisis: `ekip crisis start`{playbook}.").format(
                    playbook=playbook), ""]
    since = parse(crisis.get("since"), brand.timezone)
    facts = [_("Started: {time}").format(time=escape.text(labels.date_time(since.astimezone(brand.timezone))))
             if since else _("Started: not given")]
    if crisis.get("severity") is not None:
        facts.append(_("severity: {severity}").format(severity=escape.text(crisis["severity"])))
    if crisis.get("reason"):
        facts.append(_("reason: {reason}").format(reason=escape.text(crisis["reason"])))
    held = held_by_crisis(brand, entries)
    lines = ["!!! danger \"" + _("Crisis mode on") + "\"", "", "    " + "; ".join(facts) + ".", "",
             "    " + ngettext("Approved and scheduled posts without `crisis: true` are held: {n} post. "
                               "Pause them by hand in the scheduling tools{playbook}.",
                               "Approved and scheduled posts without `crisis: true` are held: {n} posts. "
                               "Pause them by hand in the scheduling tools{playbook}.",
                               len(held)).format(n=len(held), playbook=playbook), ""]
    if held:
        lines += ["### " + _("Posts held by crisis mode"), ""]
        lines.append(escape.table(cells.header(), (cells.row(brand, e, src, with_year=True) for e in held), cells.CSS))
    return lines


def _months(entries: Sequence[Entry], src: str) -> list[str]:
    counts = Counter(_month(e) for e in entries if e.when is not None)
    if not counts:
        return []
    lines = ["## " + _("Months"), ""]
    for ym in sorted(counts):
        lines.append("- " + ngettext("{month}: {n} post", "{month}: {n} posts", counts[ym]).format(
            month=escape.link(labels.month_name(*ym), month_page(*ym), src), n=counts[ym]))
    return [*lines, ""]


def _counts(brand: Brand, entries: Sequence[Entry], upcoming: Sequence[Entry]) -> list[str]:
    total = Counter(p for e in entries for p in e.platforms)
    ahead = Counter(p for e in upcoming for p in e.platforms)
    known = [p for p in brand.platforms if p in total] + sorted(p for p in total if p not in brand.platforms)
    lines = ["## " + _("By platform"), ""]
    lines.append(escape.table(
        (_("Platform"), _("Posts"), _("Upcoming")),
        ([cells.platforms(brand, [p]), str(total[p]), str(ahead[p])] for p in known),
    ))
    statuses = Counter(labels.EMBARGOED if e.embargoed else e.status for e in entries)
    order = [*labels.STATUSES, labels.EMBARGOED]
    keys = [s for s in order if s in statuses] + sorted(s for s in statuses if s not in order)
    lines += ["## " + _("By status"), "", _("Embargoed posts are counted apart until the embargo ends."), ""]
    lines.append(escape.table(
        (_("Status"), _("Posts")),
        ([_status_cell(s), str(statuses[s])] for s in keys),
    ))
    return lines


def _status_cell(status: str) -> str:
    if status == labels.EMBARGOED:
        return cells.embargo_badge()
    if status in labels.STATUSES:
        return f"{escape.text(labels.status(status))} ({escape.code(status)})"
    return escape.text(status) if status else _("no status")
