"""The report dict (``checks.metrics.report``) as text for a terminal, Markdown and CSV.
Numbers the handbook's way: ``49.440``, ``%2,0``; hours with one decimal."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from typing import Any

from checks.i18n import N_, _, ngettext
from checks.metrics.numbers import format_number, format_percent
from checks.metrics.report import iter_rows

# TRANSLATORS: report table headings; ER = engagement rate, CTR = click-through rate
PLATFORM_HEADER = (N_("Platform"), N_("Posts"), N_("Impressions"), N_("Reach"), N_("Engagement"),
                   N_("ER followers"), N_("ER reach"), N_("ER impressions"), N_("CTR"), N_("Lifetime (h)"))


def _heads(*names: str) -> tuple[str, ...]:
    """Headings in the run's language."""
    return tuple(_(n) for n in names)


def _n(value: Any) -> str:
    return format_number(value) if isinstance(value, (int, float)) else "—"


def _p(value: Any) -> str:
    return format_percent(value) if isinstance(value, (int, float)) else "—"


def _h(value: Any) -> str:
    return format_number(value, 1) if isinstance(value, (int, float)) else "—"


def group_row(name: str, g: dict[str, Any]) -> list[str]:
    return [name, str(g["posts"]), _n(g["impressions"]), _n(g["reach"]), _n(g["engagement"]),
            _p(g["engagement_rate_followers"]), _p(g["engagement_rate_reach"]), _p(g["engagement_rate_impressions"]),
            _p(g["ctr"]), _h(g["lifetime_hours"])]


def sections(report: dict[str, Any]) -> list[tuple[str, Sequence[str], list[list[str]]]]:
    """(title, header, rows) of every table of the report."""
    out: list[tuple[str, Sequence[str], list[list[str]]]] = []
    platform_header = _heads(*PLATFORM_HEADER)
    out.append((_("Platforms"), platform_header,
                [group_row(g["platform"], g) for g in report["platforms"]] +
                ([group_row(_("Total"), report["summary"])] if report["platforms"] else [])))
    out.append((_("Follower growth"), _heads(N_("Platform"), N_("At start"), N_("At end"), N_("Growth"),
                                             N_("Gained"), N_("Lost")),
                [[f["platform"], _n(f["start"]) + (f" ({f['start_date']})" if f["start_date"] else ""),
                  _n(f["end"]) + (f" ({f['end_date']})" if f["end_date"] else ""),
                  _p(f["growth"]), _n(f["gained"]), _n(f["lost"])] for f in report["followers"]]))
    out.append((_("Campaigns"), _heads(N_("Campaign"), N_("Posts"), N_("Engagement"), N_("ER reach"), N_("CTR"),
                                       N_("Sessions"), N_("Conversions"), N_("Conversion rate")),
                [[c["campaign"], str(c["posts"]), _n(c["engagement"]), _p(c["engagement_rate_reach"]), _p(c["ctr"]),
                  _n(c["sessions"]), _n(c["conversions"]), _p(c["conversion_rate"])] for c in report["campaigns"]]))
    out.append((_("Content types"), (_("Type"), *platform_header[1:]),
                [group_row(g["type"], g) for g in report["types"]]))
    out.append((_("Authors"), (_("Author"), *platform_header[1:]),
                [group_row(g["author"], g) for g in report["authors"]]))
    for key, title in (("top", N_("Best posts")), ("bottom", N_("Weakest posts"))):
        out.append((_(title), _heads(N_("Platform"), N_("Published"), N_("Post"), N_("Engagement"), N_("ER reach"),
                                     N_("ER impressions")),
                    [[p["platform"], (p["published"] or "—")[:16].replace("T", " "), p["title"] or p["post_id"],
                      _n(p["engagement"]), _p(p["engagement_rate_reach"]), _p(p["engagement_rate_impressions"])]
                     for p in report[key]]))
    best = sorted((b for b in report["best_times"] if b["platform"] is None and b["engagement_rate"] is not None),
                  key=lambda b: -b["engagement_rate"])[:5]
    out.append((_("Best times to post"), _heads(N_("Day"), N_("Hour"), N_("Posts"), N_("Avg. ER reach")),
                [[b["weekday_name"], f"{b['hour']:02d}:00", str(b["posts"]), _p(b["engagement_rate"])] for b in best]))
    return out


def _period(report: dict[str, Any]) -> str:
    return _("{start} – {end}").format(start=report["from"] or _("the beginning"), end=report["to"] or _("today"))


def text(report: dict[str, Any]) -> str:
    posts = report["summary"]["posts"]
    lines = [ngettext("Report: {period} · {n} post", "Report: {period} · {n} posts", posts).format(
                 period=_period(report), n=posts)
             + (_(" ({n} of them not linked to a post file; `ekip metrics link`)").format(n=report["unlinked"])
                if report["unlinked"] else "")]
    for title, header, rows in sections(report):
        if not rows:
            continue
        lines += ["", title]
        widths = [max(len(str(c)) for c in col) for col in zip(header, *rows, strict=True)]
        for row in (header, *rows):
            lines.append("  " + "  ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())
    return "\n".join(lines) + "\n"


def _md_cell(value: str) -> str:
    return value.replace("|", "\\|").replace("\n", " ")


def markdown(report: dict[str, Any]) -> str:
    lines = ["# " + _("Report: {period}").format(period=_period(report)), "",
             ngettext("{n} post.", "{n} posts.", report["summary"]["posts"]).format(n=report["summary"]["posts"])]
    for title, header, rows in sections(report):
        if not rows:
            continue
        lines += ["", f"## {title}", "", "| " + " | ".join(header) + " |",
                  "|" + "|".join(" --- " for _cell in header) + "|"]
        lines += ["| " + " | ".join(_md_cell(c) for c in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def csv_text(report: dict[str, Any]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["section", "group", "metric", "value"])
    writer.writerows(iter_rows(report))  # the csv module writes None as an empty cell
    return out.getvalue()
