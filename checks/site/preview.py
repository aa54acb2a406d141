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

from checks.i18n import _, ngettext
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
    back.append(link(_("Overview"), CALENDAR))
    text = entry.post.text  # counted as it is; shown with personal data masked (entry.public_text)
    shown = entry.public_text
    parts = [
        f"<h1>{h(entry.title)}</h1>",
        f"<p><strong>{_summary(brand, entry)}</strong></p>",
        f"<p>{' · '.join(back)}</p>",
        '<p class="ekip-etiket">' + _("Text") + "</p>",
        f'<div class="ekip-gonderi">{post_html(shown)}</div>' if text
        else "<p><em>" + _("The post has no text.") + "</em></p>",
        *_media(entry, src, directory_urls, media or {}),
    ]
    unindexed = [
        "<div data-search-exclude>",
        '<h2 id="bilgiler" data-search-exclude>' + _("Details") + "</h2>",
        _table((_("Field"), _("Value")), _facts(brand, entry)),
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
    parts = [h(labels.date_time(entry.when)) if entry.when else _("no date"),
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
    when = f"{h(labels.date_time(entry.when))} ({_code(tz.key)})" if entry.when else _("no valid date")
    status = f"{h(labels.status(entry.status))} ({_code(entry.status)})" if entry.status else "—"
    rows = [
        [_("Time"), when],
        [_("Platforms"), _platforms(brand, entry.platforms)],
        [_("Status"), status],
        [_("Author"), _member(brand, entry.author)],
        [_("Campaign"), h(entry.campaign) if entry.campaign else "—"],
        [_("Sponsored"), _("yes (needs a partnership tag)") if front.get("sponsored") is True else _("no")],
        [_("Crisis communication"),
         _("yes ({value})").format(value=_code("crisis: true")) if entry.crisis else _("no")],
    ]
    topics = front.get("topics")
    if isinstance(topics, list) and topics:
        rows.append([_("Declared sensitive topics"), h(entry.public(", ".join(map(str, topics))))])
    approvals = front.get("approvals")
    if isinstance(approvals, list) and approvals:
        rows.append([_("Approvals given"), "<br>".join(_approval(brand, a) for a in approvals)])
    until = parse(front.get("embargo"), tz) if isinstance(front.get("embargo"), str) else None
    if until is not None:
        rows.append([_("Embargo"), _("{time} (ended)").format(time=h(labels.date_time(until.astimezone(tz))))])
    rows.append([_("File"), _code(entry.public(entry.key))])
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
            alt_text = f": {h(entry.public(alt))}" if has_alt else " " + _("(no alt text)")
            caption = f"{_code(entry.public(item.get('path', '?')))}{alt_text}"
            path = item.get("path")
            if isinstance(path, str) and path in files:
                src_attr = h(file_href(media_path(path), src, directory_urls))
                alt_attr = h(entry.public(alt)) if has_alt else ""
                items.append(f'<li><figure class="ekip-gorsel"><img src="{src_attr}" alt="{alt_attr}" '
                             f'loading="lazy"><figcaption>{caption}</figcaption></figure></li>')
            else:
                items.append(f"<li>{caption}</li>")
    return ['<p class="ekip-etiket">' + _("Images") + "</p>", f'<ul class="ekip-gorseller">{"".join(items)}</ul>']


def _lengths(brand: Brand, entry: Entry, text: str) -> list[str]:
    rows = []
    for pid in entry.platforms:
        platform = brand.platforms.get(pid)
        if platform is None:
            rows.append([h(pid), "—", "—", "—", _("unknown platform")])
            continue
        n = length(text, platform.counting, platform.url_length)
        left = platform.max_length - n
        if left >= 0:
            verdict = "✓ " + ngettext("{n} character left", "{n} characters left", left).format(n=left)
        else:
            verdict = "✗ <strong>" + ngettext("{n} character too many", "{n} characters too many",
                                              -left).format(n=-left) + "</strong>"
        how = _(COUNTINGS.get(platform.counting, platform.counting))
        if platform.url_length:
            how += _("; each link {n}").format(n=platform.url_length)
        rows.append([h(platform.name), str(n), str(platform.max_length), h(how), verdict])
    if not rows:
        return []
    return ['<h2 id="uzunluk" data-search-exclude>' + _("Length per platform") + "</h2>",
            _table((_("Platform"), _("Length"), _("Limit"), _("How it is counted"), _("Status")), rows)]


def _findings(entry: Entry, rules: str) -> list[str]:
    """``rules``: the link to the brand guide, where every rule id is an anchor."""
    lines = ['<h2 id="bulgular" data-search-exclude>' + _("Check findings") + "</h2>"]
    if not entry.findings:
        return [*lines, "<p>" + _("{command} found nothing in this post.").format(command=_code("ekip check")) + "</p>"]
    rows = [
        [f"{f.line}:{f.column}", h(labels.level(f.level)),
         f'<a href="{h(rules)}#{h(f.rule)}">{_code(f.rule)}</a>', h(f.message)]
        for f in entry.findings
    ]
    n = len(entry.findings)
    summary = "<p>" + ngettext("{command} gave {n} finding in this post (grammar check off).",
                               "{command} gave {n} findings in this post (grammar check off).",
                               n).format(command=_code("ekip check"), n=n) + "</p>"
    return [*lines, summary, _table((_("Line:column"), _("Level"), _("Rule"), _("Message")), rows)]


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
    return ['<h2 id="performans" data-search-exclude>' + _("Performance") + "</h2>",
            "<p>" + _("The numbers last imported (<code>ekip metrics import</code>); rates as on the handbook's "
                      "Metrics page. ER: engagement rate, CTR: click-through rate.") + "</p>",
            _table((_("Platform"), _("Impressions"), _("Reach"), _("Engagement"), _("ER (followers)"),
                    _("ER (reach)"), _("ER (impressions)"), _("CTR"), _("Content lifetime (h)"), _("Snapshots")), rows)]
