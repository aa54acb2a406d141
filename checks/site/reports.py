"""The "Raporlar" section: an overview (``raporlar/index.md``) and one page per brand-local
month (``raporlar/<yyyy>/<mm>.md``) with the handbook's KPIs from ``checks.metrics.report``:
a table per platform, followers over time, engagement, best and weakest posts, a weekday ×
hour heatmap, campaign conversion, content types and authors. Every chart is inline SVG with
its data table beside it (``checks.site.charts``).

A post under embargo is never named: its rows say "embargoed post" without a link. Posts
that no post file claims are shown by platform and id.
"""

from __future__ import annotations

import calendar as cal
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from checks.datenames import WEEKDAYS_SHORT, month_short
from checks.i18n import N_, _, ngettext
from checks.metrics import report as rep
from checks.metrics.numbers import format_number, format_percent
from checks.site import charts, escape, labels
from checks.site.entries import Entry, member_name
from checks.site.model import SiteFile

if TYPE_CHECKING:
    from checks.brand.model import Brand
    from checks.metrics.dataset import Dataset

SECTION = N_("Reports")  # the navigation section; translated where the pages are made
INDEX = "raporlar/index.md"
HOURS = [f"{hr:02d}" for hr in range(24)]
HIDE_TOC = ["---", "hide:", "  - toc", "---", ""]  # the charts and their tables need the width


def report_page(year: int, month: int) -> str:
    return f"raporlar/{year:04d}/{month:02d}.md"


def _p(v: Any) -> str:
    return format_percent(v) if isinstance(v, (int, float)) else "—"


def _n(v: Any) -> str:
    return format_number(v) if isinstance(v, (int, float)) else "—"


def _h(v: Any) -> str:
    return format_number(v, 1) if isinstance(v, (int, float)) else "—"


def _platform(brand: Brand, pid: str) -> str:
    return brand.platforms[pid].name if pid in brand.platforms else pid


def report_pages(brand: Brand, data: Dataset | None, entries: Sequence[Entry]) -> list[SiteFile]:
    """The overview and the month pages; without ``data`` (no ``metrics/`` folder) only the
    overview, which says how to import numbers."""
    if data is None:
        lines = [*HIDE_TOC, "# " + _(SECTION), "", _("No metrics imported yet. Bring the platforms' analytics exports "
                                                      "into the `metrics/` folder with `ekip metrics import FILE ...`; "
                                                      "this section then shows a report page for every month."), ""]
        return [SiteFile(INDEX, "\n".join(lines), _("Overview"), in_nav=True, section=(_(SECTION),))]
    by_path = {e.post.path: e for e in entries}
    months = rep.months(data)
    pages = [_overview(brand, data, months, by_path)]
    for i, (year, month) in enumerate(months):
        start = date(year, month, 1)
        end = date(year, month, cal.monthrange(year, month)[1])
        doc = rep.build(data, start, end)
        path = report_page(year, month)
        title = labels.month_name(year, month)
        posts = doc["summary"]["posts"]
        lines = [*HIDE_TOC, "# " + _("{month} report").format(month=title), "",
                 ngettext("{n} post published ({start} – {end}, {timezone}). The numbers are from the last "
                          "import in the `metrics/` folder; rates are computed as on the handbook's "
                          "[Metrics]({metrics}) page.",
                          "{n} posts published ({start} – {end}, {timezone}). The numbers are from the last "
                          "import in the `metrics/` folder; rates are computed as on the handbook's "
                          "[Metrics]({metrics}) page.",
                          posts).format(n=posts, start=start.isoformat(), end=end.isoformat(),
                                        timezone=escape.code(brand.timezone.key), metrics="../../metrikler.md"), "",
                 escape.month_links(months, i, path, report_page, INDEX), ""]
        if doc["unlinked"]:
            lines += [ngettext("{n} post row is not linked to any post file (`ekip metrics link`).",
                               "{n} post rows are not linked to any post file (`ekip metrics link`).",
                               doc["unlinked"]).format(n=doc["unlinked"]), ""]
        lines += _body(brand, doc, data, path, by_path, start, end)
        pages.append(SiteFile(path, "\n".join(lines), title, in_nav=True, section=(_(SECTION), str(year))))
    return pages


