"""The "Raporlar" section: an overview (``raporlar/index.md``) and one page per brand-local
month (``raporlar/<yyyy>/<mm>.md``) with the handbook's KPIs from ``checks.metrics.report``:
a table per platform, followers over time, engagement, best and weakest posts, a weekday ×
hour heatmap, campaign conversion, content types and authors. Every chart is inline SVG with
its data table beside it (``checks.site.charts``).

A post under embargo is never named: its rows show "ambargolu gönderi" without a link. Posts
that no post file claims are shown by platform and id.
"""

from __future__ import annotations

import calendar as cal
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from checks.metrics import report as rep
from checks.metrics.numbers import format_number, format_percent
from checks.site import charts, escape, labels
from checks.site.entries import Entry, member_name
from checks.site.model import SiteFile

if TYPE_CHECKING:
    from checks.brand.model import Brand
    from checks.metrics.dataset import Dataset

SECTION = "Raporlar"
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
        lines = [*HIDE_TOC, "# Raporlar", "", "Henüz içe aktarılmış metrik yok. Platformların analiz dışa "
                 "aktarımlarını `ekip metrics import DOSYA ...` ile `metrics/` klasörüne alın; bu bölüm her ay "
                 "için bir rapor sayfası gösterir.", ""]
        return [SiteFile(INDEX, "\n".join(lines), "Genel bakış", in_nav=True, section=(SECTION,))]
    by_path = {e.post.path: e for e in entries}
    months = rep.months(data)
    pages = [_overview(brand, data, months, by_path)]
    for i, (year, month) in enumerate(months):
        start = date(year, month, 1)
        end = date(year, month, cal.monthrange(year, month)[1])
        doc = rep.build(data, start, end)
        path = report_page(year, month)
        title = labels.month_name(year, month)
        lines = [*HIDE_TOC, f"# {title} raporu", "",
                 f"{doc['summary']['posts']} gönderi yayımlandı ({start.isoformat()} – {end.isoformat()}, "
                 f"{escape.code(brand.timezone.key)}). Sayılar `metrics/` klasöründeki son içe aktarımdan; "
                 "oranlar el kitabının [Metrikler](../../metrikler.md) sayfasındaki gibi hesaplanır.", "",
                 escape.month_links(months, i, path, report_page, INDEX), ""]
        if doc["unlinked"]:
            lines += [f"{doc['unlinked']} gönderi satırı hiçbir gönderi dosyasına bağlı değil "
                      "(`ekip metrics link`).", ""]
        lines += _body(brand, doc, data, path, by_path, start, end)
        pages.append(SiteFile(path, "\n".join(lines), title, in_nav=True, section=(SECTION, str(year))))
    return pages


def _overview(brand: Brand, data: Dataset, months: list[tuple[int, int]], by_path: dict[str, Entry]) -> SiteFile:
    doc = rep.build(data)
    lines = [*HIDE_TOC, "# Raporlar", "",
             "Platformların analiz dışa aktarımlarından (`ekip metrics import`) ve gönderilerin `posted:` "
             "bağlantılarından (`ekip metrics link`) üretilir; aynı sayıları terminalde `ekip report` verir.", ""]
    if not data.stats and not data.followers:
        lines += ["Henüz içe aktarılmış metrik yok: `ekip metrics import DOSYA ...`", ""]
        return SiteFile(INDEX, "\n".join(lines), "Genel bakış", in_nav=True, section=(SECTION,))
    lines += ["## Aylar", ""]
    for ym in months:
        lines.append(f"- {escape.link(labels.month_name(*ym), report_page(*ym), INDEX)}")
    lines += ["", "## Tüm dönem", ""]
    lines += _platform_table(brand, doc)
    lines += _followers(brand, doc, data, None, None)
    return SiteFile(INDEX, "\n".join(lines), "Genel bakış", in_nav=True, section=(SECTION,))


def _platform_table(brand: Brand, doc: dict[str, Any]) -> list[str]:
    header = ("Platform", "Gönderi", "Görüntüleme", "Erişim", "Etkileşim", "ER (takipçi)", "ER (erişim)",
              "ER (görüntüleme)", "TO", "İçerik ömrü (sa)")

    def row(name: str, g: dict[str, Any]) -> list[str]:
        return [escape.text(name), str(g["posts"]), _n(g["impressions"]), _n(g["reach"]), _n(g["engagement"]),
                _p(g["engagement_rate_followers"]), _p(g["engagement_rate_reach"]),
                _p(g["engagement_rate_impressions"]), _p(g["ctr"]), _h(g["lifetime_hours"])]

    rows = [row(_platform(brand, g["platform"]), g) for g in doc["platforms"]]
    if not rows:
        return ["Bu dönemde yayımlanmış, sayısı olan gönderi yok.", ""]
    rows.append(row("Toplam", doc["summary"]))
    return [escape.table(header, rows), ""]


def _followers(brand: Brand, doc: dict[str, Any], data: Dataset, start: date | None, end: date | None) -> list[str]:
    growth = [f for f in doc["followers"] if f["series"]]
    if not growth:
        return []
    days = sorted({d for f in growth for d, _ in f["series"]})
    series: dict[str, Sequence[float | None]] = {}
    for f in growth:  # growth since the first count of the period, so that platforms of any size compare
        values = dict((d, v) for d, v in f["series"])
        base = f["start"] or f["series"][0][1]
        series[_platform(brand, f["platform"])] = [round((values[d] - base) / base * 100, 2) if d in values and base
                                                   else None for d in days]
    short = [f"{int(d[8:10])} {labels.MONTHS[int(d[5:7]) - 1][:3]}" for d in days]
    chart = charts.line_chart("Takipçi büyümesi (dönem başına göre, %)", short, series,
                              lambda v: format_percent(v))
    table = escape.table(("Platform", "Başta", "Sonda", "Büyüme", "Kazanılan", "Kaybedilen"),
                         [[escape.text(_platform(brand, f["platform"])), _n(f["start"]), _n(f["end"]), _p(f["growth"]),
                           _n(f["gained"]), _n(f["lost"])] for f in doc["followers"]])
    return ["## Takipçiler", "", chart, "", table, ""]


