"""The report dict (``checks.metrics.report``) as text for a terminal, Markdown and CSV.
Numbers the handbook's way: ``49.440``, ``%2,0``; hours with one decimal."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from typing import Any

from checks.metrics.numbers import format_number, format_percent
from checks.metrics.report import iter_rows

PLATFORM_HEADER = ("Platform", "Gönderi", "Görüntüleme", "Erişim", "Etkileşim", "ER takipçi", "ER erişim",
                   "ER görüntüleme", "TO", "Ömür (sa)")


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
    out.append(("Platformlar", PLATFORM_HEADER,
                [group_row(g["platform"], g) for g in report["platforms"]] +
                ([group_row("Toplam", report["summary"])] if report["platforms"] else [])))
    out.append(("Takipçi büyümesi", ("Platform", "Başta", "Sonda", "Büyüme", "Kazanılan", "Kaybedilen"),
                [[f["platform"], _n(f["start"]) + (f" ({f['start_date']})" if f["start_date"] else ""),
                  _n(f["end"]) + (f" ({f['end_date']})" if f["end_date"] else ""),
                  _p(f["growth"]), _n(f["gained"]), _n(f["lost"])] for f in report["followers"]]))
    out.append(("Kampanyalar", ("Kampanya", "Gönderi", "Etkileşim", "ER erişim", "TO", "Oturum", "Dönüşüm",
                                "Dönüşüm oranı"),
                [[c["campaign"], str(c["posts"]), _n(c["engagement"]), _p(c["engagement_rate_reach"]), _p(c["ctr"]),
                  _n(c["sessions"]), _n(c["conversions"]), _p(c["conversion_rate"])] for c in report["campaigns"]]))
    out.append(("İçerik türleri", ("Tür", *PLATFORM_HEADER[1:]), [group_row(g["type"], g) for g in report["types"]]))
    out.append(("Yazarlar", ("Yazar", *PLATFORM_HEADER[1:]), [group_row(g["author"], g) for g in report["authors"]]))
    for key, title in (("top", "En iyi gönderiler"), ("bottom", "En zayıf gönderiler")):
        out.append((title, ("Platform", "Yayın", "Gönderi", "Etkileşim", "ER erişim", "ER görüntüleme"),
                    [[p["platform"], (p["published"] or "—")[:16].replace("T", " "), p["title"] or p["post_id"],
                      _n(p["engagement"]), _p(p["engagement_rate_reach"]), _p(p["engagement_rate_impressions"])]
                     for p in report[key]]))
    best = sorted((b for b in report["best_times"] if b["platform"] is None and b["engagement_rate"] is not None),
                  key=lambda b: -b["engagement_rate"])[:5]
    out.append(("En iyi paylaşım zamanları", ("Gün", "Saat", "Gönderi", "Ort. ER erişim"),
                [[b["weekday_name"], f"{b['hour']:02d}:00", str(b["posts"]), _p(b["engagement_rate"])] for b in best]))
    return out


def _period(report: dict[str, Any]) -> str:
    return f"{report['from'] or 'başlangıç'} – {report['to'] or 'bugün'}"


def text(report: dict[str, Any]) -> str:
    lines = [f"Rapor: {_period(report)} · {report['summary']['posts']} gönderi"
             + (f" ({report['unlinked']} tanesi bir gönderi dosyasına bağlı değil; `ekip metrics link`)"
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
    lines = [f"# Rapor: {_period(report)}", "", f"{report['summary']['posts']} gönderi."]
    for title, header, rows in sections(report):
        if not rows:
            continue
        lines += ["", f"## {title}", "", "| " + " | ".join(header) + " |",
                  "|" + "|".join(" --- " for _ in header) + "|"]
        lines += ["| " + " | ".join(_md_cell(c) for c in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def csv_text(report: dict[str, Any]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["section", "group", "metric", "value"])
    writer.writerows(iter_rows(report))  # the csv module writes None as an empty cell
    return out.getvalue()