def _overview(brand: Brand, data: Dataset, months: list[tuple[int, int]], by_path: dict[str, Entry]) -> SiteFile:
    doc = rep.build(data)
    lines = [*HIDE_TOC, "# " + _(SECTION), "",
             _("Made from the platforms' analytics exports (`ekip metrics import`) and the posts' `posted:` links "
               "(`ekip metrics link`); `ekip report` gives the same numbers in the terminal."), ""]
    if not data.stats and not data.followers:
        lines += [_("No metrics imported yet: `ekip metrics import FILE ...`"), ""]
        return SiteFile(INDEX, "\n".join(lines), _("Overview"), in_nav=True, section=(_(SECTION),))
    lines += ["## " + _("Months"), ""]
    for ym in months:
        lines.append(f"- {escape.link(labels.month_name(*ym), report_page(*ym), INDEX)}")
    lines += ["", "## " + _("Whole period"), ""]
    lines += _platform_table(brand, doc)
    lines += _followers(brand, doc, data, None, None)
    return SiteFile(INDEX, "\n".join(lines), _("Overview"), in_nav=True, section=(_(SECTION),))


def _platform_table(brand: Brand, doc: dict[str, Any]) -> list[str]:
    header = (_("Platform"), _("Posts"), _("Impressions"), _("Reach"), _("Engagement"), _("ER (followers)"),
              _("ER (reach)"), _("ER (impressions)"), _("CTR"), _("Content lifetime (h)"))

    def row(name: str, g: dict[str, Any]) -> list[str]:
        return [escape.text(name), str(g["posts"]), _n(g["impressions"]), _n(g["reach"]), _n(g["engagement"]),
                _p(g["engagement_rate_followers"]), _p(g["engagement_rate_reach"]),
                _p(g["engagement_rate_impressions"]), _p(g["ctr"]), _h(g["lifetime_hours"])]

    rows = [row(_platform(brand, g["platform"]), g) for g in doc["platforms"]]
    if not rows:
        return [_("No post with numbers was published in this period."), ""]
    rows.append(row(_("Total"), doc["summary"]))
    return [escape.table(header, rows), ""]


def _followers(brand: Brand, doc: dict[str, Any], data: Dataset, start: date | None, end: date | None) -> list[str]:
    growth = [f for f in doc["followers"] if f["series"]]
    if not growth:
        return []
    days = sorted({d for f in growth for d, _value in f["series"]})
    series: dict[str, Sequence[float | None]] = {}
    for f in growth:  # growth since the first count of the period, so that platforms of any size compare
        values = dict((d, v) for d, v in f["series"])
        base = f["start"] or f["series"][0][1]
        series[_platform(brand, f["platform"])] = [round((values[d] - base) / base * 100, 2) if d in values and base
                                                   else None for d in days]
    short = [_("{day} {month}").format(day=int(d[8:10]), month=month_short(int(d[5:7]))) for d in days]
    chart = charts.line_chart(_("Follower growth (against the start of the period, %)"), short, series,
                              lambda v: format_percent(v))
    table = escape.table((_("Platform"), _("At the start"), _("At the end"), _("Growth"), _("Gained"), _("Lost")),
                         [[escape.text(_platform(brand, f["platform"])), _n(f["start"]), _n(f["end"]), _p(f["growth"]),
                           _n(f["gained"]), _n(f["lost"])] for f in doc["followers"]])
    return ["## " + _("Followers"), "", chart, "", table, ""]


def _post_cell(p: dict[str, Any], source: str, by_path: dict[str, Entry], brand: Brand) -> str:
    entry = by_path.get(p["path"]) if p["path"] else None
    if entry is not None and entry.embargoed:
        return _("embargoed post")
    if entry is not None and entry.page is not None:
        return escape.link(entry.title, entry.page, source)
    return _("{platform} {post_id} (no file)").format(platform=escape.text(_platform(brand, p["platform"])),
                                                      post_id=escape.code(p["post_id"]))