def _post_cell(p: dict[str, Any], source: str, by_path: dict[str, Entry], brand: Brand) -> str:
    entry = by_path.get(p["path"]) if p["path"] else None
    if entry is not None and entry.embargoed:
        return labels.EMBARGOED + " gönderi"
    if entry is not None and entry.page is not None:
        return escape.link(entry.title, entry.page, source)
    return f"{escape.text(_platform(brand, p['platform']))} {escape.code(p['post_id'])} (dosyası yok)"


def _body(brand: Brand, doc: dict[str, Any], data: Dataset, path: str, by_path: dict[str, Entry], start: date,
          end: date) -> list[str]:
    lines = ["## Özet", ""]
    lines += _platform_table(brand, doc)
    lines += _followers(brand, doc, data, start, end)
    if doc["platforms"]:
        items = [(_platform(brand, g["platform"]), g["engagement_rate_reach"] if g["engagement_rate_reach"] is not None
                  else g["engagement_rate_impressions"]) for g in doc["platforms"]]
        lines += ["## Etkileşim", "",
                  "Etkileşim = beğeni + yorum + paylaşım + kaydetme + bağlantı tıklaması. Erişim vermeyen "
                  "platformda (X) oran görüntülemeye göredir.", "",
                  charts.bar_chart("Platformlara göre ortalama etkileşim oranı (erişime göre)", items,
                                   lambda v: format_percent(v), "Platform", "ER",
                                   extra=[("Etkileşim", [_n(g["engagement"]) for g in doc["platforms"]]),
                                          ("Gönderi", [str(g["posts"]) for g in doc["platforms"]])]), ""]
        by_day: dict[str, int] = {}
        for p in doc["posts"]:
            if p["published"]:
                by_day[p["published"][:10]] = by_day.get(p["published"][:10], 0) + p["engagement"]
        days = [date.fromordinal(o).isoformat() for o in range(start.toordinal(), end.toordinal() + 1)]
        lines += [charts.line_chart("Yayın gününe göre toplam etkileşim", [str(int(d[8:10])) for d in days],
                                    {"Etkileşim": [by_day.get(d, 0) for d in days]}, lambda v: format_number(v),
                                    table_header="Gün"), ""]
    for key, title in (("top", "En iyi gönderiler"), ("bottom", "En zayıf gönderiler")):
        if doc[key]:
            lines += [f"## {title}", "", escape.table(
                ("Gönderi", "Platform", "Yayın", "Etkileşim", "ER (erişim)", "ER (görüntüleme)", "TO"),
                [[_post_cell(p, path, by_path, brand), escape.text(_platform(brand, p["platform"])),
                  escape.text((p["published"] or "—")[:16].replace("T", " ")), _n(p["engagement"]),
                  _p(p["engagement_rate_reach"]), _p(p["engagement_rate_impressions"]), _p(p["ctr"])]
                 for p in doc[key]]), ""]
    cells = {(b["weekday"], b["hour"]): (b["engagement_rate"], b["posts"]) for b in doc["best_times"]
             if b["platform"] is None and b["engagement_rate"] is not None}
    if cells:
        lines += ["## En iyi paylaşım zamanları", "",
                  "Yayın gününe ve saatine göre ortalama etkileşim oranı (erişime göre; tüm platformlar). "
                  "Koyu hücre daha yüksek oran demektir.", "",
                  charts.heatmap("Gün × saat: ortalama etkileşim oranı", labels.WEEKDAYS, HOURS, cells,
                                 lambda v: format_percent(v)), ""]
    campaigns = [c for c in doc["campaigns"] if c["conversion_rate"] is not None or c["posts"]]
    if campaigns:
        lines += ["## Kampanyalar", "",
                  "Dönüşüm oranı = kampanya UTM'li dönüşüm ÷ kampanya UTM'li oturum × 100 (GA4).", ""]
        chart = charts.bar_chart("Kampanyalara göre dönüşüm oranı", [(c["campaign"], c["conversion_rate"])
                                                                      for c in campaigns],
                                 lambda v: format_percent(v), "Kampanya", "Dönüşüm oranı",
                                 extra=[("Oturum", [_n(c["sessions"]) for c in campaigns]),
                                        ("Dönüşüm", [_n(c["conversions"]) for c in campaigns]),
                                        ("Gönderi", [str(c["posts"]) for c in campaigns]),
                                        ("ER (erişim)", [_p(c["engagement_rate_reach"]) for c in campaigns])])
        lines += [chart or "Bu dönem için GA4 verisi yok.", ""]
    for key, title, name in (("types", "İçerik türleri", "type"), ("authors", "Yazarlar", "author")):
        if doc[key]:
            lines += [f"## {title}", "", escape.table(
                (title[:-3] if key == "types" else "Yazar", "Gönderi", "Etkileşim", "ER (erişim)", "ER (görüntüleme)",
                 "İçerik ömrü (sa)"),
                [[escape.text(member_name(brand, g[name]) if key == "authors" else g[name]), str(g["posts"]),
                  _n(g["engagement"]), _p(g["engagement_rate_reach"]),
                  _p(g["engagement_rate_impressions"]), _h(g["lifetime_hours"])] for g in doc[key]]), ""]
    return lines
