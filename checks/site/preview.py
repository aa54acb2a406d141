"""A post's preview page: what will be published, how long it is for each platform, and what
``ekip check`` finds in it. Never built for an embargoed post.

The page is HTML written here (every team-written string through ``html.escape``; the post's
text through ``render.post_html``), not Markdown: with thousands of posts, Markdown processing
of these pages would be a large part of the build. Only the title and the text are
searchable: the fact, length and findings sections are ``html_unindexed`` (and carry
``data-search-exclude`` as well), so that the search index holds one entry per post.
"""

from __future__ import annotations

from collections.abc import Mapping
from html import escape as h
from typing import TYPE_CHECKING

from checks.i18n import _
from checks.site import labels
from checks.site.entries import Entry, member_name
from checks.site.model import CALENDAR, GUIDE, SiteFile, file_href, href, media_path, month_page
from checks.site.render import post_html
from checks.text.counting import COUNTINGS, length
from checks.timeutil import parse

if TYPE_CHECKING:
    from collections.abc import Sequence

    from checks.brand.model import Brand
    from checks.metrics.dataset import PostStats


def preview_page(brand: Brand, entry: Entry, directory_urls: bool = True,
                 stats: Sequence[PostStats] = (), media: Mapping[str, bytes] | None = None) -> SiteFile:
    """``stats``: the post's imported numbers, one per platform it went to (shown once it is
    published or archived); ``media``: repository path -> bytes of the images that are published
    with the site (``source.read_media``)."""
    assert entry.page is not None and not entry.embargoed
    src = entry.page

    def link(label: str, target: str) -> str:
        return f'<a href="{h(href(target, src, directory_urls))}">{h(label)}</a>'

    back = []
    if entry.when is not None:
        ym = (entry.when.year, entry.when.month)
        back.append("← " + link(labels.month_name(*ym), month_page(*ym)))
    back.append(link("Genel bakış", CALENDAR))
    text = entry.post.text  # counted as it is; shown with personal data masked (entry.public_text)
    shown = entry.public_text
    parts = [
        f"<h1>{h(entry.title)}</h1>",
        f"<p><strong>{_summary(brand, entry)}</strong></p>",
        f"<p>{' · '.join(back)}</p>",
        '<p class="ekip-etiket">Metin</p>',
        f'<div class="ekip-gonderi">{post_html(shown)}</div>' if text else "<p><em>Gönderinin metni boş.</em></p>",
        *_media(entry, src, directory_urls, media or {}),
    ]
    unindexed = [
        "<div data-search-exclude>",
        '<h2 id="bilgiler" data-search-exclude>Bilgiler</h2>',
        _table(("Alan", "Değer"), _facts(brand, entry)),
        *(_numbers(brand, stats) if entry.status in ("published", "archived") else []),
        *_lengths(brand, entry, text),
        *_findings(entry, href(GUIDE, src, directory_urls)),
        "</div>",
    ]
    return SiteFile(src, "", entry.title, html="\n".join(parts), html_unindexed="\n".join(unindexed))


def _table(header: tuple[str, ...], rows: list[list[str]]) -> str:
    """An HTML table; cells are HTML already."""
    head = "".join(f"<th>{h(c)}</th>" for c in header)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _code(value: object) -> str:
    return f"<code>{h(str(value))}</code>"


def _platforms(brand: Brand, ids: list[str]) -> str:
    return h(", ".join(brand.platforms[p].name if p in brand.platforms else p for p in ids)) or "—"


def _summary(brand: Brand, entry: Entry) -> str:
    """One line under the title: when, where, status, who."""
    parts = [h(labels.date_time(entry.when)) if entry.when else "tarih yok",
             _platforms(brand, entry.platforms), h(labels.status(entry.status))]
    if entry.author:
        parts.append(h(member_name(brand, entry.author)))
    return " · ".join(parts)


def _member(brand: Brand, member: str) -> str:
    if not member:
        return "—"
    name = member_name(brand, member)
    return h(name) if name == member else f"{h(name)} ({_code(member)})"


def _facts(brand: Brand, entry: Entry) -> list[list[str]]:
    tz = brand.timezone
    front = entry.post.front
    when = f"{h(labels.date_time(entry.when))} ({_code(tz.key)})" if entry.when else "geçerli bir tarih yok"
    status = f"{h(labels.status(entry.status))} ({_code(entry.status)})" if entry.status else "—"
    rows = [
        ["Zaman", when],
        ["Platformlar", _platforms(brand, entry.platforms)],
        ["Durum", status],
        ["Yazar", _member(brand, entry.author)],
        ["Kampanya", h(entry.campaign) if entry.campaign else "—"],
        ["Sponsorlu", "evet (iş birliği etiketi gerekir)" if front.get("sponsored") is True else "hayır"],
        ["Kriz iletişimi", f"evet ({_code('crisis: true')})" if entry.crisis else "hayır"],
    ]
    topics = front.get("topics")
    if isinstance(topics, list) and topics:
        rows.append(["Bildirilen hassas konular", h(entry.public(", ".join(map(str, topics))))])
    approvals = front.get("approvals")
    if isinstance(approvals, list) and approvals:
        rows.append(["Onaylar", "<br>".join(_approval(brand, a) for a in approvals)])
    until = parse(front.get("embargo"), tz) if isinstance(front.get("embargo"), str) else None
    if until is not None:
        rows.append(["Ambargo", f"{h(labels.date_time(until.astimezone(tz)))} (sona erdi)"])
    rows.append(["Dosya", _code(entry.public(entry.key))])
    return rows