def _body(brand: Brand, doc: dict[str, Any], data: Dataset, path: str, by_path: dict[str, Entry], start: date,
          end: date) -> list[str]:
    lines = ["## " + _("Summary"), ""]
    lines += _platform_table(brand, doc)
    lines += _followers(brand, doc, data, start, end)
    if doc["platforms"]:
        items = [(_platform(brand, g["platform"]), g["engagement_rate_reach"] if g["engagement_rate_reach"] is not None
                  else g["engagement_rate_impressions"]) for g in doc["platforms"]]
        lines += ["## " + _("Engagement"), "",
                  _("Engagement = likes + comments + shares + saves + link clicks. On a platform that gives no reach "
                    "(X) the rate is against impressions."), "",
                  charts.bar_chart(_("Average engagement rate by platform (against reach)"), items,
                                   lambda v: format_percent(v), _("Platform"), _("ER"),
                                   extra=[(_("Engagement"), [_n(g["engagement"]) for g in doc["platforms"]]),
                                          (_("Posts"), [str(g["posts"]) for g in doc["platforms"]])]), ""]
        by_day: dict[str, int] = {}
        for p in doc["posts"]:
            if p["published"]:
                by_day[p["published"][:10]] = by_day.get(p["published"][:10], 0) + p["engagement"]
        days = [date.fromordinal(o).isoformat() for o in range(start.toordinal(), end.toordinal() + 1)]
        lines += [charts.line_chart(_("Total engagement by day of publishing"), [str(int(d[8:10])) for d in days],
                                    {_("Engagement"): [by_day.get(d, 0) for d in days]}, lambda v: format_number(v),
                                    table_header=_("Day")), ""]
    for key, title in (("top", N_("Best posts")), ("bottom", N_("Weakest posts"))):
        if doc[key]:
            lines += ["## " + _(title), "", escape.table(
                (_("Post"), _("Platform"), _("Published"), _("Engagement"), _("ER (reach)"), _("ER (impressions)"),
                 _("CTR")),
                [[_post_cell(p, path, by_path, brand), escape.text(_platform(brand, p["platform"])),
                  escape.text((p["published"] or "—")[:16].replace("T", " ")), _n(p["engagement"]),
                  _p(p["engagement_rate_reach"]), _p(p["engagement_rate_impressions"]), _p(p["ctr"])]
                 for p in doc[key]]), ""]
    cells = {(b["weekday"], b["hour"]): (b["engagement_rate"], b["posts"]) for b in doc["best_times"]
             if b["platform"] is None and b["engagement_rate"] is not None}
    if cells:
        lines += ["## " + _("Best times to post"), "",
                  _("Average engagement rate by day and hour of publishing (against reach; all platforms). "
                    "A darker cell means a higher rate."), "",
                  charts.heatmap(_("Day × hour: average engagement rate"), [_(d) for d in WEEKDAYS_SHORT], HOURS,
                                 cells, lambda v: format_percent(v)), ""]
    campaigns = [c for c in doc["campaigns"] if c["conversion_rate"] is not None or c["posts"]]
    if campaigns:
        lines += ["## " + _("Campaigns"), "",
                  _("Conversion rate = conversions with the campaign's UTM ÷ sessions with the campaign's UTM × 100 "
                    "(GA4)."), ""]
        chart = charts.bar_chart(_("Conversion rate by campaign"), [(c["campaign"], c["conversion_rate"])
                                                                   for c in campaigns],
                                 lambda v: format_percent(v), _("Campaign"), _("Conversion rate"),
                                 extra=[(_("Sessions"), [_n(c["sessions"]) for c in campaigns]),
                                        (_("Conversions"), [_n(c["conversions"]) for c in campaigns]),
                                        (_("Posts"), [str(c["posts"]) for c in campaigns]),
                                        (_("ER (reach)"), [_p(c["engagement_rate_reach"]) for c in campaigns])])
        lines += [chart or _("No GA4 data for this period."), ""]
    for key, title, column, name in (("types", N_("Content types"), N_("Content type"), "type"),
                                     ("authors", N_("Authors"), N_("Author"), "author")):
        if doc[key]:
            lines += ["## " + _(title), "", escape.table(
                (_(column), _("Posts"), _("Engagement"), _("ER (reach)"), _("ER (impressions)"),
                 _("Content lifetime (h)")),
                [[escape.text(member_name(brand, g[name]) if key == "authors" else g[name]), str(g["posts"]),
                  _n(g["engagement"]), _p(g["engagement_rate_reach"]),
                  _p(g["engagement_rate_impressions"]), _h(g["lifetime_hours"])] for g in doc[key]]), ""]
    return lines
