"""The calendar pages: the overview (``takvim/index.md``) and one page per brand-local month,
with one table per ISO week."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import datetime, timedelta
from itertools import groupby
from typing import TYPE_CHECKING

from checks.site import cells, escape, labels
from checks.site.entries import Entry
from checks.site.model import CALENDAR, FEED, SiteFile, month_page
from checks.timeutil import parse

if TYPE_CHECKING:
    from checks.brand.model import Brand

UPCOMING = 20  # posts listed on the overview
SECTION = "Takvim"
# The calendar tables need the width: no table of contents beside them.
HIDE_TOC = ["---", "hide:", "  - toc", "---", ""]
PLAYBOOK = "kriz/index.md"  # the crisis playbook in the hand-written handbook


def month_pages(brand: Brand, entries: Sequence[Entry]) -> list[SiteFile]:
    """One page per brand-local month that has posts; ``entries`` are in time order (the sorts
    by local month and week are stable: they only matter when a clock change moves local time
    back across a month or week boundary)."""
    dated = sorted((e for e in entries if e.when is not None), key=_month)
    by_month = [(ym, list(group)) for ym, group in groupby(dated, key=_month)]
    months = [ym for ym, _ in by_month]
    pages: list[SiteFile] = []
    for i, ((year, month), these) in enumerate(by_month):
        path = month_page(year, month)
        lines = [*HIDE_TOC, f"# {labels.month_name(year, month)}", ""]
        lines.append(f"{len(these)} gönderi. Saatler markanın saat dilimindedir "
                     f"({escape.code(brand.timezone.key)}); haftalar ISO haftasıdır (pazartesi–pazar).")
        lines += ["", escape.month_links(months, i, path, month_page, CALENDAR), ""]
        for (iso_year, week), group in groupby(sorted(these, key=_week), key=_week):
            lines += [f"## {week}. hafta: {_week_range(iso_year, week)}", ""]
            lines.append(escape.table(cells.HEADER, (cells.row(brand, e, path) for e in group), cells.CSS))
        pages.append(SiteFile(path, "\n".join(lines), labels.month_name(year, month), in_nav=True,
                              section=(SECTION, str(year))))
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
        return f"{labels.date(monday)} – {labels.date(sunday)}"
    if monday.month != sunday.month:
        return f"{monday.day} {labels.MONTHS[monday.month - 1]} – {labels.date(sunday)}"
    return f"{monday.day}–{labels.date(sunday)}"


def overview(brand: Brand, entries: Sequence[Entry], now: datetime, unreadable: int = 0,
             docs: frozenset[str] = frozenset()) -> SiteFile:
    """``docs``: the hand-written pages (docs-relative paths), linked to when they exist."""
    tz = brand.timezone
    local_now = now.astimezone(tz)
    src = CALENDAR
    lines = [
        *HIDE_TOC,
        "# İçerik takvimi",
        "",
        f"Gönderiler `content/` klasöründen, kurallar `brand/` klasöründen okunur. Sayfa "
        f"{escape.text(labels.date_time(local_now))} ({escape.code(tz.key)}) itibarıyla üretildi; "
        "\"yaklaşan\" bu andan sonrasıdır.",
        "",
        f"Takvimi kendi takvim uygulamanıza eklemek için iCalendar dosyası: "
        f"[{FEED.rsplit('/', 1)[-1]}]({escape.relative(FEED, src)}).",
        "",
    ]
    lines += _crisis(brand, entries, src, docs)
    upcoming = [e for e in entries if e.when is not None and e.when >= local_now]
    lines += ["## Yaklaşan gönderiler", ""]
    if upcoming:
        shown = upcoming[:UPCOMING]
        more = f" (ilk {len(shown)} tanesi; tamamı ay sayfalarında)" if len(upcoming) > len(shown) else ""
        lines += [f"{len(upcoming)} gönderi{more}.", ""]
        lines.append(escape.table(cells.HEADER, (cells.row(brand, e, src, with_year=True) for e in shown), cells.CSS))
    else:
        lines += ["Bu andan sonrasına planlanmış gönderi yok.", ""]
    lines += _months(entries, src)
    lines += _counts(brand, entries, upcoming)
    undated = [e for e in entries if e.when is None]
    if undated:
        lines += ["## Tarihi olmayan gönderiler", "",
                  "Bu gönderilerin `date` alanı geçerli bir zaman değil; takvime yerleştirilemediler.", ""]
        lines.append(escape.table(cells.HEADER, (cells.row(brand, e, src) for e in undated), cells.CSS))
    if unreadable:
        lines += ["## Okunamayan dosyalar", "",
                  f"{unreadable} dosyanın ön bilgisi (front matter) okunamadı; takvimde yoklar. "
                  "Ayrıntı için `ekip check` çalıştırın.", ""]
    return SiteFile(CALENDAR, "\n".join(lines), "Genel bakış", in_nav=True, section=(SECTION,))


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
    playbook = f" ({escape.link('Kriz el kitabı', PLAYBOOK, src)})" if PLAYBOOK in docs else ""
    if not crisis.get("active"):
        return ["!!! success \"Kriz modu kapalı\"", "",
                f"    Hiçbir gönderi bekletilmiyor. Kriz ilanı: `ekip crisis start`{playbook}.", ""]
    since = parse(crisis.get("since"), brand.timezone)
    facts = [f"Başlangıç: {escape.text(labels.date_time(since.astimezone(brand.timezone)))}" if since
             else "Başlangıç: belirtilmemiş"]
    if crisis.get("severity") is not None:
        facts.append(f"seviye: {escape.text(crisis['severity'])}")
    if crisis.get("reason"):
        facts.append(f"neden: {escape.text(crisis['reason'])}")
    held = held_by_crisis(brand, entries)
    lines = ["!!! danger \"Kriz modu açık\"", "", "    " + "; ".join(facts) + ".", "",
             f"    `crisis: true` olmayan onaylı ve zamanlanmış gönderiler bekletiliyor: {len(held)} gönderi. "
             f"Bunları planlama araçlarında elle duraklatın{playbook}.", ""]
    if held:
        lines += ["### Kriz modunun beklettiği gönderiler", ""]
        lines.append(escape.table(cells.HEADER, (cells.row(brand, e, src, with_year=True) for e in held), cells.CSS))
    return lines


def _months(entries: Sequence[Entry], src: str) -> list[str]:
    counts = Counter(_month(e) for e in entries if e.when is not None)
    if not counts:
        return []
    lines = ["## Aylar", ""]
    for ym in sorted(counts):
        lines.append(f"- {escape.link(labels.month_name(*ym), month_page(*ym), src)}: {counts[ym]} gönderi")
    return [*lines, ""]


def _counts(brand: Brand, entries: Sequence[Entry], upcoming: Sequence[Entry]) -> list[str]:
    total = Counter(p for e in entries for p in e.platforms)
    ahead = Counter(p for e in upcoming for p in e.platforms)
    known = [p for p in brand.platforms if p in total] + sorted(p for p in total if p not in brand.platforms)
    lines = ["## Platformlara göre", ""]
    lines.append(escape.table(
        ("Platform", "Gönderi", "Yaklaşan"),
        ([cells.platforms(brand, [p]), str(total[p]), str(ahead[p])] for p in known),
    ))
    statuses = Counter(labels.EMBARGOED if e.embargoed else e.status for e in entries)
    order = [*labels.STATUSES, labels.EMBARGOED]
    keys = [s for s in order if s in statuses] + sorted(s for s in statuses if s not in order)
    lines += ["## Durumlara göre", "", "Ambargolu gönderiler, ambargo bitene kadar ayrı sayılır.", ""]
    lines.append(escape.table(
        ("Durum", "Gönderi"),
        ([_status_cell(s), str(statuses[s])] for s in keys),
    ))
    return lines


def _status_cell(status: str) -> str:
    if status == labels.EMBARGOED:
        return cells.EMBARGO_BADGE
    if status in labels.STATUSES:
        return f"{escape.text(labels.status(status))} ({escape.code(status)})"
    return escape.text(status) if status else "durum yok"