def _approval(brand: Brand, approval: object) -> str:
    if not isinstance(approval, dict):
        return h(str(approval))
    by = approval.get("by")
    at = parse(approval.get("at"), brand.timezone)
    who = _member(brand, by) if isinstance(by, str) else "?"
    return f"{who}, {h(labels.date_time(at.astimezone(brand.timezone)))}" if at else who


def _media(entry: Entry, src: str, directory_urls: bool, files: Mapping[str, bytes]) -> list[str]:
    """Each image as it will be seen (when the file is in the repository), with its alt text
    and path; other media (video) and missing files by path only."""
    media = entry.post.front.get("media")
    if not isinstance(media, list) or not media:
        return []
    items = []
    for item in media:
        if isinstance(item, dict):
            alt = item.get("alt")
            has_alt = isinstance(alt, str) and bool(alt)
            alt_text = f": {h(entry.public(alt))}" if has_alt else " (alt metin yok)"
            caption = f"{_code(entry.public(item.get('path', '?')))}{alt_text}"
            path = item.get("path")
            if isinstance(path, str) and path in files:
                src_attr = h(file_href(media_path(path), src, directory_urls))
                alt_attr = h(entry.public(alt)) if has_alt else ""
                items.append(f'<li><figure class="ekip-gorsel"><img src="{src_attr}" alt="{alt_attr}" '
                             f'loading="lazy"><figcaption>{caption}</figcaption></figure></li>')
            else:
                items.append(f"<li>{caption}</li>")
    return ['<p class="ekip-etiket">Görseller</p>', f'<ul class="ekip-gorseller">{"".join(items)}</ul>']


def _lengths(brand: Brand, entry: Entry, text: str) -> list[str]:
    rows = []
    for pid in entry.platforms:
        platform = brand.platforms.get(pid)
        if platform is None:
            rows.append([h(pid), "—", "—", "—", "bilinmeyen platform"])
            continue
        n = length(text, platform.counting, platform.url_length)
        left = platform.max_length - n
        verdict = f"✓ {left} karakter kaldı" if left >= 0 else f"✗ <strong>{-left} karakter fazla</strong>"
        how = _(COUNTINGS.get(platform.counting, platform.counting))
        if platform.url_length:
            how += f"; her bağlantı {platform.url_length}"
        rows.append([h(platform.name), str(n), str(platform.max_length), h(how), verdict])
    if not rows:
        return []
    return ['<h2 id="uzunluk" data-search-exclude>Platformlara göre uzunluk</h2>',
            _table(("Platform", "Uzunluk", "Sınır", "Nasıl sayılır", "Durum"), rows)]


def _findings(entry: Entry, rules: str) -> list[str]:
    """``rules``: the link to the brand guide, where every rule id is an anchor."""
    lines = ['<h2 id="bulgular" data-search-exclude>Denetim bulguları</h2>']
    if not entry.findings:
        return [*lines, f"<p>{_code('ekip check')} bu gönderide bir şey bulmadı.</p>"]
    rows = [
        [f"{f.line}:{f.column}", h(labels.LEVELS.get(f.level, f.level)),
         f'<a href="{h(rules)}#{h(f.rule)}">{_code(f.rule)}</a>', h(f.message)]
        for f in entry.findings
    ]
    summary = f"<p>{_code('ekip check')} bu gönderide {len(entry.findings)} bulgu verdi (dil denetimi kapalı).</p>"
    return [*lines, summary, _table(("Satır:sütun", "Düzey", "Kural", "Mesaj"), rows)]


def _numbers(brand: Brand, stats: Sequence[PostStats]) -> list[str]:
    """The post's numbers per platform (its latest snapshot), as ``ekip report`` counts them."""
    from checks.metrics.numbers import format_number, format_percent

    if not stats:
        return []

    def n(v: float | None, digits: int = 0) -> str:
        return format_number(v, digits) if v is not None else "—"

    rows = []
    for s in sorted(stats, key=lambda s: s.platform):
        name = brand.platforms[s.platform].name if s.platform in brand.platforms else s.platform
        where = f'<a href="{h(s.permalink)}">{h(name)}</a>' if s.permalink.startswith("https://") else h(name)
        rows.append([where, n(s.impressions), n(s.counts.get("reach")), n(s.engagement),
                     format_percent(s.er_followers), format_percent(s.er_reach), format_percent(s.er_impressions),
                     format_percent(s.ctr), n(s.lifetime, 1), str(s.snapshots)])
    return ['<h2 id="performans" data-search-exclude>Performans</h2>',
            "<p>Son içe aktarılan sayılar (<code>ekip metrics import</code>); oranlar el kitabının Metrikler "
            "sayfasındaki gibi. ER: etkileşim oranı, TO: tıklama oranı.</p>",
            _table(("Platform", "Görüntüleme", "Erişim", "Etkileşim", "ER (takipçi)", "ER (erişim)",
                    "ER (görüntüleme)", "TO", "İçerik ömrü (sa)", "Ölçüm"), rows)]
